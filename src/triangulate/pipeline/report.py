"""The dossier: one record, written as JSON (with a schema), Markdown and HTML.

The JSON is the contract other tools read; the Markdown and HTML show the same
content for people, conflicts first. Article text is untrusted input: the HTML is
rendered with Jinja2 autoescaping and the Markdown escapes every metacharacter,
so a page that contains markup or scripts is shown as text, never run.
"""

from __future__ import annotations

import html
import itertools
import json
import os
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
from jinja2 import Environment, FileSystemLoader, select_autoescape

from triangulate import __version__
from triangulate.errors import TriangulateError
from triangulate.models import (
    Article,
    Claim,
    Dossier,
    Entity,
    Evidence,
    FramingMarker,
    Quote,
    Reading,
    SummarySentence,
    TimelineEntry,
    to_dict,
)
from triangulate.pipeline.summarize import independent_sources, source_name

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "dossier.schema.json"
TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "web" / "templates"
TEMPLATE_NAME = "dossier_report.html.j2"
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
FORMAT_FILES = {"json": "dossier.json", "md": "dossier.md", "markdown": "dossier.md"}
FORMAT_FILES |= {"html": "dossier.html"}
STATUS_ORDER = ("conflict", "update", "agreed", "single")
MAX_LABEL_ROWS = 20
CONTEXT_CHARS = 300


# --- building --------------------------------------------------------------------------------


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
            actor = _label_target(marker, actors, reading) if marker.kind == "label" else None
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


def _label_target(marker: FramingMarker, actors: list[Entity], reading: Reading) -> str | None:
    span = marker.evidence
    named = {e.canonical.lower(): e.canonical for e in actors}
    if (note := marker.note.strip().lower()) in named:
        return named[note]
    overlapping = [e for e in actors if e.evidence.start < span.end and span.start < e.evidence.end]
    if overlapping:
        return overlapping[0].canonical
    sentence = next(
        (s.evidence for s in reading.sentences if s.evidence.start <= span.start < s.evidence.end),
        None,
    )
    if sentence is None:
        return None
    inside = [e for e in actors if sentence.start <= e.evidence.start < sentence.end]
    if not inside:
        return None
    return min(inside, key=lambda e: abs(e.evidence.start - span.start)).canonical


# --- JSON ------------------------------------------------------------------------------------


def _evidence(ev: Evidence) -> dict[str, Any]:
    return {"article": ev.article, "start": ev.start, "end": ev.end, "text": ev.text}


DOSSIER_ARTICLE_FIELDS = (
    "id", "source", "outlet", "title", "published", "published_inferred", "published_how",
    "language", "text", "removed", "duplicate_of",
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
    }


def _timeline_entry(entry: TimelineEntry) -> dict[str, Any]:
    return {
        "date": entry.date,
        "end": entry.end,
        "granularity": entry.granularity,
        "event": entry.event,
        "articles": list(entry.articles),
        "evidence": [_evidence(e) for e in entry.evidence],
        "reported": [{"article": a, "published": p} for a, p in entry.reported],
        "dates_given": list(entry.dates_given),
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
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def validate_dossier(data: Mapping[str, Any]) -> None:
    """Raise TriangulateError naming the first place where ``data`` breaks the schema."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.path)))
    if errors:
        first = errors[0]
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first.path)
        raise TriangulateError(f"dossier{where}: {first.message}")


def _evidence_places(data: Mapping[str, Any]) -> Iterable[tuple[str, Mapping[str, Any]]]:
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
    for where, ev in _evidence_places(data):
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


# --- a view shared by the Markdown and HTML reports -----------------------------------------


def _sentence_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, span, after): the span with the rest of its sentence around it."""
    left = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "! ", "? ")))
    left = 0 if left < 0 else left + 1
    left = max(left, start - CONTEXT_CHARS)
    ends = [i for i in (text.find(p, end) for p in (".", "!", "?", "\n")) if i >= 0]
    right = min([*ends, len(text), end + CONTEXT_CHARS])
    right = right + 1 if right < len(text) and text[right] in ".!?" else right
    return text[left:start].lstrip(), text[start:end], text[end:right].rstrip()


