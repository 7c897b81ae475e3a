"""Near-duplicate detection (syndicated wire copy) with MinHash and LSH."""

from __future__ import annotations

import re
import zlib

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = ["DuplicateIndex", "MinHash", "from_bytes", "signature", "to_bytes"]

NUM_PERM = 64
SCHEME = "affine32"
SHINGLE_WORDS = 5
DUPLICATE_WINDOW = 5_000  # articles kept in the near-duplicate index
_WORD = re.compile(r"\w+")
# Made once: datasketch draws the permutations anew for every MinHash otherwise. crc32 hashes
# shingles several times faster than the default sha1 and is stable across processes.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def signature(text: str) -> MinHash:
    """MinHash of the text's 5-word shingles (case-folded)."""
    words = _WORD.findall(text.casefold())
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS])
        for i in range(max(1, len(words) - SHINGLE_WORDS + 1))
    }
    minhash = MinHash(
        num_perm=NUM_PERM, hashfunc=zlib.crc32, permutations=_PERMUTATIONS, scheme=SCHEME
    )
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return bytes(np.asarray(minhash.hashvalues, dtype=np.uint32).tobytes())


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype=np.uint32)
    return MinHash(
        num_perm=len(values), hashvalues=values.copy(), permutations=_PERMUTATIONS, scheme=SCHEME
    )


class DuplicateIndex:
    """Finds a recently indexed article whose text nearly equals a new one.

    Only the ``window`` most recently added articles are kept, so memory stays flat however
    long the stream: wire copies run within hours or days of each other.
    """

    def __init__(self, threshold: float = 0.8, window: int = DUPLICATE_WINDOW) -> None:
        self.threshold = threshold
        self.window = window
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, np.ndarray] = {}  # insertion order: oldest first

    def add(self, article_id: str, minhash: MinHash) -> None:
        if article_id in self._signatures:
            self._forget(article_id)
        self._lsh.insert(article_id, minhash)
        self._signatures[article_id] = np.asarray(minhash.hashvalues, dtype=np.uint32)
        while len(self._signatures) > self.window:
            self._forget(next(iter(self._signatures)))

    def _forget(self, article_id: str) -> None:
        self._lsh.remove(article_id)
        del self._signatures[article_id]

    def original_of(self, article_id: str, minhash: MinHash) -> str | None:
        """The most similar indexed article above the threshold, other than itself."""
        values = np.asarray(minhash.hashvalues, dtype=np.uint32)
        best: tuple[float, str] | None = None
        for candidate in self._lsh.query(minhash):
            if candidate == article_id:
                continue
            score = float(np.mean(values == self._signatures[candidate]))
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, candidate)
        return None if best is None else best[1]
