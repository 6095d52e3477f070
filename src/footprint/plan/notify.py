"""Telling the doctor after a scheduled re-check: a desktop notification where the system has a
way to show one, otherwise a notice kept for the next time footprint opens.

The words carry no personal details (a notification can show on a locked screen).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from footprint.store.plans import PlanStore

TITLE = "footprint"


def _command(text: str, platform: str) -> list[str] | None:
    if platform == "darwin" and shutil.which("osascript"):
        quoted = text.replace("\\", "\\\\").replace('"', '\\"')
        return ["osascript", "-e", f'display notification "{quoted}" with title "{TITLE}"']
    if platform.startswith("win") and shutil.which("powershell"):
        script = (
            "[reflection.assembly]::loadwithpartialname('System.Windows.Forms') | Out-Null;"
            "$n = New-Object System.Windows.Forms.NotifyIcon;"
            "$n.Icon = [System.Drawing.SystemIcons]::Information; $n.Visible = $true;"
            f"$n.ShowBalloonTip(10000, '{TITLE}', '{text.replace(chr(39), chr(39) * 2)}', 'Info')"
        )
        return ["powershell", "-NoProfile", "-Command", script]
    if shutil.which("notify-send"):
        return ["notify-send", TITLE, text]
    return None


def tell(text: str, plans: PlanStore, platform: str = sys.platform) -> str:
    """Show `text` as a desktop notification, or keep it as a notice; returns which ("desktop"
    or "notice")."""
    command = _command(text, platform)
    if command is not None:
        try:
            subprocess.run(command, check=True, timeout=20, capture_output=True)
            return "desktop"
        except (OSError, subprocess.SubprocessError):
            pass  # no desktop session (a timer at night): keep it for next time instead
    plans.add_notice(text)
    return "notice"
