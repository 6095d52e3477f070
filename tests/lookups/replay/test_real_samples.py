"""Every recorded real answer gives the outcome its status and body call for.

The cases are `src/footprint/lookups/data/samples/manifest.json`, the same ones
`footprint lookups --check-formats` replays; the samples' sources are in sources.json there.
Found means found with the right details, not found only when the answer is truly empty,
couldn't check otherwise.
"""

from __future__ import annotations

from importlib import resources

import pytest

from footprint.lookups.replay.formats import (
    Case,
    check_formats,
    load_cases,
    replay,
    sources,
    unused_samples,
)

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_recorded_answer_gives_the_expected_outcome(case: Case) -> None:
    replayed = replay(case)
    assert replayed.problems == [], replayed.seen[:2000]


def test_every_recorded_sample_has_a_case_and_a_source() -> None:
    assert unused_samples() == []
    root = resources.files("footprint.lookups").joinpath("data/samples")
    on_disk = {
        f"{folder.name}/{item.name}"
        for folder in root.iterdir()
        if folder.is_dir()
        for item in folder.iterdir()
    }
    assert on_disk == set(sources())
    assert all(sources()[name].get("status") for name in on_disk)


def test_a_changed_format_is_reported_not_hidden() -> None:
    # The same sample with the wrong expectation must be caught: the check can fail.
    searx = next(c for c in CASES if c.id == "searxng-all-engines-suspended")
    wrong = Case(**{**searx.__dict__, "expect": ["not_found"], "lacks": ["CAPTCHA"]})
    (row,) = check_formats([wrong])
    assert (row.cases, row.as_expected) == (1, 0)
    assert any("expected ['not_found']" in p for p in row.problems)
    assert any("should not show 'CAPTCHA'" in p for p in row.problems)
