"""Who or where, as a discrepancy shows it: the named entities filling one role of an
event, and the discrepancy between two such fillers."""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.model import Article, Claim, Discrepancy, DiscrepancyKind, Entity


@dataclass(frozen=True)
class Filler:
    """The named entities filling one role, and the stretch of text that names them."""

    entities: tuple[Entity, ...]
    start: int
    end: int
    surfaces: tuple[str, ...] = ()  # the names as written ("Gingrich")
    joiner: str = " and "  # people act together; places nest ("Da Nang, Vietnam")
    starts: tuple[int, ...] = ()  # where each surface begins

    @property
    def names(self) -> set[str]:
        return {e.name for e in self.entities}

    def value(self) -> str:
        return self.joiner.join(e.name for e in self.entities)


def place_discrepancy(verb: str, a: Article, fa: Filler, b: Article, fb: Filler) -> Discrepancy:
    description = f"different places for '{verb}': {fa.value()} / {fb.value()}"
    return discrepancy("place", description, a, fa, b, fb)


def discrepancy(
    kind: DiscrepancyKind, description: str, a: Article, fa: Filler, b: Article, fb: Filler
) -> Discrepancy:
    claims = [
        Claim(
            article=article.id,
            start=filler.start,
            end=filler.end,
            text=article.text[filler.start : filler.end],
            value=filler.value(),
        )
        for article, filler in ((a, fa), (b, fb))
    ]
    return Discrepancy(kind=kind, description=description, claims=claims)
