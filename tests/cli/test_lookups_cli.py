"""`footprint lookups`: every lookup by its plain title, what it sends and to whom."""

from __future__ import annotations

import json
from typing import Any


def test_table_names_lookups_and_says_any_site_in_words(run_cli: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    r = run_cli("lookups")
    assert r.code == 0, r.stderr
    assert "Pages about you" in r.stdout and "page-scan" in r.stdout
    assert "the result pages' sites" in r.stdout  # the search-pages lookup, not a bare '*'
    assert "│ *" not in r.stdout


def test_json_keeps_the_host_list(run_cli: Any) -> None:
    rows = json.loads(run_cli("lookups", "--format", "json").stdout)
    search_pages = next(r for r in rows if r["id"] == "search-pages")
    assert "*" in search_pages["hosts"]


def test_check_formats_table_lists_every_service_as_expected(
    run_cli: Any, monkeypatch: Any
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    r = run_cli("lookups", "--check-formats")
    assert r.code == 0, r.stderr
    for service in ("rdap", "searxng", "duckduckgo", "companies-house", "npi", "google"):
        assert service in r.stdout
    assert "NO" not in r.stdout


def test_check_formats_json_and_exit_code_when_a_case_fails(run_cli: Any, monkeypatch: Any) -> None:
    rows = json.loads(run_cli("lookups", "--check-formats", "--format", "json").stdout)
    assert sum(r["samples"] for r in rows) == 40  # 34 recorded + 6 documented (SerpApi, Mojeek)
    assert all(r["as_expected"] == r["cases"] and not r["problems"] for r in rows)

    from footprint.lookups.replay import formats as replay

    real = replay.load_cases

    def broken() -> list[replay.Case]:
        first, *rest = real()
        return [replay.Case(**{**first.__dict__, "expect": ["couldnt_check"]}), *rest]

    monkeypatch.setattr(replay, "load_cases", broken)
    r = run_cli("lookups", "--check-formats")
    assert r.code == 1
    assert "did not give the expected outcome" in r.stderr
    assert first_id(real()) in r.stdout


def first_id(cases: list[Any]) -> str:
    return str(cases[0].id)
