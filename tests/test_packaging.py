"""The package's metadata: the name on the index, one version, a changelog entry for it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import footprint

tomllib = pytest.importorskip("tomllib")  # Python 3.11+; the metadata is the same on 3.10

ROOT = Path(__file__).resolve().parents[1]


def _project() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


def test_distribution_name_is_the_free_one_and_the_command_stays_footprint() -> None:
    project = _project()["project"]
    assert isinstance(project, dict)
    assert project["name"] == "footprint-audit"
    assert project["scripts"] == {"footprint": "footprint.cli:main"}


def test_version_is_written_once() -> None:
    data = _project()
    project = data["project"]
    assert isinstance(project, dict)
    assert "version" not in project and "version" in project["dynamic"]
    assert data["tool"]["hatch"]["version"]["path"] == "src/footprint/__init__.py"  # type: ignore[index]
    assert re.fullmatch(r"\d+\.\d+\.\d+", footprint.__version__)


def test_changelog_has_an_entry_for_the_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{footprint.__version__}] - " in changelog


def test_metadata_a_package_index_shows() -> None:
    project = _project()["project"]
    assert isinstance(project, dict)
    assert len(project["description"]) <= 200
    assert project["license"] == "MIT" and (ROOT / "LICENSE").is_file()
    classifiers = project["classifiers"]
    assert "Intended Audience :: Healthcare Industry" in classifiers
    supported = re.findall(r"Python :: (3\.\d+)$", "\n".join(classifiers), re.M)
    assert supported and supported[0] == project["requires-python"].removeprefix(">=")
