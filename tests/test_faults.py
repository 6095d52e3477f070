"""Fault injection: a broken world gives one clear message, never a traceback, and loses nothing.

Each test breaks something a doctor's computer really does (a damaged or truncated store, a
read-only or full disk, a purge from another window, files that are not UTF-8 or nest 100,000
levels deep, links where reports go) and runs the commands a doctor would. `run` fails the test
if any exception escapes `main()` (what a user would see as a traceback) or if the last-resort
"internal error" net caught it: every fault must have its own message. Answers stored before the
fault must still be there after it. The read-only and full-disk tests also run for real, on a
read-only bind mount and a tiny tmpfs, where the machine allows mount namespaces (root on Linux).
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.auditrun import Run, footprint, items_for, store_path, write_answers, write_profile

from footprint.audit.answers import load_answers
from footprint.model.profile import load_profile
from footprint.model.vocab import Answer
from footprint.store.sessions import Store

PAGE = 4096


def run(*args: object, code: int, says: str, input: str | None = None) -> Run:  # noqa: A002
    """Run `footprint ARGS`; assert no traceback, no internal error, the exit code, the words."""
    try:
        result = footprint(*args, input=input)
    except BaseException as exc:  # what the user would see as a traceback
        pytest.fail(f"footprint {' '.join(map(str, args))} raised {exc!r}")
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "internal error" not in output, output
    assert result.code == code, output
    assert says in output, output
    return result


def stored_session(tmp_path: Path, answers: int = 5) -> tuple[str, dict[str, Answer]]:
    """An unfinished session with `answers` answers, in this test's store."""
    profile = write_profile(tmp_path)
    given = {item.id: Answer.NO for item in items_for(profile)[:answers]}
    with Store() as store:
        sid = store.create_session(load_profile(profile))
        for item_id, answer in given.items():
            store.save_answer(sid, item_id, answer)
    return sid, given


def answers_kept(sid: str, expected: dict[str, Answer]) -> None:
    with Store(read_only=True) as store:
        kept = store.load(sid).answers
    assert expected.items() <= kept.items()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def corrupt_pages(path: Path) -> None:
    """Overwrite every page after the first (the schema survives, the tables do not)."""
    data = bytearray(path.read_bytes())
    assert len(data) > PAGE
    data[PAGE:] = b"\x5a" * (len(data) - PAGE)
    path.write_bytes(bytes(data))


# -- the store ---------------------------------------------------------------------------------


def test_damaged_store_pages_are_reported_and_left_alone(tmp_path: Path) -> None:
    sid, _ = stored_session(tmp_path)
    corrupt_pages(store_path())
    before = digest(store_path())
    profile = tmp_path / "profile.yaml"
    out = tmp_path / "out"
    for args in (
        ["sessions", "list"],
        ["sessions", "show", sid],
        ["sessions", "purge", "--all", "--yes"],
        ["audit", "--resume", sid, "--no-input", "--offline", "--out", out],
        ["audit", "--profile", profile, "--no-input", "--offline", "--out", out],
        ["report", "render", sid],
        ["diff", sid, sid],
    ):
        run(*args, code=1, says="damaged")
    assert digest(store_path()) == before  # nothing was "repaired" away
    run("audit", "--profile", profile, "--no-input", "--offline", "--no-store", "--out", out,
        code=0, says="Report written")  # fmt: skip


def test_a_zero_byte_store_is_reported_not_treated_as_empty(tmp_path: Path) -> None:
    store_path().parent.mkdir(parents=True)
    store_path().write_bytes(b"")
    profile = write_profile(tmp_path)
    for args in (
        ["sessions", "list"],
        ["audit", "--profile", profile, "--no-input", "--offline", "--out", tmp_path / "o"],
    ):
        run(*args, code=1, says="empty (0 bytes)")
    assert store_path().stat().st_size == 0  # not silently made into a new, empty store


def test_data_folder_being_a_file(tmp_path: Path) -> None:
    store_path().parent.parent.mkdir(parents=True, exist_ok=True)
    store_path().parent.write_text("not a folder")
    profile = write_profile(tmp_path)
    run("sessions", "list", code=1, says="is a file, not a folder")
    run("audit", "--profile", profile, "--no-input", "--offline", "--out", tmp_path / "o",
        code=1, says="is a file, not a folder")  # fmt: skip


