"""The HTML output in a real browser: headless Chromium, at a phone's width and a desktop's.

Each phone number lies on one line, nothing scrolls sideways on a phone, and axe-core 4.x
finds no WCAG 2.2 AA violation and no breach of its best practices, in light and dark mode,
in our pages and with our fragments inside someone else's page. Pasted as publishers paste it
(after nh3 or bleach, or written as Markdown and rendered), the help keeps every number on one
line at every phone width and in a narrow column. Needs Debian's chromium and chromium-driver, Selenium (the
`browser` extra) and axe-core's axe.min.js (from npm) at AXE_CORE_JS; .ci/run installs all
four. Locally these tests skip, saying what is missing; with REPORTINFO_BROWSER_TESTS=required
(as in CI) a missing piece is a failure, so they cannot silently stop running.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from tests.conftest import Invoke

REQUIRED = os.environ.get("REPORTINFO_BROWSER_TESTS") == "required"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_TAGS = [*WCAG_22_AA, "best-practice"]
SCHEMES = ("light", "dark")
PAGES = {
    "summary": ["summary"],
    "findings": ["findings"],
    "help-contacts": ["help-contacts"],
    "sources": ["sources"],
    "help-box": ["help-contacts", "--box"],
}
WIDTHS = {"phone": 360, "desktop": 1280}


def _missing(reason: str) -> NoReturn:
    if REQUIRED:
        pytest.fail(f"browser tests are required here, but {reason}")
    pytest.skip(reason)


def _find(names: tuple[str, ...]) -> str | None:
    return next((found for name in names if (found := shutil.which(name))), None)


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("Selenium is not installed (pip install '.[browser]')")
    chromium = _find(("chromium", "chromium-browser", "google-chrome"))
    chromedriver = _find(("chromedriver",))
    if chromium is None or chromedriver is None:
        _missing("no chromium and chromedriver on the PATH (Debian: chromium chromium-driver)")
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not download anything
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ):
        options.add_argument(flag)
    browser = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture(scope="module")
def axe_source() -> str:
    path = os.environ.get("AXE_CORE_JS", "")
    if not path or not Path(path).is_file():
        _missing("AXE_CORE_JS does not name axe-core's axe.min.js (npm install axe-core@4)")
    return Path(path).read_text(encoding="utf-8")


def _resize(driver: Any, width: int) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 500},
    )


def _open(driver: Any, path: Path, width: int, scheme: str = "light") -> None:
    _resize(driver, width)
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )
    driver.get(path.as_uri())


def _axe_violations(driver: Any, axe_source: str) -> list[list[Any]]:
    version = driver.execute_script(axe_source + "; return axe.version")
    assert version.startswith("4.")
    return list(
        driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
            ".then(result => done(result.violations.map(v => [v.id, v.help, v.nodes.length])))"
            ".catch(error => done([['axe-error', String(error), 0]]));",
            AXE_TAGS,
        )
    )


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", PAGES)
def test_page_in_a_browser(
    driver: Any,
    axe_source: str,
    invoke: Invoke,
    tmp_path: Path,
    page: str,
    width: str,
    scheme: str,
) -> None:
    path = tmp_path / f"{page}.html"
    path.write_text(invoke(*PAGES[page], "--format", "html").stdout, encoding="utf-8")
    _open(driver, path, WIDTHS[width], scheme)
    assert driver.execute_script("return window.innerWidth") == WIDTHS[width]
    dark = driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
    assert dark == (scheme == "dark")

    lines = driver.execute_script(
        "return [...document.querySelectorAll('a[href^=\"tel:\"]')]"
        ".map(a => [a.textContent, a.getClientRects().length])"
    )
    assert lines, "the page has phone numbers"
    assert [text for text, rects in lines if rects != 1] == [], "a phone number wraps"

    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    assert _axe_violations(driver, axe_source) == []


# Someone else's article: a title, a paragraph, and our fragment, with none of our style.
HOST = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    "<title>An article</title>{style}</head><body><main><h1>An article about the review</h1>"
    "<p>The article's own words.</p>{content}</main></body></html>"
)
DARK_HOST_STYLE = (
    "<style>:root { color-scheme: light dark; } @media (prefers-color-scheme: dark) {"
    " body { background: #121212; color: #ececec; } a { color: #a8c7fa; } }</style>"
)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page", PAGES)
def test_a_fragment_inside_someone_elses_page(
    driver: Any, axe_source: str, invoke: Invoke, tmp_path: Path, page: str, scheme: str
) -> None:
    """The fragment as published: in a host page's <main>, under its <h1>, light and dark."""
    fragment = invoke(*PAGES[page], "--format", "html", "--fragment").stdout
    path = tmp_path / "host.html"
    style = DARK_HOST_STYLE if scheme == "dark" else ""
    path.write_text(HOST.format(style=style, content=fragment), encoding="utf-8")
    _open(driver, path, WIDTHS["phone"], scheme)
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    assert _axe_violations(driver, axe_source) == []


