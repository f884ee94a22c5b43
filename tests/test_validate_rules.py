"""Each validation rule, switched on by one change to the bundled report: the exact problem lines
it gives, and, where a boundary matters, the nearest change that is still accepted.

The checks run on parsed YAML (no file, no CLI) so that the whole table takes well under a
second: `tests/test_loader.py` shows the same problems reach `reportinfo validate`.
"""

from __future__ import annotations

import copy
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from reportinfo.errors import DataError
from reportinfo.model import Channel, Group, Source, WeeklyOpening
from reportinfo.validate import build_report, closest, marked
from tests.conftest import bundled_yaml, delete_at, set_at

BUNDLED = bundled_yaml()

Change = Callable[[dict[str, Any]], object]


def problems(*changes: Change) -> list[str]:
    """The problem lines for the bundled report after `changes`, each of which changes the data
    in place or returns what replaces it: [] when it is accepted."""
    data: object = copy.deepcopy(BUNDLED)
    for change in changes:
        replaced = change(data)  # type: ignore[arg-type]
        data = data if replaced is None else replaced
    try:
        build_report(data)
    except DataError as error:
        return [str(problem) for problem in error.problems]
    return []


def test_the_bundled_report_is_accepted() -> None:
    assert problems() == []


# The report's own facts.

REFUSED_FACTS = [
    (
        set_at("report.link", "report-2071"),
        "report.link: no source has the id 'report-2071'; did you mean 'report-2017'?",
    ),
    (set_at("report.listed", "nowhere"), "report.listed: no source has the id 'nowhere'"),
    (
        set_at("report.sources", ["bsp-reviews", "bfp-artikle"]),
        "report.sources[1]: no source has the id 'bfp-artikle'; did you mean 'bfp-article'?",
    ),
    (set_at("report.period", {"start": 2017, "end": 2016}), "report.period: start is after end"),
    (set_at("report.recommendations", -1), "report.recommendations: must not be negative"),
    (
        set_at("report.recommendations", 1_000_000),
        "report.recommendations: out of range: from -999,999 to 999,999",
    ),
]


@pytest.mark.parametrize(
    ("change", "expected"),
    REFUSED_FACTS,
    ids=["link", "listed", "sources", "period", "negative", "too-many"],
)
def test_a_fact_that_does_not_hold_is_refused(change: Change, expected: str) -> None:
    assert problems(change) == [expected]


@pytest.mark.parametrize(
    "change",
    [
        set_at("report.period", {"start": 2016, "end": 2016}),  # one year
        set_at("report.recommendations", 0),
        set_at("report.recommendations", 999_999),
        delete_at("report.listed"),
    ],
    ids=["one-year-period", "no-recommendations", "most-recommendations", "no-listing"],
)
def test_a_fact_at_its_boundary_is_accepted(change: Change) -> None:
    assert problems(change) == []


# The content note: its sources and its quotes, like any statement's.


def test_the_content_note_cites_known_sources() -> None:
    assert problems(set_at("content_note.sources", ["bucks-herald-2071"])) == [
        "content_note.sources[0]: no source has the id 'bucks-herald-2071'; "
        "did you mean 'bucks-herald-2017'?"
    ]


def test_the_content_note_marks_its_quotes() -> None:
    marked_text = set_at("content_note.text", "This report discusses “abuse” and suicide.")
    assert problems(marked_text) == [
        "content_note.text: “abuse” is in quotation marks but not listed in quotes"
    ]
    assert problems(marked_text, set_at("content_note.quotes", ["abuse"])) == []
    assert problems(set_at("content_note.quotes", ["suicide"])) == [
        "content_note.quotes[0]: “suicide” is not in quotation marks in the text"
    ]


def test_a_statement_may_list_no_quotes() -> None:
    assert problems(set_at("content_note.quotes", [])) == []
    assert problems(set_at("summary.0.quotes", [])) == []


def test_the_content_note_says_no_voice() -> None:
    assert problems(set_at("content_note.said_by", "board")) == [
        "content_note.said_by: only findings say who said them"
    ]


# Ids: each used once.


def test_a_contact_id_used_twice() -> None:
    assert problems(set_at("contacts.1.id", "emergency")) == [
        "contacts[1].id: 'emergency' is used twice",
        # The group that named the renamed contact now names none.
        "groups[1].contacts[0]: no contact has the id 'nspcc-helpline'; did you mean 'childline'?",
    ]


def test_a_group_id_used_twice() -> None:
    assert problems(set_at("groups.1.id", "danger")) == ["groups[1].id: 'danger' is used twice"]


