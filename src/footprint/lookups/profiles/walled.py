"""`walled-platforms`: the checks footprint cannot do for Facebook, Instagram, LinkedIn, TikTok, X.

These platforms hide profiles from logged-out visitors. footprint does not log in, scrape or
get around that (a blocked page must never read as "not found"), so for each platform the
doctor uses this lookup reports "couldn't check" with a concrete check to do by hand and points
to that platform's checklist. It never touches the network.

Menu paths: domain-facts.md section 2 (2.1 Facebook, 2.2 Instagram, 2.3 X, 2.4 LinkedIn,
2.5 TikTok); labels change often, so each check says what to look for.
"""

from __future__ import annotations

from dataclasses import dataclass

from footprint.lookups.interface import Lookup
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import PLATFORMS
from footprint.net.client import GatedClient

REASON = (
    "this platform hides profiles from logged-out visitors; footprint does not log in or get "
    "around that"
)


@dataclass(frozen=True)
class Walled:
    """One walled platform: where its profiles live and how to check it by hand."""

    platform: str  # id in vocab.PLATFORMS and the name of its checklist
    profile_url: str  # "{username}" is filled in when the profile has one
    manual_check: str


WALLED: tuple[Walled, ...] = (
    Walled(
        "facebook",
        "https://www.facebook.com/{username}",
        "Log out, or open a private window, and search a search engine for your name with "
        "'Facebook'; open your profile and note what a stranger sees (photo, workplace, town, "
        "friends list). Then, logged in, open Settings & privacy → Settings → How people find "
        "and contact you, and check who can look you up by your e-mail address and phone "
        "number.",
    ),
    Walled(
        "instagram",
        "https://www.instagram.com/{username}/",
        "Open a private window and search for your name on Instagram and in a search engine; "
        "then check what a stranger sees on your profile. If it is public, Profile → menu → "
        "Settings and privacy → Account privacy → Private account.",
    ),
    Walled(
        "linkedin",
        "https://www.linkedin.com/in/{username}/",
        "Logged in, open Me → Settings & Privacy → Visibility → Edit your public profile: the "
        "preview there is what people who are not signed in see. Then search your name with "
        "'LinkedIn' in a private window.",
    ),
    Walled(
        "tiktok",
        "https://www.tiktok.com/@{username}",
        "Open a private window and search for your name and username on tiktok.com and in a "
        "search engine. In the app, check Settings and privacy → Privacy → Private account and "
        "'Suggest your account to others'.",
    ),
    Walled(
        "x",
        "https://x.com/{username}",
        "Open a private window and search a search engine for your name with 'X' or 'Twitter'. "
        "Then, logged in, Settings and privacy → Privacy and safety → Discoverability and "
        "contacts: turn off letting others find you by your e-mail address and phone number.",
    ),
)


class WalledPlatformsLookup(Lookup):
    """Lists, for each walled platform the doctor uses, the check to do by hand."""

    id = "walled-platforms"
    title = "Platforms that hide profiles from logged-out visitors"
    manual_check = "Open each platform in a private window and search for your name."

    def _used(self, profile: Profile) -> list[Walled]:
        return [w for w in WALLED if w.platform in profile.platforms]

    def skip_reason(self, profile: Profile) -> str | None:
        if not self._used(profile):
            return "none of Facebook, Instagram, LinkedIn, TikTok or X is in your platforms"
        return None

    def hosts(self, profile: Profile) -> frozenset[str]:
        return frozenset()

    def sends(self, profile: Profile) -> str:
        return "nothing is sent: this lists the checks to do by hand"

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        return [self._observation(walled, profile) for walled in self._used(profile)]

    def _observation(self, walled: Walled, profile: Profile) -> Observation:
        name = PLATFORMS[walled.platform]
        username = profile.usernames.get(walled.platform, "").strip().lstrip("@")
        return Observation(
            lookup_id=self.id,
            outcome=Outcome.COULDNT_CHECK,
            subject=f"{name}: what a stranger sees",
            reason=REASON,
            manual_check=(
                f"{walled.manual_check} Then answer the {name} questions in this audit "
                f"(checklist '{walled.platform}')."
            ),
            url=walled.profile_url.format(username=username) if username else None,
            details={"checklist": walled.platform},
        )
