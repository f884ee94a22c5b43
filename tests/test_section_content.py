"""What each section says is decided once (`render.content`), and both views show that one result:
text and JSON agree on every line's status, and each line's status is worked out once a run."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest

from reportinfo import loader
from reportinfo.model import Channel, Contact, Report
from reportinfo.render import (
    SECTIONS,
    Request,
    Section,
    content,
    document,
    hours_words,
    jsonout,
    plain,
)
from reportinfo.render.document import STATUS_KINDS, Document
from reportinfo.render.hours_words import Status
from tests.conftest import SATURDAY_NIGHT, WEDNESDAY_AFTERNOON

REPORT = loader.load()

TIMES = {
    "weekday afternoon": WEDNESDAY_AFTERNOON,
    "Saturday night": SATURDAY_NIGHT,
    "early Monday": datetime(2026, 11, 30, 7, 0, tzinfo=UTC),
    "Christmas Day": datetime(2026, 12, 25, 12, 0, tzinfo=UTC),
    "a bank holiday": datetime(2026, 8, 31, 12, 0, tzinfo=UTC),
    "after the list of bank holidays": datetime(2029, 3, 6, 10, 0, tzinfo=UTC),
}
# help-contacts with no --for, and with each --for
VIEWS = [None, *(group.id for group in REPORT.groups)]


def test_every_section_has_its_content() -> None:
    assert list(content.CONTENT) == list(SECTIONS)


def _text_statuses(built: Document) -> list[tuple[str, str]]:
    """(link, status in words) for each block of the document that gives a line's status: the
    link is the line's own (the one number or address the block links to before its status)."""
    found = []
    for part in built.parts:
        for block in part:
            status = [span for span in block.spans if span.kind in STATUS_KINDS]
            if status:
                targets = [span.target for span in block.spans if span.target]
                assert len(status) == 1
                assert len(targets) == 1, block
                assert targets[0] is not None
                found.append((targets[0], status[0].text))
    return found


def _json_statuses(shown: dict[str, Any], emergency: bool = True) -> dict[str, set[str | None]]:
    """Each link's status in words, as the JSON gives it for every channel with that link."""
    statuses: dict[str, set[str | None]] = {}
    for contact in shown["contacts"]:
        if contact["emergency"] and not emergency:
            continue
        for channel in contact["channels"]:
            statuses.setdefault(channel["link"], set()).add(channel["status"])
    return statuses


@pytest.mark.parametrize("when", TIMES.values(), ids=TIMES.keys())
@pytest.mark.parametrize("group", VIEWS)
def test_text_and_json_agree_on_every_lines_status(when: datetime, group: str | None) -> None:
    request = Request(now=when, group=group)
    text = _text_statuses(document.help_contacts(REPORT, request))
    shown = json.loads(jsonout.render("help-contacts", REPORT, request))
    statuses = _json_statuses(shown)
    assert text or group == "danger"  # 999 alone: to call straight away, no hours given
    for link, words in text:
        assert statuses[link] == {words}, link
    # and every status the JSON gives is in the text, beside its line; the emergency lines are
    # not in the text's list of lines with hours, but given first, as lines to call straight away
    listed = _json_statuses(shown, emergency=False)
    given = {(link, words) for link, all_words in listed.items() for words in all_words}
    assert {(link, words) for link, words in given if words is not None} <= set(text)


@pytest.mark.parametrize("when", TIMES.values(), ids=TIMES.keys())
def test_the_short_lines_give_the_status_help_contacts_gives(when: datetime) -> None:
    """The lines that end a section say what help-contacts says of the same line."""
    statuses = _json_statuses(
        json.loads(jsonout.render("help-contacts", REPORT, Request(now=when)))
    )
    for section in SECTIONS:
        for link, words in _text_statuses(document.BUILDERS[section](REPORT, Request(now=when))):
            assert statuses[link] == {words}, (section, link)


