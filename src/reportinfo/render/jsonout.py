"""The report as JSON, in the shape documented in docs/output.md (keys are stable).

One function per section, each writing out what `content` decided the section says, as the
text formats do; VIEWS at the end of this module is their table.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from reportinfo.model import Report, Source, Statement
from reportinfo.render import Request, Section, content, phrases
from reportinfo.render.content import Entry, Help, Line


def render(section: Section, report: Report, request: Request, ascii_only: bool = False) -> str:
    document = VIEWS[section](report, request)
    return json.dumps(
        {"section": section, **document}, indent=2, ensure_ascii=ascii_only, default=_iso
    )


def overview(report: Report, request: Request) -> dict[str, Any]:
    said = content.overview(report, request)
    return {
        "report": {"title": report.about.title, "described": phrases.described_report(report)},
        "content_note": _statement(report.content_note),
        "commands": [{"name": name, "purpose": purpose} for name, purpose in said.commands],
        "help": _help(said.help),
        "sources": _sources(said.sources),
    }


def summary(report: Report, request: Request) -> dict[str, Any]:
    said = content.summary(report, request)
    return {
        "report": _plain(report.about),
        "content_note": _statement(report.content_note),
        "summary": [_statement(point) for point in said.points],
        "help": _help(said.help),
        "sources": _sources(said.sources),
    }


def findings(report: Report, request: Request) -> dict[str, Any]:
    said = content.findings(report, request)
    return {
        "report": {"title": report.about.title},
        "content_note": _statement(report.content_note),
        "voices": [voice._asdict() for voice in report.voices],
        "findings": [{"number": n, **_statement(finding)} for n, finding in said.findings],
        "help": _help(said.help),
        "sources": _sources(said.sources),
    }


def help_contacts(report: Report, request: Request) -> dict[str, Any]:
    from reportinfo import hours  # zoneinfo: only this section needs it

    said = content.help_contacts(report, request)
    holidays = report.bank_holidays
    today = hours.uk_date(request.now)
    return {
        "checked": report.contacts_checked,
        "stale": phrases.is_stale(report, request.now),
        "now": request.now.astimezone(hours.UK),
        "bank_holiday_today": hours.holiday(today, holidays.dates if holidays else ()) is not None,
        "hours_note": said.hours_note,
        "groups": [group._asdict() for group in said.groups_shown],
        "contacts": [_contact(report, entry) for entry in said.entries],
        "sources": _sources(said.sources),
    }


def sources(report: Report, request: Request) -> dict[str, Any]:
    return {"sources": _sources(content.sources(report, request).sources)}


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


def _help(said: Help) -> dict[str, Any]:
    """The lines that end summary, findings and the overview, and where the rest are."""
    emergency = [
        {
            "name": line.contact.name,
            "phone": line.channel.value if line.channel.kind == "phone" else None,  # as in 1.0
            "kind": line.channel.kind,
            "label": line.channel.label,
            "value": line.channel.value,
            "message": line.channel.message,
            "link": line.link,
        }
        for entry in said.emergency
        for line in entry.lines
    ]
    lines = [
        {"question": line.question, "name": line.name, "phone": line.number, "text": str(line)}
        for line in (signpost.words() for signpost in said.signposts)
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


def _contact(report: Report, entry: Entry) -> dict[str, Any]:
    contact = entry.contact
    return {
        "id": contact.id,
        "group": report.group_of(contact.id).id,
        "name": contact.name,
        "who": contact.who,
        "cost": contact.cost,
        "note": contact.note,
        "emergency": contact.emergency,
        "channels": [_channel(line) for line in entry.lines],
        "checked": contact.checked,
        "sources": list(contact.sources),
    }


def _channel(line: Line) -> dict[str, Any]:
    channel, status = line.channel, line.status
    return {
        "kind": channel.kind,
        "label": phrases.channel_label(channel),
        "value": channel.value,
        "message": channel.message,
        "link": line.link,
        "hours": _plain(channel.hours) if channel.hours else None,
        "open_now": status.line.open if status else None,
        "changes_at": status.line.changes_at if status else None,
        "status": status.words if status else None,
    }


def _sources(cited: tuple[Source, ...]) -> list[dict[str, Any]]:
    return [source._asdict() for source in cited]


# Every section's JSON view, by its name in render.SECTIONS (a test checks none is missing).
VIEWS: dict[Section, Callable[[Report, Request], dict[str, Any]]] = {
    "overview": overview,
    "summary": summary,
    "findings": findings,
    "help-contacts": help_contacts,
    "sources": sources,
}
