"""The recipients directory: every record validates, is sourced and dated, and agrees with
sites.yaml and the CC0 seed records it was built from."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from footprint.content.recipients import by_domain, load_recipients, recipients_dir
from footprint.content.sites import load_sites
from footprint.errors import ChecklistError

# The CC0 seed records sit beside the repository (../shared) on the project machine only.
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "erasure-directory" / "records"


def test_every_record_loads_with_a_source_and_a_checked_month() -> None:
    recipients = load_recipients()
    assert len(recipients) >= 40
    for r in recipients.values():
        assert str(r.source.url).startswith("http") and r.source.title, r.id
        assert len(r.checked) == 7 and r.checked[4] == "-", r.id
        assert r.ask.email or r.ask.web_form or r.ask.post or r.ask.finder, r.id


def test_the_directory_covers_each_country_and_the_regulators() -> None:
    recipients = load_recipients()
    kinds = Counter((r.country, r.kind) for r in recipients.values())
    assert kinds["GB", "people_search"] >= 2 and kinds["US", "people_search"] >= 10
    assert kinds["GB", "marketing_database"] and kinds["GB", "credit_reference_marketing"]
    assert kinds["GB", "phone_directory"] and kinds["GB", "genealogy"]
    assert {recipients[r].kind for r in ("ico", "dpc", "oaic")} == {"regulator"}
    assert {recipients[r].country for r in ("ico", "dpc", "oaic")} == {"GB", "IE", "AU"}


def test_every_people_search_site_in_sites_yaml_has_a_recipient_with_that_domain() -> None:
    missing = []
    for domain, site in load_sites().items():
        if site.category != "people-search":
            continue
        recipient = by_domain(domain)
        if recipient is None or domain not in recipient.domains:
            missing.append(domain)
    assert not missing, f"no recipient runs {missing}"


def test_by_domain_matches_subdomains_and_urls() -> None:
    found = by_domain("https://www.192.com/atoz/people/example/")
    assert found is not None and found.id == "192-com"
    assert by_domain("https://example.org/") is None


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seed records are not on this machine")
def test_seeded_records_keep_the_seed_facts() -> None:
    seeded = [r for r in load_recipients().values() if r.seeded_from]
    assert len(seeded) >= 14
    for r in seeded:
        slug = r.seeded_from.split()[1] if r.seeded_from else ""
        seed = json.loads((SEEDS / f"{slug}.json").read_text(encoding="utf-8"))
        assert r.ask.email == seed.get("email"), r.id
        assert str(r.source.url) in seed["sources"], r.id
        if seed.get("address"):
            assert r.ask.post and seed["address"] in r.ask.post, r.id


def test_the_files_name_the_seed_database_and_its_licence() -> None:
    for name in ("gb.yaml", "ie.yaml"):
        header = (recipients_dir() / name).read_text(encoding="utf-8")[:800]
        assert "datenanfragen/data" in header and "CC0 1.0" in header


def _write(folder: Path, records: list[dict[str, object]]) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "x.yaml").write_text(yaml.safe_dump({"recipients": records}), encoding="utf-8")
    return folder


GOOD = {
    "id": "example-site",
    "name": "Example",
    "country": "GB",
    "kind": "people_search",
    "holds": "Names and addresses.",
    "ask": {"email": "privacy@example.org"},
    "needs": ["name"],
    "law": "uk-gdpr",
    "source": {"url": "https://example.org/privacy", "title": "Example privacy"},
    "checked": "2026-12",
}


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"surprise": 1}, "surprise"),
        ({"ask": {}}, "at least one"),
        ({"checked": "Dec 2026"}, "YYYY-MM"),
        ({"law": "made-up-law"}, "law"),
        ({"source": {"url": "not a url", "title": "x y z"}}, "url"),
    ],
)
def test_bad_records_are_refused(tmp_path: Path, change: dict[str, object], words: str) -> None:
    folder = _write(tmp_path / "r", [{**GOOD, **change}])
    with pytest.raises(ChecklistError, match=words):
        load_recipients.__wrapped__(folder)


def test_an_id_or_domain_given_twice_is_refused(tmp_path: Path) -> None:
    twice = _write(tmp_path / "a", [GOOD, GOOD])
    with pytest.raises(ChecklistError, match="given twice"):
        load_recipients.__wrapped__(twice)
    shared = {**GOOD, "domains": ["example.org"]}
    other = {**shared, "id": "other-site"}
    with pytest.raises(ChecklistError, match="belongs to"):
        load_recipients.__wrapped__(_write(tmp_path / "b", [shared, other]))
