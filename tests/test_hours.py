"""Open now, in UK time, with an injected clock: weekdays, weekends, nights, clock changes and
bank holidays; and every phrase the status can be said in."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from reportinfo import hours, loader
from reportinfo.hours import LineStatus
from reportinfo.model import Channel, Hours, WeeklyOpening
from reportinfo.render import hours_words
from tests.conftest import Invoke

REPORT = loader.load()
assert REPORT.bank_holidays is not None
BANK_HOLIDAYS = REPORT.bank_holidays.dates


def hours_of(channel: Channel) -> Hours:
    assert channel.hours is not None
    return channel.hours


NSPCC_PHONE = hours_of(REPORT.contact("nspcc-helpline").channels[0])
FIRST_RESPONSE, OUT_OF_HOURS = (
    hours_of(channel) for channel in REPORT.contact("bucks-first-response").channels
)
SAMARITANS = hours_of(REPORT.contact("samaritans").channels[0])


def weekly(*days: str, opens: str, closes: str, **more: str) -> Hours:
    """Hours open on `days` from `opens` to `closes`, for the phrase tests."""
    return Hours(text="x", weekly=(WeeklyOpening(days, opens, closes),), **more)  # type: ignore[arg-type]


def said(line: Hours, when: datetime, holidays: tuple[date, ...] = BANK_HOLIDAYS) -> str:
    return hours_words.line_status(hours.status(line, when, holidays), when)


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        # Winter (GMT = UTC).
        (datetime(2026, 11, 25, 14, 0, tzinfo=UTC), "Open now, until 10pm."),  # Wednesday
        (datetime(2026, 11, 25, 23, 0, tzinfo=UTC), "Closed now. Opens at 8am tomorrow."),
        (datetime(2026, 11, 26, 7, 59, tzinfo=UTC), "Closed now. Opens at 8am."),
        (datetime(2026, 11, 26, 8, 0, tzinfo=UTC), "Open now, until 10pm."),
        (datetime(2026, 11, 27, 22, 0, tzinfo=UTC), "Closed now. Opens at 9am tomorrow."),  # Friday
        (datetime(2026, 11, 28, 12, 0, tzinfo=UTC), "Open now, until 6pm."),  # Saturday
        (
            datetime(2026, 11, 29, 18, 30, tzinfo=UTC),
            "Closed now. Opens at 8am tomorrow.",
        ),  # Sunday
        # Summer (BST = UTC+1): 8am in London is 7am UTC.
        (datetime(2026, 7, 1, 7, 0, tzinfo=UTC), "Open now, until 10pm."),
        (datetime(2026, 7, 1, 6, 59, tzinfo=UTC), "Closed now. Opens at 8am."),
        # Clocks go forward on Sunday 29 March 2026: 9.30am BST is 8.30am UTC.
        (datetime(2026, 3, 29, 8, 30, tzinfo=UTC), "Open now, until 6pm."),
        (datetime(2026, 3, 29, 7, 30, tzinfo=UTC), "Closed now. Opens at 9am."),
        # Clocks go back on Sunday 25 October 2026: 8.30am UTC is 8.30am GMT, before opening.
        (datetime(2026, 10, 25, 8, 30, tzinfo=UTC), "Closed now. Opens at 9am."),
        (datetime(2026, 10, 25, 9, 0, tzinfo=UTC), "Open now, until 6pm."),
    ],
)
def test_nspcc_helpline(when: datetime, expected: str) -> None:
    assert said(NSPCC_PHONE, when) == expected


def test_changes_at_is_an_instant_in_uk_time() -> None:
    status = hours.status(NSPCC_PHONE, datetime(2026, 7, 1, 12, 0, tzinfo=UTC))
    assert status.changes_at == datetime(2026, 7, 1, 21, 0, tzinfo=UTC)
    assert status.changes_at is not None
    offset = status.changes_at.utcoffset()
    assert offset is not None
    assert offset.total_seconds() == 3600


@pytest.mark.parametrize(
    ("when", "first_response", "out_of_hours"),
    [
        (
            datetime(2026, 11, 27, 16, 59, tzinfo=UTC),
            "Open now, until 5pm.",
            "Closed now. Opens at 5pm.",
        ),
        # An ordinary Friday at 5.15pm.
        (
            datetime(2026, 11, 27, 17, 15, tzinfo=UTC),
            "Closed now. Opens at 9am on Monday.",
            "Open now, until 9am on Monday.",
        ),
        (
            datetime(2026, 11, 24, 17, 29, tzinfo=UTC),
            "Open now, until 5.30pm.",
            "Closed now. Opens at 5.30pm.",
        ),
        (
            datetime(2026, 11, 24, 23, 0, tzinfo=UTC),
            "Closed now. Opens at 9am tomorrow.",
            "Open now, until 9am tomorrow.",
        ),
    ],
)
def test_first_response_and_its_out_of_hours_team(
    when: datetime, first_response: str, out_of_hours: str
) -> None:
    assert said(FIRST_RESPONSE, when) == first_response
    assert said(OUT_OF_HOURS, when) == out_of_hours


def test_the_out_of_hours_team_is_never_closed_while_first_response_is_not_open() -> None:
    """Every 15 minutes of an ordinary week, and of two days either side of each bank holiday."""
    days = {date(2026, 11, 23) + timedelta(days=n) for n in range(7)}
    days |= {holiday + timedelta(days=n) for holiday in BANK_HOLIDAYS for n in range(-2, 3)}
    for day in sorted(days):
        for quarter in range(96):
            when = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(
                minutes=15 * quarter
            )
            first = hours.status(FIRST_RESPONSE, when, BANK_HOLIDAYS).open
            duty = hours.status(OUT_OF_HOURS, when, BANK_HOLIDAYS).open
            if first is not True:
                assert duty is not False, when
            if first is False:
                assert duty is True, when


NOON_CHRISTMAS_DAY = datetime(2026, 12, 25, 12, 0, tzinfo=UTC)  # a Friday
BOXING_DAY_SUBSTITUTE = datetime(2026, 12, 28, 10, 0, tzinfo=UTC)  # Monday 28 December 2026
EASTER_MONDAY_2027 = datetime(2027, 3, 29, 11, 0, tzinfo=UTC)  # 12 noon BST
AFTER_THE_LIST = datetime(2029, 1, 10, 11, 0, tzinfo=UTC)  # a Wednesday after the last listed year
BANK_HOLIDAY = "Today is a bank holiday: hours may differ today."


@pytest.mark.parametrize("when", [NOON_CHRISTMAS_DAY, BOXING_DAY_SUBSTITUTE, EASTER_MONDAY_2027])
def test_on_a_bank_holiday_lines_with_unknown_hours_are_neither_open_nor_closed(
    when: datetime,
) -> None:
    for line in (NSPCC_PHONE, FIRST_RESPONSE, OUT_OF_HOURS):
        assert hours.status(line, when, BANK_HOLIDAYS) == LineStatus(None, None, when.date())
        assert said(line, when) == BANK_HOLIDAY
    assert said(SAMARITANS, when) == "Open now, any time."


def test_the_day_before_a_bank_holiday_promises_nothing_past_midnight() -> None:
    christmas_eve_evening = datetime(2026, 12, 24, 19, 0, tzinfo=UTC)  # Thursday
    assert said(FIRST_RESPONSE, christmas_eve_evening) == (
        "Closed now. Hours may differ tomorrow, a bank holiday."
    )
    assert said(OUT_OF_HOURS, christmas_eve_evening) == (
        "Open now. Hours may differ tomorrow, a bank holiday."
    )
    saturday = datetime(2026, 12, 26, 12, 0, tzinfo=UTC)  # Boxing Day falls on a Saturday
    assert said(OUT_OF_HOURS, saturday) == "Open now. Hours may differ on Monday, a bank holiday."


def test_after_the_last_listed_year_the_weekly_hours_hold_and_the_caveat_says_so() -> None:
    assert said(FIRST_RESPONSE, AFTER_THE_LIST) == "Open now, until 5.30pm."
    assert hours_words.hours_caveat(REPORT, AFTER_THE_LIST) == (
        "Opening times are UK time. Bank holidays after 2028 are not known to this tool: "
        "hours may differ on them."
    )


def test_help_contacts_at_noon_on_christmas_day(invoke: Invoke) -> None:
    out = invoke("help-contacts", now=NOON_CHRISTMAS_DAY).stdout
    assert "Open now, until 5pm" not in out
    assert "Closed now" not in out
    assert out.count(BANK_HOLIDAY) == 3  # the NSPCC line, First Response, the Duty Team
    assert (
        "Phone: 116 123 – Any time, day or night, every day of the year. Open now, any time." in out
    )


def test_help_contacts_after_the_last_listed_year(invoke: Invoke) -> None:
    out = invoke("help-contacts", now=AFTER_THE_LIST).stdout
    assert "Bank holidays after 2028 are not known to this tool" in out


def test_bank_holidays_unknown_when_none_are_listed() -> None:
    caveat = hours_words.hours_caveat(REPORT._replace(bank_holidays=None), NOON_CHRISTMAS_DAY)
    assert (
        caveat
        == "Opening times are UK time. Bank holidays are not known to this tool: hours may differ on them."
    )


def test_known_bank_holiday_hours() -> None:
    weekdays = ("mon", "tue", "wed", "thu", "fri")
    closed = weekly(*weekdays, opens="09:00", closes="17:00", bank_holidays="closed")
    usual = weekly(*weekdays, opens="09:00", closes="17:00", bank_holidays="usual")
    assert said(closed, NOON_CHRISTMAS_DAY) == "Closed now. Opens at 9am on Tuesday."
    assert said(usual, NOON_CHRISTMAS_DAY) == "Open now, until 5pm."


def test_bank_holiday_list_matches_a_well_kept_library() -> None:
    holidays = pytest.importorskip("holidays")
    years = sorted({day.year for day in BANK_HOLIDAYS})
    assert years[0] <= 2026
    assert years[-1] >= 2028
    england = holidays.country_holidays("GB", subdiv="ENG", years=years)
    # GOV.UK lists the days off: a holiday falling at a weekend moves to a weekday.
    expected = sorted(day for day in england if day.weekday() < 5)
    assert list(BANK_HOLIDAYS) == expected


# Every phrase the status can be said in.


def test_always_open() -> None:
    always = Hours(text="Any time", always=True)
    when = datetime(
        2026, 1, 1, 3, 0, tzinfo=UTC
    )  # a bank holiday: always-open lines are unaffected
    assert hours.status(always, when, BANK_HOLIDAYS) == LineStatus(open=True, changes_at=None)
    assert said(always, when) == "Open now, any time."


def test_weekly_hours_that_cover_every_hour_are_open_any_time() -> None:
    every_day = weekly(
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        opens="00:00",
        closes="24:00",
        bank_holidays="usual",
    )
    wednesday = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
    assert said(every_day, wednesday) == "Open now, any time."


def test_no_opening_at_all_is_closed() -> None:
    never = weekly("mon", opens="09:00", closes="10:00")
    status = hours.status(never, datetime(2026, 11, 25, 14, 0, tzinfo=UTC))
    assert (
        hours_words.line_status(
            status._replace(changes_at=None), datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
        )
        == "Closed."
    )


def test_opening_on_the_same_weekday_next_week_says_next() -> None:
    wednesdays = weekly("wed", opens="09:00", closes="12:00")
    wednesday_afternoon = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
    assert said(wednesdays, wednesday_afternoon) == "Closed now. Opens at 9am next Wednesday."
    assert (
        said(wednesdays, datetime(2026, 11, 23, 14, 0, tzinfo=UTC))
        == "Closed now. Opens at 9am on Wednesday."
    )


def test_midday_and_midnight_are_said_in_words() -> None:
    late = weekly("mon", opens="12:00", closes="24:00")
    monday_morning = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert said(late, monday_morning) == "Closed now. Opens at midday."
    assert said(late, datetime(2026, 11, 23, 13, 0, tzinfo=UTC)) == "Open now, until midnight."
    sunday = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)
    assert said(late, sunday) == "Closed now. Opens at midday tomorrow."
    assert (
        said(late, datetime(2026, 11, 20, 13, 0, tzinfo=UTC))
        == "Closed now. Opens at midday on Monday."
    )


def test_minutes_are_said_with_a_dot() -> None:
    half = weekly("mon", opens="08:45", closes="17:30")
    assert said(half, datetime(2026, 11, 23, 8, 0, tzinfo=UTC)) == "Closed now. Opens at 8.45am."
