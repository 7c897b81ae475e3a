"""Bytes to text, for every input (plain text and HTML): BOMs, UTF-8, a declared charset,
then charset detection; binary data is refused."""

from __future__ import annotations

import codecs
import gzip
import io
import zlib
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from triangulate.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
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
        raise inflated_past(source, limit)
    return out


def inflated_past(source: str, limit: int) -> InputError:
    """The error of compressed data that inflates past ``limit`` bytes."""
    return InputError(
        source, f"inflates past the size limit of {limit:,} bytes", "raise --max-bytes"
    )


class GunzippedStream(io.RawIOBase):
    """``raw``'s bytes inflated when they are gzip (any number of members, as WARC files are
    written: one per record or one for all), else as they are; a read gives at most 256 KiB.

    For a WARC held in memory (an upload): inflated whole first, one cut short was refused
    whole. Here it is inflated as far as the data goes, every byte before the cut, so the
    whole records before it are read and only the cut one is told truncated. A broken member
    ends the stream the same way; so does ``limit`` inflated bytes, with ``cut_at_limit`` set.
    (A WARC file is inflated by the WARC reader itself, which keeps the whole records of a
    cut file too, and faster.)"""

    _CHUNK = 256 * 1024

    def __init__(self, raw: BinaryIO, limit: int | None = None) -> None:
        super().__init__()
        self._raw = raw
        self._limit = limit
        self.cut_at_limit = False
        self._started = False
        self._inflater: Any = None  # a zlib decompressor while the data is gzip
        self._input = b""  # read, not yet inflated
        self._pending = b""  # inflated (or plain), given up to _taken
        self._taken = 0
        self._ended = False
        self._given = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        """Bytes given so far (a WARC reader asks where the stream starts)."""
        return self._given

    def readinto(self, buffer: Any) -> int:
        size = min(len(buffer), self._CHUNK)
        if self._limit is not None and self._given + size > self._limit:
            size = self._limit - self._given
            if size <= 0:
                self.cut_at_limit = self._next(1) != b""
                return 0
        data = self._next(size)
        buffer[: len(data)] = data
        self._given += len(data)
        return len(data)

    def _next(self, size: int) -> bytes:
        if not self._started:
            self._started = True
            self._input = self._raw.read(2) or b""
            if self._input == b"\x1f\x8b":
                self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        while self._taken == len(self._pending) and not self._ended:
            self._pending, self._taken = b"", 0
            self._fill(size)
        data = self._pending[self._taken : self._taken + size]
        self._taken += len(data)
        return data

    def _fill(self, size: int) -> None:
        if not self._input:
            self._input = self._raw.read(self._CHUNK) or b""
            if not self._input:  # the end of the data: what the inflater still holds
                self._ended = True
                self._pending = self._flushed()
        elif self._inflater is None:
            self._pending, self._input = self._input, b""
        else:
            self._pending = self._inflated(size)

    def _inflated(self, size: int) -> bytes:
        try:
            data: bytes = self._inflater.decompress(self._input, size)
        except zlib.error:
            self._ended = True
            return b""
        if self._inflater.eof:  # a next member, if any, has an inflater of its own
            # (all the rest is unused data then; the unconsumed tail may repeat it)
            self._input = self._inflater.unused_data
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        else:
            self._input = self._inflater.unconsumed_tail
        return data

    def _flushed(self) -> bytes:
        if self._inflater is None:
            return b""
        try:
            data: bytes = self._inflater.flush()
        except zlib.error:
            return b""
        return data


def decode_text(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode bytes as text (plain or HTML): a BOM, UTF-8, the declared charset, UTF-8 with
    a few broken bytes, Western European Windows-1252 when the result reads as such, then
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
    for guess in (_mostly_utf8, _western):
        text = guess(data)
        if text is not None:
            return text
    detected = _detect(data)
    if detected is None:
        raise InputError(source, "cannot be decoded as text", "convert it to UTF-8")
    return data.decode(detected, errors="replace")


SAMPLE_BYTES = 200_000  # the guesses below judge this much, then decode everything


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a truncated copy, one pasted Latin-1 line)."""
    sample = data[:SAMPLE_BYTES].decode("utf-8", errors="replace")
    broken = sample.count("\ufffd")
    fine = sum(1 for char in sample if char > "\x7f") - broken
    if fine >= 1 and broken * 9 <= fine:
        return data.decode("utf-8", errors="replace")
    return None


# Letters and signs of Western European languages in Windows-1252 (a superset of Latin-1)
_WESTERN_SIGNS = frozenset("’‘“”„–—…«»€£°·§©®¡¿ª º¹²³½¼¾×÷¢¥¤¦¨¯´¸µ¶†‡•‰‹›™ˆ˜¬±\xa0\xad")
_INSIDE_WORD_SIGNS = frozenset("’·")
# Turkish (ş ğ ı) and Czech (ě ň ů) read as 1252 give these; Western text hardly ever does:
# Icelandic eth and thorn, and a grave accent inside a word (Italian puts it on final vowels)
_UNWESTERN_LETTERS = frozenset("ðþÐÞ")
_FINAL_ONLY = frozenset("ìòùÌÒÙ")


def _western(data: bytes) -> str | None:
    """The Windows-1252 reading when it looks like Western European text.

    Legacy detectors often take short French or German texts for Baltic or Central European
    code pages. Windows-1252 is taken when few letters are accented (Cyrillic or Greek read
    as 1252 are nearly all accented letters), no sign sits inside a word (Polish read as
    1252 puts "¹" and "³" there) and no letter is one Turkish or Czech would give.
    """
    try:
        whole = data.decode("cp1252")
    except UnicodeDecodeError:
        return None  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: not Windows-1252
    text = whole[:SAMPLE_BYTES]
    letters = accented = 0
    for index, char in enumerate(text):
        if char.isalpha():
            letters += 1
            accented += char > "\x7f"
            if char > "\x7f" and not _western_letter(text, index):
                return None
        elif char > "\x7f" and not _western_sign(text, index):
            return None
    return whole if letters and accented * 4 <= letters else None


def _western_letter(text: str, index: int) -> bool:
    char = text[index]
    if char in _UNWESTERN_LETTERS:
        return False
    return not (char in _FINAL_ONLY and index + 1 < len(text) and text[index + 1].isalpha())


def _western_sign(text: str, index: int) -> bool:
    char = text[index]
    if char in _INSIDE_WORD_SIGNS:
        return True
    return char in _WESTERN_SIGNS and not _between_letters(text, index)


def _between_letters(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha()


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best guess."""
    best = from_bytes(data[:SAMPLE_BYTES]).best()
    return None if best is None else str(best.encoding)
