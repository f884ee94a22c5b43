"""The edges of the hours: another process time zone, lines closed on bank holidays, the midnight
that starts a day in doubt, and nothing in sight."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reportinfo import hours, loader
from reportinfo.hours import UK, LineStatus
from reportinfo.model import Hours, WeeklyOpening
from reportinfo.render import hours_words
from tests.conftest import clean_env

REPORT = loader.load()
assert REPORT.bank_holidays is not None
BANK_HOLIDAYS = REPORT.bank_holidays.dates


def _hours(contact_id: str, index: int) -> Hours:
    found = REPORT.contact(contact_id).channels[index].hours
    assert found is not None
    return found


NSPCC_PHONE = _hours("nspcc-helpline", 0)
FIRST_RESPONSE = _hours("bucks-first-response", 0)
OUT_OF_HOURS = _hours("bucks-first-response", 1)
NEW_YORK = ZoneInfo("America/New_York")


def weekly(*days: str, opens: str, closes: str, **more: str) -> Hours:
    return Hours(text="x", weekly=(WeeklyOpening(days, opens, closes),), **more)  # type: ignore[arg-type]


def said(line: Hours, when: datetime, holidays: tuple[date, ...] = BANK_HOLIDAYS) -> str:
    return hours_words.line_status(hours.status(line, when, holidays), when)


# The machine's own time zone changes nothing: the day and the hours are the UK's.


@pytest.fixture(params=["UTC", "America/New_York"])
def process_time_zone(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    if not hasattr(time, "tzset"):
        pytest.skip("the process time zone can only be set this way on Unix")
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


# 31 August 2026 is a bank holiday. At 00:30 BST it is 23:30 UTC on 30 August, and 7.30pm on
# 30 August in New York.
BANK_HOLIDAY_MORNING = datetime(2026, 8, 30, 23, 30, tzinfo=UTC)


def test_the_process_time_zone_is_in_effect(process_time_zone: str) -> None:
    local_hour = BANK_HOLIDAY_MORNING.astimezone().hour
    assert local_hour == {"UTC": 23, "America/New_York": 19}[process_time_zone]


@pytest.mark.parametrize(
    "now",
    [BANK_HOLIDAY_MORNING, BANK_HOLIDAY_MORNING.astimezone(NEW_YORK)],
    ids=["utc", "new-york"],
)
def test_half_past_midnight_bst_on_a_bank_holiday(process_time_zone: str, now: datetime) -> None:
    assert hours.uk_date(now) == date(2026, 8, 31)
    for line in (NSPCC_PHONE, FIRST_RESPONSE):
        assert hours.status(line, now, BANK_HOLIDAYS) == LineStatus(
            None, None, date(2026, 8, 31), "listed"
        )
        assert said(line, now) == "Today is a bank holiday: hours may differ today."
    duty = hours.status(OUT_OF_HOURS, now, BANK_HOLIDAYS, FIRST_RESPONSE)
    assert duty == LineStatus(True, datetime(2026, 9, 1, 8, 0, tzinfo=UTC), out_of_hours=True)
    assert hours_words.line_status(duty, now) == "Open now for urgent calls, until 9am tomorrow."


def test_just_before_midnight_bst_before_a_bank_holiday(process_time_zone: str) -> None:
    now = datetime(2026, 8, 30, 22, 59, tzinfo=UTC)  # 11.59pm BST on Sunday 30 August
    assert said(NSPCC_PHONE, now) == "Closed now. Hours may differ tomorrow: it is a bank holiday."
    assert said(NSPCC_PHONE, now.astimezone(NEW_YORK)) == said(NSPCC_PHONE, now)
    status = hours.status(NSPCC_PHONE, now, BANK_HOLIDAYS)
    assert status == LineStatus(False, None, date(2026, 8, 31), "listed")


def test_an_ordinary_day_in_another_process_time_zone(process_time_zone: str) -> None:
    evening = datetime(2026, 7, 1, 20, 30, tzinfo=UTC)  # 9.30pm BST, 4.30pm in New York
    status = hours.status(NSPCC_PHONE, evening, BANK_HOLIDAYS)
    assert status.changes_at == datetime(2026, 7, 1, 21, 0, tzinfo=UTC)
    assert status.changes_at is not None
    assert status.changes_at.tzinfo is UK
    assert said(NSPCC_PHONE, evening) == "Open now, until 10pm."
    late = datetime(2026, 7, 1, 23, 30, tzinfo=UTC)  # 12.30am BST on Thursday, 7.30pm in NY
    assert said(NSPCC_PHONE, late) == "Closed now. Opens at 8am."
    assert said(FIRST_RESPONSE, late) == "Closed now. Opens at 9am."


class _NoOffset(tzinfo):
    """A time zone that gives no offset: Python reads such a time as naive, in local time."""

    def utcoffset(self, dt: datetime | None) -> None:
        return None

    def dst(self, dt: datetime | None) -> None:
        return None

    def tzname(self, dt: datetime | None) -> None:
        return None


NAIVE = "^the time must be aware: a naive time would be read in local time$"


@pytest.mark.parametrize(
    "naive",
    [datetime(2026, 8, 31, 0, 30), datetime(2026, 8, 31, 0, 30, tzinfo=_NoOffset())],
    ids=["no-time-zone", "no-offset"],
)
def test_a_naive_time_is_refused(process_time_zone: str, naive: datetime) -> None:
    with pytest.raises(ValueError, match=NAIVE):
        hours.status(NSPCC_PHONE, naive, BANK_HOLIDAYS)
    with pytest.raises(ValueError, match=NAIVE):
        hours.uk_date(naive)


@pytest.mark.parametrize(
    "instant",
    [
        BANK_HOLIDAY_MORNING,
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 1.30am BST, as the clocks go back
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),  # 1.30am GMT, an hour later
        datetime(2026, 3, 29, 0, 30, tzinfo=UTC),  # 12.30am GMT, as the clocks go forward
    ],
    ids=["bank-holiday", "bst-end-first", "bst-end-second", "bst-start"],
)
def test_the_time_zone_of_now_changes_nothing(process_time_zone: str, instant: datetime) -> None:
    """The same instant, given in UTC, in London or in New York, has the same status."""
    for line, office in ((NSPCC_PHONE, None), (FIRST_RESPONSE, None), (OUT_OF_HOURS, NSPCC_PHONE)):
        in_utc = hours.status(line, instant, BANK_HOLIDAYS, office)
        for zone in (UK, NEW_YORK):
            assert hours.status(line, instant.astimezone(zone), BANK_HOLIDAYS, office) == in_utc


# Lines closed on bank holidays.

WEEKDAYS_CLOSED = weekly(
    "mon", "tue", "wed", "thu", "fri", opens="09:00", closes="17:00", bank_holidays="closed"
)
FRIDAYS_CLOSED = weekly("fri", opens="09:00", closes="17:00", bank_holidays="closed")
SATURDAYS_CLOSED = weekly("sat", opens="09:00", closes="17:00", bank_holidays="closed")


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        # Thursday 24 December 2026: open as usual, then closed to Tuesday 29 (Friday 25 and
        # Monday 28 are bank holidays; Boxing Day is a Saturday, a day it is closed anyway).
        (datetime(2026, 12, 24, 8, 59, tzinfo=UTC), "Closed now. Opens at 9am."),
        (datetime(2026, 12, 24, 9, 0, tzinfo=UTC), "Open now, until 5pm."),
        (datetime(2026, 12, 24, 16, 59, tzinfo=UTC), "Open now, until 5pm."),
        (datetime(2026, 12, 24, 17, 0, tzinfo=UTC), "Closed now. Opens at 9am on Tuesday."),
        (datetime(2026, 12, 25, 9, 0, tzinfo=UTC), "Closed now. Opens at 9am on Tuesday."),
        (datetime(2026, 12, 28, 12, 0, tzinfo=UTC), "Closed now. Opens at 9am tomorrow."),
        (datetime(2026, 12, 29, 9, 0, tzinfo=UTC), "Open now, until 5pm."),
        (datetime(2026, 12, 31, 17, 0, tzinfo=UTC), "Closed now. Opens at 9am on Monday."),
    ],
)
def test_a_weekday_line_closed_on_bank_holidays(when: datetime, expected: str) -> None:
    assert said(WEEKDAYS_CLOSED, when) == expected


def test_a_friday_line_closed_on_bank_holidays_over_christmas() -> None:
    """Friday 25 December and Friday 1 January are bank holidays: it next opens on 8 January."""
    thursday = datetime(2026, 12, 24, 12, 0, tzinfo=UTC)
    status = hours.status(FRIDAYS_CLOSED, thursday, BANK_HOLIDAYS)
    assert status == LineStatus(False, datetime(2027, 1, 8, 9, 0, tzinfo=UTC))
    assert said(FRIDAYS_CLOSED, thursday) == "Closed now. Opens at 9am on Friday 8 January."


def test_a_line_closed_on_bank_holidays_is_in_doubt_on_a_day_it_would_open() -> None:
    # Saturday 25 December 2027 is Christmas Day, not the bank holiday (that is the Monday).
    christmas = datetime(2027, 12, 25, 12, 0, tzinfo=UTC)
    assert said(SATURDAYS_CLOSED, christmas) == "Today is Christmas Day: hours may differ today."
    assert said(FRIDAYS_CLOSED, christmas) == "Closed now. Opens at 9am on Friday."
    christmas_eve = datetime(2027, 12, 24, 12, 0, tzinfo=UTC)
    assert said(SATURDAYS_CLOSED, christmas_eve) == (
        "Closed now. Hours may differ tomorrow: it is Christmas Day."
    )
    # After the list, a likely bank holiday on a day it opens is in doubt.
    good_friday = datetime(2029, 3, 30, 12, 0, tzinfo=UTC)
    assert (
        said(FRIDAYS_CLOSED, good_friday) == "Today may be a bank holiday: hours may differ today."
    )
    assert said(WEEKDAYS_CLOSED, datetime(2029, 3, 29, 12, 0, tzinfo=UTC)) == "Open now, until 5pm."
    assert said(WEEKDAYS_CLOSED, datetime(2029, 3, 29, 18, 0, tzinfo=UTC)) == (
        "Closed now. Hours may differ tomorrow: it may be a bank holiday."
    )


# Nothing in sight.


def test_a_line_that_opens_nowhere_in_sight_is_closed_now() -> None:
    every_friday = tuple(date(2026, 11, 27) + timedelta(weeks=n) for n in range(120))
    thursday = datetime(2026, 12, 24, 12, 0, tzinfo=UTC)
    status = hours.status(FRIDAYS_CLOSED, thursday, every_friday)
    assert status == LineStatus(False, None)
    assert said(FRIDAYS_CLOSED, thursday, every_friday) == "Closed now."
    never = Hours(text="x")  # not valid data, but it must not crash
    assert hours.status(never, thursday, BANK_HOLIDAYS) == LineStatus(
        False, None, date(2026, 12, 25), "listed"
    )
    assert said(never, thursday) == "Closed now. Hours may differ tomorrow: it is a bank holiday."
    assert said(Hours(text="x", bank_holidays="usual"), thursday) == "Closed now."


def test_open_any_time_only_when_nothing_can_close_it() -> None:
    every_day = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    june = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)
    usual = weekly(*every_day, opens="00:00", closes="24:00", bank_holidays="usual")
    closed = weekly(*every_day, opens="00:00", closes="24:00", bank_holidays="closed")
    unknown = weekly(*every_day, opens="00:00", closes="24:00")
    assert said(usual, june) == "Open now, any time."
    # Closed on the bank holiday on Monday 31 August: it closes at midnight the day before.
    assert hours.status(closed, june, BANK_HOLIDAYS) == LineStatus(
        True, datetime(2026, 8, 30, 23, 0, tzinfo=UTC)
    )
    assert said(closed, june) == "Open now, until midnight on Sunday 30 August."
    assert said(unknown, june) == (
        "Open now. Hours may differ on Monday 31 August: it is a bank holiday."
    )
    # With nothing listed, the rules say which days are in doubt.
    assert (
        said(closed, june, ())
        == "Open now. Hours may differ on Monday 31 August: it may be a bank holiday."
    )
    assert said(closed, datetime(2026, 9, 1, 12, 0, tzinfo=UTC), ()) == (
        "Open now. Hours may differ on Friday 25 December: it is Christmas Day."
    )


# The midnight that starts a day in doubt: no change is promised at it, either way.

THURSDAY_NIGHTS = weekly("thu", opens="20:00", closes="24:00")
FRIDAY_SMALL_HOURS = weekly("fri", opens="00:00", closes="06:00")
NEW_YEARS_EVE = datetime(2026, 12, 31, 21, 0, tzinfo=UTC)  # a Thursday; 1 January is a Friday
ORDINARY_THURSDAY = datetime(2026, 11, 26, 21, 0, tzinfo=UTC)


def test_a_line_that_would_close_at_that_midnight() -> None:
    assert said(THURSDAY_NIGHTS, ORDINARY_THURSDAY) == "Open now, until midnight."
    assert hours.status(THURSDAY_NIGHTS, NEW_YEARS_EVE, BANK_HOLIDAYS) == LineStatus(
        True, None, date(2027, 1, 1), "listed"
    )
    assert said(THURSDAY_NIGHTS, NEW_YEARS_EVE) == (
        "Open now. Hours may differ tomorrow: it is a bank holiday."
    )
    # Known to be closed on the bank holiday: then it does close at midnight.
    closed = THURSDAY_NIGHTS._replace(bank_holidays="closed")
    assert said(closed, NEW_YEARS_EVE) == "Open now, until midnight."


def test_a_line_that_would_open_at_that_midnight() -> None:
    assert said(FRIDAY_SMALL_HOURS, ORDINARY_THURSDAY) == "Closed now. Opens at midnight."
    assert hours.status(FRIDAY_SMALL_HOURS, NEW_YEARS_EVE, BANK_HOLIDAYS) == LineStatus(
        False, None, date(2027, 1, 1), "listed"
    )
    assert said(FRIDAY_SMALL_HOURS, NEW_YEARS_EVE) == (
        "Closed now. Hours may differ tomorrow: it is a bank holiday."
    )
    # Known to be closed on the bank holiday: it opens a week later.
    closed = FRIDAY_SMALL_HOURS._replace(bank_holidays="closed")
    assert said(closed, NEW_YEARS_EVE) == "Closed now. Opens at midnight next Thursday."


def test_a_line_open_across_that_midnight() -> None:
    both = Hours(
        text="x",
        weekly=(
            WeeklyOpening(("thu",), "20:00", "24:00"),
            WeeklyOpening(("fri",), "00:00", "06:00"),
        ),
    )
    ordinary = hours.status(both, ORDINARY_THURSDAY, BANK_HOLIDAYS)
    assert ordinary.changes_at == datetime(2026, 11, 27, 6, 0, tzinfo=UTC)
    assert said(both, ORDINARY_THURSDAY) == "Open now, until 6am tomorrow."
    assert said(both, NEW_YEARS_EVE) == "Open now. Hours may differ tomorrow: it is a bank holiday."
    # After the list: 31 December 2032 is a Friday, so the same at midnight on Thursday 30th
    # is ordinary, and New Year's Day, a Saturday, is in doubt at Friday midnight.
    friday_night = weekly("fri", opens="20:00", closes="24:00")
    assert said(friday_night, datetime(2032, 12, 31, 21, 0, tzinfo=UTC)) == (
        "Open now. Hours may differ tomorrow: it is New Year's Day."
    )


def test_the_out_of_hours_line_at_that_midnight() -> None:
    """The office line opens at midnight on ordinary Fridays only: the duty team says so."""
    office = FRIDAY_SMALL_HOURS
    ordinary = hours.status(OUT_OF_HOURS, ORDINARY_THURSDAY, BANK_HOLIDAYS, office)
    assert hours_words.line_status(ordinary, ORDINARY_THURSDAY) == (
        "Open now for urgent calls, until midnight."
    )
    new_year = hours.status(OUT_OF_HOURS, NEW_YEARS_EVE, BANK_HOLIDAYS, office)
    assert hours_words.line_status(new_year, NEW_YEARS_EVE) == (
        "Open now for urgent calls, until midnight next Thursday."
    )
    friday = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
    busy = hours.status(OUT_OF_HOURS, friday, BANK_HOLIDAYS, office)
    assert hours_words.line_status(busy, friday, "the Council") == (
        "For urgent calls out of hours, from 6am. Until then, call the Council."
    )


def test_boxing_day_ahead_for_a_line_closed_on_bank_holidays() -> None:
    christmas = datetime(2026, 12, 25, 12, 0, tzinfo=UTC)  # listed: closed; Boxing Day, Saturday
    assert said(SATURDAYS_CLOSED, christmas) == (
        "Closed now. Hours may differ tomorrow: it is Boxing Day."
    )


def test_a_day_in_doubt_of_no_stated_kind_is_said_as_a_bank_holiday() -> None:
    when = datetime(2026, 12, 25, 12, 0, tzinfo=UTC)
    assert hours_words.line_status(LineStatus(None, None, date(2026, 12, 25)), when) == (
        "Today is a bank holiday: hours may differ today."
    )
    assert hours_words.line_status(LineStatus(True, None, date(2026, 12, 28)), when) == (
        "Open now. Hours may differ on Monday: it is a bank holiday."
    )


def test_touching_openings_are_one_and_a_later_one_that_day_still_counts() -> None:
    split = Hours(
        text="x",
        weekly=(
            WeeklyOpening(("wed",), "09:00", "12:00"),
            WeeklyOpening(("wed",), "12:00", "13:00"),
            WeeklyOpening(("wed",), "14:00", "17:00"),
        ),
        bank_holidays="usual",
    )
    assert said(split, datetime(2026, 11, 25, 11, 0, tzinfo=UTC)) == "Open now, until 1pm."
    assert said(split, datetime(2026, 11, 25, 13, 30, tzinfo=UTC)) == "Closed now. Opens at 2pm."


# The UK's zone: the system's database if there is one, else tzdata's file, opened directly.


@pytest.fixture
def london_file() -> bytes:
    """The bytes of a real Europe/London zone file (tzdata's, a dependency)."""
    from importlib import resources

    return (resources.files("tzdata.zoneinfo") / "Europe" / "London").read_bytes()


def _place(root: Path, data: bytes, *parts: str) -> Path:
    path = root.joinpath(*parts, "Europe", "London")
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    return root


def _is_uk_time(zone: tzinfo) -> bool:
    summer = datetime(2026, 7, 1, 12, tzinfo=UTC).astimezone(zone)
    winter = datetime(2026, 12, 1, 12, tzinfo=UTC).astimezone(zone)
    return (summer.hour, winter.hour) == (13, 12)


def test_the_uk_zone_comes_from_the_system_database_when_there_is_one(
    tmp_path: Path, london_file: bytes
) -> None:
    system = _place(tmp_path / "system", london_file)
    packages = _place(tmp_path / "packages", b"not a zone file", "tzdata", "zoneinfo")
    zone = hours.london([str(tmp_path / "empty"), str(system)], [str(packages)])
    assert zone is ZoneInfo("Europe/London")  # ZoneInfo's own, cached


def test_without_a_system_database_the_uk_zone_is_read_from_tzdata_directly(
    tmp_path: Path, london_file: bytes
) -> None:
    packages = _place(tmp_path / "site", london_file, "tzdata", "zoneinfo")
    archive = tmp_path / "a.zip"  # sys.path may name a zip file: passed over
    archive.write_bytes(b"PK")
    zone = hours.london([str(tmp_path / "none")], [str(archive), str(tmp_path), str(packages)])
    assert zone is not ZoneInfo("Europe/London")  # read from that file, not found by ZoneInfo
    assert str(zone) == "Europe/London"
    assert _is_uk_time(zone)


def test_with_no_zone_file_anywhere_zoneinfo_searches_for_itself(tmp_path: Path) -> None:
    zone = hours.london([str(tmp_path)], [str(tmp_path)])
    assert zone is ZoneInfo("Europe/London")


def test_without_a_system_database_importlib_resources_is_not_loaded() -> None:
    """ZoneInfo finds tzdata through importlib.resources, which took longer than the rest of a
    section's hours; the direct read does not need it."""
    script = (
        "import sys, zoneinfo\n"
        "zoneinfo.reset_tzpath([])\n"
        "from reportinfo import hours\n"
        "from datetime import datetime, UTC\n"
        "print('importlib.resources' in sys.modules, str(hours.UK),\n"
        "      datetime(2026, 7, 1, 12, tzinfo=UTC).astimezone(hours.UK).hour)\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=clean_env()
    )
    assert ran.stdout.split() == ["False", "Europe/London", "13"]
