"""Bytes to text, for every input (plain text and HTML): BOMs, UTF-8, a declared charset,
then charset detection; binary data is refused."""

from __future__ import annotations

import codecs
import gzip
import io
import zlib

from charset_normalizer import from_bytes

from triangulate.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
PREFERRED_ON_TIE = ("utf_8", "cp1252", "latin_1", "iso8859_15")
_CONTROL = bytes(range(0, 9)) + bytes([11, 12]) + bytes(range(14, 32))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB (UTF-16/32 with a BOM excepted)."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return bool(head) and controls / len(head) > 0.05


def gunzip(data: bytes, source: str, limit: int) -> bytes:
    """Decompress gzip data, refusing archives that inflate past ``limit`` bytes."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out: bytes = handle.read(limit + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(
            source, f"is not valid gzip ({error})", "re-download or unpack it"
        ) from error
    if len(out) > limit:
        raise InputError(
            source, f"inflates past the size limit of {limit:,} bytes", "raise --max-bytes"
        )
    return out


def decode_text(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode bytes as text (plain or HTML): a BOM, UTF-8, the declared charset, then
    detection. Valid UTF-8 wins over a declaration: pages often declare a charset they are
    not written in, and text that decodes as UTF-8 by chance is rare."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if looks_binary(data):
        raise InputError(
            source, "looks like binary data, not text", "pass text, HTML, WARC or JSONL"
        )
    for encoding in [e for e in ("utf-8", declared) if e]:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    detected = _detect(data)
    if detected is None:
        raise InputError(source, "cannot be decoded as text", "convert it to UTF-8")
    return data.decode(detected, errors="replace")


def _detect(data: bytes) -> str | None:
    """charset-normalizer's guess; among equally good guesses, the common Western one wins."""
    results = list(from_bytes(data[:200_000]))
    if not results:
        return None
    best = results[0]
    for result in results:
        tie = result.chaos <= best.chaos and result.coherence >= best.coherence
        if tie and result.encoding in PREFERRED_ON_TIE:
            return str(result.encoding)
    return str(best.encoding)
