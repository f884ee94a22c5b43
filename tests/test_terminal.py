"""Under a real pseudo-terminal, output is formatted and coloured; in a pipe it is not.

Skipped where there are no pseudo-terminals (Windows), so the suite still collects there.
"""

from __future__ import annotations

import os
import re
import select
import struct
import subprocess

import click
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportinfo import loader
from reportinfo.cli import cli
from reportinfo.output import Display
from reportinfo.render import SECTIONS, Request, Section, document, links, terminal
from reportinfo.render.document import Document
from tests.conftest import (
    INSTALLED,
    SATURDAY_NIGHT,
    clean_env,
    run_installed,
    strip_ansi,
    too_wide,
)

pty = pytest.importorskip("pty", reason="no pseudo-terminals on this system")
termios = pytest.importorskip("termios", reason="no pseudo-terminals on this system")
fcntl = pytest.importorskip("fcntl", reason="no pseudo-terminals on this system")


def run_in_pty(
    *args: str, env: dict[str, str] | None = None, size: tuple[int, int] = (24, 80)
) -> str:
    """Run the installed script in a terminal of `size` (rows, columns); return what it wrote.
    No pager unless `env` names one (tests/test_pager.py tests it): what is printed is seen."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", size[0], size[1], 0, 0))
    process = subprocess.Popen(
        [str(INSTALLED), *args],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env=clean_env({"TERM": "xterm-256color", "PAGER": "", **(env or {})}),
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
    assert not too_wide(lines, 80), "laid out for the terminal's own width"


def test_terminal_width_comes_from_the_terminal() -> None:
    lines = screen_lines(run_in_pty("summary", size=(24, 40)))
    assert not too_wide(lines, 40)
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
    assert not too_wide(lines, 20)
    for number in ("0808 800 5000", "0800 999 7677", "08 08 16 89 111", "0808 801 0331"):
        assert any(number in line for line in lines), number


def test_numbers_are_isolated_on_a_unicode_terminal_only() -> None:
    screen = run_in_pty("help-contacts", env={"PYTHONIOENCODING": "utf-8"})
    assert "\u20660808 800 5000\u2069" in screen
    ascii_screen = run_in_pty("help-contacts", env={"PYTHONIOENCODING": "ascii"})
    assert "0808 800 5000" in ascii_screen
    assert "?0808" not in ascii_screen


# The layout, in this process, at every width: links whole, no line opening with punctuation,
# a measure of 100 columns, and the help on the first screen.

REPORT = loader.load()


def _commands() -> tuple[tuple[str, str], ...]:
    """The overview's list of commands, as the command line gives it."""
    ctx = click.Context(cli)
    return tuple(
        (name, cli.commands[name].get_short_help_str(limit=1000)) for name in cli.list_commands(ctx)
    )


REQUEST = Request(now=SATURDAY_NIGHT, commands=_commands())
PUNCTUATION = tuple(",.;:!?)]")


def laid_out(doc: Document, width: int) -> list[str]:
    """The lines as laid out, without printing them: what the screen shows, styles aside."""
    display = Display(rich=True, color=False, hyperlinks=False, width=width, encoding="utf-8")
    return [line.plain.translate(_ISOLATES) for line in terminal.lines(doc, display)]


def addresses(doc: Document) -> set[str]:
    return {s.text for part in doc.parts for b in part for s in b.spans if s.kind == "web"}


def check_layout(doc: Document, width: int) -> None:
    lines = laid_out(doc, width)
    measure = min(width, terminal.MEASURE)
    flowing = " ".join(line.strip() for line in lines)
    links = addresses(doc)
    opening = not doc.parts[0][0].spans[0].text.lstrip().startswith(PUNCTUATION)
    for at, line in enumerate(lines):
        assert line == line.rstrip(), (width, line)
        if at or opening:  # a block of text that itself opens with a comma still does
            assert not line.lstrip().startswith(PUNCTUATION), (width, line)
        if len(line) > measure:  # only a web address (in its brackets), whole, from column 0
            assert line.lstrip("(").rstrip(".,;:)") in links, (width, line)
            assert line == line.lstrip(), (width, line)
    for address in links:
        assert sum(line.count(address) for line in lines) == flowing.count(address), address


@pytest.mark.parametrize("section", SECTIONS)
def test_links_whole_and_no_line_opens_with_punctuation_at_every_width(section: Section) -> None:
    doc = document.BUILDERS[section](REPORT, REQUEST)
    for width in range(20, 301):
        check_layout(doc, width)


