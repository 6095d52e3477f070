"""Interactive prompts for the audit: questions, consent, retention. UI only."""

from __future__ import annotations

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


def ask_item(item: ChecklistItem, index: int, total: int, status: str = "") -> Answer | None:
    """Ask one checklist question; `?` explains; `q` stops (the answers so far are kept)."""
    click.echo()
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
            click.echo(f"   Why it matters: {item.why}")
            click.echo(f"   How to check: {item.check}")
            continue
        click.echo(f"   {HELP}")


def ask_response_question(question: str) -> Answer:
    """The first question: is a patient already contacting you?"""
    click.echo()
    click.secho(question, bold=True)
    click.echo("   (If yes, your report starts with what to do now.)")
    while True:
        key = click.prompt("   y / n / u", default="n").strip().lower()
        if key in ("y", "yes", "n", "no", "u", "unsure"):
            return _KEYS[key]


def ask_consent(title: str, sentence: str, asked_by: str | None) -> bool:
    """Ask about one lookup, showing exactly what is sent and to whom."""
    click.echo()
    click.secho(title, bold=True)
    click.echo(f"   Sends: {sentence}")
    who = f"{asked_by} asks" if asked_by else "Allow this"
    return click.confirm(f"   {who}: may footprint do this?", default=False)
