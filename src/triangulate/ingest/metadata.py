"""Metadata that neither the cleaner nor the HTML extractor gives: language, outlet, hash."""

from __future__ import annotations

import hashlib
import io
import json
import lzma
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from platformdirs import user_cache_path

from triangulate.core.files import write_atomically
from triangulate.errors import InputError
from triangulate.ingest.language_scan import MAX_DEPTH, ByteScan, fast_identifier, trie_depth

LANGUAGE_SAMPLE_CHARS = 1000
# py3langid versions whose scoring the numpy byte scan was checked against (language_scan.py)
SCANNED_PY3LANGID = ("0.4.0",)
MIN_LANGUAGE_CONFIDENCE = 0.5
_WORD = r"[\w&'\-]*(?:\.[\w&'\-]+)*"  # a dot only inside a word: "Ltd." ends a name
# A name as an outlet writes its own: capitalised words (a leading "The", small joining
# words, "&", dots and hyphens inside), at most six words.
_NAME = (
    r"(?P<name>(?:The\s+)?[A-Z0-9]"
    + _WORD
    + r"(?:\s+(?:[A-Z0-9]"
    + _WORD
    + r"|of|and|&|for|de|la)){0,5}"
    r"|[a-z0-9][a-z0-9\-]*\.[a-z]{2,6}\b)"  # or a site's address: "example.org"
)
_AGENCY = r"(?:AP|AFP|Reuters|dpa|DPA|ANSA|EFE|agencies|wires)"
_AN_AGENCY = re.compile(_AGENCY)  # anywhere: an agency byline needs one
# "© 2024, Name." / "Copyright (c) 2019-2024 Name. All rights reserved." at the start of a
# line; a mark after other words is a photo credit ("Images source: © ...").
_COPYRIGHT_STARTS = ("c", "C", "©", "(")  # the first character of a line it matches
_COPYRIGHT = re.compile(
    r"^(?i:(?:copyright|©|\(c\))\s*){1,3}(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*[,.]?\s*)?"
    r"(?i:by\s+)?" + _NAME
)
# "By Name with AP", "Name staff and agencies"
_BYLINE = re.compile(
    r"^(?:By\s+)?"
    + _NAME
    + r"\s+(?:(?:with|and|/)\s+"
    + _AGENCY
    + r"|(?:staff|reporters|correspondents?|newsroom)\s+(?:and|with)\s+"
    + _AGENCY
    + r")\b"
)
# An outlet naming itself in a plea or a sign-off: "the journalists of Name", "Name, an
# independent news outlet", "Support Name", "Thank you for reading Name".
_SELF = [
    re.compile(
        r"\b(?:journalists|editors|reporters|team|staff|newsroom|readers|supporters|"
        r"subscribers|members)\s+(?:of|at)\s+" + _NAME
    ),
    re.compile(
        _NAME + r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:news|media|newspaper|outlet|"
        r"publication|magazine|newsroom|website|site)\b"
    ),
    # an imperative opening a sentence: "Please support Name", never "they support Name"
    re.compile(
        r"(?:^|[.!?:]\s+)(?:[Pp]lease\s+)?(?:[Ss]upport|[Ss]ubscribe to|[Dd]onate to|"
        r"[Tt]hank you for reading|[Tt]hanks for reading|[Ss]ign up for|[Ww]elcome to)\s+" + _NAME
    ),
]
# What each pattern of _SELF needs, as plain text (lines have single spaces): a pattern
# runs only on a line holding one of its words, which most first-person prose does not.
_SELF_NEEDS = (
    ("journalists", "editors", "reporters", "team", "staff", "newsroom", "readers", "supporters",
     "subscribers", "members"),
    (", a", ", the"),
    ("upport ", "ubscribe to ", "onate to ", "for reading ", "ign up for ", "elcome to "),
)  # fmt: skip
# A site naming itself in boilerplate: "Name uses cookies", "the Name newsletter/app".
_SITE = re.compile(
    _NAME
    + r"\s+(?:uses|use)\s+cookies\b|\bthe\s+"
    + _NAME.replace("name", "site")
    + r"\s+(?:newsletter|app)\b"
)
# "we", "our", "us" as words, in any case (a case-blind "s" is also "ſ"): written to start
# with the class of their first letters, which the regular expression engine scans for
# quickly, where the case-blind pattern with a leading \b is tried at every position (three
# times slower on a prose line). tests/test_given_metadata.py holds it to the case-blind one.
_FIRST_PERSON = re.compile(
    r"[WwOoUu](?<!\w[WwOoUu])(?:(?<=[Ww])[Ee]|(?<=[Oo])[Uu][Rr]|(?<=[Uu])[Ssſ])\b"
)
_CREDIT = re.compile(
    r"/|\b(?:images?|photos?|photograph|pictures?|credit|source|illustration|video)\b",
    re.IGNORECASE,
)
# Words that start a sentence but name nothing, and legal endings dropped from a name
_NOT_NAMES = {
    "a", "all", "an", "any", "by", "each", "every", "here", "it", "its", "my", "no", "our",
    "this", "that", "these", "those", "us", "we", "you", "your", "the", "site", "website",
    "news", "journalism", "independent", "reserved", "rights", "all rights reserved",
    "policy", "notice", "notices", "statement", "terms", "agreement", "information", "info",
    "infringement", "complaints", "permissions", "licensing", "license", "licence",
}  # fmt: skip
# A copyright holder named as a company is the publisher, seldom the outlet's own name
_COMPANY = re.compile(
    r"\b(?:Communications?|Interactive|Holdings|Group|Corporation|Enterprises|"
    r"Publishing|Organi[sz]ation|Media)\b"
)
_COMPANY_AFTER = re.compile(  # "Name (City) Private Ltd", "Name, Inc."
    r"^\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:Private|Pvt|Pty|Inc|Ltd|LLC|Limited|GmbH|plc|Corp|S\.A)\b"
)
_CODE = re.compile(r"[{}<>\\]|\b(?:function|var|window)\b|=>|\w=\W")  # script, not prose
_CODE_SIGNS = ("{", "}", "<", ">", "\\", "=", "function", "var", "window")  # what _CODE needs
_MAX_LINE = 1000  # characters: longer lines are code or whole articles, not boilerplate
_LEGAL_ENDING = re.compile(
    r"(?:,?\s+(?:Inc|Ltd|LLC|Limited|GmbH|plc|S\.A|Corp|Co|Pty)\.?|\.)+$", re.IGNORECASE
)
# How much each kind of cue counts: a copyright line or an agency byline names the outlet
# outright; a plea or a cookie notice usually does
_WEIGHTS = {"copyright": 3, "byline": 3, "self": 2, "site": 1}
_MAX_LINES = 400  # lines looked at, first and last halves of a long text

