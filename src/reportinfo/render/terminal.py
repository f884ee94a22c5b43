"""The report as rich renderables for a terminal. The only module that imports rich.

Every string from the data goes into a `Text` object, never through rich's markup, emoji or
highlighting, so a report file cannot style or control the terminal.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from datetime import datetime

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.text import Text

from reportinfo.model import Channel, Contact, Report, Source
from reportinfo.output import Display
from reportinfo.render import Section, phrases

HEADING = Style(bold=True)
NOTE = Style(italic=True)
QUIET = Style(dim=True)
NUMBER = Style(bold=True, color="cyan")
EMERGENCY = Style(bold=True, color="red")
OPEN = Style(color="green")
CLOSED = Style(color="yellow")


def render(section: Section, report: Report, now: datetime, hyperlinks: bool) -> RenderableType:
    links = _Links(hyperlinks)
    if section == "summary":
        return _summary(report, links)
    if section == "findings":
        return _findings(report)
    if section == "help-contacts":
        return _contacts(report, now, links)
    return _sources(report, links)


def to_ansi(renderable: RenderableType, display: Display) -> str:
    """Render to a string of text and ANSI codes, for `output.write` to print."""
    console = _console(display)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


def to_svg(renderable: RenderableType, display: Display, title: str) -> str:
    """Render to an SVG picture of a terminal, for the README's screenshots."""
    console = _console(display, record=True)
    console.print(renderable)
    return console.export_svg(title=title)


def _console(display: Display, record: bool = False) -> Console:
    # Every decision is made here from `display`, never from rich's own reading of the
    # environment, and nothing from the data is read as markup, emoji codes or highlighting.
    return Console(
        file=_Buffer(display.encoding),
        width=display.width,
        force_terminal=True,
        force_interactive=False,
        force_jupyter=False,
        color_system="standard" if display.color else None,
        no_color=not display.color,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        record=record,
    )


class _Buffer(io.StringIO):
    """A string buffer that tells rich the real output encoding, so that rich keeps to ASCII
    where the terminal cannot show more (an ellipsis, say)."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


class _Links:
    """Styles for phone numbers and web addresses: links where the terminal supports them."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def phone(self, number: str) -> Style:
        digits = number.replace(" ", "")
        if digits.startswith("0") and len(digits) > 4:  # a UK number: tel: wants +44
            digits = "+44" + digits[1:]
        return NUMBER + Style(link=f"tel:{digits}" if self.enabled else None)

    def web(self, address: str) -> Style:
        url = address if address.startswith(("http://", "https://")) else f"https://{address}"
        return Style(underline=True, link=url if self.enabled else None)

    def email(self, address: str) -> Style:
        return Style(underline=True, link=f"mailto:{address}" if self.enabled else None)

    def channel(self, channel: Channel) -> Style:
        return {"phone": self.phone, "web": self.web, "email": self.email}[channel.kind](
            channel.value
        )


class _Paragraph:
    """Text wrapped at spaces, never inside the `keep` phrases, with an optional hanging label.

    Phone numbers contain spaces, so rich's own word wrapping could break one across two lines.
    The label ("1. ", "• ") stands before the first line and the rest are indented to match.
    """

    def __init__(self, text: Text, keep: Iterable[str] = (), label: str = "") -> None:
        self.text = text
        self.label = label
        shadow = text.plain
        for phrase in keep:  # hide the spaces inside each phrase from the word splitter
            shadow = shadow.replace(phrase, phrase.replace(" ", "\0"))
        self.words = [word.span() for word in re.finditer(r"\S+", shadow)]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        indent = cell_len(self.label)
        width = max(1, options.max_width - indent)
        plain, breaks, column, previous_end = self.text.plain, [], 0, 0
        for start, end in self.words:
            length = cell_len(plain[start:end])
            gap = cell_len(plain[previous_end:start]) if column else 0
            if column and column + gap + length > width:
                breaks.append(start)
                column = length
            else:
                column += gap + length
            previous_end = end
        for number, line in enumerate(self.text.divide(breaks)):
            line.rstrip()
            if indent:
                prefix = Text(self.label, style=NUMBER) if number == 0 else Text(" " * indent)
                line = Text.assemble(prefix, line)
            yield line


def _footer(report: Report) -> RenderableType:
    keep = [*_phones(report), phrases.CONTACTS_COMMAND]
    return _Paragraph(Text(phrases.help_footer(report), style=HEADING), keep)


