"""Receipts: the log's state in a form short enough to write down or read out over the phone.

A receipt is the entry count and the first 80 bits of the chain's digest after that many
entries, in Crockford base32 (digits and capitals without I, L, O or U, so it survives being
read aloud or copied by hand), grouped in fours: `19-7KQ2-M8ZD-41XA-9QPR`. Whoever holds a
receipt (the doctor's notebook, their own e-mail, the police) can later check that the log
still begins with exactly those entries: `footprint log verify --receipt R`. Changing,
removing or reordering any of those entries, or rewriting every hash, changes the digest, and
finding another log with the same 80 bits is out of reach of any computer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from footprint.log.chain import VerifyResult
from footprint.log.errors import LogInputError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32
CHARS = 16  # 80 bits
GROUP = 4
# Crockford's reading rules: letters easily mistaken for digits read as those digits.
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})


def code_of(digest_hex: str) -> str:
    """The grouped Crockford base32 of the digest's first 80 bits."""
    bits = int(digest_hex[:20], 16)  # 20 hex digits = 80 bits
    chars = [ALPHABET[(bits >> (5 * i)) & 31] for i in reversed(range(CHARS))]
    return "-".join("".join(chars[i : i + GROUP]) for i in range(0, CHARS, GROUP))


def receipt_of(entries: int, digest_hex: str) -> str:
    """`19-7KQ2-M8ZD-41XA-9QPR`: the entry count, then the digest's code."""
    return f"{entries}-{code_of(digest_hex)}"


@dataclass(frozen=True)
class Receipt:
    """A receipt as typed back in."""

    entries: int
    code: str  # grouped, canonical

    def __str__(self) -> str:
        return f"{self.entries}-{self.code}"


def parse_receipt(text: str) -> Receipt:
    """Read a receipt as a person may type it (spaces, lower case, O for 0); LogInputError if not.

    The count ends where the person put a space or dash after it, as the receipt is printed:
    with a character too many or too few, the code is not 16 long and the text is no receipt,
    never a receipt for another count (which would then say that entries were removed)."""
    cleaned = text.strip().upper().translate(_READ_AS)
    parts = re.match(r"^([0-9]{1,9})[\s-]+(.*)$", cleaned, re.DOTALL)
    if parts is not None:
        count, code = parts.group(1), re.sub(r"[\s-]+", "", parts.group(2))
    else:  # typed without a space after the count: the code is the last 16
        joined = re.match(r"^([0-9]{1,9}?)([0-9A-Z]{16})$", re.sub(r"[\s-]+", "", cleaned))
        count, code = joined.groups() if joined is not None else ("", "")
    if not count or len(code) != CHARS or any(c not in ALPHABET for c in code):
        raise LogInputError(
            f"'{text.strip()[:60]}' is not a receipt footprint printed.",
            hint="A receipt looks like 19-7KQ2-M8ZD-41XA-9QPR: the number of entries, then "
            "16 letters and digits.",
        )
    grouped = "-".join(code[i : i + GROUP] for i in range(0, CHARS, GROUP))
    return Receipt(int(count), grouped)


@dataclass(frozen=True)
class ReceiptCheck:
    """Whether a log or export still holds the state a receipt was made from."""

    matches: bool
    sentence: str


def check_receipt(result: VerifyResult, receipt: Receipt, where: str) -> ReceiptCheck:
    """Compare `receipt` with the digest recomputed after that many entries of `where`."""
    n = receipt.entries
    digest = result.digest_after(n)
    if digest is None:
        have = len(result.prefixes) - 1
        why = (
            f"{where} holds only {have} entries that still check"
            if result.problem is None
            else f"only the first {have} entries of {where} still check"
        )
        return ReceiptCheck(
            False, f"Does not match receipt {receipt}: it was made when the log had {n} entries, "
            f"and {why}. Entries have been removed or damaged since."
        )  # fmt: skip
    if code_of(digest) != receipt.code:
        return ReceiptCheck(
            False,
            f"Does not match receipt {receipt}: the first {n} entries of {where} are not the "
            "ones the receipt was made from. They have been changed, removed or replaced since.",
        )
    later = len(result.prefixes) - 1 - n
    since = f" The {later} entries written after it are not covered by it." if later else ""
    return ReceiptCheck(
        True,
        f"Matches receipt {receipt}: the first {n} entries of {where} are exactly those the "
        f"receipt was made from, unchanged.{since}",
    )
