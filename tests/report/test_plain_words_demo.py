"""The demo report in plain words: no setting names, finding ids or YAML where a doctor reads.

Scans every format of the real demo report. JSON keeps ids in its id fields (a re-audit and
`footprint diff` need them); every other JSON string is read by someone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from footprint.report.links import is_official

pytestmark = pytest.mark.slow  # reads the whole demo audit behind demo_dir

YAML = re.compile(
    r"\b(?:usernames|domains|urls|url|state|platforms|private|work|answers)\s*:\s*(?:\w+\s*:|\.\.\.|\[)"
    r"|\(checklist '|^\s*-\s+id:\s",
    re.MULTILINE,
)
# Ids the JSON keeps for re-audits; every other JSON string is text someone reads.
JSON_ID_FIELDS = frozenset(
    {
        "id",
        "finding_id",
        "lookup_id",
        "area",
        "source",
        "guidance",
        "fixed",
        "new",
        "unchanged",
        "not_rechecked",
        "answered",
        "session_id",
        "schema_version",
        "tool_version",
        "copy",
    }
)


def _ids(data: dict[str, Any]) -> set[str]:
    found = [*data["findings"], *data["accepted"], *data["unanswered"]]
    return {f["id"] for f in found}


def _strings(value: Any, key: str = "") -> Iterator[str]:
    if key in JSON_ID_FIELDS:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)


def _texts(folder: Path) -> dict[str, str]:
    html = BeautifulSoup((folder / "report.html").read_text(), "lxml")
    for hidden in html(["style", "title"]):
        hidden.decompose()
    data = json.loads((folder / "report.json").read_text())
    return {
        "html": html.get_text(" "),
        "md": (folder / "report.md").read_text(),
        "json": "\n".join(_strings(data)),
    }


@pytest.mark.parametrize("fmt", ["html", "md", "json"])
def test_demo_report_has_no_setting_names_ids_or_yaml(demo_dir: Path, fmt: str) -> None:
    text = _texts(demo_dir)[fmt]
    assert "FOOTPRINT_" not in text
    ids = _ids(json.loads((demo_dir / "report.json").read_text()))
    leaked = sorted(i for i in ids if re.search(rf"(?<![\w/.-]){re.escape(i)}(?![\w-])", text))
    assert not leaked, leaked
    assert not YAML.search(text), YAML.search(text)


def test_demo_report_titles_do_not_read_as_config(demo_dir: Path) -> None:
    data = json.loads((demo_dir / "report.json").read_text())
    reasons = " ".join(n["reason"] for n in data["not_checked"])
    assert "Not run: it needs a paid key for the service, set up in footprint's settings" in reasons
    assert "README" not in reasons and "`footprint" not in reasons


def test_demo_help_links_are_official(demo_dir: Path) -> None:
    data = json.loads((demo_dir / "report.json").read_text())
    links = [u for f in data["findings"] for u in f["links"]]
    links += [u for s in data["response_plan"]["steps"] for u in s["links"]]
    assert links and all(is_official(u) for u in links), [u for u in links if not is_official(u)]
