"""The pager, as git and gh page: only the terminal layout on a terminal, only when the output
is taller than the window; `q` ends with exit 0, Ctrl-C in the pager is the pager's.

Each test runs the installed script in a pseudo-terminal of its own (its controlling terminal,
so that Ctrl-C there is a real SIGINT) with a fake pager that the test writes: no test depends
on `less` being installed, but one runs the real less where there is one.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import struct
import sys
import time
from pathlib import Path

import pytest

from reportinfo import output, pager
from reportinfo.errors import OutputError
from tests.conftest import INSTALLED, Invoke, clean_env, run_installed, strip_ansi
from tests.test_startup import modules_after

pty = pytest.importorskip("pty", reason="no pseudo-terminals on this system")
termios = pytest.importorskip("termios", reason="no pseudo-terminals on this system")
fcntl = pytest.importorskip("fcntl", reason="no pseudo-terminals on this system")

READY = "FAKE-PAGER-READY"

# Shows what it is given, says which LESS it got, then waits for `q` on the terminal, as less
# does; ignores Ctrl-C as less does at its prompt, unless told to "die" of it.
FAKE_PAGER = f"""#!{sys.executable}
import os, signal, sys, termios, tty
if sys.argv[1:] != ["die"]:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
data = sys.stdin.buffer.read()
tty_fd = os.open("/dev/tty", os.O_RDONLY)
saved = termios.tcgetattr(tty_fd)
tty.setcbreak(tty_fd)  # keys one by one, before anything is shown
out = sys.stdout.buffer
out.write(b"FAKE-PAGER LESS=" + os.environ.get("LESS", "-").encode() + b"\\n")
out.write(data + b"{READY}\\n")
out.flush()
try:
    while os.read(tty_fd, 1) not in (b"q", b""):
        pass
finally:
    termios.tcsetattr(tty_fd, termios.TCSADRAIN, saved)
"""


@pytest.fixture
def fake_pager(tmp_path: Path) -> str:
    path = tmp_path / "fake-pager"
    path.write_text(FAKE_PAGER, encoding="utf-8")
    path.chmod(0o755)
    return str(path)


class Session:
    """The installed script in a pseudo-terminal that is its controlling terminal."""

    def __init__(self, *args: str, env: dict[str, str], rows: int = 24, columns: int = 80):
        pid, controller = pty.fork()
        if pid == 0:  # the child: the terminal is its stdin, stdout, stderr and /dev/tty
            try:
                os.execve(  # noqa: S606 - the script under test, as the test runs it
                    str(INSTALLED),
                    ["reportinfo", *args],
                    clean_env({"TERM": "xterm-256color", **env}),
                )
            finally:
                os._exit(127)
        fcntl.ioctl(controller, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.pid, self.controller, self.seen = pid, controller, b""

    def read_until(self, marker: str | None, timeout: float = 30) -> str:
        """What the terminal shows until `marker` appears (None: until the end)."""
        end = time.monotonic() + timeout
        while marker is None or marker.encode() not in self.seen:
            ready, _, _ = select.select([self.controller], [], [], max(0, end - time.monotonic()))
            if not ready:
                raise AssertionError(f"no {marker!r} in {self.seen[-500:]!r}")
            try:
                chunk = os.read(self.controller, 65536)
            except OSError:  # the child has gone, and the terminal with it
                chunk = b""
            if not chunk:
                break
            self.seen += chunk
        return self.text()

    def text(self) -> str:
        return strip_ansi(self.seen.decode("utf-8", "replace")).replace("\r", "")

    def press(self, keys: bytes) -> None:
        os.write(self.controller, keys)

    def finish(self) -> int:
        """Read to the end; the exit code, or minus the signal that ended the process."""
        self.read_until(None)
        _, status = os.waitpid(self.pid, 0)
        os.close(self.controller)
        return os.waitstatus_to_exitcode(status)


def test_long_output_opens_in_the_pager_and_q_quits_with_0(fake_pager: str) -> None:
    session = Session("summary", env={"PAGER": fake_pager})
    shown = session.read_until(READY)
    session.press(b"q")
    assert session.finish() == 0
    assert "FAKE-PAGER LESS=FRX" in shown  # colour kept, quits if it fits, left on screen
    paged = shown[shown.index("FAKE-PAGER") :]
    assert "Content note: This report discusses" in paged
    assert "More help: reportinfo help-contacts" in paged  # all of it went through the pager


def test_the_readers_own_less_settings_are_kept(fake_pager: str) -> None:
    session = Session("summary", env={"PAGER": fake_pager, "LESS": "-iR"})
    shown = session.read_until(READY)
    session.press(b"q")
    assert session.finish() == 0
    assert "FAKE-PAGER LESS=-iR" in shown


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["summary", "--no-pager"], {}),
        (["--no-pager", "summary"], {}),
        (["summary"], {"PAGER": ""}),
        (["summary"], {"PAGER": "cat"}),
        (["summary", "--color", "never"], {"TERM": "dumb"}),  # plain text is never paged
        (["help-contacts", "--box"], {}),  # shorter than the window
    ],
)
def test_no_pager(fake_pager: str, args: list[str], env: dict[str, str]) -> None:
    session = Session(*args, env={"PAGER": fake_pager, **env})
    shown = session.read_until(None)
    assert session.finish() == 0
    assert "FAKE-PAGER" not in shown
    assert "Samaritans: \u2066116 123\u2069" in shown


def test_output_that_fits_a_tall_window_is_not_paged(fake_pager: str) -> None:
    session = Session("summary", env={"PAGER": fake_pager}, rows=200)
    assert "FAKE-PAGER" not in session.read_until(None)
    assert session.finish() == 0


def test_a_pipe_never_pages(fake_pager: str) -> None:
    for env in ({}, {"FORCE_COLOR": "1"}):  # the terminal layout, forced into a pipe
        result = run_installed("summary", env={"PAGER": fake_pager, "LINES": "5", **env})
        assert result.returncode == 0
        assert "FAKE-PAGER" not in result.stdout
        assert "Content note" in result.stdout


def test_ctrl_c_in_the_pager_is_the_pagers(fake_pager: str) -> None:
    """As in git: Ctrl-C while the pager runs (less stops a search with it) does not end the
    tool under the pager; quitting the pager then ends it with 0, and no 'interrupted'."""
    session = Session("sources", env={"PAGER": fake_pager})
    session.read_until(READY)
    session.press(b"\x03")
    time.sleep(0.3)
    session.press(b"q")
    assert session.finish() == 0
    assert "interrupted" not in session.text()


def test_a_pager_ended_by_ctrl_c_ends_the_tool_by_it(fake_pager: str) -> None:
    """The tool's own Ctrl-C contract (entry.py): one line, then the end by SIGINT."""
    session = Session("sources", env={"PAGER": f"{fake_pager} die"})
    session.read_until(READY)
    session.press(b"\x03")
    assert session.finish() == -signal.SIGINT
    assert "reportinfo: interrupted" in session.text()