@pytest.mark.parametrize("args", [["help-contacts"], ["help-contacts", "--box"]])
def test_a_pasted_fragment_keeps_numbers_whole_in_any_page(
    driver: Any, invoke: Invoke, tmp_path: Path, args: list[str]
) -> None:
    """The fragment in someone else's narrow column, with none of our page's style."""
    fragment = invoke(*args, "--format", "html", "--fragment").stdout
    path = tmp_path / "host.html"
    path.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A host page</title>'
        f'</head><body><div style="width: 8rem">{fragment}</div></body></html>',
        encoding="utf-8",
    )
    _open(driver, path, WIDTHS["phone"])
    lines = driver.execute_script(
        "return [...document.querySelectorAll('a[href^=\"tel:\"]')]"
        ".map(a => [a.textContent, a.getClientRects().length])"
    )
    assert lines, "the fragment has phone numbers"
    assert [text for text, rects in lines if rects != 1] == [], "a phone number wraps"


# What you see is what you dial: each number's characters, in the order the browser draws them
# from left to right, are the number as written, beside Hebrew and Arabic text, in a page and in
# a right-to-left host page.

DRAWN_ORDER = """
return [...document.querySelectorAll('a[href^="tel:"], a[href^="sms:"], .phone')].map(el => {
  const drawn = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      drawn.push([box.left + box.width / 2, node.data[i]]);
    }
  }
  drawn.sort((a, b) => a[0] - b[0]);
  return [el.getAttribute('href'), el.textContent, drawn.map(d => d[1]).join('')];
});
"""
RTL_HOST = (
    '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>صفحة</title>'
    "</head><body><p>مقال عن التقرير.</p>{}</body></html>"
)


def _rtl_pages() -> dict[str, str]:
    from reportinfo.render import html
    from tests.test_bidi import RTL_DOCUMENTS

    pages = {}
    for name, doc in RTL_DOCUMENTS.items():
        if name.endswith(("wednesday", "box")):
            pages[f"{name}: page"] = html.render(doc)
            pages[f"{name}: in a right-to-left page"] = RTL_HOST.format(html.render(doc, True))
    return pages


def _misdrawn(driver: Any, path: Path, markup: str) -> list[tuple[str, str, str]]:
    """(link, number as written, number as drawn) for every number not drawn as written, or
    whose tel: link dials other digits than those drawn."""
    from reportinfo.render.links import tel_target

    path.write_text(markup, encoding="utf-8")
    _open(driver, path, WIDTHS["desktop"])
    numbers = driver.execute_script(DRAWN_ORDER)
    assert numbers, "the page has phone numbers"
    wrong = []
    for href, written, drawn in numbers:
        written, drawn = written.replace("\u00a0", " "), drawn.replace("\u00a0", " ")
        dials = href is None or not href.startswith("tel:") or tel_target(drawn) == href
        if drawn != written or not dials:
            wrong.append((href, written, drawn))
    return wrong


RTL_PAGES = _rtl_pages()


@pytest.mark.parametrize("page", RTL_PAGES)
def test_numbers_are_drawn_in_dialling_order_beside_right_to_left_text(
    driver: Any, tmp_path: Path, page: str
) -> None:
    assert _misdrawn(driver, tmp_path / "page.html", RTL_PAGES[page]) == []


def test_without_dir_and_no_break_spaces_these_pages_would_be_misdrawn(
    driver: Any, tmp_path: Path
) -> None:
    """The check can fail: the same fragment without its direction and no-break spaces, in a
    right-to-left page, draws numbers in the wrong order."""
    markup = RTL_PAGES["help-contacts, wednesday: in a right-to-left page"]
    bare = markup.replace(' dir="ltr"', "").replace("&nbsp;", " ")
    wrong = _misdrawn(driver, tmp_path / "bare.html", bare)
    assert {written for _, written, _ in wrong} >= {"+44 808 800 5000", "0808 801 0331"}


def test_numbered_lists_carry_their_start_not_item_values(invoke: Invoke) -> None:
    out = invoke("findings", "--format", "html").stdout
    assert "<li value" not in out
    assert '<ol start="' in out


# Pasted as publishers paste it: the box and the help-contacts fragment after nh3 and bleach
# with their defaults (no style, no class, bleach without even <p> or tel: links), and the
# Markdown rendered by markdown-it-py and by Python-Markdown, in an unstyled page at every
# phone width from 280 to 440 px and in an 11rem column. No number may span two lines.

