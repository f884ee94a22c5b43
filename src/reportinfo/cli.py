"""The command line: parse options, load the report, pick a renderer, write the result.

Nothing heavy is imported at module level: `reportinfo --help` needs only click, and plain
output never imports rich. Every byte goes out through `output.write` or `output.error`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NoReturn

import click

from reportinfo import __version__
from reportinfo.render import FORMATS, Request, Section

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

    from reportinfo.errors import DataError
    from reportinfo.model import Report
    from reportinfo.output import Paging

EXIT_OK = 0
EXIT_DATA = 1  # the report file is missing, unreadable or invalid
EXIT_USAGE = 2  # unknown command or option, bad option value
EXIT_OUTPUT = 3  # standard output is closed or cannot be written
EXIT_BUG = 70  # an unexpected error: a bug in reportinfo (70 is EX_SOFTWARE in sysexits.h)
EXIT_INTERRUPTED = 130

EXIT_CODES = (
    (EXIT_OK, "success"),
    (EXIT_DATA, "the report file is missing, unreadable or invalid"),
    (EXIT_USAGE, "unknown command or option, a bad value, or options that clash"),
    (EXIT_OUTPUT, "standard output is closed or cannot be written"),
    (EXIT_BUG, "an unexpected error: a bug in reportinfo"),
    (EXIT_INTERRUPTED, "interrupted (Ctrl-C)"),
)
EXIT_CODES_HELP = "\b\nExit codes:\n" + "\n".join(
    f"  {code:<3}  {text}" for code, text in EXIT_CODES
)
DEBUG_VARIABLE = "REPORTINFO_DEBUG"  # set to 1 to see the traceback of an unexpected error
DATA_VARIABLE = "REPORTINFO_DATA"


class Failure(Exception):
    """Ends the run with one line on standard error and a documented exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def _write(text: str, paging: Paging | None = None) -> None:
    from reportinfo import output
    from reportinfo.errors import OutputError

    try:
        output.write(text, paging)
    except OutputError as error:
        raise Failure(str(error), EXIT_OUTPUT) from None


def _fail(message: str, code: int) -> NoReturn:
    from reportinfo import output

    output.error(message)
    sys.exit(code)


def _show_help(ctx: click.Context, /, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        _write(ctx.get_help())
        ctx.exit()


def _show_version(ctx: click.Context, /, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        _write(f"reportinfo {__version__}")
        ctx.exit()


class ReportinfoContext(click.Context):
    def make_formatter(self) -> click.HelpFormatter:
        # Give click the width itself: click would otherwise import shutil (and with it bz2
        # and lzma) just to ask for the terminal size, a tenth of --help's start-up time.
        from reportinfo.output import terminal_width

        width = max(min(terminal_width(os.environ), 80) - 2, 50)
        return self.formatter_class(width=width, max_width=self.max_content_width)


class _WritesItsOwnHelp(click.Command):
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


class ReportinfoCommand(_WritesItsOwnHelp):
    pass


class ReportinfoGroup(_WritesItsOwnHelp, click.Group):
    """A click group whose errors are one line on stderr with a documented exit code."""

    command_class = ReportinfoCommand

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # the order they are defined in, not alphabetical

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, ALIASES.get(cmd_name, cmd_name))

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        # An alias runs as the command it stands for, and its errors name that command.
        name, command, rest = super().resolve_command(ctx, args)
        return (command.name if command else name), command, rest

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _help_moved_after_command(self, ctx, args))

    def _main_shell_completion(
        self, ctx_args: Any, prog_name: str, complete_var: str | None = None
    ) -> None:
        """click's shell completion, written through the one write path like everything else.

        click writes the completion script and the completions itself, so a full disk would
        end as an unexpected error; here it is exit 3 with one line, as for any other output.
        """
        name = prog_name.replace("-", "_").replace(".", "_")
        variable = complete_var or f"_{name}_COMPLETE".upper()
        shell, _, instruction = os.environ.get(variable, "").partition("_")
        if not shell:
            return
        # Only now: every run passes through here, and only a completion needs this module.
        from click.shell_completion import get_completion_class

        completion_class = get_completion_class(shell)
        if completion_class is None or instruction not in ("source", "complete"):
            raise Failure(
                f"{variable}={shell}_{instruction} is not a completion request; use "
                f"bash_source, zsh_source or fish_source",
                EXIT_USAGE,
            )
        completion = completion_class(self, ctx_args, prog_name, variable)
        if instruction == "complete" and not _completion_request_is_whole(shell):
            _write("")  # the shell's own variables are odd: no completions, not an error
            sys.exit(EXIT_OK)
        _write(completion.source() if instruction == "source" else completion.complete())
        sys.exit(EXIT_OK)

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, standalone_mode: bool = True, **extra: Any
    ) -> Any:
        if not standalone_mode:
            return super().main(args, standalone_mode=False, **extra)
        try:
            code = super().main(args, standalone_mode=False, **extra)
        except click.UsageError as error:
            message = error.format_message().rstrip()
            if not message.rstrip(")").endswith((".", "?", "!")):
                message += "."
            hint = f" Try '{error.ctx.command_path} --help'." if error.ctx else ""
            _fail(message + hint, EXIT_USAGE)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code)
        except Failure as error:
            _fail(str(error), error.exit_code)
        except (click.Abort, KeyboardInterrupt):
            _fail("interrupted", EXIT_INTERRUPTED)
        except Exception as error:
            if os.environ.get(DEBUG_VARIABLE, "") not in ("", "0"):
                raise
            _fail(
                f"unexpected error ({type(error).__name__}: {error}). This is a bug in "
                f"reportinfo; run again with {DEBUG_VARIABLE}=1 to see the details.",
                EXIT_BUG,
            )
        sys.exit(code if isinstance(code, int) else EXIT_OK)


