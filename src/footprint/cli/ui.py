"""`footprint ui`: start the local browser UI, print its address, wait until it stops."""

from __future__ import annotations

import tempfile
import webbrowser
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from footprint.ui import RunningUi


def _open_in_browser(url: str) -> Path | None:
    """Open the address through an owner-only redirect file, as Jupyter does.

    Handing the address itself to the browser puts the one-time secret on a command line,
    where another user of this computer could read it and use it first.
    """
    from footprint.util.fsio import write_private_file
    from footprint.util.paths import data_dir

    page = data_dir() / "ui-open.html"
    write_private_file(
        page,
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="0;url={url}"><title>footprint</title></head>'
        f'<body><p><a href="{url}">Open footprint</a></p></body></html>',
    )
    if not webbrowser.open(page.as_uri()):
        click.echo("(No browser could be opened: copy the address into one.)")
    return page


def _claim_or_stop(running: RunningUi, folder: Path, *, demo: bool) -> None:
    """One `footprint ui` per audit store (see `footprint.ui.running`): a second one stops
    before its address is printed, and says where the first one is."""
    from footprint.errors import FootprintError
    from footprint.ui.running import claim

    other = claim(folder, running.server.port, demo=demo)
    if other is not None:
        running.close()
        raise FootprintError(
            other.already_open(), hint="Only one footprint can work on your saved audits at once."
        )


@click.command()
@click.option("--no-browser", is_flag=True, help="Print the address; don't open a browser.")
@click.option(
    "--out",
    "reports_base",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("reports"),
    show_default=True,
    help="Folder for reports (each audit gets its own folder inside).",
)
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Port (default: a free one)."
)
@click.option("--no-store", is_flag=True, help="Keep nothing on this computer but the report.")
@click.option("--demo", is_flag=True, help="Try it on a fictional doctor against local demo pages.")
def ui(no_browser: bool, reports_base: Path, port: int, no_store: bool, demo: bool) -> None:
    """The audit in your own browser, on this computer only (127.0.0.1).

    Prints an address that works once; open it in your browser (footprint opens it for you
    unless --no-browser). footprint stops when you press "Finish and close", on Ctrl-C, or
    after 30 minutes with nothing happening. Your answers are saved as you give them.
    """
    from footprint.audit.desk import AuditDesk
    from footprint.ui import start_ui
    from footprint.ui.controller import UiOptions
    from footprint.ui.running import release
    from footprint.util.settings import Settings

    with ExitStack() as stack:
        settings, preset, granted_by = Settings.load(), None, None
        if demo:
            from footprint.demo.run import demo_environment

            env = stack.enter_context(demo_environment())
            settings, preset, granted_by = env.settings, env.profile, env.granted_by
        desk = stack.enter_context(AuditDesk.open(stored=not no_store, demo=demo))
        # The demo's contact log is a practice one, gone when footprint stops.
        practice = tempfile.TemporaryDirectory(prefix="footprint-demo-log-") if demo else None
        options = UiOptions(
            settings=settings,
            store=desk.store,
            reports_base=reports_base,
            preset_profile=preset,
            granted_by=granted_by,
            log_folder=Path(stack.enter_context(practice)) if practice else None,
        )
        running = start_ui(options, port)
        folder = desk.path.parent if desk.path is not None else None
        if folder is not None:
            _claim_or_stop(running, folder, demo=demo)
            stack.callback(release, folder, demo=demo)
        opener: Path | None = None
        try:
            click.echo("footprint is running on this computer only, at:\n")
            click.secho(f"  {running.url}\n", bold=True)
            click.echo(
                "The address works once. Stop with “Finish and close” in the page or Ctrl-C; "
                "after 30 minutes with nothing happening it stops by itself."
            )
            if not no_browser:
                opener = _open_in_browser(running.url)
            reason = running.wait()
        finally:
            running.close()
            if opener is not None:
                opener.unlink(missing_ok=True)
        click.echo(f"\nfootprint stopped: {reason}.")
        if running.audit.deleted_old:
            click.echo(
                f"Deleted {running.audit.deleted_old} session(s) past their retention period."
            )
        if running.audit.out_dir is not None and running.audit.outputs is not None:
            click.echo(f"Your report is in {running.audit.out_dir}")
        elif running.audit.engine is not None and running.audit.engine.session_id:
            click.echo("Your answers are kept: run `footprint ui` again to carry on.")
