"""Open now, in UK time, with an injected clock: weekdays, weekends, nights, clock changes, bank
holidays and the out-of-hours line; and every phrase the status can be said in.

More: tests/test_hours_rules.py (bank holidays by rule), tests/test_hours_edges.py (the process
time zone, lines closed on bank holidays, the midnight before a day in doubt) and
tests/test_hours_sweep.py (fifteen years against the `holidays` package).
"""

from __future__ import annotations

import json
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
FIRST_RESPONSE_CONTACT = REPORT.contact("bucks-first-response")
FIRST_RESPONSE, OUT_OF_HOURS = (hours_of(channel) for channel in FIRST_RESPONSE_CONTACT.channels)
SAMARITANS = hours_of(REPORT.contact("samaritans").channels[0])
OFFICE = "the Buckinghamshire Council First Response Team"


def weekly(*days: str, opens: str, closes: str, **more: str) -> Hours:
    """Hours open on `days` from `opens` to `closes`, for the phrase tests."""
    return Hours(text="x", weekly=(WeeklyOpening(days, opens, closes),), **more)  # type: ignore[arg-type]


def said(line: Hours, when: datetime, holidays: tuple[date, ...] = BANK_HOLIDAYS) -> str:
    return hours_words.line_status(hours.status(line, when, holidays), when)


def duty_team(when: datetime, holidays: tuple[date, ...] = BANK_HOLIDAYS) -> str:
    """The Emergency Duty Team's status in words, as every format says it."""
    status = hours_words.describe(
        REPORT._replace(bank_holidays=REPORT.bank_holidays._replace(dates=holidays))  # type: ignore[union-attr]
        if holidays != BANK_HOLIDAYS
        else REPORT,
        FIRST_RESPONSE_CONTACT,
        FIRST_RESPONSE_CONTACT.channels[1],
        when,
    )
    assert status is not None
    return status.words


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


# The First Response Team and its out-of-hours line, the Emergency Duty Team.


@pytest.mark.parametrize(
    ("when", "first_response", "out_of_hours"),
    [
        (
            datetime(2026, 11, 27, 16, 59, tzinfo=UTC),  # an ordinary Friday
            "Open now, until 5pm.",
            f"For urgent calls out of hours, from 5pm. Until then, call {OFFICE}.",
        ),
        (
            datetime(2026, 11, 27, 17, 0, tzinfo=UTC),
            "Closed now. Opens at 9am on Monday.",
            "Open now for urgent calls, until 9am on Monday.",
        ),
        (
            datetime(2026, 11, 24, 17, 29, tzinfo=UTC),  # an ordinary Tuesday
            "Open now, until 5.30pm.",
            f"For urgent calls out of hours, from 5.30pm. Until then, call {OFFICE}.",
        ),
        (
            datetime(2026, 11, 24, 17, 30, tzinfo=UTC),
            "Closed now. Opens at 9am tomorrow.",
            "Open now for urgent calls, until 9am tomorrow.",
        ),
        (
            datetime(2026, 11, 25, 8, 59, tzinfo=UTC),
            "Closed now. Opens at 9am.",
            "Open now for urgent calls, until 9am.",
        ),
        (
            datetime(2026, 11, 25, 9, 0, tzinfo=UTC),
            "Open now, until 5.30pm.",
            f"For urgent calls out of hours, from 5.30pm. Until then, call {OFFICE}.",
        ),
        # Christmas Eve 2026, a Thursday: the office line's hours are not known from midnight,
        # so the duty team is the line from 5.30pm until the office opens after Christmas.
        (
            datetime(2026, 12, 24, 19, 0, tzinfo=UTC),
            "Closed now. Hours may differ tomorrow: it is a bank holiday.",
            "Open now for urgent calls, until 9am on Tuesday.",
        ),
        (
            datetime(2026, 12, 25, 12, 0, tzinfo=UTC),
            "Today is a bank holiday: hours may differ today.",
            "Open now for urgent calls, until 9am on Tuesday.",
        ),
        (
            datetime(2026, 12, 26, 12, 0, tzinfo=UTC),  # Boxing Day, a Saturday
            "Today is Boxing Day: hours may differ today.",
            "Open now for urgent calls, until 9am on Tuesday.",
        ),
        (
            datetime(2026, 12, 28, 8, 0, tzinfo=UTC),  # Boxing Day's substitute, a Monday
            "Today is a bank holiday: hours may differ today.",
            "Open now for urgent calls, until 9am tomorrow.",
        ),
        # After the last listed year: Good Friday and Easter Monday 2029, by rule.
        (
            datetime(2029, 3, 29, 12, 0, tzinfo=UTC),
            "Open now, until 5.30pm.",
            f"For urgent calls out of hours, from 5.30pm. Until then, call {OFFICE}.",
        ),
        (
            datetime(2029, 3, 29, 18, 0, tzinfo=UTC),
            "Closed now. Hours may differ tomorrow: it may be a bank holiday.",
            "Open now for urgent calls, until 9am on Tuesday.",
        ),
        (
            datetime(2029, 3, 30, 11, 0, tzinfo=UTC),
            "Today may be a bank holiday: hours may differ today.",
            "Open now for urgent calls, until 9am on Tuesday.",
        ),
    ],
)
def test_first_response_and_its_out_of_hours_team(
    when: datetime, first_response: str, out_of_hours: str
) -> None:
    assert said(FIRST_RESPONSE, when) == first_response
    assert duty_team(when) == out_of_hours


