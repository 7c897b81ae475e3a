"""SemEval-2015 Task 4 (TimeLine), Track A: the task's corpora, and triangulate's timelines.

Data: ``data/semeval2015_task4_timeline`` in the shared evaluation folder (three corpora
of 30 WikiNews articles, a list of target entities each, gold timelines; a trial corpus).
For every target entity a system writes the task's timeline: rows of ``order  anchor
docid-sentence-word ...``, scored by :mod:`triangulate.evaluation.timelines`.

Input: the Track A TimeML files (tokenised sentences, creation time in ``<DCT>``).  Each
article's text is its sentences with the tokens joined by spaces (none before closing
punctuation), one paragraph per sentence, so the task's sentence numbers and tokens can be
found again from character offsets.  The creation time is the publication date.

Triangulate's timeline of an entity (:func:`triangulate_timeline`) is the dossier's view
of the same event mentions (``event_mentions``: one per verb, dated by the time its own
clause gives, else placed at the day the article's lead dates, else at publication),
kept when the entity takes part in the event (named in its clause, or a participant: a
pronoun subject counts as what it stands for), each at its own date written at the
granularity the text gives (``2007-10-XX``), rows ordered by date.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from triangulate.compose.timeline import EventMention, event_mentions
from triangulate.core.dates import DateInterval
from triangulate.evaluation.timelines import (
    Timeline,
    TimelineRow,
    read_timeline,
    timeline_file_name,
)
from triangulate.models import Article, Reading
from triangulate.nlp.language import load_nlp
from triangulate.readers.reader import merge_across, read_parsed

TASK_FOLDER = Path("data") / "semeval2015_task4_timeline"
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "n't", "''"})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``"})


# --- the corpus ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskToken:
    """A token of the task's tokenisation and where it sits in the article text."""

    sentence: int
    text: str
    start: int
    end: int


@dataclass
class TaskDocument:
    doc_id: str
    created: str  # YYYY-MM-DD
    article: Article
    tokens: list[TaskToken]
    parsed: Doc | None = None
    reading: Reading | None = None
    short_anchors: bool = False

    def tokens_in(self, start: int, end: int) -> list[TaskToken]:
        return [t for t in self.tokens if t.start < end and start < t.end]

    def sentence_at(self, position: int) -> int | None:
        for token in self.tokens:
            if token.start <= position < token.end or position < token.start:
                return token.sentence
        return None


def load_document(path: Path) -> TaskDocument:
    root = ET.parse(path).getroot()
    doc_id = (root.findtext("DOCID") or path.name.split("_")[0]).strip()
    timex = root.find("DCT/TIMEX3")
    created = (timex.get("value") or "")[:10] if timex is not None else ""
    if match := re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", created):  # one file writes DD-MM-YYYY
        created = f"{match[3]}-{match[2]}-{match[1]}"
    text_node = root.find("TEXT")
    assert text_node is not None, path
    pieces: list[str] = []
    tokens: list[TaskToken] = []
    cursor = 0
    for sentence in text_node.findall("s"):
        number = int(sentence.get("id", "0"))
        if pieces:
            pieces.append("\n\n")
            cursor += 2
        previous = ""
        for word in "".join(sentence.itertext()).split():
            if previous and word not in NO_SPACE_BEFORE and previous not in NO_SPACE_AFTER:
                pieces.append(" ")
                cursor += 1
            tokens.append(TaskToken(number, word, cursor, cursor + len(word)))
            pieces.append(word)
            cursor += len(word)
            previous = word
    text = "".join(pieces)
    title = text.split("\n", 1)[0]
    article = Article(
        id=doc_id, source=str(path), text=text, title=title, published=created or None
    )
    return TaskDocument(doc_id, created, article, tokens)


@dataclass
class TaskCorpus:
    name: str
    entities: list[str]
    documents: dict[str, TaskDocument]
    gold: dict[str, Timeline]
    short_anchors: bool = False  # the trial gold writes "2006-03" and "1968", not "-XX"
    mentions: list[EventMention] | None = None

    def anchor(self, value: str) -> str | None:
        """A value written as this corpus' gold writes its anchors."""
        return task_anchor(value, self.short_anchors)


