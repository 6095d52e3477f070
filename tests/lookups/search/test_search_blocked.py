"""A search blocked at every engine: couldn't check, and the searches as links in every report.

The engines answer with their recorded blocked answers (src/footprint/lookups/data/samples,
sources in sources.json there): Brave's 429 "RATE_LIMITED", SearXNG's 200 with every engine
in `unresponsive_engines`, and DuckDuckGo's bot check as HTTP 202.
"""

from __future__ import annotations

import json
from importlib import resources
from urllib.parse import parse_qs, urlsplit

import pytest
from api_harness import run
from pytest_httpserver import HTTPServer
from search_harness import search_profile

from footprint.audit.build import AuditState, build_report
from footprint.content.checklists import load_catalogue
from footprint.lookups.search.web import BY_HAND, WebSearchLookup
from footprint.model.observation import Observation, Outcome
from footprint.report.nextsteps import Reader
from footprint.report.render import render_html, render_json, render_markdown
from footprint.util.settings import Settings

pytestmark = pytest.mark.usefixtures("fresh_search_cache")


def sample(name: str) -> str:
    root = resources.files("footprint.lookups").joinpath("data/samples")
    return root.joinpath(name).read_text(encoding="utf-8")


def blocked_everywhere(httpserver: HTTPServer) -> list[Observation]:
    httpserver.expect_request("/res/v1/web/search").respond_with_data(
        sample("brave/rate_limited_429.json"), status=429, content_type="application/json"
    )
    httpserver.expect_request("/search").respond_with_data(
        sample("searxng/all_engines_suspended.json"), content_type="application/json"
    )
    httpserver.expect_request("/html/").respond_with_data(
        "<html><body>challenge</body></html>", status=202, content_type="text/html"
    )
    here = httpserver.url_for("/")
    env = {
        "FOOTPRINT_BRAVE_KEY": "brave-secret",
        "FOOTPRINT_BRAVE_URL": here,
        "FOOTPRINT_SEARXNG_URL": here,
        "FOOTPRINT_DUCKDUCKGO_URL": here,
    }
    lookup = WebSearchLookup(Settings(env=env, allow_loopback=True), max_queries=3)
    return run(lookup, search_profile(title="Dr"))


def test_every_engine_blocked_is_couldnt_check_and_each_asked_once(
    httpserver: HTTPServer,
) -> None:
    observations = blocked_everywhere(httpserver)
    assert [o.outcome for o in observations] == [Outcome.COULDNT_CHECK] * 3
    first = observations[0].reason or ""
    assert "Brave Search is limiting how often we can search (HTTP 429)" in first
    assert "every search engine behind this SearXNG instance was blocked" in first
    assert "google: Suspended: CAPTCHA" in first
    assert "DuckDuckGo answered with a bot check instead of results (HTTP 202)" in first
    assert "not sent, because every search engine stopped answering" in (
        observations[1].reason or ""
    )
    assert [r.path for r, _ in httpserver.log] == ["/res/v1/web/search", "/search", "/html/"]


def test_manual_links_are_the_searches_a_patient_would_type(httpserver: HTTPServer) -> None:
    observations = blocked_everywhere(httpserver)
    for obs in observations:
        assert [link.url.split("?")[0] for link in obs.links] == [
            "https://www.google.com/search",
            "https://www.bing.com/search",
            "https://duckduckgo.com/",
        ]
        for link in obs.links:
            assert parse_qs(urlsplit(link.url).query)["q"] == [obs.search]
            assert f'"{obs.search}"' in link.label


def test_blocked_search_gives_links_in_html_markdown_and_json(httpserver: HTTPServer) -> None:
    observations = blocked_everywhere(httpserver)
    state = AuditState(
        profile=search_profile(title="Dr"),
        observations=observations,
        lookup_titles={"web-search": WebSearchLookup.title},
    )
    report = build_report(load_catalogue(), [], state)
    google = "https://www.google.com/search?q=Dr+Alex+Example"
    entries = [n for n in report.not_checked if n.id.startswith("web-search")]
    assert len(entries) == 3 and all(len(n.links) == 3 for n in entries)
    assert entries[0].reason.lower().startswith("could not check: ")

    data = json.loads(render_json(report))
    assert data["not_checked"][0]["links"][0] == {
        "label": 'Search Google for "Dr Alex Example"',
        "url": google,
    }
    html = render_html(report)
    assert (
        f'<a href="{google}" rel="noreferrer">Search Google for &#34;Dr Alex Example&#34;</a>'
        in html
    )
    markdown = render_markdown(report)
    assert f'[Search Google for "Dr Alex Example"]({google})' in markdown


def test_every_engine_failed_points_to_the_saved_results_route(httpserver: HTTPServer) -> None:
    observations = blocked_everywhere(httpserver)
    for obs in observations:
        reason = obs.reason or ""
        assert reason.endswith(BY_HAND)
        assert reason.count(BY_HAND) == 1  # said once per search, after the engines' reasons
        assert obs.links  # the ready-made links the words point to
    state = AuditState(profile=search_profile(title="Dr"), observations=observations)
    report = build_report(load_catalogue(), [], state)
    terminal = render_markdown(report, Reader.TERMINAL)
    assert "save each results page (Save page as, HTML) and give the pages to footprint" in terminal
    assert "`footprint scan saved.html --follow-results`" in terminal
