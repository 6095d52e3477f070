"""Drafted requests for actions someone else must carry out: what to ask, and writing drafts.

The words of every request (and the law they cite) live in `footprint.plan.letters`; this module
asks it which request an action needs and has it write the drafts (text, .eml, printable HTML).
It is loaded when first needed, so the rest of the plan works even where it is absent; then no
action has a request and asking for a draft says so. Nothing here sends anything.
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from footprint.errors import InputError
from footprint.model.profile import Profile
from footprint.plan.model import RequestInfo
from footprint.report.model import Finding

LETTERS = "footprint.plan.letters"


def _letters() -> ModuleType | None:
    try:
        return importlib.import_module(LETTERS)
    except ModuleNotFoundError as exc:
        if exc.name != LETTERS:
            raise  # something the letters need is missing: a real fault, shown as one
        return None


def _need(finding: Finding, profile: Profile) -> Any:
    letters = _letters()
    return None if letters is None else letters.request_for(finding, profile)


def request_info(finding: Finding, profile: Profile) -> RequestInfo | None:
    """Who the request goes to, or None when the doctor can do it alone."""
    need = _need(finding, profile)
    if need is None:
        return None
    return RequestInfo(kind=str(need.kind), recipient=need.recipient_id or need.page_url)


def answer_period(finding: Finding, profile: Profile) -> tuple[bool, int | None]:
    """(whether the law sets a deadline for the answer, its days when the draft states them).

    Without a drafted request to ask (the letters are absent, or the doctor sent something of
    their own) a deadline is assumed: where GDPR applies, that is its one month.
    """
    letters = _letters()
    need = _need(finding, profile)
    if letters is None or need is None:
        return True, None
    days = letters.draft(need, profile, today=date.today()).deadline_days
    return (days is not None), (int(days) if days is not None else None)


def write_draft(
    finding: Finding,
    profile: Profile,
    out_dir: Path,
    stem: str,
    *,
    today: date,
    sent_on: date | None = None,
    reminder: bool = False,
    complaint: bool = False,
    refused_on: date | None = None,
) -> list[Path]:
    """Write the request (or its reminder, or the complaint to the regulator) as .txt, .eml and
    .html in `out_dir`; InputError when the action needs no request. A complaint about a
    request they refused (`refused_on`) says so instead of speaking of a reminder."""
    letters = _letters()
    need = _need(finding, profile)
    if letters is None or need is None:
        raise InputError(
            f"“{finding.title}”: this is one you can do yourself, so there is no request to draft.",
            hint="Its steps are in your report and in `footprint plan`.",
        )
    extra: dict[str, object] = {"complaint": True} if complaint else {}
    if complaint and refused_on is not None:
        extra["refused_on"] = refused_on
    draft = letters.draft(need, profile, today=today, sent_on=sent_on, reminder=reminder, **extra)
    paths = letters.write_draft(draft, out_dir, stem)
    return [Path(p) for p in paths]
