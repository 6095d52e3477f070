"""Checklist and guidance models, loading, validation and selection.

Checklist files live in the top-level `checklists/` folder (shipped inside the wheel as
`footprint/checklists`). Each file is one area or platform:

    area: facebook
    title: Facebook
    platform: true          # only asked when the profile lists this platform
    items: [ ...ChecklistItem... ]

`guidance.yaml` holds each professional-guidance reference once; `response-plan.yaml` holds the
"if a patient is already contacting you" plan; `sites.yaml` classifies domains (see `sites.py`).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    ValidationError,
    field_validator,
    model_validator,
)

# Old item ids (merged or renamed items), re-exported for loading old answers.
from footprint.content.renames import INVERTED as INVERTED
from footprint.content.renames import RENAMED as RENAMED
from footprint.content.renames import current_answers as current_answers
from footprint.content.renames import current_id as current_id
from footprint.errors import ChecklistError
from footprint.model.profile import Profile
from footprint.model.vocab import PLATFORMS, Axis, Exposes, Jurisdiction, Role, Severity
from footprint.util.yamlio import describe_validation_error, read_yaml

SPECIAL_FILES = {"guidance.yaml", "sites.yaml", "response-plan.yaml"}
_REVIEWED = re.compile(r"^20\d\d-(0[1-9]|1[0-2])$")
_SOURCE_DATE = re.compile(r"^(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_ITEM_ID = re.compile(r"^[a-z0-9-]+\.[a-z0-9-]+$")
_NAMED_LISTS = ("items", "references", "steps")  # entries named by id/title in errors


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_reviewed(value: str) -> str:
    if not _REVIEWED.match(value):
        raise ValueError("must be a month written YYYY-MM, e.g. 2026-11")
    return value


class Source(_Strict):
    """One page a claim was checked against: its own date and the month it was checked."""

    url: HttpUrl
    title: str | None = Field(default=None, description="The page's own title.")
    date: str = Field(description="The page's own date (YYYY, YYYY-MM or YYYY-MM-DD) or 'undated'.")
    checked: str = Field(description="Month the claim was checked against this page, YYYY-MM.")

    @field_validator("date")
    @classmethod
    def _date_shape(cls, value: str) -> str:
        if value != "undated" and not _SOURCE_DATE.match(value):
            raise ValueError("must be YYYY, YYYY-MM or YYYY-MM-DD, or 'undated'")
        return value

    _checked = field_validator("checked")(classmethod(lambda cls, v: _check_reviewed(v)))


class ChecklistItem(_Strict):
    """One question of the audit, with why it matters and how to fix it."""

    id: str = Field(description="<area>.<slug>, unique across all files.")
    question: str = Field(
        min_length=10, description="Asked of the doctor; 'yes' is always the risky answer."
    )
    finding: str = Field(
        min_length=10,
        description="The problem in plain words, used as the finding's title; not a question.",
    )
    why: str = Field(min_length=10, description="Why it matters, in plain words.")
    check: str = Field(min_length=5, description="Where to look: a menu path or URL.")
    fix: list[str] = Field(min_length=1, description="Ordered concrete steps.")
    # Kept for older checklist files; shipped items all say "yes" (tests/content/test_checklist_rules.py).
    exposed_when: Literal["yes", "no"] = Field(
        default="yes", description="The answer that means exposed; always 'yes' in shipped items."
    )
    severity: Severity
    axis: Axis
    exposes: Exposes = Field(description="What is exposed; drives the score weighting.")
    effort: int = Field(ge=1, le=600, description="Minutes the fix takes.")
    guidance: list[str] = Field(default_factory=list, description="Ids in guidance.yaml.")
    links: list[HttpUrl] = Field(default_factory=list, description="Help pages and sources.")
    sources: list[Source] = Field(
        default_factory=list, description="What the claim was checked against, with dates."
    )
    reviewed: str = Field(description="Month the content was last checked, YYYY-MM.")
    jurisdictions: list[Jurisdiction] | None = Field(
        default=None, description="Only for these jurisdictions (default: all)."
    )
    roles: list[Role] | None = Field(default=None, description="Only for these roles.")
    regions: list[str] | None = Field(
        default=None,
        description="Only where the profile's region is one of these (GB nation, state).",
    )
    platforms: list[str] | None = Field(
        default=None, description="Only for doctors who use one of these platform ids."
    )
    needs_company: bool = Field(default=False, description="Only for company directors.")

    _reviewed = field_validator("reviewed")(classmethod(lambda cls, v: _check_reviewed(v)))

    @model_validator(mode="after")
    def _reviewed_when_checked(self) -> ChecklistItem:
        # An item with sources was reviewed in the month its latest source was checked.
        latest = max((s.checked for s in self.sources), default=None)
        if latest is not None and self.reviewed != latest:
            raise ValueError(
                f"reviewed is {self.reviewed} but its sources were last checked {latest}"
            )
        return self

    @field_validator("exposed_when", mode="before")
    @classmethod
    def _yaml_boolean(cls, value: object) -> object:
        # YAML reads a bare `exposed_when: yes` as true; the author meant the word.
        if isinstance(value, bool):
            return "yes" if value else "no"
        return value

    @field_validator("finding")
    @classmethod
    def _finding_is_a_statement(cls, value: str) -> str:
        if value.rstrip().endswith("?"):
            raise ValueError("must state the problem, not ask a question (no '?' at the end)")
        return value

    @field_validator("platforms")
    @classmethod
    def _known_platforms(cls, value: list[str] | None) -> list[str] | None:
        unknown = [p for p in value or () if p not in PLATFORMS]
        if unknown:
            raise ValueError(f"unknown platform id(s) {unknown}; use ids from vocab.PLATFORMS")
        return value

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ITEM_ID.match(value):
            raise ValueError("must look like 'area.short-name' (lower case, digits, hyphens)")
        return value

    @property
    def area(self) -> str:
        """The area or platform id (the part before the dot)."""
        return self.id.split(".", 1)[0]


class ChecklistFile(_Strict):
    """One checklist file: an area or a platform."""

    area: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    platform: bool = False
    intro: str | None = None
    items: list[ChecklistItem] = Field(min_length=1)


class GuidanceRef(_Strict):
    """A professional-guidance reference, held once and cited by id."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    publisher: str
    title: str
    url: HttpUrl
    date: str = Field(description="The source's own date, or 'undated'.")
    summary: str = Field(description="One line in our own words.")


