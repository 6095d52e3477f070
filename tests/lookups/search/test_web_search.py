"""`web-search`: queries, backends (DuckDuckGo, SearXNG, Brave, Google), outcomes, consent."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from api_harness import Slow, run
from pytest_httpserver import HTTPServer
from search_harness import PRIVATE, ddg_settings, search_profile

from footprint.lookups.search.backends import (
    BraveBackend,
    DuckDuckGoBackend,
    SearchResult,
    SearxngBackend,
    parse_duckduckgo_html,
    unwrap_duckduckgo_link,
)
from footprint.lookups.search.common import (
    SearchTerms,
    build_queries,
    mentions_name,
    normalise_url,
)
from footprint.lookups.search.engine_chain import pick_backend, pick_backends
from footprint.lookups.search.google import GoogleBackend
from footprint.lookups.search.web import WebSearchLookup
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Severity
from footprint.util.settings import Settings

FIXTURES = Path(__file__).parents[2] / "fixtures" / "web_search"


pytestmark = pytest.mark.usefixtures("fresh_search_cache")


@pytest.fixture
def profile() -> Profile:
    return search_profile(title="Dr")


def text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def serve_ddg(httpserver: HTTPServer, name: str, status: int = 200) -> None:
    httpserver.expect_request("/html/").respond_with_data(
        text(name), status=status, content_type="text/html; charset=utf-8"
    )


def outcomes(observations: list[Observation]) -> list[Outcome]:
    return [o.outcome for o in observations]


def found(observations: list[Observation]) -> dict[str, Observation]:
    return {o.exposure.key: o for o in observations if o.exposure is not None}


# ---------------------------------------------------------------- queries and helpers


def test_queries_are_typed_like_a_patient(profile: Profile) -> None:
    assert build_queries(SearchTerms.of(profile)) == [
        "Dr Alex Example",
        "Dr Alex Example Example Street Surgery",
        "Dr Alex Example General practice Exampleton",
        "Alex Example facebook",
        "Alex Example instagram",
        "Alex Example Exampleton address",
    ]
    assert build_queries(SearchTerms.of(profile), 3) == build_queries(SearchTerms.of(profile))[:3]


def test_queries_without_workplace_or_town() -> None:
    bare = Profile(name="Sam Sample", title=None)
    assert build_queries(SearchTerms.of(bare)) == [
        "Sam Sample",
        "Sam Sample facebook",
        "Sam Sample instagram",
        "Sam Sample address",
    ]


def test_queries_never_contain_private_values(profile: Profile) -> None:
    joined = " ".join(build_queries(SearchTerms.of(profile)))
    assert not any(value in joined for value in PRIVATE)


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        (
            "//duckduckgo.com/l/?uddg=https%3A%2F%2Fwww.192.com%2Fa%2F&rut=abc",
            "https://www.192.com/a/",
        ),
        ("https://duckduckgo.com/l/?uddg=https%3A%2F%2Fx.com%2Fa", "https://x.com/a"),
        ("https://example.org/page", "https://example.org/page"),
        ("https://duckduckgo.com/y.js?ad_domain=ads.example", None),
        ("javascript:alert(1)", None),
    ],
)
def test_unwrap_duckduckgo_link(href: str, expected: str | None) -> None:
    assert unwrap_duckduckgo_link(href) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://www.192.com/a/b/", "http://192.com/a/b"),
        ("https://x.com/a?utm_source=ddg#top", "https://x.com/a"),
        ("https://x.com/a?b=2&a=1", "https://x.com/a?a=1&b=2"),
    ],
)
def test_normalise_url_dedupes_variants(a: str, b: str) -> None:
    assert normalise_url(a) == normalise_url(b)


def test_normalise_url_keeps_meaningful_queries() -> None:
    assert normalise_url("https://x.com/p?id=1") != normalise_url("https://x.com/p?id=2")


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        ("Alex Example | 192.com", "https://www.192.com/a", True),
        ("Dr A. EXAMPLE", "https://www.gmc-uk.org/d/1", True),
        ("Sam Other | 192.com", "https://www.192.com/atoz/other", False),
        ("Examples of rashes", "https://www.nhs.uk/conditions", False),
    ],
)
def test_mentions_name(profile: Profile, title: str, url: str, expected: bool) -> None:
    assert mentions_name(SearchResult(title, url, "", 1), profile) is expected


# ---------------------------------------------------------------- DuckDuckGo parsing


def test_parse_duckduckgo_results_skips_ads_and_unwraps_links() -> None:
    results = parse_duckduckgo_html(text("ddg_results.html"))
    assert [r.rank for r in results] == list(range(1, 7))
    assert results[0].url == "https://www.192.com/atoz/people/example/alex/exampleton/"
    assert results[0].title == "Alex Example in Exampleton | 192.com"
    assert results[0].snippet.startswith("Alex Example, Exampleton. Electoral roll")
    assert all("duckduckgo.com" not in r.url for r in results)


def test_parse_duckduckgo_empty_page_is_no_results() -> None:
    assert parse_duckduckgo_html(text("ddg_no_results.html")) == []


@pytest.mark.parametrize(
    ("name", "reason"), [("ddg_anomaly.html", "captcha"), ("ddg_changed.html", "changed format")]
)
def test_parse_duckduckgo_refuses_bot_check_and_new_format(name: str, reason: str) -> None:
    from footprint.lookups.search.backends import SearchFailed

    with pytest.raises(SearchFailed, match=reason):
        parse_duckduckgo_html(text(name))


# ---------------------------------------------------------------- DuckDuckGo lookup


def test_duckduckgo_found(httpserver: HTTPServer, profile: Profile) -> None:
    serve_ddg(httpserver, "ddg_results.html")
    observations = run(WebSearchLookup(ddg_settings(httpserver)), profile)
    hits = found(observations)
    assert set(hits) == {
        "web-search.people-search.192-com",
        "web-search.social.instagram",
        "web-search.directory.www-nhs-uk",
        "web-search.register.gmc-uk-org",
    }
    listing = hits["web-search.people-search.192-com"]
    assert listing.outcome is Outcome.FOUND
    assert listing.search == "Dr Alex Example"
    assert listing.url == "https://www.192.com/atoz/people/example/alex/exampleton/"
    assert "Exampleton" in (listing.snippet or "")
    assert listing.exposure is not None
    assert listing.exposure.severity is Severity.HIGH
    assert listing.exposure.title == "A people-search site lists you: 192.com"
    assert "check the current route on the site" in listing.exposure.steps[0]
    assert any("Results about you" in step for step in listing.exposure.steps)
    social = hits["web-search.social.instagram"].exposure
    assert social is not None and social.title.startswith(
        "Your personal profile appears when someone searches your name"
    )
    assert hits["web-search.register.gmc-uk-org"].exposure.severity is Severity.INFO  # type: ignore[union-attr]


def test_duckduckgo_reports_each_page_once_and_ignores_other_people(
    httpserver: HTTPServer, profile: Profile
) -> None:
    serve_ddg(httpserver, "ddg_results.html")
    observations = run(WebSearchLookup(ddg_settings(httpserver)), profile)
    urls = [o.url for o in observations if o.outcome is Outcome.FOUND]
    assert len(urls) == len(set(urls)) == 4  # same results for all 6 searches, reported once
    assert not any("other/sam" in (u or "") for u in urls)  # Sam Other's listing is not ours
    assert len(httpserver.log) == 6


def test_duckduckgo_sends_the_query_and_region(httpserver: HTTPServer, profile: Profile) -> None:
    serve_ddg(httpserver, "ddg_no_results.html")
    run(WebSearchLookup(ddg_settings(httpserver), max_queries=1), profile)
    ((request, _),) = httpserver.log
    assert request.args["q"] == "Dr Alex Example"
    assert request.args["kl"] == "uk-en"


def test_duckduckgo_not_found(httpserver: HTTPServer, profile: Profile) -> None:
    serve_ddg(httpserver, "ddg_no_results.html")
    observations = run(WebSearchLookup(ddg_settings(httpserver)), profile)
    assert outcomes(observations) == [Outcome.NOT_FOUND] * 6
    assert [o.search for o in observations] == build_queries(SearchTerms.of(profile))


def test_duckduckgo_bot_check_stops_further_searches(
    httpserver: HTTPServer, profile: Profile
) -> None:
    serve_ddg(httpserver, "ddg_anomaly.html")
    observations = run(WebSearchLookup(ddg_settings(httpserver)), profile)
    assert outcomes(observations) == [Outcome.COULDNT_CHECK] * 6
    assert "captcha" in (observations[0].reason or "")
    assert all("not sent" in (o.reason or "") for o in observations[1:])
    assert all("private browser window" in (o.manual_check or "") for o in observations)
    assert len(httpserver.log) == 1  # nothing more sent once blocked


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (403, "refused"),
        (429, "limiting"),
        (503, "server problem"),
        (202, "bot check instead of results (HTTP 202)"),
        (410, "search service is gone (HTTP 410)"),
        (418, "unexpected answer"),
    ],
)
def test_duckduckgo_http_errors_are_couldnt_check(
    httpserver: HTTPServer, profile: Profile, status: int, words: str
) -> None:
    serve_ddg(httpserver, "ddg_results.html", status=status)
    observations = run(WebSearchLookup(ddg_settings(httpserver), max_queries=2), profile)
    assert outcomes(observations) == [Outcome.COULDNT_CHECK] * 2
    assert words in (observations[0].reason or "")
    blocked = status in (202, 403, 410, 429)  # blocked: the engine is not asked again
    assert len(httpserver.log) == (1 if blocked else 2)


def test_duckduckgo_timeout_is_couldnt_check(httpserver: HTTPServer, profile: Profile) -> None:
    slow = Slow()
    httpserver.expect_request("/html/").respond_with_handler(slow)
    observations = run(WebSearchLookup(ddg_settings(httpserver), max_queries=1), profile)
    slow.wait()
    assert outcomes(observations) == [Outcome.COULDNT_CHECK]


def test_duckduckgo_changed_format_is_couldnt_check(
    httpserver: HTTPServer, profile: Profile
) -> None:
    serve_ddg(httpserver, "ddg_changed.html")
    observations = run(WebSearchLookup(ddg_settings(httpserver), max_queries=1), profile)
    assert outcomes(observations) == [Outcome.COULDNT_CHECK]
    assert "changed format" in (observations[0].reason or "")


def test_private_values_never_leave(httpserver: HTTPServer, profile: Profile) -> None:
    serve_ddg(httpserver, "ddg_results.html")
    run(WebSearchLookup(ddg_settings(httpserver)), profile)
    for request, _ in httpserver.log:
        sent = request.url + str(request.headers) + request.get_data(as_text=True)
        sent = sent.replace("+", " ").replace("%20", " ")
        assert not any(value.lower() in sent.lower() for value in PRIVATE)


# ---------------------------------------------------------------- SearXNG


def searx_settings(httpserver: HTTPServer) -> Settings:
    env = {"FOOTPRINT_SEARXNG_URL": httpserver.url_for("/")}
    return Settings(env={**env, **ddg_here(httpserver)}, allow_loopback=True)


def ddg_here(httpserver: HTTPServer) -> dict[str, str]:
    """DuckDuckGo, the last engine tried, on the local server too (never the real one)."""
    return {"FOOTPRINT_DUCKDUCKGO_URL": httpserver.url_for("/")}


def test_searxng_found(httpserver: HTTPServer, profile: Profile) -> None:
    body = json.loads(text("searxng_results.json"))
    httpserver.expect_request(
        "/search", query_string={"q": "Dr Alex Example", "format": "json"}
    ).respond_with_json(body)
    observations = run(WebSearchLookup(searx_settings(httpserver), max_queries=1), profile)
    assert set(found(observations)) == {
        "web-search.people-search.192-com",
        "web-search.social.facebook",
    }


def test_searxng_not_found(httpserver: HTTPServer, profile: Profile) -> None:
    httpserver.expect_request("/search").respond_with_json(json.loads(text("searxng_empty.json")))
    observations = run(WebSearchLookup(searx_settings(httpserver), max_queries=2), profile)
    assert outcomes(observations) == [Outcome.NOT_FOUND] * 2


def test_searxng_json_turned_off(httpserver: HTTPServer, profile: Profile) -> None:
    httpserver.expect_request("/search").respond_with_data("Forbidden", status=403)
    serve_ddg(httpserver, "ddg_anomaly.html")
    observations = run(WebSearchLookup(searx_settings(httpserver)), profile)
    assert outcomes(observations) == [Outcome.COULDNT_CHECK] * 6
    assert "this SearXNG instance has JSON output turned off" in (observations[0].reason or "")
    assert "DuckDuckGo: DuckDuckGo showed a 'are you a robot?'" in (observations[0].reason or "")
    assert [r.path for r, _ in httpserver.log] == ["/search", "/html/"]  # each engine once


@pytest.mark.parametrize(
    ("respond", "words"),
    [
        ({"response_data": "slow down", "status": 429}, "limiting"),
        ({"response_data": '{"results": {"oops": 1}}'}, "unexpected format"),
        ({"response_data": "[1, 2]"}, "unexpected format"),
        ({"response_data": '{"results": [{"title": "no url"}]}'}, "unexpected format"),
    ],
)
def test_searxng_couldnt_check(
    httpserver: HTTPServer, profile: Profile, respond: dict[str, object], words: str
) -> None:
    httpserver.expect_request("/search").respond_with_data(
        content_type="application/json",
        **respond,  # type: ignore[arg-type]
    )
    observations = run(WebSearchLookup(searx_settings(httpserver), max_queries=1), profile)
    assert outcomes(observations) == [Outcome.COULDNT_CHECK]
    assert words in (observations[0].reason or "")


def test_searxng_timeout(httpserver: HTTPServer, profile: Profile) -> None:
    slow = Slow()
    httpserver.expect_request("/search").respond_with_handler(slow)
    observations = run(WebSearchLookup(searx_settings(httpserver), max_queries=1), profile)
    slow.wait()
    assert outcomes(observations) == [Outcome.COULDNT_CHECK]


# ---------------------------------------------------------------- Brave

BRAVE_KEY = "brave-secret-123"


def brave_settings(httpserver: HTTPServer) -> Settings:
    env = {"FOOTPRINT_BRAVE_URL": httpserver.url_for("/"), "FOOTPRINT_BRAVE_KEY": BRAVE_KEY}
    return Settings(env={**env, **ddg_here(httpserver)}, allow_loopback=True)


def test_brave_found_and_key_in_header(httpserver: HTTPServer, profile: Profile) -> None:
    httpserver.expect_request(
        "/res/v1/web/search", headers={"X-Subscription-Token": BRAVE_KEY}
    ).respond_with_json(json.loads(text("brave_results.json")))
    observations = run(WebSearchLookup(brave_settings(httpserver), max_queries=1), profile)
    hits = found(observations)
    assert set(hits) == {"web-search.rating-site.doctify-com", "web-search.social.x"}
    doctify = hits["web-search.rating-site.doctify-com"]
    assert doctify.snippet is not None and "<strong>" not in doctify.snippet
    ((request, _),) = httpserver.log
    assert request.args["q"] == "Dr Alex Example"
    assert BRAVE_KEY not in request.url


# ---------------------------------------------------------------- Google

GOOGLE_KEY = "google-secret-456"


def google_settings(httpserver: HTTPServer) -> Settings:
    env = {
        "FOOTPRINT_GOOGLE_URL": httpserver.url_for("/"),
        "FOOTPRINT_GOOGLE_KEY": GOOGLE_KEY,
        "FOOTPRINT_GOOGLE_CX": "0123456789abcdef0",
    }
    return Settings(env={**env, **ddg_here(httpserver)}, allow_loopback=True)


def test_google_found_with_key_out_of_the_url(httpserver: HTTPServer, profile: Profile) -> None:
    httpserver.expect_request(
        "/customsearch/v1", headers={"X-Goog-Api-Key": GOOGLE_KEY}
    ).respond_with_json(json.loads(text("google_results.json")))
    observations = run(WebSearchLookup(google_settings(httpserver), max_queries=1), profile)
    assert set(found(observations)) == {
        "web-search.people-search.spokeo-com",
        "web-search.rating-site.healthgrades-com",
    }
    ((request, _),) = httpserver.log
    query = parse_qs(urlsplit(request.url).query)
    assert query["cx"] == ["0123456789abcdef0"] and query["q"] == ["Dr Alex Example"]
    assert "key" not in query and GOOGLE_KEY not in request.url


# ---------------------------------------------------------------- Brave and Google: outcomes


@dataclass(frozen=True)
class KeyedEngine:
    """A keyed JSON engine as the tests drive it."""

    settings: Callable[[HTTPServer], Settings]
    path: str
    empty: str  # fixture with no results
    key: str


KEYED = {
    "brave": KeyedEngine(brave_settings, "/res/v1/web/search", "brave_empty.json", BRAVE_KEY),
    "google": KeyedEngine(google_settings, "/customsearch/v1", "google_empty.json", GOOGLE_KEY),
}


@pytest.mark.parametrize("engine", list(KEYED))
def test_keyed_not_found(httpserver: HTTPServer, profile: Profile, engine: str) -> None:
    keyed = KEYED[engine]
    httpserver.expect_request(keyed.path).respond_with_json(json.loads(text(keyed.empty)))
    observations = run(WebSearchLookup(keyed.settings(httpserver), max_queries=1), profile)
    assert outcomes(observations) == [Outcome.NOT_FOUND]


@pytest.mark.parametrize(
    ("engine", "status", "body", "words"),
    [
        ("brave", 401, '{"type": "ErrorResponse"}', "refused"),
        ("brave", 403, '{"type": "ErrorResponse"}', "refused"),
        ("brave", 429, '{"type": "ErrorResponse"}', "limiting"),
        ("brave", 200, '{"type": "search", "web": {"results": "nope"}}', "unexpected format"),
        ("brave", 200, '{"type": "search", "web": []}', "unexpected format"),
        ("google", 403, '{"error": {"code": 403, "message": "forbidden"}}', "refused"),
        ("google", 429, '{"error": {"code": 429, "message": "quota"}}', "limiting"),
        ("google", 200, '{"items": {"link": "x"}}', "unexpected format"),
        ("google", 200, '{"items": [{"title": "no link"}]}', "unexpected format"),
    ],
)
def test_keyed_couldnt_check_never_shows_key(
    httpserver: HTTPServer, profile: Profile, engine: str, status: int, body: str, words: str
) -> None:
    keyed = KEYED[engine]
    httpserver.expect_request(keyed.path).respond_with_data(
        body, status=status, content_type="application/json"
    )
    observations = run(WebSearchLookup(keyed.settings(httpserver), max_queries=1), profile)
    assert outcomes(observations) == [Outcome.COULDNT_CHECK]
    assert words in (observations[0].reason or "")
    assert keyed.key not in json.dumps([o.model_dump(mode="json") for o in observations])


@pytest.mark.parametrize("engine", list(KEYED))
def test_keyed_timeout(httpserver: HTTPServer, profile: Profile, engine: str) -> None:
    keyed = KEYED[engine]
    slow = Slow()
    httpserver.expect_request(keyed.path).respond_with_handler(slow)
    observations = run(WebSearchLookup(keyed.settings(httpserver), max_queries=1), profile)
    slow.wait()
    assert outcomes(observations) == [Outcome.COULDNT_CHECK]


# ---------------------------------------------------------------- backend choice and consent


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({}, DuckDuckGoBackend),
        ({"FOOTPRINT_SEARXNG_URL": "https://searx.example"}, SearxngBackend),
        ({"FOOTPRINT_GOOGLE_KEY": "k"}, DuckDuckGoBackend),  # no engine id: not usable
        ({"FOOTPRINT_GOOGLE_KEY": "k", "FOOTPRINT_GOOGLE_CX": "c"}, GoogleBackend),
        ({"FOOTPRINT_BRAVE_KEY": "k", "FOOTPRINT_SEARXNG_URL": "https://s.example"}, BraveBackend),
    ],
)
def test_pick_backend(env: dict[str, str], backend: type) -> None:
    assert type(pick_backend(Settings(env=env))) is backend


def test_engines_are_tried_in_order_duckduckgo_last() -> None:
    env = {
        "FOOTPRINT_BRAVE_KEY": "k",
        "FOOTPRINT_GOOGLE_KEY": "k",
        "FOOTPRINT_GOOGLE_CX": "c",
        "FOOTPRINT_SEARXNG_URL": "https://s.example",
    }
    chain = [b.id for b in pick_backends(Settings(env=env))]
    assert chain == ["brave", "google", "searxng", "duckduckgo"]


def test_consent_sentence_default(profile: Profile) -> None:
    sentence = WebSearchLookup(Settings()).sends(profile)
    assert sentence == (
        "your name 'Alex Example', workplace 'Example Street Surgery', specialty 'General "
        "practice' and town 'Exampleton' as search terms (6 searches) to html.duckduckgo.com"
    )
    assert not any(value in sentence for value in PRIVATE)
    assert WebSearchLookup(Settings()).hosts(profile) == frozenset({"html.duckduckgo.com"})


def test_consent_sentence_names_the_override(profile: Profile) -> None:
    settings = Settings(env={"FOOTPRINT_DUCKDUCKGO_URL": "http://127.0.0.1:8765/ddg"})
    sentence = WebSearchLookup(settings, max_queries=3).sends(profile)
    assert "(3 searches) to http://127.0.0.1:8765/ddg" in sentence
    assert "your replacement for html.duckduckgo.com" in sentence
    assert "FOOTPRINT_DUCKDUCKGO_URL" in sentence


def test_consent_sentence_keyed_backend_hides_key(profile: Profile) -> None:
    lookup = WebSearchLookup(Settings(env={"FOOTPRINT_BRAVE_KEY": BRAVE_KEY}))
    assert lookup.sends(profile).endswith(
        "to api.search.brave.com, or if it is blocked to html.duckduckgo.com"
    )
    assert BRAVE_KEY not in lookup.sends(profile)
    assert lookup.hosts(profile) == frozenset({"api.search.brave.com", "html.duckduckgo.com"})


def test_service_follows_the_configured_backend() -> None:
    assert WebSearchLookup(Settings()).service == "duckduckgo"
    assert WebSearchLookup(Settings(env={"FOOTPRINT_BRAVE_KEY": "k"})).service == "brave"
    assert WebSearchLookup.service is None  # the class itself names no single service
