"""`footprint union stats`: what many adviser calls show, with small numbers hidden."""

from __future__ import annotations

from pathlib import Path

import click

from footprint.errors import InputError


@click.group()
def union() -> None:
    """For a defence union: statistics over its advisers' adviser copies."""


@union.command()
@click.argument("copies", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the statistics files.",
)
@click.option(
    "--format",
    "formats",
    default="html,csv,json",
    show_default=True,
    help="Comma-separated: html, csv, json.",
)
def stats(copies: tuple[Path, ...], out_dir: Path, formats: str) -> None:
    """Count calls in adviser copies (files, or folders searched for .json files).

    Only sealed adviser copies are read; member copies, full reports, session files and edited
    copies are refused and named. Any count of fewer than 10 calls is hidden, with whatever
    would let it be worked out from a total.
    """
    from footprint.union import count_calls, read_copies
    from footprint.union.render import FORMATS, render
    from footprint.util.fsio import write_private_file

    chosen = [f.strip().lower() for f in formats.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise InputError(
            f"--format: unknown format {', '.join(unknown) or '(none)'}.",
            hint="Use html, csv or json, separated by commas.",
        )
    read = read_copies(copies)
    for refused in read.refused:
        click.echo(f"Not counted: {refused.path}: {refused.reason}.", err=True)
    if not read.copies:
        raise InputError(
            "No adviser copy to count among the files given.",
            hint="Give the adviser-copy report.json files footprint wrote (or their folders).",
        )
    result = count_calls(read.copies, read.reasons())
    written = [write_private_file(out_dir / f"union-stats.{f}", render(result, f)) for f in chosen]
    click.echo(
        f"Counted {len(read.copies)} adviser "
        f"{'copy' if len(read.copies) == 1 else 'copies'}; "
        f"not counted: {len(read.refused)}."
    )
    click.echo("Small numbers are hidden: fewer than 10 calls never shows as a number.")
    click.echo("Written (readable by you only):")
    for path in written:
        click.echo(f"  {path}")
