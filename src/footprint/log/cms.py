"""Checking a timestamp token's signature against the certificate the token itself carries.

`rfc3161-client` checks a token against trusted root certificates, which footprint cannot hold
for every service offline. Without one, this module still checks what the token alone can show:
that the signed attributes name the token's content by its hash, and that the signature over
them was made with the key of the certificate the signer identifies. That proves the token has
not been altered since that certificate's key signed it; it cannot prove the certificate
belongs to the service named, which only a root certificate (or its published fingerprint) can.

A minimal DER reader is enough: the token is DER (RFC 3161 section 2.4.2 requires it).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
HASHES: dict[str, hashes.HashAlgorithm] = {
    "2.16.840.1.101.3.4.2.1": hashes.SHA256(),
    "2.16.840.1.101.3.4.2.2": hashes.SHA384(),
    "2.16.840.1.101.3.4.2.3": hashes.SHA512(),
}


class TokenUnreadable(ValueError):
    """The token is not the DER structure RFC 3161 describes."""


@dataclass(frozen=True)
class _Tlv:
    tag: int
    body: bytes
    whole: bytes


def _read(data: bytes, at: int = 0) -> tuple[_Tlv, int]:
    """One DER element at `at`, and where the next begins."""
    try:
        tag, length, pos = data[at], data[at + 1], at + 2
        if tag & 0x1F == 0x1F:
            raise TokenUnreadable("long tags are not used in timestamp tokens")
        if length & 0x80:
            count = length & 0x7F
            if count == 0 or count > 4:
                raise TokenUnreadable("indefinite or oversized length")
            length = int.from_bytes(data[pos : pos + count], "big")
            pos += count
    except IndexError:
        raise TokenUnreadable("cut short") from None
    end = pos + length
    if end > len(data):
        raise TokenUnreadable("cut short")
    return _Tlv(tag, data[pos:end], data[at:end]), end


def _children(body: bytes) -> list[_Tlv]:
    items, at = [], 0
    while at < len(body):
        item, at = _read(body, at)
        items.append(item)
    return items


def _oid(tlv: _Tlv) -> str:
    if tlv.tag != 0x06 or not tlv.body:
        raise TokenUnreadable("expected an object identifier")
    first = tlv.body[0]
    parts, value = [str(min(first // 40, 2)), str(first - 40 * min(first // 40, 2))], 0
    for byte in tlv.body[1:]:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            parts.append(str(value))
            value = 0
    return ".".join(parts)


@dataclass(frozen=True)
class SignedParts:
    """What a signature check needs from a token."""

    content: bytes  # the TSTInfo, as signed
    signed_attrs: bytes  # DER of the SET the signature covers
    message_digest: bytes
    digest_oid: str
    signature: bytes


def signed_parts(token: bytes) -> SignedParts:
    """The signed content, signed attributes and signature of a token (a CMS ContentInfo)."""
    info, _ = _read(token)
    signed_data = _children(_children(_children(info.body)[1].body)[0].body)
    encap = _children(signed_data[2].body)
    content = _children(encap[1].body)[0].body  # [0] EXPLICIT OCTET STRING
    signer_infos = _children(signed_data[-1].body)
    if len(signer_infos) != 1:
        raise TokenUnreadable("expected exactly one signer")
    fields = _children(signer_infos[0].body)
    digest_oid = _oid(_children(fields[2].body)[0])
    attrs = next((f for f in fields if f.tag == 0xA0), None)
    if attrs is None:
        raise TokenUnreadable("no signed attributes")
    signature = fields[fields.index(attrs) + 2].body
    digest = b""
    for attr in _children(attrs.body):
        kind, values = _children(attr.body)
        if _oid(kind) == MESSAGE_DIGEST:
            digest = _children(values.body)[0].body
    return SignedParts(content, b"\x31" + attrs.whole[1:], digest, digest_oid, signature)


def signature_matches(token: bytes, certificate: x509.Certificate) -> bool:
    """True when the token's signature was made by `certificate`'s key over its content."""
    try:
        parts = signed_parts(token)
    except (TokenUnreadable, IndexError, ValueError):
        return False
    algorithm = HASHES.get(parts.digest_oid)
    if algorithm is None:
        return False
    content_hash = hashlib.new(algorithm.name, parts.content).digest()
    if content_hash != parts.message_digest:
        return False
    key = certificate.public_key()
    try:
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(parts.signature, parts.signed_attrs, padding.PKCS1v15(), algorithm)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(parts.signature, parts.signed_attrs, ec.ECDSA(algorithm))
        else:
            return False
    except InvalidSignature:
        return False
    return True
