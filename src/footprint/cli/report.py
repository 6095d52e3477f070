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
    rendered as the adviser copy it is).
    """
    from footprint.errors import ReportError
    from footprint.paths import write_private
    from footprint.report import render as r
    from footprint.report.adviser import AdviserReport, adviser_copy
    from footprint.report.adviser_render import read_adviser_json, render_adviser
    from footprint.report.model import Copy, Report
    from footprint.report.redact import to_copy
    from footprint.reportsource import load_source

    kind = Copy(copy) if copy else Copy.MASKED
    filed = read_adviser_json(Path(source)) if Path(source).is_file() else None
    result: Report | AdviserReport
    if filed is not None:  # an adviser copy can only be rendered again as itself
        if kind is Copy.MEMBER:
            raise ReportError(
                f"{source} is an adviser copy; the member copy cannot be rebuilt from it.",
                hint="Render the member copy from the stored session id instead.",
            )
        result = filed
    else:
        loaded, profile, _label = load_source(source)
        if kind is Copy.MEMBER and loaded.copy_kind is not Copy.MEMBER:
            raise ReportError(
                f"{source} is a {loaded.copy_kind.value} copy; the full member copy cannot be "
                "rebuilt from it.",
                hint="Render the member copy from the stored session id instead.",
            )
        # The adviser copy is allow-listed from catalogue text and numbers: it needs no profile.
        result = adviser_copy(loaded) if kind is Copy.ADVISER else to_copy(loaded, kind, profile)
    if fmt == "pdf" and out is None:
        raise click.UsageError("--format pdf needs --out FILE.")
    if isinstance(result, AdviserReport):
        output = render_adviser(result, fmt)
    else:
        output = r.Format(fmt).renderer()(result)
    if out is None:
        click.echo(output)
    else:
        write_private(out, output)
        click.echo(f"Wrote {out} (readable by you only)")
