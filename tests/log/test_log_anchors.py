"""Outside anchors: receipts a person writes down, and trusted timestamps from a stand-in service.

The stand-in service (tests/log/tsa.py) answers on a local server with real RFC 3161 replies
signed by a test CA; nothing goes to the internet.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from tests.auditrun import footprint
from tests.log.tsa import StandInTsa
from werkzeug import Request, Response

import footprint.net.client as net_client
from footprint.log.database import LogStore
from footprint.log.receipt import code_of, parse_receipt, receipt_of
from footprint.log.timestamp import StoredStamp, check_stamp, request_for

SCRIPTED = ["--no-input", "--channel", "letter", "--what", "A card at reception."]


def _add(count: int, start: int = 1) -> str:
    """Add entries; returns the receipt printed after the last."""
    line = ""
    for day in range(start, start + count):
        run = footprint("log", "add", *SCRIPTED, "--when", f"{day}/11/2026")
        assert run.code == 0
        line = next(x for x in run.stdout.splitlines() if x.startswith("Receipt: "))
    return line.removeprefix("Receipt: ").split(".")[0]


def test_a_receipt_is_short_and_reads_back_however_it_is_typed() -> None:
    digest = "f" * 64
    receipt = receipt_of(19, digest)
    assert receipt == "19-ZZZZ-ZZZZ-ZZZZ-ZZZZ"
    assert code_of("0" * 64) == "0000-0000-0000-0000"
    typed = parse_receipt(" 19 zzzz zzzz zzzz zzzz ")
    assert str(typed) == receipt
    assert parse_receipt("3-O0IL-0000-0000-0000").code == "0011-0000-0000-0000"  # O, I, L misread


def test_the_receipt_checks_the_state_it_was_printed_for() -> None:
    receipt = _add(3)
    _add(2, start=4)  # later entries are not covered, and do not spoil it
    run = footprint("log", "verify", "--receipt", receipt)
    assert run.code == 0 and f"Matches receipt {receipt}" in run.stdout
    assert "The 2 entries written after it are not covered" in run.stdout
    with LogStore() as store:
        db = store.path
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM entries WHERE seq > 2")
        conn.execute("DELETE FROM head")
    conn.close()
    for path in (db.parent / "head.json", db.parent.parent / "contact-log-head.json"):
        path.unlink()
    cut = footprint("log", "verify", "--receipt", receipt)
    assert cut.code == 1 and f"Does not match receipt {receipt}" in cut.stdout
    assert "made when the log had 3 entries" in cut.stdout


def test_a_rewritten_log_does_not_match_an_earlier_receipt() -> None:
    receipt = _add(2)
    with LogStore() as store:
        store.purge()
    _add(2, start=7)  # a whole new log: every record agrees with it
    run = footprint("log", "verify", "--receipt", receipt)
    assert run.code == 1 and "are not the ones the receipt was made from" in run.stdout


def test_a_resealed_export_is_caught_by_its_receipt(tmp_path: Path) -> None:
    _add(3)
    exported = footprint("log", "export", "--out", tmp_path / "x", "--format", "json")
    receipt = exported.stdout.split("Receipt: ")[1].split(".")[0]
    path = tmp_path / "x" / "contact-log.json"
    _reseal(path, lambda e: e.update(what="Nothing happened."))
    alone = footprint("log", "verify", path)
    assert alone.code == 0 and "Consistent" in alone.stdout and "Intact" not in alone.stdout
    assert "Not proved to be the original" in alone.stdout
    run = footprint("log", "verify", path, "--receipt", receipt)
    assert run.code == 1 and "Does not match receipt" in run.stdout


def _reseal(path: Path, change: Any) -> None:
    """Edit the first entry, then recompute every hash and the seal, as a forger would."""
    from footprint.log.chain import GENESIS, canonical_json, content_of, link_hash, sha256_hex
    from footprint.log.export import seal_of, summary_json
    from footprint.log.models import Entry
    from footprint.log.summary import summarise

    data = json.loads(path.read_text())
    change(data["entries"][0])
    prev, entries = GENESIS, []
    for raw in data["entries"]:
        e = Entry.model_validate({**raw, "prev_hash": prev})
        content = sha256_hex(canonical_json(content_of(e, e.seq, e.recorded_at, e.attachments)))
        prev = link_hash(prev, content)
        raw.update(prev_hash=e.prev_hash, content_hash=content, entry_hash=prev)
        entries.append(Entry.model_validate(raw))
    data["chain"].update(final_digest=prev, receipt=receipt_of(len(entries), prev))
    data["summary"] = summary_json(summarise(entries))
    data["seal"] = {"algorithm": "sha256", "digest": seal_of(data)}
    path.write_text(json.dumps(data))


# -- trusted timestamps ------------------------------------------------------------------------


@pytest.fixture
def tsa() -> StandInTsa:
    return StandInTsa()


@pytest.fixture
def local_net(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stand-in service runs on 127.0.0.1, which footprint refuses unless told."""
    real = net_client.HttpClient

    class LoopbackClient(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, allow_loopback=True, **kwargs)

    monkeypatch.setattr(net_client, "HttpClient", LoopbackClient)


def _serve(httpserver: HTTPServer, tsa: StandInTsa, **options: Any) -> str:
    def answer(request: Request) -> Response:
        assert request.content_type == "application/timestamp-query"
        reply = tsa.reply(request.get_data(), **options)
        return Response(reply, content_type="application/timestamp-reply")

    httpserver.expect_request("/tsr", method="POST").respond_with_handler(answer)
    return httpserver.url_for("/tsr")


