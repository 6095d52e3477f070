"""Contact-log fixtures: a store in this test's FOOTPRINT_HOME and fictional entries."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from footprint.log.database import LogStore
from footprint.log.models import Channel, EntryFields

# A 2x2 PNG, so the HTML export has a real image to embed.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg=="
)

MakeFields = Callable[..., EntryFields]


@pytest.fixture
def store() -> Iterator[LogStore]:
    """An empty log under this test's FOOTPRINT_HOME."""
    with LogStore() as log:
        yield log


@pytest.fixture
def make_fields() -> MakeFields:
    """EntryFields with fictional defaults; keyword arguments override them."""

    def make(**overrides: Any) -> EntryFields:
        values: dict[str, Any] = {
            "when": "2026-11-20T09:15:00+00:00",
            "channel": Channel.LETTER,
            "where": "Example Street Surgery reception",
            "what": "Card left at reception addressed to me by first name.",
            "witnesses": ["Sam (receptionist)"],
        }
        values.update(overrides)
        return EntryFields(**values)

    return make


@pytest.fixture
def screenshot_file(tmp_path: Path) -> Path:
    """A fictional screenshot on disk, outside the log."""
    path = tmp_path / "message screenshot.png"
    path.write_bytes(PNG)
    return path
