"""Public profile APIs: Bluesky, Mastodon, GitHub, read logged out and checked locally."""

from __future__ import annotations

import pytest
from api_harness import Slow, fixture, run, settings_for, with_key
from pytest_httpserver import HTTPServer

from footprint.lookups.profiles.public import BlueskyLookup, GithubLookup, MastodonLookup
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import PrivateDetails, Profile, WorkDetails, Workplace
from footprint.model.vocab import Severity
from footprint.util.settings import Settings

PROFILE = Profile(
    name="Alex Example",
    locality="Leeds",
    workplaces=[Workplace(name="Example Street Surgery", town="Leeds")],
    usernames={
        "bluesky": "@alexexample.bsky.social",
        "mastodon": "@alexexample@mastodon.example",
        "github": "alexexample",
    },
    private=PrivateDetails(
        phones=["07700 900123"],
        emails=["alex.home@example.com"],
        home_postcode="LS6 9ZZ",
        home_street="12 Fictional Lane",
    ),
    work=WorkDetails(phones=["0113 496 0000"], emails=["alex.example@nhs.net"]),
)
BSKY = "/xrpc/app.bsky.actor.getProfile"


def severities(observations: list[Observation]) -> dict[str, Severity]:
    assert all(o.outcome is Outcome.FOUND for o in observations)
    return {o.exposure.key: o.exposure.severity for o in observations if o.exposure}


def assert_no_personal_data_in_titles(observations: list[Observation]) -> None:
    for o in observations:
        assert o.exposure is not None
        for value in [*PROFILE.private_values(), "Alex Example", "alexexample", "Leeds"]:
            assert value.lower() not in o.exposure.key.lower()
            assert value.lower() not in o.exposure.title.lower()


# --- Bluesky --------------------------------------------------------------------------------


def bluesky(httpserver: HTTPServer) -> BlueskyLookup:
    return BlueskyLookup(settings_for(httpserver, "bluesky", key=None))


def test_bluesky_found_reads_bio_for_workplace_town_and_contacts(httpserver: HTTPServer) -> None:
    httpserver.expect_request(
        BSKY, query_string={"actor": "alexexample.bsky.social"}
    ).respond_with_json(fixture("bluesky", "profile_found.json"))
    observations = run(bluesky(httpserver), PROFILE)

    assert severities(observations) == {
        "bluesky-profile.public-profile": Severity.LOW,  # under the doctor's own name
        "bluesky-profile.personal-phone": Severity.CRITICAL,  # the private mobile
        "bluesky-profile.workplace": Severity.MEDIUM,
        "bluesky-profile.town": Severity.MEDIUM,
        "bluesky-profile.links": Severity.LOW,
    }
    phone, _ = with_key(observations, "bluesky-profile.personal-phone")
    assert phone.matched == "07700 900123" and "bio:" in (phone.snippet or "")
    assert phone.url == "https://bsky.app/profile/alexexample.bsky.social"
    assert "logged_out_visibility" in phone.details  # the label is only a request to apps
    assert_no_personal_data_in_titles(observations)


def test_bluesky_quiet_profile_is_only_an_info_note(httpserver: HTTPServer) -> None:
    httpserver.expect_request(BSKY).respond_with_json(fixture("bluesky", "profile_quiet.json"))
    profile = PROFILE.model_copy(update={"usernames": {"bluesky": "hillwalker.bsky.social"}})

    assert severities(run(bluesky(httpserver), profile)) == {
        "bluesky-profile.public-profile": Severity.INFO
    }


@pytest.mark.parametrize("name", ["error_not_found.json", "error_deactivated.json"])
def test_bluesky_not_found(httpserver: HTTPServer, name: str) -> None:
    httpserver.expect_request(BSKY).respond_with_json(fixture("bluesky", name), status=400)
    [observation] = run(bluesky(httpserver), PROFILE)
    assert observation.outcome is Outcome.NOT_FOUND


def test_bluesky_other_400_is_couldnt_check(httpserver: HTTPServer) -> None:
    body = {"error": "InvalidRequest", "message": "Error: actor must be a valid did or a handle"}
    httpserver.expect_request(BSKY).respond_with_json(body, status=400)
    [observation] = run(bluesky(httpserver), PROFILE)
    assert observation.outcome is Outcome.COULDNT_CHECK


@pytest.mark.parametrize("status", [403, 429, 502])
def test_bluesky_blocked_is_couldnt_check(httpserver: HTTPServer, status: int) -> None:
    httpserver.expect_request(BSKY).respond_with_data("", status=status)
    [observation] = run(bluesky(httpserver), PROFILE)
    assert observation.outcome is Outcome.COULDNT_CHECK
    assert str(status) in (observation.reason or "")


def test_bluesky_changed_format_is_couldnt_check(httpserver: HTTPServer) -> None:
    httpserver.expect_request(BSKY).respond_with_json({"profile": {"name": "Alex"}})
    [observation] = run(bluesky(httpserver), PROFILE)
    assert observation.outcome is Outcome.COULDNT_CHECK


