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

    Without --member-copy or --adviser-copy, evidence is masked.
    """
    from footprint.errors import ReportError
    from footprint.fsio import write_private_file
    from footprint.report import render as r
    from footprint.report.model import Copy
    from footprint.report.redact import to_copy
    from footprint.reportsource import load_source

    loaded, profile, _label = load_source(source)
    kind = Copy(copy) if copy else Copy.MASKED
    if kind is Copy.MEMBER and loaded.copy_kind is not Copy.MEMBER:
        raise ReportError(
            f"{source} is a {loaded.copy_kind.value} copy; the full member copy cannot be "
            "rebuilt from it.",
            hint="Render the member copy from the stored session id instead.",
        )
    if kind is Copy.ADVISER and profile is None and loaded.copy_kind is not Copy.ADVISER:
        # Without the profile the scrubber knows the name only as initials: consent sentences
        # and lookup errors that quote the full name would reach the adviser's file.
        raise ReportError(
            f"{source}: the adviser copy needs the stored session "
            f"({loaded.session_id or 'none recorded'}) to remove every form of the member's "
            "name, and it is not on this computer.",
            hint="Use the adviser-copy/report.json the audit wrote, or render the adviser copy "
            "from the session id on the computer that ran the audit.",
        )
    result = to_copy(loaded, kind, profile)
    if fmt == "pdf":
        if out is None:
            raise click.UsageError("--format pdf needs --out FILE.")
        r.render_pdf(result, out)
        click.echo(f"Wrote {out}")
        return
    text = r.Format(fmt).renderer()(result)
    if out is None:
        from footprint.detect.text import strip_controls

        # Fetched snippets must not drive the terminal.
        click.echo(strip_controls(text) if isinstance(text, str) else text)
    else:
        write_private_file(out, text)
        click.echo(f"Wrote {out} (readable by you only)")
