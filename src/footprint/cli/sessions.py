"""`footprint sessions list | show ID | purge` and `footprint diff OLD NEW`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from datetime import datetime

    from footprint.audit.diff import SubjectDifference
    from footprint.errors import SessionPurged
    from footprint.model.vocab import Answer


@click.group()
def sessions() -> None:
    """Audits kept on this computer (answers, lookups, reports)."""


@sessions.command("list")
def list_sessions() -> None:
    """List stored sessions, newest first."""
    from footprint.audit.desk import AuditDesk

    with AuditDesk.open(read_only=True) as desk:
        rows = desk.sessions()
    if not rows:
        click.echo("No stored sessions.")
        return
    click.echo(
        f"{'id':<10} {'started (UTC)':<17} {'status':<9} {'answers':>7} {'lookups':>7}  "
        f"{'deleted after':<13} case"
    )
    for s in rows:
        click.echo(
            f"{s.id:<10} {_when(s.created_at, s.readable):<16} {s.status:<9} {s.answers:>7} "
            f"{s.observations:>7}  {_when(s.expires_at, s.readable)[:10]:<10}    {s.case_ref or ''}"
        )
    if any(s.status == "damaged" for s in rows):
        click.echo(
            "\ndamaged: set aside, as its stored data cannot be read; new audits go on "
            "without it, and a purge deletes it."
        )
    click.echo(f"\nStore: {desk.path}")


def _when(moment: datetime, known: bool) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if known else "unknown"


@sessions.command()
@click.argument("session_id")
def show(session_id: str) -> None:
    """Show one session: who, when, progress. Personal details are not printed."""
    from footprint.audit.desk import AuditDesk

    with AuditDesk.open(read_only=True) as desk:
        data = desk.load(session_id)
    s = data.summary
    click.echo(f"Session {s.id}: {s.status}, started {s.created_at:%Y-%m-%d %H:%M} UTC")
    click.echo(f"Subject: {data.profile.masked_name} ({data.profile.jurisdiction.value})")
    if s.adviser or s.case_ref:
        click.echo(f"Adviser: {s.adviser or '-'}   case: {s.case_ref or '-'}")
    click.echo(
        f"Answers: {s.answers}   observations: {s.observations}   consents: {len(data.consents)}"
    )
    click.echo(f"Kept until {s.expires_at:%Y-%m-%d} ({s.retention_days} days), then purged.")
    if s.status != "finished":
        click.echo(f"Carry on with: footprint audit --resume {s.id}")
    else:
        click.echo(f"Report again: footprint report render {s.id} --format html --out report.html")


@sessions.command()
@click.option("--older-than", "days", type=click.IntRange(min=0), help="Sessions older than DAYS.")
@click.option("--all", "everything", is_flag=True, help="Every session.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def purge(days: int | None, everything: bool, yes: bool) -> None:
    """Delete sessions for good (the data is overwritten, not just hidden)."""
    from footprint.audit.desk import AuditDesk

    if days is None and not everything:
        raise click.UsageError("Say which: --older-than DAYS or --all.")
    what = "every stored session" if everything else f"sessions older than {days} days"
    if not yes:
        click.confirm(f"Delete {what}? This cannot be undone.", abort=True)
    with AuditDesk.open() as desk:
        result = desk.purge(older_than_days=days, everything=everything)
    click.echo(
        f"Deleted {result.sessions} session(s): {result.answers} answers and "
        f"{result.observations} lookup results, overwritten and vacuumed."
    )


@click.command()
@click.argument("old")
@click.argument("new")
def diff(old: str, new: str) -> None:
    """What changed between two audits (session ids or report JSON files)."""
    from footprint.audit.diff import diff_reports, subject_differences
    from footprint.audit.stored import load_source
    from footprint.detect.text import strip_controls
    from footprint.report.summary import score_change_text

    before, _, old_label = load_source(old)
    after, _, new_label = load_source(new)
    differs = subject_differences(before, after)
    if differs:
        click.secho(_different_people(differs), fg="yellow", bold=True, err=True)
    d = diff_reports(before, after)
    click.echo(f"{score_change_text(d.old_score, d.new_score)}   [{old_label} -> {new_label}]")
    groups = [("Fixed", d.fixed), ("New", d.new), ("Unchanged", d.unchanged)]
    if d.not_rechecked:
        groups.append(("Not checked this time, so not known to be fixed", d.not_rechecked))
    for label, group in groups:
        click.secho(f"\n{label} ({len(group)})", bold=True)
        for f in group:
            click.echo(strip_controls(f"  [{f.severity.value}] {f.id}: {f.title}"))


def _different_people(differs: list[SubjectDifference]) -> str:
    """The warning line: 'Warning: ... (name initials: A. E. / B. S.; role: GP / Locum)'."""
    from footprint.report.view import role_label

    def shown(what: str, value: str) -> str:
        return role_label(value) if what == "role" else value

    what = "; ".join(f"{d.what}: {shown(d.what, d.old)} / {shown(d.what, d.new)}" for d in differs)
    return (
        f"Warning: these two reports seem to be about different people ({what}). "
        "The comparison below only means something for two audits of the same doctor."
    )


def offer_to_save_answers(
    purged: SessionPurged,
    answers: Mapping[str, Answer],
    accepted: Iterable[str],
    interactive: bool,
) -> None:
    """After a purge deleted the running audit's session: offer to keep its answers in a file.

    The answers are still in memory; an answers file lets a new audit start from them
    (`footprint audit --answers FILE`). Without a terminal nothing can be asked, so nothing is
    written: such a run got its answers from a file already.
    """
    from pathlib import Path

    from footprint.audit.answers import dump_answers
    from footprint.util.fsio import write_private_file

    if not answers or not interactive:
        return
    click.secho(
        f"\nThis audit's stored session ({purged.session_id}) has just been deleted by a purge.",
        fg="yellow",
    )
    if not click.confirm(
        f"Save the {len(answers)} answers given so far to an answers file?", default=True
    ):
        return
    default = Path(f"answers-{purged.session_id}.yaml")
    n = 1
    while default.exists():
        n += 1
        default = Path(f"answers-{purged.session_id}-{n}.yaml")
    path = Path(click.prompt("File name", default=str(default)))
    write_private_file(path, dump_answers(answers, accepted))
    click.echo(
        f"Saved {path} (readable by you only). Start again with: footprint audit --answers {path}"
    )
