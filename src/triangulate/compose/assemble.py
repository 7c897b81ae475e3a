"""Assembling the dossier record: claims, timeline, summary, framing, quotes and labels."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from triangulate.core.sources import source_name
from triangulate.core.spans import sentence_around
from triangulate.models import (
    Article,
    Claim,
    Dossier,
    Entity,
    Evidence,
    FramingMarker,
    Reading,
    SummarySentence,
    TimelineEntry,
)

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


def build_dossier(
    articles: Sequence[Article],
    readings: Iterable[Reading],
    claims: Sequence[Claim],
    timeline: Sequence[TimelineEntry],
    summary: Sequence[SummarySentence],
    omissions: Sequence[str],
) -> Dossier:
    """Gather everything the reports show into one record."""
    readings = list(readings)
    framing = tuple((r.article, marker) for r in readings for marker in r.framing)
    quotes = tuple((r.article, quote) for r in readings for quote in r.quotes)
    return Dossier(
        articles=tuple(articles),
        claims=tuple(claims),
        timeline=tuple(timeline),
        framing=framing,
        quotes=quotes,
        summary=tuple(summary),
        omissions=tuple(omissions),
        labels=collect_labels(articles, readings),
    )


def collect_labels(
    articles: Sequence[Article], readings: Sequence[Reading]
) -> tuple[tuple[str, str, str], ...]:
    """(actor, outlet, label) for actors that two outlets name or that a label marker names.

    Words come from entity mentions and from framing markers of kind ``label``,
    each marker attached to the entity it overlaps, else the nearest one in its sentence.
    """
    outlets = {a.id: source_name(a) for a in articles if a.duplicate_of is None}
    texts = {a.id: a.text for a in articles}
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    marked: set[str] = set()
    for reading in readings:
        outlet = outlets.get(reading.article)
        if outlet is None:
            continue
        actors = [e for e in reading.entities if e.label in ACTOR_LABELS]
        for entity in actors:
            counts[(entity.canonical, outlet)][_clean(entity.evidence.text)] += 1
        for marker in reading.framing:
            text = texts.get(reading.article, "")
            is_label = marker.kind == "label"
            actor = _label_target(marker, actors, reading, text) if is_label else None
            if actor is not None:
                counts[(actor, outlet)][_clean(marker.evidence.text)] += 1
                marked.add(actor)
    return _label_rows(counts, marked)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _label_rows(
    counts: Mapping[tuple[str, str], Counter[str]], marked: set[str]
) -> tuple[tuple[str, str, str], ...]:
    outlets_per_actor = Counter(actor for actor, _ in counts)
    rows: list[tuple[str, str, str]] = []
    for (actor, outlet), words in sorted(counts.items()):
        if outlets_per_actor[actor] >= 2 or actor in marked:
            rows.extend((actor, outlet, word) for word, _ in words.most_common())
    return tuple(rows)


def _label_target(
    marker: FramingMarker, actors: list[Entity], reading: Reading, text: str
) -> str | None:
    span = marker.evidence
    named = {e.canonical.lower(): e.canonical for e in actors}
    if (note := marker.note.strip().lower()) in named:
        return named[note]
    overlapping = [e for e in actors if e.evidence.start < span.end and span.start < e.evidence.end]
    if overlapping:
        return overlapping[0].canonical
    start = Evidence(span.article, span.start, span.start)
    sentence = sentence_around(start, text, [s.evidence for s in reading.sentences])
    inside = [e for e in actors if sentence.start <= e.evidence.start < sentence.end]
    if not inside:
        return None
    return min(inside, key=lambda e: abs(e.evidence.start - span.start)).canonical