def _requests(section: Section) -> list[Request]:
    base = Request(now=SATURDAY_NIGHT)
    requests = [base, base._replace(published=True)]
    if section == "findings":
        requests += [base._replace(finding=n) for n in range(1, len(REPORT.findings) + 1)]
    if section == "help-contacts":
        requests += [base._replace(group=group) for group in VIEWS]
        requests += [base._replace(box=True), base._replace(box=True, published=True)]
    return requests


@pytest.mark.parametrize("section", SECTIONS)
def test_each_lines_status_is_worked_out_once_a_run(
    monkeypatch: pytest.MonkeyPatch, section: Section
) -> None:
    described: Counter[tuple[str, int]] = Counter()
    describe = hours_words.describe

    def counted(report: Report, contact: Contact, channel: Channel, now: datetime) -> Status | None:
        described[contact.id, contact.channels.index(channel)] += 1
        return describe(report, contact, channel, now)

    monkeypatch.setattr(hours_words, "describe", counted)
    for request in _requests(section):
        for view in ("text", "json"):
            described.clear()
            if view == "text":
                document.BUILDERS[section](REPORT, request)
            else:
                jsonout.render(section, REPORT, request)
            assert [line for line, times in described.items() if times > 1] == []
    # JSON that shows no status works none out (and so loads no time zones)
    described.clear()
    jsonout.render(section, REPORT, Request(now=SATURDAY_NIGHT))
    assert bool(described) == (section == "help-contacts")


def test_every_view_of_contacts_keeps_999_beside_it() -> None:
    for group in VIEWS:
        said = content.help_contacts(REPORT, Request(now=SATURDAY_NIGHT, group=group))
        assert any(entry.contact.emergency for entry in said.entries)
        assert bool(said.beside) == (group != "danger" and group is not None)


def test_findings_n_is_that_finding_with_its_number() -> None:
    for number, finding in enumerate(REPORT.findings, 1):
        said = content.findings(REPORT, Request(now=SATURDAY_NIGHT, finding=number))
        assert said.findings == ((number, finding),)
        cited = {source.id for source in said.sources}
        assert cited == {*REPORT.content_note.sources, *finding.sources}


def test_a_line_two_needs_share_is_named_once_in_the_lead() -> None:
    worried = next(group for group in REPORT.groups if group.id == "worried-about-a-child")
    again = worried._replace(id="worried-again", signpost="Still worried?")
    report = REPORT._replace(groups=(*REPORT.groups, again))
    said = content.summary(report, Request(now=SATURDAY_NIGHT))
    assert (
        len(said.help.signposts)
        == len(content.summary(REPORT, Request(SATURDAY_NIGHT)).help.signposts) + 1
    )
    main = [line.contact.id for line in said.help.main_lines()]
    assert main.count("nspcc-helpline") == 1
    assert said.help.signposts[0].line is said.help.signposts[-1].line  # one line, one status


def test_a_need_with_no_phone_line_has_no_signpost() -> None:
    online = next(group for group in REPORT.groups if group.id == "worried-about-a-child")
    report = REPORT._replace(
        groups=(
            *REPORT.groups,
            online._replace(id="online", signpost="Online?", contacts=("ceop",)),
        )
    )
    questions = [
        s.question for s in content.sources(report, Request(SATURDAY_NIGHT)).help.signposts
    ]
    assert "Online?" not in questions
    assert len(questions) == len(content.sources(REPORT, Request(SATURDAY_NIGHT)).help.signposts)


def test_a_need_whose_other_lines_give_no_hours_offers_none_of_them_instead() -> None:
    worried = next(group for group in REPORT.groups if group.id == "worried-about-a-child")
    report = REPORT._replace(groups=(worried._replace(contacts=("nspcc-helpline", "police-101")),))
    (signpost,) = content.summary(report, Request(now=SATURDAY_NIGHT)).help.signposts
    assert signpost.line.status is not None
    assert signpost.line.status.kind == "closed"
    assert not content.answers(signpost, published=False)
    assert content.instead(signpost, published=False) is None
    assert content.instead(signpost, published=True) is None
    # so the short list names no other line, only the ways to write in at any time
    built = document.summary(report, Request(now=SATURDAY_NIGHT))
    assert "Open now:" not in plain.render(built)
