"""Reading RDAP: the bundled bootstrap file (RFC 9224) and contact details in a domain record.

Formats: RFC 9224 (bootstrap), RFC 9083 (domain and entity objects, `links`), RFC 7095 (jCard
`vcardArray`), RFC 9537 (`redacted`). The bootstrap file is a partial, dated snapshot; see
data/README.md.

Real records (data/samples/rdap, sources in sources.json there) add what the RFCs do not
force: registrars publish a company registrant as a vCard `org` with an address of region and
country only, and mark withheld fields with `remarks` titled "REDACTED FOR PRIVACY" instead of
`redacted` (MarkMonitor); a registry can list contacts only as a handle with a `self` link and
no vCard (CZ.NIC); and a technical contact can be the registrar's shared mailbox, a vCard
`kind: group` (Norid). Those are never the doctor's details.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

#: Contacts whose details can point at a person (the registrar and abuse desks cannot).
PERSON_ROLES = ("registrant", "administrative", "technical")

#: Values registrars and privacy services put in place of the real ones.
_PLACEHOLDER = re.compile(
    r"redacted|privacy|proxy|withheld|protected|not disclosed|gdpr|masked|hidden|"
    r"contact.*(form|url)|please query",
    re.IGNORECASE,
)
_REDACTED_ROLE = {"registrant": "registrant", "admin": "administrative", "tech": "technical"}
_REDACTED_FIELD = {
    "name": "name",
    "organization": "name",
    "street": "address",
    "city": "address",
    "postal": "address",
    "address": "address",
    "phone": "phone",
    "fax": "phone",
    "email": "email",
}


@dataclass(frozen=True)
class Bootstrap:
    """TLD (or longer label sequence) -> RDAP base URLs, from an RFC 9224 file."""

    publication: str
    services: dict[str, tuple[str, ...]]

    @classmethod
    def parse(cls, data: Any) -> Bootstrap:
        """Read an RFC 9224 `{"publication", "services": [[[labels], [urls]], ...]}` object."""
        services: dict[str, tuple[str, ...]] = {}
        for entry in data.get("services", []):
            labels, urls = entry[0], entry[1]
            for label in labels:
                services[str(label).lower().strip(".")] = tuple(str(u) for u in urls)
        return cls(str(data.get("publication", "")), services)

    @classmethod
    @cache
    def bundled(cls) -> Bootstrap:
        """The snapshot shipped in footprint/lookups/data/rdap-dns.json."""
        text = resources.files("footprint.lookups").joinpath("data/rdap-dns.json").read_text()
        return cls.parse(json.loads(text))

    def base_for(self, domain: str) -> str | None:
        """The RDAP base URL for `domain`: longest matching label sequence, HTTPS preferred."""
        labels = domain.lower().strip(".").split(".")
        for start in range(1, len(labels)):
            urls = self.services.get(".".join(labels[start:]))
            if urls:
                https = [u for u in urls if u.startswith("https://")]
                return (https or list(urls))[0]
        return None


@dataclass(frozen=True)
class Published:
    """One contact detail a domain record shows to anyone."""

    role: str  # registrant | administrative | technical
    field: str  # name | address | email | phone
    value: str


def published_details(record: dict[str, Any]) -> list[Published]:
    """Name, address, e-mail and phone of the person-like contacts that are really shown.

    Fields listed in RFC 9537 `redacted`, empty values, web-form addresses and privacy-service
    placeholders are not exposure and are left out.
    """
    hidden = redacted_fields(record)
    found: list[Published] = []
    for entity in _entities(record):
        if not is_personal(entity):
            continue
        roles = [r for r in entity.get("roles") or [] if r in PERSON_ROLES]
        for role in roles:
            for field, value in _vcard_details(entity.get("vcardArray")):
                if (role, field) in hidden or not value or _PLACEHOLDER.search(value):
                    continue
                found.append(Published(role, field, value))
    return found


def is_personal(entity: dict[str, Any]) -> bool:
    """Whether a contact could be a person's: not the registrar's, not a shared group mailbox."""
    roles = entity.get("roles") or []
    if "registrar" in roles or "reseller" in roles:
        return False
    return _vcard_value(entity.get("vcardArray"), "kind").lower() != "group"


def withheld_by_remarks(record: dict[str, Any]) -> bool:
    """Whether a person contact carries a "REDACTED FOR PRIVACY" remark (fields withheld)."""
    return any(
        "redacted" in str(remark.get("title") or "").lower()
        for entity in _entities(record)
        if any(r in PERSON_ROLES for r in entity.get("roles") or [])
        for remark in entity.get("remarks") or []
        if isinstance(remark, dict)
    )


def regions(record: dict[str, Any]) -> list[str]:
    """Region-and-country-only addresses of person contacts ("CA, US"): shown, but not a home."""
    found: dict[str, None] = {}
    for entity in _entities(record):
        if not is_personal(entity) or not any(r in PERSON_ROLES for r in entity.get("roles") or []):
            continue
        vcard = entity.get("vcardArray")
        for prop in vcard[1] if isinstance(vcard, list) and len(vcard) == 2 else []:
            if isinstance(prop, list) and len(prop) >= 4 and str(prop[0]).lower() == "adr":
                items = (
                    [p for p in prop[3] if isinstance(p, str)] if isinstance(prop[3], list) else []
                )
                if not _address(prop[1], prop[3]) and any(p.strip() for p in items):
                    found.setdefault(", ".join(p for p in items if p.strip()), None)
    return list(found)


def linked_contacts(record: dict[str, Any]) -> list[tuple[int, str]]:
    """(index in `entities`, `self` URL) of person contacts given only as a handle and link."""
    found = []
    for index, entity in enumerate(record.get("entities") or []):
        if not isinstance(entity, dict) or entity.get("vcardArray"):
            continue
        if not any(r in PERSON_ROLES for r in entity.get("roles") or []):
            continue
        href = next(
            (
                str(link.get("href") or "")
                for link in entity.get("links") or []
                if isinstance(link, dict) and link.get("rel") == "self"
            ),
            "",
        )
        found.append((index, href))
    return found


def has_person_contacts(record: dict[str, Any]) -> bool:
    """Whether the record lists any registrant/admin/tech contact at all (else it is thin)."""
    return any(r in PERSON_ROLES for entity in _entities(record) for r in entity.get("roles") or [])


def redacted_fields(record: dict[str, Any]) -> set[tuple[str, str]]:
    """(role, field) pairs an RFC 9537 `redacted` array says were removed or replaced."""
    hidden = set()
    for item in record.get("redacted") or []:
        name = item.get("name") if isinstance(item, dict) else None
        label = str((name or {}).get("type") or (name or {}).get("description") or "").lower()
        role = next((r for key, r in _REDACTED_ROLE.items() if label.startswith(key)), None)
        field = next((f for key, f in _REDACTED_FIELD.items() if key in label), None)
        if role and field:
            hidden.add((role, field))
    return hidden


def related_link(record: dict[str, Any]) -> str | None:
    """The registrar's RDAP URL for this domain (RFC 9083 link with rel "related")."""
    for link in record.get("links") or []:
        if not isinstance(link, dict) or link.get("rel") != "related":
            continue
        href = str(link.get("href") or "")
        rdap_type = link.get("type") in (None, "application/rdap+json")
        if href.startswith(("https://", "http://")) and rdap_type:
            return href
    return None


