"""The lookups' progress bar after the interview. UI only: the engine runs the lookups."""

from __future__ import annotations

import click

from footprint.audit.background import ADVISER_HOW, NO_INPUT, NOTHING_SENT
from footprint.audit.engine import AuditEngine

__all__ = ["ADVISER_HOW", "NOTHING_SENT", "NO_INPUT", "wait_with_progress"]


def wait_with_progress(engine: AuditEngine) -> None:
    """Wait for the lookups until their deadline, showing the time left (the engine's end-of-audit
    rule); Ctrl-C stops waiting: what finished is kept, the rest reads "couldn't check"."""
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
                status, left = engine.status(), engine.lookups_time_left()
                bound = f"; at most {left:.0f} s more" if left is not None else ""
                bar.update(task, completed=status.done, description=f"({status.line()}{bound})")
    except KeyboardInterrupt:
        engine.cancel_lookups()
        click.echo(
            'Lookups stopped; results so far are kept, the rest read "couldn\'t check".',
            err=True,
        )
    click.echo(engine.status().line().capitalize())
