"""Putting a request together: the right words for its kind, a reminder or a complaint."""

from __future__ import annotations

from datetime import date

from footprint.content.recipients import Recipient, load_recipients
from footprint.errors import FootprintError
from footprint.model.profile import Profile
from footprint.plan.laws import SAFE_AT_HOME_NOTE, Law
from footprint.plan.letter_bodies import companies_house_body, page_owner_body, register_body
from footprint.plan.letter_text import Body, identify, open_register_body, rights_body, signed_name
from footprint.plan.letter_types import Draft, RequestKind, RequestNeed

_RIGHTS = {
    RequestKind.ERASURE,
    RequestKind.OBJECTION,
    RequestKind.US_STATE_DELETION,
    RequestKind.AU_PRIVACY,
}
# Kinds the doctor does themselves on a form: steps to follow, not a letter to sign.
_STEPS = {
    RequestKind.COMPANIES_HOUSE_ADDRESS,
    RequestKind.COMPANIES_HOUSE_PROTECT,
    RequestKind.NPPES_UPDATE,
    RequestKind.CA_DROP,
    RequestKind.AU_SILENT_ELECTOR,
}
REMINDER_DAYS = 14  # our own suggestion: no source sets a period for a reminder
# Where footprint can name no regulator, the doctor fills the gap (the letter is theirs).
NO_REGULATOR_GAP = "[the regulator or ombudsman you are complaining to]"


def long_date(day: date) -> str:
    """6 December 2026."""
    return f"{day.day} {day:%B %Y}"


def _recipient(need: RequestNeed) -> Recipient | None:
    if need.recipient_id is None:
        return None
    try:
        return load_recipients()[need.recipient_id]
    except KeyError:
        raise FootprintError(f"no recipient '{need.recipient_id}' in the directory") from None


def _body(need: RequestNeed, recipient: Recipient | None, profile: Profile) -> Body:
    if need.kind in _RIGHTS:
        if recipient is None:
            raise FootprintError(f"a {need.kind} request needs a recipient")
        return rights_body(need, recipient, profile)
    if need.kind in (RequestKind.OPEN_REGISTER, RequestKind.ANONYMOUS_REGISTRATION):
        return open_register_body(need, profile)
    if need.kind in (RequestKind.COMPANIES_HOUSE_ADDRESS, RequestKind.COMPANIES_HOUSE_PROTECT):
        return companies_house_body(need)
    if need.kind is RequestKind.PAGE_OWNER:
        return page_owner_body(need)
    return register_body(need)


def draft(
    need: RequestNeed,
    profile: Profile,
    *,
    today: date,
    sent_on: date | None = None,
    reminder: bool = False,
    complaint: bool = False,
    refused_on: date | None = None,
) -> Draft:
    """The request `need` calls for, written for `profile` to send (footprint never sends)."""
    recipient = _recipient(need)
    body = _body(need, recipient, profile)
    if complaint:
        return _complaint(
            need, recipient, body, profile, today=today, sent_on=sent_on, refused_on=refused_on
        )
    paragraphs = list(body.paragraphs)
    subject, deadline = body.subject, (body.law.answer_days if body.law else None)
    if reminder:
        when = long_date(sent_on) if sent_on else "[the date you sent it]"
        paragraphs.insert(
            0,
            f"I wrote to you on {when} with the request below and have had no answer within"
            f" the time allowed. Please deal with it and reply within {REMINDER_DAYS} days.",
        )
        subject, deadline = f"Reminder: {subject}", REMINDER_DAYS
    steps = need.kind in _STEPS
    text = (
        _steps_text(body, paragraphs)
        if steps
        else _letter(need, recipient, profile, subject, paragraphs, today)
    )
    return Draft(
        kind=need.kind,
        recipient_name=_name(recipient, need),
        to=recipient.ask.email if recipient and not steps else None,
        subject=subject,
        text=text,
        deadline_days=None if steps else deadline,
        postal_address=recipient.ask.post if recipient else None,
        web_form=str(recipient.ask.web_form) if recipient and recipient.ask.web_form else None,
        law=body.law.name if body.law and body.law.name else None,
        law_url=body.law.url if body.law else None,
        how_to_send=_how_to_send(recipient, steps),
        notes=_notes(need, recipient),
        sources=_sources(body.law, recipient),
    )


_OPEN_REGISTER_NOTES = (
    "Opting out is not retrospective: copies of the open register already sold keep your entry."
    " footprint can also draft objections to the marketing databases and credit agencies'"
    " marketing arms that buy it.",
    "If a patient is stalking or threatening you, ask about anonymous registration instead: it"
    " needs a qualifying court order or an attestation by a qualifying officer (House of"
    " Commons Library briefing CBP-8202).",
)
_PAGE_NOTE = (
    "A few weeks after it is removed, search for the detail in quotes to check copies have gone;"
    " Google's 'Results about you' can remove results that still show it."
)


