"""`footprint plan` end to end on a stored offline audit: list, mark, deadlines, drafts, calendar."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar
from tests.auditrun import footprint
from tests.plan.conftest import ANSWERS, offline_audit

from footprint.plan.deadlines import due_date


def plan_json(*args: str) -> dict[str, Any]:
    run = footprint("plan", *args, "--format", "json")
    assert run.code == 0, run.stderr
    return dict(json.loads(run.stdout))


def action_for(finding_id: str, session: str | None = None) -> dict[str, Any]:
    actions = plan_json(*([session] if session else []))["actions"]
    return next(a for a in actions if a["finding_id"] == finding_id)


def test_the_plan_lists_every_open_finding_as_an_action_to_do(audited: str) -> None:
    listed = plan_json()
    assert listed["session_id"] == audited
    actions = listed["actions"]
    assert {a["finding_id"] for a in actions} >= {
        "address.open-register",
        "facebook.search-engines",
    }
    assert {a["status"] for a in actions} == {"todo"}
    assert len({a["id"] for a in actions}) == len(actions)
    for field in ("id", "finding_id", "title", "status", "request", "sent_on", "due"):
        assert all(field in a for a in actions), field
    register = action_for("address.open-register")
    assert register["request"]["kind"]
    # The same plan, named by its session.
    assert plan_json(audited)["actions"] == actions


def test_done_sent_and_reply_change_the_status_and_the_deadline(audited: str) -> None:
    engines = action_for("facebook.search-engines")["id"]
    register = action_for("address.open-register")["id"]
    assert footprint("plan", "done", engines).code == 0
    assert action_for("facebook.search-engines")["status"] == "done"

    run = footprint("plan", "sent", register, "--on", "2026-01-31")
    assert run.code == 0, run.stderr
    sent = action_for("address.open-register")
    # One month on is Saturday 28 February 2026: the answer is due on the Monday.
    assert (sent["status"], sent["sent_on"], sent["due"]) == ("sent", "2026-01-31", "2026-03-02")
    assert "02 March 2026" in run.stdout

    footprint("plan", "reply", register, "--outcome", "refused")
    assert action_for("address.open-register")["status"] == "waiting"
    footprint("plan", "reply", register, "--outcome", "removed")
    replied = action_for("address.open-register")
    assert (replied["status"], replied["reply"]) == ("done", "removed")


def test_an_unknown_action_or_date_is_refused_with_a_way_on(audited: str) -> None:
    run = footprint("plan", "done", "999")
    assert run.code == 2 and "no action 999" in run.stderr and "footprint plan" in run.stderr
    run = footprint("plan", "sent", "1", "--on", "last tuesday")
    assert run.code == 2 and "YYYY-MM-DD" in run.stderr


def test_a_sent_or_reply_date_after_today_is_refused(audited: str) -> None:
    # A typed year (2062 for 2026) would push the deadline decades away, and `plan due` would
    # never list the request; the browser page refuses such a day too.
    register = action_for("address.open-register")["id"]
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    run = footprint("plan", "sent", register, "--on", tomorrow)
    assert run.code == 2 and "later than today" in run.stderr
    assert action_for("address.open-register")["sent_on"] is None
    footprint("plan", "sent", register)
    run = footprint("plan", "reply", register, "--outcome", "removed", "--on", tomorrow)
    assert run.code == 2 and "later than today" in run.stderr
    assert action_for("address.open-register")["status"] == "sent"


def test_a_request_sent_40_days_ago_is_due_with_a_reminder(audited: str, tmp_path: Path) -> None:
    register = action_for("address.open-register")["id"]
    sent_on = date.today() - timedelta(days=40)
    footprint("plan", "sent", register, "--on", sent_on.isoformat())
    out = tmp_path / "due"
    run = footprint("plan", "due", "--format", "json", "--out", out)
    assert run.code == 0, run.stderr
    (listed,) = json.loads(run.stdout)["due"]
    assert listed["id"] == register and listed["stage"] == "overdue"
    assert listed["due"] == due_date(sent_on, "GB", None).isoformat()  # a weekend: the Monday
    assert listed["complaint_pack"] is None
    assert sorted(Path(p).suffix for p in listed["reminder"]) == [".eml", ".html", ".txt"]
    assert all(Path(p).is_file() for p in listed["reminder"])


def test_after_the_reminder_s_time_a_complaint_pack_is_written(
    audited: str, tmp_path: Path
) -> None:
    register = action_for("address.open-register")["id"]
    footprint("plan", "sent", register, "--on", (date.today() - timedelta(days=75)).isoformat())
    run = footprint("plan", "due", "--format", "json", "--out", tmp_path / "due")
    (listed,) = json.loads(run.stdout)["due"]
    assert listed["stage"] == "complaint"
    pack = Path(listed["complaint_pack"])
    names = {p.name for p in pack.iterdir()}
    assert {
        "timeline.txt",
        "timeline.html",
        "request.txt",
        "reminder.txt",
        "complaint.eml",
    } <= names
    timeline = (pack / "timeline.txt").read_text()
    assert "Request sent" in timeline and "regulator" in timeline
    # electoral law sets no answer period (councils set their own): never "the law requires"
    assert "The answer was due" in timeline and "law requires" not in timeline


def test_a_refused_request_gets_the_complaint_pack_and_no_reminder(
    audited: str, tmp_path: Path
) -> None:
    register = action_for("address.open-register")["id"]
    sent_on = date.today() - timedelta(days=10)
    footprint("plan", "sent", register, "--on", sent_on.isoformat())
    footprint("plan", "reply", register, "--outcome", "refused", "--on", date.today().isoformat())
    run = footprint("plan", "due", "--format", "json", "--out", tmp_path / "due")
    (listed,) = json.loads(run.stdout)["due"]
    assert listed["stage"] == "complaint" and listed["reminder"] == []
    pack = Path(listed["complaint_pack"])
    assert not any(p.name.startswith("reminder") for p in pack.iterdir())
    complaint = (pack / "complaint.txt").read_text()
    assert "refused" in complaint and "reminder" not in complaint.lower()
    timeline = (pack / "timeline.txt").read_text()
    assert "refused" in timeline and "none arrived" not in timeline
    assert f"{date.today():%d %B %Y}  They refused" in timeline


def test_nothing_due_says_so(audited: str, tmp_path: Path) -> None:
    run = footprint("plan", "due", "--out", tmp_path)
    assert run.code == 0 and "Nothing is overdue" in run.stdout


def test_the_calendar_has_one_event_per_deadline(audited: str, tmp_path: Path) -> None:
    actions = plan_json()["actions"]
    for n, action in enumerate(actions[:3]):
        footprint("plan", "sent", action["id"], "--on", f"2026-0{n + 1}-15")
    dues = sorted(a["due"] for a in plan_json()["actions"] if a["due"])
    assert len(dues) == 3
    out = tmp_path / "plan.ics"
    assert footprint("plan", "calendar", "--out", out).code == 0
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert sorted(e.decoded("dtstart").isoformat() for e in events) == dues
    assert all("footprint plan action" in str(e["summary"]) for e in events)


def test_request_writes_the_three_drafts(audited: str, tmp_path: Path) -> None:
    register = action_for("address.open-register")["id"]
    run = footprint("plan", "request", register, "--out", tmp_path / "drafts")
    assert run.code == 0, run.stderr
    assert sorted(p.suffix for p in (tmp_path / "drafts").iterdir()) == [".eml", ".html", ".txt"]


def test_a_re_audit_carries_statuses_over_and_marks_what_came_back(tmp_path: Path) -> None:
    first = offline_audit(tmp_path / "one")
    engines = action_for("facebook.search-engines")["id"]
    register = action_for("address.open-register")["id"]
    phone = action_for("facebook.lookup-by-phone")["id"]
    footprint("plan", "done", engines)
    footprint("plan", "sent", register, "--on", "2026-11-01")
    footprint("plan", "done", phone)
    # Next audit: the search-engine setting is back on, the phone lookup is now closed.
    second = offline_audit(
        tmp_path / "two",
        ANSWERS.replace("facebook.lookup-by-phone: yes", "facebook.lookup-by-phone: no"),
    )
    assert second != first
    after = {a["finding_id"]: a for a in plan_json()["actions"]}
    assert after["facebook.search-engines"]["status"] == "came_back"
    assert after["facebook.search-engines"]["id"] == engines
    assert (
        after["address.open-register"]["status"],
        after["address.open-register"]["sent_on"],
    ) == (
        "sent",
        "2026-11-01",
    )
    assert after["facebook.lookup-by-phone"]["status"] == "confirmed_gone"
    assert after["facebook.lookup-by-phone"]["in_latest_audit"] is False
    # Looking at the plan again changes nothing more.
    assert {a["finding_id"]: a for a in plan_json()["actions"]} == after


def test_recheck_without_input_leaves_answer_based_actions_as_they_are(audited: str) -> None:
    engines = action_for("facebook.search-engines")["id"]
    footprint("plan", "done", engines)
    run = footprint("plan", "recheck", "--no-input")
    assert run.code == 0, run.stderr
    assert "left as they are" in run.stdout
    assert action_for("facebook.search-engines")["status"] == "done"


def test_no_audit_no_plan() -> None:
    run = footprint("plan")
    assert run.code == 2 and "no finished audit" in run.stderr


def test_a_late_action_with_no_drafted_request_is_listed_without_drafts(
    audited: str, tmp_path: Path
) -> None:
    engines = action_for("facebook.search-engines")
    assert engines["request"] is None  # the doctor changes this setting alone
    footprint(
        "plan", "sent", engines["id"], "--on", (date.today() - timedelta(days=40)).isoformat()
    )
    run = footprint("plan", "due", "--format", "json", "--out", tmp_path / "due")
    assert run.code == 0, run.stderr
    (listed,) = json.loads(run.stdout)["due"]
    assert (listed["id"], listed["reminder"], listed["complaint_pack"]) == (engines["id"], [], None)
