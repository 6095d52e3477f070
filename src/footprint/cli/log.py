"""`footprint log add | list | show N | correct N | purge --all` (and, from `logcheck`,
`export`, `verify [FILE]`, `timestamp`).

Scripts give every field as an option and `--no-input`; without `--no-input`, anything not
given is asked for. Everything else lives in `footprint.log`, wording of results included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from footprint.errors import ExitCode

if TYPE_CHECKING:
    from footprint.log.database import LogStore
    from footprint.log.models import Entry

CHANNELS = ["letter", "gift", "call", "text", "social", "email", "in-person", "other"]
CONFIRM_WORD = "DELETE"


def _entry_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--when", help='When it happened: "24/11/2026 14:30", "2026-11-24 14:30" or "now".'),
        click.option("--channel", type=click.Choice(CHANNELS), help="How the contact was made."),
        click.option("--where", help="Where: at work, at home, online (which site or app)."),
        click.option("--what", help="What happened or was said or sent, in your own words."),
        click.option("--witness", "witnesses", multiple=True, help="Someone who saw or heard it (repeat for more)."),
        click.option("--reported-to", help="Who you told: manager, defence union, police."),
        click.option("--reference", help="Police or other reference number."),
        click.option(
            "--file", "files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="A screenshot, photo, scan or saved message to keep (repeat for more; the original is left as it is).",
        ),
        click.option("--no-input", is_flag=True, help="Ask nothing: for scripts (--when, --channel and --what are then needed)."),
    ]  # fmt: skip
    for option in reversed(options):
        func = option(func)
    return func


@click.group()
def log() -> None:
    """Your contact log: every unwanted contact, dated, kept on this computer until you delete it.

    \b
    footprint log add                 write down a contact (asks you, or use the options)
    footprint log list                every entry; `log show N` for one in full
    footprint log correct N           put an entry right (a new entry; the old one stays)
    footprint log export [--out DIR]  HTML, JSON and CSV for the police or your defence union
    footprint log verify [FILE]       check nothing has been changed since it was written
    footprint log timestamp           a trusted timestamp of your log (asks you first)
    footprint log purge --all         delete the whole log for good (asks you to type DELETE)

    After each entry and export, footprint prints a short receipt: write it down or
    e-mail it to yourself; `log verify --receipt` later shows those entries are unchanged.
    """


@log.command()
@_entry_options
def add(no_input: bool, files: tuple[Path, ...], **given: Any) -> None:
    """Write down one contact: when, how, where, what happened, who saw it, files."""
    from footprint.cli.logprompts import entry_fields
    from footprint.log.database import LogStore

    with _nothing_saved_if_stopped():
        fields = entry_fields(given, no_input=no_input, base=None, reason="")
        paths = list(files) or ([] if no_input else _ask_files())
    with LogStore() as store:
        entry = store.add(fields, paths)
        _saved(entry, store)


@log.command()
@click.argument("number", type=click.IntRange(min=1))
@_entry_options
@click.option("--reason", help="Why the entry is being corrected.")
def correct(
    number: int, no_input: bool, files: tuple[Path, ...], reason: str | None, **given: Any
) -> None:
    """Correct entry NUMBER: a new entry that points at it. Nothing is rewritten or deleted.

    Fields you do not give are copied from the entry being corrected.
    """
    from footprint.cli.logprompts import entry_fields
    from footprint.log.database import LogStore

    with LogStore() as store:
        base = store.get(number)
        if not no_input:
            _show_entry(store, base)  # the doctor sees what they are correcting before "why"
        with _nothing_saved_if_stopped():
            if reason is None:
                reason = "" if no_input else _ask_reason()
            fields = entry_fields(given, no_input=no_input, base=base, reason=reason)
        entry = store.add(fields, list(files))
        _saved(entry, store)


@contextmanager
def _nothing_saved_if_stopped() -> Iterator[None]:
    """Ctrl-C at a question: say plainly that this entry was not saved (earlier ones are)."""
    try:
        yield
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("\nStopped: this entry was not saved. Earlier entries are kept.", err=True)
        raise click.exceptions.Exit(ExitCode.INTERRUPTED) from None


def _ask_files() -> list[Path]:
    from footprint.cli.logprompts import ask_files

    return ask_files()


def _ask_reason() -> str:
    from footprint.cli.logprompts import ask_text

    return ask_text("Why are you correcting it?")


def _saved(entry: Entry, store: LogStore) -> None:
    from footprint.cli.logprompts import warn
    from footprint.log.verdict import damage_warning, receipt_line

    what = f"Entry {entry.seq} saved"
    if entry.corrects:
        what += f" (corrects entry {entry.corrects}, which is kept as it was)"
    click.echo(f"{what}: {entry.channel.label}, {entry.event_time.display()}.")
    for a in entry.attachments:
        click.echo(f"  Kept a copy of {a.name} ({a.size} bytes, SHA-256 {a.sha256[:16]}...).")
    checked = store.verify()
    if checked.problem is not None:
        warn(damage_warning(checked.problem, saved=True))
        return
    click.echo(f"Log digest now: {entry.entry_hash}")
    click.echo(receipt_line(checked.entries, checked.head))


@log.command("list")
def list_entries() -> None:
    """Every entry in the order written."""
    from footprint.cli.logprompts import warn
    from footprint.log.database import LogStore
    from footprint.log.verdict import damage_warning

    with LogStore(read_only=True) as store:
        entries = store.readable_entries()  # a missing log file is reported here
        checked = store.verify()  # the digest shown is recomputed
    if checked.problem is not None:
        warn(damage_warning(checked.problem, saved=False))  # at once, before the table
    if not entries:
        if checked.problem is None:
            click.echo("Your log is empty. Start it with: footprint log add")
            return
        raise click.exceptions.Exit(int(ExitCode.ERROR))
    _table(entries)
    if checked.problem is None:
        click.echo(f"\n{len(entries)} entries. Log digest: {checked.head}")
    else:
        click.secho(
            f"\n{len(entries)} entries. NOT INTACT: {checked.problem.sentence()}."
            " Run `footprint log verify`.",
            fg="red",
        )


def _table(entries: list[Entry]) -> None:
    """The entries as rows that fit the terminal: long text wraps under its own column."""
    import shutil
    import textwrap

    from footprint.log.summary import corrected_by

    fixes = corrected_by(entries)
    width = max(60, min(shutil.get_terminal_size().columns, 120) - 1)
    lead = 4 + 2 + 16 + 2 + 9 + 2 + 5 + 2  # the columns before "what"
    click.echo(f"{'#':>4}  {'when':<16}  {'how':<9}  {'files':>5}  what")
    for e in entries:
        note = f" [corrects {e.corrects}]" if e.corrects else ""
        if e.seq in fixes:
            note += f" [corrected by {', '.join(map(str, fixes[e.seq]))}]"
        what = " ".join(e.what.split())
        what = what if len(what) <= 140 else what[:139] + "…"
        lines = textwrap.wrap(what + note, width - lead, break_on_hyphens=False) or [""]
        first = f"{e.seq:>4}  {e.event_time.display():<16}  {e.channel.value:<9}  {len(e.attachments):>5}  "
        click.echo(first + lines[0])
        for more in lines[1:]:
            click.echo(" " * lead + more)


@log.command()
@click.argument("number", type=click.IntRange(min=1))
def show(number: int) -> None:
    """Show entry NUMBER in full, with its files and hashes."""
    from footprint.log.database import LogStore

    with LogStore(read_only=True) as store:
        _show_entry(store, store.get(number))


def _show_entry(store: LogStore, e: Entry) -> None:
    from footprint.cli.logprompts import wrapped

    later = [x.seq for x in store.readable_entries() if x.corrects == e.seq]
    rows = [
        ("Entry", str(e.seq)), ("When", e.event_time.display()), ("How", e.channel.label),
        ("Where", e.where), ("What happened", e.what), ("Witnesses", "; ".join(e.witnesses)),
        ("Reported to", e.reported_to), ("Reference", e.reference),
        ("Corrects entry", str(e.corrects or "")), ("Why corrected", e.reason),
        ("Corrected by", ", ".join(map(str, later))), ("Written (UTC)", e.recorded_at),
    ]  # fmt: skip
    for label, value in rows:
        if value:
            click.echo(wrapped(f"{label + ':':<15} {value}", " " * 16))
    for a in e.attachments:
        click.echo(f"{'File:':<15} {a.name} ({a.size} bytes, {a.media_type})")
        click.echo(f"{'':<15} SHA-256 {a.sha256}")
        click.echo(f"{'':<15} copy kept at {store.attachment_path(a)}")
    click.echo(f"{'Entry hash:':<15} {e.entry_hash}")
    click.echo(f"{'Previous hash:':<15} {e.prev_hash}")


@log.command()
@click.option("--all", "everything", is_flag=True, help="Delete the whole log and every kept file.")
@click.option("--yes", is_flag=True, help=f"For scripts: do not ask you to type {CONFIRM_WORD}.")
def purge(everything: bool, yes: bool) -> None:
    """Delete the whole log for good (overwritten, not just hidden). Export it first."""
    from footprint.log.database import LogStore

    if not everything:
        raise click.UsageError("The log is only ever deleted as a whole: use --all.")
    if not yes:
        click.echo("This deletes every entry and every kept file. It cannot be undone.")
        click.echo(
            "If the police or your defence union may need it, run `footprint log export` first."
        )
        typed = click.prompt(
            f"Type {CONFIRM_WORD} to delete your log", default="", show_default=False
        )
        if typed.strip() != CONFIRM_WORD:
            click.echo("Nothing deleted.")
            return
    entries, files = LogStore().purge()
    click.echo(f"Deleted {entries} entries and {files} kept files, overwritten before removal.")


def _register_checks() -> None:
    from footprint.cli.logcheck import export, timestamp, verify

    for command in (export, verify, timestamp):
        log.add_command(command)


_register_checks()
