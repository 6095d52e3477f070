"""Report copies: the adviser copy holds no personal identifiers, in any format."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from footprint.errors import ReportError
from footprint.profile import Profile
from footprint.report.model import Copy, Evidence, NotChecked, Report, ResponsePlanStep
from footprint.report.redact import HIDDEN_ID, to_copy
from footprint.report.render import Format

RENDERERS = {fmt: fmt.renderer() for fmt in Format if fmt is not Format.PDF}


def _forbidden(profile: Profile) -> list[str]:
    """Every private value and name form, in the spellings a page or a URL might use."""
    values = list(profile.private_values())
    for phone in profile.private.phones:
        digits = re.sub(r"\D", "", phone)
        values += [digits, "+44" + digits.lstrip("0"), "+44 " + phone.lstrip("0")]
    if profile.private.home_postcode:
        values.append(profile.private.home_postcode.replace(" ", ""))
    values += [e.split("@")[0] for e in profile.private.emails]
    values += profile.all_names
    values += [*profile.usernames.values(), *profile.domains, *(w.name for w in profile.workplaces)]
    parts = [p.lower() for p in re.findall(r"[A-Za-z]{3,}", profile.name)]
    values += ["".join(parts), ".".join(parts), "-".join(parts)]
    return values


def _name_parts(profile: Profile) -> list[str]:
    return [p for p in re.findall(r"[A-Za-z]{3,}", " ".join(profile.all_names)) if p != "Dr"]


@pytest.mark.parametrize("fmt", list(RENDERERS))
def test_adviser_copy_holds_no_private_value_or_name_in_any_format(
    fmt: Format, make_report: Callable[..., Report], profile: Profile
) -> None:
    text = str(RENDERERS[fmt](to_copy(make_report(active=True), Copy.ADVISER, profile)))
    low = text.lower()
    for value in _forbidden(profile):
        assert value.lower() not in low, value
    for part in _name_parts(profile):
        assert not re.search(rf"\b{part}\b", text, re.IGNORECASE), part
    # Any URL-like token that still contains a name part would identify the member.
    for token in re.findall(r"\S*(?:/|@|www\.)\S*", text):
        assert not any(p.lower() in token.lower() for p in _name_parts(profile)), token


def test_adviser_copy_keeps_what_the_adviser_needs(report: Report, profile: Profile) -> None:
    adviser = to_copy(report, Copy.ADVISER, profile)
    assert adviser.copy_kind is Copy.ADVISER
    assert adviser.case == "MDU-2026-0042" and adviser.adviser == "Sam Adviser"
    assert adviser.generated_at == report.generated_at
    assert adviser.summary.score == report.summary.score
    assert adviser.summary.axes == report.summary.axes
    assert adviser.summary.counts == report.summary.counts
    assert [f.title for f in adviser.findings] == [f.title for f in report.findings]
    assert [f.severity for f in adviser.findings] == [f.severity for f in report.findings]
    assert [f.steps for f in adviser.findings] == [f.steps for f in report.findings]
    assert adviser.response_plan == report.response_plan
    assert adviser.guidance == report.guidance
    assert adviser.subject.name == "Dr A. E."


def test_adviser_copy_drops_evidence_and_links_that_name_the_member(
    report: Report, profile: Profile
) -> None:
    adviser = to_copy(report, Copy.ADVISER, profile)
    assert all(f.evidence == [] for f in [*adviser.findings, *adviser.accepted])
    home = next(f for f in adviser.findings if f.id == "page-scan.home-address")
    assert home.links == []  # both links are on a site whose path names the member
    consent = adviser.consents[0]
    assert "Alex" not in consent.sentence and "[name]" in consent.sentence
    assert consent.asked_by == "Sam Adviser"
    assert "[name]" in adviser.not_checked[0].how_to_check
    assert "Dr Alex Example" not in adviser.lookups[0].errors[0]


def test_adviser_copy_keeps_links_that_name_nobody(
    make_report: Callable[..., Report], profile: Profile
) -> None:
    adviser = to_copy(make_report(), Copy.ADVISER, profile)
    facebook = next(f for f in adviser.findings if f.id == "facebook.lookup-by-phone")
    assert facebook.links == ["https://www.facebook.com/help/privacy"]


def test_adviser_copy_hides_since_last_ids_with_personal_data(
    report: Report, profile: Profile
) -> None:
    assert report.since_last is not None
    since = report.since_last.model_copy(
        update={
            "new": ["page-scan.personal-mobile", "page-scan.alexexample-demo"],
            "not_rechecked": ["x.discoverability", "username.alexexample-demo"],
            "titles": {"page-scan.alexexample-demo": "Your GitHub profile"},
        }
    )
    adviser = to_copy(report.model_copy(update={"since_last": since}), Copy.ADVISER, profile)
    assert adviser.since_last is not None
    assert adviser.since_last.new == ["page-scan.personal-mobile", HIDDEN_ID]
    assert adviser.since_last.not_rechecked == ["x.discoverability", HIDDEN_ID]
    assert adviser.since_last.titles == {}
    assert adviser.since_last.previous_session == "sess-0001"


def test_adviser_copy_without_a_profile_still_removes_names_and_matched_values(
    report: Report,
) -> None:
    text = Format.JSON.renderer()(to_copy(report, Copy.ADVISER, None))
    assert isinstance(text, str)
    for value in ("12 Fictional Lane", "07700 900123", "alex.example.home@gmail.com"):
        assert value.lower() not in text.lower(), value
    for part in ("Alex", "Example"):  # the town ("Exampleton") is only known from the profile
        assert not re.search(rf"\b{part}\b", text, re.IGNORECASE), part


def test_adviser_copy_leaves_vocabulary_alone(report: Report, profile: Profile) -> None:
    # A member called "High" must not break severities or levels.
    odd = profile.model_copy(update={"name": "High Low"})
    adviser = to_copy(report, Copy.ADVISER, odd)
    assert [f.severity for f in adviser.findings] == [f.severity for f in report.findings]


def test_masked_copy_masks_values_but_keeps_shape(report: Report, profile: Profile) -> None:
    masked = to_copy(report, Copy.MASKED, profile)
    assert masked.copy_kind is Copy.MASKED
    assert masked.subject.name == "Dr A. E."
    mobile = next(f for f in masked.findings if f.id == "page-scan.personal-mobile")
    assert len(mobile.evidence) == 2
    assert mobile.evidence[0].matched == "07700 9\u2022\u2022\u2022\u2022\u2022"
    assert mobile.evidence[1].matched == "a***@gmail.com"
    assert "07700 900123" not in (mobile.evidence[0].snippet or "")
    home = next(f for f in masked.findings if f.id == "page-scan.home-address")
    assert "EX1 \u2022\u2022\u2022" in (home.evidence[0].snippet or "")
    for fmt, render in RENDERERS.items():
        text = str(render(masked)).lower()
        for value in profile.private_values():
            assert value.lower() not in text, (fmt, value)


def test_masked_copy_leaves_help_numbers_in_the_plan_alone(
    make_report: Callable[..., Report], profile: Profile
) -> None:
    r = make_report()
    helpline = ResponsePlanStep(title="Call the helpline", detail="Ring 0808 802 0300.")
    plan = r.response_plan.model_copy(update={"steps": [*r.response_plan.steps, helpline]})
    masked = to_copy(r.model_copy(update={"response_plan": plan}), Copy.MASKED, profile)
    assert masked.response_plan.steps[-1].detail == "Ring 0808 802 0300."


def test_member_copy_is_the_report_itself(report: Report, profile: Profile) -> None:
    assert to_copy(report, Copy.MEMBER, profile) is report


@pytest.mark.parametrize(
    ("start", "target"),
    [(Copy.ADVISER, Copy.MEMBER), (Copy.ADVISER, Copy.MASKED), (Copy.MASKED, Copy.MEMBER)],
)
def test_a_copy_cannot_be_unredacted(
    report: Report, profile: Profile, start: Copy, target: Copy
) -> None:
    reduced = to_copy(report, start, profile)
    with pytest.raises(ReportError, match="cannot be turned into"):
        to_copy(reduced, target, profile)


@pytest.mark.parametrize("copy", list(Copy))
def test_making_the_same_copy_twice_changes_nothing(
    report: Report, profile: Profile, copy: Copy
) -> None:
    once = to_copy(report, copy, profile)
    assert to_copy(once, copy, profile) == once


def test_where_something_was_found_stays_readable(
    make_report: Callable[..., Report], profile: Profile
) -> None:
    # Evidence can match a site or platform name; only personal-looking values are scrubbed.
    r = make_report()
    site = r.findings[0].model_copy(
        update={
            "id": "web-search.social.instagram",
            "title": "Your personal profile appears when someone searches your name: Instagram",
            "evidence": [Evidence(url="https://www.instagram.com/x", matched="Instagram")],
        }
    )
    r = r.model_copy(update={"findings": [site, *r.findings[1:]]})
    for copy in (Copy.ADVISER, Copy.MASKED):
        out = to_copy(r, copy, profile)
        assert out.findings[0].title.endswith(": Instagram")
    masked = to_copy(r, Copy.MASKED, profile)
    assert masked.findings[0].evidence[0].matched == "Instagram"


def test_masked_copy_keeps_ids_stable_for_diffs(report: Report, profile: Profile) -> None:
    named = report.findings[0].model_copy(update={"id": "page-scan.alexexample-demo"})
    r = report.model_copy(update={"findings": [named, *report.findings[1:]]})
    masked = to_copy(r, Copy.MASKED, profile)
    assert [f.id for f in masked.findings] == [f.id for f in r.findings]
    assert masked.since_last is not None and r.since_last is not None
    assert masked.since_last.new == r.since_last.new
    assert masked.since_last.not_rechecked == r.since_last.not_rechecked


def test_masked_copy_keeps_not_rechecked_and_answered_ids_as_they_are(
    report: Report, profile: Profile
) -> None:
    # A finding id may carry a username (lookup keys); masking it would break `footprint diff`.
    named = "username.alexexample-demo"
    assert report.since_last is not None
    since = report.since_last.model_copy(update={"not_rechecked": [named]})
    r = report.model_copy(update={"since_last": since, "answered": [named, "photos.exif"]})
    masked = to_copy(r, Copy.MASKED, profile)
    assert masked.since_last is not None
    assert masked.since_last.not_rechecked == [named]
    assert masked.answered == [named, "photos.exif"]
    adviser = to_copy(r, Copy.ADVISER, profile)
    assert adviser.since_last is not None
    assert adviser.since_last.not_rechecked == [HIDDEN_ID]
    assert "alexexample" not in " ".join(adviser.answered)
    adviser = to_copy(r, Copy.ADVISER, profile)
    assert "alexexample" not in adviser.findings[0].id


def _report_quoting_own_sites(make_report: Callable[..., Report]) -> Report:
    """Free text that quotes the member's listed pages, as page-scan and its consent write it."""
    r = make_report()
    consent = r.consents[0].model_copy(
        update={
            "sentence": "the addresses of 3 pages you listed (team.greenlane-surgery.co.uk, "
            "www.riverside-clinic.test, www.facebook.com) are fetched; nothing about you is sent",
            "destinations": [
                "team.greenlane-surgery.co.uk",
                "www.team.greenlane-surgery.co.uk",
                "riverside-clinic.test",
                "www.riverside-clinic.test",
                "facebook.com",
                "www.facebook.com",
            ],
        }
    )
    not_checked = NotChecked(
        id="page-scan:1",
        title="page riverside-clinic.test/contact",
        reason="couldn't check: blocked (403)",
        how_to_check="Open www.riverside-clinic.test/contact and facebook.com/dr.a.e.99, then "
        "bookings.greenlane-surgery.co.uk. Opt out at https://www.192.com/optout/.",
    )
    lookup = r.lookups[0].model_copy(
        update={"errors": ["https://www.riverside-clinic.test/contact returned 403"]}
    )
    plan = r.response_plan.model_copy(
        update={"steps": [ResponsePlanStep(title="Ask", detail="Ask the practice.", links=[])]}
    )
    return r.model_copy(
        update={
            "consents": [consent, *r.consents[1:]],
            "not_checked": [not_checked],
            "lookups": [lookup, *r.lookups[1:]],
            "response_plan": plan,
        }
    )


