"""Markdown and HTML, the forms people paste into articles and pages: structure, links and
escaping, checked by parsing the output rather than by reading its text."""

from __future__ import annotations

import itertools
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
        '<p><strong>Cannot speak or hear on the phone? Relay UK, for 999:</strong> <a href="tel:18000" dir="ltr" style="white-space: nowrap">18000</a>. <strong>Cannot make a voice call? Register for emergencySMS:</strong> text “register” to <a href="sms:999?&amp;body=register" dir="ltr" style="white-space: nowrap">999</a>.</p>\n'
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


# Headings that nest: a page has one <h1>; a fragment, pasted under the host's own title,
# starts at <h2>, and so does Markdown; no level is skipped on the way down.

PAGE_ARGS = {**SECTION_ARGS, "box": ["help-contacts", "--box"]}


def heading_levels(markup: str) -> list[int]:
    return [int(tag[1]) for tag, _ in parse_html(markup).tags if re.fullmatch(r"h[1-6]", tag)]


def _nested(levels: list[int], top: int) -> bool:
    """Whether the headings start at `top`, never rise above it, and skip no level going down."""
    steps = all(b <= a + 1 for a, b in itertools.pairwise(levels))
    return steps and levels[0] == top and min(levels) == top and levels.count(1) <= 1


@pytest.mark.parametrize("page", PAGE_ARGS)
def test_headings_nest_in_pages_fragments_and_markdown(invoke: Invoke, page: str) -> None:
    args = PAGE_ARGS[page]
    full = heading_levels(invoke(*args, "--format", "html").stdout)
    assert _nested(full, 1), full
    fragment = invoke(*args, "--format", "html", "--fragment").stdout
    levels = heading_levels(fragment)
    assert _nested(levels, 2), levels
    assert levels == [level + 1 for level in full]
    tokens = markdown_tokens(invoke(*args, "--format", "markdown").stdout)
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    assert _nested(levels, 2), levels
    # The help that ends a section has a heading of its own in every format.
    assert re.search(r"<h[23][^>]*>Where to find help</h[23]>", fragment)


@pytest.mark.parametrize("page", PAGE_ARGS)
def test_a_fragment_is_a_region_named_by_its_first_heading(invoke: Invoke, page: str) -> None:
    fragment = parse_html(invoke(*PAGE_ARGS[page], "--format", "html", "--fragment").stdout)
    section = fragment.tags[0]
    assert section[0] == "section"
    named = section[1]["aria-labelledby"]
    headings = [attrs for tag, attrs in fragment.tags if re.fullmatch(r"h[1-6]", tag)]
    assert headings[0].get("id") == named
    assert [attrs for _, attrs in fragment.tags if attrs.get("id")] == [headings[0]]


def test_a_heading_level_can_be_chosen() -> None:
    from reportinfo.render import html, markdown
    from reportinfo.render.document import Document, block

    doc = Document("t", ((block("title", "Title"), block("heading", "Part")),))
    assert heading_levels(html.render(doc, fragment=True, first_heading=3)) == [3, 4]
    assert heading_levels(html.render(doc)) == [1, 2]
    assert markdown.render(doc, first_heading=1).startswith("# Title\n\n## Part\n")
    deep = heading_levels(html.render(doc, fragment=True, first_heading=6))
    assert deep == [6, 6], "never past <h6>"


@pytest.mark.parametrize("page", PAGE_ARGS)
@pytest.mark.parametrize("level", [1, 3, 5])
def test_heading_level_sets_the_first_heading_of_every_published_form(
    invoke: Invoke, page: str, level: int
) -> None:
    """`--heading-level N`: the page a fragment goes into decides where it starts."""
    args = PAGE_ARGS[page]
    default = heading_levels(invoke(*args, "--format", "html", "--fragment").stdout)
    for extra in (["--fragment"], []):
        out = invoke(*args, "--format", "html", *extra, "--heading-level", str(level)).stdout
        assert heading_levels(out) == [min(6, h - 2 + level) for h in default]
    tokens = markdown_tokens(
        invoke(*args, "--format", "markdown", "--heading-level", str(level)).stdout
    )
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    assert levels == [min(6, h - 2 + level) for h in default]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["summary", "--heading-level", "3"],
            "reportinfo: --heading-level works only with --format markdown or --format html. "
            "Try 'reportinfo summary --help'.\n",
        ),
        (
            ["summary", "--json", "--heading-level", "3"],
            "reportinfo: --heading-level works only with --format markdown or --format html. "
            "Try 'reportinfo summary --help'.\n",
        ),
        (
            ["summary", "--format", "html", "--heading-level", "7"],
            "reportinfo: Invalid value for '--heading-level': 7 is not in the range 1<=x<=6. "
            "Try 'reportinfo summary --help'.\n",
        ),
        (
            ["--heading-level", "2", "validate"],
            "reportinfo: --heading-level does not apply to 'validate'. "
            "Try 'reportinfo validate --help'.\n",
        ),
    ],
)
def test_heading_level_out_of_place_is_a_usage_error(
    invoke: Invoke, args: list[str], message: str
) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


