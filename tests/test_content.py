"""The bundled content: checked facts, exact quotes, the right numbers, help in reach."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from reportinfo import loader
from tests.conftest import Invoke, strip_ansi, without_isolates
from tests.test_care import SHORT_LINES

REPORT = loader.load()

# The words each source puts in quotation marks, exactly as it spells them. Every quote in the
# data must be one of these, from a source the statement cites.
QUOTED_BY_SOURCE = {
    # Bucks Free Press, April 2017: the article's quoted words and the NSPCC spokesman's.
    "bfp-article": {
        "shockingly inadequate",
        "not equipped",
        "adequate",
        "not heard",
        "clear",
        "let down",
        "inadequate",
        "positive change",
        "Worrying gaps in the provision of services in Buckinghamshire have been improved over time",
        "highlights the positive change that has been made",
        "crucial",
        "swiftly adopted",
        "vigilant about the relationships",
    },
    # Wendover News, 7 April 2017: the Board's announcement.
    "wendover-2017": {"good practice and strong partnership working"},
}


def test_quotes_are_their_sources_exact_words() -> None:
    for statement in (*REPORT.summary, *REPORT.findings, REPORT.content_note):
        for quote in statement.quotes:
            assert any(
                quote in QUOTED_BY_SOURCE.get(source_id, set()) for source_id in statement.sources
            ), quote


def test_corrected_wording() -> None:
    """The corrections of the second check of the facts."""
    text = " ".join(s.text for s in (*REPORT.summary, *REPORT.findings))
    assert "friendships" not in text
    assert "“vigilant about the relationships”" in text
    assert "highlighted a lack of help for people from ethnic minorities" in text
    assert "identified as victims" in text
    assert "Victims and survivors" in text
    assert REPORT.contact("nspcc-helpline").cost == "Free to call."
    assert REPORT.source("bfp-scale").title.startswith("REVEALED: 'Shockingly inadequate'")
    assert REPORT.source("wendover-2017").title == (
        "Independent review into child sexual exploitation in Buckinghamshire"
    )
    assert REPORT.source("bucks-herald-2017").url.endswith("safeguarding-report-1-7908921")
    assert REPORT.about.listed == "bsp-reviews"
    assert REPORT.source("bsp-reviews").url == "https://www.bucksscp.org.uk/serious-case-review/"
    duty_team = REPORT.contact("bucks-first-response").channels[1]
    assert duty_team.hours is not None
    assert "urgent response" in duty_team.hours.text


def test_findings_name_who_said_them() -> None:
    voices = {finding.said_by for finding in REPORT.findings}
    assert voices == {"review", "board", "nspcc"}
    for finding in REPORT.findings:
        assert finding.text.startswith("The NSPCC said") == (finding.said_by == "nspcc")


def test_report_facts() -> None:
    about = REPORT.about
    assert about.title == "Child Sexual Exploitation in Buckinghamshire 1998 – 2016"
    assert about.publisher == "Buckinghamshire Safeguarding Children Board (BSCB)"
    assert about.published == "April 2017"
    assert (about.period.start, about.period.end) == (1998, 2016)
    assert about.recommendations == 14
    assert "Around 100 children" in about.scale
    assert REPORT.source(about.link).url == (
        "https://www.bucks-lscb.org.uk/serious-case-review/"
        "serious-case-review-into-child-sexual-exploitation-in-buckinghamshire-1998-2016"
    )


def test_contacts_and_their_groups() -> None:
    groups = {g.id: list(g.contacts) for g in REPORT.groups}
    assert groups == {
        "danger": ["emergency"],
        "worried-about-a-child": ["nspcc-helpline", "bucks-first-response", "police-101", "ceop"],
        "children": ["childline"],
        "abused-as-a-child": ["napac", "rape-crisis", "victim-support"],
        "struggling": ["samaritans", "shout"],
    }
    numbers = {c.id: [ch.value for ch in c.channels] for c in REPORT.contacts}
    assert numbers == {
        "emergency": ["999", "18000", "999"],
        "nspcc-helpline": ["0808 800 5000", "help@nspcc.org.uk", "nspcc.org.uk"],
        "bucks-first-response": ["01296 383962", "0800 999 7677"],
        "police-101": ["101"],
        "ceop": ["ceop.police.uk"],
        "childline": ["0800 1111", "childline.org.uk"],
        "napac": ["0808 801 0331", "napac.org.uk"],
        "rape-crisis": ["247sexualabusesupport.org.uk"],
        "victim-support": ["08 08 16 89 111"],
        "samaritans": ["116 123"],
        "shout": ["85258"],
    }
    shout = REPORT.contact("shout").channels[0]
    assert (shout.kind, shout.message) == ("text", "SHOUT")
    rechecked = {"emergency", "ceop"}  # the third check: routes for people who cannot call, CEOP
    assert all(c.checked == date(2026, 12, 2) for c in REPORT.contacts if c.id in rechecked)
    assert all(c.checked == date(2026, 11, 28) for c in REPORT.contacts if c.id not in rechecked)


def test_unconfirmed_facts_are_not_stated() -> None:
    napac = REPORT.contact("napac")
    assert all(channel.hours is None for channel in napac.channels), (
        "NAPAC's hours are not confirmed"
    )
    assert napac.note == "See napac.org.uk for opening times."
    rape_crisis = REPORT.contact("rape-crisis")
    assert [channel.kind for channel in rape_crisis.channels] == ["web"], (
        "its number is not confirmed"
    )
    everything = Path(loader.bundled_path()).read_text(encoding="utf-8")
    for unconfirmed in ("0808 801 0818", "jo@samaritans", "SurvivorsUK", "Victims First"):
        assert unconfirmed not in everything


@pytest.mark.parametrize(
    "args",
    [
        ["help-contacts"],
        ["help-contacts", "--format", "json"],
        ["help-contacts", "--color", "always"],
        ["help-contacts", "--box"],
        [],
        ["summary"],
        ["findings"],
        ["sources"],
        ["sources", "--json"],
    ],
)
def test_the_misprinted_number_never_appears(invoke: Invoke, args: list[str]) -> None:
    out = "".join(
        invoke(*args, *extra).stdout
        for extra in ([], ["--json"], ["--format", "markdown"], ["--format", "html"])
    )
    assert re.search(r"0808\W*500\W*1111", out) is None


def test_sources_say_the_article_printed_a_number_that_could_not_be_confirmed(
    invoke: Invoke,
) -> None:
    out = invoke("sources").stdout
    assert (
        "The article printed a different number for the NSPCC helpline, which could not be confirmed."
        in out
    )
    assert "0808 800 5000" in out


@pytest.mark.parametrize("args", [["summary"], ["findings"], ["sources"]])
def test_content_note_first_and_signposts_last(invoke: Invoke, args: list[str]) -> None:
    lines = without_isolates(invoke(*args).stdout).splitlines()
    assert lines[0] == "Content note: This report discusses child sexual abuse and suicide."
    assert lines[-len(SHORT_LINES) :] == SHORT_LINES
    if args != ["sources"]:
        document = json.loads(invoke(*args, "--format", "json").stdout)
        assert (
            document["content_note"]["text"]
            == "This report discusses child sexual abuse and suicide."
        )


def test_stale_contacts_warn_on_stderr_when_piped(invoke: Invoke) -> None:
    a_year_on = datetime(2027, 11, 28, 12, 0, tzinfo=UTC)  # 365 days after the check: not stale
    result = invoke("help-contacts", now=a_year_on)
    assert result.stderr == ""
    a_day_later = datetime(2027, 11, 29, 12, 0, tzinfo=UTC)
    result = invoke("help-contacts", now=a_day_later)
    assert result.exit_code == 0
    assert result.stderr == (
        "reportinfo: Note: these contact details were checked on 28 November 2026, more than a "
        "year ago. Numbers and opening times change: confirm them on each service's own website "
        "(run 'reportinfo sources').\n"
    )
    assert (
        json.loads(invoke("help-contacts", "--format", "json", now=a_day_later).stdout)["stale"]
        is True
    )


def test_stale_warning_names_the_file_in_use(
    invoke: Invoke, write_report: Callable[..., Path]
) -> None:
    path = write_report()
    result = invoke("--data", str(path), "help-contacts", now=datetime(2028, 1, 1, tzinfo=UTC))
    assert f"(run 'reportinfo --data {path} sources')" in result.stderr


def test_stale_warning_is_first_on_a_terminal(invoke: Invoke) -> None:
    out = strip_ansi(
        invoke("help-contacts", "--color", "always", now=datetime(2028, 1, 1, tzinfo=UTC)).stdout
    )
    assert out.startswith("Note: these contact details were checked on 28 November 2026")


def test_plain_english() -> None:
    """Flesch reading ease of the text we wrote, quotes left out: at least 50."""
    textstat = pytest.importorskip("textstat")
    for statements in (REPORT.summary, REPORT.findings):
        text = " ".join(re.sub(r"“[^”]*”", "", s.text) for s in statements)
        assert textstat.flesch_reading_ease(text) >= 50
