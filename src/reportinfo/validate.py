"""Turn parsed YAML into a checked `Report`, or say everything that is wrong with it.

Two passes, both collecting every problem with its field path (``findings[2].text``) so that
`reportinfo validate` can list them all at once:

1. the type walk: follow the records' type hints, field by field;
2. the rules that span fields: references resolve, quotes are marked, numbers are well formed.

Hand-written because the libraries that do the first pass either stop at the first error
(msgspec) or cost more start-up time than the whole command (pydantic, cattrs, jsonschema).
It understands exactly the types the model uses.
"""

from __future__ import annotations

import re
import types
from datetime import date, datetime
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from reportinfo.errors import DataError, Problem
from reportinfo.model import Channel, Hours, Report, Statement, yaml_key

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


def build_report(data: object) -> Report:
    """Check parsed YAML against the records and the rules below, or raise `DataError`."""
    report = convert(Report, data)
    problems = check(report)
    if problems:
        raise DataError(problems)
    return report


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
    keys = {name: yaml_key(cls, name) for name in fields}
    prefix = f"{path}." if path else ""
    for key in value:
        if key not in keys.values():
            problems.append(_unknown_key(prefix, key, list(keys.values())))
    kwargs = {}
    for name, key in keys.items():
        has_default = name in cls._field_defaults
        if key not in value:
            if not has_default:
                problems.append(Problem(f"{prefix}{key}", "missing (required)"))
            continue
        kwargs[name] = _convert(
            _hints(cls)[name], value[key], f"{prefix}{key}", problems, allow_empty=has_default
        )
    if any(arg is _INVALID for arg in kwargs.values()) or not _required(cls) <= kwargs.keys():
        return _INVALID
    return cls(**kwargs)


def _unknown_key(prefix: str, key: object, known: list[str]) -> Problem:
    from difflib import get_close_matches

    if not isinstance(key, str):
        return Problem(prefix.rstrip("."), f"keys must be text, got {_describe(key)}")
    close = get_close_matches(key, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"expected one of: {', '.join(known)}"
    # A key is shown in an error line: escape what could break the line or control a terminal.
    shown = key if key.isprintable() else key.encode("unicode_escape").decode("ascii")
    return Problem(f"{prefix}{shown}", f"unknown key; {hint}")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


@cache
def _required(cls: Any) -> frozenset[str]:
    fields: tuple[str, ...] = cls._fields
    return frozenset(fields) - set(cls._field_defaults)


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


# The source article printed the NSPCC helpline with digits that no NSPCC page lists. A number
# in this set is refused as a number to call, so it can never be shown as one.
MISPRINTED_NUMBERS = frozenset({"08085001111"})

_PHONE = re.compile(r"\+?[0-9]+( [0-9]+)*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_DOMAIN = re.compile(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/\S*)?")
_URL = re.compile(r"https?://" + _DOMAIN.pattern)
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]|24:00")
_QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"")
_CHANNEL_PATTERNS = {"phone": _PHONE, "text": _PHONE, "email": _EMAIL, "web": _DOMAIN}


