"""Adviser mode end to end: who asked, who agreed, and an adviser copy with no identifiers.

A real `footprint audit --adviser "Sam Adviser" --case C-42` of the demo's fictional doctor runs
against the demo pages on 127.0.0.1 (the team page leaks a personal mobile, the clinic page an
obfuscated personal e-mail, the Companies House stand-in a home address and a birth month), with
consent asked on the terminal. The member copy must show those details (so the test can fail);
no adviser-copy file, in any format, may hold a private value or any form of the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from tests.adviser_checks import not_allow_listed
from tests.auditrun import footprint, report_json, session_ids, write_answers

from footprint.cli.lookupui import ADVISER_HOW, NOTHING_SENT
from footprint.demo.run import demo_profile, demo_settings
from footprint.demo.server import DemoServer
from footprint.lookups.consent_questions import consent_plan
from footprint.lookups.registry import all_lookups
from footprint.model.profile import Profile
from footprint.util.settings import Settings

ADVISER = "Sam Adviser"
CASE = "C-42"
GRANTED = {"page-scan", "companies-house"}  # quick ones with leaks to find; the rest refused
FORMATS = ("report.html", "report.md", "report.json")


@pytest.fixture(scope="module")
def audit(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    """Run the adviser-mode audit once for the whole module."""
    tmp = tmp_path_factory.mktemp("adviser")
    with pytest.MonkeyPatch.context() as mp, DemoServer() as server:
        mp.setenv("FOOTPRINT_HOME", str(tmp / "home"))
        import footprint.cli.auditcmd as auditcmd

        profile = demo_profile(server.base_url)
        profile = profile.model_copy(
            update={"urls": [u for u in profile.urls if "/slow/" not in u]}
        )
        profile_path = tmp / "profile.yaml"
        profile_path.write_text(yaml.safe_dump(profile.model_dump(mode="json")))
        settings = demo_settings(server.base_url)
        mp.setattr(Settings, "load", classmethod(lambda cls, *a, **k: settings))
        mp.setattr(auditcmd, "_interactive", lambda no_input: True)

        questions, _ = consent_plan(all_lookups(settings), profile)
        questions = [q for q in questions if q.destinations]  # the rest send nothing: not asked
        consent_keys = ["y" if q.lookup_id in GRANTED else "n" for q in questions]
        answers = write_answers(tmp / "answers.yaml", {"facebook.lookup-by-phone": "yes"})
        out = tmp / "out"
        r = footprint(
            "audit",
            "--profile",
            profile_path,
            "--answers",
            answers,
            "--adviser",
            ADVISER,
            "--case",
            CASE,
            "--out",
            out,
            # "q" stops the questions; "k" keeps the member's files for the checks below.
            input="\n".join([*consent_keys, "q", "k"]) + "\n",
        )
        assert r.code == 0, r.stdout + r.stderr
        (sid,) = session_ids(r.stdout)
        yield {"out": out, "stdout": r.stdout, "profile": profile, "sid": sid, "home": tmp}


def _forbidden(profile: Profile, parts: bool = True) -> list[re.Pattern[str]]:
    """Every private value and every form of the name, as patterns over a file's text.

    `parts=False` leaves out single name parts as words: the demo doctor's surname, "Example",
    is also an ordinary word in checklist text ("for example"), which the adviser copy keeps.
    Its JSON is checked word for word against the catalogues instead (`not_allow_listed`).
    """
    p = profile.private
    literal = [*p.emails, *(e.split("@")[0] for e in p.emails), p.home_street or ""]
    literal += [*profile.all_names, *profile.usernames.values(), *profile.domains]
    literal += [w.name for w in profile.workplaces] + [profile.locality or ""]
    names = {w.lower() for n in profile.all_names for w in re.findall(r"[A-Za-z]{3,}", n)} - {"dr"}
    literal += [a + sep + b for a in names for b in names if a != b for sep in ("", ".", "-", "_")]
    patterns = [re.compile(re.escape(v), re.I) for v in literal if v]
    if parts:
        patterns += [re.compile(rf"\b{re.escape(part)}\b", re.I) for part in names]
    for phone in p.phones:  # any spacing or punctuation, with or without +44 / 0
        national = re.sub(r"\D", "", phone).lstrip("0")
        patterns.append(re.compile(r"\D{0,3}".join(national)))
    if p.home_postcode:
        outward, inward = p.home_postcode.split()
        patterns.append(re.compile(rf"{outward}\W{{0,3}}{inward}", re.I))
    return patterns


def _leaks(text: str, patterns: list[re.Pattern[str]]) -> list[str]:
    return [
        f"{m.group(0)!r} near {text[max(0, m.start() - 40) : m.end() + 40]!r}"
        for pat in patterns
        for m in [pat.search(text)]
        if m
    ]


def test_consent_says_who_asks_and_records_that_the_member_agreed(
    audit: dict[str, object],
) -> None:
    assert f"{ADVISER} asks: may footprint do this?" in str(audit["stdout"])
    member = report_json(Path(str(audit["out"])) / "member-copy")
    adviser = report_json(Path(str(audit["out"])) / "adviser-copy")
    for data in (member, adviser):
        assert (data["adviser"], data["case"]) == (ADVISER, CASE)
    consents = {c["lookup_id"]: c for c in member["consents"]}
    asked = {k: c for k, c in consents.items() if c["destinations"]}
    assert {k for k, c in asked.items() if c["granted"]} == GRANTED
    for record in consents.values():
        assert record["asked_by"] == ADVISER
        assert record["granted_by"] == "the member"
        assert record["how"] == (ADVISER_HOW if record["destinations"] else NOTHING_SENT)
    # The adviser's record keeps every decision, who and when, but not what was sent or where.
    keep = ("lookup_id", "granted", "granted_by", "asked_by", "how")
    assert [{k: c[k] for k in keep} for c in adviser["consents"]] == [
        {k: c[k] for k in keep} for c in member["consents"]
    ]
    assert all({"sentence", "destinations"}.isdisjoint(c) for c in adviser["consents"])


def test_member_copy_shows_the_members_own_details(audit: dict[str, object]) -> None:
    """The leaks are really there: otherwise the adviser-copy test would prove nothing."""
    member = (Path(str(audit["out"])) / "member-copy" / "report.json").read_text()
    profile = audit["profile"]
    assert isinstance(profile, Profile)
    assert _leaks(member, _forbidden(profile))
    assert "07700 900123" in member and "EX1 2AB" in member


def test_adviser_copy_holds_no_private_value_and_no_name_form(audit: dict[str, object]) -> None:
    profile = audit["profile"]
    assert isinstance(profile, Profile)
    patterns = _forbidden(profile, parts=False)
    folder = Path(str(audit["out"])) / "adviser-copy"
    for name in FORMATS:
        assert not _leaks((folder / name).read_text(), patterns), name
    data = report_json(folder)
    assert not not_allow_listed(data, {ADVISER, CASE})
    assert data["copy"] == "adviser" and data["findings"]
    assert all("evidence" not in f for f in data["findings"] + data["accepted"])
    member = report_json(folder.parent / "member-copy")
    assert data["score"] == member["summary"]["score"]
    assert len(data["findings"]) == len(member["findings"])


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_report_render_adviser_copy_regenerates_it(
    audit: dict[str, object], fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The call's session (the member's profile with its private block) was deleted once the
    # hand-over file was written: the adviser copy is rendered again from its own file.
    monkeypatch.setenv("FOOTPRINT_HOME", str(Path(str(audit["home"])) / "home"))
    gone = footprint("report", "render", audit["sid"], "--adviser-copy", "--format", fmt)
    assert gone.code != 0 and "No stored session" in gone.stderr
    target = Path(str(audit["home"])) / f"again.{fmt}"
    folder = Path(str(audit["out"])) / "adviser-copy"
    args = ["report", "render", folder / "report.json", "--adviser-copy", "--format", fmt]
    r = footprint(*args, "--out", target)
    assert r.code == 0, r.stderr
    assert target.read_text() == (folder / f"report.{fmt}").read_text()


def test_adviser_copy_from_the_member_report_file_needs_no_session(
    audit: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Allow-listed, the adviser copy is the same with or without the stored profile."""
    profile = audit["profile"]
    assert isinstance(profile, Profile)
    member_json = Path(str(audit["out"])) / "member-copy" / "report.json"
    written = (Path(str(audit["out"])) / "adviser-copy" / "report.md").read_text()
    for home in ("home", "elsewhere"):
        monkeypatch.setenv("FOOTPRINT_HOME", str(Path(str(audit["home"])) / home))
        r = footprint("report", "render", member_json, "--adviser-copy", "--format", "md")
        assert r.code == 0, r.stderr
        assert r.stdout == written + "\n"  # click.echo adds one
        assert not _leaks(r.stdout + r.stderr, _forbidden(profile, parts=False))


