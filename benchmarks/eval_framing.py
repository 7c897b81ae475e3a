"""Measure the framing reader and the labels table.

1. On the project's own annotated sample (tests/fixtures/framing/annotated.jsonl,
   invented sentences): precision and recall per marker kind, matching (kind, text).
2. On NewsWCL50 (../shared/data/newswcl50, read-only; protocol in
   ``triangulate.evaluation.framing``): framing markers in the outlet's own voice against
   the annotated word-choice spans, and the labels the dossier's labels table gives each
   actor against the annotated mentions of that actor, each beside trivial baselines
   (every quoted phrase, every adjective; every noun phrase given to the nearest actor)
   and the former rule that gave a label to the actor nearest to it, in the same run.

Usage: .venv/bin/python benchmarks/eval_framing.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from triangulate.compose.assemble import ACTOR_LABELS
from triangulate.evaluation import newswcl50
from triangulate.evaluation.framing import (
    Label,
    MarkerScore,
    ReadEvent,
    Span,
    actor_concepts,
    outlet_markers,
    read_events,
    score_labels,
    score_markers,
    shared_enough,
    table_labels,
)
from triangulate.evaluation.newswcl50 import Document
from triangulate.models import Article, Entity, FramingMarker, Reading
from triangulate.nlp.language import load_nlp
from triangulate.readers.framing import find_framing
from triangulate.readers.quotes import quoted_regions

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "framing" / "annotated.jsonl"
KINDS = ("scare_quotes", "distancing", "loaded_word", "label")


def evaluate_sample(path: Path, split: str) -> dict[str, dict[str, float]]:
    """Split "dev" holds the sentences written with the lexicon; "heldout" was written after."""
    hits: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    misses: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        item = json.loads(line)
        if item.get("split", "dev") != split:
            continue
        found = Counter(
            (m.kind, m.evidence.text)
            for m in find_framing(item["text"], item["id"], item.get("title"))
        )
        gold = Counter((kind, text) for kind, text in item["expected"])
        for (kind, text), count in found.items():
            predicted[kind] += count
            hits[kind] += min(count, gold[(kind, text)])
            if count > gold[(kind, text)]:
                misses.append(f"  false positive {item['id']}: {kind} {text!r}")
        for (kind, text), count in gold.items():
            expected[kind] += count
            if count > found[(kind, text)]:
                misses.append(f"  missed {item['id']}: {kind} {text!r}")
    print("\n".join(misses))
    scores = {kind: _scores(hits[kind], predicted[kind], expected[kind]) for kind in KINDS}
    scores["all"] = _scores(sum(hits.values()), sum(predicted.values()), sum(expected.values()))
    return scores


def _scores(hit: int, predicted: int, expected: int) -> dict[str, float]:
    return {
        "tp": hit,
        "predicted": predicted,
        "expected": expected,
        "precision": hit / predicted if predicted else float("nan"),
        "recall": hit / expected if expected else float("nan"),
    }


# ------------------------------------------------------------------ NewsWCL50


@dataclass
class Event:
    """A read NewsWCL50 event, and its articles parsed for the baselines."""

    read: ReadEvent
    parsed: list[Doc]

    @property
    def name(self) -> str:
        return self.read.name

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.read.articles

    @property
    def readings(self) -> tuple[Reading, ...]:
        return self.read.readings


def parse_events(documents: dict[str, Document]) -> list[Event]:
    nlp = load_nlp()
    return [
        Event(read, list(nlp.pipe(a.text for a in read.articles)))
        for read in read_events(documents)
    ]


def _adjectives(doc: Doc) -> list[Span]:
    return [(t.idx, t.idx + len(t.text)) for t in doc if t.tag_ in {"JJ", "JJR", "JJS"}]


def _quoted_phrases(text: str) -> list[Span]:
    return [(start + 1, end - 1) for start, end in quoted_regions(text)]


def marker_systems(event: Event) -> dict[str, dict[str, list[Span]]]:
    """System -> article -> marker spans, for the reader and the trivial baselines."""
    systems: dict[str, dict[str, list[Span]]] = defaultdict(dict)
    for article, reading, doc in zip(event.articles, event.readings, event.parsed, strict=True):
        own = [m for m in reading.framing if m.voice == "outlet"]
        systems["triangulate (outlet's own voice)"][article.id] = outlet_markers(reading)
        for kind in KINDS:
            spans = [_span(m) for m in own if m.kind == kind]
            systems[f"  of which {kind}"][article.id] = spans
        quoted = [_span(m) for m in reading.framing if m.voice == "quote"]
        systems["(in quotes: the speakers' words)"][article.id] = quoted
        systems["baseline: every quoted phrase"][article.id] = _quoted_phrases(article.text)
        systems["baseline: every adjective"][article.id] = _adjectives(doc)
    return systems


def _span(marker: FramingMarker) -> Span:
    return marker.evidence.start, marker.evidence.end


def _span_of(entity: Entity) -> Span:
    return entity.evidence.start, entity.evidence.end


def label_systems(event: Event) -> dict[str, list[Label]]:
    """System -> labels (article, actor, span), actors named per event."""
    systems: dict[str, list[Label]] = defaultdict(list)
    systems["triangulate: names and labels"] = table_labels(event.read)
    systems["triangulate: label words only"] = table_labels(event.read, words_only=True)
    for article, reading, doc in zip(event.articles, event.readings, event.parsed, strict=True):
        actors = [e for e in reading.entities if e.label in ACTOR_LABELS]
        own_labels = [m for m in reading.framing if m.kind == "label"]
        for marker in own_labels:  # as before: the actor it overlaps, else the nearest one
            span = _span(marker)
            overlapping = [e for e in actors if shared_enough(span, _span_of(e))]
            nearest = (
                overlapping[0].canonical
                if overlapping
                else _nearest_actor(actors, doc, marker.evidence.start)
            )
            if nearest is not None:
                name = f"{event.name}:{nearest}"
                span = _span(marker)
                systems["former rule: labels to the nearest actor"].append(
                    Label(article.id, name, *span)
                )
        for chunk in doc.noun_chunks:
            nearest = _nearest_actor(actors, doc, chunk.start_char)
            if nearest is not None:
                name = f"{event.name}:{nearest}"
                label = Label(article.id, name, chunk.start_char, chunk.end_char)
                systems["baseline: every noun phrase to the nearest actor"].append(label)
    return systems


def _nearest_actor(actors: list[Entity], doc: Doc, position: int) -> str | None:
    span = doc.char_span(position, position + 1, alignment_mode="expand")
    if span is None:
        return None
    sentence = span.sent
    inside = [e for e in actors if sentence.start_char <= e.evidence.start < sentence.end_char]
    if not inside:
        return None
    return min(inside, key=lambda e: abs(e.evidence.start - position)).canonical


def evaluate_newswcl50(shared: Path, show_wrong: bool = False) -> None:
    began = time.perf_counter()
    documents = newswcl50.load_documents(shared)
    newswcl50.add_properties(shared, documents)
    placed = sum(len(d.properties) for d in documents.values())
    unplaced = sum(d.unplaced_properties for d in documents.values())
    events = parse_events(documents)
    print(
        f"{len(documents)} articles, {sum(len(d.concepts) for d in documents.values())} concept "
        f"mentions, {placed} property mentions placed ({unplaced} not found in the text); "
        f"read in {time.perf_counter() - began:.0f}s"
    )
    markers: dict[str, MarkerScore] = defaultdict(MarkerScore)
    for event in events:
        for name, spans in marker_systems(event).items():
            for article, found in spans.items():
                markers[name].add(score_markers(documents[article], found))
    print("\nFraming markers against word-choice spans (property mentions and non-name concept")
    print("mentions), word by word:")
    print(
        f"{'system':48} {'markers':>7} {'words':>6} {'P':>6} {'R prop':>7} {'R all':>6} {'F1':>6}"
    )
    for name, marker_score in markers.items():
        print(
            f"{name:48} {marker_score.markers:7d} {marker_score.marked:6d} "
            f"{marker_score.precision:6.3f} "
            f"{marker_score.recall_properties:7.3f} {marker_score.recall_word_choice:6.3f} "
            f"{marker_score.f1:6.3f}"
        )
    labels: dict[str, list[Label]] = defaultdict(list)
    for event in events:
        for name, given in label_systems(event).items():
            labels[name] += given
    concept_of = actor_concepts(documents, labels["triangulate: names and labels"])
    print("\nLabels (the words an outlet uses for an actor) against the gold actor mentions:")
    print(f"{'system':48} {'rows':>6} {'P':>6} {'R':>6} {'actors not annotated':>21}")
    for name, given in labels.items():
        label_score = score_labels(documents, given, concept_of)
        print(
            f"{name:48} {label_score.rows:6d} {label_score.precision:6.3f} "
            f"{label_score.recall:6.3f} {label_score.unmapped_actors:21d}"
        )
        if show_wrong and name.startswith("triangulate"):
            for article, actor, words in label_score.wrong:
                print(f"    wrong: {article} {actor} <- {words!r}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--wrong",
        action="store_true",
        help="list the wrong label rows (prints article words: keep it out of the repo)",
    )
    args = parser.parse_args()
    for split in ("dev", "heldout"):
        print(f"== annotated sample {SAMPLE.relative_to(ROOT)} split={split}")
        for kind, scores in evaluate_sample(SAMPLE, split).items():
            print(
                f"{kind:13} tp={scores['tp']:3} predicted={scores['predicted']:3} "
                f"expected={scores['expected']:3} "
                f"P={scores['precision']:.2f} R={scores['recall']:.2f}"
            )
    if not (args.shared / newswcl50.CONLL).exists():
        print("NewsWCL50 not found; skipped")
        return
    print("== NewsWCL50")
    evaluate_newswcl50(args.shared, args.wrong)


if __name__ == "__main__":
    main()
