"""Detection quality: footprint's pipeline against a plain phonenumbers + regex baseline.

The corpus (`benchmarks/corpus/detection/`) is hand-written pages in the shapes real ones take
(UK, US, Irish and Australian GP practices, hospitals, clinics and personal sites), with hand
labels in `labels.json`: every phone (E.164), e-mail and postcode a person reading the page
would use. The pages are full of near-misses: placeholders, opening hours, dates, prices, NHS,
GMC and registration numbers, DOIs, ISBNs, sort codes, years.

Both detectors read the same page in the same run:

- footprint: `footprint.detect.pipeline.detect_html` with the page's region (and the profile's
  state where the label gives one);
- baseline: `phonenumbers.PhoneNumberMatcher(text, region, Leniency.VALID)` over the visible
  text, a common e-mail regex, UK postcode and Eircode regexes, and bare 5-digit (US pages) or
  4-digit (Australian pages) numbers as postcodes.

Scores are per kind over the whole corpus: recall (labels found) and precision (findings that
are labels). Prints a table; `--pages` adds each page's misses and false finds.

    python benchmarks/detection_bench.py [--pages]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from footprint.detect.pipeline import detect_html
from footprint.detect.postcodes import canonical_postcode
from footprint.detect.text import parse_page

CORPUS = Path(__file__).parent / "corpus" / "detection"
KINDS = ("phone", "email", "postcode")

# What a detector returns for one page: kind -> normalised values.
Found = dict[str, set[str]]
DetectFn = Callable[[str, dict[str, object]], Found]


@dataclass
class Score:
    """True and false finds and misses for one kind, summed over the corpus."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0


def load_corpus(folder: Path = CORPUS) -> list[tuple[str, str, dict[str, object]]]:
    """(name, html, label) for every labelled page."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))["pages"]
    return [
        (name, (folder / name).read_text(encoding="utf-8"), label)
        for name, label in sorted(labels.items())
    ]


def footprint_detect(html: str, label: dict[str, object]) -> Found:
    state = label.get("profile_state")
    found: Found = {kind: set() for kind in KINDS}
    contacts = detect_html(
        html, region=str(label["region"]), profile_state=str(state) if state else None
    )
    for contact in contacts:
        if contact.kind in found:
            found[contact.kind].add(contact.normalized)
    return found


_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b")
_EIRCODE = re.compile(r"\b(?:[AC-FHKNPRTV-Y][0-9]{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}\b")
_ZIP = re.compile(r"\b[0-9]{5}(?:-[0-9]{4})?\b")
_AU_POSTCODE = re.compile(r"\b[0-9]{4}\b")


def baseline_detect(html: str, label: dict[str, object]) -> Found:
    region = str(label["region"])
    text = parse_page(html).text
    phones = {
        phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
        for m in PhoneNumberMatcher(text, region, leniency=Leniency.VALID)
    }
    emails = {m.group(0).lower().rstrip(".") for m in _EMAIL.finditer(text)}
    patterns = [_UK_POSTCODE, _EIRCODE]
    patterns += [_ZIP] if region == "US" else [_AU_POSTCODE] if region == "AU" else []
    postcodes = {
        canonical_postcode(m.group(0)) or m.group(0) for p in patterns for m in p.finditer(text)
    }
    return {"phone": phones, "email": emails, "postcode": postcodes}


def score(
    detect: DetectFn, corpus: Iterable[tuple[str, str, dict[str, object]]]
) -> dict[str, Score]:
    """Per-kind scores of `detect` over `corpus`, with a note per miss and false find."""
    scores = {kind: Score() for kind in KINDS}
    for name, html, label in corpus:
        found = detect(html, label)
        for kind in KINDS:
            raw = label.get(kind, [])
            expected = {str(v) for v in raw} if isinstance(raw, list) else set()
            got = found.get(kind, set())
            s = scores[kind]
            s.tp += len(got & expected)
            s.fp += len(got - expected)
            s.fn += len(expected - got)
            s.notes += [f"{name}: missed {v}" for v in sorted(expected - got)]
            s.notes += [f"{name}: false {v}" for v in sorted(got - expected)]
    return scores


def table(footprint: dict[str, Score], baseline: dict[str, Score]) -> str:
    rows = [
        "| Kind | footprint recall | footprint precision | baseline recall | baseline precision |",
        "|---|---|---|---|---|",
    ]
    for kind in KINDS:
        f, b = footprint[kind], baseline[kind]
        rows.append(
            f"| {kind} | {f.recall:.3f} ({f.tp}/{f.tp + f.fn}) | {f.precision:.3f} "
            f"({f.tp}/{f.tp + f.fp}) | {b.recall:.3f} ({b.tp}/{b.tp + b.fn}) | "
            f"{b.precision:.3f} ({b.tp}/{b.tp + b.fp}) |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="store_true", help="list each miss and false find")
    args = parser.parse_args(argv)
    corpus = load_corpus()
    ours, theirs = score(footprint_detect, corpus), score(baseline_detect, corpus)
    print(f"{len(corpus)} pages, {sum(s.tp + s.fn for s in ours.values())} labelled contacts")
    print(table(ours, theirs))
    if args.pages:
        for who, scores in (("footprint", ours), ("baseline", theirs)):
            for kind in KINDS:
                for note in scores[kind].notes:
                    print(f"{who} {kind}: {note}")
    behind = [
        k
        for k in KINDS
        if ours[k].recall < theirs[k].recall or ours[k].precision < theirs[k].precision
    ]
    low = [k for k in KINDS if ours[k].precision < 0.95]
    if behind or low:
        print(f"behind the baseline: {behind or 'none'}; precision below 0.95: {low or 'none'}")
        return 1
    print("footprint at or above the baseline on every kind; every precision at least 0.95")
    return 0


if __name__ == "__main__":
    sys.exit(main())
