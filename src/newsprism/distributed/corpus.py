"""An annotated corpus on disk: a folder of Parquet partitions and the manifest that lists
them.

The manifest is written before any partition, so a run that stops half-way leaves a folder
that says what is missing; a partition file exists only once complete (written under a
temporary name, then renamed), so a rerun skips every partition whose file is there.
A partition's file name carries a digest of its article ids: a rerun over other inputs
makes other partitions instead of taking stale ones for done.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from newsprism.errors import NewsprismError

MANIFEST = "manifest.json"
# 2: the light features read names and words off the tokens; 3: their body vector is one
# MiniLM pass over the text's opening; 4: their body vector is the static model's and their
# headline vector the title's and first sentence's (`stories.state.FEATURES_VERSION` 4). A
# folder of an older format holds features of another kind, so it is refused, not misread.
FORMAT = 4


@dataclass(frozen=True)
class Partition:
    file: str
    articles: int


@dataclass
class Manifest:
    """What a corpus folder holds: its partitions in stream order, when undated articles
    are filed (``now`` of the first run), whether the full annotation is in, and the input
    ids of copies (a copy's ref -> the kept article's ref)."""

    now: datetime
    full: bool
    partitions: list[Partition] = field(default_factory=list)
    copies: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "format": FORMAT,
            "now": self.now.isoformat(),
            "full": self.full,
            "partitions": [{"file": p.file, "articles": p.articles} for p in self.partitions],
            "copies": self.copies,
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    def missing(self, folder: Path) -> list[Partition]:
        return [p for p in self.partitions if not (folder / p.file).is_file()]


def partition_name(index: int, ids: Sequence[str]) -> str:
    digest = hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()[:12]
    return f"part-{index:05d}-{digest}.parquet"


def read_manifest(folder: Path) -> Manifest:
    """The manifest of a corpus folder; a clear error when there is none or it is broken."""
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}, not {FORMAT}")
        return Manifest(
            now=datetime.fromisoformat(data["now"]),
            full=bool(data["full"]),
            partitions=[Partition(p["file"], int(p["articles"])) for p in data["partitions"]],
            copies=dict(data.get("copies") or {}),
        )
    except FileNotFoundError:
        raise NewsprismError(
            f"{folder}: not an annotated corpus (no {MANIFEST}); write one with "
            "`newsprism batch annotate INPUT... -o FOLDER`"
        ) from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise NewsprismError(f"{path}: unreadable manifest ({error})") from None


def write_text(path: Path, text: str) -> None:
    """Write through a temporary name: a file under its final name is always whole."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def write_manifest(folder: Path, manifest: Manifest) -> None:
    write_text(folder / MANIFEST, manifest.to_json())


def complete(folder: Path) -> Manifest:
    """The manifest of a corpus every partition of which is written, else an error."""
    manifest = read_manifest(folder)
    missing = manifest.missing(folder)
    if missing:
        raise NewsprismError(
            f"{folder}: {len(missing)} of {len(manifest.partitions)} partitions are not written "
            "yet; run `newsprism batch annotate` again with the same inputs to finish it"
        )
    return manifest
