"""How a run ends: the documented exit codes, and every failure as one line on standard error.

Imported by `cli` for the exit codes that --help lists; the rest runs only when a run fails.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import click

EXIT_OK = 0
EXIT_DATA = 1  # the report file is missing, unreadable or invalid
EXIT_USAGE = 2  # unknown command or option, bad option value
EXIT_OUTPUT = 3  # standard output is closed or cannot be written
EXIT_BUG = 70  # an unexpected error: a bug in reportinfo (70 is EX_SOFTWARE in sysexits.h)
EXIT_INTERRUPTED = 130

EXIT_CODES = (
    (EXIT_OK, "success"),
    (EXIT_DATA, "the report file is missing, unreadable or invalid"),
    (EXIT_USAGE, "unknown command or option, a bad value, or options that clash"),
    (EXIT_OUTPUT, "standard output is closed or cannot be written"),
    (EXIT_BUG, "an unexpected error: a bug in reportinfo"),
    (EXIT_INTERRUPTED, "interrupted (Ctrl-C)"),
)
EXIT_CODES_HELP = "\b\nExit codes:\n" + "\n".join(
    f"  {code:<3}  {text}" for code, text in EXIT_CODES
)
DEBUG_VARIABLE = "REPORTINFO_DEBUG"  # set to 1 to see the traceback of an unexpected error


class Failure(Exception):
    """Ends the run with one line on standard error and a documented exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def fail(message: str, code: int) -> NoReturn:
    from reportinfo import output

    output.error(message)
    sys.exit(code)


def end(error: BaseException) -> NoReturn:
    """End the run that `error` stopped: one line and its exit code. With REPORTINFO_DEBUG set,
    an unexpected error is raised again, to show its traceback."""
    from reportinfo.errors import OutputError

    if isinstance(error, click.UsageError):
        message = error.format_message().rstrip()
        if not message.rstrip(")").endswith((".", "?", "!")):
            message += "."
        hint = f" Try '{error.ctx.command_path} --help'." if error.ctx else ""
        fail(message + hint, EXIT_USAGE)
    if isinstance(error, click.ClickException):
        fail(error.format_message(), error.exit_code)
    if isinstance(error, Failure):
        fail(str(error), error.exit_code)
    if isinstance(error, OutputError):  # a full disk, a closed stream: whatever was written
        fail(str(error), EXIT_OUTPUT)
    if isinstance(error, click.Abort | KeyboardInterrupt):
        fail("interrupted", EXIT_INTERRUPTED)
    if os.environ.get(DEBUG_VARIABLE, "") not in ("", "0"):
        raise error
    fail(
        f"unexpected error ({type(error).__name__}: {error}). This is a bug in "
        f"reportinfo; run again with {DEBUG_VARIABLE}=1 to see the details.",
        EXIT_BUG,
    )
