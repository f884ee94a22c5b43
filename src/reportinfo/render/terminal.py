"""A document as styled, wrapped text for a terminal. The only module that imports rich.

Every string from the data goes into a `Text` object, never through rich's markup, emoji or
highlighting, so a report file cannot style or control the terminal. Wrapping is done here,
word by word, so that a phone number (one span) is never split across two lines and no line
carries trailing spaces. rich is given the width, the colours and an empty environment, so
nothing but `Display` decides how the output looks.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

from reportinfo.output import Display
from reportinfo.render.document import Block, Document, Span

INDENT = 2  # a detail under its heading

# Bold and colours that read on light and dark schemes alike; no dim text.
BLOCK_STYLES = {
    "title": Style(bold=True),
    "heading": Style(bold=True, underline=True),
    "subheading": Style(bold=True),
    "note": Style(italic=True),
    "warning": Style(bold=True, color="yellow"),
    "emergency": Style(bold=True, color="red"),
}
SPAN_STYLES = {
    "strong": Style(bold=True),
    "label": Style(bold=True),
    "phone": Style(bold=True, color="cyan"),
    "web": Style(underline=True),
    "email": Style(underline=True),
    "command": Style(bold=True),
    "open": Style(color="green"),
    "closed": Style(color="yellow"),
    "unsure": Style(color="magenta"),
}
LABEL = Style(bold=True, color="cyan")


def to_ansi(document: Document, display: Display) -> str:
    """The document as text and ANSI codes, for `output.write` to print."""
    console = _printed(document, display)
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


def to_svg(document: Document, display: Display, title: str) -> str:
    """The document as an SVG picture of a terminal, for the README's screenshots."""
    return _printed(document, display, record=True).export_svg(title=title)


def _printed(document: Document, display: Display, record: bool = False) -> Console:
    console = _console(display, record)
    for line in lines(document, display):
        console.print(line)
    return console


def lines(document: Document, display: Display) -> Iterator[Text]:
    """The document's lines, wrapped: the warning first, a blank line between parts."""
    if document.warning:
        yield from _wrap(Block("warning", (Span(document.warning),)), display)
        yield Text("")
    for number, part in enumerate(document.parts):
        if number:
            yield Text("")
        for block in part:
            yield from _wrap(block, display)


def _console(display: Display, record: bool = False) -> Console:
    return Console(
        file=_Buffer(display.encoding),
        width=max(display.width, 1),
        height=25,
        force_terminal=True,
        force_interactive=False,
        force_jupyter=False,
        color_system="standard" if display.color else None,
        no_color=not display.color,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        soft_wrap=True,  # lines are wrapped already; rich must not pad or wrap them again
        record=record,
        _environ={},  # TERM, COLUMNS and the rest were read once, into `display`
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


Word = list[tuple[str, Style]]  # pieces with no space between them: "5000" then "."


def _words(block: Block, links: bool) -> list[Word]:
    """The block's words, each a run of text between spaces. A phone number is one word."""
    base = BLOCK_STYLES.get(block.kind, Style())
    words: list[Word] = []
    space = True  # a space before the next piece starts a new word
    for span in block.spans:
        style = base + SPAN_STYLES.get(span.kind, Style())
        if links and span.target:
            style += Style(link=span.target)
        pieces = [span.text] if span.kind == "phone" else span.text.split()
        for i, piece in enumerate(pieces):
            if space or i > 0 or span.text[:1].isspace() or not words:
                words.append([])
            words[-1].append((piece, style))
            space = False
        space = span.text[-1:].isspace() if span.text.strip() else space or bool(span.text)
    return words


def _wrap(block: Block, display: Display) -> Iterator[Text]:
    """Lay a block out in lines no wider than the display, with a hanging label."""
    indent = block.indent * INDENT
    label = f"{block.label} " if block.label else ""
    hang = indent + cell_len(label)
    width = max(display.width - hang, 8)
    line = _Line(" " * indent)
    line.add(label, LABEL, counts=False)  # the hanging label stands in the margin
    for word in _words(block, display.hyperlinks):
        length = sum(cell_len(piece) for piece, _ in word)
        if line.column and line.column + 1 + length > width:
            yield line.text()
            line = _Line(" " * hang)
        elif line.column:  # the space takes the words' style when both sides share it
            line.add(" ", line.last_style if line.last_style == word[0][1] else None)
        for piece, style in word:
            for chunk in _chunks(piece, width, line.column):
                if chunk is None:  # a piece longer than the line: go on at the next line
                    yield line.text()
                    line = _Line(" " * hang)
                else:
                    line.add(chunk, style)
    yield line.text()


class _Line:
    """One output line being filled: runs of text with their styles, neighbours merged."""

    def __init__(self, margin: str) -> None:
        self.runs: list[tuple[str, Style | str]] = [(margin, "")] if margin else []
        self.column = 0  # cells used after the margin and label
        self.last_style: Style | None = None

    def add(self, text: str, style: Style | None, counts: bool = True) -> None:
        if not text:
            return
        if self.runs and self.runs[-1][1] == (style or ""):
            self.runs[-1] = (self.runs[-1][0] + text, style or "")
        else:
            self.runs.append((text, style or ""))
        if counts:
            self.column += cell_len(text)
            self.last_style = style

    def text(self) -> Text:
        return Text.assemble(*self.runs)


def _chunks(piece: str, width: int, column: int) -> Iterator[str | None]:
    """A piece as it goes on the line from `column`: whole if it is no longer than a line (the
    word-level break has already made room for it), else in line-sized chunks with None where
    a new line starts (a long web address). Phone numbers always fit a line."""
    if cell_len(piece) <= width:
        yield piece
        return
    room = width - column
    if room > 0:
        yield piece[:room]
        piece = piece[room:]
    while piece:
        yield None
        yield piece[:width]
        piece = piece[width:]
