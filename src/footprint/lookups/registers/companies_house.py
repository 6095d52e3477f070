"""`companies-house`: does a Companies House filing put the doctor's home address on the register?

Directors give a public service (correspondence) address; a company's registered office is
public too. Either can be a home address. Month and year of birth are public for every director
(domain-facts.md 1.4).

API (Companies House Public Data API, free key sent as the HTTP Basic user name with an empty
password; 600 requests per 5 minutes):
- `GET /search/officers?q=<name>` -> `items[]` {title, date_of_birth {month, year}, address,
  address_snippet, links.self = "/officers/{id}/appointments"};
- `GET /officers/{id}/appointments` -> `items[]` {appointed_to {company_number, company_name},
  officer_role, appointed_on, resigned_on, address (correspondence address)};
- `GET /company/{number}/registered-office-address` -> {premises, address_line_1, locality,
  postal_code, ...}.
Sources: https://developer-specs.company-information.service.gov.uk/ (search officers), the
api.ch.gov.uk swagger specs as copied in api-evangelist/companies-house json-schema.

The home postcode is compared on this machine and never sent: only the name goes out.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from footprint.lookups.json_api import CheckFailed, JsonApiLookup, as_dict, same_postcode
from footprint.model.observation import Exposure, Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Axis, Exposes, Jurisdiction, Severity
from footprint.net.client import GatedClient

PUBLIC_SITE = "https://find-and-update.company-information.service.gov.uk"
MAX_OFFICERS = 10  # same-name officers to follow up
MAX_COMPANIES = 20  # registered offices to fetch
PAGE_SIZE = 50  # appointments per request (the API's default is 35)
MAX_PAGES = 4  # appointment pages read per officer (200 at 50 a page); the rest is said
_OFFICER_PATH = re.compile(r"^/officers/[A-Za-z0-9_-]+/appointments/?$")
_COMPANY_NUMBER = re.compile(r"^[A-Za-z0-9]{8}$")
_MONTHS = "January February March April May June July August September October November December"

HOME = Exposure(
    key="companies-house.home-address",
    title="A Companies House filing shows your home address",
    severity=Severity.CRITICAL,
    axis=Axis.LOCATABLE,
    exposes=Exposes.HOME_ADDRESS,
    why="Service addresses and registered offices are public on the Companies House register "
    "and copied by company-data sites. Anyone who searches your name can read this address.",
    steps=[
        # Worded as the checklist's company.service-address-is-home fix, so "do these first"
        # lists this once when both the answer and the register show it.
        "Choose a non-home service address: your clinic, your accountant's office (ask first) "
        "or another business address where post reaches you.",
        "File the change of officer details for each current appointment (form CH01 for a "
        "director, or online at Companies House).",
        "If the company's registered office is your home, move it to a non-home address "
        "(form AD01, or online). Since March 2024 it must be an 'appropriate address': "
        "a PO box alone is not allowed.",
        "Ask whether you qualify to protect the address already on the register: a section "
        "1088 application (form SR01) removes a residential address from public view, and a "
        "section 243 application (form SR04) keeps it from credit reference agencies. Both "
        "need a serious risk of violence or intimidation arising from the company's "
        "activities; a patient stalking you may not count, so ask your defence organisation. "
        "A home address used as the registered office cannot be protected this way.",
        "Old filings (appointment forms, annual returns, confirmation statements) keep the old "
        "address after you change it. Check the company's filing history; the wider "
        "suppression of home addresses in historic filings announced under the Economic Crime "
        "and Corporate Transparency Act 2023 may not be live yet, so check gov.uk first.",
    ],
    effort=60,
    guidance=["companies-house-personal-info", "companies-house-restrict"],
    links=[
        "https://www.gov.uk/guidance/your-personal-information-on-the-public-record-at-companies-house",
        "https://www.gov.uk/government/publications/restricting-the-disclosure-of-your-psc-information",
    ],
)

BIRTH = Exposure(
    key="companies-house.birth-month",
    title="Companies House shows your month and year of birth",
    severity=Severity.LOW,
    axis=Axis.FINDABLE,
    exposes=Exposes.IDENTITY,
    why="Your name with month and year of birth lets someone confirm they have the right "
    "person on other sites. If this officer is not you, ignore this.",
    steps=[
        "Nothing to change while you are a director: month and year of birth are public by law "
        "(only month and year since October 2015).",
        "Check the filing history of your companies for documents filed before October 2015: "
        "they may show your full date of birth. Ask Companies House whether it can be "
        "removed (check gov.uk for whether the new suppression service is live).",
    ],
    effort=10,
    guidance=["companies-house-personal-info"],
)


class CompaniesHouseLookup(JsonApiLookup):
    """Officer appointments and registered offices compared with the home postcode."""

    id: ClassVar[str] = "companies-house"
    title: ClassVar[str] = "Companies House (UK company register)"
    key_env: ClassVar[str | None] = "FOOTPRINT_COMPANIES_HOUSE_KEY"
    service: ClassVar[str | None] = "companies-house"
    service_name: ClassVar[str] = "Companies House"
    default_url: ClassVar[str] = "https://api.company-information.service.gov.uk"
    # Documented limit: 600 requests per 5 minutes per key -> one every 0.5 s.
    min_interval: ClassVar[float] = 0.5
    manual_check: ClassVar[str] = (
        f"Search your name at {PUBLIC_SITE}/search/officers, open each appointment that is "
        "yours and check the correspondence address and the company's registered office."
    )

    def skip_reason(self, profile: Profile) -> str | None:
        if profile.jurisdiction != Jurisdiction.GB:
            return "Companies House is checked for UK profiles only"
        return super().skip_reason(profile)

    def sends(self, profile: Profile) -> str:
        return (
            f"your name '{profile.name}' is sent to Companies House at {self.destination()}, "
            "with your API key; your home postcode is not sent: addresses are compared on this "
            "computer"
        )

    def plain(self, profile: Profile) -> str:
        return (
            f"your name '{profile.name}' is sent {self.to_whom('Companies House')}, the UK "
            "register of company directors"
        )

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        subject = f"Companies House: officers named '{profile.name}'"
        auth = (self.api_key() or "", "")
        try:
            search = self.get_json(
                http,
                f"{self.base_url}/search/officers",
                params={"q": profile.name, "items_per_page": "50"},
                auth=auth,
                missing=(),
            )
            officers = _matching_officers(search, profile)
        except CheckFailed as err:
            return [self.couldnt_check(subject, err.reason)]
        if not officers:
            return [self.not_found(subject)]
        return _Walk(self, profile, http, auth).officers(officers)


class _Walk:
    """Follows matching officers to appointments and registered offices."""

    def __init__(
        self,
        lookup: CompaniesHouseLookup,
        profile: Profile,
        http: GatedClient,
        auth: tuple[str, str],
    ) -> None:
        self.lookup, self.profile, self.http, self.auth = lookup, profile, http, auth
        self.home = profile.private.home_postcode
        self.offices_done: set[str] = set()
        self.out: list[Observation] = []

    def officers(self, officers: list[dict[str, Any]]) -> list[Observation]:
        for officer in officers[:MAX_OFFICERS]:
            self._birth(officer)
            try:
                self._appointments(officer)
            except CheckFailed as err:
                self.out.append(self.lookup.couldnt_check(_label(officer), err.reason))
                if err.stop:
                    break
        exposed = any(o.exposure is HOME for o in self.out)
        failed = any(o.outcome is Outcome.COULDNT_CHECK for o in self.out)
        if not self.home:
            self.out.append(
                self.lookup.couldnt_check(
                    "Companies House: addresses compared with your home",
                    "no home postcode in your profile to compare the addresses with",
                )
            )
        elif not exposed and not failed:
            self.out.append(self.lookup.not_found("Companies House: your home postcode in filings"))
        return self.out

    def _birth(self, officer: dict[str, Any]) -> None:
        born = officer.get("date_of_birth")
        if not isinstance(born, dict) or not born.get("year"):
            return
        month = born.get("month")
        names = _MONTHS.split()
        when = (
            f"{names[month - 1]} {born['year']}"
            if isinstance(month, int) and 1 <= month <= 12
            else str(born["year"])
        )
        self.out.append(
            self._found(
                BIRTH,
                subject=_label(officer),
                snippet=f"{officer.get('title', '')}, born {when}",
                matched=when,
                url=_officer_page(officer),
            )
        )

    def _appointments(self, officer: dict[str, Any]) -> None:
        path = str(as_dict(officer.get("links")).get("self", ""))
        if not _OFFICER_PATH.match(path):
            raise CheckFailed("Companies House answered in an unexpected format")
        read, total = 0, 0
        for _ in range(MAX_PAGES):
            items, total = self._page(path, read)
            for item in items:
                self._appointment(officer, item)
            read += len(items)
            if not items or read >= total:
                return
        self.out.append(
            self.lookup.couldnt_check(
                _label(officer),
                f"Companies House lists {total} appointments for this officer; footprint read "
                f"the first {read} and stopped there. Check the rest on the officer's page.",
                _officer_page(officer),
            )
        )

    def _page(self, path: str, start: int) -> tuple[list[dict[str, Any]], int]:
        """One page of appointments from `start`, and the total the answer reports."""
        data = self.lookup.get_json(
            self.http,
            f"{self.lookup.base_url}{path}",
            params={"items_per_page": str(PAGE_SIZE), "start_index": str(start)},
            auth=self.auth,
            missing=(),
        )
        items = data.get("items") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise CheckFailed("Companies House answered in an unexpected format")
        total = data.get("total_results")
        rows = [i for i in items if isinstance(i, dict)]
        return rows, total if isinstance(total, int) else start + len(rows)

    def _appointment(self, officer: dict[str, Any], item: dict[str, Any]) -> None:
        company = as_dict(item.get("appointed_to"))
        number = str(company.get("company_number", ""))
        details = {
            "company_number": number,
            "company_name": str(company.get("company_name", "")),
            "role": str(item.get("officer_role", "")),
            "appointed_on": str(item.get("appointed_on", "")),
            "resigned_on": str(item.get("resigned_on", "")),
        }
        self._compare(item.get("address"), "service address", _officer_page(officer), details)
        self._registered_office(number, details)

    def _registered_office(self, number: str, details: dict[str, str]) -> None:
        if not self.home or number in self.offices_done or not _COMPANY_NUMBER.match(number):
            return
        if len(self.offices_done) >= MAX_COMPANIES:
            return
        self.offices_done.add(number)
        subject = f"Companies House: registered office of company {number}"
        try:
            office = self.lookup.get_json(
                self.http,
                f"{self.lookup.base_url}/company/{number}/registered-office-address",
                auth=self.auth,
            )
        except CheckFailed as err:
            if err.stop:  # bad key or rate limit: the officer loop records it once and stops
                raise
            self.out.append(self.lookup.couldnt_check(subject, err.reason))
            return
        url = f"{PUBLIC_SITE}/company/{number}"
        self._compare(office, "registered office", url, details)

    def _compare(self, address: Any, what: str, url: str | None, details: dict[str, str]) -> None:
        if not isinstance(address, dict) or not self.home:
            return
        postcode = str(address.get("postal_code") or "")
        if same_postcode(postcode, self.home):
            name = details.get("company_name") or details.get("company_number") or "a company"
            self.out.append(
                self._found(
                    HOME,
                    subject=f"Companies House: {what} for {name}",
                    snippet=_one_line(address),
                    matched=postcode,
                    url=url,
                    details={**details, "address_kind": what},
                )
            )

    def _found(self, exposure: Exposure, **fields: Any) -> Observation:
        return Observation(
            lookup_id=self.lookup.id, outcome=Outcome.FOUND, exposure=exposure, **fields
        )


def _matching_officers(search: Any, profile: Profile) -> list[dict[str, Any]]:
    """Search items whose name contains the first and last word of one of the doctor's names."""
    if not isinstance(search, dict) or not isinstance(search.get("items", []), list):
        raise CheckFailed("Companies House answered in an unexpected format")
    wanted = [w for w in (_words(n) for n in [profile.name, *profile.variants]) if len(w) >= 2]
    wanted = [w for w in wanted if all(len(part) > 1 for part in w)]  # skip initials-only forms
    found = []
    for item in search.get("items", []):
        if not isinstance(item, dict):
            continue
        title = set(_words(str(item.get("title", ""))))
        if any(w[0] in title and w[-1] in title for w in wanted):
            found.append(item)
    return found


def _words(name: str) -> list[str]:
    return re.findall(r"[a-z']+", name.lower().replace("-", " "))


def _label(officer: dict[str, Any]) -> str:
    return f"Companies House: officer '{officer.get('title', '')}'"


def _officer_page(officer: dict[str, Any]) -> str | None:
    path = str(as_dict(officer.get("links")).get("self", ""))
    return f"{PUBLIC_SITE}{path}" if _OFFICER_PATH.match(path) else None


def _one_line(address: dict[str, Any]) -> str:
    """'12 Fictional Lane, Exampleton, EX1 2AB'."""
    street = " ".join(str(address[k]) for k in ("premises", "address_line_1") if address.get(k))
    rest = [address.get(k) for k in ("address_line_2", "locality", "region", "postal_code")]
    return ", ".join(str(p) for p in [street, *rest] if p)
