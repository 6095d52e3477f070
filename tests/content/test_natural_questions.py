"""Questions read the way a person would ask them: no double negatives, no more than 30 words,
no unexplained abbreviations; and answers given to the old wording keep their meaning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from footprint.audit.answers import RESPONSE_ID, is_exposed, load_answers
from footprint.content.checklists import (
    INVERTED,
    RENAMED,
    RISKY_WHEN_NO,
    ChecklistItem,
    current_answers,
    shipped_catalogue,
)
from footprint.model.vocab import Answer

CATALOGUE = shipped_catalogue()
ITEMS = list(CATALOGUE.items.values())
IDS = [i.id for i in ITEMS]
MAX_WORDS = 30

# Wordings that turn a question inside out: "Have you yet to check...", "is blocking ... unused",
# "made you uneasy without your keeping a log", "unblocked or not".
DOUBLE_NEGATIVES = {
    "yet to": re.compile(r"\byet to\b", re.I),
    "not ... unused": re.compile(r"\bnot\b[^?]*\bunused\b|\bunused\b", re.I),
    "without your ...ing": re.compile(r"\bwithout your \w+ing\b", re.I),
    "un-...ed or not": re.compile(r"\bun\w+ed,? or not\b", re.I),
    "leave ... unstated": re.compile(r"\bleave\b[^?]*\bun\w+ed\b", re.I),
    "without ... hidden": re.compile(r"\bwithout\b[^?]*\b(?:hidden|un\w+ed)\b", re.I),
    "uneasy, with no": re.compile(r"\bun\w+,? with no\b", re.I),
    "not ... left off": re.compile(r"\bnot\b[^?]*\bleft off\b", re.I),
}
# Abbreviations a doctor reads without help, and names that are written in capitals.
KNOWN_ABBREVIATIONS = frozenset(
    {"GP", "NHS", "GMC", "UK", "US", "ID", "CV", "PO", "HM", "BT", "NPI", "ORCID", "WHOIS", "DNA"}
)
_ABBREVIATION = re.compile(r"\b[A-Z]{2,}\b")
_QUOTED = re.compile(r"\"[^\"]*\"|(?<!\w)'[^']*'(?!\w)")


def _unexplained_abbreviations(question: str) -> list[str]:
    """Capitalised abbreviations that are neither well known nor spelt out in brackets."""
    text = _QUOTED.sub("", question)
    found = []
    for abbr in _ABBREVIATION.findall(text):
        explained = f"({abbr})" in text or re.search(rf"\b{abbr} \([^)]+\)", text)
        if abbr not in KNOWN_ABBREVIATIONS and not explained:
            found.append(abbr)
    return found


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_question_has_no_double_negative(item: ChecklistItem) -> None:
    hits = [name for name, pattern in DOUBLE_NEGATIVES.items() if pattern.search(item.question)]
    assert hits == [], f"{item.id}: {hits}: {item.question}"


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_question_is_at_most_30_words(item: ChecklistItem) -> None:
    assert len(item.question.split()) <= MAX_WORDS, item.question


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_question_explains_its_abbreviations(item: ChecklistItem) -> None:
    assert _unexplained_abbreviations(item.question) == [], item.question


@pytest.mark.parametrize(
    ("question", "bad"),
    [
        ("Have you yet to check your entry?", "yet to"),
        ("On your dating app, is contact blocking unused?", "not ... unused"),
        ("Has it made you uneasy without your keeping a log?", "without your ...ing"),
        ("Is your profile unlocked or not?", "un-...ed or not"),
        ("Did you leave the boundary unstated?", "leave ... unstated"),
        ("Do your maps start at home without that address being hidden?", "without ... hidden"),
        ("Has a contact made you uneasy, with no dated log of them kept?", "uneasy, with no"),
        ("Are they shown (you have not asked for them to be left off)?", "not ... left off"),
    ],
)
def test_the_double_negative_check_catches_the_old_wordings(question: str, bad: str) -> None:
    assert DOUBLE_NEGATIVES[bad].search(question)


def test_the_abbreviation_check_accepts_only_explained_ones() -> None:
    assert _unexplained_abbreviations("Is your ASIC record public?") == ["ASIC"]
    assert _unexplained_abbreviations("Does the Office (CRO) show it?") == []
    assert _unexplained_abbreviations("Does the record (WHOIS) or your NHS page show it?") == []
    assert _unexplained_abbreviations('Does your plate spell "DR"?') == []


def test_some_questions_ask_with_no_as_the_risky_answer() -> None:
    flipped = [i for i in ITEMS if i.exposed_when == "no"]
    assert len(flipped) >= 15
    item = CATALOGUE.items["security.breaches-checked"]
    assert is_exposed(item, Answer.NO) and not is_exposed(item, Answer.YES)


def test_every_turned_round_item_carries_old_answers_swapped() -> None:
    for item in ITEMS:
        if item.exposed_when == "no":
            olds = [old for old, new in RENAMED.items() if new == item.id]
            assert any(old in INVERTED for old in olds), f"{item.id}: no old id carries over"


def test_an_old_answers_file_keeps_its_meaning_after_the_rewording(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(
        "answers:\n"
        "  security.breaches-unchecked: yes\n"  # "Have you yet to check?" yes: exposed
        "  search.bing-not-checked: no\n"  # has searched Bing: safe
        "  security.breach-check: yes\n"  # first wording, "Have you checked?" yes: safe
        "  search.alerts-for-new-results: no\n"  # first wording: alerts not on: exposed
        "  dating.contacts-not-blocked: unsure\n"
    )
    parsed = load_answers(path, [*CATALOGUE.items, RESPONSE_ID])
    assert parsed.answers == {
        "security.breaches-checked": Answer.NO,  # the riskier of the two old answers
        "search.bing-checked": Answer.YES,
        "search.results-alerts-on": Answer.NO,
        "dating.contacts-blocked": Answer.UNSURE,
    }
    items = CATALOGUE.items
    assert is_exposed(
        items["security.breaches-checked"], parsed.answers["security.breaches-checked"]
    )
    assert not is_exposed(items["search.bing-checked"], parsed.answers["search.bing-checked"])


def test_first_wording_alone_keeps_its_meaning() -> None:
    # Turned round twice: "Have you checked?" (first) -> "Have you yet to check?" -> "Have you
    # checked?" again. A yes given to the first wording is a yes today.
    assert current_answers({"security.breach-check": Answer.YES}) == {
        "security.breaches-checked": Answer.YES
    }


def test_renames_know_which_items_are_risky_when_no() -> None:
    assert {i.id for i in ITEMS if i.exposed_when == "no"} == RISKY_WHEN_NO
