"""Who is audited: the Profile model and loading it from YAML.

The `private:` block is never sent anywhere. It is used only on this machine to recognise the
doctor's own personal details in fetched pages. The `work:` block lists contact details that are
expected on public pages, so they are not reported as leaks.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from footprint.errors import ProfileError
from footprint.model.bounds import LIST_MAX, NAME_MAX, TEXT_MAX, Name
from footprint.model.vocab import PLATFORMS, Jurisdiction, Role
from footprint.util.yamlio import load_model

#: Titles people put before their name ("Dr Jo Tester"), lower case, without a full stop.
UK_NATIONS = ("england", "wales", "scotland", "northern-ireland")
"""The values of `region` for a doctor in the UK (laws and helplines differ by nation)."""

TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor"})


class _Strict(BaseModel):
    # Every text value is bounded (names more tightly, below): see footprint.model.bounds.
    model_config = ConfigDict(extra="forbid", frozen=True, str_max_length=TEXT_MAX)


# The shape of an e-mail address: one @, something before it, a dotted domain after it.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([\w-]{1,63}\.)+[\w-]{2,63}$")  # \w: IDNs (münchen.de)


def web_address(value: str) -> str:
    """A page address, with https:// added when no scheme was typed; ValueError if it is not one.

    "hollyfieldsurgery.nhs.uk/our-team" becomes "https://hollyfieldsurgery.nhs.uk/our-team",
    so the page scan runs instead of being skipped for want of a scheme.
    """
    text = value.strip()
    if text and "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = parts.hostname or ""
    if (
        parts.scheme not in ("http", "https")
        or " " in text
        or not ("." in host or host == "localhost" or ":" in host)
    ):
        raise ValueError(
            f"'{value.strip()}' is not a web page address (e.g. https://practice.example/team)"
        )
    return text


def check_emails(values: list[str]) -> list[str]:
    """The addresses, trimmed; ValueError naming the entry that is not shaped like one."""
    for n, email in enumerate(values, start=1):
        if not _EMAIL.match(email.strip()):
            # The value itself is not repeated: error messages never carry personal details.
            raise ValueError(f"entry {n} does not look like an e-mail address (name@example.org)")
    return [e.strip() for e in values]


#: Each country in words, and a number written with its country code, for the error message.
COUNTRY_NAMES = {"GB": "the UK", "IE": "Ireland", "US": "the US", "AU": "Australia"}
EXAMPLE_PHONES = {
    "GB": "+44 7700 900123",
    "IE": "+353 1 234 5678",
    "US": "+1 212 555 0123",
    "AU": "+61 491 570 156",
}

#: Ofcom's ranges kept for drama and examples (07700 900xxx, 01632 960xxx), as national
#: numbers. phonenumbers calls them invalid, but fictional profiles and tests rightly use them.
_GB_FICTIONAL = ("7700900", "1632960")


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def is_real_phone(phone: str, region: str) -> bool:
    """Whether `phone` is a number that can exist, dialled in `region` (e.g. GB).

    Validity, not only the right length: "12345" or "+44 20 7946" parse, but no such line can
    exist. Ofcom's fictional ranges count as real, so example numbers stay usable.
    """
    import phonenumbers

    try:
        parsed = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.is_valid_number(parsed):
        return True
    national = str(parsed.national_number)
    return parsed.country_code == 44 and len(national) == 10 and national.startswith(_GB_FICTIONAL)


def check_phones(values: list[str], region: str) -> None:
    """Every number must be a real phone number when dialled in `region`; ValueError naming
    each one that is not (by position: the number itself is never repeated)."""
    bad = [n for n, phone in enumerate(values, start=1) if not is_real_phone(phone, region)]
    if not bad:
        return
    which = " and ".join(f"the {_ordinal(n)}" for n in bad)
    noun = "number is not a phone number" if len(bad) == 1 else "numbers are not phone numbers"
    country = COUNTRY_NAMES.get(region, region)
    raise ValueError(
        f"{which} {noun} that can exist in {country}: check the digits, "
        "and write it as you would dial it there or with the country code "
        f"(e.g. {EXAMPLE_PHONES.get(region, '+44 7700 900123')})"
    )


def check_domains(values: list[str]) -> list[str]:
    """Domain names, trimmed; ValueError for one that is not a domain name.

    A pasted link ("https://alexexample.co.uk/about") is fine: the lookup takes the name from it.
    """
    for raw in values:
        name = raw.strip().lower().removeprefix("https://").removeprefix("http://")
        if not _DOMAIN.match(name.split("/")[0].strip(".")):
            raise ValueError(f"'{raw.strip()}' is not a domain name (e.g. alexexample.co.uk)")
    return [v.strip() for v in values if v.strip()]


class Workplace(_Strict):
    """A place the doctor works, as a patient would know it."""

    name: Name
    town: Name | None = None
    url: str | None = None  # the workplace's own page about the doctor (team page, profile)

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        return web_address(value) if value and value.strip() else None


class PrivateDetails(_Strict):
    """Personal contact details. Never sent: used only to recognise leaks locally."""

    # Each value becomes a pattern the masked copy searches for: kept to a name's length.
    model_config = ConfigDict(extra="forbid", frozen=True, str_max_length=NAME_MAX)

    emails: list[str] = Field(default_factory=list, max_length=LIST_MAX)
    phones: list[str] = Field(default_factory=list, max_length=LIST_MAX)
    home_postcode: str | None = None
    home_street: str | None = None

    _emails = field_validator("emails")(classmethod(lambda cls, v: check_emails(v)))


class WorkDetails(_Strict):
    """Contact details that are expected on public pages (not leaks)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_max_length=NAME_MAX)

    emails: list[str] = Field(default_factory=list, max_length=LIST_MAX)
    phones: list[str] = Field(default_factory=list, max_length=LIST_MAX)

    _emails = field_validator("emails")(classmethod(lambda cls, v: check_emails(v)))


