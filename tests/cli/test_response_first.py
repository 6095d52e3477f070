"""The first thing an interactive audit asks: is a patient contacting you? Before any lookup."""

from __future__ import annotations

from pathlib import Path

from ptyaudit import PtyProcess, child_env

PROFILE = "name: Alex Example\nusernames: {github: alexexample}\ndomains: [alexexample.co.uk]\n"


def test_response_question_comes_before_consent_and_says_what_to_do(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE)
    proc = PtyProcess(
        ["audit", "--profile", str(profile), "--no-store", "--out", str(tmp_path / "o")],
        child_env(tmp_path / "home"),
    )
    try:
        first = proc.next_prompt()
        assert first is not None and first.kind == "response", proc.output
        proc.send("y")
        second = proc.next_prompt()
        assert second is not None and second.kind == "confirm", proc.output  # a consent question
        assert "Keep everything" in proc.output or "keep everything" in proc.output.lower()
        # Safety first (the UK number for a GB profile), then the log, before any lookup.
        said = proc.output
        assert said.index("call 999") < said.index("footprint log add")
    finally:
        proc.kill()