class GuidanceFile(_Strict):
    """`guidance.yaml`."""

    references: list[GuidanceRef] = Field(min_length=1)


class ResponseStep(_Strict):
    """One step of the plan for a doctor already being contacted."""

    title: str
    detail: str
    guidance: list[str] = Field(default_factory=list)
    links: list[HttpUrl] = Field(default_factory=list)
    jurisdictions: list[Jurisdiction] | None = None
    regions: list[str] | None = (
        None  # GB nation or state code, or "unknown": see response_steps_for
    )


class ResponsePlan(_Strict):
    """`response-plan.yaml`: what to do if a patient is already contacting you."""

    title: str
    question: str = Field(description="The early interview question that turns the plan on.")
    intro: str
    first: str = Field(description="The one thing to do before anything else.")
    steps: list[ResponseStep] = Field(min_length=3)
    reviewed: str

    _reviewed = field_validator("reviewed")(classmethod(lambda cls, v: _check_reviewed(v)))


@dataclass(frozen=True)
class Catalogue:
    """Every shipped checklist item, guidance reference and the response plan."""

    files: tuple[ChecklistFile, ...]
    guidance: dict[str, GuidanceRef]
    response_plan: ResponsePlan
    items: dict[str, ChecklistItem] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", {i.id: i for f in self.files for i in f.items})

    def file_of(self, item_id: str) -> ChecklistFile:
        """The file (area) an item belongs to."""
        area = item_id.split(".", 1)[0]
        return next(f for f in self.files if f.area == area)


def default_dir() -> Path:
    """Where the shipped checklists are: inside the package when installed, else the repo."""
    packaged = resources.files("footprint") / "checklists"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "checklists"


def _validate(path: Path, model: type[_Strict]) -> _Strict:
    raw = read_yaml(path, ChecklistError)
    try:
        return model.model_validate(raw if raw is not None else {})
    except ValidationError as exc:
        raise ChecklistError(
            f"{path}: {describe_validation_error(exc, lambda loc: _entry_name(loc, raw))}",
            hint=f"Fix the field named above in {path.name}; `footprint checklist schema` "
            "prints the schema.",
        ) from None


def _entry_name(loc: list[str | int], raw: object) -> str | None:
    """Name list entries by id instead of index, e.g. `item facebook.x: severity`."""
    if len(loc) < 2 or loc[0] not in _NAMED_LISTS or not isinstance(loc[1], int):
        return None
    entries = raw.get(str(loc[0])) if isinstance(raw, dict) else None
    entry = entries[loc[1]] if isinstance(entries, list) and loc[1] < len(entries) else None
    ident = entry.get("id") or entry.get("title") if isinstance(entry, dict) else None
    rest = ".".join(str(p) for p in loc[2:]) or "(entry)"
    return f"{str(loc[0])[:-1]} {ident or '#' + str(loc[1] + 1)}: {rest}"


def load_checklist_file(path: Path) -> ChecklistFile:
    """Load and validate one checklist file; the area must match the file name."""
    parsed = _validate(path, ChecklistFile)
    assert isinstance(parsed, ChecklistFile)
    if parsed.area != path.stem:
        raise ChecklistError(f"{path}: area '{parsed.area}' must match the file name.")
    for item in parsed.items:
        if item.area != parsed.area:
            raise ChecklistError(
                f"{path}: item {item.id}: id must start with '{parsed.area}.'",
                hint="Rename the item or move it to the right file.",
            )
    return parsed


