"""A document as styled, wrapped text for a terminal. The only module that imports rich.

Every string from the data goes into a `Text` object, never through rich's markup, emoji or
highlighting, so a report file cannot style or control the terminal. Wrapping is done here,
word by word, at no more than MEASURE columns: a phone number (one span) is never split across
two lines, a web address is never broken (one too long for the screen stands whole on a line
of its own, for the terminal to wrap), punctuation stays with its word, and no line carries
trailing spaces. rich's own wrapping breaks a number at its spaces, folds a long address and
keeps trailing spaces, so it is not used. rich is given the width, the colours and an empty
environment, so nothing but `Display` decides how the output looks.

No colour at all: each terminal theme decides how its ANSI colours look, and on some themes
every one of them is hard to read on the background (tests/test_contrast.py measures this).
Emphasis is the terminal's own foreground in bold, underline or reverse video, which read on
every theme; the line to call 999 is in reverse video, so it stands out first.
"""

from __future__ import annotations

import io
from collections.abc import Generator, Iterator
from typing import NamedTuple

from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

from reportinfo.output import Display, is_unicode
from reportinfo.render.document import Block, Document, Span, safe_target
from reportinfo.render.plain import isolated

INDENT = 2  # a detail under its heading
MEASURE = 100  # the longest line of prose: longer lines are hard to follow back to their start
LEAST_ROOM = 12  # beside a hanging label; with less, the text goes on the lines under it

BOLD = Style(bold=True)

# The terminal's own colours only, with weight, underline or reverse video; no dim text.
BLOCK_STYLES = {
    "title": BOLD,
    "heading": Style(bold=True, underline=True),
    "subheading": BOLD,
    "note": Style(italic=True),
    "warning": BOLD,
    "emergency": Style(bold=True, reverse=True),
}
SPAN_STYLES = {
    "strong": BOLD,
    "label": BOLD,
    "phone": BOLD,
    "web": Style(underline=True),
    "email": Style(underline=True),
    "command": BOLD,
    "open": BOLD,  # a line you can call now; closed and not-known are plain words
}
LABEL = BOLD


def to_ansi(document: Document, display: Display) -> str:
    """The document as text and ANSI codes, for `output.write` to print."""
    console = _printed(document, display)
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


def to_svg(document: Document, display: Display, title: str, light: bool = False) -> str:
    """The document as an SVG picture of a terminal, for the README's screenshots: on rich's
    dark theme, or (`light`) black on white, as the default profiles of xterm and Terminal.app."""
    from rich.terminal_theme import SVG_EXPORT_THEME, TerminalTheme

    theme = SVG_EXPORT_THEME
    if light:  # xterm's own palette; the output uses none of its colours, only bold and reverse
        xterm = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205)]
        xterm += [(0, 205, 205), (229, 229, 229)]
        bright = [(127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255)]
        bright += [(255, 0, 255), (0, 255, 255), (255, 255, 255)]
        theme = TerminalTheme((255, 255, 255), (0, 0, 0), xterm, bright)
    console = _printed(document, display, record=True)
    return console.export_svg(title=title, theme=theme)


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


class Piece(NamedTuple):
    text: str
    style: Style
    whole: bool  # a phone number, address or command: never broken across lines


# What is copied, dialled or found as a link: never broken. Other words longer than the
# measure (a source's id at 20 columns, say) are broken after a hyphen.
WHOLE_KINDS = frozenset({"phone", "web", "email", "command"})


Word = list[Piece]  # pieces with no space between them: "5000" then "."


def _words(block: Block, display: Display) -> list[Word]:
    """The block's words, each a run of text between spaces. A phone number is one word, set
    between directional isolates where the output can carry them (see `plain.isolated`)."""
    base = BLOCK_STYLES.get(block.kind, Style())
    unicode = is_unicode(display.encoding)
    words: list[Word] = []
    space = True  # a space before the next piece starts a new word
    for span in block.spans:
        style = base + SPAN_STYLES.get(span.kind, Style())
        target = safe_target(span) if display.hyperlinks else None  # as Markdown and HTML
        if target:
            style += Style(link=target)
        pieces = _pieces(span, unicode)
        for i, piece in enumerate(pieces):
            if space or i > 0 or span.text[:1].isspace() or not words:
                words.append([])
            words[-1].append(Piece(piece, style, span.kind in WHOLE_KINDS))
            space = False
        space = span.text[-1:].isspace() if span.text.strip() else space or bool(span.text)
    return words


