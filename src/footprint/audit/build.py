"""The state an audit accumulates, and turning it into a Report.

The engine (`footprint.audit.engine`) drives the steps; this module holds what they produce
and builds the report. It never prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone

from footprint import __version__
from footprint.audit.answers import RESPONSE_ID
from footprint.audit.assess import (
    checklist_findings,
    lookup_findings,
    not_checked_from,
    plan_order,
    summarise,
)
from footprint.audit.coverage import NAME_SEARCH, Coverage, measure, next_step
from footprint.audit.diff import since_last
from footprint.content.checklists import Catalogue, ChecklistItem, response_steps_for
from footprint.model.consent import ConsentRecord
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import UK_NATIONS, Profile
from footprint.model.vocab import Answer, Exposes
from footprint.report.links import official_links
from footprint.report.model import (
    Finding,
    GuidanceCitation,
    LookupSummary,
    NextStep,
    NextStepKind,
    Report,
    ResponsePlanSection,
    ResponsePlanStep,
    SkippedArea,
    Status,
    Subject,
    Unanswered,
)
from footprint.report.plain import plain

#: How long before a doctor with every check answered should look again.
REAUDIT_MONTHS = 3
# Why a lookup did not run, when running it online with consent would fix it: the runner's
# "no consent" and the engine's offline reason ("not run, because this audit was offline").
_NOT_RUN = re.compile(r"^no consent$|\boffline\b")
# Why a lookup could not run for want of a detail in the profile ("no domains in your profile").
_NEEDS_PROFILE = re.compile(r"\bin your profile\b")


@dataclass
class AuditState:
    """Everything an audit has gathered so far (mirrors what the store keeps)."""

    profile: Profile
    session_id: str | None = None
    answers: dict[str, Answer] = field(default_factory=dict)
    observations: list[Observation] = field(default_factory=list)
    consents: list[ConsentRecord] = field(default_factory=list)
    lookup_runs: dict[str, tuple[float, list[str]]] = field(default_factory=dict)
    lookup_titles: dict[str, str] = field(default_factory=dict)
    accepted: set[str] = field(default_factory=set)
    adviser: str | None = None
    case: str | None = None
    skipped_areas: set[str] = field(default_factory=set)
    quick_ids: list[str] | None = None  # a quick audit's questions; the rest: to finish at home


@dataclass(frozen=True)
class Previous:
    """An earlier finished audit of the same doctor."""

    session_id: str
    date: datetime
    report: Report


def response_plan_section(catalogue: Catalogue, state: AuditState) -> ResponsePlanSection:
    """The plan; active (shown first) when the doctor said yes or unsure."""
    plan = catalogue.response_plan
    steps = [
        ResponsePlanStep(
            title=s.title,
            detail=s.detail,
            guidance=list(s.guidance),
            links=official_links(str(u) for u in s.links),
        )
        for s in response_steps_for(plan, state.profile)
    ]
    active = state.answers.get(RESPONSE_ID) in (Answer.YES, Answer.UNSURE)
    return ResponsePlanSection(
        active=active, title=plan.title, intro=plan.intro, first=plan.first, steps=steps
    )


def _lookup_summaries(state: AuditState) -> list[LookupSummary]:
    ids = list(dict.fromkeys([*state.lookup_runs, *(o.lookup_id for o in state.observations)]))
    summaries = []
    for lookup_id in ids:
        outcomes = {o.value: 0 for o in Outcome}
        for obs in state.observations:
            if obs.lookup_id == lookup_id:
                outcomes[obs.outcome.value] += 1
        duration, errors = state.lookup_runs.get(lookup_id, (0.0, []))
        mine = [o for o in state.observations if o.lookup_id == lookup_id]
        summaries.append(
            LookupSummary(
                id=lookup_id,
                title=state.lookup_titles.get(lookup_id, lookup_id),
                outcomes=outcomes,
                duration_s=round(duration, 2),
                errors=[plain(e) for e in errors],
                engines=_detail_values(mine, "engine"),
                notes=_detail_values(mine, "retired"),
            )
        )
    return summaries


def _detail_values(observations: list[Observation], key: str) -> list[str]:
    """Each distinct value of `details[key]`, in first-seen order (e.g. engines that answered)."""
    return list(dict.fromkeys(o.details[key] for o in observations if key in o.details))


def build_report(
    catalogue: Catalogue,
    items: list[ChecklistItem],
    state: AuditState,
    previous: Previous | None = None,
) -> Report:
    """Assess everything gathered and build the member's report.

    An area the doctor skipped ("I don't use Facebook") does not apply, like a platform that is
    not in the profile: its questions are not counted open, its answers make no finding and no
    action, and the report lists it once under `skipped`.
    """
    skipped = _skipped_areas(catalogue, items, state)
    items = [i for i in items if i.area not in state.skipped_areas]
    observations = _outside_skipped_areas(state)
    exposes: dict[str, Exposes] = {i.id: i.exposes for i in items}
    from_lookups = lookup_findings(observations, state.lookup_titles)
    exposes.update({f.id: e for f, e in from_lookups})
    findings = [f for f, _ in from_lookups] + checklist_findings(catalogue, items, state.answers)
    open_findings = [f for f in findings if f.id not in state.accepted]
    accepted = [f for f in findings if f.id in state.accepted]
    weighted = [(f, exposes.get(f.id, Exposes.IDENTITY)) for f in open_findings]
    answered = sum(1 for i in items if i.id in state.answers)
    coverage = measure(items, state.answers, observations)
    summary = summarise(
        weighted, coverage, answered, len(items), next_step(coverage, state.session_id)
    )
    plan = response_plan_section(catalogue, state)
    unanswered = _open_questions(catalogue, items, state, to_finish=False)
    to_finish = _open_questions(catalogue, items, state, to_finish=True)
    not_checked = not_checked_from(observations, state.lookup_titles)
    report = Report(
        generated_at=datetime.now(timezone.utc).replace(microsecond=0),
        tool_version=__version__,
        session_id=state.session_id,
        subject=Subject(
            name=state.profile.masked_name,
            role=state.profile.role.value,
            jurisdiction=state.profile.jurisdiction.value,
            specialty=state.profile.specialty,
            nation=state.profile.region if state.profile.region in UK_NATIONS else None,
        ),
        adviser=state.adviser,
        case=state.case,
        summary=summary,
        findings=plan_order(weighted),
        accepted=accepted,
        lookups=_lookup_summaries(state),
        consents=[c.model_copy(update={"sentence": plain(c.sentence)}) for c in state.consents],
        unanswered=unanswered,
        to_finish=to_finish,
        skipped=skipped,
        answered=[i.id for i in items if i.id in state.answers],
        not_checked=not_checked,
        response_plan=plan,
        guidance=_citations(catalogue, findings, plan),
        next_steps=next_steps(
            state,
            coverage,
            plan_active=plan.active,
            unanswered=len(unanswered),
            to_finish=len(to_finish),
            by_hand=len(not_checked) + sum(f.status is Status.COULDNT_CHECK for f in findings),
        ),
    )
    if previous is not None:
        report = report.model_copy(
            update={
                "since_last": since_last(
                    previous.report, previous.session_id, previous.date, report
                )
            }
        )
    return report


def next_steps(
    state: AuditState,
    coverage: Coverage,
    *,
    plan_active: bool,
    unanswered: int,
    to_finish: int,
    by_hand: int,
) -> list[NextStep]:
    """What to do next, most urgent first, as data: each face words it for its reader."""
    if coverage.checks == 0:
        return [NextStep(kind=NextStepKind.START_AUDIT)]
    session = {"session_id": state.session_id} if state.session_id else {}
    steps: list[NextStep] = []
    if plan_active:
        steps.append(NextStep(kind=NextStepKind.START_LOG))
    steps += _question_steps(unanswered, to_finish, session)
    steps += _lookup_steps(state.observations, coverage, by_hand)
    if coverage.open == 0:
        steps.append(NextStep(kind=NextStepKind.REAUDIT, args={"months": str(REAUDIT_MONTHS)}))
    return steps


def _question_steps(unanswered: int, to_finish: int, session: dict[str, str]) -> list[NextStep]:
    """Next steps for open questions: this sitting's first (a resume asks a quick audit's own
    questions before its list to finish at home), then that list. With no session kept, one
    new audit answers them all."""
    if not session:
        everything = unanswered + to_finish
        if not everything:
            return []
        return [NextStep(kind=NextStepKind.START_AUDIT, args={"count": str(everything)})]
    steps: list[NextStep] = []
    if unanswered:
        args = {"count": str(unanswered), **session}
        steps.append(NextStep(kind=NextStepKind.CARRY_ON, args=args))
    if to_finish:
        args = {"count": str(to_finish), **session}
        steps.append(NextStep(kind=NextStepKind.FINISH_AT_HOME, args=args))
    return steps


def _lookup_steps(
    observations: list[Observation], coverage: Coverage, by_hand: int
) -> list[NextStep]:
    """Next steps for lookups: the name search, lookups not run, details the profile lacks,
    and checking by hand what could not be checked."""
    skipped = [o for o in observations if o.outcome is Outcome.SKIPPED]
    not_run = {o.lookup_id for o in skipped if _NOT_RUN.search(o.reason or "")}
    needs_profile = {o.lookup_id for o in skipped if _NEEDS_PROFILE.search(o.reason or "")}
    searched = any(o.lookup_id == NAME_SEARCH for o in observations)
    steps: list[NextStep] = []
    if searched and coverage.name_search_open:
        steps.append(NextStep(kind=NextStepKind.SAVE_RESULTS_PAGE))
    if not_run:
        steps.append(NextStep(kind=NextStepKind.RUN_ONLINE, args={"count": str(len(not_run))}))
    if needs_profile:
        args = {"count": str(len(needs_profile))}
        steps.append(NextStep(kind=NextStepKind.ADD_TO_PROFILE, args=args))
    if by_hand:
        steps.append(NextStep(kind=NextStepKind.CHECK_BY_HAND, args={"count": str(by_hand)}))
    return steps


def _outside_skipped_areas(state: AuditState) -> list[Observation]:
    """Observations that belong to no skipped area: a check to do by hand on Facebook is no
    use to a doctor who said they don't use Facebook."""
    return [o for o in state.observations if o.details.get("checklist") not in state.skipped_areas]


