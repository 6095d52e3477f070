"""One doctor's living plan: the actions of their latest audit, with statuses kept across audits.

    living = LivingPlan.open(store)          # the newest finished audit (or a given session)
    living.plan()                            # the Plan both faces show
    living.mark_sent(3, on=date(2026, 12, 1))

A plan is brought up to date with an audit once, the first time it is opened after that audit:
actions of findings new to the doctor start as *todo*; statuses of earlier actions carry over;
an action marked done (or confirmed gone) whose detail the audit finds again *came back*; one the
audit no longer finds (the report's "fixed since last time") is *confirmed gone*.
"""

from __future__ import annotations

from datetime import date

from footprint.errors import InputError
from footprint.model.profile import Profile
from footprint.plan.deadlines import due_date
from footprint.plan.model import REMOVED, ActionStatus, Plan, PlanAction, Reply
from footprint.plan.requests import answer_period, request_info
from footprint.report.model import Finding, Report
from footprint.store.plans import ActionRow, PlanStore
from footprint.store.rows import SessionData
from footprint.store.schema import subject_key
from footprint.store.sessions import Store


def merge(rows: list[ActionRow], report: Report, session_id: str, when: str) -> list[ActionRow]:
    """The stored rows brought up to date with one audit's report (see the module docstring)."""
    by_id = {r.finding_id: r for r in rows}
    fixed = set(report.since_last.fixed) if report.since_last else set()
    next_num = max((r.num for r in rows), default=0) + 1
    merged: list[ActionRow] = []
    for finding in report.findings:
        row = by_id.pop(finding.id, None)
        if row is None:
            row = ActionRow(next_num, finding.id, finding.title, ActionStatus.TODO.value)
            next_num += 1
        elif row.status in REMOVED:
            row = row.but(status=ActionStatus.CAME_BACK.value, note=f"Found again on {when}.")
        merged.append(row.but(title=finding.title, session_id=session_id))
    for row in by_id.values():
        gone = row.finding_id in fixed and row.status != ActionStatus.CANNOT_REMOVE.value
        if gone and row.status != ActionStatus.CONFIRMED_GONE.value:
            row = row.but(status=ActionStatus.CONFIRMED_GONE.value, note=f"Not found on {when}.")
        merged.append(row)
    return merged


