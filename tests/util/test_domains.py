"""One comparable form for host names, and registrable domains from one offline extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint.content.sites import classify
from footprint.util.domains import host_of, normalise_host, public_suffix, registrable_domain


@pytest.mark.parametrize(
    ("spelling", "normalised"),
    [
        ("EXAMPLE.com.", "example.com"),
        ("  example.com  ", "example.com"),
        ("bücher.example", "xn--bcher-kva.example"),
        ("BÜCHER.Example.", "xn--bcher-kva.example"),
        ("xn--bcher-kva.example", "xn--bcher-kva.example"),
        ("XN--BCHER-KVA.example", "xn--bcher-kva.example"),
        ("[::1]", "::1"),
        ("127.0.0.1", "127.0.0.1"),
        ("", ""),
    ],
)
def test_normalise_host(spelling: str, normalised: str) -> None:
    assert normalise_host(spelling) == normalised


def test_a_look_alike_stays_a_different_host() -> None:
    assert normalise_host("ex\u0430mple.com") != normalise_host("example.com")  # Cyrillic "а"
    assert normalise_host("ex\u0430mple.com") == "xn--exmple-4nf.com"


def test_a_name_idna_refuses_is_only_lower_cased() -> None:
    assert normalise_host("My_Host.Example.") == "my_host.example"
    assert normalise_host("*") == "*"


def test_host_of_a_url() -> None:
    assert host_of("https://Bücher.Example./path?q=1") == "xn--bcher-kva.example"
    assert host_of("not a url") == ""
    assert host_of("http://[::1]:8080/") == "::1"


@pytest.mark.parametrize(
    ("host_or_url", "domain"),
    [
        ("www.example.co.uk", "example.co.uk"),
        ("https://www.example.co.uk/about", "example.co.uk"),
        ("WWW.EXAMPLE.CO.UK.", "example.co.uk"),
        ("praxis.münchen-praxis.de", "xn--mnchen-praxis-wob.de"),
        ("example.com:8080", "example.com"),
    ],
)
def test_registrable_domain(host_or_url: str, domain: str) -> None:
    assert registrable_domain(host_or_url) == domain


def test_public_suffix() -> None:
    assert public_suffix("www.example.co.uk") == "co.uk"
    assert public_suffix("intranet.invalid-tld-xyz") == ""


def test_site_classification_ignores_case_trailing_dot_and_port() -> None:
    site = classify("https://WWW.192.COM.:443/people")
    assert site is not None and site.domain == "192.com"
    assert classify("192.com") == site
    assert classify("l92.com") is None  # a look-alike is not the listed site


def test_one_public_suffix_extractor_for_the_whole_package() -> None:
    package = Path(__file__).resolve().parents[2] / "src" / "footprint"
    builders = sorted(
        str(p.relative_to(package))
        for p in package.rglob("*.py")
        if "TLDExtract(" in p.read_text(encoding="utf-8")
    )
    assert builders == ["util/domains.py"]
