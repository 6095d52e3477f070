"""rdap: registrant details of the doctor's domains, redaction understood, one registrar hop."""

from __future__ import annotations

import json

import pytest
from api_harness import Slow, fixture, run, settings_for, with_key
from pytest_httpserver import HTTPServer

from footprint.lookups.registers.rdap import RdapLookup
from footprint.lookups.registers.rdap_data import Bootstrap, published_details, redacted_fields
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import PrivateDetails, Profile, WorkDetails
from footprint.model.vocab import Severity
from footprint.net.client import ANY_HOST
from footprint.util.settings import Settings

PROFILE = Profile(
    name="Alex Example",
    domains=["https://www.alexexample.co.uk/about"],
    private=PrivateDetails(
        phones=["07700 900123"],
        emails=["alex.home@example.com"],
        home_postcode="LS6 9ZZ",
        home_street="12 Fictional Lane",
    ),
    work=WorkDetails(phones=["0113 496 0000"], emails=["alex.example@nhs.net"]),
)
DOT_COM = PROFILE.model_copy(update={"domains": ["alexexample.com"]})
RDAP = ("application/rdap+json",)


def lookup(httpserver: HTTPServer) -> RdapLookup:
    return RdapLookup(settings_for(httpserver, "rdap", key=None))


def serve(httpserver: HTTPServer, path: str, body: object, status: int = 200) -> None:
    httpserver.expect_request(path).respond_with_data(
        json.dumps(body), status=status, content_type="application/rdap+json"
    )


def keys(observations: list[Observation]) -> dict[str, Severity]:
    return {o.exposure.key: o.exposure.severity for o in observations if o.exposure}


# --- bootstrap (RFC 9224) -------------------------------------------------------------------


def test_bundled_bootstrap_is_dated_and_maps_common_endings() -> None:
    boot = Bootstrap.bundled()
    assert boot.publication == "2026-06-26T18:00:02Z"
    assert boot.base_for("alexexample.co.uk") == "https://rdap.nominet.uk/uk/"
    assert boot.base_for("alexexample.com") == "https://rdap.verisign.com/com/v1/"
    assert boot.base_for("alexexample.org") == "https://rdap.publicinterestregistry.org/rdap/"
    assert boot.base_for("alexexample.dev") == "https://pubapi.registry.google/rdap/"
    assert boot.base_for("alexexample.com.au") == "https://rdap.cctld.au/rdap/"
    assert boot.base_for("alexexample.io") is None  # not in the IANA file


def test_bootstrap_prefers_the_longest_match_and_https() -> None:
    boot = Bootstrap.parse(
        {
            "publication": "2026-01-01T00:00:00Z",
            "services": [
                [["uk"], ["http://plain.example/", "https://uk.example/"]],
                [["co.uk"], ["https://co-uk.example/"]],
            ],
        }
    )
    assert boot.base_for("a.co.uk") == "https://co-uk.example/"
    assert boot.base_for("a.org.uk") == "https://uk.example/"


# --- found ----------------------------------------------------------------------------------


def test_published_registrant_is_found_and_compared_with_the_private_block(
    httpserver: HTTPServer,
) -> None:
    serve(httpserver, "/domain/alexexample.co.uk", fixture("rdap", "domain_published.json"))
    observations = run(lookup(httpserver), PROFILE)

    assert {o.outcome for o in observations} == {Outcome.FOUND}
    assert keys(observations) == {
        "rdap.published-name": Severity.MEDIUM,  # the doctor's own name
        "rdap.published-address": Severity.CRITICAL,  # the home postcode matched locally
        "rdap.published-phone": Severity.CRITICAL,  # the private mobile
        "rdap.published-email": Severity.CRITICAL,  # the private e-mail
    }
    # the admin contact's work phone and nhs.net address are expected, not exposure; the tech
    # contact's privacy placeholder and web-form "e-mail" are not exposure either
    matched = {o.matched for o in observations}
    assert "alex.example@nhs.net" not in matched and "+44.1134960000" not in matched
    address, exposure = with_key(observations, "rdap.published-address")
    assert "12 Fictional Lane" in (address.snippet or "")
    assert exposure.axis.value == "locatable"
    assert any("privacy" in step for step in exposure.steps)
    assert any("non-home" in step for step in exposure.steps)
    assert any("Nominet" in step for step in exposure.steps)  # a .uk domain


