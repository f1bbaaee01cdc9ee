"""Quotes: quotation marks paired, speakers and cues found, renderings matched across outlets."""

from __future__ import annotations

import pytest

from conftest import by_source
from newsprism.comparison.quotes import extract_quotes, match_quotes
from newsprism.comparison.quotes.marks import quoted_stretches
from newsprism.comparison.quotes.match import relation, words
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, Entity, Quote, QuoteOccurrence, RawArticle, Span
from newsprism.nlp.annotation import annotate


def _paragraphs(text: str) -> list[Span]:
    spans, start = [], 0
    for chunk in text.split("\n\n"):
        spans.append(Span(article="t", start=start, end=start + len(chunk)))
        start += len(chunk) + 2
    return spans


def _quoted(text: str) -> list[str]:
    """The text of each stretch, pieces joined with " | "."""
    return [
        " | ".join(text[s:e] for s, e in stretch.segments)
        for stretch in quoted_stretches(text, _paragraphs(text))
    ]


def _article(text: str, source: str = "test") -> Article:
    settings = Settings.load(cache=False)
    raw = RawArticle(origin=f"{source}.txt", text=text, source=source)
    return annotate([prepare(raw, settings)], settings, embed=False)[0]


def _only(article: Article, needle: str) -> QuoteOccurrence:
    found = [q for q in extract_quotes(article) if needle in (q.text or "")]
    assert len(found) == 1, [q.text for q in extract_quotes(article)]
    return found[0]


class FakeIndex:
    """The EntityIndex interface over a fixed alias → canonical name table."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = {k.lower(): v for k, v in names.items()}
        self.entities = [Entity(name=v, type="PERSON") for v in set(self.names.values())]

    def find(self, name: str) -> Entity | None:
        canonical = self.names.get(name.lower())
        return Entity(name=canonical, type="PERSON") if canonical else None

    def entity_at(self, article_id: str, start: int, end: int) -> Entity | None:
        return None


def _occ(article: str, text: str, speaker: str | None = None, start: int = 0) -> QuoteOccurrence:
    return QuoteOccurrence(
        article=article,
        start=start,
        end=start + len(text),
        text=text,
        match="single",
        speaker_text=speaker,
        cue="say",
    )


# --- pairing quote marks -------------------------------------------------------------


def test_marks_pair_within_a_paragraph_and_drop_the_reporters_comma() -> None:
    text = '"We tried," she said. "It did not work."\n\nNo quote here.'
    assert _quoted(text) == ["We tried", "It did not work."]


def test_an_open_quote_continues_into_a_paragraph_that_reopens_with_a_mark() -> None:
    text = '"We came to talk.\n\n"We leave with a plan," he said.\n\n"Bye" later.'
    assert _quoted(text) == ["We came to talk. | We leave with a plan", "Bye"]


def test_an_open_quote_ends_with_its_paragraph_when_the_next_does_not_reopen() -> None:
    text = 'He insisted, "I trust him.\n\nThe talks ended.'
    assert _quoted(text) == ["I trust him."]


@pytest.mark.parametrize(
    "text",
    [
        "``We tried,'' she said. ``It did not work.''\n\nNo quote here.",
        "''We tried,'' she said. ''It did not work.''\n\nNo quote here.",
    ],
)
def test_wire_copy_ascii_marks_pair_like_straight_ones(text: str) -> None:
    assert _quoted(text) == ["We tried", "It did not work."]


def test_wire_copy_marks_continue_a_quote_and_close_an_inner_one() -> None:
    text = "``We came to talk.\n\n``He told me, `I'm leaving.''' she said."
    assert _quoted(text) == ["We came to talk. | He told me, `I'm leaving.'"]


def test_wire_copy_quote_gets_its_speaker() -> None:
    article = _article("``We will rebuild the bridge,'' Mayor Ann Lee said on Monday.")
    assert _only(article, "rebuild").speaker_text == "Ann Lee"


def test_a_stray_closing_mark_opens_nothing() -> None:
    text = 'The 6\'2" player said "we will win this game" on Monday.'
    assert _quoted(text) == ["we will win this game"]


# --- speaker and cue -----------------------------------------------------------------


def test_interrupted_quote_is_one_occurrence_with_the_attribution_inside_its_span() -> None:
    article = _article(
        '"We had a productive meeting," Jane Smith said. "We will meet again next month."'
    )
    [quote] = extract_quotes(article)
    assert quote.text == "We had a productive meeting … We will meet again next month."
    assert (quote.speaker_text, quote.cue, quote.match) == ("Jane Smith", "say", "single")
    assert article.text[quote.start : quote.end].startswith("We had")
    assert "Jane Smith said" in article.text[quote.start : quote.end]


def test_pieces_of_one_quotation_are_joined_with_a_cut_mark_never_glued() -> None:
    """The reporter's "she said" is not the speaker's words, and neither is a stop between
    the pieces: every piece shown is the article's own text, the join marked."""
    article = _article(
        '"When the storm reached our street," Maria Lopez said, "we were still asleep."'
    )
    [quote] = extract_quotes(article)
    assert quote.text == "When the storm reached our street … we were still asleep."
    where = article.text[quote.start : quote.end]
    for piece in quote.text.split(" … "):
        assert piece in where


