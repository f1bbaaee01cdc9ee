"""Approximate nearest-neighbour search over story centroids, so that clustering an article
costs about the same with 100 stories or 100,000.

The index is a faiss HNSW graph (``IndexHNSWFlat``, inner product on unit vectors): search
and insertion cost O(log n), with no training step, so it works from the first story of a
stream. The alternatives were worse here: a flat index is exact but costs O(n) per article;
an IVF index needs training on data that a stream does not have yet, and its lists go stale
as the stream drifts.

HNSW cannot delete a vector, but a story's centroid moves every time it grows. So an update
adds the new centroid under a fresh internal id and tombstones the old one: a bitmap of live
ids is passed to every search as an ``IDSelectorBitmap``, so the graph search skips the
stale copies instead of returning them (they would otherwise crowd a big story's neighbours
out of the top k). When the stale copies outnumber the live ones the graph is rebuilt from
the live vectors, which keeps memory and search time bounded at an amortized O(1) per update.

While the stories are few (`FLAT_LIMIT`) no graph is built: a search scans every live
centroid, kept in one matrix by slot, and an update writes its row. That is exact, and
cheaper than the graph at that size: on the DUC 2007 stream (about 1,100 stories a pass) the
graph's searches and insertions were about a quarter of the clustering's CPU, and the exact
candidates gave the same stories on the three story sets (docs/performance.md). The scan
scores `SCAN_ROWS` keys a product, so that numpy's BLAS stays on one thread. Past the limit
the live centroids go into the graph, which serves from then on.
"""

from __future__ import annotations

import faiss
import numpy as np

# Graph degree and build/search breadth. Measured on 10^5 random unit vectors (the hardest
# case: no cluster structure), the true nearest story is among the top 20 for 0.67 of queries
# at efSearch 64, 0.88 at 128 and 0.98 at 256 with 16 links per node (1.7 ms a search); 32
# links reach 0.99 at efSearch 64 but take 2.7 times longer to build, which every run that
# restores stored stories pays. Real centroids, which do cluster, are easier.
HNSW_M = 16
EF_CONSTRUCTION = 40
EF_SEARCH = 256
# Live stories up to which a search scans them all (module doc). A scan of this many
# 640-dimensional keys costs about what a graph search at `EF_SEARCH` does.
FLAT_LIMIT = 4096
# Keys scored per matrix product in a scan: on larger ones numpy's OpenBLAS starts its second
# thread, which spins and costs several times the CPU on a busy machine (docs/performance.md).
SCAN_ROWS = 256


class StoryIndex:
    """Story slots (small integers) by their current unit vector; upsert, remove, search:
    an exact scan up to ``flat_limit`` live stories, the graph beyond (module doc)."""

    def __init__(
        self, dim: int, *, ef_search: int = EF_SEARCH, flat_limit: int = FLAT_LIMIT
    ) -> None:
        self.dim = dim
        self.ef_search = ef_search
        self.flat_limit = flat_limit
        # The live stories' keys in their first rows, and each row's slot.
        self._keys = np.zeros((64, dim), dtype=np.float32)
        self._slots = np.zeros(64, dtype=np.int64)
        self._rows: dict[int, int] = {}  # slot -> row
        self._graph = _Graph(dim, ef_search) if flat_limit <= 0 else None

    def __len__(self) -> int:
        return len(self._graph) if self._graph is not None else len(self._rows)

    def __contains__(self, slot: int) -> bool:
        if self._graph is not None:
            return slot in self._graph
        return slot in self._rows

    @property
    def stale(self) -> int:
        """Tombstoned copies still in the graph (none before it is built)."""
        return self._graph.stale if self._graph is not None else 0

    def upsert(self, slot: int, vector: np.ndarray) -> None:
        """Set (or move) story ``slot`` to ``vector``."""
        self.upsert_many([slot], np.asarray(vector, dtype=np.float32).reshape(1, self.dim))

    def upsert_many(self, slots: list[int], vectors: np.ndarray) -> None:
        """Set (or move) many stories at once (rebuilding a clusterer from stored stories)."""
        if self._graph is not None:
            self._graph.upsert_many(slots, vectors)
            return
        rows = self._rows
        for slot, vector in zip(slots, np.asarray(vectors, dtype=np.float32), strict=True):
            row = rows.get(slot)
            if row is None:
                row = rows[slot] = len(rows)
                if row == len(self._keys):
                    self._keys = np.concatenate([self._keys, np.zeros_like(self._keys)])
                    self._slots = np.concatenate([self._slots, np.zeros_like(self._slots)])
                self._slots[row] = slot
            self._keys[row] = vector
        if len(rows) > self.flat_limit:
            self._graph = _Graph(self.dim, self.ef_search)
            self._graph.upsert_many(self._slots[: len(rows)].tolist(), self._keys[: len(rows)])
            self._keys, self._slots, self._rows = self._keys[:0], self._slots[:0], {}

    def remove(self, slot: int) -> None:
        """Forget story ``slot`` (no-op if absent)."""
        if self._graph is not None:
            self._graph.remove(slot)
            return
        row = self._rows.pop(slot, None)
        last = len(self._rows)
        if row is not None and row != last:  # the last row fills the gap
            self._keys[row] = self._keys[last]
            self._slots[row] = moved = self._slots[last]
            self._rows[int(moved)] = row

    def vector(self, slot: int) -> np.ndarray:
        """The key story ``slot`` is indexed under."""
        if self._graph is not None:
            return self._graph.vector(slot)
        return self._keys[self._rows[slot]].copy()

    def search(self, vector: np.ndarray, k: int) -> list[int]:
        """Up to ``k`` live story slots, most similar first."""
        if self._graph is not None:
            return self._graph.search(vector, k)
        count = len(self._rows)
        k = min(k, count)
        if k <= 0:
            return []
        query = np.asarray(vector, dtype=np.float32).reshape(self.dim)
        scores = np.concatenate(
            [
                self._keys[first : min(first + SCAN_ROWS, count)] @ query
                for first in range(0, count, SCAN_ROWS)
            ]
        )
        top = np.argpartition(-scores, k - 1)[:k]
        slots = self._slots[top]
        # Most similar first; equals by slot, so that a run is reproducible.
        return [int(slot) for slot in slots[np.lexsort((slots, -scores[top]))]]


