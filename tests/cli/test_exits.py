"""Only `main()` ends the process: commands raise click's Exit(code), and main() exits with it."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import click
import pytest

import footprint
from footprint import cli as cli_module
from footprint.cli import main
from footprint.errors import ExitCode

PACKAGE = Path(footprint.__file__).resolve().parent
MAY_EXIT = {"cli/__init__.py"}


def _exit_calls(tree: ast.AST) -> list[int]:
    """Lines that call sys.exit, exit, quit or os._exit."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            name = f"{func.value.id}.{func.attr}"
        else:
            name = func.id if isinstance(func, ast.Name) else ""
        if name in ("sys.exit", "exit", "quit", "os._exit"):
            lines.append(node.lineno)
    return lines


def test_no_module_but_the_entry_point_exits() -> None:
    found = {
        rel: lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (rel := str(path.relative_to(PACKAGE))) not in MAY_EXIT
        if (lines := _exit_calls(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert found == {}


def test_the_scan_finds_exits() -> None:
    source = "import sys, os\nsys.exit(1)\nexit()\nos._exit(3)\nquit()\nctx.exit(0)\n"
    assert _exit_calls(ast.parse(source)) == [2, 3, 4, 5]


@pytest.mark.parametrize("code", [0, 1, 130])
def test_main_exits_with_the_code_a_command_raises(
    code: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    @click.command()
    def ends() -> None:
        raise click.exceptions.Exit(code)

    monkeypatch.setattr(cli_module.LazyGroup, "get_command", lambda self, ctx, name: ends)
    with pytest.raises(SystemExit) as info:
        main(["ends"])
    assert info.value.code == code


def test_a_mistyped_command_gets_the_command_meant_and_exit_2(run_cli: Any) -> None:
    r = run_cli("adit")
    assert r.code == ExitCode.USAGE
    assert "Did you mean 'audit'?" in r.stderr
    r = run_cli("sesions", "list")
    assert r.code == ExitCode.USAGE and "Did you mean 'sessions'?" in r.stderr
    r = run_cli("zzzz")
    assert r.code == ExitCode.USAGE and "Did you mean" not in r.stderr


def test_resuming_an_unknown_session_is_bad_input(run_cli: Any, profile_file: Path) -> None:
    r = run_cli("audit", "--resume", "NO-SUCH-ID", "--no-input")
    assert r.code == ExitCode.USAGE
    assert "No stored session 'NO-SUCH-ID'" in r.stderr