# Structured data: the contacts a full page shows, as schema.org JSON-LD built from the records.


def structured_data(markup: str) -> Any:
    import json

    found = re.findall(r'<script type="application/ld\+json">\n(.*?)\n</script>', markup, re.S)
    assert len(found) == 1, "one block of structured data"
    return json.loads(found[0])


@pytest.mark.parametrize("page", PAGE_ARGS)
def test_each_full_page_describes_its_contacts_as_schema_org(invoke: Invoke, page: str) -> None:
    from reportinfo import loader
    from reportinfo.render.links import channel_target, dialled

    report = loader.load()

    out = invoke(*PAGE_ARGS[page], "--format", "html").stdout
    data = structured_data(out)
    assert data["@context"] == "https://schema.org"
    organizations = {o["name"]: o for o in data["@graph"]}
    linked = set(re.findall(r'<a href="((?:tel|sms):[^"]+)"', out.replace("&amp;", "&")))
    listed = set()
    for contact in report.contacts:
        lines = [ch for ch in contact.channels if ch.kind in ("phone", "text")]
        if not any(channel_target(ch) in linked for ch in lines):
            assert contact.name not in organizations
            continue
        found = organizations[contact.name]
        kind = "GovernmentOrganization" if contact.emergency else "Organization"
        assert found["@type"] == kind
        points = found["contactPoint"]
        assert [p["telephone"] for p in points] == [dialled(ch.value) for ch in lines]
        for point, channel in zip(points, lines, strict=True):
            assert point["@type"] == "ContactPoint"
            assert re.fullmatch(r"\+[1-9][0-9]{6,14}|[0-9]{3,6}", point["telephone"])
            assert point["contactType"]
            assert point["availableLanguage"] == "English"
            assert point["areaServed"] == {"@type": "Country", "name": "United Kingdom"}
            hours = point.get("hoursAvailable", [])
            known = channel.hours is not None and (channel.hours.always or channel.hours.weekly)
            assert bool(hours) == bool(known), (contact.name, channel)
            for spec in hours:
                assert spec["@type"] == "OpeningHoursSpecification"
                assert re.fullmatch(r"[0-2][0-9]:[0-5][0-9]", spec["opens"])
                assert re.fullmatch(r"[0-2][0-9]:[0-5][0-9]", spec["closes"])
                assert all(d.startswith("https://schema.org/") for d in spec["dayOfWeek"])
        listed.add(contact.name)
    assert listed == set(organizations), "only the contacts the page links"
    assert "Emergency" in listed


def test_structured_data_gives_hours_as_the_report_does(invoke: Invoke) -> None:
    data = structured_data(invoke("help-contacts", "--format", "html").stdout)
    nspcc = next(o for o in data["@graph"] if o["name"] == "NSPCC Helpline")
    assert nspcc["email"] == "help@nspcc.org.uk"
    assert nspcc["url"] == "https://nspcc.org.uk"
    (line,) = nspcc["contactPoint"]
    assert line["telephone"] == "+448088005000"
    assert [(len(s["dayOfWeek"]), s["opens"], s["closes"]) for s in line["hoursAvailable"]] == [
        (5, "08:00", "22:00"),
        (2, "09:00", "18:00"),
    ]
    shout = next(o for o in data["@graph"] if o["name"] == "Shout")
    assert shout["contactPoint"][0]["url"] == "sms:85258?&body=SHOUT"


def test_structured_data_cannot_be_ended_by_the_data(
    invoke: Invoke, write_report: Callable[..., Path]
) -> None:
    name = "</script><script>alert(1)</script><!-- &"

    def hostile(data: dict[str, Any]) -> None:
        data["contacts"][1]["name"] = name

    out = invoke("--data", str(write_report(hostile)), "help-contacts", "--format", "html").stdout
    assert out.count("<script") == 1
    assert out.count("</script>") == 1
    assert name in [o["name"] for o in structured_data(out)["@graph"]]


@pytest.mark.parametrize("args", [["--format", "html", "--fragment"], ["--format", "markdown"]])
def test_fragments_and_markdown_carry_no_structured_data(invoke: Invoke, args: list[str]) -> None:
    for page in PAGE_ARGS.values():
        assert "ld+json" not in invoke(*page, *args).stdout


