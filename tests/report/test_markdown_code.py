"""Commands in report.md are code, not escaped backticks, and every heading stands apart."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from footprint.report.model import Report
from footprint.report.render import render_markdown


def _headings_without_blank_line(text: str) -> list[str]:
    lines = text.splitlines()
    return [
        f"{lines[n - 1]!r} -> {line!r}"
        for n, line in enumerate(lines)
        if n and re.match(r"#{1,6} ", line) and lines[n - 1].strip()
    ]


@pytest.mark.slow  # the whole demo audit behind demo_dir
def test_demo_markdown_commands_are_code(demo_dir: Path) -> None:
    md = (demo_dir / "report.md").read_text()
    assert "\\`" not in md
    assert "`footprint profile init`" in md  # the demo is made in the terminal: commands shown
    html = (demo_dir / "report.html").read_text()
    assert "<code>footprint profile init</code>" in html and "`footprint" not in html


@pytest.mark.slow  # the whole demo audit behind demo_dir
def test_demo_markdown_headings_follow_a_blank_line(demo_dir: Path) -> None:
    assert _headings_without_blank_line((demo_dir / "report.md").read_text()) == []


def test_markdown_without_actions_keeps_headings_apart(
    make_report: Callable[..., Report],
) -> None:
    for active in (False, True):
        md = render_markdown(make_report(active, findings=[]))
        assert "No actions yet" in md
        assert _headings_without_blank_line(md) == []
