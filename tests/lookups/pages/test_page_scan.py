"""page-scan: listed pages and their team/contact links, matched with the profile.

Pages are served on loopback (pytest-httpserver, or the bundled demo site); the client is bound
exactly as the runner binds it: consent for the lookup's own hosts and nothing else.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from api_harness import run as run_lookup
from pytest_httpserver import HTTPServer

from footprint.demo.server import DemoServer
from footprint.detect.text import parse_page
from footprint.lookups.pages.page_scan import PageScanLookup, follow_links
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import Profile, Workplace
from footprint.model.vocab import Axis, Severity
from footprint.util.settings import Settings

PROFILE = Profile(
    name="Alex Example",
    private={
        "phones": ["07700 900123"],
        "emails": ["alex.example.home@gmail.com"],
        "home_postcode": "EX1 2AB",
        "home_street": "12 Fictional Lane",
    },
    work={"phones": ["0113 496 0000"], "emails": ["alex.example@nhs.net"]},
)
LOOKUP = PageScanLookup(Settings(allow_loopback=True))


def with_pages(*urls: str, workplace: str | None = None) -> Profile:
    places = [Workplace(name="Example Street Surgery", url=workplace)] if workplace else []
    return PROFILE.model_copy(update={"urls": list(urls), "workplaces": places})


def run(profile: Profile) -> list[Observation]:
    return run_lookup(LOOKUP, profile)


def page(body: str, title: str = "Page") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def test_consent_sentence_names_hosts_and_sends_nothing() -> None:
    profile = with_pages(
        "https://practice.example/team", workplace="https://clinic.example/dr-example"
    )
    assert LOOKUP.sends(profile) == (
        "the addresses of 2 pages you listed (practice.example, clinic.example) are fetched, "
        "with up to 6 linked team, contact or about pages on the same site for each; "
        "nothing about you is sent"
    )
    assert LOOKUP.hosts(profile) == {
        "practice.example",
        "www.practice.example",
        "clinic.example",
        "www.clinic.example",
    }
    for value in PROFILE.private_values():
        assert value not in LOOKUP.sends(profile)


def test_skipped_without_pages() -> None:
    assert LOOKUP.skip_reason(PROFILE) is not None
    assert LOOKUP.skip_reason(with_pages("ftp://x.example/")) is not None
    assert LOOKUP.skip_reason(with_pages("https://practice.example/")) is None


def test_private_mobile_is_critical_without_personal_data_in_key(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/team").respond_with_data(
        page("<h2>Dr Alex Example</h2><p>Mobile 07700 900123. Reception 0113 496 0000.</p>"),
        content_type="text/html",
    )
    (obs,) = run(with_pages(httpserver.url_for("/team")))
    assert obs.outcome is Outcome.FOUND
    assert obs.exposure is not None
    assert obs.exposure.key == "page-scan.personal-phone"
    assert obs.exposure.title == "Your personal mobile is on a public page"
    assert obs.exposure.severity is Severity.CRITICAL
    assert obs.matched == "07700 900123"
    assert "Mobile 07700 900123" in (obs.snippet or "")
    assert obs.url == httpserver.url_for("/team")
    for value in ("07700", "900123", "Alex"):
        assert value not in obs.exposure.key + obs.exposure.title


def test_home_address_and_email(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/clinic").respond_with_data(
        page(
            "<p>Write to me at 12 Fictional Lane, Exampleton EX1 2AB or "
            "alex.example.home(at)gmail.com</p>"
        ),
        content_type="text/html",
    )
    found = run(with_pages(httpserver.url_for("/clinic")))
    keys = sorted(o.exposure.key for o in found if o.exposure)
    assert keys == [
        "page-scan.home-address",
        "page-scan.home-address",
        "page-scan.personal-email",
    ]
    home = [o for o in found if o.exposure and o.exposure.key == "page-scan.home-address"]
    assert all(o.exposure and o.exposure.axis is Axis.LOCATABLE for o in home)


def test_review_items_are_medium(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/speaker").respond_with_data(
        page(
            "<h2>Dr Alex Example</h2><p>Mobile 07911 123456, e-mail someone@icloud.com.</p>"
            '<a href="https://www.instagram.com/alex.example.runs/">Instagram</a>'
        ),
        content_type="text/html",
    )
    found = run(with_pages(httpserver.url_for("/speaker")))
    assert {o.exposure.key for o in found if o.exposure} == {
        "page-scan.review-phone",
        "page-scan.review-email",
        "page-scan.review-social",
    }
    assert all(o.exposure and o.exposure.severity is Severity.MEDIUM for o in found)
    assert all(o.details["match"] == "to review" for o in found)


def test_work_details_only_is_not_found(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/contact").respond_with_data(
        page("<p>Dr Alex Example: 0113 496 0000, alex.example@nhs.net, EX1 1AA</p>"),
        content_type="text/html",
    )
    (obs,) = run(with_pages(httpserver.url_for("/contact")))
    assert obs.outcome is Outcome.NOT_FOUND
    assert obs.url == httpserver.url_for("/contact")


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (403, page("Verifying you are human", "Just a moment...")),
        (429, "rate limited"),
        (503, "maintenance"),
        (404, page("gone")),
        (200, page("<form>Password</form>", "Log in")),
    ],
)
def test_blocked_or_failed_pages_are_couldnt_check(
    httpserver: HTTPServer, status: int, body: str
) -> None:
    httpserver.expect_request("/p").respond_with_data(body, status=status, content_type="text/html")
    (obs,) = run(with_pages(httpserver.url_for("/p")))
    assert obs.outcome is Outcome.COULDNT_CHECK
    assert obs.reason
    assert obs.manual_check and "Ctrl+F" in obs.manual_check


def test_follows_team_and_contact_links_on_the_same_site(httpserver: HTTPServer) -> None:
    home = (
        '<nav><a href="/our-team">Our team</a> <a href="/contact-us">Contact</a> '
        '<a href="/news">News</a> <a href="/about#history">About</a> '
        '<a href="https://elsewhere.example/team">Other team</a> '
        '<a href="/team-photo.jpg">Team photo</a></nav>'
    )
    httpserver.expect_request("/").respond_with_data(page(home), content_type="text/html")
    httpserver.expect_request("/our-team").respond_with_data(
        page("Dr Alex Example, mobile 07700 900123"), content_type="text/html"
    )
    httpserver.expect_request("/contact-us").respond_with_data(
        page("Reception 0113 496 0000"), content_type="text/html"
    )
    httpserver.expect_request("/about").respond_with_data(
        page("Since 1987"), content_type="text/html"
    )
    observations = run(with_pages(httpserver.url_for("/")))
    paths = [request.path for request, _ in httpserver.log]
    assert paths == ["/", "/our-team", "/contact-us", "/about"]  # team first; no news, no photo
    outcomes = [(urlsplit(o.url or "").path, o.outcome.value) for o in observations]
    assert outcomes == [
        ("/", "not_found"),
        ("/our-team", "found"),
        ("/contact-us", "not_found"),
        ("/about", "not_found"),
    ]


def test_a_broken_menu_link_is_not_a_page_to_check(httpserver: HTTPServer) -> None:
    menu = '<nav><a href="/our-team">Our team</a> <a href="/contact-us">Contact</a></nav>'
    httpserver.expect_request("/").respond_with_data(page(menu), content_type="text/html")
    httpserver.expect_request("/our-team").respond_with_data(page("gone"), status=404)
    httpserver.expect_request("/contact-us").respond_with_data("error", status=503)
    observations = run(with_pages(httpserver.url_for("/")))
    outcomes = [(urlsplit(o.url or "").path, o.outcome.value) for o in observations]
    # 404: there is no page, so nothing to check by hand; 503: a page we could not read.
    assert outcomes == [("/", "not_found"), ("/contact-us", "couldnt_check")]
    # A page the doctor listed that does not exist is still reported: the address is wrong.
    (listed,) = run(with_pages(httpserver.url_for("/our-team")))
    assert listed.outcome is Outcome.COULDNT_CHECK and "does not exist" in (listed.reason or "")


def test_follow_limit_and_seen_pages() -> None:
    links = "".join(f'<a href="/team-{n}">Team {n}</a>' for n in range(10))
    parsed = parse_page(page(links + '<a href="/team-1#x">again</a>'), "https://practice.example/")
    found = follow_links(parsed, seen={"practice.example/team-0?"})
    assert found[0] == "https://practice.example/team-1"
    assert "https://practice.example/team-0" not in found
    assert len(found) == 9  # the fragment duplicate is folded into /team-1


def test_demo_site_end_to_end() -> None:
    """The bundled demo: found, not found and couldn't check, as `footprint demo` shows."""
    with DemoServer(slow_delay=1.5) as server:
        base = server.base_url
        profile = with_pages(
            f"{base}/clinic/",
            f"{base}/profile/",
            f"{base}/slow/",
            f"{base}/blocked/",
            workplace=f"{base}/practice/team.html",
        )
        observations = run(profile)
    summary = [
        (o.subject.split("/", 1)[1], o.outcome.value, o.exposure.key if o.exposure else None)
        for o in observations
    ]
    assert summary == [
        ("clinic/", "found", "page-scan.personal-email"),
        ("profile/", "found", "page-scan.review-social"),
        ("slow/", "couldnt_check", None),
        ("blocked/", "couldnt_check", None),
        ("practice/team.html", "found", "page-scan.personal-phone"),
        ("practice/contact.html", "not_found", None),
    ]


