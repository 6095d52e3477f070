"""One `footprint ui` per audit store: a second start says where the first one is.

The rule: at most one `footprint ui` that keeps answers runs per data folder at a time, and
one demo beside it (the demo's made-up audits are kept apart from real ones, so the two never
share an audit). Two servers on one store could each carry on the same audit, each running
its lookups and writing its answers over the other's; so the second start stops before
serving anything and says where the first one is. A run with `--no-store` keeps nothing to
share and is not counted.

The record is a small owner-only file in the data folder (`ui-server.json`, or
`ui-server-demo.json`) holding the first server's port, process id and start time. It is
created in one step (a hard link of a complete file, which fails if one is there), removed
when that server stops, and a record left by a server that was killed is recognised as stale,
and replaced, when its process is gone or nothing answers on its port.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import stat
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from footprint.util.fsio import ensure_private_dir

RECORD = "ui-server.json"
DEMO_RECORD = "ui-server-demo.json"


@dataclass(frozen=True)
class RunningServer:
    """A `footprint ui` that is serving: where, which process, since when."""

    port: int
    pid: int
    started: datetime

    @property
    def address(self) -> str:
        """Its address, without the one-time secret (its tab already holds the session)."""
        return f"http://127.0.0.1:{self.port}/"

    def already_open(self) -> str:
        """What a second start says, in plain words."""
        return (
            f"footprint is already open on this computer, at {self.address} (started "
            f"{self.started.astimezone():%d %b at %H:%M}). Switch to that browser tab to carry "
            "on, or press “Finish and close footprint” there and start footprint again. If you "
            f"closed that tab, stop the first footprint with Ctrl-C in its window (process "
            f"{self.pid}); it also stops by itself after 30 minutes with nothing happening."
        )


def record_path(folder: Path, *, demo: bool) -> Path:
    """The record for real audits, or for the demo's."""
    return folder / (DEMO_RECORD if demo else RECORD)


def claim(folder: Path, port: int, *, demo: bool = False) -> RunningServer | None:
    """Record this process as the one serving; None on success, else the server already
    running (a stale record is replaced)."""
    path = record_path(folder, demo=demo)
    ensure_private_dir(folder)
    mine = RunningServer(port=port, pid=os.getpid(), started=datetime.now(timezone.utc))
    for _ in range(2):  # a stale record is removed once, then the claim is tried again
        if _create(path, mine):
            return None
        other = read_record(path)
        if other is not None and is_alive(other):
            return other
        path.unlink(missing_ok=True)
    return read_record(path)  # another start won the race after the stale record went


def release(folder: Path, *, demo: bool = False) -> None:
    """Remove the record if it is this process's (never another server's)."""
    path = record_path(folder, demo=demo)
    record = read_record(path)
    if record is not None and record.pid == os.getpid():
        path.unlink(missing_ok=True)


def read_record(path: Path) -> RunningServer | None:
    """The record in `path`; None when there is none or it cannot be read (then stale).

    Only a regular file of this user's, opened without following a link, is a record
    footprint wrote: anything else (a link to another file, another user's file, a port or
    process id no server can have) would send the doctor to whatever it names."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, encoding="utf-8") as handle:
            info = os.fstat(handle.fileno())
            others = hasattr(os, "geteuid") and info.st_uid != os.geteuid()
            if not stat.S_ISREG(info.st_mode) or others:
                return None
            data = json.loads(handle.read(4096))
        server = RunningServer(
            port=int(data["port"]),
            pid=int(data["pid"]),
            started=datetime.fromisoformat(str(data["started"])),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return server if 0 < server.port < 65536 and server.pid > 0 else None


def is_alive(server: RunningServer) -> bool:
    """Whether the recorded process still runs and something answers on its port."""
    try:
        os.kill(server.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return False  # another user's process holds the id: never this user's footprint
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=1.0):
            return True
    except OSError:
        return False


def _create(path: Path, server: RunningServer) -> bool:
    """Write the record whole, then link it into place; False if a record is there."""
    text = json.dumps(
        {"port": server.port, "pid": server.pid, "started": server.started.isoformat()}
    )
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.link(temp, path)
        return True
    except FileExistsError:
        return False
    finally:
        temp.unlink(missing_ok=True)