def test_the_out_of_hours_team_is_open_exactly_when_first_response_is_not() -> None:
    """Every 15 minutes of an ordinary week, and of three days either side of each bank holiday
    (listed, and by rule in the year after the list)."""
    rule_days = hours.likely_bank_holidays(2029) | hours.likely_bank_holidays(2030)
    days = {date(2026, 11, 23) + timedelta(days=n) for n in range(7)}
    days |= {
        holiday + timedelta(days=n)
        for holiday in (*BANK_HOLIDAYS, *rule_days)
        for n in range(-3, 4)
    }
    for day in sorted(days):
        for quarter in range(96):
            when = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(
                minutes=15 * quarter
            )
            first = hours.status(FIRST_RESPONSE, when, BANK_HOLIDAYS)
            duty = hours.status(OUT_OF_HOURS, when, BANK_HOLIDAYS, FIRST_RESPONSE)
            assert duty.open is (first.open is not True), when
            assert duty.out_of_hours, when
            assert duty.bank_holiday is None, when
            if first.open:  # the office closes when the duty team becomes the line
                assert duty.changes_at == first.changes_at, when


def test_the_out_of_hours_team_is_never_called_closed_nor_put_in_doubt() -> None:
    start = datetime(2026, 12, 20, tzinfo=UTC)
    for step in range(24 * 20):  # every hour from 20 December 2026 to 8 January 2027
        words = duty_team(start + timedelta(hours=step))
        assert "Closed" not in words
        assert "differ" not in words
        assert "urgent calls" in words


def test_an_out_of_hours_line_needs_its_office_line() -> None:
    when = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
    message = "^an out-of-hours line needs the hours of its office line$"
    with pytest.raises(ValueError, match=message):
        hours.status(OUT_OF_HOURS, when, BANK_HOLIDAYS)
    with pytest.raises(ValueError, match=message):
        hours.status(OUT_OF_HOURS, when, BANK_HOLIDAYS, OUT_OF_HOURS)


def test_describe_gives_no_status_to_an_out_of_hours_line_without_an_office_line() -> None:
    when = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
    duty = FIRST_RESPONSE_CONTACT.channels[1]
    alone = FIRST_RESPONSE_CONTACT._replace(channels=(duty,))  # it is its own first phone line
    assert hours_words.describe(REPORT, alone, duty, when) is None
    no_hours = FIRST_RESPONSE_CONTACT.channels[0]._replace(hours=None)
    unknown = FIRST_RESPONSE_CONTACT._replace(channels=(no_hours, duty))
    assert hours_words.describe(REPORT, unknown, duty, when) is None
    email = Channel(kind="email", value="x@example.org")
    by_email = FIRST_RESPONSE_CONTACT._replace(channels=(email, duty))
    assert hours_words.describe(REPORT, by_email, duty, when) is None


