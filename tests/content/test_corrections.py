"""The corrections a content review asked for stay made: each wrong, outdated or incomplete item
says what its source says, unsourced items are gone, and old answers to them still load."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from footprint.audit.answers import RESPONSE_ID, load_answers
from footprint.content.checklists import REMOVED, ChecklistItem, shipped_catalogue
from footprint.content.sources import last_confirmed_year
from footprint.model.vocab import Answer

CATALOGUE = shipped_catalogue()


def _text(item_id: str) -> str:
    item: ChecklistItem = CATALOGUE.items[item_id]
    return " ".join([item.question, item.finding, item.why, item.check, *item.fix])


def test_irish_doctors_are_sent_to_the_garda_not_101() -> None:
    item = CATALOGUE.items["home-safety.no-police-marker"]
    assert "IE" in (item.jurisdictions or [])
    assert "Garda station" in item.check and "no 101" in item.check
    assert "999" not in item.finding, "no alarming claim without a source"


def test_the_open_register_names_northern_irelands_office_and_inspection() -> None:
    text = _text("address.open-register")
    assert "Electoral Office for Northern Ireland" in text
    assert "under supervision" in text and "by address, not by name" in text


def test_strava_offers_the_setting_that_stops_grouping() -> None:
    assert '"Only You"' in _text("strava.group-activities")


def test_registers_and_land_say_what_their_sources_add() -> None:
    assert "overriding privacy interest" in _text("registers.declared-company-at-home")
    land = _text("property.ni-land-register")
    assert "Registry of Deeds" in land and "About half" in land and "names" in land
    assert "Who can call you" in _text("whatsapp.unknown-callers-ring")


def test_outdated_sources_are_said_to_be_old() -> None:
    nextdoor = CATALOGUE.items["nextdoor.street-shown"]
    assert [s.date for s in nextdoor.sources] == ["2017-07-26"]
    assert last_confirmed_year(nextdoor.sources, date(2026, 12, 6)) == 2017
    assert "XChat" in _text("calls.x-calls-switched-on")


def test_no_item_cites_replaced_bma_advice_as_current() -> None:
    assert "The BMA advises" not in _text("safety.patients-as-friends")


def test_call_codes_are_in_plain_sentences_not_brackets() -> None:
    packed = re.compile(r"\([^)]*(141|\*67|1831)[^)]*\)")
    assert not packed.search(_text("contact.number-shown-on-calls"))


def test_land_registry_item_avoids_conveyancing_terms() -> None:
    text = _text("address.land-registry-own-name")
    for term in ("proprietor", "Practice Guide", "trustee in bankruptcy", "address for service"):
        assert term not in text, term


def test_queensland_step_names_the_offence_as_renamed() -> None:
    (step,) = [s for s in CATALOGUE.response_plan.steps if s.regions == ["QLD"]]
    assert "unlawful stalking, intimidation, harassment or abuse" in step.detail
    assert "charged" in step.detail


def test_guidance_entries_match_their_publishers_pages() -> None:
    guidance = CATALOGUE.guidance
    assert guidance["companies-house-personal-info"].title.endswith("Companies House register")
    assert guidance["electoral-open-register"].publisher != "UK local councils"
    assert guidance["action-against-stalking"].checked == "2026-12"


def test_unsourced_items_are_removed_and_old_answers_still_load(tmp_path: Path) -> None:
    assert REMOVED and not REMOVED & set(CATALOGUE.items)
    path = tmp_path / "answers.yaml"
    path.write_text(
        "answers:\n  home-safety.named-parking-space: yes\n  home-safety.permit-on-dashboard: no\n"
        "  home-safety.cannot-see-door: yes\n"
    )
    parsed = load_answers(path, [*CATALOGUE.items, RESPONSE_ID])
    assert parsed.answers == {"home-safety.cannot-see-door": Answer.YES}
