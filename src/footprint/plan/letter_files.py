"""Writing a draft to files: plain text, an .eml the doctor's mail program opens, and a
printable A4 letter. Nothing is sent: the .eml is marked unsent, and has no recipient when
footprint does not know one."""

from __future__ import annotations

import html
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from footprint.plan.letter_types import Draft
from footprint.util.fsio import write_private_file

_PRINT_CSS = """
@page { size: A4; margin: 20mm; }
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #000; max-width: 170mm; }
p { margin: 0 0 0.8em; white-space: pre-wrap; }
.note { font: 9pt/1.4 sans-serif; border: 1px solid #888; padding: 0.6em; margin-bottom: 1.5em; }
@media print { .note { display: none; } }
"""


def draft_text(draft: Draft) -> str:
    """The .txt form: who to send it to and how, then the letter."""
    head = [f"To: {draft.recipient_name}" + (f" <{draft.to}>" if draft.to else "")]
    if draft.web_form:
        head.append(f"Web form: {draft.web_form}")
    head.append(f"Subject: {draft.subject}")
    head.append(f"How to send: {draft.how_to_send}")
    head += [f"Note: {note}" for note in draft.notes]
    if draft.deadline_days:
        head.append(f"Answer due: {draft.deadline_days} days after you send it")
    if draft.law:
        head.append(f"Law: {draft.law} ({draft.law_url})")
    return "\n".join(head) + "\n\n" + draft.text


def draft_email(draft: Draft) -> EmailMessage:
    """An unsent message: To only when known, no From (the mail program adds the doctor's)."""
    message = EmailMessage(policy=SMTP)
    if draft.to:
        message["To"] = draft.to
    message["Subject"] = draft.subject
    message["X-Unsent"] = "1"  # mail programs that honour it open the file as a draft
    message.set_content(draft.text)
    return message


def draft_html(draft: Draft) -> str:
    """A printable letter: the how-to-send note shows on screen and is left off the print."""
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in draft.text.split("\n\n"))
    notes = "".join(f"<br>{html.escape(n)}" for n in draft.notes)
    return (
        '<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{html.escape(draft.subject)}</title><style>{_PRINT_CSS}</style></head>"
        f'<body><div class="note">{html.escape(draft.how_to_send)}{notes}</div>\n'
        f"{paragraphs}\n</body></html>\n"
    )


def write_draft(draft: Draft, out_dir: Path, stem: str) -> list[Path]:
    """Write `stem`.txt, .eml and .html under `out_dir` (created, readable by the owner only)."""
    contents = {
        ".txt": draft_text(draft).encode("utf-8"),
        ".eml": draft_email(draft).as_bytes(),
        ".html": draft_html(draft).encode("utf-8"),
    }
    written = []
    for suffix, data in contents.items():
        # Owner-only (the letters carry the doctor's name and what to remove), and never
        # through a link planted where a letter goes.
        written.append(write_private_file(out_dir / f"{stem}{suffix}", data))
    return written
