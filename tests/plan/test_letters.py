"""Drafted requests: the right law for where the doctor lives, the right recipient, and never a
private detail the recipient does not already show."""

from __future__ import annotations

import email
from datetime import date
from email import policy
from pathlib import Path
from typing import Any

import pytest

from footprint.content.recipients import load_recipients
from footprint.model.profile import Profile
from footprint.model.vocab import Axis, Severity
from footprint.plan.laws import LAWS
from footprint.plan.letter_needs import shown_values
from footprint.plan.letters import (
    Draft,
    RequestKind,
    RequestNeed,
    draft,
    follow_up_requests,
    request_for,
    write_draft,
)
from footprint.report.model import Evidence, Finding, Status

TODAY = date(2026, 12, 6)
PRIVATE = {
    "emails": ["alex.example.home@gmail.com"],
    "phones": ["07700 900123", "0113 496 0999"],
    "home_postcode": "EX1 2AB",
    "home_street": "12 Fictional Lane",
}


def profile(**changes: Any) -> Profile:
    """A fictional doctor with a full private block."""
    # Phones must be real numbers where the doctor lives: an Irish doctor's UK phones are
    # written with +44, as they would dial them from Ireland.
    private = PRIVATE
    if changes.get("jurisdiction") == "IE":
        private = {**PRIVATE, "phones": ["+44 7700 900123", "+44 113 496 0999"]}
    data: dict[str, Any] = {"name": "Alex Example", "private": private, **changes}
    return Profile.model_validate(data)


def finding(fid: str, *evidence: Evidence) -> Finding:
    return Finding(
        id=fid,
        title="t",
        severity=Severity.HIGH,
        axis=Axis.CONTACTABLE,
        status=Status.EXPOSED,
        area=fid.split(".")[0],
        area_title="a",
        source="checklist",
        why="w",
        steps=["s"],
        effort_minutes=5,
        evidence=list(evidence),
    )