def test_a_quotation_continued_in_the_next_paragraph_marks_the_join() -> None:
    article = _article(
        'Tom Reed said: "The bridge will close in May.\n\n"Traffic will move to the old road."'
    )
    quote = _only(article, "bridge")
    assert quote.text == "The bridge will close in May. … Traffic will move to the old road."


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('"The budget is balanced for the first time," said Finance Minister Ana Ruiz.', "Ana Ruiz", "say"),
        ("Ana Ruiz told reporters that \"the budget is balanced for the first time.\"", "Ana Ruiz", "tell"),
        ('Ana Ruiz announced: "The budget is balanced for the first time."', "Ana Ruiz", "announce"),
        ('"The budget is balanced for the first time," according to the Finance Ministry.', "Finance Ministry", "according to"),
        ('"The budget is balanced for the first time," the statement from the Finance Ministry said.', "Finance Ministry", "say"),
        ('Government spokeswoman Sarah Sanders said "the budget is balanced for the first time."', "Sarah Sanders", "say"),
        ('"The budget is balanced for the first time," said Kim Jong-Un.', "Kim Jong-Un", "say"),
        ('"The budget is balanced for the first time," said Ursula von der Leyen.', "Ursula von der Leyen", "say"),
    ],
)  # fmt: skip
def test_speaker_and_cue_patterns(text: str, speaker: str, cue: str) -> None:
    quote = _only(_article(text), "budget is balanced")
    assert (quote.speaker_text, quote.cue) == (speaker, cue)


def test_pronoun_takes_the_nearest_person_of_the_right_gender() -> None:
    article = _article(
        "Ms. Alice Green thanked the staff on Monday. Mr. Robert Brown arrived late in the "
        'evening. "It was a long day for all of us," she said.'
    )
    assert _only(article, "long day").speaker_text == "Alice Green"


def test_pronoun_prefers_the_subject_of_the_nearest_sentence() -> None:
    article = _article(
        "Peter Novak met Carla Diaz in Prague. Novak praised the agreement at length, and he "
        'said, "This is a historic day for both our nations."'
    )
    assert _only(article, "historic day").speaker_text == "Novak"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A dateline the parser takes for a second subject does not speak.
        ('BOSTON (AP) -- Governor Ana Ruiz said Monday that "the budget is balanced at last."', "Ana Ruiz"),
        # The one quoted speaks, not the agency quoting.
        ('"The budget is balanced at last," the Interfax news agency quoted Ana Ruiz as saying.', "Ana Ruiz"),
        # A judge rules.
        ('Judge Ana Ruiz ruled that the city had "acted in bad faith from the very start."', "Ana Ruiz"),
    ],
)  # fmt: skip
def test_more_speaker_patterns(text: str, speaker: str) -> None:
    quote = extract_quotes(_article(text))[0]
    assert quote.speaker_text == speaker


def test_a_dateline_alone_credits_no_one() -> None:
    # The parser takes the dateline for the subject of "announced": titles are no speech of
    # the city that filed the report.
    article = _article(
        "LOS ANGELES (AP) -- ``Shakespeare in Love'' led movie nominees for the Screen Actors "
        "Guild Awards, and ``NYPD Blue'' edged ahead of the pack in television nominations "
        "announced Tuesday."
    )
    assert all(q.speaker_text != "LOS ANGELES" for q in extract_quotes(article))


