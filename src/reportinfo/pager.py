"""Output taller than the window, through the reader's pager, as git and gh page theirs.

Imported by `output.write` only when it pages, so that no other run loads subprocess. The
pager is $PAGER, run as a shell would run it, or less; less is given LESS=FRX unless the reader
has a LESS of their own: keep the styles (R), quit at once if the text fits the window (F) and
leave it on the screen afterwards (X).
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess

LESS = "FRX"
CANNOT_RUN = (126, 127)  # the shell's exit codes for a command not found or not executable
_SHELL_CHARACTERS = frozenset("|&;<>()$`\\\"'*?[#~=%\n")  # as git: any of these, run by a shell


def run(command: str, data: bytes) -> bool:
    """Show `data` through the pager `command`. False if the pager could not be started, so
    that the caller writes the text itself; a pager quit before the end is not an error.

    While the pager runs, Ctrl-C is the pager's (less stops a search with it), so the tool
    ignores it until the pager ends, as git does: ended at once, the tool would leave the pager
    reading a pipe with no writer. A pager that Ctrl-C ends ends the tool the same way.
    """
    env = {**os.environ, "LESS": os.environ.get("LESS", LESS), "LV": os.environ.get("LV", "-c")}
    shell = bool(_SHELL_CHARACTERS & set(command))
    try:
        process = subprocess.Popen(  # noqa: S603 - the reader's own $PAGER, as git runs it
            command if shell else shlex.split(command), shell=shell, stdin=subprocess.PIPE, env=env
        )
    except OSError:  # not found, or not a program
        return False
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        process.communicate(data)  # a pipe the pager closed early is ignored here
    finally:
        process.wait()
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if process.returncode == -signal.SIGINT:
        signal.raise_signal(signal.SIGINT)
    return process.returncode not in CANNOT_RUN
