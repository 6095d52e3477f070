"""Deadlines: one calendar month for UK and Irish GDPR, the stated days elsewhere; what is due."""

from __future__ import annotations

from datetime import date

import pytest

from footprint.plan.deadlines import REMINDER_DAYS, Stage, due_actions, due_date, one_month_after
from footprint.plan.model import ActionStatus, PlanAction, Reply


@pytest.mark.parametrize(
    ("sent", "due"),
    [
        (date(2026, 1, 3), date(2026, 2, 3)),  # the ICO's own example: 3 January -> 3 February
        (date(2026, 1, 31), date(2026, 2, 28)),  # no 31 February: the month's last day
        (date(2028, 1, 31), date(2028, 2, 29)),  # a leap year
        (date(2026, 12, 15), date(2027, 1, 15)),  # across the year
        (date(2026, 3, 31), date(2026, 4, 30)),
    ],
)
def test_one_calendar_month(sent: date, due: date) -> None:
    assert one_month_after(sent) == due


def test_the_law_of_the_place_decides() -> None:
    sent = date(2026, 5, 1)
    assert due_date(sent, "GB", 30) == date(2026, 6, 1)
    assert due_date(sent, "IE", None) == date(2026, 6, 1)
    assert due_date(sent, "US", 45) == date(2026, 6, 15)
    assert due_date(sent, "AU", None) is None
    assert due_date(sent, "GB", None, legal=False) is None  # e.g. a form with no answer period


@pytest.mark.parametrize(
    ("sent", "due"),
    [
        (date(2026, 1, 31), date(2026, 3, 2)),  # 28 February 2026 is a Saturday: Monday
        (date(2026, 3, 1), date(2026, 4, 1)),  # a Wednesday: as it is
        (date(2026, 10, 4), date(2026, 11, 4)),
        (date(2026, 12, 5), date(2027, 1, 5)),
        (date(2026, 12, 6), date(2027, 1, 6)),
        (date(2026, 9, 6), date(2026, 10, 6)),
        (date(2026, 10, 31), date(2026, 11, 30)),  # a Monday
        (date(2027, 1, 30), date(2027, 3, 1)),  # 28 February 2027 is a Sunday: Monday
    ],
)
def test_a_one_month_deadline_on_a_weekend_moves_to_the_monday(sent: date, due: date) -> None:
    # ICO: "If the corresponding date falls on a weekend or a public holiday, you have until
    # the next working day"; the EU rule on periods (Regulation 1182/71, Article 3(4)) agrees.
    assert due_date(sent, "GB", 30) == due and due_date(sent, "IE", None) == due
    assert due.weekday() < 5


def _sent(action_id: int, due: date, status: ActionStatus = ActionStatus.SENT) -> PlanAction:
    return PlanAction(id=action_id, finding_id=f"f{action_id}", title="t", status=status, due=due)


def test_due_lists_late_and_soon_requests_by_stage() -> None:
    today = date(2026, 6, 20)
    actions = [
        _sent(1, date(2026, 6, 25)),  # due within a week
        _sent(2, date(2026, 6, 10)),  # late: the reminder
        _sent(3, date(2026, 5, 1)),  # the reminder's time is up too: the complaint
        _sent(4, date(2026, 8, 1)),  # not yet
        _sent(5, date(2026, 6, 1), ActionStatus.DONE),  # answered: not listed
        _sent(6, date(2026, 6, 12), ActionStatus.WAITING),  # refused or asked for more: listed
    ]
    listed = {d.action.id: d.stage for d in due_actions(actions, today)}
    assert listed == {1: Stage.DUE_SOON, 2: Stage.OVERDUE, 3: Stage.COMPLAINT, 6: Stage.OVERDUE}
    (late,) = [d for d in due_actions(actions, today) if d.action.id == 2]
    assert (late.reminder_due - date(2026, 6, 10)).days == REMINDER_DAYS


def test_an_answer_that_asks_for_more_or_refuses_is_never_reminded() -> None:
    # They answered, so a reminder saying "no answer" would be false: asked for more, it is the
    # doctor's turn; refused, the next step is the complaint, whatever the date.
    today = date(2026, 6, 20)
    more = _sent(1, date(2026, 6, 1), ActionStatus.WAITING).model_copy(
        update={"reply": Reply.MORE_INFO}
    )
    refused = _sent(2, date(2026, 7, 1), ActionStatus.WAITING).model_copy(
        update={"reply": Reply.REFUSED}
    )
    listed = {d.action.id: d.stage for d in due_actions([more, refused], today)}
    assert listed == {2: Stage.COMPLAINT}
