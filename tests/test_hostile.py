"""Report files made to do harm: each is refused, or shown as it is, quickly and in one line.

Anyone can hand the tool a report file, so every string in one is hostile until checked. The
files that found each problem are in tests/data/hostile/, each a copy of `base.yaml` (the
example in docs/data-format.md) with one hostile change; larger files, made to take time, are
built here from the same base. `benchmarks/hostile.py` times the 1 MiB versions.
"""

from __future__ import annotations

import copy
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from reportinfo import loader, output, validate
from reportinfo.errors import DataError, shown
from reportinfo.validate import BIDI_CONTROLS, is_misprint, marked
from tests.conftest import SECTION_ARGS, Invoke, run_installed

HOSTILE = Path(__file__).parent / "data" / "hostile"
BASE = (HOSTILE / "base.yaml").read_text(encoding="utf-8")
SECTIONS = list(SECTION_ARGS.values())  # the overview is [], the rest their command
BOUND = 5.0  # seconds: generous, for a loaded machine; the code before took minutes or more


def problems(path: Path | str) -> list[str]:
    with pytest.raises(DataError) as caught:
        loader.load(str(path))
    return [str(problem) for problem in caught.value.problems]


def hostile(name: str) -> Path:
    return HOSTILE / name


def variant(tmp_path: Path, old: str, new: str, name: str = "report.yaml") -> Path:
    """A copy of the base report with `old` replaced by `new`, once."""
    assert old in BASE, old
    path = tmp_path / name
    path.write_text(BASE.replace(old, new, 1), encoding="utf-8")
    return path


def contact_by_id(data: dict[str, Any], contact_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in data["contacts"] if c["id"] == contact_id)
    return found


def assert_one_clean_line(text: str) -> None:
    """One line, ending in a newline, with nothing a terminal would act on."""
    assert text.endswith("\n"), repr(text)
    assert text.count("\n") == 1, repr(text)
    assert text[:-1].isprintable(), repr(text)


def test_the_base_report_is_valid() -> None:
    report = loader.load(str(hostile("base.yaml")))
    assert [c.id for c in report.contacts] == ["emergency", "helpline"]


# Files PyYAML reads into something the format cannot use: refused with their place, by
# `validate` and by every section, never an unexpected error (exit 70).
LOADER_REFUSALS = {
    "tag-timestamp.yaml": "line 44, column 14: 'garbage' is not a real date as YYYY-MM-DD",
    "tag-bool.yaml": "line 38, column 16: 'maybe' is not true or false",
    "tag-int-empty.yaml": "line 8, column 20: '' is not a whole number",
    "tag-float.yaml": "line 8, column 20: '3' is a number with a fraction (YAML's float)",
    "float.yaml": "line 8, column 20: '3.5' is a number with a fraction (YAML's float)",
    "float-nan.yaml": "line 8, column 20: '.nan' is a number with a fraction (YAML's float)",
    "tag-binary.yaml": "line 4, column 9: the tag !!binary is not used in report files",
    "tag-set.yaml": "line 11, column 12: the tag !!set is not used in report files",
    "tag-omap.yaml": "line 7, column 11: the tag !!omap is not used in report files",
    "tag-pairs.yaml": "line 7, column 11: the tag !!pairs is not used in report files",
    "tag-own.yaml": "line 4, column 9: the tag !review is not used in report files",
    "tag-python.yaml": (
        "line 4, column 9: the tag !!python/object/apply:os.system is not used in report files"
    ),
    "complex-key.yaml": "line 5, column 5: a key must be text, not a list or a mapping",
    "mapping-key.yaml": "line 5, column 5: a key must be text, not a list or a mapping",
    "int-key.yaml": (
        "line 5, column 3: the key '2019' is not text (YAML reads it as a whole number); quote it"
    ),
    "bool-key.yaml": (
        "line 5, column 3: the key 'yes' is not text (YAML reads it as true or false); quote it"
    ),
    "null-key.yaml": "line 5, column 3: the key '~' is not text (YAML reads it as nothing)",
    "merge-key.yaml": "line 3, column 3: merge keys (<<) are not allowed",
    "huge-int-hex.yaml": "line 8, column 20: '0xffff",
    "huge-int-binary.yaml": "line 8, column 20: '0b1111",
    "huge-int-decimal.yaml": "line 8, column 20: '9999",
    "huge-int-sexagesimal.yaml": "line 8, column 20: '1:59:59",
    "int-out-of-range.yaml": (
        "line 8, column 20: '1000000' is out of range: whole numbers in a report file are from "
        "-999,999 to 999,999"
    ),
    "year-out-of-range.yaml": "line 7, column 19: '-1000000' is out of range",
    "bad-date.yaml": "line 44, column 14: '2026-02-30' is not a real date as YYYY-MM-DD",
    "title-in-timestamp.yaml": (
        "line 44, column 14: '\\x1b]0;title\\x07' is not a real date as YYYY-MM-DD"
    ),
    "escape-in-duplicate-key.yaml": "line 6, column 3: the key '\\x1b]0;title\\x07' appears twice",
    "newline-in-duplicate-key.yaml": (
        "line 6, column 3: the key 'x\\nbundled report: valid' appears twice"
    ),
}


