"""The terminal's consent prompts: plain words, "d" for the detail, and "all" or "none" at the first
prompt instead of one answer per lookup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.auditrun import footprint, session_ids

from footprint.demo.run import demo_profile, demo_settings
from footprint.demo.server import DemoServer
from footprint.lookups.consent_questions import consent_plan
from footprint.lookups.registry import all_lookups
from footprint.store.sessions import Store
from footprint.util.settings import Settings


@pytest.fixture
def consent_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Run an interactive audit of the demo doctor against the local stand-ins, typing `keys`."""
    import footprint.cli.auditcmd as auditcmd

    with DemoServer() as server:
        profile = demo_profile(server.base_url)
        profile = profile.model_copy(
            update={"urls": [u for u in profile.urls if "/slow/" not in u]}
        )
        path = tmp_path / "profile.yaml"
        path.write_text(yaml.safe_dump(profile.model_dump(mode="json")))
        settings = demo_settings(server.base_url)
        monkeypatch.setattr(Settings, "load", classmethod(lambda cls, *a, **k: settings))
        monkeypatch.setattr(auditcmd, "_interactive", lambda no_input: True)

        def run(keys: list[str]) -> tuple[str, dict[str, bool]]:
            r = footprint(
                "audit", "--profile", path, "--quick", "--out", tmp_path / "o",
                input="\n".join(["n", *keys, "q"]) + "\n",
            )  # fmt: skip
            assert r.code == 0, r.stdout + r.stderr
            (sid,) = session_ids(r.stdout)
            stored = {c.lookup_id: c.granted for c in Store().load(sid).consents if c.destinations}
            asked = [q.lookup_id for q in consent_plan(all_lookups(settings), profile)[0]]
            return r.stdout, {
                lookup_id: stored[lookup_id] for lookup_id in asked if lookup_id in stored
            }

        yield run


def test_all_at_the_first_prompt_agrees_to_every_lookup(consent_run: Any) -> None:
    stdout, granted = consent_run(["all"])
    assert len(granted) >= 5 and all(granted.values())
    assert stdout.count("may footprint do this?") == 1  # asked once, not once per lookup
    assert "y / n / d = details / all / none" in stdout


def test_none_at_the_first_prompt_refuses_every_lookup(consent_run: Any) -> None:
    _, granted = consent_run(["none"])
    assert len(granted) >= 5 and not any(granted.values())


def test_details_then_one_by_one(consent_run: Any) -> None:
    stdout, granted = consent_run(["d", "y", "x", "n", "all"])
    assert "Exactly what is sent:" in stdout and "Addresses it may contact:" in stdout
    assert "y = yes, n = no" in stdout  # "x" is not an answer: the keys are explained
    first, second, *rest = granted.values()
    assert first is True and second is False and rest and all(rest)


def test_plain_words_and_the_cost_of_no_name_search_before_any_choice(consent_run: Any) -> None:
    stdout, _ = consent_run(["none"])
    before = stdout[: stdout.index("may footprint do this?")]
    assert "cannot give you a findability score" in before
    for jargon in ("SHA-256", "RDAP server", "override"):
        assert jargon not in before, jargon
