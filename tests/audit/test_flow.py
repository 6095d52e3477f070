"""Audit-flow details: report folders are never overwritten; a stopped audit stays resumable."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.auditrun import footprint

from footprint.audit.flow import default_out_dir
from footprint.model.profile import Profile
from footprint.store.sessions import Store


def test_report_folder_is_never_reused(tmp_path: Path) -> None:
    profile = Profile(name="Alex Example")
    first = default_out_dir(profile, tmp_path)
    assert first.name.endswith("-alex-example")
    first.mkdir()
    second = default_out_dir(profile, tmp_path)
    assert second != first and second.name == first.name + "-2"
    second.mkdir()
    assert default_out_dir(profile, tmp_path).name == first.name + "-3"


def test_adviser_report_folder_is_named_after_the_case_not_the_member(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = Profile(name="Li Wu")
    first = default_out_dir(profile, tmp_path, adviser=True, case="MDU/2026 0042")
    assert first.name.endswith("-case-mdu-2026-0042") and "li-wu" not in first.name
    first.mkdir()
    assert default_out_dir(profile, tmp_path, adviser=True, case="MDU/2026 0042").name == (
        first.name + "-2"
    )
    # through the CLI: the default folder of an adviser-mode audit
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.yaml").write_text("name: Li Wu\n")
    run = footprint(
        "audit", "--profile", "p.yaml", "--adviser", "Sam", "--case", "MDU-7", "--offline",
        "--no-input", "--no-store", "--format", "json",
    )  # fmt: skip
    assert run.code == 0, run.stderr
    (folder,) = (tmp_path / "reports").iterdir()
    assert folder.name.endswith("-case-mdu-7") and (folder / "adviser-copy").is_dir()
    assert "li-wu" not in run.stdout.lower()


def test_a_stopped_session_is_offered_for_resume(tmp_path: Path) -> None:
    store = Store(tmp_path / "fp.db")
    profile = Profile(name="Alex Example")
    done = store.create_session(profile)
    store.finish(done, "{}")
    stopped = store.create_session(profile)
    store.finish(stopped, "{}", complete=False)
    latest = store.latest_unfinished(profile)
    assert latest is not None and latest.id == stopped and latest.status == "stopped"
    assert store.previous_finished(profile, None).summary.id == done  # type: ignore[union-attr]
