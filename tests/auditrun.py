"""Helpers for the session, adviser and diff tests: run `footprint` in-process, write inputs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from footprint.audit.questions import quick_selection
from footprint.cli import main
from footprint.content.checklists import ChecklistItem, select_items, shipped_catalogue
from footprint.model.profile import load_profile
from footprint.util.paths import data_dir

PRIVATE_EMAIL = "alex.private.home@example.org"
PRIVATE_PHONE = "07700 900456"
PRIVATE_POSTCODE = "EX9 7ZZ"
PROFILE = f"""\
name: Alex Example
title: Dr
role: gp
jurisdiction: GB
platforms: [facebook]
private:
  emails: [{PRIVATE_EMAIL}]
  phones: ["{PRIVATE_PHONE}"]
  home_postcode: {PRIVATE_POSTCODE}
  home_street: 12 Fictional Lane
"""


@dataclass(frozen=True)
class Run:
    """What one CLI run printed and returned."""

    code: int
    stdout: str
    stderr: str


def footprint(*args: object, input: str | None = None) -> Run:  # noqa: A002 - click's name
    """`footprint ARGS...` in-process, through `main()` (the error boundary)."""
    runner = CliRunner()
    with runner.isolation(input=input) as (out, err, _):
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        return Run(code, out.getvalue().decode(), err.getvalue().decode())


def write_profile(folder: Path, text: str = PROFILE) -> Path:
    """A fictional profile on disk."""
    path = folder / "profile.yaml"
    path.write_text(text)
    return path


def items_for(profile_path: Path, quick: bool = False) -> list[ChecklistItem]:
    """The checklist items this profile is asked, in asking order (`quick`: the quick rule)."""
    items = select_items(shipped_catalogue(), load_profile(profile_path))
    return quick_selection(items) if quick else items


def exposed(item: ChecklistItem) -> str:
    """The answer that means "exposed" on this item."""
    return item.exposed_when


def safe(item: ChecklistItem) -> str:
    """An answer that means "not exposed" on this item."""
    return "no" if item.exposed_when == "yes" else "yes"


def write_answers(path: Path, answers: dict[str, str], accepted: list[str] | None = None) -> Path:
    """An answers file (`contacting_now: no`, the answers, optional `accepted:`)."""
    lines = ["contacting_now: 'no'", "answers:"]
    lines += [f"  {item}: '{answer}'" for item, answer in answers.items()]
    if not answers:
        lines[-1] = "answers: {}"
    if accepted:
        lines += ["accepted:", *(f"  - {a}" for a in accepted)]
    path.write_text("\n".join(lines) + "\n")
    return path


def report_json(folder: Path) -> dict[str, Any]:
    """The report.json in `folder`."""
    data: dict[str, Any] = json.loads((folder / "report.json").read_text())
    return data


def store_path() -> Path:
    """The session store under this test's FOOTPRINT_HOME."""
    return data_dir() / "footprint.db"


def session_ids(text: str) -> list[str]:
    """Session ids announced in an audit's output ("Session 1a2b3c4d started")."""
    import re

    return re.findall(r"Session ([0-9a-f]{8}) started", text)
