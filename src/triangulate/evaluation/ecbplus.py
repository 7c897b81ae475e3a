"""ECB+ (EventCorefBank+) documents with their cross-document coreference, and the sentence-pair
labels the alignment weights are fitted on.

Text: the tokens joined by spaces, one sentence a line (as in factalign-dev); in
``*ecbplus.xml`` documents sentence 0 is the source URL and is left out.

Per sentence we keep the cross-document instances its markables take part in: actions (``ACT``
ids), and participants, places, times and objects (``HUM``, ``LOC``, ``TIM``, ``NON`` ids).
A pair of sentences of different documents is labelled by :func:`same_fact`: the same happening
told with the same particulars states the same fact; sharing nothing does not; anything between
(the same event with other particulars: "the arrest came after..." beside "police arrested him
at home") is left out, because sharing an event alone is far from stating the same fact.
"""

from __future__ import annotations

import datetime
import random
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

DEV_TOPICS = frozenset({2, 5, 12, 18, 21, 23, 34, 35})  # factalign-dev was built from these
ALL_TOPICS = range(1, 36)
ARGUMENT_KINDS = ("HUM", "LOC", "TIM", "NON")
REPORTING_TAG = "ACTION_REPORTING"
# A date in a document's address ("/2008/12/05/"): the day an ECB+ page was published.
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|\b)")
MIN_SHARED_ARGUMENTS = 3
GROUP_SIZE = 6  # articles per training event: the size of a typical dossier


@dataclass(frozen=True)
class Mentions:
    """The cross-document instances a stretch of text mentions."""

    annotated: bool = False  # holds any markable: only then is "mentions nothing" known
    actions: frozenset[str] = frozenset()
    reporting: frozenset[str] = frozenset()  # actions mentioned only as reporting ("said")
    arguments: frozenset[str] = frozenset()  # participants, places, times, objects

    def __or__(self, other: Mentions) -> Mentions:
        actions = self.actions | other.actions
        told = (self.actions - self.reporting) | (other.actions - other.reporting)
        return Mentions(
            annotated=self.annotated or other.annotated,
            actions=actions,
            reporting=(self.reporting | other.reporting) - told,
            arguments=self.arguments | other.arguments,
        )


@dataclass(frozen=True)
class AnnotatedSentence:
    number: int  # ECB+ sentence number
    text: str
    mentions: Mentions


@dataclass(frozen=True)
class AnnotatedDocument:
    name: str  # the file name without .xml, e.g. "3_7ecbplus"
    topic: int
    event: str  # topic + half: "3" for *ecb.xml, "3+" for *ecbplus.xml
    sentences: tuple[AnnotatedSentence, ...]

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.sentences)


def same_fact(a: Mentions, b: Mentions, min_shared: int = MIN_SHARED_ARGUMENTS) -> bool | None:
    """True when two sentences share an action (not only as "said") and at least ``min_shared``
    coreferent participants, places, times or objects; False when they share no instance at
    all; None (unknown, left out) otherwise and when either sentence holds no markable."""
    if not (a.annotated and b.annotated):
        return None
    actions = (a.actions & b.actions) - (a.reporting & b.reporting)
    arguments = a.arguments & b.arguments
    if actions and len(arguments) >= min_shared:
        return True
    if not actions and not arguments:
        return False
    return None


# ---------------------------------------------------------------- reading the XML


def sentence_tokens(root: ElementTree.Element) -> dict[int, list[str]]:
    """Sentence number -> its tokens, in document order."""
    sentences: dict[int, list[str]] = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    return sentences


def is_plus(path: Path) -> bool:
    """An ``*ecbplus.xml`` document: the second event of its topic, sentence 0 its URL."""
    return path.name.endswith("ecbplus.xml")