# Words people try for the help lines. Each runs help-contacts, but none is listed in --help,
# the overview or completion: the list of commands stays short.
ALIASES = dict.fromkeys(
    ("helpline", "helplines", "phone", "numbers", "contacts", "support"), "help-contacts"
)


def _help_moved_after_command(
    group: click.Group, ctx: click.Context, /, args: list[str]
) -> list[str]:
    """`reportinfo --help summary` as `reportinfo summary --help`, as git and gh read it: the
    help of the command named after --help (or click's "No such command" for a wrong name)."""
    help_names = set(group.get_help_option_names(ctx))
    takes_value = {
        name
        for param in group.params
        if isinstance(param, click.Option) and not param.is_flag
        for name in param.opts
    }
    help_at = None
    at = 0
    while at < len(args) and args[at] != "--":
        word = args[at]
        if word in help_names and help_at is None:
            help_at = at
        elif word in takes_value:
            at += 1  # skip its value: `--data summary` names a file
        elif not word.startswith("-"):  # the command
            if help_at is None:
                break
            return [*args[:help_at], *args[help_at + 1 : at + 1], args[help_at], *args[at + 1 :]]
        at += 1
    return args


def _completion_request_is_whole(shell: str) -> bool:
    """Whether the shell set what click reads for a completion: the words typed so far, and
    which of them is being completed (a number, but for fish: the word itself). click reads
    them with int() and os.environ[...], so an odd or missing value would end as a bug."""
    from reportinfo.output import env_number

    if "COMP_WORDS" not in os.environ or "COMP_CWORD" not in os.environ:
        return False
    return shell == "fish" or env_number(os.environ, "COMP_CWORD", 9999) is not None


