"""The command line: parse options, refuse those that clash, load the report, pick a view, write.

Nothing heavy is imported at module level: `reportinfo --help` needs only click, and plain
output never imports rich. Every byte goes out through `output.write` or `output.error`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import click

from reportinfo import __version__
from reportinfo.exits import DEBUG_VARIABLE, EXIT_CODES, EXIT_CODES_HELP, EXIT_OK, end
from reportinfo.options import DATA_VARIABLE, REPORT_PATH, OutputChoice, output_options
from reportinfo.render import Request, Section

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

__all__ = ["DATA_VARIABLE", "DEBUG_VARIABLE", "EXIT_CODES", "SECTION_HELP", "cli"]


def _show_help(ctx: click.Context, /, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from reportinfo import output

        output.write(ctx.get_help())
        ctx.exit()


def _show_version(ctx: click.Context, /, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from reportinfo import output

        output.write(f"reportinfo {__version__}")
        ctx.exit()


class ReportinfoContext(click.Context):
    def make_formatter(self) -> click.HelpFormatter:
        # Give click the width itself: click would otherwise import shutil (and with it bz2
        # and lzma) just to ask for the terminal size, a tenth of --help's start-up time.
        from reportinfo.output import terminal_width

        width = max(min(terminal_width(os.environ), 80) - 2, 50)
        return self.formatter_class(width=width, max_width=self.max_content_width)


class ReportinfoCommand(click.Command):
    """--help through the tool's one write path, so that a full disk is exit 3, not a traceback."""

    context_class = ReportinfoContext

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        names = self.get_help_option_names(ctx)
        if not names or not self.add_help_option:
            return None
        if self._help_option is None:
            self._help_option = click.Option(
                names,
                is_flag=True,
                is_eager=True,
                expose_value=False,
                callback=_show_help,
                help="Show this message and exit.",
            )
        return self._help_option


class ReportinfoGroup(ReportinfoCommand, click.Group):
    """A click group whose errors are one line on stderr with a documented exit code."""

    command_class = ReportinfoCommand

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # the order they are defined in, not alphabetical

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:  # perhaps a word people try for the help lines
            from reportinfo.topics import ALIASES

            cmd_name = ALIASES.get(cmd_name, cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        # An alias runs as the command it stands for, and its errors name that command.
        name, command, rest = super().resolve_command(ctx, args)
        return (command.name if command else name), command, rest

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if set(args) & set(self.get_help_option_names(ctx)):
            from reportinfo.topics import help_moved_after_command

            args = help_moved_after_command(self, ctx, args)
        return super().parse_args(ctx, args)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,  # the context's settings, as click's
    ) -> Any:
        """click's main, with shell completion written through the one write path (click
        would write it itself), and every failure one line with a documented exit code."""
        prog = prog_name or self.name or "reportinfo"
        variable = complete_var or f"_{prog}_COMPLETE".replace("-", "_").replace(".", "_").upper()
        try:
            if os.environ.get(variable):  # click, given the same variable, finds none
                from reportinfo import completion

                completion.answer(self, extra, prog, variable)
            expand = windows_expand_args
            code = super().main(
                args, prog_name, variable, False, windows_expand_args=expand, **extra
            )
        except (Exception, KeyboardInterrupt) as error:
            if not standalone_mode:
                raise
            end(error)
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else EXIT_OK)


