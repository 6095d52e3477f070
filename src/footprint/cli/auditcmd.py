"""What `footprint audit` and `footprint demo` do: the terminal's rendering of each step.

Which step comes next is the engine's (`footprint.audit.journey`); sessions, retention and
saved profiles are the desk's (`footprint.audit.desk`). This module supplies prompts, progress
and messages, and maps the result to an exit code that `footprint.cli.main` exits with.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from footprint.audit.coverage import NAME_SEARCH
from footprint.audit.desk import AuditDesk, free_profile_path, save_profile
from footprint.audit.engine import AuditEngine, Outputs
from footprint.audit.flow import AuditOptions
from footprint.audit.journey import Step
from footprint.audit.outputs import check_formats
from footprint.audit.questions import minutes_phrase
from footprint.cli import prompts
from footprint.cli.lookupui import wait_with_progress
from footprint.errors import ExitCode, InputError, ProfileError, SessionPurged
from footprint.model.profile import Profile, load_profile
from footprint.model.vocab import Answer, Severity
from footprint.report.model import Report
from footprint.report.nextsteps import Reader
from footprint.util.settings import Settings

if TYPE_CHECKING:
    from footprint.report.render import Format


@dataclass(frozen=True)
class AuditArgs:
    """The options of `footprint audit`, parsed."""

    profile_path: Path | None
    answers_path: Path | None
    consent_spec: str | None
    offline: bool
    quick: bool
    out_dir: Path | None
    formats: list[Format]
    adviser: str | None
    case_ref: str | None
    resume_id: str | None
    no_input: bool
    no_store: bool
    accepted: frozenset[str]
    fail_on: str | None
    allow_private: bool
    full: bool
    saved_results: tuple[Path, ...] = ()


def _interactive(no_input: bool) -> bool:
    return not no_input and sys.stdin.isatty()


def _apply_retention(desk: AuditDesk, interactive: bool) -> None:
    """Delete sessions past their retention period: after asking, or at once with --no-input.

    Each session announced its period when it started ("kept for 90 days, then deleted"). A
    run that cannot ask keeps that promise rather than keeping personal details longer than
    the doctor (or member) was told; the report files written earlier are not touched.
    """
    gone = desk.delete_old_handovers()
    if gone:
        click.echo(f"Deleted {len(gone)} hand-over folder(s) of earlier adviser calls.")
    expired = desk.expired()
    if not expired:
        return
    click.echo(f"{len(expired)} stored session(s) are past their retention period:")
    for s in expired:
        case = f", case {s.case_ref}" if s.case_ref else ""
        click.echo(
            f"  {s.id} (started {s.created_at:%Y-%m-%d}, kept for {s.retention_days} days{case})"
        )
    if interactive and not click.confirm("Delete them now?", default=True):
        click.echo("Kept for now; you will be asked again next time.")
        return
    result = desk.delete_expired()
    if result is not None:
        click.echo(
            f"Deleted {result.sessions} old session(s): {result.answers} answers and "
            f"{result.observations} lookup results, overwritten and vacuumed."
        )


def _open_engine(
    args: AuditArgs,
    options: AuditOptions,
    settings: Settings,
    desk: AuditDesk,
    interactive: bool,
    carried: Profile | None = None,
) -> AuditEngine:
    resume_id = args.resume_id
    given = None
    if args.profile_path and not resume_id:
        given = load_profile(args.profile_path)
    elif carried is not None and not resume_id:
        given = carried
        click.echo(
            "Using the profile in the hand-over file from your adviser call. Your personal "
            "e-mails, phone numbers and home address were not carried: add them with "
            "`footprint profile init` (saved on this computer only) so footprint can spot them."
        )
    if resume_id is None and interactive:
        offers = desk.unfinished(given)
        if offers and click.confirm(
            f"You have an unfinished audit: {offers[0].label()}. Carry on with it?",
            default=True,
        ):
            resume_id = offers[0].id
    if resume_id:
        if not desk.stored:
            raise InputError("--resume needs the session store; drop --no-store.")
        engine = desk.resume(str(resume_id), settings, options)
        answers, _ = engine.kept_answers()
        kept = f"{len(answers)} answer{'' if len(answers) == 1 else 's'} kept"
        click.echo(f"Resuming session {engine.session_id}: {kept}.")
        return engine
    if given is not None:
        profile = given
    elif interactive:
        from footprint.cli.profile import ask_profile

        profile = ask_profile()
        if not options.adviser:  # an adviser keeps no member's profile on their computer
            _offer_to_save(profile)
    else:
        raise ProfileError(
            "No profile: with --no-input, give --profile FILE.",
            hint="Create one with `footprint profile init`.",
        )
    engine = desk.start(profile, options, settings)
    if engine.session_id:
        click.echo(
            f"Session {engine.session_id} started; it is kept for "
            f"{engine.retention_days} days, then deleted (`footprint sessions purge` "
            "deletes it sooner)."
        )
    if engine.previous_audit_date is not None:
        click.echo(
            f"You had an audit on {engine.previous_audit_date:%d %b %Y}: the report will show "
            "what changed since then."
        )
    return engine


def _offer_to_save(profile: Profile) -> None:
    """Offer to keep a typed-in profile, so a re-audit need not ask it all again."""
    if not click.confirm("\nSave these details to a profile file for next time?", default=True):
        return
    default = free_profile_path(Path("."))
    path = save_profile(profile, Path(click.prompt("File name", default=default.name)))
    click.echo(f"Saved {path} (readable by you only). Next time: footprint audit --profile {path}")


def _walk(engine: AuditEngine, args: AuditArgs, interactive: bool) -> Outputs:
    """Render each step the engine says comes next, until the report is written."""
    announced = warned = False
    while True:
        step = engine.next_step(can_ask=interactive)
        if interactive and engine.response_active and not warned:
            _warn_in_danger(engine)
            warned = True
        if step is Step.RESPONSE:
            question = engine.response_question()
            if question is not None:
                engine.answer_response(prompts.ask_response_question(question))
        elif step is Step.CONSENT:
            _decide_consent(engine, args.consent_spec, interactive)
        elif step is Step.QUESTION:
            if not announced:
                _announce_interview(engine)
                announced = True
            _ask_one(engine)
        else:
            wait_with_progress(engine)
            _read_saved_results(engine, args.saved_results)
            out = args.out_dir or engine.default_out_dir()
            return _finish(engine, out, args.formats, args.full)


def _read_saved_results(engine: AuditEngine, paths: tuple[Path, ...]) -> None:
    """`--saved-results`: the doctor's own name search, kept as the name search's result by
    the engine (as the browser does), after the lookups so an engine's answer is seen first."""
    if not paths:
        return
    from footprint.lookups.search.saved_search import MAX_PAGE_BYTES

    files = [p.read_bytes() for p in paths if p.stat().st_size <= MAX_PAGE_BYTES]
    saved = engine.record_saved_results(files)
    unread = len(paths) - len(saved.pages)
    if saved.counted:
        click.echo(
            f"Read {len(saved.pages)} saved results page(s): the name search counts as done "
            f"({len(saved.found)} result(s) on sites footprint knows)."
        )
    if unread:
        click.echo(
            f"{unread} file(s) were not a results page for a search of your name, so they were "
            "not counted. Save the page of results itself (Save page as, HTML only)."
        )


