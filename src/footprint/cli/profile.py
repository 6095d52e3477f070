"""`footprint profile init`: build a profile by answering a few questions."""

from __future__ import annotations

from pathlib import Path

import click

from footprint.profile import TITLES, Profile
from footprint.vocab import PLATFORMS, Jurisdiction, Role


def _list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


# What people type for a platform, when it is not the id itself.
_PLATFORM_ALIASES = {
    "twitter": "x",
    "x (twitter)": "x",
    "tinder": "dating",
    "hinge": "dating",
    "bumble": "dating",
    "google maps": "google",
    "maps": "google",
    "gmail": "google",
    "fb": "facebook",
    "insta": "instagram",
    "ig": "instagram",
}
# Countries by the names people use; the profile stores the ISO code.
_COUNTRY_ALIASES = {"UK": "GB", "ENGLAND": "GB", "SCOTLAND": "GB", "WALES": "GB", "USA": "US"}


def _country(text: str) -> str:
    code = text.strip().upper()
    code = _COUNTRY_ALIASES.get(code, code)
    if code not in {j.value for j in Jurisdiction}:
        raise click.BadParameter("type GB (UK), US, IE (Ireland) or AU (Australia)")
    return code


def _split_title(name: str) -> tuple[str | None, str]:
    """'Dr Jo Tester' -> ('Dr', 'Jo Tester'): people type the title with their name."""
    first, _, rest = name.strip().partition(" ")
    if rest.strip() and first.rstrip(".").lower() in TITLES:
        return first.rstrip("."), rest.strip()
    return None, name.strip()


def _platforms(text: str) -> list[str]:
    chosen: list[str] = []
    unknown: list[str] = []
    for word in _list(text):
        key = word.lower()
        platform = _PLATFORM_ALIASES.get(key, key)
        if platform in PLATFORMS:
            chosen.append(platform)
        else:
            unknown.append(word)
    if unknown:
        raise click.BadParameter(
            f"not recognised: {', '.join(unknown)}. Use the names listed above, separated by commas"
        )
    return list(dict.fromkeys(chosen))


def ask_profile() -> Profile:
    """Ask the questions that build a profile. Private details are optional."""
    click.secho("About you (used to plan the audit; nothing is sent yet)", bold=True)
    typed_title, name = _split_title(
        click.prompt("Your name as patients know it (e.g. Alex Example)")
    )
    title = click.prompt("Title patients use", default=typed_title or "Dr")
    role = click.prompt(
        "Your role",
        type=click.Choice([r.value for r in Role], case_sensitive=False),
        default=Role.GP.value,
    )
    jurisdiction = click.prompt(
        "Country where you practise (GB, US, IE, AU)",
        value_proc=_country,
        default=Jurisdiction.GB.value,
    )
    state = None
    if jurisdiction == Jurisdiction.US.value:
        state = click.prompt("US state code (e.g. NY)", default="", show_default=False) or None
    specialty = click.prompt("Specialty", default="", show_default=False) or None
    locality = click.prompt("Town or city where you work", default="", show_default=False) or None
    workplaces = _list(click.prompt("Workplaces, comma-separated", default="", show_default=False))
    click.echo(f"Apps and sites: {', '.join(PLATFORMS)}")
    platforms: list[str] = click.prompt(
        "Which of these do you use? Comma-separated (Enter for none)",
        default="",
        show_default=False,
        value_proc=_platforms,
    )
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
    from footprint.fsio import refuse_unsafe_target, write_private_file
    from footprint.profile import dump_profile

    refuse_unsafe_target(out)  # before the questions, not after them
    if out.exists() and not force:
        raise click.UsageError(f"{out} already exists; use --force to overwrite it.")
    built = ask_profile()
    write_private_file(out, dump_profile(built))
    click.echo(f"\nWrote {out} (readable by you only). Edit it any time, then run:")
    click.echo(f"  footprint audit --profile {out}")
