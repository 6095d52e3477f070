"""What a log entry holds: the fields of SPARC's and NSW Police's incident logs, and its hashes.

Fields follow the Stalking Incident and Behavior Log (SPARC) and the NSW Police stalking
incident log: when, how the contact was made, where, what happened, witnesses, who it was
reported to and their reference, and the evidence kept (attached files). Text is kept exactly as
typed. `recorded_at` is when the entry was written (UTC), beside `when`, the time of the event.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from footprint.log.when import EventTime
from footprint.model.vocab import StrEnum

SHA256_HEX = r"^[0-9a-f]{64}$"


class Channel(StrEnum):
    """How the contact was made."""

    LETTER = "letter"
    GIFT = "gift"
    CALL = "call"
    TEXT = "text"
    SOCIAL = "social"
    EMAIL = "email"
    IN_PERSON = "in-person"
    OTHER = "other"

    @property
    def label(self) -> str:
        """Plain words for the export."""
        return CHANNEL_LABELS[self]


CHANNEL_LABELS = {
    Channel.LETTER: "Letter or card",
    Channel.GIFT: "Gift",
    Channel.CALL: "Phone call or voicemail",
    Channel.TEXT: "Text or messaging app",
    Channel.SOCIAL: "Social media",
    Channel.EMAIL: "E-mail",
    Channel.IN_PERSON: "In person",
    Channel.OTHER: "Other",
}


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Attachment(_Frozen):
    """A file kept with an entry: a copy in the log's folder, fingerprinted when it was added."""

    name: str = Field(description="The original file name (the original is left where it was).")
    sha256: str = Field(pattern=SHA256_HEX)
    size: int = Field(ge=0, description="Bytes.")
    media_type: str = Field(description="e.g. image/png; application/octet-stream if unknown.")

    @property
    def stored_name(self) -> str:
        """The copy's file name in the log's folder: its hash, and the original's extension."""
        suffix = Path(self.name).suffix.lower()
        return self.sha256 + (suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else "")

    @property
    def is_image(self) -> bool:
        """Shown inline in the HTML export."""
        return self.media_type in ("image/png", "image/jpeg", "image/gif", "image/webp")


class EntryFields(_Frozen):
    """What the doctor writes about one contact (everything but the bookkeeping)."""

    when: str = Field(description="ISO 8601 day or time with offset (see `when.py`).")
    channel: Channel
    where: str = ""
    what: str = Field(min_length=1)
    witnesses: list[str] = Field(default_factory=list)
    reported_to: str = ""
    reference: str = Field(default="", description="Police or other reference number.")
    corrects: int | None = Field(default=None, ge=1, description="The entry this one corrects.")
    reason: str = Field(default="", description="Why the earlier entry is being corrected.")

    @property
    def event_time(self) -> EventTime:
        """The time of the contact, for sorting and display."""
        return EventTime(self.when)


class Entry(EntryFields):
    """One stored entry: the fields, its files, and its place in the hash chain."""

    seq: int = Field(ge=1, description="Entry number, 1 for the first entry written.")
    recorded_at: str = Field(description="When the entry was written (UTC, ISO 8601).")
    attachments: list[Attachment] = Field(default_factory=list)
    prev_hash: str = Field(pattern=SHA256_HEX)
    content_hash: str = Field(pattern=SHA256_HEX)
    entry_hash: str = Field(pattern=SHA256_HEX)
