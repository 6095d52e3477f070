"""Renderers: sections and their order, escaping, safe links, JSON round trip, files."""

from __future__ import annotations

import json
import re
import stat
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest

from footprint.audit.outputs import write_pdf, write_reports
from footprint.audit.stored import load_report_json
from footprint.errors import ReportError
from footprint.model.vocab import Axis, Severity
from footprint.report import render
from footprint.report.model import Copy, Report
from footprint.report.render import (
    Format,
    md_escape,
    render_html,
    render_json,
    render_markdown,
)
from footprint.report.view import safe_url

HOSTILE = "<script>alert('x')</script>"  # as in the sample report (conftest.py)

SECTION_IDS = [
    "where-you-stand",
    "first-actions",
    "plan",
    "since-last",
    "not-checked",
    "response-plan",
    "appendix",
    "evidence",
    "lookups",
    "consent",
    "guidance",
]
MD_HEADINGS = [
    "## Where you stand",
    "## Do these first",
    "## Your action plan",
    "## Since your last audit",
    "## What is still open",
    "## If a patient starts contacting you",
    "## Appendix: evidence, lookups and sources",
    "### Evidence",
    "### Lookups",
    "### Consent record",
    "### Sources of guidance",
]


def _positions(text: str, needles: list[str]) -> list[int]:
    found = [text.find(n) for n in needles]
    assert -1 not in found, [n for n, i in zip(needles, found, strict=True) if i == -1]
    return found


def _section(html: str, section_id: str) -> str:
    start = html.index(f'id="{section_id}"')
    end = html.find("</section>", start)
    return html[start:end]


# --- Format -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_has_a_renderer_and_a_file_name(fmt: Format) -> None:
    assert callable(fmt.renderer())
    assert fmt.filename == f"report.{fmt.value}"


def test_formats_map_to_distinct_renderers() -> None:
    renderers = {fmt: fmt.renderer() for fmt in Format}
    assert len(set(renderers.values())) == len(Format)
    assert renderers[Format.HTML] is render_html and renderers[Format.JSON] is render_json


# --- Sections and order -----------------------------------------------------------------------


def test_html_sections_in_order_when_plan_is_not_active(report: Report) -> None:
    html = render_html(report)
    pos = _positions(html, [f'id="{s}"' for s in SECTION_IDS])
    assert pos == sorted(pos)
    assert "If a patient starts contacting you" in html
    assert 'id="danger"' not in html


def test_markdown_mirrors_the_html_sections(report: Report) -> None:
    md = render_markdown(report)
    pos = _positions(md, MD_HEADINGS)
    assert pos == sorted(pos)


def test_active_response_plan_comes_first(make_report: Callable[..., Report]) -> None:
    r = make_report(active=True)
    html, md = render_html(r), render_markdown(r)
    order = ['id="danger"', 'id="where-you-stand"', 'id="first-actions"', 'id="response-plan"']
    pos = _positions(html, [*order, 'id="plan"'])
    assert pos == sorted(pos)
    assert html.count('id="response-plan"') == 1
    assert "If a patient starts contacting you" not in html
    danger = _section(html, "danger")
    assert "If you are in danger now, call 999." in danger
    assert "preserve evidence before deleting anything" in danger
    # the first three steps of the plan, in its order
    steps = _positions(
        danger, ["Call your defence union", "Tell your practice manager", "Keep a dated log"]
    )
    assert steps == sorted(steps)
    md_order = ["## A patient is contacting you: do this now", "## Where you stand"]
    assert _positions(md, md_order) == sorted(_positions(md, md_order))
    assert "> **If you are in danger now, call 999.**" in md


@pytest.mark.parametrize(("country", "number"), [("US", "911"), ("AU", "000"), ("IE", "112")])
def test_danger_box_uses_the_country_s_emergency_number(
    make_report: Callable[..., Report], report: Report, country: str, number: str
) -> None:
    subject = report.subject.model_copy(update={"jurisdiction": country})
    html = render_html(make_report(active=True).model_copy(update={"subject": subject}))
    assert f"call {number}" in _section(html, "danger")


def test_optional_sections_are_left_out(make_report: Callable[..., Report]) -> None:
    r = make_report(since_last=None, accepted=[])
    html, md = render_html(r), render_markdown(r)
    for text in (html, md):
        assert "Since your last audit" not in text
        assert "Accepted as they are" not in text
    assert 'id="since-last"' not in html


def test_plan_keeps_the_report_order_each_finding_once(report: Report) -> None:
    html = render_html(report)
    plan = _section(html, "plan")
    ids = re.findall(r'id="finding-([^"]+)"', plan)
    assert ids == [f.id for f in report.findings if f.status.value != "couldnt_check"]
    assert len(re.findall(r'id="finding-', html)) == len(ids)  # each finding once
    assert "people-search.192" not in plan  # couldn't check is not "found"
    unsure = plan[plan.index('id="finding-strava.privacy-zones"') :]
    assert "Not sure yet \u2014 check" in unsure
    assert "Not sure yet" not in plan[: plan.index('id="finding-strava')]


