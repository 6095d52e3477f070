"""`rdap`: does the public registration record of the doctor's own domains show who they are?

For each domain in the profile, the registry's RDAP server comes from a bundled, dated snapshot
of the IANA bootstrap file (RFC 9224). The lookup asks `<base>domain/<name>`, reads the
registrant, admin and tech contacts (jCard), skips what RFC 9537 `redacted` says was removed,
and compares what is left with the private block on this machine. A thin registry answer
(.com, .net) is followed once to the registrar's record, if that server was agreed to.
Sources: domain-facts.md 1.13; tests/fixtures/rdap/README.md.
"""

from __future__ import annotations

from typing import Any

from footprint.lookups import safe_get as _fetch
from footprint.lookups.interface import Lookup
from footprint.lookups.profiles.bio import contains, contains_postcode, uses_real_name, whose_value
from footprint.lookups.registers.rdap_data import (
    Bootstrap,
    Published,
    has_person_contacts,
    linked_contacts,
    published_details,
    regions,
    related_link,
    withheld_by_remarks,
)
from footprint.model.observation import Exposure, Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Axis, Exposes, Severity
from footprint.net.client import ANY_HOST, GatedClient, Response, blocked_reason, host_of
from footprint.util.domains import normalise_host, public_suffix, registrable_domain

_LOOKUP_ICANN = "https://lookup.icann.org"


