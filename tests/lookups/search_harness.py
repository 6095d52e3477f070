"""What the `web-search` and `search-pages` tests share: the fictional doctor and settings."""

from __future__ import annotations

from typing import Any

from api_harness import settings_for
from pytest_httpserver import HTTPServer

from footprint.model.profile import Profile
from footprint.util.settings import Settings

PRIVATE = ("07700 900123", "alex.example.home@gmail.com", "EX1 2AB", "12 Fictional Lane")


def search_profile(**extra: Any) -> Profile:
    """Alex Example with a workplace, specialty and town (what is searched) and private details
    (which must never be sent); `extra` adds or replaces profile fields."""
    return Profile.model_validate(
        {
            "name": "Alex Example",
            "specialty": "General practice",
            "locality": "Exampleton",
            "workplaces": [{"name": "Example Street Surgery", "town": "Exampleton"}],
            "private": {
                "phones": [PRIVATE[0]],
                "emails": [PRIVATE[1]],
                "home_postcode": PRIVATE[2],
                "home_street": PRIVATE[3],
            },
            **extra,
        }
    )


def ddg_settings(httpserver: HTTPServer) -> Settings:
    """Searches go to DuckDuckGo's stand-in on the local server."""
    return settings_for(httpserver, "duckduckgo", key=None)