def test_bluesky_timeout_is_couldnt_check(httpserver: HTTPServer) -> None:
    handler = Slow()
    httpserver.expect_request(BSKY).respond_with_handler(handler)
    [observation] = run(bluesky(httpserver), PROFILE)
    handler.wait()
    assert observation.outcome is Outcome.COULDNT_CHECK


def test_bluesky_consent_sentence() -> None:
    lookup = BlueskyLookup(Settings())
    assert lookup.sends(PROFILE) == (
        "your Bluesky handle 'alexexample.bsky.social' to public.api.bsky.app"
    )
    assert lookup.hosts(PROFILE) == frozenset({"public.api.bsky.app"})


# --- Mastodon -------------------------------------------------------------------------------


def mastodon(httpserver: HTTPServer) -> MastodonLookup:
    return MastodonLookup(settings_for(httpserver, "mastodon", key=None))


def serve_webfinger(httpserver: HTTPServer, name: str = "webfinger.json") -> None:
    httpserver.expect_request(
        "/.well-known/webfinger",
        query_string={"resource": "acct:alexexample@mastodon.example"},
    ).respond_with_json(fixture("mastodon", name), content_type="application/jrd+json")


def test_mastodon_found_reads_html_bio_fields_and_reach(httpserver: HTTPServer) -> None:
    serve_webfinger(httpserver)
    httpserver.expect_request(
        "/api/v1/accounts/lookup", query_string={"acct": "alexexample"}
    ).respond_with_json(fixture("mastodon", "account.json"))

    observations = run(mastodon(httpserver), PROFILE)

    assert severities(observations) == {
        "mastodon-profile.public-profile": Severity.LOW,
        "mastodon-profile.personal-email": Severity.CRITICAL,
        "mastodon-profile.workplace": Severity.MEDIUM,
        "mastodon-profile.town": Severity.MEDIUM,  # the "Lives in" field
        "mastodon-profile.links": Severity.LOW,
        "mastodon-profile.discoverable": Severity.LOW,
    }
    links, _ = with_key(observations, "mastodon-profile.links")
    assert links.matched == "https://alexexample.co.uk"  # hashtags are not the doctor's links
    assert_no_personal_data_in_titles(observations)


def test_mastodon_quiet_account(httpserver: HTTPServer) -> None:
    serve_webfinger(httpserver)
    httpserver.expect_request("/api/v1/accounts/lookup").respond_with_json(
        fixture("mastodon", "account_quiet.json")
    )
    assert severities(run(mastodon(httpserver), PROFILE)) == {
        "mastodon-profile.public-profile": Severity.INFO
    }


def test_mastodon_unknown_account_is_not_found(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/.well-known/webfinger").respond_with_json(
        fixture("mastodon", "error_not_found.json"), status=404
    )
    [observation] = run(mastodon(httpserver), PROFILE)
    assert observation.outcome is Outcome.NOT_FOUND
    assert len(httpserver.log) == 1


@pytest.mark.parametrize("status", [401, 403, 429, 503])
def test_mastodon_refused_lookup_is_couldnt_check(httpserver: HTTPServer, status: int) -> None:
    serve_webfinger(httpserver)  # e.g. a server in limited-federation mode refuses the API
    httpserver.expect_request("/api/v1/accounts/lookup").respond_with_data("", status=status)
    [observation] = run(mastodon(httpserver), PROFILE)
    assert observation.outcome is Outcome.COULDNT_CHECK


def test_mastodon_changed_format_is_couldnt_check(httpserver: HTTPServer) -> None:
    serve_webfinger(httpserver)
    httpserver.expect_request("/api/v1/accounts/lookup").respond_with_json({"id": "1"})
    [observation] = run(mastodon(httpserver), PROFILE)
    assert observation.outcome is Outcome.COULDNT_CHECK


def test_mastodon_timeout_is_couldnt_check(httpserver: HTTPServer) -> None:
    handler = Slow()
    httpserver.expect_request("/.well-known/webfinger").respond_with_handler(handler)
    [observation] = run(mastodon(httpserver), PROFILE)
    handler.wait()
    assert observation.outcome is Outcome.COULDNT_CHECK


def test_mastodon_account_on_another_server_is_couldnt_check() -> None:
    lookup = MastodonLookup(Settings())
    jrd = fixture("mastodon", "webfinger_elsewhere.json")
    assert lookup._elsewhere(jrd, "mastodon.example") == "social.example.org"
    assert lookup._elsewhere(fixture("mastodon", "webfinger.json"), "mastodon.example") is None


def test_mastodon_consent_sentence_names_the_users_server() -> None:
    lookup = MastodonLookup(Settings())
    assert lookup.sends(PROFILE) == (
        "your Mastodon handle '@alexexample@mastodon.example' to mastodon.example "
        "(your Mastodon server)"
    )
    assert lookup.hosts(PROFILE) == frozenset({"mastodon.example"})


