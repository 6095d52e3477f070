"""The social networks we recognise: hosts, profile path shapes, and never-a-person paths.

Each network is declared once: its hosts, the path shapes of a profile page (with the URL we
normalise to), and the first path segments that are never a person (share buttons, intents,
help pages). Path rules follow each network's public profile URLs, e.g. instagram.com/<user>/,
linkedin.com/in/<slug>, tiktok.com/@<user>, bsky.app/profile/<handle>, strava.com/athletes/<id>,
snapchat.com/add/<user>, t.me/<user>, <server>/@<user>. `footprint.detect.social` reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


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

_SNAP_USER = r"(?P<user>[A-Za-z][A-Za-z0-9_.\-]{2,14})"

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
    # Snapchat: snapchat.com/add/<user> (the "Share username" link every account has) and
    # snapchat.com/@<user> (public profiles; story.snapchat.com/@<user> on older links).
    # Usernames are 3-15 characters, starting with a letter: letters, digits, '-', '_', '.'.
    Network(
        "snapchat",
        frozenset({"snapchat.com", "story.snapchat.com"}),
        (
            _shape(r"^/add/" + _SNAP_USER, "https://www.snapchat.com/add/{user}"),
            _shape(r"^/@" + _SNAP_USER, "https://www.snapchat.com/add/{user}"),
        ),
    ),
    # Telegram: t.me/<username> (also telegram.me, telegram.dog), per core.telegram.org/api/
    # links. Usernames are 5-32 of [A-Za-z0-9_] starting with a letter (4 for the collectible
    # ones). Not a person: invites (t.me/+<hash>, /joinchat/), t.me/+<phone> links, share and
    # sticker links, posts (t.me/<channel>/<id>), and bot links (?start=..., ?startgroup=...).
    Network(
        "telegram",
        frozenset({"t.me", "telegram.me", "telegram.dog"}),
        (
            _shape(
                r"^/(?P<user>[A-Za-z][A-Za-z0-9_]{3,31})"
                r"(?!/?\?(?:[^#]*&)?(?:start|startgroup|startchannel|startapp|startattach|game)=)",
                "https://t.me/{user}",
            ),
        ),
        frozenset(
            _COMMON_RESERVED
            | {
                "joinchat",
                "addstickers",
                "addemoji",
                "addlist",
                "addtheme",
                "addstyle",
                "auction",
                "auth",
                "boost",
                "call",
                "confirmphone",
                "contact",
                "giftcode",
                "invoice",
                "proxy",
                "setlanguage",
                "socks",
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
