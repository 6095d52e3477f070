"""The routes by which patients find or reach doctors, added as items: each is asked only where
it applies (country, UK nation or state, role), each carries dated sources, the quick audit stays
short, and the response plan gains the seeds' advice."""

from __future__ import annotations

import pytest

from footprint.audit.questions import QUICK_LIMIT, quick_selection
from footprint.content.checklists import (
    ChecklistItem,
    item_applies,
    response_steps_for,
    select_items,
    shipped_catalogue,
)
from footprint.content.sources import Source
from footprint.model.profile import Profile
from footprint.model.vocab import Severity

NEW_AREAS = ("electoral-register", "land-records", "family-records", "sign-ups", "workplace-safety")
# Asked of every doctor, wherever they work: family records and personal sign-ups.
EVERYWHERE = {
    "family-records.public-family-tree",
    "family-records.death-notices",
    "sign-ups.main-email-for-sign-ups",
    "sign-ups.personal-mobile-for-sign-ups",
}

PROFILES: dict[str, dict[str, object]] = {
    "england-gp": {"jurisdiction": "GB", "region": "england", "role": "gp"},
    "ni-hospital": {"jurisdiction": "GB", "region": "northern-ireland", "role": "hospital"},
    "ireland-gp": {"jurisdiction": "IE", "role": "gp"},
    "california-hospital": {"jurisdiction": "US", "region": "CA", "role": "hospital"},
    "queensland-gp": {"jurisdiction": "AU", "region": "QLD", "role": "gp"},
}
EXPECTED: dict[str, set[str]] = {
    "england-gp": EVERYWHERE
    | {
        "electoral-register.full-register-open-to-inspection",
        "electoral-register.credit-agency-marketing-file",
        "family-records.surname-linked-by-indexes",
        "workplace-safety.violent-patient-still-registered",
        "workplace-safety.incident-not-reported",
        "workplace-safety.lone-visits-untracked",
    },
    "ni-hospital": EVERYWHERE
    | {
        "electoral-register.northern-ireland-full-register",
        "electoral-register.credit-agency-marketing-file",
        "land-records.ni-registry-of-deeds",
    },
    "ireland-gp": EVERYWHERE | {"land-records.ireland-names-index"},
    "california-hospital": EVERYWHERE,
    "queensland-gp": EVERYWHERE | {"land-records.australia-title-register"},
}


def _profile(**fields: object) -> Profile:
    return Profile(name="Jo Tester", **fields)  # type: ignore[arg-type]


def _new_items() -> list[ChecklistItem]:
    cat = shipped_catalogue()
    return [i for f in cat.files if f.area in NEW_AREAS for i in f.items]


def _new_items_for(profile: Profile) -> set[str]:
    return {i.id for i in select_items(shipped_catalogue(), profile) if i.area in NEW_AREAS}


def test_the_new_areas_are_loaded() -> None:
    areas = {f.area for f in shipped_catalogue().files}
    assert set(NEW_AREAS) <= areas
    assert len(_new_items()) >= 14


@pytest.mark.parametrize("who", sorted(PROFILES))
def test_each_profile_is_asked_exactly_the_routes_that_apply(who: str) -> None:
    assert _new_items_for(_profile(**PROFILES[who])) == EXPECTED[who]


def test_every_new_item_is_asked_somewhere() -> None:
    asked = set().union(*EXPECTED.values())
    assert {i.id for i in _new_items()} == asked


