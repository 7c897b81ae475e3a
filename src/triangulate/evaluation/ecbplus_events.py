"""The seminal event of each ECB+ topic half, with its gold date and its gold counts.

ECB+ marks, in every document, the mentions of actions, times and participants, and links the
mentions of one happening across the documents of a topic (``CROSS_DOC_COREF``, one instance
id per happening).  Each topic holds two similar events: the ``ecb`` half and the ``ecbplus``
half.  For each half this module reads:

* the **seminal event**: the action instance (reporting verbs left out) mentioned by the most
  documents of the half; its *event sentences* are the sentences holding one of its mentions;
* the **gold date**: the ``TIME_DATE`` mentions of the event sentences (ECB+ links no time to
  an action, so a time in the same sentence stands for "the time of the event"), each
  normalised against the date its document shows (dateline or address, as a stream dates it;
  none for most ``ecb`` documents): the value most documents give, day-precise first, else
  the most precise value given; ``None`` when no mention can be put on the calendar;
* the **gold counts**: the participant mentions (``HUMAN_PART_*``) of the event sentences that
  hold a number ("40 passengers", "two people", "dozens of protesters").

ECB+ gives times no normalised value (only a coder's label), so the normalisation here uses
the project's own time reader on the annotated words, inside their sentence; the choice of
the mention (what is the event's time) and of the event are the corpus's.
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ElementTree
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from triangulate.core.dates import DateInterval
from triangulate.core.words import word_set
from triangulate.evaluation.clustering import _detokenise
from triangulate.evaluation.ecbplus import REPORTING_TAG, is_plus, sentence_tokens, url_date
from triangulate.readers.times import find_dateline, find_times

TIME_TAG = "TIME_DATE"
PARTICIPANT_PREFIX = "HUMAN_PART"
NUMBER_WORDS = word_set(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands dozen dozens million millions score scores"""
)
PRECISION = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "year": 4}


@dataclass(frozen=True)
class Markable:
    tag: str
    sentence: int
    text: str  # the annotated words, detokenised


@dataclass(frozen=True)
class EcbDocument:
    """One ECB+ document as a stream gives it: text one sentence a line, its own date."""

    name: str  # file name without .xml
    text: str
    published: str | None  # the date the document shows (dateline, else its address)
    lines: dict[int, str]  # ECB+ sentence number -> its line of ``text``


@dataclass(frozen=True)
class GoldCount:
    document: str
    sentence: str  # the event sentence holding it
    words: str  # the participant mention ("40 ferry passengers")


@dataclass(frozen=True)
class HalfEvent:
    """A topic half's seminal event with its gold date and counts."""

    topic: int
    plus: bool
    documents: tuple[EcbDocument, ...]
    event_sentences: tuple[str, ...]  # every sentence holding a mention of the event
    times: tuple[str, ...]  # the TIME_DATE words of the event sentences
    date: str | None  # the gold date (ISO, to its precision), None if not on the calendar
    granularity: str | None
    counts: tuple[GoldCount, ...]

    @property
    def name(self) -> str:
        return f"{self.topic}-{'ecbplus' if self.plus else 'ecb'}"

    @property
    def reports_dated(self) -> bool:
        """Some report of the half shows its publication date."""
        return any(d.published for d in self.documents)


_COUNT = re.compile(
    r"^(?:(?:about|around|at least|more than|nearly|almost|some|over|up to|the|all|another)\s+)*"
    r"(?:\d[\d,]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b"
    r"(?!\s*-?\s*(?:year|month|week|day)s?\b)(?!\s+of\s+(?:its|his|her|their|the)\b)",
    re.I,
)


def is_count(words: str) -> bool:
    """A participant mention that counts people ("40 passengers", "two", "dozens of fans"), not
    an age ("a 52-year-old"), a name with a number or "one of its players"."""
    words = words.strip()
    first = words.split()[0] if words else ""
    if words.lower() == "one" or (first.isupper() and first.isalpha() and len(first) > 1):
        return False  # "one" alone stands for a person; "TWO Radio" is a name in capitals
    return _COUNT.match(words) is not None


def _read(path: Path) -> tuple[EcbDocument, list[Markable], dict[str, set[int]]]:
    """The document, its markables, and instance id -> the markables (index) it links."""
    root = ElementTree.parse(path).getroot()
    tokens = sentence_tokens(root)
    plus = is_plus(path)
    lines = {n: _detokenise(w) for n, w in sorted(tokens.items()) if not (plus and n == 0)}
    url = "".join(tokens.get(0, [])) if plus else ""
    text = "\n".join(lines.values())
    published = find_dateline(text) or url_date(url)
    token_at = {t.get("t_id", ""): t for t in root.iter("token")}
    markables: list[Markable] = []
    index: dict[str, int] = {}
    found = root.find("Markables")
    for markable in [] if found is None else list(found):
        ids = [a.get("t_id", "") for a in markable.findall("token_anchor")]
        ids = [i for i in ids if i in token_at]
        anchored = [token_at[i] for i in ids]
        if not anchored:
            continue
        sentence = int(anchored[0].get("sentence", "0"))
        if plus and sentence == 0:
            continue
        index[markable.get("m_id", "")] = len(markables)
        words = _detokenise([t.text or "" for t in anchored])
        markables.append(Markable(markable.tag, sentence, words))
    linked: defaultdict[str, set[int]] = defaultdict(set)
    relations = root.find("Relations")
    for relation in [] if relations is None else list(relations):
        if relation.tag != "CROSS_DOC_COREF":
            continue
        for source in relation.findall("source"):
            if (k := index.get(source.get("m_id", ""))) is not None:
                linked[relation.get("note", "")].add(k)
    return EcbDocument(path.stem, text, published, lines), markables, dict(linked)


