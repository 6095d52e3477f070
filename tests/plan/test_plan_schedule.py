"""The schedule writers: each system's files, checked as text, nothing installed."""

from __future__ import annotations

import plistlib
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

import pytest

from footprint.errors import InputError
from footprint.plan import schedule

COMMAND = ["/usr/bin/python3", "-m", "footprint", "plan", "recheck", "--scheduled"]


def test_systemd_writes_a_user_service_and_a_daily_timer(tmp_path: Path) -> None:
    plan = schedule.schedule_for("systemd", tmp_path, COMMAND)
    paths = [f.path for f in plan.files]
    assert paths == [
        tmp_path / ".config/systemd/user/footprint-recheck.service",
        tmp_path / ".config/systemd/user/footprint-recheck.timer",
    ]
    service, timer = (f.content for f in plan.files)
    (line,) = [x for x in service.splitlines() if x.startswith("ExecStart=")]
    assert _systemd_words(line.removeprefix("ExecStart=")) == COMMAND  # each word quoted
    assert "Type=oneshot" in service
    assert "OnCalendar=daily" in timer and "Persistent=true" in timer
    assert "WantedBy=timers.target" in timer
    assert "systemctl --user enable --now footprint-recheck.timer" in plan.turn_on


def test_cron_writes_one_daily_line(tmp_path: Path) -> None:
    (file,) = schedule.schedule_for("cron", tmp_path, COMMAND).files
    minute, hour, dom, month, dow, *rest = file.content.split()
    assert (dom, month, dow) == ("*", "*", "*") and 0 <= int(minute) < 60 and 0 <= int(hour) < 24
    assert " ".join(rest).startswith(" ".join(COMMAND))


def test_launchd_writes_a_valid_plist(tmp_path: Path) -> None:
    (file,) = schedule.schedule_for("launchd", tmp_path, COMMAND).files
    assert file.path == tmp_path / "Library/LaunchAgents/org.footprint.recheck.plist"
    parsed = plistlib.loads(file.content.encode())
    assert parsed["ProgramArguments"] == COMMAND
    assert parsed["StartInterval"] == 86400 and parsed["Label"] == "org.footprint.recheck"


def test_windows_writes_task_scheduler_xml(tmp_path: Path) -> None:
    (file,) = schedule.schedule_for("windows", tmp_path, COMMAND).files
    root = ET.fromstring(file.content.split("\n", 1)[1])  # the declaration says UTF-16
    ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
    assert root.findtext("t:Actions/t:Exec/t:Command", namespaces=ns) == COMMAND[0]
    assert root.findtext("t:Actions/t:Exec/t:Arguments", namespaces=ns) == " ".join(COMMAND[1:])
    days = root.findtext(".//t:ScheduleByDay/t:DaysInterval", namespaces=ns)
    assert days == "1"


@pytest.mark.parametrize(("text", "days"), [("30d", 30), ("4w", 28), (" 90D ", 90)])
def test_every(text: str, days: int) -> None:
    assert schedule.parse_every(text) == days


@pytest.mark.parametrize("text", ["30", "0d", "400d", "monthly"])
def test_every_refuses_what_is_not_a_number_of_days(text: str) -> None:
    with pytest.raises(InputError):
        schedule.parse_every(text)


def test_install_keeps_the_interval_and_off_removes_everything(tmp_path: Path) -> None:
    plan = schedule.schedule_for("cron", tmp_path, COMMAND)
    today = date(2026, 6, 1)
    assert not schedule.recheck_due(today)  # no schedule
    written = schedule.install(plan, 30)
    assert all(p.is_file() for p in written)
    assert schedule.recheck_due(today)  # never ran
    schedule.ran(today)
    assert not schedule.recheck_due(today + timedelta(days=29))
    assert schedule.recheck_due(today + timedelta(days=30))
    assert schedule.remove(plan) == written
    assert not any(p.exists() for p in written) and not schedule.recheck_due(today)


def test_the_schedule_command_writes_and_removes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.auditrun import footprint

    monkeypatch.setenv("HOME", str(tmp_path))
    run = footprint("plan", "schedule", "--every", "30d", "--system", "systemd")
    assert run.code == 0, run.stderr
    assert (tmp_path / ".config/systemd/user/footprint-recheck.timer").is_file()
    assert "systemctl --user" in run.stdout
    run = footprint("plan", "schedule", "--off", "--system", "systemd")
    assert run.code == 0, run.stderr
    assert not list((tmp_path / ".config/systemd/user").glob("footprint-*"))


