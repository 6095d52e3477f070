"""The hand-over after an adviser call: the member's files, and what stays on the adviser's
computer.

An adviser call writes two things. The adviser copy (allow-listed, no personal identifiers)
stays in the adviser's report folder. The member's files go to a hand-over folder
(`<report folder>/member-copy/`): the member's own report and `handover.yaml`, the file the
member opens at home (`footprint audit --answers handover.yaml`, or "Carry on from your
adviser call" on the `footprint ui` start page) so that footprint asks only what is left.

What the hand-over file carries, and why:

- every answer given on the call, the findings the member accepted and the areas they said
  they don't use: so nothing is asked twice;
- the profile's public parts (name, role, country, workplaces, pages, usernames, platforms):
  the member's own details, going to the member's own computer, and footprint needs them to
  run the lookups;
- never the profile's private block (personal e-mails, phones, home address): the file
  travels from the adviser to the member, often by e-mail, and those are the details a
  patient must not get. footprint asks for them again on the member's own computer, where
  they are only ever used to recognise leaks;
- never consent decisions (consent is always asked on the member's own computer), never the
  adviser's name or notes, never a session id (the session is deleted, see below).

What stays where, and for how long: once the member's files are written the call's session
(which holds the profile with its private block) is deleted from the adviser's store. The
hand-over folder is listed in `handover-folders.json` in footprint's data folder (paths and
dates only); the adviser deletes it once the files are sent, and any left are deleted at the
next start after `HANDOVER_DAYS` days.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

from footprint.audit.answers import RESPONSE_ID
from footprint.model.profile import PrivateDetails, Profile
from footprint.model.vocab import Answer
from footprint.util.fsio import write_private_file
from footprint.util.paths import data_dir

#: Days a hand-over folder is kept if the adviser does not delete it sooner.
HANDOVER_DAYS = 14
#: The member's files, in the report folder of an adviser call.
MEMBER_FOLDER = "member-copy"
#: The file the member opens at home.
HANDOVER_FILE = "handover.yaml"
_REGISTRY = "handover-folders.json"
_HEADER = """\
# footprint hand-over file, from your call with your adviser. It holds the answers you gave on
# the call, so footprint on your own computer asks only the questions that are left.
# Open it with footprint on your own computer: on its start page, choose "Carry on from your
# adviser call" (in a terminal, give it to the audit's --answers option). Keep it private, and
# delete it once you have used it.
# Your personal e-mails, phone numbers and home address are not in it: footprint asks for them
# on your own computer, where they never leave it.
"""


def public_profile(profile: Profile) -> Profile:
    """The profile without its private block (see the module docstring for why)."""
    return profile.model_copy(update={"private": PrivateDetails()})


def dump_handover(
    profile: Profile,
    answers: Mapping[str, Answer],
    accepted: Iterable[str],
    skipped_areas: Iterable[str],
) -> str:
    """The hand-over file's text: an answers file the member's footprint reads."""
    data: dict[str, object] = {}
    if RESPONSE_ID in answers:
        data["contacting_now"] = answers[RESPONSE_ID].value
    data["answers"] = {k: v.value for k, v in sorted(answers.items()) if k != RESPONSE_ID}
    data["accepted"] = sorted(accepted)
    data["skipped_areas"] = sorted(skipped_areas)
    data["profile"] = public_profile(profile).model_dump(mode="json", exclude_defaults=True)
    return _HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def write_handover(folder: Path, text: str) -> Path:
    """Write `handover.yaml` (owner-only) into the hand-over folder and remember the folder,
    so it is deleted after `HANDOVER_DAYS` days if nobody deletes it sooner."""
    path = folder / HANDOVER_FILE
    write_private_file(path, text)
    _remember(folder)
    return path


# -- the hand-over folders this computer still holds -------------------------------------------


@dataclass(frozen=True)
class HandoverFolder:
    """A hand-over folder written on this computer, and when."""

    path: Path
    written: datetime

    def due(self, now: datetime, days: int = HANDOVER_DAYS) -> bool:
        """Whether it has been kept as long as it may be."""
        return now - self.written >= timedelta(days=days)


def _registry() -> Path:
    return data_dir() / _REGISTRY


def handover_folders() -> list[HandoverFolder]:
    """The hand-over folders still on this computer (a damaged list reads as empty)."""
    try:
        raw = json.loads(_registry().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    folders = []
    for entry in raw if isinstance(raw, list) else []:
        try:
            folder = HandoverFolder(Path(entry["path"]), datetime.fromisoformat(entry["written"]))
        except (KeyError, TypeError, ValueError):
            continue
        if folder.path.exists():
            folders.append(folder)
    return folders


def _save(folders: list[HandoverFolder]) -> None:
    entries = [{"path": str(f.path), "written": f.written.isoformat()} for f in folders]
    write_private_file(_registry(), json.dumps(entries, indent=1) + "\n")


def _remember(folder: Path) -> None:
    now = datetime.now(timezone.utc)
    kept = [f for f in handover_folders() if f.path != folder.resolve()]
    _save([*kept, HandoverFolder(folder.resolve(), now)])


def delete_handover(folder: Path) -> bool:
    """Delete one hand-over folder (the member's files) for good; False if it was gone.

    Only a folder that is what footprint wrote is deleted: named `member-copy`, not a link,
    holding only report files and the hand-over file. The list of folders sits in the data
    folder, and an edited list must never delete anything else."""
    target = folder.absolute()
    deletable = _is_handover_folder(target)
    if deletable:
        shutil.rmtree(target)
    _save([f for f in handover_folders() if f.path != target.resolve()])
    return deletable


def _is_handover_folder(folder: Path) -> bool:
    if folder.is_symlink() or not folder.is_dir() or folder.name != MEMBER_FOLDER:
        return False
    return all(
        entry.is_file() and not entry.is_symlink() and _ours(entry.name)
        for entry in folder.iterdir()
    )


def _ours(name: str) -> bool:
    return name == HANDOVER_FILE or name.startswith("report.") or name.startswith(".")


def delete_expired_handovers(now: datetime | None = None) -> list[Path]:
    """Delete hand-over folders kept `HANDOVER_DAYS` days or more: the folders deleted."""
    moment = now or datetime.now(timezone.utc)
    due = [f.path for f in handover_folders() if f.due(moment)]
    return [path for path in due if delete_handover(path)]
