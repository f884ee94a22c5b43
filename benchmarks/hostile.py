"""Hostile-input benchmark: worst-case report files of about 1 MiB, timed command by command.

Each file is built to hit one place where a careless pattern or loop would take time that grows
faster than the file: a long run of digits in text shown by every section, unmatched quotation
marks, many quoted passages, a long dotted email address, 10,000 contacts, and tens of thousands
of references to sources that do not exist among thousands that do. Every command must finish
(valid or not) in under the budget, 2 s by default. Standard library only; not a test.

    python benchmarks/hostile.py
    python benchmarks/hostile.py --timeout 30 --budget 2
    python benchmarks/hostile.py --command "python -m reportinfo"   # another build, say

Run it with the interpreter of the environment reportinfo is installed in. A command that
outlives --timeout is stopped and shown as over it.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BIN = Path(sys.executable).parent
REPORTINFO = str(BIN / "reportinfo")
MAX_BYTES = 1024 * 1024  # the loader's limit: every file here stays just under it

COMMANDS: list[tuple[str, list[str]]] = [
    ("validate", ["validate"]),
    ("overview", []),
    ("summary", ["summary"]),
    ("findings", ["findings"]),
    ("help-contacts", ["help-contacts"]),
    ("sources", ["sources"]),
]


def _q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def report(
    *,
    note: str = "This review discusses neglect.",
    finding: str = "Families said they felt passed around between services.",
    finding_sources: str = "[the-review]",
    quotes: str = "",
    who: str = "Anyone worried about a child.",
    source_title: str = "An example review",
    email: str = "help@example.org",
    contacts: str = "",
    group_contacts: str = "[helpline]",
    sources: str = "",
) -> str:
    """A small valid report (the one in docs/data-format.md), with one part made hostile."""
    return f"""\
report:
  title: An example review
  kind: serious case review
  publisher: An Example Safeguarding Partnership
  published: May 2024
  period: {{start: 2019, end: 2023}}
  recommendations: 3
  scale: Five families took part.
  link: the-review
  sources: [the-review]
content_note:
  text: {_q(note)}
  sources: [the-review]
summary:
  - text: The review looked at how services worked together.
    sources: [the-review]
findings:
  - text: {_q(finding)}
    sources: {finding_sources}
{quotes}groups:
  - id: worried
    heading: Worried about a child
    signpost: Worried about a child?
    contacts: {group_contacts}
