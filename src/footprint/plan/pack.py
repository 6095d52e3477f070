"""What `plan due` writes for a late request: the reminder, and later the complaint pack.

The complaint pack is a folder the doctor sends (or attaches) to the regulator: a timeline of
the request (text and printable HTML), copies of the request and the reminder as drafted (no
reminder when they refused: a refusal is an answer), and the complaint letter itself.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from footprint.model.profile import Profile
from footprint.plan.deadlines import DueAction, Stage
from footprint.plan.model import Reply
from footprint.plan.requests import write_draft
from footprint.report.model import Finding
from footprint.util.fsio import ensure_private_dir, write_private_file


@dataclass(frozen=True)
class DueDrafts:
    """What was written for one late action."""

    action_id: int
    reminder: list[Path] = field(default_factory=list)
    complaint_pack: Path | None = None


def timeline(due: DueAction, today: date) -> list[tuple[date, str]]:
    """The dated events of one request, oldest first."""
    action = due.action
    events: list[tuple[date, str]] = []
    if action.sent_on:
        events.append((action.sent_on, "Request sent (copy: request.txt)."))
    if action.reply is Reply.REFUSED:
        events.append((action.replied_on or today, "They refused the request."))
    else:
        if action.due:
            # "due", not "the law requires": some periods are the recipient's own or ours
            events.append((action.due, "The answer was due; none arrived."))
        events.append(
            (due.reminder_due, "The reminder (copy: reminder.txt) asked for an answer by this day.")
        )
    events.append((today, "No complete answer by today: complaint to the regulator."))
    return sorted(events, key=lambda event: event[0])


def _timeline_files(due: DueAction, today: date, folder: Path) -> list[Path]:
    events = timeline(due, today)
    title = f"Timeline: {due.action.title}"
    text = "\n".join([title, "", *(f"{d:%d %B %Y}  {what}" for d, what in events)]) + "\n"
    rows = "".join(
        f"<tr><td>{d:%d %B %Y}</td><td>{html.escape(what)}</td></tr>" for d, what in events
    )
    page = (
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body><h1>{html.escape(title)}</h1>"
        f"<table><tr><th>Date</th><th>What happened</th></tr>{rows}</table></body></html>\n"
    )
    return [
        write_private_file(folder / "timeline.txt", text),
        write_private_file(folder / "timeline.html", page),
    ]


def write_due_drafts(
    due: DueAction, finding: Finding, profile: Profile, out_dir: Path, today: date
) -> DueDrafts:
    """The reminder for a late request; after the reminder's time, the complaint pack too."""
    action = due.action
    if due.stage == Stage.DUE_SOON or action.request is None:
        return DueDrafts(action.id)  # not late yet, or nothing drafted to remind them of
    folder = ensure_private_dir(out_dir / f"action-{action.id}")
    sent = action.sent_on
    refused = action.reply is Reply.REFUSED  # an answer: no reminder saying none came
    reminder = (
        []
        if refused
        else write_draft(
            finding, profile, folder, "reminder", today=today, sent_on=sent, reminder=True
        )
    )
    if due.stage != Stage.COMPLAINT:
        return DueDrafts(action.id, reminder=reminder)
    pack = ensure_private_dir(folder / "complaint-pack")
    write_draft(finding, profile, pack, "request", today=sent or today)
    if not refused:
        write_draft(finding, profile, pack, "reminder", today=today, sent_on=sent, reminder=True)
    write_draft(
        finding,
        profile,
        pack,
        "complaint",
        today=today,
        sent_on=sent,
        complaint=True,
        refused_on=action.replied_on or today if refused else None,
    )
    _timeline_files(due, today, pack)
    return DueDrafts(action.id, reminder=reminder, complaint_pack=pack)
