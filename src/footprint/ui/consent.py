"""The consent form: "agree to all", "agree to none", or one by one.

The rules (what is asked, what an earlier decision covers) stay in the engine; this only reads
which buttons and choices the page sent.
"""

from __future__ import annotations

from collections.abc import Mapping

from footprint.audit.coverage import NAME_SEARCH
from footprint.audit.engine import AuditEngine

__all__ = ["NAME_SEARCH", "consent_choices"]


def consent_choices(form: Mapping[str, str], engine: AuditEngine) -> dict[str, bool]:
    """Each open lookup's decision: every one for "agree to all" or "agree to none", else the
    choice made beside it (none chosen means refused)."""
    ids = [q.lookup_id for q in engine.consent_questions()]
    button = form.get("_choice", "each")
    if button in ("all", "none"):
        return dict.fromkeys(ids, button == "all")
    return {lookup_id: form.get(lookup_id) == "yes" for lookup_id in ids}
