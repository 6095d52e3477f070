"""Nothing lost: kill the audit process mid-interview, resume, and nothing is lost or re-asked.

Each trial runs a real `footprint audit --offline --quick` on a pseudo-terminal (see
tests/ptyaudit.py for why), answers k questions (k random), kills the process with SIGKILL,
then checks the store directly: every answer given before the kill is there with its value,
except at most the one being answered at the moment of the kill. It then resumes (with
`--resume ID`, or by accepting the start-up offer to carry on) and checks that the resumed run
asks exactly the questions with no stored answer, in order, and finishes with every answer.

Kill timing varies per trial (seeded): right after typing the answer (a race with the write),
after a short random delay, or once the next question is on screen (the answer is certainly
written). Two audit processes writing to one store at once must both complete.
"""

from __future__ import annotations

import random
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from tests.auditrun import (
    exposed,
    footprint,
    items_for,
    report_json,
    session_ids,
    write_answers,
    write_profile,
)
from tests.ptyaudit import Prompt, PtyProcess, child_env

from footprint.audit.answers import RESPONSE_ID
from footprint.audit.questions import quick_selection
from footprint.content.checklists import ChecklistItem, select_items, shipped_catalogue
from footprint.demo.run import demo_profile, demo_settings
from footprint.demo.server import DemoServer
from footprint.errors import StoreError
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import load_profile
from footprint.model.vocab import Answer
from footprint.store.sessions import SessionData, Store
from footprint.util.settings import Settings

TRIALS = 20
SEED = 20250505
KEYS = {"y": Answer.YES, "n": Answer.NO, "u": Answer.UNSURE, "na": Answer.NA}
RESPONSE_KEYS = ("y", "n", "u")  # the response question takes no "na"

PROFILE = """\
name: Alex Example
title: Dr
role: gp
jurisdiction: GB
platforms: [facebook]
private:
  emails: [alex.private@example.org]
  phones: ["07700 900123"]
  home_postcode: EX1 2AB
"""


@dataclass
class Interview:
    """The questions of the audit under test, by what the prompt shows."""

    items: list[ChecklistItem]
    response_question: str
    by_question: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.by_question = {i.question: i.id for i in self.items}
        assert len(self.by_question) == len(self.items), "questions must be unique to map them"
        self.by_question[self.response_question] = RESPONSE_ID

    @property
    def all_ids(self) -> list[str]:
        """Every answer the full interview collects, in asking order."""
        return [RESPONSE_ID, *(i.id for i in self.items)]

    def identify(self, prompt: Prompt) -> str:
        """The item id a prompt asks about."""
        assert prompt.kind in ("item", "response"), f"unexpected prompt {prompt}"
        return self.by_question[prompt.text]


@pytest.fixture(scope="module")
def profile_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("profile") / "profile.yaml"
    path.write_text(PROFILE)
    return path


@pytest.fixture(scope="module")
def interview(profile_path: Path) -> Interview:
    catalogue = shipped_catalogue()
    items = quick_selection(select_items(catalogue, load_profile(profile_path)))
    return Interview(items, catalogue.response_plan.question)


def _key(rng: random.Random, prompt: Prompt) -> str:
    return rng.choice(RESPONSE_KEYS if prompt.kind == "response" else tuple(KEYS))


def _stored(home: Path) -> SessionData:
    store = Store(home / "data" / "footprint.db")
    try:
        sessions = store.list_sessions()
        assert len(sessions) == 1, f"expected one session, found {len(sessions)}"
        return store.load(sessions[0].id)
    finally:
        store.close()


def _answer(
    proc: PtyProcess, interview: Interview, rng: random.Random, k: int
) -> list[tuple[str, Answer]]:
    """Answer k questions; returns what was answered, in order."""
    given: list[tuple[str, Answer]] = []
    for _ in range(k):
        prompt = proc.next_prompt()
        assert prompt is not None, proc.output
        key = _key(rng, prompt)
        given.append((interview.identify(prompt), KEYS[key]))
        proc.send(key)
    return given


def _answer_then_ctrl_c(
    proc: PtyProcess, interview: Interview, rng: random.Random, k: int
) -> list[tuple[str, Answer]]:
    """Answer k questions, wait for the next one, then press Ctrl-C."""
    given = _answer(proc, interview, rng, k)
    assert proc.next_prompt() is not None, proc.output
    status = proc.interrupt()
    assert status == 130, proc.output  # "Stopped": Ctrl-C's exit code, no traceback
    return given


