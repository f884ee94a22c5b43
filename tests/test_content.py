"""The bundled content: checked facts, exact quotes, the right numbers, help in reach."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from typing import Any

import pytest

from reportinfo import loader
from tests.conftest import Invoke

REPORT = loader.load()

# The words the source article puts in quotation marks, exactly as it spells them
# (Bucks Free Press, April 2017). Every quote in the data must be one of these.
ARTICLE_QUOTES = {
    "shockingly inadequate",
    "not equipped",
    "adequate",
    "not heard",
    "clear",
    "let down",
    "inadequate",
}


def test_quotes_are_the_articles_exact_words_and_cite_it() -> None:
    for statement in (*REPORT.summary, *REPORT.findings, REPORT.content_note):
        for quote in statement.quotes:
            assert quote in ARTICLE_QUOTES
            assert "bfp-article" in statement.sources


def test_every_item_names_a_source() -> None:
    items: list[Any] = [
        REPORT.report,
        REPORT.content_note,
        *REPORT.summary,
        *REPORT.findings,
        *REPORT.contacts,
    ]
    assert all(item.sources for item in items)


def test_report_facts() -> None:
    about = REPORT.report
    assert about.title == "Child Sexual Exploitation in Buckinghamshire 1998 – 2016"
    assert about.publisher == "Buckinghamshire Safeguarding Children Board (BSCB)"
    assert about.published == "April 2017"
    assert (about.period.start, about.period.end) == (1998, 2016)
    assert about.recommendations == 14
    assert "Around 100 children" in about.scale
    assert REPORT.source(about.link).url == (
        "www.bucks-lscb.org.uk/serious-case-review/"
        "serious-case-review-into-child-sexual-exploitation-in-buckinghamshire-1998-2016"
    )


def test_contacts_emergency_first_then_the_nspcc() -> None:
    assert [c.id for c in REPORT.contacts] == [
        "emergency",
        "nspcc-helpline",
        "childline",
        "bucks-first-response",
        "police-101",
        "ceop",
    ]
    numbers = {c.id: [ch.value for ch in c.channels] for c in REPORT.contacts}
    assert numbers == {
        "emergency": ["999"],
        "nspcc-helpline": ["0808 800 5000", "help@nspcc.org.uk", "nspcc.org.uk"],
        "childline": ["0800 1111", "childline.org.uk"],
        "bucks-first-response": ["01296 383962", "0800 999 7677"],
        "police-101": ["101"],
        "ceop": ["ceop.police.uk"],
    }
    assert all(c.checked == date(2026, 11, 28) for c in REPORT.contacts)


@pytest.mark.parametrize(
    "args",
    [
        ["help-contacts"],
        ["help-contacts", "--format", "json"],
        ["help-contacts", "--color", "always"],
        [],
        ["summary"],
        ["findings"],
    ],
)
def test_the_misprinted_number_never_appears(invoke: Invoke, args: list[str]) -> None:
    out = invoke(*args).stdout
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


def test_summary_and_findings_carry_the_content_note_and_the_helpline(invoke: Invoke) -> None:
    for section in ("summary", "findings"):
        lines = invoke(section).stdout.splitlines()
        assert lines[0] == "Content note: This report discusses child sexual abuse and suicide."
        assert (
            lines[-1]
            == "Worried about a child? NSPCC Helpline: 0808 800 5000. More help: reportinfo help-contacts"
        )
        document = json.loads(invoke(section, "--format", "json").stdout)
        assert (
            document["content_note"]["text"]
            == "This report discusses child sexual abuse and suicide."
        )


def test_stale_contacts_warn_on_stderr(invoke: Invoke) -> None:
    a_year_on = datetime(2027, 11, 28, 12, 0, tzinfo=UTC)  # 365 days after the check: not stale
    result = invoke("help-contacts", now=a_year_on)
    assert result.stderr == ""
    a_day_later = datetime(2027, 11, 29, 12, 0, tzinfo=UTC)
    result = invoke("help-contacts", now=a_day_later)
    assert result.exit_code == 0
    assert result.stderr == (
        "reportinfo: note: these contact details were checked on 28 November 2026, more than a "
        "year ago. Numbers and opening times change: confirm them on each service's own website "
        "(see 'reportinfo sources').\n"
    )
    assert (
        json.loads(invoke("help-contacts", "--format", "json", now=a_day_later).stdout)["stale"]
        is True
    )


def test_plain_english() -> None:
    """Flesch reading ease of the text we wrote, quotes left out: at least 50."""
    textstat = pytest.importorskip("textstat")
    for statements in (REPORT.summary, REPORT.findings):
        text = " ".join(re.sub(r"“[^”]*”", "", s.text) for s in statements)
        assert textstat.flesch_reading_ease(text) >= 50