def test_the_office_line_is_named_by_its_label_or_its_contact() -> None:
    when = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)  # Wednesday: the office line is open
    office, duty = FIRST_RESPONSE_CONTACT.channels

    def words(contact_name: str, label: str | None) -> str:
        contact = FIRST_RESPONSE_CONTACT._replace(
            name=contact_name, channels=(office._replace(label=label), duty)
        )
        status = hours_words.describe(REPORT, contact, duty, when)
        assert status is not None
        assert status.kind == "closed"
        assert status.line == LineStatus(
            False, datetime(2026, 11, 25, 17, 30, tzinfo=UTC), out_of_hours=True
        )
        return status.words

    assert words("Council", None) == (
        "For urgent calls out of hours, from 5.30pm. Until then, call the Council."
    )
    assert words("Council", "Duty desk") == (
        "For urgent calls out of hours, from 5.30pm. Until then, call the Duty desk."
    )
    assert words("The Family Line", None) == (
        "For urgent calls out of hours, from 5.30pm. Until then, call The Family Line."
    )


def test_an_office_line_open_any_time_leaves_its_out_of_hours_line_no_hours() -> None:
    when = datetime(2026, 12, 25, 12, 0, tzinfo=UTC)
    always = Hours(text="Any time", always=True)
    status = hours.status(OUT_OF_HOURS, when, BANK_HOLIDAYS, always)
    assert status == LineStatus(False, None, out_of_hours=True)
    assert hours_words.line_status(status, when, "the Council") == (
        "For urgent calls out of hours. Now, call the Council."
    )
    assert hours_words.line_status(status, when) == (
        "For urgent calls out of hours. Now, call the office line."
    )
    every_hour = weekly(
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", opens="00:00", closes="24:00",
        bank_holidays="usual",
    )  # fmt: skip
    assert hours.status(OUT_OF_HOURS, when, BANK_HOLIDAYS, every_hour) == status


def test_an_office_line_that_never_opens_leaves_its_out_of_hours_line_open() -> None:
    when = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
    never = Hours(text="x")  # not valid data, but it must not crash
    status = hours.status(OUT_OF_HOURS, when, BANK_HOLIDAYS, never)
    assert status == LineStatus(True, None, out_of_hours=True)
    assert hours_words.line_status(status, when) == "Open now for urgent calls."


def test_json_open_now_for_the_out_of_hours_team_is_a_bool(invoke: Invoke) -> None:
    for when, duty_open in (
        (datetime(2026, 11, 25, 14, 0, tzinfo=UTC), False),
        (datetime(2026, 11, 25, 20, 0, tzinfo=UTC), True),
        (datetime(2026, 12, 25, 12, 0, tzinfo=UTC), True),
    ):
        data = json.loads(invoke("help-contacts", "--format", "json", now=when).stdout)
        contact = next(c for c in data["contacts"] if c["id"] == "bucks-first-response")
        assert contact["channels"][1]["open_now"] is duty_open, when


# Bank holidays.

NOON_CHRISTMAS_DAY = datetime(2026, 12, 25, 12, 0, tzinfo=UTC)  # a Friday
BOXING_DAY_SUBSTITUTE = datetime(2026, 12, 28, 10, 0, tzinfo=UTC)  # Monday 28 December 2026
EASTER_MONDAY_2027 = datetime(2027, 3, 29, 11, 0, tzinfo=UTC)  # 12 noon BST
AFTER_THE_LIST = datetime(2029, 1, 10, 11, 0, tzinfo=UTC)  # a Wednesday after the last listed year
BANK_HOLIDAY = "Today is a bank holiday: hours may differ today."