def test_pronoun_prefers_the_main_clause_subject_over_one_it_reports() -> None:
    article = _article(
        "Another neighbor, Carla Diaz, said Peter Novak went to church every week. "
        '"He looked odd to me," she said.'
    )
    assert _only(article, "looked odd").speaker_text == "Carla Diaz"


def test_a_run_of_quoted_sentences_keeps_the_speaker_in_reach() -> None:
    quoted = " ".join(
        f'"Point {n} of the plan is settled. The rest will follow soon," he said.'
        for n in ("one", "two", "three", "four", "five")
    )
    article = _article(f"Prime Minister Peter Novak spoke at length on Saturday. {quoted}")
    quotes = extract_quotes(article)
    assert [q.speaker_text for q in quotes] == ["Peter Novak"] * 5


def test_a_role_is_not_someone_the_article_gave_another_role() -> None:
    article = _article(
        'Mayor Jane Roe told reporters: "This bridge will join the two halves of our city."\n\n'
        'The minister added: "The state will pay half of the cost."'
    )
    assert _only(article, "join the two halves").speaker_text == "Jane Roe"
    assert _only(article, "half of the cost").speaker_text == "minister"


def test_a_role_is_the_person_holding_it_or_one_without_a_known_role() -> None:
    article = _article(
        "Peter Novak toured the site with Mayor Ana Ruiz on Monday. "
        '"The state will pay half of the cost," the minister said.'
    )
    assert _only(article, "half of the cost").speaker_text == "Peter Novak"


def test_a_pronoun_after_an_unnamed_speaker_is_that_speaker() -> None:
    article = _article(
        "Peter Novak signed the deal in Prague. Another official, speaking on condition of "
        'anonymity, was more explicit. "We see no link at all," he said.'
    )
    assert _only(article, "no link").speaker_text == "official"


def test_a_quote_without_a_cue_takes_the_speech_verb_of_the_sentence_before() -> None:
    article = _article(
        'Peter Novak insisted that the deal was fair. "Nobody lost anything here. We all won."'
    )
    quote = _only(article, "Nobody lost")
    assert (quote.speaker_text, quote.cue) == ("Peter Novak", "insist")


def test_scare_quotes_are_dropped_unless_a_speech_verb_attributes_them() -> None:
    article = _article(
        'The plan, dubbed "Operation Sunrise", began on Monday in the capital. '
        'Peter Novak said the talks were "very productive" overall.'
    )
    [quote] = extract_quotes(article)
    assert (quote.text, quote.match, quote.speaker_text) == (
        "very productive",
        "partial",
        "Peter Novak",
    )


def test_quoted_titles_are_not_quotations() -> None:
    article = _article(
        'Peter Novak wrote a memoir last year. "The Long Road Home to Prague" sold well.'
    )
    assert extract_quotes(article) == []


def test_ellipses_and_bracketed_edits_are_kept() -> None:
    article = _article('"I trust [Kim] ... and take him at his word," Peter Novak said on Friday.')
    assert _only(article, "trust").text == "I trust [Kim] ... and take him at his word"


def test_unannotated_article_is_refused() -> None:
    article = prepare(
        RawArticle(origin="x.txt", text='"Hello there, friends," he said.'),
        Settings.load(cache=False),
    )
    with pytest.raises(ValueError, match="annotate"):
        extract_quotes(article)


# --- matching ------------------------------------------------------------------------


def test_words_normalize_case_punctuation_contractions_and_inflection() -> None:
    assert words("We won't be FRIENDS...").surface == words("we will not be friends").surface
    assert words("We won't be friends").lemmas == words("we will not be friend").lemmas
    assert words("We won't be friends").surface != words("we will not be friend").surface


