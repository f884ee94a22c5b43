"""Rich output: numbers never split, links where supported, and data is never markup."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from reportinfo import loader
from reportinfo.output import Display, choose_display, fit_encoding, supports_hyperlinks
from reportinfo.render import SECTIONS, terminal
from tests.conftest import Invoke, strip_ansi

REPORT = loader.load()
NOW = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
PHONES = [ch.value for c in REPORT.contacts for ch in c.channels if ch.kind == "phone"]


def rendered(section: str, width: int, hyperlinks: bool = False, encoding: str = "utf-8") -> str:
    display = Display(rich=True, color=True, hyperlinks=hyperlinks, width=width, encoding=encoding)
    return terminal.to_ansi(terminal.render(section, REPORT, NOW, hyperlinks), display)  # type: ignore[arg-type]


@pytest.mark.parametrize("width", range(20, 301))
def test_phone_numbers_are_never_split_across_lines(width: int) -> None:
    for section in ("help-contacts", "summary"):
        lines = strip_ansi(rendered(section, width)).splitlines()
        flowing = " ".join(line.strip() for line in lines)
        shown = [number for number in PHONES if number in flowing]
        assert "0808 800 5000" in shown
        for number in shown:
            assert any(number in line for line in lines), (section, width, number)
        assert all(len(line.rstrip()) <= width for line in lines), (section, width)


def test_hyperlinks_only_where_supported() -> None:
    linked = rendered("help-contacts", 80, hyperlinks=True)
    assert "\x1b]8;" in linked
    assert "tel:+448088005000" in linked
    assert "https://childline.org.uk" in linked
    assert "mailto:help@nspcc.org.uk" in linked
    assert "\x1b]8;" not in rendered("help-contacts", 80, hyperlinks=False)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, False),
        ({"TERM_PROGRAM": "iTerm.app"}, True),
        ({"VTE_VERSION": "7200"}, True),
        ({"VTE_VERSION": "4000"}, False),
        ({"FORCE_HYPERLINK": "1"}, True),
        ({"FORCE_HYPERLINK": "0", "TERM_PROGRAM": "WezTerm"}, False),
    ],
)
def test_hyperlink_detection(env: dict[str, str], expected: bool) -> None:
    assert supports_hyperlinks(env) is expected


@pytest.mark.parametrize(
    ("color", "isatty", "env", "rich", "use_color"),
    [
        ("auto", True, {"TERM": "xterm"}, True, True),
        ("auto", False, {"TERM": "xterm"}, False, False),
        ("auto", True, {"TERM": "dumb"}, False, False),
        ("auto", True, {"TERM": "xterm", "NO_COLOR": "1"}, True, False),
        ("auto", False, {"FORCE_COLOR": "1"}, True, True),
        ("auto", False, {"FORCE_COLOR": "0"}, False, False),
        ("always", False, {"NO_COLOR": "1"}, True, True),
        ("never", True, {"FORCE_COLOR": "1", "TERM": "xterm"}, True, False),
        ("never", False, {}, False, False),
    ],
)
def test_display_decision(
    color: str, isatty: bool, env: dict[str, str], rich: bool, use_color: bool
) -> None:
    display = choose_display(color, isatty=isatty, env=env)
    assert (display.rich, display.color) == (rich, use_color)


def test_ascii_terminals_get_ascii_punctuation() -> None:
    assert (
        fit_encoding("1998 – 2016 “not heard” • ok…", "ascii") == '1998 - 2016 "not heard" * ok...'
    )
    assert fit_encoding("café ☎", "latin-1") == "café ?"
    assert fit_encoding("café ☎", "utf-8") == "café ☎"


HOSTILE = "[bold red]alarm[/] :warning: [link=https://evil.example]click[/link] http://x.example"


def _hostile(data: dict[str, Any]) -> None:
    data["findings"][0] = {"text": HOSTILE, "sources": ["bfp-article"]}
    data["summary"][0]["text"] = HOSTILE
    data["contacts"][1]["name"] = HOSTILE
    data["sources"][0]["title"] = HOSTILE


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize(
    "mode", [["--color", "always"], ["--color", "never"], ["--format", "json"]]
)
def test_markup_in_data_is_printed_literally(
    invoke: Invoke, write_report: Callable[..., Path], section: str, mode: list[str]
) -> None:
    path = write_report(_hostile)
    result = invoke("--data", str(path), section, *mode, env={"FORCE_HYPERLINK": "1"})
    assert result.exit_code == 0
    out = json.dumps(json.loads(result.stdout)) if mode[-1] == "json" else strip_ansi(result.stdout)
    assert "[bold red]alarm[/] :warning:" in out
    assert "⚠" not in result.stdout
    assert "evil.example" not in result.stdout.replace("[link=https://evil.example]", "")


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\r", "\b", "\x9b", "\x00"])
def test_control_characters_are_refused(
    invoke: Invoke, write_report: Callable[..., Path], char: str
) -> None:
    def inject(data: dict[str, Any]) -> None:
        data["contacts"][1]["name"] = f"NSPCC{char}]0;owned\x07"

    result = invoke("--data", str(write_report(inject)), "help-contacts")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "contacts[1].name: contains a control character (U+" in result.stderr
    assert char not in result.stdout


def test_open_now_is_green_and_closed_is_yellow() -> None:
    out = rendered("help-contacts", 100)
    assert "\x1b[32mOpen now, until 10pm.\x1b[0m" in out  # the NSPCC line, Wednesday 2pm
    assert "\x1b[33mClosed now. Opens at 5.30pm.\x1b[0m" in out  # the out-of-hours team


def test_extra_spaces_do_not_let_a_number_split(write_report: Callable[..., Path]) -> None:
    def spaced(data: dict[str, Any]) -> None:
        data["contacts"][1]["cost"] = "Free   to   call   on   0808 800 5000   from   UK   phones."

    report = loader.load(str(write_report(spaced)))
    display = Display(rich=True, color=False, hyperlinks=False, width=20, encoding="utf-8")
    for width in range(20, 80):
        display = display._replace(width=width)
        out = terminal.to_ansi(terminal.render("help-contacts", report, NOW, False), display)
        cost = out[out.index("Cost: Free") : out.index("Details checked")]
        assert "0808 800 5000" in cost, (width, cost)
        assert all(len(line) <= width for line in out.splitlines())
