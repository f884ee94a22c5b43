"""Renderers: each turns the model into one output format and returns it; none prints.

The one list of what can be shown is `SECTIONS` below. What each section says is decided once,
in `content.CONTENT` (which findings, contacts and lines, each line's link and status now), and
shown by two views of that one record: `document.BUILDERS` (as blocks, for every text format)
and `jsonout.VIEWS` (its JSON shape), typed tables that mypy checks. The text formats then lay
the blocks out:

- `plain`: text for pipes and files, one block per line, never wrapped.
- `terminal`: rich text for a terminal (the only module that imports rich).
- `markdown`: CommonMark to paste into a CMS, a README or an email.
- `html`: a complete page, or a fragment to paste into one.

`phrases` holds every sentence the formats share, so that all of them say the same thing.
"""

from datetime import datetime
from typing import Literal, NamedTuple

Section = Literal["overview", "summary", "findings", "help-contacts", "sources"]
SECTIONS: tuple[Section, ...] = ("overview", "summary", "findings", "help-contacts", "sources")

Format = Literal["text", "json", "markdown", "html"]
FORMATS: tuple[Format, ...] = ("text", "json", "markdown", "html")


class Request(NamedTuple):
    """What was asked for, besides the section: everything a renderer may depend on."""

    now: datetime
    group: str | None = None  # help-contacts --for GROUP: one group only
    finding: int | None = None  # findings N: one finding only, counted from 1
    commands: tuple[tuple[str, str], ...] = ()  # the overview's list: (name, purpose)
    sources_command: str = "reportinfo sources"  # how to list the sources of the file in use
    box: bool = False  # help-contacts --box: the short box to end an article with
    # Markdown and HTML: read long after they are made, so they give hours, never "open now",
    # and name no command to run.
    published: bool = False
