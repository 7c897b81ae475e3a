"""Entity timelines from raw text, scored as in SemEval-2015 Task 4 (TimeLine), Track A.

Data: ../shared/data/semeval2015_task4_timeline (three corpora of 30 WikiNews articles,
a list of target entities each, gold timelines).  For every target entity a system
writes the task's timeline file: rows of ``order  anchor  docid-sentence-word ...``;
the scorer is :mod:`triangulate.evaluation.timelines` (temporal awareness, micro F1).

Input: the Track A TimeML files (tokenised sentences, creation time in ``<DCT>``).  Each
article's text is its sentences with the tokens joined by spaces (none before closing
punctuation), one paragraph per sentence, so the task's sentence numbers and tokens can
be found again from character offsets.  The creation time is the publication date.

Systems, all scored in the same run:

``triangulate``  The dossier's timeline seen as the task asks: the same event mentions
    (``event_mentions``: one per verb, dated by the time its own clause gives, else placed
    at the day the article's lead dates, else at publication; reporting verbs at
    publication), kept when the entity takes part in the event (named in the verb's clause
    or its subject, see ``EntityMatcher``), each at its own date written at the granularity
    the text gives (``2007-10-XX``), rows ordered by date.
``sentence_verbs_dct``  Baseline: every verb of every sentence naming the entity,
    anchored at its article's creation date, ordered by creation date.
``sentence_verbs_time``  Baseline: the same verbs, anchored at the first dated time
    expression the reader finds in the sentence, else at the creation date.

With ``--diagnostics`` systems that peek at the gold are scored too, to tell what
limits the score: gold events anchored at the creation date (``oracle_events_dct``) or
at the sentence's time expression as the baseline does (``oracle_events_time``), and
triangulate's mentions that are gold events at their gold anchors
(``triangulate_gold_anchor``).  Mention-level figures (how many mentions are gold events,
how many anchors are right) are printed for every system.  ``--corpora 0`` runs on the
trial corpus, the part of the data to tune on; corpora 1-3 are for measuring.

Usage:
  .venv/bin/python benchmarks/eval_timeline.py [--shared ../shared] [--corpora 1,2,3]
      [--out DIR] [--diagnostics]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from spacy.tokens import Doc, Span, Token

from triangulate.compose.timeline import EventMention, date_bounds, event_mentions
from triangulate.evaluation.timelines import (
    AwarenessCounts,
    Timeline,
    TimelineRow,
    read_timeline,
    score_timeline,
    timeline_file_name,
)
from triangulate.models import Article, Reading
from triangulate.nlp.language import load_nlp
from triangulate.readers.reader import merge_across, read_parsed

ROOT = Path(__file__).resolve().parents[1]
TASK_FOLDER = Path("data") / "semeval2015_task4_timeline"
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "n't", "''"})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``"})
DATED_GRANULARITIES = frozenset({"day", "month", "year", "week", "season", "quarter"})
PUBLISHED_TASK_F1 = {"best Track A run (SemEval-2015)": 7.85}


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
    bounds = date_bounds(anchor.replace("-XX", "")) or (dt.date.max, dt.date.max)
    return bounds[0], -(bounds[1] - bounds[0]).days


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


def verb_mention(document: TaskDocument, verb: Token) -> str | None:
    """A verb (with an adjacent particle, "pushed back") as a task mention."""
    end = verb.idx + len(verb.text)
    particle = next((c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), None)
    if particle is not None:
        end = particle.idx + len(particle.text)
    return mention_id(document, verb.idx, end)


def sentence_time_anchor(document: TaskDocument, start: int, end: int) -> str:
    """The first dated time expression of a sentence as an anchor, else the creation date."""
    assert document.reading is not None
    for time_ in document.reading.times:
        inside = start <= time_.evidence.start < end
        if not (inside and time_.anchored and time_.value):
            continue
        if time_.granularity in DATED_GRANULARITIES and not time_.value.startswith("P"):
            anchor = task_anchor(time_.value, document.short_anchors)
            if anchor:
                return anchor
    return document.created


# --- systems ---------------------------------------------------------------------------------


SystemFn = Callable[[TaskCorpus, str, EntityMatcher], Timeline]


@dataclass
class Triangulate:
    """The dossier's event mentions of a corpus, kept per entity that takes part."""

    mentions: dict[str, list[EventMention]] = field(default_factory=dict)

    def of(self, corpus: TaskCorpus) -> list[EventMention]:
        if corpus.name not in self.mentions:
            documents = list(corpus.documents.values())
            articles = [d.article for d in documents]
            readings = [d.reading for d in documents if d.reading is not None]
            self.mentions[corpus.name] = event_mentions(articles, readings)
        return self.mentions[corpus.name]

    def __call__(self, corpus: TaskCorpus, entity: str, matcher: EntityMatcher) -> Timeline:
        events = []
        for mention in self.of(corpus):
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


