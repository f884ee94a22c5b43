"""A pytest plugin for mutation testing only ([tool.mutmut] in pyproject.toml loads it with -p).

mutmut collects the tests once and then forks a process per mutant. Collecting imports the test
modules, which load the bundled report, and that fills the caches of `validate` and `hours`
with the answers of the code as written. A mutant in a cached function would then never run.
So each mutant's test session starts with every cache empty. Not used by the ordinary suite.
"""

from __future__ import annotations

import pytest


def pytest_sessionstart(session: pytest.Session) -> None:
    from reportinfo import hours, validate

    for cached in (validate._control, validate.fields):
        cached.cache_clear()
    validate._ASCII_DIGITS.clear()
    hours._LIKELY.clear()
    hours._TIMES.clear()
