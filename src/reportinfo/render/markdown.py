"""A document as CommonMark, to paste into a CMS, a README or an email.

Text from the data is escaped so that it can never become Markdown syntax: emphasis, links,
HTML, headings or list markers; a line break in it is a space. Only what CommonMark would read
as syntax at that spot is escaped, and only in ways Python-Markdown reads too (a backslash
before punctuation both know, else an entity), so no renderer shows a stray backslash. Phone
numbers are `tel:` links whose digit groups are joined by no-break spaces and set between
directional isolates, so that a number stays on one line and in dialling order beside
right-to-left text. Only http, https, mailto, sms and tel links are written, each destination
percent-encoded. Headings start at level 2, under the title of the page it is pasted into.
Open-now status is left out: it would be out of date once published.
"""

from __future__ import annotations

import re

from reportinfo.render.document import (
    STATUS_KINDS,
    Block,
    BlockKind,
    Document,
    Span,
    heading_levels,
    link_words,
    safe_target,
)
from reportinfo.render.phrases import EMERGENCY_LABEL
from reportinfo.render.plain import isolated

# Anywhere in a line: emphasis, code, links and backslash itself; "&" that would start an
# entity; "<" that would start HTML or an autolink; "|" and "~", tables and strikethrough in
# GitHub's Markdown (as entities: a backslash before them shows in Python-Markdown).
_SPECIAL = re.compile(r"[\\`*_\[\]|~]|&(?=#?[0-9A-Za-z]+;)|<(?=[A-Za-z/!?])")
_AS_ENTITY = {"&": "&amp;", "<": "&lt;", "|": "&#124;", "~": "&#126;"}
# At the start of a block's text only: a list marker, a block quote or a heading.
_LINE_START = re.compile(r"^([ \t]*)(?:([-+>#])|([0-9]+)([.)]))")
# Line ends and the characters CommonMark or a browser may take as one: in data, a space.
_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x85\u2028\u2029]")

# What a link destination keeps as it is: RFC 3986's unreserved and reserved characters and
# "%", less "<", ">" and "\\", which end or escape a <...> destination. Anything else (spaces,
# controls, non-ASCII) is written as %XX bytes of its UTF-8.
_IN_DESTINATION = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%"
)
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")  # "&amp;" in a destination would be decoded

NO_BREAK_SPACE = "\u00a0"


def render(document: Document, first_heading: int | None = None) -> str:
    """The document as CommonMark; `first_heading` is the level of its top heading (2 unless
    asked otherwise: under the title of the page it goes into)."""
    levels = heading_levels(document, first_heading or 2)
    out: list[str] = []
    if document.warning:
        out.append(f"> **{escape(document.warning)}**")
    previous: Block | None = None
    delimiter = "."
    for number, part in enumerate(document.parts):
        for block in part:
            joined = _same_list(previous, block) and not (number and block is part[0])
            if out and not joined:
                out.append("")  # a blank line ends a paragraph or a list
            if previous and previous.list_kind == block.list_kind == "numbered" and not joined:
                # A numbered list straight after another, not counting on from it: CommonMark
                # would join the two and renumber, unless the new one changes its delimiter.
                delimiter = ")" if delimiter == "." else "."
            out.append(_block(block, levels, delimiter))
            previous = block
    return "\n".join(out) + "\n"


def _same_list(previous: Block | None, block: Block) -> bool:
    """Whether `block` is the next item of the list `previous` is in."""
    if previous is None or not previous.list_kind or not block.list_kind:
        return False
    if block.list_kind == "numbered":
        return previous.list_kind == "numbered" and block.number == previous.number + 1
    return previous.list_kind != "numbered"


def escape(text: str) -> str:
    """Plain text that CommonMark shows as it is, on one line, wherever the line it is in
    starts (see `_line`)."""
    return _SPECIAL.sub(_escaped, _BREAKS.sub(" ", text))


def _escaped(found: re.Match[str]) -> str:
    character = found.group()
    return _AS_ENTITY.get(character, "\\" + character)


def _line(inline: str) -> str:
    """A block's text with anything at its start that CommonMark would read as a list marker,
    a block quote or a heading escaped: "\\-", "\\>", "\\#", "1\\."."""
    found = _LINE_START.match(inline)
    if not found:
        return inline
    indent, marker, digits, delimiter = found.groups()
    escaped = f"\\{marker}" if marker else f"{digits}\\{delimiter}"
    return indent + escaped + inline[found.end() :]


def _heading(inline: str) -> str:
    """A heading's text with any "#" at its end escaped: a closing sequence would be dropped."""
    kept = inline.rstrip("#")
    return kept + "\\#" * (len(inline) - len(kept))


def destination(target: str) -> str:
    """A link target as a CommonMark <...> destination: percent-encoded where it must be."""
    encoded = "".join(
        c if c in _IN_DESTINATION else "".join(f"%{b:02X}" for b in c.encode()) for c in target
    )
    return f"<{_ENTITY.sub('%26', _STRAY_PERCENT.sub('%25', encoded))}>"


def _block(block: Block, levels: dict[BlockKind, int], delimiter: str = ".") -> str:
    inline = _line("".join(_span(s) for s in block.spans if s.kind not in STATUS_KINDS).strip())
    if block.kind in levels:
        return f"{'#' * levels[block.kind]} {_heading(inline)}"
    if block.list_kind == "numbered":
        return f"{block.number}{delimiter} {inline}"
    if block.list_kind == "bullet":
        return f"- {inline}"
    if block.list_kind == "named":
        return f"- {_code(block.label.strip())}: {inline}"
    if block.kind in ("note", "quiet"):
        return f"*{inline}*"
    if block.kind == "emergency":  # words that set it apart wherever it is pasted
        return f"**{escape(EMERGENCY_LABEL)} {inline}**"
    if block.kind == "warning":
        return f"**{inline}**"
    return inline


def _code(text: str) -> str:
    """A command as a code span, or as escaped text where a code span cannot hold it."""
    if "`" in text or _BREAKS.search(text) or not text.strip():
        return escape(text)
    return f"`{text}`"


def _span(span: Span) -> str:
    if span.kind == "command":
        return _code(span.text)
    leading = span.text[: len(span.text) - len(span.text.lstrip())]
    trailing = span.text[len(span.text.rstrip()) :]
    words = escape(
        link_words(span) if span.kind == "web" and safe_target(span) else span.text.strip()
    )
    if not words:
        return " " if leading else ""
    if span.kind == "phone":  # one unit: no line break inside, digits in dialling order
        words = isolated(words.replace(" ", NO_BREAK_SPACE))
    target = safe_target(span)
    if target:
        words = f"[{words}]({destination(target)})"
    elif span.kind in ("strong", "label"):
        words = f"**{words}**"
    return (" " if leading else "") + words + (" " if trailing else "")