def test_timestamp_asks_sends_only_a_hash_and_verify_checks_it(
    httpserver: HTTPServer, tsa: StandInTsa, local_net: None, tmp_path: Path
) -> None:
    _add(3)
    url = _serve(httpserver, tsa)
    refused = footprint("log", "timestamp", "--tsa", url, input="n\n")
    assert refused.code == 0 and "Nothing was sent" in refused.stdout and not tsa.requests
    assert "a SHA-256 hash" in refused.stdout and "No entry, name or file" in refused.stdout
    run = footprint("log", "timestamp", "--tsa", url, "--consent", "yes")
    assert run.code == 0, run.stderr
    assert "first 3 entries" in run.stdout and len(tsa.requests) == 1
    with LogStore() as store:
        head = store.verify().head
    sent = tsa.requests[0]
    assert hashlib.sha256(bytes.fromhex(head)).digest() in sent  # the fingerprint of the head
    assert len(sent) < 80 and b"reception" not in sent  # and nothing else: a hash, a nonce
    check = footprint("log", "verify")
    assert check.code == 0 and "Timestamp of 20/11/2026 10:00:00 UTC" in check.stdout
    assert "Example Timestamping Service" in check.stdout
    assert "cannot check on this computer" in check.stdout  # honest without a root
    root = tmp_path / "root.pem"
    root.write_bytes(tsa.ca_pem())
    trusted = footprint("log", "verify", "--tsa-root", root)
    assert trusted.code == 0 and "checked against the root certificate you gave" in trusted.stdout
    out = tmp_path / "x"
    assert footprint("log", "export", "--out", out, "--format", "json").code == 0
    on_file = footprint("log", "verify", out / "contact-log.json", "--tsa-root", root)
    assert on_file.code == 0 and "existed, exactly as they are now" in on_file.stdout


def _stamp_for(tsa: StandInTsa, digest: str, entries: int, **options: Any) -> StoredStamp:
    reply = tsa.reply(request_for(digest)[0], **options)
    return StoredStamp(entries, digest, "http://127.0.0.1/tsr", reply, "2026-11-20T10:00:00+00:00")


def test_bad_tokens_are_each_reported(tsa: StandInTsa, tmp_path: Path) -> None:
    _add(3)
    with LogStore() as store:
        result = store.verify()
    digest = result.head
    good = _stamp_for(tsa, digest, 3)
    assert check_stamp(good, result, []).ok
    other_digest = _stamp_for(tsa, digest, 3, imprint=b"\x01" * 32)
    assert "made for different entries" in check_stamp(other_digest, result, []).sentence
    not_a_stamper = _stamp_for(StandInTsa(stamping=False), digest, 3)
    assert "not for timestamping" in check_stamp(not_a_stamper, result, []).sentence
    stranger = _stamp_for(StandInTsa(name="Other Service"), digest, 3)
    assert check_stamp(stranger, result, []).ok  # signed by its own certificate, but...
    untrusted = check_stamp(stranger, result, [tsa.ca])
    assert not untrusted.ok and "an untrusted signer" in untrusted.sentence
    token = bytearray(good.token)
    at = token.find(b"20261120100000Z")
    token[at + 9] = ord("9")  # the time, changed after signing
    tampered = StoredStamp(3, digest, good.service, bytes(token), good.received_at)
    found = check_stamp(tampered, result, [])
    assert not found.ok and "signature does not match" in found.sentence
    assert (
        "cannot be read"
        in check_stamp(
            StoredStamp(3, digest, good.service, b"\x30\x03junk", good.received_at), result, []
        ).sentence
    )
    past = _stamp_for(tsa, digest, 5)
    assert "no longer holds 5 entries" in check_stamp(past, result, []).sentence


def test_a_stamp_on_a_changed_log_fails_verify(tsa: StandInTsa) -> None:
    _add(3)
    with LogStore() as store:
        store.add_timestamp(_stamp_for(tsa, store.verify().head, 3))
        db = store.path
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM entries WHERE seq = 3")
        conn.execute(
            "UPDATE head SET entries = 2, digest = (SELECT entry_hash FROM entries WHERE seq = 2)"
        )
    conn.close()
    for path in (db.parent / "head.json", db.parent.parent / "contact-log-head.json"):
        path.unlink()
    run = footprint("log", "verify")
    assert run.code == 1 and "no longer holds 3 entries" in run.stdout


def test_stored_stamps_round_trip_through_the_export_json(tsa: StandInTsa) -> None:
    stamp = _stamp_for(tsa, "ab" * 32, 1)
    again = StoredStamp.from_json(json.loads(json.dumps(stamp.as_json())))
    assert again == stamp
    assert StoredStamp.from_json({"token": base64.b64encode(b"x").decode()}) is None


def test_no_timestamp_request_leaves_without_consent(
    httpserver: HTTPServer, tsa: StandInTsa
) -> None:
    from footprint.log.tsa import consent_question, request_timestamp
    from footprint.model.consent import decide
    from footprint.net.client import ConsentViolation, HttpClient

    _add(1)
    url = _serve(httpserver, tsa)
    refused = decide(consent_question(url), False, granted_by="the doctor", how="test")
    with LogStore() as store, HttpClient(allow_loopback=True) as client:
        with pytest.raises(ConsentViolation):
            request_timestamp(store, client, url, refused)
        assert store.timestamps() == []
    assert not tsa.requests
