"""Time expressions: zones, "local time (0700 GMT)", relative days, datelines, comparison."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from conftest import by_source
from newsprism.config import Settings
from newsprism.ingest.prepare import Collection, prepare
from newsprism.model import Article, RawArticle
from newsprism.nlp.annotation import annotate
from newsprism.nlp.temporal import TimeValue, day_range, reference, resolve_times, same_time

# Short texts are too short for the language check; an English paragraph follows each.
FILLER = "Officials from both governments described the meeting to reporters in great detail."
THURSDAY = datetime(2019, 2, 28, tzinfo=UTC)


def _article(text: str, published: datetime | None = None) -> Article:
    settings = Settings.load(cache=False)
    raw = RawArticle(
        origin="test.txt", text=f"{text}\n\n{FILLER}", source="test", published=published
    )
    return annotate([prepare(raw, settings)], settings, embed=False)[0]


def _time(article: Article, starting: str) -> TimeValue:
    found = [t for t in resolve_times(article) if t.text.startswith(starting)]
    assert len(found) == 1, [t.text for t in resolve_times(article)]
    return found[0]


def _value(text: str, starting: str, published: datetime | None = None) -> TimeValue:
    return _time(_article(text, published), starting)


@pytest.fixture(scope="module")
def hanoi(examples: Collection, session_cache: Path) -> list[Article]:
    """The bundled reports, parsed but not embedded: time expressions need no vectors."""
    return annotate(examples.articles, Settings.load(cache_dir=session_cache), embed=False)


def _dated(article: Article, published: datetime | None) -> Article:
    """The same annotated article with another publication date."""
    return article.model_copy(update={"published": published})


# --- the Hanoi examples ---------------------------------------------------------------------


def test_hanoi_press_conference_is_the_same_utc_time_in_both_outlets(
    hanoi: list[Article],
) -> None:
    us = _time(by_source(hanoi, "us-outlet"), "2 a.m.")
    wire = _time(by_source(hanoi, "wire-service"), "2 p.m.")
    assert us.text == "2 a.m. EST early Thursday"
    assert wire.text == "2 p.m. local time (0700 GMT)"
    assert us.utc_time == wire.utc_time == time(7, 0)
    assert (us.value, us.kind, us.weekday) == ("T07:00Z", "time", 3)
    assert same_time(us, wire) is True


def test_hanoi_relative_days_stay_unresolved_without_a_date(
    hanoi: list[Article],
) -> None:
    wire = by_source(hanoi, "wire-service")
    assert reference(wire).day is None
    thursday = _time(wire, "Thursday")
    assert (thursday.value, thursday.weekday) == (None, 3)
    assert _time(wire, "Wednesday night").weekday == 2
    assert _time(wire, "June").value is None


def test_hanoi_with_a_publication_date(hanoi: list[Article]) -> None:
    wire = _dated(by_source(hanoi, "wire-service"), THURSDAY)
    us = _dated(by_source(hanoi, "us-outlet"), THURSDAY)
    assert _time(wire, "Thursday").value == "2019-02-28"
    assert _time(wire, "Wednesday night").value == "2019-02-27"
    assert (_time(wire, "June").value, _time(wire, "June").kind) == ("2018-06", "month")
    assert _time(wire, "a year ago").value == "2018"
    assert (_time(wire, "two-day").value, _time(wire, "two-day").kind) == ("P2D", "duration")
    instant = _time(us, "2 a.m.")
    assert (instant.value, instant.kind) == ("2019-02-28T07:00:00+00:00", "instant")
    assert same_time(instant, _time(wire, "2 p.m.")) is True
    assert same_time(instant, _time(wire, "Thursday")) is True
    assert same_time(instant, _time(wire, "Wednesday night")) is False


def test_a_span_the_tagger_cut_badly_is_trimmed_to_the_clock(
    hanoi: list[Article],
) -> None:
    wire = by_source(hanoi, "wire-service")
    texts = [t.text for t in resolve_times(wire)]
    assert "two hours" in texts
    assert not any(t.startswith("two hours to") for t in texts)


# --- clock times and zones ------------------------------------------------------------------


def test_et_follows_daylight_saving_on_the_day() -> None:
    text = "The talks begin at 2 p.m. ET on Monday."
    summer = _value(text, "2 p.m.", datetime(2019, 7, 4, tzinfo=UTC))
    winter = _value(text, "2 p.m.", datetime(2019, 1, 10, tzinfo=UTC))
    assert summer.value == "2019-07-01T18:00:00+00:00"
    assert winter.value == "2019-01-07T19:00:00+00:00"


def test_est_is_fixed_and_a_dotted_pm_reads_as_afternoon() -> None:
    value = _value("The talks began at 2 p.m. EST.", "2 p.m.")
    assert (value.value, value.utc_time) == ("T19:00Z", time(19, 0))


def test_hhmm_gmt_is_a_time_not_a_year() -> None:
    value = _value("The vote was counted by 0700 GMT on Thursday.", "0700")
    assert (value.value, value.utc_time, value.weekday) == ("T07:00Z", time(7, 0), 3)


def test_times_without_a_known_zone_keep_their_local_clock() -> None:
    article = _article("The minister spoke at 10:30 a.m. and left at 9 p.m. EDT.")
    assert (_time(article, "10:30").value, _time(article, "10:30").utc_time) == ("T10:30", None)
    assert _time(article, "9 p.m.").value == "T01:00Z"
    local = _value("The ceremony starts at 2 p.m. local time.", "2 p.m.")
    assert (local.text, local.value, local.utc_time) == ("2 p.m. local time", "T14:00", None)


def test_local_time_takes_the_zone_of_the_dateline_city() -> None:
    text = "LONDON, July 3 (Reuters) - The ceremony started at 2 p.m. local time on Wednesday."
    value = _value(text, "2 p.m.", datetime(2019, 7, 3, tzinfo=UTC))
    assert value.value == "2019-07-03T13:00:00+00:00"  # British Summer Time


def test_a_clock_without_am_or_pm_keeps_the_writers_numbers_in_a_dateline_city() -> None:
    text = 'LONDON, July 3 (Reuters) - "He called me at 7:30," she said. Trading closed at 16:30.'
    published = datetime(2019, 7, 3, tzinfo=UTC)
    assert _value(text, "7:30", published).value == "T07:30"
    assert _value(text, "16:30", published).value == "T15:30Z"  # British Summer Time


def test_a_parenthesised_gmt_time_wins_and_joins_the_day() -> None:
    text = "The summit ended at 2 p.m. local time (0700 GMT) on Thursday."
    value = _value(text, "2 p.m.", THURSDAY)
    assert value.text == "2 p.m. local time (0700 GMT) on Thursday"
    assert (value.value, value.day) == ("2019-02-28T07:00:00+00:00", date(2019, 2, 28))


# --- relative dates and the reference day --------------------------------------------------------


def test_relative_dates_resolve_against_the_publication_date() -> None:
    # Late evening in New York is already the next day in UTC: dates stay local.
    evening = datetime(2019, 2, 28, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    article = _article(
        "The company said yesterday that sales fell last week, and a year ago they rose.", evening
    )
    assert _time(article, "yesterday").value == "2019-02-27"
    assert (_time(article, "last week").value, _time(article, "last week").kind) == (
        "2019-W08",
        "week",
    )
    assert _time(article, "a year ago").value == "2018"


def test_the_tense_of_the_sentence_picks_the_coming_or_the_past_weekday() -> None:
    article = _article(
        "The leader will travel to Paris on Friday. He travelled to Rome on Friday.",
        datetime(2019, 2, 27, tzinfo=UTC),
    )
    assert [t.value for t in resolve_times(article)] == ["2019-03-01", "2019-02-22"]


def test_the_dateline_gives_the_reference_day() -> None:
    text = "WASHINGTON, March 3, 2019 (Xinhua) -- The president signed the bill on Friday."
    assert _value(text, "Friday").value == "2019-03-01"


def test_a_dateline_without_a_year_takes_it_from_a_stated_date() -> None:
    text = (
        "HANOI, Feb. 28 (AP) — The leaders met on Wednesday. "
        "They first met in Singapore on June 12, 2018."
    )
    article = _article(text)
    assert reference(article).day == date(2019, 2, 28)
    assert _time(article, "Wednesday").value == "2019-02-27"
    alone = _article("HANOI, Feb. 28 (AP) — The leaders met on Wednesday.")
    assert reference(alone).day is None
    assert (_time(alone, "Wednesday").value, _time(alone, "Wednesday").weekday) == (None, 2)


def test_a_counted_period_names_no_day() -> None:
    # "a second night" is the second of a series, not tonight (nor "a second" ago).
    article = _article(
        "Police detained 60 people on Saturday night after a second night of unrest.",
        datetime(2026, 3, 2, 18, tzinfo=UTC),
    )
    assert _time(article, "Saturday night").value == "2026-02-28"
    assert _time(article, "a second night").value is None


def test_absolute_dates_resolve_without_a_reference() -> None:
    article = _article("The plant was closed for two weeks in May 2018.")
    assert _time(article, "May 2018").value == "2018-05"
    assert _time(article, "two weeks").value == "P2W"


def test_decades_resolve_but_a_hundreds_may_be_a_century() -> None:
    article = _article(
        "Logging grew in the 1980s and slowed in the mid-1990s, faster than in the 1800s."
    )
    assert (_time(article, "the 1980s").value, _time(article, "the 1980s").kind) == (
        "198",
        "decade",
    )
    assert _time(article, "the mid-1990s").value == "199"
    assert _time(article, "the 1800s").value is None


# --- comparing values ---------------------------------------------------------------------------


def _tv(value: str | None, kind: str, **fields: object) -> TimeValue:
    return TimeValue(0, 1, "x", value, kind, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (_tv("T07:00Z", "time", utc_time=time(7)), _tv("T08:00Z", "time", utc_time=time(8)), False),
        (_tv(None, "date", weekday=3), _tv(None, "date", weekday=2), False),
        (_tv(None, "date", weekday=3), _tv("T07:00Z", "time", utc_time=time(7)), None),
        (_tv("2019-02", "month"), _tv("2019-02-28", "date", day=date(2019, 2, 28)), True),
        (_tv("2018", "year"), _tv("2019-02-28", "date", day=date(2019, 2, 28)), False),
        (_tv("2019-W09", "week"), _tv("2019-03", "month"), None),
        (_tv("P2D", "duration"), _tv("P2D", "duration"), None),
        (_tv(None, "date"), _tv("2019-02-28", "date", day=date(2019, 2, 28)), None),
        # Without a zone on either side, the local clocks compare.
        (_tv("T17:00", "time"), _tv("T15:00", "time"), False),
        (_tv("T17:00", "time"), _tv("T17:00", "time"), True),
        (_tv("T17:00", "time"), _tv("T17:00Z", "time", utc_time=time(17)), None),
        (_tv("198", "decade"), _tv("197", "decade"), False),
        (_tv("198", "decade"), _tv("1985", "year"), True),
    ],
)
def test_same_time(a: TimeValue, b: TimeValue, expected: bool | None) -> None:
    assert same_time(a, b) is expected
    assert same_time(b, a) is expected


def test_instants_compare_in_utc_even_across_local_days() -> None:
    evening = _tv("2019-02-28T03:00:00+00:00", "instant", utc_time=time(3), day=date(2019, 2, 27))
    morning = _tv("2019-02-28T03:00:00+00:00", "instant", utc_time=time(3), day=date(2019, 2, 28))
    assert same_time(evening, morning) is True


def test_day_range_of_weeks_and_months() -> None:
    assert day_range(_tv("2019-W09", "week")) == (date(2019, 2, 25), date(2019, 3, 3))
    assert day_range(_tv("2019-12", "month")) == (date(2019, 12, 1), date(2019, 12, 31))
    assert day_range(_tv("198", "decade")) == (date(1980, 1, 1), date(1989, 12, 31))


def test_a_present_tense_date_without_year_is_in_the_reference_year() -> None:
    # "is aimed" is present tense although "aimed" is a past participle.
    text = 'The July 10 meeting is aimed at "uniting all democratic forces," the minister said.'
    assert _value(text, "July 10", datetime(1996, 7, 3, tzinfo=UTC)).value == "1996-07-10"


def test_a_past_tense_date_without_year_is_before_the_reference() -> None:
    text = "The two leaders met on December 20 to discuss the border."
    assert _value(text, "December 20", datetime(1996, 7, 3, tzinfo=UTC)).value == "1995-12-20"
