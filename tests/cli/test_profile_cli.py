"""`footprint profile init`: what people actually type is understood, and checked at the door."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from footprint.errors import ExitCode
from footprint.model.profile import load_profile

# The essentials: name, role, country, region, town, workplaces, its page about you
ESSENTIALS = ["Jo Tester", "", "gb", "", "", "", ""]
# "Add more now?" yes, then title and specialty (platforms come next)
MORE = ["y", "", ""]
# other pages, domains, work e-mails, work phones, company?, personal phones, e-mails, postcode
END = ["", "", "", "", "n", "", "", ""]


def _init(run_cli: Any, tmp_path: Path, answers: list[str]) -> tuple[str, Path]:
    out = tmp_path / "profile.yaml"
    r = run_cli("profile", "init", "--out", out, input="\n".join(answers) + "\n")
    assert r.code == 0, r.stdout + r.stderr
    return r.stdout, out


def test_title_typed_with_the_name_is_not_doubled(run_cli: Any, tmp_path: Path) -> None:
    answers = ["Prof Jo Tester", "HOSPITAL", "uk", *ESSENTIALS[3:], *MORE, "", *END]
    stdout, out = _init(run_cli, tmp_path, answers)
    profile = load_profile(out)
    assert profile.name == "Jo Tester" and profile.title == "Prof"
    assert profile.role.value == "hospital" and profile.jurisdiction.value == "GB"
    assert "Prof Prof" not in " ".join(profile.all_names)
    assert "Title patients use [Prof]" in stdout


def test_platforms_by_their_everyday_names_then_their_usernames(
    run_cli: Any, tmp_path: Path
) -> None:
    answers = [*ESSENTIALS, *MORE, "Facebook, Twitter, MySpace", "Facebook, Twitter, Hinge, Strava"]
    answers += ["jo.tester", "@jotester", *END]  # usernames: Facebook, then X
    stdout, out = _init(run_cli, tmp_path, answers)
    assert "not recognised: MySpace" in stdout
    profile = load_profile(out)
    assert profile.platforms == ["facebook", "x", "dating", "strava"]
    assert profile.usernames == {"facebook": "jo.tester", "x": "@jotester"}


def test_every_lookup_input_is_asked_and_checked(run_cli: Any, tmp_path: Path) -> None:
    answers = ["Jo Tester", "", "gb", "middle-earth", "Northern Ireland", "", "", "", *MORE, ""]
    answers += ["hollyfieldsurgery.nhs.uk/our-team", "my website", "jotester.co.uk"]
    answers += ["x@@example", "jo.tester@nhs.net", "not a phone", "0113 496 0000", "n"]
    answers += ["12345", "07700 900123", "jo@example.org", ""]
    stdout, out = _init(run_cli, tmp_path, answers)
    assert "Type one of the names or codes shown" in stdout
    assert "Domains: 'my website' is not a domain name" in stdout
    assert "Work e-mail: entry 1 does not look like an e-mail address" in stdout
    assert "Work phone: the 1st number is not a phone number that can exist in the UK" in stdout
    assert "Personal phone: the 1st number is not a phone number that can exist" in stdout
    profile = load_profile(out)
    assert profile.region == "northern-ireland"
    assert profile.urls == ["https://hollyfieldsurgery.nhs.uk/our-team"]
    assert profile.domains == ["jotester.co.uk"]
    assert profile.work.emails == ["jo.tester@nhs.net"]
    assert profile.work.phones == ["0113 496 0000"]
    assert profile.private.phones == ["07700 900123"]


def test_the_essentials_only_when_nothing_more_is_wanted(run_cli: Any, tmp_path: Path) -> None:
    answers = ["Dr Jo Tester", "", "", "wales", "Exampleton", "Example Street Surgery"]
    answers += ["http//wrong", "practice.example/team", ""]  # a bad page address is asked again
    stdout, out = _init(run_cli, tmp_path, answers)
    assert "Web page: 'http//wrong' is not a web page address" in stdout
    assert "Add more now?" in stdout and "Title patients use" not in stdout
    profile = load_profile(out)
    assert (profile.name, profile.title, profile.region) == ("Jo Tester", "Dr", "wales")
    assert profile.locality == "Exampleton"
    [work] = profile.workplaces
    assert (work.name, work.town) == ("Example Street Surgery", "Exampleton")
    assert work.url == "https://practice.example/team"
    assert profile.platforms == [] and profile.private.phones == []


def test_ctrl_c_says_nothing_was_saved(run_cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "profile.yaml"
    r = run_cli("profile", "init", "--out", out, input="Jo Tester\n")  # input ends: Abort
    assert r.code == ExitCode.INTERRUPTED
    assert "Nothing was saved" in r.stderr and "kept" not in r.stderr
    assert not out.exists()


def test_a_profile_file_is_checked_too(run_cli: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: Jo Tester\nprivate:\n  phones: ['not a phone']\n")
    r = run_cli("audit", "--profile", bad, "--offline", "--no-input")
    assert r.code == ExitCode.USAGE and "phones: the 1st number is not a phone number" in r.stderr
    assert "not a phone'" not in r.stderr  # the value itself is never echoed
    bad.write_text("name: Jo Tester\nprivate:\n  phones: ['12345']\n")
    r = run_cli("audit", "--profile", bad, "--offline", "--no-input")
    assert r.code == ExitCode.USAGE and "cannot" not in r.stderr and "can exist" in r.stderr
    bad.write_text("name: Jo Tester\nwork:\n  emails: ['x@@example']\n")
    r = run_cli("audit", "--profile", bad, "--offline", "--no-input")
    assert r.code == ExitCode.USAGE and "work.emails" in r.stderr