class RdapLookup(Lookup):
    """Registrant details of the doctor's own domains, from the registries' RDAP servers."""

    id = "rdap"
    title = "Who owns your web domains (registration records)"
    service = "rdap"
    manual_check = (
        f"Look up your domain at {_LOOKUP_ICANN}; for country domains such as .ie, .io or .co, "
        "use the registry's own WHOIS search."
    )

    def domains(self, profile: Profile) -> list[str]:
        """The registered domains behind `profile.domains`, cleaned and without repeats."""
        found: dict[str, None] = {}
        for raw in profile.domains:
            name = raw.strip().lower().removeprefix("https://").removeprefix("http://")
            # The A-label (punycode) form RDAP servers index, e.g. xn--mnchen-3ya.de.
            name = normalise_host(name.split("/")[0].split(":")[0].strip("."))
            registered = registrable_domain(name) if public_suffix(name) else ""
            if name:
                found.setdefault(registered or name, None)
        return list(found)

    def server(self, domain: str) -> str | None:
        """The RDAP base URL for `domain` (an override wins), ending in '/'."""
        if self.settings.is_overridden("rdap"):
            return _fetch.base_url(self.settings.url("rdap", ""))
        base = Bootstrap.bundled().base_for(domain)
        return _fetch.base_url(base) if base else None

    def skip_reason(self, profile: Profile) -> str | None:
        if not self.domains(profile):
            return "no domains in your profile (domains: ...)"
        return super().skip_reason(profile)

    def hosts(self, profile: Profile) -> frozenset[str]:
        """The registries' RDAP hosts, plus any host for the one registrar hop.

        A thin registry (Verisign's .com and .net) keeps no contact details and links to the
        registrar's RDAP server, which is only known from its answer; the consent sentence says
        so, and the lookup follows that one link only.
        """
        servers = [s for s in (self.server(d) for d in self.domains(profile)) if s]
        hosts = {host_of(s) for s in servers}
        return frozenset(hosts | {ANY_HOST}) if servers else frozenset()

    def sends(self, profile: Profile) -> str:
        parts = []
        for domain in self.domains(profile):
            base = self.server(domain)
            if base is None:
                parts.append(f"nothing for '{domain}' (no RDAP server known for its ending)")
            elif self.settings.is_overridden("rdap"):
                parts.append(
                    f"your domain '{domain}' to {base} (FOOTPRINT_RDAP_URL override, instead of "
                    "the registry's RDAP server)"
                )
            else:
                parts.append(
                    f"your domain '{domain}' to {host_of(base)} (the registry's RDAP server)"
                )
        if any(self.server(d) for d in self.domains(profile)):
            parts.append(
                "if a registry keeps no contact details, the same domain once to the "
                "registrar's RDAP server that the registry names"
            )
        return "; ".join(parts)

    def plain(self, profile: Profile) -> str:
        names = ", ".join(f"'{d}'" for d in self.domains(profile))
        where = self.to_whom("the registries that record who owns web domains")
        return f"your web domain {names} is sent {where}, to see whose details they show"

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        observations: list[Observation] = []
        for domain in self.domains(profile):
            observations += self._check(domain, profile, http)
        return observations

    def _check(self, domain: str, profile: Profile, http: GatedClient) -> list[Observation]:
        subject = f"domain '{domain}'"
        base = self.server(domain)
        if base is None:
            published = Bootstrap.bundled().publication[:10]
            reason = f"no RDAP server is known for this ending (IANA list of {published})"
            return [self.couldnt_check(subject, reason)]
        url = f"{base}domain/{domain}"
        record = self._fetch(http, url, subject)
        if isinstance(record, Observation):
            return [record]
        details = {"rdap_server": host_of(url)}
        link = related_link(record)
        if not has_person_contacts(record) and link:
            followed = self._fetch(http, link, subject, hop=True)  # one hop, never further
            if isinstance(followed, Observation):
                return [followed]
            record, url = followed, link
            details["registrar_rdap_server"] = host_of(link)
        record, unread = self._follow_contacts(record, http, host_of(url))
        details.update(_record_notes(record))
        shown = published_details(record)
        exposures = [
            e for e in (self._exposure(p, profile, domain) for p in _first_each(shown)) if e
        ]
        unread_obs = []
        if unread:
            # Never "no registrant details published" about details we did not read.
            reason = "the record lists contacts only by reference, and " + "; ".join(unread)
            unread_obs = [self.couldnt_check(subject, reason, url)]
        if not exposures:
            if unread_obs:
                return unread_obs
            details["note"] = "no registrant name, address, e-mail or phone is published"
            return [self._not_found(subject, url, details)]
        return unread_obs + [
            Observation(
                lookup_id=self.id,
                outcome=Outcome.FOUND,
                subject=subject,
                url=url,
                snippet=f"{item.role} {item.field}: {item.value}",
                matched=item.value,
                exposure=exposure,
                details=details,
            )
            for item, exposure in exposures
        ]

    def _follow_contacts(
        self, record: dict[str, Any], http: GatedClient, server_host: str
    ) -> tuple[dict[str, Any], list[str]]:
        """The record with link-only contacts (CZ.NIC) read from their `self` link.

        Only links on the server already asked (the one agreed to) are followed; the others,
        and links that fail, are returned as plain-words reasons.
        """
        entities = list(record.get("entities") or [])
        unread: list[str] = []
        for index, href in linked_contacts(record):
            roles = [str(r) for r in entities[index].get("roles") or []]
            who = "the " + "/".join(roles) + " contact"
            if not href.startswith(("https://", "http://")):
                unread.append(f"{who} has no link to its details")
                continue
            if host_of(href) != server_host:
                unread.append(f"{who}'s details are on {host_of(href)}, a server not agreed to")
                continue
            response = _fetch.get(http, href, accept=_fetch.RDAP_JSON)
            entity = _fetch.json_object(response) if not isinstance(response, str) else None
            if entity is None or entity.get("objectClassName") != "entity":
                why = response if isinstance(response, str) else f"HTTP {response.status}"
                unread.append(f"{who}'s details could not be read ({why})")
                continue
            entities[index] = {**entity, "roles": roles}
        return {**record, "entities": entities}, unread

    def _fetch(
        self, http: GatedClient, url: str, subject: str, *, hop: bool = False
    ) -> dict[str, Any] | Observation:
        response = _fetch.get(http, url, accept=_fetch.RDAP_JSON)
        if isinstance(response, str):
            return self.couldnt_check(subject, response, url)
        if response.status == 404 and hop:
            return self.couldnt_check(subject, "the registrar's RDAP server did not know it", url)
        if response.status == 404:
            note = "the registry says this domain is not registered"
            return self._not_found(subject, url, {"note": note})
        return self._record(response, subject)

    def _record(self, response: Response, subject: str) -> dict[str, Any] | Observation:
        reason = blocked_reason(response)
        if reason:
            return self.couldnt_check(subject, reason, response.url)
        record = _fetch.json_object(response) if response.status == 200 else None
        if record is None or record.get("objectClassName") != "domain":
            reason = f"the RDAP answer was not a domain record (HTTP {response.status})"
            return self.couldnt_check(subject, reason, response.url)
        return record

    def _not_found(self, subject: str, url: str, details: dict[str, str]) -> Observation:
        return self.not_found(subject, url).model_copy(update={"details": details})

    def _exposure(
        self, item: Published, profile: Profile, domain: str
    ) -> tuple[Published, Exposure] | None:
        """What one published detail exposes; None for work details (they are expected)."""
        private = _matches_private(item, profile)
        if item.field in ("email", "phone"):
            owner = whose_value("email" if item.field == "email" else "phone", item.value, profile)
            if owner == "work":
                return None
            private = owner == "private"
        severity, axis, exposes, what = _KINDS[item.field]
        if item.field == "name":
            severity = Severity.MEDIUM if uses_real_name(item.value, profile) else Severity.LOW
        elif private:
            severity = Severity.CRITICAL
        return item, Exposure(
            key=f"rdap.published-{item.field}",
            title=f"Your domain's public registration record shows {what}",
            severity=severity,
            axis=axis,
            exposes=exposes,
            why=(
                "Anyone can look up who registered a domain, for free, in seconds. A patient who "
                "finds your website can go from it to these details."
            ),
            steps=_steps(domain),
            effort=15,
            guidance=["mdu-unwanted-attention"],
            links=[_LOOKUP_ICANN],
        )


