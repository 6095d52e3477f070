"""Which questions an audit asks, in what order, and how long that takes.

The quick rule, in one sentence: rank every item that applies to the doctor by severity, then by
what it exposes (home address > personal phone > personal e-mail > personal social profile >
workplace > identity > account > practice), then by the minutes the fix takes; drop items a
lookup has already settled with evidence; ask the first `QUICK_LIMIT`, never leaving out an
applicable critical item. Everything else is the member's "to finish at home" list.

`SETTLED_BY` is the declarative map from a lookup's finding (its exposure key) to the checklist
items that finding answers: once a lookup has *found* it, asking the doctor again adds nothing
(and would score the same fact twice). "Not found" settles nothing: a lookup sees only part of
the web.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from footprint.content.checklists import ChecklistItem
from footprint.model.observation import Observation, Outcome
from footprint.model.vocab import Exposes, Severity

#: At most this many questions in `--quick` (a 20-30 minute adviser call), criticals excepted.
QUICK_LIMIT = 30
#: Measured pace of one question (read, think, answer), for the estimates shown to the doctor.
SECONDS_PER_QUESTION = 20

_RDAP = ("search.personal-domain-whois",)
_ON_WORK_PAGES = ("contact.personal-details-on-work-pages",)

#: Lookup finding key -> the checklist items it settles once found (with evidence).
SETTLED_BY: dict[str, tuple[str, ...]] = {
    "companies-house.home-address": ("company.service-address-is-home",),
    "page-scan.personal-phone": _ON_WORK_PAGES,
    "page-scan.personal-email": _ON_WORK_PAGES,
    "rdap.published-name": _RDAP,
    "rdap.published-address": _RDAP,
    "rdap.published-email": _RDAP,
    "rdap.published-phone": _RDAP,
}

_EXPOSURE_ORDER = list(Exposes)


def priority(item: ChecklistItem) -> tuple[int, int, int]:
    """The quick rule's ranking key: severity, then what is exposed, then effort."""
    return (item.severity.rank, _EXPOSURE_ORDER.index(item.exposes), item.effort)


def settled_ids(observations: Iterable[Observation]) -> dict[str, str]:
    """Checklist item id -> the lookup that settled it with a found result."""
    settled: dict[str, str] = {}
    for obs in observations:
        if obs.outcome is not Outcome.FOUND or obs.exposure is None:
            continue
        for item_id in SETTLED_BY.get(obs.exposure.key, ()):
            settled.setdefault(item_id, obs.lookup_id)
    return settled


def quick_selection(
    items: Sequence[ChecklistItem], settled: Iterable[str] = (), limit: int = QUICK_LIMIT
) -> list[ChecklistItem]:
    """The quick audit's questions, most important first (see the module docstring)."""
    done = set(settled)
    ranked = sorted((i for i in items if i.id not in done), key=priority)
    chosen = ranked[:limit]
    chosen += [i for i in ranked[limit:] if i.severity is Severity.CRITICAL]
    return chosen


@dataclass(frozen=True)
class Progress:
    """Where the interview is: question `index` of `total`, and the minutes that remain."""

    index: int
    total: int
    minutes_left: int

    def label(self) -> str:
        """E.g. "12/30, about 6 min left"."""
        return f"{self.index}/{self.total}, {minutes_phrase(self.minutes_left)} left"


def minutes_for(questions: int) -> int:
    """Minutes `questions` questions take, rounded up (never 0 while one is left)."""
    return -(-questions * SECONDS_PER_QUESTION // 60)


def minutes_phrase(minutes: int) -> str:
    """ "about 6 min", or "under a minute"."""
    return "under a minute" if minutes < 1 else f"about {minutes} min"
