"""Rendering: numbers never split, no trailing spaces, links where supported, data never markup."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from reportinfo import loader
from reportinfo.model import Channel, Report
from reportinfo.output import Display, choose_display, fit_encoding, supports_hyperlinks
from reportinfo.render import SECTIONS, Request, Section, document, plain, terminal
from reportinfo.render.links import tel_target
from tests.conftest import (
    SATURDAY_NIGHT,
    SECTION_ARGS,
    WEDNESDAY_AFTERNOON,
    Invoke,
    strip_ansi,
    too_wide,
)

REPORT = loader.load()
REQUEST = Request(now=WEDNESDAY_AFTERNOON, commands=(("summary", "What the review is."),))
PHONES = sorted(
    {ch.value for c in REPORT.contacts for ch in c.channels if ch.kind in ("phone", "text")}
    | {"0808 800 5000"},
    key=len,
    reverse=True,
)


def built(section: Section) -> document.Document:
    return document.BUILDERS[section](REPORT, REQUEST)


def rendered(section: Section, width: int, hyperlinks: bool = False, color: bool = True) -> str:
    display = Display(rich=True, color=color, hyperlinks=hyperlinks, width=width, encoding="utf-8")
    return terminal.to_ansi(built(section), display)


_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def seen(text: str) -> str:
    """Text as a person reads it: no SGR styles, no OSC 8 links, no invisible direction marks
    (the isolates around phone numbers take no column)."""
    return _BIDI_CONTROLS.sub("", strip_ansi(text))


def test_every_section_has_a_document_and_a_json_shape() -> None:
    from reportinfo.render import jsonout

    assert list(document.BUILDERS) == list(SECTIONS)
    assert list(jsonout.VIEWS) == list(SECTIONS)


def numbers_whole(text: str) -> list[str]:
    """The phone numbers that appear only partly on some line: there must be none."""
    split = []
    lines = text.splitlines()
    flowing = " ".join(line.strip() for line in lines)
    for number in PHONES:
        if number in flowing:
            whole_count = sum(line.count(number) for line in lines)
            if whole_count != flowing.count(number):
                split.append(number)
    return split


@pytest.mark.parametrize("section", SECTIONS)
def test_no_phone_number_is_split_at_any_width_and_no_line_is_too_wide(section: Section) -> None:
    """Every section, the overview included, at every width from 20 to 300 columns; piped too."""
    piped = seen(plain.render(built(section)))
    assert numbers_whole(piped) == []
    for width in range(20, 301):
        text = seen(rendered(section, width, color=False))
        assert numbers_whole(text) == [], (section, width)
        assert not too_wide(text.splitlines(), width), (section, width)


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize("color", [True, False])
def test_no_trailing_spaces_on_a_terminal(section: Section, color: bool) -> None:
    for width in (20, 37, 80, 133):
        for line in rendered(section, width, color=color).splitlines():
            assert line == line.rstrip(), (section, width, line)
            assert not strip_ansi(line).endswith(" "), (section, width, line)


def test_hyperlinks_only_where_supported() -> None:
    linked = rendered("help-contacts", 80, hyperlinks=True)
    assert "\x1b]8;" in linked
    assert "tel:+448088005000" in linked
    assert "https://childline.org.uk" in linked
    assert "mailto:help@nspcc.org.uk" in linked
    assert "\x1b]8;" not in rendered("help-contacts", 80, hyperlinks=False)


@pytest.mark.parametrize(
    ("number", "link"),
    [
        ("0808 800 5000", "tel:+448088005000"),
        ("08 08 16 89 111", "tel:+448081689111"),
        ("999", "tel:999"),
        ("116 123", "tel:116123"),
        ("0044 20 7946 0000", "tel:+442079460000"),
        ("+44 20 7946 0000", "tel:+442079460000"),
    ],
)
def test_tel_links(number: str, link: str) -> None:
    assert tel_target(number) == link


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, False),
        ({"TERM_PROGRAM": "iTerm.app"}, True),
        ({"VTE_VERSION": "7200"}, True),
        ({"VTE_VERSION": "4000"}, False),
        ({"FORCE_HYPERLINK": "1"}, True),
        ({"FORCE_HYPERLINK": "0", "TERM_PROGRAM": "WezTerm"}, False),
    ],
)
def test_hyperlink_detection(env: dict[str, str], expected: bool) -> None:
    assert supports_hyperlinks(env) is expected


@pytest.mark.parametrize(
    ("color", "isatty", "env", "rich", "use_color"),
    [
        ("auto", True, {"TERM": "xterm"}, True, True),
        ("auto", False, {"TERM": "xterm"}, False, False),
        ("auto", True, {"TERM": "dumb"}, False, False),
        ("auto", True, {"TERM": "xterm", "NO_COLOR": "1"}, True, False),
        ("auto", False, {"FORCE_COLOR": "1"}, True, True),
        ("auto", False, {"FORCE_COLOR": "0"}, False, False),
        ("auto", False, {"CLICOLOR_FORCE": "1"}, True, True),
        ("auto", True, {"TERM": "xterm", "CLICOLOR": "0"}, True, False),
        ("auto", True, {"TERM": "xterm", "CLICOLOR": "1"}, True, True),
        ("auto", False, {"CLICOLOR_FORCE": "1", "NO_COLOR": "1"}, False, False),
        ("always", False, {"NO_COLOR": "1"}, True, True),
        ("never", True, {"FORCE_COLOR": "1", "TERM": "xterm"}, True, False),
        ("never", False, {"CLICOLOR_FORCE": "1"}, False, False),
    ],
)
def test_display_decision(
    color: str, isatty: bool, env: dict[str, str], rich: bool, use_color: bool
) -> None:
    display = choose_display(color, isatty=isatty, env=env)
    assert (display.rich, display.color) == (rich, use_color)


def test_layout_takes_its_width_from_display_not_term(invoke: Invoke) -> None:
    """TERM=dumb with --color always: laid out for COLUMNS, not for rich's idea of a dumb terminal."""
    out = seen(
        invoke("findings", "--color", "always", env={"TERM": "dumb", "COLUMNS": "40"}).stdout
    )
    assert not too_wide(out.splitlines(), 40)


