"""The Report model: everything the renderers need, nothing they must compute.

JSON ids are stable across runs (`schema_version` bumps on breaking changes). Copies:
- `member`: the full report with the member's own details (the default for a self-audit);
- `masked`: evidence values masked (e.g. ``07700 9•• •••``), for sharing or printing;
- `adviser`: no raw personal identifiers, no evidence snippets, no URLs (defence-union copy).
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from footprint.model.bounds import NAME_MAX
from footprint.model.consent import ConsentRecord
from footprint.model.vocab import Axis, Severity, StrEnum

# A minor bump adds fields with defaults, so older reports of the same major version still load.
# 1.1: summary.coverage, score may be null; 1.2: next_steps; 1.3: skipped, axis `not_checked`
SCHEMA_VERSION = "1.3"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Copy(StrEnum):
    """Which copy of the report this is."""

    MEMBER = "member"
    MASKED = "masked"
    ADVISER = "adviser"


class Status(StrEnum):
    """A finding's status."""

    EXPOSED = "exposed"
    UNSURE = "unsure"
    COULDNT_CHECK = "couldnt_check"


class Level(StrEnum):
    """How exposed one axis is."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    UNKNOWN = "unknown"  # too little was checked to say
    NOT_CHECKED = "not_checked"  # the axis's main check did not run (findable: the name search)


class NextStepKind(StrEnum):
    """What the doctor can do next. Each face words it for its reader (report/nextsteps.py)."""

    START_AUDIT = "start_audit"  # nothing checked, or nothing kept: a new audit
    CARRY_ON = "carry_on"  # questions still open in a kept session
    FINISH_AT_HOME = "finish_at_home"  # a quick audit's questions left for home
    CHECK_BY_HAND = "check_by_hand"  # what footprint could not check, with links and steps
    RUN_ONLINE = "run_online"  # lookups not run (offline, or not agreed to)
    SAVE_RESULTS_PAGE = "save_results_page"  # the name search did not run: save a results page
    ADD_TO_PROFILE = "add_to_profile"  # lookups that need a detail the profile lacks
    START_LOG = "start_log"  # a patient is contacting the doctor: keep a dated log
    REAUDIT = "reaudit"  # everything answered: look again in a few months


class NextStep(_Model):
    """One thing to do next, as data: the renderers put it into words for their reader."""

    kind: NextStepKind
    args: dict[str, str] = Field(
        default_factory=dict,
        description="What the words need: e.g. session_id, count, months.",
    )


class Evidence(_Model):
    """Where and what: a URL, a short snippet, the value that matched."""

    url: str | None = None
    snippet: str | None = None
    matched: str | None = None
    search: str | None = Field(default=None, description="The search that finds it, if any.")


class GuidanceCitation(_Model):
    """A guidance reference as printed in the report."""

    id: str
    publisher: str
    title: str
    url: str
    date: str
    summary: str


class Finding(_Model):
    """Something a patient could use to reach you, and how to close it."""

    id: str = Field(description="Stable: checklist item id, or '<lookup>.<key>[:<n>]'.")
    title: str
    severity: Severity
    axis: Axis
    status: Status
    area: str = Field(description="Checklist area or platform, or the lookup id.")
    area_title: str
    source: str = Field(description="'checklist' or 'lookup:<id>'.")
    why: str
    check: str | None = Field(default=None, description="How to check (by hand).")
    evidence: list[Evidence] = Field(default_factory=list)
    steps: list[str]
    guidance: list[str] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)
    effort_minutes: int
    last_confirmed: int | None = Field(
        default=None,
        description="A checklist finding whose sources are all old or undated: the year it "
        "was last checked, shown as 'last confirmed YEAR'.",
    )


class TopAction(_Model):
    """One of the "do these first" actions."""

    finding_id: str
    title: str
    first_step: str
    severity: Severity
    effort_minutes: int
    status: Status = Field(
        default=Status.EXPOSED, description="'unsure' when the doctor was not sure: check first."
    )


class Summary(_Model):
    """At a glance."""

    score: int | None = Field(
        ge=0,
        le=100,
        description="0-100, higher is harder to reach; null while coverage is below 0.6, an"
        " applicable critical question is unanswered or unsure, or the name search is not done"
        " (a score then would mislead).",
    )
    coverage: float = Field(
        default=0.0,
        ge=0,
        le=1,
        description="Severity-weighted share of the checks that apply (questions and lookup"
        " checks) that got a real answer: yes/no/n-a, found/not found.",
    )
    checks: int = Field(default=0, description="Checks that apply: questions and lookup checks.")
    checks_open: int = Field(
        default=0, description="Of those, no real answer yet (unanswered, unsure, not checked)."
    )
    critical_open: int = Field(
        default=0,
        description="Critical questions that apply and are unanswered or unsure (checklist"
        " questions only; `counts.critical` counts critical findings instead).",
    )
    name_search_done: bool = Field(
        default=False,
        description="True when at least one search of the doctor's name (web-search) ran and"
        " got an answer. Until then there is no score and `findable` is never `low`.",
    )
    next_step: str = Field(
        default="",
        description="What to do next, in plain words for any reader (no command);"
        " `Report.next_steps` has the same as data.",
    )
    axes: dict[Axis, Level]
    counts: dict[Severity, int]
    top_actions: list[TopAction]
    answered: int
    asked: int
    caveat: str


class LookupSummary(_Model):
    """How one lookup went."""

    id: str
    title: str
    outcomes: dict[str, int] = Field(description="Outcome -> count.")
    duration_s: float
    errors: list[str] = Field(default_factory=list)
    engines: list[str] = Field(
        default_factory=list, description="Search engines that answered, e.g. 'Brave Search'."
    )
    notes: list[str] = Field(
        default_factory=list, description="News from the run that is not a failure."
    )


class ManualLink(_Model):
    """A ready-made link a doctor can open to check something by hand (e.g. run a search)."""

    label: str = Field(description="What the link does, e.g. 'Search Google for \"Dr A Example\"'.")
    url: str


class NotChecked(_Model):
    """Something we could not or did not check, with how to check it by hand."""

    id: str
    title: str
    reason: str
    how_to_check: str
    links: list[ManualLink] = Field(
        default_factory=list, description="Ready-made links to check it yourself."
    )


class Unanswered(_Model):
    """A checklist question left unanswered (e.g. with --no-input)."""

    id: str
    question: str
    severity: Severity
    skipped: bool = Field(
        default=False,
        description="Reports before 1.3: the doctor skipped this area. Since 1.3 a skipped"
        " area's questions are not open at all: they are under `Report.skipped`.",
    )
    area_title: str | None = Field(default=None, description="The checklist area it belongs to.")


class SkippedArea(_Model):
    """An area or platform the doctor said they don't use: its questions do not apply."""

    area: str = Field(description="The checklist area id, e.g. 'facebook'.")
    title: str = Field(description="Its title, e.g. 'Facebook'.")


