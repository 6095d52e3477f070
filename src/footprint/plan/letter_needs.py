"""Which findings need someone else to act, and what each request may say about the doctor.

The rule for personal details: a request gives the recipient only what it needs to find the
record and already shows (or, by its nature, already holds). A page owner is told the private
value its own page shows, so it can find and remove it; a people-search site is told the name
and the listing's address, never the phone or home address from the profile.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from footprint.content.recipients import Detail, Recipient, by_domain, load_recipients
from footprint.model.profile import Profile
from footprint.model.vocab import Jurisdiction
from footprint.plan.laws import in_california, in_northern_ireland
from footprint.plan.letter_types import RequestKind, RequestNeed
from footprint.report.mask import DOT
from footprint.report.model import Finding

# Page-lookup finding keys (after the lookup id): what the page shows, in plain words.
_PAGE_DETAILS = {
    "personal-phone": "my personal phone number",
    "personal-email": "my personal e-mail address",
    "home-address": "my home address",
    "review-social": "the link to my personal social media account",
    "review-phone": "a phone number that may be my personal one",
    "review-email": "an e-mail address that may be my personal one",
}
_PAGE_LOOKUPS = ("page-scan", "search-pages")

# Checklist items a page owner must act on: the detail to remove, in plain words.
_PAGE_OWNER_ITEMS = {
    "contact.personal-details-on-work-pages": "my personal contact details",
    "listings.staff-page-personal-details": "my personal details",
    "listings.staff-page-photo": "my photo",
    "listings.days-worked-published": "the days and times I work",
}

_SIMPLE: dict[str, tuple[RequestKind, str | None, str | None]] = {
    "address.anonymous-registration": (RequestKind.ANONYMOUS_REGISTRATION, None, None),
    "company.service-address-is-home": (
        RequestKind.COMPANIES_HOUSE_ADDRESS,
        "companies-house",
        "my home address used as my service address",
    ),
    "companies-house.home-address": (
        RequestKind.COMPANIES_HOUSE_ADDRESS,
        "companies-house",
        "my home address on the public register",
    ),
    "company.registered-office-is-home": (
        RequestKind.COMPANIES_HOUSE_ADDRESS,
        "companies-house",
        "my home address used as the registered office",
    ),
    "company.old-filings-show-home": (
        RequestKind.COMPANIES_HOUSE_PROTECT,
        "companies-house",
        "my home address on past filings",
    ),
    "us.nppes-home-address": (RequestKind.NPPES_UPDATE, "cms-nppes", "my home address"),
    "us.nppes-personal-phone": (RequestKind.NPPES_UPDATE, "cms-nppes", "my personal phone"),
    "npi-registry.home-address": (RequestKind.NPPES_UPDATE, "cms-nppes", "my home address"),
    "npi-registry.personal-phone": (RequestKind.NPPES_UPDATE, "cms-nppes", "my personal phone"),
    "ireland.edited-register": (
        RequestKind.IE_EDITED_REGISTER,
        "ie-local-authority-register",
        None,
    ),
    "australia.silent-enrolment": (RequestKind.AU_SILENT_ELECTOR, "aec", None),
    "australia.ahpra-register-while-at-risk": (RequestKind.AU_REGISTER_OMISSION, "ahpra", None),
    "address.ex-directory": (RequestKind.EX_DIRECTORY, "phone-provider-directory", None),
}


def base_id(finding_id: str) -> str:
    """'web-search.people-search.192-com:2' -> 'web-search.people-search.192-com'."""
    return finding_id.split(":", 1)[0]


def request_for(finding: Finding, profile: Profile) -> RequestNeed | None:
    """The request a finding's fix needs from someone else; None when the doctor acts alone."""
    fid = base_id(finding.id)
    for rule in _RULES:
        need = rule(fid, finding, profile)
        if need is not None:
            return need
    return None


def _simple(fid: str, finding: Finding, profile: Profile) -> RequestNeed | None:
    if fid not in _SIMPLE:
        return None
    kind, recipient, detail = _SIMPLE[fid]
    if kind is RequestKind.ANONYMOUS_REGISTRATION:
        recipient = "eoni" if in_northern_ireland(profile) else "gb-electoral-office"
    return RequestNeed(kind, recipient, _page_url(finding), detail, finding_id=finding.id)


def _open_register(fid: str, finding: Finding, profile: Profile) -> RequestNeed | None:
    if fid != "address.open-register":
        return None
    office = "eoni" if in_northern_ireland(profile) else "gb-electoral-office"
    return RequestNeed(RequestKind.OPEN_REGISTER, office, None, None, finding_id=finding.id)


