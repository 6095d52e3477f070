"""Drive a real `footprint` process through a pseudo-terminal, as a person at a keyboard would.

Why a pseudo-terminal and not a test-only switch: the audit asks questions only when stdin is a
terminal (`_interactive` in footprint.cli.auditcmd). Running the child on a pty exercises that
exact code path (click's prompts, the TTY check, output flushing) with no hook in the product
that a script could leave switched on by mistake. POSIX only (pty, termios); footprint's tests
run on Linux and macOS.

The driver waits for each prompt, says which question it was, and types an answer. The test
decides when to kill the process. Every wait is for a state (a prompt on screen, the child asleep
in its read, the end of its output); the timeouts only matter when something is wrong.
"""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
import termios
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
ITEM_PROMPT = "y / n / u / na / b / s / ? / q: "
RESPONSE_PROMPT = "y / n / u [n]: "
CONFIRM_PROMPTS = ("[Y/n]: ", "[y/N]: ")
_ITEM_HEADER = re.compile(
    r"^\[(\d+)/(\d+)[^\]]*\] (.+)$", re.MULTILINE
)  # [12/30, about 6 min left]
_TTY_READ = ("wait_woken", "n_tty_read")  # /proc wchan of a process asleep in a terminal read
_SIGINT_BIT = 1 << (signal.SIGINT - 1)  # in the /proc status signal masks


@contextmanager
def _sigint_not_ignored() -> Iterator[None]:
    """Start children with Ctrl-C working, as a shell starts a job in the foreground.

    A process started in the background by a script (`pytest ... &`) has SIGINT ignored, and an
    ignored signal stays ignored across fork and exec: the child audit would never see the
    Ctrl-C, and the test would hang until its timeout. A handled signal is reset to the default
    by exec, so installing Python's handler here for the moment of the spawn is enough.
    """
    if signal.getsignal(signal.SIGINT) != signal.SIG_IGN:
        yield
        return
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


@dataclass(frozen=True)
class Prompt:
    """One prompt the process is waiting at."""

    kind: str  # "item" | "response" | "confirm"
    text: str  # the question (item or response) or the confirm line