class _FullDisk:
    """A connection whose answer writes fail as SQLite does on a full disk, after `room`."""

    def __init__(self, db: sqlite3.Connection, room: int) -> None:
        self._db, self._room = db, room

    def execute(self, sql: str, *params: Any) -> sqlite3.Cursor:
        if sql.startswith("INSERT OR REPLACE INTO answers"):
            if self._room <= 0:
                raise sqlite3.OperationalError("database or disk is full")
            self._room -= 1
        return self._db.execute(sql, *params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)


def test_disk_full_mid_audit_keeps_every_answer_already_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import footprint.store.sessions as store_module

    profile = write_profile(tmp_path)
    items = items_for(profile)
    answers = write_answers(tmp_path / "a.yaml", {i.id: "no" for i in items[:8]})
    real_open = store_module.open_writable
    with monkeypatch.context() as patch:
        patch.setattr(store_module, "open_writable", lambda p: _FullDisk(real_open(p), 5))
        run("audit", "--profile", profile, "--answers", answers, "--no-input", "--offline",
            "--out", tmp_path / "o", code=1, says="the disk is full")  # fmt: skip
    with Store(read_only=True) as store:
        (session,) = store.list_sessions()
        assert session.answers == 5 and session.status == "running"  # resumable, nothing lost


def test_disk_full_while_writing_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = write_profile(tmp_path)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", full)
        run("audit", "--profile", profile, "--no-input", "--offline", "--out", tmp_path / "o",
            code=1, says="the disk is full")  # fmt: skip
    with Store(read_only=True) as store:
        (session,) = store.list_sessions()
    # The report is stored with the session before any file is written, so nothing is lost:
    # `report render` writes the missing file once there is space.
    assert session.status == "finished"
    assert not any(p.name.endswith(".tmp") for p in (tmp_path / "o").iterdir())
    run("report", "render", session.id, "--format", "md", "--out", tmp_path / "again.md",
        code=0, says="Wrote")  # fmt: skip


