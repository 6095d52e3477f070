"""What a check of the log or of an exported copy found, in the sentences a doctor reads.

The terminal and the browser show these same lines; only the colours are theirs. Each line has
a tone: "bad" (something changed, or cannot be confirmed), "good", "plain" or "warn". `ok` is
False whenever any line is bad, and the command then exits 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from footprint.log.chain import Problem, VerifyResult
from footprint.log.receipt import Receipt, check_receipt, receipt_of

Tone = str  # "bad" | "good" | "plain" | "warn"


@dataclass(frozen=True)
class StampCheck:
    """One stored trusted timestamp, checked (see `footprint.log.timestamp`)."""

    ok: bool
    sentence: str
    covers: int = 0  # the entry count it vouches for, when it checks
    trusted: bool = False  # checked against a root certificate, not only its own


@dataclass
class Verdict:
    """Lines to show, in order, and whether everything checked."""

    lines: list[tuple[Tone, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no line reports a problem."""
        return all(tone != "bad" for tone, _ in self.lines)

    def add(self, tone: Tone, text: str) -> None:
        """One more line."""
        self.lines.append((tone, text))


def headline(problem: Problem) -> str:
    """The problem's first line: not intact, or not proved intact."""
    label = "NOT PROVED INTACT" if problem.unconfirmed else "NOT INTACT"
    return f"{label}: {problem.sentence()}."


def judge(
    result: VerifyResult,
    where: str,
    *,
    is_file: bool = False,
    digest: str | None = None,
    receipt: Receipt | None = None,
    stamps: Sequence[StampCheck] = (),
) -> Verdict:
    """Every line of a `verify`, from the chain's result and any outside anchors given."""
    verdict = Verdict()
    p = result.problem
    if p is not None:
        verdict.add("bad", headline(p))
        if p.seq and p.seq > 1:
            earlier = "Entry 1" if p.seq == 2 else f"Entries 1 to {p.seq - 1}"
            verdict.add(
                "plain", f"{earlier} of {where} still {'match' if p.seq > 2 else 'matches'}."
            )
    elif result.entries == 0:
        verdict.add("plain", f"No entries yet: {where} is empty, so there is nothing to check.")
    elif is_file:
        verdict.add(
            "good",
            f"Consistent: {result.entries} entries link up and the file's seal matches, "
            f"final digest {result.head}.",
        )
    else:
        verdict.add("good", f"Intact: {result.entries} entries, final digest {result.head}.")
    if p is None and result.entries:
        _files_line(verdict, result)
    anchored = _anchors(verdict, result, where, digest, receipt, stamps)
    if p is None and result.entries and not anchored:
        verdict.add("plain", _unanchored(is_file))
    if p is None and result.entries:
        verdict.add("plain", f"Receipt for this state: {receipt_of(result.entries, result.head)}")
    return verdict


def _files_line(verdict: Verdict, result: VerifyResult) -> None:
    if not (result.files_checked or result.files_not_checked):
        return
    plural = "" if result.files_checked == 1 else "s"
    files = f"{result.files_checked} kept file{plural} checked"
    if result.files_not_checked:
        files += f" ({result.files_not_checked} not exported beside it, so not checked)"
    verdict.add("plain", f"{files[0].upper()}{files[1:]}.")


def _anchors(
    verdict: Verdict,
    result: VerifyResult,
    where: str,
    digest: str | None,
    receipt: Receipt | None,
    stamps: Sequence[StampCheck],
) -> bool:
    """Lines for the digest, receipt and timestamps given; True if any vouches for the log."""
    vouched = False
    if digest is not None:
        if result.problem is None and digest.strip().lower() == result.head:
            verdict.add("good", "It matches the digest you gave.")
            vouched = True
        else:
            verdict.add(
                "bad",
                "The final digest is not the one you gave: this is a different version of the log.",
            )
    if receipt is not None:
        check = check_receipt(result, receipt, where)
        verdict.add("good" if check.matches else "bad", check.sentence)
        vouched = vouched or check.matches
    for stamp in stamps:
        tone = "bad" if not stamp.ok else "good" if stamp.trusted else "warn"
        verdict.add(tone, stamp.sentence)
        vouched = vouched or stamp.trusted
    return vouched


def _unanchored(is_file: bool) -> str:
    if is_file:
        return (
            "Not proved to be the original: the file hangs together, but anyone with a "
            "computer can rewrite a copy and seal it again. A receipt (--receipt), the digest "
            "printed on the original (--digest) or a trusted timestamp shows it is the original."
        )
    return (
        "Compare this digest with the one on your last printed or exported copy: "
        "a log rewritten from the start cannot be told apart otherwise. "
        "A receipt you wrote down (--receipt) or a trusted timestamp (`footprint log timestamp`) "
        "checks it for you."
    )


def receipt_line(entries: int, digest: str) -> str:
    """After an entry or an export: the receipt, and what to do with it (no command named,
    so the browser can show it too)."""
    return (
        f"Receipt: {receipt_of(entries, digest)}. Write it down or e-mail it to yourself: "
        "checked against it later, it shows these entries are unchanged."
    )


def damage_warning(problem: Problem, *, saved: bool) -> str:
    """Said at once by `add` and `list` when the log does not check."""
    then = "This entry was saved all the same, so no new evidence is lost. " if saved else ""
    return (
        f"Warning: {headline(problem)} {then}"
        "Keep your earlier exports as they are: they show the log as it was. Checking the "
        "log says more, and an export now marks the damaged entries."
    )
