"""gravatar: public profiles found by the SHA-256 hash of each e-mail address."""

from __future__ import annotations

import hashlib

import pytest
from api_harness import Slow, fixture, run, settings_for
from pytest_httpserver import HTTPServer

from footprint.lookups.profiles.gravatar import GravatarLookup
from footprint.model.observation import Outcome
from footprint.model.profile import PrivateDetails, Profile, WorkDetails
from footprint.model.vocab import Severity
from footprint.util.settings import Settings

SERVICE = "gravatar"
PERSONAL = "Alex.Example.Home@Example.com "
WORK = "alex.example@nhs.example"
PROFILE = Profile(
    name="Alex Example",
    private=PrivateDetails(emails=[PERSONAL], phones=["07700 900456"], home_postcode="EX1 2AB"),
    work=WorkDetails(emails=[WORK]),
)


def path(email: str) -> str:
    return "/profiles/" + hashlib.sha256(email.strip().lower().encode()).hexdigest()


def lookup(httpserver: HTTPServer) -> GravatarLookup:
    return GravatarLookup(settings_for(httpserver, SERVICE, key=None))


def test_found_profile_shows_what_is_public(httpserver: HTTPServer) -> None:
    httpserver.expect_request(path(PERSONAL)).respond_with_json(fixture(SERVICE, "profile.json"))
    httpserver.expect_request(path(WORK)).respond_with_data("", status=404)
    found, missing = run(lookup(httpserver), PROFILE)

    assert found.outcome is Outcome.FOUND and missing.outcome is Outcome.NOT_FOUND
    assert found.exposure is not None
    assert found.exposure.key == "gravatar.profile-links"  # location + a linked account
    assert found.exposure.severity is Severity.MEDIUM
    assert found.details["location"] == "Exampleton, UK"
    assert found.details["account:Instagram"] == "https://instagram.com/alex.example.runs"
    assert not any("mastodon" in v for v in found.details.values())  # hidden account
    assert found.url == "https://gravatar.com/alexexample"
    assert found.matched == PERSONAL.strip().lower()
    assert found.details["email_kind"] == "personal" and "personal" in found.subject


def test_only_hashes_are_sent(httpserver: HTTPServer) -> None:
    httpserver.expect_request(path(PERSONAL)).respond_with_data("", status=404)
    httpserver.expect_request(path(WORK)).respond_with_data("", status=404)
    run(lookup(httpserver), PROFILE)
    assert len(httpserver.log) == 2
    for request, _ in httpserver.log:
        assert "@" not in request.full_path and "example" not in request.full_path.lower()


def test_minimal_profile_is_low(httpserver: HTTPServer) -> None:
    httpserver.expect_request(path(PERSONAL)).respond_with_json(
        fixture(SERVICE, "profile_minimal.json")
    )
    httpserver.expect_request(path(WORK)).respond_with_data("", status=404)
    found, _ = run(lookup(httpserver), PROFILE)
    assert found.exposure is not None and found.exposure.key == "gravatar.profile"
    assert found.exposure.severity is Severity.LOW


def test_phone_on_profile_is_high_contactable(httpserver: HTTPServer) -> None:
    httpserver.expect_request(path(PERSONAL)).respond_with_json(
        fixture(SERVICE, "profile_authenticated.json")
    )
    httpserver.expect_request(path(WORK)).respond_with_data("", status=404)
    found, _ = run(lookup(httpserver), PROFILE)
    assert found.exposure is not None and found.exposure.key == "gravatar.profile-phone"
    assert found.exposure.severity is Severity.HIGH
    assert found.details["contact:cell_phone"] == "07700 900456"
    assert found.details["link:My running blog"] == "https://alexruns.example"


def test_private_phone_written_in_the_about_text_is_recognised(httpserver: HTTPServer) -> None:
    body = fixture(SERVICE, "profile_minimal.json")
    body["description"] = "Call me on 07700 900 456 any time"
    httpserver.expect_request(path(PERSONAL)).respond_with_json(body)
    httpserver.expect_request(path(WORK)).respond_with_data("", status=404)
    found, _ = run(lookup(httpserver), PROFILE)
    assert found.exposure is not None and found.exposure.key == "gravatar.profile-phone"


