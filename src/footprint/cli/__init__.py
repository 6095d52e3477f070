"""The command line: parse, call the core, render. No logic lives here.

Commands load lazily (one module per command group) so `footprint --help` stays fast: heavy
imports such as jinja2, rich tables and the lookup modules load only when a command needs them.
Every domain error becomes one message and an exit code in `main()`.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from footprint import __version__
from footprint.errors import ExitCode, FootprintError

# command name -> "module:attribute" under footprint.cli
COMMANDS: dict[str, tuple[str, str]] = {
    "ui": ("footprint.cli.ui:ui", "The audit in your own browser (start here)."),
    "audit": ("footprint.cli.audit:audit", "Run the audit: interview, lookups, report."),
    "demo": ("footprint.cli.audit:demo", "Full audit of a fictional doctor, offline."),
    "scan": ("footprint.cli.scan:scan", "Find contact details on web pages or HTML files."),
    "lookups": ("footprint.cli.lookups:lookups", "List every lookup: what it sends, where."),
    "checklist": ("footprint.cli.checklist:checklist", "List, show and validate checklists."),
    "profile": ("footprint.cli.profile:profile", "Create a profile file."),
    "report": ("footprint.cli.report:report", "Render a stored report again."),
    "diff": ("footprint.cli.sessions:diff", "What changed between two audits."),
    "sessions": ("footprint.cli.sessions:sessions", "List, show and purge stored sessions."),
    "log": (
        "footprint.cli.log:log",
        "Your contact log: dated, tamper-evident, kept until you delete it.",
    ),
}


class LazyGroup(click.Group):
    """A group whose sub-commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target[0].split(":")
        command = getattr(importlib.import_module(module_name), attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help from the table above, so `--help` imports no command module.
        rows = [(name, help_text) for name, (_, help_text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="footprint")
def cli() -> None:
    """footprint: how easily could a patient reach you outside work, and what to do about it.

    A private self-audit for doctors. Nothing is sent anywhere without your consent; your
    personal details stay on this computer.

    \b
    Start with:  footprint ui            (the audit in your browser, on this computer)
                 footprint demo          (a fictional doctor, nothing sent)
                 footprint audit         (the audit in the terminal; for advisers, scripts)
    """


def _fail(message: str, hint: str | None, code: int) -> None:
    click.secho(f"Error: {message}", fg="red", err=True)
    if hint:
        click.echo(f"What to do: {hint}", err=True)
    sys.exit(code)


def main(argv: list[str] | None = None) -> Any:
    """Console entry point: the one place where domain errors become messages."""
    try:
        return cli.main(args=argv, prog_name="footprint", standalone_mode=False)
    except FootprintError as exc:
        _fail(exc.message, exc.hint, int(exc.exit_code))
    except click.exceptions.Abort:
        # click turns Ctrl-C at a prompt into Abort: same meaning, same code as below.
        click.echo("\nStopped. Anything already answered has been kept.", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("\nStopped. Anything already answered has been kept.", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    return None
