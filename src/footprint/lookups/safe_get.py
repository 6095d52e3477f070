"""Small helpers the API lookups share: one GET that never raises, JSON that is checked.

Every helper turns a transport problem into a plain-words reason (a `str`) instead of raising,
so a lookup can say "couldn't check" in one line and never mistake a failure for "not found".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from footprint.net.client import FetchError, GatedClient, Response

JSON = ("application/json",)
RDAP_JSON = ("application/rdap+json", "application/json")


def get(
    http: GatedClient,
    url: str,
    *,
    params: Mapping[str, str] | None = None,
    accept: tuple[str, ...] = JSON,
    headers: Mapping[str, str] | None = None,
) -> Response | str:
    """GET `url`; the response (any status), or the reason it could not be fetched."""
    try:
        return http.get(url, params=params, headers=headers, accept=accept)
    except FetchError as exc:
        return exc.reason


def json_object(response: Response) -> dict[str, Any] | None:
    """The body as a JSON object, or None when it is not one (changed or broken format)."""
    try:
        data = response.json()
    except (FetchError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def base_url(url: str) -> str:
    """`url` with exactly one trailing slash, so paths can be appended."""
    return url.rstrip("/") + "/"
