"""WeasyPrint is imported in one place only, util/pdf.py, and `available()` says if it loads."""

from __future__ import annotations

import ast
import builtins
import sys
from pathlib import Path
from typing import Any

import pytest

import footprint
from footprint.util import pdf

PACKAGE = Path(footprint.__file__).resolve().parent
THE_ONE_PLACE = PACKAGE / "util" / "pdf.py"


def _imports_weasyprint(tree: ast.AST) -> list[int]:
    """Line numbers of every import of weasyprint: statements and import_module("weasyprint")."""
    lines = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else ""
            called = node.func.id if isinstance(node.func, ast.Name) else called
            if called in ("import_module", "__import__"):
                names = [str(node.args[0].value)]
        if any(name.split(".")[0] == "weasyprint" for name in names):
            lines.append(node.lineno)
    return lines


def test_only_util_pdf_imports_weasyprint() -> None:
    found = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := _imports_weasyprint(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert list(found) == ["util/pdf.py"], found


def test_the_scan_finds_each_way_of_importing() -> None:
    source = (
        "import weasyprint\nfrom weasyprint import HTML\nimport weasyprint.text as t\n"
        "importlib.import_module('weasyprint')\n__import__('weasyprint')\n"
        "import weasyprinted\nfrom .weasyprint import x\n"
    )
    assert _imports_weasyprint(ast.parse(source)) == [1, 2, 3, 4, 5]
    assert _imports_weasyprint(ast.parse(THE_ONE_PLACE.read_text(encoding="utf-8")))


def test_available_is_false_when_weasyprint_is_not_installed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import now raises ImportError
    assert pdf.available() is False


def test_available_is_false_when_its_libraries_cannot_load(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_import = builtins.__import__

    def pango_missing(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(builtins, "__import__", pango_missing)
    assert pdf.available() is False


def test_available_is_true_when_weasyprint_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", type(sys)("weasyprint"))
    assert pdf.available() is True
