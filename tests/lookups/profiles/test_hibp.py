"""hibp: known data breaches for each WORK e-mail address (the address itself is sent).

Personal addresses are in the private block, which never leaves the machine: they are skipped
with a manual check.
"""

from __future__ import annotations

import pytest
from api_harness import Slow, fixture, run, settings_for
from pytest_httpserver import HTTPServer
from pytest_httpserver.httpserver import RequestHandler

from footprint.lookups.profiles.hibp import HibpLookup
from footprint.model.observation import Outcome
from footprint.model.profile import PrivateDetails, Profile, WorkDetails
from footprint.model.vocab import Severity
from footprint.util.settings import Settings

SERVICE = "hibp"
PERSONAL = "alex.example.locum@nhs.example"  # a second work address (historic name)
WORK = "alex.example@nhs.example"
PRIVATE_EMAIL = "alex.example.home@example.com"
PROFILE = Profile(
    name="Alex Example",
    private=PrivateDetails(phones=["07700 900456"], home_postcode="EX1 2AB"),
    work=WorkDetails(emails=[PERSONAL, WORK]),
)
QUERY = {"truncateResponse": "false"}


def lookup(httpserver: HTTPServer, key: str = "test-key") -> HibpLookup:
    return HibpLookup(settings_for(httpserver, SERVICE, key=key))


def expect(httpserver: HTTPServer, email: str) -> RequestHandler:
    return httpserver.expect_request(
        f"/breachedaccount/{email}", query_string=QUERY, headers={"hibp-api-key": "test-key"}
    )


def test_breaches_are_found_with_names_and_dates(httpserver: HTTPServer) -> None:
    expect(httpserver, PERSONAL).respond_with_json(fixture(SERVICE, "breaches.json"))
    expect(httpserver, WORK).respond_with_data("", status=404)
    found, clean = run(lookup(httpserver), PROFILE)

    assert found.outcome is Outcome.FOUND and clean.outcome is Outcome.NOT_FOUND
    assert found.exposure is not None
    assert found.exposure.key == "hibp.breached-passwords"  # one breach leaked passwords
    assert found.exposure.severity is Severity.HIGH
    assert found.matched == PERSONAL
    assert "Sample Forum (2021-02-03)" in (found.snippet or "")
    assert "Example Shop (2019-05-14)" in (found.snippet or "")
    assert found.details["breach:ExampleShop"].startswith("2019-05-14: Email addresses")
    steps = " ".join(found.exposure.steps)
    assert "password" in steps and "two-step verification (2FA)" in steps


def test_breach_without_passwords_is_medium(httpserver: HTTPServer) -> None:
    expect(httpserver, PERSONAL).respond_with_json(fixture(SERVICE, "breaches_no_passwords.json"))
    expect(httpserver, WORK).respond_with_data("", status=404)
    found, _ = run(lookup(httpserver), PROFILE)
    assert found.exposure is not None and found.exposure.key == "hibp.breached-account"
    assert found.exposure.severity is Severity.MEDIUM


def test_no_breach_is_not_found(httpserver: HTTPServer) -> None:
    expect(httpserver, PERSONAL).respond_with_data("", status=404)
    expect(httpserver, WORK).respond_with_data("", status=404)
    observations = run(lookup(httpserver), PROFILE)
    assert [o.outcome for o in observations] == [Outcome.NOT_FOUND] * 2


def test_refused_key_stops_and_never_shows_the_key(httpserver: HTTPServer) -> None:
    httpserver.expect_request(f"/breachedaccount/{PERSONAL}").respond_with_data(
        "Access denied due to invalid hibp-api-key.", status=401
    )
    observations = run(lookup(httpserver, key="hibp-secret-77"), PROFILE)
    assert [o.outcome for o in observations] == [Outcome.COULDNT_CHECK] * 2
    assert all("refused the API key" in (o.reason or "") for o in observations)
    assert len(httpserver.log) == 1
    assert all("hibp-secret-77" not in o.model_dump_json() for o in observations)


