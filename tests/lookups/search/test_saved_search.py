"""Saved results pages read as the name search's result: classified as `web-search` classifies
an engine's answer, only for a search of the doctor's name, and result pages opened only with
a granted decision."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from pytest_httpserver import HTTPServer
from tests.savedpages import CLUB_PAGE, google_page

from footprint.lookups.search.saved_search import (
    FOLLOW_ID,
    follow_question,
    follow_results,
    read_saved_searches,
)
from footprint.model.consent import decide
from footprint.model.observation import Outcome
from footprint.model.profile import Profile
from footprint.util.settings import Settings

SAVED = Path(__file__).parents[2] / "fixtures" / "saved_results"
PROFILE = Profile.model_validate(
    {"name": "Alex Example", "title": "Dr", "private": {"phones": ["07700 900123"]}}
)


def test_a_saved_google_page_becomes_the_name_search_result() -> None:
    saved = read_saved_searches([(SAVED / "google_results.html").read_bytes()], PROFILE)
    assert saved.counted and saved.not_results == 0
    assert {o.lookup_id for o in saved.observations} == {"web-search"}
    (found,) = saved.found
    assert found.url == "https://www.192.com/people/alex-example/exampleton/"
    assert found.exposure is not None and found.search == '"Dr Alex Example"'
    assert "saved" in found.details["engine"] and found.links  # the search, to run again


def test_a_page_with_no_known_site_is_a_search_that_found_nothing() -> None:
    page = google_page("Dr Alex Example", [("Team", "https://practice.example/team")])
    saved = read_saved_searches([page], PROFILE)
    (only,) = saved.observations
    assert only.outcome is Outcome.NOT_FOUND and only.subject == "search: Dr Alex Example"


def test_pages_that_are_not_a_search_of_the_name_do_not_count() -> None:
    other = google_page("best running shoes", [("Shoes", "https://shop.example/")])
    saved = read_saved_searches([b"<html><body>hello</body></html>", other], PROFILE)
    assert not saved.counted and saved.not_results == 1
    assert saved.other_searches == ["best running shoes"]


def test_result_pages_are_opened_only_with_a_granted_decision(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/committee").respond_with_data(CLUB_PAGE, content_type="text/html")
    club = httpserver.url_for("/committee")
    saved = read_saved_searches([google_page("Dr Alex Example", [("Club", club)])], PROFILE)
    question = follow_question(saved.to_follow())
    assert question.lookup_id == FOLLOW_ID
    assert question.destinations == (urlsplit(club).hostname,)
    settings = Settings(env={}, allow_loopback=True)
    refused = decide(question, False, granted_by="the doctor", how="test")
    assert follow_results(saved.to_follow(), PROFILE, settings, refused) == []
    assert not httpserver.log  # nothing was opened
    granted = decide(question, True, granted_by="the doctor", how="test")
    found = follow_results(saved.to_follow(), PROFILE, settings, granted)
    assert [o.outcome for o in found] == [Outcome.FOUND]
    assert found[0].lookup_id == "search-pages" and found[0].matched == "07700 900123"