class _View:
    """Plain data the report templates print; everything in it is still untrusted text."""

    def __init__(self, d: Dossier) -> None:
        self.data = dossier_to_json(d)
        self.articles = d.articles
        self.texts = {a.id: a.text for a in d.articles}
        self.index = {a.id: i + 1 for i, a in enumerate(d.articles)}
        self.names = {
            a.id: source_name(a) + (" (copy)" if a.duplicate_of else "") for a in d.articles
        }
        self.marks = self._marked_spans()

    def _marked_spans(self) -> dict[str, set[tuple[int, int]]]:
        marks: dict[str, set[tuple[int, int]]] = defaultdict(set)
        for _, ev in _evidence_places(self.data):
            marks[ev["article"]].add((ev["start"], ev["end"]))
        return marks

    def anchor(self, ev: Mapping[str, Any]) -> str:
        return f"ev-{self.index.get(ev['article'], 0)}-{ev['start']}"

    def cite(self, ev: Mapping[str, Any]) -> dict[str, Any]:
        text = self.texts.get(ev["article"], "")
        before, span, after = _sentence_context(text, ev["start"], ev["end"])
        return {
            "number": self.index.get(ev["article"], 0),
            "name": self.names.get(ev["article"], ev["article"]),
            "anchor": self.anchor(ev),
            "before": before,
            "span": span,
            "after": after,
        }

    def claim(self, claim: Mapping[str, Any]) -> dict[str, Any]:
        sides = []
        for side in claim["sides"]:
            sources = independent_sources(side["articles"], self.articles)
            sides.append(
                {
                    "display": side["display"],
                    "names": [self.names.get(a, a) for a in side["articles"]],
                    "independent": len(sources),
                    "quotes": [self.cite(ev) for ev in side["evidence"]],
                }
            )
        all_articles = {a for side in claim["sides"] for a in side["articles"]}
        return {
            **claim,
            "sides": sides,
            "independent": len(independent_sources(all_articles, self.articles)),
        }

    def claims(self, status: str) -> list[dict[str, Any]]:
        section = "conflicts" if status == "conflict" else "claims"
        return [self.claim(c) for c in self.data[section] if c["status"] == status]

    def summary(self) -> list[dict[str, Any]]:
        rows = []
        for sentence in self.data["summary"]:
            first_per_article = {ev["article"]: ev for ev in reversed(sentence["evidence"])}
            cites = [self.cite(ev) for ev in first_per_article.values()]
            rows.append({"text": sentence["text"], "cites": sorted(cites, key=_by_number)})
        return rows

    def timeline(self) -> list[dict[str, Any]]:
        rows = []
        for entry in self.data["timeline"]:
            reported = [
                {"name": self.names.get(r["article"], r["article"]), "published": r["published"]}
                for r in entry["reported"]
            ]
            cites = [self.cite(ev) for ev in entry["evidence"]]
            rows.append({**entry, "reported": reported, "cites": cites})
        return rows

    def per_outlet(self, section: str) -> list[tuple[str, list[dict[str, Any]]]]:
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for item in self.data[section]:
            grouped[self.names.get(item["article"], item["article"])].append(item)
        return sorted(grouped.items())

    def speakers(self) -> list[tuple[str, list[tuple[str, list[str]]]]]:
        result = []
        for outlet, quotes in self.per_outlet("quotes"):
            by_speaker: dict[str, list[str]] = defaultdict(list)
            for quote in quotes:
                by_speaker[quote["speaker"] or "(unattributed)"].append(quote["text"])
            result.append((outlet, sorted(by_speaker.items(), key=lambda kv: -len(kv[1]))))
        return result

    def label_table(self) -> tuple[list[str], list[tuple[str, list[str]]]]:
        labels: dict[str, dict[str, list[str]]] = self.data["labels"]
        outlets = sorted({o for per in labels.values() for o in per})
        ranked = sorted(labels.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:MAX_LABEL_ROWS]
        rows = [(actor, [", ".join(per.get(o, [])) for o in outlets]) for actor, per in ranked]
        return outlets, rows

    def sources(self) -> list[dict[str, Any]]:
        return [
            {
                **self.data["articles"][i],
                "number": i + 1,
                "name": self.names[article.id],
                "link": _safe_link(article.url or article.source),
                "segments": _segments(article.text, self.marks.get(article.id, set()), i + 1),
            }
            for i, article in enumerate(self.articles)
        ]


