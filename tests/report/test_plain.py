"""Plain words: no setting names or config syntax; help links only from official sites."""

from __future__ import annotations

import pytest

from footprint.report.links import is_official, official_links
from footprint.report.plain import plain, plain_reason


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "skipped: needs an API key in FOOTPRINT_HIBP_KEY",
            "Not run: it needs a paid key for the service, set up in footprint's settings",
        ),
        (
            "skipped: needs an API key in FOOTPRINT_COMPANIES_HOUSE_KEY",
            "Not run: it needs a key for the service, set up in footprint's settings",
        ),
        (
            "skipped: no Mastodon username in your profile (usernames: mastodon: ...)",
            "Not run: no Mastodon username in your profile",
        ),
        (
            "skipped: no pages listed in your profile (add them under urls: or a workplace's url:)",
            "Not run: no pages listed in your profile",
        ),
        ("couldn't check: took too long", "Could not check: took too long"),
    ],
)
def test_reasons_in_plain_words(raw: str, expected: str) -> None:
    assert plain_reason(raw) == expected


def test_plain_drops_overrides_checklist_ids_and_any_setting_name() -> None:
    text = plain(
        "your domain to http://127.0.0.1/rdap (FOOTPRINT_RDAP_URL override, instead of rdap.org)"
    )
    assert "FOOTPRINT_" not in text and "instead of rdap.org" in text
    assert plain("Then answer the Facebook questions (checklist 'facebook').") == (
        "Then answer the Facebook questions."
    )
    assert "FOOTPRINT_" not in plain("set FOOTPRINT_SOMETHING_NEW first")
    assert plain(None) == ""


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://support.strava.com/hc/en-us/articles/1", True),
        ("https://www.facebook.com/help/1", True),
        ("https://www.gov.uk/guidance/x", True),
        ("https://www.arun.gov.uk/electoral-and-open-register", True),
        ("https://www.192.com/optout/", True),  # the people-search site's own opt-out
        ("https://mdujournal.themdu.com/issue-6", True),
        ("https://newsogoos.com/?p=459", False),
        ("https://github.com/privacyint/website-guides/x.md", False),  # not GitHub's help
        ("https://www.theguardian.com/2011/doctors", False),  # news, not help
        ("https://zwiftinsider.com/strava-map-visibility", False),
        ("not a url", False),
    ],
)
def test_official_help_links(url: str, ok: bool) -> None:
    assert is_official(url) is ok


def test_official_links_keep_order() -> None:
    assert official_links(
        ["https://blog.example/x", "https://www.gov.uk/a", "https://x.com/h"]
    ) == [
        "https://www.gov.uk/a",
        "https://x.com/h",
    ]