def _answer_until_killed(
    proc: PtyProcess, interview: Interview, rng: random.Random, k: int, timing: str
) -> list[tuple[str, Answer]]:
    """Answer k questions, then SIGKILL the process; returns what was answered, in order."""
    given = _answer(proc, interview, rng, k)
    if timing == "next-question" or k == 0:
        # The answer was written before the next question appeared; with k == 0, the session
        # exists before the first question does.
        assert proc.next_prompt() is not None, proc.output
    elif timing == "jitter":
        time.sleep(rng.uniform(0, 0.01))
    status = proc.kill(signal.SIGKILL)
    assert status == -signal.SIGKILL, proc.output
    return given


def _check_nothing_lost(
    stored: dict[str, Answer], given: list[tuple[str, Answer]], timing: str
) -> None:
    """Every answer before the last is stored as given; the last may be lost unless seen saved."""
    assert set(stored) <= {item for item, _ in given}, "the store holds answers nobody gave"
    for item, answer in given[:-1]:
        assert stored.get(item) == answer, f"{item}: answered {answer}, stored {stored.get(item)}"
    if given:
        item, answer = given[-1]
        if timing == "next-question":
            assert stored.get(item) == answer, (
                f"{item}: the next question was shown, yet this answer was not stored"
            )
        else:
            assert stored.get(item) in (answer, None)


def _resume(
    home: Path,
    profile_path: Path,
    session_id: str,
    interview: Interview,
    rng: random.Random,
    via_offer: bool,
) -> tuple[list[str], dict[str, Answer], int, str]:
    """Carry on the session and answer everything; returns what was asked and answered."""
    out = home / "out"
    if via_offer:  # a plain `footprint audit` offers the unfinished session first
        args = ["audit", "--profile", str(profile_path), "--offline", "--quick", "--out", str(out)]
    else:
        args = ["audit", "--resume", session_id, "--out", str(out)]
    proc = PtyProcess(args, child_env(home))
    asked: list[str] = []
    answered: dict[str, Answer] = {}
    if via_offer:
        offer = proc.next_prompt()
        assert offer is not None and offer.kind == "confirm", proc.output
        assert "unfinished audit" in offer.text
        proc.send("y")
    while (prompt := proc.next_prompt()) is not None:
        item = interview.identify(prompt)
        asked.append(item)
        key = _key(rng, prompt)
        answered[item] = KEYS[key]
        proc.send(key)
    code = proc.finish()
    return asked, answered, code, proc.output


def _trial(n: int, tmp: Path, profile_path: Path, interview: Interview) -> None:
    """One kill point (seeded by n): answer, kill, check the store, resume, check again."""
    rng = random.Random(SEED + n)
    home = tmp / f"trial-{n}"
    total = len(interview.all_ids)
    k = rng.randrange(0, total)  # answers given before the kill (k == total would finish)
    timing = rng.choice(("right-after-typing", "jitter", "next-question"))
    proc = PtyProcess(
        ["audit", "--profile", str(profile_path), "--offline", "--quick", "--out", str(home / "o")],
        child_env(home),
    )
    given = _answer_until_killed(proc, interview, rng, k, timing)

    data = _stored(home)
    assert data.summary.status == "running"
    stored = dict(data.answers)
    _check_nothing_lost(stored, given, timing)

    asked, answered, code, output = _resume(
        home, profile_path, data.summary.id, interview, rng, via_offer=n % 2 == 1
    )
    assert code == 0, output
    kept = f"{len(stored)} answer{'' if len(stored) == 1 else 's'} kept"
    assert f"Resuming session {data.summary.id}: {kept}" in output
    # Exactly the unanswered questions are asked, each once, in the usual order.
    assert asked == [i for i in interview.all_ids if i not in stored], (SEED + n, k, timing)

    final = _stored(home)
    # The report is stored; a quick audit stays open for its "to finish at home" list.
    assert final.summary.status == "stopped" and final.report_json is not None
    assert final.answers == {**stored, **answered}
    assert set(final.answers) == set(interview.all_ids)


