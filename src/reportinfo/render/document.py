"""Each section as a small document of blocks and spans, for every text format: what
`content` decided the section says, laid out.

A `Document` is a list of parts separated by blank lines; a part is a list of blocks (a heading,
a paragraph, a list item); a block is a list of spans. A span says what its text is: a phone
number (never split across lines, a `tel:` link where links are made), a web or email address,
a command, or open/closed status. The plain, terminal, Markdown and HTML renderers each lay the
same document out, so they all show the same things, and none can drop what another shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Literal, NamedTuple

from reportinfo.model import ChannelKind, Contact, Report, Statement
from reportinfo.render import Request, Section, content, links, phrases
from reportinfo.render.content import Entry, Help, Line
from reportinfo.render.links import channel_target, dialled, tel_target

SpanKind = Literal[
    "text",
    "strong",
    "label",
    "phone",
    "email",
    "web",
    "command",
    "open",
    "closed",
    "unsure",
    "reference",  # " [1]": the number of a source in the list that ends the section
]
BlockKind = Literal[
    "title", "heading", "subheading", "paragraph", "note", "warning", "emergency", "item", "quiet"
]


class Span(NamedTuple):
    text: str
    kind: SpanKind = "text"
    target: str | None = None  # where a phone number, email or web address links to


class Block(NamedTuple):
    kind: BlockKind
    spans: tuple[Span, ...]
    label: str = ""  # an item's marker: "1.", "-", "$" (a command line), or a command's name
    indent: int = 0  # 1: a detail of the heading above it

    @property
    def list_kind(self) -> Literal["numbered", "bullet", "named"] | None:
        """For an item: numbered ("1."), a bullet ("-", "$"), or named (a command's name)."""
        if self.kind != "item":
            return None
        if self.label[:1].isdigit():
            return "numbered"
        return "bullet" if self.label in ("-", "$") else "named"

    @property
    def number(self) -> int:
        return int(self.label.rstrip(".)"))


Part = tuple[Block, ...]


# How far below the document's top heading each kind of heading sits.
HEADING_RANKS: dict[BlockKind, int] = {"title": 0, "heading": 1, "subheading": 2}


def heading_levels(document: Document, first: int) -> dict[BlockKind, int]:
    """The level of each kind of heading when the document's top heading is at `first` (a
    page's <h1>; a fragment's <h2>, under the title of the page it is pasted into), at most 6."""
    ranks = (
        HEADING_RANKS[b.kind] for part in document.parts for b in part if b.kind in HEADING_RANKS
    )
    top = min(ranks, default=0)
    return {kind: min(6, first + rank - top) for kind, rank in HEADING_RANKS.items()}


# Whether a line is open now: true when printed, stale once published. Formats made to be
# pasted into an article or a page leave these spans out.
STATUS_KINDS = frozenset({"open", "closed", "unsure"})


class Document(NamedTuple):
    title: str  # for formats that have one: the HTML page title
    parts: tuple[Part, ...]
    warning: str | None = None  # shown first on a terminal; to standard error when piped
    # For the person running the tool only, never in the output: the box is pasted as it is.
    notice: str | None = None
    # The contacts whose lines the document links to, for a page's structured data.
    contacts: tuple[Contact, ...] = ()


# Digit groups joined by single spaces, as phone numbers are written: "0808 800 5000", "116 123".
# ASCII digits only: a look-alike digit from another script must never reach a tel: link. The
# lookbehind and possessive groups keep the search linear on a long run of digits.
_NUMBER = re.compile(r"(?<![0-9+])\+?[0-9]++(?: [0-9]++)+")


def prose(words: str) -> list[Span]:
    """Text from the data as spans, with any phone number in it made one span, so that no
    format can split it. None is a link here: `_link_own_numbers` links the report's own."""
    spans, at = [], 0
    for found in _NUMBER.finditer(words):
        if found.start() > at:
            spans.append(Span(words[at : found.start()]))
        spans.append(Span(found.group(), "phone"))
        at = found.end()
    if at < len(words):
        spans.append(Span(words[at:]))
    return spans


def text(*spans: Span | str) -> tuple[Span, ...]:
    return tuple(piece for s in spans for piece in (prose(s) if isinstance(s, str) else [s]))


def block(kind: BlockKind, *spans: Span | str, label: str = "", indent: int = 0) -> Block:
    return Block(kind, text(*spans), label, indent)


def safe_target(span: Span) -> str | None:
    """The span's link target, if it has the shape of a link the tool writes; else None. A
    target of any other shape (a script, a header in a mailto:, a space) is never written."""
    return links.safe(span.target)


# Longer than this, an address is no name for a link: it is read out slash by slash, and it
# cannot wrap in a narrow column.
LONGEST_LINK_TEXT = 60


def link_words(span: Span) -> str:
    """What a web link reads as where links are made: the address as written, or, if that is
    long, its site's name (the host without "www."); the page or title beside it says which."""
    words = span.text.strip()
    if span.kind != "web" or len(words) <= LONGEST_LINK_TEXT:
        return words
    host = words.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return host.removeprefix("www.")


def web(address: str) -> Span:
    return Span(address, "web", links.web_target(address))


def unlinked_web(address: str) -> Span:
    """A web address shown but never made a link: one that could not be confirmed."""
    return Span(address, "web")


def command(line: str) -> Span:
    return Span(line, "command")


# The sections, one function each; BUILDERS at the end of this module is their table. Each lays
# out what `content` decided the section says.


def overview(report: Report, request: Request) -> Document:
    said = content.overview(report, request)
    width = max((len(name) for name, _ in said.commands), default=0)
    commands = tuple(
        block("item", purpose, label=name.ljust(width + 1)) for name, purpose in said.commands
    )
    examples = tuple(block("item", command(line), label="$") for line in phrases.EXAMPLE_COMMANDS)
    tool: tuple[Part, ...] = (
        (block("heading", phrases.COMMANDS), *commands),
        (block("heading", phrases.EXAMPLES), *examples, block("paragraph", phrases.HELP_HINT)),
    )
    return _document(
        report,
        request,
        report.about.title,
        (
            _content_note(report),
            (
                block("title", report.about.title),
                block("paragraph", phrases.described_report(report)),
            ),
            # Help before commands: the 999 line is on the first screen, whatever its size.
            _where_to_find_help(said.help, request),
            *(() if request.published else tool),  # a web page names no command to run
        ),
    )


def summary(report: Report, request: Request) -> Document:
    said = content.summary(report, request)
    about = report.about
    facts = tuple(
        block("paragraph", Span(f"{label}:", "label"), f" {value}")
        for label, value in phrases.facts(report)
    )
    # The address published with the report in 2017 is not confirmed today: shown, not linked.
    where: list[Block] = [
        block("paragraph", Span(phrases.PUBLISHED_AT, "label"), " ", unlinked_web(said.link.url))
    ]
    if said.link.note:
        where.append(block("paragraph", said.link.note))
    if said.listed:
        listed = said.listed
        where.append(
            block(
                "paragraph",
                Span(phrases.LISTED_AT, "label"),
                " ",
                web(listed.url),
                f" ({listed.title}, {listed.publisher})",
            )
        )
    references = _References(report)
    points = tuple(_statement_block(point, "-", references) for point in said.points)
    return _document(
        report,
        request,
        about.title,
        (
            _content_note(report),
            _help_lead(said.help, phrases.LEAD_MORE_AT_END),
            (block("title", about.title), block("paragraph", phrases.described_report(report))),
            facts,
            (block("heading", phrases.IN_BRIEF), *points),
            tuple(where),
            references.part(),
            _where_to_find_help(said.help, request),
        ),
    )


def findings(report: Report, request: Request) -> Document:
    said = content.findings(report, request)
    references = _References(report)
    parts: list[Part] = [
        _content_note(report),
        _help_lead(said.help, phrases.LEAD_MORE_AT_END),
        (block("title", phrases.findings_title(report)),),
    ]
    for voice in report.voices:
        items = [
            _statement_block(f, f"{n}.", references)
            for n, f in said.findings
            if f.said_by == voice.id
        ]
        if items:
            parts.append((block("heading", voice.heading), *items))
    unvoiced = [
        _statement_block(f, f"{n}.", references) for n, f in said.findings if f.said_by is None
    ]
    if unvoiced:
        parts.append(tuple(unvoiced))
    parts += [references.part(), _where_to_find_help(said.help, request)]
    return _document(report, request, phrases.findings_title(report), tuple(parts))


def help_contacts(report: Report, request: Request) -> Document:
    said = content.help_contacts(report, request)
    if request.box:
        return _box(report, request, said.help)
    parts: list[Part] = [(block("title", phrases.BOX_HEADING),)]
    if said.beside:
        parts.append(tuple(emergency_blocks(said.beside)))
    for group, entries in said.groups:
        parts.append((block("heading", group.heading),))
        for entry in entries:
            parts.append(_contact(entry, request, show_checked=said.all_checked is None))
    if request.group is None:  # the main lines in brief, straight after the 999 line
        first = next((i for i, part in enumerate(parts) if part[0].kind == "emergency"), 0)
        parts.insert(first + 1, _help_lead(said.help, phrases.LEAD_MORE_BELOW, with_999=False))
    closing = [
        block("paragraph", phrases.RELAY_PREFIX),
        block("quiet", said.hours_note),
    ]
    if said.all_checked is not None:
        closing.append(block("quiet", phrases.all_checked(said.all_checked)))
    parts.append(tuple(closing))
    if request.group is None:
        parts.append(_short_lines(said.help, request, more=False))  # the main lines, at the end
    return _document(report, request, phrases.BOX_HEADING, tuple(parts))


def sources(report: Report, request: Request) -> Document:
    said = content.sources(report, request)
    parts: list[Part] = [
        _content_note(report),
        _help_lead(said.help, phrases.LEAD_MORE_AT_END),
        (block("title", phrases.SOURCES_HEADING),),
    ]
    for source in said.sources:
        # The report's own 2017 address is not confirmed today: shown, never a live link.
        address = unlinked_web if source.id == report.about.link else web
        lines = [
            block("heading", source.title, Span(f" [{source.id}]", "label")),
            block("paragraph", phrases.source_published(source)),
            block("paragraph", address(source.url)),
        ]
        checked = phrases.source_checked(source)
        if checked:
            lines.append(block("quiet", checked))
        if source.note:
            lines.append(block("paragraph", f"Note: {source.note}"))
        parts.append(tuple(lines))
    parts.append(_where_to_find_help(said.help, request))
    return _document(report, request, phrases.SOURCES_HEADING, tuple(parts))


# The pieces they share.


def _document(
    report: Report, request: Request, title: str, parts: Iterable[Part], boxed: bool = False
) -> Document:
    """A section's document: the report's own numbers linked, and the stale-details warning
    where the reader will see it (on a published page, in words for a web reader; for the
    box, which is pasted as it is, only to the person running the tool)."""
    linked = _link_own_numbers(report, tuple(parts))
    shown = Document(title, linked, contacts=_contacts_linked(report, linked))
    if not phrases.is_stale(report, request.now):
        return shown
    command_warning = phrases.stale_warning(report.contacts_checked, request.sources_command)
    if boxed:
        return shown._replace(notice=command_warning)
    if request.published:
        return shown._replace(warning=phrases.stale_warning_for_web(report.contacts_checked))
    return shown._replace(warning=command_warning)


def _contacts_linked(report: Report, parts: tuple[Part, ...]) -> tuple[Contact, ...]:
    """The contacts with a line (a phone number or a text line) that `parts` links to."""
    targets = {span.target for part in parts for b in part for span in b.spans if span.target}
    return tuple(
        contact
        for contact in report.contacts
        if any(
            ch.kind in ("phone", "text") and channel_target(ch) in targets
            for ch in contact.channels
        )
    )


def _link_own_numbers(report: Report, parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """Phone numbers in free text become tel: links only when they are the report's own
    contact numbers: a number in a note or a finding that no contact gives is shown, not
    linked (it could be a misprint, like the one in the source article)."""
    own = {dialled(ch.value) for c in report.contacts for ch in c.channels if ch.kind == "phone"}

    def linked(span: Span) -> Span:
        if span.kind == "phone" and span.target is None and dialled(span.text) in own:
            return span._replace(target=tel_target(span.text))
        return span

    return tuple(
        tuple(b._replace(spans=tuple(linked(s) for s in b.spans)) for b in part) for part in parts
    )


def _content_note(report: Report) -> Part:
    return (block("note", phrases.content_note(report)),)


def _help_lead(said: Help, more: str, with_999: bool = True) -> Part:
    """The 999 line and the main lines in brief, near the top of a section longer than a
    screen, so that they are on its first screen (where a pager opens); `more` says where the
    full entries are. The main lines are each signposted need's first phone line."""
    lines = [b for b in emergency_blocks(said.emergency) if b.kind == "emergency"]
    spans: list[Span | str] = []
    for at, line in enumerate(said.main_lines()):
        name = line.contact.name.split(" (")[0]  # "NAPAC", not its expansion in brackets
        spans += [f"{', ' if at else phrases.LEAD_LINES + ' '}{name} ", _linked(line)]
    return (*(lines if with_999 else ()), block("paragraph", *spans, ". " if spans else "", more))


class _References:
    """Numbered references to the sources of a section's statements, in order of first use,
    and the short list of them that ends the section."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.numbers: dict[str, int] = {}

    def mark(self, source_ids: Iterable[str]) -> Span:
        for source_id in source_ids:
            self.numbers.setdefault(source_id, len(self.numbers) + 1)
        cited = ", ".join(str(self.numbers[source_id]) for source_id in source_ids)
        return Span(f" [{cited}]", "reference")

    def part(self) -> Part:
        items = []
        for source_id, number in self.numbers.items():
            source = self.report.source(source_id)
            address = unlinked_web if source_id == self.report.about.link else web
            items.append(
                block(
                    "paragraph",
                    Span(f"[{number}]", "reference"),
                    f" {source.title}. {phrases.source_published(source)} ",
                    address(source.url),
                )
            )
        return (block("heading", phrases.SOURCES_HEADING), *items)


def _statement_block(statement: Statement, label: str, references: _References) -> Block:
    return block("item", statement.text, references.mark(statement.sources), label=label)


def emergency_blocks(entries: Iterable[Entry]) -> list[Block]:
    """The 999 line, and on a line of its own every other way to reach the emergency services
    (for people who cannot make a voice call)."""
    blocks = []
    for contact, lines in entries:
        number = next((line for line in lines if line.channel.kind == "phone"), None)
        if number is None:  # a web address only, say: its channel lines follow
            blocks.append(block("emergency", contact.who))
        else:
            blocks.append(
                block("emergency", phrases.emergency_lead(contact), " ", _linked(number), ".")
            )
        others = [line for line in lines if line is not number]
        if others:
            spans: list[Span | str] = []
            for line in others:
                spans += [" " if spans else "", *_channel_spans(line), "."]
            blocks.append(block("paragraph", *spans))
    return blocks


def _where_to_find_help(said: Help, request: Request) -> Part:
    """The short list of lines that ends a section, under a heading of its own."""
    return (block("heading", phrases.BOX_HEADING), *_short_lines(said, request))


def _short_lines(said: Help, request: Request, more: bool = True) -> Part:
    lines = [*emergency_blocks(said.emergency), *signpost_blocks(said, request)]
    if more and not request.published:  # a published page names no command to run
        lines.append(block("paragraph", phrases.MORE_HELP, " ", command(phrases.CONTACTS_COMMAND)))
    return tuple(lines)


def signpost_blocks(said: Help, request: Request) -> list[Block]:
    """One line per need with a signpost question, naming its first phone line. Read now (a
    terminal, a pipe), the line says whether it is open, and if it is not, names a line of the
    same need that is open now and the contact's own ways to write in at any time. Read later
    (Markdown, HTML), it gives hours instead, and those other lines always."""
    lines: list[Block] = []
    for signpost in said.signposts:
        main, number = signpost.line.contact, signpost.line.channel
        spans: list[Span | str] = [Span(f"{signpost.question} {main.name}:", "strong"), " "]
        spans.append(_linked(signpost.line))
        status = None if request.published else signpost.line.status
        if signpost.line.always:
            spans.append(", any time.")
        elif status is None:
            words = phrases.hours_text(number) or main.note
            spans.append(f". {words}" if words else ".")
        else:
            spans += [". ", Span(status.words, status.kind)]
        lines.append(block("paragraph", *spans))
        if content.answers(signpost, request.published):
            continue
        other = content.instead(signpost, request.published)
        if other is not None:
            lines.append(_instead_block(other, request))
        if signpost.writing:
            spans = [phrases.ANY_TIME]
            for i, line in enumerate(signpost.writing):
                spans += ["; " if i else " ", *_channel_spans(line)]
            lines.append(block("paragraph", *spans, ".", indent=1))
    return lines


def _instead_block(line: Line, request: Request) -> Block:
    """A line to use instead of a need's main one: open any time, open now (read now), or
    (read later) out of hours."""
    lead = phrases.ANY_TIME if line.always else "" if request.published else phrases.OPEN_NOW
    contact, channel = line.contact, line.channel
    first = channel is contact.channels[0]
    name = contact.name if first or not channel.label else channel.label
    spans: list[Span | str] = [lead + " " if lead else "", f"{name}: ", *_value_spans(line), "."]
    return block("paragraph", *spans, indent=1)


def _box(report: Report, request: Request, said: Help) -> Document:
    """The short box of help that media guidance asks for at the end of an article."""
    checked = phrases.checked(report.contacts_checked)
    return _document(
        report,
        request,
        phrases.BOX_HEADING,
        (
            (block("heading", phrases.BOX_HEADING),),
            (*_short_lines(said, request, more=False), block("quiet", checked)),
        ),
        boxed=True,
    )


def _contact(entry: Entry, request: Request, show_checked: bool) -> Part:
    contact = entry.contact
    if contact.emergency:
        lines = emergency_blocks([entry])
    else:
        lines = [
            block("subheading", contact.name),
            block("paragraph", Span(phrases.FOR, "label"), f" {contact.who}", indent=1),
        ]
        lines += [_channel(line, request) for line in entry.lines]
    if contact.cost:
        lines.append(block("paragraph", Span(phrases.COST, "label"), f" {contact.cost}", indent=1))
    if contact.note:
        lines.append(block("paragraph", contact.note, indent=1))
    if show_checked:
        lines.append(block("quiet", phrases.checked(contact.checked), indent=1))
    return tuple(lines)


def _linked(line: Line) -> Span:
    """A line's number or address as one span, linked to where `content` says it goes."""
    return Span(line.channel.value, _SPAN_KINDS[line.channel.kind], line.link)


_SPAN_KINDS: dict[ChannelKind, SpanKind] = {
    "phone": "phone",
    "text": "phone",  # a number to text: as whole as one to call
    "email": "email",
    "web": "web",
}


def _value_spans(line: Line) -> list[Span | str]:
    """A line's address or number, as spans: the number to call, the word to text and where,
    the email address or the website."""
    if line.channel.kind == "text":
        return [f"text “{line.channel.message}” to ", _linked(line)]  # quoted: the word to send
    return [_linked(line)]


def _channel_spans(line: Line) -> list[Span | str]:
    """ "Label: value", or for a text line with no label of its own, "Text SHOUT to 85258"."""
    channel = line.channel
    if channel.kind == "text" and channel.label is None:
        return [Span("Text", "label"), f" “{channel.message}” to ", _linked(line)]
    return [Span(f"{phrases.channel_label(channel)}:", "label"), " ", *_value_spans(line)]


def _channel(line: Line, request: Request) -> Block:
    spans: list[Span | str] = _channel_spans(line)
    hours_words_ = phrases.hours_text(line.channel)
    if hours_words_:
        spans += [phrases.HOURS_DASH, hours_words_]
    if not request.published:
        status = line.status
        if status is not None:
            spans += [" ", Span(status.words, status.kind)]
    return block("paragraph", *spans, indent=1)


# Every section's builder, by its name in render.SECTIONS (a test checks none is missing).
BUILDERS: dict[Section, Callable[[Report, Request], Document]] = {
    "overview": overview,
    "summary": summary,
    "findings": findings,
    "help-contacts": help_contacts,
    "sources": sources,
}
