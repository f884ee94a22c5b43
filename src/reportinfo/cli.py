"""The command line: parse options, pick a format, call the loader and a renderer.

Nothing heavy is imported at module level: `reportinfo --help` needs only click, and plain
output never imports rich.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NoReturn

import click

from reportinfo import __version__
from reportinfo.render import Section  # a small module: the section names, nothing more

if TYPE_CHECKING:
    from reportinfo.model import Report

EXIT_OK = 0
EXIT_DATA = 1  # the report file is missing, unreadable or invalid
EXIT_USAGE = 2  # unknown command or option, bad option value
EXIT_OUTPUT = 3  # standard output is closed or cannot be written
EXIT_INTERRUPTED = 130

EXIT_CODES = (
    (EXIT_OK, "success"),
    (EXIT_DATA, "the report file is missing, unreadable or invalid"),
    (EXIT_USAGE, "unknown command or option, or a bad value"),
    (EXIT_OUTPUT, "standard output is closed or cannot be written"),
    (EXIT_INTERRUPTED, "interrupted (Ctrl-C)"),
)
EXIT_CODES_HELP = "\b\nExit codes:\n" + "\n".join(
    f"  {code:<3}  {text}" for code, text in EXIT_CODES
)


class ReportinfoContext(click.Context):
    def make_formatter(self) -> click.HelpFormatter:
        # Give click the width itself: click would otherwise import shutil (and with it bz2
        # and lzma) just to ask for the terminal size, a tenth of --help's start-up time.
        from reportinfo.output import terminal_width

        width = max(min(terminal_width(os.environ), 80) - 2, 50)
        return self.formatter_class(width=width, max_width=self.max_content_width)


class ReportinfoCommand(click.Command):
    context_class = ReportinfoContext


class ReportinfoGroup(click.Group):
    """A click group whose errors are one line on stderr with a documented exit code."""

    context_class = ReportinfoContext
    command_class = ReportinfoCommand

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # the order they are defined in, not alphabetical

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, standalone_mode: bool = True, **extra: Any
    ) -> Any:
        if not standalone_mode:
            return super().main(args, standalone_mode=False, **extra)
        try:
            code = super().main(args, standalone_mode=False, **extra)
        except click.UsageError as error:
            message = error.format_message().rstrip()
            if not message.endswith((".", "?", "!")):
                message += "."
            hint = f" Try '{error.ctx.command_path} --help'." if error.ctx else ""
            _fail(message + hint, EXIT_USAGE)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code)
        except (click.Abort, KeyboardInterrupt):
            _fail("interrupted", EXIT_INTERRUPTED)
        sys.exit(code if isinstance(code, int) else EXIT_OK)


def _fail(message: str, code: int) -> NoReturn:
    from reportinfo import output

    output.error(message)
    sys.exit(code)


class DataProblem(click.ClickException):
    exit_code = EXIT_DATA


class OutputProblem(click.ClickException):
    exit_code = EXIT_OUTPUT


def section_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--format and --color, shared by every section command."""
    command = click.option(
        "--color",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        help="Colour and rich layout. auto: on a terminal, unless NO_COLOR is set.",
    )(command)
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="text: formatted on a terminal, plain when piped. json: for scripts.",
    )(command)


@click.group(
    "reportinfo",
    cls=ReportinfoGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_CODES_HELP,
)
@click.option(
    "--data",
    type=click.Path(),
    envvar="REPORTINFO_DATA",
    metavar="PATH",
    help="Read this report file instead of the bundled one. [env: REPORTINFO_DATA]",
)
@click.version_option(
    __version__,
    "-V",
    "--version",
    prog_name="reportinfo",
    message="%(prog)s %(version)s",
    help="Show the version and exit.",
)
@click.pass_context
def cli(ctx: click.Context, data: str | None) -> None:
    """The 2017 serious case review of child sexual exploitation in Buckinghamshire, and
    where to find help.

    \b
    Examples:
      reportinfo summary
      reportinfo findings | grep -i care
      reportinfo help-contacts
    """
    if ctx.invoked_subcommand is None:
        _write(_overview(ctx, _load(ctx)))


# The four sections share their options and differ only in what they show.
SECTION_HELP: dict[Section, tuple[str, tuple[str, ...]]] = {
    "summary": (
        "What the review is, what it covers and what it found, in brief.",
        ("reportinfo summary", "reportinfo summary --format json | jq -r '.summary[].text'"),
    ),
    "findings": (
        "The review's key findings, numbered.",
        ("reportinfo findings", 'reportinfo findings | grep -i "not heard"'),
    ),
    "help-contacts": (
        "Who to contact for help or advice, and which lines are open now.",
        ("reportinfo help-contacts", "reportinfo help-contacts --format json | jq '.contacts[]'"),
    ),
    "sources": (
        "Where each fact comes from, and when the contacts were checked.",
        ("reportinfo sources", "reportinfo sources --format json | jq -r '.sources[].url'"),
    ),
}


