"""Article text as HTML with highlighted spans, every piece of text escaped.

Spans may nest (an entity inside a quote) or cross (a date that straddles a
quote's end). They are arranged into a tree, most important first: a span that
crosses one already placed is cut in two, so the placed one stays whole and
``<mark id="span-S-E">`` always covers exactly its cited span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from markupsafe import Markup, escape

from triangulate.core.dates import value_in_words

PRIORITY = {"cited": 0, "quote": 1, "framing": 2, "time": 3, "qty": 3, "ent": 4}
_UNSAFE_CLASS = re.compile(r"[^a-z0-9-]+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # a key of PRIORITY
    detail: str = ""  # extra class, e.g. the entity label
    title: str = ""
    anchor: str | None = None


@dataclass
class Node:
    span: Span
    children: list[Node] = field(default_factory=list)


def anchor_id(start: int, end: int) -> str:
    return f"span-{start}-{end}"


def css_class(span: Span) -> str:
    detail = _UNSAFE_CLASS.sub("-", span.detail.lower()).strip("-")
    return f"hl {span.kind} {span.kind}-{detail}" if detail else f"hl {span.kind}"


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` as escaped HTML with one ``<mark>`` per span (cut where spans cross)."""
    root = Node(Span(0, len(text), "root"))
    valid = (s for s in spans if 0 <= s.start < s.end <= len(text))
    for span in sorted(valid, key=lambda s: (PRIORITY.get(s.kind, 9), s.start, s.start - s.end)):
        _insert(root, span)
    return Markup(_render(root, text, is_root=True))


def _insert(node: Node, span: Span) -> None:
    for child in node.children:
        if child.span.start <= span.start and span.end <= child.span.end:
            _insert(child, span)
            return
    for child in node.children:
        crosses = child.span.start < span.end and span.start < child.span.end
        if crosses and not (span.start <= child.span.start and child.span.end <= span.end):
            cut = child.span.start if child.span.start > span.start else child.span.end
            _insert(node, replace(span, end=cut))
            _insert(node, replace(span, start=cut, anchor=None))
            return
    inner = [c for c in node.children if span.start <= c.span.start and c.span.end <= span.end]
    outer = [c for c in node.children if c not in inner]
    node.children = sorted([*outer, Node(span, inner)], key=lambda c: c.span.start)


def _render(node: Node, text: str, is_root: bool = False) -> str:
    parts: list[str] = []
    position = node.span.start
    for child in node.children:
        parts.append(str(escape(text[position : child.span.start])))
        parts.append(_render(child, text))
        position = child.span.end
    parts.append(str(escape(text[position : node.span.end])))
    inner = "".join(parts)
    if is_root:
        return inner
    span = node.span
    anchor = f' id="{escape(span.anchor)}"' if span.anchor else ""
    title = f' title="{escape(span.title)}"' if span.title else ""
    return f'<mark class="{escape(css_class(span))}"{anchor}{title}>{inner}</mark>'


def _matches(text: str, item: Mapping[str, Any]) -> bool:
    """A stored span still fits the text (a stale reading is ignored, not misdrawn)."""
    start, end = item.get("start"), item.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        return False
    expected = item.get("text")
    return expected is None or text[start:end] == expected


def reading_spans(text: str, reading: Mapping[str, Any]) -> list[Span]:
    """Highlight spans from a stored reading (entities, dates, figures, quotes, framing)."""
    spans: list[Span] = []
    for item in reading.get("entities", []):
        label = str(item.get("label") or "")
        title = f"{label}: {item.get('canonical') or ''}".strip(": ")
        spans.append(_span(item, "ent", label, title))
    for item in reading.get("times", []):
        when = value_in_words(item["value"], item.get("mod")) if item.get("value") else None
        spans.append(_span(item, "time", "", f"date: {when or 'not anchored'}"))
    for item in reading.get("quantities", []):
        words = (item.get("hedge"), _number(item.get("value")), item.get("unit"))
        spans.append(_span(item, "qty", "", "figure: " + " ".join(w for w in words if w)))
    for item in reading.get("quotes", []):
        speaker = item.get("speaker") or "unknown speaker"
        spans.append(_span(item, "quote", str(item.get("kind") or ""), f"quote: {speaker}"))
    for item in reading.get("framing", []):
        note = f" ({item['note']})" if item.get("note") else ""
        kind = str(item.get("kind") or "")
        spans.append(_span(item, "framing", kind, f"framing: {kind.replace('_', ' ')}{note}"))
    return [s for s, item in zip(spans, _all_items(reading), strict=True) if _matches(text, item)]


def _all_items(reading: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    keys = ("entities", "times", "quantities", "quotes", "framing")
    return [item for key in keys for item in reading.get(key, [])]


def _span(item: Mapping[str, Any], kind: str, detail: str, title: str) -> Span:
    return Span(int(item.get("start", -1)), int(item.get("end", -1)), kind, detail, title)


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    return "" if value is None else str(value)


def cited_spans(text: str, article_id: str, evidence: Iterable[Mapping[str, Any]]) -> list[Span]:
    """One anchored span per distinct piece of evidence cited from this article."""
    seen: set[tuple[int, int]] = set()
    spans: list[Span] = []
    for item in evidence:
        if item.get("article") != article_id or not _matches(text, item):
            continue
        where = (int(item["start"]), int(item["end"]))
        if where not in seen:
            seen.add(where)
            spans.append(Span(*where, "cited", "", "cited in a dossier", anchor_id(*where)))
    return spans