# What survives a sanitizer: nh3 and bleach as a CMS would run them, with their defaults.


def sanitized(markup: str, sanitizer: str) -> str:
    if sanitizer == "nh3":
        nh3 = pytest.importorskip("nh3")
        return str(nh3.clean(markup))
    bleach = pytest.importorskip("bleach")
    return str(bleach.clean(markup, strip=True))


@pytest.mark.parametrize("sanitizer", ["nh3", "bleach"])
@pytest.mark.parametrize("args", [["help-contacts", "--box"], ["help-contacts"]])
def test_after_a_sanitizer_the_999_line_stands_out_and_numbers_hold(
    invoke: Invoke, sanitizer: str, args: list[str]
) -> None:
    clean = sanitized(invoke(*args, "--format", "html", "--fragment").stdout, sanitizer)
    assert "style=" not in clean
    assert "class=" not in clean
    text = " ".join("".join(parse_html(clean).text).split())
    # The only line that says "Emergency:" (wherever the 999 line is), in bold.
    assert text.count("Emergency:") == text.count("immediate danger") >= 1
    assert "Emergency: If you or anyone else is in immediate danger" in text
    assert "<strong>Emergency: If you or anyone else" in clean
    # Digit groups joined by no-break spaces, as text or as &nbsp;.
    joined = clean.replace("&nbsp;", "\u00a0")
    for number in ("0808\u00a0800\u00a05000", "0800\u00a01111", "116\u00a0123"):
        assert number in joined, number
    if sanitizer == "nh3":  # its default schemes keep tel: and sms: links; bleach's do not
        assert 'href="tel:+448088005000"' in clean
        assert 'href="sms:' in clean or args == ["help-contacts", "--box"]


def test_the_second_list_of_findings_keeps_its_numbers_through_nh3(invoke: Invoke) -> None:
    clean = sanitized(invoke("findings", "--format", "html", "--fragment").stdout, "nh3")
    assert '<ol start="6">' in clean
    assert '<ol start="7">' in clean


# Markdown as two renderers show it: markdown-it-py (CommonMark) and Python-Markdown.


def python_markdown(text: str) -> str:
    markdown = pytest.importorskip("markdown")
    return str(markdown.markdown(text))


def shown_text(markup: str) -> str:
    return " ".join("".join(parse_html(markup).text).replace("\u00a0", " ").split())


@pytest.mark.parametrize("page", PAGE_ARGS)
def test_markdown_reads_the_same_in_both_renderers_with_no_stray_backslash(
    invoke: Invoke, page: str
) -> None:
    out = invoke(*PAGE_ARGS[page], "--format", "markdown").stdout
    commonmark = markdown_it.MarkdownIt("commonmark").render(out)
    python = python_markdown(out)
    assert "\\" not in shown_text(commonmark)
    assert "\\" not in shown_text(python)
    assert shown_text(python) == shown_text(commonmark)
    hrefs = re.compile(r'<a href="([^"]*)"')
    assert hrefs.findall(python.replace("&amp;", "&")) == hrefs.findall(
        commonmark.replace("&amp;", "&")
    )


@pytest.mark.parametrize("section", PUBLISHED_SECTIONS)
def test_python_markdown_makes_no_markup_of_the_data(
    invoke: Invoke, write_report: Callable[..., Path], section: str
) -> None:
    out = invoke("--data", str(write_report(_hostile)), section, "--format", "markdown").stdout
    shown = parse_html(python_markdown(out))
    tags = {tag for tag, _ in shown.tags}
    assert not {"b", "img", "script", "h1", "blockquote"} & tags
    for tag, attrs in shown.tags:
        if tag == "a":
            assert (attrs["href"] or "").startswith(LINK_SCHEMES), attrs
    text = " ".join("".join(shown.text).split())
    assert "\\" not in text
    if section == "findings":
        assert HOSTILE_TEXT in text
    if section == "summary":
        assert "1. not a list" in text