def test_ascii_terminals_get_ascii_punctuation() -> None:
    assert (
        fit_encoding("1998 – 2016 “not heard” • ok…", "ascii") == '1998 - 2016 "not heard" * ok...'
    )
    assert fit_encoding("café ☎", "latin-1") == "café ?"
    assert fit_encoding("café ☎", "utf-8") == "café ☎"


_ADDRESS_THEN_PUNCTUATION = re.compile(r"(@|://|www\.|\.org\.uk|\.uk/)\S*[.,;:)]( |$)")


@pytest.mark.parametrize("section", SECTIONS)
def test_no_punctuation_glued_to_an_address_in_plain_text(section: Section) -> None:
    text = plain.render(built(section))
    for line in text.splitlines():
        for word in line.split():
            if "@" in word or "://" in word or word.endswith((".uk", ".org")) or ".uk/" in word:
                assert not word.endswith((".", ",", ";", ")")), (section, word)


HOSTILE = "[bold red]alarm[/] :warning: [link=https://evil.example]click[/link] http://x.example"


def _hostile(data: dict[str, Any]) -> None:
    data["findings"][0] = {"text": HOSTILE, "sources": ["bfp-article"], "said_by": "review"}
    data["summary"][0]["text"] = HOSTILE
    data["contacts"][1]["name"] = HOSTILE
    data["sources"][0]["title"] = HOSTILE


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize(
    "mode", [["--color", "always"], ["--color", "never"], ["--format", "json"]]
)
def test_markup_in_data_is_printed_literally(
    invoke: Invoke, write_report: Callable[..., Path], section: str, mode: list[str]
) -> None:
    path = write_report(_hostile)
    result = invoke(
        "--data", str(path), *SECTION_ARGS[section], *mode, env={"FORCE_HYPERLINK": "1"}
    )
    assert result.exit_code == 0
    out = json.dumps(json.loads(result.stdout)) if mode[-1] == "json" else strip_ansi(result.stdout)
    if section in ("summary", "findings", "help-contacts", "sources"):
        assert "[bold red]alarm[/] :warning:" in out
    assert "⚠" not in result.stdout
    assert "evil.example" not in result.stdout.replace("[link=https://evil.example]", "")


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\r", "\b", "\x9b", "\x00"])
def test_control_characters_are_refused(
    invoke: Invoke, write_report: Callable[..., Path], char: str
) -> None:
    def inject(data: dict[str, Any]) -> None:
        data["contacts"][1]["name"] = f"NSPCC{char}]0;owned\x07"

    result = invoke("--data", str(write_report(inject)), "help-contacts")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert re.search(
        r"contacts\[1\]\.name: contains a (control character|line break) \(U\+", result.stderr
    )
    assert char not in result.stdout