def private_values_in(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """The profile's private values that appear in `text`, other than `allowed`."""
    values = [*PRIVATE["emails"], *PRIVATE["phones"], PRIVATE["home_postcode"]]
    values.append(PRIVATE["home_street"])
    return [v for v in values if v not in allowed and v.lower() in text.lower()]


LISTING = "https://www.192.com/atoz/people/example/alex/"
US_PHONE = "+1 202 555 0143"  # a fictional (555-01xx) number


def test_the_uk_people_search_draft_cites_article_17_and_the_one_month_period() -> None:
    need = request_for(
        finding("web-search.people-search.192-com:1", Evidence(url=LISTING)), profile()
    )
    assert need is not None and need.kind is RequestKind.ERASURE and need.recipient_id == "192-com"
    d = draft(need, profile(), today=TODAY)
    assert "Article 17 of the UK GDPR" in d.text and "Article 21" in d.text
    assert "within one month" in d.text and "two further months" in d.text
    assert "Information Commissioner" in d.text
    assert LISTING in d.text and "Dr Alex Example" in d.text
    assert d.deadline_days == 30 and d.law == "the UK GDPR"
    assert private_values_in(d.text) == []


def test_a_masked_listing_address_leaves_a_gap_for_the_doctor() -> None:
    need = request_for(
        finding("web-search.people-search.192-com", Evidence(url="https://www.192.com/\u2026")),
        profile(),
    )
    assert need is not None and need.page_url is None
    assert (
        "[paste the address (URL) of your listing here]" in draft(need, profile(), today=TODAY).text
    )


def test_the_page_owner_draft_quotes_the_page_and_only_the_detail_it_shows() -> None:
    page = "https://hollyfield.example/our-team"
    evidence = Evidence(url=page, matched="07700 9\u2022\u2022 \u2022\u2022\u2022", snippet="Call")
    need = request_for(finding("page-scan.personal-phone", evidence), profile())
    assert need is not None and need.kind is RequestKind.PAGE_OWNER and need.recipient_id is None
    assert need.shown == ("07700 900123",)
    d = draft(need, profile(), today=TODAY)
    assert page in d.text and "my personal phone number (07700 900123)" in d.text
    assert private_values_in(d.text, allowed=need.shown) == []
    assert d.to is None


def test_shown_values_reads_raw_and_masked_evidence() -> None:
    raw = finding(
        "page-scan.personal-email", Evidence(snippet="write to alex.example.home@gmail.com")
    )
    assert shown_values(raw, profile()) == ["alex.example.home@gmail.com"]
    masked = finding("page-scan.home-address", Evidence(matched="EX1 \u2022\u2022\u2022"))
    assert shown_values(masked, profile()) == ["EX1 2AB"]
    assert (
        shown_values(
            finding("page-scan.personal-phone", Evidence(url="https://a.example/")), profile()
        )
        == []
    )


def test_masked_evidence_that_fits_two_private_numbers_gives_neither() -> None:
    # The page shows one of two mobiles that share a start; the masked evidence cannot say
    # which, so the page owner is told the kind of detail, never a number it may not show.
    two = {**PRIVATE, "phones": ["07700 900123", "07700 900456"]}
    doctor = Profile.model_validate({"name": "Alex Example", "private": two})
    evidence = Evidence(
        url="https://hollyfield.example/our-team", matched="07700 9\u2022\u2022 \u2022\u2022\u2022"
    )
    need = request_for(finding("page-scan.personal-phone", evidence), doctor)
    assert need is not None and need.shown == ()
    text = draft(need, doctor, today=TODAY).text
    assert "07700 900123" not in text and "07700 900456" not in text
    assert "my personal phone number" in text


def needs_for_every_kind(doctor: Profile) -> list[RequestNeed]:
    """One need per request kind, each with the recipient the directory gives it."""
    recipient = {
        RequestKind.ERASURE: "acxiom-gb",
        RequestKind.OBJECTION: "experian-gb",
        RequestKind.OPEN_REGISTER: "gb-electoral-office",
        RequestKind.ANONYMOUS_REGISTRATION: "eoni",
        RequestKind.COMPANIES_HOUSE_ADDRESS: "companies-house",
        RequestKind.COMPANIES_HOUSE_PROTECT: "companies-house",
        RequestKind.PAGE_OWNER: None,
        RequestKind.US_STATE_DELETION: "spokeo",
        RequestKind.CA_DROP: "cppa-drop",
        RequestKind.NPPES_UPDATE: "cms-nppes",
        RequestKind.AU_PRIVACY: "oaic",
        RequestKind.AU_SILENT_ELECTOR: "aec",
        RequestKind.AU_REGISTER_OMISSION: "ahpra",
        RequestKind.IE_EDITED_REGISTER: "ie-local-authority-register",
        RequestKind.EX_DIRECTORY: "phone-provider-directory",
    }
    assert set(recipient) == set(RequestKind), "every kind is tested"
    return [RequestNeed(kind, rid, None, "my details") for kind, rid in recipient.items()]


@pytest.mark.parametrize(
    "where", [{}, {"jurisdiction": "IE"}, {"jurisdiction": "US", "region": "CA"}]
)
@pytest.mark.parametrize("reminder", [False, True])
def test_no_draft_gives_a_private_detail_the_recipient_does_not_show(
    where: dict[str, str], reminder: bool, tmp_path: Path
) -> None:
    # A US profile's phones must dial in the US: swap the UK numbers for one that does.
    us = where.get("jurisdiction") == "US"
    doctor = profile(**where, private={**PRIVATE, "phones": [US_PHONE]}) if us else profile(**where)
    for need in needs_for_every_kind(doctor):
        allowed = held_address(need.recipient_id)
        d = draft(need, doctor, today=TODAY, sent_on=TODAY, reminder=reminder)
        complaint = draft(need, doctor, today=TODAY, sent_on=TODAY, complaint=True)
        for written in (d, complaint):
            files = write_draft(written, tmp_path, need.kind.value)
            text = "".join(p.read_text(encoding="utf-8") for p in files)
            assert private_values_in(text, allowed) == [], (need.kind, written.subject)
            assert US_PHONE not in text


def held_address(recipient_id: str | None) -> tuple[str, ...]:
    """The home address, when the recipient needs it and holds it already (the council does)."""
    r = load_recipients().get(recipient_id or "")
    if r and "home_address" in r.needs and "home_address" in r.already_has:
        return (PRIVATE["home_street"], PRIVATE["home_postcode"])
    return ()


def test_only_a_recipient_that_already_holds_the_address_is_given_it() -> None:
    council = RequestNeed(RequestKind.OPEN_REGISTER, "gb-electoral-office", None, None)
    text = draft(council, profile(), today=TODAY).text
    assert "Address: 12 Fictional Lane, [town], EX1 2AB" in text
    assert held_address("gb-electoral-office") and not held_address("acxiom-gb")
    assert not held_address("192-com") and not held_address(None)


def test_a_recipient_that_needs_the_address_gets_a_gap_not_the_address() -> None:
    need = RequestNeed(RequestKind.ERASURE, "acxiom-gb", None, None)
    d = draft(need, profile(), today=TODAY)
    assert "give it only if they ask for it" in d.text
    assert d.to == load_recipients()["acxiom-gb"].ask.email


def test_the_eml_parses_and_has_no_recipient_when_unknown(tmp_path: Path) -> None:
    need = request_for(finding("listings.staff-page-photo"), profile())
    assert need is not None
    paths = write_draft(draft(need, profile(), today=TODAY), tmp_path / "out", "photo")
    assert sorted(p.suffix for p in paths) == [".eml", ".html", ".txt"]
    message = email.message_from_bytes(
        (tmp_path / "out" / "photo.eml").read_bytes(), policy=policy.default
    )
    assert message["To"] is None and message["From"] is None and message["X-Unsent"] == "1"
    assert message["Subject"] == "Please remove my personal details from your page"
    assert "my photo" in message.get_content()
    assert "size: A4" in (tmp_path / "out" / "photo.html").read_text(encoding="utf-8")


def test_the_eml_is_addressed_when_the_recipient_takes_email(tmp_path: Path) -> None:
    d = draft(RequestNeed(RequestKind.ERASURE, "experian-gb", None, None), profile(), today=TODAY)
    write_draft(d, tmp_path, "experian")
    message = email.message_from_bytes(
        (tmp_path / "experian.eml").read_bytes(), policy=policy.default
    )
    assert message["To"] == "UK.DPOBusinessEnquiries@Experian.com"


def test_a_reminder_quotes_the_date_sent_and_a_complaint_goes_to_the_regulator() -> None:
    need = RequestNeed(RequestKind.ERASURE, "192-com", None, None)
    sent = date(2026, 10, 27)
    reminder = draft(need, profile(), today=TODAY, sent_on=sent, reminder=True)
    assert reminder.subject.startswith("Reminder:") and "27 October 2026" in reminder.text
    assert reminder.deadline_days == 14
    complaint = draft(need, profile(), today=TODAY, sent_on=sent, complaint=True)
    assert complaint.recipient_name == load_recipients()["ico"].name
    assert "27 October 2026" in complaint.text and "192.com" in complaint.text
    irish = draft(
        RequestNeed(RequestKind.ERASURE, "ancestry", None, None),
        profile(jurisdiction="IE"),
        today=TODAY,
        complaint=True,
    )
    assert irish.recipient_name == load_recipients()["dpc"].name


def test_a_complaint_with_no_regulator_to_name_leaves_a_gap_not_footprint_s_name() -> None:
    # The letter is the doctor's: it must not be addressed to "No regulator footprint can name".
    need = RequestNeed(RequestKind.OPEN_REGISTER, "gb-electoral-office", None, None)
    complaint = draft(need, profile(), today=TODAY, sent_on=date(2026, 10, 1), complaint=True)
    letter = complaint.text.split("--- The request I sent", 1)[0]
    assert "footprint" not in letter.lower()
    assert "[the regulator or ombudsman you are complaining to]" in letter
    assert complaint.to is None and "cannot name a regulator" in complaint.how_to_send


def test_the_law_follows_where_the_doctor_lives() -> None:
    spokeo = finding(
        "web-search.people-search.spokeo-com", Evidence(url="https://www.spokeo.com/Alex-Example")
    )
    californian = profile(jurisdiction="US", region="CA", private={})
    need = request_for(spokeo, californian)
    assert need is not None and need.kind is RequestKind.US_STATE_DELETION
    d = draft(need, californian, today=TODAY)
    assert "1798.105" in d.text and d.deadline_days == 45
    assert any("Safe at Home" in n for n in d.notes) and "Safe at Home" not in d.text
    texan = profile(jurisdiction="US", region="TX", private={})
    plain = draft(request_for(spokeo, texan) or need, texan, today=TODAY)
    assert "opt-out" in plain.subject and "GDPR" not in plain.text
    irish = draft(
        RequestNeed(RequestKind.ERASURE, "ancestry", None, None),
        profile(jurisdiction="IE"),
        today=TODAY,
    )
    assert "Article 17 of the GDPR" in irish.text


def test_drop_is_only_for_california_and_the_open_register_goes_to_eoni_in_northern_ireland() -> (
    None
):
    drop = finding("us.california-drop-not-sent")
    assert request_for(drop, profile(jurisdiction="US", region="CA", private={})) is not None
    assert request_for(drop, profile(jurisdiction="US", region="NY", private={})) is None
    register = finding("address.open-register")
    ni = request_for(register, profile(region="northern-ireland"))
    england = request_for(register, profile(region="england"))
    assert ni is not None and ni.recipient_id == "eoni"
    assert england is not None and england.recipient_id == "gb-electoral-office"


@pytest.mark.parametrize(
    ("fid", "kind", "words"),
    [
        ("company.service-address-is-home", RequestKind.COMPANIES_HOUSE_ADDRESS, "CH01"),
        ("company.old-filings-show-home", RequestKind.COMPANIES_HOUSE_PROTECT, "serious risk"),
        ("australia.ahpra-register-while-at-risk", RequestKind.AU_REGISTER_OMISSION, "section 226"),
        ("australia.silent-enrolment", RequestKind.AU_SILENT_ELECTOR, "statutory declaration"),
        ("us.nppes-home-address", RequestKind.NPPES_UPDATE, "post office box"),
        ("address.anonymous-registration", RequestKind.ANONYMOUS_REGISTRATION, "anonymously"),
    ],
)
def test_register_routes(fid: str, kind: RequestKind, words: str) -> None:
    need = request_for(finding(fid), profile())
    assert need is not None and need.kind is kind
    assert words in draft(need, profile(), today=TODAY).text


def test_actions_the_doctor_takes_alone_need_no_request() -> None:
    for fid in ("strava.home-on-map", "facebook.lookup-by-phone", "search.own-name-not-searched"):
        assert request_for(finding(fid), profile()) is None


def test_every_law_a_recipient_names_is_worded_and_sourced() -> None:
    for r in load_recipients().values():
        law = LAWS[r.law]
        assert law.url.startswith("http") and law.source, r.id


def test_a_draft_is_a_frozen_record() -> None:
    d = draft(
        RequestNeed(RequestKind.OPEN_REGISTER, "gb-electoral-office", None, None),
        profile(),
        today=TODAY,
    )
    assert isinstance(d, Draft)
    with pytest.raises(AttributeError):
        d.text = ""  # type: ignore[misc]


def test_an_objection_to_a_credit_agency_asks_to_stop_marketing_use() -> None:
    d = draft(RequestNeed(RequestKind.OBJECTION, "experian-gb", None, None), profile(), today=TODAY)
    assert "Article 21(2) of the UK GDPR" in d.text and "absolute" in d.text
    assert "Article 17 of" not in d.text and "within one month" in d.text


def test_leaving_the_open_register_comes_with_objections_to_its_buyers() -> None:
    register = finding("address.open-register")
    follow = follow_up_requests(register, profile())
    ids = {n.recipient_id for n in follow}
    assert {"acxiom-gb", "experian-gb", "equifax-gb"} <= ids and "192-com" not in ids
    assert {n.kind for n in follow} == {RequestKind.OBJECTION}
    assert follow_up_requests(register, profile(jurisdiction="IE")) == []
    assert follow_up_requests(finding("strava.home-on-map"), profile()) == []
    need = request_for(register, profile())
    assert need is not None
    notes = " ".join(draft(need, profile(), today=TODAY).notes)
    assert "not retrospective" in notes and "anonymous registration" in notes


def test_notes_reach_the_text_and_printable_files_but_not_the_letter(tmp_path: Path) -> None:
    d = draft(RequestNeed(RequestKind.ERASURE, "192-com", None, None), profile(), today=TODAY)
    assert any("neither was confirmed on 192.com" in " ".join(n.split()) for n in d.notes)
    txt, eml, page = write_draft(d, tmp_path, "192")
    assert "Note: Opt out of the open electoral register too" in txt.read_text(encoding="utf-8")
    assert "Opt out of the open electoral register too" in page.read_text(encoding="utf-8")
    assert "open electoral register too" not in eml.read_text(encoding="utf-8")