@pytest.mark.parametrize(("name", "expected"), LOADER_REFUSALS.items())
def test_what_the_format_cannot_use_is_refused_with_its_place(name: str, expected: str) -> None:
    (problem,) = problems(hostile(name))
    assert problem.startswith(expected)
    assert "out of range" in problem or "huge" not in name


@pytest.mark.parametrize("name", LOADER_REFUSALS)
def test_every_command_refuses_it_in_one_line_exit_1(invoke: Invoke, name: str) -> None:
    path = str(hostile(name))
    checked = invoke("validate", path)
    assert checked.exit_code == 1
    assert_one_clean_line(checked.stdout)
    assert checked.stdout.startswith(f"{path}: {LOADER_REFUSALS[name]}")
    for args in SECTIONS:
        result = invoke("--data", path, *args)
        assert result.exit_code == 1, (args, result.stderr)
        assert result.stdout == ""
        assert_one_clean_line(result.stderr)
        assert f"(from --data): {LOADER_REFUSALS[name]}" in result.stderr


def test_a_merge_key_no_longer_smuggles_a_second_title(tmp_path: Path) -> None:
    """It used to pass the duplicate check: the title in the merge was read, or the other."""
    assert problems(hostile("merge-key.yaml")) == [
        "line 3, column 3: merge keys (<<) are not allowed"
    ]


def test_yaml_names_for_text_stay_text(tmp_path: Path) -> None:
    """`=` and `<<` as values are text, as they read; YAML 1.1 gives both tags of their own."""
    for value in ("=", "<<"):
        path = variant(tmp_path, "kind: serious case review", f"kind: {value}")
        assert loader.load(str(path)).about.kind == value


def test_in_range_whole_numbers_in_any_base_still_read(tmp_path: Path) -> None:
    for written, value in [
        ("0x0e", 14),
        ("0b1110", 14),
        ("016", 14),
        ("1_4", 14),
        ("999999", 999_999),
    ]:
        path = variant(tmp_path, "recommendations: 3", f"recommendations: {written}")
        assert loader.load(str(path)).about.recommendations == value


def test_the_type_walk_keeps_the_range_too() -> None:
    """For a caller that builds a report from its own data, not from a file."""
    from reportinfo.model import Period

    with pytest.raises(DataError) as caught:
        validate.convert(Period, {"start": 10**6, "end": 2020})
    assert [str(p) for p in caught.value.problems] == [
        "start: out of range: from -999,999 to 999,999"
    ]


# Characters that change how text reads.


@pytest.mark.parametrize("char", list(BIDI_CONTROLS))
def test_every_bidirectional_control_is_refused_with_its_code_point(
    write_report: Callable[..., Path], char: str
) -> None:
    def change(data: dict[str, Any]) -> None:
        data["summary"][0]["text"] = f"Evil {char} text"

    assert problems(write_report(change)) == [
        f"summary[0].text: contains a bidirectional control character (U+{ord(char):04X}), "
        "which can reorder text"
    ]


def test_the_bidi_controls_are_the_unicode_set() -> None:
    """Bidi_Control, as Unicode lists it: U+061C, U+200E, U+200F, U+202A-E, U+2066-9."""
    expected = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    assert [ord(c) for c in BIDI_CONTROLS] == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("bidi-in-text.yaml", "report.scale: contains a bidirectional control character (U+200F)"),
        ("line-separator.yaml", "report.scale: contains a line break (U+2028)"),
    ],
)
def test_files_with_characters_that_reorder_or_break_text(name: str, expected: str) -> None:
    (problem,) = problems(hostile(name))
    assert problem.startswith(expected)


