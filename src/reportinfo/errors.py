"""The two ways a run can fail that are not bugs: a bad report file, or output that cannot go out.

Kept apart from the records and the rules so that every layer can raise them without importing
more than this small module.
"""

from typing import NamedTuple


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
