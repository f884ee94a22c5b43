"""The options that work before or after the command, and `OutputChoice`: them, read once.

`reportinfo --json summary` and `reportinfo summary --json` mean the same. Each option defaults
to None, so that `OutputChoice.read` can tell a value given after the command (which wins) from
one given before it, and an option given from one left out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

import click

from reportinfo.render import FORMATS, Format

DATA_VARIABLE = "REPORTINFO_DATA"

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem


class ReportPath(click.ParamType):  # type: ignore[type-arg]  # generic in newer click
    """A report file's path, or '-' for standard input, taken as typed: the loader says what is
    wrong with it, as a data error (exit 1) with the 999 line. click.Path would refuse a file it
    cannot read as a usage error (exit 2) instead, and its name, translated, costs a
    millisecond of every start."""

    name = "path"

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        from click.shell_completion import CompletionItem

        return [CompletionItem(incomplete, type="file")]  # the shell completes file names


REPORT_PATH = ReportPath()


def output_options(command: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option(
            "--data",
            type=REPORT_PATH,
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
        click.option(
            "--heading-level",
            type=click.IntRange(1, 6),
            metavar="N",
            help="With --format markdown or html: the level of the first heading, to fit the "
            "page it goes into (default 2; 1 for a whole HTML page).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


class OutputChoice(NamedTuple):
    """The options above as given, after the command or else before it; None: not given.
    Each field is named as its click parameter is."""

    data: str | None = None  # --data PATH
    output_format: Format | None = None  # --format
    as_json: bool | None = None  # --json
    color: str | None = None  # --color auto|always|never
    no_color: bool | None = None
    no_pager: bool | None = None
    fragment: bool | None = None
    heading_level: int | None = None  # --heading-level N

    @classmethod
    def read(cls, ctx: click.Context) -> OutputChoice:
        def value(name: str) -> Any:
            for level in (ctx, ctx.parent):
                if level is not None and level.params.get(name) is not None:
                    return level.params[name]
            return None

        return cls(*map(value, cls._fields))

    @property
    def format(self) -> Format:
        return "json" if self.as_json else self.output_format or "text"

    @property
    def colour(self) -> str:
        return "never" if self.no_color else self.color or "auto"

    def given(self, *names: str) -> bool:
        return any(getattr(self, name) is not None for name in names)

    def refuse(self, ctx: click.Context, /, *names: str) -> None:
        """Options given before a command that has no use for them are a usage error."""
        for param in ctx.parent.command.params if ctx.parent else ():
            if param.name in names and self.given(str(param.name)):
                flag = param.opts[0]  # as the user typed it: --format, not output_format
                raise click.UsageError(f"{flag} does not apply to '{ctx.info_name}'.", ctx)

    def check(self, ctx: click.Context, /) -> None:
        """Options that cannot work together are a usage error, not silently ignored."""
        if self.as_json and self.output_format not in (None, "json"):
            raise click.UsageError(
                f"--json and --format {self.output_format} cannot be used together.", ctx
            )
        if self.fragment and self.output_format != "html":
            raise click.UsageError("--fragment works only with --format html.", ctx)
        if self.heading_level is not None and self.format not in ("markdown", "html"):
            raise click.UsageError(
                "--heading-level works only with --format markdown or --format html.", ctx
            )
