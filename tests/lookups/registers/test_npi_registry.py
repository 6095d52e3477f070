"""npi-registry: addresses and phones in NPPES, home and personal phone recognised locally."""

from __future__ import annotations

import pytest
from api_harness import Slow, fixture, run, settings_for
from pytest_httpserver import HTTPServer

from footprint.lookups.registers.npi_registry import NpiRegistryLookup
from footprint.model.observation import Outcome
from footprint.model.profile import PrivateDetails, Profile
from footprint.model.vocab import Jurisdiction, Severity
from footprint.util.settings import Settings

SERVICE = "npi-registry"
PROFILE = Profile(
    name="Alex Example",
    jurisdiction=Jurisdiction.US,
    state="NY",
    private=PrivateDetails(
        phones=["(718) 555-0142"],
        home_postcode="11201",
        emails=["alex.home@example.com"],
        home_street="12 Fictional Lane",
    ),
)
QUERY = {
    "version": "2.1",
    "first_name": "Alex",
    "last_name": "Example",
    "state": "NY",
    "enumeration_type": "NPI-1",
    "limit": "50",
}


def lookup(httpserver: HTTPServer) -> NpiRegistryLookup:
    return NpiRegistryLookup(settings_for(httpserver, SERVICE, key=None))


def test_found_lists_every_address_and_flags_home_and_personal_phone(
    httpserver: HTTPServer,
) -> None:
    httpserver.expect_request("/", query_string=QUERY).respond_with_json(
        fixture(SERVICE, "found.json")
    )
    observations = run(lookup(httpserver), PROFILE)

    assert all(o.outcome is Outcome.FOUND for o in observations)
    keys = sorted(o.exposure.key for o in observations if o.exposure)
    assert keys == [
        "npi-registry.home-address",
        "npi-registry.listed-address",
        "npi-registry.listed-address",
        "npi-registry.personal-phone",
    ]
    home = next(o for o in observations if o.exposure and o.exposure.key.endswith("home-address"))
    assert home.exposure is not None and home.exposure.severity is Severity.CRITICAL
    assert home.exposure.title == "NPPES lists your home address"
    assert "12 FICTIONAL LANE" in (home.snippet or "")
    assert home.details["npi"] == "1234567893"
    assert home.details["address_purpose"] == "MAILING"
    phone = next(o for o in observations if o.exposure and o.exposure.key.endswith("phone"))
    assert phone.matched == "718-555-0142"
    steps = " ".join(home.exposure.steps)
    assert "NPPES" in steps and "PO box" in steps and "Healthgrades" in steps


def test_practice_address_only_is_listed_for_the_doctor_to_confirm(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/").respond_with_json(fixture(SERVICE, "found.json"))
    other = PROFILE.model_copy(update={"private": PrivateDetails(home_postcode="90210")})
    observations = run(lookup(httpserver), other)
    assert len(observations) == 3  # location, mailing, secondary practice location
    assert {o.exposure.key for o in observations if o.exposure} == {"npi-registry.listed-address"}
    assert all(o.exposure and o.exposure.severity is Severity.MEDIUM for o in observations)


def test_no_record_is_not_found(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/").respond_with_json(fixture(SERVICE, "none.json"))
    [obs] = run(lookup(httpserver), PROFILE)
    assert obs.outcome is Outcome.NOT_FOUND


def test_errors_array_is_couldnt_check(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/").respond_with_json(fixture(SERVICE, "errors.json"))
    [obs] = run(lookup(httpserver), PROFILE)
    assert obs.outcome is Outcome.COULDNT_CHECK
    assert obs.reason == "the NPI Registry refused the search criteria"
    assert obs.manual_check and "npiregistry.cms.hhs.gov" in obs.manual_check


@pytest.mark.parametrize(
    ("status", "words"),
    [(403, "refused the request"), (429, "rate limited"), (503, "server problem")],
)
def test_blocked_answers_are_couldnt_check(httpserver: HTTPServer, status: int, words: str) -> None:
    httpserver.expect_request("/").respond_with_data("busy", status=status)
    [obs] = run(lookup(httpserver), PROFILE)
    assert obs.outcome is Outcome.COULDNT_CHECK
    assert words in (obs.reason or "")


def test_timeout_is_couldnt_check(httpserver: HTTPServer) -> None:
    handler = Slow()
    httpserver.expect_request("/").respond_with_handler(handler)
    [obs] = run(lookup(httpserver), PROFILE)
    handler.wait()
    assert obs.outcome is Outcome.COULDNT_CHECK
    assert "too long" in (obs.reason or "")


@pytest.mark.parametrize(
    "body", [{"count": 1, "items": []}, ["not", "an", "object"], {"result_count": 1, "results": 5}]
)
def test_changed_format_is_couldnt_check(httpserver: HTTPServer, body: object) -> None:
    httpserver.expect_request("/").respond_with_json(body)
    [obs] = run(lookup(httpserver), PROFILE)
    assert obs.outcome is Outcome.COULDNT_CHECK
    assert "unexpected format" in (obs.reason or "")


def test_html_instead_of_json_is_couldnt_check(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/").respond_with_data("<html>hi</html>", content_type="text/html")
    [obs] = run(lookup(httpserver), PROFILE)
    assert obs.outcome is Outcome.COULDNT_CHECK


def test_consent_sentence_names_what_and_where_but_no_private_value() -> None:
    sentence = NpiRegistryLookup(Settings()).sends(PROFILE)
    assert "'Alex Example'" in sentence and "'NY'" in sentence
    assert "npiregistry.cms.hhs.gov" in sentence
    for value in PROFILE.private_values():
        assert value not in sentence
    assert NpiRegistryLookup(Settings()).hosts(PROFILE) == frozenset({"npiregistry.cms.hhs.gov"})


def test_override_is_shown_in_consent_and_hosts(httpserver: HTTPServer) -> None:
    npi = lookup(httpserver)
    assert npi.hosts(PROFILE) == frozenset({"localhost"})
    sentence = npi.sends(PROFILE)
    assert "localhost" in sentence and "replacement for npiregistry.cms.hhs.gov" in sentence


@pytest.mark.parametrize(
    ("update", "reason"),
    [
        ({"jurisdiction": Jurisdiction.GB}, "US clinicians only"),
        ({"state": None}, "US state"),
        ({"name": "Alex"}, "first and last name"),
    ],
)
def test_skips_without_inputs(update: dict[str, object], reason: str) -> None:
    assert reason in (
        NpiRegistryLookup(Settings()).skip_reason(PROFILE.model_copy(update=update)) or ""
    )
    assert NpiRegistryLookup(Settings()).skip_reason(PROFILE) is None
