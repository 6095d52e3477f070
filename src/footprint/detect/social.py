"""Social-media accounts: profile links and @handles, normalised to one profile URL each.

Each network is declared once: its hosts, the path shapes of a profile page (with the URL we
normalise to), and the first path segments that are never a person (share buttons, intents,
help pages). Path rules follow each network's public profile URLs, e.g. instagram.com/<user>/,
linkedin.com/in/<slug>, tiktok.com/@<user>, bsky.app/profile/<handle>, strava.com/athletes/<id>,
<server>/@<user>.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar
from urllib.parse import urlsplit

from footprint.detect.interface import Contact, ContactKind, Detector, snippet
from footprint.detect.text import Page


@dataclass(frozen=True)
class Network:
    """One network: hosts, profile path shapes -> canonical URL, and reserved first segments."""

    id: str
    hosts: frozenset[str]
    shapes: tuple[tuple[re.Pattern[str], str], ...]
    reserved: frozenset[str] = frozenset()
    keep_case: bool = False  # handles are case-insensitive everywhere except YouTube channel ids

    def profile_url(self, host: str, path_and_query: str) -> str | None:
        """The canonical profile URL for a link on `host`, or None if it is not a profile."""
        first = path_and_query.strip("/").split("/", 1)[0].split("?", 1)[0].lower()
        if first in self.reserved or first.endswith(".php") and first != "profile.php":
            return None
        for pattern, template in self.shapes:
            match = pattern.match(path_and_query)
            if match:
                groups = {k: v for k, v in match.groupdict().items() if v is not None}
                if not self.keep_case:
                    groups = {k: v.lower() for k, v in groups.items()}
                return template.format(host=host, **groups)
        return None


def _shape(regex: str, template: str) -> tuple[re.Pattern[str], str]:
    return re.compile(regex + r"/?(?:[?#].*)?$"), template


_COMMON_RESERVED = {
    "share",
    "sharer",
    "intent",
    "login",
    "signup",
    "help",
    "about",
    "legal",
    "privacy",
    "policies",
    "terms",
    "search",
    "explore",
    "settings",
    "home",
}

NETWORKS: tuple[Network, ...] = (
    Network(
        "facebook",
        frozenset({"facebook.com", "fb.com"}),
        (
            _shape(
                r"^/profile\.php\?(?:[^#]*&)?id=(?P<id>\d+)(?:&[^#]*)?",
                "https://www.facebook.com/profile.php?id={id}",
            ),
            _shape(r"^/(?P<user>[A-Za-z0-9.\-]{2,80})", "https://www.facebook.com/{user}"),
        ),
        frozenset(
            _COMMON_RESERVED
            | {
                "dialog",
                "plugins",
                "tr",
                "watch",
                "events",
                "hashtag",
                "groups",
                "pages",
                "marketplace",
                "gaming",
                "reel",
                "reels",
                "business",
                "ads",
            }
        ),
    ),
    Network(
        "instagram",
        frozenset({"instagram.com", "instagr.am"}),
        (_shape(r"^/(?P<user>[A-Za-z0-9._]{1,30})", "https://www.instagram.com/{user}/"),),
        frozenset(
            _COMMON_RESERVED
            | {"p", "reel", "reels", "tv", "stories", "accounts", "direct", "developer", "web"}
        ),
    ),
    Network(
        "x",
        frozenset({"twitter.com", "x.com"}),
        (_shape(r"^/(?P<user>[A-Za-z0-9_]{1,15})", "https://x.com/{user}"),),
        frozenset(
            _COMMON_RESERVED | {"i", "hashtag", "messages", "notifications", "tos", "compose"}
        ),
    ),
    Network(
        "linkedin",
        frozenset({"linkedin.com"}),
        (_shape(r"^/in/(?P<user>[\w\-%]{2,100})", "https://www.linkedin.com/in/{user}"),),
    ),
    Network(
        "tiktok",
        frozenset({"tiktok.com"}),
        (_shape(r"^/@(?P<user>[A-Za-z0-9_.]{2,24})", "https://www.tiktok.com/@{user}"),),
    ),
    Network(
        "threads",
        frozenset({"threads.net", "threads.com"}),
        (_shape(r"^/@(?P<user>[A-Za-z0-9_.]{1,30})", "https://www.threads.net/@{user}"),),
    ),
    Network(
        "bluesky",
        frozenset({"bsky.app"}),
        (_shape(r"^/profile/(?P<user>[A-Za-z0-9.\-:]{3,253})", "https://bsky.app/profile/{user}"),),
    ),
    Network(
        "youtube",
        frozenset({"youtube.com"}),
        (
            _shape(r"^/@(?P<user>[A-Za-z0-9_.\-]{3,30})", "https://www.youtube.com/@{user}"),
            _shape(
                r"^/channel/(?P<id>UC[A-Za-z0-9_\-]{22})", "https://www.youtube.com/channel/{id}"
            ),
            _shape(
                r"^/(?P<kind>c|user)/(?P<user>[A-Za-z0-9_.\-]{1,100})",
                "https://www.youtube.com/{kind}/{user}",
            ),
        ),
        keep_case=True,
    ),
    # Strava profiles are numbered: strava.com/athletes/<id> (as rStrava's athl_fun reads
    # them). Activities (/activities/<id>) and clubs are not a person's profile.
    Network(
        "strava",
        frozenset({"strava.com"}),
        (_shape(r"^/athletes/(?P<id>\d{1,12})", "https://www.strava.com/athletes/{id}"),),
    ),
    Network(
        "github",
        frozenset({"github.com"}),
        (_shape(r"^/(?P<user>[A-Za-z0-9](?:[A-Za-z0-9\-]{0,38}))", "https://github.com/{user}"),),
        frozenset(
            _COMMON_RESERVED
            | {
                "features",
                "pricing",
                "join",
                "orgs",
                "marketplace",
                "topics",
                "trending",
                "sponsors",
                "enterprise",
                "security",
                "site",
                "contact",
                "collections",
                "events",
                "readme",
                "team",
                "apps",
                "customer-stories",
            }
        ),
    ),
)
# Mastodon runs on many servers; we recognise links only on well-known ones (any server's
# handles are recognised in text as @user@server).
MASTODON = Network(
    "mastodon",
    frozenset(
        {
            "mastodon.social",
            "mastodon.online",
            "mstdn.social",
            "mas.to",
            "fosstodon.org",
            "hachyderm.io",
            "infosec.exchange",
            "mastodon.scot",
            "mastodon.ie",
            "aus.social",
            "med-mastodon.com",
            "mstdn.science",
            "sciences.social",
            "mastodon.world",
            "toot.community",
            "mastodon.nz",
        }
    ),
    (_shape(r"^/@(?P<user>[A-Za-z0-9_]{1,30})", "https://{host}/@{user}"),),
)

_BY_HOST = {host: net for net in (*NETWORKS, MASTODON) for host in net.hosts}


def social_profile(url: str) -> tuple[str, str] | None:
    """(network id, canonical profile URL) for a link to a person's profile, else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https", "") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    for prefix in ("www.", "m.", "mobile.", "uk.", "web."):
        host = host.removeprefix(prefix)
    network = _BY_HOST.get(host) or (MASTODON if host.startswith(("mastodon.", "mstdn.")) else None)
    if network is None:
        return None
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    canonical = network.profile_url(host, path)
    return (network.id, canonical) if canonical else None