OWN_SITES = ["riverside-clinic", "greenlane-surgery", "192.com/optout"]


@pytest.mark.parametrize("with_profile", [True, False])
@pytest.mark.parametrize("fmt", list(RENDERERS))
def test_adviser_copy_holds_no_host_or_url_of_the_member_s_pages(
    fmt: Format, with_profile: bool, make_report: Callable[..., Report], profile: Profile
) -> None:
    workplace = profile.workplaces[0].model_copy(
        update={"url": "https://www.riverside-clinic.test/team"}
    )
    member = profile.model_copy(
        update={
            "urls": [
                "https://team.greenlane-surgery.co.uk/our-doctors",
                "https://www.facebook.com/dr.a.e.99",
            ],
            "workplaces": [workplace],
        }
    )
    report = _report_quoting_own_sites(make_report)
    # Without the profile, the page-scan consent record still names the member's sites.
    adviser = to_copy(report, Copy.ADVISER, member if with_profile else None)
    text = str(RENDERERS[fmt](adviser)).lower()
    for value in OWN_SITES:
        assert value not in text, value
    if with_profile:  # a page on a shared site is known only from the profile
        assert "dr.a.e.99" not in text
    assert "www.facebook.com" in text  # a shared site says nothing about the member
    assert "https://www.gmc-uk.org/" in text  # guidance sources stay linked
    assert "https://www.facebook.com/help/privacy" in text  # so do help pages


def test_masked_copy_keeps_the_member_s_own_sites_readable(
    make_report: Callable[..., Report], profile: Profile
) -> None:
    member = profile.model_copy(update={"urls": ["https://www.riverside-clinic.test/contact"]})
    report = _report_quoting_own_sites(make_report)
    masked = to_copy(report, Copy.MASKED, member)
    assert masked.not_checked[0].title == "page riverside-clinic.test/contact"
    assert "www.riverside-clinic.test" in masked.consents[0].sentence
    assert "https://www.192.com/optout/" in masked.not_checked[0].how_to_check
