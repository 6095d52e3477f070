"""The pages: each handler reads a request, calls the controller, and renders or redirects.

Every state change is a POST (behind the CSRF check in `app.py`) followed by a redirect to the
page the controller says comes next, so reloading a page never answers a question twice.
"""

from __future__ import annotations

import json
import mimetypes
from importlib import resources
from pathlib import Path

from werkzeug.utils import redirect
from werkzeug.wrappers import Request, Response

from footprint.audit.handover import HANDOVER_DAYS, HANDOVER_FILE
from footprint.audit.questions import minutes_for, minutes_phrase
from footprint.errors import FootprintError, SessionDamaged, SessionMissing, StoreError
from footprint.model.vocab import PLATFORMS, Answer, Jurisdiction, Role
from footprint.report import summary as summary_words
from footprint.ui import forms
from footprint.ui.base import (
    SESSION_DAMAGED,
    SESSION_DAMAGED_TEXT,
    SESSION_MISSING,
    SESSION_MISSING_TEXT,
    PageGroup,
)
from footprint.ui.consent import NAME_SEARCH, consent_choices
from footprint.ui.controller import UiAudit
from footprint.ui.navigation import with_way_back

ANSWERS = {"yes": Answer.YES, "no": Answer.NO, "unsure": Answer.UNSURE, "na": Answer.NA}
ROLE_LABELS = {
    Role.GP: "GP",
    Role.HOSPITAL: "Hospital doctor (consultant, trainee, SAS)",
    Role.PRIVATE: "Private practice",
    Role.LOCUM: "Locum",
    Role.OTHER: "Other",
}
COUNTRY_LABELS = {
    Jurisdiction.GB: "United Kingdom",
    Jurisdiction.IE: "Ireland",
    Jurisdiction.US: "United States",
    Jurisdiction.AU: "Australia",
}
# Report views: a report file's own inline styles are allowed there, scripts nowhere.
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'none'"
)

ROUTES: tuple[tuple[str, str, str], ...] = (
    ("/", "start", "GET"),
    ("/start", "start_post", "POST"),
    ("/resume/<session_id>", "resume", "POST"),
    ("/retention", "retention_post", "POST"),
    ("/profile", "profile", "GET"),
    ("/profile", "profile_post", "POST"),
    ("/profile/upload", "profile_upload", "POST"),
    ("/response", "response", "GET"),
    ("/response", "response_post", "POST"),
    ("/consent", "consent", "GET"),
    ("/consent", "consent_post", "POST"),
    ("/question", "question", "GET"),
    ("/answer", "answer", "POST"),
    ("/back", "back", "POST"),
    ("/skip", "skip", "POST"),
    ("/stop", "stop", "POST"),
    ("/go-on", "go_on", "POST"),
    ("/finish", "finish", "GET"),
    ("/report", "report_post", "POST"),
    ("/report", "report", "GET"),
    ("/report/view/<int:index>", "report_view", "GET"),
    ("/download/<int:index>", "download", "GET"),
    ("/status.json", "status", "GET"),
    ("/close", "close", "POST"),
    ("/static/<name>", "static", "GET"),
)
"""(path, endpoint, method) for every page."""


QUIET_ENDPOINTS = frozenset({"status", "static"})


