"""The report as JSON, in the shape documented in docs/output.md (keys are stable).

One function per section; VIEWS at the end of this module is their table.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from reportinfo.model import Channel, Contact, Report, Source, Statement
from reportinfo.render import Request, Section, hours_words, phrases
from reportinfo.render.document import channel_target, emergency_beside, groups_in_view


def render(section: Section, report: Report, request: Request, ascii_only: bool = False) -> str:
    document = VIEWS[section](report, request)
    return json.dumps(
        {"section": section, **document}, indent=2, ensure_ascii=ascii_only, default=_iso
    )


def overview(report: Report, request: Request) -> dict[str, Any]:
    return {
        "report": {"title": report.about.title, "described": phrases.described_report(report)},
        "content_note": _statement(report.content_note),
        "commands": [{"name": name, "purpose": purpose} for name, purpose in request.commands],
        "help": _help(report),
        "sources": _cited(report, report.content_note.sources),
    }


def summary(report: Report, request: Request) -> dict[str, Any]:
    about = report.about
    return {
        "report": _plain(about),
        "content_note": _statement(report.content_note),
        "summary": [_statement(point) for point in report.summary],
        "help": _help(report),
        "sources": _cited(
            report,
            about.sources,
            (about.link,),
            (about.listed,) if about.listed else (),
            report.content_note.sources,
            *(point.sources for point in report.summary),
        ),
    }


def findings(report: Report, request: Request) -> dict[str, Any]:
    numbered = list(enumerate(report.findings, 1))
    if request.finding is not None:
        numbered = [numbered[request.finding - 1]]
    return {
        "report": {"title": report.about.title},
        "content_note": _statement(report.content_note),
        "voices": [voice._asdict() for voice in report.voices],
        "findings": [{"number": number, **_statement(finding)} for number, finding in numbered],
        "help": _help(report),
        "sources": _cited(
            report, report.content_note.sources, *(finding.sources for _, finding in numbered)
        ),
    }


def help_contacts(report: Report, request: Request) -> dict[str, Any]:
    from reportinfo import hours  # zoneinfo: only this section needs it

    asked = groups_in_view(report, request)
    emergency = emergency_beside(report, asked)  # 999 in every view, however filtered
    contacts = [*emergency, *(report.contact(cid) for group in asked for cid in group.contacts)]
    groups = list(dict.fromkeys([*(report.group_of(c.id) for c in emergency), *asked]))
    holidays = report.bank_holidays
    today = hours.uk_date(request.now)
    return {
        "checked": report.contacts_checked,
        "stale": phrases.is_stale(report, request.now),
        "now": request.now.astimezone(hours.UK),
        "bank_holiday_today": hours.holiday(today, holidays.dates if holidays else ()) is not None,
        "hours_note": hours_words.hours_caveat(report, request.now),
        "groups": [group._asdict() for group in groups],
        "contacts": [_contact(report, contact, request) for contact in contacts],
        "sources": _cited(
            report,
            *(contact.sources for contact in contacts),
            holidays.sources if holidays else (),
        ),
    }


def sources(report: Report, request: Request) -> dict[str, Any]:
    return {"sources": [_source(source) for source in report.sources]}


def _plain(record: Any) -> Any:
    """A record as JSON-ready dicts and lists, all the way down."""
    if hasattr(record, "_asdict"):
        return {key: _plain(value) for key, value in record._asdict().items()}
    if isinstance(record, tuple):
        return [_plain(value) for value in record]
    return record


def _iso(value: object) -> str:
    if isinstance(value, date):  # dates and datetimes
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _statement(statement: Statement) -> dict[str, Any]:
    document = {
        "text": statement.text,
        "quotes": list(statement.quotes),
        "sources": list(statement.sources),
    }
    if statement.said_by is not None:
        document["said_by"] = statement.said_by
    return document


def _help(report: Report) -> dict[str, Any]:
    """The lines that end summary, findings and the overview, and where the rest are."""
    emergency = [
        {
            "name": c.name,
            "phone": ch.value if ch.kind == "phone" else None,  # as in version 1.0
            "kind": ch.kind,
            "label": ch.label,
            "value": ch.value,
            "message": ch.message,
            "link": channel_target(ch),
        }
        for c in report.emergency
        for ch in c.channels
    ]
    lines = [
        {"question": line.question, "name": line.name, "phone": line.number, "text": str(line)}
        for line in phrases.signposts(report)
    ]
    first = lines[0] if lines else None
    return {
        # name, phone and text: the first line, as in version 1.0, kept for scripts that use them
        "name": first["name"] if first else None,
        "phone": first["phone"] if first else None,
        "command": phrases.CONTACTS_COMMAND,
        "text": first["text"] if first else None,
        "emergency": emergency,
        "lines": lines,
    }


def _contact(report: Report, contact: Contact, request: Request) -> dict[str, Any]:
    return {
        "id": contact.id,
        "group": report.group_of(contact.id).id,
        "name": contact.name,
        "who": contact.who,
        "cost": contact.cost,
        "note": contact.note,
        "emergency": contact.emergency,
        "channels": [_channel(report, contact, channel, request) for channel in contact.channels],
        "checked": contact.checked,
        "sources": list(contact.sources),
    }


def _channel(
    report: Report, contact: Contact, channel: Channel, request: Request
) -> dict[str, Any]:
    from reportinfo.render import hours_words

    status = hours_words.describe(report, contact, channel, request.now)
    return {
        "kind": channel.kind,
        "label": phrases.channel_label(channel),
        "value": channel.value,
        "message": channel.message,
        "link": channel_target(channel),
        "hours": _plain(channel.hours) if channel.hours else None,
        "open_now": status.line.open if status else None,
        "changes_at": status.line.changes_at if status else None,
        "status": status.words if status else None,
    }


def _cited(report: Report, *groups: tuple[str, ...]) -> list[dict[str, Any]]:
    return [_source(source) for source in report.sources_cited(*groups)]


def _source(source: Source) -> dict[str, Any]:
    return source._asdict()


# Every section's JSON view, by its name in render.SECTIONS (a test checks none is missing).
VIEWS: dict[Section, Callable[[Report, Request], dict[str, Any]]] = {
    "overview": overview,
    "summary": summary,
    "findings": findings,
    "help-contacts": help_contacts,
    "sources": sources,
}
