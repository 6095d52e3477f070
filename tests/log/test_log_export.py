"""The export: JSON that verifies anywhere, CSV a spreadsheet opens safely, self-contained HTML."""

from __future__ import annotations

import csv
import io
import json
import stat
import sys
from pathlib import Path

import pytest
from tests.log.conftest import MakeFields

from footprint.log.database import LogStore
from footprint.log.errors import LogError, LogInputError
from footprint.log.export import (
    DoctorDetails,
    build,
    parse_formats,
    spreadsheet_safe,
    to_csv,
    write_export,
)
from footprint.log.exportcheck import verify_export
from footprint.log.models import Channel


@pytest.fixture
def filled(store: LogStore, make_fields: MakeFields, screenshot_file: Path) -> LogStore:
    store.add(
        make_fields(when="2026-11-02T09:00:00+00:00", what="A card: <script>alert(1)</script>")
    )
    store.add(
        make_fields(
            when="2026-11-10T20:15:00+00:00", channel=Channel.SOCIAL, what='=HYPERLINK("x")'
        ),
        [screenshot_file],
    )
    store.add(
        make_fields(
            when="2026-11-12", channel=Channel.CALL, what="+44 number rang twice", witnesses=[]
        )
    )
    store.add(make_fields(when="2026-11-01T09:00:00+00:00", corrects=1, reason="Wrong day"))
    return store


def test_exported_json_verifies_and_one_changed_byte_names_the_entry(
    filled: LogStore, tmp_path: Path
) -> None:
    write_export(filled, tmp_path / "out", ["json"])
    path = tmp_path / "out" / "contact-log.json"
    result = verify_export(path)
    assert result.ok and result.entries == 4 and result.files_checked == 1
    assert json.loads(path.read_text())["chain"]["final_digest"] == filled.verify().head

    text = path.read_text()
    path.write_text(text.replace("rang twice", "rang twicE"))
    problem = verify_export(path).problem
    assert problem is not None and problem.seq == 3 and "content has changed" in problem.reason


def test_an_exported_file_changed_beside_the_json_names_its_entry(
    filled: LogStore, tmp_path: Path
) -> None:
    paths = write_export(filled, tmp_path, ["json"])
    (kept,) = [p for p in paths if p.parent.name == "attachments"]
    kept.write_bytes(kept.read_bytes() + b"\0")
    problem = verify_export(tmp_path / "contact-log.json").problem
    assert problem is not None and problem.seq == 2
    kept.unlink()  # removed from the attachments folder the export wrote: missing
    problem = verify_export(tmp_path / "contact-log.json").problem
    assert problem is not None and problem.seq == 2 and "changed or is missing" in problem.reason
    kept.parent.rmdir()  # the JSON handed over alone: its files are not checked, not "changed"
    result = verify_export(tmp_path / "contact-log.json")
    assert result.ok and result.files_not_checked == 1


def test_a_changed_final_digest_in_the_file_is_caught(filled: LogStore, tmp_path: Path) -> None:
    write_export(filled, tmp_path, ["json"])
    path = tmp_path / "contact-log.json"
    data = json.loads(path.read_text())
    data["chain"]["final_digest"] = "f" * 64
    path.write_text(json.dumps(data))
    problem = verify_export(path).problem
    assert problem is not None and problem.seq is None and "final digest" in problem.reason


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ('{"format": "footprint-contact-log", "entries": [', "not valid JSON at line 1"),
        ("{not json", "not a footprint contact-log export"),
        ("profile:\n  name: Dr Alex Example\n", "not a footprint contact-log export"),
        ('{"format": "other"}', "not a footprint contact-log export"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(tmp_path: Path, content: str, says: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(content)
    with pytest.raises(LogInputError, match=says):
        verify_export(path)


def test_csv_opens_cleanly_and_formulas_are_never_run(filled: LogStore) -> None:
    text = to_csv(build(filled))
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][0] == "Entry" and len(rows) == 5
    assert [r[0] for r in rows[1:]] == ["4", "1", "2", "3"]  # by time of contact
    what = {r[0]: r[4] for r in rows[1:]}
    assert what["2"] == '\'=HYPERLINK("x")' and what["3"] == "'+44 number rang twice"
    head = filled.verify().head
    assert all(r[-1] == head for r in rows[1:])
    assert rows[2][10] == "4"  # entry 1 is corrected by entry 4


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_spreadsheet_safe_quotes_formula_starts(value: str) -> None:
    assert spreadsheet_safe(value) == "'" + value
    assert spreadsheet_safe("A normal note") == "A normal note"


def test_summary_counts_each_contact_once(filled: LogStore) -> None:
    s = build(filled).summary
    assert (s.contacts, s.entries, s.corrections) == (3, 4, 1)
    assert s.first == "01/11/2026 09:00" and s.last == "12/11/2026"
    assert dict(s.by_channel) == {
        "Letter or card": 1,
        "Social media": 1,
        "Phone call or voicemail": 1,
    }
    assert sum(n for _, n in s.weeks) == 3 and s.weeks[0][0].weekday() == 0


def test_html_is_self_contained_escaped_and_embeds_images(filled: LogStore, tmp_path: Path) -> None:
    write_export(filled, tmp_path, ["html"], DoctorDetails(name="Dr Alex Example <b>"))
    html = (tmp_path / "contact-log.html").read_text()
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Dr Alex Example &lt;b&gt;" in html
    assert (
        'src="data:image/png;base64,' in html and "http://" not in html and "https://" not in html
    )
    assert html.count(filled.verify().head) >= 3  # header, print footer, end of page
    assert "Corrects entry 1" in html and "Corrected by entry 4" in html


def test_export_files_are_owner_only(filled: LogStore, tmp_path: Path) -> None:
    paths = write_export(filled, tmp_path / "new" / "out", parse_formats("html,json,csv"))
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in [
        tmp_path / "new",
        tmp_path / "new" / "out",
        tmp_path / "new" / "out" / "attachments",
    ]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_pdf_without_weasyprint_says_how_to_get_one(
    filled: LogStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails as if not installed
    with pytest.raises(LogError) as caught:
        write_export(filled, tmp_path / "out", ["html", "pdf"])
    assert "print it to PDF" in (caught.value.hint or "")
    assert not (tmp_path / "out").exists()  # nothing half written


def test_unknown_format_is_refused() -> None:
    with pytest.raises(LogInputError, match="Unknown export format 'docx'"):
        parse_formats("html,docx")


def test_pdf_goes_through_weasyprint_with_the_digest_in_the_page_footer(
    filled: LogStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[str] = []

    class FakeHTML:  # stands in for weasyprint.HTML: records what it was asked to print
        def __init__(self, string: str) -> None:
            printed.append(string)

        def write_pdf(self) -> bytes:
            return b"%PDF-1.7 fake"

    monkeypatch.setitem(sys.modules, "weasyprint", type(sys)("weasyprint"))
    monkeypatch.setattr(sys.modules["weasyprint"], "HTML", FakeHTML, raising=False)
    (pdf,) = write_export(filled, tmp_path, ["pdf"])[:1]
    assert pdf.name == "contact-log.pdf" and pdf.read_bytes() == b"%PDF-1.7 fake"
    head = filled.verify().head
    assert f'@bottom-center {{ content: "Contact log final digest (SHA-256): {head}"' in printed[0]