PASTE_WIDTHS = range(280, 441, 8)
COLUMN = "11rem"

# [number as written, [first line's top of each character]] for every occurrence of every
# number in the page, found in its text whatever elements it is split into: no-break spaces
# read as spaces, direction isolates skipped.
NUMBER_LINES = """
const numbers = arguments[0];
const chars = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  for (let i = 0; i < node.data.length; i++) {
    const c = node.data[i];
    if ('\\u2066\\u2067\\u2068\\u2069'.includes(c)) continue;
    chars.push([c === '\\u00a0' ? ' ' : c, node, i]);
  }
}
const text = chars.map(c => c[0]).join('');
const found = [];
for (const number of numbers) {
  for (let at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + 1)) {
    const tops = new Set();
    for (let k = at; k < at + number.length; k++) {
      if (chars[k][0] === ' ') continue;
      const range = document.createRange();
      range.setStart(chars[k][1], chars[k][2]);
      range.setEnd(chars[k][1], chars[k][2] + 1);
      tops.add(Math.round(range.getBoundingClientRect().top));
    }
    found.push([number, tops.size]);
  }
}
return found;
"""


PASTED = [
    f"{name} {way}"
    for name in ("box", "help-contacts")
    for way in (
        "after nh3",
        "after bleach",
        "as Markdown, markdown-it",
        "as Markdown, Python-Markdown",
    )
]


def _pasted(invoke: Invoke, pasted: str) -> str:
    """The help as it ends up in someone else's page, one of the PASTED ways."""
    import bleach  # type: ignore[import-untyped]  # no stubs; only in tests
    import markdown  # type: ignore[import-untyped]
    import nh3
    from markdown_it import MarkdownIt

    args = ["help-contacts", "--box"] if pasted.startswith("box") else ["help-contacts"]
    if "Markdown" in pasted:
        text = invoke(*args, "--format", "markdown").stdout
        if "markdown-it" in pasted:
            return str(MarkdownIt("commonmark").render(text))
        return str(markdown.markdown(text))
    fragment = invoke(*args, "--format", "html", "--fragment").stdout
    if "nh3" in pasted:
        return str(nh3.clean(fragment))
    return str(bleach.clean(fragment, strip=True))


def _numbers() -> list[str]:
    """Every number of the report as written, and the one in the Relay UK sentence."""
    from reportinfo import loader

    report = loader.load()
    channels = (ch for c in report.contacts for ch in c.channels)
    written = sorted({ch.value for ch in channels if ch.kind in ("phone", "text")})
    return [*written, "18001 0808 800 5000"]


def _split_numbers(driver: Any, path: Path, markup: str, column: bool) -> list[tuple[int, str]]:
    """(window width, number) for every number that spans two lines, at every paste width,
    or in an 11rem column at a desktop's width."""
    content = f'<div style="width: {COLUMN}">{markup}</div>' if column else markup
    path.write_text(HOST.format(style="", content=content), encoding="utf-8")
    widths = [WIDTHS["desktop"]] if column else list(PASTE_WIDTHS)
    _open(driver, path, widths[0])
    split = []
    for width in widths:
        _resize(driver, width)
        assert driver.execute_script("return window.innerWidth") == width
        found = driver.execute_script(NUMBER_LINES, _numbers())
        assert "0808 800 5000" in [number for number, _ in found], "the page has the numbers"
        split += [(width, number) for number, lines in found if lines != 1]
    return split


@pytest.mark.parametrize("column", [False, True], ids=["every phone width", "11rem column"])
@pytest.mark.parametrize("pasted", PASTED)
def test_pasted_help_keeps_every_number_on_one_line(
    driver: Any, invoke: Invoke, tmp_path: Path, pasted: str, column: bool
) -> None:
    markup = _pasted(invoke, pasted)
    assert "white-space" not in markup, "none of our style survives: the words must hold"
    assert _split_numbers(driver, tmp_path / "host.html", markup, column) == []


def test_without_no_break_spaces_a_pasted_number_would_split(
    driver: Any, invoke: Invoke, tmp_path: Path
) -> None:
    """The sweep can fail: the same pasted box with ordinary spaces splits numbers."""
    markup = _pasted(invoke, "box after bleach").replace("&nbsp;", " ").replace("\u00a0", " ")
    split = _split_numbers(driver, tmp_path / "bare.html", markup, column=True)
    split += _split_numbers(driver, tmp_path / "bare.html", markup, column=False)
    assert {number for _, number in split} >= {"0808 800 5000"}
