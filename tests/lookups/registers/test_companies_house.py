"""companies-house: officer search, appointments and registered offices vs the home postcode."""

from __future__ import annotations

import base64

import pytest
from api_harness import Slow, fixture, run, settings_for
from pytest_httpserver import HTTPServer

from footprint.lookups.registers.companies_house import CompaniesHouseLookup
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import PrivateDetails, Profile
from footprint.model.vocab import Jurisdiction, Severity
from footprint.util.settings import Settings

SERVICE = "companies-house"
OFFICER = "/officers/AbCdEfGhIjKlMnOpQrStUvWxYz0/appointments"
OTHER_OFFICER = "/officers/ZyXwVuTsRqPoNmLkJiHgFeDcBa9/appointments"
PROFILE = Profile(
    name="Alex Example",
    jurisdiction=Jurisdiction.GB,
    has_company=True,
    private=PrivateDetails(home_postcode="ex1 2ab", home_street="12 Fictional Lane"),
)
BASIC = "Basic " + base64.b64encode(b"test-key:").decode()


def lookup(httpserver: HTTPServer, key: str | None = "test-key") -> CompaniesHouseLookup:
    return CompaniesHouseLookup(settings_for(httpserver, SERVICE, key=key))


def serve(httpserver: HTTPServer, appointments: str = "appointments.json") -> None:
    httpserver.expect_request(
        "/search/officers",
        query_string={"q": "Alex Example", "items_per_page": "50"},
        headers={"Authorization": BASIC},
    ).respond_with_json(fixture(SERVICE, "search_officers.json"))
    httpserver.expect_request(OFFICER).respond_with_json(fixture(SERVICE, appointments))
    httpserver.expect_request("/company/99000001/registered-office-address").respond_with_json(
        fixture(SERVICE, "registered_office_home.json")
    )
    httpserver.expect_request("/company/99000002/registered-office-address").respond_with_json(
        fixture(SERVICE, "registered_office_work.json")
    )


def keyed(observations: list[Observation], key: str) -> list[Observation]:
    return [o for o in observations if o.exposure and o.exposure.key == key]


def test_home_postcode_in_service_address_and_registered_office(httpserver: HTTPServer) -> None:
    serve(httpserver)
    observations = run(lookup(httpserver), PROFILE)

    home = keyed(observations, "companies-house.home-address")
    assert {o.details["address_kind"] for o in home} == {"service address", "registered office"}
    assert all(o.details["company_number"] == "99000001" for o in home)
    first = home[0]
    assert first.exposure is not None
    assert first.exposure.severity is Severity.CRITICAL
    assert first.exposure.title == "A Companies House filing shows your home address"
    assert first.matched == "EX1 2AB" and "Fictional Lane" in (first.snippet or "")
    steps = " ".join(first.exposure.steps)
    for words in (
        "service",
        "registered office",
        "1088",
        "243",
        "company's activities",
        "Old filings",
    ):
        assert words in steps
    # The other same-name officer is not followed; the work-only company is not flagged.
    assert not any(r.path == OTHER_OFFICER for r, _ in httpserver.log)
    assert not any(o.details.get("company_number") == "99000002" for o in home)


def test_month_and_year_of_birth_shown_as_low_identity_exposure(httpserver: HTTPServer) -> None:
    serve(httpserver)
    [born] = keyed(run(lookup(httpserver), PROFILE), "companies-house.birth-month")
    assert born.exposure is not None and born.exposure.severity is Severity.LOW
    assert born.matched == "March 1980"
    assert born.url and born.url.endswith(OFFICER)


def test_home_postcode_is_never_sent(httpserver: HTTPServer) -> None:
    serve(httpserver)
    run(lookup(httpserver), PROFILE)
    assert httpserver.log, "no request was made"
    for request, _ in httpserver.log:
        sent = (request.full_path + str(request.headers)).upper().replace("%20", " ")
        assert "EX1 2AB" not in sent and "EX12AB" not in sent
        assert "FICTIONAL" not in sent


def test_no_home_match_is_not_found(httpserver: HTTPServer) -> None:
    serve(httpserver, "appointments_work_only.json")
    observations = run(lookup(httpserver), PROFILE)
    assert not keyed(observations, "companies-house.home-address")
    assert any(o.outcome is Outcome.NOT_FOUND for o in observations)


def test_no_officer_with_the_name_is_not_found(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/search/officers").respond_with_json(
        fixture(SERVICE, "search_none.json")
    )
    [obs] = run(lookup(httpserver), PROFILE)
    assert obs.outcome is Outcome.NOT_FOUND


def test_without_home_postcode_the_comparison_is_couldnt_check(httpserver: HTTPServer) -> None:
    serve(httpserver)
    no_home = PROFILE.model_copy(update={"private": PrivateDetails()})
    observations = run(lookup(httpserver), no_home)
    assert not keyed(observations, "companies-house.home-address")
    assert any(
        o.outcome is Outcome.COULDNT_CHECK and "no home postcode" in (o.reason or "")
        for o in observations
    )


