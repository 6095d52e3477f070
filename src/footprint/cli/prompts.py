"""Interactive prompts for the audit: questions, consent, retention. UI only."""

from __future__ import annotations

import shutil
import textwrap

import click

from footprint.checklists import ChecklistItem
from footprint.vocab import Answer

_KEYS = {
    "y": Answer.YES,
    "yes": Answer.YES,
    "n": Answer.NO,
    "no": Answer.NO,
    "u": Answer.UNSURE,
    "unsure": Answer.UNSURE,
    "?u": Answer.UNSURE,
    "na": Answer.NA,
    "n/a": Answer.NA,
    "-": Answer.NA,
}
HELP = "y = yes, n = no, u = unsure, na = doesn't apply, ? = why and how to check, q = stop for now"


def _area_title(item: ChecklistItem) -> str | None:
    """The item's area as the report names it ("Strava"): a question alone may not say."""
    from footprint.checklists import shipped_catalogue

    try:
        return shipped_catalogue().file_of(item.id).title
    except StopIteration:
        return None


def _say(text: str) -> None:
    """Indented and wrapped to the terminal, so words are not split at the window's edge."""
    width = max(40, min(shutil.get_terminal_size().columns, 100) - 1)
    indent = " " * 3
    click.echo(textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent + "  "))


def ask_item(item: ChecklistItem, index: int, total: int, status: str = "") -> Answer | None:
    """Ask one checklist question; `?` explains; `q` stops (the answers so far are kept)."""
    click.echo()
    area = _area_title(item)
    if area:
        click.secho(area, dim=True)
    click.secho(f"[{index}/{total}] {item.question}", bold=True)
    if status:
        click.secho(f"   {status}", dim=True)
    while True:
        raw = click.prompt("   y / n / u / na / ? / q", default="", show_default=False)
        key = raw.strip().lower()
        if key in _KEYS:
            return _KEYS[key]
        if key == "q":
            return None
        if key in ("?", "h", "help"):
            _say(f"Why it matters: {item.why}")
            _say(f"How to check: {item.check}")
            continue
        _say(f"{raw.strip()!r} is not an answer here. {HELP}" if key else HELP)


def ask_response_question(question: str) -> Answer:
    """The first question: is a patient already contacting you?"""
    click.echo()
    click.secho(question, bold=True)
    click.echo("   (If yes, your report starts with what to do now.)")
    while True:
        key = click.prompt("   y / n / u", default="n").strip().lower()
        if key in ("y", "yes", "n", "no", "u", "unsure"):
            return _KEYS[key]
        click.echo("   y = yes, n = no, u = unsure (Enter means no)")


def ask_consent(title: str, sentence: str, asked_by: str | None) -> bool:
    """Ask about one lookup, showing exactly what is sent and to whom."""
    click.echo()
    click.secho(title, bold=True)
    _say(f"Sends: {sentence}")
    who = f"{asked_by} asks" if asked_by else "Allow this"
    return click.confirm(f"   {who}: may footprint do this?", default=False)
