"""Plain words for what a doctor reads: no setting names, config syntax or checklist ids.

Lookups explain themselves in technical terms that suit `footprint lookups` ("needs an API key
in FOOTPRINT_HIBP_KEY", "no Mastodon username in your profile (usernames: mastodon: ...)").
The report rewrites those phrases once, here, whatever lookup wrote them; anything it does not
recognise that still looks like a setting name becomes "a setting". No command and no README:
the browser's reader has neither, so where to go next is a next step (`Report.next_steps`).
"""

from __future__ import annotations

import re

_PAID_KEY = "it needs a paid key for the service, set up in footprint's settings"
_OTHER_KEY = "it needs a key for the service, set up in footprint's settings"
# Services whose key costs money: HIBP API v3 needs a paid key (domain-facts.md, HIBP).
_PAID_KEY_SERVICES = ("HIBP",)

_KEY_NEEDED = re.compile(r"needs an API key in (FOOTPRINT_\w+)")
_OVERRIDE = re.compile(r"\s*\(FOOTPRINT_\w+ override, instead of ([^)]*)\)")
_CONFIG_HINT = re.compile(
    r"\s*\((?:add them under |)(?:usernames|domains|state|urls|url)\b:[^)]*\)", re.IGNORECASE
)
_CHECKLIST_REF = re.compile(r"\s*\(checklist '[\w.-]+'\)")
_SETTING = re.compile(r"\bFOOTPRINT_\w+")


def _key_needed(m: re.Match[str]) -> str:
    name = m.group(1)
    return _PAID_KEY if any(s in name for s in _PAID_KEY_SERVICES) else _OTHER_KEY


def plain(text: str | None) -> str:
    """`text` with setting names, config syntax and checklist ids put into plain words."""
    if not text:
        return ""
    out = _KEY_NEEDED.sub(_key_needed, text)
    out = _OVERRIDE.sub(r" (a stand-in set in your settings, instead of \1)", out)
    out = _CONFIG_HINT.sub("", out)  # where to add it is a next step (add_to_profile)
    out = _CHECKLIST_REF.sub("", out)
    return _SETTING.sub("a setting", out)


_OUTCOME_PREFIX = {"skipped": "Not run", "couldn't check": "Could not check"}


def plain_reason(reason: str) -> str:
    """'skipped: needs an API key in FOOTPRINT_HIBP_KEY' -> 'Not run: it needs a paid key; ...'."""
    kind, sep, rest = reason.partition(": ")
    if sep and kind in _OUTCOME_PREFIX:
        return f"{_OUTCOME_PREFIX[kind]}: {plain(rest)}"
    return plain(reason)