def test_titles_and_keys_hold_no_personal_data(httpserver: HTTPServer) -> None:
    serve(httpserver, "/domain/alexexample.co.uk", fixture("rdap", "domain_published.json"))
    for o in run(lookup(httpserver), PROFILE):
        assert o.exposure is not None
        for value in [*PROFILE.private_values(), "Alex Example", "alexexample"]:
            assert value.lower() not in o.exposure.key.lower()
            assert value.lower() not in o.exposure.title.lower()


def test_thin_registry_answer_is_followed_once_to_the_registrar(httpserver: HTTPServer) -> None:
    thin = fixture("rdap", "domain_thin_registry.json")
    registrar = httpserver.url_for("/registrar/domain/ALEXEXAMPLE.COM")
    thin["links"][1]["href"] = registrar
    serve(httpserver, "/domain/alexexample.com", thin)
    serve(httpserver, "/registrar/domain/ALEXEXAMPLE.COM", fixture("rdap", "domain_published.json"))

    observations = run(lookup(httpserver), DOT_COM)

    assert "rdap.published-address" in keys(observations)
    assert all(o.url == registrar for o in observations)
    assert len(httpserver.log) == 2  # registry, then registrar: one hop


def test_hop_is_bounded_to_one(httpserver: HTTPServer) -> None:
    thin = fixture("rdap", "domain_thin_registry.json")
    thin["links"][1]["href"] = httpserver.url_for("/registrar/domain/ALEXEXAMPLE.COM")
    also_thin = fixture("rdap", "domain_thin_registry.json")
    also_thin["links"][1]["href"] = httpserver.url_for("/elsewhere/domain/ALEXEXAMPLE.COM")
    serve(httpserver, "/domain/alexexample.com", thin)
    serve(httpserver, "/registrar/domain/ALEXEXAMPLE.COM", also_thin)

    [observation] = run(lookup(httpserver), DOT_COM)

    assert observation.outcome is Outcome.NOT_FOUND
    assert len(httpserver.log) == 2


# --- not found ------------------------------------------------------------------------------


def test_redacted_record_is_not_exposure(httpserver: HTTPServer) -> None:
    serve(httpserver, "/domain/alexexample.com", fixture("rdap", "domain_redacted.json"))
    [observation] = run(lookup(httpserver), DOT_COM)

    assert observation.outcome is Outcome.NOT_FOUND
    assert "no registrant" in observation.details["note"]


def test_rfc9537_names_map_to_roles_and_fields() -> None:
    record = fixture("rdap", "domain_redacted.json")
    assert redacted_fields(record) == {
        ("registrant", "name"),
        ("registrant", "address"),
        ("registrant", "phone"),
        ("registrant", "email"),
        ("technical", "name"),
        ("technical", "email"),
    }
    # a value the server did publish is still reported unless `redacted` lists it
    record["entities"][1]["vcardArray"][1][1][3] = "Alex Example"
    assert [p.value for p in published_details(record)] == []
    record["redacted"] = []
    assert [p.value for p in published_details(record)] == ["Alex Example"]


def test_unregistered_domain_is_not_found_with_a_note(httpserver: HTTPServer) -> None:
    serve(httpserver, "/domain/alexexample.co.uk", fixture("rdap", "error_404.json"), status=404)
    [observation] = run(lookup(httpserver), PROFILE)

    assert observation.outcome is Outcome.NOT_FOUND
    assert "not registered" in observation.details["note"]


# --- couldn't check -------------------------------------------------------------------------


