"""The masked copy: values masked field by field, never a key or the structure."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from footprint.audit.stored import load_copy, lookup_titles
from footprint.errors import ReportError
from footprint.model.profile import Profile
from footprint.report.adviser import adviser_copy
from footprint.report.adviser_render import render_adviser_json
from footprint.report.model import Copy, Evidence, ManualLink, NotChecked, Report, ResponsePlanStep
from footprint.report.redact import to_copy
from footprint.report.render import Format, render_json

RENDERERS = {fmt: fmt.renderer() for fmt in Format if fmt is not Format.PDF}
D = "\u2022"


def test_masked_copy_masks_values_but_keeps_shape(report: Report, profile: Profile) -> None:
    masked = to_copy(report, Copy.MASKED, profile)
    assert masked.copy_kind is Copy.MASKED
    assert masked.subject.name == "Dr A. E."
    mobile = next(f for f in masked.findings if f.id == "page-scan.personal-mobile")
    assert len(mobile.evidence) == 2
    assert mobile.evidence[0].matched == f"07700 9{D * 5}"
    assert mobile.evidence[1].matched == "a***@gmail.com"
    assert "07700 900123" not in (mobile.evidence[0].snippet or "")
    home = next(f for f in masked.findings if f.id == "page-scan.home-address")
    assert f"EX1 {D * 3}" in (home.evidence[0].snippet or "")
    assert "Dr Alex Example" not in masked.lookups[0].errors[0]
    assert "Alex Example" not in masked.consents[0].sentence
    assert "Dr Alex Example" not in masked.not_checked[0].title
    for fmt, render in RENDERERS.items():
        text = str(render(masked)).lower()
        for value in profile.private_values():
            assert value.lower() not in text, (fmt, value)


def test_masked_copy_keeps_the_doctors_own_search_links_whole(
    report: Report, profile: Profile
) -> None:
    link = ManualLink(
        label='Search Google for "Dr Alex Example"',
        url="https://www.google.com/search?q=Dr+Alex+Example",
    )
    entry = NotChecked(id="search:1", title="Web search", reason="skipped", how_to_check="x")
    entry = entry.model_copy(update={"links": [link]})
    masked = to_copy(report.model_copy(update={"not_checked": [entry]}), Copy.MASKED, profile)
    (out,) = masked.not_checked[0].links
    # The doctor's own search of their public name: masked, it opened a search for nothing.
    assert out == link


def test_masked_copy_leaves_text_we_wrote_alone(
    make_report: Callable[..., Report], profile: Profile
) -> None:
    r = make_report()
    helpline = ResponsePlanStep(title="Call the helpline", detail="Ring 0808 802 0300.")
    plan = r.response_plan.model_copy(update={"steps": [*r.response_plan.steps, helpline]})
    masked = to_copy(r.model_copy(update={"response_plan": plan}), Copy.MASKED, profile)
    assert masked.response_plan == plan
    assert masked.guidance == r.guidance
    assert masked.summary == r.summary
    assert [f.steps for f in masked.findings] == [f.steps for f in r.findings]


def test_member_copy_is_the_report_itself(report: Report, profile: Profile) -> None:
    assert to_copy(report, Copy.MEMBER, profile) is report


def test_a_masked_copy_cannot_be_unmasked(report: Report, profile: Profile) -> None:
    masked = to_copy(report, Copy.MASKED, profile)
    with pytest.raises(ReportError, match="cannot be turned into"):
        to_copy(masked, Copy.MEMBER, profile)
    old_adviser = report.model_copy(update={"copy_kind": Copy.ADVISER})
    with pytest.raises(ReportError, match="cannot be turned into"):
        to_copy(old_adviser, Copy.MASKED, profile)


def test_the_adviser_copy_is_not_made_here(report: Report) -> None:
    with pytest.raises(ValueError, match="adviser_copy"):
        to_copy(report, Copy.ADVISER)


def test_making_the_masked_copy_twice_changes_nothing(report: Report, profile: Profile) -> None:
    once = to_copy(report, Copy.MASKED, profile)
    assert to_copy(once, Copy.MASKED, profile) == once


def test_where_something_was_found_stays_readable(
    make_report: Callable[..., Report], profile: Profile
) -> None:
    # Evidence can match a site or platform name; only personal-looking values are masked.
    r = make_report()
    site = r.findings[0].model_copy(
        update={
            "id": "web-search.social.instagram",
            "title": "Your personal profile appears when someone searches your name: Instagram",
            "evidence": [Evidence(url="https://www.instagram.com/x", matched="Instagram")],
        }
    )
    masked = to_copy(r.model_copy(update={"findings": [site]}), Copy.MASKED, profile)
    assert masked.findings[0].title.endswith(": Instagram")
    assert masked.findings[0].evidence[0].matched == "Instagram"


def test_masked_copy_keeps_ids_as_they_are(report: Report, profile: Profile) -> None:
    # A finding id may carry a username (lookup keys); masking it would break `footprint diff`.
    named = "username.alexexample-demo"
    first = report.findings[0].model_copy(update={"id": named})
    assert report.since_last is not None
    since = report.since_last.model_copy(update={"not_rechecked": [named]})
    r = report.model_copy(
        update={
            "findings": [first, *report.findings[1:]],
            "since_last": since,
            "answered": [named, "photos.exif"],
        }
    )
    masked = to_copy(r, Copy.MASKED, profile)
    assert [f.id for f in masked.findings] == [f.id for f in r.findings]
    assert masked.since_last == r.since_last
    assert masked.answered == [named, "photos.exif"]


# Names equal to field names of the report model crashed every copy: the old scrubber rewrote
# JSON keys too ("case" -> "C.", then "Extra inputs are not permitted").
FIELD_NAMES = ["Case", "First", "Reason", "New", "Page", "Title", "Id", "Summary", "Steps"]


@pytest.mark.parametrize("part", FIELD_NAMES)
@pytest.mark.parametrize("fmt", list(RENDERERS))
def test_a_name_that_is_a_field_name_renders_every_copy(
    part: str, fmt: Format, report: Report, profile: Profile
) -> None:
    named = profile.model_copy(update={"name": f"Sarah {part}", "variants": [f"S. {part}"]})
    r = report.model_copy(
        update={"subject": report.subject.model_copy(update={"name": f"Dr Sarah {part}"})}
    )
    for copy in (Copy.MEMBER, Copy.MASKED):
        out = to_copy(r, copy, named)
        assert str(RENDERERS[fmt](out))
        assert out.model_dump().keys() == r.model_dump().keys()


def test_a_common_word_name_leaves_ordinary_words_readable(
    report: Report, profile: Profile
) -> None:
    will_page = profile.model_copy(update={"name": "Will Page", "variants": []})
    masked = to_copy(report, Copy.MASKED, will_page)
    text = RENDERERS[Format.MARKDOWN](masked)
    member = RENDERERS[Format.MARKDOWN](report)
    assert text.lower().count("page") == member.lower().count("page")
    assert "[name]" not in text


def _file(tmp_path: Path, report: Report) -> str:
    path = tmp_path / "report.json"
    path.write_text(render_json(report))
    return str(path)


def test_load_copy_gives_each_copy_of_a_member_file(
    tmp_path: Path, report: Report, profile: Profile
) -> None:
    source = _file(tmp_path, report)
    assert load_copy(source, Copy.MEMBER) == report
    masked = load_copy(source, None)
    assert isinstance(masked, Report) and masked.copy_kind is Copy.MASKED
    assert load_copy(source, Copy.ADVISER) == adviser_copy(report, lookup_titles())


def test_load_copy_of_an_adviser_file(tmp_path: Path, report: Report) -> None:
    older = _file(tmp_path, report.model_copy(update={"copy_kind": Copy.ADVISER}))
    assert load_copy(older, None) == adviser_copy(report, lookup_titles())  # the copy it is
    with pytest.raises(ReportError, match="member copy cannot be rebuilt"):
        load_copy(older, Copy.MEMBER)
    newer = tmp_path / "adviser.json"
    newer.write_text(render_adviser_json(adviser_copy(report, lookup_titles())))
    assert load_copy(str(newer), Copy.ADVISER) == adviser_copy(report, lookup_titles())
    assert load_copy(str(newer), None) == adviser_copy(report, lookup_titles())
    with pytest.raises(ReportError, match="adviser copy; the full member copy"):
        load_copy(str(newer), Copy.MEMBER)
