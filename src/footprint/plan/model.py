"""The plan as data: the statuses, one action, the whole plan (both faces show this)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from footprint.model.vocab import Severity, StrEnum


class ActionStatus(StrEnum):
    """Where one action stands."""

    TODO = "todo"
    DONE = "done"  # the doctor did it (or the recipient said it is removed)
    SENT = "sent"  # a request was sent: its deadline runs
    WAITING = "waiting"  # the recipient answered and asked for more, or refused: follow it up
    CONFIRMED_GONE = "confirmed_gone"  # a re-check no longer finds it
    STILL_THERE = "still_there"  # a re-check still finds it
    CAME_BACK = "came_back"  # removed once, found again by a later audit
    CANNOT_REMOVE = "cannot_remove"  # with why


#: Statuses that say the detail was removed: finding it again means it came back.
REMOVED = frozenset({ActionStatus.DONE, ActionStatus.CONFIRMED_GONE})


class Reply(StrEnum):
    """What the recipient of a request answered."""

    REMOVED = "removed"
    REFUSED = "refused"
    MORE_INFO = "more-info"


class RequestInfo(BaseModel):
    """Who the action's request goes to (when someone else has to act)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str
    recipient: str | None = Field(
        description="The recipient's directory id, or the page owner's page."
    )


class PlanAction(BaseModel):
    """One action of the plan, as both faces show it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int = Field(description="The short number the doctor types; stable for this doctor.")
    finding_id: str
    title: str
    status: ActionStatus
    severity: Severity | None = Field(default=None, description="None once out of the audit.")
    source: str | None = Field(default=None, description="'checklist' or 'lookup:<id>'.")
    first_step: str | None = None
    request: RequestInfo | None = None
    sent_on: date | None = None
    due: date | None = Field(default=None, description="When the answer is due (sent requests).")
    reply: Reply | None = None
    replied_on: date | None = Field(default=None, description="When the answer came.")
    note: str | None = Field(default=None, description="Why it cannot be removed, or evidence.")
    in_latest_audit: bool = True
    urls: list[str] = Field(default_factory=list, description="Pages where it was found.")


class Plan(BaseModel):
    """One doctor's plan, brought up to date with an audit."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    session_id: str
    jurisdiction: str
    actions: list[PlanAction]

    def action(self, action_id: int) -> PlanAction | None:
        """The action with this number, if any."""
        return next((a for a in self.actions if a.id == action_id), None)
