"""Open now, in UK time, with an injected clock: weekdays, weekends, nights and clock changes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reportinfo import hours, loader
from reportinfo.model import Channel, Hours

REPORT = loader.load()


def hours_of(channel: Channel) -> Hours:
    assert channel.hours is not None
    return channel.hours


NSPCC_PHONE = hours_of(REPORT.contacts[1].channels[0])
FIRST_RESPONSE, OUT_OF_HOURS = (hours_of(channel) for channel in REPORT.contacts[3].channels)


def said(line: Hours, when: datetime) -> str:
    return hours.describe(hours.status(line, when), when)


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        # Winter (GMT = UTC).
        (datetime(2026, 11, 25, 14, 0, tzinfo=UTC), "Open now, until 10pm"),  # Wednesday
        (datetime(2026, 11, 25, 23, 0, tzinfo=UTC), "Closed now. Opens at 8am tomorrow"),
        (datetime(2026, 11, 26, 7, 59, tzinfo=UTC), "Closed now. Opens at 8am"),
        (datetime(2026, 11, 26, 8, 0, tzinfo=UTC), "Open now, until 10pm"),
        (datetime(2026, 11, 27, 22, 0, tzinfo=UTC), "Closed now. Opens at 9am tomorrow"),  # Friday
        (datetime(2026, 11, 28, 12, 0, tzinfo=UTC), "Open now, until 6pm"),  # Saturday
        (datetime(2026, 11, 29, 18, 30, tzinfo=UTC), "Closed now. Opens at 8am tomorrow"),  # Sunday
        # Summer (BST = UTC+1): 8am in London is 7am UTC.
        (datetime(2026, 7, 1, 7, 0, tzinfo=UTC), "Open now, until 10pm"),
        (datetime(2026, 7, 1, 6, 59, tzinfo=UTC), "Closed now. Opens at 8am"),
        # Clocks go forward on Sunday 29 March 2026: 9.30am BST is 8.30am UTC.
        (datetime(2026, 3, 29, 8, 30, tzinfo=UTC), "Open now, until 6pm"),
        (datetime(2026, 3, 29, 7, 30, tzinfo=UTC), "Closed now. Opens at 9am"),
        # Clocks go back on Sunday 25 October 2026: 8.30am UTC is 8.30am GMT, before opening.
        (datetime(2026, 10, 25, 8, 30, tzinfo=UTC), "Closed now. Opens at 9am"),
        (datetime(2026, 10, 25, 9, 0, tzinfo=UTC), "Open now, until 6pm"),
    ],
)
def test_nspcc_helpline(when: datetime, expected: str) -> None:
    assert said(NSPCC_PHONE, when) == expected


def test_changes_at_is_an_instant_in_uk_time() -> None:
    status = hours.status(NSPCC_PHONE, datetime(2026, 7, 1, 12, 0, tzinfo=UTC))
    assert status.changes_at == datetime(2026, 7, 1, 21, 0, tzinfo=UTC)
    assert status.changes_at is not None
    assert status.changes_at.utcoffset() is not None
    assert status.changes_at.utcoffset().total_seconds() == 3600  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("when", "first_response", "out_of_hours"),
    [
        (
            datetime(2026, 11, 27, 16, 59, tzinfo=UTC),
            "Open now, until 5pm",
            "Closed now. Opens at 5pm",
        ),
        (
            datetime(2026, 11, 27, 17, 0, tzinfo=UTC),
            "Closed now. Opens at 9am on Monday",
            "Open now, until 9am on Monday",
        ),
        (
            datetime(2026, 11, 24, 17, 29, tzinfo=UTC),
            "Open now, until 5.30pm",
            "Closed now. Opens at 5.30pm",
        ),
        (
            datetime(2026, 11, 24, 23, 0, tzinfo=UTC),
            "Closed now. Opens at 9am tomorrow",
            "Open now, until 9am tomorrow",
        ),
    ],
)
def test_first_response_and_its_out_of_hours_team(
    when: datetime, first_response: str, out_of_hours: str
) -> None:
    assert said(FIRST_RESPONSE, when) == first_response
    assert said(OUT_OF_HOURS, when) == out_of_hours


def test_out_of_hours_team_covers_exactly_the_rest_of_the_week() -> None:
    start = datetime(2026, 11, 23, 0, 0, tzinfo=UTC).timestamp()  # a Monday, in GMT
    for minute in range(0, 7 * 24 * 60, 15):
        when = datetime.fromtimestamp(start + minute * 60, tz=UTC)
        assert hours.status(FIRST_RESPONSE, when).open != hours.status(OUT_OF_HOURS, when).open


def test_always_open() -> None:
    always = Hours(text="Any time", always=True)
    status = hours.status(always, datetime(2026, 1, 1, 3, 0, tzinfo=UTC))
    assert status == hours.LineStatus(open=True, changes_at=None)
    assert hours.describe(status, datetime(2026, 1, 1, 3, 0, tzinfo=UTC)) == "Open now, any time"


def test_midday_and_midnight_are_said_in_words() -> None:
    from reportinfo.model import WeeklyOpening

    late = Hours(text="x", weekly=(WeeklyOpening(days=("mon",), opens="12:00", closes="24:00"),))
    monday_morning = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert said(late, monday_morning) == "Closed now. Opens at midday"
    assert said(late, datetime(2026, 11, 23, 13, 0, tzinfo=UTC)) == "Open now, until midnight"