def test_open_now_is_bold_and_closed_is_plain_never_coloured() -> None:
    """Whether a line is open is said in words; bold marks the one you can call now. No ANSI
    colour: tests/test_contrast.py measures why."""
    display = Display(rich=True, color=True, hyperlinks=False, width=200, encoding="utf-8")
    wednesday = rendered("help-contacts", 200)
    assert "\x1b[1mOpen now, until 10pm.\x1b[0m" in wednesday  # the NSPCC line, Wednesday 2pm
    saturday = terminal.to_ansi(
        document.help_contacts(REPORT, REQUEST._replace(now=SATURDAY_NIGHT)), display
    )
    assert "Closed now." in strip_ansi(saturday)  # the NSPCC line, Saturday 11pm
    assert "\x1b[1mClosed" not in saturday
    for out in (wednesday, saturday):
        assert not re.search(r"\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])[;m]", out)


def test_labels_are_bold_not_dim() -> None:
    out = rendered("help-contacts", 100)
    assert "\x1b[2m" not in out
    assert ";2m" not in out
    assert "\x1b[1mFor:\x1b[0m" in out


def test_extra_spaces_do_not_let_a_number_split(write_report: Callable[..., Path]) -> None:
    def spaced(data: dict[str, Any]) -> None:
        data["contacts"][1]["cost"] = "Free   to   call   on   0808 800 5000   from   UK   phones."

    report = loader.load(str(write_report(spaced)))
    for width in range(20, 80):
        display = Display(rich=True, color=False, hyperlinks=False, width=width, encoding="utf-8")
        out = seen(terminal.to_ansi(document.help_contacts(report, REQUEST), display))
        cost = out[
            out.index("Cost: Free   to") if "Cost: Free   to" in out else out.index("Cost: Free") :
        ]
        cost = cost[: cost.index("phones.")]
        assert "0808 800 5000" in cost, (width, cost)
        assert not too_wide(out.splitlines(), width)


def test_every_contact_and_channel_in_a_valid_file_is_shown(
    invoke: Invoke, write_report: Callable[..., Path]
) -> None:
    def second_emergency(data: dict[str, Any]) -> None:
        data["contacts"].insert(
            1,
            {
                "id": "emergency-web",
                "name": "Emergency online",
                "emergency": True,
                "who": "If you cannot speak, use the emergency text service.",
                "channels": [{"kind": "web", "value": "www.example.org/emergency"}],
                "checked": "2026-11-28",
                "sources": ["nspcc-report"],
            },
        )
        data["groups"][0]["contacts"].append("emergency-web")

    path = str(write_report(second_emergency))
    for mode in (["--color", "never"], ["--color", "always"]):
        out = strip_ansi(invoke("--data", path, "help-contacts", *mode).stdout)
        assert "If you cannot speak, use the emergency text service." in out
        assert "www.example.org/emergency" in out
    assert invoke("--data", path, "validate").exit_code == 0


# Numbers written with an international prefix are the longest: they too stay whole.

INTERNATIONAL = ("0044 808 800 5000", "+44 808 800 5000")


def _international(report: Report) -> Report:
    """The bundled report with every phone line, note and cost, and each finding and summary
    point, carrying a number written with an international prefix."""

    def channel(ch: Channel, i: int) -> Channel:
        return ch._replace(value=INTERNATIONAL[i % 2]) if ch.kind == "phone" else ch

    contacts = tuple(
        c._replace(
            channels=tuple(channel(ch, i) for i, ch in enumerate(c.channels)),
            note=f"Or call {INTERNATIONAL[1]}.",
            cost=f"Free to call on {INTERNATIONAL[0]}.",
        )
        for c in report.contacts
    )
    findings = tuple(
        f._replace(text=f"{f.text} Call {INTERNATIONAL[n % 2]}.")
        for n, f in enumerate(report.findings)
    )
    summary = tuple(p._replace(text=f"{p.text} Call {INTERNATIONAL[0]}.") for p in report.summary)
    return report._replace(contacts=contacts, findings=findings, summary=summary)


