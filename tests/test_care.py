"""The right line for the reader, at the hour they read it, in every view and format.

999 (with the routes for people who cannot call) in every view, Childline in every short list,
short lines that say whether a line is open and name one that is, every fact with its source,
the stale-details warning wherever it is read, and tel: links only for the report's own numbers.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from reportinfo import loader
from reportinfo.render import Request, document
from tests.conftest import SECTION_ARGS, Invoke, set_at, strip_ansi, without_isolates

REPORT = loader.load()

EMERGENCY = (
    "If you or anyone else is in immediate danger, call the emergency services straight away: 999."
)
CANNOT_CALL = (
    "Cannot speak or hear on the phone? Relay UK, for 999: 18000. "
    "Cannot make a voice call? Register for emergencySMS: text “register” to 999."
)
CHILDLINE = "Under 19? Childline: 0800 1111, any time."

# The short lines that end summary, findings, sources and the overview, on a Wednesday afternoon
# (the tests' default clock): every line with hours is open.
SHORT_LINES = [
    "Where to find help",
    EMERGENCY,
    CANNOT_CALL,
    "Worried about a child? NSPCC Helpline: 0808 800 5000. Open now, until 10pm.",
    CHILDLINE,
    "Abused as a child? NAPAC (National Association for People Abused in Childhood): "
    "0808 801 0331. See napac.org.uk for opening times.",
    "Any time: Rape Crisis 24/7 Support Line: 247sexualabusesupport.org.uk.",
    "Struggling to cope? Samaritans: 116 123, any time.",
    "More help: reportinfo help-contacts",
]

# Friday 27 November 2026, 11pm in London: the NSPCC Helpline and the First Response Team are
# closed; the Emergency Duty Team is the line for an urgent response.
FRIDAY_NIGHT = datetime(2026, 11, 27, 23, 0, tzinfo=UTC)
# Two years after the contacts were checked: the details are stale.
STALE = datetime(2028, 12, 6, 14, 0, tzinfo=UTC)

FORMATS = [[], ["--format", "markdown"], ["--format", "html"]]
GROUPS = [g.id for g in REPORT.groups]


def _words(out: str) -> str:
    """Output as the words a reader sees: Markdown rendered, tags dropped, entities and
    isolates resolved, no-break spaces as spaces."""
    if not out.lstrip().startswith("<"):
        out = MarkdownIt("commonmark").render(out) if re.search(r"\]\(<|^#", out, re.M) else out
    out = re.sub(r"<style>.*?</style>|<title>.*?</title>|<[^>]+>", "", out, flags=re.S)
    return html.unescape(out).replace("\u2066", "").replace("\u2069", "").replace("\u00a0", " ")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("group", GROUPS)
def test_999_and_the_routes_for_people_who_cannot_call_in_every_view(
    invoke: Invoke, group: str, fmt: list[str]
) -> None:
    shown = _words(invoke("help-contacts", "--for", group, *fmt).stdout)
    assert "call the emergency services straight away: 999." in shown
    assert "Relay UK, for 999: 18000" in shown
    assert "text “register” to 999" in shown


@pytest.mark.parametrize("group", GROUPS)
def test_json_keeps_the_emergency_contact_in_every_view(invoke: Invoke, group: str) -> None:
    """A web page built from `--for GROUP --json` must not show Samaritans without 999."""
    import json

    document = json.loads(invoke("help-contacts", "--for", group, "--json").stdout)
    emergency = [c for c in document["contacts"] if c["emergency"]]
    assert [c["id"] for c in emergency] == ["emergency"]
    values = [ch["value"] for ch in emergency[0]["channels"]]
    assert values == ["999", "18000", "999"]  # the call, Relay UK and emergencySMS


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_box_keeps_999_childline_and_the_routes(invoke: Invoke, fmt: list[str]) -> None:
    shown = _words(invoke("help-contacts", "--box", *fmt).stdout)
    for words in (
        EMERGENCY,
        "Relay UK, for 999: 18000",
        "text “register” to 999",
        "Childline: 0800 1111",
    ):
        assert words in shown


def test_help_contacts_says_once_how_to_call_through_relay_uk(invoke: Invoke) -> None:
    out = without_isolates(invoke("help-contacts").stdout)
    assert out.count("put 18001 before it") == 1
    assert "for example 18001 0808 800 5000" in out


@pytest.mark.parametrize("section", ["overview", "summary", "findings", "sources"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_short_list_has_childline(invoke: Invoke, section: str, fmt: list[str]) -> None:
    shown = _words(invoke(*SECTION_ARGS[section], *fmt).stdout)
    assert "Under 19? Childline: 0800 1111, any time." in shown
    assert EMERGENCY in shown


def test_short_lines_at_night_name_a_line_that_is_open(invoke: Invoke) -> None:
    out = without_isolates(invoke("summary", now=FRIDAY_NIGHT).stdout)
    lines = out[out.rindex("Where to find help") :].splitlines()
    worried = lines.index(
        "Worried about a child? NSPCC Helpline: 0808 800 5000. Closed now. Opens at 9am tomorrow."
    )
    urgent = lines[worried + 1]
    assert urgent.startswith("Open now: Urgent, out of hours: Buckinghamshire Council")
    assert "0800 999 7677" in urgent
    assert lines[worried + 2] == (
        "Any time: Email: help@nspcc.org.uk; Online report form: nspcc.org.uk."
    )
    napac = next(i for i, line in enumerate(lines) if line.startswith("Abused as a child?"))
    assert (
        lines[napac + 1] == "Any time: Rape Crisis 24/7 Support Line: 247sexualabusesupport.org.uk."
    )


@pytest.mark.parametrize("now", [FRIDAY_NIGHT, datetime(2026, 11, 25, 14, 0, tzinfo=UTC)])
def test_published_short_lines_give_hours_not_now(invoke: Invoke, now: datetime) -> None:
    for fmt in FORMATS[1:]:
        shown = _words(invoke("summary", *fmt, now=now).stdout)
        assert "Open now" not in shown
        assert "Closed now" not in shown
        assert (
            "Worried about a child? NSPCC Helpline: 0808 800 5000. "
            "Monday to Friday 8am to 10pm, weekends 9am to 6pm." in shown
        )
        assert (
            "Urgent, out of hours: Buckinghamshire Council Emergency Duty Team: 0800 999 7677."
            in shown
        )
        assert "Any time: Rape Crisis 24/7 Support Line" in shown


def test_web_outputs_name_no_command(invoke: Invoke) -> None:
    for section, args in SECTION_ARGS.items():
        if section == "overview":  # the overview is the tool's own screen: commands are its job
            continue
        for fmt in FORMATS[1:]:
            assert "reportinfo help-contacts" not in invoke(*args, *fmt).stdout, (section, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_summary_point_and_finding_names_its_source(invoke: Invoke, fmt: list[str]) -> None:
    for section, statements in (("summary", REPORT.summary), ("findings", REPORT.findings)):
        shown = _words(invoke(section, *fmt).stdout)
        assert shown.count("Sources") >= 1
        for statement in statements:
            assert re.search(re.escape(statement.text) + r" \[[0-9]+(, [0-9]+)*\]", shown)
        cited = {s for statement in statements for s in statement.sources}
        for source_id in cited:
            assert REPORT.source(source_id).title in shown, (section, source_id)


def test_a_finding_shown_alone_lists_only_its_sources(invoke: Invoke) -> None:
    out = invoke("findings", "6").stdout
    assert "6. The Board said the review also found" in out
    assert "[1] Independent review into child sexual exploitation in Buckinghamshire." in out
    assert "Bucks Free Press" not in out


def test_plain_words(invoke: Invoke) -> None:
    summary = invoke("summary").stdout
    assert (
        "a serious case review was held when a child had died or been seriously harmed" in summary
    )
    assert "not an inquiry into who was to blame" in summary
    contacts = invoke("help-contacts").stdout
    assert (
        "CEOP (Child Exploitation and Online Protection Command, National Crime Agency)" in contacts
    )
    assert "1-2-1" not in contacts
    for line in contacts.splitlines():  # a line called a phone line gives a number
        if "phone" in line.lower() and ":" in line and "Phone:" in line:
            assert re.search(r"[0-9]{3}", line), line


@pytest.mark.parametrize("section", ["overview", "summary", "findings", "sources", "help-contacts"])
def test_stale_details_warn_in_every_section(invoke: Invoke, section: str) -> None:
    args = SECTION_ARGS[section]
    piped = invoke(*args, now=STALE)
    assert "more than a year ago" in piped.stderr
    assert "more than a year ago" not in piped.stdout
    for fmt in FORMATS[1:]:
        page = invoke(*args, *fmt, now=STALE)
        assert "more than a year ago" in page.stdout
        assert "check each service's own website" in _words(page.stdout)
        assert "reportinfo sources" not in page.stdout  # no command for a web reader


def test_stale_box_warns_the_publisher_not_the_reader(invoke: Invoke) -> None:
    result = invoke("help-contacts", "--box", "--format", "html", "--fragment", now=STALE)
    assert "more than a year ago" not in result.stdout
    assert "more than a year ago" in result.stderr


def test_sources_open_with_the_content_note_and_end_with_help(invoke: Invoke) -> None:
    lines = without_isolates(invoke("sources").stdout).splitlines()
    assert lines[0] == "Content note: This report discusses child sexual abuse and suicide."
    assert lines[-len(SHORT_LINES) :] == SHORT_LINES


def test_the_bare_screen_shows_999_in_its_first_ten_lines(invoke: Invoke) -> None:
    result = invoke("--color", "always", env={"COLUMNS": "80"})
    first = strip_ansi(result.stdout).splitlines()[:10]
    assert any("999" in line for line in first), first
    assert any("999" in line for line in invoke().stdout.splitlines()[:10])


def _links(out: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parseInline(out)
    return [
        str(child.attrGet("href"))
        for token in tokens
        for child in token.children or []
        if child.type == "link_open"
    ]


def test_only_the_reports_own_numbers_become_links() -> None:
    own = document.Span("0808 800 5000", "phone")
    stranger = "Call 0800 123 4567 or 0808 800 5000 now."
    changed = REPORT._replace(
        content_note=REPORT.content_note._replace(text=stranger),
    )
    doc = document.summary(changed, Request(now=FRIDAY_NIGHT))
    spans = [s for part in doc.parts for b in part for s in b.spans if s.kind == "phone"]
    targets = {s.text: s.target for s in spans}
    assert targets["0800 123 4567"] is None
    assert targets[own.text] == "tel:+448088005000"


def test_the_2017_report_address_is_shown_but_never_linked(invoke: Invoke) -> None:
    address = REPORT.source(REPORT.about.link).url
    for section in ("summary", "sources"):
        for fmt in FORMATS[1:]:
            out = invoke(section, *fmt).stdout
            assert address in out
            assert f'href="{address}"' not in out
            assert f"(<{address}>)" not in out


@pytest.mark.parametrize(
    ("target", "safe"),
    [
        ("tel:+448088005000", True),
        ("tel:+44808\u09ea", False),  # a Bengali digit
        ("tel:0808 800", False),
        ("sms:85258?&body=SHOUT", True),
        ("mailto:help@nspcc.org.uk", True),
        ("mailto:help@nspcc.org.uk?bcc=x@y.z", False),
        ("https://nspcc.org.uk/a<script>", False),
        ("javascript:alert(1)", False),
    ],
)
def test_only_links_of_the_tools_own_shapes_are_written(target: str, safe: bool) -> None:
    assert (document.safe_target(document.Span("x", "web", target)) is not None) == safe


def test_link_targets_are_built_from_ascii_digits_and_encoded_values() -> None:
    from reportinfo.model import Channel
    from reportinfo.render.links import channel_target

    # The links every view is given: content's Line.link is channel_target's.
    assert channel_target(Channel("phone", "0808 800 5000")) == "tel:+448088005000"
    assert channel_target(Channel("phone", "0044 808 800 5000")) == "tel:+448088005000"
    assert channel_target(Channel("email", "a?bcc=b@c.d")) == "mailto:a%3Fbcc%3Db@c.d"
    assert document.web("x.org/<b>").target == "https://x.org/%3Cb%3E"
    assert document.prose("Call \u09ea\u09ea\u09ea 123")[0].kind == "text"


def test_the_number_pattern_is_linear_on_a_long_run_of_digits() -> None:
    spans = document.prose("1" * 200_000 + " x")  # quadratic would take minutes
    assert spans[0].kind == "text"


def test_every_channel_of_the_emergency_contact_is_shown_in_every_format(
    invoke: Invoke, write_report: Callable[..., Path]
) -> None:
    path = write_report(set_at("contacts.0.channels.1.value", "18002"))
    for fmt in FORMATS:
        for section in ("summary", "help-contacts"):
            shown = _words(invoke("--data", str(path), section, *fmt).stdout)
            assert "Relay UK, for 999: 18002" in shown, (section, fmt)
            assert "text “register” to 999" in shown, (section, fmt)


@pytest.mark.parametrize("now", [FRIDAY_NIGHT, datetime(2026, 11, 25, 14, 0, tzinfo=UTC)])
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_short_lines_read_easily_at_any_hour(
    invoke: Invoke, now: datetime, fmt: list[str]
) -> None:
    """Flesch reading ease of the short lines, as read at night and by day: at least 50."""
    textstat = pytest.importorskip("textstat")
    shown = _words(invoke("summary", *fmt, now=now).stdout)
    assert textstat.flesch_reading_ease(shown[shown.rindex("Where to find help") :]) >= 50
