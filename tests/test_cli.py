"""The commands, in-process, with exact expectations."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import pytest

from reportinfo import __version__
from reportinfo.cli import EXIT_CODES, cli
from tests.conftest import COMMANDS, SECTION_ARGS, Invoke, without_isolates
from tests.test_care import EMERGENCY, SHORT_LINES

# The short lines as JSON gives them: the same words, with no hours (JSON gives those per line).
SIGNPOSTS = [
    "Worried about a child? NSPCC Helpline: 0808 800 5000.",
    "Under 19? Childline: 0800 1111, any time.",
    "Abused as a child? NAPAC (National Association for People Abused in Childhood): 0808 801 0331.",
    "Struggling to cope? Samaritans: 116 123, any time.",
]


def test_version(invoke: Invoke) -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"reportinfo {__version__}\n"


def test_no_command_prints_an_overview_content_note_first(invoke: Invoke) -> None:
    result = invoke()
    assert result.exit_code == 0
    lines = without_isolates(result.stdout).splitlines()
    assert lines[0] == "Content note: This report discusses child sexual abuse and suicide."
    assert lines[2] == "Child Sexual Exploitation in Buckinghamshire 1998 – 2016"
    # help comes before the commands: a reader in need should not have to scroll past them
    help_starts = lines.index(SHORT_LINES[0])
    assert lines[help_starts : help_starts + len(SHORT_LINES)] == SHORT_LINES
    commands = [
        line.split()[0] for line in lines[lines.index("Commands") + 1 : lines.index("Examples") - 1]
    ]
    assert commands == COMMANDS
    assert help_starts < lines.index("Commands")


def test_the_overview_teaches_the_tool(invoke: Invoke) -> None:
    out = invoke().stdout
    assert "Examples\n  reportinfo findings 3\n  reportinfo help-contacts --for struggling\n" in out
    assert "Run 'reportinfo --help' for every option" in out


@pytest.mark.parametrize("args", [["help"], ["help", "--format", "json"]])
def test_help_command_is_the_overview(invoke: Invoke, args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 0
    assert result.stdout == invoke(*args[1:]).stdout


def test_help_command_with_a_command_shows_its_help(invoke: Invoke) -> None:
    result = invoke("help", "findings")
    assert result.exit_code == 0
    assert result.stdout == invoke("findings", "--help").stdout
    unknown = invoke("help", "nope")
    assert unknown.exit_code == 2
    assert unknown.stderr == "reportinfo: No such command 'nope'. Try 'reportinfo help --help'.\n"
    mistyped = invoke("help", "sumary")
    assert mistyped.exit_code == 2
    assert mistyped.stderr == (
        "reportinfo: No such command 'sumary'. Did you mean 'summary'? "
        "Try 'reportinfo help --help'.\n"
    )


@pytest.mark.parametrize("name", COMMANDS)
def test_help_before_a_command_shows_that_commands_help(invoke: Invoke, name: str) -> None:
    expected = invoke(name, "--help").stdout
    assert invoke("--help", name).stdout == expected
    assert invoke("-h", name).stdout == expected
    assert invoke("--data", "summary", "--help", name).stdout == expected


def test_help_before_an_unknown_command_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("--help", "sumary")
    assert result.exit_code == 2
    assert result.stderr == (
        "reportinfo: No such command 'sumary'. Did you mean 'summary'? Try 'reportinfo --help'.\n"
    )


def test_help_format_prints_the_format_page(invoke: Invoke) -> None:
    result = invoke("help", "format")
    assert result.exit_code == 0
    page = (Path(__file__).parents[1] / "docs" / "data-format.md").read_text(encoding="utf-8")
    assert result.stdout == page
    refused = invoke("help", "format", "--json")
    assert refused.exit_code == 2
    assert refused.stderr == (
        "reportinfo: 'help format' takes no --data, --format, --json, --fragment or "
        "--heading-level. Try 'reportinfo help --help'.\n"
    )


def test_validate_help_points_to_the_installed_format_page(invoke: Invoke) -> None:
    out = " ".join(invoke("validate", "--help").stdout.split())
    assert "'reportinfo help format' (or 'man 5 reportinfo-report') describes the format" in out
    assert "docs/" not in out


@pytest.mark.parametrize("name", [None, *COMMANDS])
def test_every_command_has_help_with_a_purpose_and_an_example(
    invoke: Invoke, name: str | None
) -> None:
    args = [name, "--help"] if name else ["--help"]
    result = invoke(*args)
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: reportinfo")
    assert "Examples:" in result.stdout
    assert "\n    reportinfo " in result.stdout


def test_every_command_is_covered_by_the_help_test() -> None:
    assert isinstance(cli, click.Group)
    assert list(cli.commands) == COMMANDS


def test_top_level_help_shows_whole_descriptions(invoke: Invoke) -> None:
    out = invoke("--help", env={"COLUMNS": "200"}).stdout
    assert "..." not in out.replace("[ARGS]...", "")
    for name in COMMANDS:
        short = cli.commands[name].get_short_help_str(limit=1000)
        assert " ".join(short.split()) in " ".join(out.split())


def test_top_level_help_lists_exit_codes(invoke: Invoke) -> None:
    out = invoke("--help").stdout
    expected = "".join(f"    {code:<3}  {text}\n" for code, text in EXIT_CODES)
    assert out.endswith("  Exit codes:\n" + expected)


def test_mistyped_command_suggests_and_exits_2(invoke: Invoke) -> None:
    result = invoke("sumary")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "reportinfo: No such command 'sumary'. Did you mean 'summary'? Try 'reportinfo --help'.\n"
    )


def test_unknown_option_is_one_line_and_exits_2(invoke: Invoke) -> None:
    result = invoke("findings", "--colour", "never")
    assert result.exit_code == 2
    assert result.stderr == (
        "reportinfo: No such option '--colour'. (Did you mean one of: '--color', '--no-color'?) "
        "Try 'reportinfo findings --help'.\n"
    )


def test_bad_format_value_exits_2(invoke: Invoke) -> None:
    result = invoke("summary", "--format", "yaml")
    assert result.exit_code == 2
    assert "'yaml' is not one of 'text', 'json'" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "json", "summary"],
        ["summary", "--format", "json"],
        ["summary", "--json"],
        ["--json", "summary"],
    ],
)
def test_format_before_or_after_the_command_and_json_flag(invoke: Invoke, args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["section"] == "summary"


def test_the_value_after_the_command_wins(invoke: Invoke) -> None:
    result = invoke("--format", "json", "summary", "--format", "text")
    assert result.stdout.startswith("Content note:")


def test_data_before_or_after_the_command(
    invoke: Invoke, write_report: Callable[..., Path]
) -> None:
    def rename(data: dict[str, Any]) -> None:
        data["report"]["title"] = "Another review"

    path = str(write_report(rename))
    for args in (["--data", path, "findings"], ["findings", "--data", path]):
        assert "Key findings: Another review" in invoke(*args).stdout


def test_a_report_file_that_cannot_be_read_is_a_data_error_not_a_usage_error(
    invoke: Invoke, write_report: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As for a user without permission (root may read anything, so it is simulated): the
    loader says so, with exit 1 and the 999 line, before or after the command and for
    validate, as the exit codes say; click's own path check would make it exit 2."""
    import os

    from reportinfo import loader

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    path = str(write_report())
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    monkeypatch.setattr(loader, "open", refuse, raising=False)
    for args in (["--data", path, "summary"], ["summary", "--data", path], ["validate", path]):
        result = invoke(*args)
        assert result.exit_code == 1, args
        assert "permission denied" in result.stderr
    assert invoke("summary", "--data", path).stderr.rstrip().endswith("In danger now? Call 999.")


