"""What locks the local UI to the person who started it.

The same defences Jupyter Server learned the hard way, for a server on 127.0.0.1:

- **A secret in the printed address**, good for one exchange: the first request carrying it gets
  an HttpOnly, SameSite=Strict cookie and a redirect to a clean address (so the secret leaves
  the address bar and the history). Every later request must carry the cookie.
- **A Host allow-list** of exactly the address and port that were printed: a page on another
  site that rebinds its DNS name to 127.0.0.1 still sends its own name as Host, and is refused.
- **A CSRF token on every form**, derived from the cookie with HMAC, and a refusal of any
  state-changing request whose Origin or Sec-Fetch-Site says it came from another site.
- **Strict response headers**: a Content-Security-Policy that allows only this origin's styles
  and one script, no framing, no caching, no referrer to other sites, and no CORS headers at all.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from dataclasses import dataclass, field

COOKIE_NAME = "footprint_ui"
CSRF_FIELD = "_csrf"
SAFE_METHODS = frozenset({"GET", "HEAD"})

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "style-src 'self'",
        "script-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ]
)

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on our own
    # form posts, and the origin check below needs the real one.
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


@dataclass
class Lock:
    """The secrets of one `footprint ui` run, and the checks that use them."""

    host: str
    port: int
    url_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    _cookie: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    _csrf_key: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    _exchanged: bool = False
    _mutex: threading.Lock = field(default_factory=threading.Lock)

    @property
    def origin(self) -> str:
        """The one origin this server answers as."""
        return f"http://{self.host}:{self.port}"

    @property
    def start_url(self) -> str:
        """The address to print and open: it carries the one-time secret."""
        return f"{self.origin}/?token={self.url_secret}"

    def host_allowed(self, host_header: str | None) -> bool:
        """True only for the exact host:port that was printed (no DNS rebinding)."""
        return host_header == f"{self.host}:{self.port}"

    def exchange(self, token: str | None) -> str | None:
        """The session cookie for a correct, unused URL secret; None otherwise."""
        if not token:
            return None
        with self._mutex:
            if self._exchanged or not hmac.compare_digest(token, self.url_secret):
                return None
            self._exchanged = True
            return self._cookie

    def cookie_valid(self, cookie: str | None) -> bool:
        """True when the request carries this run's session cookie."""
        return bool(cookie) and hmac.compare_digest(str(cookie), self._cookie)

    def csrf_token(self) -> str:
        """The token every form carries (bound to this run's cookie)."""
        return hmac.new(self._csrf_key, self._cookie.encode(), hashlib.sha256).hexdigest()

    def csrf_valid(self, token: str | None) -> bool:
        """True when a submitted form's token is this run's."""
        return bool(token) and hmac.compare_digest(str(token), self.csrf_token())

    def same_site(self, origin: str | None, fetch_site: str | None) -> bool:
        """False when the browser says a request came from another site."""
        if fetch_site and fetch_site not in ("same-origin", "none"):
            return False
        return origin is None or origin == self.origin


def cookie_header(value: str) -> str:
    """The Set-Cookie value for the session cookie (no Max-Age: gone with the browser)."""
    return f"{COOKIE_NAME}={value}; Path=/; HttpOnly; SameSite=Strict"
