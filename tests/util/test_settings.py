"""config.yaml: read with the same limits as every user file; a broken one is a message."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint.errors import ConfigError
from footprint.util.settings import Settings


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"keys: [\n", "not valid YAML"),
        (b"keys: {companies_house: \xff}\n", "not UTF-8"),
        (b"keys: {a: 1}\nkeys: {b: 2}\n", "duplicate key 'keys'"),
        (b"- just\n- a list\n", "expected sections"),
    ],
    ids=["syntax", "encoding", "duplicate", "shape"],
)
def test_broken_config_is_a_config_error(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_bytes(content)
    with pytest.raises(ConfigError, match=expected):
        Settings.load(env={}, config_file=path)


def test_values_are_text_and_missing_file_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("keys:\n  companies_house: 12345\nurls:\n  searxng: https://s.example/\n")
    settings = Settings.load(env={}, config_file=path)
    assert settings.key("FOOTPRINT_COMPANIES_HOUSE_KEY") == "12345"
    assert settings.url("searxng", "https://default.example") == "https://s.example"
    assert Settings.load(env={}, config_file=tmp_path / "none.yaml").config == {}