def _normalise(time: Markable, document: EcbDocument) -> tuple[str, str] | None:
    """(value, granularity) of a time mention read in its sentence against the document's
    date; None when it cannot be put on the calendar."""
    sentence = document.lines.get(time.sentence, "")
    at = sentence.find(time.text)
    if at < 0:
        return None
    anchor = datetime.date.fromisoformat(document.published) if document.published else None
    for expression in find_times(sentence, document.name, anchor):
        start, end = expression.evidence.start, expression.evidence.end
        if not (start < at + len(time.text) and at < end):
            continue
        when = DateInterval.parse(expression.value) if expression.value else None
        if when is None or not expression.anchored or expression.granularity not in PRECISION:
            continue
        return expression.value or "", expression.granularity
    return None


def _event_date(
    votes: dict[str, list[tuple[str, tuple[str, str] | None]]],
) -> tuple[str, str] | None:
    """The event's time: the time instance the most documents mention in the event's
    sentences (one the calendar can place first, among ties); its value the one most of its
    documents give, the most precise first among ties."""
    if not votes:
        return None

    def documents(instance: str) -> int:
        return len({name for name, _ in votes[instance]})

    def placed(instance: str) -> bool:
        return any(value for _, value in votes[instance])

    ranked = sorted(votes, key=lambda i: (-documents(i), not placed(i), i))
    # the calendar cannot place the top one ("on Friday" in undated reports): another time
    # of the event's sentences that two documents give and that it can place
    top = next((i for i in ranked[1:] if placed(i) and documents(i) >= 2), ranked[0])
    top = ranked[0] if placed(ranked[0]) else top
    support = Counter(value for _, value in set(votes[top]) if value is not None)
    if not support:
        return None
    return min(support, key=lambda v: (-support[v], PRECISION[v[1]], v[0]))


def half_events(folder: Path, topics: Iterable[int]) -> list[HalfEvent]:
    """The seminal event of each half of ``topics`` under ``folder/ECB+``."""
    events = []
    for topic in topics:
        paths = sorted((folder / "ECB+" / str(topic)).glob(f"{topic}_*.xml"))
        for plus in (False, True):
            half = [p for p in paths if is_plus(p) == plus]
            if half:
                events.append(_half_event(topic, plus, half))
    return events


def _half_event(topic: int, plus: bool, paths: list[Path]) -> HalfEvent:
    read = [_read(p) for p in paths]
    documents_of: Counter[str] = Counter()
    for _, markables, linked in read:
        for instance, members in linked.items():
            tags = {markables[k].tag for k in members}
            if instance.startswith("ACT") and tags != {REPORTING_TAG}:
                documents_of[instance] += 1
    seminal = min(documents_of, key=lambda i: (-documents_of[i], i)) if documents_of else ""
    sentences: list[str] = []
    times: list[str] = []
    counts: list[GoldCount] = []
    # time instance -> (document name, its normalised value or None) of each event-sentence mention
    time_votes: defaultdict[str, list[tuple[str, tuple[str, str] | None]]] = defaultdict(list)
    for document, markables, linked in read:
        own = linked.get(seminal, set())
        numbers = {markables[k].sentence for k in own}
        instance_of = {k: i for i, members in linked.items() for k in members}
        for number in sorted(numbers):
            sentence = document.lines.get(number, "")
            sentences.append(sentence)
            for k, markable in enumerate(markables):
                if markable.sentence != number:
                    continue
                if markable.tag == TIME_TAG and k in instance_of:
                    times.append(markable.text)
                    vote = (document.name, _normalise(markable, document))
                    time_votes[instance_of[k]].append(vote)
                elif markable.tag.startswith(PARTICIPANT_PREFIX) and is_count(markable.text):
                    counts.append(GoldCount(document.name, sentence, markable.text))
    chosen = _event_date(time_votes)
    return HalfEvent(
        topic=topic,
        plus=plus,
        documents=tuple(d for d, _, _ in read),
        event_sentences=tuple(dict.fromkeys(sentences)),
        times=tuple(times),
        date=chosen[0] if chosen else None,
        granularity=chosen[1] if chosen else None,
        counts=tuple(counts),
    )
