"""`footprint scan`: find contact details on pages the user names (URLs or local HTML files).

Naming a target is the consent: only the named pages are fetched (through the one gated client
in `footprint.net.client`), nothing about the user is sent, and the profile, when given, is used only
on this machine to mark each detail as the user's private or work detail. The result models
serialise exactly to the `footprint scan --format json` contract in DESIGN.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
)

from footprint.detect.interface import ContactKind, PhoneType
from footprint.detect.match import Match, ProfileMatcher
from footprint.detect.pipeline import detect
from footprint.detect.text import Page, parse_page, strip_controls
from footprint.errors import InputError
from footprint.lookups.search.saved_results import ResultsPage, read_results_page
from footprint.model.consent import named_target_grant
from footprint.model.observation import Outcome
from footprint.model.profile import Profile
from footprint.net.client import (
    FetchError,
    FetchLimits,
    GatedClient,
    HttpClient,
    Response,
    blocked_reason,
    interleaved,
    pool_size,
)

MAX_FILE_BYTES = FetchLimits().max_bytes
_MATCHES: dict[Match, Literal["private", "work"]] = {Match.PRIVATE: "private", Match.WORK: "work"}


class ScanContact(BaseModel):
    """One contact detail on a scanned page (a `contacts` item of the JSON contract)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: ContactKind
    value: str = Field(description="As it appears on the page.")
    normalized: str
    phone_type: PhoneType | None = None
    matches: Literal["private", "work"] | None = None
    context: str
    review: bool = Field(
        default=False, exclude=True, description="Unknown but looks personal: worth a look."
    )