@pytest.mark.slow  # TRIALS audits in a terminal, each killed and resumed
@pytest.mark.parametrize("n", range(TRIALS))
def test_sigkill_at_a_random_point_loses_nothing_and_asks_nothing_twice(
    n: int, tmp_path: Path, profile_path: Path, interview: Interview
) -> None:
    _trial(n, tmp_path, profile_path, interview)


def test_start_up_offers_only_the_same_doctors_unfinished_audit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An adviser starting member B's audit must not be offered member A's unfinished one."""
    import footprint.cli.auditcmd as auditcmd

    member_a = write_profile(tmp_path)
    (tmp_path / "b").mkdir()
    member_b = write_profile(tmp_path / "b", PROFILE.replace("Alex Example", "Sam Sample"))
    store = Store()
    unfinished = store.create_session(load_profile(member_a), case_ref="C-1")
    store.save_answer(unfinished, RESPONSE_ID, Answer.NO)
    store.close()
    monkeypatch.setattr(auditcmd, "_interactive", lambda no_input: True)

    r = footprint(
        "audit",
        "--profile",
        member_b,
        "--offline",
        "--quick",
        "--out",
        tmp_path / "ob",
        input="n\nq\n",
    )
    assert "unfinished audit" not in r.stdout, r.stdout
    assert "Resuming" not in r.stdout

    r = footprint(
        "audit",
        "--profile",
        member_a,
        "--offline",
        "--quick",
        "--out",
        tmp_path / "oa",
        input="y\nq\n",
    )
    assert "unfinished audit" in r.stdout and "case C-1" in r.stdout
    assert f"Resuming session {unfinished}: 1 answer kept" in r.stdout


def test_accepted_findings_survive_a_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Findings accepted with --accept or in the answers file stay accepted after a resume."""
    import footprint.cli.auditcmd as auditcmd

    profile = write_profile(tmp_path)
    first, second = items_for(profile, quick=True)[:2]
    answers = write_answers(
        tmp_path / "answers.yaml",
        {first.id: exposed(first), second.id: exposed(second)},
        accepted=[second.id],
    )
    monkeypatch.setattr(auditcmd, "_interactive", lambda no_input: True)
    # No input left at the first question: the run stops (as Ctrl-C would), unfinished.
    r = footprint(
        "audit",
        "--profile",
        profile,
        "--answers",
        answers,
        "--accept",
        first.id,
        "--offline",
        "--quick",
        "--out",
        tmp_path / "o",
        input="",
    )
    assert r.code == 130, r.stdout + r.stderr
    (sid,) = session_ids(r.stdout)
    monkeypatch.setattr(auditcmd, "_interactive", lambda no_input: False)

    r = footprint("audit", "--resume", sid, "--no-input", "--out", tmp_path / "o")
    assert r.code == 0, r.stderr
    data = report_json(tmp_path / "o")
    assert {f["id"] for f in data["accepted"]} == {first.id, second.id}
    assert not {first.id, second.id} & {f["id"] for f in data["findings"]}


@pytest.mark.slow  # two whole audits, each in its own terminal
def test_two_audit_processes_share_one_store(
    tmp_path: Path, profile_path: Path, interview: Interview
) -> None:
    """Two audits answering in turn, each answer its own write to one store: both complete."""
    home = tmp_path / "shared"
    other = tmp_path / "other.yaml"
    other.write_text(PROFILE.replace("Alex Example", "Sam Sample"))
    procs = [
        PtyProcess(
            ["audit", "--profile", str(p), "--offline", "--quick", "--out", str(tmp_path / name)],
            child_env(home),
        )
        for p, name in ((profile_path, "a"), (other, "b"))
    ]
    rng = random.Random(SEED)
    given: list[dict[str, Answer]] = [{}, {}]
    running = [True, True]
    while any(running):
        for n, proc in enumerate(procs):
            if not running[n]:
                continue
            prompt = proc.next_prompt()
            if prompt is None:
                running[n] = False
                continue
            key = _key(rng, prompt)
            given[n][interview.identify(prompt)] = KEYS[key]
            proc.send(key)
    assert [p.finish() for p in procs] == [0, 0], [p.output for p in procs]

    store = Store(home / "data" / "footprint.db")
    sessions = {s.id: store.load(s.id) for s in store.list_sessions()}
    store.close()
    assert len(sessions) == 2
    by_name = {d.profile.name: d for d in sessions.values()}
    for n, name in enumerate(("Alex Example", "Sam Sample")):
        assert by_name[name].summary.status == "stopped"  # quick: the rest is for home
        assert by_name[name].answers == given[n]
        assert set(given[n]) == set(interview.all_ids)