def _warn_in_danger(engine: AuditEngine) -> None:
    """The doctor said a patient is contacting them: what to do now, before anything else."""
    click.secho(f"\nIf you are in danger now, call {engine.emergency_number}.", fg="red", bold=True)
    click.secho(f"First: {engine.response_first_step}", fg="yellow", bold=True)
    click.echo(
        "Then start your log of every contact: `footprint log add` keeps it on this "
        "computer, dated and tamper-evident. Your report will start with a step-by-step plan."
    )


def _announce_interview(engine: AuditEngine) -> None:
    start = engine.progress()
    if start.total:
        click.echo(
            f"\n{start.total} questions for you, most important first: "
            f"{minutes_phrase(start.minutes_left)}. {prompts.HELP}."
        )


def _ask_one(engine: AuditEngine) -> None:
    """Ask the next question; take an answer, a step back, an area skip or a stop."""
    question = engine.next_question()
    if question is None:
        return
    reply = prompts.ask_item(
        question.item,
        question.progress.label(),
        question.area_title,
        engine.status().line(),
        question.current,
    )
    if reply is prompts.STOP:
        engine.stop()
        _say_stopped(engine)
    elif isinstance(reply, Answer):
        engine.answer(question.item.id, reply)
    elif reply is prompts.BACK:
        if not engine.back():
            click.echo("   Nothing to go back to in this sitting.")
    elif not engine.can_skip(question.item.area):
        click.echo(
            f"   {question.area_title} applies to every doctor, so it cannot be skipped: "
            "answer n/a (doesn't apply) for a question that does not fit you."
        )
    else:
        skipped = engine.skip_area(question.item.area)
        click.echo(
            f"   Skipped {question.area_title}: {skipped} question(s), listed as skipped "
            "in your report (b undoes this)."
        )


