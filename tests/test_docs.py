"""The contributor docs stay true to the repository: links, paths, modules and commands exist.

README.md, ARCHITECTURE.md, CONTRIBUTING.md and docs/*.md link only to files inside the repo;
every `src/footprint/...` path, dotted `footprint.x.y` name and module-map entry in
ARCHITECTURE.md exists; every command and option in docs/CONTRACTS.md is a real Click command
and option, and its examples validate.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import click
import pytest
import yaml

from footprint.cli import cli
from footprint.content.checklists import ChecklistFile

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "footprint"
ARCHITECTURE = ROOT / "ARCHITECTURE.md"
CONTRACTS = ROOT / "docs" / "CONTRACTS.md"
DOCS = [
    ROOT / "README.md",
    ARCHITECTURE,
    ROOT / "CONTRIBUTING.md",
    *sorted((ROOT / "docs").glob("*.md")),
]

# Being written by the lead (the "what comes next" decision and the desk around an audit).
# ARCHITECTURE.md already describes them; they are checked once they exist.
PENDING: dict[str, str] = {}  # names a document may mention before their module lands

_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
_FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
_SRC_PATH = re.compile(r"src/footprint/[\w/.]*\w")
_DOTTED = re.compile(r"`(footprint(?:\.\w+)+)")
_FILE_SUFFIXES = (".db", ".py", ".yaml", ".json", ".md", ".html")  # `footprint.db` is a file


def _prose(text: str) -> str:
    """The text outside fenced code blocks (links in code are examples, not links)."""
    return _FENCE.sub("", text)


def _links(doc: Path) -> list[str]:
    return list(_LINK.findall(_prose(doc.read_text(encoding="utf-8"))))


def test_every_doc_exists_and_the_link_check_can_fail() -> None:
    assert all(doc.is_file() for doc in DOCS), [d.name for d in DOCS if not d.is_file()]
    assert _links(ROOT / "README.md"), "the README should link to the contributor docs"
    assert _LINK.findall("[x](../shared/DESIGN.md)") == ["../shared/DESIGN.md"]


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: str(d.relative_to(ROOT)))
def test_relative_links_resolve_inside_the_repo(doc: Path) -> None:
    problems = []
    for link in _links(doc):
        if re.match(r"^[a-z]+:", link) or link.startswith("#"):
            continue  # web addresses, mail links and anchors on the same page
        target = (doc.parent / link.split("#", 1)[0]).resolve()
        if not target.is_relative_to(ROOT):
            problems.append(f"{link}: leaves the repository")
        elif not target.exists():
            problems.append(f"{link}: no such file")
    assert not problems, f"{doc.name}: {problems}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: str(d.relative_to(ROOT)))
def test_no_doc_points_outside_the_repo(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    assert "../shared" not in text and "shared folder" not in text


def _architecture() -> str:
    return ARCHITECTURE.read_text(encoding="utf-8")


def _skip_if_pending(name: str, exists: bool) -> None:
    if not exists and name in PENDING:
        pytest.skip(PENDING[name])


@pytest.mark.parametrize("path", sorted(set(_SRC_PATH.findall(_architecture()))))
def test_every_source_path_in_architecture_exists(path: str) -> None:
    exists = (ROOT / path).exists()
    _skip_if_pending(path, exists)
    assert exists, f"ARCHITECTURE.md names {path}, which does not exist"


def _resolves(dotted: str) -> bool:
    """`footprint.a.b.c`: the longest importable module prefix, then attributes."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attr in parts[cut:]:
            if not hasattr(obj, attr):
                return False
            obj = getattr(obj, attr)
        return True
    return False


def _dotted_names() -> list[str]:
    names = set(_DOTTED.findall(_architecture()))
    return sorted(n for n in names if not n.endswith(_FILE_SUFFIXES))


@pytest.mark.parametrize("dotted", _dotted_names())
def test_every_dotted_name_in_architecture_exists(dotted: str) -> None:
    exists = _resolves(dotted)
    _skip_if_pending(dotted, exists)
    assert exists, f"ARCHITECTURE.md names {dotted}, which does not import"


def test_the_dotted_name_check_can_fail() -> None:
    assert _resolves("footprint.net.client.GatedClient")
    assert not _resolves("footprint.net.client.NoSuchThing")
    assert not _resolves("footprint.nosuchpackage")


def _module_map() -> list[tuple[Path, str]]:
    """(path, description) for each entry of the module-map tree in ARCHITECTURE.md."""
    block = next(body for lang, body in _BLOCK.findall(_architecture()) if lang == "text")
    entries: list[tuple[Path, str]] = []
    stack: list[tuple[int, Path]] = []
    for line in block.splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        name, _, description = line.strip().partition(" ")
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1] if stack else PACKAGE.parent
        path = parent / name.rstrip("/")
        entries.append((path, description.strip()))
        if name.endswith("/"):
            stack.append((indent, path))
    return entries


