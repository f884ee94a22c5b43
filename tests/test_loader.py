"""Bad report files: each gets one clear problem with its place, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reportinfo import loader
from reportinfo.errors import DataError
from reportinfo.model import Report
from reportinfo.validate import build_report
from tests.conftest import FROM_WHEEL, Change, Invoke, delete_at, set_at


def problems(path: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        loader.load(str(path))
    return [str(problem) for problem in caught.value.problems]


def write_bytes(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "report.yaml"
    path.write_bytes(content)
    return path


def counts() -> str:
    """What `validate` says of the bundled report: its counts, taken from the report itself."""
    report = loader.load()
    return (
        f"{len(report.summary)} summary points, {len(report.findings)} findings, "
        f"{len(report.contacts)} contacts, {len(report.sources)} sources"
    )


def test_the_bundled_report_is_valid() -> None:
    report = loader.load()
    assert report.about.title == "Child Sexual Exploitation in Buckinghamshire 1998 – 2016"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty"),
        (b"  \n\n", "is empty"),
        (b"\xff\xfe not utf-8", "is not UTF-8 text (byte 0 is 0xff)"),
        (b"\xef\xbb\xbf\xff", "is not UTF-8 text (byte 3 is 0xff)"),  # counted past the BOM
        (b"report: [unclosed", "line 2, column 1: did not find expected ',' or ']'"),
        (b"a: 1\nb: : 2\n", "line 2, column 4: mapping values are not allowed in this context"),
        (b"- just\n- a list\n", "expected a mapping, got a list"),
        (b"plain text", "expected a mapping, got text"),
        (b"a: 1\na: 2\n", "line 2, column 1: the key 'a' appears twice"),
        (b"a: &x [1]\nb: *x\n", "line 1, column 4: aliases (*name) are not allowed"),
        (
            b"a: !!python/object/apply:os.system ['true']\n",
            "line 1, column 4: the tag !!python/object/apply:os.system is not used in report files",
        ),
        (b"when: 2026-02-30\n", "line 1, column 7: '2026-02-30' is not a real date as YYYY-MM-DD"),
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
    assert "aliases (*name) are not allowed" in problems(path)[0]


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    with open(loader.bundled_path(), "rb") as file:
        bundled = file.read()
    report = loader.load(str(write_bytes(tmp_path, b"\xef\xbb\xbf" + bundled)))
    assert len(report.findings) == 10


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


_set, _delete = set_at, delete_at


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
            "contacts[1].channels[0].value: holds a misprinted phone number; it must not be shown",
        ),
        (
            _set("contacts.1.channels.0.value", "call us"),
            "contacts[1].channels[0].value: expected a phone number: digits in groups, with single spaces",
        ),
        (
            _set("contacts.1.channels.0.kind", "fax"),
            "contacts[1].channels[0].kind: expected one of phone, email, web, text, got text",
        ),
        (
            _set("contacts.1.checked", "28/11/2026"),
            "contacts[1].checked: expected a date as YYYY-MM-DD, got text",
        ),
        (
            _set("contacts.1.channels.0.hours.always", True),
            "contacts[1].channels[0].hours: give exactly one of 'always: true', a 'weekly' list or 'out_of_hours: true'",
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
            _set("sources.1.url", "www.example.org"),
            "sources[1].url: expected a web address starting https:// (or http://), with no spaces, quotes, backticks or angle brackets",
        ),
        (
            _set("findings.0.said_by", "nspc"),
            "findings[0].said_by: no voice has the id 'nspc'; did you mean 'nspcc'?",
        ),
        (_delete("findings.0.said_by"), "findings[0].said_by: missing: name one of the voices"),
        (
            _set("summary.0.said_by", "review"),
            "summary[0].said_by: only findings say who said them",
        ),
        (
            _set("groups.0.contacts", ["emergency", "nspcc-helpline"]),
            "groups[1].contacts: 'nspcc-helpline' is in 'danger' already",
        ),
        (_set("groups.4.contacts", ["samaritans"]), "contacts[10]: 'shout' is in no group"),
        (
            _set("groups.4.contacts", ["samaritans", "shuot"]),
            "groups[4].contacts[1]: no contact has the id 'shuot'; did you mean 'shout'?",
        ),
        (
            _delete("contacts.10.channels.0.message"),
            "contacts[10].channels[0].message: give the word to send for kind text, and only then",
        ),
        (
            _set("bank_holidays.dates", ["2026-12-28", "2026-12-25"]),
            "bank_holidays.dates: must be in order, each date once",
        ),
        (
            _set("contacts.1.channels.0.hours.bank_holidays", "maybe"),
            "contacts[1].channels[0].hours.bank_holidays: expected one of unknown, closed, usual, got text",
        ),
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
            "summary[0].text: contains a bidirectional control character (U+202E), which can reorder text",
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
    assert result.stdout == f"{path}: valid ({counts()})\n"


def test_validate_defaults_to_the_bundled_report(invoke: Invoke) -> None:
    result = invoke("validate")
    assert result.exit_code == 0
    assert result.stdout.startswith("bundled report: valid")


# A section whose report file cannot be used still names the one line that matters most;
# validate, a checker, does not.
HELP = ". In danger now? Call 999."


def test_section_with_a_bad_file_is_one_line_exit_1(
    invoke: Invoke, write_report: Callable[..., Path]
) -> None:
    path = write_report(_set("findings.2.text", ["a"]))
    result = invoke("--data", str(path), "findings")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"reportinfo: {path} (from --data): findings[2].text: expected text, got a list{HELP}\n"
    )


def test_several_problems_in_one_line_point_to_validate(
    invoke: Invoke, write_report: Callable[..., Path]
) -> None:
    def two(data: dict[str, Any]) -> None:
        data["findings"][0]["text"] = 1
        data["findings"][1]["text"] = 2

    path = write_report(two)
    result = invoke("--data", str(path), "summary")
    assert result.stderr == (
        f"reportinfo: {path} (from --data): findings[0].text: expected text, got a number "
        f"(and 1 more: run 'reportinfo validate {path}'){HELP}\n"
    )


def test_another_report_via_the_environment(
    invoke: Invoke, write_report: Callable[..., Path]
) -> None:
    path = write_report(_set("report.title", "Another review"))
    result = invoke("summary", env={"REPORTINFO_DATA": str(path)})
    assert result.exit_code == 0
    assert "\nAnother review\n" in result.stdout


def test_validate_takes_several_files_and_exits_1_if_any_is_invalid(
    invoke: Invoke, write_report: Callable[..., Path], tmp_path: Path
) -> None:
    good = write_report(name="good.yaml")
    bad = write_report(_set("findings.2.text", 3), name="bad.yaml")
    missing = tmp_path / "missing.yaml"
    result = invoke("validate", str(good), str(bad), str(missing))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{good}: valid ({counts()})",
        f"{bad}: findings[2].text: expected text, got a number",
    ]
    assert result.stderr == f"reportinfo: {missing}: no such file\n"


def test_validate_reads_standard_input(invoke: Invoke) -> None:
    bundled = Path(loader.bundled_path()).read_text(encoding="utf-8")
    result = invoke("validate", "-", input=bundled)
    assert result.exit_code == 0
    assert result.stdout.startswith("standard input: valid (")
    broken = invoke("validate", "-", input="report: [")
    assert broken.exit_code == 1
    assert broken.stdout.startswith("standard input: line 2, column 1:")


def test_data_from_standard_input(invoke: Invoke) -> None:
    bundled = Path(loader.bundled_path()).read_text(encoding="utf-8")
    result = invoke("--data", "-", "findings", input=bundled)
    assert result.exit_code == 0
    assert "1. In the past" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["validate", ""],
        ["validate", "x.yaml", ""],
        ["--data", "", "summary"],
        ["summary", "--data", ""],
    ],
)
def test_an_explicit_empty_path_is_a_mistake(invoke: Invoke, args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("reportinfo: ")
    assert result.stderr.count("\n") == 1
    assert "empty" in result.stderr


def test_an_empty_environment_variable_means_unset(invoke: Invoke) -> None:
    result = invoke("validate", env={"REPORTINFO_DATA": ""})
    assert result.exit_code == 0
    assert result.stdout.startswith("bundled report: valid")


def test_errors_say_where_the_path_came_from(invoke: Invoke, tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    from_env = invoke("summary", env={"REPORTINFO_DATA": str(missing)})
    assert from_env.exit_code == 1
    assert from_env.stderr == f"reportinfo: {missing} (from REPORTINFO_DATA): no such file{HELP}\n"
    from_option = invoke("summary", "--data", str(missing))
    assert from_option.stderr == f"reportinfo: {missing} (from --data): no such file{HELP}\n"
    validate = invoke("validate", env={"REPORTINFO_DATA": str(missing)})
    assert validate.stdout == ""
    assert validate.stderr == f"reportinfo: {missing} (from REPORTINFO_DATA): no such file\n"


def test_validate_warns_when_the_bank_holidays_run_out_within_a_year(invoke: Invoke) -> None:
    from datetime import UTC, datetime

    early = invoke("validate", now=datetime(2027, 12, 30, tzinfo=UTC))
    assert early.stderr == ""
    late = invoke("validate", now=datetime(2028, 1, 2, tzinfo=UTC))
    assert late.exit_code == 0
    assert late.stderr == (
        "reportinfo: bundled report: warning: bank_holidays: the list ends with 2028; "
        "add the next year's dates from GOV.UK\n"
    )


def test_an_anchor_without_an_alias_is_fine(tmp_path: Path) -> None:
    bundled = Path(loader.bundled_path()).read_text(encoding="utf-8")
    anchored = bundled.replace("content_note:\n  text:", "content_note: &note\n  text:", 1)
    assert loader.load(str(write_bytes(tmp_path, anchored.encode()))).content_note.text


def _checked_copy(monkeypatch: pytest.MonkeyPatch, text: str, report: Report) -> None:
    """Stand in for the module a wheel carries: the bundled file's text, and its record."""
    import sys
    import types

    import reportinfo

    module = types.ModuleType("reportinfo._checked_report")
    module.TEXT = text  # type: ignore[attr-defined]
    module.REPORT = report  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "reportinfo._checked_report", module)
    monkeypatch.setattr(reportinfo, "_checked_report", module, raising=False)


