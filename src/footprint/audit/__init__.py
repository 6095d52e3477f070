"""The audit engine: the whole journey of one audit, for any face (terminal, browser).

No Click, Rich or web framework here, and nothing prints or blocks on a person. A face *pulls*:
it asks what comes next (`AuditEngine.next_step`, from `journey.py`), shows that step however it
likes, and hands the answer back. Every answer, consent decision and lookup result is stored
the moment it exists, so a request may end between any two calls and a crash loses nothing.

    desk.py        the stored sessions: retention, unfinished audits, saved profiles, start/resume
    journey.py     which step comes next (START, PROFILE, RESPONSE, CONSENT, QUESTION, FINISH, REPORT)
    engine.py      one audit: answers, back/skip/stop, consent, lookups, the end-of-audit rule, finish
    flow.py        the audit's record, written to the store as it grows
    background.py  consent questions and the lookups' background run
    questions.py   which questions, in what order (the quick rule), and how long they take
    answers.py     answers files and what an answer means
    assess.py, coverage.py, diff.py, build.py   findings, coverage and score, re-audits, the Report
    outputs.py, stored.py                       report files written and read back

A whole audit, in order::

    with AuditDesk.open() as desk:
        engine = desk.start(profile, AuditOptions(quick=True), settings)  # or desk.resume(id, ...)
        while (step := engine.next_step()) is not Step.FINISH:
            ...  # RESPONSE: engine.answer_response(..); CONSENT: engine.decide(id, granted)
                 # (the granted lookups start the moment consent is complete);
                 # QUESTION: engine.next_question() then engine.answer / back / skip_area / stop
        engine.lookups_time_left()   # lookups still running get until their deadline
        outputs = engine.finish(formats, out_dir, reader=Reader.TERMINAL)  # the rest: couldn't check
"""
