"""The ways people ask for help: the words they try for the help lines, `--help COMMAND`, and
`help COMMAND` or `help format` (how to write a report file).

Imported only when one of them is used: `cli` looks up an alias only for a word that is not a
command, and moves --help only when it is given.
"""

from __future__ import annotations

import os
from typing import cast

import click

from reportinfo import output
from reportinfo.exits import EXIT_BUG, Failure
from reportinfo.options import OutputChoice

# Words people try for the help lines. Each runs help-contacts, but none is listed in --help,
# the overview or completion: the list of commands stays short.
ALIASES = dict.fromkeys(
    ("helpline", "helplines", "phone", "numbers", "contacts", "support"), "help-contacts"
)

# `reportinfo help format`: how to write a report file. The wheel carries the page in the
# package, beside the bundled report; an editable install reads it from the project's docs/.
FORMAT_TOPIC = "format"
FORMAT_TOPIC_HELP = "How a report file is written: every key, and an example."
FORMAT_PAGE = "data-format.md"


def help_moved_after_command(
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


def show(ctx: click.Context, /, topic: str, choice: OutputChoice) -> None:
    """`reportinfo help TOPIC`: the format page, or a command's --help."""
    if topic == FORMAT_TOPIC:
        if choice.given("data", "output_format", "as_json", "fragment", "heading_level"):
            raise click.UsageError(
                "'help format' takes no --data, --format, --json, --fragment or --heading-level.",
                ctx,
            )
        output.write(_format_page())
        return
    parent = ctx.find_root()
    group = cast(click.Group, parent.command)
    found = group.get_command(parent, topic)
    if found is None or found.name is None:
        from reportinfo.errors import shown
        from reportinfo.validate import closest

        close = closest(topic, [*group.list_commands(parent), FORMAT_TOPIC])
        hint = f" Did you mean '{close}'?" if close else ""
        raise click.UsageError(f"No such command '{shown(topic)}'.{hint}", ctx)
    with found.context_class(found, info_name=found.name, parent=parent) as sub:
        output.write(found.get_help(sub))


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
