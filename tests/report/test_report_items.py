"""Small things the demo report once got wrong: repeated source names, an untrue source name,
gaps in the numbering of "Do these first", "call 999" said over and over."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from footprint.report.model import Report
from footprint.report.nextsteps import Reader
from footprint.report.render import render_html, render_markdown

IN_DANGER = re.compile(r"in danger[^.\n]*call (?:\d{3}|112)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def demo(demo_dir: Path) -> Report:
    return Report.model_validate_json((demo_dir / "report.json").read_text(encoding="utf-8"))


def _names(line: str, label: str) -> list[str]:
    part = line.split(f"{label}: ", 1)[1].split(" · ")[0]
    return [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", n).strip() for n in part.split(", ")]


def test_each_source_and_help_site_is_named_once_per_action(demo_dir: Path) -> None:
    lines = [
        line
        for line in (demo_dir / "report.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("Help: ") or line.startswith("Guidance: ")
    ]
    assert lines, "the demo's actions cite help pages and guidance"
    for line in lines:
        for label in ("Help", "Guidance"):
            if f"{label}: " in line:
                names = _names(line, label)
                assert len(names) == len(set(names)), line


def test_sources_are_named_truly(demo_dir: Path) -> None:
    text = (demo_dir / "report.md").read_text(encoding="utf-8")
    assert "Oftel (archived by Ofcom)" not in text


def test_do_these_first_are_numbered_as_the_plan_with_no_gap(demo: Report) -> None:
    plan = [f.id for f in demo.findings if f.status.value != "couldnt_check"]
    numbers = [plan.index(a.finding_id) + 1 for a in demo.summary.top_actions]
    assert len(numbers) >= 3
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize("active", [False, True])
def test_whom_to_call_in_danger_is_said_once_per_place(demo: Report, active: bool) -> None:
    plan = demo.response_plan.model_copy(update={"active": active})
    report = demo.model_copy(update={"response_plan": plan})
    for text in (render_markdown(report, Reader.BROWSER), render_html(report, Reader.BROWSER)):
        # Once in the plan; when a patient is contacting the doctor, once more on page one.
        assert len(IN_DANGER.findall(text)) == (2 if active else 1)


def test_the_json_report_keeps_every_help_page(demo_dir: Path) -> None:
    # Naming a site once in the text never drops a page: the JSON and "Help pages" keep all.
    data = json.loads((demo_dir / "report.json").read_text(encoding="utf-8"))
    md = (demo_dir / "report.md").read_text(encoding="utf-8")
    pages = {u for f in data["findings"] for u in f["links"]}
    assert pages and all(u in md for u in pages)