@pytest.mark.parametrize("section", SECTIONS)
def test_international_numbers_stay_whole_at_every_width(section: Section) -> None:
    """At 20 columns a number in a numbered finding ("10. ") is longer than the room beside
    its label: it stands whole on a line of its own, moved left to fit, not broken."""
    doc = document.BUILDERS[section](_international(REPORT), REQUEST)
    for width in range(20, 301):
        display = Display(rich=True, color=False, hyperlinks=False, width=width, encoding="utf-8")
        text = seen(terminal.to_ansi(doc, display))
        lines = text.splitlines()
        flowing = " ".join(line.strip() for line in lines)
        for number in INTERNATIONAL:
            whole = sum(line.count(number) for line in lines)
            assert whole == flowing.count(number), (section, width, number)
        assert not too_wide(lines, width), (section, width)
        assert all(line == line.rstrip() for line in lines), (section, width)
    assert any(number in plain.render(doc) for number in INTERNATIONAL)


def test_a_number_longer_than_the_room_beside_its_label_has_a_line_of_its_own() -> None:
    block = document.Block(
        "item",
        (
            document.Span("Call "),
            document.Span("0044 808 800 5000", "phone", tel_target("0044 808 800 5000")),
            document.Span("."),
        ),
        label="10.",
    )
    display = Display(rich=True, color=False, hyperlinks=False, width=20, encoding="utf-8")
    lines = seen(terminal.to_ansi(document.Document("t", ((block,),)), display)).splitlines()
    assert lines == ["10. Call", "  0044 808 800 5000."]


def test_a_long_address_stands_whole_on_a_line_of_its_own_with_its_punctuation() -> None:
    """Never broken by the tool: the terminal wraps it, and it is copied and found whole."""
    block = document.Block(
        "paragraph",
        (
            document.Span("See "),
            document.web("averyveryverylongaddress.org.uk"),
            document.Span("."),
        ),
        indent=1,
    )
    display = Display(rich=True, color=False, hyperlinks=False, width=20, encoding="utf-8")
    lines = seen(terminal.to_ansi(document.Document("t", ((block,),)), display)).splitlines()
    assert lines == ["  See", "averyveryverylongaddress.org.uk."]


def test_terminal_isolates_numbers_only_where_the_encoding_can_carry_them() -> None:
    doc = document.Document("t", ((document.block("paragraph", "Call 0808 800 5000."),),))
    for encoding, isolates in (("utf-8", True), ("ascii", False), ("latin-1", False)):
        display = Display(rich=True, color=False, hyperlinks=False, width=80, encoding=encoding)
        out = terminal.to_ansi(doc, display)
        assert ("\u20660808 800 5000\u2069" in out) is isolates, encoding
        assert "0808 800 5000" in out


# The published formats, from documents built here: the renderers alone keep data inert.

HOSTILE_TEXTS = (
    '<b>bold</b> <script>alert(1)</script> <img src=x onerror="alert(1)">',
    "[a link](javascript:alert(1)) ![image](https://evil.example/x.png) <https://evil.example>",
    "*em* _em_ **strong** `code` ~~gone~~ | a | table | &amp; &#60;b&#62; \\ backslash",
    "\n# a heading\n- a list\n1. a list\n\n<div>block</div>\n    code\n===",
    "+ a list\n> a quote\n[ref]: https://evil.example",
    '"><svg onload=alert(1)>',
)
HOSTILE_TARGETS = (
    "https://example.org/a b",
    "https://example.org/<script>alert(1)</script>",
    "https://example.org/>)[x](javascript:alert(1))",
    "https://example.org/a)b(c",
    "https://example.org/&lt;b&gt;&#60;",
    "https://example.org/%zz%41",
    "https://example.org/\u202eevil/ü",
    'https://example.org/"onmouseover="alert(1)',
    "https://example.org/'x'`y`*z*_w_",
    "https://example.org/\\<b>",
    "https://example.org/\n<b>x</b>",
    "mailto:a@example.org?subject=<b>x</b>&body=a b",
    "mailto:a b@example.org",
    "tel:+44 808<b>",
    "sms:999?&body=<b>x</b>",
    "javascript:alert(1)",
    "data:text/html,<b>x</b>",
    "vbscript:x",
)


