"""Exporting the log for the police and the defence union: JSON, CSV, HTML and PDF.

Every format carries the chain's final digest (in the JSON's `chain`, in a column of every CSV
row, in the HTML's header and on every printed page), so a printed copy can be matched to the
exported JSON, and the JSON checked with `footprint log verify FILE`. The kept files are copied
beside the export, in `attachments/`, under their SHA-256 names.

A log that does not verify is still exported whole, so new evidence can always be handed over,
but with the damage marked: the problem is named on the page and in the JSON's `damage`, and
the final digest covers only the entries that still check (the first `intact_entries`), so an
edited entry never gets a digest that vouches for it. Rows that cannot be read at all are kept
as found in `unreadable_entries`. The digest exported is the one recomputed from the entries'
content, never a stored hash. The JSON also carries a `seal`: SHA-256 over every other
field of the file (the doctor's details, the note on how the log was kept, the summary, the
chain and the entries), so `verify FILE` notices a change to any of them.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from footprint import __version__
from footprint.log.attachments import read_kept
from footprint.log.chain import ALGORITHM, GENESIS, canonical_json, sha256_hex
from footprint.log.database import LogStore
from footprint.log.errors import LogInputError
from footprint.log.export_data import HOW_KEPT, DoctorDetails, LogExport
from footprint.log.summary import Summary, summarise
from footprint.util.fsio import ensure_private_dir, write_private_file

FORMAT_ID = "footprint-contact-log"
SCHEMA_VERSION = "1.2"  # 1.1: the `seal` over the whole file; 1.2: damage, receipt, timestamps
FORMATS = ("html", "pdf", "json", "csv")
ATTACHMENTS_DIR = "attachments"
BASENAME = "contact-log"
__all__ = [
    "HOW_KEPT",
    "DoctorDetails",
    "LogExport",
    "build",
    "parse_formats",
    "seal_of",
    "summary_json",
    "to_csv",
    "to_json",
    "write",
    "write_export",
]

# Formula injection: a spreadsheet runs a cell starting with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def build(store: LogStore, doctor: DoctorDetails | None = None) -> LogExport:
    """The export of the whole log as it is now, with any damage marked."""
    checked = store.verify()
    entries, unreadable = store.split_records()
    head = checked.head  # recomputed from the content, never copied from a stored hash
    exported_at = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    problem = checked.problem
    return LogExport(
        entries,
        summarise(entries),
        head,
        exported_at,
        doctor or DoctorDetails(),
        damage=problem.sentence() if problem is not None else None,
        damaged_entry=problem.seq if problem is not None else None,
        sealed=checked.entries,
        unreadable=unreadable,
        timestamps=[stamp.as_json() for stamp in store.timestamps()],
        copied=sorted(
            {
                a.stored_name
                for e in entries
                for a in e.attachments
                if store.attachment_path(a).exists()
            }
        ),  # fmt: skip
    )


def parse_formats(text: str) -> list[str]:
    """'html,json' -> ['html', 'json']; LogInputError naming an unknown format."""
    chosen: list[str] = []
    for name in (p.strip().lower() for p in text.split(",") if p.strip()):
        if name not in FORMATS:
            raise LogInputError(
                f"Unknown export format '{name}'.", hint=f"Use any of: {', '.join(FORMATS)}."
            )
        if name not in chosen:
            chosen.append(name)
    if not chosen:
        raise LogInputError("No export format given.", hint=f"Use any of: {', '.join(FORMATS)}.")
    return chosen


def summary_json(s: Summary) -> dict[str, Any]:
    """The summary as the JSON export holds it (and as `verify FILE` recomputes it)."""
    return {
        "contacts": s.contacts,
        "entries": s.entries,
        "corrections": s.corrections,
        "first_contact": s.first,
        "last_contact": s.last,
        "by_channel": dict(s.by_channel),
        "per_week": s.per_week,
        "weeks": {monday.isoformat(): n for monday, n in s.weeks},
    }


def seal_of(data: dict[str, Any]) -> str:
    """SHA-256 over every field of the export except the seal itself."""
    return sha256_hex(canonical_json({k: v for k, v in data.items() if k != "seal"}))


def to_json(export: LogExport) -> str:
    """The whole log, in the order written, with every hash: the file `verify FILE` reads."""
    data: dict[str, Any] = {
        "format": FORMAT_ID,
        "schema_version": SCHEMA_VERSION,
        "tool_version": __version__,
        "exported_at": export.exported_at,
        "doctor": {k: v for k, v in vars(export.doctor).items() if v},
        "how_kept": HOW_KEPT,
        "chain": {
            "algorithm": ALGORITHM,
            "genesis": GENESIS,
            "entries": len(export.entries),
            "intact_entries": export.sealed_entries,
            "final_digest": export.head,
            "receipt": export.receipt,
        },
        "summary": summary_json(export.summary),
        "entries": [e.model_dump(mode="json") for e in export.entries],
    }
    if export.damage is not None:
        data["damage"] = {"first_entry": export.damaged_entry, "reason": export.damage}
        data["unreadable_entries"] = export.unreadable
    if export.timestamps:
        data["timestamps"] = export.timestamps
    # Named so a copy removed from beside the file reads as missing, not as "not exported".
    data["attachments_exported"] = export.copied
    data["seal"] = {"algorithm": ALGORITHM, "digest": seal_of(data)}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


CSV_HEADER = [
    "Entry", "When", "How", "Where", "What happened", "Witnesses", "Reported to", "Reference",
    "Corrects entry", "Why corrected", "Corrected by", "Files (name, bytes, SHA-256)",
    "Written (UTC)", "Entry hash", "Log final digest",
]  # fmt: skip


def spreadsheet_safe(value: object) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ is quoted, never run."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(export: LogExport) -> str:
    """One row per entry by time of contact; UTF-8 with a byte-order mark, for Excel."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    fixes = export.corrected_by
    for e in export.rows:
        files = "\n".join(f"{a.name} ({a.size} bytes) {a.sha256}" for a in e.attachments)
        cells = [
            e.seq, e.event_time.display(), e.channel.label, e.where, e.what, "; ".join(e.witnesses),
            e.reported_to, e.reference, e.corrects or "", e.reason,
            ", ".join(str(n) for n in fixes.get(e.seq, [])), files, e.recorded_at, e.entry_hash,
            export.head,
        ]  # fmt: skip
        writer.writerow([spreadsheet_safe(c) for c in cells])
    return "\ufeff" + out.getvalue()


