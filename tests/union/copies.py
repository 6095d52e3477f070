"""Generated adviser copies for the union tests and benchmark: sealed, as footprint writes them."""

from __future__ import annotations

import random
from datetime import datetime, timezone

from footprint.model.vocab import Axis, Severity
from footprint.report.adviser import AdviserFinding, AdviserReport, sealed
from footprint.report.model import Level, Status

FINDINGS = [
    ("address.open-register", "Your address is in the open electoral register", Severity.HIGH),
    ("strava.home-on-map", "Your Strava maps show where you live", Severity.CRITICAL),
    ("facebook.profile-public", "Your Facebook profile is public", Severity.MEDIUM),
    ("contact.mobile-on-practice-page", "Your mobile is on a practice page", Severity.CRITICAL),
    ("registers.director-home", "Companies House shows your home address", Severity.HIGH),
    ("search.name-finds-home", "A search for your name finds your street", Severity.HIGH),
]


def adviser_copy(
    role: str = "gp",
    nation: str | None = "england",
    country: str = "GB",
    coverage: float | None = 0.5,
    findings: tuple[int, ...] = (0,),
    when: datetime | None = None,
    plan: dict[str, int] | None = None,
) -> AdviserReport:
    """A sealed adviser copy with the given groups and the findings at those indices."""
    listed = [
        AdviserFinding(
            source="checklist",
            ref=FINDINGS[i][0],
            title=FINDINGS[i][1],
            severity=FINDINGS[i][2],
            axis=Axis.LOCATABLE,
            status=Status.EXPOSED,
            steps=["A step from the catalogue."],
        )
        for i in findings
    ]
    copy = AdviserReport(
        generated_at=when or datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc),
        tool_version="0.1.0",
        adviser="A. Adviser",
        case="C-1",
        coverage=coverage,
        score=None,
        axes=dict.fromkeys(Axis, Level.UNKNOWN),
        counts=dict.fromkeys(Severity, 0),
        answered=10,
        asked=30,
        findings=listed,
        role=role,
        country=country,
        nation=nation,
        plan=plan,
    )
    return sealed(copy)


def random_copies(n: int, seed: int = 7) -> list[AdviserReport]:
    """`n` varied copies: roles, nations, quarters, coverage and findings drawn at random."""
    rng = random.Random(seed)
    roles = ["gp"] * 6 + ["hospital"] * 3 + ["private", "locum", "other"]
    nations = [("england", "GB")] * 8 + [("scotland", "GB"), ("wales", "GB")]
    nations += [("northern-ireland", "GB"), (None, "IE"), (None, "AU"), (None, "US")]
    out = []
    for _ in range(n):
        nation, country = rng.choice(nations)
        picked = tuple(sorted(rng.sample(range(len(FINDINGS)), rng.randint(0, 4))))
        month = rng.randint(1, 12)
        out.append(
            adviser_copy(
                role=rng.choice(roles),
                nation=nation,
                country=country,
                coverage=rng.random(),
                findings=picked,
                when=datetime(2026, month, 1, tzinfo=timezone.utc),
            )
        )
    return out
