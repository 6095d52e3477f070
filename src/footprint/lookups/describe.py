"""Describing every lookup for `footprint lookups`: what it sends, where, and readiness."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from footprint.lookups.registry import all_lookups
from footprint.model.profile import Profile
from footprint.util.settings import Settings

#: Used when no profile is given, to show the shape of each consent sentence.
EXAMPLE = Profile.model_validate(
    {
        "name": "Alex Example",
        "jurisdiction": "GB",
        "state": "NY",
        "locality": "Exampleton",
        "workplaces": [
            {
                "name": "Example Street Surgery",
                "town": "Exampleton",
                "url": "https://practice.example/team",
            }
        ],
        "platforms": ["facebook", "instagram"],
        "urls": ["https://clinic.example/about"],
        "usernames": {
            "github": "alexexample",
            "bluesky": "alexexample.bsky.social",
            "mastodon": "@alexexample@mastodon.example",
        },
        "domains": ["alexexample.co.uk"],
        "has_company": True,
        "private": {"emails": ["someone@example.org"]},
        "work": {"emails": ["alex.example@nhs.net"]},
    }
)


@dataclass(frozen=True)
class LookupRow:
    """One lookup, described."""

    id: str
    title: str
    sends: str
    plain: str
    hosts: list[str]
    key_env: str | None
    url_overridden: bool
    ready: bool
    not_ready_reason: str | None

    def as_dict(self) -> dict[str, object]:
        """For `--format json`."""
        return asdict(self)


def describe_lookups(settings: Settings, profile: Profile | None) -> list[LookupRow]:
    """Every built-in lookup, with what it would send for `profile` (or the example)."""
    who = profile or EXAMPLE
    rows = []
    for lookup in all_lookups(settings):
        reason = lookup.skip_reason(who)
        rows.append(
            LookupRow(
                id=lookup.id,
                title=lookup.title,
                sends=lookup.sends(who),
                plain=lookup.plain(who),
                hosts=sorted(lookup.hosts(who)),
                key_env=lookup.key_env,
                url_overridden=bool(lookup.service and settings.is_overridden(lookup.service)),
                ready=reason is None,
                not_ready_reason=reason,
            )
        )
    return rows