def load_corpus(data: Path, number: int) -> TaskCorpus:
    """Evaluation corpus 1, 2 or 3 of the task's folder ``data``; 0 is the trial corpus
    (30 articles about one company, 6 timelines), the only part of the data fit to tune
    anything on."""
    if number == 0:
        root = data
        gold_files = sorted((root / "TimeLines_trial_data_task4_v1.2").glob("*.txt"))
        gold_list = [read_timeline(path) for path in gold_files]
        entities = [timeline.entity for timeline in gold_list]
        gold = dict(zip(entities, gold_list, strict=True))
        tml_folder, name = root / "Corpus-trial-data_task4_TimeML", "trial"
    else:
        folder = data / "SemEval_Task4_data" / f"corpus_{number}"
        entity_file = folder / f"list_target_entities_corpus_{number}.txt"
        entities = [line.strip() for line in entity_file.read_text().splitlines() if line.strip()]
        gold_folder = folder / "TimeLines_Gold_Standard"
        gold = {e: read_timeline(gold_folder / timeline_file_name(e)) for e in entities}
        tml_folder, name = folder / "corpus_trackA_TimeML", folder.name
    documents = {}
    for path in sorted(tml_folder.glob("*.tml")):
        document = load_document(path)
        documents[document.doc_id] = document
    for document in documents.values():
        document.short_anchors = number == 0
    return TaskCorpus(name, entities, documents, gold, short_anchors=number == 0)


def read_corpus(corpus: TaskCorpus) -> None:
    """Parse and read every article, then merge entity names across the corpus."""
    nlp = load_nlp()
    documents = list(corpus.documents.values())
    readings = []
    for document, parsed in zip(
        documents, nlp.pipe(d.article.text for d in documents), strict=True
    ):
        document.parsed = parsed
        readings.append(read_parsed(document.article, parsed))
    for document, reading in zip(documents, merge_across(readings), strict=True):
        document.reading = reading


# --- entities --------------------------------------------------------------------------------


