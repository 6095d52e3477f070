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
