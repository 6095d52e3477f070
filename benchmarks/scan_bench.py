"""Scan throughput: the full detector pipeline against phonenumbers' own matcher.

Generates a seeded corpus of realistic practice-style pages (navigation, paragraphs, opening-
hours and fee tables, dates, references, a few phone numbers and e-mail addresses, inline
script and style), then times:

- pipeline: `footprint.detect.pipeline.detect_html` per page (HTML parsing with BeautifulSoup
  and lxml, visible text, links, phones, e-mails, postcodes, addresses, social, schema.org);
- baseline: `phonenumbers.PhoneNumberMatcher(text, "GB", Leniency.VALID)` over the same pages'
  visible text, already extracted (so the baseline does strictly less work).

Prints MB/s (of HTML for the pipeline, of visible text for the baseline), pages/s and the ratio
of the two wall times. Deterministic for a given --seed; runs in well under a minute.

    python benchmarks/scan_bench.py [--pages 200] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from phonenumbers import Leniency, PhoneNumberMatcher

from footprint.detect.pipeline import detect_html
from footprint.detect.text import parse_page

WORDS = (
    "patients appointment practice surgery clinic reception doctor nurse repeat prescription "
    "online services referral results blood test vaccination flu travel asthma diabetes review "
    "please call book cancel home visit registration catchment area parking access wheelchair "
    "friendly team partners salaried locum training practice manager health visitor midwife "
    "pharmacy dispensing out of hours extended access weekend evening telephone consultation "
    "video e-consult feedback complaints privacy notice data protection confidentiality"
).split()
NAMES = ["Alex Example", "Sam Sample", "Jo Placeholder", "Chris Instance", "Pat Specimen"]


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 22))
    return " ".join(words).capitalize() + "."


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"0113 496 0{rng.randint(0, 999):03d}"
    return f"07700 900{rng.randint(0, 999):03d}"


def _nav(rng: random.Random) -> str:
    items = "".join(
        f'<li class="nav__item"><a class="nav__link nav__link--level-1" href="/{w}-{i}" '
        f'data-analytics-id="nav-{w}-{i}">{_ICON}<span class="nav__label">{w.title()}</span></a></li>'
        for i, w in enumerate(rng.sample(WORDS, 40))
    )
    return f"<header><nav><ul>{items}</ul></nav></header>"


def _hours_table() -> str:
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    rows = "".join(f"<tr><td>{d}</td><td>8:00-18:30</td></tr>" for d in days)
    return f'<table class="hours"><tr><th>Day</th><th>Open</th></tr>{rows}</table>'


def _fees_table(rng: random.Random) -> str:
    rows = "".join(
        f"<tr><td>{rng.choice(WORDS).title()} letter</td><td>£{rng.randint(10, 300)}.00</td>"
        f"<td>Ref {rng.randint(10**7, 10**8)}</td><td>{rng.randint(1, 28):02d}/0{rng.randint(1, 9)}/2026</td></tr>"
        for _ in range(rng.randint(5, 15))
    )
    return f"<table>{rows}</table>"


_ICON = (
    '<svg class="icon icon--chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false">'
    '<path d="M8.59 16.59L13.17 12 8.59 7.41 10 6l6 6-6 6-1.41-1.41z"></path></svg>'
)


def _section(rng: random.Random) -> str:
    parts = [
        f'<h2 class="section__title">{_ICON}{rng.choice(WORDS).title()} {rng.choice(WORDS)}</h2>'
    ]
    for _ in range(rng.randint(3, 8)):
        sentences = [_sentence(rng) for _ in range(rng.randint(3, 9))]
        roll = rng.random()
        if roll < 0.08:
            sentences.insert(1, f"Call {_phone(rng)} to book.")
        elif roll < 0.12:
            name = rng.choice(NAMES).lower().replace(" ", ".")
            sentences.insert(1, f"E-mail {name}@nhs.net for results.")
        elif roll < 0.14:
            sentences.insert(
                1, f"NHS number 943 476 {rng.randint(1000, 9999)}, GMC {rng.randint(10**6, 10**7)}."
            )
        parts.append(
            f'<div class="content-block content-block--text js-reveal" data-track="para-{rng.randint(1, 999)}">'
            f'<div class="content-block__inner"><p class="content-block__text">{" ".join(sentences)}</p>'
            "</div></div>"
        )
    return '<section class="page-section page-section--wide">' + "".join(parts) + "</section>"


def make_page(rng: random.Random, target_bytes: int) -> str:
    """One page of about `target_bytes` bytes."""
    head = (
        "<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
        f"<title>{rng.choice(WORDS).title()} | Example Surgery</title>"
        "<style>" + "body{margin:0} .x{color:#333}" * 40 + "</style>"
        "<script>" + "var cfg={a:1,b:'0113 496 0000'};" * 40 + "</script>"
        '<script type="application/json" id="__STATE__">'
        + '{"menu":['
        + ",".join(f'{{"id":{i},"label":"{rng.choice(WORDS)}"}}' for i in range(300))
        + "]}"
        + "</script></head><body>"
    )
    body = [_nav(rng), _hours_table()]
    size = len(head) + sum(map(len, body))
    while size < target_bytes:
        block = _fees_table(rng) if rng.random() < 0.15 else _section(rng)
        body.append(block)
        size += len(block)
    footer = (
        "<footer><address>1 Example Street, Exampleton EX1 1AA</address>"
        f"<p>Reception <a href='tel:+44113496{rng.randint(0, 9999):04d}'>call us</a></p>"
        "<a href='https://www.facebook.com/sharer/sharer.php?u=x'>Share</a></footer></body></html>"
    )
    return head + "".join(body) + footer


def corpus(pages: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [make_page(rng, rng.randint(30_000, 120_000)) for _ in range(pages)]


def best_of(repeat: int, work: Callable[[], int]) -> tuple[float, int]:
    """The fastest of `repeat` timed runs (others on the machine only ever slow a run down)."""
    times, result = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    args = parser.parse_args()

    pages = corpus(args.pages, args.seed)
    texts = [parse_page(p).text for p in pages]
    html_mb = sum(len(p.encode()) for p in pages) / 1e6
    text_mb = sum(len(t.encode()) for t in texts) / 1e6

    pipeline, contacts = best_of(
        args.repeat,
        lambda: sum(len(detect_html(p, "https://practice.example/", "GB")) for p in pages),
    )
    parsing, _ = best_of(args.repeat, lambda: sum(len(parse_page(p).text) for p in pages))
    baseline, phones = best_of(
        args.repeat,
        lambda: sum(len(list(PhoneNumberMatcher(t, "GB", leniency=Leniency.VALID))) for t in texts),
    )

    n = len(pages)
    print(
        f"corpus: {n} pages, {html_mb:.1f} MB of HTML, {text_mb:.1f} MB of visible text "
        f"(seed {args.seed}, best of {args.repeat})"
    )
    print(
        f"pipeline (parse + all detectors):  {pipeline:6.2f} s  {html_mb / pipeline:5.2f} MB/s of HTML  "
        f"{n / pipeline:6.1f} pages/s  ({contacts} contacts)"
    )
    print(f"  of which parsing (bs4 + lxml: visible text, links, markup): {parsing:6.2f} s")
    print(
        f"baseline (PhoneNumberMatcher over the visible text): {baseline:6.2f} s  "
        f"{text_mb / baseline:5.2f} MB/s of text  {n / baseline:6.1f} pages/s  ({phones} phones)"
    )
    print(f"ratio: the pipeline takes {pipeline / baseline:.2f}x the baseline's time")


if __name__ == "__main__":
    main()
