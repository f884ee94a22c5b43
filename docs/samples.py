"""The samples that cog writes into README.md and docs/*.md, run through the real commands.

    cog -r -I docs README.md docs/*.md        # rewrite them
    cog --check -I docs README.md docs/*.md   # fail if any is out of date (CI runs this)

A cog block imports this module and writes what a function returns, for example
`cog.out(samples.block("findings", "3"))`. Every sample is run at a fixed time, so that nothing
depends on the day the pages are generated.
"""

from __future__ import annotations

from datetime import UTC, datetime

from click.testing import CliRunner

from reportinfo.cli import EXIT_CODES, cli

# Wednesday 25 November 2026, 2pm in London: the weekday lines are open.
WEDNESDAY_AFTERNOON = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
# Direction isolates around numbers keep them whole beside right-to-left text. These pages have
# none, and hidden bidirectional characters in a page are flagged as a risk where it is shown.
ISOLATES = dict.fromkeys(range(0x2066, 0x206A))


def run(*args: str) -> str:
    """What `reportinfo ARGS...` prints to a pipe, 80 columns wide."""
    result = CliRunner().invoke(cli, list(args), obj=WEDNESDAY_AFTERNOON, env={"COLUMNS": "80"})
    if result.exit_code != 0:
        raise RuntimeError(f"reportinfo {' '.join(args)} failed: {result.output}")
    text: str = result.stdout
    return text.translate(ISOLATES)


def block(*args: str, lines: int | None = None) -> str:
    """A console block: the command, then its output (cut to `lines`, if given)."""
    out = run(*args).splitlines()
    if lines and len(out) > lines:
        out = [*out[:lines], "..."]
    return "\n".join(["```console", "$ reportinfo " + " ".join(args), *out, "```"]) + "\n"


def help_box() -> str:
    """The README's banner: the content note, then the tool's own box of help as Markdown, so
    the two always give the same lines. Each line of the box is a paragraph of its own."""
    from reportinfo import loader

    note = loader.load().content_note.text
    box = run("help-contacts", "--box", "--format", "markdown").splitlines()
    quoted = [f"> **Content note.** {note}", ">", *(f"> {line}".rstrip() for line in box)]
    quoted += [
        ">",
        "> `reportinfo help-contacts` lists every contact, who it is for, and its hours.",
    ]
    return "\n".join(quoted) + "\n"


def every_help() -> str:
    """`reportinfo --help` and each listed command's --help."""
    listed = [[name] for name, command in cli.commands.items() if not command.hidden]
    return "".join(block(*command, "--help") for command in [[], *listed])


def exit_codes() -> str:
    rows = [f"| {code} | {text} |" for code, text in EXIT_CODES]
    return "\n".join(["| code | meaning |", "| --- | --- |", *rows]) + "\n"
