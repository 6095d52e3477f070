"""Read a public profile the way a patient would: what do its name, bio and links give away?

The profile lookups (Bluesky, Mastodon, GitHub) fetch a profile and describe it as a
`PublicProfile`; `review()` turns that into observations. Everything here runs locally: the
doctor's private details are only compared, never sent. Contact details are found and compared
with the shared detectors (`footprint.detect`), so a number reads the same here as in a page scan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from bs4 import BeautifulSoup

from footprint.detect.emails import normalize_email
from footprint.detect.interface import Contact, ContactKind
from footprint.detect.match import Match, ProfileMatcher
from footprint.detect.phones import to_e164
from footprint.detect.pipeline import detect
from footprint.detect.text import Page
from footprint.model.observation import Exposure, Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Axis, Exposes, Severity

SOCIAL_GUIDANCE = ["gmc-social-media-2024", "mdu-social-media", "bma-social-media"]
Owner = Literal["private", "work"]


@dataclass(frozen=True)
class PublicProfile:
    """What a logged-out visitor sees on one profile, as plain text."""

    lookup_id: str  # e.g. "github-profile"
    platform: str  # e.g. "GitHub"
    url: str
    name: str  # display name, "" when none
    texts: dict[str, str]  # label -> plain text ("bio", "company", "website"...)
    location: str | None = None  # a dedicated location field, when the platform has one
    links: list[str] = field(default_factory=list)  # other sites and accounts it points to
    details: dict[str, str] = field(default_factory=dict)
    steps: tuple[str, ...] = ()  # how to tighten this platform's profile
    help_links: tuple[str, ...] = ()


def find_contacts(text: str, region: str) -> list[Contact]:
    """Phone numbers and e-mail addresses in plain `text` (`region`: default phone country)."""
    page = Page(url=None, title="", text=text)
    return [c for c in detect(page, region) if c.kind in (ContactKind.PHONE, ContactKind.EMAIL)]


def whose(contact: Contact, profile: Profile) -> Owner | None:
    """Whether `contact` is one of the doctor's private or work details (compared locally)."""
    match = ProfileMatcher.from_profile(profile).classify(contact, names_doctor=True)
    if match is Match.PRIVATE:
        return "private"
    return "work" if match is Match.WORK else None


def whose_value(kind: Literal["phone", "email"], value: str, profile: Profile) -> Owner | None:
    """`whose()` for a bare value (a phone or e-mail from a registration record)."""
    if kind == "email":
        normal, contact_kind = normalize_email(value), ContactKind.EMAIL
    else:
        normal, contact_kind = to_e164(value, str(profile.jurisdiction)), ContactKind.PHONE
    return whose(Contact(contact_kind, value, normal or value.lower()), profile)


def html_text(html: str) -> tuple[str, list[str]]:
    """Plain text of a small HTML fragment (a Mastodon bio), and the links it points to.

    Only web links count: mentions and hashtags point at other people and topics, and a
    `mailto:` link is already found as an e-mail address.
    """
    soup = BeautifulSoup(html or "", "html.parser")
    links: list[str] = []
    for anchor in soup.find_all("a"):
        classes = set(anchor.get_attribute_list("class"))
        href = anchor.get("href")
        web = isinstance(href, str) and href.startswith(("https://", "http://"))
        if web and isinstance(href, str) and not {"mention", "hashtag", "u-url"} & classes:
            links.append(href)
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for para in soup.find_all("p"):
        para.append("\n")
    return soup.get_text("").strip(), links


def contains(text: str, needle: str | None) -> bool:
    """Case- and space-insensitive containment, for names, towns and postcodes."""
    if not needle or len(needle.strip()) < 3:
        return False
    squash = lambda s: re.sub(r"\s+", " ", s).strip().lower()  # noqa: E731
    return squash(needle) in squash(text)


def contains_postcode(text: str, postcode: str | None) -> bool:
    """Whether `postcode` appears in `text`, ignoring spaces and case."""
    if not postcode:
        return False
    target = re.sub(r"\s+", "", postcode).upper()
    return len(target) >= 4 and target in re.sub(r"\s+", "", text).upper()