def _pieces(span: Span, unicode: bool) -> list[str]:
    if span.kind != "phone":
        return span.text.split()
    number = span.text.strip()
    return [isolated(number) if unicode and number else number]


def _wrap(block: Block, display: Display) -> Iterator[Text]:
    """Lay a block out in lines no wider than the measure, with a hanging label. A word is
    never broken: one longer than the room stands whole on a line of its own (see below)."""
    measure = min(display.width, MEASURE)
    indent = block.indent * INDENT
    label = f"{block.label} " if block.label else ""
    hang = indent + cell_len(label)
    line = _Line(" " * indent)
    line.add(label, LABEL, counts=False)  # the hanging label stands in the margin
    if label and measure - hang < LEAST_ROOM:
        # A long label ("help-contacts") on a narrow screen: the text goes under it instead.
        yield line.text()
        hang = indent + INDENT
        line = _Line(" " * hang)
    width = measure - hang
    for word in _words(block, display):
        length = sum(cell_len(piece.text) for piece in word)
        if line.column and line.column + 1 + length > width:
            yield line.text()
            line = _Line(" " * hang)
        elif line.column:  # the space takes the words' style when both sides share it
            line.add(" ", line.last_style if line.last_style == word[0].style else None)
        if line.column + length > width:
            if length > measure and not any(piece.whole for piece in word):
                line = yield from _broken(word, line, hang, width)
                continue
            # Longer than the room beside the margin: a word (a phone number, a web address,
            # with the punctuation after it) stands whole on a line of its own, moved left as
            # far as it needs to fit; an address longer than the measure starts at the first
            # column, and the terminal wraps it, so that it is copied whole and found as a link.
            if line.labelled:  # the label keeps its own line
                yield line.text()
            line = _Line(" " * max(0, min(hang, measure - length)))
        for piece in word:
            line.add(piece.text, piece.style)
    yield line.text()


def _broken(word: Word, line: _Line, hang: int, width: int) -> Generator[Text, None, _Line]:
    """A word of plain text longer than the measure (an id at 20 columns), broken after a
    hyphen where it can be, else where the room ends but never before punctuation; returns
    the line its end is on."""
    text = "".join(piece.text for piece in word)
    start = 0
    while start < len(text):
        chunk = _cut(text[start:], width - line.column)
        end = start + len(chunk)
        if end < len(text):  # after the last hyphen that fits, else on a line of its own
            hyphen = chunk.rfind("-") + 1
            if hyphen or line.column:
                end = start + hyphen
            while start + 1 < end and text[end] in _NOT_FIRST:
                end -= 1
        for piece, offset in zip(word, _offsets(word), strict=True):  # each part in its style
            line.add(text[max(start, offset) : min(end, offset + len(piece.text))], piece.style)
        start = end
        if start < len(text):
            yield line.text()
            line = _Line(" " * hang)
    return line


_NOT_FIRST = frozenset(",.;:!?)]")  # punctuation that never opens a line


def _offsets(word: Word) -> list[int]:
    offsets, at = [], 0
    for piece in word:
        offsets.append(at)
        at += len(piece.text)
    return offsets


def _cut(text: str, room: int) -> str:
    """The longest start of `text` that takes no more than `room` cells."""
    used = 0
    for at, char in enumerate(text):
        used += cell_len(char)
        if used > room:
            return text[:at]
    return text


class _Line:
    """One output line being filled: runs of text with their styles, neighbours merged."""

    def __init__(self, margin: str) -> None:
        self.runs: list[tuple[str, Style | str]] = [(margin, "")] if margin else []
        self.column = 0  # cells used after the margin and label
        self.last_style: Style | None = None
        self.labelled = False  # carries a hanging label ("1.", "$") in its margin

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
        else:
            self.labelled = True

    def text(self) -> Text:
        """The line, without the spaces a label leaves when nothing follows it on its line."""
        runs = list(self.runs)
        while runs and not runs[-1][0].strip():
            runs.pop()
        if runs:
            runs[-1] = (runs[-1][0].rstrip(), runs[-1][1])
        return Text.assemble(*runs)