@pytest.mark.parametrize("flag", [None, "--adviser-copy"])
def test_the_adviser_copy_file_renders_again_as_itself(
    audit: dict[str, object], flag: str | None
) -> None:
    folder = Path(str(audit["out"])) / "adviser-copy"
    args = ["report", "render", folder / "report.json", "--format", "html"]
    r = footprint(*args, *([flag] if flag else []))
    assert r.code == 0, r.stderr
    assert r.stdout == (folder / "report.html").read_text() + "\n"


def test_the_adviser_copy_file_cannot_give_the_member_copy(audit: dict[str, object]) -> None:
    path = Path(str(audit["out"])) / "adviser-copy" / "report.json"
    r = footprint("report", "render", path, "--member-copy")
    assert r.code == 1 and "adviser copy" in r.stderr and "Traceback" not in r.stderr


def _private_hits(folder: Path, values: list[str], skip: Path | None = None) -> list[str]:
    """'file: value' for every private value (as typed, or a phone's digits) in any file."""
    digits = {re.sub(r"\D", "", v) for v in values}
    forms = set(values) | {d for d in digits if len(d) >= 9}  # a phone as digits only
    hits = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if skip is not None and skip in path.parents:
            continue
        data = path.read_bytes()
        hits += [f"{path.name}: {v}" for v in sorted(forms) if v and v.encode() in data]
    return hits


def test_after_the_call_the_advisers_computer_holds_no_private_value(
    audit: dict[str, object],
) -> None:
    """The session (profile with its private block) is deleted once the member's files are
    written; only the hand-over folder holds the member's details, until it is deleted."""
    profile = audit["profile"]
    assert isinstance(profile, Profile)
    values = profile.private_values()
    out = Path(str(audit["out"]))
    handover = out / "member-copy"
    assert _private_hits(handover, values), "the member's own report shows their details"
    assert _private_hits(Path(str(audit["home"])) / "home", values) == []
    assert _private_hits(out, values, skip=handover) == []
    assert "For the member" in str(audit["stdout"]) and str(handover) in str(audit["stdout"])