@pytest.mark.parametrize(
    ("escape", "code"),
    [
        ("\\r", 0x0D),
        ("\\N", 0x85),
        ("\\L", 0x2028),
        ("\\P", 0x2029),
        ("\\v", 0x0B),
        ("\\x1c", 0x1C),
    ],
)
def test_every_kind_of_line_break_is_refused(tmp_path: Path, escape: str, code: int) -> None:
    """Written as YAML escapes: raw, YAML folds most of them into a space as it reads."""
    path = variant(tmp_path, "scale: Five families took part.", f'scale: "one{escape}two"')
    assert problems(path) == [
        f"report.scale: contains a line break (U+{code:04X}); write it on one line, or fold it "
        "with >-"
    ]


def test_a_lone_surrogate_in_a_file_is_refused(invoke: Invoke) -> None:
    """PyYAML's C parser refuses the escape; its pure-Python parser lets it through, to the
    type walk."""
    (problem,) = problems(hostile("lone-surrogate.yaml"))
    assert problem in (
        "line 10, column 27: found invalid Unicode character escape code",
        "report.scale: contains a lone surrogate (U+D800), which is not a character",
    )
    for args in SECTIONS:
        result = invoke("--data", str(hostile("lone-surrogate.yaml")), *args)
        assert result.exit_code == 1
        assert_one_clean_line(result.stderr)


def test_a_lone_surrogate_is_refused_by_the_type_walk() -> None:
    from reportinfo.model import Voice

    with pytest.raises(DataError) as caught:
        validate.convert(Voice, {"id": "v", "heading": "a \ud800 b"})
    assert [str(p) for p in caught.value.problems] == [
        "heading: contains a lone surrogate (U+D800), which is not a character"
    ]


# Values: numbers, addresses, ids.


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("phone", "0800 ٠٠٠ 0000"),  # Arabic-Indic digits: one number shown, another dialled
        ("phone", "0800 ０００ 0000"),  # full-width digits
        ("phone", "0800  000 0000"),
        ("phone", "0800-000-0000"),
        ("phone", "+44 800 000 0000 0000 0000"),  # more digits than any number has
        ("phone", "0" * 100_000),
        ("text", "8525８"),
        ("email", "help@example.org?subject=hi"),
        ("email", "help@example.org?bcc=x@example.com"),
        ("email", "help%0ABcc:x@example.org"),
        ("email", "help@example.org&body=x"),
        ("email", '"help"@example.org'),
        ("email", "help @example.org"),
        ("email", "<help@example.org>"),
        ("email", "help@example"),
        ("email", "x@" + "a." * 30_000 + "a@"),  # a long dotted address, ending badly
        ("web", "example.org/<script>"),
        ("web", "example.org/a b"),
        ("web", 'example.org/"x'),
        ("web", "example.org/`x`"),
        ("web", "example.org/a\\b"),
        ("web", "example.org/?q=1"),
        ("web", "https://example.org"),
        ("web", "javascript:alert(1)"),
        ("web", "example"),
    ],
)
def test_malformed_values_are_refused(
    write_report: Callable[..., Path], kind: str, value: str
) -> None:
    def change(data: dict[str, Any]) -> None:
        channel = contact_by_id(data, "samaritans")["channels"][0]
        channel.update({"kind": kind, "value": value})
        if kind == "text":
            channel["message"] = "SHOUT"

    start = time.perf_counter()
    found = problems(write_report(change))
    assert time.perf_counter() - start < BOUND
    assert len(found) == 1, found
    assert re.match(r"contacts\[\d+\]\.channels\[0\]\.value: ", found[0]), found


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("phone", "0808 800 5000"),
        ("phone", "+44 808 800 5000"),
        ("phone", "116 123"),
        ("phone", "00 44 808 800 5000"),
        ("email", "help.line+uk@nspcc.org.uk"),
        ("web", "nspcc.org.uk"),
        ("web", "www.example.org/get-help/now_(2024)"),
    ],
)
def test_well_formed_values_pass(write_report: Callable[..., Path], kind: str, value: str) -> None:
    def change(data: dict[str, Any]) -> None:
        contact_by_id(data, "samaritans")["channels"][0].update({"kind": kind, "value": value})

    assert loader.load(str(write_report(change)))


@pytest.mark.parametrize(
    "url",
    [
        'https://example.org/" onmouseover="x',
        "https://example.org/<b>",
        "https://example.org/a b",
        "https://example.org/`x`",
        "https://example.org/\\x",
        "javascript:alert(1)",
        "https:/example.org",
        "https://example.org/\x7f",
    ],
)
def test_malformed_source_urls_are_refused(write_report: Callable[..., Path], url: str) -> None:
    def change(data: dict[str, Any]) -> None:
        data["sources"][0]["url"] = url

    assert [p.split(":")[0] for p in problems(write_report(change))] == ["sources[0].url"]