def load_catalogue(folder: Path | None = None, extra: Iterable[Path] = ()) -> Catalogue:
    """Load every checklist file in `folder` (plus `extra` files) and cross-check them."""
    folder = folder or default_dir()
    if not folder.is_dir():
        raise ChecklistError(f"{folder}: checklist folder not found.")
    guidance_file = _validate(folder / "guidance.yaml", GuidanceFile)
    plan = _validate(folder / "response-plan.yaml", ResponsePlan)
    assert isinstance(guidance_file, GuidanceFile) and isinstance(plan, ResponsePlan)
    guidance = {ref.id: ref for ref in guidance_file.references}
    paths = [p for p in sorted(folder.glob("*.yaml")) if p.name not in SPECIAL_FILES]
    files = tuple(load_checklist_file(p) for p in [*paths, *extra])
    _cross_check(files, guidance, plan, folder)
    return Catalogue(files=files, guidance=guidance, response_plan=plan)


def _cross_check(
    files: tuple[ChecklistFile, ...],
    guidance: dict[str, GuidanceRef],
    plan: ResponsePlan,
    folder: Path,
) -> None:
    seen: set[str] = set()
    for f in files:
        for item in f.items:
            if item.id in seen:
                raise ChecklistError(f"{f.area}.yaml: item {item.id}: duplicate id.")
            seen.add(item.id)
        _check_guidance_ids(f"{f.area}.yaml", f.items, guidance, folder / "guidance.yaml")
    for step in plan.steps:
        for gid in step.guidance:
            if gid not in guidance:
                raise ChecklistError(
                    f"response-plan.yaml: step {step.title}: unknown guidance '{gid}'."
                )


def _check_guidance_ids(
    where: str, items: Iterable[ChecklistItem], known: Container[str], guidance_path: Path
) -> None:
    """Every guidance id an item cites must be in guidance.yaml."""
    for item in items:
        for gid in item.guidance:
            if gid not in known:
                raise ChecklistError(
                    f"{where}: item {item.id}: guidance: unknown id '{gid}'.",
                    hint=f"Use an id from {guidance_path} or add the reference there.",
                )


def validate_file_against(path: Path, folder: Path | None = None) -> ChecklistFile:
    """Validate one checklist file, resolving guidance ids against `folder`'s guidance.yaml."""
    parsed = load_checklist_file(path)
    guidance_path = (folder or default_dir()) / "guidance.yaml"
    guidance_file = _validate(guidance_path, GuidanceFile)
    assert isinstance(guidance_file, GuidanceFile)
    known = {ref.id for ref in guidance_file.references}
    _check_guidance_ids(str(path), parsed.items, known, guidance_path)
    return parsed


@cache
def shipped_catalogue() -> Catalogue:
    """The shipped catalogue, loaded once per process."""
    return load_catalogue()


def item_applies(item: ChecklistItem, file: ChecklistFile, profile: Profile) -> bool:
    """Whether to ask this item of this doctor."""
    if file.platform and file.area not in profile.platforms:
        return False
    if item.jurisdictions and profile.jurisdiction not in item.jurisdictions:
        return False
    if item.roles and profile.role not in item.roles:
        return False
    if item.regions and profile.region not in item.regions:
        return False
    if item.platforms and not set(item.platforms) & set(profile.platforms):
        return False
    return not (item.needs_company and not profile.has_company)


def select_items(
    catalogue: Catalogue, profile: Profile, quick: bool = False
) -> list[ChecklistItem]:
    """Items that apply to `profile`, most important first (severity, then effort).

    `quick` keeps only critical and high items, for a 20-30 minute adviser call.
    """
    chosen = [
        item
        for f in catalogue.files
        for item in f.items
        if item_applies(item, f, profile) and (not quick or item.severity.at_least(Severity.HIGH))
    ]
    return sorted(chosen, key=lambda i: (i.severity.rank, i.effort))


def response_steps_for(plan: ResponsePlan, profile: Profile) -> list[ResponseStep]:
    """The plan's steps for this doctor: their country, and their nation or state's law.

    Laws and helplines differ by UK nation and by state, so a step may name `regions`. A doctor
    whose region is missing (or not one the plan names for their country) gets the steps marked
    'unknown', which list the choices instead of guessing.
    """
    here = [s for s in plan.steps if not s.jurisdictions or profile.jurisdiction in s.jurisdictions]
    named = {r for s in here for r in s.regions or () if r != "unknown"}
    region = profile.region if profile.region in named else "unknown"
    return [s for s in here if not s.regions or region in s.regions]
