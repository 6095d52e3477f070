"""Masking single values: recognisable to their owner, useless to anyone else."""

from __future__ import annotations

import pytest

from footprint.report.mask import (
    mask_contacts_in,
    mask_email,
    mask_name,
    mask_phone,
    mask_postcode,
    mask_value,
)

D = "\u2022"


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("07700 900123", f"07700 9{D * 5}"),
        ("+44 7700 900123", f"+44 7700 {D * 6}"),
        ("0113 496 0000", f"0113 49{D} {D * 4}"),
        ("(212) 555-0100", f"(212) 555-{D * 4}"),
        ("12345", f"1{D * 4}"),  # short numbers keep at most all but four digits
    ],
)
def test_mask_phone_keeps_only_the_first_digits(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


def test_mask_email_keeps_first_letter_and_domain() -> None:
    assert mask_email("alex.example.home@Gmail.com") == "a***@gmail.com"


@pytest.mark.parametrize(
    ("postcode", "masked"),
    [("EX1 2AB", f"EX1 {D * 3}"), ("ex12ab", f"EX1 {D * 3}"), ("SW1A 1AA", f"SW1A {D * 3}")],
)
def test_mask_postcode_keeps_the_outward_code(postcode: str, masked: str) -> None:
    assert mask_postcode(postcode) == masked


def test_non_uk_postcode_keeps_a_third() -> None:
    assert mask_postcode("10001") == f"1{D * 4}"


def test_mask_name_gives_initials_and_keeps_titles() -> None:
    assert mask_name("Dr Alex Example") == "Dr A. E."
    assert mask_name("alex example") == "A. E."


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("alex@example.com", "a***@example.com"),
        ("07700 900123", f"07700 9{D * 5}"),
        ("EX1 2AB", f"EX1 {D * 3}"),
        ("12 Fictional Lane", f"12 Fi{D * 12}"),
    ],
)
def test_mask_value_by_kind(value: str, masked: str) -> None:
    assert mask_value(value) == masked


def test_mask_contacts_in_text_leaves_dates_and_short_numbers() -> None:
    text = "Call 07700 900123 or alex@example.com near EX1 2AB; 2024-2025, ref 12345, dial 141."
    assert mask_contacts_in(text) == (
        f"Call 07700 9{D * 5} or a***@example.com near EX1 {D * 3}; 2024-2025, ref 12345, dial 141."
    )
