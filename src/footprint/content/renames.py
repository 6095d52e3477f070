"""Old checklist item ids and how their stored answers carry over to today's items.

Items were merged (one question per fact), and some questions were turned round: first so that
"yes" was always the risky answer, then back again where that had forced a double negative ("Have
you yet to check...?" became "Have you checked...?", with "no" the risky answer). A turned-round
question always gets a new id, so an answer stored under the old id is swapped, never misread.
Answers files and stored sessions written before still name the old ids; `current_answers` maps
them onto today's items so old answers keep applying. An id turned round twice keeps its first
meaning, so it is not in INVERTED.
"""

from __future__ import annotations

from collections.abc import Mapping

from footprint.model.vocab import Answer

#: Old item id -> the item that asks the same fact today (merged or renamed).
RENAMED: dict[str, str] = {
    "address.other-people-search": "address.people-search-checked",
    "address.people-search-unchecked": "address.people-search-checked",
    "australia.ahpra-s226": "australia.ahpra-register-while-at-risk",
    "bluesky.logged-out-visibility": "bluesky.hidden-logged-out",
    "bluesky.shown-logged-out": "bluesky.hidden-logged-out",
    "contact.personal-number-on-staff-lists": "contact.personal-details-on-work-pages",
    "contact.phone-caller-id-setting": "contact.number-shown-on-calls",
    "contact.texts-from-own-phone": "contact.personal-mobile-to-patients",
    "contact.withhold-number-au": "contact.number-shown-on-calls",
    "contact.withhold-number-uk-ie": "contact.number-shown-on-calls",
    "contact.withhold-number-us": "contact.number-shown-on-calls",
    "contact.work-email-only": "contact.personal-email-to-patients",
    "contact.work-phone-available": "contact.calls-from-own-phone",
    "dating.block-contacts": "dating.contacts-blocked",
    "dating.contacts-not-blocked": "dating.contacts-blocked",
    "dating.no-patient-match-plan": "dating.patient-match-plan-ready",
    "dating.patient-match-plan": "dating.patient-match-plan-ready",
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
    "listings.gmc-register-known": "listings.gmc-register-seen",
    "listings.gmc-register-unseen": "listings.gmc-register-seen",
    "listings.iwantgreatcare-profile": "listings.iwantgreatcare-checked",
    "listings.iwantgreatcare-unchecked": "listings.iwantgreatcare-checked",
    "listings.own-clinic-website": "contact.personal-details-on-work-pages",
    "safety.boundary-made-clear": "safety.boundary-not-recorded",
    "safety.defence-union-early": "safety.defence-union-ready",
    "safety.defence-union-not-ready": "safety.defence-union-ready",
    "safety.keeps-a-log": "safety.no-log-kept",
    "safety.reception-plan": "safety.reception-may-tell",
    "safety.told-manager": "safety.manager-not-told",
    "search.alerts-for-new-results": "search.results-alerts-on",
    "search.bing-not-checked": "search.bing-checked",
    "search.name-variants": "search.name-variants-searched",
    "search.name-variants-not-searched": "search.name-variants-searched",
    "search.no-results-alerts": "search.results-alerts-on",
    "search.old-pages-with-details": "search.contact-details-in-results",
    "search.other-search-engines": "search.bing-checked",
    "search.own-name-recently": "search.own-name-not-searched",
    "security.breach-check": "security.breaches-checked",
    "security.breaches-unchecked": "security.breaches-checked",
    "security.devices-unchecked": "security.devices-checked",
    "security.email-two-step": "security.two-step-off",
    "security.recovery-details": "security.recovery-details-stale",
    "security.signed-in-devices": "security.devices-checked",
    "security.social-two-step": "security.two-step-off",
    "strava.patients-follow": "safety.patients-as-friends",
    "threads.patients-follow": "safety.patients-as-friends",
    "us.address-confidentiality-programme": "us.address-confidentiality-not-considered",
    "us.california-drop": "us.california-drop-sent",
    "us.california-drop-not-sent": "us.california-drop-sent",
    "us.people-search-listed": "us.people-search-opted-out",
    "us.people-search-opt-outs": "us.people-search-opted-out",
    "us.people-search-recheck": "us.people-search-not-rechecked",
    "us.property-and-voter-records": "us.property-voter-records-known",
    "us.property-voter-records-unknown": "us.property-voter-records-known",
    "whatsapp.live-location": "household.location-sharing",
    "whatsapp.messaged-patients": "contact.whatsapp-with-patients",
    "whatsapp.silence-unknown": "whatsapp.unknown-callers-ring",
}
#: Old ids whose question was turned round: their yes and no swap meaning.
INVERTED: frozenset[str] = frozenset(
    {
        "address.people-search-unchecked",
        "australia.ahpra-s226",
        "bluesky.shown-logged-out",
        "contact.phone-caller-id-setting",
        "contact.withhold-number-au",
        "contact.withhold-number-uk-ie",
        "contact.withhold-number-us",
        "contact.work-email-only",
        "contact.work-phone-available",
        "dating.contacts-not-blocked",
        "dating.no-patient-match-plan",
        "facebook.tag-review",
        "household.knows-what-not-to-share",
        "listings.all-profiles-known",
        "listings.gmc-register-unseen",
        "listings.iwantgreatcare-unchecked",
        "safety.boundary-made-clear",
        "safety.defence-union-not-ready",
        "safety.keeps-a-log",
        "safety.reception-plan",
        "safety.told-manager",
        "search.bing-not-checked",
        "search.name-variants-not-searched",
        "search.no-results-alerts",
        "search.own-name-recently",
        "security.breaches-unchecked",
        "security.devices-unchecked",
        "security.email-two-step",
        "security.recovery-details",
        "security.social-two-step",
        "us.address-confidentiality-programme",
        "us.california-drop-not-sent",
        "us.people-search-listed",
        "us.people-search-recheck",
        "us.property-voter-records-unknown",
        "whatsapp.silence-unknown",
    }
)

