"""Is this response really an answer, or a wall? (`footprint.net.blocked_reason`)

A 403, a rate limit, a Cloudflare challenge or a login wall must never be read as "not found":
a false "not found" falsely reassures someone at risk. The page checks are deliberately
conservative: they look at the page title, the address the site sent us to, and well-known
challenge markers, not at every mention of "log in" in a page footer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from footprint.net import Response

_STATUS_REASONS = {
    401: "the site asked for a login (HTTP 401)",
    403: "the site refused the request (HTTP 403)",
    407: "a proxy asked for a login (HTTP 407)",
    429: "the site is limiting requests (HTTP 429)",
}

# Markers that appear only on bot-challenge or block pages, not on ordinary pages: captcha
# widgets and Cloudflare's page-wide scripts also sit on normal contact forms, so they are not
# evidence of a block on their own.
_CHALLENGE_MARKERS = (
    "cf_chl_opt",  # Cloudflare "Just a moment..." interstitial
    "cf-browser-verification",  # older Cloudflare interstitial
    "captcha-delivery.com",  # DataDome block page
    "px-captcha",  # PerimeterX / HUMAN block page
)
_CHALLENGE_TITLES = re.compile(
    r"just a moment|attention required|access denied|are you a robot|are you human|"
    r"verify you are human|captcha|pardon our interruption|request blocked",
    re.I,
)
_LOGIN_TITLES = re.compile(r"^\W*(sign ?in|log ?in|login)\b", re.I)
_LOGIN_PATHS = re.compile(
    r"/(login|log-in|signin|sign-in|sign_in|authwall|auth/login|accounts/login|uas/login|"
    r"checkpoint|session/new)\b",
    re.I,
)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)


def blocked_reason(response: Response) -> str | None:
    """Plain words saying why `response` is not a real answer, or None if it looks like one."""
    status = response.status
    if status in _STATUS_REASONS:
        return _STATUS_REASONS[status]
    if status >= 500:
        return f"the site had a problem (HTTP {status})"
    head = response.text[:20_000]
    title = _page_title(head)
    lowered = head.lower()
    if any(marker in lowered for marker in _CHALLENGE_MARKERS):
        return "the site showed a bot check (challenge page)"
    if title and _CHALLENGE_TITLES.search(title):
        return "the site showed a bot check (challenge page)"
    if _LOGIN_PATHS.search(urlsplit(response.final_url).path) and not _LOGIN_PATHS.search(
        urlsplit(response.url).path
    ):
        return "the site sent us to a login page"
    if title and _LOGIN_TITLES.search(title):
        return "the site showed a login page"
    return None


def _page_title(text: str) -> str:
    match = _TITLE.search(text)
    return " ".join(match.group(1).split()) if match else ""