_KINDS = {
    "name": (Severity.MEDIUM, Axis.FINDABLE, Exposes.IDENTITY, "a name"),
    "address": (Severity.HIGH, Axis.LOCATABLE, Exposes.HOME_ADDRESS, "a postal address"),
    "phone": (Severity.HIGH, Axis.CONTACTABLE, Exposes.PERSONAL_PHONE, "a phone number"),
    "email": (Severity.HIGH, Axis.CONTACTABLE, Exposes.PERSONAL_EMAIL, "an e-mail address"),
}


def _record_notes(record: dict[str, Any]) -> dict[str, str]:
    """What else the record says: fields withheld by remarks, region-only addresses."""
    notes = {}
    if withheld_by_remarks(record):
        notes["withheld"] = "the registrar marks some contact fields 'REDACTED FOR PRIVACY'"
    shown = regions(record)
    if shown:
        notes["region_only_address"] = "; ".join(shown)
    return notes


def _first_each(shown: list[Published]) -> list[Published]:
    """One detail per (field, value): the same address on three contacts is one exposure."""
    seen: dict[tuple[str, str], Published] = {}
    for item in shown:
        seen.setdefault((item.field, item.value.lower()), item)
    return list(seen.values())


def _matches_private(item: Published, profile: Profile) -> bool:
    if item.field != "address":
        return False
    private = profile.private
    return contains_postcode(item.value, private.home_postcode) or contains(
        item.value, private.home_street
    )


def _steps(domain: str) -> list[str]:
    steps = [
        "Sign in to the company you bought the domain from (your registrar) and turn on its "
        "privacy or proxy service; most include it free. It replaces your details in the "
        "public record.",
        "Where a registry still needs an address, give a non-home one (a PO box or your "
        "practice address), never your home.",
        f"Check the result a day later at {_LOOKUP_ICANN}.",
    ]
    if domain.endswith(".uk"):
        steps.insert(
            1,
            "For a .uk domain, ask your registrar to withhold your details: Nominet hides an "
            "individual's name and address unless they agreed to show them.",
        )
    return steps