def _entity_sentences(
    corpus: TaskCorpus, matcher: EntityMatcher
) -> Iterable[tuple[TaskDocument, Span]]:
    for document in corpus.documents.values():
        assert document.parsed is not None
        for sentence in document.parsed.sents:
            if matcher.named_in(sentence.text):
                yield document, sentence


def sentence_verbs(anchor_of: Callable[[TaskDocument, Span], str]) -> SystemFn:
    """Baseline: every verb of every sentence naming the entity."""

    def system(corpus: TaskCorpus, entity: str, matcher: EntityMatcher) -> Timeline:
        events = []
        for document, sentence in _entity_sentences(corpus, matcher):
            mentions = [verb_mention(document, t) for t in sentence if t.pos_ == "VERB"]
            found = [m for m in mentions if m]
            if found:
                events.append((anchor_of(document, sentence), found))
        return Timeline(entity, tuple(rows_from(events)))

    return system


def _dct_anchor(document: TaskDocument, sentence: Span) -> str:
    return document.created


def _time_anchor(document: TaskDocument, sentence: Span) -> str:
    return sentence_time_anchor(document, sentence.start_char, sentence.end_char)


# diagnostics: systems that look at the gold


def _gold_placed(corpus: TaskCorpus, entity: str) -> list[tuple[str, str]]:
    """(mention, anchor) of the gold rows that are placed (order > 0)."""
    return [(m, row.anchor) for row in corpus.gold[entity].rows if row.order for m in row.mentions]


def _mention_sentence(corpus: TaskCorpus, mention: str) -> tuple[TaskDocument, int, int] | None:
    doc_id, sentence, _ = mention.split("-", 2)
    document = corpus.documents.get(doc_id)
    if document is None or not sentence.isdigit():
        return None
    tokens = [t for t in document.tokens if t.sentence == int(sentence)]
    return (document, tokens[0].start, tokens[-1].end) if tokens else None


def oracle_events(anchor_of: Callable[[TaskDocument, int, int], str]) -> SystemFn:
    def system(corpus: TaskCorpus, entity: str, matcher: EntityMatcher) -> Timeline:
        events = []
        for mention, _ in _gold_placed(corpus, entity):
            where = _mention_sentence(corpus, mention)
            if where is not None:
                events.append((anchor_of(*where), [mention]))
        return Timeline(entity, tuple(rows_from(events)))

    return system


def with_gold_anchors(base: SystemFn) -> SystemFn:
    """A system's mentions that are gold events, each at its gold anchor."""

    def system(corpus: TaskCorpus, entity: str, matcher: EntityMatcher) -> Timeline:
        gold = dict(_gold_placed(corpus, entity))
        produced = base(corpus, entity, matcher)
        events = [(gold[m], [m]) for row in produced.rows for m in row.mentions if m in gold]
        return Timeline(entity, tuple(rows_from(events)))

    return system


# --- running ---------------------------------------------------------------------------------


@dataclass
class MentionStats:
    """Mention-level agreement with the gold's placed events."""

    system: int = 0
    gold: int = 0
    events_right: int = 0  # exact docid-sentence-word matches
    sentences_right: int = 0  # system mentions in a sentence holding a gold event
    anchors_right: int = 0  # matched mentions whose anchor string is the gold's

    def add(self, gold: Timeline, system: Timeline) -> None:
        gold_anchor = {m: r.anchor for r in gold.rows if r.order for m in r.mentions}
        gold_sentences = {m.rsplit("-", 1)[0] for m in gold_anchor}
        self.gold += len(gold_anchor)
        for row in system.rows:
            if not row.order:
                continue
            for mention in row.mentions:
                self.system += 1
                self.sentences_right += mention.rsplit("-", 1)[0] in gold_sentences
                if mention in gold_anchor:
                    self.events_right += 1
                    self.anchors_right += gold_anchor[mention] == row.anchor