def test_hostile_value_files() -> None:
    assert problems(hostile("email-headers.yaml")) == [
        "contacts[1].channels[0].value: expected an email address such as help@example.org, "
        "with no ? or %"
    ]
    assert problems(hostile("web-markup.yaml")) == [
        "contacts[1].channels[0].value: expected a web address such as example.org/help, "
        "without https://"
    ]
    assert problems(hostile("url-quote.yaml"))[0].startswith("sources[0].url: expected a web")
    assert problems(hostile("phone-digits.yaml")) == [
        "contacts[1].channels[0].value: expected a phone number: digits in groups, with single "
        "spaces"
    ]


def test_every_number_pattern_uses_ascii_digits() -> None:
    """`\\d` matches digits of every script; a number to dial takes ASCII digits only."""
    for module in (validate, loader, output):
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        assert "\\d" not in source.replace("\\\\d", ""), module.__name__


@pytest.mark.parametrize(
    "group_id", ["$(touch pwned)", "`id`", "-rf", "Danger", "in danger", "a--b", "a_b", "-a", "a-"]
)
def test_group_ids_are_plain_words(write_report: Callable[..., Path], group_id: str) -> None:
    def change(data: dict[str, Any]) -> None:
        data["groups"][0]["id"] = group_id

    (problem,) = problems(write_report(change))
    assert problem.startswith(f"groups[0].id: '{group_id}' is not a group id: use lower-case")


