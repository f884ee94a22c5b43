"""The modules beside cli.py: the options read once, the help topics, completion, how runs end."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest

from reportinfo import cli, loader
from reportinfo.options import OutputChoice
from tests.conftest import Invoke


def choice_for(*args: str) -> OutputChoice:
    """The OutputChoice a section command reads from `args`, parsed as the tool parses them."""
    seen: list[OutputChoice] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli, "_show", lambda ctx, section, **_: seen.append(OutputChoice.read(ctx)))
        cli.cli.main(list(args), prog_name="reportinfo", standalone_mode=False)
    (choice,) = seen
    return choice


def test_the_options_are_read_once_into_one_record() -> None:
    assert choice_for("summary") == OutputChoice()
    assert choice_for("summary").format == "text"
    assert choice_for("summary").colour == "auto"
    before_and_after = choice_for("--format", "markdown", "--color", "always", "summary", "--json")
    assert before_and_after.format == "json"  # --json after the command
    assert before_and_after.output_format == "markdown"  # as given, before it
    assert before_and_after.colour == "always"
    assert choice_for("--color", "always", "summary", "--no-color").colour == "never"
    assert choice_for("--data", "a.yaml", "summary", "--data", "b.yaml").data == "b.yaml"
    assert choice_for("findings", "--no-pager", "--fragment") == OutputChoice(
        no_pager=True, fragment=True
    )
    assert choice_for().given("data", "fragment") is False
    assert choice_for("--data", "a.yaml").given("data", "fragment") is True


def test_no_private_click_method_is_overridden() -> None:
    """Completion goes through the write path from the public `main`, not click's internals."""
    for cls in (cli.ReportinfoGroup, cli.ReportinfoCommand, cli.ReportinfoContext):
        own = {
            name
            for klass in cls.__mro__
            if klass.__module__ == cli.__name__
            for name in vars(klass)
        }
        private = {name for name in own if name.startswith("_") and not name.startswith("__")}
        assert not {name for name in private if hasattr(click.Group, name)}, cls


def test_a_completion_variable_naming_no_shell_is_one_line_and_exit_2(invoke: Invoke) -> None:
    result = invoke(env={"_REPORTINFO_COMPLETE": "_source"})
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "reportinfo: _REPORTINFO_COMPLETE=_source is not a completion request; "
        "use bash_source, zsh_source or fish_source\n"
    )


def test_completion_offers_nothing_for_a_report_that_cannot_be_used(
    invoke: Invoke, tmp_path: Path
) -> None:
    words = f"reportinfo --data {tmp_path / 'missing.yaml'} findings "
    env = {"_REPORTINFO_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": "4"}
    result = invoke(env=env)
    assert (result.exit_code, result.stdout.strip(), result.stderr) == (0, "", "")


def test_help_format_without_its_page_is_a_bug_with_one_line(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "bundled_path", lambda: str(tmp_path / "data" / "report.yaml"))
    result = invoke("help", "format")
    assert result.exit_code == 70
    assert result.stderr == (
        "reportinfo: the format page (data-format.md) is not installed with reportinfo\n"
    )


def test_schema_is_json(invoke: Invoke) -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"]


def test_a_usage_error_outside_standalone_mode_is_raised() -> None:
    with pytest.raises(click.UsageError):
        cli.cli.main(["nonsense"], prog_name="reportinfo", standalone_mode=False)