def test_ctrl_c_keeps_the_answers_and_says_how_to_carry_on(
    tmp_path: Path, profile_path: Path, interview: Interview
) -> None:
    home = tmp_path / "home"
    proc = PtyProcess(
        ["audit", "--profile", str(profile_path), "--offline", "--quick", "--out", str(tmp_path)],
        child_env(home),
    )
    given = _answer_then_ctrl_c(proc, interview, random.Random(SEED), 3)
    data = _stored(home)
    assert dict(data.answers) == dict(given)
    assert f"footprint audit --resume {data.summary.id}" in proc.output
    assert "Traceback" not in proc.output


def test_ctrl_c_reaches_the_audit_when_the_tests_run_in_the_background(
    tmp_path: Path, profile_path: Path, interview: Interview
) -> None:
    """`pytest ... &` from a script ignores SIGINT, and children inherit an ignored signal: the
    driver must still start the audit with Ctrl-C working, as a terminal would."""
    home = tmp_path / "home"
    args = ["audit", "--profile", str(profile_path), "--offline", "--quick", "--out", str(tmp_path)]
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        proc = PtyProcess(args, child_env(home))
    finally:
        signal.signal(signal.SIGINT, before)
    given = _answer_then_ctrl_c(proc, interview, random.Random(SEED), 1)
    assert dict(_stored(home).answers) == dict(given)


def test_audits_creating_the_store_at_the_same_moment_all_open_it(tmp_path: Path) -> None:
    """Found by the two-process test: switching a new store to WAL raced ("database is
    locked" at once, no waiting). Six openers released together, sixty times over."""
    failures: list[BaseException] = []
    for round_ in range(60):
        path = tmp_path / f"r{round_}" / "footprint.db"
        start = threading.Barrier(6)

        def open_store(path: Path = path, start: threading.Barrier = start) -> None:
            start.wait()
            try:
                Store(path).close()
            except StoreError as exc:  # pragma: no cover - the assertion reports it
                failures.append(exc)

        threads = [threading.Thread(target=open_store) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert not failures, [f.message for f in failures if isinstance(f, StoreError)]


def test_resume_does_not_rerun_finished_lookups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lookup marked finished keeps its stored result; one cut off by the crash runs again."""
    with DemoServer() as server:
        profile = demo_profile(server.base_url).model_copy(
            update={"urls": [f"{server.base_url}/practice/team.html"]}
        )
        settings = demo_settings(server.base_url)
        monkeypatch.setattr(Settings, "load", classmethod(lambda cls, *a, **k: settings))
        store = Store()
        sid = store.create_session(profile, options={"quick": True, "offline": False})
        kept = Observation(lookup_id="page-scan", outcome=Outcome.NOT_FOUND, subject="kept")
        store.save_observation(sid, kept)
        store.save_lookup_done(sid, "page-scan", 0.5, [])
        cut_off = Observation(lookup_id="rdap", outcome=Outcome.NOT_FOUND, subject="cut off")
        store.save_observation(sid, cut_off)  # no "done" mark: the process died mid-lookup
        store.close()

        out = tmp_path / "out"
        r = footprint(
            "audit",
            "--resume",
            sid,
            "--consent",
            "page-scan,rdap",
            "--no-input",
            "--out",
            out,
            "--format",
            "json",
        )
        assert r.code == 0, r.stderr
        asked = list(server.requests)

    assert not [p for p in asked if p.startswith("/practice")], "page-scan ran again"
    assert [p for p in asked if p.startswith("/rdap")], "the cut-off lookup did not run again"
    lookups = {lk["id"]: lk for lk in report_json(out)["lookups"]}
    assert lookups["page-scan"]["outcomes"]["not_found"] == 1  # the stored result, as it was
    assert lookups["page-scan"]["outcomes"]["found"] == 0  # a rerun would find the leak
    stored = Store().load(sid)
    assert kept in stored.observations and cut_off not in stored.observations
    assert "rdap" in stored.finished_lookups