def test_a_voice_id_used_twice() -> None:
    assert problems(set_at("voices.1.id", "review")) == [
        "voices[1].id: 'review' is used twice",
        "findings[5].said_by: no voice has the id 'board'",
    ]


# The misprinted number, wherever it is written.


def test_the_misprint_in_a_number_to_text() -> None:
    shout = "contacts.10.channels.0"
    assert problems(set_at(f"{shout}.value", "0808 500 1111")) == [
        "contacts[10].channels[0].value: holds a misprinted phone number; it must not be shown"
    ]


# Opening hours.


def test_an_opening_that_closes_when_it_opens() -> None:
    opening = "contacts.1.channels.0.hours.weekly.0"
    assert problems(set_at(f"{opening}.opens", "09:00"), set_at(f"{opening}.closes", "09:00")) == [
        "contacts[1].channels[0].hours.weekly[0]: opens must be before closes"
    ]
    assert problems(set_at(f"{opening}.opens", "09:00"), set_at(f"{opening}.closes", "09:01")) == []


# The shape of the file.


def test_a_list_at_the_top_is_not_a_report() -> None:
    assert problems(lambda data: [data]) == ["expected a mapping, got a list"]


def test_a_record_that_is_not_a_mapping_is_placed() -> None:
    assert problems(set_at("report", "SCR 2017")) == ["report: expected a mapping, got text"]
    assert problems(set_at("contacts.0", 5)) == ["contacts[0]: expected a mapping, got a number"]


def test_keys_are_text() -> None:
    assert problems(lambda data: data["report"].update({1: "x"})) == [
        "report: keys must be text, got a number"
    ]

    def top_level_key(data: dict[Any, Any]) -> dict[Any, Any]:
        return {**data, None: "x"}

    assert problems(top_level_key) == ["keys must be text, got nothing"]


def test_every_character_python_calls_a_digit_has_a_digit_value() -> None:
    """The misprint check reads any digit as its ASCII digit, by `unicodedata.digit`."""
    digits = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isdigit()]
    assert all(unicodedata.digit(char, None) is not None for char in digits)


# The wording of a problem: what was found instead, and which character.


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ({"a": 1}, "a mapping"),
        (date(2026, 12, 3), "a date"),
        (b"bytes", "bytes"),  # not from YAML (the loader refuses tags), but not a crash either
        (1.5, "a number"),
        (None, "nothing"),
    ],
    ids=["mapping", "date", "bytes", "float", "nothing"],
)
def test_what_was_found_instead_of_text(value: object, found: str) -> None:
    assert problems(set_at("findings.0.text", value)) == [
        f"findings[0].text: expected text, got {found}"
    ]


@pytest.mark.parametrize(
    ("char", "reason"),
    [
        ("\x7f", "contains a control character (U+007F)"),
        ("\x9b", "contains a control character (U+009B)"),
        ("\x85", "contains a line break (U+0085); write it on one line, or fold it with >-"),
        ("\ud800", "contains a lone surrogate (U+D800), which is not a character"),
        ("\udfff", "contains a lone surrogate (U+DFFF), which is not a character"),
    ],
    ids=["delete", "csi", "next-line", "first-surrogate", "last-surrogate"],
)
def test_the_character_that_may_not_be_in_text(char: str, reason: str) -> None:
    assert problems(set_at("summary.0.text", f"before {char} after")) == [
        f"summary[0].text: {reason}"
    ]


# Suggestions: for the first few problems only, and short words among short lists.


def test_only_the_first_ten_problems_suggest_a_key() -> None:
    def mistype_eleven_keys(data: dict[str, Any]) -> None:
        data["report"].update({f"titel{n:02d}": "x" for n in range(11)})

    found = problems(mistype_eleven_keys)
    assert found[9] == "report.titel09: unknown key; did you mean 'title'?"
    assert found[10] == (
        "report.titel10: unknown key; expected one of: title, kind, publisher, published, "
        "period, recommendations, scale, link, sources, listed"
    )


def test_a_suggestion_only_for_a_short_word_among_few() -> None:
    long_word = "x" * 40
    assert closest(long_word[:-1] + "y", [long_word]) == long_word
    assert closest(long_word + "y", [long_word + "x"]) is None
    many = [f"id-{n:03d}" for n in range(200)]
    assert closest("id-19x", many) is not None
    assert closest("id-19x", [*many, "id-200"]) is None


# Keys that are not text, wherever they are.