def check(report: Report) -> list[Problem]:
    """Rules that span fields: references resolve, quotes are marked, values are well formed."""
    problems: list[Problem] = []
    source_ids = [s.id for s in report.sources]
    contact_ids = [c.id for c in report.contacts]
    voice_ids = [v.id for v in report.voices]
    problems += _duplicates("sources", source_ids)
    problems += _duplicates("contacts", contact_ids)
    problems += _duplicates("groups", [g.id for g in report.groups])
    problems += _duplicates("voices", voice_ids)

    def refer(path: str, ids: tuple[str, ...], known: list[str], what: str) -> None:
        for i, item_id in enumerate(ids):
            if item_id not in known:
                problems.append(_unknown(f"{path}[{i}]", item_id, known, what))

    def cited(path: str, ids: tuple[str, ...]) -> None:
        refer(path, ids, source_ids, "source")

    about = report.about
    cited("report.sources", about.sources)
    for name in ("link", "listed"):
        source_id = getattr(about, name)
        if source_id is not None and source_id not in source_ids:
            problems.append(_unknown(f"report.{name}", source_id, source_ids, "source"))
    if about.period.start > about.period.end:
        problems.append(Problem("report.period", "start is after end"))
    if about.recommendations < 0:
        problems.append(Problem("report.recommendations", "must not be negative"))

    statements = [("content_note", report.content_note)]
    statements += [(f"summary[{i}]", s) for i, s in enumerate(report.summary)]
    for path, statement in statements:
        if statement.said_by is not None:
            problems.append(Problem(f"{path}.said_by", "only findings say who said them"))
    for i, finding in enumerate(report.findings):
        path = f"findings[{i}]"
        statements.append((path, finding))
        if finding.said_by is None and voice_ids:
            problems.append(Problem(f"{path}.said_by", "missing: name one of the voices"))
        elif finding.said_by is not None:
            refer(path, (finding.said_by,), voice_ids, "voice")
    for path, statement in statements:
        cited(f"{path}.sources", statement.sources)
        problems += _check_quotes(path, statement)

    for i, contact in enumerate(report.contacts):
        cited(f"contacts[{i}].sources", contact.sources)
        for j, channel in enumerate(contact.channels):
            problems += _check_channel(f"contacts[{i}].channels[{j}]", channel)

    grouped: dict[str, str] = {}
    for i, group in enumerate(report.groups):
        refer(f"groups[{i}].contacts", group.contacts, contact_ids, "contact")
        for contact_id in group.contacts:
            if contact_id in grouped:
                problems.append(
                    Problem(
                        f"groups[{i}].contacts",
                        f"'{contact_id}' is in '{grouped[contact_id]}' already",
                    )
                )
            grouped.setdefault(contact_id, group.id)
    for i, contact_id in enumerate(contact_ids):
        if contact_id not in grouped:
            problems.append(Problem(f"contacts[{i}]", f"'{contact_id}' is in no group"))

    if report.bank_holidays is not None:
        holidays = report.bank_holidays
        cited("bank_holidays.sources", holidays.sources)
        if list(holidays.dates) != sorted(set(holidays.dates)):
            problems.append(Problem("bank_holidays.dates", "must be in order, each date once"))

    for i, source in enumerate(report.sources):
        if not _URL.fullmatch(source.url):
            problems.append(
                Problem(f"sources[{i}].url", "expected a web address starting https://")
            )
    return problems


def _duplicates(path: str, ids: list[str]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for i, item_id in enumerate(ids):
        if item_id in seen:
            problems.append(Problem(f"{path}[{i}].id", f"'{item_id}' is used twice"))
        seen.add(item_id)
    return problems


def _unknown(path: str, item_id: str, known: list[str], what: str) -> Problem:
    from difflib import get_close_matches

    close = get_close_matches(item_id, known, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return Problem(path, f"no {what} has the id '{item_id}'{hint}")


def _check_quotes(path: str, statement: Statement) -> list[Problem]:
    """Words in quotation marks must be listed as quotes, and listed quotes must be marked."""
    marked = [a or b for a, b in _QUOTED.findall(statement.text)]
    problems = [
        Problem(f"{path}.text", f"“{words}” is in quotation marks but not listed in quotes")
        for words in marked
        if words not in statement.quotes
    ]
    problems += [
        Problem(f"{path}.quotes[{i}]", f"“{words}” is not in quotation marks in the text")
        for i, words in enumerate(statement.quotes)
        if words not in marked
    ]
    return problems


def _check_channel(path: str, channel: Channel) -> list[Problem]:
    problems = []
    if not _CHANNEL_PATTERNS[channel.kind].fullmatch(channel.value):
        problems.append(Problem(f"{path}.value", f"expected a {channel.kind} address or number"))
    elif channel.kind in ("phone", "text") and channel.value.replace(" ", "") in MISPRINTED_NUMBERS:
        problems.append(Problem(f"{path}.value", "is a misprinted number; it must not be shown"))
    if (channel.kind == "text") != (channel.message is not None):
        problems.append(
            Problem(f"{path}.message", "give the word to send for kind text, and only then")
        )
    if channel.hours is not None:
        problems += _check_hours(f"{path}.hours", channel.hours)
    return problems


def _check_hours(path: str, opening_hours: Hours) -> list[Problem]:
    kinds = (opening_hours.always, bool(opening_hours.weekly), opening_hours.out_of_hours)
    if sum(kinds) != 1:
        return [
            Problem(path, "give one of 'always: true', a 'weekly' list or 'out_of_hours: true'")
        ]
    problems = []
    for i, opening in enumerate(opening_hours.weekly):
        where = f"{path}.weekly[{i}]"
        times_ok = True
        for name in ("opens", "closes"):
            if not _TIME.fullmatch(getattr(opening, name)):
                problems.append(
                    Problem(f"{where}.{name}", "expected a time as HH:MM, 00:00 to 24:00")
                )
                times_ok = False
        if times_ok and opening.opens >= opening.closes:
            problems.append(Problem(where, "opens must be before closes"))
    return problems
