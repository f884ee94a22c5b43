"""A document as HTML: a complete page, or a fragment to paste into an existing one.

Every string from the data is escaped, so a report file cannot add markup or scripts. Only
http, https, mailto, sms and tel links are written, percent-encoded and escaped. Phone numbers
are `tel:` links that never wrap (their digit groups joined by no-break spaces) and are laid out
left to right (`dir="ltr"`), so their digits read in dialling order beside right-to-left text.
A page has one <h1>; a fragment starts at <h2>, under the host article's title, and is a region
named by its first heading. What must survive a sanitizer that strips classes, styles and even
paragraphs is in the words and the elements every sanitizer keeps: the no-break spaces, the
"Emergency:" before the 999 line, `<ol start>`, `<strong>`. A page's one script is its
contacts as schema.org data (`jsonld`); it loads nothing, and its small style works in light
and dark mode and in print. Open-now status is left out: it would be out of date once published.
"""

from __future__ import annotations

import re
from html import escape

from reportinfo.render.document import (
    HEADING_RANKS,
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

STYLE = """
:root { color-scheme: light dark; --text: #1b1b1b; --back: #ffffff; --link: #0b57d0;
  --alert: #b3261e; --quiet: #444444; }
@media (prefers-color-scheme: dark) {
  :root { --text: #ececec; --back: #121212; --link: #a8c7fa; --alert: #ffb4ab; --quiet: #c4c4c4; }
}
body { margin: 0; background: var(--back); color: var(--text);
  font: 1.0625rem/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 42rem; margin: 0 auto; padding: 1rem; overflow-wrap: break-word; }
h1 { font-size: 1.5rem; line-height: 1.25; }
h2 { font-size: 1.25rem; margin-top: 1.75rem; }
h3 { font-size: 1.0625rem; margin-bottom: 0.25rem; }
a { color: var(--link); }
a[href^="tel:"], .phone { font-weight: bold; }
.emergency { border-left: 0.3rem solid var(--alert); padding-left: 0.6rem; font-weight: bold; }
.note { font-style: italic; }
.quiet { color: var(--quiet); }
.detail { margin: 0.2rem 0 0.2rem 1rem; }
@media print {
  body { background: #fff; color: #000; }
  a { color: #000; }
  a.site::after { content: " (" attr(href) ")"; font-weight: normal; }
}
""".strip()

_LIST_TAGS = {"numbered": "ol", "bullet": "ul", "named": "ul"}
_CLASSES = {"note": "note", "quiet": "quiet", "emergency": "emergency", "warning": "emergency"}


def render(document: Document, fragment: bool = False, first_heading: int | None = None) -> str:
    """The document as a page, or as a fragment; `first_heading` is the level of its top
    heading (a page's is 1, a fragment's 2 unless asked otherwise)."""
    levels = heading_levels(document, first_heading or (2 if fragment else 1))
    label = _label(document)
    body = "\n".join(_body(document, levels, label))
    if fragment:
        named = f' aria-labelledby="{label[1]}"' if label else ""
        return f'<section class="reportinfo" lang="en-GB"{named}>\n{body}\n</section>\n'
    from reportinfo.render import jsonld  # a page's structured data; a fragment has none

    head = [f"<title>{escape(document.title)}</title>", f"<style>\n{STYLE}\n</style>"]
    if document.contacts:
        head.append(jsonld.script(document.contacts))
    head_end = "\n".join(head)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{head_end}\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _label(document: Document) -> tuple[Block, str] | None:
    """The first heading, and the id that names the fragment's region after it: from its
    words, so that two fragments pasted into one page do not share an id."""
    for part in document.parts:
        for block in part:
            if block.kind in HEADING_RANKS:
                words = "".join(s.text for s in block.spans if s.kind not in STATUS_KINDS)
                slug = "-".join(re.findall(r"[a-z0-9]+", words.lower()))[:40].strip("-")
                return block, f"reportinfo-{slug or 'heading'}"
    return None


def _body(
    document: Document, levels: dict[BlockKind, int], label: tuple[Block, str] | None
) -> list[str]:
    out = []
    if document.warning:
        out.append(
            f'<p class="emergency" role="note"><strong>{escape(document.warning)}</strong></p>'
        )
    for part in document.parts:
        open_list: str | None = None
        previous: Block | None = None
        for block in part:
            wanted = _LIST_TAGS[block.list_kind] if block.list_kind else None
            if open_list and (wanted != open_list or not _counts_on(previous, block)):
                out.append(f"</{open_list}>")
                open_list = None
            if wanted and not open_list:
                start = block.number if block.list_kind == "numbered" else 1
                # The first number on the list itself: sanitizers keep <ol start>, not <li value>.
                out.append(f'<{wanted} start="{start}">' if start != 1 else f"<{wanted}>")
                open_list = wanted
            if block.kind in levels:
                tag = f"h{levels[block.kind]}"
                named = f' id="{label[1]}"' if label and label[0] is block else ""
                out.append(f"<{tag}{named}>{_inline(block)}</{tag}>")
            else:
                out.append(_block(block))
            previous = block
        if open_list:
            out.append(f"</{open_list}>")
    return out


def _counts_on(previous: Block | None, block: Block) -> bool:
    """Whether a numbered item follows on from the one before it in the same list."""
    if block.list_kind != "numbered" or previous is None:
        return True
    return previous.list_kind == "numbered" and block.number == previous.number + 1


def _inline(block: Block) -> str:
    return "".join(_span(s) for s in block.spans if s.kind not in STATUS_KINDS).strip()


def _block(block: Block) -> str:
    inline = _inline(block)
    if block.list_kind == "numbered":
        return f"<li>{inline}</li>"
    if block.list_kind == "bullet":
        return f"<li>{inline}</li>"
    if block.list_kind == "named":
        return f"<li><code>{escape(block.label.strip())}</code>: {inline}</li>"
    if block.kind == "emergency":  # words and strong: they survive where our style does not
        inline = f"<strong>{escape(EMERGENCY_LABEL)} {inline}</strong>"
    if block.kind == "warning":
        inline = f"<strong>{inline}</strong>"
    classes = [_CLASSES[block.kind]] if block.kind in _CLASSES else []
    if block.indent:
        classes.append("detail")
    attribute = f' class="{" ".join(classes)}"' if classes else ""
    return f"<p{attribute}>{inline}</p>"


# On the element itself, not in the page's style: a fragment pasted into someone else's page
# must keep every number on one line, and its digits in order, too.
_NUMBER = ' dir="ltr" style="white-space: nowrap"'

# What a link keeps as it is: RFC 3986's unreserved and reserved characters and "%". Anything
# else (spaces, quotes, angle brackets, controls, non-ASCII) is written as %XX bytes of UTF-8.
_IN_URL = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%"
)


def href(target: str) -> str:
    """A link target as an attribute value: percent-encoded, then HTML-escaped."""
    encoded = "".join(
        c if c in _IN_URL else "".join(f"%{b:02X}" for b in c.encode()) for c in target
    )
    return escape(encoded, quote=True)


def _span(span: Span) -> str:
    words = escape(span.text)
    target = safe_target(span)
    number = span.kind == "phone"
    if number:  # no-break spaces hold the number together even where the style is stripped
        words = escape(span.text.strip()).replace(" ", "&nbsp;")
    if target and number:
        return f'<a href="{href(target)}"{_NUMBER}>{words}</a>'
    if target:
        named = link_words(span)
        # A link named for its site: print gives its address too, unlike one that reads as it.
        site = ' class="site"' if named != span.text.strip() else ""
        return f'<a href="{href(target)}"{site}>{escape(named)}</a>'
    if number:
        return f'<span class="phone"{_NUMBER}>{words}</span>'
    if span.kind in ("strong", "label"):
        return f"<strong>{words}</strong>"
    if span.kind == "command":
        return f"<code>{words}</code>"
    return words
