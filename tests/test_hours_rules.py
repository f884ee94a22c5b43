"""Bank holidays by rule: Easter, the days England and Wales' rules make bank holidays, and which
days are in doubt for a line, listed or not."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest

from reportinfo import hours, loader

REPORT = loader.load()
assert REPORT.bank_holidays is not None
BANK_HOLIDAYS = REPORT.bank_holidays.dates


@pytest.mark.parametrize(
    ("year", "sunday"),
    [
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2028, date(2028, 4, 16)),
        (2029, date(2029, 4, 1)),
        (2038, date(2038, 4, 25)),  # as late as Easter can be
        (2285, date(2285, 3, 22)),  # as early as Easter can be
        (1818, date(1818, 3, 22)),
        (1943, date(1943, 4, 25)),
    ],
)
def test_easter(year: int, sunday: date) -> None:
    assert hours.easter(year) == sunday


def test_easter_agrees_with_dateutil_for_every_year_to_4099() -> None:
    easter = pytest.importorskip("dateutil.easter")
    for year in range(1583, 4100):
        assert hours.easter(year) == easter.easter(year), year


def test_likely_bank_holidays_2029() -> None:
    assert sorted(hours.likely_bank_holidays(2029)) == [
        date(2029, 1, 1),  # New Year's Day
        date(2029, 3, 30),  # Good Friday
        date(2029, 4, 2),  # Easter Monday
        date(2029, 5, 7),  # the first Monday of May
        date(2029, 5, 28),  # the last Monday of May
        date(2029, 8, 27),  # the last Monday of August
        date(2029, 12, 25),  # Christmas Day
        date(2029, 12, 26),  # Boxing Day
    ]


@pytest.mark.parametrize(
    ("year", "weekend_days", "substitutes"),
    [
        # Christmas on a Saturday, Boxing Day on a Sunday: Monday and Tuesday.
        (2032, [date(2032, 12, 25), date(2032, 12, 26)], [date(2032, 12, 27), date(2032, 12, 28)]),
        # Christmas on a Sunday: Boxing Day is the Monday, so Christmas moves to the Tuesday.
        (2033, [date(2033, 1, 1), date(2033, 12, 25)], [date(2033, 1, 3), date(2033, 12, 27)]),
        # Boxing Day on a Saturday: the Monday. New Year's Day on a Sunday: the Monday.
        (2037, [date(2037, 12, 26)], [date(2037, 12, 28)]),
        (2034, [date(2034, 1, 1)], [date(2034, 1, 2)]),
    ],
)
def test_weekend_days_and_their_substitutes(
    year: int, weekend_days: list[date], substitutes: list[date]
) -> None:
    likely = hours.likely_bank_holidays(year)
    for day in weekend_days:
        assert day.weekday() >= 5
        assert day in likely
    for day in substitutes:
        assert day.weekday() < 5
        assert day in likely
    assert len(likely) == 8 + len(substitutes)


# Years with a one-off change: a moved or an extra bank holiday that no rule can know.
ONE_OFFS = {1995, 1999, 2002, 2011, 2012, 2020, 2022, 2023}


def test_likely_bank_holidays_agree_with_a_well_kept_library() -> None:
    holidays = pytest.importorskip("holidays")
    years = [year for year in range(1985, 2061) if year not in ONE_OFFS]
    england = holidays.country_holidays("GB", subdiv="ENG", years=years)
    for year in years:
        expected = {day for day in england if day.year == year}
        assert hours.likely_bank_holidays(year) == expected, year


def test_which_days_are_in_doubt() -> None:
    # Listed.
    assert hours.holiday(date(2026, 12, 25), BANK_HOLIDAYS) == "listed"
    assert hours.holiday(date(2027, 12, 27), BANK_HOLIDAYS) == "listed"
    # Named by date, in any year, listed or not: at a weekend the bank holiday moves, but
    # the day itself is in doubt too.
    assert hours.holiday(date(2026, 12, 26), BANK_HOLIDAYS) == "boxing"  # a Saturday
    assert hours.holiday(date(2027, 12, 25), BANK_HOLIDAYS) == "christmas"  # a Saturday
    assert hours.holiday(date(2028, 1, 1), BANK_HOLIDAYS) == "new_year"  # a Saturday
    assert hours.holiday(date(2029, 12, 25), BANK_HOLIDAYS) == "christmas"  # after the list
    assert hours.holiday(date(2029, 1, 1), BANK_HOLIDAYS) == "new_year"
    # By rule, only after the list (or before it): a listed year is taken as listed.
    assert hours.holiday(date(2029, 3, 30), BANK_HOLIDAYS) == "likely"
    assert hours.holiday(date(2033, 1, 3), BANK_HOLIDAYS) == "likely"
    assert hours.holiday(date(2025, 8, 25), BANK_HOLIDAYS) == "likely"
    listed_year_without = tuple(day for day in BANK_HOLIDAYS if day != date(2027, 8, 30))
    assert hours.holiday(date(2027, 8, 30), listed_year_without) is None
    # Ordinary days.
    for day in (date(2026, 12, 24), date(2026, 12, 29), date(2029, 3, 29), date(2029, 12, 27)):
        assert hours.holiday(day, BANK_HOLIDAYS) is None, day
    # Nothing listed: every year goes by the rules.
    assert hours.holiday(date(2026, 8, 31)) == "likely"
    assert hours.holiday(date(2026, 8, 30)) is None


def test_every_day_in_doubt_from_2026_to_2040_is_a_real_holiday_and_back() -> None:
    holidays = pytest.importorskip("holidays")
    england = holidays.country_holidays("GB", subdiv="ENG", years=range(2026, 2041))
    day, in_doubt = date(2026, 1, 1), set()
    while day.year <= 2040:
        if hours.holiday(day, BANK_HOLIDAYS) is not None:
            in_doubt.add(day)
        day += timedelta(days=1)
    assert in_doubt == set(england)


def test_the_holidays_package_is_not_loaded_at_run_time() -> None:
    code = (
        "import sys; from datetime import datetime, timezone;"
        "from reportinfo import hours, loader;"
        "from reportinfo.render import hours_words;"
        "r = loader.load(); c = r.contact('bucks-first-response');"
        "now = datetime(2030, 4, 19, 12, tzinfo=timezone.utc);"
        "print([hours_words.describe(r, c, ch, now) is not None for ch in c.channels]);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('holidays', 'dateutil')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.splitlines() == ["[True, True]", "[]"]