def test_read_only_store_lists_and_refuses_writes_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import footprint.store.connection as conn

    sid, given = stored_session(tmp_path)
    real_connect = sqlite3.connect

    def read_only(target: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if str(target).startswith(("file:", ":memory:")):
            return real_connect(target, *args, **kwargs)
        kwargs["uri"] = True
        return real_connect(f"{Path(target).resolve().as_uri()}?mode=ro", *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(conn.sqlite3, "connect", read_only)
        run("sessions", "list", code=0, says=sid)
        run("sessions", "show", sid, code=0, says="Answers: 5")
        run("audit", "--resume", sid, "--no-input", "--offline", "--out", tmp_path / "o",
            code=1, says="read-only")  # fmt: skip
        run("sessions", "purge", "--all", "--yes", code=1, says="read-only")
    answers_kept(sid, given)


# -- a purge while an audit is open ------------------------------------------------------------


def test_purge_during_an_audit_is_a_message_not_a_foreign_key_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from footprint.audit.flow import AuditFlow

    profile = write_profile(tmp_path)
    items = items_for(profile)
    answers = write_answers(tmp_path / "a.yaml", {i.id: "no" for i in items[:6]})
    real_answer = AuditFlow.answer
    calls = []

    def answer_then_purge(self: AuditFlow, item_id: str, value: Answer) -> None:
        calls.append(item_id)
        if len(calls) == 3:  # another window runs `footprint sessions purge --all --yes`
            with Store() as other:
                other.purge(everything=True)
        real_answer(self, item_id, value)

    monkeypatch.setattr(AuditFlow, "answer", answer_then_purge)
    run("audit", "--profile", profile, "--answers", answers, "--no-input", "--offline",
        "--out", tmp_path / "o", code=1, says="was deleted")  # fmt: skip


def test_purge_while_lookups_run_is_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The purge hits a lookup thread's write; the run stops and says so, no traceback."""
    from footprint.audit.flow import AuditFlow
    from footprint.demo.run import demo_profile, demo_settings
    from footprint.demo.server import DemoServer
    from footprint.util.settings import Settings

    real_observe = AuditFlow.observe

    def purge_then_observe(self: AuditFlow, obs: Any) -> None:
        with Store() as other:
            other.purge(everything=True)
        real_observe(self, obs)

    monkeypatch.setattr(AuditFlow, "observe", purge_then_observe)
    with DemoServer() as server:
        profile = demo_profile(server.base_url).model_copy(
            update={"urls": [f"{server.base_url}/practice/team.html"]}
        )
        path = tmp_path / "profile.yaml"
        from footprint.model.profile import dump_profile

        path.write_text(dump_profile(profile))
        settings = demo_settings(server.base_url)
        monkeypatch.setattr(Settings, "load", classmethod(lambda cls, *a, **k: settings))
        run("audit", "--profile", path, "--consent", "page-scan", "--no-input",
            "--out", tmp_path / "o", code=1, says="was deleted")  # fmt: skip


def test_answers_of_a_purged_session_can_be_saved_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from footprint.audit.answers import RESPONSE_ID
    from footprint.cli.sessions import offer_to_save_answers
    from footprint.errors import SessionPurged

    monkeypatch.chdir(tmp_path)
    profile = write_profile(tmp_path)
    items = items_for(profile)
    given = {items[0].id: Answer.YES, items[1].id: Answer.UNSURE, RESPONSE_ID: Answer.NO}
    runner = CliRunner()
    with runner.isolation(input="y\n\n"):
        offer_to_save_answers(SessionPurged("1a2b3c4d"), given, {"x.y"}, interactive=True)
    parsed = load_answers(tmp_path / "answers-1a2b3c4d.yaml", [*(i.id for i in items), "x.y"])
    assert parsed.answers == {items[0].id: Answer.YES, items[1].id: Answer.UNSURE}
    assert parsed.contacting_now is Answer.NO and parsed.accepted == ["x.y"]
    assert (tmp_path / "answers-1a2b3c4d.yaml").stat().st_mode & 0o077 == 0


# -- files the user gives ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"name: Al\xffex Example\n", "not UTF-8"),
        (b"name: " + b"[" * 100_000 + b"]" * 100_000, "nested more than"),
        (b"name: A B\nname: C D\n", "duplicate key 'name'"),
        (b"name: A B\n#" + b"x" * 1_100_000, "larger than 1 MB"),
    ],
    ids=["not-utf8", "deep", "duplicate", "huge"],
)
@pytest.mark.parametrize("role", ["profile", "answers", "config"])
def test_bad_input_files_are_exit_2(tmp_path: Path, content: bytes, says: str, role: str) -> None:
    profile = write_profile(tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(content)
    args: list[object] = ["audit", "--no-input", "--offline", "--no-store", "--out", tmp_path]
    if role == "profile":
        args += ["--profile", bad]
    elif role == "answers":
        args += ["--profile", profile, "--answers", bad]
    else:
        args += ["--profile", profile]
        config = Path(os.environ["FOOTPRINT_HOME"]) / "config" / "config.yaml"
        config.parent.mkdir(parents=True)
        shutil.copy(bad, config)
    run(*args, code=2, says=says)


def test_non_utf8_checklist_and_deep_report_json(tmp_path: Path) -> None:
    checklist = tmp_path / "items.yaml"
    checklist.write_bytes(b"items:\n  - id: x\n    title: \xff\n")
    run("checklist", "validate", checklist, code=2, says="not UTF-8")
    deep = tmp_path / "report.json"
    deep.write_text('{"a":' * 100_000 + "1" + "}" * 100_000)
    run("report", "render", deep, code=1, says="not valid JSON")
    run("diff", deep, deep, code=1, says="not valid JSON")


# -- where reports go -------------------------------------------------------------------------


def test_out_naming_a_file_is_refused_before_the_interview(tmp_path: Path) -> None:
    profile = write_profile(tmp_path)
    (tmp_path / "afile").write_text("keep me")
    run("audit", "--profile", profile, "--no-input", "--offline", "--out", tmp_path / "afile",
        code=2, says="should name a folder")  # fmt: skip
    assert (tmp_path / "afile").read_text() == "keep me"


def test_links_where_reports_go_are_refused_and_their_targets_untouched(tmp_path: Path) -> None:
    profile = write_profile(tmp_path)
    target = tmp_path / "precious.txt"
    target.write_text("precious")
    out = tmp_path / "o"
    out.mkdir()
    (out / "report.html").symlink_to(target)
    run("audit", "--profile", profile, "--no-input", "--offline", "--out", out,
        code=1, says="symbolic link")  # fmt: skip
    run("audit", "--profile", profile, "--no-input", "--offline", "--out", tmp_path / "ok",
        code=0, says="Report written")  # fmt: skip
    rendered = tmp_path / "rendered.md"
    rendered.symlink_to(target)
    run("report", "render", tmp_path / "ok" / "report.json", "--format", "md",
        "--out", rendered, code=1, says="symbolic link")  # fmt: skip
    run("report", "render", tmp_path / "ok" / "report.json", "--out", tmp_path,
        code=1, says="not a regular file")  # fmt: skip
    assert target.read_text() == "precious"


# -- for real: a read-only mount and a full tmpfs (Linux, root, mount namespaces) --------------


def test_the_real_entry_point_prints_no_traceback(tmp_path: Path) -> None:
    """Through `python -m footprint`, as a doctor runs it: the message, not a traceback."""
    deep = tmp_path / "deep.yaml"
    deep.write_text("name: " + "[" * 100_000 + "]" * 100_000)
    store_path().parent.mkdir(parents=True)
    store_path().write_bytes(b"")
    for args, code in (
        (["audit", "--profile", deep, "--no-input", "--offline", "--no-store"], 2),
        (["sessions", "list"], 1),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "footprint", *map(str, args)],
            capture_output=True,
            text=True,
            check=False,
            stdin=subprocess.DEVNULL,
        )
        assert done.returncode == code, done.stderr
        assert "Traceback" not in done.stderr and done.stderr.startswith("Error: ")


