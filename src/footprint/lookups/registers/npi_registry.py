"""`npi-registry`: what the US NPPES NPI Registry publishes under the doctor's name.

NPPES publishes every US provider's mailing and practice-location addresses and phone numbers
(HHS data dissemination notice, 72 FR 30011, 2007). Sole proprietors, locums and telehealth-only
clinicians often gave a home address or personal mobile, which then spreads to Healthgrades,
Doximity, NPI mirror sites and people-search sites (domain-facts.md 1.10).

API: `GET https://npiregistry.cms.hhs.gov/api/?version=2.1&first_name=&last_name=&state=
&enumeration_type=NPI-1&limit=` — JSON, no key; `result_count`, `results[]` with `addresses[]`
and `practiceLocations[]` ({address_1, address_2, city, state, postal_code, telephone_number,
address_purpose, ...}); an `Errors` array (HTTP 200) when the criteria are refused.
Source: https://npiregistry.cms.hhs.gov/api-page and /help-api/json-conversion (domain-facts 1.10).

Every address is shown for the doctor to confirm; an address whose postcode is the home postcode,
or a phone that is a private phone, is flagged on this machine (the private block is never sent).
"""

from __future__ import annotations

from typing import Any, ClassVar

from footprint.lookups.json_api import CheckFailed, JsonApiLookup, as_dict, same_postcode
from footprint.lookups.profiles.bio import whose_value
from footprint.model.observation import Exposure, Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Axis, Exposes, Jurisdiction, Severity
from footprint.net.client import GatedClient

GUIDANCE = ["nppes-api", "hhs-nppes-foia-2007"]
LINKS = ["https://nppes.cms.hhs.gov/", "https://npiregistry.cms.hhs.gov/search"]
#: Records per request (the API allows 200; a name in one state is rarely > 10).
LIMIT = 50
#: Most records read for one name: 4 pages. More is said in the report, never hidden.
MAX_RECORDS = 200

FIX_STEPS = [
    "If this is your home address or personal phone: sign in to NPPES at https://nppes.cms.hhs.gov/ "
    "and replace it. A mailing address may be a PO box or a commercial mail-receiving address; "
    "use your practice's phone number. NPPES expects changes within 30 days.",
    "Then the mirrors, which copy NPPES and do not update themselves: Healthgrades, Doximity and "
    "NPI lookup sites (search your name and NPI number on each, claim or correct the profile).",
    "Then the people-search sites that picked the address up: see the data-broker opt-out "
    "steps in this report (the Big Ass Data Broker Opt-Out List covers US brokers).",
]

LISTED = Exposure(
    key="npi-registry.listed-address",
    title="The NPI Registry publishes an address and phone number under your name",
    severity=Severity.MEDIUM,
    axis=Axis.LOCATABLE,
    exposes=Exposes.WORKPLACE,
    why="NPPES data is public and copied widely. Check each address and phone below: if any is "
    "your home or your personal phone, anyone with your name can find it.",
    steps=FIX_STEPS,
    effort=30,
    guidance=GUIDANCE,
    links=LINKS,
)

HOME = Exposure(
    key="npi-registry.home-address",
    title="NPPES lists your home address",
    severity=Severity.CRITICAL,
    axis=Axis.LOCATABLE,
    exposes=Exposes.HOME_ADDRESS,
    why="An address in your NPI record has the same postcode as your home. NPPES data is public, "
    "free to download and copied by provider directories and people-search sites.",
    steps=FIX_STEPS,
    effort=45,
    guidance=GUIDANCE,
    links=LINKS,
)

PHONE = Exposure(
    key="npi-registry.personal-phone",
    title="NPPES lists your personal phone number",
    severity=Severity.CRITICAL,
    axis=Axis.CONTACTABLE,
    exposes=Exposes.PERSONAL_PHONE,
    why="A phone number in your NPI record is your personal phone. NPPES data is public and "
    "copied by provider directories, so patients can call or text you directly.",
    steps=FIX_STEPS,
    effort=45,
    guidance=GUIDANCE,
    links=LINKS,
)


