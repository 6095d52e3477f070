"""`footprint.lookups.pages.scanner`: targets, the JSON contract, matching, and fetch failures as couldn't-check."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from footprint.demo.server import DemoServer
from footprint.errors import InputError
from footprint.lookups.pages.scanner import resolve_target, scan, site_hosts
from footprint.model.observation import Outcome
from footprint.model.profile import Profile
from footprint.net.client import FetchLimits, HttpClient

FIXTURES = Path(__file__).parents[2] / "fixtures" / "scan"
TEAM = (FIXTURES / "team.html").read_text(encoding="utf-8")
QUICK = FetchLimits(connect_timeout=0.5, total_timeout=0.5, max_retries=0)
PROFILE = Profile(
    name="Alex Example",
    private={"phones": ["07700 900123"], "emails": ["alex.example.home@gmail.com"]},
    work={"phones": ["0113 496 0000"], "emails": ["alex.example@nhs.net"]},
)
CONTRACT_KEYS = ["target", "final_url", "outcome", "reason", "contacts"]
CONTACT_KEYS = ["kind", "value", "normalized", "phone_type", "matches", "context"]


@pytest.fixture
def client() -> Iterator[HttpClient]:
    with HttpClient(QUICK, allow_loopback=True) as http:
        yield http


def test_resolve_targets(tmp_path: Path) -> None:
    page = tmp_path / "saved.html"
    page.write_text("<p>hi</p>")
    assert resolve_target("https://practice.example/team").url == "https://practice.example/team"
    assert resolve_target(str(page)).path == page
    assert resolve_target("practice.example/team").url == "https://practice.example/team"
    with pytest.raises(InputError, match="not a web address or an existing file"):
        resolve_target(str(tmp_path / "missing.html"))
    with pytest.raises(InputError):
        resolve_target("ftp://practice.example/team")
    with pytest.raises(InputError, match="no site name"):
        resolve_target("https://")  # was an AssertionError traceback
    with pytest.raises(InputError, match="is a folder"):
        resolve_target(str(tmp_path))
    with pytest.raises(InputError):
        resolve_target("http://[::1")


def test_site_hosts() -> None:
    assert site_hosts("https://www.practice.example/x") == {
        "practice.example",
        "www.practice.example",
    }
    assert site_hosts("http://127.0.0.1:8000/") == {"127.0.0.1"}
    assert site_hosts("http://intranet/") == {"intranet"}


def test_local_file_serialises_to_the_contract() -> None:
    (result,) = scan([str(FIXTURES / "team.html")], profile=PROFILE)
    data = result.model_dump(mode="json")
    assert list(data) == CONTRACT_KEYS
    assert data["outcome"] == "found" and data["final_url"] is None and data["reason"] is None
    assert all(list(c) == CONTACT_KEYS for c in data["contacts"])
    by_value = {c["normalized"]: c for c in data["contacts"]}
    assert by_value["+447700900123"] | {"context": ""} == {
        "kind": "phone",
        "value": "+44 (0)7700 900123",
        "normalized": "+447700900123",
        "phone_type": "mobile",
        "matches": "private",
        "context": "",
    }
    assert "Mobile for colleagues" in by_value["+447700900123"]["context"]
    assert by_value["+441134960000"]["matches"] == "work"
    assert by_value["alex.example@nhs.net"]["matches"] == "work"
    assert by_value["samsample@outlook.com"]["matches"] is None
    assert by_value["samsample@outlook.com"]["phone_type"] is None
    assert "7654321" not in str(by_value)  # the GMC number is not a phone


def test_unknown_personal_looking_details_are_marked_for_review() -> None:
    (result,) = scan([str(FIXTURES / "team.html")], profile=PROFILE)
    review = {c.normalized for c in result.contacts if c.review}
    # A mobile and a personal-domain address on a page that names the doctor: worth a look.
    assert review == {"+447700900456", "samsample@outlook.com"}
    assert all("review" not in c for c in result.model_dump()["contacts"])  # not in the contract


def test_without_profile_nothing_matches() -> None:
    (result,) = scan([str(FIXTURES / "team.html")])
    assert result.contacts and all(c.matches is None and not c.review for c in result.contacts)


def test_region_reads_national_numbers() -> None:
    html = FIXTURES.parent / "scan" / "team.html"
    (gb,) = scan([str(html)], region="GB")
    (us,) = scan([str(html)], region="US")
    assert "+441134960000" in {c.normalized for c in gb.contacts}
    assert "+441134960000" not in {c.normalized for c in us.contacts}  # 0113... is not US


def test_url_target(httpserver: HTTPServer, client: HttpClient) -> None:
    httpserver.expect_request("/team").respond_with_data(TEAM, content_type="text/html")
    url = httpserver.url_for("/team")
    (result,) = scan([url], profile=PROFILE, client=client)
    assert result.outcome is Outcome.FOUND
    assert result.final_url == url
    assert "+447700900123" in {c.normalized for c in result.contacts if c.matches == "private"}


def test_private_values_are_never_sent(httpserver: HTTPServer, client: HttpClient) -> None:
    httpserver.expect_request("/team").respond_with_data(TEAM, content_type="text/html")
    scan([httpserver.url_for("/team")], profile=PROFILE, client=client)
    (request, _), *_ = httpserver.log
    sent = f"{request.url} {dict(request.headers)} {request.get_data()!r}".lower()
    for value in ("07700", "900123", "gmail", "alex.example"):
        assert value not in sent


@pytest.mark.parametrize(
    ("status", "body", "reason"),
    [
        (403, "<title>Just a moment...</title>", "refused the request (HTTP 403)"),
        (429, "slow down", "limiting requests (HTTP 429)"),
        (200, "<html><title>Just a moment...</title></html>", "bot check"),
        (404, "<title>Not found</title>", "does not exist (HTTP 404)"),
        (500, "oops", "had a problem (HTTP 500)"),
    ],
)
def test_walls_and_errors_are_couldnt_check(
    httpserver: HTTPServer, client: HttpClient, status: int, body: str, reason: str
) -> None:
    httpserver.expect_request("/p").respond_with_data(body, status=status, content_type="text/html")
    (result,) = scan([httpserver.url_for("/p")], client=client)
    assert result.outcome is Outcome.COULDNT_CHECK
    assert reason in (result.reason or "")
    assert result.contacts == []


def test_wrong_content_type_is_couldnt_check(httpserver: HTTPServer, client: HttpClient) -> None:
    httpserver.expect_request("/p.zip").respond_with_data(
        b"PK\x03\x04", content_type="application/zip"
    )
    (result,) = scan([httpserver.url_for("/p.zip")], client=client)
    assert result.outcome is Outcome.COULDNT_CHECK and result.reason


def test_redirect_to_a_site_not_named_is_not_followed(
    httpserver: HTTPServer, client: HttpClient
) -> None:
    httpserver.expect_request("/moved").respond_with_data(
        "", status=302, headers={"Location": "https://elsewhere.example/team"}
    )
    (result,) = scan([httpserver.url_for("/moved")], client=client)
    assert result.outcome is Outcome.COULDNT_CHECK
    assert "elsewhere.example" in (result.reason or "")


def test_slow_page_is_couldnt_check_and_order_is_kept(client: HttpClient) -> None:
    with DemoServer(slow_delay=2.0) as server:
        results = scan(
            [f"{server.base_url}/slow/", f"{server.base_url}/practice/team.html"],
            profile=PROFILE,
            client=client,
        )
    assert [r.outcome for r in results] == [Outcome.COULDNT_CHECK, Outcome.FOUND]
    assert "too long" in (results[0].reason or "")


def test_connection_refused_is_couldnt_check(client: HttpClient) -> None:
    with DemoServer() as server:
        url = f"{server.base_url}/practice/team.html"
    (result,) = scan([url], client=client)  # the server has stopped
    assert result.outcome is Outcome.COULDNT_CHECK


def test_loopback_refused_unless_allowed() -> None:
    with DemoServer() as server:
        (result,) = scan([f"{server.base_url}/practice/team.html"])
        assert server.requests == []
    assert result.outcome is Outcome.COULDNT_CHECK


def test_empty_page_is_not_found(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><p>Nothing to see.</p></body></html>")
    (result,) = scan([str(page)])
    assert result.outcome is Outcome.NOT_FOUND and result.contacts == []


def test_oversized_file_is_couldnt_check(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    page.write_bytes(b"<p>" + b"x" * 3_100_000)
    (result,) = scan([str(page)])
    assert result.outcome is Outcome.COULDNT_CHECK and "larger than" in (result.reason or "")


# --- pool sized to the work: many slow hosts in parallel, one host never hammered --------


@pytest.mark.parametrize(
    ("tasks", "hosts", "per_host", "expected"),
    [
        (60, 15, 2, 30),  # hosts x per-host limit
        (3, 15, 2, 3),  # never more than one per task
        (200, 40, 2, 32),  # the ceiling
        (5, 0, 2, 2),  # local files only: still at least one host's worth
        (0, 0, 2, 1),
    ],
)
def test_pool_size(tasks: int, hosts: int, per_host: int, expected: int) -> None:
    from footprint.net.client import pool_size

    assert pool_size(tasks, hosts, per_host) == expected


def test_interleaved_takes_one_per_host_in_turn() -> None:
    from footprint.net.client import interleaved

    items = ["a1", "a2", "a3", "b1", "c1", "c2"]
    order = interleaved(items, lambda item: item[0])
    assert [items[i] for i in order] == ["a1", "b1", "c1", "a2", "c2", "a3"]


def test_results_come_back_in_the_order_named(httpserver: HTTPServer, client: HttpClient) -> None:
    # Grouped by site as a user might paste them; fetched interleaved, reported as named.
    for n in range(4):
        httpserver.expect_request(f"/p{n}").respond_with_data(
            f"<p>page {n}: 07700 90012{n}</p>", content_type="text/html"
        )
    urls = [httpserver.url_for(f"/p{n}") for n in range(4)]
    other = str(FIXTURES / "team.html")
    results = scan([*urls[:2], other, *urls[2:]], client=client)
    assert [r.target for r in results] == [*urls[:2], other, *urls[2:]]
    assert [r.contacts[0].normalized for r in results if r.target in urls] == [
        f"+4477009001{20 + n}" for n in range(4)
    ]


def test_a_deeply_nested_page_is_scanned_without_a_traceback(tmp_path: Path) -> None:
    # `footprint scan` once printed a RecursionError traceback for this page.
    hostile = tmp_path / "deep.html"
    hostile.write_text(
        '<script type="application/ld+json">'
        + "[" * 100_000
        + "]" * 100_000
        + "</script><p>Mobile 07700 900123</p>"
    )
    (result,) = scan([str(hostile)])
    assert result.outcome is Outcome.FOUND
    assert "+447700900123" in {c.normalized for c in result.contacts}


def test_a_page_that_breaks_the_parser_is_its_own_couldnt_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import footprint.lookups.pages.scanner as scan_module

    real = scan_module.parse_page

    def fragile(html: str | bytes, url: str | None = None):  # type: ignore[no-untyped-def]
        if b"HOSTILE" in (html if isinstance(html, bytes) else html.encode()):
            raise RecursionError("maximum recursion depth exceeded")
        return real(html, url)

    monkeypatch.setattr(scan_module, "parse_page", fragile)
    good, bad = tmp_path / "good.html", tmp_path / "bad.html"
    good.write_text("<p>Mobile 07700 900123</p>")
    bad.write_text("<p>HOSTILE</p>")
    first, second = scan([str(good), str(bad)])
    assert first.outcome is Outcome.FOUND
    assert second.outcome is Outcome.COULDNT_CHECK
    assert "could not be read" in (second.reason or "")
    assert (second.reason or "").endswith(": RecursionError")  # the type, not the message


def test_a_couldnt_check_reason_carries_no_terminal_controls() -> None:
    # Reasons can quote what a server sent (a content type); they are printed as they are.
    from footprint.lookups.pages.scanner import _couldnt

    result = _couldnt("https://x.example/", "type text/\x1b]0;owned\x07x\x1b[2J from x.example")
    assert result.reason == "type text/x from x.example"