@pytest.mark.parametrize("name", ["group-id.yaml", "group-id-option.yaml"])
def test_completion_offers_no_group_a_shell_would_run(
    invoke: Invoke, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is refused, so nothing is offered; and were a report built past validation,
    completion would still offer only plain words."""
    words = f"reportinfo --data {hostile(name)} help-contacts --for "
    env = {
        "_REPORTINFO_COMPLETE": "bash_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split())),
    }
    result = invoke(env=env)
    assert result.exit_code == 0
    assert result.stdout.strip() == ""

    report = loader.load(str(hostile("base.yaml")))
    groups = tuple(
        g._replace(id=new) for g, new in zip(report.groups, ["ok-1", "$(x)"], strict=True)
    )
    monkeypatch.setattr(loader, "load", lambda path=None: report._replace(groups=groups))
    offered = invoke(env={**env, "COMP_WORDS": "reportinfo help-contacts --for "})
    assert offered.stdout.split() == ["plain,ok-1"]


# The misprinted NSPCC number: refused anywhere in a file, however it is written.

MISPRINTS = [
    "0808 500 1111",
    "08085001111",
    "0808-500-1111",
    "0808.500.1111",
    "0808 5001111",
    "+44 808 500 1111",
    "+448085001111",
    "0044 808 500 1111",
    "00 44 808 500 1111",
    "+44 (0) 808 500 1111",
    "+44 (0)808-500-1111",
    "(0808) 500 1111",
    "0808\u00a0500\u00a01111",  # no-break spaces
    "0808\u202f500\u20091111",  # narrow and thin spaces
    "0808\u2013500\u20131111",  # en dashes
    "0808\u200b500\u200b1111",  # zero-width spaces
    "０８０８ ５００ １１１１",  # full-width digits
    "٠٨٠٨ ٥٠٠ ١١١١",  # Arabic-Indic digits
    "⁰⁸⁰⁸ ⁵⁰⁰ ¹¹¹¹",  # superscript digits
    "0 8 0 8 5 0 0 1 1 1 1",
]


@pytest.mark.parametrize("written", MISPRINTS)
def test_the_misprint_is_found_however_it_is_written(written: str) -> None:
    assert is_misprint(written)
    assert is_misprint(f"Call {written}.")
    assert is_misprint(f"Numbers: 0800 1111, {written}, 116 123")


@pytest.mark.parametrize(
    "text",
    [
        "0808 800 5000",
        "0800 1111",
        "116 123",
        "0808 500 11112",  # a longer number
        "10808 500 1111",
        "0808 500 111",
        "1998 – 2016",
        "0808 500 1112",
        "0 " * 50_000,
    ],
)
def test_other_numbers_are_not_the_misprint(text: str) -> None:
    assert not is_misprint(text)


@pytest.mark.parametrize("written", MISPRINTS)
@pytest.mark.parametrize(
    ("where", "path"),
    [
        (("contacts", "samaritans", "who"), "who"),
        (("sources", 0, "note"), "sources[0].note"),
        (("findings", 0, "text"), "findings[0].text"),
        (("report", "scale"), "report.scale"),
    ],
)
def test_the_misprint_is_refused_in_any_field(
    write_report: Callable[..., Path], written: str, where: tuple[Any, ...], path: str
) -> None:
    def change(data: dict[str, Any]) -> None:
        if where[0] == "contacts":
            contact_by_id(data, where[1])[where[2]] = f"Not {written}."
        elif len(where) == 3:
            data[where[0]][where[1]][where[2]] = f"Not {written}."
        else:
            data[where[0]][where[1]] = f"Not {written}."

    found = problems(write_report(change))
    expected = "holds a misprinted phone number; it must not be shown"
    assert any(p.endswith(f"{path}: {expected}") for p in found), found


def test_the_misprint_is_refused_as_a_phone_value_and_a_key(
    write_report: Callable[..., Path],
) -> None:
    def change(data: dict[str, Any]) -> None:
        contact_by_id(data, "nspcc-helpline")["channels"][0]["value"] = "0808 500 1111"
        data["report"]["0808 500 1111"] = "x"

    found = problems(write_report(change))
    assert "report.0808 500 1111: holds a misprinted phone number; it must not be shown" in found
    assert any(
        re.fullmatch(r"contacts\[\d+\]\.channels\[0\]\.value: holds a misprinted .*", p)
        for p in found
    )


@pytest.mark.parametrize("name", ["misprint-in-note.yaml", "misprint-international.yaml"])
def test_misprint_files(invoke: Invoke, name: str) -> None:
    result = invoke("validate", str(hostile(name)))
    assert result.exit_code == 1
    assert "holds a misprinted phone number; it must not be shown" in result.stdout
    for args in SECTIONS:
        assert invoke("--data", str(hostile(name)), *args).exit_code == 1


def test_the_misprint_is_not_written_in_the_package() -> None:
    package = Path(validate.__file__).parent
    pattern = re.compile(r"0?808\W{0,3}500\W{0,3}1111")
    shipped = [*package.rglob("*.py"), *package.rglob("*.yaml")]
    for path in [*shipped, *package.parent.parent.glob("data/*.yaml")]:
        assert not pattern.search(path.read_text(encoding="utf-8")), path


# Nothing from a file, a file name or the command line is echoed raw.

ESCAPE = "\x1b]0;title\x07"
FORGED = "x\nbundled report: valid"


def test_a_date_with_an_escape_is_quoted_escaped(invoke: Invoke) -> None:
    path = str(hostile("escape-in-date.yaml"))
    result = invoke("validate", path)
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}: contacts[0].checked: '2026-1\\x1b-28' is not a real date as YYYY-MM-DD\n"
    )


@pytest.mark.parametrize(
    "name",
    [
        "escape-in-duplicate-key.yaml",
        "newline-in-duplicate-key.yaml",
        "newline-in-unknown-key.yaml",
        "title-in-timestamp.yaml",
        "escape-in-date.yaml",
    ],
)
def test_no_error_sets_a_title_or_forges_a_line(invoke: Invoke, name: str) -> None:
    path = str(hostile(name))
    result = invoke("validate", path)
    assert result.exit_code == 1
    assert_one_clean_line(result.stdout)
    assert "\x1b" not in result.stdout
    assert "\x07" not in result.stdout
    for args in SECTIONS:
        shown_error = invoke("--data", path, *args)
        assert shown_error.exit_code == 1
        assert_one_clean_line(shown_error.stderr)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda data: data["findings"][0].__setitem__("sources", [f"bfp-article{ESCAPE}"]),
            "findings[0].sources[0]: contains a control character (U+001B)",
        ),
        (
            lambda data: data["findings"][0].__setitem__("sources", ["bfp-article\u00a0"]),
            "findings[0].sources[0]: no source has the id 'bfp-article\\xa0'; did you mean "
            "'bfp-article'?",
        ),
        (
            lambda data: data["report"].__setitem__("title\x1b", "x"),
            "report.title\\x1b: unknown key; did you mean 'title'?",
        ),
        (
            lambda data: data["report"].__setitem__(f"title{ESCAPE}", "x"),
            "report.title\\x1b]0;title\\x07: unknown key; expected one of: title,",
        ),
        (
            lambda data: data["report"].__setitem__(FORGED, "x"),
            "report.x\\nbundled report: valid: unknown key;",
        ),
        (
            lambda data: (
                data["sources"].append({**data["sources"][0], "id": "a\u2060b"})
                or data["sources"].append({**data["sources"][0], "id": "a\u2060b"})
            ),
            "'a\\u2060b' is used twice",
        ),
    ],
)
def test_quoted_values_are_escaped(
    write_report: Callable[..., Path], change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    found = problems(write_report(change))
    assert any(expected in p for p in found), found
    assert all(p.isprintable() for p in found), found


def test_quoted_words_are_escaped(write_report: Callable[..., Path]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["findings"][0]["quotes"] = ["a\u00a0b"]

    found = problems(write_report(change))
    assert "findings[0].quotes[0]: “a\\xa0b” is not in quotation marks in the text" in found


def test_a_file_name_is_shown_escaped_in_one_line(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / f"{FORGED}{ESCAPE}.yaml"
    path.write_text(BASE, encoding="utf-8")
    valid = invoke("validate", str(path))
    assert valid.exit_code == 0
    assert_one_clean_line(valid.stdout)
    assert valid.stdout.startswith(f"{shown(str(path), limit=None)}: valid (")
    broken = tmp_path / f"{FORGED}.yaml"
    broken.write_text("report: [", encoding="utf-8")
    for args in (["validate", str(broken)], ["--data", str(broken), "summary"]):
        result = invoke(*args)
        assert result.exit_code == 1
        assert_one_clean_line(result.stdout or result.stderr)
    missing = invoke("validate", str(tmp_path / f"{ESCAPE}.yaml"))
    assert_one_clean_line(missing.stderr)


def test_many_problems_point_to_validate_with_the_path_quoted(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / f"{FORGED} two.yaml"
    path.write_text(BASE.replace("title: An example review", "title: 1\n  titel: x", 1), "utf-8")
    result = invoke("--data", str(path), "summary")
    assert result.exit_code == 1
    assert_one_clean_line(result.stderr)
    assert "(and 1 more: run 'reportinfo validate '/" in result.stderr
    assert "x\\nbundled report: valid two.yaml'')" in result.stderr


@pytest.mark.parametrize("args", [["help-contacts", "--for"], ["help"]])
def test_the_users_own_words_are_shown_escaped(invoke: Invoke, args: list[str]) -> None:
    result = invoke(*args, f"{FORGED}{ESCAPE}")
    assert result.exit_code == 2
    assert_one_clean_line(result.stderr)
    assert "x\\nbundled report: valid\\x1b]0;title\\x07" in result.stderr


def test_a_long_value_is_cut_in_a_message(write_report: Callable[..., Path]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["findings"][0]["sources"] = ["x" * 100_000]

    (problem,) = problems(write_report(change))
    assert len(problem) < 400
    assert problem.endswith("x…'")


def test_shown_is_one_printable_line_and_idempotent() -> None:
    for text in [ESCAPE, FORGED, "a\u202eb", "C:\\dir\\file", "C:\\dir\x1b", "\ud800", "é“x”"]:
        once = shown(text)
        assert once.isprintable()
        assert shown(once) == once
    assert shown("C:\\dir\\file") == "C:\\dir\\file"  # an ordinary path reads as it is
    assert shown("C:\\d\x1b") == "C:\\\\d\\x1b"  # escaped: then backslashes are too


# Odd environments are ignored, not fatal.


@pytest.mark.parametrize(
    "env",
    [
        {"COLUMNS": "²"},
        {"COLUMNS": "٣٠٠"},
        {"COLUMNS": "9" * 5000},
        {"COLUMNS": "-80"},
        {"COLUMNS": " 80"},
        {"LINES": "²"},
        {"VTE_VERSION": "²", "FORCE_COLOR": "1"},
        {"VTE_VERSION": "9" * 5000, "FORCE_COLOR": "1"},
        {"COLUMNS": "²", "LINES": "²", "FORCE_COLOR": "1"},
    ],
)
@pytest.mark.parametrize("args", [["--help"], ["summary", "--help"], ["help", "findings"], []])
def test_odd_environment_values_count_as_unset(
    invoke: Invoke, env: dict[str, str], args: list[str]
) -> None:
    result = invoke(*args, env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize(
    "env",
    [
        {"COMP_WORDS": "reportinfo ", "COMP_CWORD": "²"},
        {"COMP_WORDS": "reportinfo ", "COMP_CWORD": ""},
        {"COMP_WORDS": "reportinfo ", "COMP_CWORD": "9" * 5000},
        {"COMP_WORDS": "reportinfo "},
        {},
    ],
)
@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_odd_completion_variables_complete_nothing(
    invoke: Invoke, env: dict[str, str], shell: str
) -> None:
    if shell == "fish" and "COMP_CWORD" in env:
        return  # fish sends the word itself: any text is fine
    result = invoke(env={**env, "_REPORTINFO_COMPLETE": f"{shell}_complete"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == ""
    assert result.stderr == ""


def test_odd_columns_in_a_real_process() -> None:
    """click's own help path, in the installed command, as a shell would run it."""
    for args in (["--help"], ["sources", "--help"], ["sources", "--color", "always"]):
        result = run_installed(*args, env={"COLUMNS": "²", "LINES": "²", "VTE_VERSION": "²"})
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""


def test_env_number() -> None:
    assert output.env_number({"COLUMNS": "120"}, "COLUMNS", 1000) == 120
    for odd in ("²", "٣٠٠", "１２０", "", "12a", "-1", "1001", "9" * 5000):
        assert output.env_number({"COLUMNS": odd}, "COLUMNS", 1000) is None, odd
    assert output.terminal_width({"COLUMNS": "²"}) >= output.MIN_WIDTH
    assert output.terminal_width({"COLUMNS": "50000"}) <= output.MAX_WIDTH
    assert not output.supports_hyperlinks({"VTE_VERSION": "²"})
    assert output.supports_hyperlinks({"VTE_VERSION": "6003"})


# Out-of-hours lines.


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda contact: contact["channels"].reverse(),
            "channels[0].hours.out_of_hours: an out-of-hours line needs the contact's office "
            "line before it: its first phone number, with weekly hours",
        ),
        (
            lambda contact: contact["channels"][1].update(kind="web", value="example.org"),
            "channels[1].hours.out_of_hours: only a phone line can be out of hours",
        ),
        (
            lambda contact: contact["channels"][0].update(hours={"text": "Any", "always": True}),
            "channels[1].hours.out_of_hours: an out-of-hours line is open when the contact's "
            "first phone line is not: give that line weekly hours",
        ),
        (
            lambda contact: contact["channels"][0].pop("hours"),
            "channels[1].hours.out_of_hours: an out-of-hours line is open when the contact's "
            "first phone line is not: give that line weekly hours",
        ),
        (
            lambda contact: contact["channels"][1]["hours"].update(always=True),
            "channels[1].hours: give exactly one of 'always: true', a 'weekly' list or "
            "'out_of_hours: true'",
        ),
    ],
)
def test_out_of_hours_lines_follow_an_office_line_with_weekly_hours(
    write_report: Callable[..., Path],
    change: Callable[[dict[str, Any]], None],
    expected: str,
) -> None:
    def apply(data: dict[str, Any]) -> None:
        change(contact_by_id(data, "bucks-first-response"))

    found = problems(write_report(apply))
    assert any(p.endswith(expected) for p in found), found