class Pages(PageGroup):
    """The audit's own pages, from the start page to the report."""

    ROUTES = ROUTES

    # -- start and profile --------------------------------------------------------------------

    def _start_page(
        self, adviser: str | None, case: str | None, error: str | None = None
    ) -> Response:
        full = len(self.audit.desk.catalogue.items)
        return self.render(
            "start.html",
            http_status=400 if error else 200,
            unfinished=self.audit.unfinished(),
            deleted_old=self.audit.deleted_old,
            past_retention=self.audit.past_retention(),
            minutes_quick=minutes_phrase(minutes_for(30)),
            minutes_full=minutes_phrase(minutes_for(min(full, 120))),
            adviser=adviser,
            case=case,
            start_error=error,
        )

    def start(self, request: Request) -> Response:
        if self.audit.engine is not None:
            return self._next()
        return self._start_page(self.audit.setup.adviser, self.audit.setup.case)

    def start_post(self, request: Request) -> Response:
        if (
            self.audit.auditing
        ):  # a start form from before (the browser's Back): the open audit goes on
            return self._next()
        adviser, case = request.form.get("adviser"), request.form.get("case")
        error = self.audit.choose(
            quick=request.form.get("length", "quick") == "quick", adviser=adviser, case=case
        )
        if error:
            return self._start_page(adviser, case, error)
        return redirect("/profile", code=303)

    def retention_post(self, request: Request) -> Response:
        if self.audit.auditing:  # a start page from before: nothing is deleted mid-audit
            return self._next()
        self.audit.settle_retention(
            delete=request.form.get("choice") == "delete", chosen=request.form.getlist("session")
        )
        return redirect("/", code=303)

    def resume(self, request: Request, session_id: str) -> Response:
        try:
            self.audit.resume(session_id)
        except SessionMissing:
            return self.render(
                "message.html", http_status=404, heading=SESSION_MISSING, text=SESSION_MISSING_TEXT
            )
        except SessionDamaged:
            return self.render(
                "message.html", http_status=409, heading=SESSION_DAMAGED, text=SESSION_DAMAGED_TEXT
            )
        except StoreError:
            raise  # worded for the browser by `_worded`
        except FootprintError as exc:
            return self.render(
                "message.html", http_status=400, heading="Cannot carry on", text=str(exc)
            )
        return self._next()

    def _profile_page(self, form: forms.ProfileForm, upload_error: str | None = None) -> Response:
        return self.render(
            "profile.html",
            http_status=400 if (form.errors or upload_error) else 200,
            v=form.values,
            errors=form.errors,
            notices=form.notices,
            open_sections=form.open_sections(),
            labels=forms.FIELD_LABELS,
            upload_error=upload_error,
            save_default=self.audit.options.preset_profile is None,  # never the demo doctor
            save_places=self.audit.profile_places(),
            roles=[(r.value, ROLE_LABELS[r]) for r in Role],
            countries=[(j.value, COUNTRY_LABELS[j]) for j in Jurisdiction],
            platforms=list(PLATFORMS.items()),
        )

    def profile(self, request: Request) -> Response:
        preset = self.audit.options.preset_profile or self.audit.carried_profile
        values = preset.model_dump(mode="json") if preset is not None else {"role": "gp"}
        return self._profile_page(forms.ProfileForm(values=values))

    def profile_post(self, request: Request) -> Response:
        notices: list[str] = []
        data = forms.profile_data(request.form, request.form.getlist("platforms"), notices)
        checked = forms.validate_profile(data)
        checked.notices = notices
        if checked.profile is None or notices:  # a changed address is shown before it is used
            return self._profile_page(checked)
        saving = request.form.get("save") == "yes"
        save_in = (request.form.get("save_in") or "data") if saving else None
        self.audit.begin(checked.profile, save_in=save_in)
        return self._next()

    def profile_upload(self, request: Request) -> Response:
        upload = request.files.get("file")
        raw = upload.read(forms.MAX_PROFILE_BYTES + 1) if upload is not None else b""
        checked = forms.profile_from_upload(raw)
        if checked.profile is None:
            message = checked.errors.get("file", "Choose a profile file first.")
            return self._profile_page(forms.ProfileForm(values={"role": "gp"}), message)
        self.audit.begin(checked.profile)
        return self._next()

    # -- the audit ----------------------------------------------------------------------------

    def response(self, request: Request) -> Response:
        engine = self.audit.engine
        if engine is None or engine.response_question() is None:
            return self._next()
        return self.render(
            "response.html", question=engine.response_question(), earlier=engine.response_answer
        )

    def response_post(self, request: Request) -> Response:
        answer = ANSWERS.get(request.form.get("answer", ""))
        if self.audit.engine is not None and answer is not None:
            self.audit.answer_response(answer)
        return self._next()

    def consent(self, request: Request) -> Response:
        engine = self.audit.engine
        if engine is None:
            return self._next()
        questions = engine.consent_questions()
        if not questions:
            return self._next()
        return self.render(
            "consent.html",
            questions=questions,
            name_search=NAME_SEARCH if any(q.lookup_id == NAME_SEARCH for q in questions) else None,
            response_active=engine.response_active,
            first_step=engine.response_first_step,
            emergency=engine.emergency_number,
            adviser=self.audit.setup.adviser,
        )

    def consent_post(self, request: Request) -> Response:
        if self.audit.engine is not None:
            self.audit.decide_all(consent_choices(request.form, self.audit.engine))
        return self._next()

    def question(self, request: Request) -> Response:
        engine = self.audit.engine
        question = engine.next_question() if engine is not None else None
        if engine is None or question is None or engine.stopped:
            return self._next()
        return self.render(
            "question.html",
            q=question,
            status=self._status(),
            back_to=engine.back_leads_to(),
            name_search_open=engine.name_search.is_open(),
            # "I don't use X" makes sense for an app or site, never for a topic such as safety.
            can_skip_area=engine.can_skip(question.item.area),
        )

    def answer(self, request: Request) -> Response:
        engine = self.audit.engine
        answer = ANSWERS.get(request.form.get("answer", ""))
        item_id = request.form.get("item", "")
        if engine is not None and answer is not None:
            try:
                engine.answer(item_id, answer)
            except KeyError:
                pass  # a stale form for a question this audit no longer asks: ignore it
        return self._next()

    def back(self, request: Request) -> Response:
        if self.audit.engine is not None:
            self.audit.engine.back()
        return self._next()

    def skip(self, request: Request) -> Response:
        area = request.form.get("area", "")
        if self.audit.engine is not None and area:
            self.audit.engine.skip_area(area)
        return self._next()

    def stop(self, request: Request) -> Response:
        if self.audit.engine is not None:
            self.audit.engine.stop()
        return redirect("/finish", code=303)

    def go_on(self, request: Request) -> Response:
        if self.audit.engine is not None:
            self.audit.engine.go_on()
        return self._next()

    def finish(self, request: Request) -> Response:
        engine = self.audit.engine
        if engine is None:
            return self._next()
        if self.audit.outputs is not None:
            return redirect("/report", code=303)
        status = self._status()
        left = engine.questions_left() if engine.stopped else 0
        time_left = engine.lookups_time_left()
        return self.render(
            "finish.html",
            status=status,
            running=status["running"],
            left=left,
            stopped=engine.stopped,
            name_search_open=engine.name_search.is_open(),
            seconds_left=round(time_left) if time_left is not None else None,
        )

    def report_post(self, request: Request) -> Response:
        if self.audit.engine is None:
            return self._next()
        self.audit.write_report()
        return redirect("/report", code=303)

    def report(self, request: Request) -> Response:
        outputs = self.audit.outputs
        if outputs is None:
            return self._next()
        engine = self.audit.engine
        files = [
            (n, path, _describe(path))
            for n, path in enumerate(self.audit.written())
            if path.exists()  # the member's files, once deleted, are no longer offered
        ]
        summary = outputs.report.summary
        return self.render(
            "report.html",
            files=files,
            failed=outputs.failed,
            summary=summary,
            report=outputs.report,
            emergency=self.audit.engine.emergency_number if self.audit.engine else "999",
            first_step=outputs.report.response_plan.first,
            coverage=summary_words.coverage_words(outputs.report),
            score=summary_words.score_words(outputs.report),
            out_dir=self.audit.out_dir,
            saved_profile=self.audit.saved_profile,
            session_id=self.audit.engine.session_id if self.audit.engine else None,
            # The session stays open only when questions are left (stopped, or quick); an
            # adviser call's session is gone: the member carries on from the hand-over file.
            resumable=(bool(outputs.report.to_finish) or bool(engine and engine.stopped))
            and outputs.handover is None,
            handover=outputs.handover if outputs.handover and outputs.handover.exists() else None,
            handover_days=HANDOVER_DAYS,
        )

    def _file(self, index: int) -> Path | None:
        written = self.audit.written()
        path = written[index] if 0 <= index < len(written) else None
        return path if path is not None and path.exists() else None

    def report_view(self, request: Request, index: int) -> Response:
        path = self._file(index)
        if path is None or path.suffix != ".html":
            return Response("Not found", status=404, content_type="text/plain; charset=utf-8")
        html = with_way_back(path.read_bytes())
        response = Response(html, content_type="text/html; charset=utf-8")
        response.headers["Content-Security-Policy"] = REPORT_CSP
        return response

    def download(self, request: Request, index: int) -> Response:
        path = self._file(index)
        if path is None:
            return Response("Not found", status=404, content_type="text/plain; charset=utf-8")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        response = Response(path.read_bytes(), content_type=kind)
        copy = path.parent.name if path.parent.name.endswith("-copy") else "report"
        name = HANDOVER_FILE if path.name == HANDOVER_FILE else f"footprint-{copy}{path.suffix}"
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    # -- small endpoints ----------------------------------------------------------------------

    def status(self, request: Request) -> Response:
        return Response(json.dumps(self._status()), content_type="application/json")

    def static(self, request: Request, name: str) -> Response:
        if name not in ("ui.css", "status.js", "profile.js"):
            return Response("Not found", status=404, content_type="text/plain; charset=utf-8")
        data = resources.files("footprint.ui").joinpath("static").joinpath(name).read_bytes()
        kind = "text/css" if name.endswith(".css") else "text/javascript"
        return Response(data, content_type=f"{kind}; charset=utf-8")

    def close(self, request: Request) -> Response:
        engine = self.audit.engine
        if engine is not None and self.audit.outputs is None:
            engine.cancel_lookups()  # finished lookups are kept; the rest run again on resume
        response = self.render(
            "message.html",
            can_close=False,
            heading="footprint has stopped",
            text=_closing_words(self.audit),
        )
        # Stop only once this page has been sent: stopping first could cut it off mid-way.
        response.call_on_close(lambda: self.stop_signal.stop("you pressed “Finish and close”"))
        return response


def _describe(path: Path) -> str:
    copy = {"member-copy": "member copy", "adviser-copy": "adviser copy"}.get(path.parent.name)
    kind = {
        ".html": "web page (prints well)",
        ".md": "text",
        ".json": "data",
        ".pdf": "PDF",
        ".yaml": "hand-over file",
    }
    label = kind.get(path.suffix, path.suffix)
    return f"{label}, {copy}" if copy else label


def _closing_words(audit: UiAudit) -> str:
    if audit.outputs is not None and audit.out_dir is not None:
        return f"You can close this tab. Your report is saved in {audit.out_dir}."
    engine = audit.engine
    if engine is not None and engine.session_id:
        return (
            "You can close this tab. Your answers are saved on this computer: open footprint "
            "again and choose “Carry on with this audit”."
        )
    return "You can close this tab."
