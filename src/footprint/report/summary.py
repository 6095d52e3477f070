"""The words every output uses for where the doctor stands: coverage, score, lookups, next step.

The HTML, the Markdown and the terminal summary after an audit say the same thing in the same
words, so they are written once, here. `summary_lines` is the terminal summary; the CLI only
prints the lines in their style.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from footprint.report.model import Report, Status
from footprint.report.nextsteps import Reader, steps_words

#: Coverage at or above which "good news" wording may appear (with nothing critical open).
HIGH_COVERAGE = 0.8

Style = Literal["plain", "strong", "warn", "dim"]
UNSURE_MARK = "not sure yet \u2014 check"


@dataclass(frozen=True)
class Line:
    """One line of the terminal summary and how to show it."""

    text: str
    style: Style = "plain"


@dataclass(frozen=True)
class LookupCounts:
    """Lookups by what really happened: ran (got an answer), could not finish, not run."""

    ran: int
    failed: int
    skipped: int


def lookup_counts(report: Report) -> LookupCounts:
    """How many lookups ran, could not finish, or were not run at all."""
    ran = failed = skipped = 0
    for lk in report.lookups:
        got = lk.outcomes.get("found", 0) + lk.outcomes.get("not_found", 0)
        if got:
            ran += 1
        elif lk.outcomes.get("couldnt_check", 0):
            failed += 1
        else:
            skipped += 1
    return LookupCounts(ran, failed, skipped)


def percent(share: float) -> str:
    """0.347 -> '35%'."""
    return f"{round(share * 100)}%"


def coverage_words(report: Report) -> str:
    """'Checked so far: 35% of what applies to you (21 of 61 checks).'"""
    s = report.summary
    done = s.checks - s.checks_open
    return f"Checked so far: {percent(s.coverage)} of what applies to you ({done} of {s.checks} checks)."


def what_ran(report: Report) -> str:
    """'35 of 157 questions answered; lookups: 6 ran, 1 could not finish, 3 not run.'"""
    s = report.summary
    text = f"{s.answered} of {s.asked} questions answered"
    if report.to_finish:  # a quick audit: most of the open ones were never put, by design
        text += f" ({len(report.to_finish)} of them left to finish at home after this quick audit)"
    if report.lookups:
        c = lookup_counts(report)
        text += f"; lookups: {c.ran} ran, {c.failed} could not finish, {c.skipped} not run"
    else:
        text += "; no lookups ran"
    return text + "."


def name_search_words(report: Report) -> str:
    """What to say while the search of the doctor's name is not done ('' once it is)."""
    if report.summary.name_search_done:
        return ""
    return (
        "Your name was not searched, and that is the first thing a patient does, so this "
        "report cannot say how easy you are to find. Run those searches yourself with the "
        'ready-made links under "What is still open".'
    )


def score_words(report: Report) -> str:
    """Where the doctor stands, or why there is no score yet."""
    s = report.summary
    if s.score is None:
        if not s.name_search_done:
            why = "the search of your name was not done"
        elif s.critical_open:
            why = (
                f"{s.critical_open} critical question{'s' if s.critical_open != 1 else ''} still"
                " open (not answered, or answered not sure)"
            )
        else:
            why = "too little has been checked for a score to mean anything"
        return f"No score yet: {why}. A score now would look better than things may be."
    text = (
        f"Where you stand: {s.score} out of 100 on what was checked "
        "(higher means harder for a patient to reach you)."
    )
    if report.response_plan.active:
        text += " It does not make you safe: a patient is already contacting you, so follow the"
        text += " steps for that first."
    return text


def may_reassure(report: Report) -> bool:
    """ "Good news" wording only with high coverage, nothing critical open and no patient
    contacting the doctor now."""
    s = report.summary
    return (
        s.coverage >= HIGH_COVERAGE
        and s.critical_open == 0
        and s.score is not None
        and s.name_search_done
        and not report.response_plan.active
    )


def score_change_text(old: int | None, new: int | None) -> str:
    """'Score: 41 -> 62 (+21; higher is harder to reach)', or why there is no comparison."""
    if old is None or new is None:
        shown = " -> ".join("no score" if v is None else str(v) for v in (old, new))
        return f"Score: {shown} (one of the audits had too little answered to compare scores)"
    change = new - old
    sign = "+" if change >= 0 else ""
    return f"Score: {old} -> {new} ({sign}{change}; higher is harder to reach)"


def action_title(title: str, status: Status) -> str:
    """A finding's title, marked when the doctor was not sure."""
    return f"{title} ({UNSURE_MARK})" if status is Status.UNSURE else title


def next_step_words(report: Report, reader: Reader) -> list[str]:
    """What to do next, worded for `reader`; a report from before next steps were data gives
    its one sentence while checks are open."""
    if report.next_steps:
        return steps_words(report.next_steps, reader)
    return [report.summary.next_step] if report.summary.checks_open else []


def summary_lines(report: Report, reader: Reader = Reader.TERMINAL) -> list[Line]:
    """The terminal summary after an audit, most urgent first."""
    s = report.summary
    lines = [Line("")]
    if report.response_plan.active:
        lines.append(
            Line(
                "A patient is contacting you: your report starts with what to do now. "
                "If you are in danger, call the emergency services.",
                "warn",
            )
        )
    lines.append(Line(score_words(report), "strong"))
    if not s.name_search_done:
        lines.append(Line("  " + name_search_words(report), "warn"))
    lines.append(Line("  " + coverage_words(report)))
    if s.checks_open:
        lines.append(Line("  " + s.next_step, "warn"))
    lines.extend(Line(f"    - {words}") for words in steps_words(report.next_steps, reader))
    lines.append(Line("  " + what_ran(report)))
    lines.append(
        Line(
            "  "
            + "   ".join(
                f"{axis.value}: {level.value.replace('_', ' ')}" for axis, level in s.axes.items()
            )
        )
    )
    counts = ", ".join(f"{n} {sev.value}" for sev, n in s.counts.items() if n)
    lines.append(Line(f"  {len(report.findings)} findings ({counts or 'none'})"))
    if report.since_last is not None:
        last = report.since_last
        lines.append(
            Line(
                f"  Since your last audit ({last.previous_date:%d %b %Y}): "
                f"{score_change_text(last.previous_score, s.score)}; {len(last.fixed)} fixed, "
                f"{len(last.new)} new, {len(last.unchanged)} still open"
            )
        )
    if s.top_actions:
        lines.append(Line(""))
        lines.append(Line("Do these first:", "strong"))
        for n, action in enumerate(s.top_actions, start=1):
            title = action_title(action.title, action.status)
            lines.append(Line(f"  {n}. [{action.severity.value}] {title}"))
            lines.append(Line(f"     {action.first_step} (~{action.effort_minutes} min)"))
    if s.score is not None:  # the caveat qualifies a score; without one it is noise
        lines.append(Line(""))
        lines.append(Line(s.caveat, "dim"))
    return lines
