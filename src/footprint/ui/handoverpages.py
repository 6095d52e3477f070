"""The hand-over of an adviser call, in the browser: the member carries on from their file at
home, and the adviser deletes the member's files once they are sent (`footprint.audit.handover`).

The upload is read into memory (size-capped, UTF-8, the same bounded YAML reader as every
file footprint reads); nothing the browser sends is ever used as a path.
"""

from __future__ import annotations

from werkzeug.utils import redirect
from werkzeug.wrappers import Request, Response

from footprint.ui.base import PageGroup

#: A hand-over file holds answers and a profile: far below this.
MAX_HANDOVER_BYTES = 1_000_000
CANNOT_USE = "That file cannot be used"


class HandoverPages(PageGroup):
    """ "Carry on from your adviser call" (start page) and "Delete the member's files"."""

    ROUTES = (
        ("/handover", "handover_upload", "POST"),
        ("/handover/delete", "handover_delete", "POST"),
    )

    def handover_upload(self, request: Request) -> Response:
        if self.audit.auditing:  # a start page from before: the open audit goes on
            return self._next()
        upload = request.files.get("file")
        raw = upload.read(MAX_HANDOVER_BYTES + 1) if upload is not None else b""
        problem = _read_problem(raw)
        if problem is None:
            problem = self.audit.carry_on_from(raw.decode("utf-8"))
        if problem is not None:
            return self.render("message.html", http_status=400, heading=CANNOT_USE, text=problem)
        return self._next()

    def handover_delete(self, request: Request) -> Response:
        deleted = self.audit.delete_handover()
        text = (
            "The member's report and hand-over file are deleted from this computer."
            if deleted
            else "There were no member's files left to delete on this computer."
        )
        if self.audit.outputs is None:
            return redirect("/", code=303)
        return self.render("message.html", heading="The member's files are deleted", text=text)


def _read_problem(raw: bytes) -> str | None:
    """Why the uploaded bytes cannot be a hand-over file, or None."""
    if not raw:
        return "Choose the hand-over file first (it is called handover.yaml)."
    if len(raw) > MAX_HANDOVER_BYTES:
        return "This file is over 1 MB: it is not a hand-over file."
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "This file is not text: it is not a hand-over file."
    return None
