"""What you see is what you dial: phone numbers keep their digits in dialling order beside
right-to-left text, in plain text, Markdown and on a terminal.

The test reports are the bundled one with Hebrew and Arabic names, labels, notes and questions
next to the numbers, some numbers written with an international prefix. Each line of output is
laid out by the Unicode bidirectional algorithm (python-bidi, which wraps the unicode-bidi
crate and knows the isolates of Unicode 6.3), with the paragraph direction found from the text,
and forced left to right and right to left: every number must read as written. The same output
with the isolates taken out must not, or the test would prove nothing. HTML is checked in a real
browser, in tests/test_browser.py, with the same reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from bidi import get_display  # type: ignore[import-untyped]
from markdown_it import MarkdownIt

from reportinfo import loader
from reportinfo.model import Channel, Contact, Report
from reportinfo.output import Display
from reportinfo.render import SECTIONS, Request, document, markdown, plain, terminal
from reportinfo.render.document import Document
from reportinfo.render.links import tel_target
from tests.conftest import SATURDAY_NIGHT, WEDNESDAY_AFTERNOON, strip_ansi

HEBREW_NAME = "קו סיוע"  # "help line"
HEBREW_WHO = "אם מישהו בסכנה מיידית, התקשרו"  # "if anyone is in immediate danger, call"
HEBREW_COST = "חינם, התקשרו 116 123 עכשיו"  # "free, call 116 123 now"
ARABIC_PHONE = "هاتف"  # "phone"
ARABIC_TEXT = "رسالة نصية"  # "text message"
ARABIC_QUESTION = "قلق على طفل؟"  # "worried about a child?"
ARABIC_NOTE = "اتصل على 0808 801 0331 مجانا"  # "call 0808 801 0331 for free"
INTERNATIONAL = {"nspcc-helpline": "+44 808 800 5000", "childline": "0044 800 1111"}

# Marks that steer direction and are not seen: the isolates, embeddings, overrides and marks.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def rtl_report() -> Report:
    """The bundled report with right-to-left words beside every number."""
    report = loader.load()

    def channel(contact: Contact, ch: Channel) -> Channel:
        if ch.kind == "phone":
            value = INTERNATIONAL.get(contact.id, ch.value)
            return ch._replace(label=ARABIC_PHONE, value=value)
        if ch.kind == "text":
            return ch._replace(label=ARABIC_TEXT)
        return ch

    contacts = tuple(
        c._replace(
            name=f"{c.name} {HEBREW_NAME}",
            who=HEBREW_WHO if c.emergency else c.who,
            channels=tuple(channel(c, ch) for ch in c.channels),
            note=ARABIC_NOTE,
            cost=HEBREW_COST,
        )
        for c in report.contacts
    )
    groups = tuple(g._replace(signpost=ARABIC_QUESTION) if g.signpost else g for g in report.groups)
    findings = tuple(f._replace(text=f"{f.text} {ARABIC_NOTE}") for f in report.findings)
    summary = tuple(p._replace(text=f"{HEBREW_COST}. {p.text}") for p in report.summary)
    return report._replace(contacts=contacts, groups=groups, findings=findings, summary=summary)


REQUESTS = {
    "wednesday": Request(now=WEDNESDAY_AFTERNOON, commands=(("summary", "What it is."),)),
    "saturday": Request(now=SATURDAY_NIGHT),
    "box": Request(now=WEDNESDAY_AFTERNOON, box=True),
}


def documents(report: Report) -> Iterator[tuple[str, Document]]:
    for section in SECTIONS:
        builder: Callable[..., Document] = document.BUILDERS[section]
        for name, request in REQUESTS.items():
            if name == "box" and section != "help-contacts":
                continue
            yield f"{section}, {name}", builder(report, request)


def numbers(doc: Document) -> list[str]:
    """Every phone number the document shows, longest first."""
    found = {
        s.text.strip() for part in doc.parts for b in part for s in b.spans if s.kind == "phone"
    }
    return sorted(found, key=len, reverse=True)


def seen(line: str, base: str | None) -> str:
    """The line as laid out for a reader, left to right, without the marks that are not seen."""
    return BIDI_CONTROLS.sub("", get_display(line, base_dir=base)).replace("\u00a0", " ")


def misread(text: str, phones: list[str]) -> list[tuple[str, str, str | None]]:
    """(line, number, paragraph direction) wherever a number does not read as written."""
    wrong = []
    for line in text.splitlines():
        logical = BIDI_CONTROLS.sub("", line).replace("\u00a0", " ")
        for number in phones:
            count = logical.count(number)
            if count:
                for base in (None, "L", "R"):
                    if seen(line, base).count(number) < count:
                        wrong.append((line, number, base))
    return wrong


def without_isolation(text: str) -> str:
    """The same output as it was before numbers were isolated."""
    return BIDI_CONTROLS.sub("", text).replace("\u00a0", " ")


def terminal_text(doc: Document, width: int, encoding: str = "utf-8") -> str:
    display = Display(rich=True, color=True, hyperlinks=True, width=width, encoding=encoding)
    return strip_ansi(terminal.to_ansi(doc, display))


FORMATS: dict[str, Callable[[Document], str]] = {
    "plain": plain.render,
    "markdown": markdown.render,
    "terminal, 80 columns": lambda doc: terminal_text(doc, 80),
    "terminal, 24 columns": lambda doc: terminal_text(doc, 24),
}
RTL_DOCUMENTS = dict(documents(rtl_report()))


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("name", RTL_DOCUMENTS)
def test_numbers_read_as_dialled_beside_right_to_left_text(output_format: str, name: str) -> None:
    doc = RTL_DOCUMENTS[name]
    out = FORMATS[output_format](doc)
    phones = numbers(doc)
    assert phones
    assert misread(out, phones) == []


@pytest.mark.parametrize("output_format", FORMATS)
def test_without_the_isolates_these_reports_would_be_misread(output_format: str) -> None:
    """The test reports do put numbers in harm's way: unprotected, some read wrongly."""
    doc = RTL_DOCUMENTS["help-contacts, wednesday"]
    wrong = misread(without_isolation(FORMATS[output_format](doc)), numbers(doc))
    assert {number for _, number, _ in wrong} >= {"+44 808 800 5000", "0808 801 0331"}