def uses_real_name(name: str, profile: Profile) -> bool:
    """Whether a display name is (a form of) the doctor's name."""
    return any(contains(name, known) for known in profile.all_names)


# ---------------------------------------------------------------------------------------------
# From a public profile to observations


def review(pub: PublicProfile, profile: Profile, subject: str) -> list[Observation]:
    """Every exposure a patient could read off `pub`, as `found` observations."""
    everything = "\n".join(t for t in [pub.name, pub.location or "", *pub.texts.values()] if t)
    found = [_public_profile(pub, profile, subject)]
    found += _contacts(pub, profile, subject, everything)
    found += _home_address(pub, profile, subject, everything)
    found += _workplaces(pub, profile, subject, everything)
    found += _place(pub, profile, subject)
    if pub.links:
        shown = ", ".join(pub.links)
        exposure = make_exposure(
            pub,
            "links",
            f"Your {pub.platform} profile links to your other sites or accounts",
            Severity.LOW,
            Axis.FINDABLE,
            Exposes.PERSONAL_SOCIAL,
            "Each link lets someone who finds this profile move on to your other accounts.",
            f"Keep only the links on your {pub.platform} profile that you are happy for "
            "patients to follow.",
        )
        found.append(make_found(pub, subject, exposure, snippet=shown[:200], matched=shown[:200]))
    return found


def _public_profile(pub: PublicProfile, profile: Profile, subject: str) -> Observation:
    named = bool(pub.name) and uses_real_name(pub.name, profile)
    if named:
        title = f"You have a public {pub.platform} profile under your own name"
        why = (
            "Anyone who searches your name can find it, and everything on it (posts, follows, "
            "photos) is visible to patients as well."
        )
    else:
        title = f"You have a public {pub.platform} profile"
        why = (
            "Anyone who knows or guesses the username can see it. It does not show your name, "
            "which makes it harder to link to you."
        )
    exposure = make_exposure(
        pub,
        "public-profile",
        title,
        Severity.LOW if named else Severity.INFO,
        Axis.FINDABLE,
        Exposes.PERSONAL_SOCIAL,
        why,
        f"Decide whether this {pub.platform} account needs to be public; if it is personal, "
        "keep your name, workplace and town off it.",
    )
    return make_found(pub, subject, exposure, snippet=pub.name or None, matched=pub.name or None)


def _contacts(pub: PublicProfile, profile: Profile, subject: str, text: str) -> list[Observation]:
    found: list[Observation] = []
    seen: set[str] = set()
    for contact in find_contacts(text, profile.jurisdiction.value):
        owner = whose(contact, profile)
        if owner == "work" or contact.normalized in seen:
            continue  # work details are expected on public pages
        seen.add(contact.normalized)
        phone = contact.kind is ContactKind.PHONE
        word = "phone number" if phone else "e-mail address"
        exposes = Exposes.PERSONAL_PHONE if phone else Exposes.PERSONAL_EMAIL
        if owner == "private":
            exposure = make_exposure(
                pub,
                f"personal-{contact.kind}",
                f"Your personal {word} is on your public {pub.platform} profile",
                Severity.CRITICAL,
                Axis.CONTACTABLE,
                exposes,
                "Anyone who finds the profile, including a patient, can contact you directly "
                "outside work.",
                f"Remove the {word} from your {pub.platform} profile today.",
            )
        else:
            exposure = make_exposure(
                pub,
                f"contact-{contact.kind}",
                f"A {word} is on your public {pub.platform} profile",
                Severity.HIGH,
                Axis.CONTACTABLE,
                exposes,
                f"footprint cannot tell whether this {word} is personal. If it is, a patient "
                "can use it to reach you outside work.",
                f"If this {word} is personal, remove it from your {pub.platform} profile. If it "
                "is a work one, add it to the work: block of your footprint profile.",
            )
        snippet = _snippet(pub, contact.value)
        found.append(make_found(pub, subject, exposure, snippet=snippet, matched=contact.value))
    return found


