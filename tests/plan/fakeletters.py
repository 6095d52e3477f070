"""A stand-in for `footprint.plan.letters` (being written in parallel), used only while the real
module is absent: the same names and signatures, the least behaviour the plan's tests need.

Every finding from a lookup needs a request to its page's owner; the open register needs one to
the council; everything else the doctor does alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path

from footprint.model.profile import Profile
from footprint.report.model import Finding


class RequestKind(str, Enum):
    OPEN_REGISTER = "open_register"
    PAGE_OWNER = "page_owner"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class RequestNeed:
    kind: RequestKind
    recipient_id: str | None
    page_url: str | None
    detail: str | None


@dataclass(frozen=True)
class Draft:
    kind: RequestKind
    recipient_name: str
    to: str | None
    subject: str
    text: str
    deadline_days: int | None


def request_for(finding: Finding, profile: Profile) -> RequestNeed | None:
    if finding.id == "address.open-register":
        return RequestNeed(RequestKind.OPEN_REGISTER, "council-ero", None, None)
    if finding.source.startswith("lookup:"):
        url = next((e.url for e in finding.evidence if e.url), None)
        return RequestNeed(RequestKind.PAGE_OWNER, None, url, finding.title)
    return None


def draft(
    need: RequestNeed,
    profile: Profile,
    *,
    today: date,
    sent_on: date | None = None,
    reminder: bool = False,
    complaint: bool = False,
) -> Draft:
    what = "Complaint" if complaint else "Reminder" if reminder else "Request"
    return Draft(need.kind, "Recipient", None, f"{what}: {need.kind}", f"{what} {today}", 30)


def write_draft(draft: Draft, out_dir: Path, stem: str) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for suffix in (".txt", ".eml", ".html"):
        path = out_dir / f"{stem}{suffix}"
        path.write_text(f"{draft.subject}\n{draft.text}\n")
        paths.append(path)
    return paths
