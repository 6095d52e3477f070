"""Run the page scanner on one fetched search-result page and say what it means.

The detectors (`footprint.detect`) find contact details; the matcher compares them, on this
machine, with the profile. A private match is an exposure with steps; an unknown mobile or
personal-domain e-mail on a page that names the doctor is one to review. Work details and
unrelated numbers are not reported.
"""

from __future__ import annotations

from footprint.detect.interface import Contact, ContactKind
from footprint.detect.match import Match, ProfileMatcher
from footprint.detect.pipeline import detect
from footprint.detect.text import parse_page
from footprint.lookups.interface import Exposure, Observation, Outcome
from footprint.lookups.search_findings import RESULTS_ABOUT_YOU
from footprint.profile import Profile
from footprint.vocab import Axis, Exposes, Severity

_ASK_OWNER = (
    "Ask the site's owner to take it down (use the page's contact or privacy link, and say it "
    "is your personal detail published without your agreement)."
)
_ASK_GOOGLE = (
    "Once it is gone from the page, or if the owner does not answer, ask Google to drop the "
    f"result with 'Results about you' ({RESULTS_ABOUT_YOU})."
)
_GUIDANCE = ["mdu-unwanted-attention", "google-results-about-you"]

#: kind -> (key part, what it is, severity, axis, exposes)
_PRIVATE = {
    ContactKind.PHONE: (
        "personal-phone",
        "Your personal phone number",
        Axis.CONTACTABLE,
        Exposes.PERSONAL_PHONE,
    ),
    ContactKind.EMAIL: (
        "personal-email",
        "Your personal e-mail address",
        Axis.CONTACTABLE,
        Exposes.PERSONAL_EMAIL,
    ),
    ContactKind.POSTCODE: (
        "home-address",
        "Your home postcode",
        Axis.LOCATABLE,
        Exposes.HOME_ADDRESS,
    ),
    ContactKind.ADDRESS: (
        "home-address",
        "Your home address",
        Axis.LOCATABLE,
        Exposes.HOME_ADDRESS,
    ),
}


def scan_page(
    lookup_id: str, html: str, url: str, profile: Profile, query: str
) -> list[Observation]:
    """`found` observations for the doctor's details on the page at `url` (empty: none)."""
    page = parse_page(html, url)
    matcher = ProfileMatcher.from_profile(profile)
    names_doctor = matcher.names_doctor(page.text)
    observations = []
    for contact in detect(page, str(profile.jurisdiction)):
        match = matcher.classify(contact, names_doctor=names_doctor)
        exposure = _exposure(contact, match)
        if exposure is None:
            continue
        observations.append(
            Observation(
                lookup_id=lookup_id,
                outcome=Outcome.FOUND,
                subject=f"page: {url}",
                url=url,
                snippet=contact.context or None,
                matched=contact.value,
                search=query,
                exposure=exposure,
                details={"kind": str(contact.kind), "match": str(match)},
            )
        )
    return observations


def _exposure(contact: Contact, match: Match | None) -> Exposure | None:
    if match is Match.PRIVATE and contact.kind in _PRIVATE:
        part, what, axis, exposes = _PRIVATE[contact.kind]
        return Exposure(
            key=f"search-pages.{part}",
            title=f"{what} is on a page that comes up when someone searches your name",
            severity=Severity.CRITICAL,
            axis=axis,
            exposes=exposes,
            why="A patient who searches your name can open this page and read it.",
            steps=[_ASK_OWNER, _ASK_GOOGLE],
            effort=20,
            guidance=list(_GUIDANCE),
            links=[RESULTS_ABOUT_YOU],
        )
    if match is Match.REVIEW and contact.kind in (ContactKind.PHONE, ContactKind.EMAIL):
        what = "a mobile number" if contact.kind is ContactKind.PHONE else "a personal e-mail"
        return Exposure(
            key=f"search-pages.review-{contact.kind}",
            title=f"A page that names you shows {what} we could not place",
            severity=Severity.MEDIUM,
            axis=Axis.CONTACTABLE,
            exposes=Exposes.PERSONAL_PHONE
            if contact.kind is ContactKind.PHONE
            else Exposes.PERSONAL_EMAIL,
            why="If it is yours, a patient who searches your name can contact you on it.",
            steps=["Check whether it is yours.", f"If it is: {_ASK_OWNER}", _ASK_GOOGLE],
            guidance=list(_GUIDANCE),
            links=[RESULTS_ABOUT_YOU],
        )
    return None
