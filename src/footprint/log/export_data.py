"""What an export of the log shows: the entries, their summary, the final digest, the doctor's
details, and the note on how the log was kept.

Shared by the export formats (`footprint.log.export`: JSON, CSV and writing the files) and the
HTML/PDF page (`footprint.log.render`), so neither has to import the other to know it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from footprint.log.models import Entry
from footprint.log.receipt import receipt_of
from footprint.log.summary import Summary, chronological, corrected_by

HOW_KEPT = (
    "This is a log of unwanted contacts, written by the doctor named above with footprint, a "
    "free tool that keeps it on their own computer and sends it nowhere. Each entry shows when "
    "the contact happened and, separately, when the entry was written (the computer's clock, in "
    "UTC). Entries are never edited or deleted one by one: a mistake is put right by a new entry "
    "that says which entry it corrects, and both are shown. Files such as screenshots and "
    "letters were copied in when the entry was written and fingerprinted with SHA-256; the "
    "originals were not changed. Every entry is fingerprinted together with the entry before it "
    "(a hash chain), so changing, removing or reordering any entry or file afterwards changes "
    "the final digest printed on every page. The contact-log.json file exported with this copy "
    "can be checked with `footprint log verify contact-log.json`; its final digest must match "
    "the one printed here. The digest shows the log has not been changed since this copy was "
    "made; it cannot by itself prove when each entry was first written. The receipt printed "
    "here (the number of entries, then a short form of the digest) is also printed after each "
    "entry, so one written down or handed over at the time shows those entries are unchanged; "
    "trusted timestamps from a public timestamping service, when the doctor asked for them, "
    "are kept in contact-log.json and show the entries existed by the time they give."
)


@dataclass(frozen=True)
class DoctorDetails:
    """What the doctor chooses to put at the top of the export; all optional."""

    name: str = ""
    details: str = ""
    about: str = ""


@dataclass(frozen=True)
class LogExport:
    """Everything an export shows."""

    entries: list[Entry]
    summary: Summary
    head: str
    exported_at: str
    doctor: DoctorDetails = field(default_factory=DoctorDetails)
    # When the log did not check: the problem in one sentence, the first entry it names (None
    # for the log as a whole), and how many entries the final digest covers.
    damage: str | None = None
    damaged_entry: int | None = None
    sealed: int | None = None
    unreadable: list[dict[str, Any]] = field(default_factory=list)  # rows as found
    timestamps: list[dict[str, Any]] = field(default_factory=list)  # stored trusted timestamps
    copied: list[str] = field(default_factory=list)  # kept files copied beside the export

    @property
    def sealed_entries(self) -> int:
        """How many entries, from the first, the final digest covers."""
        return len(self.entries) if self.sealed is None else self.sealed

    @property
    def receipt(self) -> str:
        """The receipt for the entries the final digest covers."""
        return receipt_of(self.sealed_entries, self.head)

    @property
    def rows(self) -> list[Entry]:
        """Every entry by time of contact."""
        return chronological(self.entries)

    @property
    def corrected_by(self) -> dict[int, list[int]]:
        """Entry number -> the entries correcting it."""
        return corrected_by(self.entries)
