"""The audit's journey: which step comes next. The one place that says it, for every face.

The terminal renders each step with prompts, the browser maps each step to a page; neither
decides the order. An audit goes::

    START -> PROFILE -> RESPONSE -> CONSENT -> QUESTION ... -> FINISH -> REPORT

- START: choose a quick or full audit, and the adviser and case on an adviser call (the
  terminal takes these as options);
- PROFILE: who is audited (typed in, or a profile file);
- RESPONSE: "Is a patient contacting you now?", before anything else;
- CONSENT: which lookups may send what, to whom; the lookups start the moment it is complete;
- QUESTION: the next checklist question, until none is left or the person stops;
- FINISH: the interview is over; lookups still running get until their deadline (the time
  left is shown), then anything unfinished reads "couldn't check", never "not found";
- REPORT: the report is written; what to do next is in it, as data each face words.

When nobody can be asked (`footprint audit --no-input`), RESPONSE and QUESTION are passed
over: what was not asked is listed in the report as unanswered.
"""

from __future__ import annotations

from typing import Protocol

from footprint.model.vocab import StrEnum


class Step(StrEnum):
    """A step of the audit, in the order they come."""

    START = "start"
    PROFILE = "profile"
    RESPONSE = "response"
    CONSENT = "consent"
    QUESTION = "question"
    FINISH = "finish"
    REPORT = "report"


class AuditInProgress(Protocol):
    """What the journey reads of an audit (`AuditEngine` has it)."""

    @property
    def reported(self) -> bool: ...

    @property
    def stopped(self) -> bool: ...

    def response_question(self) -> str | None: ...

    def has_consent_questions(self) -> bool: ...

    def has_next_question(self) -> bool: ...


def next_step(engine: AuditInProgress | None, *, can_ask: bool = True, chosen: bool = True) -> Step:
    """The step to show now.

    `engine` is None before a profile was given; `chosen` says whether the START choices were
    made (the terminal makes them with options, so it passes True).
    """
    if engine is None:
        return Step.PROFILE if chosen else Step.START
    if engine.reported:
        return Step.REPORT
    if can_ask and engine.response_question() is not None:
        return Step.RESPONSE
    if engine.has_consent_questions():
        return Step.CONSENT
    if can_ask and not engine.stopped and engine.has_next_question():
        return Step.QUESTION
    return Step.FINISH
