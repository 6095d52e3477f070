"""Every built-in lookup, in the order they are offered for consent.

The CLI and the audit use this list; nothing is discovered at run time. Modules import lazily so
that commands which do not run lookups stay fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from footprint.lookups.interface import Lookup
    from footprint.util.settings import Settings

# "module:Class" under footprint.lookups
BUILTIN: tuple[str, ...] = (
    "pages.page_scan:PageScanLookup",
    "search.web:WebSearchLookup",
    "search.web:SearchResultPagesLookup",
    "registers.companies_house:CompaniesHouseLookup",
    "registers.npi_registry:NpiRegistryLookup",
    "registers.rdap:RdapLookup",
    "profiles.gravatar:GravatarLookup",
    "profiles.public:BlueskyLookup",
    "profiles.public:MastodonLookup",
    "profiles.public:GithubLookup",
    "profiles.hibp:HibpLookup",
    "profiles.walled:WalledPlatformsLookup",
)


def all_lookups(settings: Settings, *, quick: bool = False) -> list[Lookup]:
    """Instantiate every built-in lookup with `settings`.

    `quick` (adviser calls) sends fewer web searches.
    """
    from footprint.lookups.search.common import QUICK_QUERIES, SearchLookupBase

    found = []
    for target in BUILTIN:
        module, name = target.split(":")
        cls = getattr(importlib.import_module(f"footprint.lookups.{module}"), name)
        if quick and issubclass(cls, SearchLookupBase):
            found.append(cls(settings, max_queries=QUICK_QUERIES))
        else:
            found.append(cls(settings))
    return found
