"""Fixtures the lookup tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from footprint.lookups.search.common import clear_search_cache


@pytest.fixture
def fresh_search_cache() -> Iterator[None]:
    """The search lookups' in-process cache, empty before and after the test."""
    clear_search_cache()
    yield
    clear_search_cache()
