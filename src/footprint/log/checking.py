"""`verify` for both faces: the log or an exported file, with any receipt, digest and roots.

Returns a `Verdict` (the lines to show and whether everything checked), so the terminal and
the browser say the same sentences.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from cryptography import x509

from footprint.log.database import LogStore
from footprint.log.errors import LogInputError
from footprint.log.receipt import Receipt
from footprint.log.verdict import Verdict, judge


def read_roots(paths: Iterable[Path]) -> list[x509.Certificate]:
    """Root certificates (PEM or DER) given with --tsa-root; LogInputError naming a bad file."""
    return [cert for path in paths for cert in _certificates(path)]


def _certificates(path: Path) -> list[x509.Certificate]:
    try:
        data = path.read_bytes()
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except (OSError, ValueError):
        raise LogInputError(
            f"{path}: not a certificate footprint can read.",
            hint="Give the service's root certificate as published (a .pem or .crt file).",
        ) from None


def check_log(
    store: LogStore,
    *,
    digest: str | None = None,
    receipt: Receipt | None = None,
    roots: list[x509.Certificate] | None = None,
) -> Verdict:
    """Everything `footprint log verify` says about the log on this computer."""
    from footprint.log.timestamp import check_stamp

    result = store.verify()
    stamps = [check_stamp(s, result, roots or []) for s in store.timestamps()]
    return judge(result, "your log", digest=digest, receipt=receipt, stamps=stamps)


def check_export(
    path: Path,
    *,
    digest: str | None = None,
    receipt: Receipt | None = None,
    roots: list[x509.Certificate] | None = None,
) -> Verdict:
    """Everything `footprint log verify FILE` says about an exported contact-log.json."""
    from footprint.log.exportcheck import read_export, verify_export
    from footprint.log.timestamp import StoredStamp, check_stamp

    result = verify_export(path)
    raw = read_export(path).get("timestamps")
    stamps = []
    for item in raw if isinstance(raw, list) else []:
        stamp = StoredStamp.from_json(item)
        if stamp is not None:
            stamps.append(check_stamp(stamp, result, roots or []))
    return judge(result, str(path), is_file=True, digest=digest, receipt=receipt, stamps=stamps)