def test_the_misprint_under_a_key_that_is_not_text() -> None:
    assert problems(lambda data: data["report"].update({5: "0808 500 1111"})) == [
        "report: keys must be text, got a number",
        "report.?: holds a misprinted phone number; it must not be shown",
    ]


def test_only_the_first_ten_problems_suggest_an_id() -> None:
    def mistype_eleven_sources(data: dict[str, Any]) -> None:
        data["report"]["sources"] = ["bfp-artikle"] * 11

    found = problems(mistype_eleven_sources)
    did_you_mean = "no source has the id 'bfp-artikle'; did you mean 'bfp-article'?"
    assert found == [f"report.sources[{i}]: {did_you_mean}" for i in range(10)] + [
        "report.sources[10]: no source has the id 'bfp-artikle'"
    ]


# Every list of sources is checked, with its own path.


@pytest.mark.parametrize(
    ("path", "shown_as"),
    [
        ("contacts.1.sources", "contacts[1].sources"),
        ("bank_holidays.sources", "bank_holidays.sources"),
        ("summary.0.sources", "summary[0].sources"),
    ],
)
def test_sources_cited_anywhere_are_known(path: str, shown_as: str) -> None:
    assert problems(set_at(path, ["nspcc-reprot"])) == [
        f"{shown_as}[0]: no source has the id 'nspcc-reprot'; did you mean 'nspcc-report'?"
    ]


def test_a_group_id_that_cannot_be_typed_after_for() -> None:
    assert problems(set_at("groups.1.id", "Worried_About")) == [
        "groups[1].id: 'Worried_About' is not a group id: use lower-case letters a to z, "
        "digits and single hyphens, such as worried-about-a-child"
    ]


# Quotation marks of both kinds, wherever they are in the text.


def test_straight_quotation_marks_count_too() -> None:
    quoted = set_at("summary.0.text", 'The review said "lessons" were learnt.')
    assert problems(quoted) == [
        "summary[0].text: “lessons” is in quotation marks but not listed in quotes"
    ]
    assert problems(quoted, set_at("summary.0.quotes", ["lessons"])) == []


def test_a_quotation_at_the_very_start() -> None:
    quoted = set_at("summary.0.text", "“Lessons” were learnt.")
    assert problems(quoted, set_at("summary.0.quotes", ["Lessons"])) == []


def test_marked_reads_each_quotation_once() -> None:
    assert marked('a“b” c “d” and "e"') == ["b", "d", "e"]
    assert marked("“never closed and “closed”") == ["never closed and “closed"]
    assert marked('"one" "two') == ["one"]
    assert marked("“” and “x”") == ["", "x"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('"Never closed, and then “lessons” were learnt.', ["lessons"]),
        ('A stray "“lesson” was learnt.', ["lesson"]),
        ("“Lessons”“learnt”, side by side.", ["Lessons", "learnt"]),
    ],
    ids=["never-closed-at-the-start", "right-after-one-never-closed", "right-after-another"],
)
def test_a_quotation_next_to_another_mark(text: str, words: list[str]) -> None:
    assert problems(set_at("summary.0.text", text)) == [
        f"summary[0].text: “{w}” is in quotation marks but not listed in quotes" for w in words
    ]


# Phone numbers: at most 15 digits, after a leading + or 00.

POLICE = "contacts.3.channels.0.value"
TEXT_LINE = "contacts.10.channels.0.value"
TOO_LONG = "a phone number has at most 15 digits"


@pytest.mark.parametrize(
    ("value", "refused"),
    [
        ("123 456 789 012 345", False),
        ("123 456 789 012 3456", True),
        ("+123 456 789 012 345", False),
        ("+123 456 789 012 3456", True),
        ("00123 456 789 012 345", False),
        ("00123 456 789 012 3456", True),
    ],
)
def test_the_longest_phone_number(value: str, refused: bool) -> None:
    expected = [f"contacts[3].channels[0].value: {TOO_LONG}"] if refused else []
    assert problems(set_at(POLICE, value)) == expected


def test_the_longest_number_to_text() -> None:
    assert problems(set_at(TEXT_LINE, "123 456 789 012 3456")) == [
        f"contacts[10].channels[0].value: {TOO_LONG}"
    ]


def test_the_misprint_as_its_ten_national_digits_alone() -> None:
    assert problems(set_at("summary.0.text", "8085001111")) == [
        "summary[0].text: holds a misprinted phone number; it must not be shown"
    ]