class ScanResult(BaseModel):
    """The result for one target (an item of the JSON contract's list)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    target: str
    final_url: str | None = None
    outcome: Outcome
    reason: str | None = None
    contacts: list[ScanContact] = Field(default_factory=list)
    results_page: ResultsPage | None = Field(
        default=None, description="Set when the target is a saved search-results page."
    )

    @model_serializer(mode="wrap")
    def _contract(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """The DESIGN.md contract; `results_page` is added only for a saved results page."""
        data: dict[str, Any] = handler(self)
        if data.get("results_page") is None:
            data.pop("results_page", None)
        return data


@dataclass(frozen=True)
class Target:
    """A target as named, and what it resolved to: a URL or a local file."""

    named: str
    url: str | None = None
    path: Path | None = None


def resolve_target(named: str) -> Target:
    """A URL (http/https; a bare 'example.com' gets https://) or an existing local file."""
    text = named.strip()
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed '[' in the host
        parts = urlsplit("")
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        if not parts.hostname:
            raise InputError(
                f"scan target {named!r} has no site name after {scheme}://",
                hint="Give a full address such as https://practice.example/team.",
            )
        return Target(named, url=text)
    path = Path(text).expanduser()
    if path.is_file():
        return Target(named, path=path)
    if path.is_dir():
        raise InputError(
            f"scan target {named!r} is a folder",
            hint="Name the saved HTML file(s) in it, e.g. our-team.html.",
        )
    if scheme == "file":
        return resolve_target(urlsplit(text).path)
    if not scheme and "." in text.split("/", 1)[0] and not path.suffix.lower().startswith(".htm"):
        return Target(named, url=f"https://{text}")
    raise InputError(
        f"scan target {named!r} is not a web address or an existing file",
        hint="Give a full address such as https://practice.example/team, or a saved HTML file.",
    )


def site_hosts(url: str) -> set[str]:
    """The URL's host and its 'www.' twin, so a redirect between the two is allowed."""
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return set()
    if host.replace(".", "").isdigit() or ":" in host or "." not in host:
        return {host}  # an IP address or a single-label intranet name has no www twin
    bare = host.removeprefix("www.")
    return {bare, f"www.{bare}"}


def scan_page(page: Page, region: str, matcher: ProfileMatcher | None) -> list[ScanContact]:
    """Detect the contact details in `page`, marked against the profile when there is one."""
    names_doctor = matcher.names_doctor(page.text) if matcher else False
    contacts = []
    for found in detect(page, region, matcher.state if matcher else None):
        match = matcher.classify(found, names_doctor=names_doctor) if matcher else None
        contacts.append(
            ScanContact(
                kind=found.kind,
                value=found.value,
                normalized=found.normalized,
                phone_type=found.phone_type,
                matches=_MATCHES.get(match) if match else None,
                context=found.context,
                review=match is Match.REVIEW,
            )
        )
    return contacts


UNREADABLE_PAGE = "the page could not be read (its content is malformed or hostile)"


class PageScan(NamedTuple):
    """One page parsed and scanned, or (`page` None) the couldn't-check reason it failed with."""

    page: Page | None
    contacts: list[ScanContact]
    problem: str = ""


def scan_page_safely(
    page_source: str | bytes, url: str | None, region: str, matcher: ProfileMatcher | None
) -> PageScan:
    """Parse and scan one page; if it breaks the parser or a detector, no page and the reason.

    A hostile page (nesting 100,000 levels deep, say) must cost only itself: its failure is
    that page's couldn't-check, never the loss of every other page's findings.
    """
    try:
        page = parse_page(page_source, url)
        return PageScan(page, scan_page(page, region, matcher))
    except Exception as exc:  # noqa: BLE001 - any parser or detector failure, named below
        # The type, never the message (it could quote the page): a detector's own bug then
        # reads differently from a hostile page in the report and in a bug report.
        return PageScan(None, [], f"{UNREADABLE_PAGE}: {type(exc).__name__}")


def page_problem(response: Response) -> str | None:
    """Why a fetched page cannot be read as an answer (wall, error status), or None."""
    reason = blocked_reason(response)
    if reason is None and response.status in (404, 410):
        return f"the page does not exist (HTTP {response.status})"
    if reason is None and not response.ok:
        return f"the site answered HTTP {response.status}"
    return reason


def _result(target: str, final_url: str | None, contacts: list[ScanContact]) -> ScanResult:
    outcome = Outcome.FOUND if contacts else Outcome.NOT_FOUND
    return ScanResult(target=target, final_url=final_url, outcome=outcome, contacts=contacts)


def _couldnt(target: str, reason: str, final_url: str | None = None) -> ScanResult:
    # A reason can quote what a server sent (a content type, say): no control sequences.
    return ScanResult(
        target=target,
        final_url=final_url,
        outcome=Outcome.COULDNT_CHECK,
        reason=strip_controls(reason),
    )


def scan_file(target: Target, region: str, matcher: ProfileMatcher | None) -> ScanResult:
    """Scan a local HTML file (read only up to the same size cap as a web page)."""
    assert target.path is not None
    try:
        size = target.path.stat().st_size
        if size > MAX_FILE_BYTES:
            return _couldnt(
                target.named, f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB"
            )
        data = target.path.read_bytes()
    except OSError as exc:
        return _couldnt(target.named, f"could not read the file ({exc.strerror or 'error'})")
    page, contacts, problem = scan_page_safely(data, None, region, matcher)
    if page is None:
        return _couldnt(target.named, problem)
    result = _result(target.named, None, contacts)
    return result.model_copy(update={"results_page": read_results_page(data)})


def followed_results(resolved: Sequence[Target]) -> list[Target]:
    """The result pages of every saved search-results page among `resolved` (--follow-results).

    Naming the saved page with --follow-results is the consent to fetch its result pages.
    """
    urls: dict[str, None] = {}
    for path in (t.path for t in resolved if t.path is not None):
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                continue  # scan_file says why it was not read
            page = read_results_page(path.read_bytes())
        except OSError:
            continue  # likewise: scan_file reports the file it could not read
        urls.update(dict.fromkeys(page.to_follow() if page else []))
    named = {t.url for t in resolved if t.url}
    return [Target(url, url=url) for url in urls if url not in named]


def scan_url(
    target: Target, http: GatedClient, region: str, matcher: ProfileMatcher | None
) -> ScanResult:
    """Fetch and scan one URL; a blocked or failed fetch is couldn't-check, never not-found."""
    assert target.url is not None
    try:
        response = http.get(target.url)
    except FetchError as exc:
        return _couldnt(target.named, exc.reason)
    reason = page_problem(response)
    if reason is not None:
        return _couldnt(target.named, reason, response.final_url)
    page, contacts, problem = scan_page_safely(response.text, response.final_url, region, matcher)
    if page is None:
        return _couldnt(target.named, problem, response.final_url)
    return _result(target.named, response.final_url, contacts)


def scan(
    targets: Sequence[str],
    *,
    region: str | None = None,
    profile: Profile | None = None,
    client: HttpClient | None = None,
    allow_private: bool = False,
    workers: int | None = None,
    follow_results: bool = False,
) -> list[ScanResult]:
    """Scan every target, in order. `region` defaults to the profile's jurisdiction, then GB.

    `workers` defaults to enough to keep every site's per-host limit busy (`pool_size`).
    `follow_results`: also scan the result pages of saved search-results pages (after them).

    Raises InputError (before anything is fetched) if a target is neither a URL nor a file.
    """
    resolved = [resolve_target(t) for t in targets]
    if follow_results:
        resolved += followed_results(resolved)
    region = (region or (str(profile.jurisdiction) if profile else "GB")).upper()
    matcher = ProfileMatcher.from_profile(profile, region) if profile else None
    hosts = {h for t in resolved if t.url for h in site_hosts(t.url)}
    own_client = client is None
    http_client = client or HttpClient(allow_private=allow_private, allow_loopback=allow_private)
    gated = http_client.bind(named_target_grant(hosts), frozenset(hosts)) if hosts else None

    def one(target: Target) -> ScanResult:
        if target.path is not None:
            return scan_file(target, region, matcher)
        assert gated is not None
        return scan_url(target, gated, region, matcher)

    if workers is None:
        sites = {(urlsplit(t.url).hostname or "").removeprefix("www.") for t in resolved if t.url}
        files = any(t.path is not None for t in resolved)
        per_host = http_client.limits.per_host_concurrency
        workers = pool_size(len(resolved), len(sites) + files, per_host)
    # Submitted one site at a time in turn so every site's slots are busy; reported in order.
    order = interleaved(resolved, lambda t: (urlsplit(t.url).hostname or "") if t.url else "")
    try:
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(resolved)))) as pool:
            done = dict(zip(order, pool.map(one, [resolved[i] for i in order]), strict=True))
            return [done[i] for i in range(len(resolved))]
    finally:
        if own_client:
            http_client.close()