def test_an_out_of_hours_line_after_a_web_channel_and_the_office_line(
    write_report: Callable[..., Path],
) -> None:
    def apply(data: dict[str, Any]) -> None:
        contact = contact_by_id(data, "bucks-first-response")
        contact["channels"].insert(0, {"kind": "web", "value": "example.org"})

    assert loader.load(str(write_report(apply)))


# Time: linear in the file, for every check and every section.


def timed(invoke: Invoke, *args: str) -> tuple[float, Any]:
    start = time.perf_counter()
    result = invoke(*args)
    return time.perf_counter() - start, result


def many_contacts(count: int) -> str:
    ids = [f"c{n}" for n in range(count)]
    items = "".join(
        f"  - {{id: {i}, name: N, who: W, channels: [{{kind: phone, value: '{n}'}}], "
        f"checked: 2024-05-01, sources: [the-review]}}\n"
        for n, i in enumerate(ids)
    )
    text = BASE.replace("contacts: [helpline]", "contacts: [helpline, " + ", ".join(ids) + "]")
    return text.replace("\nsources:\n", f"\n{items}\nsources:\n", 1)


HEAVY = {
    # A long run of digits in text every section shows (the phone-number pattern).
    "digits": lambda: BASE.replace(
        "text: This review discusses neglect.", f"text: See {'1' * 30_000}."
    ).replace("who: Anyone worried about a child.", f"who: Call {'1' * 30_000}."),
    # Opening quotation marks never closed (each was a search to the end).
    "unmatched quotes": lambda: BASE.replace(
        "felt “passed around” between", "felt “passed around” " + "“" * 60_000
    ),
    # Thousands of quoted words, each listed (each was compared with every other).
    "many quotes": lambda: BASE.replace(
        "felt “passed around” between services.",
        " ".join(f"“q{n}”" for n in range(20_000)),
    ).replace(
        "quotes: [passed around]", "quotes: [" + ", ".join(f"q{n}" for n in range(20_000)) + "]"
    ),
    # A long dotted email address, ending badly (backtracking from every dot).
    "dotted email": lambda: BASE.replace(
        "      - kind: phone\n        value: 0800 000 0000\n",
        f"      - kind: email\n        value: x@{'a.' * 30_000}a@\n"
        "      - kind: phone\n        value: 0800 000 0000\n",
    ),
    # 20,000 citations of ids that none of 2,000 sources has (a guess for each, among all).
    "unknown references": lambda: (
        BASE.replace(
            "    sources: [the-review]\n\ngroups:",
            "    sources: [" + ", ".join(f"u{n}" for n in range(20_000)) + "]\n\ngroups:",
        )
        + "".join(
            f"  - {{id: s{n}, title: T, publisher: P, url: 'https://a.uk/{n}'}}\n"
            for n in range(2_000)
        )
    ),
    # 1,000 contacts, each looked up by id for every section (the lookups themselves are
    # counted in test_lookups_by_id_do_not_walk_the_lists).
    "contacts": lambda: many_contacts(1_000),
}


