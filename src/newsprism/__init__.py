"""newsprism: compare news reports of one event across outlets.

The public API, in the order of the data flow::

    import newsprism

    articles = newsprism.read_articles(["a.txt", "b.txt"])
    print(newsprism.to_markdown(newsprism.compare(articles)))

Every name is imported on first use (PEP 562): ``import newsprism`` loads neither the models
(spaCy, torch) nor the index (faiss), the database or the HTML parser, so a script or the
command line that needs one verb pays only for that one.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from newsprism.version import __version__

# Where each public name lives. A name is looked up in its module on first access and then
# kept in this module's globals, so later accesses cost nothing.
_MODULES: dict[str, tuple[str, ...]] = {
    # The verbs, in the order of the data flow.
    "newsprism.ingest": ("Collection", "read_articles"),
    "newsprism.nlp": ("annotate",),
    "newsprism.comparison": ("compare",),
    "newsprism.summary": ("summarize",),
    "newsprism.stories": ("cluster",),
    "newsprism.store": ("Store",),
    "newsprism.report": ("to_html", "to_markdown"),
    # Settings and the data types every stage takes and returns.
    "newsprism.config": ("Settings",),
    "newsprism.model": (
        "Article",
        "ArticleRef",
        "Assignment",
        "Claim",
        "Cluster",
        "DocumentSet",
        "Comparison",
        "Discrepancy",
        "Dispute",
        "Entity",
        "Fact",
        "Feed",
        "FramingTerm",
        "Mention",
        "Quote",
        "QuoteOccurrence",
        "RawArticle",
        "Removal",
        "Segment",
        "Sentence",
        "Span",
        "Story",
        "Summary",
        "SummarySentence",
        "TimelineEvent",
        "json_schema",
    ),
    # Every public error (also in `newsprism.errors`).
    "newsprism.errors": (
        "DatabaseBusyError",
        "InputError",
        "NewsprismError",
        "NotAnnotatedError",
        "Problem",
        "StaleStoryError",
        "UnrelatedArticlesError",
    ),
}
_LAZY = {name: module for module, names in _MODULES.items() for name in names}

__all__ = [
    "Article",
    "ArticleRef",
    "Assignment",
    "Claim",
    "Cluster",
    "Collection",
    "Comparison",
    "DatabaseBusyError",
    "Discrepancy",
    "Dispute",
    "DocumentSet",
    "Entity",
    "Fact",
    "Feed",
    "FramingTerm",
    "InputError",
    "Mention",
    "NewsprismError",
    "NotAnnotatedError",
    "Problem",
    "Quote",
    "QuoteOccurrence",
    "RawArticle",
    "Removal",
    "Segment",
    "Sentence",
    "Settings",
    "Span",
    "StaleStoryError",
    "Store",
    "Story",
    "Summary",
    "SummarySentence",
    "TimelineEvent",
    "UnrelatedArticlesError",
    "__version__",
    "annotate",
    "cluster",
    "compare",
    "json_schema",
    "read_articles",
    "summarize",
    "to_html",
    "to_markdown",
]

if TYPE_CHECKING:
    # What type checkers and IDEs see; at run time `__getattr__` does the importing.
    from newsprism.comparison import compare
    from newsprism.config import Settings
    from newsprism.errors import (
        DatabaseBusyError,
        InputError,
        NewsprismError,
        NotAnnotatedError,
        Problem,
        StaleStoryError,
        UnrelatedArticlesError,
    )
    from newsprism.ingest import Collection, read_articles
    from newsprism.model import (
        Article,
        ArticleRef,
        Assignment,
        Claim,
        Cluster,
        Comparison,
        Discrepancy,
        Dispute,
        DocumentSet,
        Entity,
        Fact,
        Feed,
        FramingTerm,
        Mention,
        Quote,
        QuoteOccurrence,
        RawArticle,
        Removal,
        Segment,
        Sentence,
        Span,
        Story,
        Summary,
        SummarySentence,
        TimelineEvent,
        json_schema,
    )
    from newsprism.nlp import annotate
    from newsprism.report import to_html, to_markdown
    from newsprism.store import Store
    from newsprism.stories import cluster
    from newsprism.summary import summarize


if not TYPE_CHECKING:
    # Hidden from type checkers: they see the names imported above, and a module-level
    # __getattr__ would make them accept any misspelt name as well.

    def __getattr__(name: str) -> Any:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