def test_refused_key_is_couldnt_check_without_the_key(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/search/officers").respond_with_json(
        {"error": "Invalid Authorization", "type": "ch:service"}, status=401
    )
    [obs] = run(lookup(httpserver, key="secret-key-123"), PROFILE)
    assert obs.outcome is Outcome.COULDNT_CHECK
    assert "refused the API key" in (obs.reason or "")
    assert "secret-key-123" not in obs.model_dump_json()


def test_rate_limit_on_appointments_stops_and_says_so(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/search/officers").respond_with_json(
        fixture(SERVICE, "search_officers.json")
    )
    httpserver.expect_request(OFFICER).respond_with_data(
        "", status=429, headers={"Retry-After": "120"}
    )
    observations = run(lookup(httpserver), PROFILE)
    failed = [o for o in observations if o.outcome is Outcome.COULDNT_CHECK]
    assert failed and "rate limited" in (failed[0].reason or "")
    assert not any(o.outcome is Outcome.NOT_FOUND for o in observations)


@pytest.mark.parametrize("status", [403, 500])
def test_blocked_search_is_couldnt_check(httpserver: HTTPServer, status: int) -> None:
    httpserver.expect_request("/search/officers").respond_with_data("no", status=status)
    [obs] = run(lookup(httpserver), PROFILE)
    assert obs.outcome is Outcome.COULDNT_CHECK


def test_failed_registered_office_is_couldnt_check_not_not_found(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/search/officers").respond_with_json(
        fixture(SERVICE, "search_officers.json")
    )
    httpserver.expect_request(OFFICER).respond_with_json(
        fixture(SERVICE, "appointments_work_only.json")
    )
    httpserver.expect_request("/company/99000002/registered-office-address").respond_with_data(
        "", status=502
    )
    observations = run(lookup(httpserver), PROFILE)
    assert any(o.outcome is Outcome.COULDNT_CHECK for o in observations)
    assert not any(o.outcome is Outcome.NOT_FOUND for o in observations)


def test_timeout_is_couldnt_check(httpserver: HTTPServer) -> None:
    handler = Slow()
    httpserver.expect_request("/search/officers").respond_with_handler(handler)
    [obs] = run(lookup(httpserver), PROFILE)
    handler.wait()
    assert obs.outcome is Outcome.COULDNT_CHECK and "too long" in (obs.reason or "")


@pytest.mark.parametrize(
    "search",
    [
        {"items": "nope"},
        {"items": [{"title": "Alex EXAMPLE", "links": {"self": "https://elsewhere.example/x"}}]},
    ],
)
def test_changed_format_is_couldnt_check(httpserver: HTTPServer, search: object) -> None:
    httpserver.expect_request("/search/officers").respond_with_json(search)
    observations = run(lookup(httpserver), PROFILE)
    assert observations and all(o.outcome is Outcome.COULDNT_CHECK for o in observations)
    assert "unexpected format" in (observations[0].reason or "")


def test_consent_sentence_sends_only_the_name() -> None:
    ch = CompaniesHouseLookup(Settings(env={"FOOTPRINT_COMPANIES_HOUSE_KEY": "sekrit-key-9"}))
    sentence = ch.sends(PROFILE)
    assert "'Alex Example'" in sentence
    assert "api.company-information.service.gov.uk" in sentence
    assert "postcode is not sent" in sentence
    for value in PROFILE.private_values():
        assert value.lower() not in sentence.lower()
    assert "sekrit-key-9" not in sentence


def test_override_is_shown_and_becomes_the_host(httpserver: HTTPServer) -> None:
    ch = lookup(httpserver)
    assert ch.hosts(PROFILE) == frozenset({"localhost"})
    assert "replacement for api.company-information.service.gov.uk" in ch.sends(PROFILE)


def test_skips_without_key_or_outside_the_uk() -> None:
    assert "FOOTPRINT_COMPANIES_HOUSE_KEY" in (
        CompaniesHouseLookup(Settings()).skip_reason(PROFILE) or ""
    )
    keyed_settings = Settings(env={"FOOTPRINT_COMPANIES_HOUSE_KEY": "k"})
    assert CompaniesHouseLookup(keyed_settings).skip_reason(PROFILE) is None
    us = PROFILE.model_copy(update={"jurisdiction": Jurisdiction.US})
    assert CompaniesHouseLookup(keyed_settings).skip_reason(us)


def test_demo_stand_in_shows_the_home_service_address() -> None:
    from footprint.demo.run import demo_environment

    with demo_environment() as demo:
        observations = run(CompaniesHouseLookup(demo.settings), demo.profile)
    [home] = keyed(observations, "companies-house.home-address")
    assert home.details["address_kind"] == "service address"
    assert home.matched == "EX1 2AB"
    assert keyed(observations, "companies-house.birth-month")
    assert not any(o.outcome is Outcome.COULDNT_CHECK for o in observations)
