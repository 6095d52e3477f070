"""`search-pages`: open the top search results and scan them, reusing web-search's answers."""

from __future__ import annotations

import threading
from urllib.parse import quote

import pytest
from api_harness import run
from pytest_httpserver import HTTPServer
from search_harness import PRIVATE, ddg_settings, search_profile

from footprint.lookups.search.result_pages import SearchResultPagesLookup
from footprint.lookups.search.web import WebSearchLookup
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Severity
from footprint.net.client import ANY_HOST
from footprint.util.settings import Settings

MOBILE = PRIVATE[0]

CLUB = f"""<html><head><title>Committee - Exampleton Runners</title></head><body>
<h1>Committee</h1><p>Club secretary: Dr Alex Example. Call {MOBILE} about membership.</p>
</body></html>"""
NEWS = """<html><head><title>New GP joins Example Street Surgery</title></head><body>
<p>Dr Alex Example has joined the practice. Appointments: 0113 496 0000.</p></body></html>"""


pytestmark = pytest.mark.usefixtures("fresh_search_cache")


@pytest.fixture
def profile() -> Profile:
    return search_profile(work={"phones": ["0113 496 0000"]})


def result_block(url: str, title: str) -> str:
    href = f"//duckduckgo.com/l/?uddg={quote(url, safe='')}&amp;rut=abc"
    return (
        '<div class="result results_links results_links_deep web-result">'
        f'<h2 class="result__title"><a class="result__a" href="{href}">{title}</a></h2>'
        f'<a class="result__snippet" href="{href}">Alex Example</a></div>'
    )


def serve_search(httpserver: HTTPServer, urls: list[tuple[str, str]]) -> None:
    blocks = "".join(result_block(url, title) for url, title in urls)
    page = f'<html><body><div id="links" class="results">{blocks}</div></body></html>'
    httpserver.expect_request("/html/").respond_with_data(page, content_type="text/html")


def standard_results(httpserver: HTTPServer) -> None:
    serve_search(
        httpserver,
        [
            ("https://www.192.com/atoz/people/example/alex/", "Alex Example | 192.com"),
            ("https://www.instagram.com/alexexample.demo/", "Alex Example • Instagram"),
            (httpserver.url_for("/club/committee"), "Committee - Exampleton Runners"),
            (httpserver.url_for("/news/new-gp"), "New GP joins Example Street Surgery"),
            (httpserver.url_for("/blocked"), "Alex Example - members only"),
        ],
    )
    httpserver.expect_request("/club/committee").respond_with_data(CLUB, content_type="text/html")
    httpserver.expect_request("/news/new-gp").respond_with_data(NEWS, content_type="text/html")
    httpserver.expect_request("/blocked").respond_with_data("Forbidden", status=403)


def paths(httpserver: HTTPServer) -> list[str]:
    return [request.path for request, _ in httpserver.log]


def by_url(observations: list[Observation], fragment: str) -> list[Observation]:
    return [o for o in observations if fragment in (o.url or o.subject)]


def test_personal_mobile_on_a_result_page_is_found(
    httpserver: HTTPServer, profile: Profile
) -> None:
    standard_results(httpserver)
    observations = run(SearchResultPagesLookup(ddg_settings(httpserver)), profile)
    (club,) = by_url(observations, "/club/committee")
    assert club.outcome is Outcome.FOUND
    assert club.exposure is not None and club.exposure.severity is Severity.CRITICAL
    assert club.exposure.key == "search-pages.personal-phone"
    assert club.matched == MOBILE and club.search == "Dr Alex Example"
    assert MOBILE not in club.exposure.title
    assert club.exposure.title.endswith("on a page that comes up when someone searches your name")
    (news,) = by_url(observations, "/news/new-gp")
    assert news.outcome is Outcome.NOT_FOUND  # the practice number is a work detail
    (blocked,) = by_url(observations, "/blocked")
    assert blocked.outcome is Outcome.COULDNT_CHECK


def test_people_search_and_social_pages_are_not_opened(
    httpserver: HTTPServer, profile: Profile
) -> None:
    standard_results(httpserver)
    observations = run(SearchResultPagesLookup(ddg_settings(httpserver)), profile)
    assert not by_url(observations, "192.com") and not by_url(observations, "instagram")
    assert paths(httpserver).count("/club/committee") == 1  # same page for 6 searches: once


def test_pages_are_bounded(httpserver: HTTPServer, profile: Profile) -> None:
    standard_results(httpserver)
    run(SearchResultPagesLookup(ddg_settings(httpserver), max_pages=1), profile)
    assert [p for p in paths(httpserver) if p != "/html/"] == ["/club/committee"]


def test_search_is_sent_once_for_both_lookups(httpserver: HTTPServer, profile: Profile) -> None:
    standard_results(httpserver)
    lookups = [
        WebSearchLookup(ddg_settings(httpserver)),
        SearchResultPagesLookup(ddg_settings(httpserver)),
    ]
    threads = [threading.Thread(target=run, args=(lookup, profile)) for lookup in lookups]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert paths(httpserver).count("/html/") == 6


def test_blocked_search_is_couldnt_check(httpserver: HTTPServer, profile: Profile) -> None:
    httpserver.expect_request("/html/").respond_with_data("no", status=429)
    observations = run(SearchResultPagesLookup(ddg_settings(httpserver), max_queries=2), profile)
    assert [o.outcome for o in observations] == [Outcome.COULDNT_CHECK]
    assert "could not be done" in (observations[0].reason or "")


def test_no_pages_is_not_found(httpserver: HTTPServer, profile: Profile) -> None:
    serve_search(httpserver, [])
    observations = run(SearchResultPagesLookup(ddg_settings(httpserver), max_queries=2), profile)
    assert [o.outcome for o in observations] == [Outcome.NOT_FOUND]


def test_private_values_never_leave(httpserver: HTTPServer, profile: Profile) -> None:
    standard_results(httpserver)
    run(SearchResultPagesLookup(ddg_settings(httpserver)), profile)
    for request, _ in httpserver.log:
        sent = (request.url + str(request.headers)).replace("+", " ").replace("%20", " ")
        assert not any(value.lower() in sent.lower() for value in PRIVATE)


def test_consent_sentence_says_pages_are_opened(profile: Profile) -> None:
    lookup = SearchResultPagesLookup(Settings())
    sentence = lookup.sends(profile)
    assert sentence.startswith("your name 'Alex Example', workplace 'Example Street Surgery'")
    assert "opens up to 8 of the top result pages" in sentence
    assert "never sent" in sentence
    assert not any(value in sentence for value in PRIVATE)
    assert lookup.hosts(profile) == frozenset({"html.duckduckgo.com", ANY_HOST})
