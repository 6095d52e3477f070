"""Search engines at their edges: SearXNG's blocked answers, Google's end of whole-web search,
and the engine chain falling back to the next engine and saying which one answered."""

from __future__ import annotations

from datetime import date
from importlib import resources

import pytest
from api_harness import QUICK, run
from pytest_httpserver import HTTPServer
from search_harness import search_profile

from footprint.lookups.search.backends import SearchFailed, SearxngBackend
from footprint.lookups.search.google import USE_INSTEAD, GoogleBackend
from footprint.lookups.search.web import WebSearchLookup
from footprint.model.observation import Outcome
from footprint.net.client import HttpClient
from footprint.util.settings import Settings

pytestmark = pytest.mark.usefixtures("fresh_search_cache")


def sample(name: str) -> str:
    root = resources.files("footprint.lookups").joinpath("data/samples")
    return root.joinpath(name).read_text(encoding="utf-8")


def engine_search(backend: SearxngBackend | GoogleBackend) -> list[str]:
    """The result URLs `backend` reads, through a real client bound to its host."""
    from footprint.model.consent import named_target_grant

    hosts = frozenset({backend.host})
    with HttpClient(QUICK, allow_loopback=True) as client:
        http = client.bind(named_target_grant(set(hosts)), hosts)
        return [r.url for r in backend.search("Dr Alex Example", http)]


def google(httpserver: HTTPServer, today: date) -> GoogleBackend:
    env = {
        "FOOTPRINT_GOOGLE_URL": httpserver.url_for("/"),
        "FOOTPRINT_GOOGLE_KEY": "k",
        "FOOTPRINT_GOOGLE_CX": "c",
    }
    backend = GoogleBackend(Settings(env=env, allow_loopback=True))
    backend.today = lambda: today  # type: ignore[method-assign]
    return backend


BEFORE, AFTER = date(2026, 11, 24), date(2027, 1, 2)


def test_searxng_some_engines_unresponsive_but_results_is_an_answer(
    httpserver: HTTPServer,
) -> None:
    body = {
        "results": [{"url": "https://a.example/", "title": "A", "content": "x"}],
        "unresponsive_engines": [["google", "Suspended: CAPTCHA"]],
    }
    httpserver.expect_request("/search").respond_with_json(body)
    backend = SearxngBackend(
        Settings(env={"FOOTPRINT_SEARXNG_URL": httpserver.url_for("/")}, allow_loopback=True)
    )
    assert engine_search(backend) == ["https://a.example/"]


def test_searxng_all_suspended_recorded_answer_is_blocked(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/search").respond_with_data(
        sample("searxng/all_engines_suspended.json"), content_type="application/json"
    )
    backend = SearxngBackend(
        Settings(env={"FOOTPRINT_SEARXNG_URL": httpserver.url_for("/")}, allow_loopback=True)
    )
    with pytest.raises(SearchFailed) as err:
        engine_search(backend)
    assert err.value.stop
    assert "brave: Suspended: too many requests" in err.value.reason
    assert "does not mean nothing was found" in err.value.reason


@pytest.mark.parametrize("today", [BEFORE, AFTER])
def test_google_normal_results_are_read_before_and_after_the_end(
    httpserver: HTTPServer, today: date
) -> None:
    httpserver.expect_request("/customsearch/v1").respond_with_data(
        sample("google/wwf_customsearch.json"), content_type="application/json"
    )
    assert engine_search(google(httpserver, today))[0].startswith("https://")


@pytest.mark.parametrize(
    ("today", "status", "body"),
    [
        (BEFORE, 410, '{"error": {"code": 410, "message": "Gone"}}'),
        (
            BEFORE,
            403,
            '{"error": {"code": 403, "message": "This project does not have the access to '
            'Custom Search JSON API.", "status": "PERMISSION_DENIED"}}',
        ),
        (AFTER, 403, '{"error": {"code": 403, "message": "forbidden"}}'),
        (AFTER, 200, '{"kind": "something#else", "notice": "moved"}'),
        (AFTER, 200, "<html>Programmable Search Engine has changed</html>"),
    ],
)
def test_google_end_of_whole_web_search_is_couldnt_check_with_what_to_use(
    httpserver: HTTPServer, today: date, status: int, body: str
) -> None:
    httpserver.expect_request("/customsearch/v1").respond_with_data(
        body, status=status, content_type="application/json"
    )
    with pytest.raises(SearchFailed) as err:
        engine_search(google(httpserver, today))
    assert err.value.stop
    assert "whole-web search ends on 1 January 2027" in err.value.reason
    assert USE_INSTEAD in err.value.reason


def test_google_ordinary_refusal_before_the_end_is_not_called_the_end(
    httpserver: HTTPServer,
) -> None:
    httpserver.expect_request("/customsearch/v1").respond_with_data(
        '{"error": {"code": 403, "message": "Requests from referer <empty> are blocked."}}',
        status=403,
        content_type="application/json",
    )
    with pytest.raises(SearchFailed) as err:
        engine_search(google(httpserver, BEFORE))
    assert "refused the search (HTTP 403)" in err.value.reason


def test_blocked_engine_falls_back_to_the_next_and_says_which_answered(
    httpserver: HTTPServer,
) -> None:
    httpserver.expect_request("/res/v1/web/search").respond_with_data(
        sample("brave/rate_limited_429.json"), status=429, content_type="application/json"
    )
    results = (
        '<div id="links"><div class="result web-result"><h2><a class="result__a" '
        'href="https://www.192.com/people/alex-example">Alex Example - 192.com</a></h2>'
        '<a class="result__snippet">Alex Example, Exampleton</a></div></div>'
    )
    httpserver.expect_request("/html/").respond_with_data(results, content_type="text/html")
    here = httpserver.url_for("/")
    env = {
        "FOOTPRINT_BRAVE_KEY": "k",
        "FOOTPRINT_BRAVE_URL": here,
        "FOOTPRINT_DUCKDUCKGO_URL": here,
    }
    lookup = WebSearchLookup(Settings(env=env, allow_loopback=True), max_queries=2)
    observations = run(lookup, search_profile(title="Dr"))
    assert {o.details.get("engine") for o in observations} == {"DuckDuckGo"}
    assert Outcome.FOUND in {o.outcome for o in observations}
    assert [r.path for r, _ in httpserver.log] == ["/res/v1/web/search", "/html/", "/html/"]
    for o in observations:  # the search that found it, ready to run by hand
        assert [link.label for link in o.links][1] == f'Search Bing for "{o.search}"'