class PtyProcess:
    """`python -m footprint ARGS` on a pseudo-terminal (echo off, so output is only output)."""

    def __init__(self, args: list[str], env: Mapping[str, str], cwd: Path | None = None) -> None:
        master, slave = pty.openpty()
        attrs = termios.tcgetattr(slave)
        attrs[3] &= ~termios.ECHO
        termios.tcsetattr(slave, termios.TCSANOW, attrs)
        with _sigint_not_ignored():
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "footprint", *args],
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=dict(env),
                cwd=cwd,
                close_fds=True,
            )
        os.close(slave)
        self._master = master
        self._raw = b""
        self._seen = 0  # how much of the output has been consumed by earlier prompts
        self._eof = False

    # -- output --------------------------------------------------------------------------

    @property
    def output(self) -> str:
        """Everything printed so far, without colour codes and carriage returns."""
        return _ANSI.sub("", self._raw.decode("utf-8", errors="replace")).replace("\r", "")

    def _read(self, timeout: float) -> bool:
        """Read what is available; False at end of output or on timeout."""
        if self._eof:
            return False
        ready, _, _ = select.select([self._master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self._master, 65536)
        except OSError:  # EIO: the child closed the terminal (it exited)
            chunk = b""
        if not chunk:
            self._eof = True
            return False
        self._raw += chunk
        return True

    def next_prompt(self, timeout: float = 20.0) -> Prompt | None:
        """Wait for the next prompt; None when the process ends without asking again."""
        while True:
            found = self._find_prompt()
            if found is not None:
                return found
            if not self._read(timeout):
                if self._eof:
                    return None
                raise TimeoutError(f"no prompt within {timeout}s; output:\n{self.output}")

    def _find_prompt(self) -> Prompt | None:
        text = self.output
        fresh = text[self._seen :]
        candidates = [
            (fresh.find(marker), marker, kind)
            for marker, kind in (
                (ITEM_PROMPT, "item"),
                (RESPONSE_PROMPT, "response"),
                *((m, "confirm") for m in CONFIRM_PROMPTS),
            )
            if marker in fresh
        ]
        if not candidates:
            return None
        at, marker, kind = min(candidates)
        before = fresh[:at]
        self._seen += at + len(marker)
        lines = [ln.strip() for ln in before.splitlines() if ln.strip()]
        if kind == "item":
            headers = _ITEM_HEADER.findall(before)
            if not headers:
                raise AssertionError(f"item prompt without a question:\n{before}")
            return Prompt("item", headers[-1][2].strip())
        if kind == "response":
            # The question is the line before "(If yes, ...)".
            question = next(ln for ln in reversed(lines) if not ln.startswith("("))
            return Prompt("response", question)
        return Prompt("confirm", lines[-1] if lines else "")

    def _diagnosis(self) -> str:
        """What a hung child is doing (Linux /proc), and what it printed last."""
        lines = []
        for name in ("status", "wchan", "stack"):
            try:
                text = Path(f"/proc/{self.proc.pid}/{name}").read_text()
            except OSError:
                continue
            keep = ("State", "Sig", "Shd", "Threads")
            lines += [ln for ln in text.splitlines() if name != "status" or ln.startswith(keep)]
        return "\n".join(lines) + "\n--- output ---\n" + self.output[-1500:]

    # -- input and ending ----------------------------------------------------------------

    def send(self, line: str) -> None:
        """Type a line and press Enter."""
        os.write(self._master, line.encode("utf-8") + b"\n")

    def kill(self, sig: int = signal.SIGKILL) -> int:
        """Send `sig` and wait; returns the exit status."""
        self.proc.send_signal(sig)
        return self.finish()

    def interrupt(self, timeout: float = 30.0) -> int:
        """Press Ctrl-C at the prompt on screen (SIGINT) and wait; returns the exit status.

        Python notices SIGINT only when the read is interrupted. A signal that lands between
        printing the prompt and starting the read is noticed only after the next key, as on a
        real terminal (a person presses Ctrl-C again). So wait until the child is asleep in
        its read (Linux: /proc wchan) before pressing it, as a person would: nothing is typed,
        so from then on it stays in that read until the signal comes.
        """
        self._wait_until_reading(timeout)
        self.proc.send_signal(signal.SIGINT)
        return self.finish(timeout)

    def _wait_until_reading(self, timeout: float) -> None:
        """Return once the child is asleep in its terminal read and will act on SIGINT."""
        proc_dir = Path(f"/proc/{self.proc.pid}")
        if not (proc_dir / "wchan").exists():
            time.sleep(0.05)  # no /proc (macOS): give the child a moment to reach its read
            return
        status = (proc_dir / "status").read_text()
        masks = dict(ln.split(":\t", 1) for ln in status.splitlines() if ln.startswith("Sig"))
        if not int(masks["SigCgt"], 16) & _SIGINT_BIT or int(masks["SigBlk"], 16) & _SIGINT_BIT:
            raise AssertionError(f"the child would not act on Ctrl-C:\n{self._diagnosis()}")
        deadline = time.monotonic() + timeout
        while (proc_dir / "wchan").read_text().strip() not in _TTY_READ:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise TimeoutError(f"the child is not waiting for a key:\n{self._diagnosis()}")
            time.sleep(0.002)

    def finish(self, timeout: float = 30.0) -> int:
        """Read the output to its end, wait for the exit and release the terminal.

        The end of the output is the child closing the terminal (Linux gives EIO once all it
        wrote has been read), not a pause in it, which under load proves nothing.
        """
        deadline = time.monotonic() + timeout
        while not self._eof and time.monotonic() < deadline:
            self._read(max(0.0, deadline - time.monotonic()))
        try:
            code = self.proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            raise TimeoutError(f"still running after {timeout}s:\n{self._diagnosis()}") from None
        os.close(self._master)
        return code


def child_env(home: Path) -> dict[str, str]:
    """The environment for a child audit: its own FOOTPRINT_HOME, no keys or overrides."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOOTPRINT_")}
    env["FOOTPRINT_HOME"] = str(home)
    env["TERM"] = "dumb"
    env["COLUMNS"] = "200"
    return env
