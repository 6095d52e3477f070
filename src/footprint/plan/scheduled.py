"""The timer's re-check: run with the consent already given for re-checks, ask nothing, and
tell the doctor only when something needs them (a removed detail is still there or back, or a
request is overdue)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date

from footprint.net.client import FetchLimits
from footprint.plan import notify, schedule
from footprint.plan.deadlines import Stage, due_actions
from footprint.plan.model import ActionStatus
from footprint.plan.recheck import Recheck, RecheckResult
from footprint.store.plans import PlanStore


@dataclass(frozen=True)
class ScheduledRun:
    """What a scheduled re-check did; `told` is "desktop", "notice" or None (nothing to say)."""

    ran: bool
    results: list[RecheckResult]
    not_agreed: list[str]  # lookups with no consent kept for re-checks: not run
    told: str | None = None


def scheduled_recheck(
    rc: Recheck,
    today: date,
    *,
    limits: FetchLimits | None = None,
    platform: str = sys.platform,
) -> ScheduledRun:
    """Re-check if the schedule's days are up; tell the doctor only when something needs it."""
    if not schedule.recheck_due(today):
        return ScheduledRun(False, [], [])
    undecided = rc.use_stored_consent()
    results = rc.run(today, limits=limits)
    schedule.ran(today)
    back = sum(1 for r in results if r.status is ActionStatus.STILL_THERE)
    late = [d for d in due_actions(rc.living.plan().actions, today) if d.stage != Stage.DUE_SOON]
    told = None
    if back or late:
        text = (
            f"Re-check: {back} detail(s) you had removed are still there or back; "
            f"{len(late)} request(s) overdue. Open your plan in footprint to see them."
        )
        told = notify.tell(text, PlanStore(rc.living.store), platform)
    return ScheduledRun(True, results, undecided, told)
