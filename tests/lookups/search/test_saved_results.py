"""Saved search-results pages (Google, Bing, DuckDuckGo) are recognised, read and classified.

Fixtures and their markup sources: tests/fixtures/saved_results/README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint.lookups.pages.scanner import scan
from footprint.lookups.search.saved_results import read_results_page

FIXTURES = Path(__file__).parents[2] / "fixtures"
SAVED = FIXTURES / "saved_results"


def test_google_results_unwrapped_classified_and_own_links_dropped() -> None:
    page = read_results_page((SAVED / "google_results.html").read_bytes())
    assert page is not None and page.engine == "Google"
    assert page.query == '"Dr Alex Example"'
    assert [(r.rank, r.url, r.category) for r in page.results] == [
        (1, "https://www.192.com/people/alex-example/exampleton/", "people-search"),
        (2, "https://practice.example/team", None),
        (3, "https://club.example/committee", None),
    ]
    assert page.results[0].title == "Alex Example, Exampleton - 192.com"
    assert page.to_follow() == ["https://practice.example/team", "https://club.example/committee"]


def test_bing_ck_redirect_is_decoded() -> None:
    page = read_results_page((SAVED / "bing_results.html").read_bytes())
    assert page is not None and page.engine == "Bing" and page.query == "Dr Alex Example"
    first, second = page.results
    assert first.url == "https://www.doctify.com/uk/specialist/alex-example"
    assert first.category == "rating-site"
    assert second.url == "https://club.example/committee"


def test_duckduckgo_javascript_site_results() -> None:
    page = read_results_page((SAVED / "ddg_results.html").read_bytes())
    assert page is not None and page.engine == "DuckDuckGo"
    assert [r.category for r in page.results] == ["social-network", None]
    assert page.to_follow() == ["https://club.example/committee"]  # Facebook: check by hand


@pytest.mark.parametrize(
    "path",
    [FIXTURES / "scan" / "team.html", FIXTURES / "web_search" / "ddg_changed.html"],
)
def test_ordinary_pages_are_not_results_pages(path: Path) -> None:
    assert read_results_page(path.read_bytes()) is None


def test_scan_of_a_saved_page_lists_results_and_keeps_the_contract_for_others(
    tmp_path: Path,
) -> None:
    results = scan([str(SAVED / "google_results.html"), str(FIXTURES / "scan" / "team.html")])
    saved, plain = (r.model_dump(mode="json") for r in results)
    assert saved["results_page"]["engine"] == "Google"
    assert len(saved["results_page"]["results"]) == 3
    assert "results_page" not in plain  # DESIGN.md's scan contract is unchanged for pages
