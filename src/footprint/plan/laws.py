"""The laws the drafted requests cite, each with where it was read and when.

A letter cites the law of the place the doctor lives where the recipient is bound by it; a US
site asked by a doctor outside California gets a plain opt-out request under its own policy,
because no law footprint can source obliges it. Periods are the ones the sources state.
"""

from __future__ import annotations

from dataclasses import dataclass

from footprint.content.recipients import LawId, Recipient
from footprint.model.profile import Profile
from footprint.model.vocab import Jurisdiction


@dataclass(frozen=True)
class Law:
    """One law or route as the letters cite it."""

    id: LawId
    name: str  # as written in a letter, e.g. "the UK GDPR"
    answer: str  # the answer period in plain words, or "" when the law sets none
    answer_days: int | None  # for the deadline: a month counted as 30 days
    url: str
    source: str  # title and date of the page it was read on
    regulator_id: str | None = None  # the recipient id of the regulator for a complaint


LAWS: dict[LawId, Law] = {
    "uk-gdpr": Law(
        "uk-gdpr",
        "the UK GDPR",
        "You must answer within one month of receiving this request. You can extend that by"
        " two further months only if the request is complex, and you must tell me within the"
        " first month, with your reasons.",
        30,
        "https://ico.org.uk/for-organisations/guide-to-dp/guide-to-the-uk-gdpr/individual-rights/right-to-erasure",
        "ICO, Right to erasure and Right to object (UK GDPR guide), read Dec 2026",
        "ico",
    ),
    "eu-gdpr": Law(
        "eu-gdpr",
        "the GDPR",
        "You must answer within one month of receiving this request. You can extend that by"
        " two further months only if the request is complex, and you must tell me within the"
        " first month, with your reasons.",
        30,
        "https://www.dataprotection.ie/en/contact/how-contact-us",
        "GDPR Articles 12(3), 17 and 21; Data Protection Commission case studies on erasure",
        "dpc",
    ),
    "au-privacy-act": Law(
        "au-privacy-act",
        "the Privacy Act 1988 (Australian Privacy Principle 13)",
        "If you do not answer within 30 days, I can complain to the Office of the Australian"
        " Information Commissioner.",
        30,
        "https://oaic.gov.au/privacy/privacy-complaints/complain-to-an-organisation-or-agency/",
        "OAIC, Complain to an organisation or agency (25 Jul 2019)",
        "oaic",
    ),
    "us-opt-out": Law(
        "us-opt-out",
        "your own opt-out policy",
        "",
        30,  # no legal period: footprint suggests checking again after a month
        "https://github.com/yaelwrites/Big-Ass-Data-Broker-Opt-Out-List",
        "Big-Ass Data Broker Opt-Out List (BADBOOL), 26 Jul 2026",
    ),
    "ca-delete-act": Law(
        "ca-delete-act",
        "the California Consumer Privacy Act (Civil Code section 1798.105) and the Delete Act",
        "You must act on a request to delete within 45 calendar days; you may extend that once"
        " by 45 days if you tell me why.",
        45,
        "https://privacy.ca.gov/drop/",
        "CPPA, DROP; CCPA section 1798.105 as summarised by legalclarity.org (2026)",
        "cppa-drop",
    ),
    "uk-open-register": Law(
        "uk-open-register",
        "electoral law (you may opt out of the open register at any time)",
        "",
        30,  # councils state their own periods (Ashfield: 28 working days)
        "https://www.n-kesteven.gov.uk/electoral-registration-elections/register-electors/opt-inout-open-register",
        "North Kesteven and Craven councils, open register pages (2023)",
    ),
    "ie-edited-register": Law(
        "ie-edited-register",
        "electoral law (the edited register lists only people who opted in)",
        "",
        None,
        "https://www.louthcoco.ie/en/services/electoral-register/registeronline2021-22/",
        "Louth County Council, Register of electors 2021-22",
    ),
    "uk-companies-act": Law(
        "uk-companies-act",
        "the Companies Act 2006",
        "",
        None,
        "https://gov.uk/government/publications/restricting-the-disclosure-of-your-psc-information",
        "Companies House, Apply to protect your details on the Companies House register",
    ),
    "us-nppes": Law(
        "us-nppes",
        "the NPPES rules (change your record within 30 days of a change)",
        "",
        None,
        "https://nppes.cms.hhs.gov/",
        "domain-facts.md 1.10: npiprofile.com NPPES public data; BADBOOL (26 Jul 2026)",
    ),
    "au-silent-elector": Law(
        "au-silent-elector",
        "the Commonwealth Electoral Act 1918 (silent elector status)",
        "",
        None,
        "https://www.aec.gov.au/Enrolling_to_vote/Special_Category/Silent_Electors.htm",
        "AEC, Silent Electors (updated 11 Jul 2018)",
    ),
    "au-national-law-s226": Law(
        "au-national-law-s226",
        "section 226 of the Health Practitioner Regulation National Law",
        "",
        None,
        "http://corrigan.austlii.edu.au/au/legis/nsw/consol_act/hprnl460/s226.html",
        "Health Practitioner Regulation National Law s226 (AustLII)",
    ),
    "service-request": Law(
        "service-request",
        "",
        "",
        None,
        "https://www.openreach.co.uk/cpportal/services/product-services/directory-and-number-information",
        "Openreach, Directory and number information (25 Feb 2024)",
    ),
}

#: California's address confidentiality programme: the one health-worker route footprint could
#: source (Privacy Rights Clearinghouse, via domain-facts.md 1.6; a secondary source).
SAFE_AT_HOME_NOTE = (
    "If a patient is stalking or threatening you, California's Safe at Home programme (open to"
    " people at risk of stalking and to some reproductive-health workers) lets you require"
    " people-search sites to remove your details: see"
    " https://www.privacyrights.org/blog/faq-online-data-brokers-people-search-sites"
)

#: Where the one-month period and its extension were read, for the notes and the report.
ONE_MONTH_SOURCES = (
    "https://ico.org.uk/for-organisations/guide-to-dp/guide-to-the-uk-gdpr/individual-rights/right-to-erasure",
    "https://ico.org.uk/for-organisations-2/guide-to-data-protection/guide-to-the-general-data-protection-regulation-gdpr/individual-rights/right-to-object",
)


def rights_law(recipient: Recipient, profile: Profile) -> Law:
    """The data-rights law a request to `recipient` cites, for where the doctor lives.

    UK and Irish organisations are bound by the UK GDPR and the GDPR; a US broker asked by a
    California resident, by the CCPA; any other US broker only by its own opt-out policy.
    """
    if recipient.law == "us-opt-out" and in_california(profile):
        return LAWS["ca-delete-act"]
    return LAWS[recipient.law]


def in_northern_ireland(profile: Profile) -> bool:
    """True for a UK doctor who lives in Northern Ireland (its own electoral office)."""
    return profile.jurisdiction is Jurisdiction.GB and profile.region == "northern-ireland"


def in_california(profile: Profile) -> bool:
    """True for a US doctor who lives in California (DROP and the CCPA apply)."""
    return profile.jurisdiction is Jurisdiction.US and (profile.region or profile.state) == "CA"
