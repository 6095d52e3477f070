"""`footprint profile init`: what people actually type is understood."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from footprint.profile import load_profile


def _init(run_cli: Any, tmp_path: Path, answers: list[str]) -> tuple[str, Path]:
    out = tmp_path / "profile.yaml"
    r = run_cli("profile", "init", "--out", out, input="\n".join(answers) + "\n")
    assert r.code == 0, r.stdout + r.stderr
    return r.stdout, out


def test_title_typed_with_the_name_is_not_doubled(run_cli: Any, tmp_path: Path) -> None:
    answers = ["Prof Jo Tester", "", "HOSPITAL", "uk", "", "", "", "", "", "n", "", "", ""]
    stdout, out = _init(run_cli, tmp_path, answers)
    profile = load_profile(out)
    assert profile.name == "Jo Tester" and profile.title == "Prof"
    assert profile.role.value == "hospital" and profile.jurisdiction.value == "GB"
    assert "Prof Prof" not in " ".join(profile.all_names)
    assert "Title patients use [Prof]" in stdout


def test_platforms_by_their_everyday_names(run_cli: Any, tmp_path: Path) -> None:
    answers = ["Jo Tester", "", "", "gb", "", "", "", "Facebook, Twitter, MySpace"]
    answers += ["Facebook, Twitter, Hinge, Strava", "", "n", "", "", ""]
    stdout, out = _init(run_cli, tmp_path, answers)
    assert "not recognised: MySpace" in stdout
    assert load_profile(out).platforms == ["facebook", "x", "dating", "strava"]
