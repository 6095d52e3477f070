"""Page parsing: visible text only, blocks on their own lines, links with context."""

from __future__ import annotations

from footprint.detect.interface import snippet
from footprint.detect.text import parse_page


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
