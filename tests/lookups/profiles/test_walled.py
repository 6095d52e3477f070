"""walled-platforms: one "couldn't check" with a manual check per walled platform, no network."""

from __future__ import annotations

from pathlib import Path

from api_harness import run

from footprint.lookups.profiles.walled import REASON, WALLED, WalledPlatformsLookup
from footprint.model.observation import Outcome
from footprint.model.profile import Profile
from footprint.util.settings import Settings

PROFILE = Profile(
    name="Alex Example",
    platforms=["facebook", "instagram", "linkedin", "tiktok", "x", "strava", "bluesky"],
    usernames={"instagram": "@alex.example.runs"},
)


def test_one_couldnt_check_per_walled_platform_and_never_not_found() -> None:
    observations = run(WalledPlatformsLookup(Settings()), PROFILE)  # real sockets are blocked

    assert [o.details["checklist"] for o in observations] == [
        "facebook",
        "instagram",
        "linkedin",
        "tiktok",
        "x",
    ]
    for observation in observations:
        assert observation.outcome is Outcome.COULDNT_CHECK
        assert observation.reason == REASON
        assert observation.manual_check and "private window" in observation.manual_check
        assert f"checklist '{observation.details['checklist']}'" in observation.manual_check
        assert observation.exposure is None


def test_manual_checks_are_concrete() -> None:
    by_platform = {
        o.details["checklist"]: o for o in run(WalledPlatformsLookup(Settings()), PROFILE)
    }

    instagram = by_platform["instagram"]
    assert "search for your name on Instagram" in (instagram.manual_check or "")
    assert "what a stranger sees" in (instagram.manual_check or "")
    assert instagram.url == "https://www.instagram.com/alex.example.runs/"
    assert by_platform["facebook"].url is None  # no username given: no guessed URL
    assert "Discoverability and contacts" in (by_platform["x"].manual_check or "")
    assert "Edit your public profile" in (by_platform["linkedin"].manual_check or "")


def test_sends_nothing_and_contacts_no_host() -> None:
    lookup = WalledPlatformsLookup(Settings())
    assert lookup.hosts(PROFILE) == frozenset()
    assert lookup.sends(PROFILE) == "nothing is sent: this lists the checks to do by hand"


def test_skipped_when_no_walled_platform_is_used() -> None:
    lookup = WalledPlatformsLookup(Settings())
    assert lookup.skip_reason(Profile(name="Alex Example", platforms=["strava"])) is not None
    assert lookup.skip_reason(PROFILE) is None


def test_every_walled_platform_points_to_an_existing_checklist() -> None:
    assert {w.platform for w in WALLED} == {"facebook", "instagram", "linkedin", "tiktok", "x"}
    checklists = Path(__file__).parents[3] / "checklists"
    for walled in WALLED:
        assert (checklists / f"{walled.platform}.yaml").is_file()
