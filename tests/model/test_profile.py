"""The Profile model: what people write in a profile file is understood."""

from __future__ import annotations

import pytest

from footprint.model.profile import Profile


def test_profile_file_with_title_in_the_name() -> None:
    profile = Profile.model_validate({"name": "Dr. Jo Tester", "jurisdiction": "uk"})
    assert profile.name == "Jo Tester" and profile.jurisdiction.value == "GB"
    assert Profile.model_validate({"name": "Drew Barry"}).name == "Drew Barry"
    untitled = Profile.model_validate({"name": "Dr Jo Tester", "title": None})
    assert untitled.name == "Dr Jo Tester"


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("Scotland", "scotland"),
        ("Northern Ireland", "northern-ireland"),
        ("nsw", "NSW"),
        ("", None),
    ],
)
def test_region_is_normalised(given: str, stored: str | None) -> None:
    assert Profile(name="Jo Tester", region=given).region == stored


def test_region_rejects_free_text() -> None:
    with pytest.raises(ValueError, match="northern-ireland"):
        Profile(name="Jo Tester", region="somewhere up north")
