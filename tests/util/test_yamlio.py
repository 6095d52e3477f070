"""User YAML files: size-capped, UTF-8, bounded nesting, no duplicate keys: a broken or hostile file
gives a clear error, never a crash or a silently dropped answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint.errors import ConfigError, ProfileError
from footprint.util.yamlio import MAX_INPUT_BYTES, MAX_NESTING, read_yaml


def _error(path: Path, text: str | bytes) -> str:
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    with pytest.raises(ProfileError) as err:
        read_yaml(path, ProfileError)
    assert err.value.hint
    return err.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: A B\nname: C D\n", "duplicate key 'name' (first given on line 1)"),
        ("a: {x: 1, x: 2}\n", "duplicate key 'x'"),
        ("private:\n  phones: [1]\n  phones: [2]\n", "line 3, column 3"),
        ("x: " + "[" * 100_000 + "]" * 100_000, f"nested more than {MAX_NESTING} levels"),
        ("".join(" " * i + "a:\n" for i in range(200)), f"nested more than {MAX_NESTING}"),
        ("name: [unclosed\n", "not valid YAML at line 2"),
    ],
    ids=["duplicate", "duplicate-flow", "duplicate-line", "deep-flow", "deep-block", "syntax"],
)
def test_bad_yaml_is_one_clear_message(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in _error(tmp_path / "p.yaml", text)


def test_non_utf8_names_the_byte_and_line(tmp_path: Path) -> None:
    message = _error(tmp_path / "p.yaml", b"name: Alex\nlocality: Ex\xffampleton\n")
    assert "not UTF-8 text (byte 0xff on line 2)" in message


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    # Larger than the cap and not even YAML: refused for its size, never parsed.
    message = _error(tmp_path / "p.yaml", b"[" * (MAX_INPUT_BYTES + 1))
    assert "larger than 1 MB" in message


def test_a_folder_or_missing_file_is_a_message(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="file not found"):
        read_yaml(tmp_path / "missing.yaml", ProfileError)
    with pytest.raises(ProfileError, match="cannot be read"):
        read_yaml(tmp_path, ProfileError)


def test_ordinary_yaml_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("base: &b {x: 1}\nother:\n  <<: *b\n  x: 2\nlist: [a, b]\n")
    assert read_yaml(path, ConfigError) == {
        "base": {"x": 1},
        "other": {"x": 2},  # a merge key overridden is not a duplicate
        "list": ["a", "b"],
    }


def _alias_bomb(levels: int = 9) -> str:
    """Nine aliases of nine aliases...: 342 bytes that expand to 9**9 strings."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghijklmnop"
    for prev, name in zip(names[: levels - 1], names[1:levels], strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "text",
    [
        _alias_bomb(),
        "key: &k [*k]\n",  # an alias of itself
        "a: &a [" + "x," * 4_000 + "x]\nb: [" + "*a," * 600 + "*a]\n",  # few aliases, long
    ],
    ids=["bomb", "cycle", "wide"],
)
def test_alias_bombs_are_refused_at_once_and_small(tmp_path: Path, text: str) -> None:
    import resource
    import time

    path = tmp_path / "answers.yaml"
    path.write_text(text)
    started = time.perf_counter()
    with pytest.raises(ConfigError, match="aliases"):
        read_yaml(path, ConfigError)
    assert time.perf_counter() - started < 10  # the bomb took 80 s before (and 3 GB)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 2_000_000  # KiB: under 2 GB


def test_an_alias_used_a_few_times_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("town: &t Exeter\nwork: [*t, *t]\n")
    assert read_yaml(path, ConfigError) == {"town": "Exeter", "work": ["Exeter", "Exeter"]}
