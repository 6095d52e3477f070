"""What the templates show, worked out once: section contents, grouping, labels, safe links.

The templates only lay things out. Everything that decides *what* goes in a section (the
action plan's numbering, its evidence labels, the area view, what goes under "not checked",
the emergency number) lives here, so the HTML and Markdown copies cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from footprint.model.vocab import Axis, Severity, emergency_number
from footprint.report import summary
from footprint.report.actions import EvidenceRef, PlanItem, host_of, number_plan
from footprint.report.model import (
    Copy,
    Finding,
    GuidanceCitation,
    Level,
    NextStep,
    NextStepKind,
    Report,
    ResponsePlanStep,
    Status,
    Unanswered,
)
from footprint.report.nextsteps import Reader, step_words

SEVERITY_LABEL = {s: s.value.capitalize() for s in Severity}
LEVEL_LABEL = {
    Level.LOW: "Low",
    Level.MODERATE: "Moderate",
    Level.HIGH: "High",
    Level.UNKNOWN: "Not enough checked to say",
    Level.NOT_CHECKED: "Not checked (your name was not searched)",
}
AXIS_LABEL = {
    Axis.FINDABLE: ("Findable", "Could a patient find your personal accounts and details?"),
    Axis.CONTACTABLE: ("Contactable", "Could a patient reach you outside work?"),
    Axis.LOCATABLE: ("Locatable", "Could a patient find where you live or are?"),
}
ROLE_LABEL = {
    "gp": "GP",
    "hospital": "Hospital doctor",
    "private": "Private practice",
    "locum": "Locum",
    "other": "Doctor",
}
COPY_HEADER = {
    Copy.MEMBER: None,
    Copy.MASKED: "Masked copy: personal contact details are partly hidden",
    Copy.ADVISER: "Adviser copy \u2014 no personal identifiers",
}
SAFE_SCHEMES = frozenset({"http", "https"})
_UNSAFE_CHARS = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")


def safe_url(url: object) -> str | None:
    """The URL if it may become a link (http/https with a host, no odd characters), else None.

    URLs come from fetched pages and must never smuggle in `javascript:` or `data:` links.
    """
    if not isinstance(url, str) or not url or _UNSAFE_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.hostname:
        return None
    return url


def format_date(value: datetime | None, with_time: bool = True) -> str:
    """'21 November 2026, 14:05 UTC': unambiguous for UK and US readers alike."""
    if value is None:
        return ""
    text = f"{value.day} {value:%B %Y}"
    if with_time:
        text += f", {value:%H:%M}"
        if value.tzname():
            text += f" {value.tzname()}"
    return text


def role_label(value: str) -> str:
    """'gp' -> 'GP'; unknown roles as written."""
    return ROLE_LABEL.get(value, value)


def minutes(value: int) -> str:
    """'15 min', '1 h 30 min'."""
    hours, mins = divmod(max(value, 0), 60)
    if not hours:
        return f"{mins} min"
    return f"{hours} h {mins} min" if mins else f"{hours} h"


OUTCOME_LABEL = {
    "found": "found",
    "not_found": "not found",
    "couldnt_check": "could not check",
    "skipped": "not run",
}
UNSURE_MARK = summary.UNSURE_MARK
DANGER_STEPS = 3  # response-plan steps shown in the box on page one


_CALL_STEP = re.compile(r"^if you are in danger\b", re.IGNORECASE)


def _says_call(step: ResponsePlanStep) -> bool:
    return bool(_CALL_STEP.search(step.title))


@dataclass(frozen=True)
class AreaCount:
    """Unanswered questions in one area."""

    title: str
    count: int
    critical: int


@dataclass(frozen=True)
class ReportView:
    """A report arranged for reading."""

    report: Report
    plan: list[PlanItem]
    couldnt_check: list[Finding]
    guidance: dict[str, GuidanceCitation] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    reader: Reader = Reader.TERMINAL

    @property
    def header(self) -> str | None:
        """The copy's banner ('Adviser copy — no personal identifiers'), if any."""
        return COPY_HEADER[self.report.copy_kind]

    def lookup_title(self, lookup_id: str) -> str:
        """A lookup's plain title ("Pages about you") for the consent record; else its id."""
        return next((lk.title for lk in self.report.lookups if lk.id == lookup_id), lookup_id)

    @property
    def is_adviser(self) -> bool:
        """Adviser copies leave evidence out; the templates say so once."""
        return self.report.copy_kind == Copy.ADVISER

    # -- page one ------------------------------------------------------------------------

    @property
    def emergency(self) -> str:
        """The emergency number for the doctor's country."""
        return emergency_number(self.report.subject.jurisdiction)

    @property
    def danger_steps(self) -> list[ResponsePlanStep]:
        """The response plan's first steps, for the box on page one. The box says once, at
        its top, whom to call in danger: a plan step saying the same is left out there."""
        steps = [s for s in self.report.response_plan.steps if not _says_call(s)]
        return steps[:DANGER_STEPS]

    @property
    def plan_says_call(self) -> bool:
        """Whether a step of the plan itself says whom to call in danger (so its introduction
        need not say it again)."""
        return any(_says_call(s) for s in self.report.response_plan.steps)

    @property
    def coverage_words(self) -> str:
        """'Checked so far: 35% of what applies to you (21 of 61 checks).'"""
        return summary.coverage_words(self.report)

    @property
    def coverage_percent(self) -> int:
        """0-100, for the bar."""
        return round(self.report.summary.coverage * 100)

    @property
    def score_words(self) -> str:
        """Where the doctor stands, or why there is no score yet."""
        return summary.score_words(self.report)

    @property
    def name_search_words(self) -> str:
        """Why the name search matters, while it is not done ('' once it is)."""
        return summary.name_search_words(self.report)

    @property
    def what_ran(self) -> str:
        """What really ran: questions answered, lookups that ran, failed, were not run."""
        return summary.what_ran(self.report)

    @property
    def may_reassure(self) -> bool:
        """Whether "good news" wording may appear (see summary.may_reassure)."""
        return summary.may_reassure(self.report)

    @property
    def next_steps(self) -> list[str]:
        """What to do next, in words for this reader (see report/nextsteps.py)."""
        return summary.next_step_words(self.report, self.reader)

    @property
    def finish_at_home(self) -> str:
        """How to answer a quick audit's remaining questions, in words for this reader."""
        r = self.report
        step = next((s for s in r.next_steps if s.kind is NextStepKind.FINISH_AT_HOME), None)
        if step is None:  # a report from before next steps were data
            args = {"count": str(len(r.to_finish))}
            if r.session_id:
                args["session_id"] = r.session_id
            step = NextStep(kind=NextStepKind.FINISH_AT_HOME, args=args)
        return step_words(step, self.reader)

    @property
    def questions_to_list(self) -> list[Unanswered]:
        """The member's copy lists every open question one by one (the session that holds them
        is on the adviser's computer); other readers carry on in footprint and see counts."""
        if self.reader is not Reader.MEMBER:
            return []
        open_ = [*self.report.unanswered, *self.report.to_finish]
        return [q for q in open_ if not q.skipped]

    @property
    def skipped_words(self) -> list[str]:
        """'You don't use Facebook', once per skipped area (older reports marked each question)."""
        older = [*self.report.unanswered, *self.report.to_finish]
        titles = [a.title for a in self.report.skipped]
        titles += [q.area_title for q in older if q.skipped and q.area_title]
        return [f"You don't use {t}" for t in dict.fromkeys(titles)]

    @property
    def shows_session(self) -> bool:
        """The session id is printed only where its session lives: never in the member's copy
        of an adviser call."""
        return self.reader is not Reader.MEMBER and self.report.session_id is not None

    def help_links(self, urls: list[str], keep_all: bool = False) -> list[tuple[str, str]]:
        """(url, label) for help pages, each site named once: "gov.uk, gov.uk" told the doctor
        nothing. A finding's other pages on the same site are under "Help pages"; with
        `keep_all` (the response plan, which has no such list) they stay, as "gov.uk (page 2)"."""
        seen: dict[str, int] = {}
        links = []
        for url in urls:
            site = host_of(url)
            seen[site] = seen.get(site, 0) + 1
            if seen[site] == 1:
                links.append((url, site))
            elif keep_all:
                links.append((url, f"{site} (page {seen[site]})"))
        return links

    def guidance_of(self, finding: Finding) -> list[GuidanceCitation]:
        """The guidance a finding cites, each publisher once ("MDU, MDU" read as a mistake);
        every source is listed under "Sources of guidance"."""
        by_publisher: dict[str, GuidanceCitation] = {}
        for gid in finding.guidance:
            if gid in self.guidance:
                by_publisher.setdefault(self.guidance[gid].publisher, self.guidance[gid])
        return list(by_publisher.values())

    def number_of(self, finding_id: str) -> int | None:
        """An action's number in the plan."""
        return next((i.number for i in self.plan if i.finding.id == finding_id), None)

    # -- the plan and the short lists ------------------------------------------------------

    @property
    def plan_minutes(self) -> int:
        """Time for the whole action plan."""
        return sum(i.finding.effort_minutes for i in self.plan)

    @property
    def by_area(self) -> list[tuple[str, list[int]]]:
        """The secondary view: each area and its actions' numbers."""
        areas: dict[str, list[int]] = {}
        for item in self.plan:
            areas.setdefault(item.finding.area_title, []).append(item.number)
        return list(areas.items())

    @property
    def evidence(self) -> list[EvidenceRef]:
        """Every piece of evidence, for the appendix."""
        return [ref for item in self.plan for ref in item.evidence]

    @property
    def help_pages(self) -> list[tuple[str, str]]:
        """Each help page once, with the actions it helps ('3, 6'): printed URLs."""
        pages: dict[str, list[str]] = {}
        for item in self.plan:
            for url in item.finding.links:
                pages.setdefault(url, []).append(str(item.number))
        return [(", ".join(numbers), url) for url, numbers in pages.items()]

    @property
    def unanswered_by_area(self) -> list[AreaCount]:
        """Unanswered questions counted by area, areas with critical ones first."""
        areas: dict[str, list[Severity]] = {}
        for q in self.report.unanswered:
            areas.setdefault(q.area_title or "Other questions", []).append(q.severity)
        counts = [
            AreaCount(t, len(sevs), sum(1 for s in sevs if s is Severity.CRITICAL))
            for t, sevs in areas.items()
        ]
        return sorted(counts, key=lambda a: (-a.critical, -a.count, a.title))

    @property
    def unanswered_critical(self) -> list[Unanswered]:
        """The critical questions not answered: they keep the score back."""
        return [q for q in self.report.unanswered if q.severity is Severity.CRITICAL]

    @property
    def critical_still_open(self) -> list[str]:
        """What `summary.critical_open` counts, by name: critical questions not answered, then
        the critical items answered "not sure" (as their finding, marked)."""
        unsure = [
            summary.action_title(i.finding.title, Status.UNSURE) for i in self.unsure_critical
        ]
        return [q.question for q in self.unanswered_critical] + unsure

    @property
    def unsure_critical(self) -> list[PlanItem]:
        """Critical items answered "unsure": they keep the score back too."""
        return [i for i in self.plan if i.unsure and i.finding.severity is Severity.CRITICAL]

    @property
    def not_checked_count(self) -> int:
        """Everything in "What was not checked"."""
        r = self.report
        return len(self.couldnt_check) + len(r.not_checked) + len(r.unanswered) + len(r.to_finish)

    @property
    def counts(self) -> list[tuple[Severity, int]]:
        """Counts by severity, most serious first."""
        return [(s, self.report.summary.counts.get(s, 0)) for s in Severity]

    @property
    def axes(self) -> list[tuple[Axis, Level]]:
        """Per-axis levels in a fixed order."""
        return [(a, self.report.summary.axes.get(a, Level.UNKNOWN)) for a in Axis]

    @property
    def scored(self) -> bool:
        """Whether there is a score to show (None while coverage is too low)."""
        return self.report.summary.score is not None

    @property
    def score_change(self) -> str:
        """'Score: 41 -> 62 (+21; ...)' against the last audit, or why there is none."""
        last = self.report.since_last
        if last is None:
            return ""
        return summary.score_change_text(last.previous_score, self.report.summary.score) + "."

    def title_of(self, finding_id: str) -> str:
        """A finding's title for "since your last audit" (falls back to its id)."""
        return self.titles.get(finding_id, finding_id)


def build_view(report: Report, reader: Reader = Reader.TERMINAL) -> ReportView:
    """Arrange a report into the sections the templates print.

    The plan keeps the report's order (assess.plan_order: severity, confirmed before unsure,
    exposure removed per minute); "Do these first" is its first actions.
    """
    actionable = [f for f in report.findings if f.status is not Status.COULDNT_CHECK]
    couldnt = [f for f in report.findings if f.status is Status.COULDNT_CHECK]
    titles = {f.id: f.title for f in [*report.findings, *report.accepted]}
    if report.since_last is not None:
        titles = {**report.since_last.titles, **titles}
    return ReportView(
        report=report,
        plan=number_plan(actionable),
        couldnt_check=couldnt,
        guidance={g.id: g for g in report.guidance},
        titles=titles,
        reader=reader,
    )
