"""Turn parsed YAML into a checked `Report`, or say everything that is wrong with it.

Two passes, both collecting every problem with its field path (``findings[2].text``) so that
`reportinfo validate` can list them all at once:

1. the type walk: each record's `fields`, read once from its type hints, value by value;
2. the rules that span fields: references resolve, quotes are marked, numbers are well formed.

Every check here takes time in proportion to the file (a report file is at most 1 MiB and
anyone can hand one over): no pattern can backtrack over a field, and no rule compares every
item with every other.

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

from reportinfo.errors import DataError, Problem, shown
from reportinfo.model import (
    Channel,
    Contact,
    Group,
    Hours,
    Report,
    Source,
    Statement,
    WeeklyOpening,
    yaml_key,
)

T = TypeVar("T")


MAX_WHOLE = 999_999  # the largest whole number (a count, a year) a report file may hold

# Bidi_Control: the characters that reorder text. Shown in a terminal or a page, any of them
# can make a number or a sentence read differently from what it is.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Line breaks that are not "\n": each also starts a new line somewhere (str.splitlines, editors).
_LINE_BREAKS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


@cache
def _control() -> re.Pattern[str]:
    """Control characters could move the cursor, retitle the window or hide text on a terminal;
    bidirectional controls could make text read differently from what it is; a lone surrogate
    is not a character at all and cannot be written out. Compiled only when a string fails the
    cheaper isprintable() test."""
    return re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}\\u2028\\u2029\\ud800-\\udfff]")


def _bad_character(char: str) -> str:
    """Why a character found by `_control` may not be in text."""
    code = f"U+{ord(char):04X}"
    if char == "\n":
        return "contains a line break; write it on one line, or fold it with >-"
    if char in _LINE_BREAKS:
        return f"contains a line break ({code}); write it on one line, or fold it with >-"
    if char in BIDI_CONTROLS:
        return f"contains a bidirectional control character ({code}), which can reorder text"
    if "\ud800" <= char <= "\udfff":
        return f"contains a lone surrogate ({code}), which is not a character"
    return f"contains a control character ({code})"


class _Invalid:
    """Stands in for a value that had a problem, so the walk can go on and find the rest."""


_INVALID: Any = _Invalid()


def build_report(data: object) -> Report:
    """Check parsed YAML against the records and the rules below, or raise `DataError`."""
    problems: list[Problem] = []
    report = _convert_record(Report, data, "", problems)
    typed = not problems  # the rules below need every record whole
    problems += misprints(data)
    if typed:
        problems += check(report)
    if problems:
        raise DataError(problems)
    return report  # type: ignore[no-any-return]


def convert(cls: type[T], value: object) -> T:
    """One record from parsed YAML, by the type walk alone, or raise `DataError`."""
    problems: list[Problem] = []
    result = _convert_record(cls, value, "", problems)
    if problems:
        raise DataError(problems)
    return result  # type: ignore[no-any-return]


class Shape:
    """What a value must be, read from a type hint: its `kind`, and what that kind holds (`of`).
    record: its class; optional (X | None) and list (tuple[X, ...], a list in YAML): the Shape
    of the value or of each item; literal: the values allowed; text, bool, whole (a whole
    number) and date: nothing."""

    __slots__ = ("kind", "of")  # plain classes here: cheaper to define than NamedTuples

    def __init__(self, kind: str, of: Any = None) -> None:
        self.kind, self.of = kind, of


class Field:
    """A record's field as a report file has it. A `required` one has no default and must be
    there; one with a default may be left out, and a list there may be empty. `pattern`: the
    form its text must have (`PATTERNS`), or None."""

    __slots__ = ("name", "pattern", "required", "shape")

    def __init__(
        self, name: str, shape: Shape, required: bool, pattern: re.Pattern[str] | None
    ) -> None:
        self.name, self.shape, self.required, self.pattern = name, shape, required, pattern


def _fields(record: Any) -> dict[str, Field]:
    """A record's fields by their keys in a report file, in order, read from its type hints
    (once per record: see `fields`). The validator converts by them; the JSON Schema is
    written from them."""
    hints = get_type_hints(record)
    return {
        yaml_key(record, name): Field(
            name,
            _shape(hints[name]),
            required=name not in record._field_defaults,
            pattern=PATTERNS.get((record, name)),
        )
        for name in record._fields
    }


fields = cache(_fields)  # not written as a decorator: mutmut leaves decorated functions alone


_PLAIN_KINDS: dict[Any, str] = {str: "text", bool: "bool", int: "whole", date: "date"}


def _shape(tp: Any) -> Shape:
    if isinstance(tp, type) and hasattr(tp, "_fields"):
        return Shape("record", tp)
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        (inner,) = (arg for arg in get_args(tp) if arg is not type(None))
        return Shape("optional", _shape(inner))
    if origin is tuple:
        return Shape("list", _shape(get_args(tp)[0]))
    if origin is Literal:
        return Shape("literal", get_args(tp))
    if tp in _PLAIN_KINDS:
        return Shape(_PLAIN_KINDS[tp])
    raise TypeError(f"the model uses a type the type walk does not know: {tp!r}")


def _convert(
    shape: Shape, value: object, path: str, problems: list[Problem], allow_empty: bool
) -> Any:
    def problem(reason: str) -> Any:
        problems.append(Problem(path, reason))
        return _INVALID

    kind = shape.kind
    if kind == "record":
        return _convert_record(shape.of, value, path, problems)
    if kind == "optional":
        if value is None:
            return None
        return _convert(shape.of, value, path, problems, allow_empty)
    if kind == "list":
        if not isinstance(value, list):
            return problem(f"expected a list, got {_describe(value)}")
        if not value and not allow_empty:
            return problem("must not be empty")
        return tuple(
            _convert(shape.of, item, f"{path}[{i}]", problems, allow_empty=False)
            for i, item in enumerate(value)
        )
    if kind == "literal":
        if value not in shape.of:
            return problem(f"expected one of {', '.join(shape.of)}, got {_describe(value)}")
        return value
    if kind == "text":
        if not isinstance(value, str):
            return problem(f"expected text, got {_describe(value)}")
        if not value.strip():
            return problem("must not be empty")
        control = None if value.isprintable() else _control().search(value)  # fast path first
        if control:
            return problem(_bad_character(control.group()))
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            return problem(f"expected true or false, got {_describe(value)}")
        return value
    if kind == "whole":
        if not isinstance(value, int) or isinstance(value, bool):
            return problem(f"expected a whole number, got {_describe(value)}")
        if abs(value) > MAX_WHOLE:
            return problem(f"out of range: from -{MAX_WHOLE:,} to {MAX_WHOLE:,}")
        return value
    # The one kind left: a date.
    if isinstance(value, date) and not isinstance(value, datetime):
        return value  # YAML reads an unquoted 2026-11-28 as a date already
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        try:
            return date.fromisoformat(value)
        except ValueError:
            return problem(f"'{shown(value)}' is not a real date as YYYY-MM-DD")
    return problem(f"expected a date as YYYY-MM-DD, got {_describe(value)}")


def _convert_record(record: Any, value: object, path: str, problems: list[Problem]) -> Any:
    """A record, built only when none of its values has a problem."""
    if not isinstance(value, dict):
        problems.append(Problem(path, f"expected a mapping, got {_describe(value)}"))
        return _INVALID
    known = fields(record)
    before = len(problems)
    prefix = f"{path}." if path else ""
    for key in value:
        if key not in known:
            guess = len(problems) < _GUESSED_PROBLEMS
            problems.append(_unknown_key(prefix, key, list(known), guess))
    kwargs = {}
    for key, field in known.items():
        if key in value:
            kwargs[field.name] = _convert(
                field.shape, value[key], f"{prefix}{key}", problems, not field.required
            )
        elif field.required:
            problems.append(Problem(f"{prefix}{key}", "missing (required)"))
    return record(**kwargs) if len(problems) == before else _INVALID


def _unknown_key(prefix: str, key: object, known: list[str], guess: bool) -> Problem:
    if not isinstance(key, str):
        return Problem(prefix.rstrip("."), f"keys must be text, got {_describe(key)}")
    close = closest(key, known) if guess else None
    hint = f"did you mean '{shown(close)}'?" if close else f"expected one of: {', '.join(known)}"
    return Problem(f"{prefix}{shown(key)}", f"unknown key; {hint}")


# A suggestion ("did you mean ...?") compares a word with every known one, and each comparison
# costs up to the product of their lengths: so only for the first few problems in a file, short
# words and short lists. A file with thousands of mistakes needs fixing at the source anyway.
_GUESSED_PROBLEMS = 10
_LONGEST_GUESSED = 40  # characters
_MOST_GUESSED_AMONG = 200  # known ids or keys


def closest(word: str, known: list[str]) -> str | None:
    """The known word closest to a mistyped one, if one is close enough: for a "did you
    mean" hint, here and for the command line's own mistakes."""
    if len(word) > _LONGEST_GUESSED or len(known) > _MOST_GUESSED_AMONG:
        return None
    from difflib import get_close_matches

    close = get_close_matches(word, known, n=1)
    return close[0] if close else None


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


