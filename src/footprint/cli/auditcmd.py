"""What `footprint audit` and `footprint demo` do, step by step (UI side only).

The steps themselves live in `footprint.auditflow`; this module supplies prompts, progress and
messages, and maps the result to an exit code.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from footprint.auditflow import AuditFlow, AuditOptions, default_out_dir, write_outputs
from footprint.checklists import shipped_catalogue
from footprint.cli import prompts
from footprint.cli.lookupui import LookupSession
from footprint.errors import ExitCode, InputError, ProfileError
from footprint.interview import RESPONSE_ID, initial_answers, load_answers, run_interview
from footprint.profile import Profile, load_profile
from footprint.report.model import Report
from footprint.settings import Settings
from footprint.store import Store
from footprint.vocab import Answer, Severity

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


def _interactive(no_input: bool) -> bool:
    return not no_input and sys.stdin.isatty()


def _apply_retention(store: Store, interactive: bool) -> None:
    """Delete sessions past their retention period: after asking, or at once with --no-input.

    Each session announced its period when it started ("kept for 90 days, then deleted"). A
    run that cannot ask keeps that promise rather than keeping personal details longer than
    the doctor (or member) was told; the report files written earlier are not touched.
    """
    expired = store.expired()
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
    result = store.delete([s.id for s in expired])
    click.echo(
        f"Deleted {result.sessions} old session(s): {result.answers} answers and "
        f"{result.observations} lookup results, overwritten and vacuumed."
    )


def _open_flow(
    args: AuditArgs,
    options: AuditOptions,
    settings: Settings,
    store: Store | None,
    interactive: bool,
) -> AuditFlow:
    catalogue = shipped_catalogue()
    resume_id = args.resume_id
    given = load_profile(args.profile_path) if args.profile_path and not resume_id else None
    if store is not None and resume_id is None and interactive:
        last = store.latest_unfinished(given)
        case = f", case {last.case_ref}" if last and last.case_ref else ""
        if last and click.confirm(
            f"You have an unfinished audit from {last.created_at:%d %b %H:%M} "
            f"({last.answers} answers{case}). Carry on with it?",
            default=True,
        ):
            resume_id = last.id
    if resume_id:
        if store is None:
            raise InputError("--resume needs the session store; drop --no-store.")
        data = store.load(str(resume_id))
        click.echo(f"Resuming session {data.summary.id}: {data.summary.answers} answers kept.")
        return AuditFlow.resume(catalogue, data, options, settings, store)
    if given is not None:
        profile = given
    elif interactive:
        from footprint.cli.profile import ask_profile

        profile = ask_profile()
        _offer_to_save(profile)
    else:
        raise ProfileError(
            "No profile: with --no-input, give --profile FILE.",
            hint="Create one with `footprint profile init`.",
        )
    flow = AuditFlow.new(catalogue, profile, options, settings, store)
    if store is not None and flow.state.session_id:
        click.echo(
            f"Session {flow.state.session_id} started; it is kept for "
            f"{options.retention_days} days, then deleted (`footprint sessions purge` "
            "deletes it sooner)."
        )
    if flow.previous is not None:
        click.echo(
            f"You had an audit on {flow.previous.date:%d %b %Y}: the report will show what "
            "changed since then."
        )
    return flow


def _offer_to_save(profile: Profile) -> None:
    """Offer to keep a typed-in profile, so a re-audit need not ask it all again."""
    from footprint.paths import write_private
    from footprint.profile import dump_profile

    if not click.confirm("\nSave these details to a profile file for next time?", default=True):
        return
    default = Path("profile.yaml")
    n = 1
    while default.exists():
        n += 1
        default = Path(f"profile-{n}.yaml")
    path = Path(click.prompt("File name", default=str(default)))
    write_private(path, dump_profile(profile))
    click.echo(f"Saved {path} (readable by you only). Next time: footprint audit --profile {path}")


def _ask_response_first(flow: AuditFlow, interactive: bool) -> None:
    """Before anything else: is a patient already contacting you? If so, say what to do now."""
    plan = flow.catalogue.response_plan
    if RESPONSE_ID not in flow.state.answers and interactive:
        flow.answer(RESPONSE_ID, prompts.ask_response_question(plan.question))
    if interactive and flow.state.answers.get(RESPONSE_ID) in (Answer.YES, Answer.UNSURE):
        click.secho(f"\nFirst: {plan.first}", fg="yellow", bold=True)
        click.echo(
            "Your report will start with a step-by-step plan. If you are in danger now, call "
            "the emergency services."
        )


def _apply_answers_file(flow: AuditFlow, path: Path | None) -> set[str]:
    if path is None:
        return set()
    parsed = load_answers(path, [*flow.catalogue.items, RESPONSE_ID])
    for item_id, answer in initial_answers(parsed).items():
        if item_id not in flow.state.answers:
            flow.answer(item_id, answer)
    return set(parsed.accepted)


def _interview(flow: AuditFlow, interactive: bool, lookups: LookupSession | None) -> bool:
    """Ask the questions; True if the doctor stopped early."""
    if interactive:
        click.echo(
            f"\n{len(flow.items)} questions apply to you, most important first. {prompts.HELP}."
        )

    def ask(item, index, total):  # type: ignore[no-untyped-def]
        return prompts.ask_item(item, index, total, lookups.status() if lookups else "")

    result = run_interview(
        flow.items, flow.state.answers, ask if interactive else None, flow.answer
    )
    if result.stopped:
        later = (
            f"Carry on later with: footprint audit --resume {flow.state.session_id}"
            if flow.state.session_id
            else "Nothing was stored (--no-store), so next time starts afresh."
        )
        click.echo(
            f"\nStopped. {len(result.unanswered)} questions left; they are listed as "
            f"unanswered. {later}"
        )
    return result.stopped


def _finish(
    flow: AuditFlow, out_dir: Path, formats: list[Format], full: bool, complete: bool = True
) -> Report:
    report = flow.report()
    written = write_outputs(
        report,
        flow.state.profile,
        out_dir,
        formats,
        adviser_mode=bool(flow.state.adviser),
        full=full,
    )
    flow.finish(report, complete=complete)
    _print_summary(report)
    click.echo("\nReport written (readable by you only):")
    for path in written:
        click.echo(f"  {path}")
    return report


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


def run_audit_command(args: AuditArgs) -> None:
    """The body of `footprint audit`."""
    interactive = _interactive(args.no_input)
    options = AuditOptions(
        quick=args.quick,
        offline=args.offline,
        adviser=args.adviser or None,
        case=args.case_ref or None,
        accepted=args.accepted,
    )
    settings = Settings.load(allow_private=args.allow_private)
    store = None if args.no_store else Store()
    flow: AuditFlow | None = None
    lookups: LookupSession | None = None
    try:
        if store is not None:
            _apply_retention(store, interactive)
        flow = _open_flow(args, options, settings, store, interactive)
        flow.accept(_apply_answers_file(flow, args.answers_path))
        _ask_response_first(flow, interactive)
        if not flow.options.offline:
            lookups = LookupSession(flow, settings, interactive)
            lookups.decide_consent(args.consent_spec)
            lookups.start()
        stopped = _interview(flow, interactive, lookups)
        if lookups:
            lookups.wait_with_progress()
        out = args.out_dir or default_out_dir(flow.state.profile)
        report = _finish(flow, out, args.formats, args.full, complete=not stopped)
    except (KeyboardInterrupt, click.exceptions.Abort):
        if lookups:
            lookups.cancel()  # finished lookups are kept; the rest run again on resume
        if flow is not None and flow.state.session_id:
            click.echo(
                f"\nTo carry on later: footprint audit --resume {flow.state.session_id}",
                err=True,
            )
        raise
    finally:
        if store is not None:
            store.close()
    sys.exit(_exit_code(report, args.fail_on))


def run_demo_command(out_dir: Path, formats: list[Format]) -> None:
    """The body of `footprint demo`: fictional doctor, loopback pages, no input."""
    from footprint.demo.run import DEMO_TOTAL_TIMEOUT, demo_environment
    from footprint.net import FetchLimits

    with demo_environment() as env:
        click.echo(
            f"Demo: a fictional doctor ({env.profile.masked_name}); pages are served on "
            f"{env.base_url} and nothing leaves this computer."
        )
        options = AuditOptions(deadline_s=60.0)
        flow = AuditFlow.new(shipped_catalogue(), env.profile, options, env.settings, None)
        _apply_answers_file(flow, env.answers_path)
        lookups = LookupSession(
            flow,
            env.settings,
            interactive=False,
            granted_by=env.granted_by,
            limits=FetchLimits(total_timeout=DEMO_TOTAL_TIMEOUT, connect_timeout=2.0),
        )
        lookups.decide_consent("all")
        lookups.start()
        _interview(flow, interactive=False, lookups=lookups)
        lookups.wait_with_progress()
        _finish(flow, out_dir, formats, full=False)
