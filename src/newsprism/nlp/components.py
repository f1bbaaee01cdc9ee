"""Faster stand-ins for two of spaCy's full-level components, with the same output.

**The attribute ruler** of the English models maps each fine-grained tag to its coarse tag and
morphology, with a few exceptions keyed on the word (and on the dependency label or the next
word). spaCy runs it as a Matcher over every pattern and applies the matches in the order of
the rules, a later rule overriding an earlier one. Here every rule whose patterns name exact
values or sets of values is looked up in a table keyed on those values, the few others (regular
expressions, operators) go through a Matcher of their own, and the rules a token matches are
applied in the same order: the same annotations, for a fraction of the cost.

**The rule lemmatizer** caches a lemma under the word, its POS and its morphology, but not
the words it decides early (proper nouns, punctuation, base forms: most of a news article),
so those are worked out again on every occurrence, and each word it does work out asks
whether candidate forms are in lists of up to 57,000 words. Here every lemma is cached under
that key for the life of the process (the lemma is a function of those three: the rules read
nothing else) and the lists are sets, so it is the lemma spaCy gives.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import numpy as np

# Matcher attributes a rule's token pattern may test here: string attributes and flags.
_FLAGS = ("IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_TITLE", "IS_UPPER", "IS_LOWER")
_MATCHABLE = ("TAG", "LOWER", "ORTH", "DEP", "POS", "NORM", "LEMMA", "ENT_TYPE", *_FLAGS)


# Entries a cache keeps before it starts again, so that a long-running process (the web
# app, `watch`) stays bounded (tens of MB; a year of one outlet is far fewer distinct words).
CACHE_LIMIT = 200_000


class LookupAttributeRuler:
    """spaCy's AttributeRuler applied by table look-up (see the module doc)."""

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import IDS
        from spacy.matcher import Matcher

        self._attrs: list[dict[int, Any]] = list(ruler.attrs)
        self._indices: list[int] = list(ruler.indices)
        self._merged: dict[tuple[int, ...], dict[int, Any]] = {}
        self._strings = ruler.vocab.strings
        # One token's exact values -> rules: (attribute names) -> (values) -> rules.
        tables: dict[tuple[str, ...], dict[tuple[int, ...], list[int]]] = {}
        # Every other token test: (attribute, test) pairs, one list a pattern position.
        tests: list[list[tuple[str, _Test]]] = []
        # Patterns of tests: (rule, the test of each position, target offset).
        patterns: list[tuple[int, list[int], int]] = []
        # Anything else (operators, other predicates): spaCy's Matcher, over these alone.
        self._rest = Matcher(ruler.vocab)
        for rule, pattern in enumerate(ruler.patterns):
            index = pattern.get("index", 0)
            for tokens in pattern["patterns"]:
                try:
                    parsed = [_tests(token) for token in tokens]
                except ValueError:
                    self._rest.add(str(rule), [tokens])
                    continue
                if len(parsed) == 1 and all(test[0] == "in" for _, test in parsed[0]):
                    table = tables.setdefault(tuple(name for name, _ in parsed[0]), {})
                    for values in itertools.product(*(sorted(v) for _, (_, v) in parsed[0])):
                        table.setdefault(values, []).append(rule)
                    continue
                ids = list(range(len(tests), len(tests) + len(parsed)))
                tests.extend(parsed)
                patterns.append((rule, ids, index if index >= 0 else len(tokens) + index))
        names = sorted({*(n for key in tables for n in key), *(n for t in tests for n, _ in t)})
        self._columns = [IDS[name] for name in names]
        self._tables = [([names.index(n) for n in key], table) for key, table in tables.items()]
        self._tests = [[(names.index(n), test) for n, test in token] for token in tests]
        self._single = [(rule, ids[0]) for rule, ids, _ in patterns if len(ids) == 1]
        self._longer = [pattern for pattern in patterns if len(pattern[1]) > 1]
        # A token's own values decide its single-token rules and which tests it passes:
        # worked out once per distinct row of values.
        self._by_row: dict[tuple[int, ...], tuple[tuple[int, ...], frozenset[int]]] = {}

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return doc
        rows = doc.to_array(self._columns).reshape(len(doc), -1).tolist()
        own = [self._own(tuple(row)) for row in rows]
        matched = [list(rules) for rules, _ in own]
        if self._longer:
            passing: dict[int, list[int]] = {}
            for i, (_, passed) in enumerate(own):
                for test in passed:
                    passing.setdefault(test, []).append(i)
            for rule, (first, *rest), target in self._longer:
                for start in passing.get(first, ()):
                    if start + len(rest) < len(own) and all(
                        test in own[start + k][1] for k, test in enumerate(rest, 1)
                    ):
                        matched[start + target].append(rule)
        for match, start, end in (
            self._rest(doc, allow_missing=True, as_spans=False) if len(self._rest) else ()
        ):
            rule = int(self._strings[match])
            index = self._indices[rule]
            matched[start + index if index >= 0 else end + index].append(rule)
        for i, rules in enumerate(matched):
            if rules:
                set_token_attrs(doc[i], self._merge(rules))
        return doc

    def _own(self, row: tuple[int, ...]) -> tuple[tuple[int, ...], frozenset[int]]:
        """The single-token rules a token with these values matches, and the tests it passes."""
        known = self._by_row.get(row)
        if known is None:
            if len(self._by_row) >= CACHE_LIMIT:
                self._by_row.clear()
            rules = [
                rule
                for columns, table in self._tables
                for rule in table.get(tuple(row[c] for c in columns), ())
            ]
            passed = frozenset(
                i
                for i, token in enumerate(self._tests)
                if all(_passes(test, row[column], self._strings) for column, test in token)
            )
            rules.extend(rule for rule, test in self._single if test in passed)
            known = self._by_row[row] = (tuple(rules), passed)
        return known

    def _merge(self, rules: list[int]) -> dict[int, Any]:
        """The attributes of ``rules`` applied in order, a later rule overriding an earlier."""
        rules.sort()
        key = tuple(rules)
        merged = self._merged.get(key)
        if merged is None:
            merged = {}
            for rule in key:
                merged.update(self._attrs[rule])
            self._merged[key] = merged
        return merged


