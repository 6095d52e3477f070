"""Re-check: run again only the lookups behind actions marked done, and say what they find.

Each lookup is asked about again (what it sends, to whom), as in an audit; what the doctor
agrees to is kept, so a scheduled re-check runs with the same consent and asks nothing. The
same detectors as the audit decide: the finding is found again (*still there*, with where) or
not (*confirmed gone*). A lookup that could not check the page leaves the action as it was, and
says so: a failed check is never read as "gone". Actions that rest on an answer (a setting the
doctor changed) are asked about again by the face, one question each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from footprint.audit.assess import lookup_findings
from footprint.lookups.consent_questions import consent_plan
from footprint.lookups.interface import Lookup
from footprint.lookups.registry import all_lookups
from footprint.lookups.runner import LookupRun
from footprint.model.consent import ConsentLedger, ConsentQuestion, ConsentRecord
from footprint.model.observation import Observation, Outcome
from footprint.net.client import FetchLimits, HttpClient
from footprint.plan.living import LivingPlan
from footprint.plan.model import ActionStatus, PlanAction
from footprint.report.model import Finding
from footprint.store.plans import PlanStore
from footprint.util.settings import Settings

SCHEDULED = "the consent given for re-checks (a scheduled re-check)"


@dataclass(frozen=True)
class RecheckResult:
    """What a re-check found for one action; `status` None: left as it was (see `evidence`)."""

    action_id: int
    title: str
    status: ActionStatus | None
    evidence: str


def _lookup_id(action: PlanAction) -> str | None:
    source = action.source or ""
    return source.removeprefix("lookup:") if source.startswith("lookup:") else None


def _looked_again(action: PlanAction, observations: list[Observation]) -> bool:
    """Whether this run read again every page the action's detail was on.

    A page the run did not reach (its link is gone from the listed page, a redirect, a failed
    listed page) was not checked: only a page read again and found clean counts as gone.
    """
    answered = {o.url for o in observations if o.outcome in (Outcome.FOUND, Outcome.NOT_FOUND)}
    if action.urls:
        return all(url in answered for url in action.urls)
    failed = any(o.outcome is Outcome.COULDNT_CHECK for o in observations)
    return bool(answered) and not failed


class Recheck:
    """The re-check of one doctor's done actions: consent questions, then the run."""

    def __init__(self, living: LivingPlan, settings: Settings) -> None:
        self.living = living
        self.settings = settings
        done = [a for a in living.plan().actions if a.status is ActionStatus.DONE]
        self.by_lookup: dict[str, list[PlanAction]] = {}
        for action in done:
            lookup_id = _lookup_id(action)
            if lookup_id is not None:
                self.by_lookup.setdefault(lookup_id, []).append(action)
        self.answers_only = [a for a in done if a.source == "checklist"]
        wanted = set(self.by_lookup)
        self.lookups: list[Lookup] = [lk for lk in all_lookups(settings) if lk.id in wanted]
        self.questions, _ = consent_plan(self.lookups, living.profile)
        self.ledger = ConsentLedger(granted_by="the doctor")
        self.store = PlanStore(living.store)

    def decide(self, question: ConsentQuestion, granted: bool, how: str) -> ConsentRecord:
        """Record one decision; kept for scheduled re-checks."""
        record = self.ledger.record(question, granted, how=how)
        self.store.save_consent(self.living.subject, record)
        return record

    def use_stored_consent(self) -> list[str]:
        """Decide from the consent kept for re-checks, where the question is unchanged; the
        lookups still undecided (their question changed, or was never asked) are returned."""
        kept = {r.lookup_id: r for r in self.store.consents(self.living.subject)}
        undecided = []
        for q in self.questions:
            earlier = kept.get(q.lookup_id)
            same = earlier is not None and earlier.sentence == q.sentence
            if same and earlier is not None and earlier.destinations == list(q.destinations):
                self.ledger.record(q, earlier.granted, how=SCHEDULED)
            else:
                undecided.append(q.lookup_id)
        return undecided

    def run(self, today: date, limits: FetchLimits | None = None) -> list[RecheckResult]:
        """Run the agreed lookups and mark each action behind them; returns what changed."""
        granted = [lk for lk in self.lookups if self.ledger.is_granted(lk.id)]
        observations: list[Observation] = []
        if granted:
            client = HttpClient(
                limits,
                allow_private=self.settings.allow_private,
                allow_loopback=self.settings.allow_loopback,
            )
            run = LookupRun(granted, self.living.profile, client, self.ledger.records)
            observations = run.run().observations
        found = {f.id: f for f, _ in lookup_findings(observations, {})}
        results = []
        for lookup_id, actions in self.by_lookup.items():
            mine = [o for o in observations if o.lookup_id == lookup_id]
            for action in actions:
                result = self._judge(action, lookup_id, mine, found, today)
                if result.status is not None:
                    self.living.set_status(action.id, result.status, note=result.evidence)
                results.append(result)
        return results

    def _judge(
        self,
        action: PlanAction,
        lookup_id: str,
        observations: list[Observation],
        found: dict[str, Finding],
        today: date,
    ) -> RecheckResult:
        def result(status: ActionStatus | None, evidence: str) -> RecheckResult:
            return RecheckResult(action.id, action.title, status, evidence)

        if not self.ledger.is_granted(lookup_id):
            return result(None, "Not re-checked: you did not agree to this lookup this time.")
        finding = found.get(action.finding_id)
        if finding is not None:
            urls = sorted({e.url for e in finding.evidence if e.url})
            where = f" on {', '.join(urls)}" if urls else ""
            return result(ActionStatus.STILL_THERE, f"Still found{where} on {today:%d %b %Y}.")
        if not _looked_again(action, observations):
            return result(None, "Could not be re-checked this time; it is left as it was.")
        where = f" on {', '.join(action.urls)}" if action.urls else ""
        return result(ActionStatus.CONFIRMED_GONE, f"Not found{where} on {today:%d %b %Y}.")

    def record_answer(self, action: PlanAction, still_so: bool, today: date) -> RecheckResult:
        """The doctor's answer to an answers-only action's question, asked again."""
        status = ActionStatus.STILL_THERE if still_so else ActionStatus.CONFIRMED_GONE
        evidence = f"You answered on {today:%d %b %Y}."
        self.living.set_status(action.id, status, note=evidence)
        return RecheckResult(action.id, action.title, status, evidence)
