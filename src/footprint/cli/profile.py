"""`footprint profile init`: build a profile by answering a few questions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from footprint.errors import ExitCode
from footprint.model.profile import (
    TITLES,
    Profile,
    check_domains,
    check_emails,
    check_phones,
    web_address,
)
from footprint.model.vocab import PLATFORMS, Jurisdiction, Role


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


# Platforms whose username a lookup uses (a profile check, or a ready-made link to check by hand).
USERNAME_PLATFORMS = ("bluesky", "mastodon", "github", "facebook", "instagram", "linkedin", "x")
_REGION_PROMPTS = {
    Jurisdiction.GB.value: "Where you live: england, wales, scotland or northern-ireland",
    Jurisdiction.US.value: "State where you live (code, e.g. NY)",
    Jurisdiction.AU.value: "State or territory where you live (code, e.g. NSW)",
}


def _checked(field: str, check: Callable[[list[str]], object]) -> Callable[[str], list[str]]:
    """A prompt's value_proc: split on commas, check, and name the field if it is wrong."""

    def proc(text: str) -> list[str]:
        values = _list(text)
        try:
            check(values)
        except ValueError as exc:
            raise click.BadParameter(f"{field}: {exc}") from None
        return values

    return proc


def _urls(values: list[str]) -> list[str]:
    return [web_address(v) for v in values]


def _optional(question: str, field: str, check: Callable[[list[str]], object]) -> list[str]:
    value: list[str] = click.prompt(
        question, default="", show_default=False, value_proc=_checked(field, check)
    )
    return value


def _usernames(platforms: list[str]) -> dict[str, str]:
    """Usernames on the chosen platforms that a lookup can use (Enter skips one)."""
    names = {}
    for platform in [p for p in USERNAME_PLATFORMS if p in platforms]:
        name = click.prompt(
            f"Your username on {PLATFORMS[platform]} (Enter to skip)",
            default="",
            show_default=False,
        ).strip()
        if name:
            names[platform] = name
    return names


def _region(jurisdiction: str) -> str | None:
    question = _REGION_PROMPTS.get(jurisdiction)
    if question is None:
        return None
    while True:
        text = click.prompt(question, default="", show_default=False).strip()
        try:
            return Profile.model_validate({"name": "Check Region", "region": text}).region
        except ValidationError:
            click.echo("  Type one of the names or codes shown (or press Enter to skip).")


def _essentials() -> dict[str, Any]:
    """Who you are and where you work: enough to plan the audit and search your name."""
    typed_title, name = _split_title(
        click.prompt("Your name as patients know it (e.g. Alex Example)")
    )
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
    region = _region(jurisdiction)
    locality = click.prompt("Town or city where you work", default="", show_default=False) or None
    workplaces = _list(
        click.prompt(
            "Your practice or hospital (more than one: commas)", default="", show_default=False
        )
    )
    page = _optional(
        "Its web page about you, e.g. the practice's team page (Enter to skip)",
        "Web page",
        _urls,
    )
    return {
        "name": name,
        "title": typed_title or "Dr",
        "role": role,
        "jurisdiction": jurisdiction,
        "region": region,
        "locality": locality,
        "workplaces": [
            {"name": w, "town": locality, "url": page[0] if page and n == 0 else None}
            for n, w in enumerate(workplaces)
        ],
        "urls": page if page and not workplaces else [],
    }


def _more(answers: dict[str, Any]) -> dict[str, Any]:
    """Everything else, all optional: each part lets footprint check a little more."""
    jurisdiction = answers["jurisdiction"]
    title = click.prompt("Title patients use", default=answers["title"])
    state = None
    if jurisdiction == Jurisdiction.US.value:
        state = click.prompt("US state code (e.g. NY)", default="", show_default=False) or None
    specialty = click.prompt("Specialty", default="", show_default=False) or None
    click.echo(f"Apps and sites: {', '.join(PLATFORMS)}")
    platforms: list[str] = click.prompt(
        "Which of these do you use? Comma-separated (Enter for none)",
        default="",
        show_default=False,
        value_proc=_platforms,
    )
    usernames = _usernames(platforms)
    urls = _optional("Other web pages about you to check, comma-separated", "Web pages", _urls)
    domains = _optional(
        "Web domains you own (e.g. alexexample.co.uk), comma-separated",
        "Domains",
        check_domains,
    )
    work_emails = _optional("Work e-mail address(es)", "Work e-mail", check_emails)
    work_phones = _optional(
        "Work phone number(s) (practice or switchboard)",
        "Work phone",
        lambda v: check_phones(v, jurisdiction),
    )
    has_company = click.confirm("Are you a director of a company, LLP or charity?", default=False)
    click.secho("\nPrivate details: kept on this computer only, never sent.", bold=True)
    click.echo("They let footprint recognise your own details if it finds them on a page.")
    phones = _optional(
        "Personal mobile or home phone(s)",
        "Personal phone",
        lambda v: check_phones(v, jurisdiction),
    )
    emails = _optional("Personal e-mail address(es)", "Personal e-mail", check_emails)
    postcode = click.prompt("Home postcode / ZIP", default="", show_default=False) or None
    return {
        **answers,
        "title": title or None,
        "state": state,
        "specialty": specialty,
        "platforms": platforms,
        "usernames": usernames,
        "urls": [*answers["urls"], *urls],
        "domains": domains,
        "has_company": has_company,
        "private": {"phones": phones, "emails": emails, "home_postcode": postcode},
        "work": {"phones": work_phones, "emails": work_emails},
    }


MORE = (
    "Add more now? Title, specialty, the apps and sites you use, other pages, e-mail addresses "
    "and phone numbers each let footprint check a little more"
)


def ask_profile() -> Profile:
    """The essentials first; the rest only if the person wants to add it now."""
    click.secho("About you (used to plan the audit; nothing is sent yet)", bold=True)
    answers = _essentials()
    if click.confirm(MORE, default=False):
        answers = _more(answers)
    return Profile.model_validate(answers)


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
    from footprint.model.profile import dump_profile
    from footprint.util.fsio import refuse_unsafe_target, write_private_file

    refuse_unsafe_target(out)  # before the questions, not after them
    if out.exists() and not force:
        raise click.UsageError(f"{out} already exists; use --force to overwrite it.")
    try:
        built = ask_profile()
    except (KeyboardInterrupt, click.exceptions.Abort):
        # The file is written only at the end, so there is truly nothing to keep.
        click.echo(f"\nStopped. Nothing was saved: {out} was not written.", err=True)
        raise click.exceptions.Exit(ExitCode.INTERRUPTED) from None
    write_private_file(out, dump_profile(built))
    click.echo(f"\nWrote {out} (readable by you only). Edit it any time, then run:")
    click.echo(f"  footprint audit --profile {out}")
