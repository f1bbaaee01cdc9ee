"""The story timeline: events placed in time, merged across outlets by fact, told by clauses."""

from __future__ import annotations

from datetime import UTC, datetime

from conftest import by_source
from newsprism.comparison.align import align_facts
from newsprism.comparison.timeline import build_timeline
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, Fact, RawArticle, TimelineEvent
from newsprism.nlp.annotation import annotate

FILLER = "Officials from both governments described the meeting to reporters in great detail."
THURSDAY = datetime(2019, 2, 28, tzinfo=UTC)


def _article(text: str, published: datetime | None, source: str) -> Article:
    settings = Settings.load(cache=False)
    raw = RawArticle(
        origin=f"{source}.txt", text=f"{text}\n\n{FILLER}", source=source, published=published
    )
    return annotate([prepare(raw, settings)], settings, embed=False)[0]


def _sentence_fact(*articles: Article) -> Fact:
    """A fact made of the first sentence of each article."""
    spans = [a.span(a.sentences[0].start, a.sentences[0].end) for a in articles]
    return Fact(kind="consensus", articles=[a.id for a in articles], sentences=spans)


def _check_spans(events: list[TimelineEvent], articles: list[Article]) -> None:
    by_id = {a.id: a for a in articles}
    for event in events:
        assert event.spans
        for span in event.spans:
            assert by_id[span.article].text[span.start : span.end] == span.text


def test_examples_without_dates_keep_only_the_clock_times(
    annotated_examples: list[Article],
) -> None:
    events = build_timeline(annotated_examples, align_facts(annotated_examples))
    assert [e.time for e in events] == ["T07:00Z", "T07:00Z"]
    assert {s.article for e in events for s in e.spans} == {a.id for a in annotated_examples}
    assert any("2 a.m. EST" in e.text for e in events)
    assert any("0700 GMT" in e.text for e in events)
    _check_spans(events, annotated_examples)


def test_examples_with_a_publication_date_are_in_time_order(
    annotated_examples: list[Article],
) -> None:
    articles = [a.model_copy(update={"published": THURSDAY}) for a in annotated_examples]
    events = build_timeline(articles, align_facts(articles))
    times = [e.time for e in events]
    assert times[0] == "2018-06"  # the Singapore summit "in June"
    wednesday = times.index("2019-02-27")
    assert "Wednesday night" in events[wednesday].text
    assert wednesday < times.index("2019-02-28")
    # The date of the day comes before the instants of that day.
    assert times.index("2019-02-28") < times.index("2019-02-28T07:00:00+00:00")
    outlets = {
        by_id.source
        for e in events
        if e.time == "2019-02-28T07:00:00+00:00"
        for s in e.spans
        for by_id in articles
        if by_id.id == s.article
    }
    assert outlets == {"us-outlet", "wire-service"}
    # "closer than a year ago" is a yardstick, not an event of 2018.
    assert "2018" not in times
    assert not any(e.time.startswith("P") for e in events)
    _check_spans(events, articles)


def test_one_fact_at_one_time_is_one_event_with_the_most_precise_time() -> None:
    plain = _article("The summit ended on Thursday.", THURSDAY, "one")
    precise = _article(
        "The summit ended at 2 p.m. local time (0700 GMT) on Thursday.", THURSDAY, "two"
    )
    events = build_timeline([plain, precise], [_sentence_fact(plain, precise)])
    assert len(events) == 1
    assert events[0].time == "2019-02-28T07:00:00+00:00"
    assert events[0].text == "The summit ended on Thursday."
    assert {s.article for s in events[0].spans} == {plain.id, precise.id}


def test_without_a_shared_fact_the_same_day_gives_two_events() -> None:
    plain = _article("The summit ended on Thursday.", THURSDAY, "one")
    precise = _article(
        "The summit ended at 2 p.m. local time (0700 GMT) on Thursday.", THURSDAY, "two"
    )
    events = build_timeline([precise, plain], [])
    assert [e.time for e in events] == ["2019-02-28", "2019-02-28T07:00:00+00:00"]


def test_a_fact_whose_outlets_disagree_on_the_day_stays_two_events() -> None:
    one = _article("The summit ended on Thursday.", THURSDAY, "one")
    other = _article("The summit ended on Wednesday.", THURSDAY, "two")
    events = build_timeline([one, other], [_sentence_fact(one, other)])
    assert [e.time for e in events] == ["2019-02-27", "2019-02-28"]


def test_a_sentence_with_two_times_gives_two_clauses() -> None:
    article = _article("Kim arrived on Tuesday and Trump left on Wednesday.", THURSDAY, "one")
    events = build_timeline([article], [])
    assert [(e.time, e.text) for e in events] == [
        ("2019-02-26", "Kim arrived on Tuesday"),
        ("2019-02-27", "Trump left on Wednesday"),
    ]


def test_a_bare_clock_time_is_on_the_reference_day_or_after_the_dated_events() -> None:
    dated = _article("The vote closed at 0700 GMT.", THURSDAY, "one")
    events = build_timeline([dated], [])
    assert [e.time for e in events] == ["2019-02-28T07:00:00+00:00"]
    undated = _article("The count ended at 0900 GMT on Friday.", None, "two")
    earlier = _article("The polls opened on Monday, March 4, 2019.", None, "three")
    events = build_timeline([undated, earlier], [])
    assert [e.time for e in events] == ["2019-03-04", "T09:00Z"]


def test_the_dateline_gives_the_day_but_is_no_event() -> None:
    text = "WASHINGTON, March 3, 2019 (Xinhua) -- The president signed the bill on Friday."
    events = build_timeline([_article(text, None, "one")], [])
    assert [(e.time, e.text) for e in events] == [
        ("2019-03-01", "The president signed the bill on Friday.")
    ]


def test_a_dateline_of_place_and_dash_alone_is_no_part_of_an_event() -> None:
    text = "BATANGAS CITY, Philippines — A ferry capsized off the coast on Wednesday."
    events = build_timeline([_article(text, THURSDAY, "one")], [])
    assert [(e.time, e.text) for e in events] == [
        ("2019-02-27", "A ferry capsized off the coast on Wednesday.")
    ]


def test_unresolved_and_durations_are_left_out(annotated_examples: list[Article]) -> None:
    wire = by_source(annotated_examples, "wire-service")
    events = build_timeline([wire], [])
    assert not any("Thursday" in e.text and e.time != "T07:00Z" for e in events)
    assert all(not e.time.startswith("P") for e in events)


def test_a_bare_clock_time_is_on_the_day_the_lead_names() -> None:
    text = (
        "A ferry capsized off the coast on Wednesday, the coast guard said. "
        "It overturned shortly after 8 a.m. local time (0000 GMT)."
    )
    events = build_timeline([_article(text, THURSDAY, "one")], [])
    assert [e.time for e in events] == ["2019-02-27", "2019-02-27T00:00:00+00:00"]


def test_a_time_inside_a_quotation_is_told_by_the_whole_quotation_and_its_speaker() -> None:
    text = (
        "Relatives waited at the port on Wednesday. "
        '"My brother called me from the boat at 7:30 a.m. That was the last time," '
        "said Arnel Dizon, 41."
    )
    events = build_timeline([_article(text, THURSDAY, "one")], [])
    told = next(e.text for e in events if "7:30" in e.text)
    assert told.startswith('"My brother called me') and told.endswith("said Arnel Dizon, 41.")
