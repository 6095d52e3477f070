"""A person's work for the demo quick audit: clicks, fields typed and pages in the browser, and
prompts answered on the terminal adviser call.

**Browser**: the demo doctor's quick audit through the pages (`footprint ui --demo`), driven
through the WSGI app as a browser would: each step finds the button by its label in the page
it is on and sends that button's form with what the page holds (hidden fields, checked boxes,
chosen options), so a button that is missing fails the run. The path is the shortest honest
one: Start, the demo profile as it is, "No" to the first question, consent in as few clicks as
the page allows ("Agree to all" when it is there, else each "Yes" and then the page's button),
"No" to every question, then "Write my report".

**Terminal call**: `footprint audit --quick --adviser ... --case ...` with no profile file, on
a pseudo-terminal (tests/ptyaudit.py starts it): every prompt is answered as a member on a call
would, with the essentials only (name, country, region, town, workplace) and Enter for the
rest; lookups point at a closed local port, so nothing leaves this computer.

Run it against another tree to get that tree's figures (the before figures):

    python benchmarks/person_work_bench.py
    PYTHONPATH=/path/to/other/src python benchmarks/person_work_bench.py
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from tests.uiclient import Browser  # noqa: E402

import footprint  # noqa: E402
from footprint.demo.run import STAND_INS, demo_environment  # noqa: E402
from footprint.store.sessions import Store  # noqa: E402
from footprint.ui.controller import UiAudit, UiOptions  # noqa: E402
from ptyaudit import PtyProcess, child_env  # noqa: E402

# -- the browser ----------------------------------------------------------------------------


@dataclass
class Form:
    """One <form>: where it goes, what it holds, and its buttons (label -> name, value)."""

    action: str
    fields: dict[str, str] = field(default_factory=dict)
    radios: dict[str, list[str]] = field(default_factory=dict)  # name -> values offered
    buttons: dict[str, tuple[str, str]] = field(default_factory=dict)


class _Forms(HTMLParser):
    """Every form of a page, as a browser would send it."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._button: tuple[str, str] | None = None
        self._label = ""
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(Form(a.get("action", "")))
        elif not self.forms:
            return
        elif tag == "input" and a.get("name"):
            kind, name = a.get("type", "text"), a["name"]
            form = self.forms[-1]
            if kind == "radio":
                form.radios.setdefault(name, []).append(a.get("value", "on"))
            if kind in ("radio", "checkbox") and "checked" not in a:
                return
            if kind != "file":
                form.fields[name] = a.get("value", "on")
        elif tag == "textarea" and a.get("name"):
            self.forms[-1].fields[a["name"]] = ""
        elif tag == "select":
            self._select = a.get("name")
        elif (
            tag == "option"
            and self._select
            and ("selected" in a or self._select not in self.forms[-1].fields)
        ):
            self.forms[-1].fields[self._select] = a.get("value", "")
        elif tag == "button":
            self._button, self._label = (a.get("name", ""), a.get("value", "")), ""

    def handle_data(self, data: str) -> None:
        if self._button is not None:
            self._label += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "button" and self._button is not None and self.forms:
            self.forms[-1].buttons[" ".join(self._label.split())] = self._button
            self._button = None
        elif tag == "select":
            self._select = None


@dataclass
class BrowserWork:
    clicks: int = 0
    typed: int = 0
    pages: list[str] = field(default_factory=list)
    by_page: dict[str, int] = field(default_factory=dict)  # clicks made on each kind of page