@pytest.mark.parametrize("when", [NOON_CHRISTMAS_DAY, BOXING_DAY_SUBSTITUTE, EASTER_MONDAY_2027])
def test_on_a_bank_holiday_lines_with_unknown_hours_are_neither_open_nor_closed(
    when: datetime,
) -> None:
    for line in (NSPCC_PHONE, FIRST_RESPONSE):
        assert hours.status(line, when, BANK_HOLIDAYS) == LineStatus(
            None, None, when.date(), "listed"
        )
        assert said(line, when) == BANK_HOLIDAY
    assert said(SAMARITANS, when) == "Open now, any time."


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        # Saturday 25 December 2027: the bank holidays are Monday 27 and Tuesday 28, but
        # Christmas Day itself is no ordinary Saturday.
        (
            datetime(2027, 12, 25, 12, 0, tzinfo=UTC),
            "Today is Christmas Day: hours may differ today.",
        ),
        (datetime(2027, 12, 26, 12, 0, tzinfo=UTC), "Today is Boxing Day: hours may differ today."),
        (
            datetime(2028, 1, 1, 12, 0, tzinfo=UTC),
            "Today is New Year's Day: hours may differ today.",
        ),
        (datetime(2027, 12, 27, 12, 0, tzinfo=UTC), BANK_HOLIDAY),
        (datetime(2027, 12, 24, 12, 0, tzinfo=UTC), "Open now, until 10pm."),
        (
            datetime(2027, 12, 24, 23, 0, tzinfo=UTC),
            "Closed now. Hours may differ tomorrow: it is Christmas Day.",
        ),
        (
            datetime(2027, 12, 31, 23, 0, tzinfo=UTC),
            "Closed now. Hours may differ tomorrow: it is New Year's Day.",
        ),
        (
            datetime(2028, 1, 2, 20, 0, tzinfo=UTC),
            "Closed now. Hours may differ tomorrow: it is a bank holiday.",
        ),
    ],
)
def test_christmas_boxing_and_new_years_day_at_a_weekend(when: datetime, expected: str) -> None:
    assert said(NSPCC_PHONE, when) == expected


def test_after_the_last_listed_year_likely_bank_holidays_are_in_doubt() -> None:
    assert said(FIRST_RESPONSE, AFTER_THE_LIST) == "Open now, until 5.30pm."
    new_years_day = datetime(2029, 1, 1, 11, 0, tzinfo=UTC)
    assert said(FIRST_RESPONSE, new_years_day) == "Today is New Year's Day: hours may differ today."
    assert hours.status(FIRST_RESPONSE, new_years_day, BANK_HOLIDAYS) == LineStatus(
        None, None, date(2029, 1, 1), "new_year"
    )
    summer = datetime(2029, 8, 27, 11, 0, tzinfo=UTC)  # the last Monday of August 2029
    assert said(NSPCC_PHONE, summer) == "Today may be a bank holiday: hours may differ today."
    friday = datetime(2029, 8, 24, 22, 0, tzinfo=UTC)  # 11pm BST
    assert said(NSPCC_PHONE, friday) == "Closed now. Opens at 9am tomorrow."
    assert said(FIRST_RESPONSE, friday) == (
        "Closed now. Hours may differ on Monday: it may be a bank holiday."
    )
    assert duty_team(friday) == "Open now for urgent calls, until 9am on Tuesday."


def test_with_no_list_every_year_goes_by_the_rules() -> None:
    christmas_2026 = datetime(2026, 12, 25, 12, 0, tzinfo=UTC)
    assert (
        said(NSPCC_PHONE, christmas_2026, ()) == "Today is Christmas Day: hours may differ today."
    )
    easter_monday = datetime(2026, 4, 6, 12, 0, tzinfo=UTC)
    assert said(NSPCC_PHONE, easter_monday, ()) == (
        "Today may be a bank holiday: hours may differ today."
    )
    assert duty_team(easter_monday, ()) == "Open now for urgent calls, until 9am tomorrow."


