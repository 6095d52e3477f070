"""`footprint checklist list | show ID | review | validate [PATH..] | schema`."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import click

from footprint.errors import InputError


@click.group()
def checklist() -> None:
    """Browse and validate the checklists."""


@checklist.command("list")
@click.option("--area", help="Only this area or platform id (e.g. facebook, address).")
def list_items(area: str | None) -> None:
    """List every checklist item: id, severity and question."""
    from footprint.content.checklists import shipped_catalogue

    cat = shipped_catalogue()
    areas = [f.area for f in cat.files]
    if area and area not in areas:
        raise InputError(f"No checklist area '{area}'.", hint=f"Areas: {', '.join(areas)}.")
    for f in cat.files:
        if area and f.area != area:
            continue
        kind = "platform" if f.platform else "area"
        click.secho(f"\n{f.title}  ({f.area}, {kind}, {len(f.items)} items)", bold=True)
        for item in f.items:
            click.echo(f"  {item.id:<45} {item.severity.value:<8} {item.question}")
    click.echo(f"\n{len(cat.items)} items in {len(cat.files)} files.")


@checklist.command()
@click.argument("item_id")
def show(item_id: str) -> None:
    """Show one item in full: why, how to check, how to fix, sources."""
    from footprint.content.checklists import current_id, shipped_catalogue

    cat = shipped_catalogue()
    item = cat.items.get(current_id(item_id))
    if item is not None and item.id != item_id:
        click.echo(f"{item_id} was merged or renamed; it is now {item.id}.\n")
    if item is None:
        close = difflib.get_close_matches(item_id, list(cat.items), n=3)
        raise InputError(
            f"No checklist item '{item_id}'.",
            hint=(f"Did you mean {' or '.join(close)}? " if close else "")
            + "`footprint checklist list` shows every id.",
        )
    click.secho(item.question, bold=True)
    click.echo(f"finding: {item.finding}")
    click.echo(f"id: {item.id}   severity: {item.severity.value}   axis: {item.axis.value}")
    risky = item.exposed_when.capitalize()
    click.echo(f"the risky answer: {risky}   effort: {item.effort} min")
    click.echo(f"\nWhy it matters: {item.why}\n\nHow to check: {item.check}\n\nWhat to do:")
    for n, step in enumerate(item.fix, start=1):
        click.echo(f"  {n}. {step}")
    if item.guidance or item.links:
        click.echo("\nSources:")
    for gid in item.guidance:
        ref = cat.guidance[gid]
        click.echo(f"  Guidance: {ref.publisher}, {ref.title} ({ref.date}) {ref.url}")
    for link in item.links:
        click.echo(f"  Link: {link}")
    for source in item.sources:
        title = f"{source.title}, " if source.title else ""
        click.echo(
            f"  Checked against: {title}{source.url} (dated {source.date}, "
            f"checked {source.checked})"
        )
    click.echo(f"\nReviewed: {item.reviewed or 'not yet checked against a source'}")
    if item.last_confirmed:
        click.echo(f"Its sources are old or undated: last confirmed {item.last_confirmed}.")


@checklist.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A table to read, or JSON for scripts.",
)
def review(fmt: str) -> None:
    """List every item and guidance entry with its source dates, oldest first.

    Entries never checked against a source come first, then those whose sources are all
    undated, then the rest by the date of their newest source: the next review starts here.
    """
    from footprint.content.checklists import shipped_catalogue
    from footprint.content.review import review_record

    entries = review_record(shipped_catalogue())
    if fmt == "json":
        click.echo(json.dumps([e.as_dict() for e in entries], indent=2))
        return
    click.echo(f"{'newest source':<14} {'reviewed':<9} {'sources':>7}  {'kind':<8} id")
    for e in entries:
        newest = e.newest_source_date or ("undated" if e.sources else "none")
        note = f"  (last confirmed {e.last_confirmed})" if e.last_confirmed else ""
        click.echo(
            f"{newest:<14} {e.reviewed or '-':<9} {len(e.sources):>7}  {e.kind:<8} {e.id}{note}"
        )
    unchecked = sum(1 for e in entries if not e.sources)
    click.echo(f"\n{len(entries)} entries; {unchecked} never checked against a source.")


@checklist.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def validate(paths: tuple[Path, ...]) -> None:
    """Validate checklist files or folders (default: the shipped checklists).

    A folder is validated as a whole catalogue (guidance.yaml and response-plan.yaml
    included); a single file is checked against the shipped guidance references.
    """
    from footprint.content.checklists import load_catalogue, validate_file_against

    if not paths:
        cat = load_catalogue()
        click.echo(
            f"OK: {len(cat.files)} checklist files, {len(cat.items)} items, "
            f"{len(cat.guidance)} guidance references."
        )
        return
    for path in paths:
        if path.is_dir():
            cat = load_catalogue(path)
            click.echo(f"OK: {path}: {len(cat.files)} files, {len(cat.items)} items.")
        else:
            checked = validate_file_against(path)
            click.echo(f"OK: {path}: {len(checked.items)} items.")


@checklist.command()
def schema() -> None:
    """Print the JSON Schema of a checklist file."""
    from footprint.content.checklists import ChecklistFile

    click.echo(json.dumps(ChecklistFile.model_json_schema(), indent=2))