def read_annotated(path: Path) -> AnnotatedDocument:
    root = ElementTree.parse(path).getroot()
    tokens = sentence_tokens(root)
    sentence_of = {
        token.get("t_id", ""): int(token.get("sentence", "0")) for token in root.iter("token")
    }
    markables: dict[str, tuple[str, set[int]]] = {}
    for markable in _children(root, "Markables"):
        anchored = {
            sentence_of[a.get("t_id", "")]
            for a in markable.findall("token_anchor")
            if a.get("t_id", "") in sentence_of
        }
        if anchored:
            markables[markable.get("m_id", "")] = (markable.tag, anchored)
    found: dict[int, Mentions] = {
        s: Mentions(annotated=True) for _, ss in markables.values() for s in ss
    }
    for relation in _children(root, "Relations"):
        if relation.tag != "CROSS_DOC_COREF":
            continue
        instance = relation.get("note", "")
        for source in relation.findall("source"):
            tag, sentences = markables.get(source.get("m_id", ""), ("", set()))
            for number in sentences:
                found[number] = found[number] | _mention(instance, tag)
    plus = is_plus(path)
    topic = int(path.name.split("_", 1)[0])
    return AnnotatedDocument(
        name=path.stem,
        topic=topic,
        event=f"{topic}{'+' if plus else ''}",
        sentences=tuple(
            AnnotatedSentence(number, " ".join(words), found.get(number, Mentions()))
            for number, words in sorted(tokens.items())
            if not (plus and number == 0)
        ),
    )


def _children(root: ElementTree.Element, tag: str) -> list[ElementTree.Element]:
    found = root.find(tag)
    return [] if found is None else list(found)


def _mention(instance: str, tag: str) -> Mentions:
    kind = instance[:3]
    if kind == "ACT":
        reporting = frozenset({instance}) if tag == REPORTING_TAG else frozenset()
        return Mentions(True, actions=frozenset({instance}), reporting=reporting)
    if kind in ARGUMENT_KINDS:
        return Mentions(True, arguments=frozenset({instance}))
    return Mentions(True)


def document_paths(folder: Path, topics: Iterable[int] | None = None) -> list[Path]:
    """The ECB+ documents under ``folder/ECB+`` of ``topics`` (default: every topic folder
    present), topic folder by topic folder, each folder's files by name."""
    chosen = {str(t) for t in topics} if topics is not None else None
    return [
        path
        for topic in sorted((folder / "ECB+").iterdir(), key=lambda p: p.name)
        if topic.is_dir() and (chosen is None or topic.name in chosen)
        for path in sorted(topic.glob("*.xml"))
    ]


def training_topics(folder: Path) -> list[int]:
    """The topics present under ``folder/ECB+`` that are not dev topics."""
    return [t for t in ALL_TOPICS if t not in DEV_TOPICS and (folder / "ECB+" / str(t)).is_dir()]


def event_groups(
    folder: Path, topics: Iterable[int], size: int = GROUP_SIZE, seed: int = 13
) -> list[list[AnnotatedDocument]]:
    """Each event's documents (a topic's ``ecb`` or ``ecbplus`` half), shuffled and dealt into
    groups of at most ``size``; groups of one document are dropped."""
    shuffle = random.Random(seed).shuffle
    groups: list[list[AnnotatedDocument]] = []
    for topic in topics:
        paths = sorted((folder / "ECB+" / str(topic)).glob(f"{topic}_*.xml"))
        for plus in (False, True):
            documents = [read_annotated(p) for p in paths if is_plus(p) == plus]
            shuffle(documents)
            count = max(1, round(len(documents) / size))
            groups.extend(
                documents[k::count] for k in range(count) if len(documents[k::count]) >= 2
            )
    return groups


# ---------------------------------------------------------------- mapping onto a clean text


def line_mentions(document: AnnotatedDocument, clean_text: str) -> list[tuple[int, int, Mentions]]:
    """(start, end, mentions) of each of the document's sentences found as a whole line of
    ``clean_text`` (the cleaner keeps lines verbatim, drops some, adds blank ones), in order."""
    spans: list[tuple[int, int, Mentions]] = []
    remaining = list(document.sentences)
    offset = 0
    for line in clean_text.split("\n"):
        for k, sentence in enumerate(remaining):
            if sentence.text == line.strip() and line.strip():
                start = offset + line.index(sentence.text)
                spans.append((start, start + len(sentence.text), sentence.mentions))
                del remaining[: k + 1]
                break
        offset += len(line) + 1
    return spans


def mentions_within(spans: Sequence[tuple[int, int, Mentions]], start: int, end: int) -> Mentions:
    """Everything the lines overlapping [start, end) mention (a unit may join lines)."""
    found = Mentions()
    for line_start, line_end, mentions in spans:
        if line_start < end and start < line_end:
            found = found | mentions
    return found


def url_date(url: str) -> str | None:
    """The ISO date written in a document's address, if it holds a real day."""
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        return datetime.date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return None