#: Items taken out because no public source for them could be found. Answers to them are
#: dropped when old answers are loaded, so an old answers file still loads.
REMOVED: frozenset[str] = frozenset(
    {
        "home-safety.named-parking-space",
        "home-safety.permit-on-dashboard",
    }
)

#: Today's items whose risky answer is "no" (their checklist says `exposed_when: "no"`; a test
#: keeps the two in step). Needed here to pick the riskiest of several carried-over answers.
RISKY_WHEN_NO: frozenset[str] = frozenset(
    {
        "address.people-search-checked",
        "bluesky.hidden-logged-out",
        "dating.contacts-blocked",
        "dating.patient-match-plan-ready",
        "listings.gmc-register-seen",
        "listings.iwantgreatcare-checked",
        "safety.defence-union-ready",
        "search.bing-checked",
        "search.name-variants-searched",
        "search.results-alerts-on",
        "security.breaches-checked",
        "security.devices-checked",
        "us.california-drop-sent",
        "us.people-search-opted-out",
        "us.property-voter-records-known",
    }
)

_SWAPPED = {Answer.YES: Answer.NO, Answer.NO: Answer.YES}
# When several old items merged into one, the riskiest old answer stands for the merged item.
_RISK_ORDER = (Answer.YES, Answer.UNSURE, Answer.NO, Answer.NA)
_RISK_ORDER_WHEN_NO = (Answer.NO, Answer.UNSURE, Answer.YES, Answer.NA)


def current_id(item_id: str) -> str:
    """Today's id for `item_id` (itself when it was never renamed or merged)."""
    return RENAMED.get(item_id, item_id)


def current_answer(item_id: str, answer: Answer) -> Answer:
    """`answer` to the old item `item_id`, as an answer to today's question."""
    return _SWAPPED.get(answer, answer) if item_id in INVERTED else answer


def current_answers(answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """Answers keyed by today's ids; an answer given under today's id always wins.

    Answers to removed items are dropped.
    """
    answers = {k: v for k, v in answers.items() if k not in REMOVED}
    result = {k: v for k, v in answers.items() if k not in RENAMED}
    carried: dict[str, list[Answer]] = {}
    for old, answer in answers.items():
        if old in RENAMED:
            carried.setdefault(RENAMED[old], []).append(current_answer(old, answer))
    for new, options in carried.items():
        if new not in result:
            order = _RISK_ORDER_WHEN_NO if new in RISKY_WHEN_NO else _RISK_ORDER
            result[new] = min(options, key=order.index)
    return result
