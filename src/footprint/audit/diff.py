"""Re-audits: what was fixed, what is new and what is unchanged between two audits.

Finding ids are stable across runs (checklist item ids; lookup exposure keys), so the sets of
open findings can be compared by id. A finding that is gone is "fixed" only when the newer
audit looked again: its question was answered, or its lookup ran and got a real answer. A
question skipped (`--quick`, `--no-input`, stopped early) or a lookup that was refused,
blocked or timed out says nothing, and calling that "fixed" would falsely reassure; such
findings are listed as not checked this time. Accepted findings count as neither open nor fixed.

Comparing two different doctors' reports would read as a list of fixes and new exposures that
mean nothing, so `subject_differences` says when the reports' subjects do not match.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from footprint.report.mask import mask_name
from footprint.report.model import Finding, Report, SinceLast, Status, Subject


@dataclass(frozen=True)
class ReportDiff:
    """The difference between an older and a newer report."""

    old_score: int | None  # None: that audit had too little answered to score
    new_score: int | None
    fixed: list[Finding]
    new: list[Finding]
    unchanged: list[Finding]
    not_rechecked: list[Finding]  # open before; the newer audit did not look again

    @property
    def score_change(self) -> int | None:
        """Positive when the doctor became harder to reach; None unless both were scored."""
        if self.old_score is None or self.new_score is None:
            return None
        return self.new_score - self.old_score


def _open(report: Report) -> dict[str, Finding]:
    return {f.id: f for f in report.findings if f.status is not Status.COULDNT_CHECK}


def rechecked(finding: Finding, report: Report) -> bool:
    """Whether `report` looked at this finding's question or lookup again."""
    if finding.source.startswith("lookup:"):
        lookup_id = finding.source.split(":", 1)[1]
        ran = next((lk for lk in report.lookups if lk.id == lookup_id), None)
        if ran is None:
            return False
        counts = ran.outcomes
        answered = counts.get("found", 0) + counts.get("not_found", 0)
        gaps = counts.get("couldnt_check", 0) + counts.get("skipped", 0)
        return answered > 0 and gaps == 0
    if report.answered or report.summary.answered == 0:
        return finding.id in report.answered
    # A report from before `answered` was recorded: all we know is what went unanswered.
    return finding.id not in {u.id for u in report.unanswered}


def diff_reports(old: Report, new: Report) -> ReportDiff:
    """Compare two reports by finding id."""
    before, after = _open(old), _open(new)
    accepted_now = {f.id for f in new.accepted}
    gone = [f for fid, f in before.items() if fid not in after and fid not in accepted_now]
    return ReportDiff(
        old_score=old.summary.score,
        new_score=new.summary.score,
        fixed=[f for f in gone if rechecked(f, new)],
        new=[f for fid, f in after.items() if fid not in before],
        unchanged=[f for fid, f in after.items() if fid in before],
        not_rechecked=[f for f in gone if not rechecked(f, new)],
    )


@dataclass(frozen=True)
class SubjectDifference:
    """One way the two reports' subjects differ: what, and its value in each report."""

    what: str  # "name initials", "role" or "jurisdiction"
    old: str
    new: str


def _initials(name: str) -> str:
    """First and last initials ('Dr Alex J. Example' and 'Dr A. E.' -> 'A. E.'), or ''.

    Every copy keeps at least the initials; a middle name added later is not a new person.
    """
    words = mask_name(name).split()
    initials = [w for w in words if len(w) == 2 and w[0].isalpha() and w.endswith(".")]
    return " ".join(initials[:1] + initials[1:][-1:])


def subject_differences(old: Report, new: Report) -> list[SubjectDifference]:
    """How the reports' subjects differ (name initials, role, jurisdiction); empty if alike."""

    def pairs(s: Subject) -> dict[str, str]:
        return {"name initials": _initials(s.name), "role": s.role, "jurisdiction": s.jurisdiction}

    before, after = pairs(old.subject), pairs(new.subject)
    return [
        SubjectDifference(what, before[what], after[what])
        for what in before
        if before[what] and after[what] and before[what].lower() != after[what].lower()
    ]


def since_last(
    previous: Report, previous_id: str, previous_date: datetime, current: Report
) -> SinceLast:
    """The report's "since your last audit" block."""
    d = diff_reports(previous, current)
    return SinceLast(
        previous_session=previous_id,
        previous_date=previous_date,
        previous_score=previous.summary.score,
        fixed=[f.id for f in d.fixed],
        new=[f.id for f in d.new],
        unchanged=[f.id for f in d.unchanged],
        not_rechecked=[f.id for f in d.not_rechecked],
        titles={f.id: f.title for f in [*d.fixed, *d.not_rechecked]},
    )