class NpiRegistryLookup(JsonApiLookup):
    """Addresses and phones in the NPPES NPI Registry for the doctor's name and state."""

    id: ClassVar[str] = "npi-registry"
    title: ClassVar[str] = "US NPI Registry (NPPES)"
    service: ClassVar[str | None] = "npi-registry"
    service_name: ClassVar[str] = "the NPI Registry"
    default_url: ClassVar[str] = "https://npiregistry.cms.hhs.gov/api"
    # CMS documents no rate limit; one request a second is polite, and we send one or two.
    min_interval: ClassVar[float] = 1.0
    manual_check: ClassVar[str] = (
        "Search your first name, last name and state at https://npiregistry.cms.hhs.gov/search, "
        "open your record and check every mailing and practice address and phone number."
    )

    def skip_reason(self, profile: Profile) -> str | None:
        if profile.jurisdiction != Jurisdiction.US:
            return "the NPI Registry covers US clinicians only"
        if not profile.state:
            return "needs your US state (state: in your profile)"
        if _split_name(profile.name) is None:
            return "needs your first and last name"
        return super().skip_reason(profile)

    def sends(self, profile: Profile) -> str:
        return (
            f"your name '{profile.name}' and state '{profile.state or '(not set)'}' are sent to "
            f"the public US NPI Registry at {self.destination()}; nothing from your private "
            "details is sent"
        )

    def plain(self, profile: Profile) -> str:
        state = f" and state '{profile.state}' are" if profile.state else " is"
        return (
            f"your name '{profile.name}'{state} sent {self.to_whom('the NPI Registry')}, the "
            "public US register of doctors"
        )

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        first, last = _split_name(profile.name) or ("", "")
        subject = f"NPI Registry: '{first} {last}' in {profile.state}"
        params = {
            "version": "2.1",
            "first_name": first,
            "last_name": last,
            "state": profile.state or "",
            "enumeration_type": "NPI-1",
            "limit": str(LIMIT),
        }
        results: list[dict[str, Any]] = []
        stopped: str | None = None
        try:
            while len(results) < MAX_RECORDS:
                page_params = {**params, "skip": str(len(results))} if results else params
                page = _results(
                    self.get_json(http, f"{self.base_url}/", params=page_params, missing=())
                )
                results += page
                if len(page) < LIMIT:
                    break
            else:
                stopped = (
                    f"the NPI Registry has more than {MAX_RECORDS} records for this name and "
                    f"state; footprint read the first {MAX_RECORDS} and stopped there"
                )
        except CheckFailed as err:
            if not results:
                return [self.couldnt_check(subject, err.reason)]
            stopped = f"stopped after {len(results)} records: {err.reason}"
        observations: list[Observation] = []
        for record in results:
            observations.extend(self._record(record, profile, subject))
        if stopped:
            observations.append(self.couldnt_check(f"{subject}: further records", stopped))
        return observations or [self.not_found(subject)]

    def _record(self, record: dict[str, Any], profile: Profile, subject: str) -> list[Observation]:
        number = str(record.get("number", ""))
        basic = as_dict(record.get("basic"))
        url = f"{self.base_url}/?version=2.1&number={number}" if number.isdigit() else None
        details = {
            "npi": number,
            "name": " ".join(str(basic.get(k, "")) for k in ("first_name", "last_name")).strip(),
            "credential": str(basic.get("credential", "")),
        }
        observations = []
        for address in _addresses(record):
            text = _one_line(address)
            phone = str(address.get("telephone_number") or "")
            snippet = f"{text}; phone {phone}" if phone else text
            purpose = str(address.get("address_purpose") or "PRACTICE LOCATION")
            where = {**details, "address_purpose": purpose, "phone": phone}
            found: list[tuple[Exposure, str]] = []
            if same_postcode(str(address.get("postal_code") or ""), profile.private.home_postcode):
                found.append((HOME, str(address.get("postal_code"))))
            if phone and whose_value("phone", phone, profile) == "private":
                found.append((PHONE, phone))
            for exposure, matched in found or [(LISTED, text)]:
                observations.append(
                    Observation(
                        lookup_id=self.id,
                        outcome=Outcome.FOUND,
                        subject=f"{subject}: {purpose.lower()} address",
                        url=url,
                        snippet=snippet,
                        matched=matched,
                        exposure=exposure,
                        details=where,
                    )
                )
        return observations


def _split_name(name: str) -> tuple[str, str] | None:
    """('Alex', 'Example') from 'Alex J. Example'; None for a one-word name."""
    words = [w.strip(".,") for w in name.split() if w.strip(".,")]
    return (words[0], words[-1]) if len(words) >= 2 else None


def _results(data: Any) -> list[dict[str, Any]]:
    """The records, after checking the answer has the documented shape."""
    if not isinstance(data, dict):
        raise CheckFailed("the NPI Registry answered in an unexpected format")
    if data.get("Errors"):
        # The service's own message can echo the search terms, so it is not repeated here.
        raise CheckFailed("the NPI Registry refused the search criteria")
    results = data.get("results", [])
    if "result_count" not in data or not isinstance(results, list):
        raise CheckFailed("the NPI Registry answered in an unexpected format")
    return [r for r in results if isinstance(r, dict)]


def _addresses(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Mailing, location and secondary practice addresses, without exact repeats."""
    seen: dict[tuple[str, ...], dict[str, Any]] = {}
    for field in ("addresses", "practiceLocations"):
        for address in record.get(field) or []:
            if isinstance(address, dict):
                key = tuple(
                    str(address.get(k, "")).upper()
                    for k in ("address_1", "address_2", "postal_code", "telephone_number")
                )
                seen.setdefault(key, address)
    return list(seen.values())


def _one_line(address: dict[str, Any]) -> str:
    parts = [address.get(k) for k in ("address_1", "address_2", "city", "state", "postal_code")]
    return ", ".join(str(p) for p in parts if p)
