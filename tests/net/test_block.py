"""blocked_reason: walls (403, rate limits, challenges, login pages) are never "not found".

Page markers follow what the services really send: Cloudflare's interstitial has the title
"Just a moment..." and a `cf_chl_opt` script object, its block page "Attention Required! |
Cloudflare"; DataDome's block page loads from captcha-delivery.com. Normal pages with a captcha
on a contact form must NOT count as blocked.
"""

from __future__ import annotations

import pytest

from footprint.net.client import Response, blocked_reason


def page(
    text: str, status: int = 200, url: str = "https://example.org/team", final: str | None = None
) -> Response:
    return Response(
        url=url,
        final_url=final or url,
        status=status,
        headers={"content-type": "text/html"},
        content_type="text/html",
        body=text.encode(),
        text=text,
    )


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (401, "the site asked for a login (HTTP 401)"),
        (403, "the site refused the request (HTTP 403)"),
        (407, "a proxy asked for a login (HTTP 407)"),
        (429, "the site is limiting requests (HTTP 429)"),
        (500, "the site had a problem (HTTP 500)"),
        (503, "the site had a problem (HTTP 503)"),
    ],
)
def test_blocking_statuses(status: int, expected: str) -> None:
    assert blocked_reason(page("<p>nope</p>", status=status)) == expected


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Just a moment...</title></head><body>Checking your browser</body>",
        "<title>Attention Required! | Cloudflare</title><p>Sorry, you have been blocked</p>",
        "<title>x</title><script>window._cf_chl_opt={cvId: '3'};</script>",
        "<title>example.org</title><iframe src='https://geo.captcha-delivery.com/captcha/'>",
        "<title>Access Denied</title><h1>Access Denied</h1>",
    ],
)
def test_challenge_pages_on_200(html: str) -> None:
    assert blocked_reason(page(html)) == "the site showed a bot check (challenge page)"


def test_403_challenge_page_reports_the_status() -> None:
    html = "<title>Just a moment...</title>"
    assert blocked_reason(page(html, status=403)) == "the site refused the request (HTTP 403)"


@pytest.mark.parametrize(
    "title", ["Log in or sign up to view", "Login • Instagram", "Sign in – Google Accounts"]
)
def test_login_walls(title: str) -> None:
    assert blocked_reason(page(f"<title>{title}</title>")) == "the site showed a login page"


def test_redirect_to_a_login_page() -> None:
    resp = page(
        "<title>LinkedIn</title>",
        url="https://www.linkedin.com/in/alex-example",
        final="https://www.linkedin.com/authwall?trk=x",
    )
    assert blocked_reason(resp) == "the site sent us to a login page"


@pytest.mark.parametrize(
    "html",
    [
        # A practice page with a reCAPTCHA on its contact form and a "log in" link for staff.
        "<title>Our team | Example Surgery</title><a href='/login'>Staff log in</a>"
        "<div class='g-recaptcha' data-sitekey='x'></div>"
        "<script src='https://www.google.com/recaptcha/api.js'></script>",
        "<title>Dr Alex Example - Example Clinic</title><p>Sign in to book online</p>",
        "<title>Blog</title><script src='/cdn-cgi/challenge-platform/scripts/jsd/main.js'>",
        "",
    ],
)
def test_ordinary_pages_are_not_blocked(html: str) -> None:
    assert blocked_reason(page(html)) is None


def test_a_404_is_an_answer_not_a_block() -> None:
    assert blocked_reason(page("<title>Not found</title>", status=404)) is None