def _notes(need: RequestNeed, recipient: Recipient | None) -> tuple[str, ...]:
    notes = [recipient.note] if recipient and recipient.note else []
    if need.kind is RequestKind.OPEN_REGISTER and recipient and recipient.country == "GB":
        notes += _OPEN_REGISTER_NOTES
    elif need.kind is RequestKind.PAGE_OWNER:
        notes.append(_PAGE_NOTE)
    elif recipient and recipient.kind == "people_search" and recipient.country == "GB":
        notes.append("Opt out of the open electoral register too: it feeds sites like this one.")
    if need.kind in (RequestKind.US_STATE_DELETION, RequestKind.CA_DROP):
        notes.append(SAFE_AT_HOME_NOTE)
    return tuple(notes)


def _name(recipient: Recipient | None, need: RequestNeed) -> str:
    if recipient is not None:
        return recipient.name
    return "Whoever runs the page (practice manager, web team, club or event organiser)"


def _letter(
    need: RequestNeed,
    recipient: Recipient | None,
    profile: Profile,
    subject: str,
    paragraphs: list[str],
    today: date,
) -> str:
    head = [long_date(today), "", _name(recipient, need)]
    if recipient and recipient.ask.post:
        head.append(recipient.ask.post)
    greeting = "Dear Data Protection Officer," if need.kind in _RIGHTS else "Dear Sir or Madam,"
    found = [
        "So that you can find it:",
        *(f"- {line}" for line in identify(recipient, need, profile)),
    ]
    lines = [*head, "", f"Subject: {subject}", "", greeting, ""]
    for para in paragraphs:
        lines += [para, ""]
    lines += [*found, "", "Yours faithfully,", "", signed_name(profile)]
    return "\n".join(lines) + "\n"


def _steps_text(body: Body, paragraphs: list[str]) -> str:
    numbered = [f"{n}. {p}" for n, p in enumerate(paragraphs, start=1)]
    return "\n\n".join([body.subject, *numbered]) + "\n"


def _how_to_send(recipient: Recipient | None, steps: bool) -> str:
    never = " footprint never sends anything for you."
    if steps:
        return "Follow the steps on the official page; there is nothing to post." + never
    if recipient is None:
        return "Find the page's contact (often at the foot of the page) and send it there." + never
    ask = recipient.ask
    if ask.email:
        return f"Send it by e-mail to {ask.email} from your own mail program." + never
    if ask.web_form:
        return f"Paste the text into the form at {ask.web_form}." + never
    if ask.post:
        return "Print it, sign it and post it to the address at the top." + never
    return f"Send it to: {(ask.finder or '').rstrip('.')}." + never


def _sources(law: Law | None, recipient: Recipient | None) -> tuple[str, ...]:
    found = [law.url] if law else []
    if recipient:
        found.append(str(recipient.source.url))
    return tuple(dict.fromkeys(found))


def _complaint(
    need: RequestNeed,
    recipient: Recipient | None,
    body: Body,
    profile: Profile,
    *,
    today: date,
    sent_on: date | None,
    refused_on: date | None = None,
) -> Draft:
    """A complaint to the regulator of the law the request relied on, with the timeline: they
    did not answer after a reminder, or (`refused_on`) they refused."""
    regulator = (
        load_recipients().get(body.law.regulator_id) if body.law and body.law.regulator_id else None
    )
    about = _name(recipient, need)
    when = long_date(sent_on) if sent_on else "[the date you sent it]"
    under = body.law.name if body.law else "the law"
    what_happened = (
        f"; on {long_date(refused_on)} they refused it."
        if refused_on
        else "; I then sent a reminder. I have had no adequate answer within the time the law"
        " allows."
    )
    paragraphs = [
        f"I am complaining about {about}. On {when} I sent them the request copied below"
        f" under {under}{what_happened}",
        "Timeline: [list each date you wrote and each answer you had].",
        "I enclose copies of what I sent and anything I received. Please look into it.",
    ]
    name = regulator.name if regulator else NO_REGULATOR_GAP
    lines = [long_date(today), "", name, "", f"Subject: Complaint about {about}", ""]
    lines += ["Dear Sir or Madam,", "", *[p + "\n" for p in paragraphs]]
    lines += [
        "Yours faithfully,",
        "",
        signed_name(profile),
        "",
        f"--- The request I sent on {when} ---",
        "",
    ]
    lines.append(_letter(need, recipient, profile, body.subject, body.paragraphs, sent_on or today))
    return Draft(
        kind=need.kind,
        recipient_name=name,
        to=regulator.ask.email if regulator else None,
        subject=f"Complaint about {about}",
        text="\n".join(lines) + "\n",
        deadline_days=None,
        postal_address=regulator.ask.post if regulator else None,
        web_form=str(regulator.ask.web_form) if regulator and regulator.ask.web_form else None,
        law=body.law.name if body.law else None,
        law_url=body.law.url if body.law else None,
        how_to_send=_how_to_send(regulator, steps=False)
        if regulator
        else "Keep this record of what you sent; footprint cannot name a regulator for it.",
        sources=_sources(body.law, regulator),
    )