MAX_GIVEN_CHARS = 500  # an outlet, a title or a date given with an input
MAX_SIDECAR_BYTES = 64 * 1024
SIDECAR_SUFFIX = ".meta.json"  # story.txt -> story.meta.json


@dataclass(frozen=True)
class GivenMetadata:
    """An outlet, title and publication date given with an input (options, a sidecar file,
    the web form) rather than found in it; stored as given."""

    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or date-time

    @classmethod
    def of(cls, where: str, values: Mapping[str, object]) -> GivenMetadata:
        """Checked values: strings, not too long, the date an ISO date; ``where`` names the
        input in the one-line error."""
        unknown = sorted(set(values) - {f.name for f in fields(cls)})
        if unknown:
            raise InputError(
                where, f"has unknown field {unknown[0]!r}", "give outlet, title or published"
            )
        checked: dict[str, str | None] = {}
        for name in ("outlet", "title", "published"):
            value = values.get(name)
            if value is not None and not isinstance(value, str):
                raise InputError(where, f"{name} is not a string", f"give {name} as text")
            text = " ".join(value.split()) if value else ""
            if len(text) > MAX_GIVEN_CHARS:
                raise InputError(where, f"{name} is over {MAX_GIVEN_CHARS} characters", "")
            checked[name] = text or None
        if checked["published"] and not _is_iso_date(checked["published"]):
            raise InputError(
                where, f"published {checked['published']!r} is not a date", "write YYYY-MM-DD"
            )
        return cls(**checked)

    def __bool__(self) -> bool:
        return any((self.outlet, self.title, self.published))

    def over(self, other: GivenMetadata | None) -> GivenMetadata:
        """These values, and ``other``'s where these have none."""
        if other is None:
            return self
        return GivenMetadata(
            self.outlet or other.outlet,
            self.title or other.title,
            self.published or other.published,
        )


def _is_iso_date(value: str) -> bool:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return len(value) == 10 or value[10] in "T "


def read_sidecar(where: str, data: bytes) -> GivenMetadata:
    """The metadata of a sidecar file: one JSON object with outlet, title, published."""
    if len(data) > MAX_SIDECAR_BYTES:
        raise InputError(where, f"is over {MAX_SIDECAR_BYTES:,} bytes", "a sidecar is small")
    try:
        values = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(where, f"is not valid JSON ({error})", "one JSON object") from None
    if not isinstance(values, dict):
        raise InputError(where, "is not a JSON object", '{"outlet": ..., "title": ...}')
    return GivenMetadata.of(where, values)


