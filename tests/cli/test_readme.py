"""Every YAML and command example in the README works: YAML validates, commands parse or run."""

from __future__ import annotations

import re
import shlex
import warnings
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from footprint.audit.answers import RESPONSE_ID, load_answers
from footprint.cli import cli
from footprint.content.checklists import shipped_catalogue
from footprint.model.profile import Profile, load_profile

README = Path(__file__).resolve().parents[2] / "README.md"
_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks(kind: str) -> list[str]:
    return [body for lang, body in _BLOCK.findall(README.read_text()) if lang == kind]


def _commands() -> list[list[str]]:
    """`footprint ...` lines of the shell blocks, comments dropped, as argument lists."""
    found = []
    for block in _blocks("sh"):
        for line in block.replace("\\\n", " ").splitlines():  # join `\` continuations
            words = shlex.split(line, comments=True)
            if words[:1] == ["footprint"]:
                found.append(words[1:])
    return found


def _unparsed(ctx: click.Context) -> list[str]:
    with warnings.catch_warnings():  # Click 8.2 deprecates protected_args; 9 folds it into args
        warnings.simplefilter("ignore", DeprecationWarning)
        return [*ctx.protected_args, *ctx.args]


def _parse(args: list[str]) -> None:
    """Parse `args` as Click would, down to the subcommand, without running anything."""
    ctx = cli.make_context("footprint", list(args))
    command: click.Command = cli
    rest = _unparsed(ctx)
    while isinstance(command, click.Group) and rest:
        name, sub, rest = command.resolve_command(ctx, rest)
        assert sub is not None, f"unknown command {name}"
        ctx = sub.make_context(name or "", list(rest), parent=ctx)
        command, rest = sub, _unparsed(ctx)


def test_the_readme_has_examples_and_the_parse_check_can_fail() -> None:
    assert len(_blocks("yaml")) >= 2 and len(_commands()) >= 10
    for wrong in (["audit", "--bogus"], ["audit", "--format", "xls"], ["nosuch"]):
        with pytest.raises(click.UsageError):
            _parse(wrong)


@pytest.mark.parametrize("args", _commands(), ids=lambda a: " ".join(a)[:60])
def test_each_command_example_parses(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # files an example names (`log add --file x.png`) exist here
    for flag, value in zip(args, args[1:], strict=False):
        if flag == "--file":
            (tmp_path / value).write_bytes(b"example")
        elif value.endswith("/") and not flag.startswith("--"):  # a folder given as input
            (tmp_path / value).mkdir(exist_ok=True)
    _parse(args)


def _write_yaml_blocks(folder: Path) -> tuple[Path, Path]:
    profile = answers = None
    for n, body in enumerate(_blocks("yaml")):
        data = yaml.safe_load(body)
        path = folder / f"block-{n}.yaml"
        path.write_text(body)
        if "name" in data:
            profile = path
        else:
            assert "answers" in data, f"a YAML block that is neither profile nor answers:\n{body}"
            answers = path
    assert profile is not None and answers is not None
    return profile, answers


def test_each_yaml_example_validates(tmp_path: Path) -> None:
    profile, answers = _write_yaml_blocks(tmp_path)
    assert isinstance(load_profile(profile), Profile)
    parsed = load_answers(answers, [*shipped_catalogue().items, RESPONSE_ID])
    assert parsed.answers and parsed.accepted


def test_the_scripted_audit_example_runs_offline(run_cli: Any, tmp_path: Path) -> None:
    """`footprint audit --profile p.yaml --answers answers.yaml --consent none --no-input`,
    with the README's own profile and answers."""
    profile, answers = _write_yaml_blocks(tmp_path)
    (line,) = [a for a in _commands() if "--answers" in a and "--no-input" in a]
    args = [
        str(profile) if a == "p.yaml" else str(answers) if a == "answers.yaml" else a for a in line
    ]
    r = run_cli(*args, "--out", tmp_path / "out", "--offline")
    assert r.code == 0, r.stderr
    assert (tmp_path / "out" / "report.json").exists()


@pytest.mark.parametrize("args", [["lookups"], ["checklist", "list"]])
def test_read_only_examples_run(run_cli: Any, args: list[str]) -> None:
    assert [a for a in _commands() if a[: len(args)] == args]
    assert run_cli(*args).code == 0
