"""The action plan's items: numbered findings, their evidence labels, and short text forms.

One numbering serves the whole report: "Do these first" says "action 3", the evidence appendix
says "E2 (action 3)", and the area view lists action numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from footprint.report.model import Evidence, Finding, Status

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")
_SHORT_URL = 48


def first_sentence(text: str) -> str:
    """The first sentence: the one-line "why" in the action plan."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def short_url(url: str | None) -> str:
    """'people.example.net/alex-example-exa…': a page named briefly (full URL in the appendix)."""
    if not url:
        return ""
    parts = urlsplit(url)
    text = f"{(parts.hostname or '').removeprefix('www.')}{parts.path.rstrip('/')}"
    return text if len(text) <= _SHORT_URL else text[: _SHORT_URL - 1] + "…"


def host_of(url: str) -> str:
    """A help link's text: the site it is on ('support.strava.com')."""
    return (urlsplit(url).hostname or url).removeprefix("www.")


@dataclass(frozen=True)
class EvidenceRef:
    """One piece of evidence in the appendix, numbered E1, E2... and tied to its action."""

    label: str
    number: int  # the action's number in the plan
    evidence: Evidence


@dataclass(frozen=True)
class PlanItem:
    """One action in the plan: a finding, its number and its evidence labels."""

    number: int
    finding: Finding
    evidence: list[EvidenceRef]

    @property
    def why(self) -> str:
        """One line: the first sentence of why it matters."""
        return first_sentence(self.finding.why)

    @property
    def unsure(self) -> bool:
        """The doctor was not sure: marked "not sure yet — check"."""
        return self.finding.status is Status.UNSURE


def number_plan(findings: list[Finding]) -> list[PlanItem]:
    """Findings numbered from 1, in the order given; evidence numbered E1, E2... across them."""
    items, n_evidence = [], 0
    for number, f in enumerate(findings, start=1):
        refs = []
        for e in f.evidence:
            n_evidence += 1
            refs.append(EvidenceRef(f"E{n_evidence}", number, e))
        items.append(PlanItem(number, f, refs))
    return items
