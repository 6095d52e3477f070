"""Old checklist item ids and how their stored answers carry over to today's items.

Items were merged (one question per fact) and some questions were turned round so that "yes"
is always the risky answer. Answers files and stored sessions written before that still name
the old ids; `current_answers` maps them onto today's items so old answers keep applying.
"""

from __future__ import annotations

from collections.abc import Mapping

from footprint.model.vocab import Answer

#: Old item id -> the item that asks the same fact today (merged or renamed).
RENAMED: dict[str, str] = {
    "address.other-people-search": "address.people-search-unchecked",
    "australia.ahpra-s226": "australia.ahpra-register-while-at-risk",
    "bluesky.logged-out-visibility": "bluesky.shown-logged-out",
    "contact.personal-number-on-staff-lists": "contact.personal-details-on-work-pages",
    "contact.phone-caller-id-setting": "contact.number-shown-on-calls",
    "contact.texts-from-own-phone": "contact.personal-mobile-to-patients",
    "contact.withhold-number-au": "contact.number-shown-on-calls",
    "contact.withhold-number-uk-ie": "contact.number-shown-on-calls",
    "contact.withhold-number-us": "contact.number-shown-on-calls",
    "contact.work-email-only": "contact.personal-email-to-patients",
    "contact.work-phone-available": "contact.calls-from-own-phone",
    "dating.block-contacts": "dating.contacts-not-blocked",
    "dating.patient-match-plan": "dating.no-patient-match-plan",
    "facebook.patients-as-friends": "safety.patients-as-friends",
    "facebook.tag-review": "facebook.tags-unreviewed",
    "google.location-sharing": "household.location-sharing",
    "household.family-posts-show-home": "photos.house-and-car-visible",
    "household.knows-what-not-to-share": "household.may-share-details",
    "instagram.location-in-posts": "photos.check-ins-and-place-tags",
    "instagram.patients-follow": "safety.patients-as-friends",
    "instagram.suggested-to-others": "instagram.similar-accounts",
    "linkedin.patients-connected": "safety.patients-as-friends",
    "listings.all-profiles-known": "listings.profiles-unchecked",
    "listings.gmc-register-known": "listings.gmc-register-unseen",
    "listings.iwantgreatcare-profile": "listings.iwantgreatcare-unchecked",
    "listings.own-clinic-website": "contact.personal-details-on-work-pages",
    "safety.boundary-made-clear": "safety.boundary-not-recorded",
    "safety.defence-union-early": "safety.defence-union-not-ready",
    "safety.keeps-a-log": "safety.no-log-kept",
    "safety.reception-plan": "safety.reception-may-tell",
    "safety.told-manager": "safety.manager-not-told",
    "search.alerts-for-new-results": "search.no-results-alerts",
    "search.name-variants": "search.name-variants-not-searched",
    "search.old-pages-with-details": "search.contact-details-in-results",
    "search.other-search-engines": "search.bing-not-checked",
    "search.own-name-recently": "search.own-name-not-searched",
    "security.breach-check": "security.breaches-unchecked",
    "security.email-two-step": "security.two-step-off",
    "security.recovery-details": "security.recovery-details-stale",
    "security.signed-in-devices": "security.devices-unchecked",
    "security.social-two-step": "security.two-step-off",
    "strava.patients-follow": "safety.patients-as-friends",
    "threads.patients-follow": "safety.patients-as-friends",
    "us.address-confidentiality-programme": "us.address-confidentiality-not-considered",
    "us.california-drop": "us.california-drop-not-sent",
    "us.people-search-opt-outs": "us.people-search-listed",
    "us.people-search-recheck": "us.people-search-not-rechecked",
    "us.property-and-voter-records": "us.property-voter-records-unknown",
    "whatsapp.live-location": "household.location-sharing",
    "whatsapp.messaged-patients": "contact.whatsapp-with-patients",
    "whatsapp.silence-unknown": "whatsapp.unknown-callers-ring",
}
#: Old ids whose question was turned round: their yes and no swap meaning.
INVERTED: frozenset[str] = frozenset(
    {
        "address.other-people-search",
        "australia.ahpra-s226",
        "bluesky.logged-out-visibility",
        "contact.phone-caller-id-setting",
        "contact.withhold-number-au",
        "contact.withhold-number-uk-ie",
        "contact.withhold-number-us",
        "contact.work-email-only",
        "contact.work-phone-available",
        "dating.block-contacts",
        "dating.patient-match-plan",
        "facebook.tag-review",
        "household.knows-what-not-to-share",
        "listings.all-profiles-known",
        "listings.gmc-register-known",
        "listings.iwantgreatcare-profile",
        "safety.boundary-made-clear",
        "safety.defence-union-early",
        "safety.keeps-a-log",
        "safety.reception-plan",
        "safety.told-manager",
        "search.alerts-for-new-results",
        "search.name-variants",
        "search.other-search-engines",
        "search.own-name-recently",
        "security.breach-check",
        "security.email-two-step",
        "security.recovery-details",
        "security.signed-in-devices",
        "security.social-two-step",
        "us.address-confidentiality-programme",
        "us.california-drop",
        "us.people-search-opt-outs",
        "us.people-search-recheck",
        "us.property-and-voter-records",
        "whatsapp.silence-unknown",
    }
)

_SWAPPED = {Answer.YES: Answer.NO, Answer.NO: Answer.YES}
# When several old items merged into one, the riskiest old answer stands for the merged item.
_RISK_ORDER = (Answer.YES, Answer.UNSURE, Answer.NO, Answer.NA)


def current_id(item_id: str) -> str:
    """Today's id for `item_id` (itself when it was never renamed or merged)."""
    return RENAMED.get(item_id, item_id)


def current_answer(item_id: str, answer: Answer) -> Answer:
    """`answer` to the old item `item_id`, as an answer to today's question."""
    return _SWAPPED.get(answer, answer) if item_id in INVERTED else answer


def current_answers(answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """Answers keyed by today's ids; an answer given under today's id always wins."""
    result = {k: v for k, v in answers.items() if k not in RENAMED}
    carried: dict[str, list[Answer]] = {}
    for old, answer in answers.items():
        if old in RENAMED:
            carried.setdefault(RENAMED[old], []).append(current_answer(old, answer))
    for new, options in carried.items():
        if new not in result:
            result[new] = min(options, key=_RISK_ORDER.index)
    return result
