"""PartialDate's derived dates: what a draft's date with blank parts can stand for."""

import datetime as dt

from vnplan.model import PartialDate


def test_a_complete_date_is_its_own_earliest_and_latest():
    d = PartialDate(2024, 2, 5)
    assert d.earliest == d.latest == dt.date(2024, 2, 5)


def test_a_blank_day_spans_the_month():
    d = PartialDate(2024, 2, None)
    assert (d.earliest, d.latest) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))


def test_a_blank_month_spans_the_year():
    d = PartialDate(2024, None, None)
    assert (d.earliest, d.latest) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def test_an_impossible_day_counts_as_the_month_bounds():
    assert PartialDate(2024, 2, 31).earliest == dt.date(2024, 2, 1)
    assert PartialDate(2024, 13, 1).latest == dt.date(2024, 12, 31)


def test_no_year_or_a_year_no_calendar_has_gives_no_date():
    assert PartialDate(None, 2, 5).earliest is None
    assert PartialDate(0, 1, 1).earliest is None and PartialDate(10000, 1, 1).latest is None


def test_impossible_parts():
    assert PartialDate(2024, 2, 30).impossible and PartialDate(2024, 13, None).impossible
    assert PartialDate(1850, 1, 1).impossible and PartialDate(None, None, 32).impossible
    assert not PartialDate(2024, 2, 29).impossible and not PartialDate(2024, None, None).impossible


def test_display_marks_blank_parts():
    assert PartialDate(2024, 2, 5).display == "05/02/2024"
    assert PartialDate(2024, 2, None).display == "…/02/2024"
    assert PartialDate(None, None, None).display == "…/…/…"


def test_dates_conflict_only_on_parts_both_give():
    assert PartialDate(2024, 1, 21).conflicts_with(PartialDate(2024, 1, 12))
    assert not PartialDate(2024, 1, None).conflicts_with(PartialDate(2024, 1, 12))
    assert not PartialDate(None, None, None).conflicts_with(PartialDate(2024, 1, 12))
