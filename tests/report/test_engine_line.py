"""The report says which search engine answered the name search, and the line about an engine
closed for good, in every format; the adviser copy's lookup numbers carry neither."""

from __future__ import annotations

import json

import pytest

from footprint.audit.build import AuditState, build_report
from footprint.content.checklists import select_items, shipped_catalogue
from footprint.lookups.search.google import RETIRED
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import Profile
from footprint.report.adviser import adviser_copy
from footprint.report.model import Report
from footprint.report.render import render_html, render_json, render_markdown


def searched(engines: list[str], retired: bool) -> Report:
    profile = Profile.model_validate({"name": "Alex Example", "role": "gp"})
    catalogue = shipped_catalogue()
    state = AuditState(profile=profile, session_id="s-engines")
    for n, engine in enumerate(engines):
        details = {"engine": engine}
        if retired and n == 0:
            details["retired"] = RETIRED
        state.observations.append(
            Observation(
                lookup_id="web-search",
                outcome=Outcome.NOT_FOUND,
                subject=f"search: Dr Alex Example {n}",
                search=f"Dr Alex Example {n}",
                details=details,
            )
        )
    state.lookup_runs["web-search"] = (2.0, [])
    return build_report(catalogue, select_items(catalogue, profile), state)


def test_the_lookup_summary_names_each_engine_that_answered_once() -> None:
    report = searched(["Brave Search", "DuckDuckGo", "Brave Search"], retired=False)
    (lookup,) = report.lookups
    assert lookup.engines == ["Brave Search", "DuckDuckGo"]
    assert lookup.notes == []
    assert "answered by Brave Search, DuckDuckGo" in render_markdown(report)
    assert "Answered by Brave Search, DuckDuckGo" in render_html(report)
    assert json.loads(render_json(report))["lookups"][0]["engines"] == lookup.engines


def test_the_retired_line_is_a_note_not_a_problem() -> None:
    report = searched(["DuckDuckGo"], retired=True)
    (lookup,) = report.lookups
    assert lookup.notes == [RETIRED]
    assert lookup.errors == []
    markdown = render_markdown(report)
    assert "Google's whole-web search API closed on 1 January 2027" in markdown
    assert "problems:" not in markdown.split("### Lookups", 1)[1].split("\n\n", 2)[1]


@pytest.mark.parametrize("retired", [False, True])
def test_the_adviser_copy_keeps_only_the_lookup_numbers(retired: bool) -> None:
    report = searched(["SerpApi (Google results)"], retired=retired)
    copy = adviser_copy(report, {"web-search": "What a patient finds by searching your name"})
    (lookup,) = json.loads(copy.model_dump_json())["lookups"]
    assert set(lookup) == {"id", "title", "outcomes", "errors"}
    assert "SerpApi" not in copy.model_dump_json()
