"""py3langid's byte scan in numpy: the same feature counts, several times faster.

py3langid counts the byte n-gram features of a text by walking an Aho-Corasick automaton one
byte at a time in a Python loop, which costs more than the rest of its classification. In
such an automaton the state after a byte is the longest suffix of the bytes read so far that
is a node of its trie, so it depends only on the last ``depth`` bytes (the trie's depth). The
state at every position is therefore the state reached from the start over the ``depth``
bytes ending there, and all positions advance together: ``depth`` vectorised steps instead
of one Python step per byte. The features come out in the order of their first occurrence,
as py3langid's ``Counter`` has them, so the scores are the same floating-point sums.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

Counts = tuple[npt.NDArray[np.intp], npt.NDArray[np.float32]]  # features, their counts
MAX_DEPTH = 16  # deeper tries are left to py3langid's own loop


def trie_depth(nextmove: npt.NDArray[Any], rows: npt.NDArray[Any]) -> int:
    """The most bytes needed to reach any state from the start state (breadth first)."""
    table = nextmove.reshape(-1, 256)
    seen = np.zeros(len(rows), dtype=bool)
    seen[0] = True
    frontier, depth = np.array([0]), 0
    while True:
        used_rows = np.zeros(len(table), dtype=bool)
        used_rows[rows[frontier]] = True
        reached = np.zeros(len(rows), dtype=bool)
        reached[table[used_rows].ravel()] = True
        new = reached & ~seen
        if not new.any():
            return depth
        depth += 1
        seen |= new
        frontier = np.flatnonzero(new)


class ByteScan:
    """Feature counts of a byte string as py3langid's ``visit_counts`` gives them."""

    def __init__(
        self,
        nextmove: npt.NDArray[Any],
        rows: npt.NDArray[Any],
        features: npt.NDArray[Any],
        depth: int,
    ) -> None:
        # plain arrays over the mapped ones (the same memory): indexing a np.memmap goes
        # through its Python-level __getitem__, several times per text
        self.nextmove = np.asarray(nextmove)
        self.row_start = np.asarray(rows, dtype=np.int64) << 8
        self.features = np.asarray(features, dtype=np.int64)
        self.depth = depth

    def counts(self, data: bytes) -> Counts | None:
        """Each feature met (first met first) and how often, or None when there is none."""
        if not data:
            return None
        letters = np.frombuffer(data, dtype=np.uint8)
        size = len(letters)
        states = np.zeros(size, dtype=np.int64)
        # step ``back``: every position reads the byte ``back`` places before it (positions
        # nearer the start than that have fewer bytes behind them and wait at the start state)
        for back in range(min(self.depth, size) - 1, -1, -1):
            moving = states[back:]
            states[back:] = self.nextmove[self.row_start[moving] + letters[: size - back]]
        found = self.features[states]
        found = found[found >= 0]
        if not found.size:
            return None
        features, first, counts = np.unique(found, return_index=True, return_counts=True)
        order = np.argsort(first)
        return features[order].astype(np.intp), counts[order].astype(np.float32)


def fast_identifier(base: type[Any], scan: ByteScan, *args: Any, **kwargs: Any) -> Any:
    """A py3langid ``LanguageIdentifier`` (``base``, built with ``args``) that counts its
    features with ``scan``; everything else is py3langid's own."""

    class ScanningIdentifier(base):  # type: ignore[misc, valid-type]
        __slots__ = ("scan",)

        def _raw_score(self, text: bytes) -> Any:
            found = self.scan.counts(text)
            if found is None:
                return super()._raw_score(b"")  # py3langid's answer for a featureless text
            features, counts = found
            return np.log1p(counts) @ self.nb_ptc[features] + self.nb_pc

    identifier = ScanningIdentifier(*args, **kwargs)
    identifier.scan = scan
    return identifier
