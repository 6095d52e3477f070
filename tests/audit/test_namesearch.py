"""The name search done by hand: the engine keeps a saved results page as the name search's
result, so coverage and score count it, and a resumed audit keeps it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.savedpages import google_page

from footprint.audit.engine import AuditEngine
from footprint.audit.flow import AuditOptions
from footprint.content.checklists import shipped_catalogue
from footprint.model.profile import Profile
from footprint.model.vocab import Answer
from footprint.store.sessions import Store
from footprint.util.settings import Settings

PROFILE = Profile(name="Alex Example", title="Dr")
SAVED = Path(__file__).parents[1] / "fixtures" / "saved_results"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "fp.db") as opened:
        yield opened


def _offline(store: Store) -> AuditEngine:
    options = AuditOptions(offline=True)
    engine = AuditEngine.start(shipped_catalogue(), PROFILE, options, Settings(env={}), store)
    engine.answer_response(Answer.NO)
    return engine


def test_a_saved_results_page_counts_as_the_name_search(store: Store) -> None:
    engine = _offline(store)
    assert engine.name_search.is_open() and not engine.report().summary.name_search_done
    assert any("Dr Alex Example" in link.label for link in engine.name_search.links())
    saved = engine.record_saved_results([(SAVED / "google_results.html").read_bytes()])
    assert saved.counted and not engine.name_search.is_open()
    report = engine.report()
    assert report.summary.name_search_done
    evidence = [e.url for f in report.findings for e in f.evidence]
    assert "https://www.192.com/people/alex-example/exampleton/" in evidence


def test_the_saved_result_survives_a_resume(store: Store) -> None:
    engine = _offline(store)
    engine.record_saved_results([google_page("Dr Alex Example", [])])
    data = store.load(str(engine.session_id))
    options = AuditOptions(offline=True)
    resumed = AuditEngine.resume(shipped_catalogue(), data, options, Settings(env={}), store)
    assert resumed.report().summary.name_search_done
    assert not resumed.name_search.is_open()


def test_a_page_that_is_not_a_results_page_changes_nothing(store: Store) -> None:
    engine = _offline(store)
    saved = engine.record_saved_results([b"<html><body>a recipe</body></html>"])
    assert not saved.counted and saved.not_results == 1
    assert engine.name_search.is_open() and not engine.report().summary.name_search_done
