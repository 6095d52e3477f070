"""The demo's search stand-in: DuckDuckGo-format results that walk the patient's-eye chain."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pytest

from footprint.demo.run import demo_environment
from footprint.lookups.interface import Lookup
from footprint.lookups.search.common import clear_search_cache
from footprint.lookups.search.web import SearchResultPagesLookup, WebSearchLookup
from footprint.model.consent import ConsentRecord
from footprint.model.observation import Observation, Outcome
from footprint.net.client import FetchLimits, HttpClient


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    clear_search_cache()
    yield
    clear_search_cache()


def run_demo(*lookups: type[Lookup]) -> list[Observation]:
    observations: list[Observation] = []
    with (
        demo_environment() as env,
        HttpClient(FetchLimits(max_retries=0), allow_loopback=True) as client,
    ):
        for cls in lookups:
            lookup = cls(env.settings)
            hosts = lookup.hosts(env.profile)
            grant = ConsentRecord(
                lookup_id=lookup.id,
                sentence=lookup.sends(env.profile),
                destinations=sorted(hosts),
                granted=True,
                granted_by="test",
                how="test",
                at=datetime.now(timezone.utc),
            )
            observations += lookup.run(env.profile, client.bind(grant, hosts))
    return observations


def test_demo_search_shows_the_chain() -> None:
    observations = run_demo(WebSearchLookup, SearchResultPagesLookup)
    keys = {o.exposure.key for o in observations if o.exposure}
    assert {
        "web-search.people-search.192-com",
        "web-search.social.instagram",
        "web-search.register.gmc-uk-org",
        "search-pages.personal-phone",
    } <= keys
    club = [o for o in observations if (o.url or "").endswith("/club/committee.html")]
    assert [o.outcome for o in club] == [Outcome.FOUND]
    assert club[0].search == "Dr Alex Example"
    assert club[0].url and club[0].url.startswith("http://127.0.0.1:")  # {demo} was replaced
    # Nothing outside this computer was opened: every fetched page is a demo page.
    assert not [o for o in observations if o.outcome is Outcome.COULDNT_CHECK]
