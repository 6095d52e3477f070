"""Reading a response body safely for `footprint.net.client`: size cap, decompression, text decoding.

The size cap applies to the DECODED bytes, so a small gzip "bomb" that expands to gigabytes is
stopped at the cap, and it is counted while streaming, so a missing or lying Content-Length
changes nothing.
"""

from __future__ import annotations

import codecs
import email.utils
import re
import zlib
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any

CHUNK = 64 * 1024


class BodyTooLarge(Exception):
    """The decoded body passed the size cap."""


class BadEncoding(Exception):
    """The Content-Encoding is unsupported or the compressed data is corrupt."""


class _Decoder:
    """Streaming gzip/deflate decoder that never produces more than it is asked for."""

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._d: Any = None
        if encoding in ("gzip", "x-gzip"):
            self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def feed(self, data: bytes, room: int) -> bytes:
        """Decode `data`; returns at most `room + 1` bytes (one more means: over the cap)."""
        if self._encoding in ("", "identity"):
            return data
        if self._d is None:  # deflate: a zlib stream, or raw deflate from some servers
            looks_zlib = (
                len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            )
            self._d = zlib.decompressobj(zlib.MAX_WBITS if looks_zlib else -zlib.MAX_WBITS)
        try:
            out: bytes = self._d.decompress(data, room + 1)
        except zlib.error as e:
            raise BadEncoding("corrupt compressed data") from e
        return out  # longer than `room` only when input is left over: the caller stops

    def flush(self, room: int) -> bytes:
        if self._d is None:
            return b""
        try:
            out: bytes = self._d.flush(room + 1)
        except zlib.error as e:
            raise BadEncoding("corrupt compressed data") from e
        return out


def make_decoder(content_encoding: str) -> _Decoder:
    """A decoder for the Content-Encoding header value; raises BadEncoding if unsupported."""
    parts = [p.strip().lower() for p in content_encoding.split(",") if p.strip()]
    parts = [p for p in parts if p != "identity"]
    if not parts:
        return _Decoder("")
    if len(parts) > 1 or parts[0] not in ("gzip", "x-gzip", "deflate"):
        raise BadEncoding(f"unsupported compression {content_encoding[:30]!r}")
    return _Decoder(parts[0])


def read_capped(
    read: Callable[[int], bytes],
    content_encoding: str,
    max_bytes: int,
    expired: Callable[[], bool],
) -> bytes:
    """Read and decode a body with `read(n)` until EOF; raise BodyTooLarge past `max_bytes`.

    `expired()` is checked after every chunk so a slow drip stops at the deadline.
    """
    decoder = make_decoder(content_encoding)
    parts: list[bytes] = []
    total = 0
    while True:
        if expired():
            raise TimeoutError("deadline passed")
        data = read(CHUNK)
        if not data:
            break
        out = decoder.feed(data, max_bytes - total)
        total += len(out)
        if total > max_bytes:
            raise BodyTooLarge()
        parts.append(out)
    tail = decoder.flush(max_bytes - total)
    total += len(tail)
    if total > max_bytes:
        raise BodyTooLarge()
    parts.append(tail)
    return b"".join(parts)


def media_type(content_type: str) -> str:
    """'text/html; charset=utf-8' -> 'text/html'."""
    return content_type.split(";", 1)[0].strip().lower()


def accepts(accept: tuple[str, ...], content_type: str) -> bool:
    """Whether `content_type` matches one of `accept` ('*/*' and 'type/*' allowed)."""
    actual = media_type(content_type)
    for wanted in accept:
        wanted = media_type(wanted)
        if wanted in ("*/*", actual):
            return True
        if wanted.endswith("/*") and actual.startswith(wanted[:-1]):
            return True
        if wanted.endswith("+json") and actual == "application/json":
            return True
    return False


_CHARSET_PARAM = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:\-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9._:\-]+)", re.I)


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None  # a charset Python does not know: decode_text falls back to UTF-8/cp1252


def decode_text(body: bytes, headers: Mapping[str, str]) -> str:
    """Decode to text without ever raising: declared charset, then <meta>, then UTF-8/cp1252.

    Invalid bytes become U+FFFD: a hostile or broken page must not crash the audit.
    """
    name: str | None = None
    declared = _CHARSET_PARAM.search(headers.get("content-type", ""))
    if declared is not None:
        name = declared.group(1)
    else:
        meta = _META_CHARSET.search(body[:4096])
        name = meta.group(1).decode("ascii", "replace") if meta else None
    codec = _codec(name) if name else None
    if codec is not None:
        return body.decode(codec, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