def test_findings_are_split_by_who_said_them(invoke: Invoke) -> None:
    result = invoke("findings")
    assert result.exit_code == 0
    lines = without_isolates(result.stdout).splitlines()
    review, board = lines.index("What the review found"), lines.index("What the Board said")
    nspcc = lines.index("What the NSPCC said")
    numbers = [line.split(".")[0] for line in lines[review + 1 : board - 1]]
    assert numbers == ["1", "2", "3", "4", "5"]
    assert lines[board + 1].startswith("6. The Board said the review also found")
    assert lines[nspcc + 1].startswith("7. The NSPCC said")
    assert (
        lines[review + 2]
        == "2. Some young people who asked for help were “not heard”. Others were not believed. [1]"
    )
    assert lines[-len(SHORT_LINES) :] == SHORT_LINES


def test_findings_n_shows_one_finding(invoke: Invoke) -> None:
    result = invoke("findings", "7")
    assert result.exit_code == 0
    numbered = [line for line in result.stdout.splitlines() if line[:1].isdigit()]
    assert numbered == [
        "7. The NSPCC said some victims had been “let down” by “inadequate” services in the past. [1]"
    ]
    assert "What the NSPCC said" in result.stdout
    assert "What the review found" not in result.stdout
    document = json.loads(invoke("findings", "7", "--json").stdout)
    assert [f["number"] for f in document["findings"]] == [7]


