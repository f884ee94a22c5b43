"""Shell completion: the script a shell sources, and what it offers, through the one write path.

Imported only when a shell asks (`_REPORTINFO_COMPLETE` is set, or a completion callback runs),
so no other run loads `click.shell_completion`. click would write the script and the
completions itself, where a full disk would end as an unexpected error; here it is exit 3 with
one line, as for any other output.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, MutableMapping
from typing import TYPE_CHECKING, Any, NoReturn, cast

import click
from click.shell_completion import CompletionItem, get_completion_class

from reportinfo import output
from reportinfo.exits import EXIT_OK, EXIT_USAGE, Failure

if TYPE_CHECKING:
    from reportinfo.model import Report


def answer(
    command: click.Command, ctx_args: MutableMapping[str, Any], prog_name: str, variable: str
) -> NoReturn:
    """Write what the shell asked for in `variable` (`bash_source`, `zsh_complete`, ...)."""
    shell, _, instruction = os.environ.get(variable, "").partition("_")
    completion_class = get_completion_class(shell)
    if completion_class is None or instruction not in ("source", "complete"):
        raise Failure(
            f"{variable}={shell}_{instruction} is not a completion request; use "
            f"bash_source, zsh_source or fish_source",
            EXIT_USAGE,
        )
    completion = completion_class(command, ctx_args, prog_name, variable)
    if instruction == "source":
        output.write(completion.source())
    elif _request_is_whole(shell):
        output.write(completion.complete())
    else:
        output.write("")  # the shell's own variables are odd: no completions, not an error
    sys.exit(EXIT_OK)


def _request_is_whole(shell: str) -> bool:
    """Whether the shell set what click reads for a completion: the words typed so far, and
    which of them is being completed (a number, but for fish: the word itself). click reads
    them with int() and os.environ[...], so an odd or missing value would end as a bug."""
    if "COMP_WORDS" not in os.environ or "COMP_CWORD" not in os.environ:
        return False
    return shell == "fish" or output.env_number(os.environ, "COMP_CWORD", 9999) is not None


def _report(ctx: click.Context) -> Report | None:
    """The report in use, or None when it cannot be loaded: completion offers nothing then."""
    from reportinfo import datafile
    from reportinfo.options import OutputChoice

    choice = OutputChoice.read(ctx)
    try:
        return datafile.load(choice, datafile.path(ctx, choice))
    except (Failure, click.ClickException):  # datafile.load makes a DataError a Failure
        return None


def finding(ctx: click.Context, incomplete: str) -> list[CompletionItem]:
    """The finding numbers, 1 to N, each with its text for shells that show one."""
    report = _report(ctx)
    if report is None:
        return []
    numbered = ((str(n), finding.text) for n, finding in enumerate(report.findings, start=1))
    return [CompletionItem(n, help=text) for n, text in numbered if n.startswith(incomplete)]


def group(ctx: click.Context, incomplete: str) -> list[CompletionItem]:
    """The report's group ids. A shell puts what completion offers on the command line, so only
    ids that are plain words are offered (validation refuses any other): never one a shell
    would read as code, an option or more than one word."""
    from reportinfo.validate import GROUP_ID

    report = _report(ctx)
    if report is None:
        return []
    return [
        CompletionItem(g.id, help=g.heading)
        for g in report.groups
        if g.id.startswith(incomplete) and GROUP_ID.fullmatch(g.id)
    ]


def help_topic(ctx: click.Context, incomplete: str) -> list[CompletionItem]:
    """The commands that --help lists, and the format page."""
    from reportinfo.topics import FORMAT_TOPIC, FORMAT_TOPIC_HELP

    root = cast(click.Group, ctx.find_root().command)
    topics = [
        (name, command.get_short_help_str(limit=1000))
        for name, command in root.commands.items()
        if not command.hidden
    ]
    topics.append((FORMAT_TOPIC, FORMAT_TOPIC_HELP))
    return [CompletionItem(name, help=text) for name, text in topics if name.startswith(incomplete)]


COMPLETERS: dict[str, Callable[[click.Context, str], list[CompletionItem]]] = {
    "finding": finding,
    "group": group,
    "help topic": help_topic,
}