def _add_section_command(section: Section, purpose: str, examples: tuple[str, ...]) -> None:
    help_text = f"{purpose}\n\n\b\nExamples:\n" + "\n".join(f"  {line}" for line in examples)

    @cli.command(section, help=help_text)
    @section_options
    @click.pass_context
    def show_section(ctx: click.Context, output_format: str, color: str) -> None:
        _show(ctx, section, output_format, color)


for _section, (_purpose, _examples) in SECTION_HELP.items():
    _add_section_command(_section, _purpose, _examples)


@cli.command()
@click.argument("path", required=False, type=click.Path())
@click.pass_context
def validate(ctx: click.Context, path: str | None) -> None:
    """Check a report file and list every problem in it, one per line.

    PATH defaults to the file given by --data or REPORTINFO_DATA, or else the bundled report.
    Exits 0 when the file is valid and 1 when it is not. The format is described in
    docs/data-format.md.

    \b
    Examples:
      reportinfo validate my-review.yaml
      reportinfo validate my-review.yaml | grep findings
    """
    from reportinfo import loader
    from reportinfo.model import DataError

    path = path or _data_path(ctx)
    where = path or "bundled report"
    try:
        report = loader.load(path)
    except DataError as error:
        _write("\n".join(f"{where}: {problem}" for problem in error.problems))
        ctx.exit(EXIT_DATA)
    _write(
        f"{where}: valid ({len(report.summary)} summary points, {len(report.findings)} findings, "
        f"{len(report.contacts)} contacts, {len(report.sources)} sources)"
    )


def _show(ctx: click.Context, section: Section, output_format: str, color: str) -> None:
    from reportinfo import output

    report = _load(ctx)
    now = _now(ctx)
    if output_format == "json":
        from reportinfo.render import jsonout

        ascii_only = not output.is_unicode(output.stdout_encoding())
        _write(jsonout.render(section, report, now, ascii_only=ascii_only))
    else:
        isatty = sys.stdout is not None and sys.stdout.isatty()
        display = output.choose_display(color, isatty=isatty, env=os.environ)
        if display.rich:
            from reportinfo.render import terminal

            renderable = terminal.render(section, report, now, hyperlinks=display.hyperlinks)
            _write(terminal.to_ansi(renderable, display))
        else:
            from reportinfo.render import plain

            _write(plain.render(section, report, now))
    if section == "help-contacts":
        _warn_if_stale(report, now)


def _load(ctx: click.Context) -> Report:
    from reportinfo import loader
    from reportinfo.model import DataError

    path = _data_path(ctx)
    try:
        return loader.load(path)
    except DataError as error:
        where = path or "bundled report"
        more = len(error.problems) - 1
        validate = f"reportinfo validate {path}" if path else "reportinfo validate"
        extra = f" (and {more} more: run '{validate}')" if more else ""
        raise DataProblem(f"{where}: {error.problems[0]}{extra}") from None


def _data_path(ctx: click.Context) -> str | None:
    path: str | None = ctx.find_root().params.get("data")
    return path


def _now(ctx: click.Context) -> datetime:
    """The current time; tests put a fixed datetime in the context object instead."""
    return ctx.find_object(datetime) or datetime.now(UTC)


def _write(text: str) -> None:
    from reportinfo import output

    try:
        output.write(text)
    except output.OutputError as error:
        raise OutputProblem(str(error)) from None


def _warn_if_stale(report: Report, now: datetime) -> None:
    from reportinfo import output
    from reportinfo.render import phrases

    if phrases.is_stale(report, now):
        output.error(phrases.stale_warning(report.contacts_checked))


def _overview(ctx: click.Context, report: Report) -> str:
    from reportinfo.render import phrases

    names = cli.list_commands(ctx)
    width = max(len(name) for name in names)
    commands = [
        f"  {name.ljust(width)}  {cli.commands[name].get_short_help_str(limit=70)}"
        for name in names
    ]
    lines = [
        report.report.title,
        phrases.described_report(report),
        phrases.content_note(report),
        "",
        "Commands:",
        *commands,
        "",
        f"Help and support: {phrases.CONTACTS_COMMAND}",
    ]
    emergency = phrases.emergency_line(report)
    if emergency:
        lines.append(emergency)
    lines.append("Run 'reportinfo COMMAND --help' for options and examples.")
    return "\n".join(lines)