class ResponsePlanStep(_Model):
    """A step of the response plan as printed."""

    title: str
    detail: str
    guidance: list[str] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)


class ResponsePlanSection(_Model):
    """The "if a patient is already contacting you" plan: shown first when active."""

    active: bool = Field(description="True when the doctor said it is happening now.")
    title: str
    intro: str
    first: str
    steps: list[ResponsePlanStep]


class Subject(_Model):
    """Who the report is about. `name` is masked except in the member copy."""

    name: str = Field(max_length=2 * NAME_MAX)  # title and name; a report.json can be edited
    role: str
    jurisdiction: str
    specialty: str | None = None
    nation: str | None = Field(default=None, description="The UK nation, when known.")


class SinceLast(_Model):
    """The "since your last audit" block: filled when an earlier session exists."""

    previous_session: str
    previous_date: datetime
    previous_score: int | None
    fixed: list[str]
    new: list[str]
    unchanged: list[str]
    not_rechecked: list[str] = Field(
        default_factory=list,
        description="Open last time, not looked at again this time (unanswered, lookup not run"
        " or blocked): not known to be fixed.",
    )
    titles: dict[str, str] = Field(
        default_factory=dict,
        description="Finding id -> title, so fixed findings (no longer in the report) read well.",
    )


class Report(_Model):
    """One audit's report."""

    schema_version: str = SCHEMA_VERSION
    generated_at: datetime
    tool_version: str
    copy_kind: Copy = Field(default=Copy.MEMBER, alias="copy", serialization_alias="copy")
    session_id: str | None = None
    subject: Subject
    adviser: str | None = None
    case: str | None = None
    # In the order the report reads: where you stand, the plan, what is open, the appendix.
    summary: Summary
    response_plan: ResponsePlanSection
    findings: list[Finding]
    not_checked: list[NotChecked] = Field(default_factory=list)
    unanswered: list[Unanswered] = Field(default_factory=list)
    to_finish: list[Unanswered] = Field(
        default_factory=list,
        description="A quick audit's remaining questions: the member's list to finish at home"
        " (a `finish_at_home` next step). Open, like `unanswered`.",
    )
    skipped: list[SkippedArea] = Field(
        default_factory=list,
        description="Areas the doctor said they don't use (schema 1.3): not counted open, not"
        " in the plan.",
    )
    answered: list[str] = Field(
        default_factory=list,
        description="Checklist item ids answered in this audit, so a re-audit knows what was"
        " looked at again.",
    )
    accepted: list[Finding] = Field(default_factory=list)
    lookups: list[LookupSummary] = Field(default_factory=list)
    consents: list[ConsentRecord] = Field(default_factory=list)
    guidance: list[GuidanceCitation] = Field(default_factory=list)
    since_last: SinceLast | None = None
    next_steps: list[NextStep] = Field(
        default_factory=list, description="What to do next, most urgent first (schema 1.2)."
    )

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
