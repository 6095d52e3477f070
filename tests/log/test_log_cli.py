"""`footprint log ...` end to end, in-process through `main()`: scripted and prompted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.auditrun import footprint
from tests.log.conftest import PNG

from footprint.log.database import LogStore

SCRIPTED = ["--no-input", "--channel", "letter", "--what", "A card at reception."]


def test_scripted_add_list_show_correct(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    shot.write_bytes(PNG)
    first = footprint(
        "log", "add", *SCRIPTED, "--when", "20/11/2026 09:15", "--witness", "Sam", "--file", shot
    )
    assert (
        first.code == 0
        and "Entry 1 saved" in first.stdout
        and "Kept a copy of shot.png" in first.stdout
    )
    fix = footprint(
        "log", "correct", "1", "--no-input", "--when", "19/11/2026 09:15", "--reason", "Wrong day"
    )
    assert fix.code == 0 and "corrects entry 1, which is kept as it was" in fix.stdout
    listing = footprint("log", "list")
    assert "[corrected by 2]" in listing.stdout and "[corrects 1]" in listing.stdout
    shown = footprint("log", "show", "2")
    assert (
        "19/11/2026 09:15" in shown.stdout and "A card at reception." in shown.stdout
    )  # copied over
    assert "Why corrected:  Wrong day" in shown.stdout
    with LogStore() as store:
        assert store.get(2).witnesses == ["Sam"] and store.get(1).when.startswith("2026-11-20")


def test_no_input_without_the_needed_fields_is_a_usage_error() -> None:
    run = footprint("log", "add", "--no-input", "--what", "x")
    assert run.code == 2 and "--when, --channel" in run.stderr


def test_an_unreadable_date_is_a_usage_error_with_the_fix() -> None:
    run = footprint("log", "add", *SCRIPTED, "--when", "11/24/2026")
    assert run.code == 2 and "day first" in run.stderr


def test_add_asks_for_what_is_not_given() -> None:
    answers = "\n".join(
        [
            "20/11/2026 14:30",
            "in-person",
            "Car park at work",
            "Waited by my car",
            "",
            "Practice manager",
            "",
            "",
        ]
    )
    run = footprint("log", "add", input=answers + "\n")
    assert run.code == 0, run.stdout + run.stderr
    with LogStore() as store:
        entry = store.get(1)
    assert (entry.channel.value, entry.where, entry.what) == (
        "in-person",
        "Car park at work",
        "Waited by my car",
    )
    assert entry.witnesses == [] and entry.reported_to == "Practice manager"


def test_verify_exit_codes_and_the_named_entry(tmp_path: Path) -> None:
    for n in range(3):
        footprint("log", "add", *SCRIPTED, "--when", f"1{n}/11/2026")
    assert footprint("log", "verify").code == 0
    out = tmp_path / "out"
    exported = footprint("log", "export", "--out", out, "--name", "Dr Alex Example")
    assert exported.code == 0 and "contact-log.html" in exported.stdout
    good = footprint("log", "verify", out / "contact-log.json")
    # A file alone only shows it hangs together: anyone can re-seal a rewritten copy.
    assert good.code == 0 and "Consistent: 3 entries" in good.stdout
    assert "Intact" not in good.stdout and "Not proved to be the original" in good.stdout
    head = json.loads((out / "contact-log.json").read_text())["chain"]["final_digest"]
    assert footprint("log", "verify", out / "contact-log.json", "--digest", head).code == 0
    assert footprint("log", "verify", out / "contact-log.json", "--digest", "0" * 64).code == 1
    path = out / "contact-log.json"
    path.write_text(
        path.read_text().replace('"12/11/2026"', '"12/11/2026"').replace("2026-11-11", "2026-11-21")
    )
    bad = footprint("log", "verify", path)
    assert (
        bad.code == 1 and "Entry 2 no longer matches" in bad.stdout and "Entry 1 of" in bad.stdout
    )


def test_purge_needs_the_typed_word() -> None:
    footprint("log", "add", *SCRIPTED, "--when", "20/11/2026")
    kept = footprint("log", "purge", "--all", input="delete\n")
    assert kept.code == 0 and "Nothing deleted" in kept.stdout
    assert footprint("log", "purge").code == 2
    gone = footprint("log", "purge", "--all", input="DELETE\n")
    assert gone.code == 0 and "Deleted 1 entries" in gone.stdout
    assert "empty" in footprint("log", "list").stdout


def test_show_a_missing_entry_says_how_many_there_are() -> None:
    run = footprint("log", "show", "4")
    assert run.code == 2 and "empty" in run.stderr


def test_a_correction_that_empties_what_happened_is_refused() -> None:
    footprint("log", "add", *SCRIPTED, "--when", "20/11/2026")
    run = footprint("log", "correct", "1", "--no-input", "--what", "")
    assert run.code == 2 and "what" in run.stderr
    assert "1 entries" in footprint("log", "list").stdout


def test_stopping_at_a_question_saves_nothing_and_says_so() -> None:
    run = footprint("log", "add", input="20/11/2026 14:30\n")  # input ends at the second question
    assert run.code == 130 and "this entry was not saved" in run.stderr
    with LogStore() as store:
        assert store.count() == 0


def test_correct_shows_the_entry_before_asking_why() -> None:
    footprint("log", "add", *SCRIPTED, "--when", "20/11/2026", "--where", "Example surgery")
    answers = ["Wrong day", "19/11/2026", "letter", "", "", "", "", "", ""]
    run = footprint("log", "correct", "1", input="\n".join(answers) + "\n")
    assert run.code == 0, run.stderr
    shown, asked = run.stdout.index("Example surgery"), run.stdout.index("Why are you correcting")
    assert shown < asked


def test_interactive_add_takes_several_witnesses() -> None:
    answers = ["20/11/2026 14:30", "in-person", "Car park", "Waited by my car",
               "Sam (receptionist)", "Jo (practice nurse)", "", "", "", ""]  # fmt: skip
    run = footprint("log", "add", input="\n".join(answers) + "\n")
    assert run.code == 0, run.stdout + run.stderr
    with LogStore() as store:
        assert store.get(1).witnesses == ["Sam (receptionist)", "Jo (practice nurse)"]


def test_the_list_fits_the_terminal_and_reads_cleanly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "72")
    long = "Waited by my car after evening surgery and followed me to the petrol station at 5:50pm."
    footprint("log", "add", *SCRIPTED[:-1], long, "--when", "20/11/2026")
    footprint("log", "correct", "1", "--no-input", "--reason", "Wrong time: it was 5:50pm.")
    listing = footprint("log", "list")
    assert listing.code == 0
    lines = listing.stdout.splitlines()
    assert max(len(line) for line in lines if "digest" not in line) <= 72
    assert "5:50pm.." not in listing.stdout and "petrol" in listing.stdout


def test_the_exported_page_has_no_run_together_or_doubled_sentences(tmp_path: Path) -> None:
    footprint("log", "add", *SCRIPTED[:-1], "Waiting after surgery.", "--when", "20/11/2026")
    footprint("log", "correct", "1", "--no-input", "--reason", "It was at 5:50pm.")
    footprint("log", "export", "--out", tmp_path / "x", "--format", "html")
    html = (tmp_path / "x" / "contact-log.html").read_text()
    assert "surgery. <span" in html and "Corrected by entry 2." in html
    assert "5:50pm.." not in html and "It was at 5:50pm.</span>" in html