class Profile(_Strict):
    """The person being audited."""

    name: str = Field(
        min_length=2, max_length=NAME_MAX, description="Display name, as patients would know it."
    )
    title: Name | None = Field(default="Dr", description="Title patients use, e.g. Dr.")
    variants: list[Name] = Field(
        default_factory=list, max_length=LIST_MAX, description="Other forms of the name."
    )
    role: Role = Role.OTHER
    specialty: Name | None = None
    jurisdiction: Jurisdiction = Jurisdiction.GB
    state: str | None = Field(default=None, description="US state code, for US registers.")
    locality: Name | None = Field(default=None, description="Town or city where you work.")
    region: str | None = Field(
        default=None,
        description=(
            "Where in the country you live, for the right law and helplines: england, wales,"
            " scotland or northern-ireland (GB); a state or territory code such as NY or NSW"
            " (US, AU)."
        ),
    )
    workplaces: list[Workplace] = Field(default_factory=list, max_length=LIST_MAX)
    platforms: list[str] = Field(
        default_factory=list, max_length=LIST_MAX, description="Platform ids you use."
    )
    usernames: dict[str, Name] = Field(
        default_factory=dict, max_length=LIST_MAX, description="Platform id -> your username there."
    )
    urls: list[str] = Field(
        default_factory=list, max_length=LIST_MAX, description="Pages about you to check."
    )
    domains: list[str] = Field(
        default_factory=list, max_length=LIST_MAX, description="Web domains you own."
    )
    has_company: bool = Field(
        default=False, description="Director of a company, LLP or charity (any country)."
    )
    private: PrivateDetails = Field(default_factory=PrivateDetails)
    work: WorkDetails = Field(default_factory=WorkDetails)

    @model_validator(mode="before")
    @classmethod
    def _title_once(cls, data: Any) -> Any:
        # "name: Dr Jo Tester" with "title: Dr" would be searched for as "Dr Dr Jo Tester".
        if isinstance(data, dict) and isinstance(data.get("name"), str):
            title = data.get("title", "Dr")
            first, _, rest = data["name"].strip().partition(" ")
            if title and rest.strip() and first.rstrip(".").lower() == str(title).lower():
                data = {**data, "name": rest.strip()}
        return data

    @field_validator("jurisdiction", mode="before")
    @classmethod
    def _country_code(cls, value: Any) -> Any:
        # People write "uk" or "gb"; the code is GB.
        if isinstance(value, str):
            code = value.strip().upper()
            return "GB" if code == "UK" else code
        return value

    @field_validator("region", mode="before")
    @classmethod
    def _region_shape(cls, value: Any) -> Any:
        # GB nations are words ("Northern Ireland" -> northern-ireland); states are codes (NY).
        if not isinstance(value, str) or not value.strip():
            return None if isinstance(value, str) else value
        text = value.strip()
        words = re.sub(r"[\s_]+", "-", text.lower())
        if words in UK_NATIONS:
            return words
        if re.fullmatch(r"[A-Za-z]{2,3}", text):
            return text.upper()
        nations = ", ".join(UK_NATIONS)
        raise ValueError(f"use one of {nations} (GB) or a state code such as NY or NSW")

    @field_validator("platforms")
    @classmethod
    def _known_platforms(cls, value: list[str]) -> list[str]:
        unknown = [p for p in value if p not in PLATFORMS]
        if unknown:
            known = ", ".join(sorted(PLATFORMS))
            raise ValueError(f"unknown platform id(s) {unknown}; use any of: {known}")
        return value

    @field_validator("urls")
    @classmethod
    def _web_addresses(cls, value: list[str]) -> list[str]:
        return [web_address(u) for u in value if u.strip()]

    @field_validator("domains")
    @classmethod
    def _domain_names(cls, value: list[str]) -> list[str]:
        return check_domains(value)

    @field_validator("private", "work")
    @classmethod
    def _dialable_phones(
        cls, value: PrivateDetails | WorkDetails, info: ValidationInfo
    ) -> PrivateDetails | WorkDetails:
        # Phones are read as dialled in the doctor's country (07700... is a UK mobile).
        jurisdiction = info.data.get("jurisdiction", Jurisdiction.GB)
        try:
            check_phones(value.phones, Jurisdiction(jurisdiction).value)
        except ValueError as exc:
            raise ValueError(f"phones: {exc}") from None
        return value

    @property
    def all_names(self) -> list[str]:
        """The name, its titled form and its variants, without duplicates."""
        names = [self.name, *self.variants]
        if self.title:
            names.append(f"{self.title} {self.name}")
        seen: dict[str, None] = {}
        for n in names:
            seen.setdefault(n.strip(), None)
        return [n for n in seen if n]

    @property
    def slug(self) -> str:
        """A file-system-safe form of the name, for report folders."""
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-") or "profile"

    @property
    def masked_name(self) -> str:
        """Initials only, e.g. 'Dr A. E.', for places that must not hold the full name."""
        initials = " ".join(f"{part[0].upper()}." for part in self.name.split() if part)
        return f"{self.title} {initials}" if self.title else initials

    def private_values(self) -> list[str]:
        """Every private value, for redaction checks and leak matching."""
        p = self.private
        return [v for v in [*p.emails, *p.phones, p.home_postcode, p.home_street] if v]


def load_profile(path: Path) -> Profile:
    """Load and validate a profile YAML file."""
    return load_model(path, Profile, ProfileError)


PROFILE_HEADER = """\
# footprint profile. Keep this file private: it holds your personal details.
# Nothing in the `private:` block is ever sent anywhere; footprint uses it only on this
# computer to recognise your own details on pages it fetches.
# Platform ids: {platforms}
"""


def dump_profile(profile: Profile) -> str:
    """The profile as commented YAML, ready to edit."""
    import yaml

    data = profile.model_dump(mode="json", exclude_defaults=False)
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    return PROFILE_HEADER.format(platforms=", ".join(PLATFORMS)) + body
