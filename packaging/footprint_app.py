"""The standalone application's entry point.

Opened with no arguments (a double-click), it starts `footprint ui`, which opens the doctor's own
web browser on the start page. With arguments it is the ordinary `footprint` command, so
`footprint --version` and `footprint demo` work from the bundled application too.
"""

from __future__ import annotations

import sys

from footprint.cli import main

if __name__ == "__main__":
    if len(sys.argv) == 1:
        sys.argv.append("ui")
    main()
