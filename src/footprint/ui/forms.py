"""The profile form: the same fields and checks as `footprint profile init`, from a web form.

The form is turned into the same dictionary a profile file holds and validated by the same
`Profile` model, so a check added there (phones parsed for the jurisdiction, e-mails, URLs)
applies here too. Errors come back per field, in plain words, for the page to show beside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from footprint.errors import ProfileError
from footprint.model.profile import Profile
from footprint.model.vocab import PLATFORMS
from footprint.util.yamlio import parse_yaml

MAX_PROFILE_BYTES = 1_000_000
WORKPLACE_ROWS = 3

# Form field -> where it goes in the profile, and what the page calls it.
FIELD_LABELS: dict[str, str] = {
    "name": "Your name as patients know it",
    "title": "Title patients use",
    "role": "Your role",
    "specialty": "Specialty",
    "jurisdiction": "Country where you practise",
    "region": "Where in the country you live",
    "state": "US state where you are registered",
    "locality": "Town or city where you work",
    "platforms": "Apps and sites you use",
    "urls": "Web pages about you",
    "domains": "Web domains you own",
    "work.emails": "Work e-mail addresses",
    "work.phones": "Work phone numbers",
    "private.emails": "Personal e-mail addresses",
    "private.phones": "Personal mobile or home phone numbers",
    "private.home_postcode": "Home postcode or ZIP code",
    "private.home_street": "Home street",
}


@dataclass
class ProfileForm:
    """What the doctor typed, and what was wrong with it."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    profile: Profile | None = None


def _lines(text: str | None) -> list[str]:
    """One value per line or comma: people paste lists either way."""
    if not text:
        return []
    parts = [p.strip() for chunk in text.splitlines() for p in chunk.split(",")]
    return [p for p in parts if p]


def _text(form: Mapping[str, str], key: str) -> str | None:
    value = (form.get(key) or "").strip()
    return value or None


def profile_data(form: Mapping[str, str], platforms: list[str]) -> dict[str, Any]:
    """The profile dictionary a form describes (before validation)."""
    workplaces = []
    for n in range(WORKPLACE_ROWS):
        name = _text(form, f"workplace_{n}_name")
        if name:
            workplaces.append(
                {
                    "name": name,
                    "town": _text(form, f"workplace_{n}_town") or _text(form, "locality"),
                    "url": _text(form, f"workplace_{n}_url"),
                }
            )
    usernames = {p: u for p in PLATFORMS if (u := _text(form, f"username_{p}"))}
    return {
        "name": _text(form, "name") or "",
        "title": _text(form, "title"),
        "role": _text(form, "role") or "other",
        "specialty": _text(form, "specialty"),
        "jurisdiction": _text(form, "jurisdiction") or "GB",
        "region": _text(form, "region"),
        "state": _text(form, "state"),
        "locality": _text(form, "locality"),
        "workplaces": workplaces,
        "platforms": [p for p in platforms if p in PLATFORMS],
        "usernames": usernames,
        "urls": _lines(form.get("urls")),
        "domains": _lines(form.get("domains")),
        "has_company": form.get("has_company") == "yes",
        "work": {
            "emails": _lines(form.get("work_emails")),
            "phones": _lines(form.get("work_phones")),
        },
        "private": {
            "emails": _lines(form.get("private_emails")),
            "phones": _lines(form.get("private_phones")),
            "home_postcode": _text(form, "private_home_postcode"),
            "home_street": _text(form, "private_home_street"),
        },
    }


def _field_of(loc: tuple[int | str, ...]) -> str:
    """`('private', 'phones', 0)` -> `private.phones`: the form field the error belongs to."""
    names = [str(part) for part in loc if not isinstance(part, int)]
    if names and names[0] == "workplaces":
        return "workplaces"
    if names and names[0] == "usernames":
        return "usernames"
    return ".".join(names[:2]) if names and names[0] in ("work", "private") else names[0]


def validate_profile(data: dict[str, Any]) -> ProfileForm:
    """Validate with the Profile model; errors keyed by form field, in plain words."""
    result = ProfileForm(values=data)
    try:
        result.profile = Profile.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            key = _field_of(tuple(error["loc"])) if error["loc"] else "name"
            message = str(error["msg"]).removeprefix("Value error, ")
            result.errors.setdefault(key, message)
    return result


def profile_from_upload(raw: bytes) -> ProfileForm:
    """A profile file the doctor chose: size-checked, parsed safely, validated."""
    if len(raw) > MAX_PROFILE_BYTES:
        return ProfileForm(errors={"file": "This file is over 1 MB: it is not a profile file."})
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return ProfileForm(
            errors={"file": "This file is not UTF-8 text: it is not a profile file."}
        )
    try:
        # The same reader as `--profile`: bounded nesting, repeated keys refused.
        data = parse_yaml(text, "The file", ProfileError)
    except ProfileError as exc:
        return ProfileForm(errors={"file": exc.message})
    if not isinstance(data, dict):
        return ProfileForm(errors={"file": "This file does not hold a profile."})
    checked = validate_profile(data)
    if checked.errors:
        first = next(iter(checked.errors.items()))
        checked.errors = {"file": f"In the file, {first[0]}: {first[1]}"}
    return checked
