"""Profile inputs are checked in the model, so files are checked as well as `profile init`."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from footprint.lookups.pages.page_scan import PageScanLookup
from footprint.model.profile import Profile
from footprint.util.settings import Settings


def test_a_page_without_a_scheme_is_scanned_not_skipped() -> None:
    profile = Profile(
        name="Jo Tester",
        urls=["hollyfieldsurgery.nhs.uk/our-team"],
        workplaces=[{"name": "Hollyfield", "url": "hollyfield.example/team"}],  # type: ignore[list-item]
    )
    assert profile.urls == ["https://hollyfieldsurgery.nhs.uk/our-team"]
    assert profile.workplaces[0].url == "https://hollyfield.example/team"
    assert PageScanLookup(Settings()).skip_reason(profile) is None


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"urls": ["not a page"]}, "urls"),
        ({"domains": ["my website"]}, "domains"),
        ({"private": {"phones": ["not a phone"]}}, "private"),
        ({"work": {"phones": ["123"]}}, "work"),
        ({"private": {"emails": ["x@@example"]}}, "emails"),
        ({"work": {"emails": ["jo.example"]}}, "emails"),
    ],
)
def test_bad_inputs_are_refused_naming_the_field(data: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as err:
        Profile.model_validate({"name": "Jo Tester", **data})
    assert field in str(err.value)


def test_phones_are_read_in_the_doctors_country() -> None:
    Profile(name="Jo Tester", jurisdiction="US", private={"phones": ["(212) 555-0100"]})  # type: ignore[arg-type]
    Profile(name="Jo Tester", private={"phones": ["07700 900123", "+1 212 555 0100"]})  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="not a phone number that can exist in the US"):
        Profile(name="Jo Tester", jurisdiction="US", private={"phones": ["07700 9001"]})  # type: ignore[arg-type]
