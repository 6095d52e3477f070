"""Observations + answers -> findings, the score, the axes and the top actions.

Coverage comes first: the severity-weighted share of the checks that apply (questions and
lookup checks) that got a real answer. Below `MIN_COVERAGE`, or with a critical question
unanswered or unsure, there is no score: a number then would reassure about what was never
looked at (see coverage.py).

The score runs 0-100, higher meaning harder to reach. Each open finding takes away a weight
set by what it exposes (home address > personal mobile > personal e-mail > personal social
profile > workplace: how directly each reaches the doctor outside work), scaled by severity and halved when the doctor was
unsure. Within one kind of exposure the k-th finding counts 1/k (a second route to the same
home address adds less than the first), and the total penalty saturates (exponential).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import urldefrag, urlsplit

from footprint.audit.answers import is_exposed
from footprint.audit.coverage import Coverage
from footprint.content.checklists import Catalogue, ChecklistItem
from footprint.model.observation import Observation, Outcome
from footprint.model.vocab import Answer, Axis, Exposes, Severity
from footprint.report.links import official_links
from footprint.report.model import (
    Evidence,
    Finding,
    Level,
    ManualLink,
    NotChecked,
    Status,
    Summary,
    TopAction,
)
from footprint.report.plain import plain, plain_reason

#: The lookup that scans the pages the doctor listed; its findings win over repeats.
LISTED_PAGES = "page-scan"
EXPOSURE_WEIGHT: dict[Exposes, float] = {
    Exposes.HOME_ADDRESS: 25,
    Exposes.PERSONAL_PHONE: 18,
    Exposes.PERSONAL_EMAIL: 12,
    Exposes.PERSONAL_SOCIAL: 8,
    Exposes.ACCOUNT: 6,
    Exposes.WORKPLACE: 4,
    Exposes.IDENTITY: 3,
    Exposes.PRACTICE: 2,
}
SEVERITY_FACTOR: dict[Severity, float] = {
    Severity.CRITICAL: 1.0,
    Severity.HIGH: 0.7,
    Severity.MEDIUM: 0.4,
    Severity.LOW: 0.2,
    Severity.INFO: 0.0,
}
STATUS_FACTOR = {Status.EXPOSED: 1.0, Status.UNSURE: 0.5, Status.COULDNT_CHECK: 0.0}
SCORE_SCALE = 50.0  # penalty at which the score falls to 100/e (about 37)
# An open critical exposure (home address, personal mobile on a public page...) means a
# patient can reach you today, whatever else is tight: the score stays below half.
CRITICAL_CAP = 49
CAVEAT = (
    "A good score does not mean nobody can find you. It reflects only what this audit asked "
    "and could check; people-search sites re-list people, and a determined person may find "
    "routes no checklist covers. Re-run the audit every few months."
)


def checklist_findings(
    catalogue: Catalogue, items: Iterable[ChecklistItem], answers: Mapping[str, Answer]
) -> list[Finding]:
    """A finding for every exposed or unsure answer."""
    findings = []
    for item in items:
        answer = answers.get(item.id)
        if answer is None or answer is Answer.NA:
            continue
        if answer is Answer.UNSURE:
            status = Status.UNSURE
        elif is_exposed(item, answer):
            status = Status.EXPOSED
        else:
            continue
        findings.append(
            Finding(
                id=item.id,
                title=item.finding,
                severity=item.severity,
                axis=item.axis,
                status=status,
                area=item.area,
                area_title=catalogue.file_of(item.id).title,
                source="checklist",
                why=item.why,
                check=item.check,
                steps=list(item.fix),
                guidance=list(item.guidance),
                links=official_links(str(u) for u in item.links),
                effort_minutes=item.effort,
                last_confirmed=item.last_confirmed,
            )
        )
    return findings


def _finding_id(obs: Observation) -> str:
    assert obs.exposure is not None
    key = obs.exposure.key
    return key if key.startswith(f"{obs.lookup_id}.") else f"{obs.lookup_id}.{key}"


def _detail_key(obs: Observation) -> tuple[str, str, Exposes] | None:
    if not obs.url or not obs.matched or obs.exposure is None:
        return None
    parts = urlsplit(urldefrag(obs.url)[0])
    page = f"{(parts.hostname or '').removeprefix('www.')}{parts.path.rstrip('/')}?{parts.query}"
    return page, obs.matched.casefold(), obs.exposure.exposes


def _one_per_detail(observations: Iterable[Observation]) -> list[Observation]:
    """Found observations, each detail on each page once.

    A page the doctor listed can also come up when their name is searched: page-scan and
    search-pages then report the same mobile on the same page, which would be two findings
    and count twice in the score. The listed page's observation (page-scan) is the one kept.
    """
    found = [o for o in observations if o.outcome is Outcome.FOUND and o.exposure is not None]
    listed = {_detail_key(o) for o in found if o.lookup_id == LISTED_PAGES} - {None}
    return [o for o in found if o.lookup_id == LISTED_PAGES or _detail_key(o) not in listed]


def lookup_findings(
    observations: Iterable[Observation], titles: Mapping[str, str]
) -> list[tuple[Finding, Exposes]]:
    """One finding per exposure key; observations sharing a key become its evidence.

    Each comes with what it exposes, for the score.
    """
    grouped: dict[str, list[Observation]] = {}
    for obs in _one_per_detail(observations):
        grouped.setdefault(_finding_id(obs), []).append(obs)
    findings = []
    for finding_id, group in grouped.items():
        exp = group[0].exposure
        assert exp is not None
        worst = min((o.exposure.severity for o in group if o.exposure), key=lambda s: s.rank)
        findings.append(
            (
                Finding(
                    id=finding_id,
                    title=exp.title,
                    severity=worst,
                    axis=exp.axis,
                    status=Status.EXPOSED,
                    area=group[0].lookup_id,
                    area_title=titles.get(group[0].lookup_id, group[0].lookup_id),
                    source=f"lookup:{group[0].lookup_id}",
                    why=exp.why,
                    check=group[0].manual_check,
                    evidence=[
                        Evidence(url=o.url, snippet=o.snippet, matched=o.matched, search=o.search)
                        for o in group
                    ],
                    steps=list(exp.steps),
                    guidance=list(exp.guidance),
                    links=official_links(exp.links),
                    effort_minutes=exp.effort,
                ),
                exp.exposes,
            )
        )
    return findings


def not_checked_from(
    observations: Iterable[Observation], titles: Mapping[str, str]
) -> list[NotChecked]:
    """Every couldn't-check and skipped observation, with how to check by hand."""
    entries: list[NotChecked] = []
    counts: dict[str, int] = {}
    for obs in observations:
        if obs.outcome not in (Outcome.COULDNT_CHECK, Outcome.SKIPPED):
            continue
        counts[obs.lookup_id] = counts.get(obs.lookup_id, 0) + 1
        kind = "couldn't check" if obs.outcome is Outcome.COULDNT_CHECK else "skipped"
        entries.append(
            NotChecked(
                id=f"{obs.lookup_id}:{counts[obs.lookup_id]}",
                title=_not_checked_title(titles.get(obs.lookup_id, obs.lookup_id), obs.subject),
                reason=plain_reason(f"{kind}: {obs.reason or 'no reason given'}"),
                how_to_check=plain(obs.manual_check)
                or "Check this by hand; see the checklist for this area.",
                links=[ManualLink(label=link.label, url=link.url) for link in obs.links],
            )
        )
    return entries


