"""`footprint lookups [--format table|json] [--profile FILE] [--check-formats]`."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command()
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(path_type=Path),
    help="Show exactly what would be sent for this profile (default: an example).",
)
@click.option(
    "--check-formats",
    is_flag=True,
    help="Replay the recorded real answers of every service through its reader, on this "
    "computer only (nothing is sent), and show whether each gives the expected outcome.",
)
def lookups(fmt: str, profile_path: Path | None, check_formats: bool) -> None:
    """List every lookup: what it sends, where, whether it needs a key, whether it is ready.

    With --check-formats, replay the answers recorded from the real services (shipped with
    footprint) through the lookups instead; exits with 1 if any gives an unexpected outcome.
    """
    if check_formats:
        _check_formats(fmt)
        return
    from footprint.lookups.describe import describe_lookups
    from footprint.model.profile import load_profile
    from footprint.util.settings import Settings

    profile = load_profile(profile_path) if profile_path else None
    rows = describe_lookups(Settings.load(), profile)
    if fmt == "json":
        click.echo(json.dumps([r.as_dict() for r in rows], indent=2))
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from footprint.net.client import ANY_HOST

    table = Table(
        title="Lookups (nothing is sent without your consent)", show_lines=True, expand=True
    )
    # The sentence of what is sent is the point of this table: give it the most room.
    for column, ratio in (("lookup", 2), ("sends", 5), ("to", 3), ("key", 2), ("ready", 2)):
        table.add_column(column, overflow="fold", ratio=ratio)
    for r in rows:
        hosts = ["the result pages' sites" if h == ANY_HOST else h for h in r.hosts]
        table.add_row(
            f"{escape(r.title)}\n[dim]{escape(r.id)}[/dim]",
            escape(r.sends),
            escape("\n".join(hosts)) or "-",
            escape(r.key_env or "-"),
            escape("yes" if r.ready else f"no: {r.not_ready_reason}"),
        )
    Console().print(table)
    if profile is None:
        click.echo("Shown for an example profile; add --profile FILE to see your own.")


def _check_formats(fmt: str) -> None:
    """Print the replay table; exit 1 (after printing) if any case is not as expected."""
    from dataclasses import asdict

    from footprint.errors import FootprintError
    from footprint.lookups.replay.formats import check_formats

    rows = check_formats()
    if fmt == "json":
        click.echo(json.dumps([asdict(r) for r in rows], indent=2))
    else:
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        table = Table(title="Recorded real answers, replayed on this computer")
        for column in ("service", "samples", "cases", "outcomes as expected"):
            table.add_column(column)
        for r in rows:
            mark = (
                "yes"
                if r.as_expected == r.cases
                else f"[bold red]NO[/bold red] ({r.as_expected}/{r.cases})"
            )
            table.add_row(escape(r.service), str(r.samples), str(r.cases), mark)
        console = Console(highlight=False)
        console.print(table)
        for r in rows:
            for problem in r.problems:
                console.print(f"[bold red]{escape(r.service)}[/bold red] {escape(problem)}")
    failed = sum(r.cases - r.as_expected for r in rows)
    if failed:
        raise FootprintError(
            f"{failed} recorded answers did not give the expected outcome",
            hint="The service may have changed its format: start with the lookup named above.",
        )
