"""The words of the requests to registers and page owners (the data-rights letters are in
letter_text.py)."""

from __future__ import annotations

from footprint.plan.laws import LAWS
from footprint.plan.letter_text import PAGE_GAP, Body
from footprint.plan.letter_types import RequestKind, RequestNeed

# Companies House routes: gov.uk pages read Dec 2026. The protection application's form code
# was found only in a formation agent's guide, so the letter names the gov.uk page, not a code.
CH_PERSONAL_INFO = (
    "https://www.gov.uk/guidance/your-personal-information-on-the-public-record-at-companies-house"
)
CH_PROTECT = (
    "https://gov.uk/government/publications/restricting-the-disclosure-of-your-psc-information"
)


def companies_house_body(need: RequestNeed) -> Body:
    """Steps, not a letter: Companies House changes are filed, not asked for."""
    law = LAWS["uk-companies-act"]
    if need.kind is RequestKind.COMPANIES_HOUSE_PROTECT:
        paras = [
            "Companies House can protect a home address that appears on filings, but only if"
            " you (or someone living with you) are at serious risk of violence or intimidation"
            " because of your company's activities. A patient stalking you may not meet that"
            " test; read the conditions first.",
            f"Apply to protect your details: {CH_PROTECT}",
            "You cannot protect a home address that is the company's registered office: move"
            " the registered office first. If possible, send evidence with the application.",
        ]
        return Body("Apply to protect your home address at Companies House", paras, law)
    paras = [
        "Change your service address (and the registered office, if it is your home) to an"
        " address that is not your home, for example your practice or an accountant's office."
        " Directors change their details online or on form CH01 (change of a director's"
        " details).",
        f"How your details appear on the register: {CH_PERSONAL_INFO}",
        "The change shows on new filings from then on. Past filings keep the old address:"
        f" see {CH_PROTECT} for when it can be protected.",
    ]
    return Body("Change your Companies House service address", paras, law)


def page_owner_body(need: RequestNeed) -> Body:
    """Ask whoever runs a page to remove one personal detail, quoting the page and detail."""
    detail = need.detail or "my personal details"
    shown = f" ({', '.join(need.shown)})" if need.shown else ""
    page = need.page_url or PAGE_GAP
    paras = [
        f"Your page at {page} shows {detail}{shown}.",
        f"Please remove {detail} from the page today, and from any copy of it (PDFs,"
        " newsletters, older versions), and use the practice or switchboard details instead.",
        "Patients can use it to contact me outside work. Please confirm when it is done.",
    ]
    return Body("Please remove my personal details from your page", paras, None)


def register_body(need: RequestNeed) -> Body:
    """NPPES, DROP, the Australian and Irish registers, and going ex-directory."""
    kind = need.kind
    if kind is RequestKind.NPPES_UPDATE:
        return Body(
            "Change your NPPES address or phone",
            [
                f"Log in to NPPES ({LAWS['us-nppes'].url}) and replace {need.detail or 'the'}"
                " detail with a practice address or phone.",
                "If you have no physical practice address, CMS lets you give a post office box"
                " instead of your home address. Addresses can be changed, not deleted.",
                "Sites that copied the old record (NPI mirrors, rating and people-search sites)"
                " must be asked separately.",
            ],
            LAWS["us-nppes"],
        )
    if kind is RequestKind.CA_DROP:
        return Body(
            "Send one deletion request to all California data brokers (DROP)",
            [
                "On DROP, verify that you live in California and submit a deletion request;"
                " registered data brokers must check DROP at least every 45 days.",
                "DROP does not cover public records or data a company collected from you"
                " directly: keep doing the individual opt-outs.",
            ],
            LAWS["ca-delete-act"],
        )
    if kind is RequestKind.AU_SILENT_ELECTOR:
        return Body(
            "Apply to be a silent elector",
            [
                "Download the AEC's silent elector form for your state or territory.",
                "Complete the Commonwealth statutory declaration explaining the risk to you or"
                " your family, have it witnessed, and return it to the AEC.",
                "Rolls already published keep your old entry; future rolls show only your name.",
            ],
            LAWS["au-silent-elector"],
        )
    if kind is RequestKind.AU_REGISTER_OMISSION:
        return Body(
            "Request to leave my details off the public register (National Law s226)",
            [
                "Under section 226 of the Health Practitioner Regulation National Law I ask the"
                " Board to leave information off the public register, because including it"
                " would present a serious risk to my health or safety (or my family's).",
                "[Describe the risk briefly; you do not have to give more than the Board needs.]",
                "Please tell me what evidence you need and confirm your decision in writing.",
            ],
            LAWS["au-national-law-s226"],
        )
    if kind is RequestKind.IE_EDITED_REGISTER:
        return Body(
            "Please remove me from the edited register",
            [
                "Please remove my name and address from the edited register of electors and"
                " keep them off it. This does not affect my right to vote.",
                "Please confirm in writing when it is done.",
            ],
            LAWS["ie-edited-register"],
        )
    return Body(
        "Please make my number ex-directory",
        [
            "Please make my landline number ex-directory, so that my name, number and address"
            " are not listed in directories or given out by directory enquiries.",
            "Please confirm when it is done.",
        ],
        None,
    )
