"""What a contact detail found by `page-scan` exposes, and how to close it.

Keys and titles hold no personal data (the adviser copy shows both); the value itself travels
in the observation's `matched` and `snippet`. Advice follows the MDU ("never use personal email
or mobile for work") and MDDUS guidance, and Google's "Results about you" removal route.
"""

from __future__ import annotations

from footprint.detect.interface import ContactKind
from footprint.model.observation import Exposure
from footprint.model.vocab import Axis, Exposes, Severity

_GUIDANCE = ["mdu-unwanted-attention", "mddus-unwanted-advances", "google-results-about-you"]
_REMOVE = (
    "Ask whoever runs the page (practice manager, clinic, hospital web team or event organiser) "
    "to remove it today, and to use the practice or switchboard details instead."
)
_SEARCH = (
    "A few weeks later, search for it in quotes to check copies have gone; Google's "
    "'Results about you' can remove results that still show it."
)


def _private(kind: ContactKind, *, mobile: bool, where: str) -> Exposure:
    if kind is ContactKind.PHONE:
        what = "mobile" if mobile else "phone number"
        return Exposure(
            key="page-scan.personal-phone",
            title=f"Your personal {what} is on {where}",
            severity=Severity.CRITICAL,
            axis=Axis.CONTACTABLE,
            exposes=Exposes.PERSONAL_PHONE,
            why="Any patient who reads the page can call or message you directly, at any hour, "
            "outside the practice's systems. The MDU advises never using a personal mobile for work.",
            steps=[
                _REMOVE,
                _SEARCH,
                "If patients may already have the number, consider changing it; log any "
                "unwanted contact and tell your defence body early.",
            ],
            effort=20,
            guidance=_GUIDANCE,
        )
    if kind is ContactKind.EMAIL:
        return Exposure(
            key="page-scan.personal-email",
            title=f"Your personal e-mail address is on {where}",
            severity=Severity.CRITICAL,
            axis=Axis.CONTACTABLE,
            exposes=Exposes.PERSONAL_EMAIL,
            why="Patients can write to you outside work, and a personal address often leads to "
            "your social media accounts. The MDU advises never using personal e-mail for work.",
            steps=[
                _REMOVE,
                _SEARCH,
                "Use a work address (e.g. nhs.net) for anything patients see.",
            ],
            effort=20,
            guidance=_GUIDANCE,
        )
    return Exposure(
        key="page-scan.home-address",
        title=f"Your home address is on {where}",
        severity=Severity.CRITICAL,
        axis=Axis.LOCATABLE,
        exposes=Exposes.HOME_ADDRESS,
        why="Anyone who reads the page can find where you live.",
        steps=[
            _REMOVE,
            _SEARCH,
            "If someone has already used it to contact you, log it and talk to your defence "
            "body and, if you feel unsafe, the police.",
        ],
        effort=20,
        guidance=_GUIDANCE,
    )


def _review(kind: ContactKind, *, where: str) -> Exposure:
    if kind is ContactKind.SOCIAL:
        return Exposure(
            key="page-scan.review-social",
            title=f"A social media account in your name is linked from {where}",
            severity=Severity.MEDIUM,
            axis=Axis.FINDABLE,
            exposes=Exposes.PERSONAL_SOCIAL,
            why="A patient who reads the page can open the account in one click. If it is "
            "personal, it shows your life outside work.",
            steps=[
                "Check whether the account is personal. If it is, ask for the link to be removed.",
                "If it stays, review who can see your posts, photos and followers.",
            ],
            effort=10,
            guidance=["mddus-unwanted-advances", "gmc-social-media-2024", "bma-social-media"],
        )
    what = "mobile number" if kind is ContactKind.PHONE else "personal-style e-mail address"
    return Exposure(
        key=f"page-scan.review-{'phone' if kind is ContactKind.PHONE else 'email'}",
        title=f"A {what} on {where} may be personal",
        severity=Severity.MEDIUM,
        axis=Axis.CONTACTABLE,
        exposes=Exposes.PERSONAL_PHONE if kind is ContactKind.PHONE else Exposes.PERSONAL_EMAIL,
        why="It is not in your profile's work details, and it sits on a page that names you. "
        "If it is yours (or a family member's), patients can use it to reach you.",
        steps=[
            "Check whose it is. If it is personal, ask whoever runs the page to remove it.",
            "If it is a work number or address, add it to the work: block of your profile.",
        ],
        effort=10,
        guidance=_GUIDANCE[:2],
    )


PUBLIC_PAGE = "a public page"
PAGE_ABOUT_YOU = "a page about you"


def exposure_for(
    kind: ContactKind, *, private: bool, mobile: bool, where: str | None = None
) -> Exposure:
    """The exposure for a private match (critical) or a detail to review (medium).

    `where` describes the page in the title (default: "a public page" for a private match,
    "a page about you" for a detail to review); search-pages names how the page was found.
    """
    if private:
        return _private(kind, mobile=mobile, where=where or PUBLIC_PAGE)
    return _review(kind, where=where or PAGE_ABOUT_YOU)
