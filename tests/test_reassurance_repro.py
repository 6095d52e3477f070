"""Every question answered "no" while no lookup gave an answer must never read as good news.

Two reviewer repros, end to end through the CLI: offline (no lookup ever ran) once said
"Checked so far: 100% (138 of 138 checks)", 100/100, every axis low and "That is good news";
online with every lookup failed said 87%, 100/100, "Findable: Low", "good news".
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from tests.auditrun import Run, footprint, items_for, write_answers

from footprint.util.settings import Settings

PROFILE = "name: Jane Doe\nplatforms: [facebook, instagram, linkedin, whatsapp, x]\n"
REASSURING = re.compile(r"good news|out of 100|nothing exposed turned up in what", re.IGNORECASE)
AXIS_LOW = re.compile(r"(Findable|Contactable|Locatable)\W+(?:strong\W+)?Low\b")
NOT_SEARCHED = "Your name was not searched"


def _audit(tmp_path: Path, *extra: str) -> tuple[Run, Path]:
    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE)
    all_no = write_answers(tmp_path / "all_no.yaml", {i.id: "no" for i in items_for(profile)})
    out = tmp_path / "oa"
    args = ("audit", "--profile", profile, "--answers", all_no, "--no-input", "--no-store")
    run = footprint(*args, *extra, "--out", out)
    assert run.code == 0, run.stderr
    return run, out


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Run, Path]:
    return _audit(tmp_path_factory.mktemp("offline"), "--offline")


@pytest.fixture
def all_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Run, Path]:
    """Every service sent to a closed local port, keys set: every lookup fails."""
    from footprint.demo.run import demo_settings

    settings = demo_settings("http://127.0.0.1:9")
    monkeypatch.setattr(Settings, "load", classmethod(lambda cls, *a, **k: settings))
    return _audit(tmp_path, "--consent", "all")


def _check_honest(run: Run, out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "report.json").read_text())
    s = data["summary"]
    assert s["score"] is None and s["name_search_done"] is False
    assert s["checks_open"] > 0 and s["coverage"] < 1
    assert "low" not in s["axes"].values()
    # the searches a patient would make, each with links to run it by hand
    searches = [n for n in data["not_checked"] if n["title"].startswith("What a patient finds")]
    assert searches and all(n["links"] for n in searches)
    for name in ("report.html", "report.md"):
        text = (out / name).read_text()
        assert not REASSURING.search(text), (name, REASSURING.search(text))
        assert not AXIS_LOW.search(text), name
        assert "No score yet: the search of your name was not done" in text
        assert NOT_SEARCHED in text and "google.com/search?q=" in text
    terminal = run.stdout
    assert not REASSURING.search(terminal) and ": low" not in terminal
    assert NOT_SEARCHED in " ".join(terminal.split())
    return data


def test_offline_all_no_is_not_good_news(offline: tuple[Run, Path]) -> None:
    data = _check_honest(*offline)
    reasons = [n["reason"] for n in data["not_checked"]]
    assert any("offline" in r for r in reasons)


@pytest.mark.slow  # every lookup waits for its refused connection
def test_online_all_failed_is_not_good_news(all_failed: tuple[Run, Path]) -> None:
    data = _check_honest(*all_failed)
    web = next(lk for lk in data["lookups"] if lk["id"] == "web-search")
    assert web["outcomes"]["couldnt_check"] > 0 and web["outcomes"]["found"] == 0
