"""A pytest plugin for mutation testing only ([tool.mutmut] in pyproject.toml loads it with -p).

mutmut collects the tests once and then forks a process per mutant. Collecting imports the test
modules, which load the bundled report, and that fills the caches of `validate` and `hours`
with the answers of the code as written. A mutant in a cached function would then never run.
So each mutant's test session starts with every cache empty. Not used by the ordinary suite.

`validate`'s caches are emptied before each test as well. mutmut runs, for a mutant, only the
tests that reached its function when it ran them all once; a function that fills a cache (the
fields of each record, read from the type hints) would otherwise be reached by the first test
that builds a report, and not by the others, so only that one would run for its mutants.
"""

from __future__ import annotations

import pytest


def pytest_sessionstart(session: pytest.Session) -> None:
    from reportinfo import hours

    _empty_validate_caches()
    hours._LIKELY.clear()
    hours._TIMES.clear()


def pytest_runtest_setup(item: pytest.Item) -> None:
    _empty_validate_caches()


def _empty_validate_caches() -> None:
    from reportinfo import validate

    validate._control.cache_clear()
    validate.fields.cache_clear()
    validate._ASCII_DIGITS.clear()
