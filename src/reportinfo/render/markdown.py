"""A document as CommonMark, to paste into a CMS, a README or an email.

Text from the data is escaped so that it can never become Markdown syntax: emphasis, links,
HTML, headings or list markers. Phone numbers are `tel:` links; only http, https, mailto and
tel links are written. Open-now status is left out: it would be out of date once published.
"""

from __future__ import annotations

import re

from reportinfo.render.document import STATUS_KINDS, Block, Document, Span, safe_target

_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&])")
_LINE_START = re.compile(r"^(\s*)([-=]|\d+(?=[.)]))")  # list markers and setext underlines

HEADINGS = {"title": "#", "heading": "##", "subheading": "###"}


def render(document: Document) -> str:
    out: list[str] = []
    if document.warning:
        out.append(f"> **{escape(document.warning)}**")
    for part in document.parts:
        list_kind = None
        for block in part:
            kind = "ordered" if block.list_kind == "numbered" else block.list_kind and "bullet"
            if out and not (kind and kind == list_kind):
                out.append("")  # a blank line ends a paragraph or a list
            out.append(_block(block))
            list_kind = kind
    return "\n".join(out) + "\n"


def escape(text: str) -> str:
    """Plain text that CommonMark shows as it is."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def _block(block: Block) -> str:
    inline = "".join(_span(s) for s in block.spans if s.kind not in STATUS_KINDS).strip()
    if block.kind in HEADINGS:
        return f"{HEADINGS[block.kind]} {inline}"
    if block.list_kind == "numbered":
        return f"{block.number}. {inline}"
    if block.list_kind == "bullet":
        return f"- {inline}"
    if block.list_kind == "named":
        return f"- `{block.label.strip()}`: {inline}"
    if block.kind in ("note", "quiet"):
        return f"*{inline}*"
    if block.kind in ("emergency", "warning"):
        return f"**{inline}**"
    return inline


def _span(span: Span) -> str:
    if span.kind == "command":
        return f"`{span.text}`" if "`" not in span.text else escape(span.text)
    leading = span.text[: len(span.text) - len(span.text.lstrip())]
    trailing = span.text[len(span.text.rstrip()) :]
    words = escape(span.text.strip())
    if not words:
        return span.text
    target = safe_target(span)
    if target:
        words = f"[{words}](<{target}>)"
    elif span.kind in ("strong", "label"):
        words = f"**{words}**"
    return leading + words + trailing