DEEP_JSON_LD = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"


def test_a_deeply_nested_page_does_not_cost_the_other_pages(httpserver: HTTPServer) -> None:
    # 100,000-deep JSON-LD once raised RecursionError, and the whole lookup became
    # "internal error", losing the critical finding on the other page.
    httpserver.expect_request("/team").respond_with_data(
        page("<p>Dr Alex Example, mobile 07700 900123</p>"), content_type="text/html"
    )
    httpserver.expect_request("/hostile").respond_with_data(
        page(DEEP_JSON_LD + "<p>Nothing here</p>"), content_type="text/html"
    )
    found = run(with_pages(httpserver.url_for("/team"), httpserver.url_for("/hostile")))
    by_page = {o.subject: o.outcome for o in found}
    assert Outcome.FOUND in by_page.values()
    assert [o.exposure.key for o in found if o.exposure] == ["page-scan.personal-phone"]
    assert any("hostile" in s and v is Outcome.NOT_FOUND for s, v in by_page.items())


def test_a_page_that_breaks_the_parser_is_only_its_own_couldnt_check(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import footprint.lookups.pages.scanner as scan_module

    real = scan_module.parse_page

    def fragile(html: str | bytes, url: str | None = None):  # type: ignore[no-untyped-def]
        if url and url.endswith("/hostile"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(html, url)

    monkeypatch.setattr(scan_module, "parse_page", fragile)
    httpserver.expect_request("/team").respond_with_data(
        page("<p>Dr Alex Example, mobile 07700 900123</p>"), content_type="text/html"
    )
    httpserver.expect_request("/hostile").respond_with_data(page("x"), content_type="text/html")
    found = run(with_pages(httpserver.url_for("/team"), httpserver.url_for("/hostile")))
    outcomes = sorted((o.subject.rsplit("/", 1)[-1], o.outcome.value) for o in found)
    assert outcomes == [("hostile", "couldnt_check"), ("team", "found")]
    hostile = next(o for o in found if o.subject.endswith("hostile"))
    assert "could not be read" in (hostile.reason or "")
    assert (hostile.reason or "").endswith(": RecursionError")  # the type, not the message
