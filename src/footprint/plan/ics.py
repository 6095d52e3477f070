"""The plan's deadlines as an iCalendar (.ics) file: one all-day event per deadline.

Any calendar program imports it, so the doctor is reminded without a server. Events carry the
action's title and number only (no personal details), and a stable UID, so importing a newer
file updates the events instead of doubling them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar, Event

from footprint.plan.model import Plan

PRODID = "-//footprint//living plan//EN"


def deadline_calendar(plan: Plan, now: datetime | None = None) -> bytes:
    """One event on each action's due date (actions with a sent request and a deadline)."""
    stamp = now or datetime.now(timezone.utc)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    for action in plan.actions:
        if action.due is None:
            continue
        event = Event()
        # The same request keeps its UID from one audit to the next: a re-import updates it.
        event.add("uid", f"footprint-{action.finding_id}-{action.sent_on}@footprint.local")
        event.add("dtstamp", stamp)
        event.add("dtstart", action.due)
        event.add("dtend", action.due + timedelta(days=1))
        event.add("summary", f"Answer due: {action.title} (footprint plan action {action.id})")
        event.add(
            "description",
            "If no answer has come, `footprint plan due` drafts the reminder."
            f" Request sent on {action.sent_on:%d %B %Y}."
            if action.sent_on
            else "",
        )
        cal.add_component(event)
    return bytes(cal.to_ical())


def due_dates(ics: bytes) -> list[date]:
    """The event dates in an .ics file written by `deadline_calendar` (for checks and tests)."""
    parsed = Calendar.from_ical(ics)
    return [e.decoded("dtstart") for e in parsed.walk("VEVENT")]
