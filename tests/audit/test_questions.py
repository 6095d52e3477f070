"""The quick audit's rule, and questions a lookup settles with evidence."""

from __future__ import annotations

import footprint.audit.questions as plan
from footprint.content.checklists import select_items, shipped_catalogue
from footprint.demo.run import demo_profile
from footprint.model.observation import Exposure, Observation, Outcome
from footprint.model.vocab import Axis, Exposes, Severity


def _found(key: str, outcome: Outcome = Outcome.FOUND) -> Observation:
    exposure = Exposure(
        key=key,
        title="A Companies House filing shows your home address",
        severity=Severity.CRITICAL,
        axis=Axis.LOCATABLE,
        exposes=Exposes.HOME_ADDRESS,
        why="Test.",
        steps=["Fix it."],
    )
    return Observation(lookup_id="companies-house", outcome=outcome, subject="x", exposure=exposure)


def test_quick_asks_at_most_30_with_every_critical_for_the_demo_doctor() -> None:
    items = select_items(shipped_catalogue(), demo_profile("http://127.0.0.1:1"))
    chosen = plan.quick_selection(items)
    assert len(chosen) <= plan.QUICK_LIMIT < len(items)
    critical = {i.id for i in items if i.severity is Severity.CRITICAL}
    assert critical <= {i.id for i in chosen}
    keys = [plan.priority(i) for i in chosen]
    assert keys == sorted(keys)  # ranked by the rule, not picked by hand
    left = [plan.priority(i) for i in items if i not in chosen]
    assert max(keys) <= min(left)


def test_criticals_are_never_dropped_by_the_cap() -> None:
    items = select_items(shipped_catalogue(), demo_profile("http://127.0.0.1:1"))
    critical = [i for i in items if i.severity is Severity.CRITICAL]
    chosen = plan.quick_selection(items, limit=2)
    assert {i.id for i in critical} <= {i.id for i in chosen}


def test_only_found_evidence_settles_a_question() -> None:
    assert plan.settled_ids([_found("companies-house.home-address")]) == {
        "company.service-address-is-home": "companies-house"
    }
    assert plan.settled_ids([_found("companies-house.home-address", Outcome.NOT_FOUND)]) == {}
    items = select_items(shipped_catalogue(), demo_profile("http://127.0.0.1:1"))
    chosen = plan.quick_selection(items, settled=["company.service-address-is-home"])
    assert "company.service-address-is-home" not in {i.id for i in chosen}


def test_every_settled_item_exists() -> None:
    known = shipped_catalogue().items
    assert all(i in known for ids in plan.SETTLED_BY.values() for i in ids)


def test_progress_label() -> None:
    assert plan.Progress(12, 30, plan.minutes_for(19)).label() == "12/30, about 7 min left"
    assert plan.minutes_phrase(0) == "under a minute"
