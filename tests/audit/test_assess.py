"""Findings, the score, axes and top actions."""

from __future__ import annotations

from footprint.audit.assess import lookup_findings, plan_order, score, top_actions
from footprint.model.observation import Exposure, Observation, Outcome
from footprint.model.vocab import Axis, Exposes, Severity
from footprint.report.model import Finding, Status


def _finding(
    fid: str, severity: Severity, status: Status = Status.EXPOSED, effort: int = 5
) -> Finding:
    return Finding(
        id=fid,
        title=fid,
        severity=severity,
        axis=Axis.LOCATABLE,
        status=status,
        area="a",
        area_title="A",
        source="checklist",
        why="w",
        steps=[f"fix {fid}"],
        effort_minutes=effort,
    )


def test_score_weights_follow_the_exposure_order() -> None:
    order = [
        Exposes.HOME_ADDRESS,
        Exposes.PERSONAL_PHONE,
        Exposes.PERSONAL_EMAIL,
        Exposes.PERSONAL_SOCIAL,
        Exposes.WORKPLACE,
    ]
    scores = [score([(_finding("x", Severity.HIGH), e)]) for e in order]
    assert scores == sorted(scores), "home address must cost most, workplace least"
    assert score([]) == 100
    unsure = score([(_finding("x", Severity.HIGH, Status.UNSURE), Exposes.HOME_ADDRESS)])
    assert scores[0] < unsure < 100


def test_score_saturates_and_stays_in_range() -> None:
    many = [(_finding(str(n), Severity.CRITICAL), kind) for n in range(10) for kind in Exposes]
    assert 0 <= score(many) < 10
    # more routes to the same home address cost less each, but never nothing
    one = score([(_finding("a", Severity.CRITICAL), Exposes.HOME_ADDRESS)])
    two = score([(_finding(n, Severity.CRITICAL), Exposes.HOME_ADDRESS) for n in "ab"])
    assert two < one and (100 - two) < 2 * (100 - one)


def test_top_actions_are_the_plans_first_actions_with_no_gap() -> None:
    # Once "one action per first step" skipped plan actions: "do these first" read 1, 2, 3, 4,
    # then "action 8".
    fs = [
        _finding(n, Severity.CRITICAL).model_copy(update={"steps": ["Ask them to remove it."]})
        for n in "abc"
    ] + [_finding("d", Severity.HIGH), _finding("e", Severity.INFO)]
    assert [a.finding_id for a in top_actions(fs)] == ["a", "b", "c", "d"]
    assert [a.finding_id for a in top_actions(fs, limit=2)] == ["a", "b"]


def test_plan_order_severity_then_confirmed_then_exposure_per_minute() -> None:
    weighted = [
        (_finding("slow-high", Severity.HIGH, effort=60), Exposes.HOME_ADDRESS),
        (_finding("quick-high", Severity.HIGH), Exposes.WORKPLACE),
        (_finding("unsure-high", Severity.HIGH, Status.UNSURE, effort=1), Exposes.HOME_ADDRESS),
        (_finding("crit", Severity.CRITICAL, effort=90), Exposes.IDENTITY),
        (_finding("info", Severity.INFO), Exposes.IDENTITY),
    ]
    ordered = plan_order(weighted)
    # home address at 60 min: 17.5/60 = 0.29 a minute; workplace at 5 min: 2.8/5 = 0.56
    assert [f.id for f in ordered] == ["crit", "quick-high", "slow-high", "unsure-high", "info"]
    actions = top_actions(ordered)
    assert [a.finding_id for a in actions] == ["crit", "quick-high", "slow-high", "unsure-high"]
    assert actions[-1].status is Status.UNSURE


def test_observations_sharing_a_key_become_one_finding() -> None:
    exposure = Exposure(
        key="page-scan.personal-phone",
        title="Your personal mobile is on a public page",
        severity=Severity.CRITICAL,
        axis=Axis.CONTACTABLE,
        exposes=Exposes.PERSONAL_PHONE,
        why="w",
        steps=["Ask the practice to remove it."],
    )
    obs = [
        Observation(
            lookup_id="page-scan",
            outcome=Outcome.FOUND,
            subject=f"page {n}",
            url=f"https://practice.example/{n}",
            exposure=exposure,
        )
        for n in range(2)
    ] + [
        Observation(lookup_id="page-scan", outcome=Outcome.COULDNT_CHECK, subject="p", reason="403")
    ]
    found = lookup_findings(obs, {"page-scan": "Pages about you"})
    assert len(found) == 1
    finding, exposes = found[0]
    assert finding.id == "page-scan.personal-phone" and exposes is Exposes.PERSONAL_PHONE
    assert [e.url for e in finding.evidence] == [
        "https://practice.example/0",
        "https://practice.example/1",
    ]


def test_a_listed_page_found_again_by_search_counts_once() -> None:
    def exposure(key: str) -> Exposure:
        return Exposure(
            key=key,
            title=key,
            severity=Severity.CRITICAL,
            axis=Axis.CONTACTABLE,
            exposes=Exposes.PERSONAL_PHONE,
            why="w",
            steps=["Ask them to remove it."],
        )

    def found(lookup: str, url: str, key: str) -> Observation:
        return Observation(
            lookup_id=lookup,
            outcome=Outcome.FOUND,
            subject="page",
            url=url,
            matched="07700 900123",
            exposure=exposure(key),
        )

    obs = [
        found("search-pages", "https://practice.example/team/", "personal-phone"),
        found("search-pages", "https://club.example/committee", "personal-phone"),
        found("page-scan", "https://www.practice.example/team#dr-a", "personal-phone"),
    ]
    found_ = {f.id: f for f, _ in lookup_findings(obs, {})}
    assert set(found_) == {"page-scan.personal-phone", "search-pages.personal-phone"}
    # the team page is the listed page's finding; search adds only the club page
    assert [e.url for e in found_["search-pages.personal-phone"].evidence] == [
        "https://club.example/committee"
    ]


def test_an_open_critical_exposure_keeps_the_score_below_half() -> None:
    minor = _finding("x", Severity.CRITICAL)
    assert score([(minor, Exposes.PRACTICE)]) <= 49
    assert score([(_finding("y", Severity.HIGH), Exposes.PRACTICE)]) > 49
    unsure = _finding("z", Severity.CRITICAL, Status.UNSURE)
    assert score([(unsure, Exposes.PRACTICE)]) > 49, "only a confirmed exposure caps it"
