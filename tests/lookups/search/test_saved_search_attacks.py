"""Saved pages no browser saves from a search: read in bounded time, never taken as results.

Ten 3 MB pages of half a million nested elements took about three minutes to read (the
engine, and so every other browser page, waiting meanwhile)."""

from __future__ import annotations

import time

from tests.savedpages import google_page

from footprint.lookups.search.saved_search import (
    MAX_PAGE_BYTES,
    MAX_PAGES,
    read_saved_searches,
)
from footprint.model.profile import Profile

PROFILE = Profile.model_validate({"name": "Alex Example", "title": "Dr"})


def test_pages_of_nothing_but_elements_are_read_quickly_and_not_counted() -> None:
    deep = (b"<html><body>" + b"<div>" * MAX_PAGE_BYTES)[:MAX_PAGE_BYTES]
    started = time.monotonic()
    saved = read_saved_searches([deep] * MAX_PAGES, PROFILE)
    assert time.monotonic() - started < 10
    assert saved.not_results == MAX_PAGES and not saved.counted


def test_a_long_real_results_page_is_still_read() -> None:
    results = [
        (f"Alex Example {i} - 192.com", f"https://www.192.com/people/ax-{i}/") for i in range(2000)
    ]
    saved = read_saved_searches([google_page("Dr Alex Example", results)], PROFILE)
    assert saved.counted and saved.found
