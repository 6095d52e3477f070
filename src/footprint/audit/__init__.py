"""The audit engine: one audit's orchestration, for any front end (terminal, local web UI).

No Click, Rich or web framework here, and nothing prints or blocks on a person. A front end
*pulls*: it asks the engine what to show next, shows it however it likes, and hands the answer
back. State lives in the engine and the session store; every answer, consent decision and
lookup result is stored the moment it exists, so a request handler may return between any two
calls, and a crash loses nothing (`AuditEngine.resume` carries on).

A whole audit, in order (a web UI maps each step to a request)::

    from footprint.audit import AuditEngine, AuditOptions

    engine = AuditEngine.start(catalogue, profile, AuditOptions(quick=True), settings, Store())
    # or: AuditEngine.resume(catalogue, store.load(session_id), options, settings, store)
    engine.load_answers_file(path)                 # optional
    if (q := engine.response_question()) is not None:   # "Is a patient contacting you now?"
        engine.answer_response(Answer.YES)         # engine.response_active, .response_first_step
    for cq in engine.consent_questions():          # ConsentQuestion: title, sentence, destinations
        engine.decide(cq.lookup_id, granted=False) # or engine.decide_by_option("all", asked=False)
    engine.start_lookups()                         # background threads; undecided = refused
    engine.progress()                              # Progress(index, total, minutes_left): estimate
    while (question := engine.next_question()) is not None:
        # question.item (ChecklistItem), .area_title ("Strava"), .progress.label()
        # ("12/30, about 6 min left"), .current (earlier answer after a back step)
        engine.answer(question.item.id, Answer.NO) # stored at once; or:
        engine.back()                              # re-ask the previous one (or undo a skip)
        engine.skip_area(question.item.area)       # the doctor does not use this area
        engine.stop()                              # stop early: the session stays resumable
    engine.status()                                # LookupStatus snapshot, any thread, any time
    engine.wait_lookups(timeout=0.2)               # True once every lookup has a result
    outputs = engine.finish(formats, out_dir)      # Outputs(report, written, failed)

Methods are thread-safe (one lock guards the interview). `engine.session_id` names the stored
session (None with no store); `check_formats(formats)` fails before the first question when a
format cannot be written (PDF without WeasyPrint). `plan` holds the quick-audit rule and the
map of lookup findings that settle questions.
"""

from __future__ import annotations

from footprint.audit.background import LookupStatus
from footprint.audit.build import AuditState, Previous, build_report, response_plan_section
from footprint.audit.engine import AuditEngine, Outputs, Question
from footprint.audit.flow import AuditFlow, AuditOptions, default_out_dir, write_outputs
from footprint.audit.outputs import check_formats
from footprint.audit.questions import Progress

__all__ = [
    "AuditEngine",
    "AuditFlow",
    "AuditOptions",
    "AuditState",
    "LookupStatus",
    "Outputs",
    "Previous",
    "Progress",
    "Question",
    "build_report",
    "check_formats",
    "default_out_dir",
    "response_plan_section",
    "write_outputs",
]
