"""Helpers for CLI tests: run `footprint` in-process through `main()`, the error boundary."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from footprint.cli import main

PROFILE = """\
name: Alex Example
title: Dr
role: gp
jurisdiction: GB
locality: Exampleton
workplaces: [{name: Example Street Surgery, town: Exampleton}]
platforms: [facebook, strava]
private:
  emails: [alex.private@example.org]
  phones: ["07700 900123"]
  home_postcode: EX1 2AB
"""


@dataclass(frozen=True)
class Run:
    """What one CLI run printed and returned."""

    code: int
    stdout: str
    stderr: str


Invoke = Callable[..., Run]


@pytest.fixture
def run_cli() -> Invoke:
    """Call `footprint ARGS...` in-process; returns exit code, stdout and stderr."""

    def invoke(*args: str, input: str | None = None) -> Run:  # noqa: A002 - click's name
        runner = CliRunner()
        with runner.isolation(input=input) as (out, err, _):
            try:
                main([str(a) for a in args])
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            return Run(code, out.getvalue().decode(), err.getvalue().decode())

    return invoke


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    """A fictional profile on disk."""
    path = tmp_path / "profile.yaml"
    path.write_text(PROFILE)
    return path
