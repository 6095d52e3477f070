"""SerpApi and Mojeek: each reads its documented answer, sends the key only to its own host,
and fails cleanly (couldn't check, with a plain reason and never the key) on a refused key, a
used-up quota, an error inside a 200 answer, or a challenge page instead of JSON."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from api_harness import QUICK
from pytest_httpserver import HTTPServer

from footprint.lookups.search.backends import SearchBackend, SearchFailed
from footprint.lookups.search.engine_chain import pick_backends
from footprint.lookups.search.keyed import MojeekBackend, SerpApiBackend
from footprint.model.consent import named_target_grant
from footprint.net.client import FetchError, HttpClient
from footprint.util.settings import Settings

pytestmark = pytest.mark.usefixtures("fresh_search_cache")

KEY = "key-that-must-not-show"
CHALLENGE = "<html><title>Just a moment...</title><form id='challenge-form'></form></html>"


def sample(name: str) -> str:
    root = resources.files("footprint.lookups").joinpath("data/samples")
    return root.joinpath(name).read_text(encoding="utf-8")


def engine(cls: type[SearchBackend], httpserver: HTTPServer, region: str = "GB") -> SearchBackend:
    service = cls.service.upper()
    env = {f"FOOTPRINT_{service}_URL": httpserver.url_for("/"), f"FOOTPRINT_{service}_KEY": KEY}
    return cls(Settings(env=env, allow_loopback=True), region)


def search(backend: SearchBackend) -> list[tuple[str, str, str, int]]:
    hosts = frozenset({backend.host})
    with HttpClient(QUICK, allow_loopback=True) as client:
        http = client.bind(named_target_grant(set(hosts)), hosts)
        return [
            (r.title, r.url, r.snippet, r.rank) for r in backend.search("Dr Alex Example", http)
        ]


def failure(backend: SearchBackend) -> FetchError:
    with pytest.raises(FetchError) as err:
        search(backend)
    assert KEY not in err.value.reason
    return err.value


PATHS = {SerpApiBackend: "/search.json", MojeekBackend: "/search"}


def test_serpapi_reads_its_documented_answer(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/search.json").respond_with_data(
        sample("serpapi/organic_results_documented.json"), content_type="application/json"
    )
    results = search(engine(SerpApiBackend, httpserver))
    assert results == [
        (
            "Coffee",
            "https://en.wikipedia.org/wiki/Coffee",
            json.loads(sample("serpapi/organic_results_documented.json"))["organic_results"][0][
                "snippet"
            ],
            1,
        )
    ]
    (request, _), *_ = httpserver.log
    assert request.args["engine"] == "google"
    assert request.args["q"] == "Dr Alex Example"
    assert request.args["api_key"] == KEY
    assert request.args["gl"] == "uk"  # Google's code for the UK


def test_mojeek_reads_its_documented_answer(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/search").respond_with_data(
        sample("mojeek/documented_results.json"), content_type="application/json"
    )
    (result,) = search(engine(MojeekBackend, httpserver, region="IE"))
    assert result[:2] == ("Mojeek", "http://www.mojeek.com/")
    assert result[2].startswith("your own topical or personal search engine")
    (request, _), *_ = httpserver.log
    assert (request.args["fmt"], request.args["api_key"]) == ("json", KEY)
    assert (request.args["rb"], request.args["rbb"]) == ("IE", "10")


@pytest.mark.parametrize("cls", [SerpApiBackend, MojeekBackend])
@pytest.mark.parametrize(
    ("status", "body", "words"),
    [
        (401, sample("serpapi/invalid_key_401.json"), "refused the search (HTTP 401)"),
        (429, sample("serpapi/out_of_searches_429.json"), "limiting how often we can search"),
    ],
)
def test_a_refused_key_or_used_up_quota_stops_the_engine(
    httpserver: HTTPServer, cls: type[SearchBackend], status: int, body: str, words: str
) -> None:
    httpserver.expect_request(PATHS[cls]).respond_with_data(
        body, status=status, content_type="application/json"
    )
    err = failure(engine(cls, httpserver))
    assert isinstance(err, SearchFailed) and err.stop
    assert words in err.reason
    assert cls.name in err.reason


@pytest.mark.parametrize("cls", [SerpApiBackend, MojeekBackend])
def test_a_challenge_page_instead_of_json_is_couldnt_check(
    httpserver: HTTPServer, cls: type[SearchBackend]
) -> None:
    httpserver.expect_request(PATHS[cls]).respond_with_data(CHALLENGE, content_type="text/html")
    err = failure(engine(cls, httpserver))
    assert "unexpected content type" in err.reason or "unexpected format" in err.reason


def test_mojeek_daily_limit_inside_a_200_answer_stops_it(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/search").respond_with_data(
        sample("mojeek/daily_limit_reached.json"), content_type="application/json"
    )
    err = failure(engine(MojeekBackend, httpserver))
    assert isinstance(err, SearchFailed) and err.stop
    assert err.reason == "Mojeek says today's searches are used up"


def test_mojeek_refused_key_inside_a_200_answer_stops_it(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/search").respond_with_json(
        {"response": {"status": "ERROR: Invalid API Key"}}
    )
    err = failure(engine(MojeekBackend, httpserver))
    assert isinstance(err, SearchFailed) and err.stop
    assert "refused the API key" in err.reason


def test_serpapi_error_status_inside_a_200_answer_is_a_failure(httpserver: HTTPServer) -> None:
    body = json.loads(sample("serpapi/search_error_503.json"))
    httpserver.expect_request("/search.json").respond_with_json(body)
    err = failure(engine(SerpApiBackend, httpserver))
    assert isinstance(err, SearchFailed) and not err.stop  # worth trying again later
    assert err.reason == "SerpApi (Google results) could not run the search"


def test_serpapi_no_results_is_an_empty_answer_not_a_failure(httpserver: HTTPServer) -> None:
    body = {
        "search_metadata": {"status": "Success"},
        "search_information": {"organic_results_state": "Fully empty"},
        "error": "Google hasn't returned any results for this query.",
    }
    httpserver.expect_request("/search.json").respond_with_json(body)
    assert search(engine(SerpApiBackend, httpserver)) == []


def test_keyed_engines_come_first_in_the_order_set_up_on_purpose() -> None:
    env = {
        "FOOTPRINT_MOJEEK_KEY": "m",
        "FOOTPRINT_SERPAPI_KEY": "s",
        "FOOTPRINT_BRAVE_KEY": "b",
        "FOOTPRINT_SEARXNG_URL": "https://searx.example",
    }
    chain = [b.id for b in pick_backends(Settings(env=env))]
    assert chain == ["brave", "serpapi", "mojeek", "searxng", "duckduckgo"]
    assert [b.id for b in pick_backends(Settings(env={"FOOTPRINT_MOJEEK_KEY": "m"}))] == [
        "mojeek",
        "duckduckgo",
    ]


def test_consent_says_who_receives_the_searches() -> None:
    serp = SerpApiBackend(Settings(env={"FOOTPRINT_SERPAPI_KEY": "s"}))
    assert serp.destination().startswith("serpapi.com (SerpApi, which runs each search on Google")
    mojeek = MojeekBackend(Settings(env={"FOOTPRINT_MOJEEK_KEY": "m"}))
    assert mojeek.destination() == "www.mojeek.com (Mojeek, a UK search engine with its own index)"