def write_export(
    store: LogStore, out_dir: Path, formats: list[str], doctor: DoctorDetails | None = None
) -> list[Path]:
    """Write the chosen formats and the kept files into `out_dir` (owner-only)."""
    return write(build(store, doctor), store, out_dir, formats)


def write(export: LogExport, store: LogStore, out_dir: Path, formats: list[str]) -> list[Path]:
    """Write a built export in the chosen formats, with the kept files, into `out_dir`."""
    from footprint.log import render  # jinja2 only when exporting

    rendered: dict[str, str | bytes] = {}
    for fmt in formats:  # render all first: a PDF failure must leave nothing half written
        if fmt == "json":
            rendered[fmt] = to_json(export)
        elif fmt == "csv":
            rendered[fmt] = to_csv(export)
        elif fmt == "html":
            rendered[fmt] = render.to_html(export, store.files)
        else:
            rendered[fmt] = render.to_pdf(export, store.files)
    ensure_private_dir(out_dir)  # missing parents too, 0700; an existing folder is left alone
    paths = []
    for fmt, data in rendered.items():
        path = out_dir / f"{BASENAME}.{fmt}"
        write_private_file(path, data)
        paths.append(path)
    paths.extend(_copy_attachments(export, store, out_dir / ATTACHMENTS_DIR))
    return paths


def _copy_attachments(export: LogExport, store: LogStore, folder: Path) -> list[Path]:
    copied: list[Path] = []
    for entry in export.entries:
        for attachment in entry.attachments:
            target = folder / attachment.stored_name
            if target in copied:
                continue
            # A copy that changed, went missing or became a link is left out: the export
            # names it as changed, and never carries other bytes under the kept file's name.
            data = read_kept(store.attachment_path(attachment), attachment.sha256)
            if data is None:
                continue
            write_private_file(target, data)  # owner-only, never through a link
            copied.append(target)
    return copied
