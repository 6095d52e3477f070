"""The re-check schedule: the user-level timer files for this computer's system.

Each writer returns the files (path and content) without touching the disk, so every format is
tested without installing anything; `install` writes them and `remove` deletes them. Every timer
fires once a day and runs `footprint plan recheck --scheduled`, which itself keeps to the
interval the doctor chose (the last run is kept in `schedule.json`): a computer that was off on
the day still re-checks the next time it is on.

Turning a timer on needs one command of the system's own (`systemctl --user enable ...`,
`crontab`, `launchctl load`, `schtasks /Create`): footprint names it rather than running it, so
nothing is installed behind the doctor's back.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from footprint.errors import InputError
from footprint.util.fsio import write_private_file
from footprint.util.paths import data_dir

NAME = "footprint-recheck"
LABEL = "org.footprint.recheck"
SYSTEMS = ("systemd", "cron", "launchd", "windows")


@dataclass(frozen=True)
class ScheduleFile:
    """One file a schedule needs."""

    path: Path
    content: str
    utf16: bool = False  # Task Scheduler's XML declares UTF-16: written so, with its BOM

    def data(self) -> bytes:
        """The bytes written: UTF-8, or UTF-16 little-endian with a byte order mark."""
        return (
            b"\xff\xfe" + self.content.encode("utf-16-le") if self.utf16 else self.content.encode()
        )


@dataclass(frozen=True)
class Schedule:
    """The files for one system, and the command that turns the timer on (or off)."""

    system: str
    files: list[ScheduleFile]
    turn_on: str
    turn_off: str


def parse_every(text: str) -> int:
    """`30d` or `4w` as days (1 to 366)."""
    match = re.fullmatch(r"\s*(\d+)\s*([dw])\s*", text.lower())
    days = int(match.group(1)) * (7 if match.group(2) == "w" else 1) if match else 0
    if not 1 <= days <= 366:
        raise InputError(
            f"--every {text!r}: give a number of days or weeks, e.g. 30d or 4w (up to a year).",
        )
    return days


def detect_system(platform: str = sys.platform) -> str:
    """The timer system of this computer."""
    if platform == "darwin":
        return "launchd"
    if platform.startswith("win"):
        return "windows"
    return "systemd" if shutil.which("systemctl") else "cron"


def _systemd_word(word: str) -> str:
    """One ExecStart= word, double-quoted: systemd reads C escapes inside the quotes, and
    expands % (specifiers) and $ (variables) unless doubled."""
    quoted = word.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + quoted.replace("%", "%%").replace("$", "$$") + '"'


def _cron_command(command: list[str]) -> str:
    """The command as one shell line; cron turns a bare % into a new line, so it is escaped."""
    return shlex.join(command).replace("%", "\\%")


def systemd(home: Path, command: list[str]) -> Schedule:
    folder = home / ".config" / "systemd" / "user"
    service = (
        "[Unit]\nDescription=footprint: re-check the actions of your plan\n\n"
        f"[Service]\nType=oneshot\nExecStart={' '.join(map(_systemd_word, command))}\n"
    )
    timer = (
        "[Unit]\nDescription=footprint: daily look at whether a re-check is due\n\n"
        "[Timer]\nOnCalendar=daily\nPersistent=true\nRandomizedDelaySec=1h\n\n"
        "[Install]\nWantedBy=timers.target\n"
    )
    return Schedule(
        "systemd",
        [
            ScheduleFile(folder / f"{NAME}.service", service),
            ScheduleFile(folder / f"{NAME}.timer", timer),
        ],
        turn_on=f"systemctl --user daemon-reload && systemctl --user enable --now {NAME}.timer",
        turn_off=f"systemctl --user disable --now {NAME}.timer",
    )


def cron(home: Path, command: list[str]) -> Schedule:
    path = home / ".config" / "footprint" / f"{NAME}.cron"
    line = f"17 9 * * * {_cron_command(command)}  # {NAME}\n"
    return Schedule(
        "cron",
        [ScheduleFile(path, line)],
        turn_on=f"(crontab -l 2>/dev/null; cat {shlex.quote(str(path))}) | crontab -",
        turn_off=f"crontab -l | grep -v '# {NAME}' | crontab -",
    )


def launchd(home: Path, command: list[str]) -> Schedule:
    path = home / "Library" / "LaunchAgents" / f"{LABEL}.plist"
    arguments = "".join(f"\n    <string>{escape(part)}</string>" for part in command)
    plist = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN"'
        ' "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
        '<plist version="1.0">\n<dict>\n'
        f"  <key>Label</key>\n  <string>{LABEL}</string>\n"
        f"  <key>ProgramArguments</key>\n  <array>{arguments}\n  </array>\n"
        "  <key>StartInterval</key>\n  <integer>86400</integer>\n"
        "  <key>RunAtLoad</key>\n  <true/>\n"
        "</dict>\n</plist>\n"
    )
    return Schedule(
        "launchd",
        [ScheduleFile(path, plist)],
        turn_on=f"launchctl load {shlex.quote(str(path))}",
        turn_off=f"launchctl unload {shlex.quote(str(path))}",
    )


def windows(home: Path, command: list[str]) -> Schedule:
    path = home / "AppData" / "Local" / "footprint" / f"{NAME}.xml"
    program, *args = command
    task = (
        '<?xml version="1.0" encoding="UTF-16"?>\n'
        '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">\n'
        "  <RegistrationInfo><Description>footprint: re-check the actions of your plan"
        "</Description></RegistrationInfo>\n"
        "  <Triggers><CalendarTrigger><StartBoundary>2026-01-01T09:17:00</StartBoundary>"
        "<ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay></CalendarTrigger>"
        "</Triggers>\n"
        "  <Principals><Principal><LogonType>InteractiveToken</LogonType>"
        "<RunLevel>LeastPrivilege</RunLevel></Principal></Principals>\n"
        "  <Settings><StartWhenAvailable>true</StartWhenAvailable></Settings>\n"
        f"  <Actions><Exec><Command>{escape(program)}</Command>"
        f"<Arguments>{escape(subprocess.list2cmdline(args))}</Arguments></Exec></Actions>\n"
        "</Task>\n"
    )
    return Schedule(
        "windows",
        [ScheduleFile(path, task, utf16=True)],
        turn_on=f'schtasks /Create /TN {NAME} /XML "{path}"',
        turn_off=f"schtasks /Delete /TN {NAME} /F",
    )


WRITERS = {"systemd": systemd, "cron": cron, "launchd": launchd, "windows": windows}


def schedule_for(system: str, home: Path, command: list[str]) -> Schedule:
    """The schedule files for `system` under `home`, running `command`."""
    return WRITERS[system](home, command)


def install(schedule: Schedule, every_days: int) -> list[Path]:
    """Write the files and remember the interval; returns what was written."""
    written = [write_private_file(f.path, f.data()) for f in schedule.files]
    _save_state({"every_days": every_days, "system": schedule.system, "last_run": None})
    return written


def remove(schedule: Schedule) -> list[Path]:
    """Delete the files (those that exist) and forget the interval; returns what was deleted."""
    gone = []
    for file in schedule.files:
        if file.path.exists():
            file.path.unlink()
            gone.append(file.path)
    _state_path().unlink(missing_ok=True)
    return gone


# -- the interval, kept by footprint ---------------------------------------------------------


def _state_path() -> Path:
    return data_dir() / "schedule.json"


def _load_state() -> dict[str, object]:
    try:
        loaded = json.loads(_state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _save_state(state: dict[str, object]) -> None:
    write_private_file(_state_path(), json.dumps(state))


def recheck_due(today: date) -> bool:
    """Whether a scheduled re-check should run today (a schedule is on and its days are up)."""
    state = _load_state()
    every = state.get("every_days")
    if not isinstance(every, int):
        return False
    last = state.get("last_run")
    try:
        ran_on = date.fromisoformat(last) if isinstance(last, str) else None
    except ValueError:
        ran_on = None  # a damaged date: run, rather than stop the schedule for good
    return ran_on is None or ran_on + timedelta(days=every) <= today


def ran(today: date) -> None:
    """Remember that the scheduled re-check ran today."""
    state = _load_state()
    if state:
        _save_state({**state, "last_run": today.isoformat()})