_WORD = st.sampled_from(
    [
        "a",
        "help",
        "line,",
        "and",
        "(see",
        "it)",
        "Buckinghamshire",
        "x" * 30,
        "self-harm-and-more-words",
    ]
)
# Text as the data has it: words, numbers and addresses, with a space or punctuation and a
# space between them (two numbers with nothing between would be a mistake in the data).
_SPAN = st.one_of(
    st.builds(
        lambda words: document.Span(" ".join(words)), st.lists(_WORD, min_size=1, max_size=6)
    ),
    st.sampled_from(
        [
            document.Span("0808 800 5000", "phone", links.tel_target("0808 800 5000")),
            document.Span("+44 808 800 5000", "phone", links.tel_target("+44 808 800 5000")),
            document.web("napac.org.uk"),
            document.web("https://www.example.org.uk/a/very/long/path/that/goes/on-and-on/"),
            document.Span("help@nspcc.org.uk", "email", links.email_target("help@nspcc.org.uk")),
            document.command("reportinfo help-contacts"),
        ]
    ),
)
_BETWEEN = st.sampled_from([" ", ", and ", "; or ", ". ", " (", ") ", ": "])
_END = st.sampled_from(["", ".", ").", ";"])


@settings(max_examples=300, deadline=None)
@given(
    pairs=st.lists(st.tuples(_SPAN, _BETWEEN), min_size=1, max_size=10),
    end=_END,
    label=st.sampled_from(["", "-", "10.", "$", "help-contacts  "]),
    indent=st.integers(0, 1),
    width=st.integers(20, 300),
)
def test_any_block_keeps_the_promises(
    pairs: list[tuple[document.Span, str]], end: str, label: str, indent: int, width: int
) -> None:
    spans = [piece for span, between in pairs for piece in (span, document.Span(between))]
    spans[-1] = document.Span(end)
    block = document.Block("paragraph" if not label else "item", tuple(spans), label, indent)
    doc = Document("t", ((block,),))
    check_layout(doc, width)
    lines = laid_out(doc, width)
    flowing = " ".join(line.strip() for line in lines)
    for number in ("+44 808 800 5000", "0808 800 5000", "help@nspcc.org.uk"):
        assert sum(line.count(number) for line in lines) == flowing.count(number)


def test_links_stay_links_on_their_own_line() -> None:
    """On a terminal that shows OSC 8 links, a web address too long for the screen is one
    link, whole, on a line of its own."""
    doc = document.BUILDERS["sources"](REPORT, REQUEST)
    display = Display(rich=True, color=True, hyperlinks=True, width=40, encoding="utf-8")
    out = terminal.to_ansi(doc, display)
    long = "https://www.bucksherald.co.uk/news/children-failed-over-child-sexual-exploitation-says-safeguarding-report-1-7908921"
    line = next(line for line in out.splitlines() if long in line)
    assert "\x1b]8;id=" in line or f"\x1b]8;;{long}" in line
    assert strip_ansi(line) == long


@pytest.mark.parametrize("section", SECTIONS)
def test_prose_is_no_wider_than_100_columns_on_a_wide_screen(section: Section) -> None:
    doc = document.BUILDERS[section](REPORT, REQUEST)
    for width in (100, 150, 300):
        lines = laid_out(doc, width)
        assert max(len(line) for line in lines if " " in line.strip()) <= 100
        assert laid_out(doc, width) == laid_out(doc, 100), "the same lines on any wide screen"
    assert max(len(line) for line in laid_out(doc, 100) if " " in line.strip()) > 90


def test_a_long_label_on_a_narrow_screen_puts_its_text_under_it() -> None:
    doc = document.BUILDERS["overview"](REPORT, REQUEST)
    lines = laid_out(doc, 20)
    at = lines.index("help-contacts", lines.index("Commands"))
    assert lines[at + 1].startswith("  Who to contact")
    assert "help-contacts  Who to contact for help or advice, grouped by who it is for, and" in (
        laid_out(doc, 80)
    )


def test_a_long_plain_word_breaks_after_a_hyphen() -> None:
    doc = document.BUILDERS["sources"](REPORT, REQUEST)
    lines = laid_out(doc, 20)
    at = lines.index("[bucks-fire-")
    assert lines[at + 1] == "emergency-sms]"


@pytest.mark.parametrize("section", SECTIONS)
def test_the_first_screen_shows_the_content_note_999_and_the_main_lines(section: Section) -> None:
    """Where a pager opens: the first 80x24 screen, the last row its prompt."""
    doc = document.BUILDERS[section](REPORT, REQUEST)
    first = " ".join(laid_out(doc, 80)[:23])
    if section != "help-contacts":  # the contacts alone have no content note
        assert first.startswith("Content note: This report discusses")
    for number in ("999", "0808 800 5000", "0800 1111", "0808 801 0331", "116 123"):
        assert number in first, (section, number)


def test_a_word_with_no_hyphen_is_cut_where_the_room_ends_but_not_before_punctuation() -> None:
    block = document.Block("paragraph", (document.Span("a" * 20 + ")."),))
    lines = laid_out(Document("t", ((block,),)), 20)
    assert lines == ["a" * 19, "a)."]
