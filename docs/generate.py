"""Generate the man pages, the JSON Schema and the terminal pictures from the code and docs.

    python docs/generate.py          # rewrite man/, schema/ and docs/*.svg
    python docs/generate.py --check  # exit 1 if any of them is out of date (CI runs this)

Output never depends on today's date: the pictures use a fixed clock, and the man pages take
their date from the newest release in CHANGELOG.md. reportinfo(1) is built from the commands'
help; reportinfo-report(5), the file format, from docs/data-format.md (the page that
`reportinfo help format` prints), so the two forms of that page always say the same.
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, NamedTuple

import click

from reportinfo import __version__, loader, schema
from reportinfo.cli import DATA_VARIABLE, DEBUG_VARIABLE, EXIT_CODES, cli
from reportinfo.model import Report
from reportinfo.output import Display
from reportinfo.render import Request, content, document, phrases, terminal

ROOT = Path(__file__).resolve().parents[1]
# Wednesday 25 November 2026, 2pm in London: the weekday lines are open.
PICTURE_CLOCK = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)


class Picture(NamedTuple):
    section: Literal["help-contacts", "findings"]
    light: bool = False  # a light terminal (the default on macOS), not a dark one
    group: str | None = None  # help-contacts --for GROUP


# Each section on a dark terminal and on a light one, and the README's one short picture: what
# someone who is struggling is offered.
PICTURES = {
    "docs/help-contacts.svg": Picture("help-contacts"),
    "docs/findings.svg": Picture("findings"),
    "docs/help-contacts-light.svg": Picture("help-contacts", light=True),
    "docs/findings-light.svg": Picture("findings", light=True),
    "docs/help-contacts-struggling.svg": Picture("help-contacts", group="struggling"),
}


def pictures() -> dict[str, str]:
    report = loader.load()
    display = Display(rich=True, color=True, hyperlinks=False, width=88, encoding="utf-8")
    pictures = {}
    for path, picture in PICTURES.items():
        build = document.BUILDERS[picture.section]
        built = build(report, Request(now=PICTURE_CLOCK, group=picture.group))
        title = f"reportinfo {picture.section}"
        if picture.group:
            title += f" --for {picture.group}"
        pictures[path] = terminal.to_svg(built, display, title=title, light=picture.light)
    return pictures


def release_date() -> str:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    found = re.search(r"^## \[[^\]]+\] - ([0-9]{4}-[0-9]{2}-[0-9]{2})", changelog, re.MULTILINE)
    if not found:
        sys.exit("CHANGELOG.md has no released version with a date")
    return found.group(1)


def roff(text: str) -> str:
    """Escape text for roff: backslashes, leading dots and quotes, and hyphens; and keep each
    phone number on one line with unpaddable spaces."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = re.sub(r"[^\x00-\x7f]", lambda char: f"\\[u{ord(char.group()):04X}]", text)
    text = re.sub(r"[0-9]++(?: [0-9]++)+", lambda number: number.group().replace(" ", "\\ "), text)
    return "\n".join(
        "\\&" + line if line.startswith((".", "'")) else line for line in text.split("\n")
    )


def help_paragraphs(help_text: str) -> list[str]:
    """click's help text as roff: plain paragraphs filled, \\b blocks kept as written."""
    out = []
    for paragraph in inspect.cleandoc(help_text).split("\n\n"):
        if paragraph.startswith("\b\n"):
            out += [".PP", ".nf", ".RS 4", roff(click.unstyle(paragraph[2:])), ".RE", ".fi"]
        else:
            out += [".PP", roff(" ".join(paragraph.split()))]
    return out


def options(command: click.Command, ctx: click.Context) -> list[str]:
    out = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record:
            names, text = record
            out += [".TP", f"\\fB{roff(names)}\\fR", roff(text)]
    return out


def _signposts(report: Report) -> tuple[content.Signpost, ...]:
    """Each need's main line, as every section ends with it (the clock chooses nothing here:
    only the lines' names and numbers are used)."""
    return content.overview(report, Request(now=PICTURE_CLOCK)).help.signposts


