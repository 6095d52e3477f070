"""What the templates show, worked out once: section contents, grouping, labels, safe links.

The templates only lay things out. Everything that decides *what* goes in a section (which
findings a patient could find, what goes under "not checked", the action plan's groups and
times) lives here, so the HTML and Markdown copies cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from footprint.report.model import Copy, Finding, GuidanceCitation, Level, Report, Status
from footprint.vocab import Axis, Severity

SEVERITY_LABEL = {s: s.value.capitalize() for s in Severity}
LEVEL_LABEL = {
    Level.LOW: "Low",
    Level.MODERATE: "Moderate",
    Level.HIGH: "High",
    Level.UNKNOWN: "Not enough checked to say",
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


@dataclass(frozen=True)
class PlanGroup:
    """One area of the action plan."""

    title: str
    findings: list[Finding]

    @property
    def minutes(self) -> int:
        """Time for every action in this area."""
        return sum(f.effort_minutes for f in self.findings)


@dataclass(frozen=True)
class ReportView:
    """A report arranged for reading."""

    report: Report
    found_by_lookups: list[Finding]
    found_by_checklist: list[Finding]
    unsure: list[Finding]
    couldnt_check: list[Finding]
    plan: list[PlanGroup]
    guidance: dict[str, GuidanceCitation] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

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

    @property
    def patient_could_find(self) -> list[Finding]:
        """Exposed from lookups, then checklist exposures, then unsure ones."""
        return [*self.found_by_lookups, *self.found_by_checklist, *self.unsure]

    @property
    def plan_minutes(self) -> int:
        """Time for the whole action plan."""
        return sum(g.minutes for g in self.plan)

    @property
    def not_checked_count(self) -> int:
        """Everything in "What was not checked"."""
        r = self.report
        return len(self.couldnt_check) + len(r.not_checked) + len(r.unanswered) + len(r.to_finish)

    @property
    def not_checked_summary(self) -> str:
        """'2 checks could not be made and 122 questions were not answered', for the notice.

        Kept apart: "131 things could not be checked" after a short interview read as if
        footprint had failed 131 times.
        """
        checks = len(self.couldnt_check) + len(self.report.not_checked)
        questions = len(self.report.unanswered) + len(self.report.to_finish)
        parts = []
        if checks:
            parts.append(f"{checks} check{'s' if checks != 1 else ''} could not be made")
        if questions:
            were = "questions were" if questions != 1 else "question was"
            parts.append(f"{questions} {were} not answered")
        return " and ".join(parts)

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
        """False when nothing was answered or checked: 100/100 would falsely reassure."""
        known = any(level is not Level.UNKNOWN for _, level in self.axes)
        return known or bool(self.report.findings)

    def title_of(self, finding_id: str) -> str:
        """A finding's title for "since your last audit" (falls back to its id)."""
        return self.titles.get(finding_id, finding_id)


def _by_severity(findings: Iterable[Finding]) -> list[Finding]:
    # Stable: keeps assess's order (effort, source) within one severity.
    return sorted(findings, key=lambda f: f.severity.rank)


def _plan(findings: list[Finding]) -> list[PlanGroup]:
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.area_title, []).append(f)
    ordered = sorted(groups.items(), key=lambda kv: min(f.severity.rank for f in kv[1]))
    return [PlanGroup(title=t, findings=_by_severity(fs)) for t, fs in ordered]


def build_view(report: Report) -> ReportView:
    """Arrange a report into the sections the templates print."""
    exposed = [f for f in report.findings if f.status is Status.EXPOSED]
    unsure = _by_severity(f for f in report.findings if f.status is Status.UNSURE)
    couldnt = _by_severity(f for f in report.findings if f.status is Status.COULDNT_CHECK)
    lookups = _by_severity(f for f in exposed if f.source != "checklist")
    checklist = _by_severity(f for f in exposed if f.source == "checklist")
    titles = {f.id: f.title for f in [*report.findings, *report.accepted]}
    if report.since_last is not None:
        titles = {**report.since_last.titles, **titles}
    return ReportView(
        report=report,
        found_by_lookups=lookups,
        found_by_checklist=checklist,
        unsure=unsure,
        couldnt_check=couldnt,
        plan=_plan([*lookups, *checklist, *unsure]),
        guidance={g.id: g for g in report.guidance},
        titles=titles,
    )
