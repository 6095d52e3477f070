"""Deadlines: when an answer to a request is due, and what to do once it is late.

UK and Irish GDPR: one calendar month, starting the day after the request arrives, so the
answer is due on the corresponding day of the next month; when the next month has no such day
(31 January), the last day of that month; a date on a weekend moves to the next working day
(ICO guidance, "Time limits for responding"; the EU rule on periods, Regulation 1182/71,
Article 3(4), says the same for Irish GDPR). Elsewhere,
the number of days the drafted request states, when the law sets one.

A late request gets a reminder, which asks for an answer within `REMINDER_DAYS`; once that has
passed too, the next step is a complaint to the regulator. A refusal is an answer: its next step
is the complaint at once, never a reminder saying no answer came; an answer asking for more is
the doctor's turn, and is not listed.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from footprint.plan.model import ActionStatus, PlanAction, Reply

#: Jurisdictions where GDPR's one calendar month applies.
ONE_MONTH_PLACES = frozenset({"GB", "IE"})
#: Days a reminder gives the recipient before a complaint to the regulator.
REMINDER_DAYS = 14
#: `plan due` lists what falls due within this many days as well as what is late.
SOON_DAYS = 7


def one_month_after(day: date) -> date:
    """The corresponding day of the next month (or that month's last day)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _next_weekday(day: date) -> date:
    """A Saturday or Sunday moves to the Monday (bank holidays differ by nation and are not
    known here, so a deadline on one is a day early)."""
    return day + timedelta(days=max(0, 7 - day.weekday())) if day.weekday() >= 5 else day


def due_date(
    sent_on: date, jurisdiction: str, deadline_days: int | None, *, legal: bool = True
) -> date | None:
    """When the answer to a request sent on `sent_on` is due; None with no legal deadline."""
    if not legal:
        return None
    if jurisdiction in ONE_MONTH_PLACES:
        return _next_weekday(one_month_after(sent_on))
    if deadline_days is None:
        return None
    return sent_on + timedelta(days=deadline_days)


class Stage:
    """Where a request with a deadline stands (the words `plan due` uses)."""

    DUE_SOON = "due_soon"
    OVERDUE = "overdue"  # send the reminder
    COMPLAINT = "complaint"  # the reminder's time is up too: complain to the regulator


@dataclass(frozen=True)
class DueAction:
    """An action `plan due` lists: the action, its stage, and the reminder's own deadline."""

    action: PlanAction
    stage: str
    reminder_due: date


def due_actions(actions: list[PlanAction], today: date) -> list[DueAction]:
    """Sent (or waiting) requests that are late or due within `SOON_DAYS`, most urgent first."""
    listed: list[DueAction] = []
    for action in actions:
        if action.due is None or action.status not in (ActionStatus.SENT, ActionStatus.WAITING):
            continue
        if action.reply is Reply.MORE_INFO:
            continue  # they answered and asked for something: the doctor's turn, no reminder
        reminder_due = action.due + timedelta(days=REMINDER_DAYS)
        if action.reply is Reply.REFUSED or today > reminder_due:
            stage = Stage.COMPLAINT
        elif today > action.due:
            stage = Stage.OVERDUE
        elif action.due - today <= timedelta(days=SOON_DAYS):
            stage = Stage.DUE_SOON
        else:
            continue
        listed.append(DueAction(action, stage, reminder_due))
    return sorted(listed, key=lambda d: d.action.due or today)
