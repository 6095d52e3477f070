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

from footprint.errors import ReportError
from footprint.report import render
from footprint.report.model import Copy, Report
from footprint.report.render import (
    Format,
    load_report_json,
    md_escape,
    render_html,
    render_json,
    render_markdown,
    render_pdf,
    write_reports,
)
from footprint.report.view import safe_url
from footprint.vocab import Axis, Severity

HOSTILE = "<script>alert('x')</script>"  # as in the sample report (conftest.py)

SECTION_IDS = [
    "at-a-glance",
    "caveat",
    "findings",
    "action-plan",
    "since-last",
    "accepted",
    "response-plan",
    "not-checked",
    "lookups",
    "guidance",
]
MD_HEADINGS = [
    "## At a glance",
    "## What a patient could find",
    "## Your action plan",
    "## Since your last audit",
    "## Accepted findings",
    "## If a patient starts contacting you",
    "## What was not checked",
    "## Lookups and consent",
    "## Sources of guidance",
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


def test_markdown_mirrors_the_html_sections(report: Report) -> None:
    md = render_markdown(report)
    pos = _positions(md, MD_HEADINGS)
    assert pos == sorted(pos)


def test_active_response_plan_comes_first(make_report: Callable[..., Report]) -> None:
    r = make_report(active=True)
    html, md = render_html(r), render_markdown(r)
    assert html.index('id="response-plan"') < html.index('id="at-a-glance"')
    assert html.count('id="response-plan"') == 1
    assert "If a patient starts contacting you" not in html
    first = re.search(r'<p class="first">(.*?)</p>', html, re.S)
    assert first and "preserve evidence before deleting anything" in first.group(1)
    assert md.index("## If a patient is already contacting you") < md.index("## At a glance")
    assert "> **Do this first:** Keep every message" in md


def test_optional_sections_are_left_out(make_report: Callable[..., Report]) -> None:
    r = make_report(since_last=None, accepted=[])
    html, md = render_html(r), render_markdown(r)
    for text in (html, md):
        assert "Since your last audit" not in text
        assert "Accepted findings" not in text
    assert 'id="since-last"' not in html and 'id="accepted"' not in html


def test_findings_lookups_first_then_checklist_then_unsure(report: Report) -> None:
    section = _section(render_html(report), "findings")
    ids = re.findall(r'id="finding-([^"]+)"', section)
    assert ids == [
        "page-scan.home-address",
        "page-scan.personal-mobile",
        "facebook.lookup-by-phone",
        "home.electoral-register",
        "photos.exif",
        "strava.privacy-zones",
    ]
    assert "people-search.192" not in section  # couldn't check is not "found"
    unsure = section[section.index('id="finding-strava.privacy-zones"') :]
    assert "You weren't sure: check" in unsure
    assert "You weren't sure" not in section[: section.index('id="finding-strava')]


def test_finding_shows_search_evidence_and_steps(report: Report) -> None:
    card = _section(render_html(report), "findings").split("</article>")[0]
    assert "Found by searching for" in card and "&#34;Dr Alex Example&#34; Exampleton" in card
    assert "12 Fictional Lane, Exampleton EX1 2AB" in card
    assert '<a class="url" href="https://people.example.net/alex-example-exampleton"' in card
    assert "First step for page-scan.home-address." in card
    assert "MDU: Avoiding unwanted attention from patients" in card


def test_at_a_glance(report: Report) -> None:
    glance = _section(render_html(report), "at-a-glance")
    assert '<div class="num">41</div>' in glance
    for label in ("Findable", "Contactable", "Locatable", "Moderate", "High"):
        assert label in glance
    assert re.search(r'sev-critical">Critical</span> 1', glance)
    assert "Do these first" in glance and "about 20 min" in glance
    # 1 couldn't-check finding + 1 lookup; 2 questions
    assert "2 checks could not be made and 2 questions were not answered." in glance


def test_severity_badges_carry_words_not_only_colour(report: Report) -> None:
    badges = re.findall(r'<span class="badge sev-(\w+)">([^<]+)</span>', render_html(report))
    assert badges and all(word.lower() == sev for sev, word in badges)


def test_action_plan_is_a_grouped_checklist_with_times(report: Report) -> None:
    plan = _section(render_html(report), "action-plan")
    assert plan.count("☐") == 6  # exposed + unsure findings, not couldn't-check
    assert "Total time: about 1 h 10 min." in plan
    groups = re.findall(r"<h3>([^<]+) <small>\(about ([^)]+)\)</small></h3>", plan)
    assert groups[0] == ("Pages about you", "30 min")
    assert [g[0] for g in groups] == [
        "Pages about you",
        "Facebook",
        "Home address",
        "Strava",
        "Photos and location",
    ]
    md = render_markdown(report)
    assert md.count("- [ ] ") == 6


def test_since_last_uses_titles(report: Report) -> None:
    since = _section(render_html(report), "since-last")
    assert "Is your Instagram account public?" in since  # from SinceLast.titles
    assert "Your personal mobile is on a public page" in since  # from the findings
    assert "35" in since and "41" in since


def test_since_last_lists_what_was_not_checked_this_time(report: Report) -> None:
    since = _section(render_html(report), "since-last")
    assert "Not checked this time (2)" in since
    assert "<li>People can find you on X by your phone number</li>" in since  # title known
    assert "<li>strava.old-activities</li>" in since  # no title: the id, not nothing
    assert "may still be open" in since
    md = render_markdown(report)
    md_since = md[md.index("## Since your last audit") : md.index("## Accepted findings")]
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
    assert "Have you set up Google" in section and "Can people find you on X" in section


def test_nothing_to_report_still_does_not_claim_safety(make_report: Callable[..., Report]) -> None:
    r = make_report(findings=[], not_checked=[], unanswered=[])
    html = render_html(r)
    assert "Nothing exposed turned up in what this audit checked" in html
    assert 'id="not-checked-notice"' not in html
    assert "covers only what it asks about" in _section(html, "not-checked")


def test_lookups_and_consents(report: Report) -> None:
    section = _section(render_html(report), "lookups")
    assert "3 found, 4 not found, 1 couldn&#39;t check" in section
    assert "3.5 s" in section
    assert "member (verbal) (interactive prompt)" in section
    assert "Sam Adviser" in section and "21 November 2026, 14:05 UTC" in section
    assert "Refused" in section and "gravatar.com" in section
    # the consent record names the lookup as the table does, not by its id
    assert "<strong>Pages about you</strong>: " in section
    assert "- **Pages about you**: Agreed." in render_markdown(report)


def test_guidance_citations(report: Report) -> None:
    section = _section(render_html(report), "guidance")
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
    assert "Found by searching" not in html  # evidence is never printed in an adviser copy


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
    assert text.startswith('{\n  "schema_version": "1.0",')


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
    # Issue 8: a shared 1777 folder must keep its sticky bit; the files in it are 0600.
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
        render_pdf(report, tmp_path / "report.pdf")
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
    path = render_pdf(report, tmp_path / "report.pdf")
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
