"""API keys and service URLs: environment first, then the user's config file.

`FOOTPRINT_<SERVICE>_KEY` and `FOOTPRINT_<SERVICE>_URL` (e.g. `FOOTPRINT_COMPANIES_HOUSE_KEY`,
`FOOTPRINT_SEARXNG_URL`) win over `config.yaml` in the user config folder:

    keys:
      companies_house: "..."
    urls:
      searxng: "https://searx.example.org"

Keys are secrets: they never appear in reports, logs, errors or `repr`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from footprint.errors import ConfigError
from footprint.util.paths import config_dir
from footprint.util.yamlio import read_yaml

VALUE_MAX = 4_096  # an API key or a service address is far shorter


def _env_name(service: str, suffix: str) -> str:
    return f"FOOTPRINT_{service.upper().replace('-', '_')}_{suffix}"


def _read_config(path: Path) -> dict[str, dict[str, str]]:
    """`keys:` and `urls:` of config.yaml; anything unreadable or misshapen is an error."""
    raw = read_yaml(path, ConfigError) or {}
    if not isinstance(raw, dict):
        raise ConfigError(
            f"{path}: expected sections such as keys: and urls:, found a {type(raw).__name__}.",
            hint="See the README for the layout of config.yaml.",
        )
    config: dict[str, dict[str, str]] = {}
    for section, values in raw.items():
        if not isinstance(values, dict):
            continue
        # Values are read as text: a number or null where a key belongs must not crash later.
        config[str(section)] = {str(k): str(v) for k, v in values.items() if v is not None}
        for key, value in config[str(section)].items():
            if len(key) > VALUE_MAX or len(value) > VALUE_MAX:
                # The value is never repeated: it may be a secret key.
                raise ConfigError(
                    f"{path}: {str(section)[:40]}: an entry is longer than {VALUE_MAX} "
                    "characters, too long to be a key or a service address.",
                    hint="Check that entry in config.yaml; paste the key again.",
                )
    return config


@dataclass(frozen=True)
class Settings:
    """Resolved keys and URL overrides. Build with `Settings.load()`; tests pass `env`."""

    env: Mapping[str, str] = field(default_factory=dict, repr=False)
    config: Mapping[str, Mapping[str, str]] = field(default_factory=dict, repr=False)
    allow_private: bool = False  # allow private/intranet addresses (--allow-private)
    allow_loopback: bool = False  # tests and the demo serve pages on 127.0.0.1

    @classmethod
    def load(
        cls,
        env: Mapping[str, str] | None = None,
        config_file: Path | None = None,
        *,
        allow_private: bool = False,
        allow_loopback: bool = False,
    ) -> Settings:
        """Read the environment and `config.yaml` (missing file is fine)."""
        env = dict(os.environ if env is None else env)
        path = config_file or config_dir() / "config.yaml"
        config: dict[str, dict[str, str]] = {}
        if path.exists():
            config = _read_config(path)
        return cls(env, config, allow_private=allow_private, allow_loopback=allow_loopback)

    def key(self, env_name: str) -> str | None:
        """An API key by its environment variable name (config: keys.<service>)."""
        if self.env.get(env_name):
            return self.env[env_name]
        service = env_name.removeprefix("FOOTPRINT_").removesuffix("_KEY").lower()
        return self.config.get("keys", {}).get(service) or None

    def url(self, service: str, default: str) -> str:
        """A service base URL, honouring `FOOTPRINT_<SERVICE>_URL` and config urls.<service>."""
        env = self.env.get(_env_name(service, "URL"))
        conf = self.config.get("urls", {}).get(service.replace("-", "_"))
        return (env or conf or default).rstrip("/")

    def is_overridden(self, service: str) -> bool:
        """Whether the service URL was overridden (shown in consent and `footprint lookups`)."""
        return bool(
            self.env.get(_env_name(service, "URL"))
            or self.config.get("urls", {}).get(service.replace("-", "_"))
        )
