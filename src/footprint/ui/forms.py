"""The profile form: the same fields and checks as `footprint profile init`, from a web form.

The form is turned into the same dictionary a profile file holds and validated by the same
`Profile` model, so a check added there (phones parsed for the jurisdiction, e-mails, URLs)
applies here too. Errors come back per field, in plain words, for the page to show beside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from pydantic import ValidationError

from footprint.errors import ProfileError
from footprint.model.profile import Profile
from footprint.model.vocab import PLATFORMS
from footprint.util.yamlio import parse_yaml

MAX_PROFILE_BYTES = 1_000_000
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
WORKPLACE_ROWS = 3

# Form field -> what the page calls it (errors name fields as labelled), in page order.
FIELD_LABELS: dict[str, str] = {
    "name": "Your name as patients know it",
    "role": "Your role",
    "jurisdiction": "Country where you practise",
    "region": "Where in the country you live",
    "locality": "Town or city where you work",
    "workplace_0_name": "Your practice or hospital",
    "workplace_0_url": "Its page about you",
    "title": "Title patients use",
    "specialty": "Specialty",
    "state": "US state where you are registered",
    **{
        f"workplace_{n}_{part}": f"Workplace {n + 1}: {words}"
        for n in range(1, WORKPLACE_ROWS)
        for part, words in (("name", "name"), ("town", "town"), ("url", "its page about you"))
    },
    "work.emails": "Work e-mail addresses",
    "work.phones": "Work phone numbers",
    "platforms": "Apps and sites you use",
    "usernames": "Your usernames",
    "urls": "Other web pages about you",
    "domains": "Web domains you own",
    "private.phones": "Personal mobile or home phone numbers",
    "private.emails": "Personal e-mail addresses",
    "private.home_postcode": "Home postcode or ZIP code",
    "private.home_street": "Home street",
}

# The optional parts of the page, closed unless one of their fields has an error.
SECTIONS: dict[str, tuple[str, ...]] = {
    "work": (
        "title",
        "specialty",
        "state",
        *(f"workplace_{n}_{p}" for n in range(1, WORKPLACE_ROWS) for p in ("name", "town", "url")),
        "work.emails",
        "work.phones",
    ),
    "apps": ("platforms", "usernames"),
    "pages": ("urls", "domains"),
    "private": (
        "private.phones",
        "private.emails",
        "private.home_postcode",
        "private.home_street",
    ),
}

#: Fields shown only to doctors in some countries (the rest never see them).
COUNTRY_FIELDS: dict[str, tuple[str, ...]] = {"state": ("US",), "region": ("GB", "US", "AU")}


@dataclass
class ProfileForm:
    """What the doctor typed, what was wrong with it, and what footprint changed (said)."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    profile: Profile | None = None
    notices: list[str] = field(default_factory=list)

    def open_sections(self) -> set[str]:
        """The optional parts to show open: those with an error in them."""
        return {name for name, keys in SECTIONS.items() if any(k in self.errors for k in keys)}


def _lines(text: str | None) -> list[str]:
    """One value per line or comma: people paste lists either way."""
    if not text:
        return []
    parts = [p.strip() for chunk in text.splitlines() for p in chunk.split(",")]
    return [p for p in parts if p]


def _text(form: Mapping[str, str], key: str) -> str | None:
    value = (form.get(key) or "").strip()
    return value or None


def _secure(url: str | None, label: str, notices: list[str]) -> str | None:
    """An http:// address becomes https://, and the page says so: pages are read over an
    encrypted connection, and nearly every site answers both. A page on this computer (the
    demo's) is left as it is: nothing crosses a network to reach it."""
    host = (urlsplit(url).hostname or "") if url else ""
    if url and url.lower().startswith("http://") and host not in LOCAL_HOSTS:
        url = "https://" + url[len("http://") :]
        notices.append(
            f"{label}: footprint changed http:// to https:// ({url}), so the page is read over "
            "an encrypted connection. Nearly every site answers both; if this one does not, "
            "footprint will say it could not check it."
        )
    return url


