"""Scoring framing markers and actor labels against NewsWCL50's word-choice annotations.

Gold (see :mod:`triangulate.evaluation.newswcl50`): in each article, the *word-choice
spans* are the property mentions (the words by which the outlet labels a concept) and
the concept mentions that are not bare names ("the migrant caravan", "Trump
administration", but not "Mexico" nor "the United States"); the *actor mentions* are the
concept mentions of actors, countries and groups, names included.

Protocol (what :func:`score_markers` and :func:`score_labels` compute):

* Markers are scored word by word (a word: a run of letters and digits): precision is the
  share of the words markers cover that lie in a word-choice span; recall, the share of
  the words of property mentions (``recall_properties``) and of all word-choice spans
  (``recall_word_choice``) that markers cover.  Only markers in the outlet's own voice
  are scored: words inside quotation marks are the speaker's, never the outlet's framing
  (how many there were is reported apart).
* Two spans match when they share at least half of the shorter one's characters.
* Labels: a system label is (article, actor, span); each actor (a canonical name) stands
  for the gold concept whose actor mentions its entity mentions fall in most often, over
  the articles of the event (an actor that falls in none, a place or an outlet the
  annotators did not follow, is left out and counted apart).  A label is right when it
  matches an actor mention of that concept.  Precision counts distinct (article, actor,
  words) rows, right when one of their spans is; recall counts distinct (article,
  concept, words) of the gold actor mentions whose concept some actor stands for, found
  when a right label matches one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from triangulate.compose.assemble import collect_labels, label_mentions
from triangulate.evaluation.newswcl50 import Document, Mention
from triangulate.models import Article, Reading
from triangulate.readers.reader import read_many

Span = tuple[int, int]
MIN_SHARED = 0.5
ACTOR_KINDS = frozenset({"ACTOR", "ACTOR-I", "COUNTRY", "GROUP"})
LEADING_ARTICLES = frozenset({"the", "a", "an"})
_WORD = re.compile(r"[^\W_]+")


def shared_enough(first: Span, second: Span) -> bool:
    """Whether two spans share at least half of the shorter one's characters."""
    common = min(first[1], second[1]) - max(first[0], second[0])
    shorter = min(first[1] - first[0], second[1] - second[0])
    return common > 0 and common >= MIN_SHARED * shorter


def is_bare_name(words: str) -> bool:
    """A mention made only of capitalised words (after a leading article): a name."""
    tokens = [t for t in words.replace("-", " ").split() if any(ch.isalpha() for ch in t)]
    while tokens and tokens[0].lower() in LEADING_ARTICLES:
        tokens = tokens[1:]
    return bool(tokens) and all(t[:1].isupper() for t in tokens)


def word_choice_spans(document: Document) -> list[Mention]:
    """Property mentions and the concept mentions that are not bare names."""
    concepts = [m for m in document.concepts if not is_bare_name(document.text[m.start : m.end])]
    return [*document.properties, *concepts]


def fold(words: str) -> str:
    return " ".join("".join(ch.lower() if ch.isalnum() else " " for ch in words).split())


def _words(document: Document, mention: Mention) -> str:
    return fold(document.text[mention.start : mention.end])


# ------------------------------------------------------------------ markers


@dataclass
class MarkerScore:
    """Counts of words: marked by a system, in gold spans, and both."""

    marked: int = 0
    marked_right: int = 0
    properties: int = 0
    properties_marked: int = 0
    word_choice: int = 0
    word_choice_marked: int = 0
    markers: int = 0

    def add(self, other: MarkerScore) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.marked_right / self.marked if self.marked else 0.0

    @property
    def recall_properties(self) -> float:
        return self.properties_marked / self.properties if self.properties else 0.0

    @property
    def recall_word_choice(self) -> float:
        return self.word_choice_marked / self.word_choice if self.word_choice else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall_word_choice
        return 2 * p * r / (p + r) if p + r else 0.0


def words_in(text: str, spans: Iterable[Span]) -> set[int]:
    """Start offsets of the words (runs of letters and digits) that lie in the spans."""
    starts = [match.start() for match in _WORD.finditer(text)]
    inside: set[int] = set()
    for start, end in spans:
        first = bisect_left(starts, start)
        for index in range(first, len(starts)):
            if starts[index] >= end:
                break
            inside.add(starts[index])
    return inside


