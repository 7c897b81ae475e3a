"""Assembling the dossier record: claims, timeline, summary, framing, quotes and labels."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from triangulate.core.sources import source_name
from triangulate.core.spans import overlaps
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
    framing = tuple((r.article, m) for r in readings for m in r.framing if m.voice == "outlet")
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
    """(actor, outlet, word) for actors that two outlets name or that a label marker names.

    Words are the names an outlet uses for an actor, and the labels it gives it in its own
    voice (see :func:`label_mentions`).
    """
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    marked: set[str] = set()
    for actor, outlet, evidence, is_label in label_mentions(articles, readings):
        counts[(actor, outlet)][_clean(evidence.text)] += 1
        if is_label:
            marked.add(actor)
    return _label_rows(counts, marked)


def label_mentions(
    articles: Sequence[Article], readings: Sequence[Reading]
) -> list[tuple[str, str, Evidence, bool]]:
    """(actor, outlet, the words, whether they are a label) for every name and label an
    outlet uses for an actor.

    A label marker counts for an actor only when it names that actor (it holds or lies
    inside a mention of it, "ethnic Velans", or its note names it), never because the
    actor stands nearby; a label inside a quote is the speaker's, not the outlet's.
    """
    outlets = {a.id: source_name(a) for a in articles if a.duplicate_of is None}
    found: list[tuple[str, str, Evidence, bool]] = []
    for reading in readings:
        outlet = outlets.get(reading.article)
        if outlet is None:
            continue
        actors = [e for e in reading.entities if e.label in ACTOR_LABELS]
        found += [(entity.canonical, outlet, entity.evidence, False) for entity in actors]
        for marker in reading.framing:
            if marker.kind != "label" or marker.voice != "outlet":
                continue
            actor = _label_target(marker, actors)
            if actor is not None:
                found.append((actor, outlet, marker.evidence, True))
    return found


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


def _label_target(marker: FramingMarker, actors: list[Entity]) -> str | None:
    """The actor a label names: the one its note names, else the one whose mention it
    holds or lies in ("ethnic Velans", "pro-Tarvan"); none when it only stands near one."""
    span = marker.evidence
    named = {e.canonical.lower(): e.canonical for e in actors}
    if (note := marker.note.strip().lower()) in named:
        return named[note]
    overlapping = [e for e in actors if overlaps(e.evidence, span)]
    return overlapping[0].canonical if overlapping else None