def _people_search(fid: str, finding: Finding, profile: Profile) -> RequestNeed | None:
    if fid == "address.192-com":
        recipient: Recipient | None = load_recipients()["192-com"]
    elif fid.startswith("web-search.people-search."):
        recipient = next((by_domain(e.url) for e in finding.evidence if e.url), None)
    else:
        return None
    if recipient is None:
        return None
    kind = RequestKind.ERASURE
    if recipient.country == "US" and in_california(profile):
        kind = RequestKind.US_STATE_DELETION
    elif recipient.country == "AU":
        kind = RequestKind.AU_PRIVACY
    return RequestNeed(kind, recipient.id, _page_url(finding), None, finding_id=finding.id)


def _drop(fid: str, finding: Finding, profile: Profile) -> RequestNeed | None:
    if fid != "us.california-drop-not-sent" or not in_california(profile):
        return None
    return RequestNeed(RequestKind.CA_DROP, "cppa-drop", None, None, finding_id=finding.id)


def _page_owner(fid: str, finding: Finding, profile: Profile) -> RequestNeed | None:
    lookup, _, key = fid.partition(".")
    if lookup in _PAGE_LOOKUPS and key in _PAGE_DETAILS:
        detail = _PAGE_DETAILS[key]
    elif fid in _PAGE_OWNER_ITEMS:
        detail = _PAGE_OWNER_ITEMS[fid]
    else:
        return None
    shown = tuple(shown_values(finding, profile))
    return RequestNeed(
        RequestKind.PAGE_OWNER, None, _page_url(finding), detail, shown, finding_id=finding.id
    )


_RULES: tuple[Callable[[str, Finding, Profile], RequestNeed | None], ...] = (
    _simple,
    _open_register,
    _people_search,
    _drop,
    _page_owner,
)


def follow_up_requests(finding: Finding, profile: Profile) -> list[RequestNeed]:
    """Requests that go with a finding's main one, when the doctor wants to go further.

    Leaving the UK open register stops new sales only: the marketing databases and the credit
    agencies' marketing arms that bought earlier copies each get an Article 21 objection.
    """
    if (
        base_id(finding.id) != "address.open-register"
        or profile.jurisdiction is not Jurisdiction.GB
    ):
        return []
    buyers = ("marketing_database", "credit_reference_marketing")
    return [
        RequestNeed(RequestKind.OBJECTION, r.id, None, None, finding_id=finding.id)
        for r in load_recipients().values()
        if r.country == "GB" and r.kind in buyers
    ]


def _page_url(finding: Finding) -> str | None:
    """The evidence's page address, unless the report masked it (a masked copy ends in …)."""
    for e in finding.evidence:
        if e.url and "\u2026" not in e.url and DOT not in e.url:
            return e.url
    return None


def shown_values(finding: Finding, profile: Profile) -> list[str]:
    """The profile's private values the finding's own page shows, as the doctor wrote them.

    Evidence may be masked (``07700 9•• •••``): a private value then counts as shown when the
    visible start of the evidence is the start of that value and of no other (two mobiles that
    share a start could be either, and the page owner must not learn the one it does not show).
    """
    p = profile.private
    values = [*p.phones, *p.emails, *filter(None, [p.home_postcode, p.home_street])]
    bare = {value: _squash(value.lower()) for value in values}
    seen = _squash(" ".join(filter(None, _evidence_text(finding))).lower())
    shown = {value for value in values if bare[value] in seen}
    for e in finding.evidence:
        if not e.matched or DOT not in e.matched:
            continue
        head = _squash(e.matched.split(DOT, 1)[0].lower())
        fits = [value for value in values if len(head) >= 3 and bare[value].startswith(head)]
        if len(fits) == 1:
            shown.add(fits[0])
    return [value for value in values if value in shown]


def _evidence_text(finding: Finding) -> Iterable[str | None]:
    for e in finding.evidence:
        yield e.matched
        yield e.snippet


def _squash(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum() or ch in "@.")


def disclosable(recipient: Recipient | None, need: RequestNeed) -> set[Detail]:
    """The details a request may give: what the recipient needs and already shows or holds."""
    if recipient is None:  # a page owner: the name, its page, and what its page shows
        return {"name", "page_url"}
    shown: set[Detail] = {"name", *recipient.already_has}
    if need.page_url:
        shown |= {"listing_url", "page_url"}
    return set(recipient.needs) & shown


def is_uk_or_ireland(profile: Profile) -> bool:
    """True when the GDPR letters (UK GDPR or GDPR) are the doctor's route."""
    return profile.jurisdiction in (Jurisdiction.GB, Jurisdiction.IE)
