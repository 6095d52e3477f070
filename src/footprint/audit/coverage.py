"""How much of what applies to this doctor got a real answer, and whether a score may be shown.

A check is one checklist question that applies, or one thing a lookup tried to check (a page,
a search, a register entry: one lookup subject). It is covered by a real answer: yes, no or
n/a to a question; found or not found from a lookup. Unsure, unanswered, couldn't-check and
skipped are open. Checks are weighted by severity, so a critical question left open weighs
more than a low one. A lookup skipped because it does not apply here (the US register for a
UK doctor) is not a check at all.

Every lookup that applies is a check whether or not it ran: offline, refused, without its
key or failed, it is open (an audit with every question answered "no" and no lookup run once
read "100% checked, 100/100, good news"). Weights per check:

- a question: its severity (critical 5, high 3, medium 2, low 1, info 0.5);
- one search of the doctor's name (`NAME_SEARCH`, each query a patient would type): 5, like
  a critical question, because searching the name is the first thing a patient does;
- any other lookup subject (a page, a register entry, an account): 3, like a high question.

The score is withheld while coverage is below `MIN_COVERAGE`, while any critical question is
unanswered or unsure, or while the name search is open (no search of the name got an
answer): 5 answers and a row of failed lookups once scored 100/100.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from footprint.content.checklists import ChecklistItem
from footprint.model.observation import Observation, Outcome
from footprint.model.vocab import Answer, Axis, Severity

MIN_COVERAGE = 0.6
WEIGHT: dict[Severity, float] = {
    Severity.CRITICAL: 5.0,
    Severity.HIGH: 3.0,
    Severity.MEDIUM: 2.0,
    Severity.LOW: 1.0,
    Severity.INFO: 0.5,
}
#: A lookup check weighs like a high question: each finds public details a patient can use.
LOOKUP_SEVERITY = Severity.HIGH
#: The lookup that searches the doctor's name as a patient would; each search weighs critical.
NAME_SEARCH = "web-search"
NAME_SEARCH_SEVERITY = Severity.CRITICAL
REAL_ANSWERS = frozenset({Answer.YES, Answer.NO, Answer.NA})
# Skip reasons that mean "this does not apply to you" rather than "this was not done".
_DOES_NOT_APPLY = re.compile(r"\bcovers\b.*\bonly\b|\bdoes not apply\b|\bnot applicable\b")


@dataclass(frozen=True)
class Check:
    """One applicable check and whether it got a real answer."""

    severity: Severity
    axis: Axis
    covered: bool
    kind: Literal["question", "lookup", "name-search"] = "question"


@dataclass(frozen=True)
class Coverage:
    """Coverage over a set of checks."""

    checks_list: list[Check] = field(default_factory=list)

    @property
    def checks(self) -> int:
        """How many checks apply."""
        return len(self.checks_list)

    @property
    def open(self) -> int:
        """Checks without a real answer."""
        return sum(1 for c in self.checks_list if not c.covered)

    @property
    def critical_open(self) -> int:
        """Critical questions that apply and are unanswered or unsure."""
        return sum(
            1
            for c in self.checks_list
            if not c.covered and c.severity is Severity.CRITICAL and c.kind == "question"
        )

    @property
    def name_search_open(self) -> bool:
        """True until at least one search of the doctor's name ran and got an answer."""
        return not any(c.covered for c in self.checks_list if c.kind == "name-search")

    @property
    def share(self) -> float:
        """0-1, severity-weighted; 0 when nothing applies (nothing was checked)."""
        return _share(self.checks_list)

    def on_axis(self, axis: Axis) -> float:
        """The share for one axis."""
        return _share([c for c in self.checks_list if c.axis is axis])

    def enough_on(self, axis: Axis) -> bool:
        """Whether enough was checked on `axis` to call it low. Never while the name search is
        open: what a patient finds by searching the name (a people-search listing, a home
        address, a personal profile) bears on every axis."""
        if self.name_search_open:
            return False
        return self.on_axis(axis) >= MIN_COVERAGE

    @property
    def allows_score(self) -> bool:
        """A score means something only with enough answered, no critical question open and
        the name search done."""
        return self.share >= MIN_COVERAGE and self.critical_open == 0 and not self.name_search_open


def _share(checks: list[Check]) -> float:
    total = sum(WEIGHT[c.severity] for c in checks)
    if not total:
        return 0.0
    return sum(WEIGHT[c.severity] for c in checks if c.covered) / total


def question_checks(items: Iterable[ChecklistItem], answers: Mapping[str, Answer]) -> list[Check]:
    """One check per applicable question."""
    return [Check(i.severity, i.axis, answers.get(i.id) in REAL_ANSWERS) for i in items]


def lookup_checks(observations: Iterable[Observation]) -> list[Check]:
    """One check per lookup subject; covered when any observation of it is found/not found."""
    subjects: dict[tuple[str, str], list[Observation]] = {}
    for obs in observations:
        subjects.setdefault((obs.lookup_id, obs.subject), []).append(obs)
    checks = []
    for group in subjects.values():
        if all(_does_not_apply(o) for o in group):
            continue
        covered = any(o.outcome in (Outcome.FOUND, Outcome.NOT_FOUND) for o in group)
        axis = next((o.exposure.axis for o in group if o.exposure is not None), Axis.FINDABLE)
        if group[0].lookup_id == NAME_SEARCH:
            checks.append(Check(NAME_SEARCH_SEVERITY, axis, covered, "name-search"))
        else:
            checks.append(Check(LOOKUP_SEVERITY, axis, covered, "lookup"))
    return checks


def _does_not_apply(obs: Observation) -> bool:
    return obs.outcome is Outcome.SKIPPED and bool(_DOES_NOT_APPLY.search(obs.reason or ""))


def measure(
    items: Iterable[ChecklistItem],
    answers: Mapping[str, Answer],
    observations: Iterable[Observation],
) -> Coverage:
    """Coverage of an audit: its questions and its lookups' checks."""
    return Coverage(question_checks(items, answers) + lookup_checks(observations))


def next_step(coverage: Coverage, session_id: str | None) -> str:
    """'42 of 61 checks still open: answer the remaining questions, ...', for any reader.

    No command and no pointer to a session: the same sentence is read in the terminal, in the
    browser and in the member's copy of an adviser call (`Report.next_steps` has the routes).
    """
    if coverage.checks == 0:
        return "Nothing was checked yet: start an audit."
    if coverage.open == 0:
        return "Every check that applies got an answer. Run the audit again every few months."
    if not any(c.kind == "question" and not c.covered for c in coverage.checks_list):
        # Every question answered: "answer them" would send the doctor round again for nothing.
        return (
            f"{coverage.open} of {coverage.checks} checks still open, all of them lookups that "
            "did not run or could not finish: check them by hand with the links and steps under "
            '"What is still open", or run the audit again online and agree to them.'
        )
    answer = (
        "answer the remaining questions"
        if session_id
        else "answer them in a new audit (nothing from this one was kept)"
    )
    return (
        f"{coverage.open} of {coverage.checks} checks still open: {answer}, and check by hand "
        "what footprint could not check."
    )