def _complete(kind: str) -> Callable[[click.Context, click.Parameter, str], list[CompletionItem]]:
    """A completion callback that imports `completion` only when a shell asks."""

    def complete(
        ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        from reportinfo import completion

        return completion.COMPLETERS[kind](ctx, incomplete)

    return complete


@click.group(
    "reportinfo",
    cls=ReportinfoGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_CODES_HELP,
)
@output_options
@click.option(
    "-V",
    "--version",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=_show_version,
    help="Show the version and exit.",
)
@click.pass_context
def cli(ctx: click.Context, /, **_: Any) -> None:
    """The 2017 serious case review of child sexual exploitation in Buckinghamshire, and
    where to find help.

    \b
    Examples:
      reportinfo summary
      reportinfo findings 3
      reportinfo help-contacts --for struggling
      reportinfo findings --json | jq -r '.findings[].text'

    Options such as --data, --format and --color work before or after the command.
    An unexpected error prints one line; REPORTINFO_DEBUG=1 shows its traceback.
    """
    if ctx.invoked_subcommand is None:
        _show(ctx, "overview")


# The section commands' help: what each shows, and examples.
SECTION_HELP: dict[Section, tuple[str, tuple[str, ...]]] = {
    "summary": (
        "What the review is, what it covers and what it found, in brief.",
        ("reportinfo summary", "reportinfo summary --json | jq -r '.summary[].text'"),
    ),
    "findings": (
        "The review's key findings, and what the Board and the NSPCC said; or finding N alone.",
        (
            "reportinfo findings",
            "reportinfo findings 3",
            'reportinfo findings | grep -i "not heard"',
        ),
    ),
    "help-contacts": (
        "Who to contact for help or advice, grouped by who it is for, and who is open now.",
        (
            "reportinfo help-contacts",
            "reportinfo help-contacts --for abused-as-a-child",
            "reportinfo help-contacts --box --format html > help-box.html",
            "reportinfo help-contacts --json | jq '.contacts[] | {name, group}'",
        ),
    ),
    "sources": (
        "Where each fact comes from, and when the contacts were checked.",
        ("reportinfo sources", "reportinfo sources --json | jq -r '.sources[].url'"),
    ),
}


def _help_text(purpose: str, examples: tuple[str, ...]) -> str:
    return f"{purpose}\n\n\b\nExamples:\n" + "\n".join(f"  {line}" for line in examples)


@cli.command(help=_help_text(*SECTION_HELP["summary"]), short_help=SECTION_HELP["summary"][0])
@output_options
@click.pass_context
def summary(ctx: click.Context, /, **_: Any) -> None:
    _show(ctx, "summary")


@cli.command(help=_help_text(*SECTION_HELP["findings"]), short_help=SECTION_HELP["findings"][0])
@click.argument(
    "number", required=False, type=int, metavar="[N]", shell_complete=_complete("finding")
)
@output_options
@click.pass_context
def findings(ctx: click.Context, /, number: int | None, **_: Any) -> None:
    _show(ctx, "findings", finding=number)


@cli.command(
    "help-contacts",
    help=_help_text(*SECTION_HELP["help-contacts"]),
    short_help=SECTION_HELP["help-contacts"][0],
)
@click.option(
    "--for",
    "group",
    metavar="GROUP",
    shell_complete=_complete("group"),
    help="Only the contacts for one group: danger, worried-about-a-child, children, "
    "abused-as-a-child or struggling (the groups of the report in use). The start of a "
    "group's name is enough: --for worried.",
)
@click.option(
    "--box",
    is_flag=True,
    help=(
        "Only the short box of help to end an article with: 999 and the main lines"
        " (text, markdown or html)."
    ),
)
@output_options
@click.pass_context
def help_contacts(ctx: click.Context, /, group: str | None, box: bool, **_: Any) -> None:
    _show(ctx, "help-contacts", group=group, box=box)


@cli.command(help=_help_text(*SECTION_HELP["sources"]), short_help=SECTION_HELP["sources"][0])
@output_options
@click.pass_context
def sources(ctx: click.Context, /, **_: Any) -> None:
    _show(ctx, "sources")


@cli.command(short_help="Check report files and list every problem in them, one per line.")
@click.argument("paths", nargs=-1, type=REPORT_PATH, metavar="[PATH]...")
@click.pass_context
def validate(ctx: click.Context, /, paths: tuple[str, ...]) -> None:
    """Check report files and list every problem in them, one per line.

    Each PATH is a report file, or '-' for standard input. With no PATH, the file given by
    --data or REPORTINFO_DATA is checked, or else the bundled report. Each problem is one line
    on standard output, starting with its file. Exits 0 when every file is valid and 1 when
    any is not. 'reportinfo help format' (or 'man 5 reportinfo-report') describes the format,
    and 'reportinfo schema' prints it as a JSON Schema.

    \b
    Examples:
      reportinfo validate my-review.yaml
      reportinfo validate reviews/*.yaml | grep findings
      cat my-review.yaml | reportinfo validate -
    """
    from reportinfo import validate_files

    validate_files.run(ctx, paths, now=_now(ctx))


@cli.command(short_help="Print the JSON Schema of report files, for editors and checks.")
@click.pass_context
def schema(ctx: click.Context) -> None:
    """Print the JSON Schema that report files follow, for editors and other tools.

    Editors that use the YAML language server check a report file against it as you type:
    save it beside the file and start the file with the comment shown below. The schema
    checks keys and types; 'reportinfo validate' also checks the rules that span fields.

    \b
    Examples:
      reportinfo schema > report.schema.json
      # yaml-language-server: $schema=report.schema.json
    """
    from reportinfo import output
    from reportinfo import schema as report_schema

    OutputChoice.read(ctx).refuse(
        ctx, "data", "output_format", "as_json", "fragment", "heading_level"
    )
    output.write(report_schema.to_json())


@cli.command(
    "help", short_help="The same as running reportinfo alone: what it is and where help is."
)
@click.argument(
    "command", required=False, metavar="[COMMAND | format]", shell_complete=_complete("help topic")
)
@output_options
@click.pass_context
def help_command(ctx: click.Context, /, command: str | None, **_: Any) -> None:
    """Show what reportinfo is, its commands and where to find help; a command's --help; or,
    with 'format', how a report file is written (the page 'man 5 reportinfo-report' shows).

    \b
    Examples:
      reportinfo help
      reportinfo help findings
      reportinfo help format
    """
    if command is None:
        _show(ctx, "overview")
        return
    from reportinfo import topics

    topics.show(ctx, command, OutputChoice.read(ctx))


def _show(ctx: click.Context, /, section: Section, **asked: Any) -> None:
    from reportinfo import datafile, output

    choice = OutputChoice.read(ctx)
    _check_options(ctx, choice, asked)
    path = datafile.path(ctx, choice)
    report = datafile.load(choice, path)
    request = Request(
        now=_now(ctx),
        commands=_commands(ctx) if section == "overview" else (),
        sources_command=datafile.sources_command(path),
        published=choice.format in ("markdown", "html"),
        **asked,
    )
    if request.finding is not None or request.group is not None:
        from reportinfo import selection

        request = selection.resolve(ctx, report, request)
    if choice.format == "json":
        from reportinfo.render import jsonout

        ascii_only = not output.is_unicode(output.stdout_encoding())
        output.write(jsonout.render(section, report, request, ascii_only=ascii_only))
        return
    from reportinfo.render import document

    built = document.BUILDERS[section](report, request)
    if built.notice:
        output.error(built.notice)
    if choice.format == "markdown":
        from reportinfo.render import markdown

        output.write(markdown.render(built, first_heading=choice.heading_level))
        return
    if choice.format == "html":
        from reportinfo.render import html

        output.write(
            html.render(built, fragment=bool(choice.fragment), first_heading=choice.heading_level)
        )
        return
    isatty = sys.stdout is not None and sys.stdout.isatty()
    display = output.choose_display(
        choice.colour, isatty=isatty, env=os.environ, pager=not choice.no_pager
    )
    if display.rich:
        from reportinfo.render import terminal

        output.write(terminal.to_ansi(built, display), display.paging)
    else:
        from reportinfo.render import plain

        output.write(plain.render(built))
        if built.warning:
            output.error(built.warning)


def _check_options(ctx: click.Context, /, choice: OutputChoice, asked: dict[str, Any]) -> None:
    """Options that cannot work together are a usage error, not silently ignored."""
    choice.check(ctx)
    if asked.get("box") and asked.get("group") is not None:
        raise click.UsageError(
            "--box and --for cannot be used together: the box always holds the main lines.", ctx
        )
    if asked.get("box") and choice.format == "json":
        raise click.UsageError(
            "--box has no JSON form; 'help-contacts --json' gives every contact and its group.",
            ctx,
        )


def _commands(ctx: click.Context) -> tuple[tuple[str, str], ...]:
    root = ctx.find_root()
    return tuple(
        (name, cli.commands[name].get_short_help_str(limit=1000))
        for name in cli.list_commands(root)
    )


def _now(ctx: click.Context) -> datetime:
    """The current time; tests put a fixed datetime in the context object instead."""
    return ctx.find_object(datetime) or datetime.now(UTC)