def test_do_these_first_is_the_start_of_the_plan(report: Report) -> None:
    html = render_html(report)
    first = _section(html, "first-actions")
    assert "Your home address is on a people-search site" in first and "action 1" in first
    assert "about 20 min" in first


def test_plan_item_is_compact_with_masked_evidence_and_an_appendix_entry(report: Report) -> None:
    html = render_html(report)
    item = _section(html, "plan").split('</li>\n<li class="item')[0]
    assert "Found:" in item and "<mark>12 Fictional Lane</mark>" in item
    assert "people.example.net/alex-example-exampleton" in item and "(E1)" in item
    assert "First step for page-scan.home-address." in item
    assert "Why page-scan.home-address matters." in item
    # the snippet, the search and the full link live in the appendix
    assert "12 Fictional Lane, Exampleton EX1 2AB" not in item
    evidence = html[html.index('id="ev-E1"') :]
    assert "found by searching for" in evidence[:600]
    assert "&#34;Dr Alex Example&#34; Exampleton" in evidence[:600]
    assert 'href="https://people.example.net/alex-example-exampleton"' in evidence[:600]


def test_where_you_stand(report: Report) -> None:
    stand = _section(render_html(report), "where-you-stand")
    assert "Where you stand: 41 out of 100" in stand
    assert '<div class="num">' not in stand  # not a big grade
    for label in ("Findable", "Contactable", "Locatable", "Moderate", "High"):
        assert label in stand
    assert "Checked so far:" in stand and 'class="bar"' in stand
    assert "1 critical" in stand


def test_no_score_says_what_is_open_and_what_to_do(
    make_report: Callable[..., Report], report: Report
) -> None:
    summary = report.summary.model_copy(
        update={
            "score": None,
            "coverage": 0.2,
            "checks": 60,
            "checks_open": 48,
            "critical_open": 3,
            "next_step": "48 of 60 checks still open: resume with `footprint audit --resume s1`.",
        }
    )
    r = make_report(findings=[]).model_copy(update={"summary": summary})
    html, md = render_html(r), render_markdown(r)
    for text in (html, md):
        assert "No score yet: 3 critical questions still open" in text
        assert "48 of 60 checks still open" in text and "--resume s1" in text
        assert "Checked so far: 20% of what applies to you (12 of 60 checks)." in text
        assert "good news" not in text.lower()
    assert "<code>footprint audit --resume s1</code>" in html
    assert "`footprint audit --resume s1`" in md


def test_severity_badges_carry_words_not_only_colour(report: Report) -> None:
    badges = re.findall(r'<span class="badge sev-(\w+)">([^<]+)</span>', render_html(report))
    assert badges and all(word.lower() == sev for sev, word in badges)


def test_action_plan_is_a_checklist_with_times_and_an_area_view(report: Report) -> None:
    plan = _section(render_html(report), "plan")
    assert plan.count("☐") == 6  # exposed + unsure findings, not couldn't-check
    assert "about 1 h 10 min in all" in plan
    assert "The same actions by area" in plan and "Pages about you: 1, 2" in plan
    md = render_markdown(report)
    assert md.count("### ☐ ") == 6


def test_since_last_uses_titles(report: Report) -> None:
    since = _section(render_html(report), "since-last")
    assert "Is your Instagram account public?" in since  # from SinceLast.titles
    assert "Your personal mobile is on a public page" in since  # from the findings
    assert "Score: 35 -&gt; 41" in since


def test_since_last_lists_what_was_not_checked_this_time(report: Report) -> None:
    since = _section(render_html(report), "since-last")
    assert "Not checked this time (2)" in since
    assert "<li>People can find you on X by your phone number</li>" in since  # title known
    assert "<li>strava.old-activities</li>" in since  # no title: the id, not nothing
    assert "may still be open" in since
    md = render_markdown(report)
    md_since = md[md.index("## Since your last audit") : md.index("## What is still open")]
    assert "Not checked this time (2)" in md_since
    assert "- People can find you on X by your phone number\n" in md_since
    assert "- strava.old-activities\n" in md_since


def test_since_last_leaves_out_not_checked_this_time_when_there_is_none(
    make_report: Callable[..., Report], report: Report
) -> None:
    assert report.since_last is not None
    r = make_report(since_last=report.since_last.model_copy(update={"not_rechecked": []}))
    assert "Not checked this time" not in render_html(r)
    assert "Not checked this time" not in render_markdown(r)