def _hostile_document() -> document.Document:
    Span, Block = document.Span, document.Block
    linked = [
        Span(f"link {i} <b>{target}</b>", kind, target)
        for i, target in enumerate(HOSTILE_TARGETS)
        for kind in ("web", "email", "phone")
    ]
    texts = [Span(text) for text in HOSTILE_TEXTS]
    commands = [Span(text, "command") for text in (*HOSTILE_TEXTS, "a`b", "`", " ", "x\ny")]
    return document.Document(
        "<title>" + HOSTILE_TEXTS[0],
        (
            (Block("title", tuple(texts)), Block("heading", (Span(HOSTILE_TEXTS[3]),))),
            tuple(Block("paragraph", (Span("see "), span, Span(". "))) for span in linked),
            tuple(Block(kind, tuple(texts)) for kind in ("note", "quiet", "emergency", "warning")),
            tuple(Block("item", (span,), label="-") for span in texts),
            tuple(Block("item", (span,), label="$") for span in commands),
            tuple(Block("item", (Span("x"),), label=f"a`{t}`") for t in HOSTILE_TEXTS[:3]),
            tuple(Block("item", tuple(texts), label=f"{n}.") for n in (1, 2, 4, 9, 7, 8)),
        ),
        warning=HOSTILE_TEXTS[2] + HOSTILE_TEXTS[0],
    )


def _markdown_tokens(text: str) -> list[Any]:
    from markdown_it import MarkdownIt

    tokens = list(MarkdownIt("commonmark").parse(text))
    return tokens + [child for token in tokens for child in token.children or []]


def _lenient(span: document.Span) -> str | None:
    """A vetting of link targets far looser than the tool's: a known scheme is enough."""
    target = span.target
    return (
        target
        if target and target.startswith(("https:", "http:", "mailto:", "tel:", "sms:"))
        else None
    )


VETTING: dict[str, Callable[[document.Span], str | None]] = {
    "the tool's": document.safe_target,
    "lenient": _lenient,  # the renderer alone must keep the output safe
}


def _targets(doc: document.Document, vet: Callable[[document.Span], str | None]) -> set[str]:
    """Each link target vetted for writing, decoded."""
    return {
        unquote(target)
        for part in doc.parts
        for block in part
        for span in block.spans
        if (target := vet(span))
    }


def test_the_terminal_links_only_what_the_tool_would_link() -> None:
    """OSC 8 links pass the same gate as Markdown's and HTML's: a target of any other shape is
    shown as text, never sent to the terminal as a link."""
    from reportinfo.output import Display
    from reportinfo.render import terminal

    display = Display(rich=True, color=True, hyperlinks=True, width=100, encoding="utf-8")
    out = terminal.to_ansi(_hostile_document(), display)
    written = re.findall(r"\x1b]8;[^;]*;([^\x1b\x07]*)(?:\x1b\\|\x07)", out)
    vetted = _targets(_hostile_document(), document.safe_target)
    assert {unquote(target) for target in written if target} <= vetted
    assert not [target for target in written if "<" in target or " " in target]


