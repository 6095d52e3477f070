"""The demo shows the loop: two page leaks marked done, one fixed, re-checked; then it comes back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.auditrun import footprint

from footprint.demo.run import demo_environment
from footprint.plan.demoloop import PAGE_LEAKS, demo_audit, mark_page_leaks_done, recheck_after
from footprint.plan.living import LivingPlan
from footprint.plan.model import ActionStatus
from footprint.store.sessions import Store


def _statuses(living: LivingPlan) -> dict[str, ActionStatus]:
    return {a.finding_id: a.status for a in living.plan().actions if a.finding_id in PAGE_LEAKS}


@pytest.mark.slow
def test_recheck_finds_one_gone_one_still_there_and_a_re_audit_finds_it_came_back(
    tmp_path: Path,
) -> None:
    today = date.today()
    with Store(tmp_path / "store.db") as store:
        with demo_environment() as env:
            first, _ = demo_audit(env, store, tmp_path / "one", ["json"])
            living = LivingPlan.open(store, first)
            assert set(_statuses(living).values()) == {ActionStatus.TODO}
            assert len(mark_page_leaks_done(living)) == 2
            results = recheck_after(env, living, today)
        assert {r.status for r in results} == {
            ActionStatus.CONFIRMED_GONE,
            ActionStatus.STILL_THERE,
        }
        assert _statuses(living) == {
            "page-scan.personal-email": ActionStatus.CONFIRMED_GONE,  # the clinic page was fixed
            "page-scan.personal-phone": ActionStatus.STILL_THERE,  # the team page was not
        }
        gone = next(a for a in living.plan().actions if a.finding_id == "page-scan.personal-email")
        assert gone.note and "/clinic/index.html" in gone.note
        # A new audit against the site as it was: the fixed e-mail is back on the clinic page.
        with demo_environment() as env:
            second, _ = demo_audit(env, store, tmp_path / "two", ["json"])
        again = LivingPlan.open(store)
        assert again.session_id == second
        assert _statuses(again) == {
            "page-scan.personal-email": ActionStatus.CAME_BACK,
            "page-scan.personal-phone": ActionStatus.STILL_THERE,
        }


@pytest.mark.slow
def test_demo_recheck_command(tmp_path: Path) -> None:
    run = footprint("demo", "--recheck", "--out", tmp_path, "--format", "json")
    assert run.code == 0, run.stderr
    rechecked = run.stdout.split("Re-check:")[1].split("The plan now")[0]
    assert rechecked.count("confirmed gone") == 1 and rechecked.count("still there") == 1
    assert (tmp_path / "report.json").is_file()
    # The demo's throw-away store: the doctor's own store holds no demo plan.
    assert footprint("plan").code == 2
