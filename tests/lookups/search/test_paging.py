"""Companies House appointments and NPI results are read page by page up to a stated cap, and
the report says when footprint stopped early (real answers report far more than one page)."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from api_harness import fixture, run, settings_for
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from footprint.lookups.registers import companies_house, npi_registry
from footprint.lookups.registers.companies_house import CompaniesHouseLookup
from footprint.lookups.registers.npi_registry import NpiRegistryLookup
from footprint.model.observation import Outcome
from footprint.model.profile import PrivateDetails, Profile
from footprint.model.vocab import Jurisdiction

OFFICER = "/officers/AbCdEfGhIjKlMnOpQrStUvWxYz0/appointments"
GB = Profile(
    name="Alex Example",
    jurisdiction=Jurisdiction.GB,
    private=PrivateDetails(home_postcode="EX1 2AB"),
)
US = Profile(name="Alex Example", jurisdiction=Jurisdiction.US, state="NY")


def appointments_pages(total: int) -> Any:
    """A handler answering like Companies House: `items_per_page` items from `start_index`."""
    one = fixture("companies-house", "appointments_work_only.json")["items"][0]

    def handler(request: Request) -> Response:
        start = int(request.args.get("start_index", "0"))
        size = int(request.args.get("items_per_page", "35"))
        count = max(0, min(size, total - start))
        items = []
        for n in range(start, start + count):
            item = copy.deepcopy(one)
            item["appointed_to"]["company_number"] = f"9{n:07d}"
            items.append(item)
        body = {"items": items, "total_results": total, "start_index": start}
        return Response(json.dumps(body), content_type="application/json")

    return handler


def serve_ch(httpserver: HTTPServer, total: int) -> None:
    search = fixture("companies-house", "search_officers.json")
    search["items"] = search["items"][:1]
    httpserver.expect_request("/search/officers").respond_with_json(search)
    httpserver.expect_request(OFFICER).respond_with_handler(appointments_pages(total))
    httpserver.expect_request(re.compile("^/company/")).respond_with_json(
        {"postal_code": "ZZ1 1ZZ"}
    )


def appointment_requests(httpserver: HTTPServer) -> list[str]:
    return [r.args["start_index"] for r, _ in httpserver.log if r.path == OFFICER]


def test_companies_house_reads_every_page_of_appointments(httpserver: HTTPServer) -> None:
    serve_ch(httpserver, total=121)
    observations = run(CompaniesHouseLookup(settings_for(httpserver, "companies-house")), GB)
    assert appointment_requests(httpserver) == ["0", "50", "100"]
    assert Outcome.COULDNT_CHECK not in {o.outcome for o in observations}


def test_companies_house_stops_at_the_cap_and_says_so(httpserver: HTTPServer) -> None:
    serve_ch(httpserver, total=450)
    observations = run(CompaniesHouseLookup(settings_for(httpserver, "companies-house")), GB)
    assert len(appointment_requests(httpserver)) == companies_house.MAX_PAGES
    stopped = [o for o in observations if o.outcome is Outcome.COULDNT_CHECK]
    assert any("lists 450 appointments" in (o.reason or "") for o in stopped)
    assert any("read the first 200" in (o.reason or "") for o in stopped)
    assert not any(o.outcome is Outcome.NOT_FOUND for o in observations)


def npi_pages(total: int) -> Any:
    record = fixture("npi-registry", "found.json")["results"][0]

    def handler(request: Request) -> Response:
        skip = int(request.args.get("skip", "0"))
        limit = int(request.args["limit"])
        results = []
        for n in range(skip, min(total, skip + limit)):
            item = copy.deepcopy(record)
            item["number"] = 1000000000 + n
            results.append(item)
        body = {"result_count": len(results), "results": results}
        return Response(json.dumps(body), content_type="application/json")

    return handler


def test_npi_pages_with_skip_until_a_short_page(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/").respond_with_handler(npi_pages(total=70))
    observations = run(NpiRegistryLookup(settings_for(httpserver, "npi-registry", key=None)), US)
    assert [r.args.get("skip") for r, _ in httpserver.log] == [None, "50"]
    numbers = {o.details["npi"] for o in observations}
    assert len(numbers) == 70
    assert all(o.outcome is Outcome.FOUND for o in observations)


def test_npi_stops_at_the_cap_and_says_so(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/").respond_with_handler(npi_pages(total=1000))
    observations = run(NpiRegistryLookup(settings_for(httpserver, "npi-registry", key=None)), US)
    assert len(httpserver.log) == npi_registry.MAX_RECORDS // npi_registry.LIMIT
    (stopped,) = [o for o in observations if o.outcome is Outcome.COULDNT_CHECK]
    assert "more than 200 records" in (stopped.reason or "")
