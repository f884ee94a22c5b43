"""Under a real pseudo-terminal, output is formatted and coloured; in a pipe it is not."""

from __future__ import annotations

import os
import pty
import select
import subprocess

from tests.conftest import INSTALLED, run_installed, strip_ansi


def run_in_pty(*args: str, env: dict[str, str] | None = None) -> str:
    controller, terminal = pty.openpty()
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    process = subprocess.Popen(
        [str(INSTALLED), *args],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env={**base, "TERM": "xterm-256color", "COLUMNS": "80", **(env or {})},
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


def test_terminal_gets_colour_and_layout() -> None:
    screen = run_in_pty("findings")
    assert "\x1b[" in screen
    assert "Content note: This report discusses child sexual abuse and suicide." in screen
    assert "\x1b[1;36m1. \x1b[0mIn the past" in screen  # numbers styled, before the text
    assert "\n1. In the past" in strip_ansi(screen).replace("\r", "")


def test_pipe_gets_plain_text() -> None:
    result = run_installed("findings")
    assert "\x1b" not in result.stdout
    assert "\n1. In the past" in result.stdout


def test_no_color_on_a_terminal_keeps_layout_without_codes() -> None:
    screen = run_in_pty("findings", env={"NO_COLOR": "1"})
    assert "\x1b" not in screen
    assert "\n1. In the past" in screen.replace("\r", "")
