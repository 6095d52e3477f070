"""Address policy and body helpers behind footprint.net.client (netsafety, netbody)."""

from __future__ import annotations

import gzip
import ipaddress

import pytest

from footprint.net.body import BodyTooLarge, accepts, decode_text, read_capped
from footprint.net.safety import AddressPolicy

STRICT = AddressPolicy()
LOOPBACK = AddressPolicy(allow_loopback=True)
PRIVATE = AddressPolicy(allow_private=True)


@pytest.mark.parametrize(
    ("address", "strict", "loopback", "private"),
    [
        ("93.184.216.34", None, None, None),
        ("2606:2800:220:1:248:1893:25c8:1946", None, None, None),
        ("127.0.0.1", "loopback", None, None),
        ("127.0.0.15", "loopback", None, None),
        ("::1", "loopback", None, None),
        ("10.0.0.1", "private network", "private network", None),
        ("172.16.5.4", "private network", "private network", None),
        ("192.168.1.1", "private network", "private network", None),
        ("100.64.0.1", "private network", "private network", None),  # carrier-grade NAT
        ("fd00::1", "private network", "private network", None),
        ("::ffff:10.0.0.1", "private network", "private network", None),
        ("169.254.169.254", "link-local", "link-local", "link-local"),  # cloud metadata
        ("fe80::1", "link-local", "link-local", "link-local"),
        ("224.0.0.1", "multicast", "multicast", "multicast"),
        ("0.0.0.0", "unspecified", "unspecified", "unspecified"),
        ("240.0.0.1", "reserved", "reserved", "reserved"),
    ],
)
def test_address_policy(
    address: str, strict: str | None, loopback: str | None, private: str | None
) -> None:
    ip = ipaddress.ip_address(address)
    assert (STRICT.refusal(ip), LOOPBACK.refusal(ip), PRIVATE.refusal(ip)) == (
        strict,
        loopback,
        private,
    )


@pytest.mark.parametrize(
    ("accept", "content_type", "ok"),
    [
        (("text/html",), "text/html; charset=UTF-8", True),
        (("text/html",), "TEXT/HTML", True),
        (("application/json",), "application/json", True),
        (("application/json",), "text/html", False),
        (("application/rdap+json",), "application/json", True),
        (("text/*",), "text/plain", True),
        (("*/*",), "image/png", True),
        (("text/html",), "", False),
    ],
)
def test_accepts(accept: tuple[str, ...], content_type: str, ok: bool) -> None:
    assert accepts(accept, content_type) is ok


def test_read_capped_counts_decoded_bytes() -> None:
    bomb = gzip.compress(b"a" * 5_000_000)
    parts = iter([bomb[i : i + 1000] for i in range(0, len(bomb), 1000)])
    with pytest.raises(BodyTooLarge):
        read_capped(lambda n: next(parts, b""), "gzip", 1_000_000, expired=lambda: False)


def test_read_capped_exact_limit_is_fine() -> None:
    parts = iter([b"a" * 600, b"b" * 400])
    body = read_capped(lambda n: next(parts, b""), "", 1000, expired=lambda: False)
    assert len(body) == 1000


def test_read_capped_stops_when_expired() -> None:
    with pytest.raises(TimeoutError):
        read_capped(lambda n: b"x", "", 1000, expired=lambda: True)


def test_decode_text_never_raises_on_garbage() -> None:
    garbage = bytes(range(256)) * 4
    for content_type in ("text/html", "text/html; charset=utf-8", "text/html; charset=nope"):
        assert isinstance(decode_text(garbage, {"content-type": content_type}), str)


def test_retry_after_forms() -> None:
    from datetime import datetime, timedelta, timezone
    from email.utils import format_datetime

    from footprint.net.body import retry_after_seconds

    soon = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=30), usegmt=True)
    assert retry_after_seconds("7") == 7.0
    assert 25 <= (retry_after_seconds(soon) or 0) <= 31
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None
