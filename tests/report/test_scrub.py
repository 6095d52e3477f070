"""The scrubber: every form of a member's name and personal values, and nothing else."""

from __future__ import annotations

import pytest

from footprint.profile import Profile
from footprint.report.model import Report
from footprint.report.scrub import LINK_REMOVED, NAME, REMOVED, Scrubber


@pytest.fixture
def scrubber(profile: Profile, report: Report) -> Scrubber:
    return Scrubber.for_report(report, profile)


@pytest.mark.parametrize(
    "phone",
    [
        "07700 900123",
        "07700900123",
        "+44 7700 900123",
        "+447700900123",
        "(07700) 900 123",
        "0044 7700-900-123",
    ],
)
def test_every_spelling_of_the_private_phone_is_removed(scrubber: Scrubber, phone: str) -> None:
    assert scrubber.remove(f"call {phone} now") == f"call {REMOVED} now"


@pytest.mark.parametrize("postcode", ["EX1 2AB", "ex12ab", "EX1  2AB"])
def test_postcode_spellings(scrubber: Scrubber, postcode: str) -> None:
    assert scrubber.remove(f"near {postcode}.") == f"near {REMOVED}."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr Alex Example GP", f"{NAME} GP"),
        ("DR ALEX EXAMPLE", NAME),
        ("A. Example", NAME),
        ("Alex", NAME),
        ("see https://www.facebook.com/alex.example.", f"see {LINK_REMOVED}."),
        ("mail alex.example.home@gmail.com", f"mail {LINK_REMOVED}"),
        ("alexexample", NAME),
        ("github alexexample-demo;", f"github {REMOVED};"),
    ],
)
def test_name_forms_are_removed(scrubber: Scrubber, text: str, expected: str) -> None:
    assert scrubber.remove(text) == expected


def test_name_parts_are_matched_as_whole_words_only() -> None:
    scrubber = Scrubber(names=["Ann Lee"])  # "Lee" is 3 letters, "Ann" too
    text = "Your annual review at Leeds: ask Ann."
    assert scrubber.remove(text) == f"Your annual review at Leeds: ask {NAME}."
    assert scrubber.remove("https://leeds.example/ann-lee") == LINK_REMOVED


def test_short_parts_and_titles_are_not_scrubbed() -> None:
    scrubber = Scrubber(names=["Dr Al Li"])
    assert scrubber.remove("Dr Smith said all is fine") == "Dr Smith said all is fine"
    assert scrubber.remove("Dr Al Li") == NAME


def test_mask_keeps_the_site_of_a_named_link(scrubber: Scrubber) -> None:
    assert (
        scrubber.mask_url("https://www.facebook.com/alex.example")
        == "https://www.facebook.com/\u2026"
    )
    assert scrubber.mask_url("https://alexexample.example/contact") == LINK_REMOVED
    assert scrubber.mask_url("https://www.gmc-uk.org/x") == "https://www.gmc-uk.org/x"


def test_is_personal(scrubber: Scrubber) -> None:
    assert scrubber.is_personal("page-scan.alexexample-demo")
    assert not scrubber.is_personal("facebook.lookup-by-phone")
