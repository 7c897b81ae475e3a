"""Metadata that neither the cleaner nor the HTML extractor gives: language, outlet, hash."""

from __future__ import annotations

import hashlib
import lzma
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from platformdirs import user_cache_path

from triangulate.core.files import write_atomically

LANGUAGE_SAMPLE_CHARS = 1000
MIN_LANGUAGE_CONFIDENCE = 0.5
_COPYRIGHT = re.compile(
    r"©\s*(?:\d{4}\s*[,.]?\s*)?(?:by\s+)?(?P<name>[A-Z][\w&.' -]{1,40}?)"
    r"(?:[.,]|\s+\d{4}\b|\s+(?:and|all)\b|$)"
)
_BY_OUTLET = re.compile(
    r"^By (?P<name>[A-Z][\w&.' -]{1,40}?) (?:with|and) (?:AP|AFP|Reuters|dpa)\b"
)


def content_hash(text: str) -> str:
    """A hash of the clean text that ignores case and white space differences."""
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's identifier, loaded once per process.

    py3langid ~15x faster than lingua here at the same answers on news text (docs/benchmarks.md,
    "Language identification"). Its model ships LZMA-compressed: unpacking it costs two thirds
    of a CPU-second in every process, so it is unpacked once into the user cache directory and
    read from there (any problem with the cache: unpacked as py3langid does it).
    """
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = MODEL_DIR / MODEL_FILE
    try:
        return _from_unpacked(LanguageIdentifier, _unpacked(model))
    except Exception:
        return LanguageIdentifier.from_modelpath(model, norm_probs=True)


def _unpacked(model: Path) -> Path:
    """The model decompressed into the user cache (made on first use), named by its size and
    modification time so that another py3langid version gets its own."""
    stat = model.stat()
    cached = user_cache_path("triangulate") / f"py3langid-{stat.st_size}-{stat.st_mtime_ns}.npz"
    if not cached.is_file():
        with lzma.open(model) as packed:
            write_atomically(cached, packed.read())
    return cached


def _from_unpacked(identifier: Any, path: Path) -> Any:
    """What ``LanguageIdentifier.from_modelpath`` builds, from the unpacked arrays."""
    import numpy as np
    from py3langid.modelio import _to_array

    with np.load(path, allow_pickle=False) as data:
        return identifier(
            np.asarray(data["ptc"]),
            np.asarray(data["pc"]),
            data["classes"].tolist(),
            _to_array(data["nextmove"]),
            data["out_feat"].tolist(),
            norm_probs=True,
            tk_row=_to_array(data["nextmove_row"]),
        )


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot be told."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if len(sample.split()) < 3:
        return None
    language, confidence = _identifier().classify(sample)
    return str(language) if confidence >= MIN_LANGUAGE_CONFIDENCE else None


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def outlet_from_lines(lines: list[str]) -> str | None:
    """An outlet named in boilerplate: a copyright line or an agency byline."""
    for line in lines:
        for pattern in (_COPYRIGHT, _BY_OUTLET):
            match = pattern.search(line.strip())
            if match:
                return match.group("name").strip()
    return None
