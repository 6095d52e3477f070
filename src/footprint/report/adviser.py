"""The adviser copy: a small report built by allow-listing, never by scrubbing a full copy.

A defence-union adviser files this copy, so it must hold no raw personal identifier. Scrubbing
a full report cannot promise that: a town called "Ely", a handle "lw1", a name part "Li" or a
host in a lookup error slips past any list of things to remove, and rewriting every string
broke reports for doctors whose names are ordinary words. So this copy is built the other way
round: from the member's report it takes only

- what the adviser typed (adviser name, case reference) and the date;
- numbers and vocabulary: coverage, score, axis levels, counts, severities, statuses;
- text we wrote, looked up by id in a static catalogue: a checklist item's finding (a
  statement, "Your home address is on ..."), question and fix steps (from the shipped checklists, never the report's copy of them) and a lookup's title
  (from the lookup classes, passed in by the caller as `lookup_titles`, never an instance
  title that may quote a page or a name), with what it exposes in our words when its id
  says ("home address");
- the consent record reduced to lookup, decision, who and when (never what was sent or where);
- the questions left to finish at home, again from the catalogue, and the areas the member
  said they don't use (the catalogue's area titles);
- the member's role and country (and UK nation), so a union can count by them: coarse groups
  shared by thousands of doctors, and shown only above the union statistics' small-number floor.

Each copy is sealed: `digest` is the SHA-256 of its canonical JSON without the digest, so the
union can tell a copy was not edited (`check_seal`). A seal proves the copy is unchanged since
footprint wrote it, not who wrote it: anyone with footprint can make a new sealed copy.

Anything not on that list cannot reach the adviser, whatever the profile holds.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from footprint.content.checklists import Catalogue, shipped_catalogue
from footprint.model.consent import ConsentRecord
from footprint.model.observation import Outcome
from footprint.model.vocab import Axis, Severity
from footprint.report.model import Finding, Level, LookupSummary, Report, Status

ADVISER_SCHEMA_VERSION = "1.1"  # 1.1: role, country, nation and the digest
#: Shown for a lookup this version of footprint does not know (its id could say anything).
OTHER_LOOKUP = ("other", "Another check")
#: Shown for a checklist finding whose id is not in the shipped catalogue.
UNKNOWN_ITEM = ("unknown", "A checklist item this version of footprint does not know")
_OUTCOMES = frozenset(o.value for o in Outcome)
#: What a lookup finding exposes, by the last part of its id (exposure keys are stable and
#: never personal). Only these words are printed, never the id itself.
EXPOSES = {
    "home-address": "home address",
    "personal-phone": "personal phone number",
    "personal-email": "personal e-mail address",
    "birth-month": "month and year of birth",
    "listed-address": "address in a public register",
    "review-phone": "a phone number to check",
    "review-email": "an e-mail address to check",
    "review-social": "a linked social media account",
    "breached-passwords": "passwords in data breaches",
    "breached-account": "an e-mail address in data breaches",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class AdviserFinding(_Model):
    """One finding: catalogue title and steps, severity, axis and status."""

    source: Literal["checklist", "lookup"]
    ref: str = Field(description="The checklist item id, or the id of the lookup that found it.")
    title: str
    severity: Severity
    axis: Axis
    status: Status
    steps: list[str] = Field(default_factory=list, description="From the checklist catalogue.")


class AdviserLookup(_Model):
    """How one lookup went, in numbers."""

    id: str
    title: str
    outcomes: dict[str, int]
    errors: int = Field(description="How many errors it met (their text may quote a page).")


class AdviserConsent(_Model):
    """One consent decision: which lookup, yes or no, who and when. Never what was sent."""

    lookup_id: str
    title: str
    granted: bool
    granted_by: str
    asked_by: str | None = None
    how: str
    at: datetime


class ToFinish(_Model):
    """A checklist question the member still has to answer at home."""

    id: str
    question: str
    severity: Severity


class AdviserReport(_Model):
    """Everything the adviser copy holds (see the module docstring for why so little)."""

    schema_version: str = ADVISER_SCHEMA_VERSION
    copy_kind: Literal["adviser"] = Field(default="adviser", alias="copy")
    generated_at: datetime
    tool_version: str
    adviser: str | None = None
    case: str | None = None
    coverage: float | None = Field(default=None, ge=0, le=1)
    score: int | None = Field(default=None, ge=0, le=100)
    axes: dict[Axis, Level]
    counts: dict[Severity, int]
    answered: int
    asked: int
    findings: list[AdviserFinding]
    accepted: list[AdviserFinding] = Field(default_factory=list)
    lookups: list[AdviserLookup] = Field(default_factory=list)
    not_checked: int = Field(default=0, description="Checks that could not be made.")
    consents: list[AdviserConsent] = Field(default_factory=list)
    to_finish: list[ToFinish] = Field(
        default_factory=list,
        description="Every question left for the member to answer at home (never a skipped one).",
    )
    skipped: list[str] = Field(
        default_factory=list, description="Areas the member said they don't use (their titles)."
    )
    role: str | None = Field(default=None, description="gp, hospital, private, locum or other.")
    country: str | None = Field(default=None, description="Where the member practises: GB, IE...")
    nation: str | None = Field(default=None, description="The UK nation, when known.")
    plan: dict[str, int] | None = Field(
        default=None, description="The member's plan, when tracked: action state -> actions."
    )
    digest: str | None = Field(
        default=None, description="SHA-256 of the copy's canonical JSON without this field."
    )


def content_digest(copy: AdviserReport) -> str:
    """The SHA-256 of the copy as canonical JSON (sorted keys, no spaces), digest left out."""
    return digest_of_json(copy.model_dump(mode="json", by_alias=True))


def digest_of_json(data: Mapping[str, object]) -> str:
    """The same digest from a copy's parsed JSON, exactly as it was written."""
    unsealed = {k: v for k, v in data.items() if k != "digest"}
    canonical = json.dumps(unsealed, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def sealed(copy: AdviserReport) -> AdviserReport:
    """The copy with its digest set."""
    return copy.model_copy(update={"digest": content_digest(copy)})


def check_seal(copy: AdviserReport) -> bool:
    """Whether the copy is unchanged since it was sealed (False when it has no seal)."""
    return copy.digest is not None and copy.digest == content_digest(copy)


def _lookup(lookup_id: str, titles: Mapping[str, str]) -> tuple[str, str]:
    title = titles.get(lookup_id)
    return (lookup_id, title) if title is not None else OTHER_LOOKUP


def _finding(f: Finding, catalogue: Catalogue, titles: Mapping[str, str]) -> AdviserFinding:
    steps: list[str] = []
    if f.source == "checklist":
        item = catalogue.items.get(f.id)
        ref, title = (item.id, item.finding) if item else UNKNOWN_ITEM
        steps = list(item.fix) if item else []
        source: Literal["checklist", "lookup"] = "checklist"
    else:
        ref, title = _lookup(f.source.removeprefix("lookup:"), titles)
        what = EXPOSES.get(f.id.partition(":")[0].rsplit(".", 1)[-1])
        title = f"{title}: {what}" if what and ref != OTHER_LOOKUP[0] else title
        source = "lookup"
    return AdviserFinding(
        source=source,
        ref=ref,
        title=title,
        severity=f.severity,
        axis=f.axis,
        status=f.status,
        steps=steps,
    )


def _lookup_summary(lk: LookupSummary, titles: Mapping[str, str]) -> AdviserLookup:
    ref, title = _lookup(lk.id, titles)
    outcomes = {k: int(n) for k, n in lk.outcomes.items() if k in _OUTCOMES}
    return AdviserLookup(id=ref, title=title, outcomes=outcomes, errors=len(lk.errors))


def _consent(c: ConsentRecord, titles: Mapping[str, str]) -> AdviserConsent:
    ref, title = _lookup(c.lookup_id, titles)
    return AdviserConsent(
        lookup_id=ref,
        title=title,
        granted=c.granted,
        granted_by=c.granted_by,
        asked_by=c.asked_by,
        how=c.how,
        at=c.at,
    )


def _to_finish(ids: Iterable[str], catalogue: Catalogue) -> list[ToFinish]:
    items = [catalogue.items.get(i) for i in ids]
    return [ToFinish(id=i.id, question=i.question, severity=i.severity) for i in items if i]


def _skipped(report: Report, catalogue: Catalogue) -> list[str]:
    titles = {f.area: f.title for f in catalogue.files}
    return [titles[a.area] for a in report.skipped if a.area in titles]


def _scored(report: Report) -> bool:
    known = any(
        level not in (Level.UNKNOWN, Level.NOT_CHECKED) for level in report.summary.axes.values()
    )
    return known or bool(report.findings)


def adviser_copy(
    report: Report, lookup_titles: Mapping[str, str], catalogue: Catalogue | None = None
) -> AdviserReport:
    """The adviser copy of any copy of a report (member, masked or an older adviser copy).

    `lookup_titles` is every built-in lookup's id -> class title (static text we wrote); a
    lookup not in it shows as `OTHER_LOOKUP`.
    """
    catalogue = catalogue or shipped_catalogue()
    summary = report.summary
    copy = AdviserReport(
        generated_at=report.generated_at,
        tool_version=report.tool_version,
        adviser=report.adviser,
        case=report.case,
        coverage=getattr(summary, "coverage", None),
        # As the member's copy shows it: with nothing answered or checked, 100 would reassure.
        score=summary.score if _scored(report) else None,
        axes={a: summary.axes[a] for a in Axis if a in summary.axes},
        counts={s: summary.counts.get(s, 0) for s in Severity},
        answered=summary.answered,
        asked=summary.asked,
        findings=[_finding(f, catalogue, lookup_titles) for f in report.findings],
        accepted=[_finding(f, catalogue, lookup_titles) for f in report.accepted],
        lookups=[_lookup_summary(lk, lookup_titles) for lk in report.lookups],
        not_checked=len(report.not_checked)
        + sum(f.status is Status.COULDNT_CHECK for f in report.findings),
        consents=[_consent(c, lookup_titles) for c in report.consents],
        # This sitting's open questions and a quick audit's list for home: all are the member's.
        to_finish=_to_finish(
            (u.id for u in [*report.unanswered, *report.to_finish] if not u.skipped), catalogue
        ),
        skipped=_skipped(report, catalogue),
        role=report.subject.role,
        country=report.subject.jurisdiction,
        nation=report.subject.nation,
    )
    return sealed(copy)
