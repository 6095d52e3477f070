"""Ways back: a report opened from the app gets a bar that leads back to footprint.

The report file is shown as it was written (the same bytes the doctor downloads); only the
served view gets the bar, and it is hidden when the report is printed.
"""

from __future__ import annotations

import re

WAY_BACK = (
    "<style>.fp-way-back{position:sticky;top:0;z-index:10;margin:0;padding:.6rem 1rem;"
    "background:#0b3d5c;color:#fff;font:1rem/1.4 system-ui,sans-serif}"
    ".fp-way-back a{color:#fff;font-weight:bold}"
    "@media print{.fp-way-back{display:none}}</style>"
    '<nav class="fp-way-back" aria-label="footprint"><a href="/report">'
    "\u2190 Back to footprint</a> \u00b7 This is your report, shown on this computer only."
    "</nav>"
)
_BODY = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)


def with_way_back(html: bytes) -> bytes:
    """The report page with the way-back bar as the first thing in its body (or at the top,
    for a page without a body tag)."""
    bar = WAY_BACK.encode("utf-8")
    match = _BODY.search(html)
    if match is None:
        return bar + html
    return html[: match.end()] + bar + html[match.end() :]
