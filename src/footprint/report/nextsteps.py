"""Who reads a report, and the words of each next step for that reader.

A report's next steps are data (`NextStep`); this module is the one place that turns them into
words. The terminal may show a command (in `backticks`, which the HTML and Markdown renderers
set as code); the browser never does, as its reader has no terminal; the member's copy of an
adviser call never points at a session, as that lives on the adviser's computer.
"""

from __future__ import annotations

from collections.abc import Callable

from footprint.model.vocab import StrEnum
from footprint.report.model import NextStep, NextStepKind

WHAT_IS_OPEN = "\u201cWhat is still open\u201d"
CARRY_ON_BUTTON = "\u201cCarry on with this audit\u201d"


class Reader(StrEnum):
    """The reader a rendered report is worded for.

    TERMINAL: made by `footprint audit` (commands may be shown); BROWSER: made in `footprint ui`
    (never a command); MEMBER: the member's copy of an adviser call (never a session that lives
    on the adviser's computer).
    """

    TERMINAL = "terminal"
    BROWSER = "browser"
    MEMBER = "member"


def _plural(count: str, one: str, many: str) -> str:
    return f"{count} {one if count == '1' else many}"


def _start_audit(step: NextStep, reader: Reader) -> str:
    count = step.args.get("count")
    if count is None:
        start = {
            Reader.TERMINAL: "run `footprint audit` to start",
            Reader.BROWSER: "open footprint and start an audit",
            Reader.MEMBER: "run an audit with footprint on your own computer",
        }[reader]
        return f"Nothing was checked yet: {start}."
    again = {
        Reader.TERMINAL: "run `footprint audit` again to answer them (it starts afresh)",
        Reader.BROWSER: "start a new audit in footprint to answer them",
        Reader.MEMBER: "answer them in an audit with footprint on your own computer",
    }[reader]
    questions = _plural(count, "question is", "questions are")
    return f"{questions} still open and nothing from this audit was kept: {again}."


def _carry_on(step: NextStep, reader: Reader) -> str:
    session = step.args.get("session_id", "")
    count = step.args.get("count", "")
    still = f"{_plural(count, 'question is', 'questions are')} still open" if count else ""
    if reader is Reader.TERMINAL and session:
        if not still:
            return f"Carry on with this audit to answer the rest: `footprint audit --resume {session}`."
        return (
            f"{still} in this audit: carry on to answer {_them(count)} with "
            f"`footprint audit --resume {session}`."
        )
    if reader is Reader.BROWSER:
        lead = f"{still} in this audit" if still else "Questions are still open in this audit"
        return f"{lead}: open footprint again and choose {CARRY_ON_BUTTON}."
    if not still:
        return _at_home("The questions still open")
    return f"{still}: {_listed_here(count)} to answer {_them(count)}, {HANDOVER}."


def _finish_at_home(step: NextStep, reader: Reader) -> str:
    session = step.args.get("session_id", "")
    count = step.args.get("count", "")
    lead = _home_list(count) or "Answer the rest at home"
    if reader is Reader.TERMINAL:
        command = f"footprint audit --resume {session}" if session else "footprint audit"
        return f"{lead}: `{command}`."
    if reader is Reader.BROWSER and session:
        return f"{lead}: open footprint again and choose {CARRY_ON_BUTTON}."
    if reader is Reader.BROWSER:
        return f"{lead}: start a new audit in footprint."
    if not count:
        return _at_home("The remaining questions")
    return f"{lead}: {_listed_here(count)} to answer {_them(count)}, {HANDOVER}."


def _finish_after_carry_on(step: NextStep, reader: Reader) -> str:
    """A quick audit's list for home, just after the step for its own open questions: a resume
    asks those first, and the list in the resume after that, so this says only what is new."""
    lead = "Then " + (_home_list(step.args.get("count", "")) or "the rest is to finish at home")
    if reader is Reader.TERMINAL and step.args.get("session_id"):
        return f"{lead}: run the same command again."
    if reader is Reader.BROWSER:
        return f"{lead}: choose the same button again."
    return f"{lead}, listed in this report too: the hand-over file asks them after the others."


def _home_list(count: str) -> str:
    more = _plural(count, "more question is", "more questions are")
    return f"{more} on your list to finish at home" if count else ""


def _listed_here(count: str) -> str:
    return "it is listed in this report;" if count == "1" else "they are listed in this report;"


#: Where a member's footprint carries on from after an adviser call (audit/handover.py).
HANDOVER = (
    "open the hand-over file that came with this report (handover.yaml) in footprint on your "
    "own computer, and it asks only what is left"
)


