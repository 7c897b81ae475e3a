"""Near-duplicate detection (syndicated wire copy) with MinHash and LSH, in numpy.

A signature is 64 minimum hash values of the text's 5-word shingles (crc32, mixed by the
MurmurHash3 finalizer, then 64 affine permutations modulo 2^32). The values are bit for bit
those of datasketch's ``MinHash(num_perm=64, hashfunc=zlib.crc32, scheme="affine32")``, which
the project used before, so signatures stored by earlier versions stay valid. The LSH index
cuts a signature into ``bands`` bands of ``rows`` values; two texts are candidates when one
band is equal, and a candidate is a copy when the share of equal values reaches the threshold.
The bands are short enough that a text at the threshold is a candidate 99 times in 100.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np
import numpy.typing as npt

__all__ = ["DuplicateIndex", "MinHash", "from_bytes", "lsh_bands", "signature", "to_bytes"]

MinHash = npt.NDArray[np.uint32]  # one signature: NUM_PERM hash values

NUM_PERM = 64
SEED = 1
SHINGLE_WORDS = 5
DUPLICATE_WINDOW = 5_000  # articles kept in the near-duplicate index
CANDIDATE_RECALL = 0.99  # chance that a text at the threshold is looked at (see lsh_bands)
_WORD = re.compile(r"\w+")


def _permutations(count: int, seed: int) -> tuple[MinHash, MinHash]:
    """Affine permutations h -> a*h + b (mod 2^32) with odd ``a`` (bijections), drawn as
    datasketch draws them for its "affine32" scheme."""
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, count, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, count, dtype=np.uint32)
    return a, b


_A, _B = _permutations(NUM_PERM, SEED)


def _fmix32(values: MinHash) -> MinHash:
    """The MurmurHash3 finalizer: spreads crc32 values over the 32 bits (a bijection)."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def shingles(text: str) -> list[str]:
    """The text's case-folded 5-word shingles in order, repeats kept (the whole text when
    it is shorter): a repeated shingle hashes the same, so the minimums need no set."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return [" ".join(words)]
    following = (words[start:] for start in range(SHINGLE_WORDS))
    return list(map(" ".join, zip(*following, strict=False)))


def signature(text: str) -> MinHash:
    """MinHash signature of the text's 5-word shingles."""
    found = shingles(text)
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, found)), dtype=np.uint32, count=len(found))
    mixed = _fmix32(hashes).reshape(-1, 1)
    return np.asarray((mixed * _A + _B).min(axis=0), dtype=np.uint32)


def to_bytes(minhash: MinHash) -> bytes:
    return np.asarray(minhash, dtype=np.uint32).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return np.frombuffer(data, dtype=np.uint32).copy()


@lru_cache(maxsize=8)
def lsh_bands(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows per band): the longest bands that still make a text exactly at the
    threshold a candidate with chance ``CANDIDATE_RECALL``. A candidate is then checked on its
    whole signature, so a false one costs one comparison, while a missed one is a wire copy
    counted as a source of its own. (datasketch's equal weighing of the two picked 5 bands of
    11 at 0.8, which makes a text at 0.8 a candidate one time in three; docs/benchmarks.md.)"""
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if 1.0 - (1.0 - threshold**rows) ** bands >= CANDIDATE_RECALL:
            return bands, rows
    return num_perm, 1


class DuplicateIndex:
    """Finds a recently indexed article whose text nearly equals a new one.

    Only the ``window`` most recently added articles are kept, so memory stays flat however
    long the stream: wire copies run within hours or days of each other.
    """

    def __init__(
        self,
        threshold: float = 0.8,
        window: int = DUPLICATE_WINDOW,
        shape: tuple[int, int] | None = None,
    ) -> None:
        """``shape``: (bands, rows per band), :func:`lsh_bands` of the threshold by default."""
        self.threshold = threshold
        self.window = window
        self.bands, self.rows = shape or lsh_bands(threshold)
        self._buckets: list[dict[bytes, set[str]]] = [{} for _ in range(self.bands)]
        self._signatures: dict[str, MinHash] = {}  # insertion order: oldest first

    def _keys(self, minhash: MinHash) -> list[bytes]:
        return [
            minhash[band * self.rows : (band + 1) * self.rows].tobytes()
            for band in range(self.bands)
        ]

    def add(self, article_id: str, minhash: MinHash) -> None:
        if article_id in self._signatures:
            self._forget(article_id)
        values = np.asarray(minhash, dtype=np.uint32)
        for bucket, key in zip(self._buckets, self._keys(values), strict=True):
            bucket.setdefault(key, set()).add(article_id)
        self._signatures[article_id] = values
        while len(self._signatures) > self.window:
            self._forget(next(iter(self._signatures)))

    def _forget(self, article_id: str) -> None:
        values = self._signatures.pop(article_id)
        for bucket, key in zip(self._buckets, self._keys(values), strict=True):
            members = bucket[key]
            members.discard(article_id)
            if not members:
                del bucket[key]

    def candidates(self, minhash: MinHash) -> set[str]:
        """Indexed articles sharing at least one band with the signature."""
        found: set[str] = set()
        for bucket, key in zip(self._buckets, self._keys(minhash), strict=True):
            found |= bucket.get(key, set())
        return found

    def original_of(self, article_id: str, minhash: MinHash) -> str | None:
        """The most similar indexed article above the threshold, other than itself."""
        values = np.asarray(minhash, dtype=np.uint32)
        best: tuple[float, str] | None = None
        for candidate in sorted(self.candidates(values)):
            if candidate == article_id:
                continue
            score = float(np.mean(values == self._signatures[candidate]))
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, candidate)
        return None if best is None else best[1]