def _ratio(part: int, whole: int) -> float:
    return 100 * part / whole if whole else 0.0


def run(
    data: Path, corpora: Sequence[int], systems: dict[str, SystemFn], out: Path | None
) -> dict[str, tuple[AwarenessCounts, MentionStats, dict[str, AwarenessCounts]]]:
    results: dict[str, tuple[AwarenessCounts, MentionStats, dict[str, AwarenessCounts]]] = {}
    for number in corpora:
        started = time.time()
        corpus = load_corpus(data, number)
        read_corpus(corpus)
        readings = [d.reading for d in corpus.documents.values() if d.reading is not None]
        print(
            f"{corpus.name}: {len(corpus.documents)} articles read in {time.time() - started:.1f}s"
        )
        for entity in corpus.entities:
            matcher = EntityMatcher.build(entity, readings)
            gold = corpus.gold[entity]
            for name, system in systems.items():
                produced = system(corpus, entity, matcher)
                counts = score_timeline(gold, produced)
                total, stats, per_corpus = results.setdefault(
                    name, (AwarenessCounts(), MentionStats(), defaultdict(AwarenessCounts))
                )
                stats.add(gold, produced)
                per_corpus[corpus.name] += counts
                results[name] = (total + counts, stats, per_corpus)
                if out is not None:
                    target = out / name / corpus.name
                    target.mkdir(parents=True, exist_ok=True)
                    (target / timeline_file_name(entity)).write_text(
                        produced.to_text(), encoding="utf-8"
                    )
    return results


def report(
    results: dict[str, tuple[AwarenessCounts, MentionStats, dict[str, AwarenessCounts]]],
) -> None:
    print()
    print("Temporal awareness, micro-averaged over the target entities (percent):")
    corpora = sorted({c for _, _, per in results.values() for c in per})
    header = f"{'system':28} {'P':>6} {'R':>6} {'F1':>6}  " + "  ".join(
        f"{c[-8:]:>8}" for c in corpora
    )
    print(header)
    for name, (total, _, per) in results.items():
        by_corpus = "  ".join(f"{per[c].f1:8.2f}" for c in corpora)
        print(f"{name:28} {total.precision:6.2f} {total.recall:6.2f} {total.f1:6.2f}  {by_corpus}")
    for label, value in PUBLISHED_TASK_F1.items():
        print(f"{'(published) ' + label:28} {'':>6} {'':>6} {value:6.2f}")
    print()
    print(
        "Mentions (placed events): system, gold, exact events P/R, same-sentence P, anchor accuracy on exact events:"
    )
    for name, (_, stats, _) in results.items():
        print(
            f"{name:28} sys {stats.system:5d} gold {stats.gold:4d}  "
            f"event P {_ratio(stats.events_right, stats.system):5.1f} R {_ratio(stats.events_right, stats.gold):5.1f}  "
            f"sentence P {_ratio(stats.sentences_right, stats.system):5.1f}  "
            f"anchor acc {_ratio(stats.anchors_right, stats.events_right):5.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--corpora", default="1,2,3", help="1-3: evaluation corpora; 0: trial corpus"
    )
    parser.add_argument("--out", type=Path, help="write every system's timeline files here")
    parser.add_argument(
        "--diagnostics", action="store_true", help="also score systems that peek at the gold"
    )
    args = parser.parse_args()
    data = args.shared / TASK_FOLDER
    if not data.exists():
        raise SystemExit(f"{data} is absent: the task's data lives in ../shared/data")
    triangulate = Triangulate()
    systems: dict[str, SystemFn] = {
        "triangulate": triangulate,
        "sentence_verbs_dct": sentence_verbs(_dct_anchor),
        "sentence_verbs_time": sentence_verbs(_time_anchor),
    }
    if args.diagnostics:
        systems |= {
            "oracle_events_dct": oracle_events(lambda d, s, e: d.created),
            "oracle_events_time": oracle_events(sentence_time_anchor),
            "triangulate_gold_anchor": with_gold_anchors(triangulate),
        }
    corpora = [int(c) for c in args.corpora.split(",")]
    report(run(data, corpora, systems, args.out))


if __name__ == "__main__":
    main()
