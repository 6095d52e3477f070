"""The recipients directory: who holds a doctor's details and how to ask them to remove them.

Shipped as YAML lists under `checklists/recipients/` (one file per country), validated here.
Each record says what the recipient holds, how to ask (e-mail, web form, post), what it needs
to find a record, which law applies, where each fact was read and the month it was checked.
The UK marketing-database, credit-agency and regulator records are seeded from the
datenanfragen/data company database (CC0 1.0); the rest were added from the sources they name.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from footprint.content.checklists import _check_reviewed, default_dir
from footprint.errors import ChecklistError
from footprint.util.domains import normalise_host
from footprint.util.yamlio import load_model

__all__ = [
    "Ask",
    "Detail",
    "Kind",
    "LawId",
    "Recipient",
    "RecipientsFile",
    "Source",
    "by_domain",
    "load_recipients",
    "recipients_dir",
]

Kind = Literal[
    "people_search",
    "marketing_database",
    "credit_reference_marketing",
    "phone_directory",
    "electoral_roll_reseller",
    "genealogy",
    "regulator",
    "electoral_office",
    "companies_register",
    "professional_register",
    "health_register",
]

#: What a recipient may need to find a record. The letters give only these, and only when the
#: recipient already shows the value (see footprint.plan.letter_needs).
Detail = Literal[
    "name",
    "listing_url",
    "page_url",
    "home_address",
    "postcode",
    "email",
    "phone",
    "date_of_birth",
    "company_number",
    "npi",
]

#: The law a request to this recipient relies on; footprint.plan.laws words each one.
LawId = Literal[
    "uk-gdpr",
    "eu-gdpr",
    "au-privacy-act",
    "us-opt-out",
    "ca-delete-act",
    "uk-open-register",
    "ie-edited-register",
    "uk-companies-act",
    "us-nppes",
    "au-silent-elector",
    "au-national-law-s226",
    "service-request",  # no law to cite: an ordinary request (e.g. going ex-directory)
]

Country = Literal["GB", "IE", "US", "AU", "INT"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """Where the facts of a record were read."""

    url: HttpUrl
    title: str = Field(min_length=3)


class Ask(_Strict):
    """How to ask: at least one of e-mail, web form and postal address."""

    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    web_form: HttpUrl | None = None
    post: str | None = Field(default=None, description="Postal address, lines split by newlines.")
    finder: str | None = Field(
        default=None,
        description="Where the doctor finds the right office when it depends on where they"
        " live (e.g. their council's electoral registration office).",
    )

    @model_validator(mode="after")
    def _some_route(self) -> Ask:
        if not (self.email or self.web_form or self.post or self.finder):
            raise ValueError("give at least one of email, web_form, post or finder")
        return self


class Recipient(_Strict):
    """Someone a doctor may ask to remove, correct or stop using their details."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    country: Country
    kind: Kind
    domains: list[str] = Field(default_factory=list, description="Sites it runs (sites.yaml).")
    holds: str = Field(min_length=10, description="What it holds about people, in our words.")
    ask: Ask
    needs: list[Detail] = Field(min_length=1, description="What it needs to find a record.")
    already_has: list[Detail] = Field(
        default_factory=list,
        description="What it holds about everyone it lists by its nature (the council holds"
        " your registered address), so giving it again discloses nothing new.",
    )
    law: LawId
    source: Source
    checked: str = Field(description="YYYY-MM: the month the record was checked.")
    seeded_from: str | None = Field(
        default=None, description="The datenanfragen/data record it was seeded from (CC0 1.0)."
    )
    note: str | None = None

    _checked = field_validator("checked")(classmethod(lambda cls, v: _check_reviewed(v)))

    @field_validator("domains")
    @classmethod
    def _normalised(cls, value: list[str]) -> list[str]:
        return [normalise_host(d) for d in value]


class RecipientsFile(_Strict):
    """One file under `checklists/recipients/`."""

    recipients: list[Recipient] = Field(min_length=1)


def recipients_dir() -> Path:
    """The shipped directory of recipient files."""
    return default_dir() / "recipients"


@cache
def load_recipients(folder: Path | None = None) -> dict[str, Recipient]:
    """Every recipient, keyed by id; ChecklistError for a bad file or a repeated id or domain."""
    found: dict[str, Recipient] = {}
    domains: dict[str, str] = {}
    for path in sorted((folder or recipients_dir()).glob("*.yaml")):
        for r in load_model(path, RecipientsFile, ChecklistError).recipients:
            if r.id in found:
                raise ChecklistError(f"{path.name}: recipient id '{r.id}' is given twice")
            for d in r.domains:
                if d in domains:
                    raise ChecklistError(
                        f"{path.name}: domain '{d}' belongs to '{domains[d]}' and '{r.id}'"
                    )
                domains[d] = r.id
            found[r.id] = r
    if not found:
        raise ChecklistError(f"no recipient files in {folder or recipients_dir()}")
    return found


def by_domain(url_or_host: str) -> Recipient | None:
    """The recipient that runs a site, matching the host or any parent domain of it."""
    owners = {d: r for r in load_recipients().values() for d in r.domains}
    host = normalise_host(url_or_host.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0])
    while host:
        if host in owners:
            return owners[host]
        if "." not in host:
            return None
        host = host.split(".", 1)[1]
    return None
