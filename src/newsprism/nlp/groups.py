"""Disjoint sets (union-find): entity mentions, aligned sentences and quote occurrences
are grouped with the one implementation here."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind(Generic[T]):
    """Sets of items, each item its own set until joined; roots found with path halving."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._parent: dict[T, T] = {item: item for item in items}

    def find(self, item: T) -> T:
        """The root of the item's set (an item not seen before becomes a set of its own)."""
        parent = self._parent
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: T, b: T) -> T:
        """Join ``a``'s set into ``b``'s; the root of the joined set, which is ``b``'s root
        (so a caller keeping data per set knows where ``a``'s data goes)."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self._parent[root_a] = root_b
        return root_b

    def roots(self) -> list[T]:
        """One item per set, its root, in the order the items were first seen."""
        return [item for item in list(self._parent) if self.find(item) == item]
