"""`footprint log export | verify [FILE] | timestamp`: handing the log over, and checking it.

Thin: options in, `footprint.log` does the work and words the results, lines out.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from footprint.errors import ExitCode

TONES = {"bad": {"fg": "red", "bold": True}, "good": {"fg": "green", "bold": True},
         "warn": {"fg": "yellow"}, "plain": {}}  # fmt: skip


@click.command()
@click.option(
    "--format",
    "formats",
    default="html,json,csv",
    show_default=True,
    help="Any of html, pdf, json, csv.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write to (default: a new folder contact-log-DATE-TIME here).",
)
@click.option("--name", default="", help="Your name as you want it shown.")
@click.option("--details", default="", help="Other details to show, e.g. GMC number and workplace.")
@click.option("--about", default="", help="Who the contacts are from, as you want it shown.")
def export(formats: str, out_dir: Path | None, name: str, details: str, about: str) -> None:
    """Write the log for the police or your defence union (owner-only files).

    A log that no longer checks is still exported in full, with the damage marked.
    """
    from footprint.cli.logprompts import warn
    from footprint.log.database import LogStore
    from footprint.log.export import DoctorDetails, build, parse_formats, write
    from footprint.log.verdict import receipt_line

    chosen = parse_formats(formats)
    out_dir = out_dir or Path(f"contact-log-{datetime.now():%Y-%m-%d-%H%M}")
    with LogStore(read_only=True) as store:  # works from read-only media too
        built = build(store, DoctorDetails(name, details, about))
        paths = write(built, store, out_dir, chosen)
    for path in paths:
        click.echo(f"Wrote {path.resolve()}")
    if built.damage is not None:
        warn(
            f"Your log is not intact: {built.damage}. Everything was exported, with this marked "
            f"on the first page; the final digest covers entries 1 to {built.sealed_entries} only."
        )
    click.echo(f"Final digest (on every page): {built.head}")
    click.echo(receipt_line(built.sealed_entries, built.head))


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--digest", "expected", help="The final digest printed on a copy, to match against.")
@click.option("--receipt", help="A receipt footprint printed earlier, e.g. 19-7KQ2-M8ZD-41XA-9QPR.")
@click.option(
    "--tsa-root", "roots", multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The timestamping service's root certificate, to check its timestamps against.",
)  # fmt: skip
def verify(
    file: Path | None, expected: str | None, receipt: str | None, roots: tuple[Path, ...]
) -> None:
    """Check the log (or an exported contact-log.json) has not been changed. Exit 1 if it has."""
    from footprint.log.checking import check_export, check_log, read_roots
    from footprint.log.receipt import parse_receipt

    given = parse_receipt(receipt) if receipt is not None else None
    trusted = read_roots(roots)
    if file is not None:
        verdict = check_export(file, digest=expected, receipt=given, roots=trusted)
    else:
        from footprint.log.database import LogStore

        with LogStore(read_only=True) as store:
            verdict = check_log(store, digest=expected, receipt=given, roots=trusted)
    for tone, text in verdict.lines:
        click.secho(text, **TONES[tone])  # type: ignore[arg-type]
    raise click.exceptions.Exit(int(ExitCode.OK if verdict.ok else ExitCode.ERROR))


@click.command()
@click.option("--tsa", "service", help="The RFC 3161 service's address (default: FreeTSA).")
@click.option(
    "--consent", type=click.Choice(["yes", "no"]),
    help="Agree (or not) without being asked: the question below is what you agree to.",
)  # fmt: skip
def timestamp(service: str | None, consent: str | None) -> None:
    """Ask a public timestamping service to timestamp your log (only a hash is sent).

    The signed reply is kept with your log and in every export; `log verify` checks it, so
    anyone can see your entries existed by that date.
    """
    from footprint.log.database import LogStore
    from footprint.log.timestamp import DEFAULT_SERVICE
    from footprint.log.tsa import consent_question, request_timestamp
    from footprint.model.consent import INTERACTIVE, decide
    from footprint.net.client import HttpClient

    service = service or DEFAULT_SERVICE
    question = consent_question(service)
    with LogStore() as store:  # a log that cannot be written to is said before asking
        how = INTERACTIVE if consent is None else f"--consent {consent}"
        click.echo(question.sentence)
        if consent is None:
            consent = "yes" if click.confirm("Send it?", default=False) else "no"
        grant = decide(question, consent == "yes", granted_by="the doctor", how=how)
        if not grant.granted:
            click.echo("Nothing was sent.")
            return
        with HttpClient() as client:
            stamp = request_timestamp(store, client, service, grant)
    click.echo(
        f"Timestamp kept with your log: {service} signed the fingerprint of your first "
        f"{stamp.entries} entries. `footprint log verify` checks it; every export carries it."
    )
