"""Saved search-results pages made up for tests: Google's markup (as in
tests/fixtures/saved_results/google_results.html) around the results a test chooses."""

from __future__ import annotations

from html import escape


def google_page(query: str, results: list[tuple[str, str]]) -> bytes:
    """A results page as a browser saves it, for `query`, listing (title, url) in rank order."""
    blocks = "".join(
        f'<div class="MjjYud"><div class="g"><a href="{escape(url)}"><h3>{escape(title)}</h3>'
        f'</a><div class="VwiC3b">{escape(title)}</div></div></div>'
        for title, url in results
    )
    return (
        f"<!doctype html><html><head><title>{escape(query)} - Google Search</title></head>"
        f'<body><form action="/search"><textarea name="q">{escape(query)}</textarea></form>'
        f'<div id="rso">{blocks}</div></body></html>'
    ).encode()


CLUB_PAGE = (
    "<html><body><h1>Exampleton Running Club committee</h1>"
    "<p>Treasurer: Dr Alex Example, mobile 07700 900123</p></body></html>"
)