# Options that work before or after the command name: `reportinfo --json summary` and
# `reportinfo summary --json` mean the same. Each defaults to None, so that `_option` can tell
# a value given after the command from one given before it.
def output_options(command: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option(
            "--data",
            type=click.Path(allow_dash=True),
            metavar="PATH",
            help=f"Read this report file ('-' for standard input) instead of the bundled one. "
            f"[env: {DATA_VARIABLE}]",
        ),
        click.option(
            "--format",
            "output_format",
            type=click.Choice(FORMATS),
            help="text (the default): formatted on a terminal, plain when piped. "
            "json: for scripts. markdown, html: to paste into an article or a page.",
        ),
        click.option(
            "--json", "as_json", is_flag=True, default=None, help="The same as --format json."
        ),
        click.option(
            "--color",
            type=click.Choice(["auto", "always", "never"]),
            help="Bold, links and layout (default auto: on a terminal, unless NO_COLOR is set).",
        ),
        click.option(
            "--no-color", "no_color", is_flag=True, default=None, help="The same as --color never."
        ),
        click.option(
            "--no-pager",
            "no_pager",
            is_flag=True,
            default=None,
            help="On a terminal, print straight out: no pager for output taller than the "
            "window. [env: PAGER, default less; empty or cat: no pager]",
        ),
        click.option(
            "--fragment",
            is_flag=True,
            default=None,
            help="With --format html: only the content, to paste into an existing page.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _option(ctx: click.Context, /, name: str) -> Any:
    """An output option's value: after the command if given there, else before it."""
    for level in (ctx, ctx.parent):
        if level is not None and level.params.get(name) is not None:
            return level.params[name]
    return None


def _refuse_output_options(ctx: click.Context, /, *names: str) -> None:
    """Options given before a command that has no use for them are a usage error."""
    if ctx.parent is None:
        return
    for param in ctx.parent.command.params:
        if param.name in names and ctx.parent.params.get(param.name) is not None:
            flag = param.opts[0]  # as the user typed it: --format, not output_format
            raise click.UsageError(f"{flag} does not apply to '{ctx.info_name}'.", ctx)


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


def _report_for_completion(ctx: click.Context) -> Report | None:
    """The report in use, or None when it cannot be loaded: completion offers nothing then."""
    from reportinfo.errors import DataError

    try:
        return _load(ctx)
    except (DataError, Failure, click.ClickException):
        return None


def _complete_finding(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """The finding numbers, 1 to N, each with its text for shells that show one."""
    from click.shell_completion import CompletionItem

    report = _report_for_completion(ctx)
    if report is None:
        return []
    numbered = ((str(n), finding.text) for n, finding in enumerate(report.findings, start=1))
    return [CompletionItem(n, help=text) for n, text in numbered if n.startswith(incomplete)]


@cli.command(help=_help_text(*SECTION_HELP["findings"]), short_help=SECTION_HELP["findings"][0])
@click.argument("number", required=False, type=int, metavar="[N]", shell_complete=_complete_finding)
@output_options
@click.pass_context
def findings(ctx: click.Context, /, number: int | None, **_: Any) -> None:
    _show(ctx, "findings", finding=number)


def _complete_group(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """The report's group ids. A shell puts what completion offers on the command line, so only
    ids that are plain words are offered (validation refuses any other): never one a shell
    would read as code, an option or more than one word."""
    from click.shell_completion import CompletionItem

    from reportinfo.validate import GROUP_ID

    report = _report_for_completion(ctx)
    if report is None:
        return []
    return [
        CompletionItem(g.id, help=g.heading)
        for g in report.groups
        if g.id.startswith(incomplete) and GROUP_ID.fullmatch(g.id)
    ]


@cli.command(
    "help-contacts",
    help=_help_text(*SECTION_HELP["help-contacts"]),
    short_help=SECTION_HELP["help-contacts"][0],
)
@click.option(
    "--for",
    "group",
    metavar="GROUP",
    shell_complete=_complete_group,
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
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True), metavar="[PATH]...")
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
    from reportinfo import loader
    from reportinfo.errors import DataError
    from reportinfo.render import hours_words

    _refuse_output_options(ctx, "output_format", "as_json", "fragment")
    targets: list[str | None] = list(paths)
    if not targets:
        targets = [_data_path(ctx)]
    for path in targets:
        if path == "":
            raise click.BadParameter("a PATH is empty: give a report file, or '-' for stdin")
        _refuse_terminal_stdin(ctx, path)
    invalid = False
    for path in targets:
        where = _describe_path(ctx, path, given=bool(paths))
        try:
            report = loader.load(path)
        except DataError as error:
            invalid = True
            if error.unreadable:
                from reportinfo import output

                output.error(f"{where}: {error.problems[0]}")
            else:
                from reportinfo.errors import shown

                # One line per problem, whatever the file holds: its values are escaped where
                # they are quoted, and each line is escaped once more as a whole.
                _write(
                    "\n".join(
                        shown(f"{where}: {problem}", limit=None) for problem in error.problems
                    )
                )
            continue
        _write(
            f"{where}: valid ({len(report.summary)} summary points, {len(report.findings)} "
            f"findings, {len(report.contacts)} contacts, {len(report.sources)} sources)"
        )
        warning = hours_words.bank_holidays_run_out(report, _now(ctx))
        if warning:
            from reportinfo import output

            output.error(f"{where}: {warning}")
    if invalid:
        ctx.exit(EXIT_DATA)


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
    from reportinfo import schema as report_schema

    _refuse_output_options(ctx, "data", "output_format", "as_json", "fragment")
    _write(report_schema.to_json())


# `reportinfo help format`: how to write a report file. The wheel carries the page in the
# package, beside the bundled report; an editable install reads it from the project's docs/.
FORMAT_TOPIC = "format"
FORMAT_PAGE = "data-format.md"


def _complete_help_topic(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """The commands that --help lists, and the format page."""
    from click.shell_completion import CompletionItem

    topics = [
        (name, command.get_short_help_str(limit=1000))
        for name, command in cli.commands.items()
        if not command.hidden
    ]
    topics.append((FORMAT_TOPIC, "How a report file is written: every key, and an example."))
    return [CompletionItem(name, help=text) for name, text in topics if name.startswith(incomplete)]


def _format_page() -> str:
    from reportinfo import loader

    data_dir = os.path.dirname(loader.bundled_path())
    for path in (
        os.path.join(data_dir, FORMAT_PAGE),
        os.path.join(os.path.dirname(data_dir), "docs", FORMAT_PAGE),
    ):
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as page:
                return page.read()
    raise Failure(f"the format page ({FORMAT_PAGE}) is not installed with reportinfo", EXIT_BUG)


@cli.command(
    "help", short_help="The same as running reportinfo alone: what it is and where help is."
)
@click.argument(
    "command", required=False, metavar="[COMMAND | format]", shell_complete=_complete_help_topic
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
    parent = ctx.find_root()
    if command is None:
        _show(ctx, "overview")
        return
    if command == FORMAT_TOPIC:
        for name in ("data", "output_format", "as_json", "fragment"):
            if _option(ctx, name) is not None:
                raise click.UsageError(
                    "'help format' takes no --data, --format, --json or --fragment.", ctx
                )
        _write(_format_page())
        return
    found = cli.get_command(parent, command)
    if found is None or found.name is None:
        from reportinfo.errors import shown
        from reportinfo.validate import closest

        close = closest(command, [*cli.list_commands(parent), FORMAT_TOPIC])
        hint = f" Did you mean '{close}'?" if close else ""
        raise click.UsageError(f"No such command '{shown(command)}'.{hint}", ctx)
    with ReportinfoContext(found, info_name=found.name, parent=parent) as sub:
        _write(found.get_help(sub))


def _show(ctx: click.Context, /, section: Section, **asked: Any) -> None:
    from reportinfo import output

    _check_options(ctx, asked)
    try:
        report = _load(ctx)
    except Failure as failure:  # a reader who came for help still gets the one line that matters
        if failure.exit_code != EXIT_DATA:
            raise
        from reportinfo.render import phrases

        raise Failure(f"{failure}. {phrases.AFTER_A_BAD_FILE}", EXIT_DATA) from None
    request = Request(
        now=_now(ctx),
        commands=_commands(ctx) if section == "overview" else (),
        sources_command=_sources_command(ctx),
        **asked,
    )
    request = _check_request(ctx, report, request)
    output_format = "json" if _option(ctx, "as_json") else _option(ctx, "output_format") or "text"
    request = request._replace(published=output_format in ("markdown", "html"))
    color = "never" if _option(ctx, "no_color") else _option(ctx, "color") or "auto"
    if output_format == "json":
        from reportinfo.render import jsonout

        ascii_only = not output.is_unicode(output.stdout_encoding())
        _write(jsonout.render(section, report, request, ascii_only=ascii_only))
        return
    from reportinfo.render import document

    built = document.BUILDERS[section](report, request)
    if built.notice:
        output.error(built.notice)
    if output_format == "markdown":
        from reportinfo.render import markdown

        _write(markdown.render(built))
        return
    if output_format == "html":
        from reportinfo.render import html

        _write(html.render(built, fragment=bool(_option(ctx, "fragment"))))
        return
    isatty = sys.stdout is not None and sys.stdout.isatty()
    display = output.choose_display(
        color, isatty=isatty, env=os.environ, pager=not _option(ctx, "no_pager")
    )
    if display.rich:
        from reportinfo.render import terminal

        _write(terminal.to_ansi(built, display), display.paging)
    else:
        from reportinfo.render import plain

        _write(plain.render(built))
        if built.warning:
            output.error(built.warning)


def _check_options(ctx: click.Context, /, asked: dict[str, Any]) -> None:
    """Options that cannot work together are a usage error, not silently ignored."""
    output_format = _option(ctx, "output_format")
    if _option(ctx, "as_json") and output_format not in (None, "json"):
        raise click.UsageError(f"--json and --format {output_format} cannot be used together.", ctx)
    if _option(ctx, "fragment") and output_format != "html":
        raise click.UsageError("--fragment works only with --format html.", ctx)
    if asked.get("box") and asked.get("group") is not None:
        raise click.UsageError(
            "--box and --for cannot be used together: the box always holds the main lines.", ctx
        )
    if asked.get("box") and (_option(ctx, "as_json") or output_format == "json"):
        raise click.UsageError(
            "--box has no JSON form; 'help-contacts --json' gives every contact and its group.",
            ctx,
        )


def _check_request(ctx: click.Context, /, report: Report, request: Request) -> Request:
    """The request, checked against the report: `--for` may name a group by its start."""
    if request.finding is not None and not 1 <= request.finding <= len(report.findings):
        count = len(report.findings)
        raise click.BadParameter(
            f"there is no finding {request.finding}; the report has {count} (1 to {count})",
            ctx=ctx,
            param_hint="'N'",
        )
    ids = [g.id for g in report.groups]
    if request.group is not None and request.group not in ids:
        from reportinfo.errors import shown
        from reportinfo.validate import closest

        starting = [i for i in ids if request.group and i.startswith(request.group)]
        if len(starting) == 1:
            return request._replace(group=starting[0])
        close = closest(request.group, ids)
        guesses = starting[:MOST_GROUPS_LISTED] or ([close] if close else [])
        quoted = " or ".join(f"'{guess}'" for guess in guesses)
        hint = f"Did you mean {quoted}? " if quoted else ""
        listed = ", ".join(ids[:MOST_GROUPS_LISTED])
        if len(ids) > MOST_GROUPS_LISTED:
            listed += f" and {len(ids) - MOST_GROUPS_LISTED:,} more"
        raise click.BadParameter(
            f"no group '{shown(request.group)}'. {hint}The groups are: {listed}",
            ctx=ctx,
            param_hint="'--for'",
        )
    return request


MOST_GROUPS_LISTED = 20  # in the message for an unknown --for: more is a wall of ids


def _commands(ctx: click.Context) -> tuple[tuple[str, str], ...]:
    root = ctx.find_root()
    return tuple(
        (name, cli.commands[name].get_short_help_str(limit=1000))
        for name in cli.list_commands(root)
    )


def _load(ctx: click.Context) -> Report:
    from reportinfo import loader
    from reportinfo.errors import DataError

    path = _data_path(ctx)
    try:
        return loader.load(path)
    except DataError as error:
        raise _data_problem(ctx, path, error) from None


def _data_problem(ctx: click.Context, /, path: str | None, error: DataError) -> Failure:
    where = _describe_path(ctx, path, given=False)
    more = len(error.problems) - 1
    command = f"reportinfo validate {_quoted(path)}" if path else "reportinfo validate"
    extra = f" (and {more} more: run '{command}')" if more else ""
    return Failure(f"{where}: {error.problems[0]}{extra}", EXIT_DATA)


def _data_path(ctx: click.Context) -> str | None:
    """The report file asked for: --data after the command, before it, or REPORTINFO_DATA."""
    path: str | None = _option(ctx, "data")
    if path == "":
        raise click.BadParameter(
            "is empty: give a report file, '-' for standard input, or leave --data out",
            ctx=ctx,
            param_hint="'--data'",
        )
    if path is None:
        path = os.environ.get(DATA_VARIABLE) or None  # empty means unset, as for most tools
    _refuse_terminal_stdin(ctx, path)
    return path


def _refuse_terminal_stdin(ctx: click.Context, /, path: str | None) -> None:
    """'-' with a terminal for standard input would wait in silence, as `cat` does: say so."""
    if path == "-" and sys.stdin is not None and sys.stdin.isatty():
        raise click.UsageError(
            "'-' reads a report from standard input, which is a terminal here; "
            "pipe a report file in, or redirect one with '< report.yaml'.",
            ctx,
        )


def _describe_path(ctx: click.Context, /, path: str | None, given: bool) -> str:
    """A path as errors name it, with where it came from when that is not obvious. A file name
    is the user's, but it can hold anything a file name can: it is shown escaped, in full."""
    from reportinfo.errors import shown

    if path is None:
        return "bundled report"
    named = "standard input" if path == "-" else shown(path, limit=None)
    if given:
        return named
    source = "--data" if _option(ctx, "data") is not None else DATA_VARIABLE
    return f"{named} (from {source})"


def _quoted(path: str) -> str:
    """A path as a shell would take it back, and escaped where it could not be shown as it is
    (then it cannot be pasted back as it is, either: no shell quoting shows a line break)."""
    import shlex

    from reportinfo.errors import shown

    return shown(shlex.quote(path), limit=None)


def _sources_command(ctx: click.Context) -> str:
    path = _data_path(ctx)
    if path is None or path == "-":
        return "reportinfo sources"
    return f"reportinfo --data {_quoted(path)} sources"


def _now(ctx: click.Context) -> datetime:
    """The current time; tests put a fixed datetime in the context object instead."""
    return ctx.find_object(datetime) or datetime.now(UTC)
