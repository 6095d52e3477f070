"""The masked copy's scrubber: every identifying form of a name and value, and nothing else."""

from __future__ import annotations

import pytest

from footprint.model.profile import Profile
from footprint.report.model import Report
from footprint.report.scrub import LINK_REMOVED, Scrubber, fold

D = "\u2022"


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
def test_every_spelling_of_the_private_phone_is_masked(scrubber: Scrubber, phone: str) -> None:
    masked = scrubber.mask(f"call {phone} now")
    assert masked.startswith("call ") and masked.endswith(" now")
    assert "0123" not in masked and D in masked


@pytest.mark.parametrize("postcode", ["EX1 2AB", "ex12ab", "EX1  2AB"])
def test_postcode_spellings(scrubber: Scrubber, postcode: str) -> None:
    assert scrubber.mask(f"near {postcode}.") == f"near EX1 {D * 3}."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr Alex Example GP", "Dr A. E. GP"),
        ("DR ALEX EXAMPLE", "DR A. E."),
        ("Call Dr Example today", "Call Dr E. today"),
        ("A. Example", "A. E."),
        ("Example, Alex", "E. A."),
        ("see https://www.facebook.com/alex.example.", "see https://www.facebook.com/\u2026."),
        ("alexexample", "A."),
        ("github alexexample-demo;", f"github alexe{D * 11};"),
    ],
)
def test_name_forms_are_masked(scrubber: Scrubber, text: str, expected: str) -> None:
    assert scrubber.mask(text) == expected


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Will Page", "Will you check page 2? The page will load; see facebook.com/pages/help."),
        ("Sarah Case", "In case of doubt, case closed. Sarah said the case is open."),
        ("Reason First", "The first reason given: none."),
        ("Li Wu", "Likely Wuhan; see linkedin.com/in/someone and a list."),
        ("Ann Lee", "Your annual review at Leeds: ask Ann."),
    ],
)
def test_a_name_that_is_an_ordinary_word_leaves_ordinary_words_alone(name: str, text: str) -> None:
    scrubber = Scrubber(names=[name, f"Dr {name}"])
    assert scrubber.mask(text) == text
    assert not scrubber.is_personal(text)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("Will Page", "Dr Page and Will Page", "Dr P. and W. P."),
        ("Will Page", "https://facebook.com/will.page", "https://facebook.com/\u2026"),
        ("Sarah Case", "S. Case, Case, Sarah", "S. C., C. S."),
        ("Li Wu", "Dr Wu (liwu.example) wrote", f"Dr W. ({LINK_REMOVED}) wrote"),
        ("Zoë Ó Briain", "Zoe O Briain and Dr Briain", "Z. O. B. and Dr B."),
    ],
)
def test_a_name_is_masked_where_it_identifies(name: str, text: str, expected: str) -> None:
    scrubber = Scrubber(names=[name, f"Dr {name}"])
    assert scrubber.mask(text) == expected


def test_fold_removes_accents_and_case() -> None:
    assert fold("Zoë Ó Briain") == "zoe o briain"


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


def test_identifiers_are_matched_as_whole_words() -> None:
    scrubber = Scrubber(identifiers=["Ely", "QMC"])
    assert scrubber.mask("Ely and QMC") == f"E{D * 3} and Q{D * 3}"
    assert scrubber.mask("likely, a QMCx") == "likely, a QMCx"


def test_patterns_stay_bounded_for_a_long_name() -> None:
    """Every tail of a long name was its own pattern: 60,000 characters took 53 s to mask."""
    short = Scrubber(names=["Dr Maria Luisa Garcia Lopez"])
    long_name = "Alex Example " * 5_000  # longer than a profile allows: cut, never quadratic
    scrubber = Scrubber(names=[long_name, "Dr " + long_name])
    total = sum(len(rule.pattern.pattern) for rule in scrubber.rules)
    assert total < 50 * sum(len(rule.pattern.pattern) for rule in short.rules)
    assert scrubber.mask("Dr " + long_name).startswith("Dr A. E. A. E.")
    # Real surnames of up to four words still get their own forms.
    assert short.mask("Ms Garcia Lopez wrote") == "Ms G. L. wrote"
