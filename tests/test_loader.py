"""Bad report files: each gets one clear problem with its place, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reportinfo import loader
from reportinfo.model import DataError
from tests.conftest import Invoke


def problems(path: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        loader.load(str(path))
    return [str(problem) for problem in caught.value.problems]


def write_bytes(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "report.yaml"
    path.write_bytes(content)
    return path


def test_the_bundled_report_is_valid() -> None:
    report = loader.load()
    assert report.report.title == "Child Sexual Exploitation in Buckinghamshire 1998 – 2016"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty"),
        (b"  \n\n", "is empty"),
        (b"\xff\xfe not utf-8", "is not UTF-8 text (byte 0 is 0xff)"),
        (b"report: [unclosed", "line 2, column 1: did not find expected ',' or ']'"),
        (b"a: 1\nb: : 2\n", "line 2, column 4: mapping values are not allowed in this context"),
        (b"- just\n- a list\n", "expected a mapping, got a list"),
        (b"plain text", "expected a mapping, got text"),
        (b"a: 1\na: 2\n", "line 2, column 1: the key 'a' appears twice"),
        (b"a: &x [1]\nb: *x\n", "line 1, column 4: anchors and aliases (& and *) are not allowed"),
        (
            b"a: !!python/object/apply:os.system ['true']\n",
            "line 1, column 4: could not determine a constructor for the tag "
            "'tag:yaml.org,2002:python/object/apply:os.system'",
        ),
        (b"when: 2026-02-30\n", "malformed YAML: day is out of range for month"),
    ],
)
def test_malformed_files(tmp_path: Path, content: bytes, expected: str) -> None:
    assert problems(write_bytes(tmp_path, content))[0] == expected


def test_billion_laughs_is_refused_before_it_expands(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    path = write_bytes(tmp_path, "\n".join(lines).encode())
    assert "anchors and aliases (& and *) are not allowed" in problems(path)[0]


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    with open(loader.bundled_path(), "rb") as file:
        bundled = file.read()
    report = loader.load(str(write_bytes(tmp_path, b"\xef\xbb\xbf" + bundled)))
    assert len(report.findings) == 8


def test_files_over_one_mebibyte_are_refused(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, b"# " + b"x" * loader.MAX_BYTES)
    assert problems(path) == ["is larger than 1 MiB, the most a report file may be"]


def test_missing_directory_and_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert problems(tmp_path / "missing.yaml") == ["no such file"]
    assert problems(tmp_path) == ["is a directory, not a file"]

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    path = write_bytes(tmp_path, b"a: 1")
    monkeypatch.setattr(loader, "open", refuse, raising=False)
    assert problems(path) == ["permission denied"]


Change = Callable[[dict[str, Any]], None]


def _set(path: str, value: object) -> Change:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value

    return change


def _delete(path: str) -> Change:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        del target[last]

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_set("findings.2.text", ["a", "list"]), "findings[2].text: expected text, got a list"),
        (_set("findings.2.text", "  "), "findings[2].text: must not be empty"),
        (
            _set("report.recommendations", "14"),
            "report.recommendations: expected a whole number, got text",
        ),
        (
            _set("report.recommendations", True),
            "report.recommendations: expected a whole number, got true (true or false)",
        ),
        (_delete("report.title"), "report.title: missing (required)"),
        (_set("report.titel", "x"), "report.titel: unknown key; did you mean 'title'?"),
        (_set("findings.0.sources", []), "findings[0].sources: must not be empty"),
        (
            _set("findings.0.sources", ["bfp-articel"]),
            "findings[0].sources[0]: no source has the id 'bfp-articel'; did you mean 'bfp-article'?",
        ),
        (
            _set("contacts.1.channels.0.value", "0808 500 1111"),
            "contacts[1].channels[0].value: is a misprinted number; it must not be shown",
        ),
        (
            _set("contacts.1.channels.0.value", "call us"),
            "contacts[1].channels[0].value: expected a phone address or number",
        ),
        (
            _set("contacts.1.channels.0.kind", "fax"),
            "contacts[1].channels[0].kind: expected one of phone, email, web, got text",
        ),
        (
            _set("contacts.1.checked", "28/11/2026"),
            "contacts[1].checked: expected a date as YYYY-MM-DD, got text",
        ),
        (
            _set("contacts.1.channels.0.hours.always", True),
            "contacts[1].channels[0].hours: give either 'always: true' or a 'weekly' list, not both or neither",
        ),
        (
            _set("contacts.1.channels.0.hours.weekly.0.opens", "8am"),
            "contacts[1].channels[0].hours.weekly[0].opens: expected a time as HH:MM, 00:00 to 24:00",
        ),
        (
            _set("contacts.1.channels.0.hours.weekly.0.closes", "07:00"),
            "contacts[1].channels[0].hours.weekly[0]: opens must be before closes",
        ),
        (
            _set("findings.0.quotes", ["not equipped"]),
            "findings[0].text: “adequate” is in quotation marks but not listed in quotes",
        ),
        (
            _set("findings.2.quotes", ["abused"]),
            "findings[2].quotes[0]: “abused” is not in quotation marks in the text",
        ),
        (_set("sources.1.id", "bfp-article"), "sources[1].id: 'bfp-article' is used twice"),
        (
            _set("findings.0.text", "Bold \x1b[1m text"),
            "findings[0].text: contains a control character (U+001B)",
        ),
        (
            _set("findings.0.text", "two\nlines"),
            "findings[0].text: contains a line break; write it on one line, or fold it with >-",
        ),
        (
            _set("summary.0.text", "evil \u202e txet"),
            "summary[0].text: contains a control character (U+202E)",
        ),
    ],
)
def test_invalid_fields_name_their_path(
    write_report: Callable[..., Path], change: Change, expected: str
) -> None:
    assert expected in problems(write_report(change))


def test_validate_lists_every_problem_and_exits_1(
    invoke: Invoke, write_report: Callable[..., Path]
) -> None:
    def break_two_things(data: dict[str, Any]) -> None:
        data["findings"][0]["text"] = 3
        data["report"]["titel"] = data["report"].pop("title")

    path = write_report(break_two_things)
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}: report.titel: unknown key; did you mean 'title'?",
        f"{path}: report.title: missing (required)",
        f"{path}: findings[0].text: expected text, got a number",
    ]


def test_validate_a_good_file_is_one_line_exit_0(
    invoke: Invoke, write_report: Callable[..., Path]
) -> None:
    path = write_report()
    result = invoke("validate", str(path))
    assert result.exit_code == 0
    assert (
        result.stdout == f"{path}: valid (5 summary points, 8 findings, 6 contacts, 11 sources)\n"
    )


def test_validate_defaults_to_the_bundled_report(invoke: Invoke) -> None:
    result = invoke("validate")
    assert result.exit_code == 0
    assert result.stdout.startswith("bundled report: valid")


def test_section_with_a_bad_file_is_one_line_exit_1(
    invoke: Invoke, write_report: Callable[..., Path]
) -> None:
    path = write_report(_set("findings.2.text", ["a"]))
    result = invoke("--data", str(path), "findings")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"reportinfo: {path}: findings[2].text: expected text, got a list\n"


def test_several_problems_in_one_line_point_to_validate(
    invoke: Invoke, write_report: Callable[..., Path]
) -> None:
    def two(data: dict[str, Any]) -> None:
        data["findings"][0]["text"] = 1
        data["findings"][1]["text"] = 2

    path = write_report(two)
    result = invoke("--data", str(path), "summary")
    assert result.stderr == (
        f"reportinfo: {path}: findings[0].text: expected text, got a number "
        f"(and 1 more: run 'reportinfo validate {path}')\n"
    )


def test_another_report_via_the_environment(
    invoke: Invoke, write_report: Callable[..., Path]
) -> None:
    path = write_report(_set("report.title", "Another review"))
    result = invoke("summary", env={"REPORTINFO_DATA": str(path)})
    assert result.exit_code == 0
    assert "\nAnother review\n" in result.stdout