def content_hash(text: str) -> str:
    """A hash of the clean text that ignores case and white space differences."""
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's identifier, loaded once per process.

    py3langid ~15x faster than lingua here at the same answers on news text (docs/benchmarks.md,
    "Language identification"). Its model ships LZMA-compressed: unpacking it costs two thirds
    of a CPU-second in every process, so it is unpacked once into the user cache directory, one
    file per array, and mapped from there: nothing is read until used, and the worker processes
    share the pages (any problem with the cache: unpacked as py3langid does it). Its byte scan
    then runs in numpy (``language_scan``: the same counts, the same answers).
    """
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = MODEL_DIR / MODEL_FILE
    try:
        return _from_unpacked(LanguageIdentifier, _unpacked(model))
    except Exception:
        return LanguageIdentifier.from_modelpath(model, norm_probs=True)


_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
_DEPTH = "scan_depth"  # the depth of the scanner's trie (language_scan.trie_depth)


def _unpacked(model: Path) -> dict[str, Path]:
    """The model's arrays unpacked into the user cache (on first use) with the depth of its
    scanner's trie, named by the model's size and modification time so that another py3langid
    version gets its own."""
    import numpy as np

    stat = model.stat()
    stem = f"py3langid-{stat.st_size}-{stat.st_mtime_ns}"
    folder = user_cache_path("triangulate")
    paths = {key: folder / f"{stem}-{key}.npy" for key in (*_ARRAYS, _DEPTH)}
    if not paths[_DEPTH].is_file():  # written last: the others are there when it is
        with lzma.open(model) as packed, np.load(io.BytesIO(packed.read())) as data:
            arrays = {key: data[key] for key in _ARRAYS}
        arrays[_DEPTH] = np.array(trie_depth(arrays["nextmove"], arrays["nextmove_row"]))
        for key, array in arrays.items():
            saved = io.BytesIO()
            np.save(saved, array, allow_pickle=False)
            write_atomically(paths[key], saved.getvalue())
    return paths


def _from_unpacked(identifier: Any, paths: dict[str, Path]) -> Any:
    """What ``LanguageIdentifier.from_modelpath`` builds, from the unpacked arrays; with the
    numpy byte scan when this py3langid scores as the scan expects."""
    import numpy as np
    import py3langid
    from py3langid.modelio import _to_array

    arrays = {key: np.load(path, mmap_mode="r", allow_pickle=False) for key, path in paths.items()}
    depth = int(arrays[_DEPTH])
    model = (np.asarray(arrays["ptc"]), np.asarray(arrays["pc"]), arrays["classes"].tolist())
    if py3langid.__version__ not in SCANNED_PY3LANGID or depth > MAX_DEPTH:
        nextmove, rows = _to_array(arrays["nextmove"]), _to_array(arrays["nextmove_row"])
        return identifier(
            *model, nextmove, arrays["out_feat"].tolist(), norm_probs=True, tk_row=rows
        )
    scan = ByteScan(arrays["nextmove"], arrays["nextmove_row"], arrays["out_feat"], depth)
    # py3langid's own table and loop go unused (it walks them for an empty text only)
    return fast_identifier(identifier, scan, *model, (), (), norm_probs=True, tk_row=())


# Common words of English that other languages written in Latin letters do not have ("in",
# "on", "to", "a", "is", "was" are words of other languages too: left out).
_ENGLISH_WORDS = frozenset({
    "the", "and", "of", "that", "with", "were", "which", "this", "from", "have", "has", "said",
    "would", "their", "they", "been", "for", "are", "his", "who", "its", "by", "at", "an",
})  # fmt: skip
_PLAINLY_ENGLISH_SHARE = 0.16  # of a sample's words
_PLAINLY_ENGLISH_WORDS = 40  # words in the sample at least


def plainly_english(words: list[str]) -> bool:
    """Whether a text is English beyond doubt: many words, and one in six of them or more
    words only English uses. Most English news texts are (the median is near one in five);
    py3langid decides the others.

    Against py3langid on the trafilatura-eval pages (docs/benchmarks.md, "Text ingest, third
    pass"): it decides 115 of the 162 English ones among the 940 that declare a language, each
    as py3langid does; no page in another language comes near (the highest share is 0.12).
    """
    if len(words) < _PLAINLY_ENGLISH_WORDS:
        return False
    english = sum(map(_ENGLISH_WORDS.__contains__, map(str.lower, words)))
    return english >= _PLAINLY_ENGLISH_SHARE * len(words)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot be told."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    words = sample.split()
    if len(words) < 3:
        return None
    if plainly_english(words):
        return "en"
    language, confidence = _identifier().classify(sample)
    return str(language) if confidence >= MIN_LANGUAGE_CONFIDENCE else None


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def infer_outlet(lines: list[str]) -> str | None:
    """The outlet a text names as its own, or None: the name its copyright lines, agency
    bylines, pleas and sign-offs, and cookie notices give most weight to.

    Only the text's own words are used: a name is returned as written there (legal endings
    such as "Ltd" dropped) and stored marked as inferred.
    """
    if len(lines) > _MAX_LINES:
        lines = lines[: _MAX_LINES // 2] + lines[-_MAX_LINES // 2 :]
    scores: dict[str, int] = {}
    first_seen: dict[str, str] = {}
    for number, (kind, name) in enumerate(_cues(lines)):
        key = _folded(name)
        scores[key] = scores.get(key, 0) + _WEIGHTS[kind] * 1000 - number
        first_seen.setdefault(key, name)
    if not scores:
        return None
    return first_seen[max(scores, key=lambda key: scores[key])]


def _cues(lines: list[str]) -> Iterator[tuple[str, str]]:
    for raw in lines:
        yield from _line_cues(raw) if len(raw) <= _MAX_LINE else _cues_of_line(raw)


# A text's cues are its lines' one by one, and the lines that give cues (copyright lines,
# bylines, sign-offs) recur across an outlet's texts: each short line is read once per process.
@lru_cache(maxsize=8192)
def _line_cues(raw: str) -> tuple[tuple[str, str], ...]:
    return tuple(_cues_of_line(raw))


def _cues_of_line(raw: str) -> Iterator[tuple[str, str]]:
    # most lines can give no cue: they are told from the raw line, before its white space is
    # normalised, and the costly searches (code, site names) are skipped there
    if not _may_give_cue(raw):
        return
    line = " ".join(raw.split())  # no-break spaces and runs of white space
    if not line or len(line) > _MAX_LINE:
        return
    copyright_ = _COPYRIGHT.match(line)
    byline = _BYLINE.match(line)
    first_person = _FIRST_PERSON.search(line)
    if not (copyright_ or byline or first_person or _may_name_site(line)):
        return
    if _may_be_code(line) and _CODE.search(line):
        return
    if copyright_ and not _CREDIT.search(line[: copyright_.end("name") + 1]):
        holder, after = copyright_.group("name"), line[copyright_.end("name") :]
        holder = re.sub(r"\s+Company$", "", holder)  # "The Name Company": the Name
        if not _COMPANY_AFTER.match(after):
            yield from _named("copyright", holder)
    if byline:
        yield from _named("byline", byline.group("name"))
    if first_person:
        for pattern, needs in zip(_SELF, _SELF_NEEDS, strict=True):
            if not any(need in line for need in needs):
                continue
            for found in pattern.finditer(line):
                yield from _named("self", found.group("name"))
    if _may_name_site(line):
        for found in _SITE.finditer(line):
            yield from _named("site", found.group("name") or found.group("site"))


def _may_give_cue(raw: str) -> bool:
    """Whether a line can give a cue, read before its white space is normalised (which
    changes no word, no boundary of a word, and only the white space at its start): a
    copyright line starts with its mark, an agency byline names an agency, and the
    first-person and site patterns find the same words either way."""
    return (
        raw.lstrip()[:1] in _COPYRIGHT_STARTS
        or bool(_AN_AGENCY.search(raw))
        or bool(_FIRST_PERSON.search(raw))
        or _may_name_site(raw)
    )


def _may_be_code(line: str) -> bool:
    """Whether ``_CODE`` can match: it needs one of these characters or words, as written."""
    return any(sign in line for sign in _CODE_SIGNS)


def _may_name_site(line: str) -> bool:
    """Whether ``_SITE`` can match: it needs one of these words, as written."""
    return "cookies" in line or "newsletter" in line or "app" in line


def _named(kind: str, name: str | None) -> Iterator[tuple[str, str]]:
    """The cue when ``name`` is a name: legal endings and trailing dots dropped."""
    if not name:
        return
    name = _LEGAL_ENDING.sub("", name.strip(" .,;:-'&")).strip(" .,;:-'&")
    words = name.split()
    while words and re.fullmatch(r"\d{4}(?:-\d{4})?", words[-1]):  # "© Name 2025"
        words.pop()
    name = " ".join(words)
    if not words or name.casefold() in _NOT_NAMES or words[-1].casefold() in _NOT_NAMES:
        return
    if name.isdigit() or len(name) < 2 or _COMPANY.search(name):
        return
    yield kind, name


def _folded(name: str) -> str:
    """One key for spellings of a name: case, a leading "the" and punctuation ignored."""
    folded = re.sub(r"[^\w]+", " ", name.casefold()).split()
    if folded and folded[0] == "the":
        folded = folded[1:]
    return "".join(folded)
