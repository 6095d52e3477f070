"""The detection benchmark's corpus as a regression floor: footprint's recall and precision per
kind over the hand-labelled pages (benchmarks/corpus/detection), and never below the plain
phonenumbers + regex baseline on the same pages."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).parents[2] / "benchmarks" / "detection_bench.py"
# Floors a little under today's figures (phone 49/50, e-mail 26/26, postcode 28/28), so a
# detector change that loses even one or two labelled contacts fails here.
RECALL_FLOOR = {"phone": 0.95, "email": 0.96, "postcode": 0.96}
PRECISION_FLOOR = 0.95


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("detection_bench", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("detection_bench", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> tuple[dict[str, Any], dict[str, Any]]:
    bench = _bench()
    corpus = bench.load_corpus()
    assert len(corpus) >= 24
    return bench.score(bench.footprint_detect, corpus), bench.score(bench.baseline_detect, corpus)


@pytest.mark.parametrize("kind", ["phone", "email", "postcode"])
def test_footprint_meets_the_floors(
    kind: str, scores: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    ours = scores[0][kind]
    assert ours.recall >= RECALL_FLOOR[kind], ours.notes
    assert ours.precision >= PRECISION_FLOOR, ours.notes


@pytest.mark.parametrize("kind", ["phone", "email", "postcode"])
def test_footprint_at_or_above_the_baseline(
    kind: str, scores: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    ours, theirs = scores[0][kind], scores[1][kind]
    assert ours.recall >= theirs.recall, ours.notes
    assert ours.precision >= theirs.precision, ours.notes


def test_every_page_is_labelled_and_every_label_is_on_its_page() -> None:
    bench = _bench()
    folder = bench.CORPUS
    pages = {p.name for p in folder.glob("*.html")}
    corpus = bench.load_corpus()
    assert {name for name, _, _ in corpus} == pages
    for name, _, label in corpus:
        assert label["region"] in {"GB", "US", "IE", "AU"}, name
        assert set(label) <= {"region", "profile_state", "phone", "email", "postcode"}, name
