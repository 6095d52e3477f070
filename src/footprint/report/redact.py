"""The three copies of a report: member (full), masked (values masked), adviser (no identifiers).

The adviser copy is for a defence-union adviser: case reference, date, score and axes, finding
titles, severities, steps and counts, but no raw personal identifiers. Evidence is dropped,
links that name the member are dropped, and then *every* string in the report goes through a
scrubber that removes the profile's private values, usernames, domains, workplace names, the
values evidence matched, every form of the member's name and the member's own sites (the hosts
of the pages they listed): a last line of defence against personal data that reached a
free-text field (consent sentences quote the name and the sites; lookup errors and "not
checked" entries may quote a search or a URL). Last, any http(s) URL left in free text goes;
only the link fields (guidance sources, help pages that do not name the member) keep URLs.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any, NoReturn

from footprint.errors import ReportError
from footprint.profile import Profile
from footprint.report.hosts import strip_urls
from footprint.report.mask import looks_personal, mask_contacts_in, mask_name, mask_value
from footprint.report.model import Copy, Evidence, Finding, Report, SinceLast
from footprint.report.scrub import LINK_REMOVED, Scrubber

# How much each copy hides; a copy can only be made from one that hides no more.
_RANK = {Copy.MEMBER: 0, Copy.MASKED: 1, Copy.ADVISER: 2}
HIDDEN_ID = "[hidden]"
# Ids the masked copy keeps as they are, so `footprint diff` works on masked report files.
ID_FIELDS = frozenset(
    {
        "id",
        "finding_id",
        "lookup_id",
        "area",
        "source",
        "guidance",
        "fixed",
        "new",
        "unchanged",
        "not_rechecked",
        "answered",
    }
)
# Text written by us (checklists, lookups' fixed wording), never personal by contract. The
# masked copy is the doctor's own, so it keeps it readable ("for example" stays). The adviser
# copy still scrubs everything, as the last line of defence.
AUTHORED_FIELDS = frozenset(
    {
        "title",
        "why",
        "check",
        "steps",
        "question",
        "first_step",
        "area_title",
        "summary",
        "detail",
        "intro",
        "first",
        "caveat",
        "publisher",
    }
)
# Fields whose URLs the adviser copy keeps: guidance sources and links already checked not to
# name the member. Every other http(s) URL is free text and goes.
URL_FIELDS = frozenset({"url", "links"})


def _assert_never(value: NoReturn) -> NoReturn:  # pragma: no cover - mypy proves it
    raise AssertionError(f"unhandled copy: {value!r}")


def to_copy(report: Report, copy: Copy, profile: Profile | None = None) -> Report:
    """The `copy` of `report`. Without a profile, names come from the report itself.

    Raises ReportError when asked to undo redaction (an adviser copy cannot become a member
    copy: the details are gone).
    """
    if _RANK[copy] < _RANK[report.copy_kind]:
        raise ReportError(
            f"A {report.copy_kind.value} copy cannot be turned into a {copy.value} copy: "
            "the hidden details are not in it.",
            hint="Render the copy from the session, or from the member's own report.json.",
        )
    if copy is Copy.MEMBER or report.copy_kind is copy is Copy.MASKED:
        return report  # masking masked values again would only garble them
    if copy is Copy.MASKED:
        return masked_copy(report, Scrubber.for_report(report, profile))
    if copy is Copy.ADVISER:
        return adviser_copy(report, Scrubber.for_report(report, profile, hide_sites=True))
    _assert_never(copy)


def masked_copy(report: Report, scrubber: Scrubber) -> Report:
    """Evidence values masked (``a***@gmail.com``), names as initials, all else kept."""

    def mask_finding(f: Finding) -> Finding:
        evidence = [_mask_evidence(e, scrubber) for e in f.evidence]
        return f.model_copy(update={"evidence": evidence})

    staged = report.model_copy(
        update={
            "copy_kind": Copy.MASKED,
            "subject": report.subject.model_copy(update={"name": mask_name(report.subject.name)}),
            "findings": [mask_finding(f) for f in report.findings],
            "accepted": [mask_finding(f) for f in report.accepted],
            "lookups": [
                lk.model_copy(update={"errors": [mask_contacts_in(e) for e in lk.errors]})
                for lk in report.lookups
            ],
        }
    )
    return _apply_to_strings(staged, scrubber.mask, keep=ID_FIELDS | AUTHORED_FIELDS)


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


def adviser_copy(report: Report, scrubber: Scrubber) -> Report:
    """No raw personal identifiers: no evidence, no personal links, every string scrubbed."""

    def strip_finding(f: Finding) -> Finding:
        links = [u for u in f.links if not scrubber.is_personal(u)]
        return f.model_copy(update={"evidence": [], "links": links})

    staged = report.model_copy(
        update={
            "copy_kind": Copy.ADVISER,
            "subject": report.subject.model_copy(update={"name": mask_name(report.subject.name)}),
            "findings": [strip_finding(f) for f in report.findings],
            "accepted": [strip_finding(f) for f in report.accepted],
            "since_last": _strip_since_last(report.since_last, scrubber),
        }
    )
    scrubbed = _apply_to_strings(staged, scrubber.remove)
    return _apply_to_strings(scrubbed, _strip_urls, keep=URL_FIELDS)


def _strip_urls(text: str) -> str:
    return strip_urls(text, LINK_REMOVED)


def _strip_since_last(since: SinceLast | None, scrubber: Scrubber) -> SinceLast | None:
    """Ids that carry personal data are replaced, not scrubbed into something misleading."""
    if since is None:
        return None

    def clean(ids: list[str]) -> list[str]:
        return [HIDDEN_ID if scrubber.is_personal(i) else i for i in ids]

    return since.model_copy(
        update={
            "previous_session": HIDDEN_ID
            if scrubber.is_personal(since.previous_session)
            else since.previous_session,
            "fixed": clean(since.fixed),
            "new": clean(since.new),
            "unchanged": clean(since.unchanged),
            "not_rechecked": clean(since.not_rechecked),
            "titles": {k: v for k, v in since.titles.items() if not scrubber.is_personal(k)},
        }
    )


def _apply_to_strings(
    report: Report, fix: Callable[[str], str], keep: frozenset[str] = frozenset()
) -> Report:
    """Run `fix` over every string in the report (values and dict keys), then re-validate.

    Fields named in `keep` are left alone (the masked copy keeps finding ids stable for diffs).
    """
    data = report.model_dump(by_alias=True)
    return Report.model_validate(_walk(data, fix, keep))


def _walk(value: Any, fix: Callable[[str], str], keep: frozenset[str]) -> Any:
    if isinstance(value, Enum):  # severities, axes: vocabulary, never personal
        return value
    if isinstance(value, str):
        return fix(value)
    if isinstance(value, dict):
        return {
            _walk(k, fix, keep): v if k in keep else _walk(v, fix, keep) for k, v in value.items()
        }
    if isinstance(value, list):
        return [_walk(v, fix, keep) for v in value]
    return value