# @handles in text. Bare "@name" is ambiguous, so it needs the network named just before it.
_FEDIVERSE = re.compile(
    r"@(?<![\w@/.]@)(?P<user>[A-Za-z0-9_]{1,30})@(?P<host>[a-z0-9\-]+(?:\.[a-z0-9\-]+)+)\b", re.I
)
_BSKY = re.compile(
    r"@(?<![\w@/.]@)(?P<user>[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.bsky\.social)\b", re.I
)
# "@name" (checked first: cheap), then the network named just before it.
_AT_HANDLE = re.compile(r"@(?<![\w@/.]@)(?P<user>[A-Za-z0-9_.]{2,30})(?![\w@])")
_NETWORK_BEFORE = re.compile(
    r"\b(?P<net>instagram|insta|ig|twitter|x|tiktok|threads)\b[\s:\-–—(]{1,6}(?:on\s+)?$", re.I
)
_NAMED_URL = {
    "instagram": "https://www.instagram.com/{}/",
    "insta": "https://www.instagram.com/{}/",
    "ig": "https://www.instagram.com/{}/",
    "twitter": "https://x.com/{}",
    "x": "https://x.com/{}",
    "tiktok": "https://www.tiktok.com/@{}",
    "threads": "https://www.threads.net/@{}",
}


class SocialDetector(Detector):
    """Links to social profiles, and @handles named with their network."""

    kind: ClassVar[ContactKind] = ContactKind.SOCIAL

    def find(self, page: Page, region: str) -> Iterator[Contact]:
        for link in page.links:
            if link.href.startswith(("http://", "https://", "//")):
                found = social_profile(link.href)
                if found:
                    yield Contact(self.kind, link.href, found[1], link.context)
        yield from self._handles(page.text)

    def _handles(self, text: str) -> Iterator[Contact]:
        if "@" not in text:
            return
        for m in _FEDIVERSE.finditer(text):
            if m.group("host").lower() == "bsky.social":
                continue
            url = f"https://{m.group('host').lower()}/@{m.group('user').lower()}"
            yield Contact(self.kind, m.group(0), url, snippet(text, m.start(), m.end()))
        for m in _BSKY.finditer(text):
            url = f"https://bsky.app/profile/{m.group('user').lower()}"
            yield Contact(self.kind, m.group(0), url, snippet(text, m.start(), m.end()))
        for m in _AT_HANDLE.finditer(text):
            named = _NETWORK_BEFORE.search(text, max(m.start() - 24, 0), m.start())
            if named is None:
                continue
            user = m.group("user").rstrip(".")
            url = _NAMED_URL[named.group("net").lower()].format(user.lower())
            yield Contact(self.kind, "@" + user, url, snippet(text, named.start(), m.end()))