def _skipped_areas(
    catalogue: Catalogue, items: list[ChecklistItem], state: AuditState
) -> list[SkippedArea]:
    """Each skipped area that has questions in this audit, once, in checklist order."""
    first = {i.area: i.id for i in reversed(items) if i.area in state.skipped_areas}
    ordered = dict.fromkeys(i.area for i in items if i.area in first)
    return [SkippedArea(area=a, title=catalogue.file_of(first[a]).title) for a in ordered]


def _open_questions(
    catalogue: Catalogue, items: list[ChecklistItem], state: AuditState, *, to_finish: bool
) -> list[Unanswered]:
    """Questions without an answer: asked-for ones, or (quick audit) those left for home."""
    quick = set(state.quick_ids) if state.quick_ids is not None else None
    return [
        Unanswered(
            id=i.id,
            question=i.question,
            severity=i.severity,
            area_title=catalogue.file_of(i.id).title,
        )
        for i in items
        if i.id not in state.answers and (quick is not None and i.id not in quick) == to_finish
    ]


def _citations(
    catalogue: Catalogue, findings: list[Finding], plan: ResponsePlanSection
) -> list[GuidanceCitation]:
    used = dict.fromkeys(
        [g for f in findings for g in f.guidance] + [g for s in plan.steps for g in s.guidance]
    )
    refs = [catalogue.guidance[g] for g in used if g in catalogue.guidance]
    return [
        GuidanceCitation(
            id=r.id,
            publisher=r.publisher,
            title=r.title,
            url=str(r.url),
            date=r.date,
            summary=r.summary,
        )
        for r in refs
    ]
