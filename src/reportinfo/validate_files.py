"""`reportinfo validate`: check report files and print every problem in them, one per line."""

from __future__ import annotations

from datetime import datetime

import click

from reportinfo import datafile, loader, output
from reportinfo.errors import DataError, shown
from reportinfo.exits import EXIT_DATA
from reportinfo.options import OutputChoice
from reportinfo.render import hours_words


def run(ctx: click.Context, /, paths: tuple[str, ...], now: datetime) -> None:
    """Each file's problems, or that it is valid; exit 1 if any file is not."""
    choice = OutputChoice.read(ctx)
    choice.refuse(ctx, "output_format", "as_json", "fragment", "heading_level")
    targets: list[str | None] = list(paths) or [datafile.path(ctx, choice)]
    for path in targets:
        if path == "":
            raise click.BadParameter("a PATH is empty: give a report file, or '-' for stdin")
        datafile.refuse_terminal_stdin(ctx, path)
    invalid = False
    for path in targets:
        where = datafile.describe(path, None if paths else choice)
        try:
            report = loader.load(path, fresh=True)  # the bundled file too: read and checked now
        except DataError as error:
            invalid = True
            if error.unreadable:
                output.error(f"{where}: {error.problems[0]}")
            else:
                # One line per problem, whatever the file holds: its values are escaped where
                # they are quoted, and each line is escaped once more as a whole.
                output.write(
                    "\n".join(
                        shown(f"{where}: {problem}", limit=None) for problem in error.problems
                    )
                )
            continue
        output.write(
            f"{where}: valid ({len(report.summary)} summary points, {len(report.findings)} "
            f"findings, {len(report.contacts)} contacts, {len(report.sources)} sources)"
        )
        warning = hours_words.bank_holidays_run_out(report, now)
        if warning:
            output.error(f"{where}: {warning}")
    if invalid:
        ctx.exit(EXIT_DATA)