def statuses(invoke: Invoke, when: datetime) -> dict[str, str | None]:
    """The status of each line with hours in `help-contacts`, by its number, from the JSON."""
    data = json.loads(invoke("help-contacts", "--format", "json", now=when).stdout)
    return {
        channel["value"]: channel["status"]
        for contact in data["contacts"]
        for channel in contact["channels"]
        if channel["status"] is not None
    }


def test_help_contacts_at_noon_on_christmas_day(invoke: Invoke) -> None:
    out = invoke("help-contacts", now=NOON_CHRISTMAS_DAY).stdout
    assert "Open now, until 5pm" not in out
    assert "Closed now" not in out
    said_now = statuses(invoke, NOON_CHRISTMAS_DAY)
    assert said_now["0808 800 5000"] == BANK_HOLIDAY
    assert said_now["01296 383962"] == BANK_HOLIDAY
    assert said_now["0800 999 7677"] == "Open now for urgent calls, until 9am on Tuesday."
    assert said_now["116 123"] == "Open now, any time."


def test_help_contacts_on_christmas_day_at_a_weekend(invoke: Invoke) -> None:
    when = datetime(2027, 12, 25, 12, 0, tzinfo=UTC)
    assert "Open now, until 6pm" not in invoke("help-contacts", now=when).stdout
    said_now = statuses(invoke, when)
    assert said_now["0808 800 5000"] == "Today is Christmas Day: hours may differ today."
    assert said_now["01296 383962"] == "Today is Christmas Day: hours may differ today."
    assert said_now["0800 999 7677"] == "Open now for urgent calls, until 9am on Wednesday."


@pytest.mark.parametrize(
    ("when", "why"),
    [
        (datetime(2029, 1, 1, 12, 0, tzinfo=UTC), "Today is New Year's Day"),
        (datetime(2029, 3, 30, 12, 0, tzinfo=UTC), "Today may be a bank holiday"),  # Good Friday
        (datetime(2029, 4, 2, 12, 0, tzinfo=UTC), "Today may be a bank holiday"),  # Easter Monday
        (datetime(2033, 1, 3, 12, 0, tzinfo=UTC), "Today may be a bank holiday"),  # a substitute
        (datetime(2040, 12, 26, 12, 0, tzinfo=UTC), "Today is Boxing Day"),
    ],
)
def test_help_contacts_on_a_bank_holiday_after_the_last_listed_year(
    invoke: Invoke, when: datetime, why: str
) -> None:
    said_now = statuses(invoke, when)
    assert said_now["01296 383962"] == f"{why}: hours may differ today."
    assert said_now["0808 800 5000"] == f"{why}: hours may differ today."
    duty = said_now["0800 999 7677"]
    assert duty is not None
    assert duty.startswith("Open now for urgent calls, until 9am ")
    out = invoke("help-contacts", now=when).stdout
    assert "It treats days that are likely to be bank holidays as days whose hours may differ." in (
        " ".join(out.split())
    )


def test_help_contacts_after_the_last_listed_year(invoke: Invoke) -> None:
    out = invoke("help-contacts", now=AFTER_THE_LIST).stdout
    assert "Bank holidays after 2028 are not known to this tool" in out


# The note on hours, and the warning that the list runs out.


def test_the_hours_caveat() -> None:
    assert hours_words.hours_caveat(REPORT, NOON_CHRISTMAS_DAY) == (
        "Opening times are UK time. On bank holidays in England and Wales, lines that are not "
        "open all the time may keep different hours."
    )
    last_listed_day = datetime(2028, 12, 31, 23, 59, tzinfo=UTC)
    assert hours_words.hours_caveat(REPORT, last_listed_day) == (
        hours_words.hours_caveat(REPORT, NOON_CHRISTMAS_DAY)
    )
    assert hours_words.hours_caveat(REPORT, AFTER_THE_LIST) == (
        "Opening times are UK time. Bank holidays after 2028 are not known to this tool. "
        "It treats days that are likely to be bank holidays as days whose hours may differ."
    )
    # Midnight GMT on 1 January 2029 is already the new year in London.
    assert hours_words.hours_caveat(REPORT, datetime(2029, 1, 1, 0, 0, tzinfo=UTC)) == (
        hours_words.hours_caveat(REPORT, AFTER_THE_LIST)
    )


