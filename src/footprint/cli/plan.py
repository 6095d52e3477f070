"""`footprint plan`: the living plan in the terminal (list, mark, draft, deadlines, calendar).

`footprint plan [SESSION]` lists the actions of the newest finished audit (or SESSION's); every
subcommand works on the same plan. Re-check and the schedule are in `cli/planrun.py`.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from footprint.cli.planrun import recheck, schedule
from footprint.cli.planshow import action_lines, day, opened_plan

_FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A table to read, or JSON for scripts.",
)


class PlanGroup(click.Group):
    """A group whose first argument may be a session id instead of a subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            ctx.meta["plan_session"] = args.pop(0)
        return super().parse_args(ctx, args)


@click.group(cls=PlanGroup, invoke_without_command=True)
@_FORMAT
@click.pass_context
def plan(ctx: click.Context, fmt: str) -> None:
    """Your plan: each action of your latest audit, and where it stands.

    `footprint plan [SESSION]` lists the actions (of SESSION's audit, or the newest). Mark them
    with `done`, `sent` and `reply`; `request` drafts what to send; `due` lists late answers.
    """
    if ctx.invoked_subcommand is None:
        _show_plan(ctx, fmt)


def _show_plan(ctx: click.Context, fmt: str) -> None:
    with opened_plan(ctx) as living:
        current = living.plan()
    if fmt == "json":
        click.echo(json.dumps(current.model_dump(mode="json"), indent=2))
        return
    click.echo(f"Your plan (audit {current.session_id}): {len(current.actions)} actions")
    for action in current.actions:
        click.echo("\n".join(action_lines(action)))


@plan.command()
@click.argument("session", required=False)
@_FORMAT
@click.pass_context
def show(ctx: click.Context, session: str | None, fmt: str) -> None:
    """The actions and their status (the same as `footprint plan [SESSION]`)."""
    if session:
        ctx.meta["plan_session"] = session
    _show_plan(ctx, fmt)


@plan.command()
@click.argument("action_id", metavar="ID", type=int)
@click.pass_context
def done(ctx: click.Context, action_id: int) -> None:
    """Mark action ID done (you did it yourself)."""
    with opened_plan(ctx) as living:
        living.mark_done(action_id)
    click.echo(f"Action {action_id}: done. `footprint plan recheck` checks that it is gone.")


@plan.command()
@click.argument("action_id", metavar="ID", type=int)
@click.option("--on", "on", metavar="DATE", help="The day you sent it (default: today).")
@click.pass_context
def sent(ctx: click.Context, action_id: int, on: str | None) -> None:
    """Mark the request of action ID sent (today, or --on DATE)."""
    with opened_plan(ctx) as living:
        living.mark_sent(action_id, day(on))
        action = living.plan().action(action_id)
    due = f" The answer is due on {action.due:%d %B %Y}." if action and action.due else ""
    click.echo(f"Action {action_id}: request sent.{due}")


@plan.command()
@click.argument("action_id", metavar="ID", type=int)
@click.option(
    "--outcome",
    type=click.Choice(["removed", "refused", "more-info"]),
    required=True,
    help="What they answered.",
)
@click.option("--on", "on", metavar="DATE", help="The day the answer came (default: today).")
@click.pass_context
def reply(ctx: click.Context, action_id: int, outcome: str, on: str | None) -> None:
    """Record the answer to the request of action ID."""
    from footprint.plan.model import Reply

    with opened_plan(ctx) as living:
        living.record_reply(action_id, Reply(outcome), day(on))
    then = {
        "removed": "marked done; `footprint plan recheck` checks that it is gone.",
        "refused": "waiting: `footprint plan due` drafts the complaint to the regulator.",
        "more-info": "waiting: send what they asked for (only what they need to find you).",
    }
    click.echo(f"Action {action_id}: {then[outcome]}")


