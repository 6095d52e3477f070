"""`footprint scan TARGET... [--profile FILE] [--region CC] [--format table|json] [--allow-private]
[--follow-results]`.

Naming a target is the consent for fetching it; nothing else is sent. The core is
`footprint.lookups.pages.scanner`; this module only parses options and prints.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from footprint.errors import FootprintError, InputError

if TYPE_CHECKING:
    from footprint.lookups.pages.scanner import ScanResult


def _region(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    import phonenumbers

    code = value.strip().upper()
    code = "GB" if code == "UK" else code  # the ISO code is GB; people type UK
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise click.BadParameter(f"{value!r} is not a country code such as GB, US, IE or AU")
    return code


@click.command()
@click.argument("targets", nargs=-1, required=True)
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Your profile: marks your own private and work details on the pages.",
)
@click.option(
    "--region",
    callback=_region,
    help="Country for reading national phone numbers (default: the profile's, else GB).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Also fetch intranet and local addresses (private and loopback networks).",
)
@click.option(
    "--follow-results",
    is_flag=True,
    help="For a saved Google, Bing or DuckDuckGo results page: also fetch and scan the pages "
    "it lists (not social networks, registers or people-search sites).",
)
def scan(
    targets: tuple[str, ...],
    profile_path: Path | None,
    region: str | None,
    fmt: str,
    allow_private: bool,
    follow_results: bool,
) -> None:
    """Find contact details on web pages or saved HTML files.

    TARGET is a web address (https://practice.example/team) or a local HTML file. Only the
    pages you name are fetched; your profile, if given, never leaves this computer.
    Exits with 1 if none of them could be checked.

    A results page you saved from your own browser after searching your name (Google, Bing
    or DuckDuckGo: "Save page as", HTML) is recognised: its results are listed with what
    kind of site each is. Add --follow-results to scan those pages too.
    """
    from footprint.lookups.pages.scanner import scan as run_scan
    from footprint.model.profile import load_profile

    if profile_path is not None and not profile_path.is_file():
        raise InputError(
            f"profile file {str(profile_path)!r} not found",
            hint="Create one with `footprint profile init`, or leave out --profile.",
        )
    profile = load_profile(profile_path) if profile_path else None
    _refuse_binary_files(targets)
    results = run_scan(
        targets,
        region=region,
        profile=profile,
        allow_private=allow_private,
        follow_results=follow_results,
    )
    if fmt == "json":
        click.echo(
            json.dumps([r.model_dump(mode="json") for r in results], indent=2, ensure_ascii=False)
        )
    else:
        _print_table(results, with_profile=profile is not None)
        _print_results_pages(results, followed=follow_results)
    _fail_if_nothing_checked(results)


def _refuse_binary_files(targets: tuple[str, ...]) -> None:
    """InputError for a local file that is not text (a PDF, an image): its bytes read as
    text would give made-up postcodes and numbers."""
    from footprint.util.fsio import binary_kind, read_head

    for target in targets:
        path = Path(target)
        if not path.is_file():
            continue  # a web address, or a missing file: the scan itself says so
        kind = binary_kind(read_head(path))
        if kind is not None:
            raise InputError(
                f"{target} is {kind}, not a saved web page; footprint scans HTML or text only.",
                hint='In your browser, open the page and use "Save page as" (HTML), then scan '
                "that file.",
            )


def _fail_if_nothing_checked(results: list[ScanResult]) -> None:
    """Exit 1 (after the output) when no target could be checked: nothing was done.

    One checked target is enough for exit 0: the output says which of the others failed.
    """
    from footprint.model.observation import Outcome

    if any(r.outcome != Outcome.COULDNT_CHECK for r in results):
        return
    if len(results) == 1:
        raise FootprintError("couldn't check the page (the reason is above)")
    raise FootprintError(f"couldn't check any of the {len(results)} pages (the reasons are above)")


_OUTCOME = {
    "found": ("contact details found", "bold"),
    "not_found": ("no contact details found", "green"),
    "couldnt_check": ("couldn't check", "bold yellow"),
}


def _print_table(results: list[ScanResult], *, with_profile: bool) -> None:
    from rich.console import Console
    from rich.markup import escape as escape_markup
    from rich.table import Table

    from footprint.detect.text import strip_controls

    def escape(text: str) -> str:
        # Page text and server answers are printed: no markup and no terminal control codes.
        return escape_markup(strip_controls(text))

    console = Console(highlight=False)
    for result in results:
        label, style = _OUTCOME.get(str(result.outcome), (str(result.outcome), ""))
        console.print(f"\n[bold]{escape(result.target)}[/bold]")
        reason = f": {escape(result.reason)}" if result.reason else ""
        console.print(f"  [{style}]{label}{reason}[/{style}]")
        if result.final_url and result.final_url != result.target:
            console.print(f"  (ended at {escape(result.final_url)})")
        if not result.contacts:
            continue
        table = Table(show_edge=False, pad_edge=False)
        for column in ("Kind", "Value", "Type", "Yours?", "Context"):
            table.add_column(column, overflow="fold")
        for c in result.contacts:
            table.add_row(
                str(c.kind),
                escape(c.value),
                str(c.phone_type or ""),
                _mark(c.matches, c.review),
                escape(c.context),
            )
        console.print(table)
    private = sum(c.matches == "private" for r in results for c in r.contacts)
    if private:
        console.print(
            f"\n[bold red]{private} of your private details are on these pages.[/bold red] "
            "Ask whoever runs each page to remove them."
        )
    if not with_profile:
        console.print("\nTip: add --profile FILE to mark which details are your own.")


def _mark(matches: str | None, review: bool) -> str:
    if matches == "private":
        return "[bold red]PRIVATE[/bold red]"
    if matches == "work":
        return "[green]work[/green]"
    return "[yellow]to review[/yellow]" if review else ""


def _print_results_pages(results: list[ScanResult], *, followed: bool) -> None:
    """For each saved search-results page: its results, ranked, with the kind of site."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(highlight=False)
    for result in results:
        page = result.results_page
        if page is None:
            continue
        searched = f" (searched: {escape(page.query)})" if page.query else ""
        console.print(
            f"\n[bold]{escape(result.target)}[/bold] is a saved {escape(page.engine)} results "
            f"page{searched}: {len(page.results)} results"
        )
        table = Table(show_edge=False, pad_edge=False)
        for column in ("#", "Site", "Kind", "Address"):
            table.add_column(column, overflow="fold")
        for item in page.results:
            table.add_row(
                str(item.rank),
                escape(item.site or "-"),
                escape(item.category or "not in our list"),
                escape(item.url),
            )
        console.print(table)
        if page.to_follow() and not followed:
            console.print(
                f"Add --follow-results to scan these {len(page.to_follow())} pages for your "
                "details too (social networks, registers and people-search sites are not "
                "opened: check those by hand)."
            )
