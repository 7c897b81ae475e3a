"""Scoring time-expression extraction and normalisation on TimeML-style gold data.

Corpora: TempEval-3 training data (TimeBank + AQUAINT ``.tml`` files, creation time in
``<DCT>``) and MEANTIME English (CAT XML, tokens + ``TIMEX3`` markables, the creation time
is the markable with ``functionInDocument="CREATION_TIME"``).

Protocol (what ``score`` computes):

* Text: TempEval — the content of ``<TEXT>`` with tags removed and entities unescaped;
  MEANTIME — tokens joined with a space (none before closing punctuation and clitics,
  none after opening brackets and ``$``), one sentence per line; only sentences 0-5 (title,
  dateline and first four sentences) are kept, since only they are annotated.
* Gold: TIMEX3 of type DATE, TIME and DURATION, except the document creation time.
  SET ("every week") is left out; system expressions overlapping a SET or the creation-time
  mention (MEANTIME prints it under the title) are ignored, neither right nor wrong.
* Documents: all (TempEval's ``testpipeline/`` copy of one TimeBank file left out);
  MEANTIME files without a creation-time markable (2 of 120) are skipped.
* Anchor: the creation date (day part of the DCT value).
* Matching: relaxed, one to one: a system expression matches the unmatched gold expression
  its character span overlaps most (shared characters over the union of both spans; the
  first in document order on ties): MEANTIME nests "2009" inside "from 2009 to 2011".
* Extraction: P = matched / system, R = matched / gold, F1.
* Value of a matched pair is right when (``value_matches``): the gold value is a date
  (day, month, week, season, quarter, year, decade, century; TIME values are cut to their
  day, unspecified ``XX``/``WXX``/``QX`` parts are dropped) and the system value, cut to the
  gold value's granularity, is equal (a system range is right when either end is); or both
  are durations of the same length (decades and centuries converted to years, quarters to
  months); or the values are identical strings (e.g. ``PRESENT_REF``).  Value accuracy =
  right / matched; value P = right / system, value R = right / gold, value F1.
* Ranges: the reader gives "from 2009 to 2011" one value "2009/2011"; TimeML marks each
  end on its own, so a range is scored as its two ends ("2009", "2011"), each with its value.
* Baseline: ``dateparser.search.search_dates`` with the DCT as ``RELATIVE_BASE`` and
  past dates preferred; each result is a day value, scored by the same rules.
"""

from __future__ import annotations

import datetime
import html
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from triangulate.readers.times import find_times

Date = datetime.date
Span = tuple[int, int]
Prediction = tuple[int, int, str | None]  # start, end, value
Predictor = Callable[["GoldDocument"], list[Prediction]]

SCORED_TYPES = {"DATE", "TIME", "DURATION"}
ANNOTATED_SENTENCES = 5  # MEANTIME marks the title, the dateline and the first sentences only
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class GoldDocument:
    id: str
    text: str
    creation: Date
    timexes: tuple[GoldTimex, ...]
    ignored: tuple[Span, ...] = ()  # SETs and the creation-time mention


