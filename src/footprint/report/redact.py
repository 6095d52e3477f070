"""The member's copies of a report: member (full) and masked (values masked).

The masked copy is the doctor's own, for sharing or printing: evidence values masked
(``a***@gmail.com``), names as initials, everything else kept. Masking is typed: it touches
only the fields that hold free text, URLs or hosts from outside (evidence, lookup errors, the
"not checked" entries, consent sentences and destinations), through the field they live in.
It never rewrites keys, ids or the structure, so no name can break the report; text we wrote
(titles, steps, guidance) is kept as it is.

The adviser copy is not made here by removing things: it is built by allow-listing, in
adviser.py, and is a model of its own.
"""

from __future__ import annotations

from typing import NoReturn

from footprint.errors import ReportError
from footprint.model.consent import ConsentRecord
from footprint.model.profile import Profile
from footprint.report.mask import looks_personal, mask_contacts_in, mask_name, mask_value
from footprint.report.model import (
    Copy,
    Evidence,
    Finding,
    LookupSummary,
    NotChecked,
    Report,
)
from footprint.report.scrub import Scrubber

# How much each copy hides; a copy can only be made from one that hides no more.
_RANK = {Copy.MEMBER: 0, Copy.MASKED: 1, Copy.ADVISER: 2}


def _assert_never(value: NoReturn) -> NoReturn:  # pragma: no cover - mypy proves it
    raise AssertionError(f"unhandled copy: {value!r}")


def to_copy(report: Report, copy: Copy, profile: Profile | None = None) -> Report:
    """The member or masked `copy` of `report`. Without a profile, names come from the report.

    Raises ReportError when asked to undo masking (the details are gone). The adviser copy is
    a model of its own: `footprint.report.adviser.adviser_copy`.
    """
    if _RANK[copy] < _RANK[report.copy_kind]:
        raise ReportError(
            f"A {report.copy_kind.value} copy cannot be turned into a {copy.value} copy: "
            "the hidden details are not in it.",
            hint="Render the copy from the session, or from the member's own report.json.",
        )
    if copy is Copy.MEMBER or report.copy_kind is copy:
        return report  # masking masked values again would only garble them
    if copy is Copy.MASKED:
        return masked_copy(report, Scrubber.for_report(report, profile))
    if copy is Copy.ADVISER:
        raise ValueError("the adviser copy is built by footprint.report.adviser.adviser_copy")
    _assert_never(copy)


def masked_copy(report: Report, scrubber: Scrubber) -> Report:
    """Evidence values masked, names as initials, free text from outside masked, all else kept."""

    def text(value: str) -> str:
        return scrubber.mask(mask_contacts_in(value))

    def finding(f: Finding) -> Finding:
        return f.model_copy(update={"evidence": [_mask_evidence(e, scrubber) for e in f.evidence]})

    def lookup(lk: LookupSummary) -> LookupSummary:
        return lk.model_copy(update={"errors": [text(e) for e in lk.errors]})

    def consent(c: ConsentRecord) -> ConsentRecord:
        hosts = [scrubber.mask(d) for d in c.destinations]
        return c.model_copy(update={"sentence": text(c.sentence), "destinations": hosts})

    def not_checked(n: NotChecked) -> NotChecked:
        return n.model_copy(
            update={
                "title": text(n.title),
                "reason": text(n.reason),
                "how_to_check": text(n.how_to_check),
                # Kept whole: the doctor's own ready-made searches of their public name. Masked,
                # they opened a search for "Dr J. D." or a URL ending in a literal "…".
                "links": list(n.links),
            }
        )

    return report.model_copy(
        update={
            "copy_kind": Copy.MASKED,
            "subject": report.subject.model_copy(update={"name": mask_name(report.subject.name)}),
            "findings": [finding(f) for f in report.findings],
            "accepted": [finding(f) for f in report.accepted],
            "lookups": [lookup(lk) for lk in report.lookups],
            "consents": [consent(c) for c in report.consents],
            "not_checked": [not_checked(n) for n in report.not_checked],
        }
    )


def _mask_evidence(e: Evidence, scrubber: Scrubber) -> Evidence:
    def mask(text: str | None) -> str | None:
        return None if text is None else scrubber.mask(mask_contacts_in(text))

    matched = e.matched
    if matched and (looks_personal(matched) or scrubber.is_personal(matched)):
        matched = mask_value(matched)
    return Evidence(
        url=scrubber.mask_url(e.url) if e.url else None,
        snippet=mask(e.snippet),
        matched=matched,
        search=mask(e.search),
    )
