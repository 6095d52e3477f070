"""The plan's short text forms: the one-line why, a page named briefly."""

from __future__ import annotations

import pytest

from footprint.report.actions import first_sentence, host_of, short_url


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("One line. Another line.", "One line."),
        ("No full stop", "No full stop"),
        ("Use e.g. this. Then that.", "Use e.g. this."),
    ],
)
def test_first_sentence(text: str, first: str) -> None:
    assert first_sentence(text) == first


def test_short_url_keeps_host_and_path_briefly() -> None:
    assert short_url("https://www.example.org/team/") == "example.org/team"
    long = short_url("https://example.org/" + "a" * 80)
    assert len(long) == 48 and long.endswith("\u2026")
    assert short_url(None) == ""


def test_host_of_names_the_site() -> None:
    assert host_of("https://www.facebook.com/help/1") == "facebook.com"
