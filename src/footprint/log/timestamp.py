"""Trusted timestamps (RFC 3161) of the log's head, and checking them.

What is timestamped is the chain's digest after n entries: the service receives only the
SHA-256 of those 32 bytes (a hash of a hash), never an entry, a name or a file. Its signed reply
(the token) says "this fingerprint existed at this time", and is kept with the log and in every
export. `verify` recomputes the digest after n entries and checks each token: the fingerprint
in it must match, the signature must match the certificate it carries, and that certificate
must be for timestamping. Whether the certificate really belongs to the service named can only
be checked against the service's root certificate (`roots`), which footprint does not hold
offline: without one, `verify` says exactly that rather than "trusted".
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from rfc3161_client import (
    HashAlgorithm,
    PKIStatus,
    TimestampRequestBuilder,
    TimeStampResponse,
    VerificationError,
    VerifierBuilder,
    decode_timestamp_response,
)

from footprint.log.chain import VerifyResult
from footprint.log.cms import signature_matches
from footprint.log.errors import LogError
from footprint.log.verdict import StampCheck

# FreeTSA: a free public RFC 3161 service over HTTPS (https://freetsa.org/index_en.php);
# its root certificate is published at https://freetsa.org/files/cacert.pem.
DEFAULT_SERVICE = "https://freetsa.org/tsr"
ROOT_HINT = "FreeTSA publishes its root certificate at https://freetsa.org/files/cacert.pem"


@dataclass(frozen=True)
class StoredStamp:
    """A token kept with the log: which state it vouches for, from where, and when it came."""

    entries: int
    digest: str
    service: str
    token: bytes  # the whole TimeStampResp, DER, as received
    received_at: str

    def as_json(self) -> dict[str, Any]:
        """As the export's `timestamps` holds it."""
        return {
            "entries": self.entries,
            "digest": self.digest,
            "service": self.service,
            "received_at": self.received_at,
            "token": base64.b64encode(self.token).decode("ascii"),
        }

    @classmethod
    def from_json(cls, data: object) -> StoredStamp | None:
        """From an export; None if the item is not one."""
        try:
            assert isinstance(data, dict)
            return cls(
                int(data["entries"]), str(data["digest"]), str(data["service"]),
                base64.b64decode(str(data["token"]), validate=True), str(data["received_at"]),
            )  # fmt: skip
        except (AssertionError, KeyError, TypeError, ValueError):
            return None


def message_of(digest_hex: str) -> bytes:
    """The bytes whose SHA-256 the service signs: the chain digest itself."""
    return bytes.fromhex(digest_hex)


def request_for(digest_hex: str) -> tuple[bytes, int | None]:
    """A DER TimeStampReq for the digest (SHA-256, with a nonce and the certificate asked for)."""
    builder = TimestampRequestBuilder().data(message_of(digest_hex))
    request = builder.hash_algorithm(HashAlgorithm.SHA256).nonce(nonce=True).build()
    return request.as_bytes(), request.nonce


def accept_reply(reply: bytes, digest_hex: str, nonce: int | None, service: str) -> None:
    """LogError unless `reply` is a granted token for this digest that checks."""
    try:
        response = decode_timestamp_response(reply)
    except ValueError:
        raise LogError(f"{service} did not answer with a timestamp.") from None
    if PKIStatus(response.status) not in (PKIStatus.GRANTED, PKIStatus.GRANTED_WITH_MODS):
        raise LogError(f"{service} refused to timestamp (status {response.status}).")
    if nonce is not None and response.tst_info.nonce != nonce:
        raise LogError(f"{service} answered a different request; nothing was kept.")
    problem = _own_problem(response, hashlib.sha256(message_of(digest_hex)).digest())
    if problem is not None:
        raise LogError(f"The timestamp from {service} does not check: {problem}; nothing was kept.")


def check_stamp(
    stamp: StoredStamp, result: VerifyResult, roots: list[x509.Certificate]
) -> StampCheck:
    """One stored token against the log (or export) as it is now."""
    n = stamp.entries
    try:
        response = decode_timestamp_response(stamp.token)
        when = response.tst_info.gen_time.strftime("%d/%m/%Y %H:%M:%S UTC")
    except (ValueError, AttributeError):
        return StampCheck(False, f"Timestamp for {n} entries cannot be read: it has been damaged.")
    signer = _signer(response)
    name = _name(signer) if signer is not None else "an unnamed signer"
    about = f"Timestamp of {when} from {name}, for the first {n} entries"
    digest = result.digest_after(n)
    if digest is None:
        return StampCheck(
            False, f"{about}: the log no longer holds {n} entries that check, so entries it "
            "vouched for have since been removed or changed."
        )  # fmt: skip
    hashed = hashlib.sha256(message_of(digest)).digest()
    if response.tst_info.message_imprint.message != hashed:
        return StampCheck(
            False, f"{about}: it was made for different entries. The first {n} entries have "
            "been changed or replaced since it was made."
        )  # fmt: skip
    problem = _own_problem(response, hashed)
    if problem is not None:
        return StampCheck(False, f"{about}: {problem}.")
    if roots:
        return _chain_check(response, hashed, about, n, when, roots)
    assert signer is not None  # _own_problem found the signing certificate
    fingerprint = signer.fingerprint(hashes.SHA256()).hex().upper()
    return StampCheck(
        True,
        f"{about}: it matches these entries and its signature matches the certificate it "
        f"carries (SHA-256 fingerprint {fingerprint[:16]}...). Footprint cannot check on this "
        "computer that this certificate belongs to a real timestamping service: give the "
        f"service's root certificate with --tsa-root FILE to check it ({ROOT_HINT}).",
        covers=n,
    )


def _chain_check(
    response: TimeStampResponse,
    hashed: bytes,
    about: str,
    n: int,
    when: str,
    roots: list[x509.Certificate],
) -> StampCheck:
    try:
        VerifierBuilder(roots=list(roots)).build().verify(response, hashed)
    except VerificationError:
        return StampCheck(
            False, f"{about}: it was not signed by a service whose root certificate you gave "
            "(an untrusted signer), so it proves nothing about the time."
        )  # fmt: skip
    return StampCheck(
        True, f"{about}: checked against the root certificate you gave. It shows these "
        f"{n} entries existed, exactly as they are now, by {when}.", covers=n, trusted=True
    )  # fmt: skip


def _signer(response: TimeStampResponse) -> x509.Certificate | None:
    """The certificate the signer identifies, among those the token carries."""
    infos = list(response.signed_data.signer_infos)
    if len(infos) != 1:
        return None
    for der in response.signed_data.certificates:
        cert = x509.load_der_x509_certificate(der)
        if cert.issuer == infos[0].issuer and cert.serial_number == infos[0].serial_number:
            return cert
    return None


def _name(cert: x509.Certificate) -> str:
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else cert.subject.rfc4514_string()


def _own_problem(response: TimeStampResponse, hashed: bytes) -> str | None:
    """What the token alone shows wrong: imprint, signer certificate, signature."""
    if response.tst_info.message_imprint.message != hashed:
        return "it is for a different fingerprint"
    signer = _signer(response)
    if signer is None:
        return "it does not carry the certificate that signed it"
    try:
        eku = signer.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
        for_stamping = eku.critical and ExtendedKeyUsageOID.TIME_STAMPING in eku.value
    except x509.ExtensionNotFound:
        for_stamping = False
    if not for_stamping:
        return (
            f"it was signed by a certificate that is not for timestamping ({_name(signer)}), "
            "an untrusted signer"
        )
    if not signature_matches(response.time_stamp_token(), signer):
        return "its signature does not match: the token has been altered since it was signed"
    return None
