"""Phone numbers are checked as numbers that can exist in the doctor's country, not only parsed."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from footprint.model.profile import Profile, is_real_phone


@pytest.mark.parametrize(
    ("phone", "country", "real"),
    [
        # Ofcom's drama ranges are kept: fictional profiles use them.
        ("07700 900123", "GB", True),
        ("+44 7700 900456", "GB", True),
        ("020 7946 0123", "GB", True),
        ("0161 496 0000", "GB", True),
        ("07911 123456", "GB", True),
        ("12345", "GB", False),
        ("0770 090", "GB", False),
        ("+44 20 7946", "GB", False),
        ("07700 9001", "GB", False),
        ("01 234 5678", "IE", True),
        ("087 123 4567", "IE", True),
        ("12345", "IE", False),
        ("01 234", "IE", False),
        ("(212) 555-0123", "US", True),
        ("+1 201 555 0123", "US", True),
        ("12345", "US", False),
        ("(212) 555", "US", False),
        ("0491 570 156", "AU", True),
        ("02 5550 1234", "AU", True),
        ("12345", "AU", False),
        ("0491 570", "AU", False),
        ("not a phone", "GB", False),
    ],
)
def test_real_numbers_per_country(phone: str, country: str, real: bool) -> None:
    assert is_real_phone(phone, country) is real


@pytest.mark.parametrize("phone", ["12345", "0770 090", "+44 20 7946"])
@pytest.mark.parametrize("block", ["private", "work"])
def test_a_profile_refuses_numbers_that_cannot_exist(phone: str, block: str) -> None:
    with pytest.raises(ValidationError) as err:
        Profile.model_validate({"name": "Jo Tester", block: {"phones": ["07700 900123", phone]}})
    message = " ".join(str(e["msg"]) for e in err.value.errors())
    assert "the 2nd number is not a phone number that can exist in the UK" in message
    assert phone not in message  # error messages never repeat personal details


def test_every_bad_number_is_named_at_once() -> None:
    with pytest.raises(
        ValidationError, match="the 1st and the 3rd numbers are not phone numbers that can exist"
    ):
        Profile.model_validate(
            {"name": "Jo Tester", "private": {"phones": ["12345", "07700 900123", "0770 090"]}}
        )