@plan.command()
@click.argument("action_id", metavar="ID", type=int)
@click.option("--why", required=True, help="Why it cannot be removed.")
@click.pass_context
def cannot(ctx: click.Context, action_id: int, why: str) -> None:
    """Mark action ID as one that can't be removed, and why."""
    from footprint.plan.model import ActionStatus

    with opened_plan(ctx) as living:
        living.set_status(action_id, ActionStatus.CANNOT_REMOVE, note=why)
    click.echo(f"Action {action_id}: can't be removed ({why}).")


@plan.command()
@click.argument("action_id", metavar="ID", type=int)
@click.option("--out", "out_dir", type=click.Path(path_type=Path), required=True, help="Folder.")
@click.pass_context
def request(ctx: click.Context, action_id: int, out_dir: Path) -> None:
    """Write the drafted request of action ID (.txt, .eml, .html). Nothing is sent."""
    from footprint.plan.requests import write_draft

    with opened_plan(ctx) as living:
        finding = living.findings().get(living.row(action_id).finding_id)
        if finding is None:
            raise click.UsageError(f"Action {action_id} is not in this audit's findings.")
        paths = write_draft(
            finding, living.profile, out_dir, f"action-{action_id}", today=date.today()
        )
    click.echo("Drafts written (nothing was sent; readable by you only):")
    for path in paths:
        click.echo(f"  {path}")


@plan.command()
@_FORMAT
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("reports/plan-due"),
    show_default=True,
    help="Where reminders and complaint packs are written.",
)
@click.pass_context
def due(ctx: click.Context, fmt: str, out_dir: Path) -> None:
    """Requests overdue or due within 7 days, with a drafted reminder (and, once the reminder's
    time is up too, a complaint pack for the regulator)."""
    from footprint.plan.deadlines import due_actions
    from footprint.plan.pack import write_due_drafts

    today = date.today()
    with opened_plan(ctx) as living:
        listed = due_actions(living.plan().actions, today)
        findings = living.findings()
        rows: list[dict[str, Any]] = []
        for item in listed:
            finding = findings.get(item.action.finding_id)
            drafts = (
                write_due_drafts(item, finding, living.profile, out_dir, today)
                if finding is not None
                else None
            )
            rows.append(
                {
                    **item.action.model_dump(mode="json"),
                    "stage": item.stage,
                    "reminder_due": item.reminder_due.isoformat(),
                    "reminder": [str(p) for p in drafts.reminder] if drafts else [],
                    "complaint_pack": str(drafts.complaint_pack)
                    if drafts and drafts.complaint_pack
                    else None,
                }
            )
    if fmt == "json":
        click.echo(json.dumps({"today": today.isoformat(), "due": rows}, indent=2))
        return
    if not rows:
        click.echo("Nothing is overdue or due in the next 7 days.")
    words = {
        "due_soon": "due soon",
        "overdue": "late: send the reminder",
        "complaint": "reminder unanswered too: complain to the regulator",
    }
    for row in rows:
        due_on = date.fromisoformat(row["due"])
        click.echo(f"{row['id']:>3}  {row['title']} (answer due {due_on:%d %b %Y})")
        refused = row["reply"] == "refused"
        click.echo(
            "       refused: complain to the regulator"
            if refused
            else f"       {words[row['stage']]}"
        )
        for path in row["reminder"]:
            click.echo(f"       reminder: {path}")
        if row["complaint_pack"]:
            click.echo(f"       complaint pack for the regulator: {row['complaint_pack']}")


@plan.command()
@click.option("--out", "out_file", type=click.Path(path_type=Path), required=True, help="FILE.ics")
@click.pass_context
def calendar(ctx: click.Context, out_file: Path) -> None:
    """Write the deadlines as a calendar file (.ics) any calendar program imports."""
    from footprint.plan.ics import deadline_calendar
    from footprint.util.fsio import write_private_file

    with opened_plan(ctx) as living:
        current = living.plan()
    written = write_private_file(out_file, deadline_calendar(current))
    count = sum(1 for a in current.actions if a.due)
    click.echo(f"{count} deadline(s) written to {written}")


plan.add_command(recheck)
plan.add_command(schedule)
