"""The lookups' progress bar after the interview. UI only: the engine runs the lookups."""

from __future__ import annotations

import click

from footprint.audit import AuditEngine
from footprint.audit.background import ADVISER_HOW, NO_INPUT, NOTHING_SENT

__all__ = ["ADVISER_HOW", "NOTHING_SENT", "NO_INPUT", "wait_with_progress"]


def wait_with_progress(engine: AuditEngine) -> None:
    """Wait for the lookups with a progress bar; Ctrl-C stops them and keeps the rest."""
    if not engine.status().started:
        return
    from rich.progress import BarColumn, Progress, TextColumn

    columns = (
        TextColumn("Lookups"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TextColumn("{task.description}"),
    )
    try:
        with Progress(*columns, transient=True) as bar:
            task = bar.add_task("", total=engine.status().total)
            while not engine.wait_lookups(timeout=0.2):
                status = engine.status()
                bar.update(task, completed=status.done, description=f"({status.line()})")
    except KeyboardInterrupt:
        engine.cancel_lookups()
        click.echo("Lookups stopped; results so far are kept.", err=True)
    click.echo(engine.status().line().capitalize())
