"""The dossier's JSON contract: the record as plain data, checked against the shipped schema."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]

from triangulate.core.dates import value_in_words
from triangulate.errors import TriangulateError
from triangulate.models import (
    Article,
    Claim,
    Dossier,
    Evidence,
    FramingMarker,
    Quote,
    TimelineEntry,
    to_dict,
)
from triangulate.version import __version__

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
SCHEMA_PATH = SCHEMAS / "dossier.schema.json"
STORY_SCHEMA_PATH = SCHEMAS / "story.schema.json"  # a line of stories.jsonl


def _evidence(ev: Evidence) -> dict[str, Any]:
    span = {"article": ev.article, "start": ev.start, "end": ev.end, "text": ev.text}
    return {**span, "tentative": True} if ev.tentative else span


DOSSIER_ARTICLE_FIELDS = (
    "id", "source", "outlet", "outlet_inferred", "title", "published", "published_inferred",
    "published_how", "language", "text", "removed", "duplicate_of",
)  # fmt: skip


def _article(article: Article) -> dict[str, Any]:
    record = to_dict(article)
    return {field: record[field] for field in DOSSIER_ARTICLE_FIELDS}


def _claim(claim: Claim) -> dict[str, Any]:
    sides = [
        {
            "value": side.value,
            "display": side.display,
            "articles": list(side.articles),
            "evidence": [_evidence(e) for e in side.evidence],
        }
        for side in claim.sides
    ]
    return {
        "id": claim.id,
        "about": claim.about,
        "status": claim.status,
        "reason": claim.reason,
        "confidence": claim.confidence,
        "sides": sides,
        **({"kind": claim.kind} if claim.kind else {}),
        **({"difference": claim.difference} if claim.difference else {}),
    }


def _timeline_entry(entry: TimelineEntry) -> dict[str, Any]:
    """The entry with its date as a value code for machines ("2030-FA") and in words for
    people ("fall 2030")."""
    value = f"{entry.date}/{entry.end}" if entry.end and entry.end != entry.date else entry.date
    return {
        "date": entry.date,
        "when": value_in_words(value, entry.mod),
        "end": entry.end,
        "granularity": entry.granularity,
        "event": entry.event,
        "articles": list(entry.articles),
        "evidence": [_evidence(e) for e in entry.evidence],
        "reported": [{"article": a, "published": p} for a, p in entry.reported],
        "dates_given": list(entry.dates_given),
        "dates_given_in_words": [value_in_words(v) for v in entry.dates_given],
        "mod": entry.mod,
    }


def _framing(article: str, marker: FramingMarker) -> dict[str, Any]:
    return {
        "article": article,
        "kind": marker.kind,
        "text": marker.evidence.text,
        "note": marker.note,
        "evidence": _evidence(marker.evidence),
    }


def _quote(article: str, quote: Quote) -> dict[str, Any]:
    return {
        "article": article,
        "speaker": quote.speaker,
        "kind": quote.kind,
        "text": quote.evidence.text,
        "evidence": _evidence(quote.evidence),
    }


def conflict_importance(claim: Claim) -> tuple[int, float, int]:
    """More sources, more confidence and more sides make a conflict matter more."""
    articles = {a for side in claim.sides for a in side.articles}
    return len(articles), claim.confidence, len(claim.sides)


def _labels(rows: Iterable[tuple[str, str, str]]) -> dict[str, dict[str, list[str]]]:
    labels: dict[str, dict[str, list[str]]] = {}
    for actor, outlet, word in rows:
        labels.setdefault(actor, {}).setdefault(outlet, []).append(word)
    return labels


def dossier_to_json(d: Dossier) -> dict[str, Any]:
    """The dossier as plain JSON data following ``schemas/dossier.schema.json``."""
    # every claim whose sources' values differ: contradictions and updates alike
    conflicts = sorted(
        (c for c in d.claims if c.status == "conflict"), key=conflict_importance, reverse=True
    )
    return {
        "articles": [_article(a) for a in d.articles],
        "claims": [_claim(c) for c in d.claims],
        "conflicts": [_claim(c) for c in conflicts],
        "timeline": [_timeline_entry(e) for e in d.timeline],
        "framing": [_framing(a, m) for a, m in d.framing],
        "quotes": [_quote(a, q) for a, q in d.quotes],
        "summary": [
            {
                "text": s.text,
                "articles": list(s.articles),
                "evidence": [_evidence(e) for e in s.evidence],
            }
            for s in d.summary
        ],
        "omissions": list(d.omissions),
        "labels": _labels(d.labels),
        "generated": f"triangulate {__version__}",
    }


@cache
def _validator(path: Path = SCHEMA_PATH) -> jsonschema.Draft202012Validator:
    """A validator of one shipped schema; the schemas refer to each other by their ``$id``."""
    from referencing import Registry, Resource

    schemas = {p: json.loads(p.read_text(encoding="utf-8")) for p in (SCHEMA_PATH, path)}
    registry: Registry[Any] = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values()
    )
    return jsonschema.Draft202012Validator(schemas[path], registry=registry)


def validate_dossier(data: Mapping[str, Any]) -> None:
    """Raise TriangulateError naming the first place where ``data`` breaks the schema."""
    _validate(data, SCHEMA_PATH, "dossier")


def validate_story(data: Mapping[str, Any]) -> None:
    """Raise TriangulateError naming the first place where a line of ``stories.jsonl``
    breaks ``schemas/story.schema.json``."""
    _validate(data, STORY_SCHEMA_PATH, "story")


def _validate(data: Mapping[str, Any], path: Path, what: str) -> None:
    errors = sorted(_validator(path).iter_errors(data), key=lambda e: list(map(str, e.path)))
    if errors:
        # the first place, and inside "null or an object" the object's own problem
        first = jsonschema.exceptions.best_match([errors[0]])
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first.absolute_path)
        message = first.message if len(first.message) <= 300 else first.message[:300] + "…"
        raise TriangulateError(f"{what}{where}: {message}")


def evidence_places(data: Mapping[str, Any]) -> Iterable[tuple[str, Mapping[str, Any]]]:
    """Every evidence object in a dossier with a readable path to it."""
    for section in ("claims", "conflicts"):
        for i, claim in enumerate(data.get(section, [])):
            for j, side in enumerate(claim.get("sides", [])):
                for k, ev in enumerate(side.get("evidence", [])):
                    yield f"{section}[{i}].sides[{j}].evidence[{k}]", ev
    for section in ("timeline", "summary"):
        for i, item in enumerate(data.get(section, [])):
            for k, ev in enumerate(item.get("evidence", [])):
                yield f"{section}[{i}].evidence[{k}]", ev
    for section in ("framing", "quotes"):
        for i, item in enumerate(data.get(section, [])):
            yield f"{section}[{i}].evidence", item["evidence"]


def check_evidence(data: Mapping[str, Any]) -> list[str]:
    """Problems with evidence spans: unknown article, or text != article text[start:end]."""
    texts = {a["id"]: a["text"] for a in data.get("articles", [])}
    problems = []
    for where, ev in evidence_places(data):
        text = texts.get(ev["article"])
        if text is None:
            problems.append(f"{where}: unknown article {ev['article']!r}")
        elif text[ev["start"] : ev["end"]] != ev["text"] or ev["start"] > ev["end"]:
            found = text[ev["start"] : ev["end"]]
            problems.append(
                f"{where}: {ev['article']}[{ev['start']}:{ev['end']}] is {found!r},"
                f" not {ev['text']!r}"
            )
    return problems
