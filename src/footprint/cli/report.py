"""`footprint report render SOURCE --format html|md|json [--member-copy|--adviser-copy]`."""

from __future__ import annotations

from pathlib import Path

import click


@click.group()
def report() -> None:
    """Work with stored reports."""


@report.command()
@click.argument("source")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "md", "json", "pdf"]),
    default="html",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--member-copy", "copy", flag_value="member", help="Full report with your own details shown."
)
@click.option(
    "--adviser-copy",
    "copy",
    flag_value="adviser",
    help="No personal identifiers, for a defence-union adviser's file.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="Write to this file (default: print; pdf needs --out).",
)
def render(source: str, fmt: str, copy: str | None, out: Path | None) -> None:
    """Render a report again from a session id or a report JSON file.

    Without --member-copy or --adviser-copy, evidence is masked (an adviser copy's file is
    rendered as the adviser copy it is). Next steps are worded for the terminal.
    """
    from footprint.audit.stored import load_copy
    from footprint.report.adviser import AdviserReport
    from footprint.report.adviser_render import render_adviser
    from footprint.report.model import Copy
    from footprint.report.nextsteps import Reader
    from footprint.report.render import render_report
    from footprint.util.fsio import write_private_file

    result = load_copy(source, Copy(copy) if copy else None)
    if fmt == "pdf" and out is None:
        raise click.UsageError("--format pdf needs --out FILE.")
    if isinstance(result, AdviserReport):
        output = render_adviser(result, fmt)
    else:
        output = render_report(result, fmt, Reader.TERMINAL)
    if out is None:
        from footprint.detect.text import strip_controls

        # Fetched snippets must not drive the terminal.
        click.echo(strip_controls(output) if isinstance(output, str) else output)
    else:
        write_private_file(out, output)
        click.echo(f"Wrote {out} (readable by you only)")
