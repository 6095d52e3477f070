"""The review record: every item and guidance entry with its source dates, oldest first.

The next person to review the content starts at the top: entries never checked against a source,
then those whose sources show no date, then by the date of their newest source. An entry is only
as fresh as its best source, so an old page next to a recent one does not send it up the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from footprint.content.checklists import Catalogue, GuidanceRef
from footprint.content.sources import UNDATED, Source, last_confirmed_year


@dataclass(frozen=True)
class SourceDate:
    """One source of an entry, as the review record shows it."""

    url: str
    title: str | None
    date: str
    checked: str | None


@dataclass(frozen=True)
class ReviewEntry:
    """One checklist item or guidance entry, with the dates that say how fresh it is."""

    id: str
    kind: Literal["item", "guidance"]
    title: str
    reviewed: str | None
    sources: tuple[SourceDate, ...]
    last_confirmed: int | None

    @property
    def newest_source_date(self) -> str | None:
        """The date of the most recent dated source (None when none is dated)."""
        return max((s.date for s in self.sources if s.date != UNDATED), default=None)

    @property
    def sort_key(self) -> tuple[int, str, str]:
        """Never checked first, then all undated, then oldest newest-source date."""
        if not self.sources:
            return (0, "", "")
        newest = self.newest_source_date
        return (1, "", self.reviewed or "") if newest is None else (2, newest, self.id)

    def as_dict(self) -> dict[str, object]:
        """The JSON form (`footprint checklist review --format json`)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "reviewed": self.reviewed,
            "newest_source_date": self.newest_source_date,
            "last_confirmed": self.last_confirmed,
            "sources": [vars(s) for s in self.sources],
        }


def _item_sources(sources: list[Source]) -> tuple[SourceDate, ...]:
    return tuple(SourceDate(str(s.url), s.title, s.date, s.checked) for s in sources)


def _guidance_entry(ref: GuidanceRef) -> ReviewEntry:
    source = SourceDate(str(ref.url), ref.title, ref.date, ref.checked)
    return ReviewEntry(
        id=ref.id,
        kind="guidance",
        title=f"{ref.publisher}: {ref.title}",
        reviewed=ref.checked,
        sources=(source,),
        last_confirmed=None,
    )


def review_record(catalogue: Catalogue) -> list[ReviewEntry]:
    """Every item and guidance entry, the ones most in need of a fresh check first."""
    entries = [
        ReviewEntry(
            id=item.id,
            kind="item",
            title=item.question,
            reviewed=item.reviewed,
            sources=_item_sources(item.sources),
            last_confirmed=last_confirmed_year(item.sources),
        )
        for item in catalogue.items.values()
    ]
    entries += [_guidance_entry(ref) for ref in catalogue.guidance.values()]
    return sorted(entries, key=lambda e: e.sort_key)
