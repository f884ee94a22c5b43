"""Shared fixtures: a fixed clock, a CliRunner wrapper, the installed program, report files."""

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
from reportinfo.cli import cli

# Wednesday 25 November 2026, 2pm in London (GMT): every weekday line is open.
WEDNESDAY_AFTERNOON = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)

TESTS = Path(__file__).parent
GOLDEN = TESTS / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/ from current output"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


Invoke = Callable[..., Result]


@pytest.fixture
def invoke() -> Invoke:
    """Run the CLI in-process with a fixed clock; stdout and stderr are kept apart."""

    def run(
        *args: str, now: datetime = WEDNESDAY_AFTERNOON, env: dict[str, str] | None = None
    ) -> Result:
        runner = CliRunner()
        return runner.invoke(cli, list(args), obj=now, env=env, catch_exceptions=False)

    return run


@pytest.fixture(scope="session")
def report_data() -> dict[str, Any]:
    """The bundled report as plain YAML data, to copy and change in tests."""
    return bundled_yaml()


def bundled_yaml() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(Path(loader.bundled_path()).read_text(encoding="utf-8"))
    return data


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


INSTALLED = Path(sys.executable).parent / "reportinfo"


def run_installed(
    *args: str,
    env: dict[str, str] | None = None,
    unset: tuple[str, ...] = (),
    cwd: Path | None = None,
    stdin: int | None = subprocess.DEVNULL,
    **kwargs: Any,
) -> subprocess.CompletedProcess[str]:
    """Run the installed console script as a real process, output piped.

    `env` adds to this environment, less NO_COLOR, FORCE_COLOR, COLUMNS and anything in `unset`.
    """
    dropped = ("NO_COLOR", "FORCE_COLOR", "COLUMNS", *unset)
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [str(INSTALLED), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**base, **(env or {})},
        cwd=cwd,
        stdin=stdin,
        timeout=60,
        check=False,
        **kwargs,
    )


@pytest.fixture
def no_color_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "FORCE_HYPERLINK", "COLUMNS", "TERM"):
        monkeypatch.delenv(name, raising=False)


_ANSI = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")


def strip_ansi(text: str) -> str:
    """Text without SGR styles and OSC 8 hyperlinks, as a person would read it."""
    return _ANSI.sub("", text)