@dataclass
class Counts:
    system: int = 0
    gold: int = 0
    matched: int = 0
    right: int = 0
    errors: list[tuple[str, str, str | None, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    value_accuracy: float
    value_precision: float
    value_recall: float
    value_f1: float
    system: int
    gold: int
    matched: int
    right: int

    def as_dict(self) -> dict[str, float]:
        return {key: round(float(value), 4) for key, value in self.__dict__.items()}


# ---------------------------------------------------------------- loading


def _date_of(value: str) -> Date:
    swapped = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value)
    if swapped:  # one MEANTIME creation time is written MM-DD-YYYY
        return Date(int(swapped[3]), int(swapped[1]), int(swapped[2]))
    return Date.fromisoformat(value[:10])


def load_tempeval(folder: Path) -> list[GoldDocument]:
    """Every ``.tml`` file under ``folder``, sorted by path (``testpipeline/`` holds a copy)."""
    paths = sorted(p for p in folder.rglob("*.tml") if "testpipeline" not in p.parts)
    return [_read_tml(path) for path in paths]


def _read_tml(path: Path) -> GoldDocument:
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if dct is None or body is None:
        raise ValueError(f"{path}: no DCT or TEXT")
    text, timexes, sets = _strip_tags(body.group(1))
    return GoldDocument(path.stem, text, _date_of(dct.group(1)), tuple(timexes), tuple(sets))


def _strip_tags(marked: str) -> tuple[str, list[GoldTimex], list[Span]]:
    parts: list[str] = []
    length, position = 0, 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    sets: list[Span] = []
    for tag in _TAG.finditer(marked):
        piece = html.unescape(marked[position : tag.start()])
        parts.append(piece)
        length += len(piece)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if not tag.group(1):
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            _add_gold(timexes, sets, start, length, "".join(parts)[start:], attrs)
            open_timex = None
    parts.append(html.unescape(marked[position:]))
    return "".join(parts), timexes, sets


def _add_gold(
    timexes: list[GoldTimex],
    sets: list[Span],
    start: int,
    end: int,
    text: str,
    attrs: dict[str, str],
) -> None:
    kind = attrs.get("type", "")
    if kind in SCORED_TYPES:
        timexes.append(GoldTimex(start, end, text, kind, attrs.get("value", "")))
    else:
        sets.append((start, end))


_NO_SPACE_BEFORE = {",", ".", ":", ";", "?", "!", "%", ")", "]", "'s", "n't", "'", "''", "'re"}
_NO_SPACE_AFTER = {"(", "[", "$", "``", "#"}


def load_meantime(folder: Path, annotated_only: bool = True) -> list[GoldDocument]:
    """Every MEANTIME ``.xml`` file under ``folder`` that has a creation time, by path.

    ``annotated_only`` keeps only the annotated sentences; otherwise the whole article is
    kept (its gold then lacks the later sentences' expressions: for datelines only).
    """
    last = ANNOTATED_SENTENCES if annotated_only else 10**6
    documents = (_read_cat(path, last) for path in sorted(folder.rglob("*.xml")))
    return [document for document in documents if document is not None]


def _detokenize(root: ElementTree.Element, last_sentence: int) -> tuple[str, dict[str, Span]]:
    pieces: list[str] = []
    spans: dict[str, Span] = {}
    length, sentence, previous = 0, None, ""
    for token in root.iter("token"):
        if int(token.get("sentence", "0")) > last_sentence:
            break
        word = token.text or ""
        if sentence is not None and token.get("sentence") != sentence:
            separator = "\n"
        elif not pieces or word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
            separator = ""
        else:
            separator = " "
        pieces.append(separator + word)
        length += len(separator)
        spans[token.get("t_id", "")] = (length, length + len(word))
        length += len(word)
        sentence, previous = token.get("sentence"), word
    return "".join(pieces), spans


def _read_cat(path: Path, last_sentence: int) -> GoldDocument | None:
    root = ElementTree.parse(path).getroot()
    text, spans = _detokenize(root, last_sentence)
    timexes: list[GoldTimex] = []
    ignored: list[Span] = []
    creation: Date | None = None
    for mark in root.iter("TIMEX3"):
        anchors = [
            spans[a.get("t_id", "")]
            for a in mark.iter("token_anchor")
            if a.get("t_id", "") in spans
        ]
        if not anchors:
            continue
        start, end = anchors[0][0], anchors[-1][1]
        if mark.get("functionInDocument") == "CREATION_TIME":
            creation = _date_of(mark.get("value", ""))
            ignored.append((start, end))
            continue
        _add_gold(timexes, ignored, start, end, text[start:end], dict(mark.attrib))
    if creation is None:
        return None  # two files lack the creation-time markable: nothing to anchor on
    timexes.sort(key=lambda t: t.start)
    return GoldDocument(path.stem, text, creation, tuple(timexes), tuple(ignored))


# ---------------------------------------------------------------- comparing values


def _gold_date_key(value: str) -> str | None:
    """A gold date value without unspecified parts and clock time; None if not a date."""
    value = value.split("T")[0] if re.match(r"\d{4}-\d\d-\d\dT", value) else value
    value = re.sub(r"(?:-(?:XX|WXX|QX|HX))+$", "", value)  # "1989-WXX": some week of 1989
    value = re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)  # "2000-W6" is week 06
    if re.fullmatch(r"\d{3}", value):
        return value + "X"  # TimeML decade "199"
    if re.fullmatch(r"\d\d", value):
        return value + "XX"  # TimeML century "19"
    if re.fullmatch(
        r"\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d(?:-WE)?|-(?:SP|SU|FA|WI|Q[1-4]|H[12]))?|\d{3}X|\d\dXX",
        value,
    ):
        return value
    return None


def _duration_key(value: str) -> str | None:
    match = re.fullmatch(r"P(T?)(\d+(?:\.\d+)?|X)(DE|CE|[SMHDWQY])", value)
    if match is None:
        return None
    clock, amount, unit = match.groups()
    if unit in {"DE", "CE"} or (unit == "Q" and not clock):
        factor, new_unit = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M")}[unit]
        amount, unit = ("X" if amount == "X" else f"{float(amount) * factor:g}"), new_unit
    elif amount != "X":
        amount = f"{float(amount):g}"
    return f"P{clock}{amount}{unit}"


def _cut_to(system: str, gold: str) -> bool:
    if gold.endswith("X"):  # decade or century: compare the leading digits
        stem = gold.rstrip("X")
        return system.startswith(stem) and (len(system) == len(gold) or system[4:5] in {"", "-"})
    if re.search(r"-(?:W|SP|SU|FA|WI|Q|H)", gold):
        return system == gold or system.startswith(gold + "-")
    return system[: len(gold)] == gold and system[len(gold) : len(gold) + 1] in {"", "-", "T"}


