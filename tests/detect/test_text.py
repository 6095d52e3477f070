"""Page parsing: visible text only, blocks on their own lines, links with context."""

from __future__ import annotations

import pytest

from footprint.detect.context import snippet
from footprint.detect.pipeline import detect_html
from footprint.detect.text import parse_page, strip_controls


def test_visible_text_skips_script_style_and_comments() -> None:
    page = parse_page(
        "<html><head><title>T</title><style>.a{color:red}</style></head><body>"
        "<p>Hello <b>there</b></p><script>var secret = 1;</script><!-- hidden -->"
        "<template><p>later</p></template><noscript>no js</noscript><p>World</p></body></html>"
    )
    assert page.title == "T"
    assert page.text.split() == ["Hello", "there", "World"]
    assert "Hello there" in page.text


def test_blocks_and_cells_are_separate_lines() -> None:
    page = parse_page("<table><tr><td>2019</td><td>12</td></tr></table><div>a</div><div>b</div>")
    lines = [line for line in page.text.splitlines() if line.strip()]
    assert lines == ["2019", "12", "a", "b"]


def test_links_are_absolute_with_context() -> None:
    page = parse_page(
        '<nav><a href="/team">Team</a></nav><p>Call <a href="tel:+441134960000">us</a> today</p>',
        url="https://practice.example/index.html",
    )
    assert [link.href for link in page.links] == [
        "https://practice.example/team",
        "tel:+441134960000",
    ]
    assert page.links[1].text == "us"
    assert "Call us today" in page.links[1].context


def test_markup_extraction() -> None:
    page = parse_page(
        '<head><script type="application/ld+json">{"@type":"Person"}</script></head>'
        '<body><span data-cfemail="0011">x</span>'
        '<div itemscope itemtype="http://schema.org/Person"><b itemprop="name">A</b></div></body>'
    )
    assert page.json_ld == ('{"@type":"Person"}',)
    assert page.cf_emails[0][0] == "0011"
    assert page.microdata[0].types == ("Person",)
    assert page.microdata[0].props == {"name": ["A"]}


def test_deep_nesting_does_not_overflow() -> None:
    html = "<div>" * 5000 + "07700 900123" + "</div>" * 5000
    assert "07700 900123" in parse_page(html).text


def test_bytes_with_declared_charset() -> None:
    page = parse_page("<meta charset='iso-8859-1'><p>Café</p>".encode("iso-8859-1"))
    assert "Café" in page.text


def test_snippet_stays_short() -> None:
    text = "x" * 300 + " 07700 900123 " + "y" * 300
    cut = snippet(text, 301, 313)
    assert "07700 900123" in cut
    assert len(cut) <= 82
    assert cut.startswith("…") and cut.endswith("…")
    assert snippet("a b", 0, 1) == "a b"


# -- hidden characters and terminal controls: a page must not hide a detail or drive the terminal --

ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


@pytest.mark.parametrize("zw", ZERO_WIDTH, ids=[f"U+{ord(c):04X}" for c in ZERO_WIDTH])
@pytest.mark.parametrize(
    ("html", "kind", "normalized"),
    [
        ("<p>Mobile 0770{zw}0 900{zw}123</p>", "phone", "+447700900123"),
        ('<p><a href="tel:0770{zw}0900123">call</a></p>', "phone", "+447700900123"),
        ("<p>Write to alex{zw}.home@exam{zw}ple.org</p>", "email", "alex.home@example.org"),
        ('<a href="mailto:alex.ho{zw}me@example.org">mail</a>', "email", "alex.home@example.org"),
        ("<address>12 Fictional Lane, Leeds LS1{zw} 4AP</address>", "postcode", "LS1 4AP"),
        (
            '<script type="application/ld+json">{{"@type": "Person", '
            '"telephone": "07700 9{zw}00123"}}</script>',
            "phone",
            "+447700900123",
        ),
        (
            '<div itemscope itemtype="https://schema.org/Person">'
            '<span itemprop="email">a.b{zw}@example.org</span></div>',
            "email",
            "a.b@example.org",
        ),
    ],
    ids=["phone-text", "phone-tel", "email-text", "email-mailto", "postcode", "jsonld", "micro"],
)
def test_zero_width_characters_cannot_hide_a_detail(
    html: str, kind: str, normalized: str, zw: str
) -> None:
    found = {(str(c.kind), c.normalized) for c in detect_html(html.format(zw=zw))}
    assert (kind, normalized) in found
    # The value shown is what a reader sees: no invisible characters left in it.
    assert all(zw not in c.value for c in detect_html(html.format(zw=zw)))


@pytest.mark.parametrize(
    "hostile",
    [
        "\x1b[2J\x1b[H",  # clear the screen, cursor home
        "\x1b]0;owned\x07",  # set the window title (OSC, BEL-terminated)
        "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",  # OSC 8 hyperlink
        "\x9b31m",  # 8-bit CSI
        "\x07\x08\x0b\x0c\x7f\x85",  # bell, backspace, other C0/C1 controls
    ],
    ids=["csi", "osc-title", "osc-link", "c1-csi", "c0-c1"],
)
def test_terminal_controls_are_stripped_from_page_text(hostile: str) -> None:
    html = f"<title>T{hostile}</title><p>Call {hostile} 07700 900123 {hostile} now</p>"
    page = parse_page(html)
    for text in (page.text, page.title):
        assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in text)
        assert not any(0x7F <= ord(ch) <= 0x9F for ch in text)
    assert "+447700900123" in {c.normalized for c in detect_html(html)}


def test_strip_controls_keeps_ordinary_text() -> None:
    assert strip_controls("Dr A. Example – 07700 900123\tline\n") == (
        "Dr A. Example – 07700 900123\tline\n"
    )
    assert strip_controls("a\x1b[31mb\x1b[0mc") == "abc"


def test_microdata_nested_thousands_deep_is_read_without_recursion_error() -> None:
    deep = '<div itemscope itemprop="x" itemtype="https://schema.org/Person">' * 3000
    html = f"<body><div itemscope>{deep}07700 900123{'</div>' * 3001}</body>"
    assert "+447700900123" in {c.normalized for c in detect_html(html)}