@pytest.mark.parametrize(
    ("a", "b", "same", "kind"),
    [
        ("Sometimes, you have to walk.", "sometimes you have to WALK", None, "verbatim"),
        ("very good friend", "I think we'll end up being very good friends", True, "partial"),
        ("in their entirety", "they wanted the sanctions lifted in their entirety", None, "partial"),
        ("We have to walk ... There is a gap", "Sometimes, you have to walk", True, "partial"),
        ("We have to walk ... There is a gap", "Sometimes, you have to walk", False, None),
        ("We have to walk ... There is a gap", "Sometimes you walk, then you have to run", True, None),
        ("we will win ... the final", "I know we will win it all in the final on Sunday", None, "partial"),
        ("a gap", "there is a gap between us", False, None),
        ("in the", "we met in the morning", True, None),
        ("We won the vote today", "The weather was fine", True, None),
    ],
)  # fmt: skip
def test_relation(a: str, b: str, same: bool | None, kind: str | None) -> None:
    assert relation(a, b, same) == kind
    assert relation(b, a, same) == kind


def test_match_groups_across_articles_and_labels_each_rendering() -> None:
    index = FakeIndex({"trump": "Donald Trump", "kim": "Kim Jong Un"})
    occurrences = [
        _occ("us", "I think we'll end up being very good friends", "Trump"),
        _occ("us", "We know every inch of that country", "Trump", 100),
        _occ("wire", "very good friend", "Trump"),
        _occ("wire", "I think we will end up being very good friends.", "Trump", 50),
        _occ("wire", "We know every inch of that country", "Kim", 200),
    ]
    quotes = match_quotes(occurrences, index, [])
    assert [len(q.occurrences) for q in quotes] == [3, 1, 1]
    friends = quotes[0]
    assert friends.speaker == "Donald Trump"
    assert friends.text == "I think we will end up being very good friends."
    assert sorted(o.match for o in friends.occurrences) == ["partial", "verbatim", "verbatim"]
    # The same seven words under two different speakers: too few to be sure it is one quote.
    assert [q.speaker for q in quotes[1:]] == ["Donald Trump", "Kim Jong Un"]
    assert all(o.match == "single" for q in quotes[1:] for o in q.occurrences)


def test_long_identical_renderings_match_even_when_the_speakers_disagree() -> None:
    # One outlet misattributing a long quote is a discrepancy to report, not two quotes.
    text = "We will not accept any deal that leaves the sanctions in place for years"
    index = FakeIndex({"novak": "Peter Novak", "diaz": "Carla Diaz"})
    [quote] = match_quotes([_occ("a", text, "Novak"), _occ("b", text, "Diaz")], index)
    assert [o.match for o in quote.occurrences] == ["verbatim", "verbatim"]


def test_a_cut_joins_the_quote_it_fits_best_and_does_not_merge_two_quotes() -> None:
    index = FakeIndex({"trump": "Donald Trump"})
    occurrences = [
        _occ("us", "Sometimes, you have to walk.", "Trump"),
        _occ("us", "We had to walk away from that particular suggestion.", "Trump", 50),
        _occ("wire", "We have to walk ... There is a gap", "Trump"),
    ]
    quotes = match_quotes(occurrences, index)
    assert [[o.text for o in q.occurrences] for q in quotes] == [
        ["Sometimes, you have to walk.", "We have to walk ... There is a gap"],
        ["We had to walk away from that particular suggestion."],
    ]


def test_a_long_quote_gathers_every_cut_another_outlet_carries() -> None:
    index = FakeIndex({"trump": "Donald Trump"})
    long = "They wanted the sanctions lifted in their entirety for a large portion of it"
    occurrences = [
        _occ("us", long, "Trump"),
        _occ("wire", "in their entirety", "Trump"),
        _occ("wire", "large portion", "Trump", 40),
    ]
    [quote] = match_quotes(occurrences, index)
    assert quote.text == long
    assert [o.match for o in quote.occurrences] == ["verbatim", "partial", "partial"]


def test_occurrences_of_one_article_are_not_matched_with_each_other() -> None:
    occurrences = [_occ("a", "We will win this war"), _occ("a", "We will win this war", start=80)]
    assert [len(q.occurrences) for q in match_quotes(occurrences, FakeIndex({}))] == [1, 1]


