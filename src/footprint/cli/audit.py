"""`footprint audit` and `footprint demo`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from footprint.model.vocab import Severity

if TYPE_CHECKING:
    from footprint.report.render import Format


def _formats(ctx: click.Context, param: click.Parameter, value: str) -> list[Format]:
    from footprint.report.render import Format  # on use: render loads jinja2

    try:
        chosen = [Format(f.strip()) for f in value.split(",") if f.strip()]
    except ValueError:
        chosen = []
    if not chosen:
        known = ", ".join(f.value for f in Format)
        raise click.BadParameter(f"use any of {known} (got {value!r})")
    return chosen


# The same report formats for `audit` and `demo`.
_format_option = click.option(
    "--format",
    "formats",
    default="html,md,json",
    show_default=True,
    callback=_formats,
    help="Comma-separated: html, md, json, pdf.",
)


@click.command()
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(path_type=Path),
    help="Profile YAML (default: ask the questions; see `footprint profile init`).",
)
@click.option(
    "--answers",
    "answers_path",
    type=click.Path(path_type=Path),
    help="Answers YAML: answers these questions; the rest are asked.",
)
@click.option(
    "--consent",
    "consent_spec",
    metavar="all|none|ID,ID",
    help="Decide the lookups without asking (see `footprint lookups`).",
)
@click.option("--offline", is_flag=True, help="Checklist only: no lookups, nothing sent.")
@click.option(
    "--quick",
    is_flag=True,
    help="At most 30 questions, most important first (adviser calls); the rest are listed "
    "to finish at home with --resume.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    help="Report folder (default: reports/<date>-<name>/).",
)
@_format_option
@click.option("--adviser", help="Adviser's name: adviser mode (member and adviser copies).")
@click.option("--case", "case_ref", help="Case reference (adviser mode).")
@click.option("--resume", "resume_id", metavar="ID", help="Carry on a stored session.")
@click.option("--no-input", is_flag=True, help="Never ask; unanswered items are listed.")
@click.option("--no-store", is_flag=True, help="Keep no session on this computer.")
@click.option(
    "--accept",
    "accepted",
    multiple=True,
    metavar="FINDING_ID",
    help="Accept a finding (listed apart, not scored). Repeatable.",
)
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    help="Exit 3 if a finding at or above this severity remains.",
)
@click.option("--allow-private", is_flag=True, help="Allow intranet (private) addresses.")
@click.option(
    "--saved-results",
    "saved_results",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    metavar="FILE",
    help="A results page you saved after searching your name yourself (Google, Bing or "
    "DuckDuckGo, HTML): read as the name search's result. Repeatable.",
)
@click.option(
    "--member-copy",
    "full",
    is_flag=True,
    help="Show your own details in the report (default: masked).",
)
def audit(**kwargs: Any) -> None:
    """Run your audit: a few questions, the lookups you agree to, and a report.

    Nothing is sent anywhere until you agree to each lookup. Your answers are saved as you
    go: b goes back a question, s skips an area you don't use, and q or Ctrl-C stops (carry
    on later with --resume).
    """
    from footprint.audit.desk import check_adviser
    from footprint.cli.auditcmd import AuditArgs, run_audit_command
    from footprint.errors import InputError

    try:  # the core's rule, worded with this face's option names
        check_adviser(kwargs["adviser"], kwargs["case_ref"])
    except InputError:
        raise click.UsageError("--case is for adviser mode: give --adviser NAME as well.") from None
    kwargs["accepted"] = frozenset(kwargs["accepted"])
    raise click.exceptions.Exit(run_audit_command(AuditArgs(**kwargs)))


@click.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("reports/demo"),
    show_default=True,
    help="Report folder.",
)
@_format_option
def demo(out_dir: Path, formats: list[Format]) -> None:
    """A full audit of a fictional doctor, against pages served on this computer.

    Nothing leaves this computer. The report shows found, not-found and couldn't-check
    results, so you can see what a real report looks like.
    """
    from footprint.cli.auditcmd import run_demo_command

    run_demo_command(out_dir, formats)
