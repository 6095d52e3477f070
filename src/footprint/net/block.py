"""Plain-words reasons: is a response really an answer or a wall (`blocked_reason`), and what
went wrong when a request failed (`transport_reason`). Reasons name the host at most, never a
path or query: URLs can carry the doctor's name.

A 403, a rate limit, a Cloudflare challenge or a login wall must never be read as "not found":
a false "not found" falsely reassures someone at risk. The page checks are deliberately
conservative: they look at the page title, the address the site sent us to, and well-known
challenge markers, not at every mention of "log in" in a page footer.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import NameResolutionError, ReadTimeoutError

from footprint.net.response import Response

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


def transport_reason(exc: BaseException, host: str) -> str:
    """Plain words for a failed exchange with `host` (requests/urllib3/socket errors)."""
    chain = list(cause_chain(exc))

    def has(*types: type[BaseException]) -> bool:
        return any(isinstance(e, types) for e in chain)

    if has(requests.exceptions.ConnectTimeout):
        return f"could not connect to {host} in time"
    if has(requests.exceptions.ReadTimeout, ReadTimeoutError):
        return f"took too long ({host})"
    if has(NameResolutionError, socket.gaierror):
        return f"could not find the site {host} (name lookup failed)"
    if has(requests.exceptions.SSLError):
        return f"secure connection to {host} failed (certificate or TLS problem)"
    if has(ConnectionRefusedError):
        return f"could not connect to {host} (connection refused)"
    if has(TimeoutError):
        return f"took too long ({host})"
    if isinstance(exc, requests.exceptions.ConnectionError):
        return f"could not connect to {host}"
    return f"the connection to {host} failed while reading"


def cause_chain(exc: BaseException, depth: int = 8) -> Iterator[BaseException]:
    """`exc` and the exceptions it wraps (requests and urllib3 nest them several deep)."""
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack and depth > 0:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        depth -= 1
        yield e
        nested: list[Any] = [e.__cause__, e.__context__, getattr(e, "reason", None)]
        nested.extend(a for a in e.args if isinstance(a, BaseException))
        stack.extend(n for n in nested if isinstance(n, BaseException))
