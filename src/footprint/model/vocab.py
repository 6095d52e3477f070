"""Shared vocabularies: severities, axes, answers, jurisdictions, platforms."""

from __future__ import annotations

from enum import Enum


class StrEnum(str, Enum):
    """`enum.StrEnum` for Python 3.10."""

    def __str__(self) -> str:
        return str(self.value)


class Severity(StrEnum):
    """How much a finding matters, most serious first."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for critical … 4 for info, for sorting."""
        return list(Severity).index(self)

    def at_least(self, other: Severity) -> bool:
        """True when this severity is `other` or more serious."""
        return self.rank <= other.rank


class Axis(StrEnum):
    """What an exposure lets a patient do."""

    FINDABLE = "findable"  # find your personal accounts or details
    CONTACTABLE = "contactable"  # reach you outside work
    LOCATABLE = "locatable"  # find where you live or are


class Answer(StrEnum):
    """An answer to a checklist question."""

    YES = "yes"
    NO = "no"
    UNSURE = "unsure"
    NA = "n/a"


class Exposes(StrEnum):
    """What a checklist item or lookup exposes; drives the score weighting.

    Weighted by how directly each lets a patient reach the doctor outside work: home address >
    personal mobile > personal e-mail > personal social profile > workplace.
    """

    HOME_ADDRESS = "home-address"
    PERSONAL_PHONE = "personal-phone"
    PERSONAL_EMAIL = "personal-email"
    PERSONAL_SOCIAL = "personal-social"
    WORKPLACE = "workplace"
    IDENTITY = "identity"  # name, photo, date of birth, family: helps someone join the dots
    ACCOUNT = "account"  # account security: takeover exposes everything else
    PRACTICE = "practice"  # habits and safety practice (logging contacts, telling people)


class Jurisdiction(StrEnum):
    """Where the doctor practises; picks registers and checklist items."""

    GB = "GB"
    US = "US"
    IE = "IE"
    AU = "AU"


class Role(StrEnum):
    """The doctor's role; some items apply only to some roles."""

    GP = "gp"
    HOSPITAL = "hospital"  # hospital doctor, consultant, trainee
    PRIVATE = "private"  # private practice (own clinic, company)
    LOCUM = "locum"
    OTHER = "other"


# Platform ids: one checklist file each. The profile's `platforms:` list uses these ids.
PLATFORMS: dict[str, str] = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "x": "X (Twitter)",
    "linkedin": "LinkedIn",
    "tiktok": "TikTok",
    "snapchat": "Snapchat",
    "whatsapp": "WhatsApp",
    "telegram": "Telegram",
    "strava": "Strava",
    "threads": "Threads",
    "bluesky": "Bluesky",
    "dating": "Dating apps (Tinder, Hinge, Bumble)",
    "google": "Google account and Maps",
    "venmo": "Venmo",
    "spotify": "Spotify",
    "github": "GitHub",
    "mastodon": "Mastodon",
    "garmin": "Garmin Connect",
    "komoot": "Komoot",
    "parkrun": "parkrun",
    "nextdoor": "Nextdoor",
}


# Emergency numbers by jurisdiction (Ofcom; gov.ie; 911.gov; triplezero.gov.au).
EMERGENCY_NUMBERS: dict[str, str] = {"GB": "999", "US": "911", "AU": "000", "IE": "112 or 999"}


def emergency_number(jurisdiction: str) -> str:
    """The number to call in danger where the doctor lives (999 when unknown)."""
    return EMERGENCY_NUMBERS.get(jurisdiction.upper(), "999")
