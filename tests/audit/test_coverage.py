"""Coverage: what counts as a real answer, severity weighting, and when a score is allowed."""

from __future__ import annotations

from footprint.audit.coverage import (
    MIN_COVERAGE,
    Check,
    Coverage,
    lookup_checks,
    measure,
    next_step,
    question_checks,
)
from footprint.content.checklists import select_items, shipped_catalogue
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Answer, Axis, Severity


def _obs(
    outcome: Outcome, subject: str = "s", lookup: str = "web-search", reason: str = ""
) -> Observation:
    return Observation(lookup_id=lookup, outcome=outcome, subject=subject, reason=reason or None)


def test_real_answers_cover_unsure_and_unanswered_do_not() -> None:
    items = select_items(shipped_catalogue(), Profile(name="Alex Example"))[:4]
    answers = {items[0].id: Answer.YES, items[1].id: Answer.NA, items[2].id: Answer.UNSURE}
    checks = question_checks(items, answers)
    assert [c.covered for c in checks] == [True, True, False, False]


def test_lookup_checks_one_per_subject() -> None:
    checks = lookup_checks(
        [
            _obs(Outcome.FOUND, "page a"),
            _obs(Outcome.FOUND, "page a"),  # two details on one page: one check
            _obs(Outcome.NOT_FOUND, "page b"),
            _obs(Outcome.COULDNT_CHECK, "page c"),
            _obs(Outcome.SKIPPED, "hibp", "hibp", "needs an API key"),
            _obs(
                Outcome.SKIPPED, "npi", "npi-registry", "the NPI Registry covers US clinicians only"
            ),
        ]
    )
    assert [c.covered for c in checks] == [True, True, False, False]  # npi does not apply


def test_severity_weights_the_share() -> None:
    critical_open = Coverage(
        [Check(Severity.CRITICAL, Axis.FINDABLE, False)]
        + [Check(Severity.LOW, Axis.FINDABLE, True)] * 4
    )
    assert critical_open.share < 0.5  # 4 of 5 answered, but the open one is critical
    assert critical_open.critical_open == 1 and not critical_open.allows_score


SEARCHED = Check(Severity.HIGH, Axis.FINDABLE, True, "name-search")  # weighs like 3 below


def test_score_needs_coverage_and_no_open_critical() -> None:
    enough = Coverage(
        [SEARCHED]
        + [Check(Severity.HIGH, Axis.FINDABLE, True)] * 5
        + [Check(Severity.HIGH, Axis.LOCATABLE, False)] * 4
    )
    assert enough.share == 0.6 == MIN_COVERAGE and enough.allows_score
    assert enough.enough_on(Axis.FINDABLE) and not enough.enough_on(Axis.LOCATABLE)
    too_little = Coverage(
        [Check(Severity.HIGH, Axis.FINDABLE, True)] * 5
        + [Check(Severity.HIGH, Axis.FINDABLE, False)] * 5
    )
    assert not too_little.allows_score
    assert not Coverage().allows_score and Coverage().share == 0.0


def test_next_step_says_how_much_is_open_in_words_for_any_reader() -> None:
    item = select_items(shipped_catalogue(), Profile(name="Alex Example"))[0]
    cov = measure([item], {}, [_obs(Outcome.FOUND, "b")])  # the question is open
    kept = next_step(cov, "abc123")
    assert kept.startswith("1 of 2 checks still open: answer the remaining questions")
    assert "abc123" not in kept and "`" not in kept  # the route is a next step, as data
    afresh = next_step(cov, None)
    assert "new audit" in afresh and "nothing from this one was kept" in afresh
    assert "`" not in afresh
    done = measure([], {}, [_obs(Outcome.FOUND, "b")])
    assert next_step(done, "x").startswith("Every check that applies got an answer")


def test_lookups_not_run_are_open_and_the_name_search_weighs_critical() -> None:
    """Offline, refused or failed, a lookup that applies is an open check, never nothing."""
    cov = measure(
        [],
        {},
        [
            _obs(Outcome.SKIPPED, "search: Dr A", reason="not run, because offline"),
            _obs(Outcome.COULDNT_CHECK, "search: Dr A GP"),
            _obs(Outcome.SKIPPED, "Gravatar", "gravatar", "no consent"),
        ],
    )
    assert cov.checks == 3 and cov.open == 3 and cov.name_search_open
    kinds = {c.kind: c.severity for c in cov.checks_list}
    assert kinds == {"name-search": Severity.CRITICAL, "lookup": Severity.HIGH}
    assert cov.critical_open == 0  # critical questions only: the name search is told apart


def test_no_score_or_low_axis_until_the_name_search_answered() -> None:
    answered = [Check(Severity.CRITICAL, axis, True) for axis in Axis] * 20
    searched_not = Coverage(
        [*answered, Check(Severity.CRITICAL, Axis.FINDABLE, False, "name-search")]
    )
    assert searched_not.share > 0.95
    assert not searched_not.allows_score
    assert not any(searched_not.enough_on(axis) for axis in Axis)
    searched = Coverage([*answered, Check(Severity.CRITICAL, Axis.FINDABLE, True, "name-search")])
    assert searched.allows_score and all(searched.enough_on(axis) for axis in Axis)


def test_next_step_when_only_lookups_are_open_says_check_them_by_hand() -> None:
    cov = measure([], {}, [_obs(Outcome.SKIPPED, "search: Dr A", reason="offline")])
    step = next_step(cov, None)
    assert step.startswith("1 of 1 checks still open, all of them lookups")
    assert "answer them" not in step and "What is still open" in step