class LivingPlan:
    """One doctor's plan in a store, seen through one of their audits."""

    def __init__(self, store: Store, data: SessionData) -> None:
        if data.report_json is None:
            raise InputError(
                f"Audit {data.summary.id} has no report yet, so it has no plan.",
                hint=f"Finish it first: `footprint audit --resume {data.summary.id}`.",
            )
        self.store = store
        self.rows = PlanStore(store)
        self.data = data
        self.report = Report.model_validate_json(data.report_json)
        self.subject = subject_key(data.profile)

    @classmethod
    def open(cls, store: Store, session_id: str | None = None) -> LivingPlan:
        """The plan of `session_id` (default: the newest finished audit), up to date with it."""
        session_id = session_id or PlanStore(store).latest_finished()
        if session_id is None:
            raise InputError(
                "There is no finished audit on this computer, so there is no plan yet.",
                hint="Run an audit first (`footprint audit` or `footprint ui`).",
            )
        living = cls(store, store.load(session_id))
        living.bring_up_to_date()
        return living

    @property
    def session_id(self) -> str:
        return self.data.summary.id

    @property
    def profile(self) -> Profile:
        return self.data.profile

    def bring_up_to_date(self) -> None:
        """Merge this audit into the stored plan, once, and only if it is the newer audit."""
        merged = self.rows.merged_session(self.subject)
        if merged == self.session_id:
            return
        if merged is not None and not self.rows.started_later(self.session_id, merged):
            return
        when = f"{self.data.summary.created_at:%d %b %Y}"
        rows = merge(self.rows.actions(self.subject), self.report, self.session_id, when)
        self.rows.save(self.subject, rows, session_id=self.session_id)

    # -- reading -----------------------------------------------------------------------------

    def findings(self) -> dict[str, Finding]:
        return {f.id: f for f in self.report.findings}

    def plan(self) -> Plan:
        """Every action, in the report's order, then those the latest audit did not find."""
        findings = self.findings()
        order = {f.id: n for n, f in enumerate(self.report.findings)}
        actions = [self._action(row, findings.get(row.finding_id)) for row in self._rows()]
        actions.sort(key=lambda a: (order.get(a.finding_id, len(order)), a.id))
        return Plan(
            session_id=self.session_id,
            jurisdiction=self.profile.jurisdiction.value,
            actions=actions,
        )

    def _rows(self) -> list[ActionRow]:
        rows = self.rows.actions(self.subject)
        if self.rows.merged_session(self.subject) == self.session_id:
            return rows
        # An older audit: its own findings, with the statuses as they stand now.
        wanted = set(self.findings())
        return [r for r in rows if r.finding_id in wanted]

    def _action(self, row: ActionRow, finding: Finding | None) -> PlanAction:
        request = request_info(finding, self.profile) if finding else None
        due = None
        if row.sent_on is not None:
            legal, days = answer_period(finding, self.profile) if finding else (True, None)
            due = due_date(row.sent_on, self.profile.jurisdiction.value, days, legal=legal)
        return PlanAction(
            id=row.num,
            finding_id=row.finding_id,
            title=row.title,
            status=ActionStatus(row.status),
            severity=finding.severity if finding else None,
            source=finding.source if finding else None,
            first_step=finding.steps[0] if finding and finding.steps else None,
            request=request,
            sent_on=row.sent_on,
            due=due,
            reply=Reply(row.reply) if row.reply else None,
            replied_on=row.replied_on,
            note=row.note,
            in_latest_audit=finding is not None,
            urls=[e.url for e in finding.evidence if e.url] if finding else [],
        )

    def row(self, action_id: int) -> ActionRow:
        """The stored action with this number; InputError naming the numbers there are."""
        rows = self.rows.actions(self.subject)
        for row in rows:
            if row.num == action_id:
                return row
        numbers = ", ".join(str(r.num) for r in rows) or "none"
        raise InputError(
            f"There is no action {action_id} in this plan.",
            hint=f"`footprint plan` lists the actions (numbers: {numbers}).",
        )

    # -- changing ----------------------------------------------------------------------------

    def set_status(self, action_id: int, status: ActionStatus, note: str | None = None) -> None:
        """Set one action's status (and its note, when given)."""
        row = self.row(action_id)
        self.rows.save(self.subject, [row.but(status=status.value, note=note or row.note)])

    def mark_done(self, action_id: int) -> None:
        """The doctor did it themselves."""
        self.set_status(action_id, ActionStatus.DONE)

    def mark_sent(self, action_id: int, on: date) -> None:
        """A request was sent on `on`: its deadline runs from then."""
        _not_after_today(on, "The day a request was sent")
        row = self.row(action_id)
        changed = row.but(status=ActionStatus.SENT.value, sent_on=on, reply=None, replied_on=None)
        self.rows.save(self.subject, [changed])

    def record_reply(self, action_id: int, reply: Reply, on: date) -> None:
        """The recipient answered: removed (done, to re-check), refused or asked for more."""
        _not_after_today(on, "The day the answer came")
        row = self.row(action_id)
        status = ActionStatus.DONE if reply is Reply.REMOVED else ActionStatus.WAITING
        changed = row.but(status=status.value, reply=reply.value, replied_on=on)
        self.rows.save(self.subject, [changed])


def _not_after_today(day: date, what: str) -> None:
    """A mistyped year would move a deadline years away, and `plan due` would never list it."""
    if day > date.today():
        raise InputError(
            f"{what} cannot be later than today ({day:%d %B %Y} was given).",
            hint="Give the date as YYYY-MM-DD, or leave --on out for today.",
        )
