"""`footprint audit` and `footprint demo`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from footprint.vocab import Severity

FORMATS = ("html", "md", "json", "pdf")


def _formats(value: str) -> list[str]:
    chosen = [f.strip() for f in value.split(",") if f.strip()]
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise click.BadParameter(f"use any of {', '.join(FORMATS)} (got {value!r})")
    return chosen


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
@click.option("--quick", is_flag=True, help="Only critical and high items (adviser calls).")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    help="Report folder (default: reports/<date>-<name>/).",
)
@click.option(
    "--format",
    "formats",
    default="html,md,json",
    show_default=True,
    help="Comma-separated: html, md, json, pdf.",
)
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
    "--member-copy",
    "full",
    is_flag=True,
    help="Show your own details in the report (default: masked).",
)
def audit(**kwargs: Any) -> None:
    """Run your audit: a few questions, the lookups you agree to, and a report.

    Nothing is sent anywhere until you agree to each lookup. Your answers are saved as you
    go: stop with q or Ctrl-C and carry on later with --resume.
    """
    from footprint.cli.auditcmd import AuditArgs, run_audit_command

    kwargs["formats"] = _formats(kwargs["formats"])
    kwargs["accepted"] = frozenset(kwargs["accepted"])
    run_audit_command(AuditArgs(**kwargs))


@click.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("reports/demo"),
    show_default=True,
    help="Report folder.",
)
@click.option(
    "--format",
    "formats",
    default="html,md,json",
    show_default=True,
    help="Comma-separated: html, md, json, pdf.",
)
def demo(out_dir: Path, formats: str) -> None:
    """A full audit of a fictional doctor, against pages served on this computer.

    Nothing leaves this computer. The report shows found, not-found and couldn't-check
    results, so you can see what a real report looks like.
    """
    from footprint.cli.auditcmd import run_demo_command

    run_demo_command(out_dir, _formats(formats))
