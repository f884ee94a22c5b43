"""The report as plain text for pipes and files: no colour, no box drawing, no hard wrapping.

One item per line, so that grep, head and cut work on it.
"""

from __future__ import annotations

from datetime import datetime

from reportinfo.model import Channel, Contact, Report
from reportinfo.render import Section, phrases


def render(section: Section, report: Report, now: datetime) -> str:
    blocks = {
        "summary": _summary,
        "findings": _findings,
        "help-contacts": lambda r: _contacts(r, now),
        "sources": _sources,
    }[section](report)
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def _summary(report: Report) -> list[list[str]]:
    about = report.report
    link = report.source(about.link)
    facts = [
        about.title,
        phrases.described_report(report),
        f"Period covered: {about.period.start} to {about.period.end}",
        f"Recommendations: {about.recommendations}",
        f"Scale: {about.scale}",
        f"Report as published: {link.url}" + (f" ({link.note})" if link.note else ""),
    ]
    points = ["In brief:"] + [f"- {point.text}" for point in report.summary]
    return [[phrases.content_note(report)], facts, points, [phrases.help_footer(report)]]


def _findings(report: Report) -> list[list[str]]:
    findings = [f"Key findings: {report.report.title}"]
    findings += [f"{number}. {finding.text}" for number, finding in enumerate(report.findings, 1)]
    return [[phrases.content_note(report)], findings, [phrases.help_footer(report)]]


def _contacts(report: Report, now: datetime) -> list[list[str]]:
    blocks = []
    emergency = phrases.emergency_line(report)
    if emergency:
        blocks.append([emergency])
    blocks += [_contact(contact, now) for contact in report.contacts if not contact.emergency]
    blocks.append([phrases.HOURS_CAVEAT])
    return blocks


def _contact(contact: Contact, now: datetime) -> list[str]:
    lines = [contact.name, f"For: {contact.who}"]
    lines += [_channel(channel, now) for channel in contact.channels]
    if contact.cost:
        lines.append(f"Cost: {contact.cost}")
    lines.append(phrases.contact_checked(contact))
    return lines


def _channel(channel: Channel, now: datetime) -> str:
    line = f"{phrases.channel_label(channel)}: {channel.value}."
    when = phrases.channel_when(channel, now)
    return f"{line} {when}" if when else line


def _sources(report: Report) -> list[list[str]]:
    return [
        ["Sources"],
        [f"{source.id}: {phrases.source_line(source)}" for source in report.sources],
    ]