@pytest.mark.parametrize(
    "command",
    [
        "/nonexistent/pager",  # not found
        "/dev/null",  # not a program
        "nonexistent-pager-of-reportinfo --quiet",
        "nonexistent-pager-of-reportinfo 2>&1",  # run by the shell, which cannot find it
    ],
)
def test_a_pager_that_cannot_start_is_left_out(command: str) -> None:
    session = Session("summary", env={"PAGER": command})
    shown = session.read_until(None)
    assert session.finish() == 0
    assert "Content note: This report discusses" in shown
    assert "More help: reportinfo help-contacts" in shown


@pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")
def test_with_less_itself() -> None:
    session = Session("sources", env={})
    session.read_until("Content note")
    time.sleep(0.3)
    session.press(b"q")
    assert session.finish() == 0


# The pager module itself, in this process.


def test_a_pager_that_stops_reading_is_not_an_error() -> None:
    assert pager.run(f"{sys.executable} -c pass", b"x\n" * 1_000_000) is True


def test_a_pager_gets_less_settings_only_when_the_reader_has_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = tmp_path / "less.txt"
    command = (
        f"{sys.executable} -c \"import os; open({str(seen)!r}, 'w').write(os.environ['LESS'])\""
    )
    assert pager.run(command, b"text\n") is True
    assert seen.read_text(encoding="utf-8") == "FRX"
    monkeypatch.setenv("LESS", "-S")
    assert pager.run(command, b"text\n") is True
    assert seen.read_text(encoding="utf-8") == "-S"


def test_full_disk_is_still_an_output_error_when_the_pager_cannot_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "w", encoding="utf-8") as full:
        monkeypatch.setattr(sys, "stdout", full)
        paging = output.Paging("/nonexistent/pager", rows=2, columns=80)
        with pytest.raises(OutputError):
            output.write("one\ntwo\nthree\n" * 10_000, paging)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("a\nb\n", 2),
        ("\x1b[1mbold\x1b[0m\n", 1),
        ("\x1b]8;;tel:999\x1b\\\u2066999\u2069\x1b]8;;\x1b\\\n", 1),
        ("x" * 81 + "\n", 2),  # a long web address, wrapped by the terminal
        ("\n\n", 2),
    ],
)
def test_rows_taken(text: str, rows: int) -> None:
    assert output.rows_taken(text, 80) == rows


def test_the_display_decision_pages_only_the_terminal_layout_on_a_terminal() -> None:
    env = {"LINES": "30", "COLUMNS": "90"}
    on_terminal = output.choose_display("auto", isatty=True, env=env)
    assert on_terminal.paging == output.Paging("less", 30, 90)
    assert output.choose_display("auto", isatty=True, env={**env, "PAGER": "more -s"}).paging == (
        output.Paging("more -s", 30, 90)
    )
    for display in (
        output.choose_display("auto", isatty=True, env=env, pager=False),
        output.choose_display("auto", isatty=True, env={**env, "PAGER": " "}),
        output.choose_display("auto", isatty=True, env={**env, "PAGER": "cat"}),
        output.choose_display("always", isatty=False, env=env),
        output.choose_display("auto", isatty=True, env={**env, "TERM": "dumb"}),
    ):
        assert display.paging is None, display


def test_the_pager_is_imported_only_to_page() -> None:
    for args in ([], ["summary"], ["summary", "--color", "always"], ["--help"]):
        assert "reportinfo.pager" not in modules_after(*args), args


@pytest.mark.parametrize("args", [["summary", "--no-pager"], ["--no-pager", "summary"]])
def test_no_pager_changes_nothing_in_a_pipe(invoke: Invoke, args: list[str]) -> None:
    assert invoke(*args).stdout == invoke("summary").stdout


def test_no_pager_and_pager_are_in_the_help(invoke: Invoke) -> None:
    help_text = " ".join(invoke("summary", "--help").stdout.split())
    assert "--no-pager" in help_text
    assert "[env: PAGER, default less; empty or cat: no pager]" in help_text
