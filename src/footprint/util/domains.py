"""Host names in one comparable form, and registrable domains (public-suffix aware, offline).

Every place that compares or matches hosts (the consent gate, the address policy, per-host
limits, redirect checks, lookups' host lists, site classification) uses `normalise_host`, so
`Bücher.example.`, `bücher.example` and `xn--bcher-kva.example` are one host and a look-alike
such as `exаmple.com` (Cyrillic "а") stays a different one.

International names become their ASCII (punycode) form with the `idna` package's UTS 46
mapping, the same conversion requests applies before it sends a request, so the host we check
is the host we contact. The public suffix list is the snapshot bundled with tldextract, never
fetched: one shared extractor for the whole program.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from urllib.parse import urlsplit

import idna
import tldextract

# Offline public-suffix handling: use the snapshot bundled with tldextract, never fetch it.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=4096)
def normalise_host(host: str) -> str:
    """The form hosts are compared in: lower case, no trailing dot, no IPv6 brackets, and an
    international name as its ASCII (punycode) form.

    A name IDNA refuses (an underscore, an over-long label, a broken A-label) is only
    lower-cased: it can then match only the very same spelling.
    """
    name = host.strip().strip("[]").rstrip(".")
    if not name or _is_address(name):
        return name.lower()
    try:
        return idna.encode(name, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        return name.lower()


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name.split("%")[0])
    except ValueError:
        return False
    return True


def host_of(url: str) -> str:
    """The normalised host of `url`, or '' if it has none."""
    try:
        return normalise_host(urlsplit(url).hostname or "")
    except ValueError:
        return ""


def _host_part(host_or_url: str) -> str:
    if "/" in host_or_url:
        return host_of(host_or_url if "://" in host_or_url else f"//{host_or_url}")
    return normalise_host(
        host_or_url.rsplit(":", 1)[0] if host_or_url.count(":") == 1 else host_or_url
    )


def public_suffix(host_or_url: str) -> str:
    """The public suffix of a host or URL (`co.uk` for `www.example.co.uk`), '' if none."""
    return str(_EXTRACT(_host_part(host_or_url)).suffix)


def registrable_domain(host_or_url: str) -> str:
    """`www.example.co.uk` or a URL -> `example.co.uk` (public-suffix aware, offline).

    International names come back in their ASCII form. A host under no known suffix gives its
    last label; failing that, the normalised host itself.
    """
    host = _host_part(host_or_url)
    parts = _EXTRACT(host)
    return str(parts.top_domain_under_public_suffix or parts.domain or host)