def test_paraphrase_needs_the_same_speaker_and_close_embeddings() -> None:
    index = FakeIndex({"novak": "Peter Novak", "diaz": "Carla Diaz"})
    quotes = match_quotes(
        [
            _occ("a", "We are very close to a deal with China on trade.", "Novak"),
            _occ("b", "We're very close to reaching a trade deal with China.", "Novak"),
            # As close in meaning, but said by someone else.
            _occ("c", "A trade deal with China is very close now.", "Diaz"),
            _occ("c", "The economy has never been stronger than it is today.", "Novak", 90),
        ],
        index,
    )
    assert [sorted(o.match for o in q.occurrences) for q in quotes] == [
        ["paraphrase", "verbatim"],
        ["single"],
        ["single"],
    ]
    assert quotes[0].speaker == "Peter Novak"


# --- the bundled Hanoi reports -------------------------------------------------------


@pytest.fixture(scope="module")
def hanoi(annotated_examples: list[Article]) -> dict[str, list[QuoteOccurrence]]:
    return {a.source or "": extract_quotes(a) for a in annotated_examples}


@pytest.fixture(scope="module")
def hanoi_quotes(
    annotated_examples: list[Article], hanoi: dict[str, list[QuoteOccurrence]]
) -> list[Quote]:
    from newsprism.nlp.entities import resolve_entities

    occurrences = [q for a in annotated_examples for q in hanoi[a.source or ""]]
    return match_quotes(occurrences, resolve_entities(annotated_examples), annotated_examples)


def _quote_with(quotes: list[Quote], needle: str) -> Quote:
    return next(q for q in quotes if any(needle in (o.text or "") for o in q.occurrences))


def _said(occurrences: list[QuoteOccurrence], needle: str) -> QuoteOccurrence:
    return next(o for o in occurrences if needle in (o.text or ""))


def test_hanoi_speakers(hanoi: dict[str, list[QuoteOccurrence]]) -> None:
    us, wire = hanoi["us-outlet"], hanoi["wire-service"]
    assert _said(us, "Sometimes, you have to walk").speaker_text == "Trump"
    assert _said(us, "Unfortunately, we didn't get all the way").speaker_text == "Pompeo"
    assert _said(us, "We asked him to do more").speaker_text == "Pompeo"
    assert _said(us, "If I'm not willing to do that … I won't be here").speaker_text == "Kim"
    assert _said(us, "very good friends").speaker_text == "Trump"
    assert _said(us, "respective teams").speaker_text == "Sarah Sanders"
    assert _said(us, "I trust [Kim]").speaker_text == "Trump"
    assert _said(wire, "We have to walk ... There is a gap").speaker_text == "Trump"
    assert _said(wire, "No agreement was reached").speaker_text == "White House"
    assert _said(wire, "constructive meetings").speaker_text == "White House"
    assert _said(wire, "in the days and weeks ahead").speaker_text == "Pompeo"
    assert _said(wire, "will take time").speaker_text == "Pompeo"
    assert _said(wire, "in their entirety").cue == "according to"


def test_hanoi_scare_quotes_are_attributed_fragments(
    hanoi: dict[str, list[QuoteOccurrence]],
) -> None:
    for source, needle in (("us-outlet", "with time"), ("wire-service", "much closer")):
        quote = _said(hanoi[source], needle)
        assert (quote.match, quote.speaker_text, quote.cue) == ("partial", "Trump", "tell")


def test_hanoi_spans_point_at_the_quoted_words(
    annotated_examples: list[Article], hanoi: dict[str, list[QuoteOccurrence]]
) -> None:
    for article in annotated_examples:
        for quote in hanoi[article.source or ""]:
            covered = article.text[quote.start : quote.end]
            assert covered.startswith((quote.text or "")[:8])
            assert '"' not in covered or len(words(covered).surface) > len(
                words(quote.text or "").surface
            )


