"""The words of each request, in the project's own plain English.

Every letter asks for one thing, says which law gives the right to ask (where one applies),
states the answer period the source gives, and identifies the doctor only by what the
recipient needs and already shows (letter_needs.disclosable). Where the recipient needs more
than footprint may give, the letter leaves a bracketed gap for the doctor to fill in only if
asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from footprint.content.recipients import Recipient, load_recipients
from footprint.model.profile import Profile
from footprint.plan.laws import LAWS, Law, rights_law
from footprint.plan.letter_needs import disclosable
from footprint.plan.letter_types import RequestKind, RequestNeed

LISTING_GAP = "[paste the address (URL) of your listing here]"
PAGE_GAP = "[paste the page's address (URL) here]"
ADDRESS_GAP = "[your address: give it only if they ask for it to find your record]"
PHONE_GAP = "[your landline number]"
COMPANY_GAP = "[your company's name and number]"
NPI_GAP = "[your NPI]"


@dataclass(frozen=True)
class Body:
    """A letter's subject, its paragraphs and the law it cites."""

    subject: str
    paragraphs: list[str]
    law: Law | None


def signed_name(profile: Profile) -> str:
    """The name the doctor signs with (the name patients know, titled)."""
    return f"{profile.title} {profile.name}" if profile.title else profile.name


def identify(recipient: Recipient | None, need: RequestNeed, profile: Profile) -> list[str]:
    """The "to find my record" lines: only what the recipient needs and already shows."""
    allowed = disclosable(recipient, need)
    lines = [f"Name: {signed_name(profile)}"]
    wanted = set(recipient.needs) if recipient else {"page_url"}
    if wanted & {"listing_url", "page_url"}:
        label, gap = ("The page", PAGE_GAP) if recipient is None else ("Your listing", LISTING_GAP)
        url = need.page_url if allowed & {"listing_url", "page_url"} else None
        lines.append(f"{label}: {url or gap}")
    if "home_address" in wanted:
        held = home_address(profile) if "home_address" in allowed else None
        lines.append(f"Address: {held or ADDRESS_GAP}")
    if "phone" in wanted:
        lines.append(f"Number: {PHONE_GAP}")
    if "company_number" in wanted:
        lines.append(f"Company: {COMPANY_GAP}")
    if "npi" in wanted:
        lines.append(f"NPI: {NPI_GAP}")
    return lines


def home_address(profile: Profile) -> str | None:
    """The home address as the profile holds it, for a recipient that already holds it."""
    p = profile.private
    if not p.home_street:
        return None
    return ", ".join([p.home_street, "[town]", p.home_postcode or "[postcode]"])


def rights_body(need: RequestNeed, recipient: Recipient, profile: Profile) -> Body:
    """Erasure and objection (UK GDPR / GDPR), the CCPA, APP 13, or a plain opt-out."""
    law = rights_law(recipient, profile)
    if law.id in ("uk-gdpr", "eu-gdpr"):
        subject, ask = (
            _objection(law.name) if need.kind is RequestKind.OBJECTION else _erasure(law.name)
        )
    elif law.id == "ca-delete-act":
        subject = "Request to delete my personal information (California)"
        ask = [
            f"I am a California resident. Under {law.name} I ask you to delete the personal"
            " information you hold about me and to stop selling or sharing it.",
            "Please remove my listing and confirm in writing when it is done.",
        ]
    elif law.id == "au-privacy-act":
        subject = "Request to correct (remove) my personal information"
        ask = [
            f"Under {law.name} I ask you to correct the personal information you hold about me"
            " by removing my entry, which is out of date and irrelevant to any purpose you hold"
            " it for.",
            "Please confirm in writing when it is done.",
        ]
    else:
        subject = "Please remove my listing (opt-out request)"
        ask = [
            "I ask you to remove my listing and every copy of my details from your site under"
            f" {law.name}, and to stop selling or sharing them.",
            "Please confirm when it is done.",
        ]
    return Body(subject, [*ask, *_period(law)], law)


def _erasure(law_name: str) -> tuple[str, list[str]]:
    return f"Erasure request and objection under Articles 17 and 21 of {law_name}", [
        f"I am asking you to erase the personal data you hold about me, under Article 17 of"
        f" {law_name}. I also object to your using it, under Article 21; where you use it for"
        " direct marketing, my objection is absolute and you must stop (Article 21(3)).",
        "Please remove my entry and every copy of my details from your site and your"
        " databases, stop selling or sharing them, tell anyone you have given them to that I"
        " have asked for erasure (Article 19), and confirm in writing when it is done.",
    ]


def _objection(law_name: str) -> tuple[str, list[str]]:
    # For organisations that may lawfully keep some data (a credit file), the request that
    # cannot be refused is the objection to marketing use.
    return f"Objection to direct marketing under Article 21 of {law_name}", [
        f"Under Article 21(2) of {law_name} I object to your using my personal data for direct"
        " marketing, including profiling for it, and to your selling or sharing it for"
        " marketing. This objection is absolute: under Article 21(3) you must stop.",
        "Please also erase the data you hold about me for marketing (Article 17(1)(c)), tell"
        " anyone you have given it to for marketing, and confirm in writing when it is done.",
    ]


def _period(law: Law) -> list[str]:
    out = [law.answer] if law.answer else []
    out.append(
        "Please do not ask me for more than you need to find my record. If you need more,"
        " tell me what and why."
    )
    if law.regulator_id:
        out.append(f"If I do not hear from you in time, I can complain to {_regulator(law)}.")
    return out


def _regulator(law: Law) -> str:
    name = load_recipients()[law.regulator_id or ""].name
    return "the" + name[3:] if name.startswith("The ") else "the " + name


def open_register_body(need: RequestNeed, profile: Profile) -> Body:
    """Leaving the open (edited) register; the anonymous route where the doctor is at risk."""
    law = LAWS["uk-open-register"]
    if need.kind is RequestKind.ANONYMOUS_REGISTRATION:
        paras = [
            "I am a doctor and I am at risk from a patient. I would like to apply to register"
            " anonymously, so that my name and address do not appear on either register.",
            "Please send me the application form and tell me which court order or which"
            " attesting officer's statement you need with it.",
        ]
        return Body("Application to register anonymously", paras, law)
    paras = [
        "Please remove my name and address from the open register (the edited register) and"
        " keep them off it in future. I understand this does not affect my right to vote.",
        "Please confirm in writing when it is done.",
    ]
    return Body("Please remove me from the open register", paras, law)
