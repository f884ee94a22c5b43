"""A document as plain text for pipes and files: no colour, no box drawing, no hard wrapping.

One block per line, so that grep, head and cut work on it; a blank line between parts. Each
phone number stands between Unicode directional isolates (U+2066 ... U+2069), invisible marks
that keep its digits in the order they are dialled even beside right-to-left text.
"""

from __future__ import annotations

from reportinfo.render.document import Block, Document, Span

# LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE: what lies between them is laid out left
# to right, as one unit, whatever the direction of the text around it (Unicode UAX #9).
LRI, PDI = "\u2066", "\u2069"


def render(document: Document) -> str:
    return "\n\n".join("\n".join(line(block) for block in part) for part in document.parts) + "\n"


def isolated(number: str) -> str:
    """A phone number as its own left-to-right unit: the digits a reader sees, in order, are
    the digits to dial, even with a right-to-left name or label beside it."""
    return f"{LRI}{number}{PDI}"


def shown(span: Span) -> str:
    return isolated(span.text) if span.kind == "phone" else span.text


def line(block: Block) -> str:
    words = "".join(shown(span) for span in block.spans)
    if not block.label:
        return words
    if block.label == "$":
        return f"  {words}"
    return f"{block.label} {words}"
