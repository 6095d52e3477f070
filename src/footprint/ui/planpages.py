"""The "Your plan" page (`/plan`): the same living plan as `footprint plan`, in the browser.

Each action with its status; mark it done, the request sent (on a date) or the recipient's
answer; download the drafted request and the calendar of deadlines. The plan is the newest
finished audit's (the one just finished, when there is one).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from werkzeug.utils import redirect
from werkzeug.wrappers import Request, Response

from footprint.errors import InputError
from footprint.plan.living import LivingPlan
from footprint.plan.model import ActionStatus, Reply
from footprint.store.plans import PlanStore
from footprint.ui.base import PageGroup

STATUS_WORDS = {
    ActionStatus.TODO: "To do",
    ActionStatus.DONE: "Done",
    ActionStatus.SENT: "Request sent",
    ActionStatus.WAITING: "Waiting",
    ActionStatus.CONFIRMED_GONE: "Confirmed gone",
    ActionStatus.STILL_THERE: "Still there",
    ActionStatus.CAME_BACK: "Came back",
    ActionStatus.CANNOT_REMOVE: "Can’t be removed",
}
DRAFT_TYPES = {
    "txt": "text/plain; charset=utf-8",
    "eml": "message/rfc822",
    "html": "text/html; charset=utf-8",
}
NO_PLAN = "There is no plan yet"
NO_PLAN_TEXT = (
    "Your plan is made from a finished audit kept on this computer. Finish an audit (with your "
    "answers saved), then come back to this page."
)


class PlanPages(PageGroup):
    """`/plan` and its forms."""

    ROUTES = (
        ("/plan", "plan_page", "GET"),
        ("/plan/<int:action_id>/done", "plan_done", "POST"),
        ("/plan/<int:action_id>/sent", "plan_sent", "POST"),
        ("/plan/<int:action_id>/reply", "plan_reply", "POST"),
        ("/plan/<int:action_id>/draft.<kind>", "plan_draft", "GET"),
        ("/plan/calendar.ics", "plan_calendar", "GET"),
    )

    def _living(self) -> LivingPlan | None:
        store = self.audit.options.store
        if store is None:
            return None
        engine = self.audit.engine
        session = engine.session_id if engine is not None and engine.reported else None
        try:
            return LivingPlan.open(store, session)
        except InputError:
            return None

    def _no_plan(self) -> Response:
        return self.render("message.html", http_status=404, heading=NO_PLAN, text=NO_PLAN_TEXT)

    def plan_page(self, request: Request, error: str | None = None) -> Response:
        living = self._living()
        if living is None:
            return self._no_plan()
        return self.render(
            "plan.html",
            http_status=400 if error else 200,
            plan=living.plan(),
            words=STATUS_WORDS,
            today=date.today().isoformat(),
            error=error,
            notices=PlanStore(living.store).take_notices(),
        )

    def _change(self, request: Request, action_id: int, change: Any) -> Response:
        living = self._living()
        if living is None:
            return self._no_plan()
        try:
            change(living)
        except InputError as exc:
            return self.plan_page(request, error=exc.message)
        return redirect(f"/plan#action-{action_id}", code=303)

    def plan_done(self, request: Request, action_id: int) -> Response:
        return self._change(request, action_id, lambda living: living.mark_done(action_id))

    def plan_sent(self, request: Request, action_id: int) -> Response:
        text = request.form.get("on", "").strip()
        try:
            on = date.fromisoformat(text) if text else date.today()
        except ValueError:
            return self.plan_page(request, error="Give the day the request was sent as a date.")
        if on > date.today():
            return self.plan_page(
                request, error="The day a request was sent cannot be later than today."
            )
        return self._change(request, action_id, lambda living: living.mark_sent(action_id, on))

    def plan_reply(self, request: Request, action_id: int) -> Response:
        outcome = request.form.get("outcome", "")
        if outcome not in {r.value for r in Reply}:
            return self.plan_page(request, error="Choose what they answered.")
        reply = Reply(outcome)
        return self._change(
            request, action_id, lambda living: living.record_reply(action_id, reply, date.today())
        )

    def plan_draft(self, request: Request, action_id: int, kind: str) -> Response:
        from footprint.plan.requests import write_draft

        living = self._living()
        if living is None or kind not in DRAFT_TYPES:
            return self._no_plan()
        action = living.plan().action(action_id)
        finding = living.findings().get(action.finding_id) if action else None
        if finding is None or action is None or action.request is None:
            return self.render(
                "message.html",
                http_status=404,
                heading="No request to draft",
                text="This action is one you can do yourself: its steps are in your report.",
            )
        folder = self.audit.options.reports_base / "plan" / f"action-{action_id}"
        stem = f"action-{action_id}"
        paths = write_draft(finding, living.profile, folder, stem, today=date.today())
        path = next(p for p in paths if p.suffix == f".{kind}")
        response = Response(path.read_bytes(), content_type=DRAFT_TYPES[kind])
        response.headers["Content-Disposition"] = f'attachment; filename="{stem}.{kind}"'
        return response

    def plan_calendar(self, request: Request) -> Response:
        from footprint.plan.ics import deadline_calendar

        living = self._living()
        if living is None:
            return self._no_plan()
        response = Response(deadline_calendar(living.plan()), content_type="text/calendar")
        response.headers["Content-Disposition"] = 'attachment; filename="footprint-plan.ics"'
        return response
