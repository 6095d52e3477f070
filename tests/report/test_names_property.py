"""Property: any doctor gets every copy of the report, and the adviser copy names no one.

Hypothesis generates names, towns, workplaces and handles of every length and script: every
field name of the report and adviser models as a name part ("Case", "First", "New"), one and
two letter names ("Li", "Ó"), accented and common-word names, CJK, random letters of any
script. Each doctor's report is built by the real `build_report` from answers, a previous
audit (so "since last" exists) and lookup observations that quote the doctor everywhere an
instance can: evidence, a finding title, steps, a failed fetch's host and content type, a
lookup error, a not-checked entry and a consent sentence.

(a) The member, masked and adviser copies render in HTML, Markdown and JSON.
(b) The adviser copy does not depend on who the doctor is: in every format it is byte for byte
    the adviser copy of a neutral doctor with the same answers. So no identifier of any length
    can be in it unless it is text we wrote. Checked directly too: no identifier (as written,
    case-folded or without accents) occurs in an adviser copy more often than in the neutral
    doctor's. For identifiers of two or more characters that is "never, except inside our own
    words"; a one-character identifier ("Ó", "王") is held to the same count rule, which is
    all a single letter allows (every English sentence holds an "o"), and is fully covered by
    (b)'s byte-for-byte equality.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint.audit.build import AuditState, Previous, build_report
from footprint.cli.lookupui import ADVISER_HOW
from footprint.content.checklists import select_items, shipped_catalogue
from footprint.model.consent import ConsentRecord
from footprint.model.observation import Exposure, Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Answer, Axis, Exposes, Severity
from footprint.report import adviser as adviser_models
from footprint.report import model as report_models
from footprint.report.adviser import adviser_copy, lookup_titles
from footprint.report.adviser_render import render_adviser
from footprint.report.model import Copy, Report
from footprint.report.redact import to_copy
from footprint.report.render import Format
from footprint.report.scrub import fold

WHEN = datetime(2026, 11, 21, 14, 5, tzinfo=timezone.utc)
FORMATS = [Format.HTML, Format.MARKDOWN, Format.JSON]
ADVISER, CASE = "Adviser Q", "REF-1"


def _field_names() -> list[str]:
    models = [
        m
        for module in (report_models, adviser_models)
        for m in vars(module).values()
        if isinstance(m, type) and hasattr(m, "model_fields") and m.__module__ == module.__name__
    ]
    names = {f for m in [*models, ConsentRecord] for f in m.model_fields} | {"copy"}
    return sorted(names)


FIELD_NAMES = _field_names()
SPECIAL = ["Li", "Wu", "Ng", "O", "Ó", "Zoë", "Briain", "Will", "Page", "May", "Ely", "QMC"]
word = st.one_of(
    st.sampled_from(FIELD_NAMES).flatmap(lambda f: st.sampled_from([f, f.capitalize()])),
    st.sampled_from(SPECIAL),
    st.text(st.characters(categories=["Lu", "Ll", "Lo"]), min_size=1, max_size=10),
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=3),
    st.text(st.sampled_from("aeiouáéíóúàèëïöüçñøåæœß"), min_size=1, max_size=8),
)
name = st.lists(word, min_size=1, max_size=3).map(" ".join).filter(lambda n: len(n.strip()) >= 2)
handle = st.one_of(
    word, st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789-_."), min_size=1)
)


def _profile(doctor: str, town: str, workplace: str, username: str) -> Profile:
    return Profile.model_validate(
        {
            "name": doctor,
            "role": "gp",
            "locality": town,
            "platforms": ["facebook"],
            "workplaces": [{"name": workplace, "town": town}],
            "usernames": {"github": username},
            "private": {"emails": [f"{username}@{town}.example"], "phones": ["07700 900123"]},
        }
    )


def _observations(p: Profile) -> list[Observation]:
    """Lookup results that quote the doctor in every instance field."""
    town, work, user = p.locality, p.workplaces[0].name, p.usernames["github"]
    host = f"dr-{user}.example"
    hostile = Exposure(
        key="page-scan.personal-phone",
        title=f"{p.name}'s mobile is on the {work} page in {town}",  # an instance title
        severity=Severity.CRITICAL,
        axis=Axis.CONTACTABLE,
        exposes=Exposes.PERSONAL_PHONE,
        why=f"{p.name} of {town}",
        steps=[f"Ask {work} to remove it", f"Search {user}"],
    )
    return [
        Observation(
            lookup_id="page-scan",
            outcome=Outcome.FOUND,
            subject=f"page {host}/{town}",
            url=f"https://{host}/{user}",
            snippet=f"Call {p.name} ({town}, {work}) on 07700 900123",
            matched="07700 900123",
            search=f'"{p.name}" {town}',
            exposure=hostile,
        ),
        Observation(
            lookup_id="page-scan",
            outcome=Outcome.COULDNT_CHECK,
            subject=f"page {host}/contact",
            reason=f"{host} sent content type x-{user}-{town}",
            manual_check=f"Open {host} and look for {p.name}",
        ),
        Observation(
            lookup_id="github-profile",
            outcome=Outcome.SKIPPED,
            subject=f"GitHub {user}",
            reason=f"no consent to look up {user}",
        ),
    ]


def _state(p: Profile) -> AuditState:
    items = select_items(shipped_catalogue(), p)
    answers = {i.id: Answer(i.exposed_when) for i in items[:6]} | {items[6].id: Answer.UNSURE}
    consent = ConsentRecord(
        lookup_id="page-scan",
        sentence=f"your name '{p.name}' and the pages of {p.workplaces[0].name} to dr-x.example",
        destinations=[f"dr-{p.usernames['github']}.example"],
        granted=True,
        granted_by="the member",
        asked_by=ADVISER,
        how=ADVISER_HOW,
        at=WHEN,
    )
    return AuditState(
        profile=p,
        session_id="sess-2",
        answers=answers,
        observations=_observations(p),
        consents=[consent],
        lookup_runs={"page-scan": (1.5, [f"https://dr-{p.usernames['github']}.example: 403"])},
        lookup_titles=dict(lookup_titles()),
        adviser=ADVISER,
        case=CASE,
    )


def _report(p: Profile) -> Report:
    catalogue = shipped_catalogue()
    items = select_items(catalogue, p)
    first = build_report(catalogue, items, AuditState(profile=p, answers={items[7].id: Answer.YES}))
    previous = Previous(session_id="sess-1", date=WHEN, report=first)
    report = build_report(catalogue, items, _state(p), previous)
    return report.model_copy(update={"generated_at": WHEN})


def _adviser_texts(p: Profile) -> dict[Format, str]:
    a = adviser_copy(_report(p))
    return {fmt: str(render_adviser(a, fmt)) for fmt in FORMATS}


NEUTRAL = _adviser_texts(_profile("Alex Example", "Exampleton", "Example Surgery", "alexexample"))


def _identifiers(p: Profile) -> set[str]:
    values = {*p.all_names, p.locality or "", p.workplaces[0].name, *p.usernames.values()}
    values |= {w for n in p.all_names for w in n.split()}
    values |= set(p.private.emails) | {e.split("@")[0] for e in p.private.emails}
    values |= {f"dr-{u}.example" for u in p.usernames.values()}
    return {form for v in values for form in (v.strip(), fold(v).strip()) if form}


def _count(value: str, folded_text: str) -> int:
    return len(re.findall(re.escape(fold(value)), folded_text))


FOLDED_NEUTRAL = {fmt: fold(text) for fmt, text in NEUTRAL.items()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doctor=name, town=word, workplace=name, username=handle)
def test_every_copy_renders_and_the_adviser_copy_names_no_one(
    doctor: str, town: str, workplace: str, username: str
) -> None:
    p = _profile(doctor, town, workplace, username)
    report = _report(p)
    masked = to_copy(report, Copy.MASKED, p)
    assert masked.model_dump().keys() == report.model_dump().keys()
    for fmt in FORMATS:
        assert fmt.renderer()(report)
        assert fmt.renderer()(masked)
    adviser = _adviser_texts(p)
    assert adviser == NEUTRAL  # (b): nothing about the doctor reaches the adviser copy
    for fmt, text in adviser.items():
        folded = fold(text)
        for value in _identifiers(p):
            assert _count(value, folded) <= _count(value, FOLDED_NEUTRAL[fmt]), (fmt, value)


def test_the_instance_data_is_really_there_to_leak() -> None:
    """Without this the property could pass on a report that never held the identifiers."""
    p = _profile("Li Wu", "Ely", "QMC", "lw1")
    member = Format.JSON.renderer()(_report(p))
    for value in ("Li Wu", "Ely", "QMC", "lw1", "dr-lw1.example", "x-lw1-Ely"):
        assert value in member, value
