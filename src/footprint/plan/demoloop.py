"""`footprint demo --recheck`: the whole loop on the fictional doctor, on this computer only.

The demo audit runs (kept in a throw-away store, never the doctor's own), its two page-leak
actions are marked done, the demo site switches to its "after" state (the clinic page was
fixed, the practice's team page was not) and the re-check runs: one action ends *confirmed
gone*, the other *still there*.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from footprint.audit.desk import AuditDesk
from footprint.audit.flow import AuditOptions
from footprint.demo.run import DEMO_TOTAL_TIMEOUT, DemoEnvironment, demo_environment
from footprint.net.client import FetchLimits
from footprint.plan.living import LivingPlan
from footprint.plan.model import Plan, PlanAction
from footprint.plan.recheck import Recheck, RecheckResult
from footprint.report.nextsteps import Reader
from footprint.store.sessions import Store

#: The demo's page leaks: its personal mobile on the team page, its e-mail on the clinic page.
PAGE_LEAKS = ("page-scan.personal-phone", "page-scan.personal-email")
DEMO_LIMITS = FetchLimits(total_timeout=DEMO_TOTAL_TIMEOUT, connect_timeout=2.0)


@dataclass(frozen=True)
class DemoLoop:
    """What the loop did: the actions marked done, what the re-check found, the plan after."""

    session_id: str
    marked_done: list[PlanAction]
    results: list[RecheckResult]
    plan: Plan
    written: list[Path]


def demo_audit(
    env: DemoEnvironment, store: Store, out_dir: Path, formats: Sequence[str]
) -> tuple[str, list[Path]]:
    """The demo audit, kept in `store`: (its session id, the report files written)."""
    engine = AuditDesk(store, demo=True).start(
        env.profile,
        AuditOptions(deadline_s=60.0),
        env.settings,
        granted_by=env.granted_by,
        limits=DEMO_LIMITS,
    )
    engine.load_answers_file(env.answers_path)
    engine.decide_by_option("all", asked=False)
    engine.wait_lookups()
    outputs = engine.finish(formats, out_dir, reader=Reader.TERMINAL)
    assert engine.session_id is not None
    return engine.session_id, outputs.written


def mark_page_leaks_done(living: LivingPlan) -> list[PlanAction]:
    """Mark the demo's two page-leak actions done, as if the doctor had asked for both."""
    marked = [a for a in living.plan().actions if a.finding_id in PAGE_LEAKS]
    for action in marked:
        living.mark_done(action.id)
    return marked


def recheck_after(env: DemoEnvironment, living: LivingPlan, today: date) -> list[RecheckResult]:
    """Switch the demo site to "after" and re-check, agreeing to each lookup (as the demo does)."""
    if env.server is not None:
        env.server.switch_to_after()
    recheck = Recheck(living, env.settings)
    for question in recheck.questions:
        recheck.decide(question, True, how="demo run (fictional doctor)")
    return recheck.run(today, limits=DEMO_LIMITS)


def run_demo_loop(out_dir: Path, formats: Sequence[str], today: date) -> DemoLoop:
    """The whole loop, in a store that is deleted afterwards."""
    with (
        tempfile.TemporaryDirectory(prefix="footprint-demo-") as tmp,
        Store(Path(tmp) / "demo.db") as store,
        demo_environment() as env,
    ):
        session_id, written = demo_audit(env, store, out_dir, formats)
        living = LivingPlan.open(store, session_id)
        marked = mark_page_leaks_done(living)
        results = recheck_after(env, living, today)
        return DemoLoop(session_id, marked, results, living.plan(), written)