def _not_checked_title(lookup_title: str, subject: str) -> str:
    return lookup_title if subject == lookup_title else f"{lookup_title}: {subject}"


def _weight(finding: Finding, exposes: Exposes) -> float:
    return (
        EXPOSURE_WEIGHT[exposes] * SEVERITY_FACTOR[finding.severity] * STATUS_FACTOR[finding.status]
    )


def penalty(weighted: Iterable[tuple[Finding, Exposes]]) -> float:
    """The summed weight, with diminishing returns within each kind of exposure."""
    by_kind: dict[Exposes, list[float]] = {}
    for finding, exposes in weighted:
        by_kind.setdefault(exposes, []).append(_weight(finding, exposes))
    return sum(
        w / rank
        for weights in by_kind.values()
        for rank, w in enumerate(sorted(weights, reverse=True), start=1)
    )


def score(weighted: Iterable[tuple[Finding, Exposes]]) -> int:
    """0-100, higher is harder to reach."""
    pairs = list(weighted)
    value = round(100 * math.exp(-penalty(pairs) / SCORE_SCALE))
    critical = any(f.severity is Severity.CRITICAL and f.status is Status.EXPOSED for f, _ in pairs)
    return min(value, CRITICAL_CAP) if critical else value


def axis_levels(weighted: list[tuple[Finding, Exposes]], coverage: Coverage) -> dict[Axis, Level]:
    """A level per axis; `unknown` where too little on that axis was checked to say "low";
    `not_checked` for findable while the name search is open: how easy a patient finds you is
    what searching your name shows, so no level can be given without it."""
    levels: dict[Axis, Level] = {}
    for axis in Axis:
        if axis is Axis.FINDABLE and coverage.name_search_open:
            levels[axis] = Level.NOT_CHECKED
            continue
        on_axis = [(f, e) for f, e in weighted if f.axis is axis]
        axis_penalty = penalty(on_axis)
        critical = any(
            f.severity is Severity.CRITICAL and f.status is Status.EXPOSED for f, _ in on_axis
        )
        if critical or axis_penalty >= 20:
            levels[axis] = Level.HIGH
        elif axis_penalty >= 5:
            levels[axis] = Level.MODERATE
        elif not coverage.enough_on(axis):
            levels[axis] = Level.UNKNOWN  # "low" after a few answers would falsely reassure
        else:
            levels[axis] = Level.LOW
    return levels


