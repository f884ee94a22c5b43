"""Markdown and HTML, the forms people paste into articles and pages: structure, links and
escaping, checked by parsing the output rather than by reading its text."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SECTION_ARGS, Invoke, without_isolates

markdown_it = pytest.importorskip("markdown_it")

PUBLISHED_SECTIONS = ["summary", "findings", "help-contacts", "sources"]
# Every link the tool writes starts with one of these (an sms: link texts a service).
LINK_SCHEMES = ("https://", "http://", "mailto:", "tel:", "sms:")


def as_read(text: str) -> str:
    """Link text as a reader sees it: no direction isolates, no-break spaces as spaces."""
    return without_isolates(text).replace("\u00a0", " ")


def markdown_tokens(text: str) -> list[Any]:
    return list(markdown_it.MarkdownIt("commonmark").parse(text))


def links(tokens: list[Any]) -> list[tuple[str, str]]:
    """(href, text) of every link, from the parsed tokens."""
    found = []
    for token in tokens:
        children = token.children or []
        for i, child in enumerate(children):
            if child.type == "link_open":
                text = "".join(c.content for c in children[i + 1 :] if c.type == "text")
                text = children[i + 1].content if children[i + 1].type == "text" else text
                found.append((child.attrs["href"], as_read(text)))
    return found


@pytest.mark.parametrize("section", SECTION_ARGS)
def test_markdown_structure(invoke: Invoke, section: str) -> None:
    result = invoke(*SECTION_ARGS[section], "--format", "markdown")
    assert result.exit_code == 0
    tokens = markdown_tokens(result.stdout)
    kinds = [t.type for t in tokens]
    assert "heading_open" in kinds
    assert all(line == line.rstrip() for line in result.stdout.splitlines())
    for href, _ in links(tokens):
        assert href.startswith(LINK_SCHEMES), href


def test_markdown_findings_are_ordered_lists_under_their_headings(invoke: Invoke) -> None:
    tokens = markdown_tokens(invoke("findings", "--format", "markdown").stdout)
    headings = [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h3"
    ]
    assert headings[:3] == ["What the review found", "What the Board said", "What the NSPCC said"]
    starts = [t.attrs.get("start", 1) for t in tokens if t.type == "ordered_list_open"]
    assert starts == [1, 6, 7]
    assert sum(t.type == "list_item_open" for t in tokens) == 10


def test_markdown_phone_numbers_are_tel_links_and_sources_are_links(invoke: Invoke) -> None:
    contacts = links(markdown_tokens(invoke("help-contacts", "--format", "markdown").stdout))
    assert ("tel:+448088005000", "0808 800 5000") in contacts
    assert ("tel:116123", "116 123") in contacts
    assert ("tel:+448081689111", "08 08 16 89 111") in contacts
    assert ("mailto:help@nspcc.org.uk", "help@nspcc.org.uk") in contacts
    sources = links(markdown_tokens(invoke("sources", "--format", "markdown").stdout))
    assert ("https://www.gov.uk/bank-holidays", "https://www.gov.uk/bank-holidays") in sources


HOSTILE_TEXT = "*bold* _em_ [link](https://evil.example) <b>tag</b> `code` # not a heading & more"


def _hostile(data: dict[str, Any]) -> None:
    data["findings"][0] = {"text": HOSTILE_TEXT, "sources": ["bfp-article"], "said_by": "review"}
    data["summary"][0]["text"] = "# " + HOSTILE_TEXT
    data["summary"][1]["text"] = "1. not a list"
    data["contacts"][1]["name"] = HOSTILE_TEXT
    data["sources"][0]["title"] = '"><img src=x onerror=alert(1)> <script>alert(1)</script>'
    data["contacts"][1]["who"] = '<a href="javascript:alert(1)">click</a>'


@pytest.mark.parametrize("section", PUBLISHED_SECTIONS)
def test_markdown_from_the_data_is_never_syntax(
    invoke: Invoke, write_report: Callable[..., Path], section: str
) -> None:
    out = invoke("--data", str(write_report(_hostile)), section, "--format", "markdown").stdout
    shown = parse_html(markdown_it.MarkdownIt("commonmark").render(out))
    tags = [tag for tag, _ in shown.tags]
    assert not {"b", "img", "script"} & set(tags)
    assert "h1" not in tags, "pasted under the host's title: no top heading of its own"
    assert tags.count("h2") == 1, "only the title is a second-level heading"
    for tag, attrs in shown.tags:
        if tag == "a":
            assert (attrs["href"] or "").startswith(LINK_SCHEMES), attrs
            assert "evil" not in (attrs["href"] or "")
    text = "".join(shown.text)
    if section == "findings":
        assert HOSTILE_TEXT in text
    if section == "summary":
        assert "# " + HOSTILE_TEXT in text
        assert "1. not a list" in text
    if section == "sources":
        assert '"><img src=x onerror=alert(1)> <script>alert(1)</script>' in text


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(text: str) -> _Collect:
    parser = _Collect()
    parser.feed(text)
    return parser


@pytest.mark.parametrize("section", PUBLISHED_SECTIONS)
def test_html_is_a_complete_self_contained_page(invoke: Invoke, section: str) -> None:
    out = invoke(section, "--format", "html").stdout
    assert out.startswith('<!DOCTYPE html>\n<html lang="en-GB">')
    page = parse_html(out)
    tags = [tag for tag, _ in page.tags]
    assert {"title", "main", "h1", "style"} <= set(tags)
    assert tags.count("h1") == 1
    assert [attrs for tag, attrs in page.tags if tag == "script"] == [
        {"type": "application/ld+json"}
    ], "one script: the contacts as structured data"
    for tag, attrs in page.tags:
        assert "src" not in attrs, "no external resources"
        if tag == "link":
            pytest.fail("no external stylesheets")
        for name in attrs:
            assert not name.startswith("on"), (tag, name)
        if tag == "a":
            assert (attrs["href"] or "").startswith(LINK_SCHEMES)
    assert "@media (prefers-color-scheme: dark)" in out
    assert "@media print" in out


def test_html_fragment_has_the_same_content(invoke: Invoke) -> None:
    page = invoke("help-contacts", "--format", "html").stdout
    fragment = invoke("help-contacts", "--format", "html", "--fragment").stdout
    assert fragment.startswith(
        '<section class="reportinfo" lang="en-GB" aria-labelledby="reportinfo-where-to-find-help">'
    )
    assert "<html" not in fragment
    assert "<style" not in fragment
    assert "<script" not in fragment
    body = page[page.index("<main>") + len("<main>\n") : page.index("</main>")]
    # The same content, each heading one level down: the host's title is its <h1>.
    lowered = re.sub(r"<(/?)h([1-5])", lambda m: f"<{m[1]}h{int(m[2]) + 1}", body)
    assert lowered in fragment


@pytest.mark.parametrize("output_format", ["markdown", "html"])
def test_published_forms_leave_out_open_now(invoke: Invoke, output_format: str) -> None:
    """A page is read long after it is made: "Open now" would be wrong by then."""
    out = invoke("help-contacts", "--format", output_format).stdout
    assert "Monday to Friday 8am to 10pm, weekends 9am to 6pm." in out
    for status in ("Open now", "Closed now", "Opens at", "bank holiday:"):
        assert status not in out


def test_html_phone_numbers_are_tel_links_with_the_number_as_written(invoke: Invoke) -> None:
    out = invoke("help-contacts", "--format", "html").stdout
    page = parse_html(out)
    # nowrap on the link itself, so that a pasted fragment keeps the number whole in any page
    tel = [
        (href, text.replace("&nbsp;", " "))
        for href, text in re.findall(
            r'<a href="(tel:[^"]+)" dir="ltr" style="white-space: nowrap">([^<]+)</a>', out
        )
    ]
    assert len(tel) == out.count('<a href="tel:')
    assert ("tel:+448088005000", "0808 800 5000") in tel
    assert ("tel:999", "999") in tel
    assert ("tel:+448088010331", "0808 801 0331") in tel
    assert '<a href="mailto:help@nspcc.org.uk">help@nspcc.org.uk</a>' in out
    assert page.tags


@pytest.mark.parametrize("section", PUBLISHED_SECTIONS)
def test_html_from_the_data_is_inert_text(
    invoke: Invoke, write_report: Callable[..., Path], section: str
) -> None:
    out = invoke("--data", str(write_report(_hostile)), section, "--format", "html").stdout
    page = parse_html(out)
    tags = [tag for tag, _ in page.tags]
    assert not {"img", "b"} & set(tags)
    assert tags.count("script") == 1, "the structured data, which the data cannot end"
    assert out.count("</script>") == 1
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs)
        if tag == "a":
            assert "javascript" not in (attrs["href"] or "")
    text = "".join(page.text)
    if section == "sources":
        assert '"><img src=x onerror=alert(1)> <script>alert(1)</script>' in text
    if section == "help-contacts":
        assert '<a href="javascript:alert(1)">click</a>' in text


def test_the_help_box(invoke: Invoke) -> None:
    out = invoke("help-contacts", "--box", "--format", "html", "--fragment").stdout
    assert out == (
        '<section class="reportinfo" lang="en-GB" aria-labelledby="reportinfo-where-to-find-help">\n'
        '<h2 id="reportinfo-where-to-find-help">Where to find help</h2>\n'
        '<p class="emergency"><strong>Emergency: If you or anyone else is in immediate danger, call the emergency services straight away: <a href="tel:999" dir="ltr" style="white-space: nowrap">999</a>.</strong></p>\n'
        '<p><strong>Cannot speak or hear on the phone? Relay UK:</strong> <a href="tel:18000" dir="ltr" style="white-space: nowrap">18000</a>. <strong>Cannot make a voice call? Register for emergencySMS:</strong> text register to <a href="sms:999?&amp;body=register" dir="ltr" style="white-space: nowrap">999</a>.</p>\n'
        '<p><strong>Worried about a child? NSPCC Helpline:</strong> <a href="tel:+448088005000" dir="ltr" style="white-space: nowrap">0808&nbsp;800&nbsp;5000</a>. Monday to Friday 8am to 10pm, weekends 9am to 6pm.</p>\n'
        '<p class="detail">Urgent, out of hours: Buckinghamshire Council Emergency Duty Team: <a href="tel:+448009997677" dir="ltr" style="white-space: nowrap">0800&nbsp;999&nbsp;7677</a>.</p>\n'
        '<p class="detail">Any time: <strong>Email:</strong> <a href="mailto:help@nspcc.org.uk">help@nspcc.org.uk</a>; <strong>Online report form:</strong> <a href="https://nspcc.org.uk">nspcc.org.uk</a>.</p>\n'
        '<p><strong>Under 19? Childline:</strong> <a href="tel:+448001111" dir="ltr" style="white-space: nowrap">0800&nbsp;1111</a>, any time.</p>\n'
        '<p><strong>Abused as a child? NAPAC (National Association for People Abused in Childhood):</strong> <a href="tel:+448088010331" dir="ltr" style="white-space: nowrap">0808&nbsp;801&nbsp;0331</a>. See napac.org.uk for opening times.</p>\n'
        '<p class="detail">Any time: Rape Crisis 24/7 Support Line: <a href="https://247sexualabusesupport.org.uk">247sexualabusesupport.org.uk</a>.</p>\n'
        '<p><strong>Struggling to cope? Samaritans:</strong> <a href="tel:116123" dir="ltr" style="white-space: nowrap">116&nbsp;123</a>, any time.</p>\n'
        '<p class="quiet">Details checked 28 November 2026.</p>\n'
        "</section>\n"
    )
    markdown = invoke("help-contacts", "--box", "--format", "markdown").stdout
    assert "[\u20660808\u00a0800\u00a05000\u2069](<tel:+448088005000>)" in markdown
    assert markdown.endswith("*Details checked 28 November 2026.*\n")