def profile_data(
    form: Mapping[str, str], platforms: list[str], notices: list[str] | None = None
) -> dict[str, Any]:
    """The profile dictionary a form describes (before validation); `notices` collects what
    was changed on the way (http:// made https://)."""
    said = notices if notices is not None else []
    workplaces = []
    for n in range(WORKPLACE_ROWS):
        name = _text(form, f"workplace_{n}_name")
        url = _text(form, f"workplace_{n}_url")
        if name or url:  # a page without a name is kept, to be asked about, not dropped
            workplaces.append(
                {
                    "name": name,
                    "town": _text(form, f"workplace_{n}_town") or _text(form, "locality"),
                    "url": _secure(url, FIELD_LABELS[f"workplace_{n}_url"], said),
                }
            )
    usernames = {p: u for p in PLATFORMS if (u := _text(form, f"username_{p}"))}
    urls = [_secure(u, FIELD_LABELS["urls"], said) or u for u in _lines(form.get("urls"))]
    jurisdiction = _text(form, "jurisdiction") or "GB"
    return {
        "name": _text(form, "name") or "",
        "title": _text(form, "title"),
        "role": _text(form, "role") or "other",
        "specialty": _text(form, "specialty"),
        "jurisdiction": jurisdiction,
        "region": _text(form, "region") if _shown("region", jurisdiction) else None,
        "state": _text(form, "state") if _shown("state", jurisdiction) else None,
        "locality": _text(form, "locality"),
        "workplaces": workplaces,
        "platforms": [p for p in platforms if p in PLATFORMS],
        "usernames": usernames,
        "urls": urls,
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


def _shown(key: str, jurisdiction: str) -> bool:
    """Whether the page shows this field to a doctor in `jurisdiction` (a US state field is
    never asked of, nor kept for, a doctor in the UK)."""
    countries = COUNTRY_FIELDS.get(key)
    return countries is None or jurisdiction.upper() in countries


def field_of(loc: tuple[int | str, ...], message: str) -> tuple[str, str]:
    """The form field an error belongs to, and its message without internal names.

    `('private',)` with "phones: ..." -> `private.phones`; `('workplaces', 0, 'url')` ->
    `workplace_0_url`; `('usernames', 'x')` -> `usernames`.
    """
    names = [str(part) for part in loc]
    head = names[0] if names else "name"
    if head in ("work", "private"):
        if len(names) > 1:
            return f"{head}.{names[1]}", message
        inner, _, rest = message.partition(": ")
        if rest and f"{head}.{inner}" in FIELD_LABELS:
            return f"{head}.{inner}", rest
        return f"{head}.phones", message
    if head == "workplaces" and len(names) > 2 and names[1].isdigit():
        key = f"workplace_{names[1]}_{names[2]}"
        return (key if key in FIELD_LABELS else f"workplace_{names[1]}_name"), message
    if head == "workplaces":
        return "workplace_0_name", message
    return (head if head in FIELD_LABELS else "name"), message


def _in_page_order(errors: dict[str, str]) -> dict[str, str]:
    order = list(FIELD_LABELS)
    return dict(sorted(errors.items(), key=lambda kv: order.index(kv[0])))


def validate_profile(data: dict[str, Any]) -> ProfileForm:
    """Validate with the Profile model: every error at once, keyed by form field, in plain
    words and in the order of the page."""
    result = ProfileForm(values=data)
    if not str(data.get("name", "")).strip():
        result.errors["name"] = "Type your name, as patients know it."
    for n, place in enumerate(data.get("workplaces") or []):
        if isinstance(place, dict) and not place.get("name"):
            result.errors[f"workplace_{n}_name"] = "Type the name of the place this page is about."
    said_plainly = set(result.errors)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            message = str(error["msg"]).removeprefix("Value error, ")
            key, message = field_of(tuple(error["loc"]), message)
            if key in said_plainly:  # the model's words for an empty field add nothing
                continue
            if key in result.errors:
                result.errors[key] += f" {message[:1].upper()}{message[1:]}"
            else:
                result.errors[key] = message[:1].upper() + message[1:]
    else:
        if not result.errors:
            result.profile = profile
    result.errors = _in_page_order(result.errors)
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
        said = "; ".join(f"{FIELD_LABELS[key]}: {msg}" for key, msg in checked.errors.items())
        checked.errors = {"file": f"In the file, {said}"}
    return checked