def test_mastodon_override_is_shown(httpserver: HTTPServer) -> None:
    sentence = mastodon(httpserver).sends(PROFILE)
    assert "FOOTPRINT_MASTODON_URL override" in sentence
    assert mastodon(httpserver).hosts(PROFILE) == frozenset({"localhost"})


# --- GitHub ---------------------------------------------------------------------------------


def github(httpserver: HTTPServer) -> GithubLookup:
    return GithubLookup(settings_for(httpserver, "github", key=None))


def test_github_found_checks_every_field_and_ignores_work_details(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/users/alexexample").respond_with_json(
        fixture("github", "user.json")
    )
    observations = run(github(httpserver), PROFILE)

    assert severities(observations) == {
        "github-profile.public-profile": Severity.LOW,
        "github-profile.personal-email": Severity.CRITICAL,  # the public e-mail field
        "github-profile.workplace": Severity.MEDIUM,  # company
        "github-profile.location": Severity.MEDIUM,
        "github-profile.links": Severity.LOW,  # website and X account
    }
    matched = {o.matched for o in observations}
    assert "0113 496 0000" not in matched  # the surgery's number is a work detail
    location, exposure = with_key(observations, "github-profile.location")
    assert location.matched == "Headingley, Leeds"
    assert any("Keep my email addresses private" in s for s in exposure.steps)
    assert_no_personal_data_in_titles(observations)


def test_github_quiet_profile(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/users/alexexample").respond_with_json(
        fixture("github", "user_quiet.json")
    )
    assert severities(run(github(httpserver), PROFILE)) == {
        "github-profile.public-profile": Severity.INFO
    }


def test_github_unknown_user_is_not_found(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/users/alexexample").respond_with_json(
        fixture("github", "not_found.json"), status=404
    )
    [observation] = run(github(httpserver), PROFILE)
    assert observation.outcome is Outcome.NOT_FOUND


def test_github_rate_limit_is_explained(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/users/alexexample").respond_with_json(
        fixture("github", "rate_limited.json"),
        status=403,
        headers={
            "x-ratelimit-limit": "60",
            "x-ratelimit-remaining": "0",
            "x-ratelimit-reset": "1795252800",  # 2026-11-21 09:20 UTC
        },
    )
    [observation] = run(github(httpserver), PROFILE)

    assert observation.outcome is Outcome.COULDNT_CHECK
    assert observation.reason == (
        "GitHub rate limit (60 per hour without a token); try again after 09:20 UTC"
    )


@pytest.mark.parametrize("status", [403, 429, 500])
def test_github_other_refusals_are_couldnt_check(httpserver: HTTPServer, status: int) -> None:
    httpserver.expect_request("/users/alexexample").respond_with_data("", status=status)
    [observation] = run(github(httpserver), PROFILE)
    assert observation.outcome is Outcome.COULDNT_CHECK


def test_github_changed_format_is_couldnt_check(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/users/alexexample").respond_with_json({"user": "alexexample"})
    [observation] = run(github(httpserver), PROFILE)
    assert observation.outcome is Outcome.COULDNT_CHECK


def test_github_timeout_is_couldnt_check(httpserver: HTTPServer) -> None:
    handler = Slow()
    httpserver.expect_request("/users/alexexample").respond_with_handler(handler)
    [observation] = run(github(httpserver), PROFILE)
    handler.wait()
    assert observation.outcome is Outcome.COULDNT_CHECK


def test_github_consent_sentence_and_override(httpserver: HTTPServer) -> None:
    assert GithubLookup(Settings()).sends(PROFILE) == (
        "your GitHub username 'alexexample' to api.github.com"
    )
    sentence = github(httpserver).sends(PROFILE)
    assert "FOOTPRINT_GITHUB_URL override, instead of api.github.com" in sentence


# --- shared ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "usernames", "expected"),
    [
        (GithubLookup, {}, "no GitHub username"),
        (GithubLookup, {"github": "not a name!"}, "does not look like"),
        (BlueskyLookup, {"bluesky": "alex"}, "does not look like"),
        (MastodonLookup, {"mastodon": "alexexample"}, "does not look like"),
    ],
)
def test_missing_or_malformed_usernames_are_skipped(
    cls: type, usernames: dict[str, str], expected: str
) -> None:
    profile = Profile(name="Alex Example", usernames=usernames)
    reason = cls(Settings()).skip_reason(profile)
    assert reason is not None and expected in reason


@pytest.mark.parametrize("cls", [BlueskyLookup, MastodonLookup, GithubLookup])
def test_consent_sentences_hold_no_private_values(cls: type) -> None:
    sentence = cls(Settings()).sends(PROFILE)
    for value in PROFILE.private_values():
        assert value not in sentence
