"""The terminal face, `footprint`: each command parses, calls the core and renders the result.

This module holds the command group and the entry point. Commands load lazily (`COMMANDS`
names the module each lives in) so `footprint --help` stays fast: heavy imports such as jinja2,
rich tables and the lookup modules load only when a command needs them. `main()` is the one
place the process exits: a domain error, a broken world (disk, database, file encoding) or a bug
becomes one message and an exit code, and a command that ends with a code of its own (a log that
does not verify, a question stopped with Ctrl-C) raises `click.exceptions.Exit(code)`.
"""

from __future__ import annotations

import importlib
import os
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
    "union": ("footprint.cli.union:union", "For a defence union: statistics over adviser copies."),
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


def _world_error(exc: BaseException) -> FootprintError | None:
    """A broken world (disk, database, file encoding) that escaped the core, as a domain error.

    The core raises domain errors where it knows the file and the fix; this is the net under
    it, so a full disk or a damaged store never shows a traceback.
    """
    import sqlite3

    from footprint.errors import InputError, os_hint, os_reason

    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return FootprintError(f"{where}{os_reason(exc)}.", hint=os_hint(exc))
    if isinstance(exc, sqlite3.Error):
        from footprint.store.connection import translate
        from footprint.store.schema import default_path

        return translate(exc, default_path(), "use")
    if isinstance(exc, UnicodeError):
        return InputError(
            "A file given to footprint is not UTF-8 text.",
            hint="Save it as UTF-8 in your editor, then try again.",
        )
    if isinstance(exc, RecursionError):
        return InputError(
            "An input is nested too deeply to be read.", hint="Check the files you gave."
        )
    return None


def _internal(exc: BaseException) -> None:
    """Last resort: a bug. The type only (a message may quote personal data); nothing is lost."""
    _fail(
        f"internal error ({type(exc).__name__}). Answers already given are kept in the "
        "session store.",
        "Run the command again; if it happens again, please report it (set FOOTPRINT_DEBUG=1 "
        "to see the details, and remove personal details before sharing them).",
        int(ExitCode.ERROR),
    )


def main(argv: list[str] | None = None) -> Any:
    """Console entry point: the one place where errors become messages and exit codes."""
    try:
        return _main(argv)
    except (SystemExit, KeyboardInterrupt):
        raise
    except Exception as exc:
        if os.environ.get("FOOTPRINT_DEBUG"):
            raise
        known = _world_error(exc)
        if known is None:
            _internal(exc)
        else:
            _fail(known.message, known.hint, int(known.exit_code))
    return None


def _main(argv: list[str] | None) -> Any:
    try:
        code = cli.main(args=argv, prog_name="footprint", standalone_mode=False)
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
    if isinstance(code, int):  # a command's exit code (`raise click.exceptions.Exit(code)`)
        sys.exit(code)
    return code