def _bundled_with_title(title: str) -> tuple[str, Report]:
    text = loader.read_text(loader.bundled_path())
    report = build_report(loader.parse_yaml(text))
    return text, report._replace(about=report.about._replace(title=title))


def test_the_checked_copy_is_used_while_the_bundled_file_is_unchanged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _checked_copy(monkeypatch, *_bundled_with_title("From the checked copy"))
    assert loader.load().about.title == "From the checked copy"


def test_validate_and_an_edited_bundled_file_read_the_yaml_anew(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    text, report = _bundled_with_title("From the checked copy")
    _checked_copy(monkeypatch, text, report)
    assert loader.load(fresh=True).about.title != "From the checked copy"  # as validate asks
    edited = tmp_path / "report.yaml"
    edited.write_text(text.replace("recommendations: 14", "recommendations: 15"), "utf-8")
    monkeypatch.setattr(loader, "bundled_path", lambda: str(edited))
    report = loader.load()
    assert report.about.recommendations == 15
    assert report.about.title != "From the checked copy"


def test_a_wheel_carries_the_bundled_report_checked_from_its_own_text() -> None:
    if not FROM_WHEEL:
        pytest.skip("an editable install reads data/ as YAML and carries no checked copy")
    from reportinfo import _checked_report  # type: ignore[attr-defined, unused-ignore]

    text = loader.read_text(loader.bundled_path())
    assert text == _checked_report.TEXT
    assert build_report(loader.parse_yaml(text)) == _checked_report.REPORT
    assert loader.load() is _checked_report.REPORT


def test_the_build_writes_a_module_that_reads_back_as_the_report() -> None:
    """hatch_build.py writes the record as Python; read back, it is the same record, and a
    record that would not read back fails the build."""
    import importlib.util

    root = Path(__file__).parents[1]
    spec = importlib.util.spec_from_file_location("hatch_build", root / "hatch_build.py")
    assert spec is not None
    assert spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    text = loader.read_text(loader.bundled_path())
    report = build_report(loader.parse_yaml(text))
    namespace: dict[str, Any] = {}
    exec(hook.python_module(text, report), namespace)  # noqa: S102 - the module under test
    assert namespace["REPORT"] == report
    assert namespace["TEXT"] == text

    class Unreadable(str):
        def __repr__(self) -> str:
            return "'not the same'"

    odd = report._replace(about=report.about._replace(title=Unreadable("A title")))
    with pytest.raises(RuntimeError, match="would not read back"):
        hook.python_module(text, odd)