def _phones(report: Report) -> list[str]:
    return [ch.value for c in report.contacts for ch in c.channels if ch.kind == "phone"]


def _content_note(report: Report) -> Text:
    return Text(phrases.content_note(report), style=NOTE)


def _summary(report: Report, links: _Links) -> RenderableType:
    about = report.report
    facts = [
        _Paragraph(Text.assemble((f"{label}: ", QUIET), value))
        for label, value in (
            ("Period covered", f"{about.period.start} to {about.period.end}"),
            ("Recommendations", str(about.recommendations)),
            ("Scale", about.scale),
        )
    ]
    link = report.source(about.link)
    published = Text.assemble(("Report as published: ", QUIET), (link.url, links.web(link.url)))
    if link.note:
        published.append(f"\n{link.note}", style=QUIET)
    return Group(
        _content_note(report),
        Text(""),
        Text(about.title, style=HEADING),
        Text(phrases.described_report(report)),
        Text(""),
        *facts,
        Text(""),
        Text("In brief", style=HEADING),
        *(_Paragraph(Text(point.text), label="• ") for point in report.summary),
        Text(""),
        published,
        Text(""),
        _footer(report),
    )


def _findings(report: Report) -> RenderableType:
    return Group(
        _content_note(report),
        Text(""),
        Text(f"Key findings: {report.report.title}", style=HEADING),
        Text(""),
        _numbered([finding.text for finding in report.findings]),
        Text(""),
        _footer(report),
    )


def _numbered(items: list[str]) -> RenderableType:
    """A numbered list with hanging indents and a blank line between items."""
    width = len(str(len(items))) + 1
    paragraphs: list[RenderableType] = []
    for number, item in enumerate(items, 1):
        paragraphs += [_Paragraph(Text(item), label=f"{number}.".rjust(width) + " "), Text("")]
    return Group(*paragraphs[:-1])


def _contacts(report: Report, now: datetime, links: _Links) -> RenderableType:
    parts: list[RenderableType] = []
    emergency = phrases.emergency_line(report)
    if emergency:
        parts += [_Paragraph(Text(emergency, style=EMERGENCY), _phones(report)), Text("")]
    for contact in report.contacts:
        if not contact.emergency:
            parts += [_contact(contact, now, links, _phones(report)), Text("")]
    parts.append(Text(phrases.HOURS_CAVEAT, style=QUIET))
    return Group(*parts)


def _contact(contact: Contact, now: datetime, links: _Links, phones: list[str]) -> RenderableType:
    details: list[RenderableType] = [Text(contact.who)]
    for channel in contact.channels:
        line = Text.assemble(
            (phrases.channel_label(channel), QUIET), ": ", (channel.value, links.channel(channel))
        )
        details.append(_Paragraph(line, [channel.value]))
        when = _when(channel, now)
        if when.plain:
            details.append(Padding(when, (0, 0, 0, 2), expand=False))
    if contact.cost:
        details.append(_Paragraph(Text(f"Cost: {contact.cost}"), phones))
    details.append(Text(phrases.contact_checked(contact), style=QUIET))
    return Group(
        Text(contact.name, style=HEADING), Padding(Group(*details), (0, 0, 0, 2), expand=False)
    )


def _when(channel: Channel, now: datetime) -> Text:
    """The channel's hours, then whether it is open now: green when open, yellow when closed."""
    when = Text(phrases.channel_hours(channel) or "")
    line = phrases.channel_line_status(channel, now)
    if line is not None:
        from reportinfo import hours

        if when.plain:
            when.append(" ")
        when.append(f"{hours.describe(line, now)}.", style=OPEN if line.open else CLOSED)
    return when


def _sources(report: Report, links: _Links) -> RenderableType:
    parts: list[RenderableType] = [Text("Sources", style=HEADING), Text("")]
    for source in report.sources:
        parts += [_source(source, links), Text("")]
    return Group(*parts[:-1])


def _source(source: Source, links: _Links) -> RenderableType:
    published = source.publisher + (f", {source.date}" if source.date else "")
    lines: list[RenderableType] = [
        Text.assemble((source.title, HEADING), (f"  [{source.id}]", QUIET)),
        Text(published),
        Text(source.url, style=links.web(source.url)),
    ]
    if source.checked:
        lines.append(Text(f"Checked {phrases.long_date(source.checked)}", style=QUIET))
    if source.note:
        lines.append(Text(f"Note: {source.note}"))
    return Group(*lines)