def _them(count: str) -> str:
    return "it" if count == "1" else "them"


def _at_home(what: str) -> str:
    return f"{what} are listed in this report: to answer them, {HANDOVER}."


def _check_by_hand(step: NextStep, reader: Reader) -> str:
    count = step.args.get("count", "")
    what = _plural(count, "check", "checks") if count else "Some checks"
    return (
        f"{what} could not be made by footprint: check them by hand with the links and steps "
        f"under {WHAT_IS_OPEN}."
    )


def _run_online(step: NextStep, reader: Reader) -> str:
    count = step.args.get("count", "")
    lookups = _plural(count, "lookup", "lookups") if count else "Some lookups"
    how = {
        Reader.TERMINAL: "run `footprint audit` again online and agree to them",
        Reader.BROWSER: "start a new audit in footprint while online and agree to them",
        Reader.MEMBER: "run footprint on your own computer while online and agree to them",
    }[reader]
    return f"{lookups} did not run: {how}, or check by hand with the links under {WHAT_IS_OPEN}."


def _save_results_page(step: NextStep, reader: Reader) -> str:
    first = (
        "Your name was not searched: search it yourself with the ready-made links under "
        f"{WHAT_IS_OPEN}"
    )
    if reader is Reader.TERMINAL:
        return (
            f"{first}. Then save each results page from your browser (Save page as, HTML) "
            "and give it to footprint: `footprint scan saved.html --follow-results` reads "
            "the results and the pages they lead to."
        )
    return (
        f"{first}. To have footprint read the results, save each results page from your "
        "browser (Save page as, HTML) and give it to footprint on your own computer."
    )


def _add_to_profile(step: NextStep, reader: Reader) -> str:
    count = step.args.get("count", "")
    checks = _plural(count, "check needs", "checks need") if count else "Some checks need"
    how = {
        Reader.TERMINAL: "add it with `footprint profile init` and run the audit again",
        Reader.BROWSER: "add it on the \u201cAbout you\u201d page of a new audit in footprint",
        Reader.MEMBER: "add it to your profile in footprint on your own computer",
    }[reader]
    return f"{checks} a detail your profile does not have (a username, a domain, a page): {how}."


def _start_log(step: NextStep, reader: Reader) -> str:
    first = "Write down every contact from the patient, with the date and time"
    if reader is Reader.TERMINAL:
        return f"{first}: `footprint log add` keeps the log on this computer, dated and tamper-evident."
    if reader is Reader.BROWSER:
        return (
            f"{first}: keep it in the contact log (\u201cContact log\u201d at the top of the "
            "footprint window), on this computer, dated and tamper-evident."
        )
    return (
        f"{first}: footprint's contact log keeps it on your own computer, dated and tamper-evident."
    )


def _reaudit(step: NextStep, reader: Reader) -> str:
    months = step.args.get("months", "3")
    again = f"Look again in {months} months: things about you change."
    if reader is Reader.TERMINAL:
        again = f"Look again in {months} months (`footprint audit`): things about you change."
    return f"Every check that applies got an answer. {again}"


_WORDS: dict[NextStepKind, Callable[[NextStep, Reader], str]] = {
    NextStepKind.START_AUDIT: _start_audit,
    NextStepKind.CARRY_ON: _carry_on,
    NextStepKind.FINISH_AT_HOME: _finish_at_home,
    NextStepKind.CHECK_BY_HAND: _check_by_hand,
    NextStepKind.RUN_ONLINE: _run_online,
    NextStepKind.SAVE_RESULTS_PAGE: _save_results_page,
    NextStepKind.ADD_TO_PROFILE: _add_to_profile,
    NextStepKind.START_LOG: _start_log,
    NextStepKind.REAUDIT: _reaudit,
}


def step_words(step: NextStep, reader: Reader) -> str:
    """One next step in words for `reader`; commands (terminal only) are in `backticks`."""
    return _WORDS[step.kind](step, reader)


def steps_words(steps: list[NextStep], reader: Reader) -> list[str]:
    """Every next step in words for `reader`, in order; a quick audit's list for home, after
    the step for its own open questions, follows on from it instead of repeating it."""
    words = []
    carrying_on = False
    for step in steps:
        if step.kind is NextStepKind.FINISH_AT_HOME and carrying_on:
            words.append(_finish_after_carry_on(step, reader))
        else:
            words.append(step_words(step, reader))
        carrying_on = carrying_on or step.kind is NextStepKind.CARRY_ON
    return words
