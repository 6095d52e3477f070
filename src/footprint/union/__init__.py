"""Union statistics: what many adviser calls show, counted without a single identifier.

A defence union collects its advisers' adviser copies (each already identifier-free and
allow-listed, see `footprint.report.adviser`) and asks: which exposures are common, which fixes
advisers hand out most, how this differs by role, nation and quarter. This package reads only
sealed adviser copies (`reader`), counts calls (`counts`), hides every number under ten calls
and whatever would let it be worked out (`suppress`), and renders tables and charts (`render`,
`charts`). It never prints or writes: the CLI writes the files it returns.
"""

from __future__ import annotations

from footprint.union.counts import Stats, count_calls
from footprint.union.reader import ReadCopies, Refused, read_copies
from footprint.union.suppress import FLOOR, RULE

__all__ = ["FLOOR", "RULE", "ReadCopies", "Refused", "Stats", "count_calls", "read_copies"]
