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
    # Snapchat: the "share username" link, and the public-profile forms (with share params)
    (
        "https://www.snapchat.com/add/alex.example-gp",
        "https://www.snapchat.com/add/alex.example-gp",
    ),
    ("https://snapchat.com/add/AlexExample/", "https://www.snapchat.com/add/alexexample"),
    (
        "https://www.snapchat.com/add/alexexample?share_id=abc123&locale=en-GB",
        "https://www.snapchat.com/add/alexexample",
    ),
    ("https://www.snapchat.com/@alex_example", "https://www.snapchat.com/add/alex_example"),
    (
        "https://www.snapchat.com/@alexexample?sender_web_id=0f0a&device_type=desktop",
        "https://www.snapchat.com/add/alexexample",
    ),
    ("https://story.snapchat.com/@alexexample", "https://www.snapchat.com/add/alexexample"),
    # Telegram: t.me, telegram.me and telegram.dog are one service (core.telegram.org/api/links)
    ("https://t.me/AlexExample", "https://t.me/alexexample"),
    ("https://t.me/alex_example_gp/", "https://t.me/alex_example_gp"),
    ("https://telegram.me/alexexample", "https://t.me/alexexample"),
    ("http://www.telegram.me/AlexExample", "https://t.me/alexexample"),
    ("https://telegram.dog/alexexample", "https://t.me/alexexample"),
    ("https://t.me/alex", "https://t.me/alex"),  # 4 letters: a collectible username
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
    # Snapchat pages that are not a person's profile
    "https://www.snapchat.com/download",
    "https://www.snapchat.com/add/",
    "https://www.snapchat.com/",
    "https://www.snapchat.com/discover",
    "https://www.snapchat.com/spotlight/W7_EDlXWTBiXAEEniNoMPwAAYa2JrbHVreHFqAZR1",
    "https://www.snapchat.com/lens/0a1b2c3d4e5f",
    "https://www.snapchat.com/@alexexample/spotlight/W7_EDlXWTBiX",  # one video, not the profile
    "https://www.snapchat.com/t/AbCdEf12",  # a short share link: no username in it
    "https://www.snapchat.com/add/1alex",  # usernames start with a letter
    "https://www.snapchat.com/add/averyveryverylongname",  # over 15 characters
    "https://accounts.snapchat.com/accounts/login",
    "https://snapchat.example.com/add/alexexample",  # a look-alike host
    # Telegram links that are not a person's profile
    "https://t.me/joinchat/AAAAAEkk2WdoDrB4-Q8-gg",  # group invite (old form)
    "https://t.me/+AbCdEfGhIjKlMnOp",  # group invite
    "https://t.me/+447700900123",  # a phone-number link, not a username
    "https://t.me/share/url?url=https%3A%2F%2Fpractice.example&text=hello",
    "https://t.me/share?url=https%3A%2F%2Fpractice.example",
    "https://telegram.me/share/url?url=x",
    "https://t.me/addstickers/ExampleStickers",
    "https://t.me/proxy?server=proxy.example&port=443&secret=abc",
    "https://t.me/socks?server=proxy.example&port=1080",
    "https://t.me/login?code=12345",
    "https://t.me/confirmphone?phone=447700900123&hash=abc",
    "https://t.me/setlanguage/en-gb",
    "https://t.me/s/examplechannel",  # a channel's web preview
    "https://t.me/c/1234567890/42",  # a message in a private channel
    "https://t.me/examplechannel/123",  # one post, not the profile
    "https://t.me/ExampleSurgeryBot?start=appointments",  # a bot link
    "https://t.me/ExampleSurgeryBot?startgroup=true",
    "https://t.me/abc",  # too short for a username
    "https://t.me/1alexexample",  # usernames start with a letter
    "https://telegram.org/faq",
    "https://core.telegram.org/api/links",
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
    ("Snapchat: @alex.example-gp", ["https://www.snapchat.com/add/alex.example-gp"]),
    ("Message me on Telegram @Alex_Example", ["https://t.me/alex_example"]),
    ("Telegram: @abc", []),  # too short to be a Telegram username
    ("Instagram: @explore", []),  # reserved: never a person, as with the links
    ("Instagram: @alex-example", []),  # no '-' in Instagram names: not cut short to @alex
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
