"""Where footprint keeps things: `FOOTPRINT_HOME` overrides the user folders (tests use it)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "footprint"


def _home() -> Path | None:
    value = os.environ.get("FOOTPRINT_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    """Folder for the session store."""
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP))


def config_dir() -> Path:
    """Folder for `config.yaml` (API keys, service URLs)."""
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP))


def make_private_dir(path: Path) -> Path:
    """Create a folder readable by its owner only (0700)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


def write_private(path: Path, data: str | bytes) -> None:
    """Write a file created owner-only (0600) from the start, never world-readable."""
    if not path.parent.exists():
        make_private_dir(path.parent)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    fd = os.open(path, flags, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
