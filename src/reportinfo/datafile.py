"""Which report file a run reads (--data, REPORTINFO_DATA or the bundled one), how messages
name it, and loading it with any problem as one line and exit 1."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

from reportinfo.exits import EXIT_DATA, Failure
from reportinfo.options import DATA_VARIABLE, OutputChoice

if TYPE_CHECKING:
    from reportinfo.model import Report


def path(ctx: click.Context, /, choice: OutputChoice) -> str | None:
    """The report file asked for: --data after the command, before it, or REPORTINFO_DATA."""
    if choice.data == "":
        raise click.BadParameter(
            "is empty: give a report file, '-' for standard input, or leave --data out",
            ctx=ctx,
            param_hint="'--data'",
        )
    found = choice.data or os.environ.get(DATA_VARIABLE) or None  # empty means unset
    refuse_terminal_stdin(ctx, found)
    return found


def refuse_terminal_stdin(ctx: click.Context, /, path: str | None) -> None:
    """'-' with a terminal for standard input would wait in silence, as `cat` does: say so."""
    if path == "-" and sys.stdin is not None and sys.stdin.isatty():
        raise click.UsageError(
            "'-' reads a report from standard input, which is a terminal here; "
            "pipe a report file in, or redirect one with '< report.yaml'.",
            ctx,
        )


def describe(path: str | None, choice: OutputChoice | None = None) -> str:
    """A path as errors name it; with `choice`, where it came from (--data or the variable),
    since that is not obvious. A file name is the user's, but it can hold anything a file name
    can: it is shown escaped, in full."""
    from reportinfo.errors import shown

    if path is None:
        return "bundled report"
    named = "standard input" if path == "-" else shown(path, limit=None)
    if choice is None:
        return named
    return f"{named} (from {'--data' if choice.data is not None else DATA_VARIABLE})"


def load(choice: OutputChoice, path: str | None) -> Report:
    """The report, or a `Failure`: its first problem, how many more, and the line that matters
    to a reader who came for help."""
    from reportinfo import loader
    from reportinfo.errors import DataError

    try:
        return loader.load(path)
    except DataError as error:
        from reportinfo.render import phrases

        more = len(error.problems) - 1
        command = f"reportinfo validate {quoted(path)}" if path else "reportinfo validate"
        extra = f" (and {more} more: run '{command}')" if more else ""
        where = describe(path, choice)
        message = f"{where}: {error.problems[0]}{extra}. {phrases.AFTER_A_BAD_FILE}"
        raise Failure(message, EXIT_DATA) from None


def quoted(path: str) -> str:
    """A path as a shell would take it back, and escaped where it could not be shown as it is
    (then it cannot be pasted back as it is, either: no shell quoting shows a line break)."""
    import shlex

    from reportinfo.errors import shown

    return shown(shlex.quote(path), limit=None)


def sources_command(path: str | None) -> str:
    if path is None or path == "-":
        return "reportinfo sources"
    return f"reportinfo --data {quoted(path)} sources"