@pytest.mark.parametrize(
    ("field", "text", "key"),
    [
        ("location", "12 Fictional Lane, Exampleton EX1 2AB", "gravatar.profile-home"),
        ("description", "Write to me: alex.runs@gmail.com", "gravatar.profile-contact"),
        ("description", "Surgery: 0113 496 0000", "gravatar.profile"),  # the work number
    ],
)
def test_detectors_read_the_profile_text(
    httpserver: HTTPServer, field: str, text: str, key: str
) -> None:
    body = fixture(SERVICE, "profile_minimal.json")
    body[field] = text
    httpserver.expect_request(path(PERSONAL)).respond_with_json(body)
    httpserver.expect_request(path(WORK)).respond_with_data("", status=404)
    work_phone = PROFILE.model_copy(
        update={"work": WorkDetails(emails=[WORK], phones=["0113 496 0000"])}
    )
    found, _ = run(lookup(httpserver), work_phone)
    assert found.exposure is not None and found.exposure.key == key


def test_rate_limit_stops_and_marks_the_rest(httpserver: HTTPServer) -> None:
    httpserver.expect_request(path(PERSONAL)).respond_with_data(
        "", status=429, headers={"Retry-After": "3600"}
    )
    first, second = run(lookup(httpserver), PROFILE)
    assert first.outcome is Outcome.COULDNT_CHECK and second.outcome is Outcome.COULDNT_CHECK
    assert "rate limited" in (first.reason or "") and "3600 seconds" in (first.reason or "")
    assert len(httpserver.log) == 1  # no second request after a rate limit


@pytest.mark.parametrize("status", [403, 500])
def test_blocked_is_couldnt_check(httpserver: HTTPServer, status: int) -> None:
    httpserver.expect_request(path(PERSONAL)).respond_with_data("", status=status)
    httpserver.expect_request(path(WORK)).respond_with_data("", status=status)
    observations = run(lookup(httpserver), PROFILE)
    assert [o.outcome for o in observations] == [Outcome.COULDNT_CHECK] * 2


def test_timeout_is_couldnt_check(httpserver: HTTPServer) -> None:
    handler = Slow()
    httpserver.expect_request(path(PERSONAL)).respond_with_handler(handler)
    httpserver.expect_request(path(WORK)).respond_with_data("", status=404)
    first, second = run(lookup(httpserver), PROFILE)
    handler.wait()
    assert first.outcome is Outcome.COULDNT_CHECK and "too long" in (first.reason or "")


@pytest.mark.parametrize("body", [["a", "list"], {"something": "else"}])
def test_changed_format_is_couldnt_check(httpserver: HTTPServer, body: object) -> None:
    httpserver.expect_request(path(PERSONAL)).respond_with_json(body)
    httpserver.expect_request(path(WORK)).respond_with_data("", status=404)
    first, _ = run(lookup(httpserver), PROFILE)
    assert first.outcome is Outcome.COULDNT_CHECK
    assert "unexpected format" in (first.reason or "")


def test_optional_key_is_sent_as_bearer(httpserver: HTTPServer) -> None:
    settings = settings_for(httpserver, SERVICE, key="grav-key")
    httpserver.expect_request(
        path(PERSONAL), headers={"Authorization": "Bearer grav-key"}
    ).respond_with_data("", status=404)
    httpserver.expect_request(path(WORK)).respond_with_data("", status=404)
    observations = run(GravatarLookup(settings), PROFILE)
    assert [o.outcome for o in observations] == [Outcome.NOT_FOUND] * 2


def test_consent_sentence_says_a_hash_is_sent_and_holds_no_address() -> None:
    sentence = GravatarLookup(Settings()).sends(PROFILE)
    assert "SHA-256 hash" in sentence and "not the addresses themselves" in sentence
    assert "2 e-mail addresses (1 personal, 1 work)" in sentence
    assert "api.gravatar.com" in sentence
    for value in [*PROFILE.private_values(), WORK]:
        assert value.strip().lower() not in sentence.lower()
    one = Profile(name="Alex Example", private={"emails": ["alex.home@example.org"]})
    single = GravatarLookup(Settings()).sends(one)
    assert "a SHA-256 hash of your personal e-mail address is sent" in single
    assert "not the address itself" in single and "(1 personal, 0 work)" not in single


def test_skips_without_emails() -> None:
    assert GravatarLookup(Settings()).skip_reason(Profile(name="Alex Example"))
    assert GravatarLookup(Settings()).skip_reason(PROFILE) is None