@pytest.mark.parametrize("number", ["0", "11", "-1"])
def test_findings_n_out_of_range_is_a_usage_error(invoke: Invoke, number: str) -> None:
    result = invoke("findings", "--", number)
    assert result.exit_code == 2
    assert result.stderr == (
        f"reportinfo: Invalid value for 'N': there is no finding {number}; the report has 10 "
        "(1 to 10). Try 'reportinfo findings --help'.\n"
    )


def test_help_contacts_for_one_group(invoke: Invoke) -> None:
    result = invoke("help-contacts", "--for", "abused-as-a-child")
    assert result.exit_code == 0
    headings = [
        line
        for line in result.stdout.splitlines()
        if line
        in (
            "NAPAC (National Association for People Abused in Childhood)",
            "Rape Crisis 24/7 Support Line",
            "Victim Support",
            "NSPCC Helpline",
        )
    ]
    assert headings == [
        "NAPAC (National Association for People Abused in Childhood)",
        "Rape Crisis 24/7 Support Line",
        "Victim Support",
    ]
    lines = without_isolates(result.stdout).splitlines()
    assert lines[:3] == ["Where to find help", "", EMERGENCY]  # 999 first in every view
    assert lines[5] == "Adults abused as children, and anyone affected by sexual abuse"


def test_help_contacts_unknown_group_suggests(invoke: Invoke) -> None:
    result = invoke("help-contacts", "--for", "strugling")
    assert result.exit_code == 2
    assert result.stderr == (
        "reportinfo: Invalid value for '--for': no group 'strugling'. Did you mean 'struggling'? "
        "The groups are: danger, worried-about-a-child, children, abused-as-a-child, struggling. "
        "Try 'reportinfo help-contacts --help'.\n"
    )


@pytest.mark.parametrize("start", ["worried", "w", "abused-as", "struggling"])
def test_help_contacts_for_takes_the_start_of_a_group(invoke: Invoke, start: str) -> None:
    whole = next(group for group in GROUPS if group.startswith(start))
    result = invoke("help-contacts", "--for", start)
    assert result.exit_code == 0
    assert result.stdout == invoke("help-contacts", "--for", whole).stdout


def test_help_contacts_for_a_start_that_fits_two_groups_names_them(
    invoke: Invoke, write_report: Callable[..., Path]
) -> None:
    def two_worried(data: dict[str, Any]) -> None:
        data["groups"][1]["id"] = "worried-parent"
        data["groups"][2]["id"] = "worried-child"

    result = invoke("--data", str(write_report(two_worried)), "help-contacts", "--for", "worried")
    assert result.exit_code == 2
    assert result.stderr == (
        "reportinfo: Invalid value for '--for': no group 'worried'. Did you mean "
        "'worried-parent' or 'worried-child'? The groups are: danger, worried-parent, "
        "worried-child, abused-as-a-child, struggling. Try 'reportinfo help-contacts --help'.\n"
    )


GROUPS = ["danger", "worried-about-a-child", "children", "abused-as-a-child", "struggling"]


@pytest.mark.parametrize(
    "word", ["helpline", "helplines", "phone", "numbers", "contacts", "support"]
)
def test_the_words_people_try_run_help_contacts(invoke: Invoke, word: str) -> None:
    result = invoke(word, "--for", "struggling")
    assert result.exit_code == 0
    assert result.stdout == invoke("help-contacts", "--for", "struggling").stdout
    assert invoke("help", word).stdout == invoke("help-contacts", "--help").stdout
    mistake = invoke(word, "--box", "--for", "danger")
    assert mistake.stderr == (
        "reportinfo: --box and --for cannot be used together: the box always holds the main "
        "lines. Try 'reportinfo help-contacts --help'.\n"
    )


