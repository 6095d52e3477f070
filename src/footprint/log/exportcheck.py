"""`footprint log verify FILE`: check an exported contact-log.json on any computer.

The chain is recomputed from the entries in the file alone. Kept files exported beside it (in
`attachments/`) are checked too when they are there; a file not exported is reported as not
checked, not as changed. The digest written in the file's `chain` must be the one its entries
give, so the printed digest, the file and the entries all have to agree. The number of entries
in `chain` and the `summary` are recomputed from the entries too (so dropping the last entries,
or editing the figures, shows), and the `seal` covers everything else in the file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from footprint.log.attachments import file_matches
from footprint.log.chain import Problem, VerifyResult, verify
from footprint.log.errors import LogInputError
from footprint.log.export import ATTACHMENTS_DIR, FORMAT_ID, SCHEMA_VERSION, seal_of, summary_json
from footprint.log.models import Attachment, Entry
from footprint.log.summary import summarise

NOT_AN_EXPORT_HINT = "Give the contact-log.json that `footprint log export` wrote."


def read_export(path: Path) -> dict[str, Any]:
    """The JSON of an exported log; LogInputError saying what is wrong with the file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LogInputError(
            f"{path}: file not found.",
            hint="Give the contact-log.json that `footprint log export` wrote.",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise LogInputError(f"{path}: cannot be read ({reason}).") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if FORMAT_ID not in text:  # not JSON and never was an export: say so, not "damaged"
            raise LogInputError(
                f"{path}: not a footprint contact-log export.", hint=NOT_AN_EXPORT_HINT
            ) from None
        raise LogInputError(
            f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno}; the file has been changed or damaged.",
            hint="Ask for the original export, or export the log again.",
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_ID:
        raise LogInputError(
            f'{path}: not a footprint contact-log export (no "format": "{FORMAT_ID}").',
            hint=NOT_AN_EXPORT_HINT,
        )
    major = str(data.get("schema_version", "")).split(".")[0]
    if major != SCHEMA_VERSION.split(".")[0]:
        raise LogInputError(
            f"{path}: export version {data.get('schema_version')} is not supported (this footprint reads {SCHEMA_VERSION}).",
            hint="Check it with the footprint version that wrote it.",
        )
    if not isinstance(data.get("entries"), list):
        raise LogInputError(f"{path}: the file has no list of entries.")
    return data


def verify_export(path: Path) -> VerifyResult:
    """Recompute the chain of an exported file, and check the files exported beside it."""
    data = read_export(path)
    folder = path.parent / ATTACHMENTS_DIR

    # The JSON handed over alone (no attachments folder): its files are not checked. With the
    # folder there, a file the export lists as copied into it must still be there.
    listed = data.get("attachments_exported") if folder.is_dir() else None
    exported = set(listed) if isinstance(listed, list) else set()

    def check(attachment: Attachment) -> bool | None:
        copy = folder / attachment.stored_name
        if copy.exists() or attachment.stored_name in exported:
            return file_matches(copy, attachment.sha256)  # exported beside it: must be there
        return None

    records = [r if isinstance(r, dict) else {} for r in data["entries"]]
    result = verify(records, check)
    marked = _marked_damage(data)
    if not result.ok:
        assert result.problem is not None
        if marked is not None and marked.seq == result.problem.seq:
            note = " (the file says so: it was already damaged in the log when exported)"
            return result.with_problem(Problem(marked.seq, result.problem.reason + note))
        return result
    problem = _whole_file_problem(data, [Entry.model_validate(r) for r in records], result.head)
    return result.with_problem(problem or marked)


def _marked_damage(data: dict[str, Any]) -> Problem | None:
    """The damage the export itself declares: the log did not check when it was exported."""
    damage = data.get("damage")
    if not isinstance(damage, dict):
        return None
    first = damage.get("first_entry")
    return Problem(
        first if isinstance(first, int) else None,
        f"When this copy was exported, the log was already not intact: {damage.get('reason')}",
    )


def _whole_file_problem(data: dict[str, Any], entries: list[Entry], head: str) -> Problem | None:
    """What the chain alone cannot show: entries dropped from the end, edited figures, details."""
    chain = data.get("chain") if isinstance(data.get("chain"), dict) else {}
    assert isinstance(chain, dict)
    stated = chain.get("entries")
    if stated != len(entries):
        missing = isinstance(stated, int) and stated > len(entries)
        return Problem(
            None,
            f"The file says the log has {stated} entries but it holds {len(entries)}"
            + (f": entries after {len(entries)} are missing" if missing else ""),
        )
    if chain.get("final_digest") != head:
        return Problem(None, "The final digest written in the file does not match its entries")
    summary = data.get("summary") if isinstance(data.get("summary"), dict) else {}
    assert isinstance(summary, dict)
    expected = summary_json(summarise(entries))
    changed = sorted(
        k for k in expected.keys() | summary.keys() if summary.get(k) != expected.get(k)
    )
    if changed:
        return Problem(
            None,
            f"The summary in the file does not match its entries ({', '.join(changed)} changed)",
        )
    seal = data.get("seal") if isinstance(data.get("seal"), dict) else {}
    assert isinstance(seal, dict)
    if seal.get("digest") != seal_of(data):
        what = "is missing" if not seal else "does not match"
        return Problem(
            None,
            f"The file's seal {what}: the doctor's details, the note on how the log was kept "
            "or another part of the file has been changed since it was exported",
        )
    return None
