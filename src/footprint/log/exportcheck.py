"""`footprint log verify FILE`: check an exported contact-log.json on any computer.

The chain is recomputed from the entries in the file alone. Kept files exported beside it (in
`attachments/`) are checked too when they are there; a file not exported is reported as not
checked, not as changed. The digest written in the file's `chain` must be the one its entries
give, so the printed digest, the file and the entries all have to agree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from footprint.log.attachments import file_matches
from footprint.log.chain import Problem, VerifyResult, verify
from footprint.log.errors import LogInputError
from footprint.log.export import ATTACHMENTS_DIR, FORMAT_ID, SCHEMA_VERSION
from footprint.log.models import Attachment


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
        raise LogInputError(
            f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno}; the file has been changed or damaged.",
            hint="Ask for the original export, or export the log again.",
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_ID:
        raise LogInputError(
            f'{path}: not a footprint contact log export (no "format": "{FORMAT_ID}").'
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

    def check(attachment: Attachment) -> bool | None:
        copy = folder / attachment.stored_name
        return file_matches(copy, attachment.sha256) if copy.exists() else None

    records = [r if isinstance(r, dict) else {} for r in data["entries"]]
    result = verify(records, check)
    chain = data.get("chain") if isinstance(data.get("chain"), dict) else {}
    stated = chain.get("final_digest") if isinstance(chain, dict) else None
    if result.ok and stated != result.head:
        problem = Problem(None, "the final digest written in the file does not match its entries")
        return VerifyResult(
            result.entries, result.files_checked, result.files_not_checked, result.head, problem
        )
    return result
