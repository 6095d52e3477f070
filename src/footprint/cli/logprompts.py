"""The fields of a `log add` or `log correct` entry: from options, else asked for; and the
terminal's wrapping of the log's longer sentences. UI only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from footprint.log.errors import LogInputError
from footprint.log.models import CHANNEL_LABELS, Channel, Entry, EntryFields
from footprint.log.when import EXAMPLES, parse_when
from footprint.util.yamlio import describe_validation_error

CHANNELS = [c.value for c in Channel]


def wrapped(text: str, indent: str = "") -> str:
    """`text` wrapped to the terminal (at most 100 columns), later lines indented."""
    import shutil
    import textwrap

    width = max(40, min(shutil.get_terminal_size().columns, 100) - 1)
    return textwrap.fill(text, width, subsequent_indent=indent, break_on_hyphens=False)


def warn(text: str) -> None:
    """A warning the doctor must see at once: red, on stderr."""
    click.secho(wrapped(text), fg="red", bold=True, err=True)


def ask_when(default: str | None = None) -> str:
    """The time of the contact, asked again until it can be read for certain."""
    while True:
        typed = click.prompt(f"When did it happen? ({EXAMPLES})", default=default or "now")
        try:
            return parse_when(typed).value
        except LogInputError as exc:
            click.secho(f"   {exc.message} {exc.hint or ''}", fg="yellow")


def ask_channel(default: str | None = None) -> Channel:
    """How the contact was made."""
    click.echo(
        "How was the contact made? "
        + ", ".join(f"{c.value} ({CHANNEL_LABELS[c].lower()})" for c in Channel)
    )
    value = click.prompt("How", type=click.Choice(CHANNELS), default=default, show_choices=False)
    return Channel(value)


def ask_text(question: str, default: str = "", *, required: bool = False) -> str:
    """One line of text, kept exactly as typed (Enter keeps the default, or leaves it blank)."""
    while True:
        value: str = click.prompt(question, default=default, show_default=bool(default))
        if value or not required:
            return value
        click.secho("   This one is needed: a few words are enough.", fg="yellow")


def ask_files() -> list[Path]:
    """Files to keep with the entry, one per line, until a blank line."""
    click.echo("Files to keep with this entry (screenshots, photos, scans, saved messages).")
    click.echo("A copy is kept; your original is not moved or changed. Press Enter when done.")
    paths: list[Path] = []
    while True:
        typed = click.prompt("File", default="", show_default=False).strip().strip("'\"")
        if not typed:
            return paths
        path = Path(typed).expanduser()
        if path.is_file():
            paths.append(path)
        else:
            click.secho(
                f"   {path} is not a file. Check the path, or press Enter to finish.", fg="yellow"
            )


def entry_fields(
    given: dict[str, Any], *, no_input: bool, base: Entry | None, reason: str
) -> EntryFields:
    """The entry's fields from options, then prompts (or the corrected entry's values)."""
    if no_input and base is None:
        missing = [f"--{name}" for name in ("when", "channel", "what") if not given.get(name)]
        if missing:
            raise click.UsageError(f"With --no-input, give {', '.join(missing)}.")
    interactive = not no_input

    def text(name: str, question: str, required: bool = False) -> str:
        if given.get(name) is not None:
            return str(given[name])
        default = str(getattr(base, name)) if base is not None else ""
        return ask_text(question, default, required=required) if interactive else default

    # With --no-input, `base` is set here: the check above needs all three for a new entry.
    when = parse_when(given["when"]).value if given.get("when") else None
    if when is None:
        earlier_when = base.event_time.display() if base else None
        when = ask_when(earlier_when) if interactive or base is None else base.when
    channel = given.get("channel")
    if channel is None:
        earlier_channel = base.channel.value if base else None
        channel = ask_channel(earlier_channel) if interactive or base is None else base.channel
    values = {
        "when": when,
        "channel": channel,
        "where": text("where", "Where (at work, at home, online: which site or app)"),
        "what": text("what", "What happened, was said or was sent (in your own words)", True),
        "witnesses": _witnesses(given, base, interactive),
        "reported_to": text("reported_to", "Who you have told (manager, defence union, police)"),
        "reference": text("reference", "Police or other reference number, if any"),
        "corrects": base.seq if base is not None else None,
        "reason": reason,
    }
    try:
        return EntryFields(**values)
    except ValidationError as exc:
        problem = describe_validation_error(exc)
        raise LogInputError(f"The entry cannot be saved: {problem}.") from None


def _witnesses(given: dict[str, Any], base: Entry | None, interactive: bool) -> list[str]:
    if given.get("witnesses"):
        return list(given["witnesses"])
    earlier = list(base.witnesses) if base is not None else []
    if not interactive:
        return earlier
    if earlier:
        joined = "; ".join(earlier)
        typed = ask_text("Who saw or heard it? Names separated by ; (Enter keeps them)", joined)
        return earlier if typed == joined else [n.strip() for n in typed.split(";") if n.strip()]
    return ask_witnesses()


def ask_witnesses() -> list[str]:
    """Everyone who saw or heard it, one name a line, until a blank line."""
    names: list[str] = []
    while True:
        question = (
            "Anyone who saw or heard it (Enter if no one)"
            if not names
            else "Anyone else (Enter when done)"
        )
        typed = ask_text(question).strip()
        if not typed:
            return names
        names.append(typed)
