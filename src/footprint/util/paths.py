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