def _by_number(cite: Mapping[str, Any]) -> int:
    return int(cite["number"])


def _safe_link(url: str | None) -> str | None:
    """Only plain web addresses become links; ``javascript:`` and friends stay text."""
    return url if url and re.match(r"https?://", url, re.I) else None


def _segments(text: str, spans: set[tuple[int, int]], number: int) -> list[dict[str, Any]]:
    """The text cut where marked spans begin and end, so overlapping spans still highlight."""
    cuts = sorted({0, len(text), *(p for span in spans for p in span if 0 <= p <= len(text))})
    starts = {start for start, _ in spans}
    segments = []
    for left, right in itertools.pairwise(cuts):
        marked = any(s <= left and right <= e for s, e in spans)
        anchor = f"ev-{number}-{left}" if left in starts else None
        segments.append({"text": text[left:right], "marked": marked, "id": anchor})
    for start in starts - set(cuts[:-1]):  # empty spans still need their anchor
        segments.append({"text": "", "marked": False, "id": f"ev-{number}-{start}"})
    return segments


# --- Markdown --------------------------------------------------------------------------------

MD_INLINE = re.compile(r"([\\`*_{}\[\]()|~#!<>])")
MD_LINE_START = re.compile(r"^(\s*)([-+=])", re.M)
MD_ORDERED_START = re.compile(r"^(\s*\d+)([.)])", re.M)
EDGE_SPACE = re.compile(r"(\s*)(.*?)(\s*)", re.S)


def md_escape(text: str) -> str:
    """Article text made inert in Markdown: no HTML, links, emphasis or table breaks."""
    escaped = MD_LINE_START.sub(r"\1\\\2", _md_escape_keep(" ".join(str(text).split())))
    return MD_ORDERED_START.sub(r"\1\\\2", escaped)


def _md_escape_keep(text: str) -> str:
    """Escape HTML and Markdown inline metacharacters, keeping whitespace as it is."""
    return MD_INLINE.sub(r"\\\1", html.escape(text, quote=False))


def _md_quote(cite: Mapping[str, Any]) -> str:
    """A cited sentence with its span in bold and a link to the span in the source."""
    span = _md_bold([(_md_escape_keep(cite["span"]), cite["span"])])
    body = _md_escape_keep(cite["before"]) + span + _md_escape_keep(cite["after"])
    body = " ".join(body.split())
    return f"“{body}” [\\[{cite['number']}\\]](#{cite['anchor']})"


def _md_claims(view: _View, status: str, title: str) -> list[str]:
    claims = view.claims(status)
    if not claims:
        return []
    lines = [f"## {title}", ""]
    for claim in claims:
        lines += [
            f"### {md_escape(claim['about'])}",
            "",
            f"{md_escape(claim['reason'])} (confidence {claim['confidence']:.2f})",
            "",
        ]
        lines += _md_sides_table(claim["sides"])
    return lines


def _md_sides_table(sides: list[dict[str, Any]]) -> list[str]:
    header = [f"{md_escape(s['display'])} — {md_escape(', '.join(s['names']))}" for s in sides]
    cells = ["<br>".join(_md_quote(q) for q in s["quotes"]) or "—" for s in sides]
    return [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(sides),
        "| " + " | ".join(cells) + " |",
        "",
    ]