@pytest.mark.parametrize("name", HEAVY)
def test_heavy_files_take_linear_time_everywhere(invoke: Invoke, tmp_path: Path, name: str) -> None:
    path = tmp_path / "heavy.yaml"
    path.write_text(HEAVY[name](), encoding="utf-8")
    took, result = timed(invoke, "validate", str(path))
    assert took < BOUND, f"validate took {took:.1f} s"
    assert result.exit_code in (0, 1)
    for args in SECTIONS:
        took, result = timed(invoke, "--data", str(path), *args)
        assert took < BOUND, f"{args} took {took:.1f} s"
        assert result.exit_code in (0, 1), result.stderr


def test_quote_finding_is_linear() -> None:
    start = time.perf_counter()
    assert marked("“" * 300_000 + '"' * 3) == [""]
    assert marked(("“" * 3 + '"') * 100_000)[:1] == ["“““"]
    assert time.perf_counter() - start < BOUND


def test_lookups_by_id_do_not_walk_the_lists() -> None:
    """contact(), group_of() and source() on 10,000 contacts: one walk to build an index,
    not one walk per lookup."""
    report = loader.load(str(hostile("base.yaml")))
    walks = 0

    class Counted(tuple):  # type: ignore[type-arg]
        def __iter__(self) -> Any:
            nonlocal walks
            walks += 1
            return super().__iter__()

    template = report.contacts[1]
    contacts = Counted(template._replace(id=f"c{n}") for n in range(10_000))
    group = report.groups[1]._replace(contacts=Counted(c.id for c in contacts))
    big = report._replace(contacts=contacts, groups=Counted([group]))
    big = big._replace(sources=Counted(big.sources))
    every = list(contacts)
    walks = 0
    for contact in every:
        assert big.contact(contact.id) is contact
        assert big.group_of(contact.id) is group
        assert big.source("the-review").id == "the-review"
    assert walks <= 4


def test_lookups_find_the_first_match_and_follow_a_changed_report() -> None:
    report = loader.load(str(hostile("base.yaml")))
    first = report.contacts[1]
    doubled = report._replace(contacts=(*report.contacts, first._replace(name="Second")))
    assert doubled.contact(first.id).name == first.name
    renamed = report._replace(contacts=(report.contacts[0], first._replace(name="Renamed")))
    assert report.contact(first.id).name == first.name
    assert renamed.contact(first.id).name == "Renamed"
    with pytest.raises(KeyError):
        report.contact("nobody")


def test_suggestions_are_capped_so_thousands_of_mistakes_stay_quick() -> None:
    data: dict[str, Any] = copy.deepcopy(yaml.safe_load(BASE))
    data["sources"] += [
        {
            "id": f"source-number-{n}-of-the-report",
            "title": "T",
            "publisher": "P",
            "url": "https://a.uk",
        }
        for n in range(1_000)
    ]
    data["findings"][0]["sources"] = [f"source-number-{n}-of-the-reprot" for n in range(5_000)]
    start = time.perf_counter()
    with pytest.raises(DataError) as caught:
        validate.build_report(data)
    assert time.perf_counter() - start < BOUND
    assert len(caught.value.problems) == 5_000
