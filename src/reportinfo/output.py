"""Where output goes: the display decision, encoding fallback, and the one write path.

The renderers return text; this module decides how it may be shown and writes it. Everything
the tool prints, help and errors included, goes through `write` or `error`; on a terminal,
`write` sends output taller than the window through the reader's pager (`reportinfo.pager`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import NamedTuple, TextIO

from reportinfo.errors import OutputError, shown

MIN_WIDTH = 20  # narrower than this, rich layout is not readable; let the terminal wrap instead
MAX_WIDTH = 1000  # wider than any screen: a larger COLUMNS is a mistake, read as not set

# Every environment variable that changes how output looks, in the order they are consulted
# after --color. The table in docs/output.md and the tests' clean environment come from it.
DISPLAY_VARIABLES = (
    "NO_COLOR",
    "CLICOLOR_FORCE",
    "FORCE_COLOR",
    "CLICOLOR",
    "TERM",
    "COLUMNS",
    "FORCE_HYPERLINK",
    "TERM_PROGRAM",
    "WT_SESSION",
    "KITTY_WINDOW_ID",
    "KONSOLE_VERSION",
    "VTE_VERSION",
    "LINES",
    "PAGER",
    "LESS",  # read by less, the default pager; set to FRX when not set
)


class Paging(NamedTuple):
    """How to page output on a terminal: the pager, and the window it is paged for."""

    command: str  # run as the shell would, as git and gh run $PAGER
    rows: int
    columns: int


class Display(NamedTuple):
    rich: bool  # lay out with rich: headings, indented blocks, numbered lists
    color: bool  # use ANSI styles
    hyperlinks: bool  # wrap phone numbers and web addresses in OSC 8 links
    width: int
    encoding: str
    paging: Paging | None = None  # None: never paged (a pipe, plain text, --no-pager, PAGER=)


def _set(env: Mapping[str, str], name: str) -> bool:
    return env.get(name, "") not in ("", "0")


def choose_display(
    color: str, *, isatty: bool, env: Mapping[str, str], pager: bool = True
) -> Display:
    """Decide layout and colour, first rule that applies wins:

    --color always|never; NO_COLOR (no colour); CLICOLOR_FORCE or FORCE_COLOR (colour, even in
    a pipe); CLICOLOR=0 (no colour); TERM=dumb (plain text); else colour on a terminal.

    Rich layout is for terminals; pipes and dumb terminals get plain text. Colour can be forced
    into a pipe, and that brings the rich layout with it. Only the rich layout on a terminal is
    paged, unless `pager` is false (--no-pager) or PAGER is empty or cat.
    """
    terminal = isatty and env.get("TERM", "") != "dumb"
    if color == "always":
        rich, use_color = True, True
    elif color == "never" or env.get("NO_COLOR"):  # no-color.org: any value but empty
        rich, use_color = terminal, False
    elif _set(env, "CLICOLOR_FORCE") or _set(env, "FORCE_COLOR"):
        rich, use_color = True, True
    elif env.get("CLICOLOR") == "0":
        rich, use_color = terminal, False
    else:
        rich, use_color = terminal, terminal
    width = terminal_width(env) if rich else 0
    command = pager_command(env) if pager and rich and terminal else None
    return Display(
        rich=rich,
        color=use_color,
        hyperlinks=use_color and supports_hyperlinks(env),
        width=width,
        encoding=stdout_encoding(),
        paging=Paging(command, terminal_height(env), width) if command else None,
    )


def pager_command(env: Mapping[str, str]) -> str | None:
    """$PAGER, or less when it is not set; None when it is empty or cat, as for git."""
    command = env.get("PAGER", "less").strip()
    return None if command in ("", "cat") else command


def env_number(env: Mapping[str, str], name: str, most: int) -> int | None:
    """A whole number from the environment, or None if the variable is unset or is not one:
    only ASCII digits count (not "²" or "٣", which Python's isdigit() and int() accept), and no
    more than `most`, so that an odd value is ignored rather than fatal."""
    value = env.get(name, "")
    if not (value.isascii() and value.isdigit()) or len(value) > len(str(most)):
        return None
    number = int(value)
    return number if number <= most else None


def terminal_width(env: Mapping[str, str]) -> int:
    """COLUMNS if set, else the terminal's width, else 80; never below MIN_WIDTH.

    A width of 0, from COLUMNS or from a terminal that has not been given a size yet (as some
    containers and CI runners start), means not known, as it does for `shutil`. So does a
    COLUMNS that is not a plain number, or is wider than any screen.
    """
    columns = env_number(env, "COLUMNS", MAX_WIDTH)
    if columns:
        return max(MIN_WIDTH, columns)
    width = _window().columns
    return max(MIN_WIDTH, min(width, MAX_WIDTH)) if width > 0 else 80


def terminal_height(env: Mapping[str, str]) -> int:
    """LINES if set, else the terminal's height, else 24; as for the width, 0 is not known."""
    rows = env_number(env, "LINES", MAX_WIDTH)
    if rows:
        return rows
    height = _window().lines
    return min(height, MAX_WIDTH) if height > 0 else 24


def _window() -> os.terminal_size:
    try:
        return os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
    except (AttributeError, OSError, ValueError):  # AttributeError: stdout is closed
        return os.terminal_size((0, 0))


def supports_hyperlinks(env: Mapping[str, str]) -> bool:
    """Terminals known to show OSC 8 links. Others may print them as junk, so none by default."""
    forced = env.get("FORCE_HYPERLINK")
    if forced is not None:
        return forced not in ("", "0")
    if env.get("TERM_PROGRAM") in ("iTerm.app", "WezTerm", "vscode", "ghostty"):
        return True
    if env.get("WT_SESSION") or env.get("KITTY_WINDOW_ID") or env.get("KONSOLE_VERSION"):
        return True
    return (env_number(env, "VTE_VERSION", 999_999) or 0) >= 5000


def stdout_encoding() -> str:
    return (getattr(sys.stdout, "encoding", None) or "utf-8").lower()


def is_unicode(encoding: str) -> bool:
    return encoding.replace("-", "").replace("_", "").startswith("utf")


# Typographic characters the data uses, and what to print where the terminal cannot show them.
_ASCII_FALLBACK = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "–": "-",
        "—": "-",
        "…": "...",
        "•": "*",
        "\u00a0": " ",
        # The direction isolates around numbers: left out where the encoding cannot carry
        # them, rather than shown as "?" on each side of every number.
        **dict.fromkeys("\u2066\u2067\u2068\u2069", None),
    }
)


