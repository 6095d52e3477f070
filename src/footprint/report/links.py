"""Help links a doctor can trust: the platform's own help centre or an official body, else none.

Checklist and lookup data carry "help pages" gathered from many places, some of them blogs
and content farms. A frightened doctor following a fix should land on Facebook's own help
centre, a government page or their defence union, so the report keeps a link only when its
site is one of those (or a people-search site, register or directory in sites.yaml: its own opt-out
page is the route).
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from footprint.content.sites import classify, registrable_domain

# Platforms' own sites (their help centres live on these domains or subdomains of them).
PLATFORMS = frozenset(
    {
        "facebook.com",
        "instagram.com",
        "whatsapp.com",
        "meta.com",
        "threads.net",
        "strava.com",
        "google.com",
        "linkedin.com",
        "x.com",
        "twitter.com",
        "tiktok.com",
        "snapchat.com",
        "telegram.org",
        "spotify.com",
        "venmo.com",
        "paypal.com",
        "bsky.app",
        "bsky.social",
        "joinmastodon.org",
        "hinge.co",
        "bumble.com",
        "tinder.com",
        "match.com",
        "apple.com",
        "microsoft.com",
        "gravatar.com",
        "haveibeenpwned.com",
    }
)
# Hosts whose path decides: GitHub's own docs are help, a repository on github.com is not.
PLATFORM_HOSTS = frozenset({"docs.github.com", "support.github.com"})
# Regulators, defence unions, professional bodies, public services and safety charities.
OFFICIAL = frozenset(
    {
        "gmc-uk.org",
        "themdu.com",
        "mddus.com",
        "medicalprotection.org",
        "mdanational.com.au",
        "avant.org.au",
        "bma.org.uk",
        "nhsemployers.org",
        "nhs.uk",
        "nhs.net",
        "ico.org.uk",
        "ofcom.org.uk",
        "suzylamplugh.org",
        "paladinservice.co.uk",
        "dataprotection.ie",
        "medicalcouncil.ie",
        "ahpra.gov.au",
        "oaic.gov.au",
        "esafety.gov.au",
        "ama.org",
        "fsmb.org",
        "ftc.gov",
    }
)
# Kinds of sites.yaml site whose own pages are the route to a removal or correction.
OWN_ROUTE_CATEGORIES = frozenset({"people-search", "register", "rating-site", "directory"})
# Public-sector suffixes: every site under them is an official body.
OFFICIAL_SUFFIXES = ("gov.uk", "gov", "gov.ie", "gov.au", "police.uk", "nhs.uk", "gc.ca")


def is_official(url: str) -> bool:
    """Whether `url` is on a platform's own site, an official body's, or a listed site's."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return False
    if not host:
        return False
    if host in PLATFORM_HOSTS:
        return True
    if any(host == s or host.endswith("." + s) for s in OFFICIAL_SUFFIXES):
        return True
    domain = registrable_domain(host)
    if domain in PLATFORMS or domain in OFFICIAL:
        return True
    site = classify(host)
    return site is not None and site.category in OWN_ROUTE_CATEGORIES


def official_links(urls: Iterable[str]) -> list[str]:
    """The links worth showing, in their order."""
    return [u for u in urls if is_official(u)]