def plan_order(weighted: Sequence[tuple[Finding, Exposes]]) -> list[Finding]:
    """The one order of the action plan: severity, confirmed before unsure, then the
    exposure each minute of work removes (biggest first), then the quicker fix."""

    def key(pair: tuple[Finding, Exposes]) -> tuple[int, bool, float, int, str]:
        f, exposes = pair
        per_minute = _weight(f, exposes) / max(f.effort_minutes, 1)
        return (
            f.severity.rank,
            f.status is not Status.EXPOSED,
            -per_minute,
            f.effort_minutes,
            f.id,
        )

    return [f for f, _ in sorted(weighted, key=key)]


def top_actions(findings: Iterable[Finding], limit: int = 5) -> list[TopAction]:
    """The "do these first" list: the action plan's first actions, in its order.

    `findings` come in plan order (`plan_order`), so the list is the plan's first actions,
    numbered as in the plan (1, 2, 3...: never a gap the doctor must puzzle over).
    """
    first = [
        f
        for f in findings
        if f.severity is not Severity.INFO and f.status is not Status.COULDNT_CHECK
    ]
    return [
        TopAction(
            finding_id=f.id,
            title=f.title,
            first_step=f.steps[0],
            severity=f.severity,
            effort_minutes=f.effort_minutes,
            status=f.status,
        )
        for f in first[:limit]
    ]


def summarise(
    weighted: list[tuple[Finding, Exposes]],
    coverage: Coverage,
    answered: int,
    asked: int,
    next_step: str = "",
) -> Summary:
    """The "at a glance" block; no score while too little is answered (`Coverage`)."""
    ordered = plan_order(weighted)
    counts = {sev: sum(1 for f in ordered if f.severity is sev) for sev in Severity}
    return Summary(
        score=score(weighted) if coverage.allows_score else None,
        coverage=round(coverage.share, 3),
        checks=coverage.checks,
        checks_open=coverage.open,
        critical_open=coverage.critical_open,
        name_search_done=not coverage.name_search_open,
        next_step=next_step,
        axes=axis_levels(weighted, coverage),
        counts=counts,
        top_actions=top_actions(ordered),
        answered=answered,
        asked=asked,
        caveat=CAVEAT,
    )
