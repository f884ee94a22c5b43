"""What each section says, as a small document of blocks and spans, for every text format.

A `Document` is a list of parts separated by blank lines; a part is a list of blocks (a heading,
a paragraph, a list item); a block is a list of spans. A span says what its text is: a phone
number (never split across lines, a `tel:` link where links are made), a web or email address,
a command, or open/closed status. The plain, terminal, Markdown and HTML renderers each lay the
same document out, so they all show the same things, and none can drop what another shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal, NamedTuple

from reportinfo.model import Channel, Contact, Report, Statement
from reportinfo.render import Request, hours_words, phrases

SpanKind = Literal[
    "text", "strong", "label", "phone", "email", "web", "command", "open", "closed", "unsure"
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


# Whether a line is open now: true when printed, stale once published. Formats made to be
# pasted into an article or a page leave these spans out.
STATUS_KINDS = frozenset({"open", "closed", "unsure"})


class Document(NamedTuple):
    title: str  # for formats that have one: the HTML page title
    parts: tuple[Part, ...]
    warning: str | None = None  # shown first on a terminal; to standard error when piped


# Digit groups joined by single spaces, as phone numbers are written: "0808 800 5000", "116 123".
_NUMBER = re.compile(r"\+?\d+(?: \d+)+")


def prose(words: str) -> list[Span]:
    """Text from the data as spans, with any phone number in it made one span, so that no
    format can split it. Numbers written the UK way (0 or + first) become links."""
    spans, at = [], 0
    for found in _NUMBER.finditer(words):
        if found.start() > at:
            spans.append(Span(words[at : found.start()]))
        number = found.group()
        linked = number.startswith(("0", "+")) and len(number.replace(" ", "")) >= 10
        spans.append(phone(number) if linked else Span(number, "phone"))
        at = found.end()
    if at < len(words):
        spans.append(Span(words[at:]))
    return spans


def text(*spans: Span | str) -> tuple[Span, ...]:
    return tuple(piece for s in spans for piece in (prose(s) if isinstance(s, str) else [s]))


def block(kind: BlockKind, *spans: Span | str, label: str = "", indent: int = 0) -> Block:
    return Block(kind, text(*spans), label, indent)


def phone(number: str) -> Span:
    return Span(number, "phone", tel_target(number))


def tel_target(number: str) -> str:
    """The tel: link for a number as written: UK numbers in international form, short codes
    as dialled."""
    digits = number.replace(" ", "")
    if digits.startswith("+"):
        return f"tel:{digits}"
    if digits.startswith("00"):  # already international: 00 stands for +
        return f"tel:+{digits[2:]}"
    if digits.startswith("0") and len(digits) > 4:  # a UK number: the 0 becomes +44
        return f"tel:+44{digits[1:]}"
    return f"tel:{digits}"  # 999, 101, 116 123: short codes are dialled as they are


LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")  # the only links ever written


def safe_target(span: Span) -> str | None:
    """The span's link target, if it is one of the kinds of link the tool writes; else None."""
    target = span.target
    if target and target.startswith(LINK_SCHEMES) and not any(c.isspace() for c in target):
        return target
    return None


def web(address: str) -> Span:
    url = address if address.startswith(("http://", "https://")) else f"https://{address}"
    return Span(address, "web", url)


def email(address: str) -> Span:
    return Span(address, "email", f"mailto:{address}")


def command(line: str) -> Span:
    return Span(line, "command")


# The sections. Each is named as in render.SECTIONS, with '-' as '_'.


def overview(report: Report, request: Request) -> Document:
    width = max((len(name) for name, _ in request.commands), default=0)
    commands = tuple(
        block("item", purpose, label=name.ljust(width + 1)) for name, purpose in request.commands
    )
    examples = tuple(block("item", command(line), label="$") for line in phrases.EXAMPLE_COMMANDS)
    return Document(
        report.about.title,
        (
            _content_note(report),
            (
                block("title", report.about.title),
                block("paragraph", phrases.described_report(report)),
            ),
            (block("heading", phrases.COMMANDS), *commands),
            (block("heading", phrases.EXAMPLES), *examples, block("paragraph", phrases.HELP_HINT)),
            _signposts(report),
        ),
    )


def summary(report: Report, request: Request) -> Document:
    about = report.about
    facts = tuple(
        block("paragraph", Span(f"{label}:", "label"), f" {value}")
        for label, value in phrases.facts(report)
    )
    link = report.source(about.link)
    where: list[Block] = [
        block("paragraph", Span(phrases.PUBLISHED_AT, "label"), " ", web(link.url))
    ]
    if link.note:
        where.append(block("paragraph", link.note))
    if about.listed:
        listed = report.source(about.listed)
        where.append(
            block(
                "paragraph",
                Span(phrases.LISTED_AT, "label"),
                " ",
                web(listed.url),
                f" ({listed.title}, {listed.publisher})",
            )
        )
    points = tuple(_statement_block(point, "-") for point in report.summary)
    return Document(
        about.title,
        (
            _content_note(report),
            (block("title", about.title), block("paragraph", phrases.described_report(report))),
            facts,
            (block("heading", phrases.IN_BRIEF), *points),
            tuple(where),
            _signposts(report),
        ),
    )


def findings(report: Report, request: Request) -> Document:
    numbered = list(enumerate(report.findings, 1))
    if request.finding is not None:
        numbered = [numbered[request.finding - 1]]
    parts: list[Part] = [_content_note(report), (block("title", phrases.findings_title(report)),)]
    voices = report.voices or ()
    for voice in voices:
        items = [_statement_block(f, f"{n}.") for n, f in numbered if f.said_by == voice.id]
        if items:
            parts.append((block("heading", voice.heading), *items))
    unvoiced = [_statement_block(f, f"{n}.") for n, f in numbered if f.said_by is None]
    if unvoiced:
        parts.append(tuple(unvoiced))
    parts.append(_signposts(report))
    return Document(phrases.findings_title(report), tuple(parts))