class _Graph:
    """The HNSW graph with tombstones (module doc)."""

    def __init__(self, dim: int, ef_search: int) -> None:
        self.dim = dim
        self.ef_search = ef_search
        self._reset()

    def _reset(self) -> None:
        self._index = faiss.IndexHNSWFlat(self.dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        self._index.hnsw.efConstruction = EF_CONSTRUCTION
        self._slot_of: list[int] = []  # internal id -> story slot
        self._internal: dict[int, int] = {}  # story slot -> its live internal id
        self._live = np.zeros(64, dtype=np.uint8)  # bitmap over internal ids

    def __len__(self) -> int:
        return len(self._internal)

    def __contains__(self, slot: int) -> bool:
        return slot in self._internal

    @property
    def stale(self) -> int:
        """Tombstoned copies still in the graph."""
        return self._index.ntotal - len(self._internal)

    def _set_live(self, internal: int, live: bool) -> None:
        byte, bit = divmod(internal, 8)
        if byte >= len(self._live):
            grown = np.zeros(max(2 * len(self._live), byte + 1), dtype=np.uint8)
            grown[: len(self._live)] = self._live
            self._live = grown
        if live:
            self._live[byte] |= np.uint8(1 << bit)
        else:
            self._live[byte] &= np.uint8(~(1 << bit) & 0xFF)

    def _append(self, slots: list[int], vectors: np.ndarray) -> None:
        first = self._index.ntotal
        self._index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        for offset, slot in enumerate(slots):
            self._slot_of.append(slot)
            self._internal[slot] = first + offset
            self._set_live(first + offset, True)

    def upsert_many(self, slots: list[int], vectors: np.ndarray) -> None:
        for slot in slots:
            self.remove(slot)
        if slots:
            self._append(list(slots), np.asarray(vectors, dtype=np.float32))
        if self.stale > max(len(self._internal), 1024):
            self._rebuild()

    def remove(self, slot: int) -> None:
        internal = self._internal.pop(slot, None)
        if internal is not None:
            self._set_live(internal, False)

    def _rebuild(self) -> None:
        slots = list(self._internal)
        ids = np.fromiter((self._internal[s] for s in slots), dtype=np.int64, count=len(slots))
        vectors = self._index.reconstruct_batch(ids) if len(ids) else np.zeros((0, self.dim))
        self._reset()
        self.upsert_many(slots, vectors)

    def vector(self, slot: int) -> np.ndarray:
        return np.asarray(self._index.reconstruct(self._internal[slot]))

    def search(self, vector: np.ndarray, k: int) -> list[int]:
        if not self._internal or k <= 0:
            return []
        selector = faiss.IDSelectorBitmap(self._index.ntotal, faiss.swig_ptr(self._live))
        # Built by SWIG; faiss's type stubs do not list it.
        params = faiss.SearchParametersHNSW(  # type: ignore[attr-defined]
            sel=selector, efSearch=max(self.ef_search, k)
        )
        query = np.asarray(vector, dtype=np.float32).reshape(1, self.dim)
        _, found = self._index.search(query, min(k, len(self._internal)), params=params)
        return [self._slot_of[i] for i in found[0] if i >= 0]