def _md_list_claims(view: _View, status: str, title: str) -> list[str]:
    claims = view.claims(status)
    if not claims:
        return []
    lines = [f"## {title}", ""]
    for claim in claims:
        sides = claim["sides"]
        count = f"{claim['independent']} independent source" + "s" * (claim["independent"] != 1)
        quote = _md_quote(sides[0]["quotes"][0]) if sides[0]["quotes"] else ""
        shown = " / ".join(dict.fromkeys(side["display"] for side in sides))
        names = ", ".join(dict.fromkeys(name for side in sides for name in side["names"]))
        lines.append(
            f"- **{md_escape(claim['about'])}**: {md_escape(shown)} — {count}"
            f" ({md_escape(names)}) {quote}"
        )
    return [*lines, ""]


def _md_timeline(view: _View) -> list[str]:
    rows = view.timeline()
    if not rows:
        return []
    lines = ["## Timeline", "", "| Date | Event | Sources | Reported |", "|---|---|---|---|"]
    for row in rows:
        date = row["date"] + (f" – {row['end']}" if row["end"] else "")
        if row["dates_given"]:
            date += " (sources give: " + ", ".join(row["dates_given"]) + ")"
        sources = " ".join(f"[\\[{c['number']}\\]](#{c['anchor']})" for c in row["cites"])
        reported = ", ".join(
            f"{md_escape(r['name'])} {r['published'] or 'undated'}" for r in row["reported"]
        )
        lines.append(f"| {md_escape(date)} | {md_escape(row['event'])} | {sources} | {reported} |")
    return [*lines, ""]


def _md_framing(view: _View) -> list[str]:
    lines = []
    for outlet, items in view.per_outlet("framing"):
        lines += [f"### {md_escape(outlet)}", ""]
        for item in items:
            note = f" — {md_escape(item['note'])}" if item["note"] else ""
            lines.append(f"- {md_escape(item['kind'])}: “{md_escape(item['text'])}”{note}")
        lines.append("")
    return ["## Framing", "", *lines] if lines else []


def _md_quotes(view: _View) -> list[str]:
    lines = []
    for outlet, speakers in view.speakers():
        lines += [f"### {md_escape(outlet)}", ""]
        for speaker, texts in speakers:
            lines.append(f"- **{md_escape(speaker)}** ({len(texts)}): “{md_escape(texts[0])}”")
        lines.append("")
    return ["## Quoted people", "", *lines] if lines else []


def _md_labels(view: _View) -> list[str]:
    outlets, rows = view.label_table()
    if not rows:
        return []
    lines = ["## Labels", "", "| Actor | " + " | ".join(md_escape(o) for o in outlets) + " |"]
    lines.append("|---|" + "---|" * len(outlets))
    for actor, cells in rows:
        lines.append(f"| {md_escape(actor)} | " + " | ".join(md_escape(c) for c in cells) + " |")
    return [*lines, ""]


def _md_summary(view: _View) -> list[str]:
    rows = view.summary()
    if not rows:
        return []
    lines = ["## Summary", ""]
    for row in rows:
        marks = "".join(f"[\\[{c['number']}\\]](#{c['anchor']})" for c in row["cites"])
        lines.append(f"- {md_escape(row['text'])} {marks}")
    return [*lines, ""]


def _md_sources(view: _View) -> list[str]:
    lines = ["## Sources", ""]
    for source in view.sources():
        meta = ", ".join(
            md_escape(str(x))
            for x in (source["published"] or "undated", source["language"], source["source"])
            if x
        )
        lines += [f'<a id="src-{source["number"]}"></a>', ""]
        lines += [f"### [{source['number']}] {md_escape(source['name'])}", "", meta, ""]
        if source["title"]:
            lines += [f"**{md_escape(source['title'])}**", ""]
        lines += _md_source_text(source) + _md_removed(source)
    return lines


def _md_source_text(source: Mapping[str, Any]) -> list[str]:
    """The article text as a quote block, cited spans in bold behind their anchors."""
    pieces, run = [], []
    for segment in source["segments"]:
        anchor = f'<a id="{segment["id"]}"></a>' if segment["id"] else ""
        if segment["marked"]:
            run.append((anchor + _md_escape_keep(segment["text"]), segment["text"]))
            continue
        pieces.append(_md_bold(run))
        run = []
        pieces.append(anchor + _md_escape_keep(segment["text"]))
    pieces.append(_md_bold(run))
    lines = "".join(pieces).split("\n")
    paragraphs = [MD_LINE_START.sub(r"\1\\\2", line) for line in lines if line.strip()]
    return ["", *(f"> {p}\n>" for p in paragraphs), ""]


