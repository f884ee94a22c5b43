"""Under a real pseudo-terminal, output is formatted and coloured; in a pipe it is not.

Skipped where there are no pseudo-terminals (Windows), so the suite still collects there.
"""

from __future__ import annotations

import os
import re
import select
import struct
import subprocess

import pytest

from tests.conftest import INSTALLED, clean_env, run_installed, strip_ansi

pty = pytest.importorskip("pty", reason="no pseudo-terminals on this system")
termios = pytest.importorskip("termios", reason="no pseudo-terminals on this system")
fcntl = pytest.importorskip("fcntl", reason="no pseudo-terminals on this system")


def run_in_pty(
    *args: str, env: dict[str, str] | None = None, size: tuple[int, int] = (24, 80)
) -> str:
    """Run the installed script in a terminal of `size` (rows, columns); return what it wrote."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", size[0], size[1], 0, 0))
    process = subprocess.Popen(
        [str(INSTALLED), *args],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env=clean_env({"TERM": "xterm-256color", **(env or {})}),
    )
    os.close(terminal)
    chunks = []
    while True:
        ready, _, _ = select.select([controller], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=30)
    os.close(controller)
    assert process.returncode == 0
    return b"".join(chunks).decode("utf-8")


_ISOLATES = str.maketrans("", "", "\u2066\u2069")


def screen_lines(output: str) -> list[str]:
    """The lines as seen: no styles, and no direction isolates (they take no column)."""
    return strip_ansi(output).translate(_ISOLATES).replace("\r", "").splitlines()


def test_terminal_gets_colour_and_layout() -> None:
    screen = run_in_pty("findings")
    assert "\x1b[" in screen
    assert "\x1b[1m1. \x1b[0mIn the past" in screen  # numbers bold, before the text
    lines = screen_lines(screen)
    assert lines[0] == "Content note: This report discusses child sexual abuse and suicide."
    assert "1. In the past, agencies were “not equipped” to give “adequate” advice," in lines
    assert all(len(line) <= 80 for line in lines), "laid out for the terminal's own width"


def test_terminal_width_comes_from_the_terminal() -> None:
    lines = screen_lines(run_in_pty("summary", size=(24, 40)))
    assert max(len(line) for line in lines if "://" not in line) <= 40
    assert max(len(line) for line in lines) > 30


@pytest.mark.parametrize(("size", "env"), [((0, 0), {}), ((24, 80), {"COLUMNS": "0"})])
def test_a_width_of_zero_means_not_known(size: tuple[int, int], env: dict[str, str]) -> None:
    """A terminal not yet given a size, or COLUMNS=0: laid out for 80 columns, not squeezed."""
    lines = screen_lines(run_in_pty("findings", env=env, size=size))
    assert "1. In the past, agencies were “not equipped” to give “adequate” advice," in lines


def test_pipe_gets_plain_text() -> None:
    result = run_installed("findings")
    assert "\x1b" not in result.stdout
    assert "\n1. In the past" in result.stdout


def test_no_color_on_a_terminal_keeps_layout_without_codes() -> None:
    screen = run_in_pty("findings", env={"NO_COLOR": "1"})
    assert "\x1b" not in screen
    lines = screen_lines(screen)
    # Wrapped at 80 columns with a hanging indent: what only the terminal layout does.
    at = lines.index("1. In the past, agencies were “not equipped” to give “adequate” advice,")
    assert lines[at + 1].startswith("   information or support to young people and their families.")


@pytest.mark.parametrize("section", ["help-contacts", "findings", "summary"])
def test_the_last_screen_holds_the_help(section: str) -> None:
    """In an 80x24 window, what is left on screen when the command ends shows 999 and the main
    numbers (the prompt takes the last row)."""
    on_screen = " ".join(screen_lines(run_in_pty(section))[-23:])
    assert "call the emergency services straight away: 999." in on_screen
    for number in ("0808 800 5000", "116 123", "0808 801 0331"):
        assert number in on_screen, (section, number)
    if section != "help-contacts":
        assert "More help: reportinfo help-contacts" in on_screen


def test_the_stale_warning_is_styled_on_a_terminal_and_on_stderr_when_piped() -> None:
    # Not run against a clock: a fake stale file is simpler than a fake date for a real process.
    import tempfile
    from pathlib import Path

    from reportinfo import loader

    text = (
        Path(loader.bundled_path())
        .read_text(encoding="utf-8")
        .replace("checked: 2026-11-28", "checked: 2020-01-01")
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "old.yaml"
        path.write_text(text, encoding="utf-8")
        screen = run_in_pty("--data", str(path), "help-contacts")
        piped = run_installed("--data", str(path), "help-contacts")
    # Bold in the terminal's own colour: a yellow warning was unreadable on light themes.
    assert "\x1b[1mNote: these contact details were checked on 1 January 2020" in screen
    assert piped.stderr.startswith(
        "reportinfo: Note: these contact details were checked on 1 January 2020"
    )
    assert "Note: these contact details" not in piped.stdout


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["validate", "-"], {}),
        (["summary", "--data", "-"], {}),
        (["findings"], {"REPORTINFO_DATA": "-"}),
    ],
)
def test_standard_input_from_a_terminal_is_an_error_not_a_wait(
    args: list[str], env: dict[str, str]
) -> None:
    """As clig.dev asks: a command that expects piped input does not hang on a terminal."""
    controller, terminal = pty.openpty()
    try:
        result = subprocess.run(
            [str(INSTALLED), *args],
            stdin=terminal,
            capture_output=True,
            text=True,
            env=clean_env(env),
            timeout=30,
            check=False,
        )
    finally:
        os.close(terminal)
        os.close(controller)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "reportinfo: '-' reads a report from standard input, which is a terminal here; pipe a "
        f"report file in, or redirect one with '< report.yaml'. Try 'reportinfo {args[0]} --help'.\n"
    )


def test_the_999_line_is_in_reverse_video_and_nothing_is_coloured() -> None:
    """Reverse video in the terminal's own colours stands out on every theme; ANSI colours do
    not read on all of them (tests/test_contrast.py)."""
    screen = run_in_pty("help-contacts")
    start = screen.index("\x1b[1;7m")
    assert screen[start:].startswith("\x1b[1;7mIf you or anyone else is in immediate danger")
    assert not [code for code in re.findall(r"\x1b\[([0-9;]*)m", screen) if _coloured(code)]


def _coloured(codes: str) -> bool:
    return any(30 <= int(n) <= 49 or 90 <= int(n) <= 107 for n in codes.split(";") if n)


def test_numbers_stay_whole_in_a_terminal_20_columns_wide() -> None:
    lines = screen_lines(run_in_pty("help-contacts", size=(24, 20)))
    assert max(len(line) for line in lines) <= 20
    for number in ("0808 800 5000", "0800 999 7677", "08 08 16 89 111", "0808 801 0331"):
        assert any(number in line for line in lines), number


def test_numbers_are_isolated_on_a_unicode_terminal_only() -> None:
    screen = run_in_pty("help-contacts", env={"PYTHONIOENCODING": "utf-8"})
    assert "\u20660808 800 5000\u2069" in screen
    ascii_screen = run_in_pty("help-contacts", env={"PYTHONIOENCODING": "ascii"})
    assert "0808 800 5000" in ascii_screen
    assert "?0808" not in ascii_screen
