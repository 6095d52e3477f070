"""Length limits for the text footprint reads from people and files.

Every string a profile, answers file or settings file gives is bounded, so a name pasted
60,000 times over, or a key that is a megabyte long, is refused with the field's name instead
of slowing every later step (name matching and masking work on these values). The limits are
far above any real value: the longest names on the UK medical register are under 80 characters.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

NAME_MAX = 200  # a person's or a workplace's name, a town, a username, a title
TEXT_MAX = 2_000  # any other single value: an address, a link, an id, a sentence
CONTENT_TEXT_MAX = 20_000  # one paragraph of checklist or guidance text
LIST_MAX = 50  # entries in one list of a profile (variants, workplaces, links...)

#: A name-like value (a person, a workplace, a town, a username).
Name = Annotated[str, StringConstraints(max_length=NAME_MAX)]