def fit_encoding(text: str, encoding: str) -> str:
    """Make `text` printable in `encoding`: plain punctuation first, then '?' for the rest."""
    if is_unicode(encoding):
        return text
    try:
        text.encode(encoding)
        return text
    except (UnicodeEncodeError, LookupError):
        pass
    text = text.translate(_ASCII_FALLBACK)
    try:
        return text.encode(encoding, errors="replace").decode(encoding)
    except LookupError:
        return text.encode("ascii", errors="replace").decode("ascii")


def write(text: str, paging: Paging | None = None) -> None:
    """Write `text` to standard output, ending with one newline; with `paging`, through the
    pager if it is taller than the window. A reader that has gone away (a closed pipe, a pager
    quit before the end) is not an error; output that cannot be written raises `OutputError`."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed")
    encoding = stdout_encoding()
    text = fit_encoding(text.rstrip("\n") + "\n", encoding)
    if paging is not None and rows_taken(text, paging.columns) >= paging.rows:
        from reportinfo import pager  # only when paging: most runs never load subprocess

        try:
            stream.flush()
            if pager.run(paging.command, _encoded(text, encoding)):
                return
        except (OSError, ValueError) as error:
            raise OutputError(f"cannot write to the pager ({error})") from None
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        # The reader stopped reading, as `head` does: not an error. Point stdout at /dev/null
        # so that the interpreter's last flush has nowhere to fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError) as error:  # ValueError: the stream was closed under us
        raise OutputError(f"cannot write to standard output ({error})") from None


def rows_taken(text: str, columns: int) -> int:
    """How many rows of a window `columns` wide the text fills, the lines longer than it (a
    long web address) wrapped by the terminal. Styles, links and isolates take no room."""
    import re

    seen = re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\|[\u2066-\u2069]", "", text)
    return sum(max(1, -(-len(line) // max(columns, 1))) for line in seen.splitlines())


def _encoded(text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding, errors="replace")
    except LookupError:
        return text.encode("ascii", errors="replace")


def error(message: str, stream: TextIO | None = None) -> None:
    """One line on standard error, prefixed with the program name, never raising. Whatever the
    message quotes (a file name, a value, a command-line argument) is shown escaped, so it is
    always one line and cannot control the terminal."""
    stream = stream or sys.stderr
    if stream is None:
        return
    try:
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower()
        stream.write(fit_encoding(f"reportinfo: {shown(message, limit=None)}\n", encoding))
        stream.flush()
    except (OSError, ValueError):
        pass
