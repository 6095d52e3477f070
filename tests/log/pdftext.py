"""Just enough PDF reading to get each page's text out of a PDF that Chromium printed.

Chromium (Skia) writes one content stream per page, Type0 fonts with Identity-H encoding and a
ToUnicode map each, and text as hex glyph strings in Tj/TJ. That is all this reads; it is a
test helper for "is the digest printed on every page", not a general PDF parser.
"""

from __future__ import annotations

import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def _objects(pdf: bytes) -> dict[int, bytes]:
    return {int(num): body for num, body in _OBJ.findall(pdf)}


_START = re.compile(rb"stream\r?\n")
_LENGTH = re.compile(rb"/Length (\d+)(?! \d+ R)")


def _stream(body: bytes) -> bytes:
    start = _START.search(body)
    if start is None:
        return b""
    header = body[: start.start()]
    length = _LENGTH.search(header)
    if length is not None:  # exact: compressed data may itself end in a CR or LF byte
        data = body[start.end() : start.end() + int(length.group(1))]
    else:
        match = _STREAM.search(body)
        data = match.group(1) if match else b""
    return zlib.decompress(data) if b"/FlateDecode" in header else data


def _cmap(data: bytes) -> dict[bytes, str]:
    """glyph hex (upper case) -> text, from a ToUnicode CMap's bfchar and bfrange blocks."""
    table: dict[bytes, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[src.upper()] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            start, width = int(lo, 16), len(lo)
            first = int(dst, 16)
            for i in range(int(hi, 16) - start + 1):
                key = f"{start + i:0{width}X}".encode()
                table[key] = chr(first + i)
    return table


def page_texts(pdf: bytes) -> list[str]:
    """The text drawn on each page, in page order."""
    objects = _objects(pdf)
    kids = re.search(rb"/Type /Pages.*?/Kids \[([^\]]*)\]", pdf, re.S)
    assert kids is not None, "no page tree"
    texts = []
    for page_ref in re.findall(rb"(\d+) 0 R", kids.group(1)):
        page = objects[int(page_ref)]
        fonts: dict[bytes, dict[bytes, str]] = {}
        for name, ref in re.findall(rb"/(F\d+) (\d+) 0 R", page):
            to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", objects[int(ref)])
            if to_unicode:
                fonts[name] = _cmap(_stream(objects[int(to_unicode.group(1))]))
        contents = re.search(rb"/Contents (\d+) 0 R", page)
        assert contents is not None
        stream = _stream(objects[int(contents.group(1))])
        out: list[str] = []
        cmap: dict[bytes, str] = {}
        for token in re.finditer(rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]*)>|(T\*|Td|TD|Tm|ET)", stream):
            if token.group(1):
                cmap = fonts.get(token.group(1), {})
            elif token.group(3):
                out.append("\n")
            else:
                hexes = token.group(2).upper()
                out.extend(cmap.get(hexes[i : i + 4], "?") for i in range(0, len(hexes), 4))
        texts.append("".join(out))
    return texts