def test_bank_holidays_unknown_when_none_are_listed() -> None:
    expected = (
        "Opening times are UK time. Bank holidays are not known to this tool. "
        "It treats days that are likely to be bank holidays as days whose hours may differ."
    )
    assert hours_words.hours_caveat(REPORT._replace(bank_holidays=None), NOON_CHRISTMAS_DAY) == (
        expected
    )
    assert REPORT.bank_holidays is not None
    empty = REPORT._replace(bank_holidays=REPORT.bank_holidays._replace(dates=()))
    assert hours_words.hours_caveat(empty, NOON_CHRISTMAS_DAY) == expected


def test_the_list_of_bank_holidays_is_read_to_its_latest_year_in_any_order() -> None:
    assert REPORT.bank_holidays is not None
    shuffled = REPORT._replace(
        bank_holidays=REPORT.bank_holidays._replace(dates=tuple(reversed(BANK_HOLIDAYS)))
    )
    assert "after 2028" in hours_words.hours_caveat(shuffled, AFTER_THE_LIST)
    assert said(FIRST_RESPONSE, NOON_CHRISTMAS_DAY, tuple(reversed(BANK_HOLIDAYS))) == BANK_HOLIDAY


def test_the_warning_that_the_list_of_bank_holidays_runs_out() -> None:
    last_day_a_year_ahead = datetime(2027, 12, 31, 0, 0, tzinfo=UTC)
    assert hours_words.bank_holidays_run_out(REPORT, last_day_a_year_ahead) is None
    assert hours_words.bank_holidays_run_out(REPORT, datetime(2028, 1, 1, 0, 0, tzinfo=UTC)) == (
        "warning: bank_holidays: the list ends with 2028; add the next year's dates from GOV.UK"
    )
    assert hours_words.bank_holidays_run_out(
        REPORT._replace(bank_holidays=None), AFTER_THE_LIST
    ) == ("warning: bank_holidays: none are listed, so open-now can only go by the usual rules")


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


# Every phrase the status can be said in. The out-of-hours and bank-holiday phrases are above.


def test_always_open() -> None:
    always = Hours(text="Any time", always=True)
    when = datetime(
        2026, 1, 1, 3, 0, tzinfo=UTC
    )  # a bank holiday: always-open lines are unaffected
    assert hours.status(always, when, BANK_HOLIDAYS) == LineStatus(open=True, changes_at=None)
    assert said(always, when) == "Open now, any time."


def test_weekly_hours_that_cover_every_hour_are_open_any_time() -> None:
    every_day = weekly(
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", opens="00:00", closes="24:00",
        bank_holidays="usual",
    )  # fmt: skip
    wednesday = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
    assert hours.status(every_day, wednesday, BANK_HOLIDAYS) == LineStatus(True, None)
    assert said(every_day, wednesday) == "Open now, any time."
    assert said(every_day, NOON_CHRISTMAS_DAY) == "Open now, any time."


def test_opening_on_the_same_weekday_next_week_says_next() -> None:
    wednesdays = weekly("wed", opens="09:00", closes="12:00")
    wednesday_afternoon = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
    assert said(wednesdays, wednesday_afternoon) == "Closed now. Opens at 9am next Wednesday."
    assert (
        said(wednesdays, datetime(2026, 11, 23, 14, 0, tzinfo=UTC))
        == "Closed now. Opens at 9am on Wednesday."
    )


