"""Rendering: numbers never split, no trailing spaces, links where supported, data never markup."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reportinfo import loader
from reportinfo.output import Display, choose_display, fit_encoding, supports_hyperlinks
from reportinfo.render import SECTIONS, Request, document, function_name, plain, terminal
from reportinfo.render.document import tel_target
from tests.conftest import SECTION_ARGS, WEDNESDAY_AFTERNOON, Invoke, strip_ansi

REPORT = loader.load()
REQUEST = Request(now=WEDNESDAY_AFTERNOON, commands=(("summary", "What the review is."),))
PHONES = sorted(
    {ch.value for c in REPORT.contacts for ch in c.channels if ch.kind in ("phone", "text")}
    | {"0808 800 5000"},
    key=len,
    reverse=True,
)


def built(section: str) -> document.Document:
    builder: Callable[..., document.Document] = getattr(document, function_name(section))  # type: ignore[arg-type]
    return builder(REPORT, REQUEST)


def rendered(section: str, width: int, hyperlinks: bool = False, color: bool = True) -> str:
    display = Display(rich=True, color=color, hyperlinks=hyperlinks, width=width, encoding="utf-8")
    return terminal.to_ansi(built(section), display)


def test_every_section_has_a_document_and_a_json_shape() -> None:
    from reportinfo.render import jsonout

    for section in SECTIONS:
        assert callable(getattr(document, function_name(section)))
        assert callable(getattr(jsonout, function_name(section)))


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
def test_no_phone_number_is_split_at_any_width_and_no_line_is_too_wide(section: str) -> None:
    """Every section, the overview included, at every width from 20 to 300 columns; piped too."""
    piped = plain.render(built(section))
    assert numbers_whole(piped) == []
    for width in range(20, 301):
        text = strip_ansi(rendered(section, width, color=False))
        assert numbers_whole(text) == [], (section, width)
        too_wide = [line for line in text.splitlines() if len(line) > width and "://" not in line]
        assert not too_wide, (section, width)


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize("color", [True, False])
def test_no_trailing_spaces_on_a_terminal(section: str, color: bool) -> None:
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
    out = strip_ansi(
        invoke("findings", "--color", "always", env={"TERM": "dumb", "COLUMNS": "40"}).stdout
    )
    assert max(len(line) for line in out.splitlines()) <= 40


def test_ascii_terminals_get_ascii_punctuation() -> None:
    assert (
        fit_encoding("1998 – 2016 “not heard” • ok…", "ascii") == '1998 - 2016 "not heard" * ok...'
    )
    assert fit_encoding("café ☎", "latin-1") == "café ?"
    assert fit_encoding("café ☎", "utf-8") == "café ☎"


_ADDRESS_THEN_PUNCTUATION = re.compile(r"(@|://|www\.|\.org\.uk|\.uk/)\S*[.,;:)]( |$)")


@pytest.mark.parametrize("section", SECTIONS)
def test_no_punctuation_glued_to_an_address_in_plain_text(section: str) -> None:
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
    assert "contacts[1].name: contains a control character (U+" in result.stderr
    assert char not in result.stdout


def test_open_now_is_green_and_closed_is_yellow() -> None:
    out = rendered("help-contacts", 200)
    assert "\x1b[32mOpen now, until 10pm.\x1b[0m" in out  # the NSPCC line, Wednesday 2pm
    assert "\x1b[33mClosed now. Opens at 5.30pm.\x1b[0m" in out  # the out-of-hours team


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
        out = terminal.to_ansi(document.help_contacts(report, REQUEST), display)
        cost = out[
            out.index("Cost: Free   to") if "Cost: Free   to" in out else out.index("Cost: Free") :
        ]
        cost = cost[: cost.index("phones.")]
        assert "0808 800 5000" in cost, (width, cost)
        assert all(len(line) <= width for line in out.splitlines())


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
