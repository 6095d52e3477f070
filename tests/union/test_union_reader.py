"""Only sealed adviser copies are counted; every other file is refused with its reason."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from tests.auditrun import PRIVATE_PHONE, footprint, write_answers, write_profile
from tests.union.copies import adviser_copy

from footprint.report.adviser import check_seal
from footprint.store.schema import default_path
from footprint.union import read_copies
from footprint.union import reader as r


@pytest.fixture(scope="module")
def call(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A real adviser call (quick, offline): its member copy and adviser copy as written."""
    tmp = tmp_path_factory.mktemp("call")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FOOTPRINT_HOME", str(tmp / "home"))
        profile = write_profile(tmp)
        answers = write_answers(tmp / "answers.yaml", {})
        out = tmp / "out"
        run = footprint(
            "audit", "--profile", profile, "--answers", answers, "--quick", "--offline",
            "--no-input", "--adviser", "A. Adviser", "--case", "C-7", "--out", out,
        )  # fmt: skip
        assert run.code == 0, run.stdout + run.stderr
        adviser = next(out.rglob("adviser*/report.json"))
        member = next(p for p in out.rglob("report.json") if p != adviser)
        return {"adviser": adviser, "member": member, "store": default_path(), "tmp": tmp}


def _refusal(path: Path) -> str:
    read = read_copies([path])
    assert not read.copies
    (refused,) = read.refused
    return refused.reason


def test_a_real_adviser_copy_is_sealed_and_counted(call: dict[str, Path]) -> None:
    read = read_copies([call["adviser"]])
    assert not read.refused
    (copy,) = read.copies
    assert check_seal(copy)
    assert copy.role == "gp" and copy.country == "GB"


def test_member_copy_is_refused_and_never_quoted(call: dict[str, Path]) -> None:
    reason = _refusal(call["member"])
    assert reason == r.MEMBER_COPY
    assert PRIVATE_PHONE not in reason


def test_session_store_is_refused(call: dict[str, Path], tmp_path: Path) -> None:
    store = call["tmp"] / "home"
    db = next(store.rglob("*.db"))
    assert _refusal(db) == r.NOT_JSON


def test_answers_file_and_other_json_are_refused(tmp_path: Path) -> None:
    answers = write_answers(tmp_path / "answers.yaml", {})
    assert _refusal(answers) == r.NOT_JSON
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"hello": "world"}))
    assert _refusal(other) == r.OTHER_JSON


def test_copy_with_a_field_outside_the_allow_list_is_refused(tmp_path: Path) -> None:
    data = json.loads(adviser_copy().model_dump_json(by_alias=True))
    data["member_name"] = "Dr Alex Example"
    path = tmp_path / "extra.json"
    path.write_text(json.dumps(data))
    assert _refusal(path) == r.NOT_ALLOWED


def test_edited_copy_is_refused(tmp_path: Path) -> None:
    data = json.loads(adviser_copy().model_dump_json(by_alias=True))
    data["coverage"] = 0.99  # edited after footprint sealed it
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data))
    assert _refusal(path) == r.EDITED


def test_unsealed_older_copy_is_refused(tmp_path: Path) -> None:
    data = json.loads(adviser_copy().model_dump_json(by_alias=True))
    data["digest"] = None
    data["schema_version"] = "1.0"
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data))
    assert _refusal(path) == r.UNSEALED


def test_full_report_in_adviser_mode_is_refused(call: dict[str, Path], tmp_path: Path) -> None:
    data = json.loads(call["member"].read_text())
    data["copy"] = "adviser"  # a full report relabelled: still holds the subject and summary
    path = tmp_path / "relabelled.json"
    path.write_text(json.dumps(data))
    assert _refusal(path) == r.FULL_REPORT


def test_a_folder_is_searched_and_refusals_are_counted_by_reason(
    call: dict[str, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "year"
    folder.mkdir()
    for n in range(3):  # three calls, made a minute apart (identical copies are one call)
        when = datetime(2026, 11, 20, 10, n, tzinfo=timezone.utc)
        (folder / f"c{n}.json").write_text(adviser_copy(when=when).model_dump_json(by_alias=True))
    (folder / "member.json").write_text(call["member"].read_text())
    read = read_copies([folder])
    assert len(read.copies) == 3
    assert read.reasons() == {r.MEMBER_COPY: 1}


def test_the_same_copy_given_twice_is_counted_once(call: dict[str, Path], tmp_path: Path) -> None:
    # A copy saved in two folders (or sent twice) is one call. Counted twice it would also let
    # someone who adds copies of their own call lift a hidden cell over the floor and subtract.
    again = tmp_path / "again" / "report.json"
    again.parent.mkdir()
    again.write_bytes(call["adviser"].read_bytes())
    read = read_copies([call["adviser"], tmp_path / "again"])
    assert len(read.copies) == 1
    assert [x.reason for x in read.refused] == [r.DUPLICATE]
    assert read.refused[0].path == again
