"""Turn parsed YAML (mappings, lists, scalars) into the model's records.

Walks a record's type hints and collects every mismatch as a `Problem` with its field path,
so that `reportinfo validate` can list them all at once. Hand-written because the libraries that
do this either stop at the first error (msgspec) or cost more start-up time than the whole
command (pydantic, cattrs, jsonschema). It understands exactly the types the model uses.
"""

from __future__ import annotations

import re
import types
from datetime import date, datetime
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from reportinfo.model import DataError, Problem

T = TypeVar("T")


@cache
def _control() -> re.Pattern[str]:
    """Control characters could move the cursor, retitle the window or hide text on a terminal;
    bidirectional overrides could make text read differently from what it is. Compiled only
    when a string fails the cheaper isprintable() test."""
    return re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class _Invalid:
    """Stands in for a value that had a problem, so the walk can go on and find the rest."""


_INVALID: Any = _Invalid()


def convert(cls: type[T], value: object) -> T:
    problems: list[Problem] = []
    result = _convert(cls, value, "", problems, allow_empty=False)
    if problems:
        raise DataError(problems)
    return result  # type: ignore[no-any-return]


def _convert(tp: Any, value: object, path: str, problems: list[Problem], allow_empty: bool) -> Any:
    def problem(reason: str) -> Any:
        problems.append(Problem(path, reason))
        return _INVALID

    origin = get_origin(tp)
    if _is_record(tp):
        return _convert_record(tp, value, path, problems)
    if origin in (Union, types.UnionType):  # X | None
        if value is None:
            return None
        (inner,) = (arg for arg in get_args(tp) if arg is not type(None))
        return _convert(inner, value, path, problems, allow_empty)
    if origin is tuple:  # tuple[X, ...], written in YAML as a list
        if not isinstance(value, list):
            return problem(f"expected a list, got {_describe(value)}")
        if not value and not allow_empty:
            return problem("must not be empty")
        item_type = get_args(tp)[0]
        return tuple(
            _convert(item_type, item, f"{path}[{i}]", problems, allow_empty=False)
            for i, item in enumerate(value)
        )
    if origin is Literal:
        choices = get_args(tp)
        if value not in choices:
            return problem(f"expected one of {', '.join(choices)}, got {_describe(value)}")
        return value
    if tp is str:
        if not isinstance(value, str):
            return problem(f"expected text, got {_describe(value)}")
        if not value.strip():
            return problem("must not be empty")
        control = None if value.isprintable() else _control().search(value)  # fast path first
        if control:
            if control.group() == "\n":
                return problem("contains a line break; write it on one line, or fold it with >-")
            return problem(f"contains a control character (U+{ord(control.group()):04X})")
        return value
    if tp is bool:
        if not isinstance(value, bool):
            return problem(f"expected true or false, got {_describe(value)}")
        return value
    if tp is int:
        if not isinstance(value, int) or isinstance(value, bool):
            return problem(f"expected a whole number, got {_describe(value)}")
        return value
    if tp is date:
        if isinstance(value, date) and not isinstance(value, datetime):
            return value  # YAML reads an unquoted 2026-11-28 as a date already
        if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
            try:
                return date.fromisoformat(value)
            except ValueError:
                return problem(f"'{value}' is not a real date as YYYY-MM-DD")
        return problem(f"expected a date as YYYY-MM-DD, got {_describe(value)}")
    raise TypeError(f"the model uses a type convert does not know: {tp!r}")


def _is_record(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields")


def _convert_record(cls: Any, value: object, path: str, problems: list[Problem]) -> Any:
    if not isinstance(value, dict):
        problems.append(Problem(path, f"expected a mapping, got {_describe(value)}"))
        return _INVALID
    fields: tuple[str, ...] = cls._fields
    prefix = f"{path}." if path else ""
    for key in value:
        if key not in fields:
            problems.append(_unknown_key(prefix, key, list(fields)))
    kwargs = {}
    for name in fields:
        has_default = name in cls._field_defaults
        if name not in value:
            if not has_default:
                problems.append(Problem(f"{prefix}{name}", "missing (required)"))
            continue
        kwargs[name] = _convert(
            _hints(cls)[name], value[name], f"{prefix}{name}", problems, allow_empty=has_default
        )
    if any(arg is _INVALID for arg in kwargs.values()) or len(kwargs) < _required(cls):
        return _INVALID
    return cls(**kwargs)


def _unknown_key(prefix: str, key: object, known: list[str]) -> Problem:
    from difflib import get_close_matches

    if not isinstance(key, str):
        return Problem(prefix.rstrip("."), f"keys must be text, got {_describe(key)}")
    close = get_close_matches(key, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"expected one of: {', '.join(known)}"
    return Problem(f"{prefix}{key}", f"unknown key; {hint}")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


@cache
def _required(cls: Any) -> int:
    return len(cls._fields) - len(cls._field_defaults)


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true or false)"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, date):
        return "a date"
    return type(value).__name__
