"""A vote's tally names the vote: two reports giving one tally ("396-9") tell one vote,
whatever verb each uses for it ("It passed in a 396-9 vote" / "the House voted 396-9"), so
the days they give it are claims about one event.

In each report the tally counts a vote (the verb "vote", or the noun "vote" it qualifies)
and hangs on a predicate; the report's day for that happening is the one day it gives any
asserted verb of that lemma, outside statements ("The resolution passed Tuesday … It passed
in a 396-9 vote"). A report that gives that verb two days, or the tally to two votes, is not
clear and says nothing. Two reports with one tally whose days for it cannot both hold
contradict each other even when one names the other's day for something else (the speech
about the vote, the next day): the tally, not the day, says which event is meant.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprism.comparison.discrepancies.evidence import Evidence
from newsprism.comparison.discrepancies.frames import asserted, frame_of, is_speech
from newsprism.comparison.discrepancies.times import same_weekday
from newsprism.model import Claim, Discrepancy
from newsprism.nlp import TimeValue, same_time

# "396-9", "52–48", "228 to 191": the yeas and nays of one vote.
_TALLY = re.compile(r"(?<![\w.,$/-])(\d{1,3}) ?(?:-|–|to) ?(\d{1,3})(?![\w.,%/-])")


def tallied_days(evidence: Evidence, articles: Sequence[str]) -> list[Discrepancy]:
    """Days of one tallied vote that two reports give otherwise."""
    days = {article: _days(evidence, article) for article in articles}
    found = []
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            for tally in days[a].keys() & days[b].keys():
                ta, tb = days[a][tally], days[b][tally]
                if same_time(ta, tb) is not False or same_weekday(ta, tb):
                    continue
                found.append(
                    Discrepancy(
                        kind="date",
                        description=f"different dates for the {'-'.join(tally)} vote",
                        claims=[
                            Claim.on(
                                evidence.articles[a].span(ta.start, ta.end), ta.value, ta.text
                            ),
                            Claim.on(
                                evidence.articles[b].span(tb.start, tb.end), tb.value, tb.text
                            ),
                        ],
                    )
                )
    return found


def _days(evidence: Evidence, article: str) -> dict[tuple[str, str], TimeValue]:
    """Each tally the report gives one vote, with the one day it gives that vote."""
    lemmas: dict[tuple[str, str], set[str]] = {}
    for match in _TALLY.finditer(evidence.articles[article].text):
        token = evidence.token_at(article, match.start())
        if token is None or evidence.is_quoted(article, match.start()):
            continue
        frame = frame_of(token)
        if frame.predicate is None or "vote" not in {token.head.lemma_.casefold(), frame.lemma}:
            continue
        lemmas.setdefault((match.group(1), match.group(2)), set()).add(frame.lemma)
    found = {}
    for tally, lemma in lemmas.items():
        dated = [
            t
            for t in evidence.times[article]
            if t.kind == "date" and _dates(evidence, article, t, lemma)
        ]
        if len(lemma) == 1 and dated and all(same_time(t, dated[0]) for t in dated):
            found[tally] = dated[0]
    return found


def _dates(evidence: Evidence, article: str, value: TimeValue, lemmas: set[str]) -> bool:
    """Whether the day is the time of an asserted happening of one of the lemmas."""
    token = evidence.token_at(article, value.start)
    frame = frame_of(token) if token is not None else None
    if (
        frame is None
        or frame.lemma not in lemmas
        or not frame.role.startswith(("prep:", "npadvmod"))
    ):
        return False
    return asserted(frame.predicate) and not is_speech(frame.predicate)