@pytest.mark.parametrize("status", [403, 429, 500])
def test_refused_or_failing_server_is_couldnt_check(httpserver: HTTPServer, status: int) -> None:
    httpserver.expect_request("/domain/alexexample.co.uk").respond_with_data("", status=status)
    [observation] = run(lookup(httpserver), PROFILE)

    assert observation.outcome is Outcome.COULDNT_CHECK
    assert str(status) in (observation.reason or "")
    assert "lookup.icann.org" in (observation.manual_check or "")


def test_timeout_is_couldnt_check(httpserver: HTTPServer) -> None:
    handler = Slow()
    httpserver.expect_request("/domain/alexexample.co.uk").respond_with_handler(handler)
    [observation] = run(lookup(httpserver), PROFILE)
    handler.wait()
    assert observation.outcome is Outcome.COULDNT_CHECK


@pytest.mark.parametrize(
    "body",
    [{"unexpected": True}, {"objectClassName": "entity"}, ["not", "an", "object"]],
)
def test_changed_format_is_couldnt_check(httpserver: HTTPServer, body: object) -> None:
    serve(httpserver, "/domain/alexexample.co.uk", body)
    [observation] = run(lookup(httpserver), PROFILE)
    assert observation.outcome is Outcome.COULDNT_CHECK


def test_html_instead_of_json_is_couldnt_check(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/domain/alexexample.co.uk").respond_with_data(
        "<html><title>Welcome</title></html>", content_type="text/html"
    )
    [observation] = run(lookup(httpserver), PROFILE)
    assert observation.outcome is Outcome.COULDNT_CHECK


def test_failed_registrar_hop_is_couldnt_check_not_not_found(httpserver: HTTPServer) -> None:
    thin = fixture("rdap", "domain_thin_registry.json")
    thin["links"][1]["href"] = httpserver.url_for("/registrar/domain/ALEXEXAMPLE.COM")
    serve(httpserver, "/domain/alexexample.com", thin)
    httpserver.expect_request("/registrar/domain/ALEXEXAMPLE.COM").respond_with_data("", status=404)

    [observation] = run(lookup(httpserver), DOT_COM)
    assert observation.outcome is Outcome.COULDNT_CHECK


def test_unknown_ending_is_couldnt_check_without_any_request() -> None:
    rdap = RdapLookup(Settings())
    profile = PROFILE.model_copy(update={"domains": ["alexexample.io"]})

    assert rdap.hosts(profile) == frozenset()
    [observation] = run(rdap, profile)  # the suite blocks any real connection
    assert observation.outcome is Outcome.COULDNT_CHECK
    assert "lookup.icann.org" in (observation.manual_check or "")


# --- consent --------------------------------------------------------------------------------


def test_consent_sentence_names_domain_and_registry_server() -> None:
    rdap = RdapLookup(Settings())
    sentence = rdap.sends(PROFILE)

    assert sentence.startswith(
        "your domain 'alexexample.co.uk' to rdap.nominet.uk (the registry's RDAP server)"
    )
    assert "registrar's RDAP server" in sentence
    assert rdap.hosts(PROFILE) == frozenset({"rdap.nominet.uk", ANY_HOST})
    for value in PROFILE.private_values():
        assert value not in sentence


def test_consent_sentence_shows_an_override(httpserver: HTTPServer) -> None:
    sentence = lookup(httpserver).sends(PROFILE)
    assert httpserver.url_for("/") in sentence
    assert "FOOTPRINT_RDAP_URL override" in sentence


def test_no_domains_is_skipped() -> None:
    reason = RdapLookup(Settings()).skip_reason(Profile(name="Alex Example"))
    assert reason and "no domains" in reason


def test_domains_are_cleaned_to_the_registered_name() -> None:
    profile = Profile(
        name="Alex Example",
        domains=["https://www.alexexample.co.uk/about", "ALEXEXAMPLE.co.uk", "münchen-praxis.de"],
    )
    assert RdapLookup(Settings()).domains(profile) == [
        "alexexample.co.uk",
        "xn--mnchen-praxis-wob.de",
    ]
