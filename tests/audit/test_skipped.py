"""Skipped means skipped: an area the doctor does not use leaves every count, the plan, "do
these first" and the next steps, and is listed once; findable reads "not checked" while the
name search has not answered."""

from __future__ import annotations

from html import unescape
from typing import cast

from footprint.audit.engine import AuditEngine
from footprint.audit.flow import AuditOptions
from footprint.content.checklists import shipped_catalogue
from footprint.lookups.profiles.walled import WalledPlatformsLookup
from footprint.model.profile import Profile
from footprint.model.vocab import Answer, Axis
from footprint.net.client import GatedClient
from footprint.report.model import Level, NextStepKind, Report
from footprint.report.nextsteps import Reader
from footprint.report.render import render_html, render_markdown
from footprint.util.settings import Settings

PLATFORMS = ["facebook", "strava", "instagram"]


def _engine(quick: bool = False) -> AuditEngine:
    profile = Profile(name="Alex Example", role="gp", platforms=PLATFORMS)
    options = AuditOptions(offline=True, quick=quick)
    return AuditEngine.start(shipped_catalogue(), profile, options, Settings(), None)


def _answer_strava_yes_then_skip(engine: AuditEngine) -> int:
    """Answer every Strava question "exposed" (as a doctor might before saying they stopped
    using it), then skip the area: how many questions it had."""
    strava = [i for i in engine.flow.items if i.area == "strava"]
    for item in strava:
        engine.answer(item.id, Answer(item.exposed_when))
    engine.skip_area("strava")
    return len(strava)


def test_a_skipped_area_is_left_out_of_counts_plan_and_first_actions() -> None:
    engine = _engine()
    before = engine.questions_left()
    facebook = sum(1 for i in engine.flow.items if i.area == "facebook")
    assert engine.skip_area("facebook") == facebook > 0
    assert engine.questions_left() == before - facebook
    strava = _answer_strava_yes_then_skip(engine)
    assert strava > 0
    report = engine.report()

    open_ids = [u.id for u in [*report.unanswered, *report.to_finish]]
    assert not [i for i in open_ids if i.split(".")[0] in ("facebook", "strava")]
    assert not [f for f in report.findings if f.area in ("facebook", "strava")]
    assert not [a for a in report.summary.top_actions if a.finding_id.startswith("strava.")]
    assert sorted(a.area for a in report.skipped) == ["facebook", "strava"]
    # Every question left counts: the report, the next steps and the engine agree.
    assert len(report.unanswered) == engine.questions_left()
    carry_on = [s for s in report.next_steps if s.kind is NextStepKind.START_AUDIT]
    assert carry_on and carry_on[0].args["count"] == str(len(report.unanswered))
    asked = report.summary.asked
    assert asked == len(engine.flow.items) - facebook - strava

    html = unescape(render_html(report, Reader.BROWSER))
    for text in (render_markdown(report, Reader.BROWSER), html):
        assert text.count("You don't use Facebook") == 1
        assert text.count("You don't use Strava") == 1
        assert "Facebook questions" not in text
        assert "Facebook 1" not in text and "Strava " + str(strava) not in text


def test_a_quick_audits_list_for_home_leaves_skipped_areas_out() -> None:
    engine = _engine(quick=True)
    engine.skip_area("facebook")
    report = engine.report()
    for q in [*report.unanswered, *report.to_finish]:
        assert not q.id.startswith("facebook."), q.id
    assert [a.title for a in report.skipped] == ["Facebook"]


def test_findable_reads_not_checked_while_the_name_search_is_open() -> None:
    engine = _engine()
    while (q := engine.next_question()) is not None:
        engine.answer(q.item.id, Answer(q.item.exposed_when))  # exposed everywhere
    report: Report = engine.report()
    assert not report.summary.name_search_done
    assert report.summary.axes[Axis.FINDABLE] is Level.NOT_CHECKED
    assert report.summary.axes[Axis.LOCATABLE] is Level.HIGH
    text = render_markdown(report, Reader.BROWSER)
    assert "Findable: **Not checked" in text


def test_a_skipped_platform_leaves_the_checks_to_do_by_hand() -> None:
    engine = _engine()
    walled = WalledPlatformsLookup(Settings())
    # The lookup never touches the network, so it needs no client.
    for obs in walled.run(engine.flow.state.profile, cast(GatedClient, None)):
        engine.flow.observe(obs)
    assert any("Facebook" in n.title for n in engine.report().not_checked)
    engine.skip_area("facebook")
    report = engine.report()
    assert not [n for n in report.not_checked if "Facebook" in n.title]
    assert [n for n in report.not_checked if "Instagram" in n.title]  # still used: still listed
    assert "Facebook questions" not in render_markdown(report, Reader.BROWSER)