def _md_bold(run: list[tuple[str, str]]) -> str:
    """Consecutive marked pieces as one bold stretch (plain when it spans lines)."""
    escaped = "".join(piece for piece, _ in run)
    raw = "".join(text for _, text in run)
    if not raw.strip() or "\n" in raw:
        return escaped
    match = EDGE_SPACE.fullmatch(escaped)
    assert match is not None
    return f"{match[1]}**{match[2]}**{match[3]}"


def _md_removed(source: Mapping[str, Any]) -> list[str]:
    removed = source["removed"]
    if not removed:
        return []
    items = [
        f"- line {r['line']} ({md_escape(r['reason'])}): {md_escape(r['text'])}" for r in removed
    ]
    summary = f"<details><summary>Removed lines ({len(removed)})</summary>"
    return [summary, "", *items, "", "</details>", ""]


def render_markdown(d: Dossier) -> str:
    """The dossier for people, as Markdown; all article text is escaped."""
    view = _View(d)
    count = len(d.articles)
    lines = [f"# Dossier: {count} source{'s' * (count != 1)}", ""]
    lines += _md_claims(view, "conflict", "Conflicts")
    lines += _md_claims(view, "update", "Updates")
    lines += _md_list_claims(view, "agreed", "Agreements")
    lines += _md_list_claims(view, "single", "Single-source facts")
    lines += _md_timeline(view) + _md_framing(view) + _md_quotes(view) + _md_labels(view)
    lines += _md_summary(view)
    if d.omissions:
        lines += ["## Omissions", "", *(f"- {md_escape(o)}" for o in d.omissions), ""]
    lines += _md_sources(view)
    lines.append(f"_Generated by {md_escape(view.data['generated'])}._")
    return "\n".join(lines) + "\n"


# --- HTML ------------------------------------------------------------------------------------


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=select_autoescape(
            enabled_extensions=("html", "htm", "xml", "j2"), default_for_string=True, default=True
        ),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(d: Dossier) -> str:
    """The dossier for people as one self-contained HTML page (inline CSS, no scripts)."""
    view = _View(d)
    template = _environment().get_template(TEMPLATE_NAME)
    outlets, label_rows = view.label_table()
    return template.render(
        title=f"Dossier: {len(d.articles)} sources",
        conflicts=view.claims("conflict"),
        updates=view.claims("update"),
        agreed=view.claims("agreed"),
        single=view.claims("single"),
        timeline=view.timeline(),
        framing=view.per_outlet("framing"),
        speakers=view.speakers(),
        label_outlets=outlets,
        label_rows=label_rows,
        summary=view.summary(),
        omissions=view.data["omissions"],
        sources=view.sources(),
        generated=view.data["generated"],
    )


# --- files -----------------------------------------------------------------------------------


def _write_atomic(path: Path, content: str) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(content)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _content(d: Dossier, fmt: str) -> str:
    if fmt == "json":
        data = dossier_to_json(d)
        validate_dossier(data)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt in ("md", "markdown"):
        return render_markdown(d)
    return render_html(d)


def write_dossier(d: Dossier, out_dir: Path, formats: Sequence[str]) -> list[Path]:
    """Write dossier.json / dossier.md / dossier.html into ``out_dir``, each atomically."""
    unknown = [f for f in formats if f not in FORMAT_FILES]
    if unknown:
        known = ", ".join(sorted(FORMAT_FILES))
        raise TriangulateError(f"unknown report format {unknown[0]!r} (use one of: {known})")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in dict.fromkeys(formats):
        path = out_dir / FORMAT_FILES[fmt]
        if path not in written:
            _write_atomic(path, _content(d, fmt))
            written.append(path)
    return written
