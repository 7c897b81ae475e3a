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
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from triangulate.compose.schema import dossier_to_json, evidence_places, validate_dossier
from triangulate.core.files import write_atomically
from triangulate.core.sources import independent_sources, source_name
from triangulate.errors import TriangulateError
from triangulate.models import Dossier
from triangulate.render.templates import environment

TEMPLATE_NAME = "dossier_report.html.j2"
FORMAT_FILES = {"json": "dossier.json", "md": "dossier.md", "markdown": "dossier.md"}
FORMAT_FILES |= {"html": "dossier.html"}
STATUS_ORDER = ("conflict", "update", "agreed", "single")
MAX_LABEL_ROWS = 20
CONTEXT_CHARS = 300


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
        for _, ev in evidence_places(self.data):
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


def render_html(d: Dossier) -> str:
    """The dossier for people as one self-contained HTML page (inline CSS, no scripts)."""
    view = _View(d)
    template = environment().get_template(TEMPLATE_NAME)
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
            write_atomically(path, _content(d, fmt))
            written.append(path)
    return written
