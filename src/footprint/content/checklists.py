"""Loading, cross-checking and selecting checklists (the file formats are in `models.py`).

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

from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

# The file formats, re-exported: callers import them from here.
from footprint.content.models import ChecklistFile as ChecklistFile
from footprint.content.models import ChecklistItem as ChecklistItem
from footprint.content.models import GuidanceFile as GuidanceFile
from footprint.content.models import GuidanceRef as GuidanceRef
from footprint.content.models import ResponsePlan as ResponsePlan
from footprint.content.models import ResponseStep as ResponseStep
from footprint.content.models import _check_reviewed as _check_reviewed
from footprint.content.models import _Strict

# Old item ids (merged or renamed items), re-exported for loading old answers.
from footprint.content.renames import INVERTED as INVERTED
from footprint.content.renames import REMOVED as REMOVED
from footprint.content.renames import RENAMED as RENAMED
from footprint.content.renames import RISKY_WHEN_NO as RISKY_WHEN_NO
from footprint.content.renames import current_answers as current_answers
from footprint.content.renames import current_id as current_id
from footprint.errors import ChecklistError
from footprint.model.profile import Profile
from footprint.model.vocab import Severity
from footprint.util.yamlio import describe_validation_error, read_yaml

SPECIAL_FILES = {"guidance.yaml", "sites.yaml", "response-plan.yaml"}
_NAMED_LISTS = ("items", "references", "steps")  # entries named by id/title in errors


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