@pytest.mark.parametrize(
    "written",
    ["00448085001111", "116 123 00448085001111", "116 123 448085001111", "116 123 08085001111"],
    ids=["0044-unspaced", "0044-after-another-number", "44-after-one", "0-after-one"],
)
def test_the_misprint_with_its_prefix_unspaced(written: str) -> None:
    """The prefix (0044, 44, 0) joined to the number, and read from the number's first digit
    even when other digits come before it in the same run."""
    assert problems(set_at("summary.0.text", f"Lines: {written}")) == [
        "summary[0].text: holds a misprinted phone number; it must not be shown"
    ]


def test_a_time_that_is_not_a_time_is_one_problem() -> None:
    assert problems(set_at("contacts.1.channels.0.hours.weekly.0.opens", "8am")) == [
        "contacts[1].channels[0].hours.weekly[0].opens: expected a time as HH:MM, 00:00 to 24:00"
    ]


def test_an_out_of_hours_line_goes_by_the_first_phone_line() -> None:
    def first_a_line_without_hours(data: dict[str, Any]) -> None:
        channels = data["contacts"][2]["channels"]
        channels.insert(0, {"kind": "phone", "value": "0800 123 4567"})

    assert problems(first_a_line_without_hours) == [
        "contacts[2].channels[2].hours.out_of_hours: an out-of-hours line is open when the "
        "contact's first phone line is not: give that line weekly hours"
    ]


def test_what_was_found_instead_of_a_list_or_true_or_false() -> None:
    assert problems(set_at("findings.0.sources", "bfp-article")) == [
        "findings[0].sources: expected a list, got text"
    ]
    assert problems(set_at("contacts.0.channels.0.hours.always", "yes")) == [
        "contacts[0].channels[0].hours.always: expected true or false, got text"
    ]


# The JSON Schema advertises the forms the validator enforces: both read `validate.PATTERNS`.

FORMS = [  # (record, field): where the bundled report has one, a value refused, one accepted
    ((Source, "url"), "sources.1.url", "www.example.org/help", "https://example.org/help"),
    ((Group, "id"), "groups.0.id", "In-Danger", "in-danger"),
    ((WeeklyOpening, "opens"), "contacts.1.channels.0.hours.weekly.0.opens", "8:00", "07:30"),
    ((WeeklyOpening, "closes"), "contacts.1.channels.0.hours.weekly.0.closes", "24:01", "24:00"),
    ((Channel, "value"), "contacts.1.channels.0.value", "call 0808 800 5000", "+44 808 800 5000"),
    ((Channel, "value"), "contacts.1.channels.1.value", "help@nspcc", "help@nspcc.org.uk"),
    ((Channel, "value"), "contacts.1.channels.2.value", "https://nspcc.org.uk", "nspcc.org.uk/a"),
]


def test_every_pattern_has_a_case_below() -> None:
    """A pattern added to the table is checked here, by the validator and by the schema."""
    from reportinfo import validate

    assert {field for field, *_ in FORMS} - {(Channel, "value")} == set(validate.PATTERNS)


@pytest.mark.parametrize(
    ("path", "refused", "accepted"),
    [case[1:] for case in FORMS],
    ids=["url", "group-id", "opens", "closes", "phone", "email", "web"],
)
def test_the_schema_gives_the_form_the_validator_checks(
    path: str, refused: str, accepted: str
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from reportinfo import schema

    validator = jsonschema.Draft202012Validator(schema.schema())

    def schema_errors(value: str) -> list[str]:
        data = copy.deepcopy(BUNDLED)
        set_at(path, value)(data)
        as_json = json.loads(json.dumps(data, default=str))  # dates as text, as in JSON
        return [error.message for error in validator.iter_errors(as_json)]

    [problem] = problems(set_at(path, refused))
    assert problem.startswith(re.sub(r"\.([0-9]+)", r"[\1]", path) + ": ")
    assert schema_errors(refused)
    assert problems(set_at(path, accepted)) == []
    assert schema_errors(accepted) == []


def test_a_type_the_walk_does_not_know_is_named() -> None:
    """Only a change to the model can reach it, never a report file."""
    from typing import NamedTuple

    from reportinfo import validate

    class Measured(NamedTuple):
        length: float

    with pytest.raises(TypeError, match="the model uses a type the type walk does not know: "):
        validate.fields(Measured)


def test_convert_builds_one_record() -> None:
    from reportinfo import validate
    from reportinfo.model import Period, Source

    assert validate.convert(Period, {"start": 2016, "end": 2017}) == Period(2016, 2017)
    source = {"id": "s", "title": "T", "publisher": "P", "url": "https://example.org"}
    assert validate.convert(Source, source) == Source("s", "T", "P", "https://example.org")
