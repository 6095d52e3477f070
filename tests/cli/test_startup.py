"""`footprint --help` must not load the heavy libraries (jinja2, rich, pydantic, lookups)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = (
    "jinja2",
    "rich",
    "pydantic",
    "requests",
    "phonenumbers",
    "bs4",
    "footprint.lookups",
    "werkzeug",
    "footprint.ui",
)


def test_help_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from footprint.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout
    assert "audit" in out.stdout and "demo" in out.stdout and "ui" in out.stdout
