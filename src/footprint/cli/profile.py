"""`footprint profile init`: build a profile by answering a few questions."""

from __future__ import annotations

from pathlib import Path

import click

from footprint.profile import Profile
from footprint.vocab import PLATFORMS, Jurisdiction, Role


def _list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def ask_profile() -> Profile:
    """Ask the questions that build a profile. Private details are optional."""
    click.secho("About you (used to plan the audit; nothing is sent yet)", bold=True)
    name = click.prompt("Your name as patients know it (e.g. Alex Example)")
    title = click.prompt("Title patients use", default="Dr")
    role = click.prompt(
        "Your role", type=click.Choice([r.value for r in Role]), default=Role.GP.value
    )
    jurisdiction = click.prompt(
        "Country where you practise",
        type=click.Choice([j.value for j in Jurisdiction]),
        default=Jurisdiction.GB.value,
    )
    state = None
    if jurisdiction == Jurisdiction.US.value:
        state = click.prompt("US state code (e.g. NY)", default="", show_default=False) or None
    specialty = click.prompt("Specialty", default="", show_default=False) or None
    locality = click.prompt("Town or city where you work", default="", show_default=False) or None
    workplaces = _list(click.prompt("Workplaces, comma-separated", default="", show_default=False))
    click.echo(f"Platform ids: {', '.join(PLATFORMS)}")
    platforms = [
        p
        for p in _list(click.prompt("Platforms you use, comma-separated", default=""))
        if p in PLATFORMS
    ]
    urls = _list(
        click.prompt(
            "Web pages about you to check (practice team page...), comma-separated",
            default="",
            show_default=False,
        )
    )
    has_company = click.confirm("Are you a director of a company, LLP or charity?", default=False)
    click.secho("\nPrivate details: kept on this computer only, never sent.", bold=True)
    click.echo("They let footprint recognise your own details if it finds them on a page.")
    phones = _list(click.prompt("Personal mobile or home phone(s)", default="", show_default=False))
    emails = _list(click.prompt("Personal e-mail address(es)", default="", show_default=False))
    postcode = click.prompt("Home postcode / ZIP", default="", show_default=False) or None
    return Profile.model_validate(
        {
            "name": name,
            "title": title or None,
            "role": role,
            "jurisdiction": jurisdiction,
            "state": state,
            "specialty": specialty,
            "locality": locality,
            "workplaces": [{"name": w, "town": locality} for w in workplaces],
            "platforms": platforms,
            "urls": urls,
            "has_company": has_company,
            "private": {"phones": phones, "emails": emails, "home_postcode": postcode},
        }
    )


@click.group()
def profile() -> None:
    """Create the profile file an audit uses."""


@profile.command()
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    default=Path("profile.yaml"),
    show_default=True,
    help="Where to write the profile.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(out: Path, force: bool) -> None:
    """Ask a few questions and write a profile YAML file (owner-only)."""
    from footprint.paths import write_private
    from footprint.profile import dump_profile

    if out.exists() and not force:
        raise click.UsageError(f"{out} already exists; use --force to overwrite it.")
    built = ask_profile()
    write_private(out, dump_profile(built))
    click.echo(f"\nWrote {out} (readable by you only). Edit it any time, then run:")
    click.echo(f"  footprint audit --profile {out}")
