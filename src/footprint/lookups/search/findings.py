"""From a classified search result to an observation with the steps to close it.

Each category of `sites.yaml` has one rule: how serious a hit is, what it exposes and which
steps come with it. Keys and titles carry only the site (never the doctor's details), so the
adviser copy can show them; the doctor's name stays in the observation's URL and snippet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from footprint.content.sites import Site
from footprint.lookups.search.backends import SearchResult
from footprint.model.observation import Exposure, Observation, Outcome
from footprint.model.vocab import Axis, Exposes, Severity

RESULTS_ABOUT_YOU = "https://support.google.com/websearch/answer/12719076"
_RAY_STEP = (
    "Ask Google to drop search results that show your home address, phone number or e-mail with "
    f"'Results about you' ({RESULTS_ABOUT_YOU}). It removes the result from Google, not the page."
)
_RECHECK_STEP = (
    "Search your name again in three to six months: these sites buy fresh data and listings "
    "come back."
)
#: Network ids for keys ("web-search.social.<network>"); twitter.com and x.com are one network.
_NETWORK_ALIASES = {"twitter": "x", "t": "telegram"}


@dataclass(frozen=True)
class _Rule:
    """How one category of site becomes an exposure."""

    title: str  # {site} is replaced by the site's name
    severity: Severity
    axis: Axis
    exposes: Exposes
    why: str
    guidance: tuple[str, ...] = ()
    effort: int = 15


_RULES: dict[str, _Rule] = {
    "people-search": _Rule(
        "A people-search site lists you: {site}",
        Severity.HIGH,
        Axis.LOCATABLE,
        Exposes.HOME_ADDRESS,
        "People-search sites put names next to home addresses, phone numbers and relatives. A "
        "patient who searches your name can go from this listing to your front door.",
        ("badbool", "google-results-about-you"),
        effort=20,
    ),
    "social-network": _Rule(
        "Your personal profile appears when someone searches your name: {site}",
        Severity.MEDIUM,
        Axis.FINDABLE,
        Exposes.PERSONAL_SOCIAL,
        "This profile is among the first results for your name, so a patient can open it, see "
        "your photos and friends, and follow or message you.",
        ("gmc-social-media-2024", "mdu-social-media"),
    ),
    "rating-site": _Rule(
        "A rating site has a profile for you: {site}",
        Severity.MEDIUM,
        Axis.FINDABLE,
        Exposes.WORKPLACE,
        "Rating sites build profiles from public data and show them high in searches; an old "
        "or home address on one is copied onwards.",
    ),
    "directory": _Rule(
        "A directory lists you: {site}",
        Severity.LOW,
        Axis.FINDABLE,
        Exposes.WORKPLACE,
        "Directories copy registers and other sites; check the address and phone they show "
        "are your work ones.",
    ),
    "register": _Rule(
        "A public register lists you: {site}",
        Severity.INFO,
        Axis.FINDABLE,
        Exposes.WORKPLACE,
        "Expected: registers are public by law. It still tells a patient where you work, so "
        "make sure it shows nothing more than it must.",
        effort=10,
    ),
    "employer": _Rule(
        "Your workplace's page about you appears in searches: {site}",
        Severity.INFO,
        Axis.FINDABLE,
        Exposes.WORKPLACE,
        "Expected: workplaces name their doctors. Check the page shows only work contact "
        "details, not a direct mobile, your days in, or family details.",
        effort=10,
    ),
    "news": _Rule(
        "A news page mentions you: {site}",
        Severity.LOW,
        Axis.FINDABLE,
        Exposes.IDENTITY,
        "News pages rank well and can mention your town, family or photos.",
    ),
    "other": _Rule(
        "A page about you appears in searches: {site}",
        Severity.LOW,
        Axis.FINDABLE,
        Exposes.IDENTITY,
        "This page shows up when someone searches your name.",
    ),
}


def site_slug(site: Site) -> str:
    """'192.com' -> '192-com' (for finding keys)."""
    return re.sub(r"[^a-z0-9]+", "-", site.domain.lower()).strip("-")


def network_id(site: Site) -> str:
    """'facebook.com' -> 'facebook'; twitter.com and x.com -> 'x'."""
    first = site.domain.lower().split(".")[0]
    return _NETWORK_ALIASES.get(first, first)


def exposure_for(site: Site) -> Exposure:
    """The exposure a search hit on `site` means, with `site`'s removal route as first step."""
    rule = _RULES.get(site.category, _RULES["other"])
    route = site.removal + (f" ({site.removal_url})" if site.removal_url else "")
    steps = [route]
    links = [str(site.removal_url)] if site.removal_url else []
    key = f"web-search.{site.category}.{site_slug(site)}"
    if site.category == "people-search":
        steps += [_RAY_STEP, _RECHECK_STEP]
        links.append(RESULTS_ABOUT_YOU)
    elif site.category == "social-network":
        steps.insert(0, "Open the result and check the profile is yours.")
        key = f"web-search.social.{network_id(site)}"
    return Exposure(
        key=key,
        title=rule.title.format(site=site.name),
        severity=rule.severity,
        axis=rule.axis,
        exposes=rule.exposes,
        why=rule.why,
        steps=steps,
        effort=rule.effort,
        guidance=list(rule.guidance),
        links=links,
    )


def hit_observation(lookup_id: str, query: str, result: SearchResult, site: Site) -> Observation:
    """A `found` observation for one classified result of `query`."""
    snippet = " - ".join(p for p in (result.title, result.snippet) if p)[:300]
    return Observation(
        lookup_id=lookup_id,
        outcome=Outcome.FOUND,
        subject=f"search: {query}",
        url=result.url,
        snippet=snippet or None,
        matched=site.name,
        search=query,
        exposure=exposure_for(site),
        details={"category": site.category, "site": site.domain, "rank": str(result.rank)},
    )
