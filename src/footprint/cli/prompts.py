"""The terminal audit's prompts: the first question (is a patient contacting you now?), each
checklist question with its keys (back, skip the area, why, stop) and each lookup's consent.

The terminal face only: each answer goes back to the command that asked.
"""

from __future__ import annotations

import shutil
import textwrap
from enum import Enum

import click

from footprint.audit.coverage import NAME_SEARCH
from footprint.content.checklists import ChecklistItem
from footprint.model.consent import ConsentQuestion
from footprint.model.vocab import Answer


class Move(Enum):
    """What a reply asks for other than an answer."""

    BACK = "back"
    SKIP = "skip"


BACK = Move.BACK
SKIP = Move.SKIP
STOP = None

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
# An earlier answer in the words the browser uses ("not sure", not "unsure").
_ANSWER_WORDS = {
    Answer.YES: "yes",
    Answer.NO: "no",
    Answer.UNSURE: "not sure",
    Answer.NA: "doesn't apply",
}
_MOVES = {"b": BACK, "back": BACK, "s": SKIP, "skip": SKIP}
HELP = (
    "y = yes, n = no, u = unsure, na = doesn't apply, b = back one question, "
    "s = skip this whole area (you don't use it), ? = why and how to check, q = stop for now"
)


def _say(text: str) -> None:
    """Indented and wrapped to the terminal, so words are not split at the window's edge."""
    width = max(40, min(shutil.get_terminal_size().columns, 100) - 1)
    indent = " " * 3
    click.echo(textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent + "  "))


def ask_item(
    item: ChecklistItem,
    progress: str,
    area: str | None = None,
    status: str = "",
    current: Answer | None = None,
) -> Answer | Move | None:
    """Ask one checklist question; `?` explains; `b` goes back, `s` skips the area, `q` stops.

    `progress` reads e.g. "12/30, about 6 min left"; `area` names the platform or area, since
    a question alone may not say ("Strava"); `current` is the answer given before a `b`.
    """
    click.echo()
    if area:
        click.secho(area, dim=True)
    click.secho(f"[{progress}] {item.question}", bold=True)
    if current is not None:
        click.secho(f"   (you answered: {_ANSWER_WORDS[current]}; Enter keeps it)", dim=True)
    if status:
        click.secho(f"   ({status})", dim=True)
    while True:
        raw = click.prompt("   y / n / u / na / b / s / ? / q", default="", show_default=False)
        key = raw.strip().lower()
        if not key and current is not None:
            return current
        if key in _KEYS:
            return _KEYS[key]
        if key in _MOVES:
            return _MOVES[key]
        if key == "q":
            return STOP
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


class Consent(Enum):
    """A reply to one consent question: this one, or this one and every one after it."""

    YES = "yes"
    NO = "no"
    ALL = "all"
    NONE = "none"


_CONSENT_KEYS = {
    "y": Consent.YES,
    "yes": Consent.YES,
    "n": Consent.NO,
    "no": Consent.NO,
    "": Consent.NO,
    "all": Consent.ALL,
    "a": Consent.ALL,
    "none": Consent.NONE,
}
CONSENT_HELP = (
    "y = yes, n = no (Enter means no), d = details, all = agree to all, none = agree to none"
)


def ask_consent(question: ConsentQuestion, asked_by: str | None, *, first: bool) -> Consent:
    """Ask about one lookup in plain words; "d" shows exactly what is sent, and where.

    The first question also offers "all" and "none" (they are understood at any question, for
    this one and every one after it)."""
    click.echo()
    click.secho(question.title, bold=True)
    _say(f"Sends: {question.headline}.")
    if question.lookup_id == NAME_SEARCH:
        _say("Without this search footprint cannot give you a findability score.")
    who = f"{asked_by} asks" if asked_by else "Allow this"
    keys = "y / n / d = details / all / none" if first else "y / n / d = details"
    while True:
        raw = click.prompt(
            f"   {who}: may footprint do this? ({keys}) [y/N]", default="", show_default=False
        )
        key = raw.strip().lower()
        if key in ("d", "details"):
            _say(f"Exactly what is sent: {question.sentence}.")
            _say(f"Addresses it may contact: {', '.join(question.destinations)}.")
            continue
        if key in _CONSENT_KEYS:
            return _CONSENT_KEYS[key]
        _say(CONSENT_HELP)