@pytest.mark.parametrize(
    ("data", "markdown"),
    [
        ("Rape Crisis England & Wales", "Rape Crisis England & Wales"),
        ("AT&T &amp; &#42; &copy;", "AT&T &amp;amp; &amp;#42; &amp;copy;"),
        ("a < b, <b>, </i>, <!-- x", "a < b, &lt;b>, &lt;/i>, &lt;!-- x"),
        ("C# > C, 50% ~ a | b", "C# > C, 50% &#126; a &#124; b"),
        ("*a* _b_ `c` [d](e) \\", "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\\\"),
    ],
)
def test_markdown_escapes_only_what_would_be_syntax(data: str, markdown: str) -> None:
    from reportinfo.render.markdown import escape

    assert escape(data) == markdown
    for render in (markdown_it.MarkdownIt("commonmark").render, python_markdown):
        assert shown_text(render(escape(data))) == " ".join(data.split()), render


@pytest.mark.parametrize(
    "line", ["# a", "## a", "> a", "- a", "+ a", "1. a", "12) a", "---", "1984. a year"]
)
def test_markdown_escapes_a_block_marker_at_the_start_of_a_line(line: str) -> None:
    from reportinfo.render import markdown
    from reportinfo.render.document import Document, block

    for kind in ("paragraph", "item", "heading"):
        out = markdown.render(Document("t", ((block(kind, line, label="-"),),)))
        for render in (markdown_it.MarkdownIt("commonmark").render, python_markdown):
            shown = render(out)
            assert shown_text(shown) == line, (kind, render, shown)
            assert not {"blockquote", "ol", "hr", "h1"} & {t for t, _ in parse_html(shown).tags}


def test_a_heading_keeps_a_hash_at_its_end() -> None:
    from reportinfo.render import markdown
    from reportinfo.render.document import Document, block

    out = markdown.render(Document("t", ((block("title", "Learning C #"),),)))
    for render in (markdown_it.MarkdownIt("commonmark").render, python_markdown):
        assert shown_text(render(out)) == "Learning C #"


# Link text: a source reads as its site's name, never as a long raw address.


@pytest.mark.parametrize("section", PUBLISHED_SECTIONS)
def test_no_link_reads_as_a_long_address(invoke: Invoke, section: str) -> None:
    html_out = invoke(section, "--format", "html").stdout
    texts = re.findall(r"<a [^>]*>([^<]*)</a>", html_out)
    md_texts = [
        text for _, text in links(markdown_tokens(invoke(section, "--format", "markdown").stdout))
    ]
    assert texts
    assert md_texts
    from reportinfo.render.document import LONGEST_LINK_TEXT

    assert [t for t in texts + md_texts if len(t) > LONGEST_LINK_TEXT] == []
    if section == "sources":
        assert (
            '<a href="https://www.bucksfreepress.co.uk/news/15215007.Children_s_charity_welcomes_'
            'damning_new_report_into_child_sexual_abuse_in_Bucks/" class="site">'
            "bucksfreepress.co.uk</a>"
        ) in html_out


def test_print_gives_an_address_only_where_the_link_does_not_read_as_it(invoke: Invoke) -> None:
    from reportinfo.render.html import STYLE

    assert 'a.site::after { content: " (" attr(href) ")"' in STYLE
    assert 'a[href^="http"]::after' not in STYLE
    out = invoke("help-contacts", "--format", "html").stdout
    assert '<a href="https://nspcc.org.uk">nspcc.org.uk</a>' in out  # no class: not repeated


@pytest.mark.parametrize(
    "output", [["--format", "markdown"], ["--format", "html"], ["--format", "html", "--fragment"]]
)
def test_web_outputs_name_no_command_to_run(invoke: Invoke, output: list[str]) -> None:
    """Someone reading a published page has no terminal: the overview too leaves its commands
    out, and no section says "More help: reportinfo help-contacts"."""
    for page in PAGE_ARGS.values():
        out = invoke(*page, *output).stdout
        assert "reportinfo " not in out.lower(), page
        assert "<code>" not in out
        assert "`" not in out


def test_structured_data_for_lines_the_bundled_report_does_not_have() -> None:
    """Midnight as schema.org writes it, no hours for an out-of-hours line, and no area for a
    number from abroad."""
    import datetime as dt

    from reportinfo.model import Channel, Contact, Hours, WeeklyOpening
    from reportinfo.render import jsonld

    late = Hours("Evenings", weekly=(WeeklyOpening(("fri",), "18:00", "24:00"),))
    contact = Contact(
        "x",
        "A line",
        "Anyone.",
        (
            Channel("phone", "020 7946 0000", hours=late),
            Channel("phone", "0800 000 000", label="Nights", hours=Hours("", out_of_hours=True)),
            Channel("phone", "+33 1 23 45 67 89"),
        ),
        dt.date(2026, 1, 1),
        ("s",),
    )
    evening, night, abroad = jsonld.organization(contact)["contactPoint"]
    assert evening["telephone"] == "+442079460000"
    assert evening["hoursAvailable"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Friday"],
            "opens": "18:00",
            "closes": "23:59",
        }
    ]
    assert night["contactType"] == "Nights"
    assert "hoursAvailable" not in night
    assert abroad["telephone"] == "+33123456789"
    assert "areaServed" not in abroad
    assert "hoursAvailable" not in abroad
