"""Questions `footprint log add` and `log correct` ask for the fields not given as options. UI only."""

from __future__ import annotations

from pathlib import Path

import click

from footprint.log.errors import LogInputError
from footprint.log.models import CHANNEL_LABELS, Channel
from footprint.log.when import EXAMPLES, parse_when

CHANNELS = [c.value for c in Channel]


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
