"""The scrubber: every form of a member's name and personal values, and nothing else."""

from __future__ import annotations

import pytest

from footprint.profile import Profile
from footprint.report.hosts import strip_urls
from footprint.report.model import Report
from footprint.report.scrub import LINK_REMOVED, NAME, REMOVED, SITE_REMOVED, Scrubber


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


# --- the member's own sites (adviser copy only) --------------------------------------------

# Hosts with no name part in them, so only the site rules can catch them (".test" is reserved).
SITES = [
    "https://team.greenlane-surgery.co.uk/our-doctors",  # registrable: greenlane-surgery.co.uk
    "https://www.riverside-clinic.test/contact",
    "https://www.facebook.com/dr.a.e.99",  # a shared site: only this page is the member's
    "https://www.greentrust.nhs.uk/consultants/ae",  # under nhs.uk, which is shared
]


@pytest.fixture
def site_scrubber() -> Scrubber:
    return Scrubber(names=["Alex Example"], sites=SITES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "page riverside-clinic.test/contact: couldn't check",
            f"page {SITE_REMOVED}: couldn't check",
        ),
        ("fetched www.riverside-clinic.test and more", f"fetched {SITE_REMOVED} and more"),
        (
            "blocked at https://WWW.Riverside-Clinic.TEST:8443/a?b=1#c.",
            f"blocked at {SITE_REMOVED}.",
        ),
        ("write to reception@riverside-clinic.test today", f"write to {SITE_REMOVED} today"),
        (
            "listed (team.greenlane-surgery.co.uk, www.riverside-clinic.test) are fetched",
            f"listed ({SITE_REMOVED}, {SITE_REMOVED}) are fetched",
        ),
        # The registrable domain and its other subdomains point at the member too.
        ("book at bookings.greenlane-surgery.co.uk/online", f"book at {SITE_REMOVED}"),
        ("greenlane-surgery.co.uk", SITE_REMOVED),
        ("see facebook.com/dr.a.e.99/photos now", f"see {SITE_REMOVED} now"),
        ("https://www.facebook.com/dr.a.e.99", SITE_REMOVED),
        ("a page on greentrust.nhs.uk;", f"a page on {SITE_REMOVED};"),
    ],
)
def test_the_member_s_own_sites_are_removed(
    site_scrubber: Scrubber, text: str, expected: str
) -> None:
    assert site_scrubber.remove(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Search nhs.uk and facebook.com for your name.",
        "https://www.facebook.com/help/privacy",
        "https://www.nhs.uk/services/gp-surgery/",
        "notriverside-clinic.test and riverside-clinic.testing are other sites",
        "greenlane-surgery.co.uk.evil.test is not the member's",
        "co.uk alone is a suffix",
    ],
)
def test_shared_and_lookalike_sites_stay(site_scrubber: Scrubber, text: str) -> None:
    assert site_scrubber.remove(text) == text
    assert not site_scrubber.is_personal(text)


def test_only_the_adviser_scrubber_removes_sites(report: Report, profile: Profile) -> None:
    member = profile.model_copy(update={"urls": SITES})
    text = "page riverside-clinic.test/contact: couldn't check"
    assert Scrubber.for_report(report, member).remove(text) == text
    assert Scrubber.for_report(report, member).mask(text) == text
    hiding = Scrubber.for_report(report, member, hide_sites=True)
    assert hiding.remove(text) == f"page {SITE_REMOVED}: couldn't check"


def test_without_a_profile_the_page_scan_consent_names_the_sites(report: Report) -> None:
    consent = report.consents[0].model_copy(update={"destinations": ["www.riverside-clinic.test"]})
    r = report.model_copy(update={"consents": [consent]})
    hiding = Scrubber.for_report(r, None, hide_sites=True)
    assert hiding.remove("riverside-clinic.test/contact") == SITE_REMOVED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see https://www.192.com/optout/.", f"see {LINK_REMOVED}."),
        ("(http://a.test/x?y=1)", f"({LINK_REMOVED})"),
        ("Search 192.com by hand", "Search 192.com by hand"),
    ],
)
def test_strip_urls(text: str, expected: str) -> None:
    assert strip_urls(text, LINK_REMOVED) == expected
