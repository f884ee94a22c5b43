"""What each section says, decided once: the two views of it are `document` (the text formats)
and `jsonout` (JSON).

One function per section (`CONTENT` at the end of this module is their table) returns a record
of what the section shows: which findings, with their numbers; which groups and contacts (999
beside any view); each line with its link and its status now; the main line of each need; and
the sources it rests on. Neither view chooses any of these again, so text and JSON cannot
disagree on them, and each line's status is worked out once a run, however many places show it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import NamedTuple

from reportinfo.model import Channel, Contact, Group, Report, Source, Statement, first_phone
from reportinfo.render import Request, Section, hours_words, phrases
from reportinfo.render.hours_words import Status
from reportinfo.render.links import channel_target


class Line:
    """One way to reach a contact (one of its channels), as every view shows it: the link its
    value is written as, and its status now.

    The status is worked out the first time a view asks for it, and kept: a run works out each
    line's status once, whichever places show the line, and the JSON of a section that shows
    no status (summary, say) never loads the time zones.
    """

    __slots__ = ("_now", "_report", "_status", "_worked_out", "channel", "contact", "link")

    def __init__(self, report: Report, contact: Contact, channel: Channel, now: datetime) -> None:
        self.contact = contact
        self.channel = channel
        self.link = channel_target(channel)
        self._report = report
        self._now = now
        self._status: Status | None = None
        self._worked_out = False

    @property
    def status(self) -> Status | None:
        """Open, closed or not known now, in words (`hours_words.describe`); None for a line
        with no hours, or one you write to."""
        if not self._worked_out:
            self._status = hours_words.describe(self._report, self.contact, self.channel, self._now)
            self._worked_out = True
        return self._status

    @property
    def always(self) -> bool:
        """Open every hour of every day."""
        return bool(self.channel.hours and self.channel.hours.always)


class Entry(NamedTuple):
    """A contact as a view lists it, with its lines in the report's order."""

    contact: Contact
    lines: tuple[Line, ...]


class Signpost(NamedTuple):
    """One need's main line: the first phone line of its group, under its signpost question."""

    question: str  # "Worried about a child?"
    line: Line
    others: tuple[Line, ...]  # the lines of the group's other contacts, to offer instead
    writing: tuple[Line, ...]  # the main contact's email and web lines open any time

    def words(self) -> phrases.SignpostLine:
        """The line in words: "Struggling to cope? Samaritans: 116 123, any time."."""
        line = self.line
        return phrases.SignpostLine(
            self.question, line.contact.name, line.channel.value, line.always
        )


class Help(NamedTuple):
    """The help every section ends with (and the long ones lead with): the 999 line and the
    ways to reach it without a call, and each signposted need's main line."""

    emergency: tuple[Entry, ...]
    signposts: tuple[Signpost, ...]

    def main_lines(self) -> tuple[Line, ...]:
        """Each signposted need's main line, once each (two needs may share one)."""
        lines: list[Line] = []
        for signpost in self.signposts:
            if all(signpost.line is not line for line in lines):
                lines.append(signpost.line)
        return tuple(lines)


def answers(signpost: Signpost, published: bool) -> bool:
    """Whether the need's main line is sure to answer: it is open any time, or (read now) it
    is open now. If not, the views offer another line (`instead`) and ways to write in."""
    return signpost.line.always or (not published and _open(signpost.line))


def instead(signpost: Signpost, published: bool) -> Line | None:
    """The line to offer when the need's main line may not answer (see `answers`): the first of
    the group's other lines that is open now (read now), or that is open whenever the main line
    is not (read later: one open any time, or an out-of-hours line). None if there is none."""
    for line in signpost.others:
        hours = line.channel.hours
        if hours is None:
            continue
        if hours.always or (hours.out_of_hours if published else _open(line)):
            return line
    return None


def _open(line: Line) -> bool:
    return line.status is not None and line.status.kind == "open"


class Overview(NamedTuple):
    commands: tuple[tuple[str, str], ...]  # (name, purpose)
    help: Help
    sources: tuple[Source, ...]  # every source the section rests on, in the report's order


class Summary(NamedTuple):
    points: tuple[Statement, ...]
    link: Source  # the report as published
    listed: Source | None  # where it is listed today
    help: Help
    sources: tuple[Source, ...]


class Findings(NamedTuple):
    findings: tuple[tuple[int, Statement], ...]  # those shown, each with its number from 1
    help: Help
    sources: tuple[Source, ...]


