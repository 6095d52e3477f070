"""Asking a public timestamping service (RFC 3161) to timestamp the log's head, with consent.

Only the SHA-256 of the chain's digest is sent (see `footprint.log.timestamp`); the request
goes through footprint's one HTTP client, bound to the service's host and to the doctor's
consent, like every lookup. The reply is checked before it is kept.
"""

from __future__ import annotations

from footprint.log.database import LogStore, utc_now
from footprint.log.errors import LogError
from footprint.log.timestamp import StoredStamp, accept_reply, request_for
from footprint.model.consent import ConsentQuestion, ConsentRecord
from footprint.net.client import FetchError, HttpClient
from footprint.util.domains import host_of

LOOKUP_ID = "log-timestamp"
REQUEST_TYPE = "application/timestamp-query"
REPLY_TYPE = "application/timestamp-reply"


def consent_question(service: str) -> ConsentQuestion:
    """What is sent, to whom, in one sentence."""
    host = host_of(service)
    return ConsentQuestion(
        lookup_id=LOOKUP_ID,
        title="Trusted timestamp of your contact log",
        sentence=(
            f"To prove your log's entries existed by today, footprint sends {host} one "
            "fingerprint of your log (a SHA-256 hash, 64 characters that reveal nothing of "
            "what it says), and keeps the signed reply with your log. No entry, name or file "
            "is sent."
        ),
        destinations=(host,),
    )


def request_timestamp(
    store: LogStore, client: HttpClient, service: str, grant: ConsentRecord
) -> StoredStamp:
    """Timestamp the entries that check now, keep the token with the log, and return it."""
    checked = store.verify()
    if checked.entries == 0:
        raise LogError("There is nothing to timestamp yet: no entry of your log checks.")
    request, nonce = request_for(checked.head)
    gated = client.bind(grant, frozenset({host_of(service)}))
    try:
        reply = gated.post(service, request, content_type=REQUEST_TYPE, accept=(REPLY_TYPE,))
    except FetchError as exc:
        raise LogError(
            f"No timestamp: {service} could not be reached ({exc.reason}). Nothing was sent "
            "apart from the request, and nothing was changed.",
            hint="Try again later, or name another service with --tsa URL.",
        ) from None
    if reply.status != 200:
        raise LogError(f"No timestamp: {service} answered with HTTP status {reply.status}.")
    accept_reply(reply.body, checked.head, nonce, service)
    stamp = StoredStamp(checked.entries, checked.head, service, reply.body, utc_now())
    store.add_timestamp(stamp)
    return stamp
