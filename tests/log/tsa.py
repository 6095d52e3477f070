"""A stand-in RFC 3161 timestamping service: a test CA, a TSA certificate, real signed replies.

Replies are built with asn1crypto (test-only) and signed with cryptography, exactly as a public
service signs them (CMS SignedData over a TSTInfo, with the signing certificate and ESS
signing-certificate attribute), so footprint's check runs against real tokens. Fictional names.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from asn1crypto import algos, cms, core, tsp, x509
from cryptography import x509 as cx509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

WHEN = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)


def _name(cn: str) -> cx509.Name:
    return cx509.Name([cx509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _cert(
    subject: str,
    key: rsa.RSAPrivateKey,
    issuer: str,
    issuer_key: rsa.RSAPrivateKey,
    *,
    ca: bool,
    stamping: bool,
) -> cx509.Certificate:
    builder = (
        cx509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(issuer))
        .public_key(key.public_key())
        .serial_number(cx509.random_serial_number())
        .not_valid_before(WHEN - timedelta(days=365))
        .not_valid_after(WHEN + timedelta(days=3650))
        .add_extension(cx509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if stamping:
        eku = cx509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING])
        builder = builder.add_extension(eku, critical=True)
    return builder.sign(issuer_key, hashes.SHA256())


@dataclass
class StandInTsa:
    """A CA and the TSA it certified; `reply(request)` answers as a real service does."""

    name: str = "Example Timestamping Service"
    stamping: bool = True  # False: a signer whose certificate is not for timestamping

    def __post_init__(self) -> None:
        self.ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.ca = _cert(f"{self.name} Root", self.ca_key, f"{self.name} Root", self.ca_key,
                        ca=True, stamping=False)  # fmt: skip
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.cert = _cert(self.name, self.key, f"{self.name} Root", self.ca_key,
                          ca=False, stamping=self.stamping)  # fmt: skip
        self.requests: list[bytes] = []

    def ca_pem(self) -> bytes:
        """The root certificate, as a service publishes it."""
        return self.ca.public_bytes(serialization.Encoding.PEM)

    def reply(self, request_der: bytes, *, imprint: bytes | None = None) -> bytes:
        """A granted TimeStampResp for the request (or for another `imprint`)."""
        self.requests.append(request_der)
        req = tsp.TimeStampReq.load(request_der)
        message = req["message_imprint"]
        info = tsp.TSTInfo(
            {
                "version": "v1",
                "policy": "1.2.3.4.1",
                "message_imprint": {
                    "hash_algorithm": message["hash_algorithm"],
                    "hashed_message": imprint or message["hashed_message"].native,
                },
                "serial_number": 7,
                "gen_time": WHEN,
                "nonce": req["nonce"].native,
            }
        )
        return self._response(info)

    def _response(self, info: tsp.TSTInfo) -> bytes:
        content = info.dump()
        cert = x509.Certificate.load(self.cert.public_bytes(serialization.Encoding.DER))
        attrs = cms.CMSAttributes(
            [
                {"type": "content_type", "values": ["tst_info"]},
                {"type": "message_digest", "values": [hashlib.sha256(content).digest()]},
                {
                    "type": "signing_certificate_v2",
                    "values": [{"certs": [{"cert_hash": hashlib.sha256(cert.dump()).digest()}]}],
                },
            ]
        )
        signature = self.key.sign(attrs.dump(), padding.PKCS1v15(), hashes.SHA256())
        signer = cms.SignerInfo(
            {
                "version": "v1",
                "sid": cms.SignerIdentifier(
                    "issuer_and_serial_number",
                    {"issuer": cert.issuer, "serial_number": cert.serial_number},
                ),
                "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
                "signed_attrs": attrs,
                "signature_algorithm": algos.SignedDigestAlgorithm(
                    {"algorithm": "rsassa_pkcs1v15"}
                ),
                "signature": signature,
            }
        )
        signed = cms.SignedData(
            {
                "version": "v3",
                "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
                "encap_content_info": {
                    "content_type": "tst_info",
                    "content": core.ParsableOctetString(content),
                },
                "certificates": [cert],
                "signer_infos": [signer],
            }
        )
        token = cms.ContentInfo({"content_type": "signed_data", "content": signed})
        return tsp.TimeStampResp(
            {"status": {"status": "granted"}, "time_stamp_token": token}
        ).dump()
