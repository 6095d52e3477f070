"""The consent questions for a set of lookups: what each sends and to whom, built from the profile.

The decisions themselves are recorded by `footprint.model.consent` (below every lookup, so the
gated client can read them).
"""

from __future__ import annotations

from collections.abc import Sequence

from footprint.lookups.interface import Lookup
from footprint.model.consent import ConsentQuestion
from footprint.model.observation import Observation
from footprint.model.profile import Profile


def consent_plan(
    lookups: Sequence[Lookup], profile: Profile
) -> tuple[list[ConsentQuestion], list[Observation]]:
    """The consent questions, and a skipped observation for each lookup that cannot run.

    A lookup with a `skip_reason` (no inputs, no API key) is not a question: asking to send
    nothing would be noise. It is reported as skipped with that reason instead.
    """
    questions: list[ConsentQuestion] = []
    skipped: list[Observation] = []
    for lookup in lookups:
        reason = lookup.skip_reason(profile)
        if reason is not None:
            skipped.append(lookup.skipped(lookup.title, reason))
            continue
        questions.append(
            ConsentQuestion(
                lookup_id=lookup.id,
                title=lookup.title,
                sentence=lookup.sends(profile),
                destinations=tuple(sorted(lookup.hosts(profile))),
                plain=lookup.plain(profile),
            )
        )
    return questions, skipped