def value_matches(gold: str, system: str | None) -> bool:
    """Whether a system value states the gold value (see the module's protocol)."""
    if system is None:
        return False
    if gold == system:
        return True
    gold_date = _gold_date_key(gold)
    if gold_date is not None:
        ends = system.split("/") if "/" in system else [system]
        return any(_cut_to(end, gold_date) for end in ends)
    gold_duration = _duration_key(gold)
    return gold_duration is not None and gold_duration == _duration_key(system)


# ---------------------------------------------------------------- scoring


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _best_gold(timexes: tuple[GoldTimex, ...], used: set[int], span: Span) -> int | None:
    """The unmatched overlapping gold expression sharing the largest part of its span with
    ``span`` (overlap over union; the earliest on ties): MEANTIME nests "2009" inside
    "from 2009 to 2011", and the first overlap alone would pair "2009" with the outer one."""
    best: tuple[float, int] | None = None
    for index, gold in enumerate(timexes):
        if index in used or not _overlaps(span, (gold.start, gold.end)):
            continue
        shared = min(span[1], gold.end) - max(span[0], gold.start)
        ratio = shared / (max(span[1], gold.end) - min(span[0], gold.start))
        if best is None or ratio > best[0]:
            best = (ratio, index)
    return best[1] if best else None


def count_document(document: GoldDocument, predictions: list[Prediction], counts: Counts) -> None:
    """Add one document's matches and right values to ``counts``."""
    kept = [p for p in predictions if not any(_overlaps(p[:2], s) for s in document.ignored)]
    counts.system += len(kept)
    counts.gold += len(document.timexes)
    used: set[int] = set()
    for start, end, value in sorted(kept):
        index = _best_gold(document.timexes, used, (start, end))
        if index is None:
            counts.errors.append(("spurious", document.text[start:end], value, ""))
            continue
        used.add(index)
        counts.matched += 1
        gold = document.timexes[index]
        if value_matches(gold.value, value):
            counts.right += 1
        else:
            counts.errors.append(("value", gold.text, value, gold.value))
    for index, gold in enumerate(document.timexes):
        if index not in used:
            counts.errors.append(("missed", gold.text, None, gold.value))


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def scores_of(counts: Counts) -> Scores:
    precision, recall = _ratio(counts.matched, counts.system), _ratio(counts.matched, counts.gold)
    value_p, value_r = _ratio(counts.right, counts.system), _ratio(counts.right, counts.gold)
    return Scores(
        precision,
        recall,
        _f1(precision, recall),
        _ratio(counts.right, counts.matched),
        value_p,
        value_r,
        _f1(value_p, value_r),
        counts.system,
        counts.gold,
        counts.matched,
        counts.right,
    )


def score(documents: Iterable[GoldDocument], predict: Predictor) -> tuple[Scores, Counts]:
    counts = Counts()
    for document in documents:
        count_document(document, predict(document), counts)
    return scores_of(counts), counts


# ---------------------------------------------------------------- the two systems


_RANGE_LINK = re.compile(r"\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b|\band\b)\s*")


def range_endpoints(text: str, start: int, end: int, value: str) -> list[Prediction]:
    """A range ("2009 to 2011", value "2009/2011") as its two ends, each with its own value,
    as TimeML marks them; the span whole when it does not split."""
    ends = value.split("/")
    link = _RANGE_LINK.search(text, start + 1, end)
    if len(ends) != 2 or link is None or link.end() >= end:
        return [(start, end, value)]
    return [(start, link.start(), ends[0]), (link.end(), end, ends[1])]


def predict_triangulate(document: GoldDocument) -> list[Prediction]:
    predictions: list[Prediction] = []
    for found in find_times(document.text, document.id, document.creation):
        span, value = found.evidence, found.value
        if found.granularity == "range" and value:
            predictions.extend(range_endpoints(document.text, span.start, span.end, value))
        else:
            predictions.append((span.start, span.end, value))
    return predictions


def predict_dateparser(document: GoldDocument) -> list[Prediction]:
    from dateparser.search import search_dates

    base = datetime.datetime.combine(document.creation, datetime.time(12))
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    found = search_dates(document.text, languages=["en"], settings=settings) or []
    predictions: list[Prediction] = []
    cursor = 0
    for phrase, moment in found:
        start = document.text.find(phrase, cursor)
        if start < 0:
            continue
        cursor = start + len(phrase)
        predictions.append((start, cursor, moment.date().isoformat()))
    return predictions


def sample(documents: list[GoldDocument], every: int) -> list[GoldDocument]:
    """Every ``every``-th document in path order: a deterministic sample."""
    return documents[::every]
