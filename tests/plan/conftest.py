"""Fixtures for the plan's tests: a finished offline audit in the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.auditrun import footprint

PROFILE = """\
name: Alex Example
title: Dr
role: gp
jurisdiction: GB
locality: Exampleton
platforms: [facebook]
private:
  emails: [alex.private@example.org]
  phones: ["07700 900123"]
  home_postcode: EX1 2AB
"""
ANSWERS = """\
contacting_now: no
answers:
  address.open-register: yes
  facebook.lookup-by-phone: yes
  facebook.search-engines: yes
"""


def offline_audit(folder: Path, answers: str = ANSWERS) -> str:
    """A finished offline audit of the fictional doctor, stored; returns its session id."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "profile.yaml").write_text(PROFILE)
    (folder / "answers.yaml").write_text(answers)
    run = footprint(
        "audit",
        "--profile",
        folder / "profile.yaml",
        "--answers",
        folder / "answers.yaml",
        "--offline",
        "--no-input",
        "--format",
        "json",
        "--out",
        folder / "report",
    )
    assert run.code == 0, run.stderr
    report = json.loads((folder / "report" / "report.json").read_text())
    return str(report["session_id"])


@pytest.fixture
def audited(tmp_path: Path) -> str:
    """The session id of one finished offline audit."""
    return offline_audit(tmp_path)