@pytest.mark.parametrize("section", SECTIONS)
def test_every_number_is_isolated_in_plain_markdown_and_terminal(section: str) -> None:
    doc = RTL_DOCUMENTS[f"{section}, wednesday"]
    for output_format, render in FORMATS.items():
        # Link destinations hold numbers as dialled, not shown: leave them out.
        out = re.sub(r"\]\(<[^>]*>\)", "]", render(doc)).replace("\u00a0", " ")
        for number in numbers(doc):
            bare = len(re.findall(rf"(?<![\d ]){re.escape(number)}(?![\d ])", out))
            isolated = out.count(f"\u2066{number}\u2069")
            assert isolated == bare, (output_format, number)


def test_markdown_links_dial_what_they_show() -> None:
    """Each tel: link's text, as a reader sees it, dials the link's own number."""
    for name, doc in RTL_DOCUMENTS.items():
        tokens = MarkdownIt("commonmark").parse(markdown.render(doc))
        children = [c for t in tokens for c in t.children or []]
        for i, child in enumerate(children):
            href = child.attrs.get("href") if child.type == "link_open" else None
            if isinstance(href, str) and href.startswith("tel:"):
                shown = seen(children[i + 1].content, "R")
                assert tel_target(shown) == href, (name, shown, href)


def test_a_terminal_that_cannot_show_the_isolates_does_not_get_them() -> None:
    """In ASCII or Latin-1 the isolates would print as '?': the number is written bare."""
    doc = RTL_DOCUMENTS["help-contacts, wednesday"]
    for encoding in ("ascii", "latin-1", "cp1252"):
        out = terminal_text(doc, 80, encoding)
        assert not BIDI_CONTROLS.search(out), encoding
        assert "+44 808 800 5000" in out
