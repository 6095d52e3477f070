"""Social-media accounts: profile links and @handles, normalised to one profile URL each.

Which links are profiles is declared per network in `footprint.detect.networks`; a named
@handle in text is read back as a profile link, so it follows the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar
from urllib.parse import urlsplit

from footprint.detect.context import snippet
from footprint.detect.interface import Contact, ContactKind, Detector
from footprint.detect.networks import MASTODON, NETWORKS
from footprint.detect.text import Page

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
_AT_HANDLE = re.compile(r"@(?<![\w@/.]@)(?P<user>[A-Za-z0-9_.\-]{2,30})(?![\w@])")
_NETWORK_BEFORE = re.compile(
    r"\b(?P<net>instagram|insta|ig|twitter|x|tiktok|threads|snapchat|telegram)\b"
    r"[\s:\-–—(]{1,6}(?:on\s+)?$",
    re.I,
)
#: Platform id (as in `vocab.PLATFORMS` and the profile's `usernames:`) -> the profile URL of a
#: username, in the canonical form `networks` gives profile links.
PROFILE_URLS = {
    "instagram": "https://www.instagram.com/{}/",
    "x": "https://x.com/{}",
    "tiktok": "https://www.tiktok.com/@{}",
    "threads": "https://www.threads.net/@{}",
    "bluesky": "https://bsky.app/profile/{}",
    "github": "https://github.com/{}",
    "linkedin": "https://www.linkedin.com/in/{}",
    "facebook": "https://www.facebook.com/{}",
    "snapchat": "https://www.snapchat.com/add/{}",
    "telegram": "https://t.me/{}",
}
# Other names for a network in `_NETWORK_BEFORE`; the rest are platform ids already.
_ALIASES = {"insta": "instagram", "ig": "instagram", "twitter": "x"}


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
            user = m.group("user").rstrip(".-")
            # read back as a link, so a handle follows the same rules as a profile link
            word = named.group("net").lower()
            found = social_profile(PROFILE_URLS[_ALIASES.get(word, word)].format(user))
            if found is None:
                continue
            yield Contact(self.kind, "@" + user, found[1], snippet(text, named.start(), m.end()))