def test_not_checked_lists_everything_and_says_not_found_is_not_implied(report: Report) -> None:
    section = _section(render_html(report), "not-checked")
    assert "Not checked is not the same as not found." in section
    assert "192.com could not be checked" in section
    assert "rate-limited (429)" in section and "look at the first two pages" in section
    assert "Questions not answered (2)" in section
    # ready-made links to run the search yourself, with their labels
    assert (
        '<a href="https://duckduckgo.com/?q=%22Dr+Alex+Example%22+GP" rel="noreferrer">'
        "Search DuckDuckGo for &#34;Dr Alex Example&#34; GP</a>" in section
    )
    md = render_markdown(report)
    assert "Do it yourself: [Search DuckDuckGo for" in md
    assert "Your practice phone is on the team page" in section  # accepted, a short list


def test_nothing_to_report_still_does_not_claim_safety(make_report: Callable[..., Report]) -> None:
    r = make_report(findings=[], not_checked=[], unanswered=[])
    r = r.model_copy(update={"summary": r.summary.model_copy(update={"top_actions": []})})
    html = render_html(r)
    assert "good news" not in html.lower()  # coverage is not high in the sample summary
    assert "much of what applies is still open" in html


def test_lookups_and_consents(report: Report) -> None:
    html = render_html(report)
    section = _section(html, "appendix")
    assert "3 found, 4 not found, 1 could not check" in section
    assert "3.5 s" in section
    assert "member (verbal) (interactive prompt)" in section
    assert "Sam Adviser" in section and "21 November 2026, 14:05 UTC" in section
    assert "refused" in section and "gravatar.com" in section
    # the consent record names the lookup as the table does, not by its id
    assert "<strong>Pages about you</strong>: agreed" in section
    assert "- **Pages about you**: agreed" in render_markdown(report)


def test_guidance_citations(report: Report) -> None:
    section = _section(render_html(report), "appendix")
    assert "General Medical Council" in section and "(2024-01-30)" in section
    assert (
        'href="https://www.gmc-uk.org/professional-standards/good-medical-practice-2024"' in section
    )


def test_adviser_header_shows_case_and_adviser(report: Report) -> None:
    adviser = report.model_copy(update={"copy_kind": Copy.ADVISER})
    html, md = render_html(adviser), render_markdown(adviser)
    assert "Adviser copy \u2014 no personal identifiers" in html
    assert "> **Adviser copy \u2014 no personal identifiers**" in md
    assert "MDU-2026-0042" in html and "Adviser: Sam Adviser" in html
    assert "found by searching" not in html  # evidence is never printed in an adviser copy


# --- Escaping and links -----------------------------------------------------------------------


def test_html_escapes_hostile_strings_and_has_no_script(report: Report) -> None:
    html = render_html(report)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert not re.search(r"\son\w+\s*=", html)  # no event handlers


def test_unsafe_urls_are_not_linked(report: Report) -> None:
    html = render_html(report)
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith(("https://", "http://", "#")) for h in hrefs)
    assert "javascript:alert(1)" in html  # shown as text, so the reader still sees it
    md = render_markdown(report)
    assert "<javascript:" not in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md)


def test_markdown_has_no_raw_html_or_injected_links(report: Report) -> None:
    md = render_markdown(report)
    assert re.findall(r"(?<!\\)<(?!https?://)", md) == []
    assert "\\[click\\](javascript:alert(2))" in md