def _normal(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("’", "'")
    return " ".join(re.findall(r"[a-z0-9]+", text))


NON_NAME_LABELS = frozenset(
    {"GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
COUNTRY_CODES = frozenset({"us", "u.s.", "uk", "u.k."})
GENERIC_LAST_WORDS = frozenset(
    {"index", "average", "composite", "inc", "corp", "corporation", "company"}
)


@dataclass
class EntityMatcher:
    """Which texts name a target entity: its name, or a variant of it.

    Variants come from the name and the reader's entities, never from a list of known
    entities: the words run together ("DaimlerChrysler"); the acronym of a name of three
    or more capitalised words ("NYSE"); the words after the first when they hold a model
    number with letters ("A380"); the name without a leading country code or a trailing
    generic word ("index", "average"); a person's surname (matched with its capital) when
    the reader tags a person of that surname; a name the reader found (not a place) that
    is the first or last two or more words of a name of three or more words ("Dow Jones",
    "Air Force"); and any name the reader merged with the target (same canonical name).
    """

    entity: str
    variants: set[str] = field(default_factory=set)
    cased: set[str] = field(default_factory=set)  # matched as written (surnames)

    @classmethod
    def build(cls, entity: str, readings: Iterable[Reading]) -> EntityMatcher:
        words = entity.split()
        target = _normal(entity)
        variants = {target, _normal("".join(words))}
        cased: set[str] = set()
        capitals = [w for w in words if w[:1].isupper()]
        if len(words) >= 3 and len(capitals) >= 3:
            variants.add("".join(w[0] for w in capitals).lower())
        tail = " ".join(words[1:])
        if len(words) >= 2 and re.search(r"\d", tail) and re.search(r"[A-Za-z]", tail):
            variants.add(_normal(tail))
        if len(words) > 1 and words[0].lower() in COUNTRY_CODES:
            variants.add(_normal(" ".join(words[1:])))
        if len(words) > 1 and words[-1].lower() in GENERIC_LAST_WORDS:
            variants.add(_normal(" ".join(words[:-1])))
        name_words = target.split()
        for reading in readings:
            for found in reading.entities:
                text = _normal(found.evidence.text)
                if _normal(found.canonical) == target:
                    variants.add(text)
                person_like = len(words) in (2, 3) and all(
                    w[:1].isupper() and w.isalpha() for w in words
                )
                if (
                    person_like
                    and found.label == "PERSON"
                    and found.evidence.text.split()[-1] == words[-1]
                ):
                    cased.add(words[-1])
                found_words = text.split()
                if (
                    found.label not in NON_NAME_LABELS
                    and len(name_words) >= 3
                    and 2 <= len(found_words) < len(name_words)
                    and found_words
                    in (name_words[: len(found_words)], name_words[-len(found_words) :])
                ):
                    variants.add(text)
        variants.discard("")
        return cls(entity, variants, cased)

    def named_in(self, text: str) -> bool:
        padded = f" {_normal(text)} "
        if any(f" {variant} " in padded for variant in self.variants):
            return True
        return any(re.search(rf"\b{re.escape(word)}\b", text) for word in self.cased)


# --- events ----------------------------------------------------------------------------------


def task_anchor(value: str, short: bool = False) -> str | None:
    """A reader's ISO value written as the task writes anchors (YYYY-MM-DD, -XX for unknown;
    ``short``: without the trailing -XX, as the trial gold writes them).

    The granularity the text gives is kept: a month stays ``2007-10-XX``; a week, a season
    or a quarter is written as the month or the year it lies in.
    """
    anchor = _full_anchor(value)
    return re.sub(r"(?:-XX)+$", "", anchor) if anchor and short else anchor


def _full_anchor(value: str) -> str | None:
    value = value.split("/")[0].split("T")[0]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return f"{value}-XX"
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-XX-XX"
    if match := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        return f"{monday.year}-{monday.month:02d}-XX"
    if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI|Q\d|H\d)", value):
        return f"{match[1]}-XX-XX"
    return None


def _sort_key(anchor: str) -> tuple[dt.date, int]:
    when = DateInterval.parse(re.sub(r"(?:-XX)+$", "", anchor))
    return (when.start, -when.days) if when is not None else (dt.date.max, 0)


def rows_from(events: Iterable[tuple[str, Sequence[str]]]) -> list[TimelineRow]:
    """Rows from (anchor, mentions) groups: ordered by date, same anchor same position.

    A mention already placed is not placed again.
    """
    groups = [(anchor, list(mentions)) for anchor, mentions in events]
    anchors = sorted({anchor for anchor, _ in groups}, key=_sort_key)
    position = {anchor: i + 1 for i, anchor in enumerate(anchors)}
    placed: set[str] = set()
    rows = []
    for anchor, mentions in sorted(groups, key=lambda g: position[g[0]]):
        fresh = tuple(dict.fromkeys(m for m in mentions if m not in placed))
        placed.update(fresh)
        if fresh:
            rows.append(TimelineRow(position[anchor], anchor, fresh))
    return rows


def mention_id(document: TaskDocument, start: int, end: int) -> str | None:
    tokens = document.tokens_in(start, end)
    if not tokens:
        return None
    words = [t.text for t in tokens if t.sentence == tokens[0].sentence]
    return f"{document.doc_id}-{tokens[0].sentence}-{'_'.join(words)}"


def corpus_mentions(corpus: TaskCorpus) -> list[EventMention]:
    """The event mentions of a read corpus, as the dossier's timeline finds them."""
    if corpus.mentions is None:
        documents = list(corpus.documents.values())
        articles = [d.article for d in documents]
        readings = [d.reading for d in documents if d.reading is not None]
        corpus.mentions = event_mentions(articles, readings)
    return corpus.mentions


def triangulate_timeline(corpus: TaskCorpus, entity: str, matcher: EntityMatcher) -> Timeline:
    """Triangulate's timeline of one target entity of a read corpus."""
    events = []
    for mention in corpus_mentions(corpus):
        if not takes_part(mention, matcher):
            continue
        anchor = corpus.anchor(mention.value)
        document = corpus.documents[mention.article]
        word = mention.event.evidence
        found = mention_id(document, word.start, word.end)
        if anchor and found:
            events.append((anchor, [found]))
    return Timeline(entity, tuple(rows_from(events)))


def takes_part(mention: EventMention, matcher: EntityMatcher) -> bool:
    """The entity is named in the event's clause or among its participants."""
    event = mention.event
    if matcher.named_in(event.clause.text):
        return True
    return any(matcher.named_in(name) for name in event.participants)