def test_every_module_map_entry_exists_and_says_what_it_holds() -> None:
    entries = _module_map()
    assert entries[0][0] == PACKAGE
    missing = [str(p.relative_to(ROOT)) for p, _ in entries if not p.exists()]
    assert not missing, f"the module map names what is not there: {missing}"
    assert all(description for _, description in entries)


def test_the_module_map_lists_every_package() -> None:
    listed = {p for p, _ in _module_map()}
    packages = {init.parent for init in PACKAGE.rglob("__init__.py")}
    missing = sorted(str(p.relative_to(ROOT)) for p in packages - listed)
    assert not missing, f"add these packages to the module map in ARCHITECTURE.md: {missing}"


def test_architecture_lists_every_step_of_the_journey() -> None:
    from footprint.audit.journey import Step

    text = _architecture()
    missing = [s.name for s in Step if f"| `{s.name}` |" not in text]
    assert not missing, f"add these steps to the table in ARCHITECTURE.md: {missing}"


# -- docs/CONTRACTS.md ----------------------------------------------------------------------


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _command_lines(section: str) -> list[str]:
    lines = []
    for _, body in _BLOCK.findall(section):
        lines += [line for line in body.splitlines() if line.startswith("footprint ")]
    return lines


def _contract_lines() -> list[str]:
    return _command_lines(_section(CONTRACTS.read_text(encoding="utf-8"), "Commands"))


def _command(words: list[str]) -> click.Command | None:
    """Walk the Click group down the command words; None when one is not a command."""
    command: click.Command = cli
    ctx = click.Context(cli, info_name="footprint")
    for word in words:
        if not isinstance(command, click.Group):
            break
        sub = command.get_command(ctx, word)
        if sub is None:
            return None
        command = sub
    return command


def _words(line: str) -> list[str]:
    """`footprint log add [--when ...]` -> ["log", "add"]: the command words only."""
    words = []
    for word in line.split()[1:]:
        if not re.fullmatch(r"[a-z][a-z-]*", word):
            break
        words.append(word)
    return words


def test_contracts_list_every_command() -> None:
    lines = _contract_lines()
    assert len(lines) >= 20
    listed = {" ".join(_words(line)) for line in lines}
    ctx = click.Context(cli, info_name="footprint")
    for name in cli.list_commands(ctx):
        sub = cli.get_command(ctx, name)
        subs = sub.list_commands(ctx) if isinstance(sub, click.Group) else []
        expected = [f"{name} {s}" for s in subs] or [name]
        assert set(expected) <= listed, f"docs/CONTRACTS.md does not list {expected}"


@pytest.mark.parametrize("line", _contract_lines(), ids=lambda line: " ".join(_words(line)))
def test_each_listed_command_and_option_is_real(line: str) -> None:
    words = _words(line)
    command = _command(words)
    assert command is not None and not isinstance(command, click.Group), (
        f"'footprint {' '.join(words)}' is not a command"
    )
    options = {opt for param in command.params for opt in param.opts}
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", line))
    assert named <= options, f"not options of this command: {sorted(named - options)}"


_PLANNED_NAME = r"`footprint (\w+)"


def test_planned_commands_are_not_built_yet() -> None:
    planned = _section(CONTRACTS.read_text(encoding="utf-8"), "Planned")
    names = re.findall(_PLANNED_NAME, planned)
    # The check can see a planned command (the section may list none once all are built).
    assert re.findall(_PLANNED_NAME, "- `footprint nosuch ARG`: later") == ["nosuch"]
    built = [n for n in names if _command([n]) is not None]
    assert not built, f"move these to 'Commands' in docs/CONTRACTS.md: {built}"


def test_the_command_check_can_fail() -> None:
    assert _command(["nosuch"]) is None and _command(["log", "nosuch"]) is None
    assert _command(["log", "add"]) is not None


def test_the_contracts_checklist_example_validates() -> None:
    section = _section(CONTRACTS.read_text(encoding="utf-8"), "Checklist files (YAML)")
    (body,) = [b for lang, b in _BLOCK.findall(section) if lang == "yaml"]
    parsed = ChecklistFile.model_validate(yaml.safe_load(body))
    assert parsed.items[0].id.startswith(f"{parsed.area}.")


def test_the_contracts_exit_codes_match_the_code() -> None:
    from footprint.errors import ExitCode

    section = _section(CONTRACTS.read_text(encoding="utf-8"), "Exit codes")
    rows = dict(re.findall(r"^\| (\d+) \| `(\w+)` \|", section, re.MULTILINE))
    assert rows == {str(int(code)): code.name for code in ExitCode}
