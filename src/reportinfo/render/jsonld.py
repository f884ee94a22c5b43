"""A page's contacts as schema.org structured data (JSON-LD), for search engines and assistants.

Built from the same records as the page, never written by hand: each service is an
Organization (a GovernmentOrganization for the emergency services) with a ContactPoint for each
phone or text line: its number as dialled in E.164 form, what it is for, where and in what
language it answers, and its hours where the report gives them. Imported only for a full HTML
page: a fragment carries no script, as sanitizers strip scripts anyway.
"""

from __future__ import annotations

import json
from typing import Any

from reportinfo.model import WEEKDAYS, Channel, Contact, Hours
from reportinfo.render.links import channel_target, dialled

_DAYS = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
# The page's language: the only language the report says anything in.
LANGUAGE = "English"
# Short codes (999, 101, 116 123, 18000) and +44 numbers are the United Kingdom's.
_UK = {"@type": "Country", "name": "United Kingdom"}


def script(contacts: tuple[Contact, ...]) -> str:
    """The <script type="application/ld+json"> element for these contacts."""
    data = {"@context": "https://schema.org", "@graph": [organization(c) for c in contacts]}
    text = json.dumps(data, ensure_ascii=False)
    # Still JSON, but no "</script>", "<!--" or "&" in the data can end or confuse the element.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def organization(contact: Contact) -> dict[str, Any]:
    found: dict[str, Any] = {
        "@type": "GovernmentOrganization" if contact.emergency else "Organization",
        "name": contact.name,
        "description": contact.who,
    }
    for channel in contact.channels:
        url = channel_target(channel) if channel.kind == "web" else None
        if url and "url" not in found:
            found["url"] = url
        if channel.kind == "email" and "email" not in found:
            found["email"] = channel.value
    points = [
        contact_point(contact, channel)
        for channel in contact.channels
        if channel.kind in ("phone", "text")
    ]
    if points:
        found["contactPoint"] = points
    return found


def contact_point(contact: Contact, channel: Channel) -> dict[str, Any]:
    number = dialled(channel.value)
    point: dict[str, Any] = {
        "@type": "ContactPoint",
        "telephone": number,
        "contactType": _purpose(contact, channel),
        "availableLanguage": LANGUAGE,
    }
    if number.startswith("+44") or not number.startswith("+"):
        point["areaServed"] = _UK
    url = channel_target(channel) if channel.kind == "text" else None
    if url:
        point["url"] = url  # the sms: link, with the word to send
    hours = _hours(channel.hours)
    if hours:
        point["hoursAvailable"] = hours
    return point


def _purpose(contact: Contact, channel: Channel) -> str:
    if channel.label:
        return channel.label
    if channel.kind == "text":
        return f"Text {channel.message} to {channel.value}"
    return "Emergency" if contact.emergency else contact.who.rstrip(".")


def _hours(hours: Hours | None) -> list[dict[str, Any]]:
    """The hours as OpeningHoursSpecification; none where they are not known as times (an
    out-of-hours line's hours are another line's gaps)."""
    if hours is None:
        return []
    if hours.always:  # schema.org's way to say open all day: 00:00 to 23:59
        return [_opening([_DAYS[d] for d in WEEKDAYS], "00:00", "23:59")]
    return [
        _opening([_DAYS[d] for d in opening.days], opening.opens, opening.closes)
        for opening in hours.weekly
    ]


def _opening(days: list[str], opens: str, closes: str) -> dict[str, Any]:
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": [f"https://schema.org/{day}" for day in days],
        "opens": opens,
        "closes": "23:59" if closes == "24:00" else closes,
    }
