"""The do-it-yourself search links stay whole in the doctor's copies and never reach the adviser.

The masked copy once turned them into `https://www.google.com/…` (a literal "…") labelled
'Search Google for "Dr J. D."': links that opened nothing useful.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from footprint.audit.build import AuditState, build_report
from footprint.content.checklists import select_items, shipped_catalogue
from footprint.lookups.search.web import WebSearchLookup
from footprint.model.profile import Profile
from footprint.report.adviser import adviser_copy
from footprint.report.adviser_render import (
    render_adviser_html,
    render_adviser_json,
    render_adviser_markdown,
)
from footprint.report.model import Copy, Report
from footprint.report.redact import to_copy
from footprint.report.render import render_html, render_json, render_markdown
from footprint.util.settings import Settings

PROFILE = Profile.model_validate({"name": "Jane Doe", "title": "Dr", "platforms": ["facebook"]})


@pytest.fixture(scope="module")
def member() -> Report:
    catalogue = shipped_catalogue()
    state = AuditState(profile=PROFILE, session_id="s-links")
    state.observations += WebSearchLookup(Settings(env={})).not_run(PROFILE, "no consent")
    return build_report(catalogue, select_items(catalogue, PROFILE), state)


def test_masked_links_are_the_members_and_open_the_right_search(member: Report) -> None:
    masked = to_copy(member, Copy.MASKED, PROFILE)
    assert "Jane Doe" in member.not_checked[0].title
    assert "Jane Doe" not in masked.not_checked[0].title  # the rest is still masked
    assert masked.not_checked and [n.links for n in masked.not_checked] == [
        n.links for n in member.not_checked
    ]
    first = masked.not_checked[0].links[0]
    assert first.label == 'Search Google for "Dr Jane Doe"'
    parts = urlsplit(first.url)
    assert (parts.hostname, parse_qs(parts.query)["q"]) == ("www.google.com", ["Dr Jane Doe"])
    for text in (render_html(masked), render_markdown(masked), render_json(masked)):
        assert "\u2026" not in "".join(n for n in text.split() if "google.com" in n)
        assert "q=Dr+Jane+Doe" in text


def test_adviser_copy_has_no_search_links(member: Report) -> None:
    adviser = adviser_copy(member)
    for text in (
        render_adviser_html(adviser),
        render_adviser_markdown(adviser),
        render_adviser_json(adviser),
    ):
        assert "google.com/search" not in text and "Jane" not in text and "q=Dr" not in text
