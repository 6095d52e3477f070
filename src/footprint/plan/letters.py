"""Drafted requests for every action that needs someone else (the plan's public interface).

`request_for` says which request a finding needs (None: the doctor can act alone), and
`follow_up_requests` the optional ones that go with it; `draft`
writes it in plain words, citing the law where the doctor lives; `write_draft` saves it as
text, as an .eml for the doctor's own mail program and as a printable letter. footprint never
sends anything.
"""

from __future__ import annotations

from footprint.plan.letter_draft import draft
from footprint.plan.letter_files import write_draft
from footprint.plan.letter_needs import follow_up_requests, request_for
from footprint.plan.letter_types import Draft, RequestKind, RequestNeed

__all__ = [
    "Draft",
    "RequestKind",
    "RequestNeed",
    "draft",
    "follow_up_requests",
    "request_for",
    "write_draft",
]