def _say_stopped(engine: AuditEngine) -> None:
    later = (
        f"Carry on later with: footprint audit --resume {engine.session_id}"
        if engine.session_id
        else "Nothing was stored (--no-store), so next time starts afresh."
    )
    click.echo(
        f"\nStopped. {engine.questions_left()} questions left; they are listed as "
        f"unanswered. {later}"
    )


def _finish(engine: AuditEngine, out_dir: Path, formats: list[Format], full: bool) -> Outputs:
    outputs = engine.finish(formats, out_dir, full=full, reader=Reader.TERMINAL)
    report = outputs.report
    _print_summary(report)
    if outputs.written:
        click.echo("\nReport written (readable by you only):")
        for path in outputs.written:
            click.echo(f"  {path}")
    for fmt, problem in outputs.failed.items():
        click.secho(f"Could not write the {fmt} report: {problem}", fg="red", err=True)
    if outputs.failed and engine.session_id:
        click.echo(
            f"Your answers and the report are kept in session {engine.session_id}; write the "
            f"missing file later with: footprint report render {engine.session_id} "
            "--format FORMAT --out FILE",
            err=True,
        )
    elif outputs.failed:
        click.echo("Nothing was stored (--no-store): only the files listed above exist.", err=True)
    return outputs


def _print_summary(report: Report) -> None:
    from footprint.report.summary import summary_lines

    styles = {"strong": {"bold": True}, "warn": {"fg": "yellow"}, "dim": {"dim": True}}
    for line in summary_lines(report):
        click.secho(line.text, **styles.get(line.style, {}))  # type: ignore[arg-type]


def _exit_code(report: Report, fail_on: str | None) -> int:
    if fail_on is None:
        return ExitCode.OK
    threshold = Severity(fail_on)
    hit = any(f.severity.at_least(threshold) for f in report.findings)
    return ExitCode.FINDINGS if hit else ExitCode.OK


def run_audit_command(args: AuditArgs) -> int:
    """The body of `footprint audit`: the exit code (the command passes it to `main`)."""
    check_formats(args.formats)  # a PDF that cannot be written fails before any question
    interactive = _interactive(args.no_input)
    if args.out_dir is not None and args.out_dir.exists() and not args.out_dir.is_dir():
        # Said now, not after the whole interview.
        raise InputError(
            f"--out {args.out_dir} is a file; it should name a folder for the report files.",
            hint="Give a folder name (it is created, owner-only, if missing).",
        )
    options = AuditOptions(
        quick=args.quick,
        offline=args.offline,
        adviser=args.adviser or None,
        case=args.case_ref or None,
        accepted=args.accepted,
    )
    settings = Settings.load(allow_private=args.allow_private)
    engine: AuditEngine | None = None
    with AuditDesk.open(stored=not args.no_store) as desk:
        try:
            _apply_retention(desk, interactive)
            given = desk.read_answers(args.answers_path) if args.answers_path else None
            carried = given.profile if given is not None else None
            engine = _open_engine(args, options, settings, desk, interactive, carried)
            if given is not None:
                engine.take_answers(given)
            outputs = _walk(engine, args, interactive)
            if outputs.handover is not None:
                _hand_over(outputs.handover, interactive)
        except SessionPurged as purged:  # a purge deleted this session mid-audit
            if engine is not None:
                engine.cancel_lookups()
                from footprint.cli.sessions import offer_to_save_answers

                answers, accepted = engine.kept_answers()
                offer_to_save_answers(purged, answers, accepted, interactive)
            raise
        except (KeyboardInterrupt, click.exceptions.Abort):
            if engine is not None:
                engine.cancel_lookups()  # finished lookups are kept; the rest run again on resume
            click.echo(f"\n{_what_was_kept(engine)}", err=True)
            return int(ExitCode.INTERRUPTED)
    # A report file that could not be written is an error, even though the rest were written.
    return int(ExitCode.ERROR) if outputs.failed else _exit_code(outputs.report, args.fail_on)


