"""Every shipped checklist file loads and validates; broken copies fail precisely."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from footprint.content.checklists import (
    SPECIAL_FILES,
    default_dir,
    load_catalogue,
    load_checklist_file,
    select_items,
    shipped_catalogue,
)
from footprint.errors import ChecklistError
from footprint.model.profile import Profile
from footprint.model.vocab import PLATFORMS, Severity

SHIPPED = sorted(p for p in default_dir().glob("*.yaml") if p.name not in SPECIAL_FILES)


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_file_is_valid(path: Path) -> None:
    parsed = load_checklist_file(path)
    assert parsed.items
    for item in parsed.items:
        assert item.links or item.guidance, f"{item.id} names no source"
        # Items never checked against a source carry no review date (tests/content/test_review_dates.py).
        if item.reviewed is not None:
            assert item.reviewed >= "2026-01", f"{item.id} reviewed too long ago"


def test_catalogue_cross_checks_and_size() -> None:
    cat = load_catalogue()
    assert len(cat.items) >= 120
    used = {g for i in cat.items.values() for g in i.guidance}
    assert used <= set(cat.guidance)
    # every platform id has its own file
    assert {f.area for f in cat.files if f.platform} == set(PLATFORMS)


def test_response_plan_has_the_essentials() -> None:
    plan = shipped_catalogue().response_plan
    text = " ".join([plan.first, *(s.title + " " + s.detail for s in plan.steps)]).lower()
    for needle in ("defence", "log", "police", "stalking"):
        assert needle in text


def _copy_shipped(tmp_path: Path) -> Path:
    target = tmp_path / "checklists"
    shutil.copytree(default_dir(), target)
    return target


def _mutate(folder: Path, name: str, change: object) -> None:
    path = folder / name
    data = yaml.safe_load(path.read_text())
    change(data)  # type: ignore[operator]
    # A round trip through JSON unshares copied parts: footprint refuses YAML aliases.
    path.write_text(yaml.safe_dump(json.loads(json.dumps(data)), sort_keys=False))


def test_unknown_field_names_file_item_and_field(tmp_path: Path) -> None:
    folder = _copy_shipped(tmp_path)
    name = SHIPPED[0].name
    first_id = load_checklist_file(SHIPPED[0]).items[0].id
    _mutate(folder, name, lambda d: d["items"][0].update({"sevrity": "high"}))
    with pytest.raises(ChecklistError) as err:
        load_catalogue(folder)
    assert name in err.value.message and first_id in err.value.message
    assert "sevrity" in err.value.message and "unknown field" in err.value.message


def test_bad_severity_and_unknown_guidance(tmp_path: Path) -> None:
    folder = _copy_shipped(tmp_path)
    name = SHIPPED[0].name
    _mutate(folder, name, lambda d: d["items"][0].update({"severity": "dire"}))
    with pytest.raises(ChecklistError, match="severity"):
        load_catalogue(folder)
    folder = _copy_shipped(tmp_path / "2")
    _mutate(folder, name, lambda d: d["items"][0].update({"guidance": ["no-such-ref"]}))
    with pytest.raises(ChecklistError, match="no-such-ref"):
        load_catalogue(folder)


def test_duplicate_id_and_yaml_syntax_error(tmp_path: Path) -> None:
    folder = _copy_shipped(tmp_path)
    name = SHIPPED[0].name
    _mutate(folder, name, lambda d: d["items"].append(dict(d["items"][0])))
    with pytest.raises(ChecklistError, match="duplicate id"):
        load_catalogue(folder)
    broken = tmp_path / "broken.yaml"
    broken.write_text("area: broken\nitems:\n  - id: broken.x\n   question: [\n")
    with pytest.raises(ChecklistError, match=r"line \d+"):
        load_checklist_file(broken)


def test_selection_follows_platforms_jurisdiction_and_quick() -> None:
    cat = shipped_catalogue()
    gb = Profile(name="Alex Example", jurisdiction="GB", platforms=["facebook"])
    us = Profile(name="Alex Example", jurisdiction="US", platforms=[])
    gb_ids = {i.id for i in select_items(cat, gb)}
    us_ids = {i.id for i in select_items(cat, us)}
    assert any(i.startswith("facebook.") for i in gb_ids)
    assert not any(i.startswith("facebook.") for i in us_ids)
    assert not any(i.startswith("us.") for i in gb_ids)
    assert any(i.startswith("us.") for i in us_ids)
    quick = select_items(cat, gb, quick=True)
    assert quick and all(i.severity.at_least(Severity.HIGH) for i in quick)
    ranks = [i.severity.rank for i in select_items(cat, gb)]
    assert ranks == sorted(ranks), "most important first"


def test_bare_yes_in_exposed_when_means_the_word(tmp_path: Path) -> None:
    source = (default_dir() / "strava.yaml").read_text()
    unquoted = tmp_path / "strava.yaml"
    unquoted.write_text(source.replace('exposed_when: "yes"', "exposed_when: yes"))
    assert unquoted.read_text() != source
    items = load_checklist_file(unquoted).items
    assert [i.exposed_when for i in items] == [
        i.exposed_when for i in load_checklist_file(default_dir() / "strava.yaml").items
    ]