def man_page() -> str:
    report = loader.load()
    ctx = click.Context(cli, info_name="reportinfo")
    closing = [
        *(roff(f"{phrases.emergency_lead(c)} {c.channels[0].value}.") for c in report.emergency),
        *(roff(str(signpost.words())) for signpost in _signposts(report)),
    ]
    group_help = inspect.cleandoc(cli.help or "").split("\n\n")
    lines = [
        f'.TH REPORTINFO 1 {release_date()} "reportinfo {__version__}" "User Commands"',
        ".nh",  # no hyphenation: words and numbers stay whole
        ".SH NAME",
        "reportinfo \\- " + roff(" ".join(group_help[0].split())),
        ".SH SYNOPSIS",
        ".B reportinfo",
        "[\\fB\\-\\-data\\fR \\fIPATH\\fR] [\\fICOMMAND\\fR] [\\fIOPTIONS\\fR]",
        ".SH DESCRIPTION",
        ".PP",
        roff(phrases.content_note(report)),
        *(line for text in closing for line in (".br", text)),
        ".br",
        "For every contact and its hours, run \\fBreportinfo help\\-contacts\\fR.",
        *help_paragraphs("\n\n".join(group_help[1:])),
        ".SH OPTIONS",
        *options(cli, ctx),
        ".SH COMMANDS",
    ]
    for name in cli.list_commands(ctx):
        command = cli.commands[name]
        sub = click.Context(command, info_name=name, parent=ctx)
        lines += [".SS " + roff(f"reportinfo {name} {' '.join(command.collect_usage_pieces(sub))}")]
        lines += help_paragraphs(command.help or "")
        lines += options(command, sub)
    lines += [
        ".SH ENVIRONMENT",
        ".TP",
        f"\\fB{DATA_VARIABLE}\\fR",
        "A report file to read instead of the bundled one. Empty means unset.",
        ".TP",
        "\\fBNO_COLOR\\fR",
        "When set and not empty, no colour (as \\-\\-color never). Wins over the variables below.",
        ".TP",
        "\\fBCLICOLOR_FORCE\\fR, \\fBFORCE_COLOR\\fR",
        "When set and not empty or 0, colour even in a pipe.",
        ".TP",
        "\\fBCLICOLOR\\fR",
        "0: no colour on a terminal.",
        ".TP",
        "\\fBTERM\\fR",
        "\\fBdumb\\fR gives plain text.",
        ".TP",
        "\\fBCOLUMNS\\fR",
        "The width to lay out for, on a terminal (at least 20; 0 or not a number: the "
        "terminal's own width).",
        ".TP",
        "\\fBFORCE_HYPERLINK\\fR",
        "1 or 0: turn terminal hyperlinks on or off.",
        ".TP",
        f"\\fB{DEBUG_VARIABLE}\\fR",
        "1: show the traceback of an unexpected error instead of one line.",
        ".SH EXIT STATUS",
        *(
            line
            for code, text in EXIT_CODES
            for line in (".TP", str(code), roff(f"{text[0].upper()}{text[1:]}."))
        ),
        ".SH FILES",
        "The report file format is described in \\fBreportinfo\\-report\\fR(5), which",
        "\\fBreportinfo help format\\fR also prints, and by the JSON Schema that",
        "\\fBreportinfo schema\\fR prints.",
        ".SH SEE ALSO",
        "\\fBreportinfo\\-report\\fR(5).",
        "The report's facts and where each was checked: \\fBreportinfo sources\\fR.",
    ]
    return "\n".join(lines) + "\n"


def inline(text: str) -> str:
    """A line of Markdown as roff: escaped, with `code` in bold."""
    return re.sub(r"`([^`]+)`", r"\\fB\1\\fR", roff(text))


def markdown_to_roff(markdown: str) -> list[str]:
    """The Markdown that docs/data-format.md uses, as man(7) requests: headings, paragraphs,
    lists, fenced code, and tables (each row a tagged paragraph: man pages have no tables
    without tbl). Not a general converter: a construct it does not know fails here."""
    lines: list[str] = []
    blocks = re.split(r"\n{2,}(?=[^ ])", markdown.strip())
    at = 0
    while at < len(blocks):
        block = blocks[at]
        at += 1
        if block.startswith("```"):
            while block.count("```") < 2:  # a code block with blank lines in it
                block += "\n\n" + blocks[at]
                at += 1
            code = block.split("\n")[1:-1]
            escaped = (roff(line) if line else ".sp" for line in code)
            lines += [".PP", ".RS 4", ".nf", *escaped, ".fi", ".RE"]
        elif block.startswith("# "):
            continue  # the title: the page's NAME says it
        elif block.startswith("## "):
            heading = block[3:].replace("`", "")
            lines += [".SH " + roff(heading.upper())]
        elif block.startswith("| "):
            rows = [
                [cell.strip() for cell in row.strip("|").split(" | ")] for row in block.split("\n")
            ]
            header, body = rows[0], rows[2:]
            for row in body:
                details = "; ".join(
                    f"{name}: {cell}" for name, cell in zip(header[1:-1], row[1:-1], strict=True)
                )
                lines += [".TP", inline(f"{row[0]} ({details})"), inline(row[-1])]
        elif block.startswith("- "):
            for item in re.split(r"\n(?=- )", block):
                lines += [".IP \\(bu 2", inline(" ".join(item[2:].split()))]
        else:
            if block.startswith(("#", ">", "*", "1.", "<")):
                raise ValueError(f"{FORMAT_SOURCE}: no man page form for: {block[:40]!r}")
            lines += [".PP", inline(" ".join(block.split()))]
    return lines


FORMAT_SOURCE = "docs/data-format.md"


def format_page() -> str:
    """reportinfo-report(5): the report file format, from docs/data-format.md."""
    markdown = (ROOT / FORMAT_SOURCE).read_text(encoding="utf-8")
    lines = [
        f'.TH REPORTINFO\\-REPORT 5 {release_date()} "reportinfo {__version__}" "File Formats"',
        ".nh",
        ".SH NAME",
        "reportinfo\\-report \\- the report file that reportinfo reads",
        ".SH DESCRIPTION",
        *markdown_to_roff(markdown),
        ".SH SEE ALSO",
        "\\fBreportinfo\\fR(1).",
        "\\fBreportinfo help format\\fR prints this page as Markdown;",
        "\\fBreportinfo schema\\fR prints the JSON Schema;",
        "\\fBreportinfo validate\\fR checks a file.",
    ]
    return "\n".join(lines) + "\n"


def outputs() -> dict[str, str]:
    return {
        "man/reportinfo.1": man_page(),
        "man/reportinfo-report.5": format_page(),
        "schema/report.schema.json": schema.to_json(),
        **pictures(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Generate the man page and README pictures.")
    parser.add_argument("--check", action="store_true", help="fail if anything is out of date")
    check = parser.parse_args().check
    stale = []
    for relative, text in outputs().items():
        path = ROOT / relative
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(relative)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {relative}")
    if stale:
        sys.exit(f"out of date: {', '.join(stale)}; run: python docs/generate.py")


if __name__ == "__main__":
    main()
