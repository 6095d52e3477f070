"""Consent: the questions built from lookups + profile, `--consent` parsing, the ledger."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import ClassVar

import pytest

from footprint.errors import InputError
from footprint.lookups.consent_questions import consent_plan
from footprint.lookups.interface import Lookup
from footprint.model.consent import (
    INTERACTIVE,
    ConsentLedger,
    ConsentQuestion,
    decide,
    named_target_grant,
    parse_consent_option,
)
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import Profile
from footprint.net.client import GatedClient
from footprint.util.settings import Settings


class NameLookup(Lookup):
    id: ClassVar[str] = "register"
    title: ClassVar[str] = "Medical register"

    def hosts(self, profile: Profile) -> frozenset[str]:
        return frozenset({"www.b.example", "a.example"})

    def sends(self, profile: Profile) -> str:
        return f"your name '{profile.name}' to a.example and www.b.example"

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        return []


class KeyedLookup(NameLookup):
    id: ClassVar[str] = "keyed"
    title: ClassVar[str] = "Needs a key"
    key_env: ClassVar[str | None] = "FOOTPRINT_KEYED_KEY"
    manual_check: ClassVar[str] = "Search the site by hand."


PROFILE = Profile(name="Alex Example", private={"phones": ["07700 900123"]})
AT = datetime(2026, 11, 21, 9, 30, tzinfo=timezone.utc)


def lookups() -> list[Lookup]:
    return [NameLookup(Settings()), KeyedLookup(Settings())]


def test_plan_builds_questions_and_skips_what_cannot_run() -> None:
    questions, skipped = consent_plan(lookups(), PROFILE)
    assert questions == [
        ConsentQuestion(
            lookup_id="register",
            title="Medical register",
            sentence="your name 'Alex Example' to a.example and www.b.example",
            destinations=("a.example", "www.b.example"),
            # a lookup without plain words of its own shows its sentence as it is
            plain="your name 'Alex Example' to a.example and www.b.example",
        )
    ]
    [obs] = skipped
    assert (obs.lookup_id, obs.outcome, obs.reason) == (
        "keyed",
        Outcome.SKIPPED,
        "needs an API key in FOOTPRINT_KEYED_KEY",
    )
    assert obs.manual_check == "Search the site by hand."


def test_decide_records_everything_in_utc() -> None:
    [question], _ = consent_plan(lookups(), PROFILE)
    local = datetime(2026, 11, 21, 10, 30, tzinfo=timezone(timedelta(hours=1)))
    rec = decide(
        question,
        True,
        granted_by="the member (verbal)",
        asked_by="J. Adviser",
        how=INTERACTIVE,
        at=local,
    )
    assert rec.lookup_id == "register" and rec.granted
    assert rec.sentence == question.sentence and rec.destinations == ["a.example", "www.b.example"]
    assert (rec.granted_by, rec.asked_by, rec.how) == (
        "the member (verbal)",
        "J. Adviser",
        INTERACTIVE,
    )
    assert rec.at == AT and rec.at.tzinfo == timezone.utc


def test_decide_defaults_to_now_and_refuses_naive_times() -> None:
    [question], _ = consent_plan(lookups(), PROFILE)
    before = datetime.now(timezone.utc)
    rec = decide(question, False, granted_by="the doctor", how=INTERACTIVE)
    assert before <= rec.at <= datetime.now(timezone.utc)
    with pytest.raises(ValueError, match="timezone-aware"):
        decide(question, False, granted_by="the doctor", how=INTERACTIVE, at=datetime(2026, 1, 1))


@pytest.mark.parametrize(
    ("value", "granted", "how"),
    [
        ("all", {"register", "keyed"}, "--consent all"),
        ("ALL", {"register", "keyed"}, "--consent all"),
        ("none", set(), "--consent none"),
        ("keyed", {"keyed"}, "--consent keyed"),
        (" register , keyed ", {"register", "keyed"}, "--consent keyed,register"),
    ],
)
def test_parse_consent_option(value: str, granted: set[str], how: str) -> None:
    choice = parse_consent_option(value, ["register", "keyed"])
    assert {i for i in ("register", "keyed") if choice.grants(i)} == granted
    assert choice.how == how


def test_unknown_id_names_it_and_lists_valid_ids() -> None:
    with pytest.raises(InputError) as info:
        parse_consent_option("register,linkedin", ["register", "keyed"])
    assert "'linkedin'" in info.value.message
    assert info.value.hint is not None and "keyed, register" in info.value.hint
    assert info.value.exit_code == 2


def test_empty_consent_option_is_an_input_error() -> None:
    with pytest.raises(InputError, match="needs 'all', 'none'"):
        parse_consent_option(" , ", ["register"])


def test_ledger_records_decisions_and_who_made_them() -> None:
    [question], _ = consent_plan(lookups(), PROFILE)
    ledger = ConsentLedger(granted_by="the member (verbal)", asked_by="J. Adviser")
    assert not ledger.is_granted("register")  # no decision means no
    ledger.record(question, False, how=INTERACTIVE, at=AT)
    rec = ledger.record(question, True, how=INTERACTIVE, at=AT)  # changed their mind: last wins
    assert ledger.is_granted("register") and ledger.get("register") == rec
    assert [r.granted for r in ledger.records] == [True]
    assert rec.asked_by == "J. Adviser" and rec.granted_by == "the member (verbal)"


def test_ledger_applies_consent_option_and_offline() -> None:
    questions = [
        ConsentQuestion("a", "A", "x to a.example", ("a.example",)),
        ConsentQuestion("b", "B", "y to b.example", ("b.example",)),
    ]
    ledger = ConsentLedger()
    records = ledger.apply(questions, parse_consent_option("b", ["a", "b"]))
    assert [(r.lookup_id, r.granted, r.how) for r in records] == [
        ("a", False, "--consent b"),
        ("b", True, "--consent b"),
    ]
    assert ledger.granted_ids() == ["b"]
    offline = ConsentLedger().refuse_all(questions)
    assert {(r.granted, r.how) for r in offline} == {(False, "--offline")}


def test_ledger_keeps_earlier_decisions_on_resume() -> None:
    [question], _ = consent_plan(lookups(), PROFILE)
    earlier = decide(question, True, granted_by="the doctor", how=INTERACTIVE, at=AT)
    ledger = ConsentLedger()
    ledger.add(earlier)
    assert ledger.records == [earlier]


def test_consent_text_never_holds_private_values() -> None:
    questions, _ = consent_plan(lookups(), PROFILE)
    shown = " ".join(q.sentence + " ".join(q.destinations) for q in questions)
    assert all(value not in shown for value in PROFILE.private_values())


def test_named_target_grant_for_scan() -> None:
    rec = named_target_grant(["Example.org", "www.example.org"], at=AT)
    assert rec.granted and rec.destinations == ["example.org", "www.example.org"]
    assert rec.how == "named on the command line"
