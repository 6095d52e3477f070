"""`footprint checklist`: show, list and validate, with messages that say what to do."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from footprint.content.checklists import default_dir
from footprint.errors import ExitCode


def test_show_suggests_the_id_meant(run_cli: Any) -> None:
    r = run_cli("checklist", "show", "facebook.lookup-by-phon")
    assert r.code == ExitCode.USAGE
    assert "Did you mean facebook.lookup-by-phone" in r.stderr


def test_show_lists_sources_together(run_cli: Any) -> None:
    r = run_cli("checklist", "show", "strava.home-on-map")
    assert r.code == 0
    sources = r.stdout[r.stdout.index("Sources:") : r.stdout.index("Reviewed:")]
    assert "  Guidance: " in sources and "  Link: https://" in sources
    assert "\n\n" not in sources.strip()


def test_show_gives_the_finding_and_follows_an_old_id(run_cli: Any) -> None:
    r = run_cli("checklist", "show", "contact.withhold-number-uk-ie")
    assert r.code == 0
    assert "now contact.number-shown-on-calls" in r.stdout
    assert "finding: Your personal number can show on a patient's phone" in r.stdout


def test_validate_rejects_a_finding_written_as_a_question(run_cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "checklists"
    shutil.copytree(default_dir(), folder)
    strava = folder / "strava.yaml"
    text = strava.read_text()
    strava.write_text(
        text.replace('finding: "Your Strava maps', 'finding: "Are your Strava maps', 1).replace(
            'start or finish at home"', 'start or finish at home?"', 1
        )
    )
    r = run_cli("checklist", "validate", folder)
    assert r.code == ExitCode.USAGE
    assert "strava.home-on-map" in r.stderr and "finding" in r.stderr


def test_unknown_area_is_a_usage_error(run_cli: Any) -> None:
    r = run_cli("checklist", "list", "--area", "twitter")
    assert r.code == ExitCode.USAGE and "Areas: " in r.stderr and " x." in r.stderr


def test_validate_broken_copy_names_file_item_and_field(run_cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "checklists"
    shutil.copytree(default_dir(), folder)
    strava = folder / "strava.yaml"
    strava.write_text(strava.read_text().replace("severity: critical", "severity: urgent", 1))
    r = run_cli("checklist", "validate", folder)
    assert r.code == ExitCode.USAGE
    assert str(strava) in r.stderr and "strava.home-on-map" in r.stderr
    assert "severity" in r.stderr


def test_review_lists_every_entry_oldest_first(run_cli: Any) -> None:
    import json

    from footprint.content.checklists import shipped_catalogue

    r = run_cli("checklist", "review", "--format", "json")
    assert r.code == 0
    entries = json.loads(r.stdout)
    cat = shipped_catalogue()
    assert len(entries) == len(cat.items) + len(cat.guidance)
    stages = [
        0 if not e["sources"] else 1 if e["newest_source_date"] is None else 2 for e in entries
    ]
    assert stages == sorted(stages), "never checked, then undated, then dated"
    dated = [e["newest_source_date"] for e in entries if e["newest_source_date"]]
    assert dated == sorted(dated) and len(set(dated)) > 1
    table = run_cli("checklist", "review").stdout
    assert table.splitlines()[0].split()[:2] == ["newest", "source"]
    assert "never checked against a source" in table


def test_show_says_which_answer_is_risky_and_what_was_checked(run_cli: Any) -> None:
    r = run_cli("checklist", "show", "security.breaches-checked")
    assert r.code == 0 and "the risky answer: No" in r.stdout
    assert "Checked against: " in r.stdout and "checked 20" in r.stdout
