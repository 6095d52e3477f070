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
    """Create a folder (and missing parents) 0700; see `footprint.fsio.ensure_private_dir`."""
    from footprint.fsio import ensure_private_dir

    return ensure_private_dir(path)


def write_private(path: Path, data: str | bytes) -> None:
    """Write an owner-only file safely; see `footprint.fsio.write_private_file`."""
    from footprint.fsio import write_private_file

    write_private_file(path, data)
