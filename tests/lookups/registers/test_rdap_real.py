"""rdap against real registry shapes: link-only contacts (CZ.NIC), org registrants, group mailboxes.

Recorded answers come from src/footprint/lookups/data/samples/rdap (sources.json there); the
entity behind CZ.NIC's link is tests/fixtures/rdap/cznic_entity_person.json (see README).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from api_harness import fixture, run, settings_for
from pytest_httpserver import HTTPServer

from footprint.lookups.registers.rdap import RdapLookup
from footprint.lookups.registers.rdap_data import is_personal, published_details, regions
from footprint.model.observation import Outcome
from footprint.model.profile import PrivateDetails, Profile

CZ = Profile(
    name="Alex Example",
    domains=["example.cz"],
    private=PrivateDetails(emails=["alex.home@example.com"], home_postcode="LS6 9ZZ"),
)


def recorded(name: str) -> Any:
    root = resources.files("footprint.lookups").joinpath("data/samples/rdap")
    return json.loads(root.joinpath(name).read_text(encoding="utf-8"))


def serve(httpserver: HTTPServer, path: str, body: object, status: int = 200) -> None:
    httpserver.expect_request(path).respond_with_data(
        json.dumps(body), status=status, content_type="application/rdap+json"
    )


def cznic_here(httpserver: HTTPServer) -> Any:
    """The recorded CZ.NIC answer with its links pointing at the local stand-in."""
    text = json.dumps(recorded("cznic_example.cz.json"))
    return json.loads(text.replace("https://rdap.nic.cz", httpserver.url_for("").rstrip("/")))


def test_link_only_contacts_are_read_from_their_self_link(httpserver: HTTPServer) -> None:
    serve(httpserver, "/domain/example.cz", cznic_here(httpserver))
    serve(httpserver, "/entity/SB:EXAMPLE", fixture("rdap", "cznic_entity_person.json"))
    serve(httpserver, "/entity/EXAMPLE", {"objectClassName": "entity", "handle": "EXAMPLE"})

    observations = run(RdapLookup(settings_for(httpserver, "rdap", key=None)), CZ)

    found = {o.exposure.key: o for o in observations if o.exposure}
    assert found["rdap.published-address"].matched == "12 Fictional Lane, Exampleton, LS6 9ZZ, CZ"
    assert found["rdap.published-email"].exposure is not None
    paths = sorted(r.path for r, _ in httpserver.log)
    assert paths == ["/domain/example.cz", "/entity/EXAMPLE", "/entity/SB:EXAMPLE"]


def test_unreadable_linked_contact_is_couldnt_check_never_nothing_published(
    httpserver: HTTPServer,
) -> None:
    serve(httpserver, "/domain/example.cz", cznic_here(httpserver))
    serve(httpserver, "/entity/SB:EXAMPLE", {"errorCode": 404}, status=404)
    serve(httpserver, "/entity/EXAMPLE", {"errorCode": 404}, status=404)

    observations = run(RdapLookup(settings_for(httpserver, "rdap", key=None)), CZ)

    assert [o.outcome for o in observations] == [Outcome.COULDNT_CHECK]
    reason = observations[0].reason or ""
    assert "the registrant contact's details could not be read (HTTP 404)" in reason
    assert "no registrant" not in json.dumps([o.model_dump(mode="json") for o in observations])


def test_links_to_another_server_are_not_followed(httpserver: HTTPServer) -> None:
    serve(httpserver, "/domain/example.cz", recorded("cznic_example.cz.json"))

    observations = run(RdapLookup(settings_for(httpserver, "rdap", key=None)), CZ)

    assert [o.outcome for o in observations] == [Outcome.COULDNT_CHECK]
    assert "rdap.nic.cz, a server not agreed to" in (observations[0].reason or "")
    assert len(httpserver.log) == 1


def test_org_registrant_and_remarks_redaction_markmonitor() -> None:
    record = recorded("markmonitor_google.com.json")
    shown = {(p.role, p.field, p.value) for p in published_details(record)}
    assert shown == {("registrant", "name", "Google LLC")}  # not the registrar's street or phone
    assert regions(record) == ["CA, US"]


def test_group_mailbox_and_registrar_are_never_the_doctors_norid() -> None:
    record = recorded("norid_norway.no.json")
    assert published_details(record) == []
    technical, registrar = record["entities"]
    assert not is_personal(technical)  # kind: group, Domeneshop Hostmaster
    assert not is_personal(registrar)
