"""The report as JSON, in the shape documented in the README (keys are stable)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from reportinfo.model import Channel, Contact, Report, Source, Statement
from reportinfo.render import Section, phrases


def render(section: Section, report: Report, now: datetime, ascii_only: bool = False) -> str:
    document = {
        "summary": _summary,
        "findings": _findings,
        "help-contacts": lambda r: _contacts(r, now),
        "sources": _sources,
    }[section](report)
    return json.dumps(
        {"section": section, **document}, indent=2, ensure_ascii=ascii_only, default=_iso
    )


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


def _summary(report: Report) -> dict[str, Any]:
    about = report.report
    return {
        "report": _plain(about),
        "content_note": _statement(report.content_note),
        "summary": [_statement(point) for point in report.summary],
        "help": _help(report),
        "sources": _cited(
            report,
            about.sources,
            (about.link,),
            report.content_note.sources,
            *(point.sources for point in report.summary),
        ),
    }


def _findings(report: Report) -> dict[str, Any]:
    return {
        "report": {"title": report.report.title},
        "content_note": _statement(report.content_note),
        "findings": [
            {"number": number, **_statement(finding)}
            for number, finding in enumerate(report.findings, 1)
        ],
        "help": _help(report),
        "sources": _cited(
            report, report.content_note.sources, *(finding.sources for finding in report.findings)
        ),
    }


def _contacts(report: Report, now: datetime) -> dict[str, Any]:
    from reportinfo import hours  # zoneinfo: only this section needs it

    checked = report.contacts_checked
    return {
        "checked": checked,
        "stale": phrases.is_stale(report, now),
        "now": now.astimezone(hours.UK),
        "hours_note": phrases.HOURS_CAVEAT,
        "contacts": [_contact(contact, now) for contact in report.contacts],
        "sources": _cited(report, *(contact.sources for contact in report.contacts)),
    }


def _sources(report: Report) -> dict[str, Any]:
    return {"sources": [_source(source) for source in report.sources]}


def _statement(statement: Statement) -> dict[str, Any]:
    return {
        "text": statement.text,
        "quotes": list(statement.quotes),
        "sources": list(statement.sources),
    }


def _help(report: Report) -> dict[str, Any]:
    helpline = report.helpline
    return {
        "name": helpline[0].name if helpline else None,
        "phone": helpline[1].value if helpline else None,
        "command": phrases.CONTACTS_COMMAND,
        "text": phrases.help_footer(report),
    }


def _contact(contact: Contact, now: datetime) -> dict[str, Any]:
    return {
        "id": contact.id,
        "name": contact.name,
        "who": contact.who,
        "cost": contact.cost,
        "emergency": contact.emergency,
        "channels": [_channel(channel, now) for channel in contact.channels],
        "checked": contact.checked,
        "sources": list(contact.sources),
    }


def _channel(channel: Channel, now: datetime) -> dict[str, Any]:
    from reportinfo import hours

    line = hours.status(channel.hours, now) if channel.hours else None
    return {
        "kind": channel.kind,
        "label": phrases.channel_label(channel),
        "value": channel.value,
        "hours": _plain(channel.hours) if channel.hours else None,
        "open_now": line.open if line else None,
        "changes_at": line.changes_at if line else None,
        "status": phrases.channel_status(channel, now),
    }


def _cited(report: Report, *groups: tuple[str, ...]) -> list[dict[str, Any]]:
    return [_source(source) for source in report.sources_cited(*groups)]


def _source(source: Source) -> dict[str, Any]:
    return source._asdict()
