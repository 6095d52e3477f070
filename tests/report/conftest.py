"""A rich sample report for renderer and redaction tests.

Everything is fictional: "Alex Example", phones from Ofcom's drama ranges (07700 900xxx,
0113 496 0xxx), example.* domains. Guidance entries copy checklists/guidance.yaml.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from footprint.model.consent import ConsentRecord
from footprint.model.profile import Profile
from footprint.model.vocab import Axis, Severity
from footprint.report.model import (
    Evidence,
    Finding,
    GuidanceCitation,
    Level,
    LookupSummary,
    ManualLink,
    NextStep,
    NextStepKind,
    NotChecked,
    Report,
    ResponsePlanSection,
    ResponsePlanStep,
    SinceLast,
    Status,
    Subject,
    Summary,
    TopAction,
    Unanswered,
)

WHEN = datetime(2026, 11, 21, 14, 5, tzinfo=timezone.utc)
HOSTILE = "<script>alert('x')</script>"

PROFILE = Profile.model_validate(
    {
        "name": "Alex Example",
        "title": "Dr",
        "variants": ["A. Example", "Dr A Example"],
        "role": "gp",
        "specialty": "General practice",
        "locality": "Exampleton",
        "workplaces": [{"name": "Example Street Surgery", "town": "Exampleton"}],
        "usernames": {"github": "alexexample-demo"},
        "domains": ["alexexample.example"],
        "private": {
            "emails": ["alex.example.home@gmail.com"],
            "phones": ["07700 900123"],
            "home_postcode": "EX1 2AB",
            "home_street": "12 Fictional Lane",
        },
        "work": {"emails": ["alex.example@nhs.net"], "phones": ["0113 496 0000"]},
    }
)

GUIDANCE = [
    GuidanceCitation(
        id="gmc-social-media-2024",
        publisher="General Medical Council",
        title="Using social media as a medical professional",
        url="https://www.gmc-uk.org/professional-standards/good-medical-practice-2024",
        date="2024-01-30",
        summary="The same standards apply online.",
    ),
    GuidanceCitation(
        id="mdu-unwanted-attention",
        publisher="MDU",
        title="Avoiding unwanted attention from patients",
        url="https://mdujournal.themdu.com/issue-archive/issue-6/avoiding-unwanted-attention-from-patients",
        date="undated",
        summary="Contact your defence body early, tell your manager, log contacts.",
    ),
]


def finding(fid: str, severity: Severity, status: Status = Status.EXPOSED, **kw: Any) -> Finding:
    """A finding with plain defaults; keyword arguments override any field."""
    area = fid.split(".", 1)[0]
    data: dict[str, Any] = {
        "id": fid,
        "title": f"Title of {fid}",
        "severity": severity,
        "axis": Axis.FINDABLE,
        "status": status,
        "area": area,
        "area_title": area.capitalize(),
        "source": "checklist",
        "why": f"Why {fid} matters.",
        "check": f"Settings & privacy > {area} > Who can see it",
        "steps": [f"First step for {fid}.", f"Second step for {fid}."],
        "guidance": ["gmc-social-media-2024"],
        "links": ["https://www.facebook.com/help/privacy"],
        "effort_minutes": 10,
    }
    data.update(kw)
    return Finding(**data)


def _findings() -> list[Finding]:
    return [
        finding(
            "page-scan.home-address",
            Severity.CRITICAL,
            title="Your home address is on a people-search site",
            axis=Axis.LOCATABLE,
            area="page-scan",
            area_title="Pages about you",
            source="lookup:page-scan",
            check=None,
            effort_minutes=20,
            guidance=["mdu-unwanted-attention"],
            links=["https://people.example.net/optout", "https://people.example.net/alex-example"],
            evidence=[
                Evidence(
                    url="https://people.example.net/alex-example-exampleton",
                    snippet="Alex Example, 12 Fictional Lane, Exampleton EX1 2AB",
                    matched="12 Fictional Lane",
                    search='"Dr Alex Example" Exampleton',
                )
            ],
        ),
        finding(
            "page-scan.personal-mobile",
            Severity.HIGH,
            title="Your personal mobile is on a public page",
            axis=Axis.CONTACTABLE,
            area="page-scan",
            area_title="Pages about you",
            source="lookup:page-scan",
            evidence=[
                Evidence(
                    url="https://www.surgery.example.org/team",
                    snippet="Call Dr Example on 07700 900123 out of hours",
                    matched="07700 900123",
                ),
                Evidence(
                    url="javascript:alert(1)",
                    snippet=f"{HOSTILE} write to alex.example.home@gmail.com",
                    matched="alex.example.home@gmail.com",
                    search=f"{HOSTILE} [click](javascript:alert(2))",
                ),
            ],
        ),
        finding("facebook.lookup-by-phone", Severity.HIGH, area_title="Facebook"),
        finding(
            "home.electoral-register",
            Severity.MEDIUM,
            axis=Axis.LOCATABLE,
            area_title="Home address",
            effort_minutes=15,
        ),
        finding("strava.privacy-zones", Severity.LOW, Status.UNSURE, area_title="Strava"),
        finding("photos.exif", Severity.INFO, area_title="Photos and location", effort_minutes=5),
        finding(
            "people-search.192",
            Severity.MEDIUM,
            Status.COULDNT_CHECK,
            title="192.com could not be checked",
            source="lookup:people-search",
            check="Search 192.com for your name and town.",
        ),
    ]


def _summary() -> Summary:
    return Summary(
        score=41,
        coverage=0.72,
        checks=60,
        checks_open=17,
        critical_open=0,
        name_search_done=True,
        next_step="17 of 60 checks still open: answer the remaining questions, and check by hand"
        " what footprint could not check.",
        axes={
            Axis.FINDABLE: Level.MODERATE,
            Axis.CONTACTABLE: Level.HIGH,
            Axis.LOCATABLE: Level.HIGH,
        },
        counts={
            Severity.CRITICAL: 1,
            Severity.HIGH: 2,
            Severity.MEDIUM: 2,
            Severity.LOW: 1,
            Severity.INFO: 1,
        },
        top_actions=[
            TopAction(
                finding_id="page-scan.home-address",
                title="Your home address is on a people-search site",
                first_step="First step for page-scan.home-address.",
                severity=Severity.CRITICAL,
                effort_minutes=20,
            )
        ],
        answered=40,
        asked=52,
        caveat="A good score does not mean nobody can find you.",
    )


def _plan(active: bool) -> ResponsePlanSection:
    return ResponsePlanSection(
        active=active,
        title="If a patient is already contacting you",
        intro="You do not have to handle this alone.",
        first="Keep every message, note and gift: preserve evidence before deleting anything.",
        steps=[
            ResponsePlanStep(
                title="Call your defence union",
                detail="Do it early.",
                guidance=["mdu-unwanted-attention"],
            ),
            ResponsePlanStep(title="Tell your practice manager", detail="They can help."),
            ResponsePlanStep(
                title="Keep a dated log",
                detail="Every contact and gift.",
                links=["https://www.suzylamplugh.org/"],
            ),
        ],
    )


def _report(active: bool = False) -> Report:
    return Report(
        generated_at=WHEN,
        tool_version="0.1.0",
        session_id="sess-0002",
        subject=Subject(
            name="Dr Alex Example", role="gp", jurisdiction="GB", specialty="General practice"
        ),
        adviser="Sam Adviser",
        case="MDU-2026-0042",
        summary=_summary(),
        findings=_findings(),
        accepted=[
            finding(
                "work.practice-phone",
                Severity.LOW,
                title="Your practice phone is on the team page",
                area_title="Work",
            )
        ],
        lookups=[
            LookupSummary(
                id="page-scan",
                title="Pages about you",
                outcomes={"found": 3, "not_found": 4, "couldnt_check": 1, "skipped": 0},
                duration_s=3.46,
                errors=["https://alexexample.example/contact returned 403 for 'Dr Alex Example'"],
            ),
            LookupSummary(
                id="people-search",
                title="People-search sites",
                outcomes={"couldnt_check": 1},
                duration_s=1.0,
            ),
        ],
        consents=[
            ConsentRecord(
                lookup_id="page-scan",
                sentence="your name 'Alex Example' and the pages in your profile to www.surgery.example.org",
                destinations=["www.surgery.example.org", "alexexample.example"],
                granted=True,
                granted_by="member (verbal)",
                asked_by="Sam Adviser",
                how="interactive prompt",
                at=WHEN,
            ),
            ConsentRecord(
                lookup_id="gravatar",
                sentence="a hash of your e-mail address to gravatar.com",
                destinations=["gravatar.com"],
                granted=False,
                granted_by="member (verbal)",
                asked_by="Sam Adviser",
                how="interactive prompt",
                at=WHEN,
            ),
        ],
        unanswered=[
            Unanswered(
                id="google.results-about-you",
                question="Have you set up Google 'Results about you'?",
                severity=Severity.HIGH,
            ),
            Unanswered(
                id="x.discoverability",
                question="Can people find you on X by your phone number?",
                severity=Severity.MEDIUM,
            ),
        ],
        not_checked=[
            NotChecked(
                id="search:1",
                title='Web search: "Dr Alex Example" GP Exampleton',
                reason="couldn't check: rate-limited (429)",
                how_to_check='Search for "Dr Alex Example" and look at the first two pages.',
                links=[
                    ManualLink(
                        label='Search DuckDuckGo for "Dr Alex Example" GP',
                        url="https://duckduckgo.com/?q=%22Dr+Alex+Example%22+GP",
                    )
                ],
            )
        ],
        response_plan=_plan(active),
        guidance=GUIDANCE,
        next_steps=[
            NextStep(kind=NextStepKind.CARRY_ON, args={"session_id": "sess-0002", "count": "2"}),
            NextStep(kind=NextStepKind.ADD_TO_PROFILE, args={"count": "1"}),
            NextStep(kind=NextStepKind.CHECK_BY_HAND, args={"count": "2"}),
        ],
        since_last=SinceLast(
            previous_session="sess-0001",
            previous_date=datetime(2026, 8, 1, 9, 0, tzinfo=timezone.utc),
            previous_score=35,
            fixed=["instagram.public-account"],
            new=["page-scan.personal-mobile"],
            unchanged=["facebook.lookup-by-phone"],
            not_rechecked=["x.discoverability", "strava.old-activities"],
            titles={
                "instagram.public-account": "Is your Instagram account public?",
                "x.discoverability": "People can find you on X by your phone number",
            },
        ),
    )


@pytest.fixture
def profile() -> Profile:
    """The fictional doctor the sample report is about."""
    return PROFILE


@pytest.fixture
def make_report() -> Callable[..., Report]:
    """`make_report(active=True, **field_overrides)` -> a full sample Report."""

    def make(active: bool = False, **overrides: Any) -> Report:
        return _report(active).model_copy(update=overrides)

    return make


@pytest.fixture
def report(make_report: Callable[..., Report]) -> Report:
    """The sample report with the response plan inactive."""
    return make_report()


# --- The demo report, made once per session (realistic: the real demo audit) -----------------


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`footprint demo`'s report (html, md, json): a full audit of the fictional doctor."""
    from tests.auditrun import footprint

    out = tmp_path_factory.mktemp("demo-report")
    r = footprint("demo", "--out", out)
    assert r.code == 0, r.stderr
    return out


@pytest.fixture(scope="session")
def quick_adviser_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A quick adviser-mode audit of the demo doctor (offline): member-copy/ and adviser-copy/."""
    from tests.auditrun import footprint

    from footprint.demo import run as demo

    folder = tmp_path_factory.mktemp("quick-adviser")
    profile = folder / "profile.yaml"
    text = (demo.HERE / "profile.yaml").read_text(encoding="utf-8")
    profile.write_text(text.replace("{demo}", "https://demo.example"), encoding="utf-8")
    out = folder / "out"
    r = footprint(
        "audit",
        "--profile",
        profile,
        "--answers",
        demo.HERE / "answers.yaml",
        "--quick",
        "--offline",
        "--no-input",
        "--no-store",
        "--adviser",
        "Sam Adviser",
        "--case",
        "MDU-2026-0042",
        "--out",
        out,
    )
    assert r.code == 0, r.stderr
    return out
