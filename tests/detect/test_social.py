"""Social detector: profile links and @handles, normalised; share buttons and posts ignored."""

from __future__ import annotations

import pytest

from footprint.detect.social import SocialDetector, social_profile
from footprint.detect.text import parse_page


def social(html: str) -> list[str]:
    return [c.normalized for c in SocialDetector().find(parse_page(html), "GB")]


def link(href: str) -> str:
    return f'<a href="{href}">profile</a>'


LINKS = [
    ("https://www.facebook.com/Alex.Example.123", "https://www.facebook.com/alex.example.123"),
    (
        "https://m.facebook.com/profile.php?id=100012345678",
        "https://www.facebook.com/profile.php?id=100012345678",
    ),
    ("https://instagram.com/alex.example.runs", "https://www.instagram.com/alex.example.runs/"),
    ("https://www.instagram.com/Alex_Example/?hl=en", "https://www.instagram.com/alex_example/"),
    ("https://twitter.com/AlexExample", "https://x.com/alexexample"),
    ("https://x.com/alexexample/", "https://x.com/alexexample"),
    ("https://uk.linkedin.com/in/alex-example-gp", "https://www.linkedin.com/in/alex-example-gp"),
    ("https://www.tiktok.com/@alex.example", "https://www.tiktok.com/@alex.example"),
    ("https://www.threads.net/@alex.example", "https://www.threads.net/@alex.example"),
    ("https://www.threads.com/@alex.example", "https://www.threads.net/@alex.example"),
    (
        "https://bsky.app/profile/alexexample.bsky.social",
        "https://bsky.app/profile/alexexample.bsky.social",
    ),
    ("https://www.youtube.com/@AlexExampleGP", "https://www.youtube.com/@AlexExampleGP"),
    (
        "https://www.youtube.com/channel/UC1234567890abcdefghijkl",
        "https://www.youtube.com/channel/UC1234567890abcdefghijkl",
    ),
    ("https://github.com/alexexample-demo", "https://github.com/alexexample-demo"),
    ("https://www.strava.com/athletes/12345678", "https://www.strava.com/athletes/12345678"),
    ("https://strava.com/athletes/12345678/", "https://www.strava.com/athletes/12345678"),
    ("https://mastodon.social/@alexexample", "https://mastodon.social/@alexexample"),
    ("https://mastodon.example.org/@alex", "https://mastodon.example.org/@alex"),
]
NOT_PROFILES = [
    "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fpractice.example",
    "https://www.facebook.com/sharer.php?u=x",
    "https://www.facebook.com/dialog/share?app_id=1",
    "https://twitter.com/intent/tweet?text=hello",
    "https://twitter.com/share?url=x",
    "https://x.com/alexexample/status/1234567890",  # a post, not the profile
    "https://www.linkedin.com/shareArticle?mini=true&url=x",
    "https://www.linkedin.com/company/example-street-surgery",
    "https://www.instagram.com/p/CxYz123/",
    "https://www.instagram.com/explore/tags/gp/",
    "https://www.youtube.com/watch?v=abc",
    "https://github.com/features",
    "https://www.strava.com/activities/9876543210",  # one activity, not the profile
    "https://www.strava.com/clubs/exampleton-runners",
    "https://github.com/alexexample/some-repo",
    "https://bsky.app/intent/compose?text=x",
    "https://medium.com/@alex",  # not a network we report
    "mailto:alex@x.com",
]


@pytest.mark.parametrize(("href", "expected"), LINKS)
def test_normalises_profile_links(href: str, expected: str) -> None:
    assert social(link(href)) == [expected]


@pytest.mark.parametrize("href", NOT_PROFILES)
def test_ignores_share_buttons_and_posts(href: str) -> None:
    assert social(link(href)) == []


HANDLES = [
    ("Follow me on Instagram: @alex.example", ["https://www.instagram.com/alex.example/"]),
    ("IG @alex_runs.", ["https://www.instagram.com/alex_runs/"]),
    ("Twitter - @AlexExample", ["https://x.com/alexexample"]),
    ("TikTok @alex.example", ["https://www.tiktok.com/@alex.example"]),
    ("Threads: @alex.example", ["https://www.threads.net/@alex.example"]),
    ("Find me at @alexexample.bsky.social", ["https://bsky.app/profile/alexexample.bsky.social"]),
    ("Mastodon: @alex@med-mastodon.com", ["https://med-mastodon.com/@alex"]),
    ("Our handle is @examplesurgery", []),  # no network named: ambiguous
    ("alex@clinic.example", []),  # an e-mail address
    ("Meet @ 10am", []),
]


@pytest.mark.parametrize(("text", "expected"), HANDLES)
def test_handles_in_text(text: str, expected: list[str]) -> None:
    assert social(f"<p>{text}</p>") == expected


def test_social_profile_returns_network() -> None:
    assert social_profile("https://www.instagram.com/alex/") == (
        "instagram",
        "https://www.instagram.com/alex/",
    )
    assert social_profile("not a url") is None
    assert social_profile("ftp://instagram.com/alex") is None