@pytest.mark.parametrize(
    ("item_id", "asked", "not_asked"),
    [
        (
            "electoral-register.full-register-open-to-inspection",
            {"jurisdiction": "GB", "region": "scotland"},
            {"jurisdiction": "GB", "region": "northern-ireland"},
        ),
        (
            "land-records.ni-registry-of-deeds",
            {"jurisdiction": "GB", "region": "northern-ireland"},
            {"jurisdiction": "IE"},
        ),
        (
            "workplace-safety.violent-patient-still-registered",
            {"jurisdiction": "GB", "region": "england", "role": "gp"},
            {"jurisdiction": "GB", "region": "england", "role": "hospital"},
        ),
        (
            "workplace-safety.violent-patient-still-registered",
            {"jurisdiction": "GB", "region": "scotland", "role": "gp"},
            {"jurisdiction": "IE", "role": "gp"},
        ),
        (
            "workplace-safety.incident-not-reported",
            {"jurisdiction": "GB", "region": "england", "role": "hospital"},
            {"jurisdiction": "GB", "region": "wales", "role": "hospital"},
        ),
        (
            "workplace-safety.lone-visits-untracked",
            {"jurisdiction": "GB", "region": "wales", "role": "locum"},
            {"jurisdiction": "GB", "region": "wales", "role": "hospital"},
        ),
        (
            "family-records.surname-linked-by-indexes",
            {"jurisdiction": "GB", "region": "wales"},
            {"jurisdiction": "GB", "region": "scotland"},
        ),
    ],
)
def test_item_turns_on_and_off_with_the_profile(
    item_id: str, asked: dict[str, object], not_asked: dict[str, object]
) -> None:
    cat = shipped_catalogue()
    item, file = cat.items[item_id], cat.file_of(item_id)
    assert item_applies(item, file, _profile(**asked))
    assert not item_applies(item, file, _profile(**not_asked))


@pytest.mark.parametrize("item", _new_items(), ids=lambda i: i.id)
def test_every_new_item_has_dated_checked_sources(item: ChecklistItem) -> None:
    assert item.sources, "every new item cites the pages its claim was checked against"
    assert all(isinstance(s, Source) and s.date and s.checked for s in item.sources)
    assert item.reviewed == max(s.checked for s in item.sources)
    assert item.guidance and item.links


@pytest.mark.parametrize("item", _new_items(), ids=lambda i: i.id)
def test_new_questions_are_short_and_plain(item: ChecklistItem) -> None:
    assert len(item.question.split()) <= 30
    for phrase in ("yet to", "without your", "unused"):
        assert phrase not in item.question.lower()


def test_quick_audit_keeps_new_items_to_the_high_ones() -> None:
    # Only a new item of high severity or more may enter the quick list, so the medium and low
    # routes wait for the full audit and never push an older, more serious item out.
    for fields in PROFILES.values():
        applying = select_items(shipped_catalogue(), _profile(**fields))
        chosen = quick_selection(applying)
        older = [i for i in applying if i.area not in NEW_AREAS]
        new_in_quick = [i for i in chosen if i.area in NEW_AREAS]
        assert all(i.severity.at_least(Severity.HIGH) for i in new_in_quick)
        displaced = [i for i in quick_selection(older) if i not in chosen]
        assert len(displaced) <= len(new_in_quick)


def test_only_the_violent_patient_item_is_a_quick_candidate() -> None:
    # Guards the test above: the new items offered to the quick rule are the high ones only.
    quick = select_items(shipped_catalogue(), _profile(**PROFILES["england-gp"]), quick=True)
    assert {i.id for i in quick if i.area in NEW_AREAS} == {
        "workplace-safety.violent-patient-still-registered"
    }
    assert len(quick_selection(quick)) <= QUICK_LIMIT


def test_response_plan_gains_the_seeds_advice() -> None:
    plan = shipped_catalogue().response_plan
    titles = {s.title for s in response_steps_for(plan, _profile(jurisdiction="GB"))}
    assert "If the patient is a former patient, or vulnerable" in titles
    assert "If the patient makes an allegation, or writes from their home" in titles
    elsewhere = {s.title for s in response_steps_for(plan, _profile(jurisdiction="AU"))}
    assert "If the patient is a former patient, or vulnerable" not in elsewhere
    assert "If the patient makes an allegation, or writes from their home" in elsewhere