# Forms of values. Each is matched whole (fullmatch), uses ASCII digits only ([0-9]: a digit
# from another script must never become part of a number to dial), and is unambiguous: each part
# is ended by a character that cannot continue it, so a failed match gives up in linear time.
PHONE = re.compile(r"\+?[0-9]+(?: [0-9]+)*")
MOST_DIGITS = 15  # in a phone number, besides a leading + or 00: the longest E.164 allows
_LABEL = r"[A-Za-z0-9-]+"
_HOST = rf"{_LABEL}(?:\.{_LABEL})+"
# An email address as a mailto: link may carry it: no ?, & or % (headers, a body, an encoded
# line break), no quotes, spaces or angle brackets. Conservative: real addresses use no more.
EMAIL = re.compile(rf"[A-Za-z0-9._+-]+@{_HOST}")
# A path made of characters that need no quoting in a URL, and none that ends or escapes an
# HTML attribute, a Markdown link or a terminal hyperlink: no spaces, quotes, backticks, angle
# brackets, backslashes or control characters.
_PATH = r"/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*"
DOMAIN = re.compile(rf"{_HOST}(?:{_PATH})?")  # a web value: a domain, and perhaps a path
URL = re.compile(rf"https?://{_HOST}(?:[/?#][A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*)?")
TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]|24:00")
GROUP_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # typed after --for, offered by completion
# The text fields that must have a form: `check` matches each value with its pattern here (and
# says the form in words), and the JSON Schema advertises the same patterns.
PATTERNS: dict[tuple[type, str], re.Pattern[str]] = {
    (Source, "url"): URL,
    (Group, "id"): GROUP_ID,
    (WeeklyOpening, "opens"): TIME,
    (WeeklyOpening, "closes"): TIME,
}
CHANNEL_PATTERNS = {"phone": PHONE, "text": PHONE, "email": EMAIL, "web": DOMAIN}  # by kind
_CHANNEL_FORMS = {
    "phone": "a phone number: digits in groups, with single spaces",
    "text": "a number to text: digits in groups, with single spaces",
    "email": "an email address such as help@example.org, with no ? or %",
    "web": "a web address such as example.org/help, without https://",
}


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
    known_sources, known_contacts, known_voices = set(source_ids), set(contact_ids), set(voice_ids)

    def unknown(path: str, item_id: str, known: list[str], what: str) -> None:
        close = closest(item_id, known) if len(problems) < _GUESSED_PROBLEMS else None
        hint = f"; did you mean '{shown(close)}'?" if close else ""
        problems.append(Problem(path, f"no {what} has the id '{shown(item_id)}'{hint}"))

    def cited(path: str, ids: tuple[str, ...]) -> None:
        for i, source_id in enumerate(ids):
            if source_id not in known_sources:
                unknown(f"{path}[{i}]", source_id, source_ids, "source")

    about = report.about
    cited("report.sources", about.sources)
    for name in ("link", "listed"):
        source_id = getattr(about, name)
        if source_id is not None and source_id not in known_sources:
            unknown(f"report.{name}", source_id, source_ids, "source")
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
        elif finding.said_by is not None and finding.said_by not in known_voices:
            unknown(f"{path}.said_by", finding.said_by, voice_ids, "voice")
    for path, statement in statements:
        cited(f"{path}.sources", statement.sources)
        problems += _check_quotes(path, statement)

    for i, contact in enumerate(report.contacts):
        cited(f"contacts[{i}].sources", contact.sources)
        problems += _check_channels(f"contacts[{i}]", contact)

    grouped: dict[str, str] = {}
    for i, group in enumerate(report.groups):
        if not PATTERNS[Group, "id"].fullmatch(group.id):
            problems.append(
                Problem(
                    f"groups[{i}].id",
                    f"'{shown(group.id)}' is not a group id: use lower-case letters a to z, "
                    "digits and single hyphens, such as worried-about-a-child",
                )
            )
        for j, contact_id in enumerate(group.contacts):
            if contact_id not in known_contacts:
                unknown(f"groups[{i}].contacts[{j}]", contact_id, contact_ids, "contact")
            elif contact_id in grouped:
                problems.append(
                    Problem(
                        f"groups[{i}].contacts",
                        f"'{shown(contact_id)}' is in '{shown(grouped[contact_id])}' already",
                    )
                )
            grouped.setdefault(contact_id, group.id)
    for i, contact_id in enumerate(contact_ids):
        if contact_id not in grouped:
            problems.append(Problem(f"contacts[{i}]", f"'{shown(contact_id)}' is in no group"))

    if report.bank_holidays is not None:
        holidays = report.bank_holidays
        cited("bank_holidays.sources", holidays.sources)
        if list(holidays.dates) != sorted(set(holidays.dates)):
            problems.append(Problem("bank_holidays.dates", "must be in order, each date once"))

    for i, source in enumerate(report.sources):
        if not PATTERNS[Source, "url"].fullmatch(source.url):
            problems.append(
                Problem(
                    f"sources[{i}].url",
                    "expected a web address starting https:// (or http://), with no spaces, "
                    "quotes, backticks or angle brackets",
                )
            )
    return problems


