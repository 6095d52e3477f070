"""The Profile model: what people write in a profile file is understood."""

from __future__ import annotations

from footprint.profile import Profile


def test_profile_file_with_title_in_the_name() -> None:
    profile = Profile.model_validate({"name": "Dr. Jo Tester", "jurisdiction": "uk"})
    assert profile.name == "Jo Tester" and profile.jurisdiction.value == "GB"
    assert Profile.model_validate({"name": "Drew Barry"}).name == "Drew Barry"
    untitled = Profile.model_validate({"name": "Dr Jo Tester", "title": None})
    assert untitled.name == "Dr Jo Tester"
