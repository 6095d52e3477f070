"""Every built-in lookup, in the order they are offered for consent.

The CLI and the audit use this list; nothing is discovered at run time. Modules import lazily so
that commands which do not run lookups stay fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from footprint.lookups.interface import Lookup
    from footprint.settings import Settings

# "module:Class" under footprint.lookups
BUILTIN: tuple[str, ...] = (
    "page_scan:PageScanLookup",
    "web_search:WebSearchLookup",
    "web_search:SearchResultPagesLookup",
    "companies_house:CompaniesHouseLookup",
    "npi_registry:NpiRegistryLookup",
    "rdap:RdapLookup",
    "gravatar:GravatarLookup",
    "profiles:BlueskyLookup",
    "profiles:MastodonLookup",
    "profiles:GithubLookup",
    "hibp:HibpLookup",
    "walled:WalledPlatformsLookup",
)


def all_lookups(settings: Settings, *, quick: bool = False) -> list[Lookup]:
    """Instantiate every built-in lookup with `settings`.

    `quick` (adviser calls) sends fewer web searches.
    """
    from footprint.lookups.search_common import QUICK_QUERIES, SearchLookupBase

    found = []
    for target in BUILTIN:
        module, name = target.split(":")
        cls = getattr(importlib.import_module(f"footprint.lookups.{module}"), name)
        if quick and issubclass(cls, SearchLookupBase):
            found.append(cls(settings, max_queries=QUICK_QUERIES))
        else:
            found.append(cls(settings))
    return found
