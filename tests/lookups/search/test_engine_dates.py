"""The engine chain either side of Google's end of whole-web search, with a fixed clock: on
31 December 2026 a configured Google is asked; from 1 January 2027 it is not, and the run says
so in one line that is news, not a failure."""

from __future__ import annotations

from datetime import date
from importlib import resources

import pytest
from api_harness import run
from pytest_httpserver import HTTPServer
from search_harness import search_profile

from footprint.lookups.search.engine_chain import pick_backends, retired_notes
from footprint.lookups.search.google import RETIRED, WHOLE_WEB_ENDS
from footprint.lookups.search.web import WebSearchLookup
from footprint.model.observation import Outcome
from footprint.util.settings import Settings

pytestmark = pytest.mark.usefixtures("fresh_search_cache")

LAST_DAY, FIRST_DAY = date(2026, 12, 31), date(2027, 1, 1)
RETIRED_LINE = "Google's whole-web search API closed on 1 January 2027"
DDG_RESULTS = (
    '<div id="links"><div class="result web-result"><h2><a class="result__a" '
    'href="https://www.192.com/people/alex-example">Alex Example - 192.com</a></h2>'
    '<a class="result__snippet">Alex Example, Exampleton</a></div></div>'
)


def google_env(here: str) -> dict[str, str]:
    return {
        "FOOTPRINT_GOOGLE_URL": here,
        "FOOTPRINT_GOOGLE_KEY": "google-secret",
        "FOOTPRINT_GOOGLE_CX": "cx",
        "FOOTPRINT_DUCKDUCKGO_URL": here,
    }


def serve_both(httpserver: HTTPServer) -> None:
    google = resources.files("footprint.lookups").joinpath("data/samples/google")
    httpserver.expect_request("/customsearch/v1").respond_with_data(
        google.joinpath("wwf_customsearch.json").read_text(encoding="utf-8"),
        content_type="application/json",
    )
    httpserver.expect_request("/html/").respond_with_data(DDG_RESULTS, content_type="text/html")


def asked(httpserver: HTTPServer, path: str) -> int:
    return sum(1 for request, _ in httpserver.log if request.path == path)


def test_the_end_date_is_google_s_announced_one() -> None:
    assert WHOLE_WEB_ENDS == FIRST_DAY
    assert RETIRED.startswith(RETIRED_LINE)


def test_google_is_in_the_chain_on_the_last_day_and_gone_on_the_first() -> None:
    settings = Settings(env=google_env("https://unused.example"))
    assert [b.id for b in pick_backends(settings, today=LAST_DAY)] == ["google", "duckduckgo"]
    assert [b.id for b in pick_backends(settings, today=FIRST_DAY)] == ["duckduckgo"]
    assert retired_notes(settings, LAST_DAY) == []
    assert retired_notes(settings, FIRST_DAY) == [RETIRED]


def test_no_retired_line_for_a_doctor_who_never_set_google_up() -> None:
    assert retired_notes(Settings(env={}), FIRST_DAY) == []


def test_on_the_last_day_google_is_asked_and_answers(httpserver: HTTPServer) -> None:
    serve_both(httpserver)
    settings = Settings(env=google_env(httpserver.url_for("/")), allow_loopback=True)
    lookup = WebSearchLookup(settings, max_queries=2, today=lambda: LAST_DAY)
    observations = run(lookup, search_profile())
    assert asked(httpserver, "/customsearch/v1") == 2
    assert asked(httpserver, "/html/") == 0
    assert {o.details.get("engine") for o in observations} == {"Google Programmable Search"}
    assert all("retired" not in o.details for o in observations)
    assert RETIRED_LINE not in lookup.sends(search_profile())


def test_from_the_first_day_google_is_not_asked_and_the_run_says_so_once(
    httpserver: HTTPServer,
) -> None:
    serve_both(httpserver)
    settings = Settings(env=google_env(httpserver.url_for("/")), allow_loopback=True)
    lookup = WebSearchLookup(settings, max_queries=2, today=lambda: FIRST_DAY)
    profile = search_profile()
    observations = run(lookup, profile)
    assert asked(httpserver, "/customsearch/v1") == 0
    assert asked(httpserver, "/html/") == 2
    # The closed engine is news about the engines, never a failed or open check.
    assert all(o.outcome is not Outcome.COULDNT_CHECK for o in observations)
    assert {o.details.get("engine") for o in observations} == {"DuckDuckGo"}
    notes = [o.details["retired"] for o in observations if "retired" in o.details]
    assert notes == [RETIRED]
    assert not any("Google" in r for o in observations for r in o.details.values() if r != RETIRED)
    sentence = lookup.sends(profile)
    assert RETIRED_LINE in sentence
    assert "googleapis.com" not in sentence
    assert [b.id for b in lookup.backends(profile)] == ["duckduckgo"]
    assert "google-secret" not in sentence