def test_html_is_self_contained_and_printable(report: Report) -> None:
    html = render_html(report)
    assert not re.search(r"""(src|href)=["']?(https?:)?//[^"']*\.(css|js|woff2?|png|jpg)""", html)
    assert "@import" not in html and "<link" not in html
    assert 'name="viewport"' in html and "@media print" in html and "break-inside: avoid" in html


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.gmc-uk.org/x?y=1#z", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html;base64,PHNjcmlwdD4=", False),
        ("vbscript:msgbox", False),
        ("file:///etc/passwd", False),
        ("//evil.example/x", False),
        ("https://", False),
        ('https://x.example/"onmouseover="x', False),
        ("https://x.example/a b", False),
        ("https://x.example/\nline", False),
        ("", False),
        (None, False),
    ],
)
def test_safe_url(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("1. Open settings", "1\\. Open settings"),
        ("- item", "\\- item"),
        ("# heading", "\\# heading"),
        ("> quote", "\\> quote"),
        ("Settings & privacy > Privacy", "Settings & privacy > Privacy"),
        ("3.5 s", "3.5 s"),
        ("a_b *c* [d](e)", "a\\_b \\*c\\* \\[d\\](e)"),
        ("one\ntwo\r\n# three", "one two # three"),
        (HOSTILE, "\\<script>alert('x')\\</script>"),
    ],
)
def test_md_escape(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


def test_one_environment_with_autoescape() -> None:
    env = render.environment()
    assert env is render.environment()
    assert env.autoescape("report.html") is True
    assert env.autoescape("report.md.j2") is False


# --- JSON -------------------------------------------------------------------------------------


def test_json_round_trip(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text(render_json(report), encoding="utf-8")
    assert load_report_json(path) == report


def test_json_shape(report: Report) -> None:
    text = render_json(report)
    data = json.loads(text)
    assert list(data)[:6] == [
        "schema_version",
        "generated_at",
        "tool_version",
        "copy",
        "session_id",
        "subject",
    ]
    assert "copy_kind" not in data and data["copy"] == "member"
    assert data["generated_at"] == "2026-11-21T14:05:00Z"
    assert text.startswith('{\n  "schema_version": "1.3",')
    assert data["summary"]["coverage"] == 0.72 and data["summary"]["score"] == 41


def test_json_maps_are_in_vocabulary_order(report: Report) -> None:
    summary = report.summary
    shuffled = summary.model_copy(
        update={
            "axes": dict(reversed(list(summary.axes.items()))),
            "counts": dict(reversed(list(summary.counts.items()))),
        }
    )
    data = json.loads(render_json(report.model_copy(update={"summary": shuffled})))
    assert list(data["summary"]["axes"]) == [a.value for a in Axis]
    assert list(data["summary"]["counts"]) == [s.value for s in Severity]
    assert render_json(report) == render_json(report.model_copy(update={"summary": shuffled}))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "file not found"),
        ("{not json", "not valid JSON at line 1, column 2"),
        ("[1, 2]", "not a footprint report"),
        ('{"schema_version": "9.0"}', "report schema 9.0 is not supported"),
    ],
)
def test_load_report_json_errors(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "report.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ReportError) as err:
        load_report_json(path)
    assert message in err.value.message and str(path) in err.value.message


def test_load_report_json_names_the_bad_field_without_echoing_values(
    report: Report, tmp_path: Path
) -> None:
    data = json.loads(render_json(report))
    data["summary"]["score"] = "07700 900123"
    path = tmp_path / "report.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ReportError) as err:
        load_report_json(path)
    assert "summary.score" in err.value.message
    assert "07700" not in err.value.message


# --- Files ------------------------------------------------------------------------------------


def test_write_reports_private_files(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "reports" / "2026-11-21-alex"
    paths = write_reports(report, out, [Format.HTML, Format.MARKDOWN, Format.JSON, Format.HTML])
    assert [p.name for p in paths] == ["report.html", "report.md", "report.json"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for p in paths:
        assert stat.S_IMODE(p.stat().st_mode) == 0o600
    assert load_report_json(out / "report.json") == report


def test_write_reports_leaves_an_existing_folder_alone(report: Report, tmp_path: Path) -> None:
    # A shared 1777 folder must keep its sticky bit; the files in it are 0600.
    out = tmp_path / "shared"
    out.mkdir()
    out.chmod(0o1777)
    (path,) = write_reports(report, out, [Format.JSON])
    assert stat.S_IMODE(out.stat().st_mode) == 0o1777
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_pdf_without_weasyprint_says_how_to_get_it(
    report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import now raises ImportError
    with pytest.raises(ReportError) as err:
        write_pdf(report, tmp_path / "report.pdf")
    assert err.value.hint and "pip install '.[pdf]'" in err.value.hint
    with pytest.raises(ReportError):
        write_reports(report, tmp_path / "out", [Format.HTML, Format.PDF])
    assert not (tmp_path / "out" / "report.html").exists()  # nothing half-written


def test_pdf_with_weasyprint_writes_a_private_file(
    report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    class FakeHTML:
        def __init__(self, string: str) -> None:
            seen.append(string)

        def write_pdf(self) -> bytes:
            return b"%PDF-1.7 fake"

    monkeypatch.setitem(sys.modules, "weasyprint", types.SimpleNamespace(HTML=FakeHTML))
    path = write_pdf(report, tmp_path / "report.pdf")
    assert path.read_bytes() == b"%PDF-1.7 fake"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert seen and seen[0] == render_html(report)


def test_write_reports_accepts_names_and_makes_every_new_folder_private(
    report: Report, tmp_path: Path
) -> None:
    out = tmp_path / "reports" / "case" / "adviser-copy"
    paths = write_reports(report, out, ["md", "HTML"])
    assert [p.name for p in paths] == ["report.md", "report.html"]
    for folder in (tmp_path / "reports", tmp_path / "reports" / "case", out):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_unknown_format_is_an_error(report: Report, tmp_path: Path) -> None:
    with pytest.raises(ReportError) as err:
        write_reports(report, tmp_path / "out", ["html", "docx"])
    assert "docx" in err.value.message and err.value.hint and "md" in err.value.hint
    assert not (tmp_path / "out").exists()
