"""Re-audits: what was fixed, what is new and what is unchanged between two audits.

Finding ids are stable across runs (checklist item ids; lookup exposure keys), so comparing
the sets of open findings is enough. Accepted findings count as neither open nor fixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from footprint.report.model import Finding, Report, SinceLast, Status


@dataclass(frozen=True)
class ReportDiff:
    """The difference between an older and a newer report."""

    old_score: int
    new_score: int
    fixed: list[Finding]
    new: list[Finding]
    unchanged: list[Finding]

    @property
    def score_change(self) -> int:
        """Positive when the doctor became harder to reach."""
        return self.new_score - self.old_score


def _open(report: Report) -> dict[str, Finding]:
    return {f.id: f for f in report.findings if f.status is not Status.COULDNT_CHECK}


def diff_reports(old: Report, new: Report) -> ReportDiff:
    """Compare two reports by finding id."""
    before, after = _open(old), _open(new)
    accepted_now = {f.id for f in new.accepted}
    return ReportDiff(
        old_score=old.summary.score,
        new_score=new.summary.score,
        fixed=[f for fid, f in before.items() if fid not in after and fid not in accepted_now],
        new=[f for fid, f in after.items() if fid not in before],
        unchanged=[f for fid, f in after.items() if fid in before],
    )


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
        titles={f.id: f.title for f in d.fixed},
    )