def test_a_change_more_than_a_week_away_is_said_with_its_date() -> None:
    wednesdays = weekly("wed", opens="09:00", closes="12:00", bank_holidays="closed")
    holidays = (date(2026, 12, 2),)
    monday = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)
    assert said(wednesdays, monday, holidays) == "Closed now. Opens at 9am on Wednesday 9 December."
    wednesday = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)  # 14 days before the next opening
    assert said(wednesdays, wednesday, holidays) == (
        "Closed now. Opens at 9am on Wednesday 9 December."
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
    early = weekly("tue", opens="00:00", closes="06:00")
    assert said(early, monday_morning) == "Closed now. Opens at midnight."
    assert said(early, sunday) == "Closed now. Opens at midnight tomorrow."
    assert said(early, datetime(2026, 11, 20, 13, 0, tzinfo=UTC)) == (
        "Closed now. Opens at midnight on Monday."
    )


def test_minutes_are_said_with_a_dot() -> None:
    half = weekly("mon", opens="08:45", closes="17:30")
    assert said(half, datetime(2026, 11, 23, 8, 0, tzinfo=UTC)) == "Closed now. Opens at 8.45am."
    assert said(half, datetime(2026, 11, 23, 9, 0, tzinfo=UTC)) == "Open now, until 5.30pm."
    night = weekly("mon", opens="00:05", closes="12:05")
    assert said(night, datetime(2026, 11, 23, 0, 1, tzinfo=UTC)) == "Closed now. Opens at 12.05am."
    assert said(night, datetime(2026, 11, 23, 1, 0, tzinfo=UTC)) == "Open now, until 12.05pm."


def test_a_bank_holiday_ahead_is_named_by_day() -> None:
    every_hour = weekly(
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", opens="00:00", closes="24:00"
    )
    june = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)  # the next bank holiday is 31 August
    assert said(every_hour, june) == (
        "Open now. Hours may differ on Monday 31 August: it is a bank holiday."
    )
    friday = datetime(2026, 8, 28, 12, 0, tzinfo=UTC)
    assert said(every_hour, friday) == "Open now. Hours may differ on Monday: it is a bank holiday."
    assert said(every_hour, datetime(2026, 8, 24, 12, 0, tzinfo=UTC)) == (
        "Open now. Hours may differ next Monday: it is a bank holiday."
    )


# Every phrase, in plain English.

PHRASES = [
    "Open now, until 10pm.",
    "Closed now. Opens at 8am tomorrow.",
    "Closed now. Opens at 9am on Friday 8 January.",
    "Open now, any time.",
    "Closed now.",
    "Open now, until midnight.",
    "Closed now. Opens at midday on Monday.",
    "Closed now. Opens at 9am next Wednesday.",
    BANK_HOLIDAY,
    "Today may be a bank holiday: hours may differ today.",
    "Today is Christmas Day: hours may differ today.",
    "Today is Boxing Day: hours may differ today.",
    "Today is New Year's Day: hours may differ today.",
    *(
        f"{state}. Hours may differ {day}: it {why}."
        for state in ("Open now", "Closed now")
        for day in ("tomorrow", "on Saturday", "next Saturday", "on Friday 25 December")
        for why in (
            "is a bank holiday",
            "may be a bank holiday",
            "is Christmas Day",
            "is Boxing Day",
            "is New Year's Day",
        )
    ),
    "Open now for urgent calls, until 9am on Monday.",
    "Open now for urgent calls.",
    f"For urgent calls out of hours, from 5.30pm. Until then, call {OFFICE}.",
    f"For urgent calls out of hours. Now, call {OFFICE}.",
    hours_words.hours_caveat(REPORT, AFTER_THE_LIST),
    hours_words.hours_caveat(REPORT._replace(bank_holidays=None), AFTER_THE_LIST),
]


@pytest.mark.parametrize("phrase", PHRASES)
def test_every_phrase_is_plain_english(phrase: str) -> None:
    textstat = pytest.importorskip("textstat")
    assert textstat.flesch_reading_ease(phrase) >= 50