def score_markers(document: Document, markers: Iterable[Span]) -> MarkerScore:
    """Word-level agreement of a set of marker spans in one article with its gold spans."""
    spans = list(markers)
    text = document.text
    marked = words_in(text, spans)
    gold = words_in(text, [(m.start, m.end) for m in word_choice_spans(document)])
    properties = words_in(text, [(m.start, m.end) for m in document.properties])
    return MarkerScore(
        marked=len(marked),
        marked_right=len(marked & gold),
        properties=len(properties),
        properties_marked=len(properties & marked),
        word_choice=len(gold),
        word_choice_marked=len(gold & marked),
        markers=len(spans),
    )


# ------------------------------------------------------------------ labels


@dataclass(frozen=True)
class Label:
    """One name or label a system gives an actor in an article."""

    article: str
    actor: str
    start: int
    end: int


@dataclass
class LabelScore:
    rows: int = 0
    rows_right: int = 0
    gold: int = 0
    gold_found: int = 0
    unmapped_actors: int = 0
    wrong: list[tuple[str, str, str]] = field(default_factory=list)  # (article, actor, words)

    @property
    def precision(self) -> float:
        return self.rows_right / self.rows if self.rows else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0


def actor_concepts(documents: Mapping[str, Document], mentions: Iterable[Label]) -> dict[str, str]:
    """Actor (canonical name) -> the gold concept its mentions fall in most often."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        document = documents[mention.article]
        for gold in document.concepts:
            if gold.kind in ACTOR_KINDS and gold.start <= mention.start < mention.end <= gold.end:
                votes[mention.actor][gold.concept] += 1
    return {actor: counts.most_common(1)[0][0] for actor, counts in votes.items()}


def score_labels(
    documents: Mapping[str, Document],
    labels: Sequence[Label],
    concept_of: Mapping[str, str],
) -> LabelScore:
    """Labels (names and label words per actor) against the gold actor mentions."""
    score = LabelScore()
    rows: dict[tuple[str, str, str], bool] = {}
    found: set[tuple[str, str, str]] = set()
    for label in labels:
        document = documents[label.article]
        words = fold(document.text[label.start : label.end])
        concept = concept_of.get(label.actor)
        if concept is None:
            continue  # an actor the annotators did not follow: nothing to judge it by
        right = [
            g
            for g in document.concepts
            if g.concept == concept and shared_enough((g.start, g.end), (label.start, label.end))
        ]
        key = (label.article, label.actor, words)
        rows[key] = rows.get(key, False) or bool(right)
        found.update(
            (label.article, g.concept, fold(document.text[g.start : g.end])) for g in right
        )
    score.rows = len(rows)
    score.rows_right = sum(rows.values())
    score.wrong = sorted(key for key, right in rows.items() if not right)
    score.unmapped_actors = len({label.actor for label in labels} - set(concept_of))
    mapped = set(concept_of.values())
    gold = {
        (name, g.concept, _words(document, g))
        for name, document in documents.items()
        for g in document.concepts
        if g.kind in ACTOR_KINDS and g.concept in mapped
    }
    score.gold = len(gold)
    score.gold_found = len(gold & found)
    return score


# ------------------------------------------------------------------ triangulate on the corpus


@dataclass(frozen=True)
class ReadEvent:
    """One NewsWCL50 event: its five articles, read together (names merged across them)."""

    name: str
    articles: tuple[Article, ...]
    readings: tuple[Reading, ...]


def read_events(documents: Mapping[str, Document]) -> list[ReadEvent]:
    by_event: dict[str, list[Document]] = defaultdict(list)
    for document in documents.values():
        by_event[document.event].append(document)
    events = []
    for name, members in sorted(by_event.items()):
        articles = tuple(
            Article(id=d.id, source=d.id, text=d.text, outlet=d.id.split("_")[1])
            for d in sorted(members, key=lambda d: d.id)
        )
        events.append(ReadEvent(name, articles, tuple(read_many(articles))))
    return events


def outlet_markers(reading: Reading) -> list[Span]:
    """The spans of the framing markers in the outlet's own voice."""
    return [(m.evidence.start, m.evidence.end) for m in reading.framing if m.voice == "outlet"]


def table_labels(event: ReadEvent, words_only: bool = False) -> list[Label]:
    """The names and labels the dossier's labels table gives each actor it shows."""
    shown = {actor for actor, _, _ in collect_labels(event.articles, event.readings)}
    return [
        Label(evidence.article, f"{event.name}:{actor}", evidence.start, evidence.end)
        for actor, _outlet, evidence, is_label in label_mentions(event.articles, event.readings)
        if actor in shown and (is_label or not words_only)
    ]
