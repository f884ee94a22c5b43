"""The `reportinfo` console script and `python -m reportinfo`: run the CLI as a short process.

Kept tiny on purpose: it must run before click, PyYAML and rich are imported.
"""

import gc
import os
import sys


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
