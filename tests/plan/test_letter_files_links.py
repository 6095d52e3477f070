"""Drafted letters are written as every file footprint writes: never through a link planted
where a letter goes (its target would get the doctor's name and be made owner-only)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.plan.test_letters import finding, profile

from footprint.errors import FootprintError
from footprint.plan.letters import draft, request_for, write_draft


def test_a_link_where_a_letter_goes_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "someone-elses.txt"
    target.write_text("not footprint's")
    target.chmod(0o644)
    out = tmp_path / "out"
    out.mkdir()
    (out / "photo.txt").symlink_to(target)
    need = request_for(finding("listings.staff-page-photo"), profile())
    assert need is not None
    with pytest.raises(FootprintError):
        write_draft(draft(need, profile(), today=date(2026, 12, 6)), out, "photo")
    assert target.read_text() == "not footprint's"
    assert target.stat().st_mode & 0o777 == 0o644
