"""The two ways a run can fail that are not bugs: a bad report file, or output that cannot go out.

Kept apart from the records and the rules so that every layer can raise them without importing
more than this small module.
"""

from typing import NamedTuple

SHOWN_LIMIT = 200  # characters of a value quoted in a message; a 1 MiB id is not worth reading


def shown(text: str, limit: int | None = SHOWN_LIMIT) -> str:
    """Text from a report file, a file name or a command line, made safe to quote in one line.

    Every character that is not printable (control characters, escape, line breaks of any kind,
    bidirectional controls, no-break and zero-width spaces, lone surrogates) is written as its
    escape, as Python writes it: `\\x1b`, `\\n`, `\\u202e`. So a quoted value can neither
    control a terminal, nor start a line of its own, nor reorder the text around it; and once
    shown, text is left as it is by a second call. Backslashes are doubled only when something
    else is escaped, so that ordinary Windows paths read as they are. Text longer than `limit`
    is cut, with an ellipsis; `None` keeps it whole (for a whole message, not one value).
    """
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() and c != "\\" else c.encode("unicode_escape").decode("ascii")
        for c in text
    )


class Problem(NamedTuple):
    """One thing wrong with a report file; `path` is empty for problems with the whole file."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class DataError(Exception):
    """A report file that cannot be used. `problems` holds at least one `Problem`.

    `unreadable`: the file could not be read at all (missing, a directory, no permission), as
    opposed to read but found wrong.
    """

    def __init__(self, problems: list[Problem], unreadable: bool = False) -> None:
        super().__init__(str(problems[0]))
        self.problems = problems
        self.unreadable = unreadable


class OutputError(Exception):
    """Standard output cannot be written to at all."""
