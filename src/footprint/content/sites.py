"""`sites.yaml`: domains a patient's search may land on, with the removal route for each."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from footprint.content.checklists import _check_reviewed, default_dir
from footprint.errors import ChecklistError
from footprint.model.bounds import CONTENT_TEXT_MAX
from footprint.util.domains import normalise_host, registrable_domain
from footprint.util.yamlio import load_model

__all__ = ["Category", "Site", "SitesFile", "classify", "load_sites", "registrable_domain"]

Category = Literal[
    "people-search",
    "rating-site",
    "register",
    "social-network",
    "news",
    "employer",
    "directory",
    "other",
]


class Site(BaseModel):
    """One classified domain."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_max_length=CONTENT_TEXT_MAX)

    domain: str = Field(description="Registrable domain, e.g. 192.com or nhs.uk.")
    name: str
    category: Category
    country: str = Field(description="GB, US, IE, AU or INT.")
    removal: str = Field(description="How to get a listing removed or corrected, in our words.")
    removal_url: HttpUrl | None = None
    source: str = Field(description="Where the route was read (URL or domain-facts section).")
    reviewed: str

    def model_post_init(self, __context: object) -> None:
        _check_reviewed(self.reviewed)


class SitesFile(BaseModel):
    """`sites.yaml`."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_max_length=CONTENT_TEXT_MAX)

    sites: list[Site] = Field(min_length=1)


@cache
def load_sites() -> dict[str, Site]:
    """The shipped `sites.yaml`, keyed by normalised domain (see `normalise_host`)."""
    parsed = load_model(default_dir() / "sites.yaml", SitesFile, ChecklistError)
    return {normalise_host(s.domain): s for s in parsed.sites}


def classify(url_or_host: str) -> Site | None:
    """The site entry for a URL or host, matching the host or its registrable domain."""
    sites = load_sites()
    host = normalise_host(url_or_host.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0])
    while host:
        if host in sites:
            return sites[host]
        if "." not in host:
            break
        host = host.split(".", 1)[1]
    return sites.get(registrable_domain(url_or_host))
