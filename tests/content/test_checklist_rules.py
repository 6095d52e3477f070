"""Content rules every shipped checklist item keeps.

One question per fact, each saying which answer is the risky one, every question naming its platform or
area, a plain-words finding that is not a question, a guidance reference, and no help links to
content farms. Old ids of merged or turned-round items still carry their answers over.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from footprint.content.checklists import (
    INVERTED,
    RENAMED,
    ChecklistItem,
    current_answers,
    shipped_catalogue,
)
from footprint.model.vocab import Answer

CATALOGUE = shipped_catalogue()
ITEMS = list(CATALOGUE.items.values())
IDS = [i.id for i in ITEMS]

# Words a platform's question may use to name it, besides the platform's title.
PLATFORM_NAMES: dict[str, tuple[str, ...]] = {
    "x": ("on X", "X account", "X profile"),
    "dating": ("dating",),
    "google": ("Google",),
    "garmin": ("Garmin",),
}
# Area files: a question names its area with one of these words (case-insensitive).
AREA_WORDS: dict[str, tuple[str, ...]] = {
    "address": (
        "register",
        "192.com",
        "people-search",
        "phone book",
        "telephone preference",
        "planning",
        "land registry",
        "po box",
        "redirection",
        "deliveries",
    ),
    "australia": ("ahpra", "asic", "electoral roll", "phone directories"),
    "electoral-register": ("registered to vote", "credit reference agency"),
    "family-records": ("family tree", "dna test", "surname", "death or funeral notice"),
    "land-records": ("land registry", "registry of deeds", "title register"),
    "sign-ups": ("sign up", "shops"),
    "workplace-safety": ("your practice", "home visits", "incident report"),
    "company": ("companies house",),
    "contact": ("phone", "mobile", "e-mail", "whatsapp", "text", "voicemail", "video"),
    "household": ("household", "partner", "children", "family"),
    "ireland": ("medical council", "register of electors", "companies registration office"),
    "listings": (
        "register",
        "web page",
        "website",
        "staff profile",
        "doctify",
        "iwantgreatcare",
        "top doctors",
        "rating site",
        "conference",
        "papers",
        "orcid",
        "academic profile",
    ),
    "photos": ("photo", "posts"),
    "safety": ("patient", "reception", "locum"),
    "calls": ("caller-id", "calls"),
    "devices": ("tracker", "apple account", "google account", "your phone"),
    "home-safety": ("home", "front door", "route", "parking", "number plate"),
    "community": ("facebook", "whatsapp", "race or event"),
    "registers": ("gmc", "disclosure uk", "open payments", "register of interests"),
    "property": ("street view", "rightmove", "land register", "land registry"),
    "public-roles": ("wedding", "governor", "trustee"),
    "search": ("search", "domain"),
    "security": ("account", "password"),
    "us": (
        "npi",
        "medical board",
        "healthgrades",
        "people-search",
        "data brokers",
        "address confidentiality",
        "county",
    ),
}
# Content farms and unofficial blogs once cited as "help pages": a doctor must not be sent there.
DENIED_DOMAINS = {
    "geeknewscentral.com",
    "newsogoos.com",
    "qainsta.com",
    "prwires.com",
    "ipseolink.net",
    "mainnews.center",
    "neveropen.tech",
    "studylib.net",
    "paperzz.com",
    "docplayer.net",
    "docobook.com",
    "scribd.com",
    "yumpu.com",
    "issuu.com",
    "thelimbic.com",
    "dhirubhai.net",
    "accionvegana.org",
    "vivafamilia.de",
    "twicsy.com",
    "foreveryone.in",
    "okstore.net",
    "palada.net",
    "vloggerbeat.com",
    "royalsblue.com",
    "righttoconnect.org",
    "what-is-privacy.com",
    "thatsnonsense.com",
    "mosaicvpn.com",
    "qpinmap.com",
    "smsd.us",
    "noided.org",
    "knowtechie.com",
    "makeuseof.com",
    "howtogeek.com",
    "dummies.com",
}
# Each pair asked the same fact twice before the merge; the first id now answers for both.
MERGED_PAIRS = [
    ("contact.whatsapp-with-patients", "whatsapp.messaged-patients"),
    ("security.two-step-off", "security.social-two-step"),
    ("household.location-sharing", "whatsapp.live-location"),
    ("household.location-sharing", "google.location-sharing"),
    ("safety.patients-as-friends", "facebook.patients-as-friends"),
    ("safety.patients-as-friends", "instagram.patients-follow"),
    ("safety.patients-as-friends", "strava.patients-follow"),
]


def _names_for(item: ChecklistItem) -> tuple[str, ...]:
    file = CATALOGUE.file_of(item.id)
    if file.platform:
        return (file.title, *PLATFORM_NAMES.get(file.area, ()))
    return AREA_WORDS[file.area]


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_question_finding_and_polarity(item: ChecklistItem) -> None:
    assert item.question.rstrip().endswith("?"), "a question ends with '?'"
    assert item.finding.strip() and not item.finding.rstrip().endswith("?")
    assert item.finding != item.question
    assert item.exposed_when in ("yes", "no"), "each item says which answer is the risky one"
    assert item.guidance, "every item cites a guidance reference"


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_question_names_its_platform_or_area(item: ChecklistItem) -> None:
    names = _names_for(item)
    assert any(n.lower() in item.question.lower() for n in names), (
        f"{item.id}: the question should name one of {names}"
    )


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_no_gp_is_asked_about_their_own_clinic(item: ChecklistItem) -> None:
    if item.roles is None or "gp" in item.roles:
        assert not re.search(r"\byour own (clinic|practice)\b", item.question, re.I)


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_links_avoid_content_farms(item: ChecklistItem) -> None:
    for link in item.links:
        host = (urlparse(str(link)).hostname or "").removeprefix("www.")
        assert host not in DENIED_DOMAINS, f"{item.id}: {link}"


def test_one_item_per_merged_fact() -> None:
    for kept, merged in MERGED_PAIRS:
        assert kept in CATALOGUE.items and merged not in CATALOGUE.items
        assert RENAMED[merged] == kept


def test_every_old_id_points_at_a_shipped_item() -> None:
    assert set(RENAMED.values()) <= set(CATALOGUE.items)
    assert not set(RENAMED) & set(CATALOGUE.items), "an old id must not still be shipped"
    assert INVERTED <= set(RENAMED), "a turned-round question gets a new id"


def test_old_answers_carry_over_turned_round() -> None:
    # "Do you always withhold your number?" no (exposed) -> "can your number show?" yes.
    old = {"contact.withhold-number-uk-ie": Answer.NO, "facebook.tag-review": Answer.YES}
    assert current_answers(old) == {
        "contact.number-shown-on-calls": Answer.YES,
        "facebook.tags-unreviewed": Answer.NO,
    }


def test_merged_old_answers_keep_the_riskiest_and_today_id_wins() -> None:
    old = {"facebook.patients-as-friends": Answer.NO, "strava.patients-follow": Answer.YES}
    assert current_answers(old) == {"safety.patients-as-friends": Answer.YES}
    both = {**old, "safety.patients-as-friends": Answer.NO}
    assert current_answers(both) == {"safety.patients-as-friends": Answer.NO}