def test_the_words_people_try_are_not_listed(invoke: Invoke) -> None:
    lines = invoke("--help").stdout.splitlines()
    listed = lines[lines.index("Commands:") + 1 :]
    listed = listed[: listed.index("")]
    assert [line.split()[0] for line in listed if not line.startswith("   ")] == COMMANDS
    assert cli.list_commands(click.Context(cli)) == COMMANDS  # the overview's list, the man page


def test_help_contacts_groups_in_order(invoke: Invoke) -> None:
    lines = without_isolates(invoke("help-contacts").stdout).splitlines()
    headings = [
        "In danger now",
        "Worried about a child",
        "Children and young people",
        "Adults abused as children, and anyone affected by sexual abuse",
        "Struggling to cope",
    ]
    assert [line for line in lines if line in headings] == headings
    assert lines[lines.index("In danger now") + 2] == EMERGENCY


def test_checked_date_is_said_once(invoke: Invoke, write_report: Callable[..., Path]) -> None:
    def same_day(data: dict[str, Any]) -> None:
        for contact in data["contacts"]:
            contact["checked"] = "2026-11-28"

    out = invoke("--data", str(write_report(same_day)), "help-contacts").stdout
    assert out.count("checked") == 1
    assert "All details checked 28 November 2026." in out


def test_checked_dates_that_differ_are_said_per_contact(
    invoke: Invoke, write_report: Callable[..., Path]
) -> None:
    def older(data: dict[str, Any]) -> None:
        data["contacts"][1]["checked"] = "2026-10-01"

    out = invoke("--data", str(write_report(older)), "help-contacts").stdout
    assert "Details checked 1 October 2026." in out
    assert out.count("Details checked 1 October 2026.") == 1
    # the emergency services and CEOP were checked on 2 December; the eight others on 28 November
    assert out.count("Details checked 2 December 2026.") == 2
    assert out.count("Details checked 28 November 2026.") == 8
    assert "All details checked" not in out


@pytest.mark.parametrize("section", SECTION_ARGS)
def test_plain_output_has_no_escape_codes_box_drawing_or_trailing_spaces(
    invoke: Invoke, section: str
) -> None:
    out = invoke(*SECTION_ARGS[section]).stdout
    assert "\x1b" not in out
    assert not any("\u2500" <= char <= "\u257f" for char in out)
    assert all(line == line.rstrip() for line in out.splitlines())