def test_rate_limit_is_couldnt_check_with_the_wait(httpserver: HTTPServer) -> None:
    httpserver.expect_request(f"/breachedaccount/{PERSONAL}").respond_with_data(
        '{"statusCode": 429, "message": "Rate limit is exceeded. Try again in 2 seconds."}',
        status=429,
        headers={"retry-after": "2"},
        content_type="application/json",
    )
    observations = run(lookup(httpserver), PROFILE)
    assert [o.outcome for o in observations] == [Outcome.COULDNT_CHECK] * 2
    assert "rate limited" in (observations[0].reason or "")
    assert "2 seconds" in (observations[0].reason or "")


@pytest.mark.parametrize("status", [403, 503])
def test_blocked_is_couldnt_check(httpserver: HTTPServer, status: int) -> None:
    httpserver.expect_request(f"/breachedaccount/{PERSONAL}").respond_with_data(
        "<html><title>Just a moment...</title></html>", status=status, content_type="text/html"
    )
    httpserver.expect_request(f"/breachedaccount/{WORK}").respond_with_data("", status=404)
    first, _ = run(lookup(httpserver), PROFILE)
    assert first.outcome is Outcome.COULDNT_CHECK


def test_timeout_is_couldnt_check(httpserver: HTTPServer) -> None:
    handler = Slow()
    httpserver.expect_request(f"/breachedaccount/{PERSONAL}").respond_with_handler(handler)
    httpserver.expect_request(f"/breachedaccount/{WORK}").respond_with_data("", status=404)
    first, second = run(lookup(httpserver), PROFILE)
    handler.wait()
    assert first.outcome is Outcome.COULDNT_CHECK and "too long" in (first.reason or "")
    assert second.outcome is Outcome.NOT_FOUND  # a timeout does not stop the others


@pytest.mark.parametrize("body", [{"Breaches": []}, [{"Title": "no Name"}], "text"])
def test_changed_format_is_couldnt_check(httpserver: HTTPServer, body: object) -> None:
    httpserver.expect_request(f"/breachedaccount/{PERSONAL}").respond_with_json(body)
    httpserver.expect_request(f"/breachedaccount/{WORK}").respond_with_data("", status=404)
    first, _ = run(lookup(httpserver), PROFILE)
    assert first.outcome is Outcome.COULDNT_CHECK
    assert "unexpected format" in (first.reason or "")


def test_consent_sentence_says_addresses_are_sent_without_showing_them() -> None:
    hibp = HibpLookup(Settings(env={"FOOTPRINT_HIBP_KEY": "hibp-secret-77"}))
    sentence = hibp.sends(PROFILE)
    assert "your 2 work e-mail addresses are sent as they are" in sentence
    assert "to Have I Been Pwned at haveibeenpwned.com" in sentence
    assert "hibp-secret-77" not in sentence
    for value in [*PROFILE.private_values(), WORK]:
        assert value.lower() not in sentence.lower()


def test_skips_without_key_or_emails() -> None:
    assert "FOOTPRINT_HIBP_KEY" in (HibpLookup(Settings()).skip_reason(PROFILE) or "")
    keyed = Settings(env={"FOOTPRINT_HIBP_KEY": "k"})
    assert HibpLookup(keyed).skip_reason(PROFILE) is None
    assert HibpLookup(keyed).skip_reason(Profile(name="Alex Example"))


def test_personal_addresses_are_never_sent(httpserver: HTTPServer) -> None:
    profile = PROFILE.model_copy(
        update={
            "private": PrivateDetails(emails=[PRIVATE_EMAIL]),
            "work": WorkDetails(emails=[WORK]),
        }
    )
    expect(httpserver, WORK).respond_with_data("", status=404)
    observations = run(lookup(httpserver), profile)
    assert [o.outcome for o in observations] == [Outcome.SKIPPED, Outcome.NOT_FOUND]
    assert all(PRIVATE_EMAIL not in str(req) for req, _ in httpserver.log)
    assert "personal e-mail addresses are never sent" in lookup(httpserver).sends(profile)
    only_private = PROFILE.model_copy(
        update={"private": PrivateDetails(emails=[PRIVATE_EMAIL]), "work": WorkDetails()}
    )
    assert "never leave" in (lookup(httpserver).skip_reason(only_private) or "")