class HelpContacts(NamedTuple):
    # The emergency contacts, shown before the groups when none of them holds one: 999 is in
    # every view of contacts, however filtered, in every format.
    beside: tuple[Entry, ...]
    groups: tuple[tuple[Group, tuple[Entry, ...]], ...]  # those in view, with their contacts
    # Every group a contact shown belongs to: the 999 line's own first when it stands beside
    # the groups asked for (JSON lists them, and names each contact's group).
    groups_shown: tuple[Group, ...]
    help: Help
    hours_note: str  # what the open-now status does and does not allow for, today
    all_checked: date | None  # when every contact was checked on the same day: that day
    sources: tuple[Source, ...]

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every contact shown, in order."""
        return (*self.beside, *(entry for _, entries in self.groups for entry in entries))


class Sources(NamedTuple):
    sources: tuple[Source, ...]  # the report's whole list
    help: Help


SectionContent = Overview | Summary | Findings | HelpContacts | Sources


class _Lines:
    """Each contact's lines for one run, made the first time a view needs them and then kept,
    so that every place showing a line shows the same one (and its one status)."""

    def __init__(self, report: Report, request: Request) -> None:
        self.report = report
        self.now = request.now
        self.made: dict[int, Entry] = {}

    def entry(self, contact: Contact) -> Entry:
        # By identity: the report holds every contact for as long as this run lasts.
        made = self.made.get(id(contact))
        if made is None:
            lines = tuple(Line(self.report, contact, ch, self.now) for ch in contact.channels)
            made = self.made[id(contact)] = Entry(contact, lines)
        return made

    def help(self) -> Help:
        return Help(tuple(map(self.entry, self.report.emergency)), self.signposts())

    def signposts(self) -> tuple[Signpost, ...]:
        found = []
        for group in self.report.groups:
            if group.signpost is None:
                continue
            entries = [self.entry(self.report.contact(cid)) for cid in group.contacts]
            main = next((e for e in entries if first_phone(e.contact) is not None), None)
            if main is None:
                continue
            line = next(line for line in main.lines if line.channel.kind == "phone")
            others = tuple(line for e in entries if e is not main for line in e.lines)
            writing = tuple(
                line for line in main.lines if line.channel.kind in ("email", "web") and line.always
            )
            found.append(Signpost(group.signpost, line, others, writing))
        return tuple(found)


# The sections, one function each; CONTENT at the end of this module is their table.


def overview(report: Report, request: Request) -> Overview:
    cited = report.sources_cited(report.content_note.sources)
    return Overview(request.commands, _Lines(report, request).help(), cited)


def summary(report: Report, request: Request) -> Summary:
    about = report.about
    cited = report.sources_cited(
        about.sources,
        (about.link,),
        (about.listed,) if about.listed else (),
        report.content_note.sources,
        *(point.sources for point in report.summary),
    )
    listed = report.source(about.listed) if about.listed else None
    help_ = _Lines(report, request).help()
    return Summary(report.summary, report.source(about.link), listed, help_, cited)


def findings(report: Report, request: Request) -> Findings:
    numbered = tuple(enumerate(report.findings, 1))
    if request.finding is not None:
        numbered = (numbered[request.finding - 1],)
    cited = report.sources_cited(
        report.content_note.sources, *(finding.sources for _, finding in numbered)
    )
    return Findings(numbered, _Lines(report, request).help(), cited)


def help_contacts(report: Report, request: Request) -> HelpContacts:
    lines = _Lines(report, request)
    asked = groups_in_view(report, request)
    beside = tuple(map(lines.entry, emergency_beside(report, asked)))
    groups = tuple(
        (group, tuple(lines.entry(report.contact(cid)) for cid in group.contacts))
        for group in asked
    )
    shown = (*beside, *(entry for _, entries in groups for entry in entries))
    own = (report.group_of(entry.contact.id) for entry in beside)
    groups_shown = tuple(dict.fromkeys([*own, *asked]))
    holidays = report.bank_holidays
    cited = report.sources_cited(
        *(entry.contact.sources for entry in shown), holidays.sources if holidays else ()
    )
    one_day = len({c.checked for c in report.contacts}) == 1
    return HelpContacts(
        beside,
        groups,
        groups_shown,
        lines.help(),
        hours_words.hours_caveat(report, request.now),
        report.contacts_checked if one_day else None,
        cited,
    )


def groups_in_view(report: Report, request: Request) -> list[Group]:
    """The groups `help-contacts` shows: the one asked for with --for, or all of them."""
    return [g for g in report.groups if request.group in (None, g.id)]


def emergency_beside(report: Report, groups: list[Group]) -> list[Contact]:
    """The emergency contacts to show before `groups` when none of them holds one: 999 is in
    every view of contacts, however filtered, in every format."""
    if any(report.contact(cid).emergency for group in groups for cid in group.contacts):
        return []
    return list(report.emergency)


def sources(report: Report, request: Request) -> Sources:
    return Sources(report.sources, _Lines(report, request).help())


# Every section's content, by its name in render.SECTIONS (a test checks none is missing).
CONTENT: dict[Section, Callable[[Report, Request], SectionContent]] = {
    "overview": overview,
    "summary": summary,
    "findings": findings,
    "help-contacts": help_contacts,
    "sources": sources,
}