def _home_address(
    pub: PublicProfile, profile: Profile, subject: str, text: str
) -> list[Observation]:
    private = profile.private
    matched: str | None = None
    if contains_postcode(text, private.home_postcode):
        matched = private.home_postcode
    elif contains(text, private.home_street):
        matched = private.home_street
    if matched is None:
        return []
    exposure = make_exposure(
        pub,
        "home-address",
        f"Your home address is on your public {pub.platform} profile",
        Severity.CRITICAL,
        Axis.LOCATABLE,
        Exposes.HOME_ADDRESS,
        "A patient who finds this profile can find where you live.",
        f"Remove your address from your {pub.platform} profile today.",
    )
    return [make_found(pub, subject, exposure, snippet=_snippet(pub, matched), matched=matched)]


def _workplaces(pub: PublicProfile, profile: Profile, subject: str, text: str) -> list[Observation]:
    found = []
    for workplace in profile.workplaces:
        if not contains(text, workplace.name):
            continue
        exposure = make_exposure(
            pub,
            "workplace",
            f"Your personal {pub.platform} profile names your workplace",
            Severity.MEDIUM,
            Axis.FINDABLE,
            Exposes.WORKPLACE,
            "A patient who knows where you work can confirm this account is yours, and from it "
            "find your other accounts, photos and contacts.",
            f"Remove your workplace from your {pub.platform} profile, or keep this account "
            "strictly professional.",
        )
        snippet = _snippet(pub, workplace.name)
        found.append(make_found(pub, subject, exposure, snippet=snippet, matched=workplace.name))
    return found


def _place(pub: PublicProfile, profile: Profile, subject: str) -> list[Observation]:
    slug, title = "location", f"Your {pub.platform} profile shows a location"
    matched = pub.location
    if not matched:
        towns = [profile.locality, *(w.town for w in profile.workplaces)]
        bio = "\n".join(pub.texts.values())
        matched = next((t for t in towns if t and contains(bio, t)), None)
        slug, title = "town", f"Your {pub.platform} profile mentions your town"
    if not matched:
        return []
    exposure = make_exposure(
        pub,
        slug,
        title,
        Severity.MEDIUM,
        Axis.LOCATABLE,
        Exposes.IDENTITY,
        "A town or area on a personal profile narrows down where you live or work.",
        f"Clear the location from your {pub.platform} profile, or make it no more precise "
        "than a country.",
    )
    return [make_found(pub, subject, exposure, snippet=_snippet(pub, matched), matched=matched)]


def make_exposure(
    pub: PublicProfile,
    slug: str,
    title: str,
    severity: Severity,
    axis: Axis,
    exposes: Exposes,
    why: str,
    first_step: str,
) -> Exposure:
    return Exposure(
        key=f"{pub.lookup_id}.{slug}",
        title=title,
        severity=severity,
        axis=axis,
        exposes=exposes,
        why=why,
        steps=[first_step, *pub.steps],
        effort=10,
        guidance=SOCIAL_GUIDANCE,
        links=list(pub.help_links),
    )


def make_found(
    pub: PublicProfile,
    subject: str,
    exposure: Exposure,
    *,
    snippet: str | None,
    matched: str | None,
) -> Observation:
    return Observation(
        lookup_id=pub.lookup_id,
        outcome=Outcome.FOUND,
        subject=subject,
        url=pub.url,
        snippet=snippet,
        matched=matched,
        exposure=exposure,
        details=dict(pub.details),
    )


def _snippet(pub: PublicProfile, needle: str) -> str | None:
    """'label: …text around needle…' for the first field that contains `needle`."""
    fields = {"name": pub.name, "location": pub.location or "", **pub.texts}
    for label, text in fields.items():
        at = text.lower().find(needle.lower())
        if at < 0:
            continue
        start, end = max(0, at - 60), min(len(text), at + len(needle) + 60)
        body = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
        return f"{label}: {body}"
    return None