def _can_mount() -> bool:
    if sys.platform != "linux" or not shutil.which("unshare") or os.geteuid() != 0:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


needs_mount = pytest.mark.skipif(not _can_mount(), reason="needs root and mount namespaces")


def in_namespace(setup: str, *args: object, home: Path) -> subprocess.CompletedProcess[str]:
    """`footprint ARGS` in a private mount namespace after the `setup` shell commands."""
    command = " ".join(f"'{a}'" for a in [sys.executable, "-m", "footprint", *map(str, args)])
    env = {**os.environ, "FOOTPRINT_HOME": str(home)}
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", f"{setup} && exec {command}"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        stdin=subprocess.DEVNULL,
    )


@needs_mount
def test_really_read_only_home(tmp_path: Path) -> None:
    sid, given = stored_session(tmp_path)
    home = Path(os.environ["FOOTPRINT_HOME"])
    ro = f"mount --bind '{home}' '{home}' && mount -o remount,bind,ro '{home}'"
    listed = in_namespace(ro, "sessions", "list", home=home)
    assert listed.returncode == 0 and sid in listed.stdout, listed.stderr
    audit = in_namespace(ro, "audit", "--resume", sid, "--no-input", "--offline", "--out",
                         tmp_path / "o", home=home)  # fmt: skip
    assert audit.returncode == 1 and "Traceback" not in audit.stderr, audit.stderr
    assert "read-only" in audit.stderr
    answers_kept(sid, given)


@needs_mount
def test_really_full_disk(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    home = disk / "home"
    profile = write_profile(tmp_path)
    answers = write_answers(tmp_path / "a.yaml", {i.id: "no" for i in items_for(profile)[:8]})
    tiny = f"mount -t tmpfs -o size=160k tmpfs '{disk}'"
    result = in_namespace(tiny, "audit", "--profile", profile, "--answers", answers,
                          "--no-input", "--offline", "--out", disk / "out", home=home)  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output and "internal error" not in output
    assert "disk is full" in output


def test_profile_init_never_writes_through_a_link(tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("precious")
    link = tmp_path / "profile.yaml"
    link.symlink_to(target)
    # Refused before the questions, so nothing typed is lost.
    done = run("profile", "init", "--out", link, "--force", code=1, says="symbolic link")
    assert "Your name" not in done.stdout
    assert target.read_text() == "precious"
