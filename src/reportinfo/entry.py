"""The `reportinfo` console script and `python -m reportinfo`: run the CLI as a short process.

Kept tiny on purpose: it must run before click, PyYAML and rich are imported.
"""

import os  # loaded already by the interpreter's start-up: no time passes here

try:  # the C module: `signal` itself first builds its enums, which takes milliseconds
    import _signal as signals  # type: ignore[import-not-found]
except ImportError:  # another Python than CPython
    import signal as signals


def _interrupted(signum: int, frame: object) -> None:
    """Ctrl-C at any moment, even while modules load: one line, no traceback, then the end by
    SIGINT itself. A plain exit 130 would tell the calling shell that the tool handled the
    signal, and a script's loop would carry on; ended by the signal, the shell stops too (and
    reports 130)."""
    try:  # noqa: SIM105 - contextlib is not loaded yet, and this runs before anything else
        os.write(
            2, b"\nreportinfo: interrupted\n" if os.isatty(2) else b"reportinfo: interrupted\n"
        )
    except OSError:
        pass
    signals.signal(signals.SIGINT, signals.SIG_DFL)
    os.kill(os.getpid(), signals.SIGINT)
    os._exit(130)  # only where a signal cannot end a process (Windows)


# Set as soon as this module is imported, which the console script does before anything else of
# ours; only the interpreter's own start-up comes before it. Everything else is imported after.
signals.signal(signals.SIGINT, _interrupted)

import gc  # noqa: E402
import sys  # noqa: E402


def main() -> None:
    # A command that lives for a tenth of a second frees nothing worth collecting, yet the
    # garbage collector runs dozens of times while click, PyYAML and rich are imported, and
    # the interpreter's teardown frees every module one object at a time. Together they were
    # a third of a piped command's run time, so: no collection, and a plain exit once the
    # output is flushed. Code that imports reportinfo as a library is not affected.
    gc.disable()
    from reportinfo.cli import cli

    try:
        cli(prog_name="reportinfo")
        status: object = 0
    except SystemExit as done:
        status = done.code
    if status is None:
        status = 0
    elif not isinstance(status, int):
        sys.stderr.write(f"{status}\n")
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # closed, or the reader went away: nothing more to say
            pass
    os._exit(status)