def _hand_over(folder: Path, interactive: bool) -> None:
    """An adviser call's end: the member's files are to be sent, then deleted from here."""
    from footprint.audit.handover import HANDOVER_DAYS, HANDOVER_FILE, delete_handover

    click.secho("\nFor the member", bold=True)
    click.echo(
        f"Send the member the files in {folder}: their report and {HANDOVER_FILE}, which they "
        "open in footprint on their own computer to answer only the questions left. The "
        "member's answers and details are no longer stored on this computer."
    )
    later = f"they are deleted automatically after {HANDOVER_DAYS} days"
    if not interactive:
        click.echo(f"Delete the folder once the files are sent; {later}.")
        return
    keep = click.prompt(
        "Send them now, then press Enter to delete them from this computer (or type k to keep "
        "them for now)",
        default="",
        show_default=False,
    )
    if keep.strip().lower().startswith("k"):
        click.echo(f"Kept for now: {later}.")
    elif delete_handover(folder):
        click.echo("Deleted: the member's files are no longer on this computer.")


def _what_was_kept(engine: AuditEngine | None) -> str:
    """The truth after Ctrl-C: what is stored, if anything, and how to carry on."""
    if engine is None:
        return "Stopped before the audit began: nothing was kept."
    if engine.session_id is None:
        return "Stopped. Nothing was kept (--no-store): the next audit starts afresh."
    return (
        f"Stopped. Your answers so far are kept in session {engine.session_id}. "
        f"To carry on later: footprint audit --resume {engine.session_id}"
    )


def _decide_consent(engine: AuditEngine, spec: str | None, interactive: bool) -> None:
    """Apply `--consent`, or ask about each lookup, or (nobody to ask) refuse them all."""
    questions = engine.consent_questions()
    if spec or not interactive or not questions:
        engine.decide_by_option(spec, asked=False)
        return
    click.secho(
        "\nLookups: footprint can check what a patient would find. Nothing is "
        "sent unless you agree to each one.",
        bold=True,
    )
    click.echo("   Answer all to agree to every one, none to agree to none, or y or n one by one.")
    if any(q.lookup_id == NAME_SEARCH for q in questions):
        click.echo(
            "   The search of your name matters most: without it footprint cannot give you a "
            "findability score."
        )
    rest: bool | None = None  # set by "all" or "none": the same for every question left
    for n, q in enumerate(questions):
        granted = rest
        if granted is None:
            reply = prompts.ask_consent(q, engine.adviser, first=n == 0)
            granted = reply in (prompts.Consent.YES, prompts.Consent.ALL)
            if reply in (prompts.Consent.ALL, prompts.Consent.NONE):
                rest = granted
        engine.decide(q.lookup_id, granted)


def run_demo_command(out_dir: Path, formats: list[Format]) -> None:
    """The body of `footprint demo`: fictional doctor, loopback pages, no input."""
    from footprint.demo.run import DEMO_TOTAL_TIMEOUT, demo_environment
    from footprint.net.client import FetchLimits

    check_formats(formats)
    with demo_environment() as env:
        click.echo(
            f"Demo: a fictional doctor ({env.profile.masked_name}); pages are served on "
            f"{env.base_url} and nothing leaves this computer."
        )
        engine = AuditDesk(None, demo=True).start(
            env.profile,
            AuditOptions(deadline_s=60.0),
            env.settings,
            granted_by=env.granted_by,
            limits=FetchLimits(total_timeout=DEMO_TOTAL_TIMEOUT, connect_timeout=2.0),
        )
        engine.load_answers_file(env.answers_path)
        engine.decide_by_option("all", asked=False)
        wait_with_progress(engine)
        _finish(engine, out_dir, formats, full=False)
