"""What the discrepancy detectors read of one story, computed once: the articles by id,
the story's entities, every article's resolved times and its quoted stretches."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from newsprism.comparison.discrepancies.frames import (
    actor_of,
    asserted,
    frame_of,
    is_speech,
    named,
    verbs_of,
)
from newsprism.comparison.quotes import quoted_stretches
from newsprism.model import Article, Span
from newsprism.nlp import (
    STAGE_TORCH_THREADS,
    EntityIndex,
    TimeValue,
    dateline_length,
    embed_texts,
    parse_ordinal,
    resolve_times,
    same_time,
)

# From this MiniLM cosine two nouns may name one thing ("vessel" / "ferry", 0.5); unrelated
# nouns of one story score lower ("bill" / "amendment" 0.28, "company" / "union" 0.37).
SAME_THING = 0.5
# Periods of one day that an ordinal may count ("a second night", "the third day").
_DAYS = frozenset({"day", "night"})


def _told(article: Article, times: list[TimeValue]) -> list[TimeValue]:
    """The times the report tells: a dateline's date ("PARIS, March 4 (AP) —") says when
    it was filed, not when anything happened."""
    filed = dateline_length(article.text)
    return [t for t in times if t.start >= filed]


@dataclass
class Evidence:
    articles: dict[str, Article]
    entities: EntityIndex
    times: dict[str, list[TimeValue]] = field(default_factory=dict)
    quoted: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    embedding_package: str | None = None  # to tell nouns that may name one thing
    _vectors: dict[str, Any] = field(default_factory=dict)  # MiniLM vectors of single words
    _counted: dict[str, set[date]] = field(default_factory=dict)  # see `counted_days`

    @classmethod
    def of(
        cls,
        articles: Sequence[Article],
        entities: EntityIndex,
        embedding_package: str | None = None,
        times: Mapping[str, list[TimeValue]] | None = None,
    ) -> Evidence:
        return cls(
            embedding_package=embedding_package,
            articles={a.id: a for a in articles},
            entities=entities,
            times={a.id: _told(a, times[a.id] if times else resolve_times(a)) for a in articles},
            quoted={
                a.id: [seg for s in quoted_stretches(a.text, a.paragraphs) for seg in s.segments]
                for a in articles
            },
        )

    def sentence(self, span: Span) -> Any:
        """The spaCy span of a sentence span (None when the article is not parsed)."""
        doc = self.articles[span.article].doc
        return doc.char_span(span.start, span.end, alignment_mode="expand") if doc else None

    def token_at(self, article: str, offset: int) -> Any:
        """The token holding the character at ``offset``."""
        doc = self.articles[article].doc
        span = doc.char_span(offset, offset + 1, alignment_mode="expand") if doc else None
        return span[0] if span is not None and len(span) else None

    def is_quoted(self, article: str, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quoted.get(article, ()))

    def texts(self, a: str, b: str) -> tuple[str, str]:
        return self.articles[a].text, self.articles[b].text

    def participant(self, article: str, token: Any) -> str | None:
        """A participant as far as it can be told: its entity, else its noun; None for a
        pronoun or nothing, or for a dateline's place, which the parser may take for the
        lead's subject ("MIAMI (AP) — Hurricane Bo made landfall"): it says where the
        report was filed. A noun with a name set beside it is the name: "the singer Mara
        Vale" is Mara Vale."""
        if token is None or token.pos_ == "PRON":
            return None
        if token.idx < dateline_length(self.articles[article].text):
            return None
        if token.pos_ == "NOUN":
            token = next((c for c in token.children if c.dep_ == "appos" and c.ent_type_), token)
        name = named(token, self.entities, self.articles[article].text)
        return f"entity:{name}" if name else f"noun:{token.lemma_.casefold()}"

    def same_participant(self, a: str, ta: Any, b: str, tb: Any) -> bool:
        """False only when both name a participant and they cannot be one: two entities, or
        two nouns, or a name and a noun, that are not near-synonyms ("the vessel" / "the
        ferry", "the Senate" / "senators" may be one; "the union" / "Kaiser" are two)."""
        pa, pb = self.participant(a, ta), self.participant(b, tb)
        if pa is None or pb is None or pa == pb:
            return True
        if pa.startswith("entity:") and pb.startswith("entity:"):
            return False
        return self.may_be_one(pa.split(":", 1)[1].casefold(), pb.split(":", 1)[1].casefold())

    def same_actor(self, a: str, pa: Any, b: str, pb: Any) -> bool:
        """Whether two predicates may have one actor: one side's offer and the other's
        demand, the coast guard's rescues and the fishermen's, are two quantities."""
        if pa is None or pb is None:
            return True
        return self.same_participant(a, actor_of(pa), b, actor_of(pb))

    def happening(self, article: str, predicate: Any) -> tuple[str, ...] | None:
        """A happening as one verb and its named participants, when the report states it:
        asserted, not a statement, with a doer or undergoer named (whether or not the tagger
        made it an entity: "Ana Ruiz" may be left untagged). Two reports that each tell it
        once under one key tell one happening, wherever their sentences stand. A copula
        tells a state ("is up for re-election in November"), not a happening."""
        if predicate is None or predicate.pos_ != "VERB" or is_speech(predicate):
            return None
        if not asserted(predicate):
            return None
        names = self.named_participants(article, predicate)
        return (predicate.lemma_.casefold(), *names) if names else None

    def happenings(self, article: str, predicate: Any) -> list[Hashable]:
        """The happening a predicate tells (see `happening`), under its verb and, when the
        verb's object is a noun made of a verb, under that verb too: "held a rally" is a
        rally and "staged a vote" a vote, whatever verb carries the noun, so "Ellis held a
        rally in Phoenix" and "Ellis rallied supporters in Tucson" tell one happening."""
        key = self.happening(article, predicate)
        if key is None:
            return []
        lemma, *names = key
        event = next((c for c in predicate.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        nominal = verbs_of(event.lemma_.casefold()) if event is not None else set()
        return [key, *((verb, *names) for verb in sorted(nominal - {lemma}))]

    def named_participants(self, article: str, predicate: Any) -> list[str]:
        """The doer and undergoer of a predicate that the report names."""
        if predicate is None:
            return []
        undergoer = next((c for c in predicate.children if c.dep_ in {"dobj", "nsubjpass"}), None)
        return [
            p
            for t in (actor_of(predicate), undergoer)
            if t is not None
            and (p := self.participant(article, t)) is not None
            and (p.startswith("entity:") or t.pos_ == "PROPN")
        ]

    def days_of(self, article: str, predicate: Any) -> list[TimeValue]:
        """The days and instants the report hangs on the predicate."""
        return [
            t
            for t in self.times[article]
            if t.kind in {"date", "instant"}
            and (token := self.token_at(article, t.start)) is not None
            and (found := frame_of(token).predicate) is not None
            and predicate is not None
            and found.i == predicate.i
        ]

    def other_days(self, a: str, pa: Any, b: str, pb: Any) -> bool:
        """Whether the two predicates are dated, and on different days: one night's count is
        not the next night's, one day's arrest not another day's."""
        days_b = self.days_of(b, pb)
        return any(same_time(x, y) is False for x in self.days_of(a, pa) for y in days_b)

    def no_day_in_common(self, a: str, pa: Any, b: str, pb: Any) -> bool:
        """Whether both predicates are dated and share no day: the House's vote on Monday
        and the Senate's on Wednesday are two acts ("on Wednesday and Thursday" against
        "on Wednesday and Thursday" share both)."""
        days_a, days_b = self.days_of(a, pa), self.days_of(b, pb)
        return bool(days_a and days_b) and not any(
            same_time(x, y) is not False for x in days_a for y in days_b
        )

    def counted_days(self, article: str) -> set[date]:
        """Days the report tells without naming them, by counting the day or night it dates
        as the n-th of a series ("detained 60 people on Saturday night after a second night
        of unrest": there was a first night, Friday's; "another night" is a second)."""
        if article in self._counted:
            return self._counted[article]
        found: set[date] = set()
        doc = self.articles[article].doc
        for token in doc if doc is not None else ():
            rank = 2.0 if token.lower_ == "another" else parse_ordinal(token.text)
            if not token.is_alpha or rank is None or rank < 2:
                continue
            if token.head.lemma_.casefold() not in _DAYS:
                continue
            sentence = token.sent
            days = {
                t.day
                for t in self.times[article]
                if t.kind == "date" and t.day and sentence.start_char <= t.start < sentence.end_char
            }
            if len(days) == 1:
                (day,) = days
                found |= {day - timedelta(days=k) for k in range(1, int(rank))}
        self._counted[article] = found
        return found

    def background(self, article: str, sentence: Any) -> bool:
        """Whether the sentence dates something to another year than the report's ("in 1987
        another ferry sank"): what it tells is not the story's event."""
        published = self.articles[article].published
        year = published.year if published else None
        for t in self.times[article]:
            if not sentence.start_char <= t.start < sentence.end_char or not t.value:
                continue
            dated = t.kind in {"year", "decade"} or (t.kind in {"date", "month"} and year)
            if dated and (year is None or not t.value.startswith(str(year))):
                return True
        return False

    def may_be_one(self, x: str, y: str) -> bool:
        """Whether two nouns may name one thing ("vessel" / "ferry")."""
        return self.closeness(x, y) >= SAME_THING

    def closeness(self, x: str, y: str) -> float:
        """The MiniLM cosine of two words (0 without the model; 1 for one word)."""
        if x == y:
            return 1.0
        if self.embedding_package is None:
            return 0.0
        self.embed_words((x, y))
        return float(self._vectors[x] @ self._vectors[y])

    def embed_words(self, words: Iterable[str]) -> None:
        """Embed the words not embedded yet, in one call: a call of the model costs far more
        than a word, and a rule may weigh every pair of a report's words."""
        new = sorted({w for w in words if w not in self._vectors})
        if new and self.embedding_package is not None:
            vectors = embed_texts(new, self.embedding_package, threads=STAGE_TORCH_THREADS)
            self._vectors.update(zip(new, vectors, strict=True))
