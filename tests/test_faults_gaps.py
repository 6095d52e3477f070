"""Fault injection for the gaps an attack on the landed code found (store, YAML, inputs).

Each test is one repro: a link planted where a database goes, a YAML alias bomb, a binary file
given to `scan`, a damaged old session. Like tests/test_faults.py, every run must end in one
clear message with the documented exit code, never a traceback or an "internal error".
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from tests.auditrun import PRIVATE_EMAIL, store_path, write_profile
from tests.test_faults import run

from footprint.log.database import default_folder
from footprint.store.sessions import Store
from footprint.util.paths import config_dir


@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_a_link_at_the_session_store_is_refused_and_its_target_untouched(
    tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / "elsewhere.db"
    target.write_bytes(b"someone else's file")
    target.chmod(0o644)
    store_path().parent.mkdir(parents=True, exist_ok=True)
    Path(f"{store_path()}{suffix}").symlink_to(target)
    profile = write_profile(tmp_path)
    for args in (
        ["sessions", "list"],
        ["audit", "--profile", profile, "--no-input", "--offline", "--out", tmp_path / "o"],
    ):
        run(*args, code=1, says="symbolic link")
    assert target.read_bytes() == b"someone else's file"
    assert target.stat().st_mode & 0o777 == 0o644  # not made owner-only either


def test_a_link_at_the_contact_log_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.db"
    target.write_bytes(b"")
    target.chmod(0o644)
    default_folder().mkdir(parents=True)
    (default_folder() / "contact-log.db").symlink_to(target)
    run("log", "list", code=1, says="symbolic link")
    assert target.read_bytes() == b""
    assert target.stat().st_mode & 0o777 == 0o644


def test_a_folder_at_the_session_store_is_refused(tmp_path: Path) -> None:
    store_path().mkdir(parents=True)
    run("sessions", "list", code=1, says="not a regular file")


BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [
        f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    ]
)


def test_an_alias_bomb_in_answers_or_config_is_refused_at_once(tmp_path: Path) -> None:
    profile = write_profile(tmp_path)
    answers = tmp_path / "answers.yaml"
    answers.write_text(BOMB)
    run("audit", "--profile", profile, "--answers", answers, "--offline", "--no-store",
        "--out", tmp_path / "o", code=2, says="aliases")  # fmt: skip
    config = config_dir() / "config.yaml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(BOMB + "\nkeys:\n  hibp: *i\n")
    run("audit", "--profile", profile, "--no-input", "--offline", "--no-store",
        "--out", tmp_path / "o", code=2, says="aliases")  # fmt: skip


def test_over_long_names_and_keys_are_refused_by_field(tmp_path: Path) -> None:
    long_name = "Alex Example " * 5_000
    profile = write_profile(tmp_path, f"name: {long_name}\nrole: gp\n")
    result = run("audit", "--profile", profile, "--no-input", "--offline", "--no-store",
                 "--out", tmp_path / "o", code=2, says="name: String should have at most")  # fmt: skip
    assert long_name.strip() not in result.stderr + result.stdout
    profile = write_profile(tmp_path)
    config = config_dir() / "config.yaml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("keys:\n  hibp: " + "k" * 100_000 + "\n")
    result = run("audit", "--profile", profile, "--no-input", "--offline", "--no-store",
                 "--out", tmp_path / "o", code=2, says="too long to be a key")  # fmt: skip
    assert "kkkkkkkk" not in result.stderr + result.stdout


PRIVATE_STREET = "12 Fictional Lane"


def _finished_session(tmp_path: Path) -> str:
    profile = write_profile(tmp_path)
    run("audit", "--profile", profile, "--no-input", "--offline", "--out", tmp_path / "o1",
        code=0, says="Report written")  # fmt: skip
    with Store(read_only=True) as store:
        return store.list_sessions()[0].id


@pytest.mark.parametrize("column", ["report_json", "profile_json", "created_at"])
def test_a_damaged_old_session_is_set_aside_and_new_audits_go_on(
    tmp_path: Path, column: str
) -> None:
    sid = _finished_session(tmp_path)
    db = sqlite3.connect(store_path())
    # Cut short, with personal text after the cut: no message may quote any of it.
    db.execute(
        f"UPDATE sessions SET {column} = substr({column}, 1, 300) || ? WHERE id = ?",
        (f" {PRIVATE_STREET} {PRIVATE_EMAIL}", sid),
    )
    db.commit()
    db.close()
    profile = tmp_path / "profile.yaml"
    outputs = [
        run("audit", "--profile", profile, "--no-input", "--offline", "--out", tmp_path / "o2",
            code=0, says="Report written"),
        run("report", "render", sid, code=1, says=sid),
        run("sessions", "list", code=0, says="damaged"),
    ]  # fmt: skip
    if column != "report_json":
        outputs.append(run("audit", "--resume", sid, "--no-input", "--offline",
                           code=1, says="set aside"))  # fmt: skip
    for result in outputs:
        said = result.stdout + result.stderr
        assert PRIVATE_STREET not in said and PRIVATE_EMAIL not in said
        assert '{"' not in said  # no stored JSON either
    with Store(read_only=True) as store:
        statuses = {s.id: s.status for s in store.list_sessions()}
    assert statuses[sid] == "damaged"
    assert sorted(statuses.values()) == ["damaged", "finished"]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"%PDF-1.7\n" + b"EX1 2AB 07700 900123 " * 50, "a PDF document"),
        (bytes(range(256)) * 40 + b" SW1A 1AA ", "a binary file"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "a PNG image"),
    ],
    ids=["pdf", "random", "png"],
)
def test_a_binary_file_given_to_scan_is_refused(tmp_path: Path, content: bytes, says: str) -> None:
    target = tmp_path / "page.html"
    target.write_bytes(content)
    result = run("scan", target, code=2, says=says)
    assert "EX1" not in result.stdout and "SW1A" not in result.stdout  # no made-up findings


def test_a_latin1_or_utf16_page_still_scans(tmp_path: Path) -> None:
    page = "<html><body><p>Caf\u00e9 \u2013 call 0113 496 0000</p></body></html>"
    for encoding in ("latin-1", "utf-16"):
        target = tmp_path / f"page-{encoding}.html"
        target.write_bytes(page.replace("\u2013", "-").encode(encoding))
        run("scan", target, code=0, says="0113 496 0000")


def test_the_browser_upload_refuses_an_alias_bomb_and_a_huge_name() -> None:
    from footprint.ui.forms import profile_from_upload

    started = time.perf_counter()
    bomb = profile_from_upload((BOMB + "\nname: *i\n").encode())
    assert "aliases" in bomb.errors["file"] and bomb.profile is None
    huge = profile_from_upload(("name: " + "Alex Example " * 5_000 + "\n").encode())
    assert "at most 200 characters" in huge.errors["file"] and huge.profile is None
    assert "Alex Example Alex" not in huge.errors["file"]
    assert time.perf_counter() - started < 20  # a 60,000-character name took 53 s to mask


def test_the_progress_line_names_the_lookups_still_running() -> None:
    from footprint.audit.background import LookupStatus

    status = LookupStatus(
        started=True, total=5, done=3, found=1, couldnt_check=0,
        still_running=("Web search", "Pages that mention you"),
    )  # fmt: skip
    assert status.line().endswith("still running: Web search, Pages that mention you")
    finished = LookupStatus(started=True, total=5, done=5, found=1, couldnt_check=0)
    assert "still running" not in finished.line()
