"""Placeholder e-mail addresses: the examples templates and forms show, never anyone's address.

A contact form says "e.g. yourname@domain.com"; a website template ships with
"email@example.com" or "you@yourdomain.com". Reporting those as found addresses would send a
doctor chasing an address that belongs to nobody.

The test is deliberately narrow, because the project's own fictional fixtures (and real
people) use ordinary names at example domains: an address is a placeholder when its domain is
itself a placeholder ("domain.com", "yourdomain.co.uk"), when its local part addresses the reader
("yourname@", "your.email@") or describes a format ("firstname.lastname@"), or when a template
word ("email@", "name@") sits at an example domain ("example.com", "example.org").
"""

from __future__ import annotations

import re

# Second-level labels that only ever stand for "some domain" in templates.
_PLACEHOLDER_DOMAINS = frozenset({"domain", "mydomain", "somedomain", "emaildomain", "yoursite"})
# Second-level labels that mark documentation examples (RFC 2606 and the usual stand-ins).
_EXAMPLE_DOMAINS = frozenset({"example", "sample", "test", "company", "website", "mysite"})
# Local parts that only ever describe an address's format: placeholders at any domain
# ("addresses are firstname.lastname@nhs.net").
_FORMAT_LOCALS = frozenset(
    """emailname emailaddress firstname.lastname firstname.surname first.last first.lastname
    firstinitial.surname forename.surname name.surname firstnamelastname""".split()
)
# Local parts that are template words at an example domain, but could be a real inbox elsewhere.
_TEMPLATE_LOCALS = frozenset(
    """email e-mail mail name names firstname lastname surname you me user username someone
    somebody anyone person example sample test john.doe jane.doe johndoe janedoe joe.bloggs
    joebloggs xxx xxxx""".split()
)
_READER = re.compile(
    r"your(?:[._-]|name|e-?mail|mail|address|first|full|last|surname|login|user|id|$)"
)
_TLD_PARTS = frozenset({"co", "com", "org", "net", "ac", "gov", "nhs", "edu"})


def _second_level(domain: str) -> str:
    """The label people choose: 'practice' in 'practice.co.uk' or 'mail.practice.nhs.uk'."""
    labels = domain.split(".")
    labels.pop()  # the top-level domain
    while len(labels) > 1 and labels[-1] in _TLD_PARTS:
        labels.pop()  # 'co' in .co.uk, 'nhs' in .nhs.uk
    return labels[-1] if labels else ""


def is_placeholder_email(address: str) -> bool:
    """Whether a normalised (lower-case) `address` is a template's placeholder."""
    local, _, domain = address.rpartition("@")
    label = _second_level(domain)
    if label in _PLACEHOLDER_DOMAINS or label.startswith("your"):
        return True
    if _READER.match(local) or local in _FORMAT_LOCALS:
        return True
    return local in _TEMPLATE_LOCALS and label in _EXAMPLE_DOMAINS
