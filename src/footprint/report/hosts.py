"""The member's own sites, and URLs in free text, for the adviser copy.

The pages a member lists (profile `urls:`, a workplace's `url:`) point at them: the host of a
practice or personal site ("practice.example", "www.surgery.example.org") is enough to find
the member, so the adviser copy removes it wherever it turns up ("page practice.example/contact:
couldn't check", the page-scan consent sentence), with its registrable domain, its subdomains
and its "www." twin. A page on a shared site (a Facebook profile, the NHS website's service
directory, a GMC register entry: every domain in sites.yaml) is different: "facebook.com" says
nothing about the member, so only that page's own address is removed, and a more specific host
under a shared domain ("leedsth.nhs.uk") counts as the member's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import tldextract

from footprint.sites import classify

# Offline, and private suffixes count: "alexexample.github.io" is the member's, not GitHub's.
_EXTRACT = tldextract.TLDExtract(
    suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
)
_TOKEN_CHAR = r"[^\s<>\"'()\[\]]"
_TOKEN_END = r"[^\s<>\"'()\[\].,;:!?]"  # "see practice.example." keeps its full stop
_REST = rf"(?:{_TOKEN_CHAR}*{_TOKEN_END})?"
_BEFORE = r"(?<![\w.@+-])"  # not the tail of a longer host or e-mail address
_MAILBOX = r"(?:[\w.+-]+@)?"  # alex@practice.example goes with its domain
_SCHEME = r"(?:https?://)?"
URL = re.compile(rf"{_BEFORE}https?://{_TOKEN_CHAR}*{_TOKEN_END}", re.IGNORECASE)


def _host_and_path(url: str) -> tuple[str, str]:
    """'https://www.Practice.example:8443/x/' or 'practice.example/x' -> ('practice.example', '/x').

    A scrubbed value ('[site removed]') or anything else that is not an address gives ('', '').
    """
    url = url.strip()
    try:
        parts = urlsplit(url if "://" in url else f"//{url}")
        host = (parts.hostname or "").lower().removeprefix("www.")
    except ValueError:
        return "", ""
    return host, parts.path.rstrip("/") if host else ""


def own_domains(urls: Iterable[str]) -> list[str]:
    """Hosts and registrable domains that point at the member, longest first."""
    domains: set[str] = set()
    for url in urls:
        host, _path = _host_and_path(url)
        if not host:
            continue
        site = classify(host)
        if site is not None:
            if host != site.domain.lower().removeprefix("www."):
                domains.add(host)  # leedsth.nhs.uk under nhs.uk; never nhs.uk itself
            continue
        domains.add(host)
        registrable = _EXTRACT(host).top_domain_under_public_suffix
        if registrable and classify(registrable) is None:
            domains.add(registrable.removeprefix("www."))
    return sorted(domains, key=lambda d: (-len(d), d))


def own_pages(urls: Iterable[str]) -> list[str]:
    """'host/path' of every listed page with a path, e.g. 'facebook.com/alex.example'."""
    pages: set[str] = set()
    for url in urls:
        host, path = _host_and_path(url)
        if path:
            pages.add(host + path)
    return sorted(pages, key=lambda p: (-len(p), p))


def domain_pattern(domain: str) -> re.Pattern[str]:
    """The domain, any subdomain of it and anything attached: scheme, mailbox, port, path."""
    return re.compile(
        rf"{_BEFORE}{_MAILBOX}{_SCHEME}(?:[\w-]+\.)*{re.escape(domain)}"
        rf"(?![\w-]|\.[\w-])(?::\d+)?(?:[/?#]{_REST})?",
        re.IGNORECASE,
    )


def page_pattern(page: str) -> re.Pattern[str]:
    """One page's address ('facebook.com/alex.example'), with or without scheme and 'www.'."""
    return re.compile(
        rf"{_BEFORE}{_SCHEME}(?:www\.)?{re.escape(page)}{_REST}",
        re.IGNORECASE,
    )


def strip_urls(text: str, replacement: str) -> str:
    """Every http(s) URL in `text` replaced; a full stop after one stays."""
    return URL.sub(replacement, text)