# A Python inside a folder whose name has spaces, a per cent sign (a new line to cron, a
# specifier to systemd), a dollar (a variable to both) and shell syntax: each timer must run
# exactly this program, with no part of its path run as a command.
AWKWARD = [
    "/home/Dr Alex Example/100% $HOME;touch pwned/`id`/bin/python3",
    "-m",
    "footprint",
    "plan",
    "recheck",
    "--scheduled",
]


def test_cron_quotes_the_command_for_the_shell_and_escapes_per_cent(tmp_path: Path) -> None:
    import shlex

    (file,) = schedule.schedule_for("cron", tmp_path / "my home", AWKWARD).files
    command = file.content.split(" ", 5)[5].rsplit("  # ", 1)[0]
    assert "%" not in command.replace("\\%", "")  # cron turns a bare % into a new line
    assert shlex.split(command.replace("\\%", "%")) == AWKWARD
    plan = schedule.schedule_for("cron", tmp_path / "my home", AWKWARD)
    assert shlex.quote(str(file.path)) in plan.turn_on


def _systemd_words(line: str) -> list[str]:
    """ExecStart= split as systemd does for double-quoted words (with its %% and $$ escapes)."""
    words, word, quoted, i = [], "", False, 0
    while i < len(line):
        ch = line[i]
        if ch == "\\" and quoted:
            word, i = word + line[i + 1], i + 2
            continue
        if ch == '"':
            quoted = not quoted
        elif ch == " " and not quoted:
            words.append(word)
            word = ""
        elif ch in "%$":
            assert line[i + 1] == ch, f"a bare {ch} in {line!r}"
            word, i = word + ch, i + 2
            continue
        else:
            word += ch
        i += 1
    return [*words, word]


def test_systemd_quotes_each_word_of_the_command(tmp_path: Path) -> None:
    service = schedule.schedule_for("systemd", tmp_path, AWKWARD).files[0].content
    (line,) = [x for x in service.splitlines() if x.startswith("ExecStart=")]
    assert _systemd_words(line.removeprefix("ExecStart=")) == AWKWARD


def test_launchd_and_windows_keep_a_path_with_spaces_whole(tmp_path: Path) -> None:
    import subprocess

    home = tmp_path / "Dr Alex Example"
    launch = schedule.schedule_for("launchd", home, AWKWARD)
    assert plistlib.loads(launch.files[0].content.encode())["ProgramArguments"] == AWKWARD
    assert f"'{launch.files[0].path}'" in launch.turn_on
    args = [*AWKWARD[1:], "C:\\Users\\Dr Alex\\x"]
    (file,) = schedule.schedule_for("windows", home, [AWKWARD[0], *args]).files
    root = ET.fromstring(file.content.split("\n", 1)[1])
    ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
    written = root.findtext("t:Actions/t:Exec/t:Arguments", namespaces=ns)
    assert written == subprocess.list2cmdline(args)


def test_the_windows_task_file_is_written_in_the_utf_16_it_declares(tmp_path: Path) -> None:
    # Task Scheduler reads the file in the encoding its declaration names; a UTF-8 file that
    # says UTF-16 is malformed to an XML parser (and to schtasks).
    plan = schedule.schedule_for("windows", tmp_path, COMMAND)
    (written,) = schedule.install(plan, 30)
    raw = written.read_bytes()
    assert raw.startswith(b"\xff\xfe")  # UTF-16 little-endian, with its byte order mark
    root = ET.fromstring(raw)  # the declaration and the bytes agree
    ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
    assert root.findtext("t:Actions/t:Exec/t:Command", namespaces=ns) == COMMAND[0]
    schedule.remove(plan)


def test_a_damaged_last_run_date_counts_as_never_run(tmp_path: Path) -> None:
    # The scheduled run reads schedule.json every day: a damaged date must not stop it for good.
    plan = schedule.schedule_for("cron", tmp_path, COMMAND)
    schedule.install(plan, 30)
    state = schedule._state_path()
    state.write_text('{"every_days": 30, "system": "cron", "last_run": "the 5th"}')
    assert schedule.recheck_due(date(2026, 6, 1))
    schedule.remove(plan)
