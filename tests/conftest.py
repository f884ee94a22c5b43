"""Shared fixtures and helpers: each exists once, here.

- a clean environment for every test (`_hermetic`), so the shell running pytest cannot change
  what a test sees;
- fixed clocks (no test depends on today's date);
- `invoke` (CliRunner, in-process) and `run_installed` (the installed console script);
- the section list, the bundled report as YAML, and changes to make to it (`set_at`).
"""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from reportinfo import loader
from reportinfo.cli import DATA_VARIABLE, DEBUG_VARIABLE, cli
from reportinfo.output import DISPLAY_VARIABLES
from reportinfo.render import SECTIONS

# Every variable the tool reads, or that changes how Python or a pager behaves for it.
TOOL_VARIABLES = (
    *DISPLAY_VARIABLES,
    "LINES",
    "PAGER",
    "LESS",
    DATA_VARIABLE,
    DEBUG_VARIABLE,
    "PYTHONIOENCODING",
    "_REPORTINFO_COMPLETE",  # click's shell-completion request
    "COMP_WORDS",
    "COMP_CWORD",
)

# Wednesday 25 November 2026, 2pm in London (GMT): every weekday line is open.
WEDNESDAY_AFTERNOON = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
# Saturday 28 November 2026, 11pm: the NSPCC line is closed, the out-of-hours team is open.
SATURDAY_NIGHT = datetime(2026, 11, 28, 23, 0, tzinfo=UTC)

# The sections as commands: the overview is `reportinfo` with no command.
SECTION_ARGS: dict[str, list[str]] = {
    section: [] if section == "overview" else [section] for section in SECTIONS
}
COMMANDS = ["summary", "findings", "help-contacts", "sources", "validate", "schema", "help"]

TESTS = Path(__file__).parent
# Installed from a wheel (as CI does), not run from src/ by an editable install: only a wheel
# carries the bundled report already read and checked (hatch_build.py).
FROM_WHEEL = Path(loader.__file__).parent.parent.name != "src"
GOLDEN = TESTS / "golden"
INSTALLED = Path(sys.executable).parent / ("reportinfo.exe" if os.name == "nt" else "reportinfo")


@pytest.fixture(autouse=True)
def _hermetic(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts from an environment without the tool's variables."""
    for name in TOOL_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/ from current output"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


Invoke = Callable[..., Result]


def invoke_cli(
    *args: str,
    now: datetime = WEDNESDAY_AFTERNOON,
    env: dict[str, str] | None = None,
    input: str | None = None,
) -> Result:
    """Run the CLI in-process with a fixed clock; stdout and stderr are kept apart."""
    return CliRunner().invoke(
        cli, list(args), obj=now, env=env, input=input, catch_exceptions=False
    )


@pytest.fixture
def invoke() -> Invoke:
    return invoke_cli


def bundled_yaml() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(Path(loader.bundled_path()).read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def report_data() -> dict[str, Any]:
    """The bundled report as plain YAML data, to copy and change in tests."""
    return bundled_yaml()


@pytest.fixture
def write_report(tmp_path: Path, report_data: dict[str, Any]) -> Callable[..., Path]:
    """Write a copy of the bundled report, changed by `change`, and return its path."""

    def write(
        change: Callable[[dict[str, Any]], None] | None = None, name: str = "report.yaml"
    ) -> Path:
        data = copy.deepcopy(report_data)
        if change:
            change(data)
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    return write


def clean_env(env: dict[str, str] | None = None, unset: tuple[str, ...] = ()) -> dict[str, str]:
    """This environment without the tool's variables (and `unset`), plus `env`."""
    dropped = {*TOOL_VARIABLES, *unset}
    return {**{k: v for k, v in os.environ.items() if k not in dropped}, **(env or {})}


def run_installed(
    *args: str,
    env: dict[str, str] | None = None,
    unset: tuple[str, ...] = (),
    cwd: Path | None = None,
    stdin: Any = subprocess.DEVNULL,
    text: bool = True,
    **kwargs: Any,
) -> subprocess.CompletedProcess[Any]:
    """Run the installed console script as a real process, output piped, in a clean environment."""
    options: dict[str, Any] = {"encoding": "utf-8", "errors": "replace"} if text else {}
    if "stdout" not in kwargs and "stderr" not in kwargs:
        options["capture_output"] = True
    return subprocess.run(
        [str(INSTALLED), *args],
        text=text,
        env=clean_env(env, unset),
        cwd=cwd,
        stdin=stdin,
        timeout=60,
        check=False,
        **options,
        **kwargs,
    )


_ANSI = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")


def strip_ansi(text: str) -> str:
    """Text without SGR styles and OSC 8 hyperlinks, as a person would read it."""
    return _ANSI.sub("", text)


_ISOLATES = str.maketrans(dict.fromkeys("\u2066\u2067\u2068\u2069"))

# A web address on a line of its own, in its brackets and with the punctuation after it: the
# one line the terminal layout lets be wider than the screen (the terminal wraps it, so that it
# is copied, and found as a link, whole).
_ADDRESS_LINE = re.compile(r"\(?(https?://)?[\w-]+(\.[\w-]+)+(/\S*)?[.,;:)]*")


def too_wide(lines: list[str], width: int) -> list[str]:
    """The lines wider than `width` columns that are not a web address on a line of its own."""
    return [line for line in lines if len(line) > width and not _ADDRESS_LINE.fullmatch(line)]


def without_isolates(text: str) -> str:
    """Text without the direction isolates around numbers, which a reader does not see."""
    return text.translate(_ISOLATES)


Change = Callable[[dict[str, Any]], None]


def _parent(data: dict[str, Any], path: str) -> tuple[Any, str | int]:
    """The container holding `path` ("findings.2.text") in parsed YAML, and the last key."""
    *parents, last = path.split(".")
    target: Any = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    return target, int(last) if last.isdigit() else last


def set_at(path: str, value: object) -> Change:
    """A change for `write_report`: set the value at `path`."""

    def change(data: dict[str, Any]) -> None:
        target, key = _parent(data, path)
        target[key] = value

    return change


def delete_at(path: str) -> Change:
    """A change for `write_report`: remove the key at `path`."""

    def change(data: dict[str, Any]) -> None:
        target, key = _parent(data, path)
        del target[key]

    return change