def test_hanoi_quotes_are_matched_across_outlets(
    annotated_examples: list[Article], hanoi_quotes: list[Quote]
) -> None:
    wire_id = by_source(annotated_examples, "wire-service").id
    friends = _quote_with(hanoi_quotes, "very good friend")
    assert friends.speaker == "Donald Trump"
    assert {o.match for o in friends.occurrences if o.article == wire_id} == {"partial"}
    assert len({o.article for o in friends.occurrences}) == 2

    sanctions = _quote_with(hanoi_quotes, "in their entirety")
    assert "sanctions lifted in their entirety" in sanctions.text
    assert {o.text for o in sanctions.occurrences if o.article == wire_id} >= {
        "in their entirety",
        "large portion",
    }

    walk = _quote_with(hanoi_quotes, "Sometimes, you have to walk")
    assert walk.speaker == "Donald Trump"
    assert "We have to walk ... There is a gap" in {o.text for o in walk.occurrences}

    assert _quote_with(hanoi_quotes, "Unfortunately, we didn't").speaker == "Mike Pompeo"
    kim = _quote_with(hanoi_quotes, "If I'm not willing")
    assert kim.speaker == "Kim Jong Un"
    assert [o.match for o in kim.occurrences] == ["single"]


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        # The apposition names the speaker; the owner only says whose attorney.
        ('"Very intense talks," said Gore\'s business attorney, Randy Evans.', "intense", "Randy Evans"),
        # A place after "of" says where the speaker lives, not who speaks.
        (
            'Don Como, 45, said the poll was alarming. "It is really not surprising at all," '
            "said the resident of Woodland Hills.",
            "surprising",
            "Don Como",
        ),
        # "cry" and "protest" introduce speech.
        ('"They make everybody look overweight," protested Mark Smith.', "overweight", "Mark Smith"),
        # "The Minister" is a role described, not a name, even when capitalized.
        (
            'Finance Minister Ana Ruiz spoke on Monday. "We will cut spending this year," the '
            "Minister told reporters.",
            "cut spending",
            "Ana Ruiz",
        ),
    ],
)  # fmt: skip
def test_descriptions_and_appositions(text: str, needle: str, speaker: str) -> None:
    assert _only(_article(text), needle).speaker_text == speaker


def test_a_pronoun_after_a_described_subject_is_the_person_with_that_title() -> None:
    article = _article(
        "Queen Mara and Peter Holm opened the bridge on Monday. Holm thanked the builders. "
        'The queen recalled the long wait. "It was a wonderful day for everyone," she said.'
    )
    assert _only(article, "wonderful day").speaker_text == "Mara"


def test_a_title_is_not_learned_across_another_name() -> None:
    article = _article(
        "The panel included Queen Mara of Lindia, financier Peter Holm and others. Holm "
        'pledged money. "There is plenty of money out there," he said.'
    )
    assert _only(article, "plenty of money").speaker_text == "Holm"


def test_a_title_is_not_learned_from_inside_a_quotation() -> None:
    # "actress" is what the producer talks about, not his title: "he" is still the producer.
    article = _article(
        '"We needed a famous actress," producer Tom Hale told the magazine.\n\n'
        "Hale said he signed the unknown Rosa Lind anyway.\n\n"
        '"Nobody had heard of her," he said.'
    )
    assert _only(article, "Nobody had heard").speaker_text == "Hale"


def test_an_owned_role_is_the_person_named_in_apposition_to_it() -> None:
    article = _article(
        "Victor Moss has a job again.\n\nHis wife, Marisol, is proud of him.\n\n"
        '"He sleeps well now," his wife of ten years said.'
    )
    assert _only(article, "sleeps well").speaker_text == "Marisol"


def test_an_owned_role_nobody_was_given_stays_a_description() -> None:
    article = _article('Victor Moss has a job again.\n\n"He sleeps well now," his lawyer said.')
    assert _only(article, "sleeps well").speaker_text == "his lawyer"


def test_a_statement_speaks_for_whoever_issued_it() -> None:
    article = _article(
        '"We accept the offer with gratitude," said a statement issued in the name of '
        "Helen Carver, the director of the trust."
    )
    assert _only(article, "accept the offer").speaker_text == "Helen Carver"


def test_a_described_speaker_is_not_the_organization_or_person_in_the_description() -> None:
    from newsprism.nlp.entities import resolve_entities

    article = _article(
        'A U.S. intelligence official said the review was "finished early this year."\n\n'
        'The Obama campaign said the plan "would end the program as we know it."'
    )
    quotes = match_quotes(extract_quotes(article), resolve_entities([article]), [article])
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers["finished early this year."] == "U.S. intelligence official"
    assert speakers["would end the program as we know it."] == "Obama campaign"
