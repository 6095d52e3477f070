"""The package's shape, read from the source with ast (nothing is imported).

- No import circles among footprint modules. Every import counts: at the top, inside a
  function, and under `if TYPE_CHECKING:`; a lazy import only hides a circle. A package's
  `__init__` importing its own submodule (and that submodule importing the package back) is
  not a circle of design.
- No modules at the top of the package apart from `__init__`, `__main__` and `errors`: every
  other module belongs to a concept's package.
- Only the faces (cli/ and ui/) import click, rich or werkzeug.

The layer order itself is checked by import-linter (`lint-imports`, configured in
pyproject.toml).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "footprint"
FRAMEWORKS = frozenset({"click", "rich", "werkzeug"})
FACES = ("footprint.cli", "footprint.ui")
TOP_LEVEL_ALLOWED = frozenset({"__init__.py", "__main__.py", "errors.py"})


def module_files(package: Path = PACKAGE) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    modules: dict[str, Path] = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def imported_names(module: str, path: Path) -> list[str]:
    """Every dotted name `module` imports, wherever the import statement is."""
    is_package = path.name == "__init__.py"
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            names.append(target)
            names.extend(f"{target}.{alias.name}" for alias in node.names)
    return names


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the footprint modules it imports (a name imported from a module counts as it)."""
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        for name in imported_names(module, path):
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module:
                graph[module].add(name)
    return graph


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of two or more modules that reach each other (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, list[str]]] = [(root, sorted(graph[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, todo = work[-1]
            if todo:
                nxt = todo.pop()
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, sorted(graph.get(nxt, ()))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def is_package_and_own_submodule(group: list[str]) -> bool:
    a, b = group if len(group) == 2 else ("", "")
    return bool(a) and (b.startswith(a + ".") or a.startswith(b + "."))


def import_circles(graph: dict[str, set[str]]) -> list[list[str]]:
    return [g for g in strongly_connected(graph) if not is_package_and_own_submodule(g)]


def test_no_import_circles() -> None:
    modules = module_files()
    assert len(modules) > 50, f"found only {len(modules)} modules under {PACKAGE}"
    circles = import_circles(import_graph(modules))
    assert not circles, "import circles among footprint modules (lazy and TYPE_CHECKING " + (
        "imports count):\n" + "\n".join("  " + " <-> ".join(c) for c in circles)
    )


def test_only_init_main_and_errors_at_the_package_top() -> None:
    flat = sorted(p.name for p in PACKAGE.glob("*.py") if p.name not in TOP_LEVEL_ALLOWED)
    assert not flat, f"modules at the top of footprint/ belong in a concept's package: {flat}"


def test_only_the_faces_import_click_rich_or_werkzeug() -> None:
    offenders = {
        module: sorted({n.split(".")[0] for n in imported_names(module, path)} & FRAMEWORKS)
        for module, path in module_files().items()
        if not module.startswith(FACES)
    }
    offenders = {m: f for m, f in offenders.items() if f}
    assert not offenders, "core modules importing a face's framework:\n" + "\n".join(
        f"  {m}: {', '.join(f)}" for m, f in sorted(offenders.items())
    )


def test_the_circle_check_sees_lazy_and_type_checking_imports(tmp_path: Path) -> None:
    """The checks above can fail: a circle made of a lazy and a TYPE_CHECKING import is found."""
    package = tmp_path / "footprint"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("from footprint.sub.a import A\n")
    (package / "sub" / "a.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import B\nclass A: ...\n"
    )
    (package / "sub" / "b.py").write_text(
        "def f():\n    from footprint.sub.a import A\n    import click\nclass B: ...\n"
    )
    modules = module_files(package)
    graph = import_graph(modules)
    assert graph["footprint.sub.a"] == {"footprint.sub.b"}
    assert graph["footprint.sub.b"] == {"footprint.sub.a"}
    assert import_circles(graph) == [["footprint.sub.a", "footprint.sub.b"]]
    assert "click" in imported_names("footprint.sub.b", modules["footprint.sub.b"])


def test_a_package_importing_its_own_submodule_is_not_a_circle() -> None:
    graph = {"footprint.net": {"footprint.net.client"}, "footprint.net.client": {"footprint.net"}}
    assert strongly_connected(graph) == [["footprint.net", "footprint.net.client"]]
    assert import_circles(graph) == []
