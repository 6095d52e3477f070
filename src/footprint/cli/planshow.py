"""What the plan commands share: the plan opened for a command, dates, an action as text."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING

import click

from footprint.plan.letter_types import REQUEST_WORDS, RequestKind

if TYPE_CHECKING:
    from footprint.plan.living import LivingPlan
    from footprint.plan.model import PlanAction


@contextmanager
def opened_plan(ctx: click.Context) -> Iterator[LivingPlan]:
    """The plan of the session named on the command line (default: the newest audit)."""
    from footprint.audit.desk import AuditDesk
    from footprint.plan.living import LivingPlan
    from footprint.store.plans import PlanStore

    with AuditDesk.open() as desk:
        assert desk.store is not None
        for notice in PlanStore(desk.store).take_notices():
            click.secho(f"Since you last looked: {notice}", fg="yellow", err=True)
        yield LivingPlan.open(desk.store, ctx.meta.get("plan_session"))


def day(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r}: give a date as YYYY-MM-DD.") from None


STATUS_WORDS = {
    "todo": "to do",
    "done": "done",
    "sent": "request sent",
    "waiting": "waiting",
    "confirmed_gone": "confirmed gone",
    "still_there": "still there",
    "came_back": "came back",
    "cannot_remove": "can't be removed",
}


def action_lines(action: PlanAction) -> list[str]:
    """One action as the table shows it: number, status, title, then what is known about it."""
    lines = [f"{action.id:>3}  {STATUS_WORDS[action.status.value]:<16} {action.title}"]
    extra = []
    if action.request:
        kind = action.request.kind
        words = REQUEST_WORDS.get(RequestKind(kind), kind) if kind in set(RequestKind) else kind
        extra.append(f"request: {words}, to {action.request.recipient or 'see the draft'}")
    if action.sent_on:
        extra.append(f"sent {action.sent_on:%d %b %Y}")
    if action.due:
        extra.append(f"answer due {action.due:%d %b %Y}")
    if action.reply:
        extra.append(f"reply: {action.reply.value}")
    if not action.in_latest_audit:
        extra.append("not in the latest audit")
    if extra:
        lines.append(" " * 22 + "; ".join(extra))
    if action.note:
        lines.append(" " * 22 + action.note)
    return lines