# A test of one attribute: ("in", the values' hashes) or ("regex", the compiled expression).
_Test = tuple[str, Any]


def _tests(token: dict[str, Any]) -> list[tuple[str, _Test]]:
    """One pattern position's tests as the Matcher makes them (strings as their hashes,
    booleans as 0 and 1, a regular expression searched in the attribute's string), sorted
    by attribute; ValueError for anything else."""
    tests: list[tuple[str, _Test]] = []
    for name, value in sorted(token.items()):
        name = name.upper()
        if name not in _MATCHABLE:
            raise ValueError(f"unsupported pattern attribute {name}")
        if isinstance(value, dict) and set(value) == {"REGEX"} and name not in _FLAGS:
            tests.append((name, ("regex", re.compile(value["REGEX"]))))
            continue
        sets = {"IN": "in", "NOT_IN": "not_in"}
        if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in sets:
            ((operator, options),) = value.items()
            kind = sets[operator]
        else:
            kind, options = "in", [value]
        tests.append((name, (kind, frozenset(_exact(name, option) for option in options))))
    if not tests:
        raise ValueError("empty pattern position")
    return tests


def _exact(name: str, value: Any) -> int:
    from spacy.strings import get_string_id

    if isinstance(value, bool if name in _FLAGS else str):
        return int(get_string_id(value))
    raise ValueError(f"unsupported pattern value for {name}: {value!r}")


def _passes(test: _Test, value: int, strings: Any) -> bool:
    kind, payload = test
    if kind == "in":
        return value in payload
    if kind == "not_in":
        return value not in payload
    return bool(payload.search(strings[value]))


class CachedLemmatizer:
    """spaCy's rule lemmatizer with every lemma cached (see the module doc)."""

    def __init__(self, lemmatizer: Any) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        lemmatizer.lookups = _indexed(lemmatizer.lookups)
        self._lemmatize = lemmatizer.lemmatize
        self._overwrite = bool(lemmatizer.overwrite)
        self._strings = lemmatizer.vocab.strings
        self._columns = [ORTH, POS, MORPH, LEMMA]
        self._lemma = LEMMA
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        if not len(doc):
            return doc
        rows = doc.to_array(self._columns).tolist()
        lemmas = np.empty(len(rows), dtype=np.uint64)
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self._overwrite:
                lemmas[i] = lemma
                continue
            key = (orth, pos, morph)
            cached = self._cache.get(key)
            if cached is None:
                if len(self._cache) >= CACHE_LIMIT:
                    self._cache.clear()
                cached = self._strings.add(self._lemmatize(doc[i])[0])
                self._cache[key] = cached
            lemmas[i] = cached
        doc.from_array([self._lemma], lemmas)
        return doc


def _indexed(lookups: Any) -> Any:
    """``lookups`` with each word list of the lemma index as a set: the rules ask whether a
    candidate form is in it, a scan of up to 57,000 words as a list."""
    from spacy.lookups import Lookups

    copy = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            copy.add_table(name, {key: frozenset(words) for key, words in table.items()})
        else:
            copy.set_table(name, table)
    return copy


_RULER_FACTORY = "newsprism_attribute_ruler"
_LEMMATIZER_FACTORY = "newsprism_lemmatizer"


def _register() -> None:
    from spacy.language import Language

    if Language.has_factory(_RULER_FACTORY):
        return

    @Language.factory(_RULER_FACTORY, default_config={"source": "attribute_ruler"})
    def make_ruler(nlp: Any, name: str, source: str) -> LookupAttributeRuler:
        return LookupAttributeRuler(nlp.get_pipe(source))

    @Language.factory(_LEMMATIZER_FACTORY, default_config={"source": "lemmatizer"})
    def make_lemmatizer(nlp: Any, name: str, source: str) -> CachedLemmatizer:
        return CachedLemmatizer(nlp.get_pipe(source))


def use_faster_components(nlp: Any) -> None:
    """Put the stand-ins in place of the pipeline's attribute ruler and rule lemmatizer,
    under the same names, where they give the same output (see the module doc)."""
    _register()
    if "attribute_ruler" in nlp.component_names:
        _replace(nlp, "attribute_ruler", _RULER_FACTORY)
    lemmatizer = "lemmatizer"
    if (
        lemmatizer in nlp.component_names
        and getattr(nlp.get_pipe(lemmatizer), "mode", "") == "rule"
    ):
        _replace(nlp, lemmatizer, _LEMMATIZER_FACTORY)


def _replace(nlp: Any, name: str, factory: str) -> None:
    """The component built by ``factory`` from ``name`` takes its place and its name."""
    disabled = name in nlp.disabled
    nlp.add_pipe(factory, name=f"{factory}_new", after=name, config={"source": name})
    nlp.remove_pipe(name)
    nlp.rename_pipe(f"{factory}_new", name)
    if disabled:
        nlp.disable_pipe(name)
