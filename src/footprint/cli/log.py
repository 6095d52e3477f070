"""`footprint log add | list | show N | correct N | export | verify [FILE] | purge --all`.

Scripts give every field as an option and `--no-input`; without `--no-input`, anything not
given is asked for. Everything else lives in `footprint.log`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from footprint.errors import ExitCode

if TYPE_CHECKING:
    from footprint.log.chain import VerifyResult
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
    footprint log export --out DIR    HTML, JSON and CSV for the police or your defence union
    footprint log verify [FILE]       check nothing has been changed since it was written
    footprint log purge --all         delete the whole log for good (asks you to type DELETE)
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
    _saved(entry)


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
        with _nothing_saved_if_stopped():
            if reason is None:
                reason = "" if no_input else _ask_reason()
            fields = entry_fields(given, no_input=no_input, base=base, reason=reason)
        entry = store.add(fields, list(files))
    _saved(entry)


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


def _saved(entry: Entry) -> None:
    what = f"Entry {entry.seq} saved"
    if entry.corrects:
        what += f" (corrects entry {entry.corrects}, which is kept as it was)"
    click.echo(f"{what}: {entry.channel.label}, {entry.event_time.display()}.")
    for a in entry.attachments:
        click.echo(f"  Kept a copy of {a.name} ({a.size} bytes, SHA-256 {a.sha256[:16]}...).")
    click.echo(f"Log digest now: {entry.entry_hash}")


@log.command("list")
def list_entries() -> None:
    """Every entry in the order written."""
    from footprint.log.database import LogStore
    from footprint.log.summary import corrected_by

    with LogStore() as store:
        entries = store.entries()
        checked = store.verify() if entries else None  # the digest shown is recomputed
    if not entries:
        click.echo("Your log is empty. Start it with: footprint log add")
        return
    fixes = corrected_by(entries)
    click.echo(f"{'#':>4}  {'when':<16}  {'how':<9}  {'files':>5}  what")
    for e in entries:
        note = f" [corrects {e.corrects}]" if e.corrects else ""
        if e.seq in fixes:
            note += f" [corrected by {', '.join(map(str, fixes[e.seq]))}]"
        what = " ".join(e.what.split())
        what = what if len(what) <= 50 else what[:49] + "…"
        click.echo(
            f"{e.seq:>4}  {e.event_time.display():<16}  {e.channel.value:<9}  {len(e.attachments):>5}  {what}{note}"
        )
    assert checked is not None
    if checked.problem is None:
        click.echo(f"\n{len(entries)} entries. Log digest: {checked.head}")
    else:
        click.secho(
            f"\n{len(entries)} entries. NOT INTACT: {checked.problem.sentence()}."
            " Run `footprint log verify`.",
            fg="red",
        )


@log.command()
@click.argument("number", type=click.IntRange(min=1))
def show(number: int) -> None:
    """Show entry NUMBER in full, with its files and hashes."""
    from footprint.log.database import LogStore

    with LogStore() as store:
        e = store.get(number)
        later = [x.seq for x in store.entries() if x.corrects == number]
        rows = [
            ("Entry", str(e.seq)), ("When", e.event_time.display()), ("How", e.channel.label),
            ("Where", e.where), ("What happened", e.what), ("Witnesses", "; ".join(e.witnesses)),
            ("Reported to", e.reported_to), ("Reference", e.reference),
            ("Corrects entry", str(e.corrects or "")), ("Why corrected", e.reason),
            ("Corrected by", ", ".join(map(str, later))), ("Written (UTC)", e.recorded_at),
        ]  # fmt: skip
        for label, value in rows:
            if value:
                click.echo(f"{label + ':':<15} {value}")
        for a in e.attachments:
            click.echo(f"{'File:':<15} {a.name} ({a.size} bytes, {a.media_type})")
            click.echo(f"{'':<15} SHA-256 {a.sha256}")
            click.echo(f"{'':<15} copy kept at {store.attachment_path(a)}")
    click.echo(f"{'Entry hash:':<15} {e.entry_hash}")
    click.echo(f"{'Previous hash:':<15} {e.prev_hash}")


@log.command()
@click.option(
    "--format",
    "formats",
    default="html,json,csv",
    show_default=True,
    help="Any of html, pdf, json, csv.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write to.",
)
@click.option("--name", default="", help="Your name as you want it shown.")
@click.option("--details", default="", help="Other details to show, e.g. GMC number and workplace.")
@click.option("--about", default="", help="Who the contacts are from, as you want it shown.")
def export(formats: str, out_dir: Path, name: str, details: str, about: str) -> None:
    """Write the log for the police or your defence union (owner-only files)."""
    from footprint.log.database import LogStore
    from footprint.log.export import DoctorDetails, build, parse_formats, write

    chosen = parse_formats(formats)
    with LogStore() as store:
        built = build(store, DoctorDetails(name, details, about))  # refuses a changed log
        paths = write(built, store, out_dir, chosen)
    for path in paths:
        click.echo(f"Wrote {path}")
    click.echo(f"Final digest (on every page): {built.head}")


@log.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--digest", "expected", help="The final digest printed on a copy, to match against.")
def verify(file: Path | None, expected: str | None) -> None:
    """Check the log (or an exported contact-log.json) has not been changed. Exit 1 if it has."""
    if file is not None:
        from footprint.log.exportcheck import verify_export

        result = verify_export(file)
        where = str(file)
    else:
        from footprint.log.database import LogStore

        with LogStore() as store:
            result = store.verify()
            where = "your log"
    raise click.exceptions.Exit(_report(result, where, expected))


def _report(result: VerifyResult, where: str, expected: str | None) -> int:
    if result.problem is not None:
        p = result.problem
        click.secho(f"NOT INTACT: {p.sentence()}.", fg="red", bold=True)
        if p.seq and p.seq > 1:
            earlier = "Entry 1" if p.seq == 2 else f"Entries 1 to {p.seq - 1}"
            click.echo(f"{earlier} of {where} still {'matches' if p.seq == 2 else 'match'}.")
        return int(ExitCode.ERROR)
    if result.entries == 0:
        click.echo(f"No entries yet: {where} is empty, so there is nothing to check.")
        return int(ExitCode.OK)
    click.secho(
        f"Intact: {result.entries} entries, final digest {result.head}.", fg="green", bold=True
    )
    if result.files_checked or result.files_not_checked:
        plural = "" if result.files_checked == 1 else "s"
        files = f"{result.files_checked} kept file{plural} checked"
        if result.files_not_checked:
            files += f" ({result.files_not_checked} not exported beside it, so not checked)"
        click.echo(f"{files[0].upper()}{files[1:]}.")
    if expected is None:
        click.echo(
            "Compare this digest with the one on your last printed or exported copy: "
            "a log rewritten from the start cannot be told apart otherwise."
        )
    elif expected.strip().lower() != result.head:
        click.secho(
            "The final digest is not the one you gave: this is a different version of the log.",
            fg="red",
        )
        return int(ExitCode.ERROR)
    else:
        click.echo("It matches the digest you gave.")
    return int(ExitCode.OK)


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
