"""Helpers for CLI tests: run `footprint` in-process through `main()`, the error boundary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.auditrun import Run, footprint

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


Invoke = Callable[..., Run]


@pytest.fixture
def run_cli() -> Invoke:
    """Call `footprint ARGS...` in-process; returns exit code, stdout and stderr."""
    return footprint


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    """A fictional profile on disk."""
    path = tmp_path / "profile.yaml"
    path.write_text(PROFILE)
    return path