def _duplicates(path: str, ids: list[str]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for i, item_id in enumerate(ids):
        if item_id in seen:
            problems.append(Problem(f"{path}[{i}].id", f"'{shown(item_id)}' is used twice"))
        seen.add(item_id)
    return problems


def marked(text: str) -> list[str]:
    """The words in quotation marks (“ ” or " "), left to right, each up to the first closing
    mark after it: what `“([^”]*)”|"([^"]*)"` would find, in one pass. The pattern would search
    for a closing mark from every opening mark; here, once a search finds none, no later opening
    mark of that kind can be closed either, and the next opening mark of each kind is searched
    for only once it is behind the reading position. So each character is read a few times."""
    words: list[str] = []
    at = 0
    following = {"“": -2, '"': -2}  # where the next opening mark of each kind is; -1: none
    closing = {"“": "”", '"': '"'}
    while True:
        for mark, found in following.items():
            if found != -1 and found < at:
                following[mark] = text.find(mark, at)
        starts = [found for found in following.values() if found >= 0]
        if not starts:
            return words
        start = min(starts)
        mark = text[start]
        end = text.find(closing[mark], start + 1)
        if end < 0:
            following[mark] = -1  # never closed: nor is any later one
            at = start + 1
            continue
        words.append(text[start + 1 : end])
        at = end + 1


def _check_quotes(path: str, statement: Statement) -> list[Problem]:
    """Words in quotation marks must be listed as quotes, and listed quotes must be marked."""
    in_text = marked(statement.text) if "“" in statement.text or '"' in statement.text else []
    listed, quoted = set(statement.quotes), set(in_text)
    problems = [
        Problem(f"{path}.text", f"“{shown(words)}” is in quotation marks but not listed in quotes")
        for words in in_text
        if words not in listed
    ]
    problems += [
        Problem(f"{path}.quotes[{i}]", f"“{shown(words)}” is not in quotation marks in the text")
        for i, words in enumerate(statement.quotes)
        if words not in quoted
    ]
    return problems


def _check_channels(path: str, contact: Contact) -> list[Problem]:
    problems = []
    office = None  # the contact's first phone line: the one an out-of-hours line stands in for
    for j, channel in enumerate(contact.channels):
        where = f"{path}.channels[{j}]"
        problems += _check_channel(where, channel)
        hours = channel.hours
        if hours is not None and hours.out_of_hours:
            reason = None
            if channel.kind != "phone":
                reason = "only a phone line can be out of hours"
            elif office is None:
                reason = (
                    "an out-of-hours line needs the contact's office line before it: "
                    "its first phone number, with weekly hours"
                )
            elif office.hours is None or not office.hours.weekly:
                reason = (
                    "an out-of-hours line is open when the contact's first phone line is "
                    "not: give that line weekly hours"
                )
            if reason:
                problems.append(Problem(f"{where}.hours.out_of_hours", reason))
        if office is None and channel.kind == "phone":
            office = channel
    return problems


def _check_channel(path: str, channel: Channel) -> list[Problem]:
    problems = []
    if not CHANNEL_PATTERNS[channel.kind].fullmatch(channel.value):
        problems.append(Problem(f"{path}.value", f"expected {_CHANNEL_FORMS[channel.kind]}"))
    elif channel.kind in ("phone", "text") and _too_long(channel.value):
        problems.append(
            Problem(f"{path}.value", f"a phone number has at most {MOST_DIGITS} digits")
        )
    if (channel.kind == "text") != (channel.message is not None):
        problems.append(
            Problem(f"{path}.message", "give the word to send for kind text, and only then")
        )
    if channel.hours is not None:
        problems += _check_hours(f"{path}.hours", channel.hours)
    return problems


def _too_long(number: str) -> bool:
    digits = number.replace(" ", "").lstrip("+")
    if number.startswith("00"):
        digits = digits[2:]
    return len(digits) > MOST_DIGITS


def _check_hours(path: str, opening_hours: Hours) -> list[Problem]:
    kinds = (opening_hours.always, bool(opening_hours.weekly), opening_hours.out_of_hours)
    if sum(kinds) != 1:
        return [
            Problem(
                path, "give exactly one of 'always: true', a 'weekly' list or 'out_of_hours: true'"
            )
        ]
    problems = []
    for i, opening in enumerate(opening_hours.weekly):
        where = f"{path}.weekly[{i}]"
        times_ok = True
        for name in ("opens", "closes"):
            if not PATTERNS[WeeklyOpening, name].fullmatch(getattr(opening, name)):
                problems.append(
                    Problem(f"{where}.{name}", "expected a time as HH:MM, 00:00 to 24:00")
                )
                times_ok = False
        if times_ok and opening.opens >= opening.closes:
            problems.append(Problem(where, "opens must be before closes"))
    return problems


# The misprint. The source article printed the NSPCC helpline with digits that no NSPCC page
# lists. Written anywhere in a report file, in any form, it could be read and dialled, so a file
# that holds it is refused. The number itself is not written here, so that this package never
# holds it: what is kept is its ten digits after the leading 0, as an integer multiplied by a
# key modulo a prime larger than any ten-digit number. Multiplying by a key is one-to-one modulo
# a prime, so exactly one ten-digit string matches: no other number can be refused by mistake.
_PRIME = (1 << 61) - 1
_KEY = 0x5DEECE66D
_MISPRINT = 0xD292F7405CC41A3
_NATIONAL_DIGITS = 10  # a UK number's digits after its leading 0

# Digits joined by anything a number may be written with: spaces of every kind (no-break, thin,
# narrow), dashes and hyphens, dots, brackets, slashes, a plus, and the invisible characters an
# editor might leave between them. One run per number as written; letters, commas and the like
# end it. Two disjoint classes, so a run is found in linear time.
_SEPARATOR = r"[\s\-\u2010-\u2015\u2212.\u00b7\u2022()\[\]/+_\u00ad\u200b-\u200d\u2060\ufeff]"
_RUN = re.compile(rf"[0-9]+(?:{_SEPARATOR}+[0-9]+)*")
_GROUP = re.compile(r"[0-9]+")


class _AsciiDigits(dict[int, int | str]):
    """For str.translate: a digit of any script or form (full-width, superscript, circled) as
    its ASCII digit; every other character as itself. Filled as characters are met, so each is
    looked at once."""

    def __missing__(self, code: int) -> int | str:
        char = chr(code)
        value: int | str = code
        if char.isdigit():  # rare: unicodedata is loaded only for a text that has one
            import unicodedata

            # Every character str.isdigit accepts has a digit value (Numeric_Type Digit or
            # Decimal): tests/test_validate_rules.py checks all of them.
            value = str(unicodedata.digit(char))
        self[code] = value
        return value


_ASCII_DIGITS = _AsciiDigits()


def is_misprint(text: str) -> bool:
    """Whether `text` holds the misprinted number, however it is spaced or punctuated, as a
    national number (0...) or an international one (+44, 0044, +44 (0)), in digits of any
    script. Linear in the length of `text`."""
    if len(text) < _NATIONAL_DIGITS:
        return False
    if not text.isascii():
        text = text.translate(_ASCII_DIGITS)
    for run in _RUN.finditer(text):
        groups = _GROUP.findall(run.group())
        digits = "".join(groups)
        if len(digits) < _NATIONAL_DIGITS:
            continue
        starts, ends, at = [], set(), 0
        for group in groups:
            starts.append(at)
            at += len(group)
            ends.add(at)
        for start in starts:  # a number starts where a group of digits does
            at = start
            if digits.startswith("0044", at):
                at += 4
            elif digits.startswith("44", at):
                at += 2
            if digits.startswith("0", at):
                at += 1
            end = at + _NATIONAL_DIGITS
            if end in ends and int(digits[at:end]) * _KEY % _PRIME == _MISPRINT:
                return True
    return False


def misprints(data: object) -> list[Problem]:
    """Every string in parsed YAML, keys included, that holds the misprinted number, with its
    path. Walked with a list rather than by recursion: the nesting is the file's to choose.
    Paths are worked out only when there is a misprint to place, in a second walk."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if len(value) >= _NATIONAL_DIGITS and is_misprint(value):
                return _placed_misprints(data)
        elif isinstance(value, dict):
            stack += value
            stack += value.values()
        elif isinstance(value, list):
            stack += value
    return []


def _placed_misprints(data: object) -> list[Problem]:
    problems = []
    stack: list[tuple[str, object]] = [("", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if is_misprint(value):
                problems.append(
                    Problem(path, "holds a misprinted phone number; it must not be shown")
                )
        elif isinstance(value, dict):
            prefix = f"{path}." if path else ""
            for key, item in reversed(value.items()):
                where = f"{prefix}{shown(key) if isinstance(key, str) else '?'}"
                stack.append((where, item))
                stack.append((where, key))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", item) for i, item in reversed(list(enumerate(value))))
    return problems