def help_contacts(report: Report, request: Request) -> Document:
    if request.box:
        return _box(report, request)
    groups = [g for g in report.groups if request.group in (None, g.id)]
    common = report.contacts_checked if len({c.checked for c in report.contacts}) == 1 else None
    parts: list[Part] = [(block("title", phrases.BOX_HEADING),)]
    for group in groups:
        parts.append((block("heading", group.heading),))
        for contact_id in group.contacts:
            contact = report.contact(contact_id)
            parts.append(_contact(report, contact, request, show_checked=common is None))
    closing = [block("quiet", hours_words.hours_caveat(report, request.now))]
    if common is not None:
        closing.append(block("quiet", phrases.all_checked(common)))
    parts.append(tuple(closing))
    if request.group is None:
        parts.append(_signposts(report, more=False))  # the main numbers again, at the end
    warning = None
    if phrases.is_stale(report, request.now):
        warning = phrases.stale_warning(report.contacts_checked, request.sources_command)
    return Document(phrases.BOX_HEADING, tuple(parts), warning)


def sources(report: Report, request: Request) -> Document:
    parts: list[Part] = [(block("title", phrases.SOURCES_HEADING),)]
    for source in report.sources:
        lines = [
            block("heading", source.title, Span(f" [{source.id}]", "label")),
            block("paragraph", phrases.source_published(source)),
            block("paragraph", web(source.url)),
        ]
        checked = phrases.source_checked(source)
        if checked:
            lines.append(block("quiet", checked))
        if source.note:
            lines.append(block("paragraph", f"Note: {source.note}"))
        parts.append(tuple(lines))
    return Document(phrases.SOURCES_HEADING, tuple(parts))


# The pieces they share.


def _content_note(report: Report) -> Part:
    return (block("note", phrases.content_note(report)),)


def _statement_block(statement: Statement, label: str) -> Block:
    return block("item", statement.text, label=label)


def emergency_blocks(contacts: Iterable[Contact]) -> list[Block]:
    """One line per emergency contact: its words, then every phone number it has."""
    lines = []
    for contact in contacts:
        numbers = [ch.value for ch in contact.channels if ch.kind == "phone"]
        if not numbers:  # a web address only, say: its channel lines follow in help-contacts
            lines.append(block("emergency", contact.who))
            continue
        spans: list[Span | str] = [phrases.emergency_lead(contact), " "]
        for i, number in enumerate(numbers):
            spans += [" or " if i else "", phone(number)]
        lines.append(block("emergency", *spans, "."))
    return lines


def signpost_blocks(report: Report) -> list[Block]:
    return [
        block("paragraph", Span(line.lead, "strong"), " ", phone(line.number), line.end)
        for line in phrases.signposts(report)
    ]


def _signposts(report: Report, more: bool = True) -> Part:
    lines = [*emergency_blocks(report.emergency), *signpost_blocks(report)]
    if more:
        lines.append(block("paragraph", phrases.MORE_HELP, " ", command(phrases.CONTACTS_COMMAND)))
    return tuple(lines)


def _box(report: Report, request: Request) -> Document:
    """The short box of help that media guidance asks for at the end of an article."""
    checked = phrases.checked(report.contacts_checked)
    return Document(
        phrases.BOX_HEADING,
        (
            (block("heading", phrases.BOX_HEADING),),
            (
                *emergency_blocks(report.emergency),
                *signpost_blocks(report),
                block("quiet", checked),
            ),
        ),
    )


def _contact(report: Report, contact: Contact, request: Request, show_checked: bool) -> Part:
    if contact.emergency:
        lines = emergency_blocks([contact])
        others = [ch for ch in contact.channels if ch.kind != "phone"]
    else:
        lines = [
            block("subheading", contact.name),
            block("paragraph", Span(phrases.FOR, "label"), f" {contact.who}", indent=1),
        ]
        others = list(contact.channels)
    for channel in others:
        lines.append(_channel(report, contact, channel, request))
    if contact.cost:
        lines.append(block("paragraph", Span(phrases.COST, "label"), f" {contact.cost}", indent=1))
    if contact.note:
        lines.append(block("paragraph", contact.note, indent=1))
    if show_checked:
        lines.append(block("quiet", phrases.checked(contact.checked), indent=1))
    return tuple(lines)


def _channel(report: Report, contact: Contact, channel: Channel, request: Request) -> Block:
    label = Span(f"{phrases.channel_label(channel)}:", "label")
    if channel.kind == "phone":
        value: list[Span | str] = [phone(channel.value)]
    elif channel.kind == "text":
        words, number = phrases.text_message(channel)
        value = [words, " ", Span(number, "phone")]  # a number to text, not to call: no tel: link
    elif channel.kind == "email":
        value = [email(channel.value)]
    else:
        value = [web(channel.value)]
    spans: list[Span | str] = [label, " ", *value]
    hours_words = phrases.hours_text(channel)
    if hours_words:
        spans += [phrases.HOURS_DASH, hours_words]
    status = _status(report, contact, channel, request)
    if status is not None:
        spans += [" ", status]
    return block("paragraph", *spans, indent=1)


def _status(report: Report, contact: Contact, channel: Channel, request: Request) -> Span | None:
    """Open-now status, for lines you call or text whose hours are known."""
    from reportinfo.render import hours_words

    status = hours_words.describe(report, contact, channel, request.now)
    return Span(status.words, status.kind) if status else None