class Person:
    """Clicks buttons by their label on the page in front of them, counting the work."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.work = BrowserWork()
        self.html = ""
        self.path = ""

    def _seen(self, response: object) -> None:
        self.html = response.get_data(as_text=True)  # type: ignore[attr-defined]
        self.path = response.request.path  # type: ignore[attr-defined]
        self.work.pages.append(self.path)

    def open(self, path: str) -> None:
        self._seen(self.browser.get(path))

    def has(self, label: str) -> bool:
        return any(label in f.buttons for f in self._forms())

    def _forms(self) -> list[Form]:
        parser = _Forms()
        parser.feed(self.html)
        return parser.forms

    def click(
        self, label: str, choose: dict[str, str] | None = None, typing: dict[str, str] | None = None
    ) -> None:
        """Type into fields and choose radios (one click each), then press the button
        labelled `label`."""
        form = next((f for f in self._forms() if label in f.buttons), None)
        if form is None:
            raise SystemExit(f"no button {label!r} on {self.path}")
        before = self.work.clicks
        data: dict[str, str | list[str]] = {k: v for k, v in form.fields.items() if k != "_csrf"}
        for name, value in (choose or {}).items():
            if data.get(name) != value:
                data[name] = value
                self.work.clicks += 1
        for name, value in (typing or {}).items():
            if name not in data:
                raise SystemExit(f"no field {name!r} on {self.path}")
            data[name] = value
            self.work.typed += 1
        name, value = form.buttons[label]
        if name:
            data[name] = value
        self.work.clicks += 1
        made = self.work.clicks - before
        self.work.by_page[self.path] = self.work.by_page.get(self.path, 0) + made
        self._seen(self.browser.post(form.action, data))


#: What a doctor with no profile file types: the essentials, as the profile page asks them.
ESSENTIALS = {
    "name": "Alex Example",
    "region": "England",
    "locality": "Exampleton",
    "workplace_0_name": "Example Street Surgery",
}


def browser_quick_audit(demo: bool = True) -> BrowserWork:
    """The demo's quick audit in the browser, from the start page to the report: the demo
    doctor as preset, or (`demo=False`) a doctor typing the essentials into an empty page."""
    with demo_environment() as env, tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "store.db") as store:
            audit = UiAudit(
                UiOptions(
                    settings=env.settings,
                    store=store,
                    reports_base=Path(tmp) / "reports",
                    profile_folder=Path(tmp),
                    preset_profile=env.profile if demo else None,
                    granted_by=env.granted_by,
                )
            )
            person = Person(Browser(audit))
            person.open("/")
            person.click("Start")
            person.click("Continue", typing=None if demo else ESSENTIALS)
            person.click("No")  # no patient is contacting me now
            if person.path == "/consent":
                _consent(person)
            answered = 0
            while person.path == "/question" and answered < 200:
                person.click("No")
                answered += 1
            assert audit.engine is not None
            audit.engine.wait_lookups(timeout=60)
            person.open("/finish")  # the page refreshes itself while lookups run
            person.work.pages.pop()  # ... which is not a page the person asked for
            person.click("Write my report")
            if person.path != "/report":
                raise SystemExit(f"ended on {person.path}, not the report")
            return person.work


def _consent(person: Person) -> None:
    if person.has("Agree to all"):
        person.click("Agree to all")
        return
    radios = {n: "yes" for f in person._forms() for n, v in f.radios.items() if "yes" in v}
    form = next(f for f in person._forms() if f.radios)
    [button] = form.buttons  # the one-by-one form's own button
    person.click(button, choose=radios)


# -- the terminal call ----------------------------------------------------------------------

ADVISER, CASE = "Sam Adviser", "C-1"
#: What the member says to each profile prompt (by words in it); anything else: Enter.
MEMBER = {
    "Your name": "Alex Example",
    "Where you live": "england",
    "Town or city": "Exampleton",
    "Workplaces": "Example Street Surgery",
    "practice or hospital": "Example Street Surgery",
}
_PROMPT_END = re.compile(r": $")  # click ends every prompt with ": "


@dataclass
class CallWork:
    profile_prompts: int = 0
    consent_prompts: int = 0
    questions: int = 0
    other_prompts: list[str] = field(default_factory=list)


def _next_prompt(proc: PtyProcess, timeout: float = 30.0) -> str | None:
    """The line the child is waiting at, or None once it has ended."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        fresh = proc.output[proc._seen :]
        if _PROMPT_END.search(fresh):
            proc._seen = len(proc.output)
            return fresh.rstrip().splitlines()[-1].strip()
        if not proc._read(0.5) and proc._eof:
            return None
    raise TimeoutError(f"no prompt within {timeout}s:\n{proc.output[-1500:]}")


def terminal_call(folder: Path) -> CallWork:
    """The adviser's quick call, no profile file: count every prompt by kind."""
    env = child_env(folder / "home")
    for service in STAND_INS:  # every service at a closed local port: nothing leaves
        env[f"FOOTPRINT_{service.upper().replace('-', '_')}_URL"] = "http://127.0.0.1:9"
    args = ["audit", "--quick", "--adviser", ADVISER, "--case", CASE, "--out", str(folder / "o")]
    proc = PtyProcess(args, env, cwd=folder)
    work, stage = CallWork(), "profile"
    while (line := _next_prompt(proc)) is not None:
        if "y / n / u / na" in line:
            stage = "questions"
            work.questions += 1
            proc.send("n")
        elif "may footprint do this?" in line:
            work.consent_prompts += 1
            proc.send("all" if "all / none" in line else "y")
        elif "y / n / u [n]" in line:
            stage = "response"
            proc.send("n")
        elif stage == "profile":  # the save offer counts too: "n" (the adviser's computer)
            work.profile_prompts += 1
            answer = "n" if "Save these details" in line else ""
            proc.send(next((v for k, v in MEMBER.items() if k in line), answer))
        else:
            work.other_prompts.append(line)
            proc.send("n")
    code = proc.finish()
    if code != 0:
        raise SystemExit(f"the call exited with {code}:\n{proc.output[-2000:]}")
    return work


def main() -> None:
    print(f"person's work benchmark ({Path(footprint.__file__).parent})")
    started = time.perf_counter()
    web = browser_quick_audit()
    consent = web.pages.count("/consent")
    print("  browser, demo quick audit (footprint ui --demo):")
    print(f"    clicks {web.clicks}, fields typed {web.typed}, pages seen {len(web.pages)}")
    print(f"    pages: start, profile, response, consent x{consent}, ", end="")
    print(f"question x{web.pages.count('/question')}, finish, report")
    print(f"    clicks on each page: {web.by_page}")
    typed = browser_quick_audit(demo=False)
    print("  browser, the same with a doctor typing the essentials into an empty profile page:")
    print(f"    clicks {typed.clicks}, fields typed {typed.typed}, pages seen {len(typed.pages)}")
    with tempfile.TemporaryDirectory() as tmp:
        call = terminal_call(Path(tmp))
    print("  terminal adviser call (footprint audit --quick --adviser, no profile file):")
    print(
        f"    profile prompts {call.profile_prompts}, questions {call.questions}, "
        f"consent prompts {call.consent_prompts}, other prompts {len(call.other_prompts)}"
    )
    for line in call.other_prompts:
        print(f"      other: {line}")
    print(f"  took {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
