"""What a request is (RequestKind, RequestNeed) and what a drafted request holds (Draft)."""

from __future__ import annotations

from dataclasses import dataclass, field

from footprint.model.vocab import StrEnum


class RequestKind(StrEnum):
    """The kinds of request footprint drafts for an action that needs someone else."""

    ERASURE = "erasure"  # delete my data (UK GDPR / GDPR Art 17), with an Art 21 objection
    OBJECTION = "objection"  # stop using my data for marketing (Art 21, absolute)
    OPEN_REGISTER = "open_register"  # leave the open (edited) electoral register
    ANONYMOUS_REGISTRATION = "anonymous_registration"  # register anonymously (at risk)
    COMPANIES_HOUSE_ADDRESS = "companies_house_address"  # a non-home service address
    COMPANIES_HOUSE_PROTECT = "companies_house_protect"  # protect a home address on filings
    PAGE_OWNER = "page_owner"  # remove a personal detail from a page
    US_STATE_DELETION = "us_state_deletion"  # a state deletion right (California: CCPA)
    CA_DROP = "ca_drop"  # California's Delete Request and Opt-out Platform
    NPPES_UPDATE = "nppes_update"  # change the NPI record's address or phone
    AU_PRIVACY = "au_privacy"  # Privacy Act 1988, APP 13 correction
    AU_SILENT_ELECTOR = "au_silent_elector"  # keep the address off the public roll
    AU_REGISTER_OMISSION = "au_register_omission"  # National Law s226: leave details off
    IE_EDITED_REGISTER = "ie_edited_register"  # leave the Irish edited register
    EX_DIRECTORY = "ex_directory"  # keep a landline out of directories


@dataclass(frozen=True)
class RequestNeed:
    """A request an action needs: what kind, to whom, about which page and detail.

    `detail` names what to remove in plain words ("your personal mobile number"); `shown`
    holds the private values the recipient's own page already shows (the page owner needs
    them to find what to remove), and nothing else from the profile's `private:` block.
    """

    kind: RequestKind
    recipient_id: str | None
    page_url: str | None
    detail: str | None
    shown: tuple[str, ...] = ()
    finding_id: str | None = None


@dataclass(frozen=True)
class Draft:
    """A request written for the doctor to send (footprint never sends anything)."""

    kind: RequestKind
    recipient_name: str
    to: str | None  # e-mail address, when the recipient takes requests by e-mail
    subject: str
    text: str  # the letter itself, signed with the doctor's name
    deadline_days: int | None  # days after sending by which an answer is due
    postal_address: str | None = None
    web_form: str | None = None  # where to paste the text when a form is the route
    law: str | None = None  # the law cited, as written in the letter
    law_url: str | None = None
    how_to_send: str = ""  # a note for the doctor, not part of the letter
    notes: tuple[str, ...] = ()  # more for the doctor to know before sending (not sent)
    sources: tuple[str, ...] = field(default_factory=tuple)
