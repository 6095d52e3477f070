"""`sites.yaml` and `classify()`: the table of sites a patient's search lands on."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from footprint.content.sites import classify, load_sites
from footprint.lookups.search.findings import exposure_for
from footprint.model.vocab import Severity

SITES_YAML = Path(__file__).parents[2] / "checklists" / "sites.yaml"


def test_sites_yaml_loads_with_enough_domains() -> None:
    sites = load_sites()
    assert len(sites) >= 60
    categories = {s.category for s in sites.values()}
    assert {"people-search", "rating-site", "register", "social-network", "news", "employer"} <= (
        categories
    )


def test_domains_are_unique_and_lower_case() -> None:
    raw = yaml.safe_load(SITES_YAML.read_text(encoding="utf-8"))["sites"]
    domains = [entry["domain"] for entry in raw]
    assert len(domains) == len(set(domains))
    assert all(d == d.lower() and "/" not in d and " " not in d for d in domains)


def test_every_people_search_site_has_a_sourced_route() -> None:
    people = [s for s in load_sites().values() if s.category == "people-search"]
    assert len(people) >= 20
    for site in people:
        assert len(site.removal) > 20, site.domain
        assert site.removal_url is not None, site.domain
        assert site.source.startswith(("domain-facts.md 1.6", "http")), site.domain


def test_192_is_marked_as_third_party_sourced() -> None:
    site = load_sites()["192.com"]
    assert "check the current route on the site" in site.removal
    assert "third-party" in site.source


def test_every_source_is_named() -> None:
    for site in load_sites().values():
        assert site.source.startswith(("domain-facts.md", "peers.md", "http", "none verified")), (
            site.domain
        )


@pytest.mark.parametrize(
    ("url", "domain", "category"),
    [
        ("https://www.192.com/atoz/people/example/alex/", "192.com", "people-search"),
        ("https://192.com/optout/", "192.com", "people-search"),
        ("https://www.spokeo.com/Alex-Example", "spokeo.com", "people-search"),
        ("https://www.instagram.com/alexexample.demo/", "instagram.com", "social-network"),
        ("https://m.facebook.com/alex.example", "facebook.com", "social-network"),
        ("https://uk.linkedin.com/in/alex-example", "linkedin.com", "social-network"),
        ("https://twitter.com/alexexample", "twitter.com", "social-network"),
        ("https://www.strava.com/athletes/1", "strava.com", "social-network"),
        ("https://bsky.app/profile/alexexample.bsky.social", "bsky.app", "social-network"),
        ("https://www.gmc-uk.org/doctors/7999999", "gmc-uk.org", "register"),
        ("https://npiregistry.cms.hhs.gov/provider-view/1", "npiregistry.cms.hhs.gov", "register"),
        (
            "https://find-and-update.company-information.service.gov.uk/officers/x/appointments",
            "find-and-update.company-information.service.gov.uk",
            "register",
        ),
        ("https://www.ahpra.gov.au/registration", "ahpra.gov.au", "register"),
        ("https://www.nhs.uk/services/gp-surgery/x/X99999", "www.nhs.uk", "directory"),
        ("https://www.leedsth.nhs.uk/team/", "nhs.uk", "employer"),
        ("https://www.example-icb.nhs.uk/", "nhs.uk", "employer"),
        ("https://www.doctify.com/uk/specialist/alex", "doctify.com", "rating-site"),
        ("https://www.healthgrades.com/physician/dr-x", "healthgrades.com", "rating-site"),
        ("https://www.bbc.co.uk/news/uk-england-1", "bbc.co.uk", "news"),
        ("http://www.pulsetoday.co.uk/news/x", "pulsetoday.co.uk", "news"),
    ],
)
def test_classify(url: str, domain: str, category: str) -> None:
    site = classify(url)
    assert site is not None
    assert (site.domain, site.category) == (domain, category)


@pytest.mark.parametrize(
    "url",
    [
        "https://exampleton-runners.example/committee",
        "https://not192.com/x",  # a look-alike domain is not 192.com
        "https://192.com.evil.example/x",
        "https://www.google.com/search?q=192.com",
    ],
)
def test_classify_unknown(url: str) -> None:
    assert classify(url) is None


def test_every_site_makes_a_titled_exposure_without_personal_data() -> None:
    for site in load_sites().values():
        exposure = exposure_for(site)
        assert exposure.key.startswith("web-search.") and " " not in exposure.key
        assert site.removal in exposure.steps[0] or site.removal in exposure.steps[1]
    people = exposure_for(load_sites()["192.com"])
    assert people.severity is Severity.HIGH
    assert people.title == "A people-search site lists you: 192.com"
    assert exposure_for(load_sites()["gmc-uk.org"]).severity is Severity.INFO
    assert exposure_for(load_sites()["x.com"]).key == exposure_for(load_sites()["twitter.com"]).key
