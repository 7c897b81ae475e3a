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
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from spacy.tokens import Span, Token

from triangulate.evaluation.timeline_task import (
    TASK_FOLDER,
    EntityMatcher,
    TaskCorpus,
    TaskDocument,
    load_corpus,
    mention_id,
    read_corpus,
    rows_from,
    task_anchor,
    triangulate_timeline,
)
from triangulate.evaluation.timelines import (
    AwarenessCounts,
    Timeline,
    score_timeline,
    timeline_file_name,
)

ROOT = Path(__file__).resolve().parents[1]
DATED_GRANULARITIES = frozenset({"day", "month", "year", "week", "season", "quarter"})
PUBLISHED_TASK_F1 = {"best Track A run (SemEval-2015)": 7.85}


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
    triangulate = triangulate_timeline
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