@pytest.mark.parametrize("section", SECTION_ARGS)
def test_json_is_valid_and_names_its_section(invoke: Invoke, section: str) -> None:
    result = invoke(*SECTION_ARGS[section], "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["section"] == section
    assert document["sources"], "every section's JSON carries its sources"


def test_summary_json_keys(invoke: Invoke) -> None:
    document = json.loads(invoke("summary", "--format", "json").stdout)
    assert list(document) == ["section", "report", "content_note", "summary", "help", "sources"]
    assert list(document["report"]) == [
        "title",
        "kind",
        "publisher",
        "published",
        "period",
        "recommendations",
        "scale",
        "link",
        "sources",
        "listed",
    ]
    assert document["report"]["recommendations"] == 14
    assert document["help"] == {
        "name": "NSPCC Helpline",
        "phone": "0808 800 5000",
        "command": "reportinfo help-contacts",
        "text": SIGNPOSTS[0],
        "emergency": [
            {
                "name": "Emergency",
                "phone": "999",
                "kind": "phone",
                "label": None,
                "value": "999",
                "message": None,
                "link": "tel:999",
            },
            {
                "name": "Emergency",
                "phone": "18000",
                "kind": "phone",
                "label": "Cannot speak or hear on the phone? Relay UK, for 999",
                "value": "18000",
                "message": None,
                "link": "tel:18000",
            },
            {
                "name": "Emergency",
                "phone": None,
                "kind": "text",
                "label": "Cannot make a voice call? Register for emergencySMS",
                "value": "999",
                "message": "register",
                "link": "sms:999?&body=register",
            },
        ],
        "lines": [
            {
                "question": "Worried about a child?",
                "name": "NSPCC Helpline",
                "phone": "0808 800 5000",
                "text": SIGNPOSTS[0],
            },
            {
                "question": "Under 19?",
                "name": "Childline",
                "phone": "0800 1111",
                "text": SIGNPOSTS[1],
            },
            {
                "question": "Abused as a child?",
                "name": "NAPAC (National Association for People Abused in Childhood)",
                "phone": "0808 801 0331",
                "text": SIGNPOSTS[2],
            },
            {
                "question": "Struggling to cope?",
                "name": "Samaritans",
                "phone": "116 123",
                "text": SIGNPOSTS[3],
            },
        ],
    }
    assert list(document["sources"][0]) == [
        "id",
        "title",
        "publisher",
        "url",
        "date",
        "checked",
        "note",
    ]


def test_findings_json_keys(invoke: Invoke) -> None:
    document = json.loads(invoke("findings", "--format", "json").stdout)
    assert list(document) == [
        "section",
        "report",
        "content_note",
        "voices",
        "findings",
        "help",
        "sources",
    ]
    assert document["voices"] == [
        {"id": "review", "heading": "What the review found"},
        {"id": "board", "heading": "What the Board said"},
        {"id": "nspcc", "heading": "What the NSPCC said"},
    ]
    assert document["findings"][0] == {
        "number": 1,
        "text": "In the past, agencies were “not equipped” to give “adequate” advice, information or "
        "support to young people and their families.",
        "quotes": ["not equipped", "adequate"],
        "sources": ["bfp-article"],
        "said_by": "review",
    }
    said_by = [f["said_by"] for f in document["findings"]]
    assert said_by == ["review"] * 5 + ["board"] + ["nspcc"] * 4


def test_help_contacts_json_keys_and_status(invoke: Invoke) -> None:
    document = json.loads(invoke("help-contacts", "--format", "json").stdout)
    assert list(document) == [
        "section",
        "checked",
        "stale",
        "now",
        "bank_holiday_today",
        "hours_note",
        "groups",
        "contacts",
        "sources",
    ]
    assert document["checked"] == "2026-11-28"
    assert document["stale"] is False
    assert document["bank_holiday_today"] is False
    assert [g["id"] for g in document["groups"]] == [
        "danger",
        "worried-about-a-child",
        "children",
        "abused-as-a-child",
        "struggling",
    ]
    nspcc = document["contacts"][1]
    assert list(nspcc) == [
        "id",
        "group",
        "name",
        "who",
        "cost",
        "note",
        "emergency",
        "channels",
        "checked",
        "sources",
    ]
    assert nspcc["group"] == "worried-about-a-child"
    phone = nspcc["channels"][0]
    assert list(phone) == [
        "kind",
        "label",
        "value",
        "message",
        "link",
        "hours",
        "open_now",
        "changes_at",
        "status",
    ]
    assert phone["value"] == "0808 800 5000"
    assert phone["link"] == "tel:+448088005000"
    assert phone["open_now"] is True
    assert phone["changes_at"] == "2026-11-25T22:00:00+00:00"
    assert phone["status"] == "Open now, until 10pm."


def test_json_channels_are_consistent(invoke: Invoke) -> None:
    document = json.loads(invoke("help-contacts", "--json").stdout)
    for contact in document["contacts"]:
        for channel in contact["channels"]:
            assert (channel["open_now"] is None) == (channel["status"] is None), channel
            if channel["hours"] and channel["kind"] in ("phone", "text"):
                assert channel["open_now"] is not None or document["bank_holiday_today"]
            if channel["kind"] in ("email", "web"):  # always open: no status, as in the text
                assert channel["status"] is None
    for source in document["sources"]:
        assert source["url"].startswith("https://")
    assert {c["group"] for c in document["contacts"]} == {g["id"] for g in document["groups"]}


@pytest.mark.parametrize("group", ["danger", "struggling"])
def test_json_for_one_group(invoke: Invoke, group: str) -> None:
    document = json.loads(invoke("help-contacts", "--for", group, "--json").stdout)
    shown = [group] if group == "danger" else ["danger", group]  # 999 in every view
    assert [g["id"] for g in document["groups"]] == shown
    assert {c["group"] for c in document["contacts"]} == set(shown)


def test_color_always_forces_rich_output_into_a_pipe(invoke: Invoke) -> None:
    assert "\x1b[" in invoke("findings", "--color", "always").stdout


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"CLICOLOR_FORCE": "1"}, True),
        ([], {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        ([], {"NO_COLOR": "1", "CLICOLOR_FORCE": "1"}, False),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        (["--no-color"], {"CLICOLOR_FORCE": "1"}, False),
        (["--color", "always"], {"NO_COLOR": "1"}, True),
        ([], {"CLICOLOR": "0"}, False),
        ([], {}, False),
    ],
)
def test_colour_switches(
    invoke: Invoke, args: list[str], env: dict[str, str], coloured: bool
) -> None:
    assert ("\x1b[" in invoke("summary", *args, env=env).stdout) is coloured


