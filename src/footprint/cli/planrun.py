"""`footprint plan recheck`, `footprint plan schedule` and `footprint demo --recheck`."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from footprint.cli.planshow import STATUS_WORDS, action_lines, opened_plan

if TYPE_CHECKING:
    from footprint.plan.recheck import Recheck, RecheckResult


def _decide(rc: Recheck, spec: str | None, interactive: bool) -> None:
    """`--consent`, or ask about each lookup, or (nobody to ask) refuse them all."""
    from footprint.cli import prompts
    from footprint.model.consent import INTERACTIVE, parse_consent_option

    if spec is None and interactive:
        if rc.questions:
            click.secho("\nRe-check: nothing is sent unless you agree to each lookup.", bold=True)
        answer_all: bool | None = None  # "all" or "none" answers this one and every one after
        for n, q in enumerate(rc.questions):
            if answer_all is None:
                reply = prompts.ask_consent(q, None, first=n == 0)
                if reply in (prompts.Consent.ALL, prompts.Consent.NONE):
                    answer_all = reply is prompts.Consent.ALL
                granted = reply in (prompts.Consent.YES, prompts.Consent.ALL)
            else:
                granted = answer_all
            rc.decide(q, granted, INTERACTIVE)
        return
    choice = parse_consent_option(spec or "none", [lk.id for lk in rc.lookups])
    how = choice.how if spec else "--no-input (nothing was asked, so nothing was sent)"
    for q in rc.questions:
        rc.decide(q, choice.grants(q.lookup_id), how)


def _show(results: list[RecheckResult]) -> None:
    for result in results:
        status = STATUS_WORDS[result.status.value] if result.status else "left as it was"
        click.echo(f"{result.action_id:>3}  {status:<16} {result.title}")
        click.echo(" " * 22 + result.evidence)


def _ask_again(rc: Recheck, today: date, interactive: bool) -> list[RecheckResult]:
    """The one question behind each answers-only action, asked again (only with someone to ask)."""
    if not rc.answers_only:
        return []
    if not interactive:
        click.echo(
            f"{len(rc.answers_only)} done action(s) rest on your own answer; they were left as"
            " they are (run `footprint plan recheck` without --no-input to be asked again)."
        )
        return []
    return [
        rc.record_answer(action, click.confirm(f"Is this still so: {action.title}?"), today)
        for action in rc.answers_only
    ]


@click.command()
@click.option("--consent", "consent_spec", metavar="all|none|ID,..", help="Decide every lookup.")
@click.option("--no-input", is_flag=True, help="Ask nothing (undecided lookups are refused).")
@click.option("--scheduled", is_flag=True, hidden=True, help="The timer's run (see `schedule`).")
@click.pass_context
def recheck(ctx: click.Context, consent_spec: str | None, no_input: bool, scheduled: bool) -> None:
    """Re-run the lookups behind the actions marked done, and mark each confirmed gone or still
    there (asking consent again for each lookup)."""
    from footprint.plan.recheck import Recheck
    from footprint.util.settings import Settings

    today = date.today()
    interactive = not no_input and not scheduled and sys.stdin.isatty()
    with opened_plan(ctx) as living:
        rc = Recheck(living, Settings.load())
        if scheduled:
            from footprint.plan.scheduled import scheduled_recheck

            scheduled_recheck(rc, today)  # tells the doctor itself, only when it must
            return
        if not rc.lookups and not rc.answers_only:
            click.echo("No action is marked done, so there is nothing to re-check.")
            return
        _decide(rc, consent_spec, interactive)
        results = rc.run(today)
        results += _ask_again(rc, today, interactive)
    _show(results)


@click.command()
@click.option("--every", metavar="30d", help="How often to re-check (days or weeks: 30d, 4w).")
@click.option("--off", is_flag=True, help="Turn the schedule off (the files are removed).")
@click.option(
    "--system",
    type=click.Choice(["systemd", "cron", "launchd", "windows"]),
    help="The timer system (default: this computer's).",
)
def schedule(every: str | None, off: bool, system: str | None) -> None:
    """Re-check on a schedule: writes the user-level timer for this computer's system."""
    from footprint.plan import schedule as timers

    if off == (every is not None):
        raise click.UsageError("Give either --every (e.g. --every 30d) or --off.")
    command = [sys.executable, "-m", "footprint", "plan", "recheck", "--scheduled"]
    plan = timers.schedule_for(system or timers.detect_system(), Path.home(), command)
    if off:
        for path in timers.remove(plan):
            click.echo(f"Removed {path}")
        click.echo(f"To stop the timer itself, run: {plan.turn_off}")
        return
    assert every is not None
    days = timers.parse_every(every)
    for path in timers.install(plan, days):
        click.echo(f"Wrote {path}")
    click.echo(
        f"Every {days} days footprint re-checks, with the consent you gave for re-checks, and "
        "tells you only when something came back or is overdue."
    )
    click.echo(f"To turn the timer on, run: {plan.turn_on}")


def run_demo_recheck(out_dir: Path, formats: list[str]) -> None:
    """The body of `footprint demo --recheck`."""
    from footprint.plan.demoloop import run_demo_loop

    click.echo(
        "Demo: the fictional doctor's audit, its two page-leak actions marked done, the demo "
        'site switched to its "after" state, then a re-check. Nothing leaves this computer.'
    )
    loop = run_demo_loop(out_dir, formats, date.today())
    click.echo(f"\nMarked done: {', '.join(str(a.id) for a in loop.marked_done)}")
    click.echo("\nRe-check:")
    _show(loop.results)
    click.echo("\nThe plan now (the actions re-checked):")
    rechecked = {r.action_id for r in loop.results}
    for action in loop.plan.actions:
        if action.id in rechecked:
            click.echo("\n".join(action_lines(action)))
    for path in loop.written:
        click.echo(f"Report: {path}")