def _entities(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Every entity in the record, nested ones included (contacts can sit under the registrar)."""
    found, stack = [], list(record.get("entities") or [])
    while stack:
        entity = stack.pop(0)
        if isinstance(entity, dict):
            found.append(entity)
            stack.extend(entity.get("entities") or [])
    return found


def _vcard_value(vcard: Any, wanted: str) -> str:
    """The first text value of property `wanted` in a jCard, or ""."""
    if not (isinstance(vcard, list) and len(vcard) == 2 and isinstance(vcard[1], list)):
        return ""
    for prop in vcard[1]:
        if isinstance(prop, list) and len(prop) >= 4 and str(prop[0]).lower() == wanted:
            return prop[3] if isinstance(prop[3], str) else ""
    return ""


def _vcard_details(vcard: Any) -> list[tuple[str, str]]:
    """(field, value) pairs from a jCard: ["vcard", [[name, params, type, value], ...]]."""
    if not (isinstance(vcard, list) and len(vcard) == 2 and isinstance(vcard[1], list)):
        return []
    details = []
    for prop in vcard[1]:
        if not (isinstance(prop, list) and len(prop) >= 4):
            continue
        name, params, value = str(prop[0]).lower(), prop[1], prop[3]
        if name in ("fn", "org") and isinstance(value, str):  # org: a company registrant
            details.append(("name", value.strip()))
        elif name == "adr":
            details.append(("address", _address(params, value)))
        elif name == "email" and isinstance(value, str) and "@" in value and "://" not in value:
            details.append(("email", value.removeprefix("mailto:").strip()))  # not a web form
        elif name == "tel" and isinstance(value, str):
            details.append(("phone", value.removeprefix("tel:").split(";")[0].strip()))
    return details


def _address(params: Any, value: Any) -> str:
    """A street address, or "" when only region and country are shown (those are not a home).

    jCard `adr` value: [PO box, extended, street, locality, region, postal code, country]; a
    formatted address may come in the `label` parameter instead (RFC 7095 section 3.3.1.3).
    """
    items = value if isinstance(value, list) else []
    parts = [p if isinstance(p, str) else ", ".join(map(str, p)) for p in items]
    parts += [""] * (7 - len(parts))
    if any(part.strip() for part in (parts[0], parts[1], parts[2], parts[3], parts[5])):
        return ", ".join(part for part in parts if part.strip())
    label = params.get("label") if isinstance(params, dict) else None
    return str(label).replace("\n", ", ") if label else ""