contacts:
  - id: helpline
    name: Example Helpline
    who: {_q(who)}
    channels:
      - kind: phone
        value: 0800 000 0000
        hours:
          text: Monday to Friday 9am to 5pm
          weekly:
            - {{days: [mon, tue, wed, thu, fri], opens: "09:00", closes: "17:00"}}
      - kind: email
        value: {_q(email)}
    checked: 2024-05-01
    sources: [the-review]
{contacts}sources:
  - id: the-review
    title: {_q(source_title)}
    publisher: An Example Safeguarding Partnership
    date: May 2024
    url: https://www.example.org/review
{sources}"""


def _room(text: str, fields: int = 1) -> int:
    """How many more bytes each of `fields` fields can take while staying under 1 MiB."""
    return (MAX_BYTES - 200 - len(text.encode("utf-8"))) // fields


def digits() -> str:
    """One long run of ASCII digits in every text field a section shows (four fields)."""
    room = _room(report(), fields=4)
    run = "1" * room
    return report(
        note=f"See {run}", finding=f"See {run}", who=f"See {run}", source_title=f"See {run}"
    )


def unmatched_quotes() -> str:
    """Opening quotation marks that are never closed: each could start a search to the end."""
    room = _room(report())
    return report(finding="“" * (room // 3))  # three bytes each in UTF-8


def many_quotes() -> str:
    """Tens of thousands of quoted words, each listed under quotes: a check of every marked
    passage against every listed one would be quadratic."""
    count = 50_000
    marked = " ".join(f"“q{n}”" for n in range(count))
    listed = "    quotes: [" + ", ".join(f"q{n}" for n in range(count)) + "]\n"
    return report(finding=marked, quotes=listed)


def dotted_email() -> str:
    """An email address made of hundreds of thousands of dotted labels, ending badly."""
    room = _room(report())
    return report(email="x@" + "a." * (room // 2 - 2) + "a@")


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, d = divmod(n, 36)
        out = digits[d] + out
        if not n:
            return out


def many_contacts() -> str:
    """10,000 contacts in one group: a lookup by id that walks the list is quadratic. Written
    as a flow list, tightly, to fit under 1 MiB."""
    ids = [f"c{_base36(n)}" for n in range(10_000)]
    items = ",\n".join(
        f" {{id: {i},name: N,who: W,channels: [{{kind: web,value: a.uk}}],"
        f"checked: 2024-05-01,sources: [r]}}"
        for i in ids
    )
    text = report(group_contacts="[helpline," + ",".join(ids) + "]")
    head, rest = text.split("contacts:\n  - id: helpline", 1)
    _, tail = rest.split("sources:\n  - id: the-review", 1)
    helpline = (
        " {id: helpline,name: Example Helpline,who: W,channels: [{kind: phone,"
        "value: 0800 000 0000}],checked: 2024-05-01,sources: [the-review]}"
    )
    source = "  - {id: r, title: R, publisher: P, url: 'https://a.uk'}\n"
    return f"{head}contacts: [\n{helpline},\n{items}]\nsources:\n{source}  - id: the-review{tail}"


def unknown_references() -> str:
    """4,000 sources, and 40,000 citations of ids that none of them has."""
    known = 5_000
    sources = "".join(
        f"  - {{id: s{n}, title: T, publisher: P, url: 'https://a.uk/{n}'}}\n" for n in range(known)
    )
    citations = "[" + ", ".join(f"u{n}" for n in range(60_000)) + "]"
    return report(finding_sources=citations, sources=sources)


FILES: list[tuple[str, Callable[[], str]]] = [
    ("digits", digits),
    ("unmatched quotes", unmatched_quotes),
    ("many quotes", many_quotes),
    ("dotted email", dotted_email),
    ("10,000 contacts", many_contacts),
    ("unknown references", unknown_references),
]


def run(command: list[str], timeout: float) -> tuple[float, str]:
    """Wall time in seconds, and the exit code ("killed" when it outlived `timeout`)."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "REPORTINFO_DATA")}
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, "killed"
    return time.perf_counter() - start, str(done.returncode)


def _cell(took: float, code: str, timeout: float) -> str:
    return f">{timeout:.0f} s" if code == "killed" else f"{took:.2f} s ({code})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--command", default=REPORTINFO, help="how to run reportinfo")
    parser.add_argument("--budget", type=float, default=2.0, help="seconds each run may take")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds before a kill")
    options = parser.parse_args()
    base = shlex.split(options.command)
    print(f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores")
    print(f"budget {options.budget:.1f} s per run; time (exit code); * over budget")
    print(f"{'file':20} {'size':>8} " + " ".join(f"{name:>15}" for name, _ in COMMANDS))
    over = 0
    with tempfile.TemporaryDirectory() as folder:
        for name, build in FILES:
            path = Path(folder) / f"{name.replace(' ', '-').replace(',', '')}.yaml"
            path.write_text(build(), encoding="utf-8")
            size = path.stat().st_size
            if size > MAX_BYTES:
                sys.exit(f"{name} is {size} bytes, over the 1 MiB limit: make it smaller")
            cells = []
            for command_name, args in COMMANDS:
                if command_name == "validate":
                    command = [*base, "validate", str(path)]
                else:
                    command = [*base, "--data", str(path), *args]
                took, code = run(command, options.timeout)
                late = code == "killed" or took >= options.budget
                over += late
                cells.append(_cell(took, code, options.timeout) + ("*" if late else " "))
            print(f"{name:20} {size / 1024:6.0f}Ki " + " ".join(f"{c:>15}" for c in cells))
    print("every run within budget" if not over else f"{over} run(s) over budget")
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
