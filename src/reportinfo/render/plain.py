"""A document as plain text for pipes and files: no colour, no box drawing, no hard wrapping.

One block per line, so that grep, head and cut work on it; a blank line between parts.
"""

from __future__ import annotations

from reportinfo.render.document import Block, Document


def render(document: Document) -> str:
    return "\n\n".join("\n".join(line(block) for block in part) for part in document.parts) + "\n"


def line(block: Block) -> str:
    words = "".join(span.text for span in block.spans)
    if not block.label:
        return words
    if block.label == "$":
        return f"  {words}"
    return f"{block.label} {words}"