def test_extra_argument_is_a_sentence(invoke: Invoke) -> None:
    result = invoke("summary", "extra")
    assert result.exit_code == 2
    assert result.stderr == (
        "reportinfo: Got unexpected extra argument (extra). Try 'reportinfo summary --help'.\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["summary", "--fragment"], "--fragment works only with --format html."),
        (
            ["--format", "markdown", "findings", "--fragment"],
            "--fragment works only with --format html.",
        ),
        (
            ["summary", "--json", "--format", "markdown"],
            "--json and --format markdown cannot be used together.",
        ),
        (
            ["help-contacts", "--box", "--for", "struggling"],
            "--box and --for cannot be used together: the box always holds the main lines.",
        ),
        (
            ["--json", "help-contacts", "--box"],
            "--box has no JSON form; 'help-contacts --json' gives every contact and its group.",
        ),
        (
            ["help-contacts", "--box", "--format", "json"],
            "--box has no JSON form; 'help-contacts --json' gives every contact and its group.",
        ),
    ],
)
def test_options_that_cannot_work_together_are_a_usage_error(
    invoke: Invoke, args: list[str], message: str
) -> None:
    """Never silently ignored: a flag that would do nothing says so before any file is read."""
    result = invoke(*args, "--data", "missing.yaml")
    assert result.exit_code == 2
    command = next(arg for arg in args if arg in ("summary", "findings", "help-contacts"))
    assert result.stderr == f"reportinfo: {message} Try 'reportinfo {command} --help'.\n"
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "html", "validate"], "--format does not apply to 'validate'."),
        (["--json", "validate"], "--json does not apply to 'validate'."),
        (["--json", "schema"], "--json does not apply to 'schema'."),
        (["--fragment", "schema"], "--fragment does not apply to 'schema'."),
        (["--data", "report.yaml", "schema"], "--data does not apply to 'schema'."),
    ],
)
def test_options_before_a_command_that_has_no_use_for_them(
    invoke: Invoke, args: list[str], message: str
) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr == f"reportinfo: {message} Try 'reportinfo {args[-1]} --help'.\n"
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        ["summary", "--json", "--format", "json"],
        ["--format", "html", "summary", "--fragment"],
        ["help-contacts", "--box", "--format", "markdown"],
    ],
)
def test_options_that_agree_work_together(invoke: Invoke, args: list[str]) -> None:
    assert invoke(*args).exit_code == 0


def test_interrupted_is_one_line_and_exits_130(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportinfo import loader

    def interrupt(path: str | None = None) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(loader, "load", interrupt)
    result = invoke("summary")
    assert result.exit_code == 130
    assert result.stderr.strip() == "reportinfo: interrupted"


def test_an_unexpected_error_is_one_line_that_says_it_is_a_bug(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportinfo.render import plain

    def broken(document: object) -> str:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(plain, "render", broken)
    result = invoke("summary")
    assert result.exit_code == 70
    assert result.stderr == (
        "reportinfo: unexpected error (ZeroDivisionError: division by zero). This is a bug in "
        "reportinfo; run again with REPORTINFO_DEBUG=1 to see the details.\n"
    )
    with pytest.raises(ZeroDivisionError):
        invoke("summary", env={"REPORTINFO_DEBUG": "1"})
