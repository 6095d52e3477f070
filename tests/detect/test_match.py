"""Matching detected contacts with the profile: private, work, to review, or unrelated."""

from __future__ import annotations

import pytest

from footprint.detect.interface import Contact, ContactKind, PhoneType
from footprint.detect.match import Match, ProfileMatcher
from footprint.detect.pipeline import detect_html
from footprint.lookups.pages.exposures import exposure_for
from footprint.model.profile import Profile

PROFILE = Profile(
    name="Alex Example",
    variants=["A. Example"],
    usernames={
        "github": "alexexample-demo",
        "bluesky": "alexexample.bsky.social",
        "snapchat": "alex.example-gp",
        "telegram": "@AlexExample",
    },
    private={
        "emails": ["Alex.Example.Home@gmail.com"],
        "phones": ["07700 900123"],
        "home_postcode": "ex1 2ab",
        "home_street": "12 Fictional Ln",
    },
    work={"emails": ["alex.example@nhs.net"], "phones": ["0113 496 0000"]},
)
MATCHER = ProfileMatcher.from_profile(PROFILE)


def phone(e164: str, kind: PhoneType = PhoneType.MOBILE) -> Contact:
    return Contact(ContactKind.PHONE, e164, e164, phone_type=kind)


def other(kind: ContactKind, normalized: str) -> Contact:
    return Contact(kind, normalized, normalized)


CASES = [
    (phone("+447700900123"), False, Match.PRIVATE),
    (phone("+441134960000", PhoneType.LANDLINE), True, Match.WORK),
    (other(ContactKind.EMAIL, "alex.example.home@gmail.com"), False, Match.PRIVATE),
    (other(ContactKind.EMAIL, "alex.example@nhs.net"), True, Match.WORK),
    (other(ContactKind.POSTCODE, "EX1 2AB"), False, Match.PRIVATE),
    (other(ContactKind.ADDRESS, "12 fictional lane"), False, Match.PRIVATE),
    (other(ContactKind.ADDRESS, "flat 2 12 fictional lane exampleton"), False, Match.PRIVATE),
    (other(ContactKind.ADDRESS, "112 fictional lane"), True, None),
    # unknown but personal-looking, on a page that names the doctor: to review
    (phone("+447911123456"), True, Match.REVIEW),
    (phone("+447911123456"), False, None),
    (phone("+441134960999", PhoneType.LANDLINE), True, None),
    (other(ContactKind.EMAIL, "someone@outlook.com"), True, Match.REVIEW),
    (other(ContactKind.EMAIL, "reception@practice.example"), True, None),
    (other(ContactKind.SOCIAL, "https://www.instagram.com/alex.example.runs/"), True, Match.REVIEW),
    (other(ContactKind.SOCIAL, "https://www.instagram.com/aexample/"), True, Match.REVIEW),
    (other(ContactKind.SOCIAL, "https://www.facebook.com/examplestreetsurgery"), True, None),
    (other(ContactKind.SOCIAL, "https://www.linkedin.com/in/alex-example-gp"), True, None),
    (other(ContactKind.SOCIAL, "https://github.com/alexexample-demo"), False, Match.REVIEW),
    (
        other(ContactKind.SOCIAL, "https://bsky.app/profile/alexexample.bsky.social"),
        False,
        Match.REVIEW,
    ),
    (
        other(ContactKind.SOCIAL, "https://www.snapchat.com/add/alex.example-gp"),
        False,
        Match.REVIEW,
    ),
    (other(ContactKind.SOCIAL, "https://t.me/alexexample"), False, Match.REVIEW),
    (other(ContactKind.SOCIAL, "https://t.me/examplestreetsurgery"), True, None),
]


@pytest.mark.parametrize(("contact", "names_doctor", "expected"), CASES)
def test_classify(contact: Contact, names_doctor: bool, expected: Match | None) -> None:
    assert MATCHER.classify(contact, names_doctor=names_doctor) == expected


def test_private_wins_over_everything() -> None:
    profile = PROFILE.model_copy(
        update={"work": PROFILE.work.model_copy(update={"phones": ["07700 900123"]})}
    )
    matcher = ProfileMatcher.from_profile(profile)
    assert matcher.classify(phone("+447700900123"), names_doctor=True) is Match.PRIVATE


def test_names_doctor() -> None:
    assert MATCHER.names_doctor("Our team:\nDr   Alex\nExample, GP")
    assert MATCHER.names_doctor("Contact A. Example")
    assert not MATCHER.names_doctor("Example Street Surgery, Exampleton")


def test_national_numbers_read_in_profile_region() -> None:
    us = Profile(name="Sam Sample", jurisdiction="US", private={"phones": ["(212) 555-0123"]})
    matcher = ProfileMatcher.from_profile(us)
    assert (
        matcher.classify(phone("+12125550123", PhoneType.OTHER), names_doctor=False)
        is Match.PRIVATE
    )


@pytest.mark.parametrize(
    "text", ["Practice line 0300 123 4567", "Bookings: 0345 678 9012", "Surgery 0844 477 3000"]
)
def test_a_non_geographic_practice_number_is_not_a_personal_mobile(text: str) -> None:
    # Detected as a phone of type other, on a page that names the doctor: not one to review,
    # so the exposure wording ("mobile number") never reaches it.
    (contact,) = [c for c in detect_html(f"<p>Dr Alex Example. {text}</p>") if c.kind == "phone"]
    assert contact.phone_type is PhoneType.OTHER
    assert MATCHER.classify(contact, names_doctor=True) is None


def test_a_private_non_geographic_number_is_private_but_not_called_a_mobile() -> None:
    profile = PROFILE.model_copy(
        update={"private": PROFILE.private.model_copy(update={"phones": ["0300 123 4567"]})}
    )
    (contact,) = detect_html("<p>Call 0300 123 4567</p>")
    assert ProfileMatcher.from_profile(profile).classify(contact, names_doctor=False) is (
        Match.PRIVATE
    )
    exposure = exposure_for(
        contact.kind, private=True, mobile=contact.phone_type is PhoneType.MOBILE
    )
    assert "mobile" not in exposure.title


def test_the_profile_state_is_kept_for_local_numbers() -> None:
    au = Profile(name="Sam Sample", jurisdiction="AU", region="QLD")
    assert ProfileMatcher.from_profile(au).state == "QLD"
    assert MATCHER.state is None
