"""`footprint scan`: thin command over footprint.lookups.pages.scanner; JSON contract, table, exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from footprint.demo.server import SITE, DemoServer

TEAM = SITE / "practice" / "team.html"
CLINIC = SITE / "clinic" / "index.html"


def test_json_for_local_files(run_cli: Any, profile_file: Path) -> None:
    result = run_cli("scan", TEAM, CLINIC, "--profile", profile_file, "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [item["target"] for item in data] == [str(TEAM), str(CLINIC)]
    assert [item["outcome"] for item in data] == ["found", "found"]
    private = [
        c["normalized"] for item in data for c in item["contacts"] if c["matches"] == "private"
    ]
    assert private == ["+447700900123"]  # this profile's e-mail is not on the clinic page
    emails = [c["normalized"] for c in data[1]["contacts"] if c["kind"] == "email"]
    assert emails == ["alex.example.home@gmail.com"]


def test_table_marks_private_details(run_cli: Any, profile_file: Path) -> None:
    result = run_cli("scan", TEAM, "--profile", profile_file)
    assert result.code == 0, result.stderr
    assert "PRIVATE" in result.stdout
    assert "07700 900123" in result.stdout
    assert "1 of your private details are on these pages" in result.stdout


def test_table_keeps_square_brackets(run_cli: Any) -> None:
    result = run_cli("scan", CLINIC)
    # not swallowed as console markup
    assert "[at]" in result.stdout and "[dot]" in result.stdout
    assert "--profile" in result.stdout  # the tip


def test_urls_need_allow_private_for_local_servers(run_cli: Any) -> None:
    with DemoServer(slow_delay=0.5) as server:
        url = f"{server.base_url}/practice/team.html"
        refused_run = run_cli("scan", url, "--format", "json")
        refused = json.loads(refused_run.stdout)
        assert server.requests == []
        assert refused_run.code == 1
        allowed = json.loads(run_cli("scan", url, "--format", "json", "--allow-private").stdout)
    assert refused[0]["outcome"] == "couldnt_check"
    assert allowed[0]["outcome"] == "found"
    assert allowed[0]["final_url"] == url


def test_blocked_page_in_table(run_cli: Any) -> None:
    with DemoServer() as server:
        result = run_cli("scan", f"{server.base_url}/blocked/", "--allow-private")
    assert "couldn't check: the site refused the request (HTTP 403)" in result.stdout
    assert result.code == 1  # the only target couldn't be checked
    assert result.stderr.strip() == "Error: couldn't check the page (the reason is above)"


def test_nothing_checked_exits_1_after_the_json(run_cli: Any) -> None:
    with DemoServer() as server:
        blocked = f"{server.base_url}/blocked/"
        # refused before any request: a local server needs --allow-private
        result = run_cli("scan", blocked, blocked, "--format", "json")
    data = json.loads(result.stdout)  # the JSON is still printed in full
    assert [item["outcome"] for item in data] == ["couldnt_check", "couldnt_check"]
    assert result.code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: couldn't check any of the 2 pages (the reasons are above)"
    ]


def test_one_checked_target_is_enough_for_exit_0(run_cli: Any) -> None:
    with DemoServer() as server:
        result = run_cli(
            "scan", f"{server.base_url}/blocked/", TEAM, "--format", "json", "--allow-private"
        )
    data = json.loads(result.stdout)
    assert [item["outcome"] for item in data] == ["couldnt_check", "found"]
    assert result.code == 0 and result.stderr == ""


def test_region_option(run_cli: Any, tmp_path: Path) -> None:
    page = tmp_path / "us.html"
    page.write_text("<p>Office (212) 555-0123</p>")
    gb = json.loads(run_cli("scan", page, "--format", "json").stdout)
    us = json.loads(run_cli("scan", page, "--format", "json", "--region", "us").stdout)
    assert gb[0]["contacts"] == []
    assert us[0]["contacts"][0]["normalized"] == "+12125550123"
    uk = run_cli("scan", TEAM, "--format", "json", "--region", "uk")
    assert uk.code == 0 and json.loads(uk.stdout)[0]["contacts"]  # UK is read as GB


def test_usage_errors_exit_2(run_cli: Any, tmp_path: Path) -> None:
    missing = run_cli("scan", tmp_path / "missing.html")
    assert missing.code == 2 and "not a web address or an existing file" in missing.stderr
    assert run_cli("scan").code == 2
    assert run_cli("scan", TEAM, "--region", "ZZ").code == 2
    no_profile = run_cli("scan", TEAM, "--profile", tmp_path / "nope.yaml")
    assert no_profile.code == 2 and "profile init" in no_profile.stderr


SAVED = Path(__file__).parent.parent / "fixtures" / "saved_results"


def saved_google_page(tmp_path: Path, base: str) -> Path:
    """The saved Google page with its two ordinary results served by the local stand-in."""
    text = (SAVED / "google_results.html").read_text(encoding="utf-8")
    text = text.replace("https://practice.example/", base + "practice/")
    text = text.replace("https://club.example/", base + "club/")
    path = tmp_path / "saved.html"
    path.write_text(text, encoding="utf-8")
    return path


def test_saved_results_page_is_listed_with_a_hint(
    run_cli: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    saved = saved_google_page(tmp_path, "https://club.example/")
    result = run_cli("scan", saved)
    assert result.code == 0, result.stderr
    assert 'is a saved Google results page (searched: "Dr Alex Example"): 3 results' in (
        result.stdout
    )
    assert "people-search" in result.stdout and "192.com" in result.stdout
    assert "Add --follow-results to scan these 2 pages" in result.stdout


def test_follow_results_scans_the_listed_pages(
    run_cli: Any, tmp_path: Path, httpserver: Any
) -> None:
    page = "<html><body><p>Secretary: Alex Example, 07700 900123</p></body></html>"
    httpserver.expect_request("/club/committee").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/practice/team").respond_with_data(
        "<html><body>Our team</body></html>", content_type="text/html"
    )
    saved = saved_google_page(tmp_path, httpserver.url_for("/"))
    result = run_cli("scan", saved, "--follow-results", "--allow-private", "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [item["target"] for item in data] == [
        str(saved),
        httpserver.url_for("/practice/team"),
        httpserver.url_for("/club/committee"),
    ]
    assert data[2]["contacts"][0]["normalized"] == "+447700900123"
    assert "192.com" not in "".join(r.path for r, _ in httpserver.log)  # never fetched


def test_table_prints_no_terminal_control_sequences(run_cli: Any, tmp_path: Path) -> None:
    page = tmp_path / "ansi.html"
    page.write_bytes(
        b"<p>Call \x1b[2J\x1b]0;owned\x07 07700 900123 \x1b[31m \xc2\x9b31m now</p>"
        b"<p>Mail a\xe2\x80\x8bb@example.org</p>"
    )
    result = run_cli("scan", str(page))
    assert result.code == 0
    assert "07700 900123" in result.stdout and "ab@example.org" in result.stdout
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in result.stdout)
    assert "\x9b" not in result.stdout and "\u200b" not in result.stdout


def test_deeply_nested_page_prints_no_traceback(run_cli: Any, tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text(
        '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    )
    result = run_cli("scan", str(page))
    assert result.code == 0 and "no contact details found" in result.stdout