@pytest.mark.parametrize("vetting", VETTING)
def test_markdown_from_any_document_has_no_html_and_only_the_tools_links(
    monkeypatch: pytest.MonkeyPatch, vetting: str
) -> None:
    from markdown_it import MarkdownIt

    from reportinfo.render import markdown

    monkeypatch.setattr(markdown, "safe_target", VETTING[vetting])
    doc = _hostile_document()
    out = markdown.render(doc)
    tokens = _markdown_tokens(out)
    assert not [t for t in tokens if t.type in ("html_inline", "html_block")]
    assert not [t for t in tokens if t.type in ("image", "code_block", "fence")]
    assert [t.type for t in tokens].count("blockquote_open") == 1  # the warning, only
    targets = _targets(doc, VETTING[vetting])
    links = [t.attrs["href"] for t in tokens if t.type == "link_open"]
    vetted = [s for part in doc.parts for b in part for s in b.spans if VETTING[vetting](s)]
    assert len(links) == len(vetted)
    for href in links:
        assert isinstance(href, str)
        assert href.startswith(("https://", "http://", "mailto:", "tel:", "sms:")), href
        assert unquote(href) in targets, href
    # Every destination is written percent-encoded: nothing CommonMark or a reader could misread.
    for written in re.findall(r"\]\(<([^>\n]*)>\)", out):
        assert re.fullmatch(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", written), written
        assert not re.search(r"&#?[0-9A-Za-z]+;", written), written
    # And every word of the data is shown as it is, line breaks as spaces.
    shown = _html_text(MarkdownIt("commonmark").render(out))
    for text in HOSTILE_TEXTS:
        assert " ".join(text.split()) in shown, text
    headings = [t.tag for t in tokens if t.type == "heading_open"]
    assert headings == ["h2", "h3"]  # under the title of the page it is pasted into


@pytest.mark.parametrize("vetting", VETTING)
def test_html_from_any_document_is_inert_and_links_only_where_the_tool_made_them(
    monkeypatch: pytest.MonkeyPatch, vetting: str
) -> None:
    from reportinfo.render import html

    monkeypatch.setattr(html, "safe_target", VETTING[vetting])
    doc = _hostile_document()
    for out in (html.render(doc), html.render(doc, fragment=True)):
        page = _Collected()
        page.feed(out)
        assert {tag for tag, _ in page.tags} <= {
            "html", "head", "meta", "title", "style", "body", "main", "section", "h1", "h2",
            "h3", "p", "a", "strong", "code", "span", "ul", "ol", "li",
        }  # fmt: skip
        allowed = {"href", "dir", "style", "class", "start", "lang", "role", "charset", "name",
                   "content", "id", "aria-labelledby"}  # fmt: skip
        targets = _targets(doc, VETTING[vetting])
        links = 0
        for tag, attrs in page.tags:
            assert set(attrs) <= allowed, (tag, attrs)
            if tag == "a":
                href = attrs["href"] or ""
                assert re.fullmatch(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", href), href
                assert unquote(href) in targets, href
                links += 1
        assert links == len(
            [s for part in doc.parts for b in part for s in b.spans if VETTING[vetting](s)]
        )
        for text in HOSTILE_TEXTS:
            assert text in "".join(page.text), text


def _html_text(markup: str) -> str:
    page = _Collected()
    page.feed(markup)
    return " ".join("".join(page.text).split())


class _Collected(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_numbered_lists_keep_their_numbers_without_value_attributes() -> None:
    """Sanitizers drop <li value>; <ol start> survives. A gap in the numbers starts a list."""
    from reportinfo.render import html, markdown

    items = tuple(
        document.Block("item", (document.Span(f"finding {n}"),), label=f"{n}.") for n in (7, 8, 10)
    )
    doc = document.Document("t", ((document.block("heading", "Said"), *items),))
    out = html.render(doc, fragment=True)
    assert "value=" not in out
    assert '<ol start="7">\n<li>finding 7</li>\n<li>finding 8</li>\n</ol>' in out
    assert '<ol start="10">\n<li>finding 10</li>\n</ol>' in out
    tokens = _markdown_tokens(markdown.render(doc))
    starts = [t.attrs.get("start", 1) for t in tokens if t.type == "ordered_list_open"]
    assert starts == [7, 10]


def test_published_numbers_hold_together_and_keep_their_links() -> None:
    """No-break spaces join the digit groups of the number shown; the link is unchanged."""
    from reportinfo.render import html, markdown

    doc = document.Document(
        "t",
        (
            (
                document.block(
                    "paragraph",
                    "Call ",
                    document.Span("0808 800 5000", "phone", tel_target("0808 800 5000")),
                    ".",
                ),
            ),
        ),
    )
    assert (
        '<a href="tel:+448088005000" dir="ltr" style="white-space: nowrap">'
        "0808&nbsp;800&nbsp;5000</a>" in html.render(doc, fragment=True)
    )
    assert "Call [\u20660808\u00a0800\u00a05000\u2069](<tel:+448088005000>)." in markdown.render(
        doc
    )
