"""Replay the recorded real answers through the lookups, offline: `footprint lookups --check-formats`.

`data/samples/` holds answers recorded from the live services by other projects (each one's
source in `sources.json`) and `manifest.json`, the cases: which lookup (or search engine) reads
which samples, for which fictional or sample-matching profile, and the outcomes the status and
body call for. Each case serves its samples from a loopback server (`replay_server`), points
the lookup at it with the usual `FOOTPRINT_<SERVICE>_URL` override, runs it through a real
gated client, and compares. The tests use the same manifest, so a case that passes here passes
there. When a service changes its format, record a new answer, add a case, and start here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache
from importlib import resources
from typing import Any

from footprint.lookups.replay.server import Answer, SampleServer
from footprint.model.consent import ConsentRecord
from footprint.model.observation import Observation
from footprint.model.profile import Profile
from footprint.net.client import FetchError, FetchLimits, HttpClient
from footprint.util.settings import Settings

#: Short limits: every answer is local; a slow one is a failure of the case.
LIMITS = FetchLimits(total_timeout=5.0, connect_timeout=2.0, max_retries=0)
QUERY = "Dr Alex Example"


@dataclass(frozen=True)
class Case:
    """One replay: `target` is a lookup id, or `engine:<id>` for one search engine's parser."""

    id: str
    service: str
    target: str
    routes: dict[str, str]  # path prefix -> sample file under data/samples
    expect: list[str]  # the outcomes, in any order and without repeats
    profile: dict[str, Any] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)  # "{server}" becomes the server's URL
    rewrite: dict[str, str] = field(default_factory=dict)  # in bodies; "{server}" likewise
    contains: list[str] = field(default_factory=list)  # text that must be in what was seen
    lacks: list[str] = field(default_factory=list)  # text that must not be

    @property
    def samples(self) -> list[str]:
        return sorted(set(self.routes.values()))


@dataclass(frozen=True)
class Replayed:
    """What a case gave, and whether it is what the manifest expects."""

    case: Case
    outcomes: list[str]
    seen: str  # observations (or results) as JSON text, for `contains` / `lacks`
    problems: list[str]

    @property
    def as_expected(self) -> bool:
        return not self.problems


def _root() -> Any:
    return resources.files("footprint.lookups").joinpath("data/samples")


@cache
def sources() -> dict[str, dict[str, Any]]:
    """sources.json: sample file -> where it was recorded, its status and headers."""
    data: dict[str, dict[str, Any]] = json.loads(_root().joinpath("sources.json").read_text())
    return data


def load_cases() -> list[Case]:
    """Every case in manifest.json, in file order."""
    raw = json.loads(_root().joinpath("manifest.json").read_text(encoding="utf-8"))
    return [Case(**item) for item in raw["cases"]]


def recorded_answer(sample: str, rewrite: dict[str, str], server: str) -> Answer:
    """The sample's body (with `rewrite` applied), status and headers as recorded."""
    meta = sources()[sample]
    body = _root().joinpath(sample).read_text(encoding="utf-8")
    for old, new in rewrite.items():
        body = body.replace(old, new.replace("{server}", server))
    headers = {str(k): str(v) for k, v in (meta.get("headers") or {}).items()}
    return Answer(int(meta.get("status", 200)), headers, body.encode("utf-8"))


def replay(case: Case) -> Replayed:
    """Serve the case's samples on loopback, run its target against them, compare."""
    with SampleServer() as server:
        for prefix, sample in case.routes.items():
            server.routes[prefix] = recorded_answer(sample, case.rewrite, server.url)
        env = {k: v.replace("{server}", server.url) for k, v in case.env.items()}
        settings = Settings(env=env, allow_loopback=True)
        profile = Profile.model_validate({"name": "Alex Example", **case.profile})
        if case.target.startswith("engine:"):
            outcomes, seen = _run_engine(case.target.removeprefix("engine:"), settings, profile)
        else:
            observations = _run_lookup(case.target, settings, profile)
            outcomes = [str(o.outcome) for o in observations]
            seen = json.dumps([o.model_dump(mode="json") for o in observations])
    return Replayed(case, outcomes, seen, _problems(case, outcomes, seen))


def _problems(case: Case, outcomes: list[str], seen: str) -> list[str]:
    problems = []
    if sorted(set(outcomes)) != sorted(set(case.expect)):
        problems.append(f"outcomes {sorted(set(outcomes))}, expected {sorted(set(case.expect))}")
    problems += [f"missing {text!r}" for text in case.contains if text not in seen]
    problems += [f"should not show {text!r}" for text in case.lacks if text in seen]
    return problems


def _grant(target: str, hosts: frozenset[str]) -> ConsentRecord:
    return ConsentRecord(
        lookup_id=target,
        sentence="replay of recorded answers on this computer",
        destinations=sorted(hosts),
        granted=True,
        granted_by="footprint lookups --check-formats",
        how="replay",
        at=datetime.now(timezone.utc),
    )


def _run_lookup(lookup_id: str, settings: Settings, profile: Profile) -> list[Observation]:
    from footprint.lookups.registry import all_lookups
    from footprint.lookups.search.common import clear_search_cache

    clear_search_cache()  # each case gets fresh answers
    lookup = next(item for item in all_lookups(settings) if item.id == lookup_id)
    reason = lookup.skip_reason(profile)
    if reason is not None:
        return [lookup.skipped(lookup.title, reason)]
    hosts = lookup.hosts(profile)
    with HttpClient(LIMITS, allow_loopback=True) as client:
        return list(lookup.run(profile, client.bind(_grant(lookup_id, hosts), hosts)))


def _run_engine(engine: str, settings: Settings, profile: Profile) -> tuple[list[str], str]:
    from footprint.lookups.search.engine_chain import ENGINES

    # By id, not through the chain: a format is checked even for an engine the date retired.
    backend = ENGINES[engine](settings, str(profile.jurisdiction))
    hosts = frozenset({backend.host})
    with HttpClient(LIMITS, allow_loopback=True) as client:
        try:
            results = backend.search(QUERY, client.bind(_grant(engine, hosts), hosts))
        except FetchError as err:
            return ["couldnt_check"], err.reason
    seen = json.dumps([[r.title, r.url, r.snippet] for r in results], ensure_ascii=False)
    return ["found" if results else "not_found"], seen


@dataclass(frozen=True)
class ServiceRow:
    """One line of the `--check-formats` table."""

    service: str
    samples: int
    cases: int
    as_expected: int
    problems: list[str]


def check_formats(cases: list[Case] | None = None) -> list[ServiceRow]:
    """Replay every case and summarise per service, in manifest order."""
    results: dict[str, list[Replayed]] = {}
    for case in cases if cases is not None else load_cases():
        results.setdefault(case.service, []).append(replay(case))
    rows = []
    for service, done in results.items():
        samples = {s for r in done for s in r.case.samples}
        problems = [f"{r.case.id}: {p}" for r in done for p in r.problems]
        ok = sum(r.as_expected for r in done)
        rows.append(ServiceRow(service, len(samples), len(done), ok, problems))
    return rows


def unused_samples() -> list[str]:
    """Recorded samples no case reads (each should have one)."""
    used = {s for case in load_cases() for s in case.samples}
    return sorted(set(sources()) - used)
