"""Everything `footprint demo` needs: the local server, the fictional profile, settings.

Every service the lookups would contact is pointed at the local demo server, so the demo makes
no request beyond this computer. Services with no stand-in file there answer 404, which the
lookups report as "not found" (true for a doctor who does not exist).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from footprint.demo.server import DemoServer
from footprint.errors import ProfileError
from footprint.model.profile import Profile
from footprint.util.settings import Settings
from footprint.util.yamlio import parse_yaml

HERE = Path(__file__).parent
# Services whose base URL the demo redirects to its own server (path prefix on the server).
STAND_INS = {
    "duckduckgo": "/search",
    "companies-house": "/ch",
    "github": "/github",
    "bluesky": "/bluesky",
    "gravatar": "/gravatar",
    "rdap": "/rdap",
    "npi-registry": "/npi",
    "hibp": "/hibp",
}
FAKE_KEYS = ("FOOTPRINT_COMPANIES_HOUSE_KEY",)
# The demo's fetch limit: short, so the deliberately slow page times out quickly.
DEMO_TOTAL_TIMEOUT = 3.0


@dataclass(frozen=True)
class DemoEnvironment:
    """What the demo audit runs with."""

    base_url: str
    profile: Profile
    settings: Settings
    answers_path: Path
    granted_by: str = "demo run (fictional doctor; nothing leaves this computer)"
    # The running server, so the re-check demo can switch the site to its "after" state.
    server: DemoServer | None = field(default=None, compare=False, repr=False)


def demo_profile(base_url: str) -> Profile:
    """The bundled fictional profile, with `{demo}` replaced by the local server's address."""
    text = (HERE / "profile.yaml").read_text(encoding="utf-8").replace("{demo}", base_url)
    return Profile.model_validate(parse_yaml(text, "the demo profile", ProfileError))


def demo_settings(base_url: str) -> Settings:
    """Settings that send every service to the local server and allow loopback."""
    env = {
        f"FOOTPRINT_{name.upper().replace('-', '_')}_URL": base_url + prefix
        for name, prefix in STAND_INS.items()
    }
    env.update(dict.fromkeys(FAKE_KEYS, "demo-key-not-a-real-key"))
    return Settings(env=env, allow_loopback=True)


@contextmanager
def demo_environment() -> Iterator[DemoEnvironment]:
    """Start the local server and yield the environment; stop the server afterwards."""
    with DemoServer(slow_delay=DEMO_TOTAL_TIMEOUT + 2) as server:
        yield DemoEnvironment(
            base_url=server.base_url,
            profile=demo_profile(server.base_url),
            settings=demo_settings(server.base_url),
            answers_path=HERE / "answers.yaml",
            server=server,
        )
