"""The commands, in-process, with exact expectations."""

from __future__ import annotations

import json

import click
import pytest

from reportinfo import __version__
from reportinfo.cli import cli
from tests.conftest import Invoke

SECTIONS = ["summary", "findings", "help-contacts", "sources"]


def test_version(invoke: Invoke) -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"reportinfo {__version__}\n"


def test_no_command_prints_an_overview_with_the_way_to_help(invoke: Invoke) -> None:
    result = invoke()
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Child Sexual Exploitation in Buckinghamshire 1998 – 2016"
    assert lines[2] == "Content note: This report discusses child sexual abuse and suicide."
    assert "Help and support: reportinfo help-contacts" in lines
    assert "If a child is in immediate danger, call the police straight away: 999." in lines
    commands = [
        line.split()[0] for line in lines[lines.index("Commands:") + 1 :] if line.startswith("  ")
    ]
    assert commands == ["summary", "findings", "help-contacts", "sources", "validate"]


@pytest.mark.parametrize("name", [None, *SECTIONS, "validate"])
def test_every_command_has_help_with_a_purpose_and_an_example(
    invoke: Invoke, name: str | None
) -> None:
    args = [name, "--help"] if name else ["--help"]
    result = invoke(*args)
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: reportinfo")
    assert "Examples:" in result.stdout
    assert "\n    reportinfo " in result.stdout or "\n  reportinfo " in result.stdout


def test_every_command_is_covered_by_the_help_test() -> None:
    assert isinstance(cli, click.Group)
    assert sorted(cli.commands) == sorted([*SECTIONS, "validate"])


def test_top_level_help_lists_exit_codes(invoke: Invoke) -> None:
    out = invoke("--help").stdout
    assert out.endswith(
        "  Exit codes:\n"
        "    0    success\n"
        "    1    the report file is missing, unreadable or invalid\n"
        "    2    unknown command or option, or a bad value\n"
        "    3    standard output is closed or cannot be written\n"
        "    130  interrupted (Ctrl-C)\n"
    )


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
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("reportinfo: No such option '--colour'.")


def test_bad_format_value_exits_2(invoke: Invoke) -> None:
    result = invoke("summary", "--format", "yaml")
    assert result.exit_code == 2
    assert "'yaml' is not one of 'text', 'json'" in result.stderr


def test_findings_plain_are_numbered_one_per_line(invoke: Invoke) -> None:
    result = invoke("findings")
    assert result.exit_code == 0
    numbered = [line for line in result.stdout.splitlines() if line[:2].rstrip(".").isdigit()]
    assert len(numbered) == 8
    assert (
        numbered[1]
        == "2. Some young people who asked for help were “not heard”. Others were not believed."
    )
    assert result.stdout.splitlines()[-1] == (
        "Worried about a child? NSPCC Helpline: 0808 800 5000. More help: reportinfo help-contacts"
    )


@pytest.mark.parametrize("section", SECTIONS)
def test_plain_output_has_no_escape_codes_or_box_drawing(invoke: Invoke, section: str) -> None:
    out = invoke(section).stdout
    assert "\x1b" not in out
    assert not any("\u2500" <= char <= "\u257f" for char in out)


@pytest.mark.parametrize("section", SECTIONS)
def test_json_is_valid_and_names_its_section(invoke: Invoke, section: str) -> None:
    result = invoke(section, "--format", "json")
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
    ]
    assert document["report"]["recommendations"] == 14
    assert (
        document["content_note"]["text"] == "This report discusses child sexual abuse and suicide."
    )
    assert document["help"] == {
        "name": "NSPCC Helpline",
        "phone": "0808 800 5000",
        "command": "reportinfo help-contacts",
        "text": "Worried about a child? NSPCC Helpline: 0808 800 5000. More help: reportinfo help-contacts",
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
    assert list(document) == ["section", "report", "content_note", "findings", "help", "sources"]
    assert document["findings"][0] == {
        "number": 1,
        "text": "In the past, agencies were “not equipped” to give “adequate” advice, information or "
        "support to young people and their families.",
        "quotes": ["not equipped", "adequate"],
        "sources": ["bfp-article"],
    }


def test_help_contacts_json_keys_and_status(invoke: Invoke) -> None:
    document = json.loads(invoke("help-contacts", "--format", "json").stdout)
    assert list(document) == [
        "section",
        "checked",
        "stale",
        "now",
        "hours_note",
        "contacts",
        "sources",
    ]
    assert document["checked"] == "2026-11-28"
    assert document["stale"] is False
    nspcc = document["contacts"][1]
    assert list(nspcc) == [
        "id",
        "name",
        "who",
        "cost",
        "emergency",
        "channels",
        "checked",
        "sources",
    ]
    phone = nspcc["channels"][0]
    assert list(phone) == ["kind", "label", "value", "hours", "open_now", "changes_at", "status"]
    assert phone["value"] == "0808 800 5000"
    assert phone["open_now"] is True
    assert phone["changes_at"] == "2026-11-25T22:00:00+00:00"
    assert phone["status"] == "Open now, until 10pm"


def test_color_always_forces_rich_output_into_a_pipe(invoke: Invoke, no_color_env: None) -> None:
    out = invoke("findings", "--color", "always").stdout
    assert "\x1b[" in out


@pytest.mark.parametrize("env", [{"NO_COLOR": "1", "FORCE_COLOR": "1"}, {"TERM": "dumb"}])
def test_no_color_and_dumb_terminals_get_no_escape_codes(
    invoke: Invoke, env: dict[str, str]
) -> None:
    assert "\x1b" not in invoke("help-contacts", env=env).stdout


def test_force_color_env_brings_colour(invoke: Invoke, no_color_env: None) -> None:
    assert "\x1b[" in invoke("summary", env={"FORCE_COLOR": "1"}).stdout


def test_color_never_beats_force_color(invoke: Invoke) -> None:
    assert "\x1b" not in invoke("summary", "--color", "never", env={"FORCE_COLOR": "1"}).stdout


def test_extra_argument_is_a_sentence(invoke: Invoke) -> None:
    result = invoke("summary", "extra")
    assert result.exit_code == 2
    assert result.stderr == (
        "reportinfo: Got unexpected extra argument (extra). Try 'reportinfo summary --help'.\n"
    )


def test_interrupted_is_one_line_and_exits_130(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportinfo import loader

    def interrupt(path: str | None = None) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(loader, "load", interrupt)
    result = invoke("summary")
    assert result.exit_code == 130
    assert result.stderr == "\nreportinfo: interrupted\n"  # click ends the ^C line first
