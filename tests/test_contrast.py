"""Readable on every terminal theme: whatever the tool colours has at least 4.5:1 contrast
(WCAG 2.2, 1.4.3) on the default palettes of common terminals, light and dark.

Each section is rendered with colour forced; the SGR codes in the ANSI output are read back,
and every span the tool coloured is measured against each palette in tests/data/palettes.json
(where each palette's colours come from is noted there). A terminal with the background
unknown may be any of them, so a colour has to pass on all. Bold text in colours 0-7 counts
in both its own colour and its bright form (8-15), since terminals draw it either way.

No ANSI colour passes on every palette (measured below), so the terminal output uses none:
emphasis is bold, underline or reverse video in the terminal's own colours, and the 999 line,
in reverse video, stands out first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, NamedTuple

import pytest

from reportinfo import loader
from reportinfo.output import Display
from reportinfo.render import SECTIONS, Request, Section, document, terminal
from reportinfo.render.document import Document
from tests.conftest import SATURDAY_NIGHT, TESTS, WEDNESDAY_AFTERNOON, strip_ansi

PALETTES: dict[str, dict[str, Any]] = json.loads(
    (TESTS / "data" / "palettes.json").read_text(encoding="utf-8")
)["palettes"]
AA = 4.5  # WCAG 2.2 success criterion 1.4.3, for text under 18 point (14 point bold)

RGB = tuple[int, int, int]


def rgb(hex_colour: str) -> RGB:
    value = hex_colour.removeprefix("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(colour: RGB) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio, from 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# Reading SGR codes back.

Colour = tuple[str, int] | tuple[str, int, int, int] | None  # ("index", n), ("rgb", r, g, b)


class Pen(NamedTuple):
    """The drawing state that SGR codes set."""

    bold: bool = False
    dim: bool = False
    reverse: bool = False
    foreground: Colour = None  # None: the terminal's own
    background: Colour = None

    @property
    def coloured(self) -> bool:
        return self.foreground is not None or self.background is not None


class Run(NamedTuple):
    text: str
    pen: Pen


_SEQUENCE = re.compile(r"\x1b\[([0-9;]*)m|\x1b\]8;[^\x1b\x07]*(?:\x1b\\|\x07)")


def runs(ansi: str) -> Iterator[Run]:
    """The text of an ANSI stream, in runs drawn with one pen."""
    pen, at = Pen(), 0
    for found in _SEQUENCE.finditer(ansi):
        if found.start() > at:
            yield Run(ansi[at : found.start()], pen)
        at = found.end()
        if found.group(1) is not None:
            pen = _apply(pen, found.group(1))
    if at < len(ansi):
        yield Run(ansi[at:], pen)


def _apply(pen: Pen, codes: str) -> Pen:
    numbers = [int(n) if n else 0 for n in codes.split(";")]
    while numbers:
        code = numbers.pop(0)
        if code == 0:
            pen = Pen()
        elif code == 1:
            pen = pen._replace(bold=True)
        elif code == 2:
            pen = pen._replace(dim=True)
        elif code == 22:
            pen = pen._replace(bold=False, dim=False)
        elif code == 7:
            pen = pen._replace(reverse=True)
        elif code == 27:
            pen = pen._replace(reverse=False)
        elif code in (3, 4, 5, 9, 21, 23, 24, 25, 29, 53, 55):
            pass  # italic, underline, blink, strike, overline and their ends: no colour
        elif 30 <= code <= 37 or 90 <= code <= 97:
            pen = pen._replace(foreground=("index", code - 30 if code < 90 else code - 82))
        elif 40 <= code <= 47 or 100 <= code <= 107:
            pen = pen._replace(background=("index", code - 40 if code < 100 else code - 92))
        elif code == 39:
            pen = pen._replace(foreground=None)
        elif code == 49:
            pen = pen._replace(background=None)
        elif code in (38, 48):
            kind = numbers.pop(0)
            colour: Colour
            if kind == 5:
                colour = ("index", numbers.pop(0))
            else:
                colour = ("rgb", numbers.pop(0), numbers.pop(0), numbers.pop(0))
            pen = pen._replace(foreground=colour) if code == 38 else pen._replace(background=colour)
        else:
            raise AssertionError(f"an SGR code this test does not know: {code} in {codes!r}")
    return pen


def _indexed(n: int, palette: dict[str, Any]) -> RGB:
    if n < 16:
        return rgb(palette["ansi"][n])
    if n < 232:  # the 6x6x6 cube of xterm's 256 colours
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return steps[n // 36], steps[n // 6 % 6], steps[n % 6]
    grey = 8 + 10 * (n - 232)
    return grey, grey, grey


def _colour(colour: Colour, own: str, palette: dict[str, Any], bright: bool) -> RGB:
    if colour is None:
        return rgb(palette[own])
    if colour[0] == "rgb":
        return colour[1], colour[2], colour[3]  # type: ignore[misc]
    n = colour[1]
    return _indexed(n + 8 if bright and n < 8 else n, palette)


def ratios(pen: Pen, palette: dict[str, Any]) -> list[float]:
    """The contrast of text drawn with `pen` on `palette`: in each form a terminal may draw it
    (bold in colours 0-7 as itself and as its bright form)."""
    forms = (
        [False, True] if pen.bold and pen.foreground and pen.foreground[0] == "index" else [False]
    )
    found = []
    for bright in forms:
        text = _colour(pen.foreground, "foreground", palette, bright)
        back = _colour(pen.background, "background", palette, False)
        found.append(contrast(text, back))
    return found


def failures(ansi: str) -> list[tuple[str, str, float]]:
    """(text, palette, ratio) for every coloured run below AA on some palette."""
    found = []
    for run in runs(ansi):
        if not run.text.strip() or not run.pen.coloured:
            continue
        for name, palette in PALETTES.items():
            worst = min(ratios(run.pen, palette))
            if worst < AA:
                found.append((run.text.strip(), name, round(worst, 2)))
    return found


# The palette table and the formula.


def test_the_palette_table_names_the_terminals_and_its_sources() -> None:
    assert set(PALETTES) == {
        "xterm (light)", "xterm (dark)", "Terminal.app (Basic)", "Terminal.app (Pro)",
        "GNOME Terminal, Tango (light)", "GNOME Terminal, Tango (dark)",
        "Solarized (light)", "Solarized (dark)", "VS Code (Light+)", "VS Code (Dark+)",
    }  # fmt: skip
    for name, palette in PALETTES.items():
        assert palette["source"].strip(), name
        assert len(palette["ansi"]) == 16, name
        for colour in (palette["foreground"], palette["background"], *palette["ansi"]):
            assert re.fullmatch(r"#[0-9a-f]{6}", colour), (name, colour)


@pytest.mark.parametrize(
    ("a", "b", "ratio"),
    [("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0), ("#767676", "#ffffff", 4.54)],
)
def test_the_wcag_contrast_formula(a: str, b: str, ratio: float) -> None:
    assert round(contrast(rgb(a), rgb(b)), 2) == ratio


def test_reading_sgr_codes_back() -> None:
    out = list(runs("a\x1b[1;36mb\x1b[0m\x1b[7mc\x1b[27;38;5;196md\x1b]8;;tel:1\x1b\\e\x1b[39;1m"))
    assert [(r.text, r.pen) for r in out] == [
        ("a", Pen()),
        ("b", Pen(bold=True, foreground=("index", 6))),
        ("c", Pen(reverse=True)),
        ("d", Pen(foreground=("index", 196))),
        ("e", Pen(foreground=("index", 196))),
    ]


def test_the_check_finds_the_colours_the_tool_used_to_print() -> None:
    """Bold cyan numbers, (bold) yellow warnings and "Closed now", green "Open now" and the
    bold red 999 line: each fails somewhere, some as low as about 1.1:1."""
    old = {
        "phone": "\x1b[1;36m0808 800 5000\x1b[0m",
        "closed": "\x1b[33mClosed now.\x1b[0m",
        "warning": "\x1b[1;33mNote: checked long ago.\x1b[0m",
        "open": "\x1b[32mOpen now.\x1b[0m",
        "emergency": "\x1b[1;31mcall 999.\x1b[0m",
    }
    worst = {kind: min(ratio for _, _, ratio in failures(ansi)) for kind, ansi in old.items()}
    assert all(ratio < AA for ratio in worst.values()), worst
    assert min(worst.values()) < 1.2


def test_no_ansi_colour_reads_on_every_palette() -> None:
    """Why the terminal output has no colour: each of the 16, as text on the terminal's own
    background, falls below 4.5:1 on at least one of these palettes."""
    for n in range(16):
        pens = [Pen(foreground=("index", n)), Pen(bold=True, foreground=("index", n))]
        worst = min(min(ratios(pen, p)) for pen in pens for p in PALETTES.values())
        assert worst < AA, n
    for n in range(8):  # and as a background behind the terminal's own text
        worst = min(min(ratios(Pen(background=("index", n)), p)) for p in PALETTES.values())
        assert worst < AA, n


# The tool's own output.

REPORT = loader.load()
A_YEAR_AND_MORE_ON = datetime(2028, 1, 5, 12, 0, tzinfo=UTC)  # the stale warning shows
TIMES = {"wednesday": WEDNESDAY_AFTERNOON, "saturday": SATURDAY_NIGHT, "stale": A_YEAR_AND_MORE_ON}


def built(section: Section, when: str, box: bool = False) -> Document:
    request = Request(now=TIMES[when], commands=(("summary", "What it is."),), box=box)
    return document.BUILDERS[section](REPORT, request)


def coloured(doc: Document, width: int = 80, hyperlinks: bool = False) -> str:
    display = Display(rich=True, color=True, hyperlinks=hyperlinks, width=width, encoding="utf-8")
    return terminal.to_ansi(doc, display)


CASES = [(section, when) for section in SECTIONS for when in TIMES]


@pytest.mark.parametrize(("section", "when"), CASES)
def test_every_coloured_span_reads_on_every_palette(section: Section, when: str) -> None:
    for width, hyperlinks in ((80, False), (33, True)):
        ansi = coloured(built(section, when), width, hyperlinks)
        assert "\x1b[" in ansi, "colour was forced"
        assert failures(ansi) == []
        assert not [run.text for run in runs(ansi) if run.pen.dim], "no dim text"


def test_the_short_help_box_reads_on_every_palette() -> None:
    assert failures(coloured(built("help-contacts", "wednesday", box=True))) == []


def test_the_stale_warning_and_status_words_are_styled_without_colour() -> None:
    ansi = coloured(built("help-contacts", "stale"), width=300)
    pens = {run.text.strip(): run.pen for run in runs(ansi) if run.text.strip()}
    warning = next(text for text in pens if text.startswith("Note: these contact details"))
    assert pens[warning] == Pen(bold=True)
    saturday = {
        r.text.strip(): r.pen for r in runs(coloured(built("help-contacts", "saturday"), 300))
    }
    assert any("Closed now" in text and pen == Pen() for text, pen in saturday.items())


def _emergency_lines(ansi: str) -> list[str]:
    return [run.text for run in runs(ansi) if run.pen.reverse and run.text.strip()]


@pytest.mark.parametrize("section", ["overview", "summary", "findings", "help-contacts"])
def test_the_999_line_stands_out_first_on_any_theme(section: Section) -> None:
    """In reverse video and bold, and nothing else is: it stands out whatever the colours.
    Without colour (NO_COLOR), by position: the first line that gives a number."""
    doc = built(section, "wednesday")
    ansi = coloured(doc)
    reversed_text = " ".join(" ".join(_emergency_lines(ansi)).split())
    assert "call the emergency services straight away: \u2066999\u2069." in reversed_text
    for run in runs(ansi):
        if run.pen.reverse and run.text.strip():
            assert run.pen.bold
            assert not run.pen.coloured
    emergency = [b for part in doc.parts for b in part if b.kind == "emergency"]
    assert emergency
    others = [b for part in doc.parts for b in part if b.kind != "emergency"]
    assert all(
        s.text.strip() in reversed_text.replace("\u2066", "").replace("\u2069", "")
        for b in emergency
        for s in b.spans
        if s.text.strip() and s.kind not in document.STATUS_KINDS
    )
    assert others
    display = Display(rich=True, color=False, hyperlinks=False, width=80, encoding="utf-8")
    plain_lines = strip_ansi(terminal.to_ansi(doc, display)).splitlines()
    assert "\x1b" not in "".join(plain_lines)
    with_numbers = [line for line in plain_lines if "\u2066" in line]
    first_number_line = plain_lines.index(with_numbers[0])
    lead = " ".join(plain_lines[max(0, first_number_line - 3) : first_number_line + 1])
    assert "call the emergency services straight away:" in lead, (section, lead)
