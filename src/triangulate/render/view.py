"""The dossier JSON arranged for the dossier page: sources, claims with quotes, a timeline chart."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote as url_quote

from triangulate.core.sources import independent_sources, source_name

Data = Mapping[str, Any]
COLORS = 8  # source colour classes src-0 .. src-7 in style.css
CONTEXT_CHARS = 240
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")

# Timeline chart geometry (SVG user units; the chart scales to the page width).
CHART_WIDTH = 1000
TEXT_WIDTH = 470
PLOT_LEFT, PLOT_RIGHT = 520, 925
EVENT_X = 150
AXIS_HEIGHT = 70
ROW_HEIGHT = 26
MAX_ROWS = 60
EVENT_CHARS = 54
SHORT_NAME = 26


def article_href(article_id: str, start: int | None = None, end: int | None = None) -> str:
    base = f"/articles/{url_quote(article_id, safe='')}"
    return base if start is None else f"{base}#span-{start}-{end}"


class DossierView:
    """Everything the dossier template shows, computed once per stored dossier."""

    def __init__(self, dossier_id: str, data: Data, meta: Data | None = None) -> None:
        self.id = dossier_id
        self.data = data
        self.articles = {a["id"]: a for a in data.get("articles", [])}
        self.sources = [self._source(i, a) for i, a in enumerate(data.get("articles", []))]
        self.by_id = {s["id"]: s for s in self.sources}
        self.title = (meta or {}).get("title") or self._fallback_title()
        self.created_at = (meta or {}).get("created_at")

    def _source(self, index: int, article: Data) -> dict[str, Any]:
        name = source_name(article)
        return {
            "id": article["id"],
            "name": name,
            "short": _shorten(name, SHORT_NAME),
            "title": article.get("title") or article["id"],
            "published": article.get("published"),
            "published_label": human_date(article.get("published")),
            "published_inferred": bool(article.get("published_inferred")),
            "duplicate_of": article.get("duplicate_of"),
            "color": index % COLORS,
            "href": article_href(article["id"]),
        }

    def _fallback_title(self) -> str:
        titled = [s["title"] for s in self.sources if not s["duplicate_of"]]
        return titled[0] if titled else f"Dossier {self.id}"

    # --- claims ----------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        claims = self.data.get("claims", [])
        counts = {s: sum(1 for c in claims if c.get("status") == s) for s in _STATUSES}
        counts["sources"] = len(self.sources)
        counts["independent"] = self.independent(self.articles)
        return counts

    def independent(self, article_ids: Iterable[str]) -> int:
        """Distinct outlets behind some articles, a copy counting as its original."""
        return len(independent_sources(article_ids, self.articles.values()))

    def conflicts(self) -> list[dict[str, Any]]:
        conflicts = self.data.get("conflicts") or self._with_status("conflict")
        return [self.claim(c) for c in conflicts]

    def claims(self, status: str) -> list[dict[str, Any]]:
        return [self.claim(c) for c in self._with_status(status)]

    def agreements(self) -> list[dict[str, Any]]:
        agreed = self.claims("agreed")
        return sorted(agreed, key=lambda c: (-c["independent"], -c["article_count"]))

    def updates(self) -> list[dict[str, Any]]:
        updates = self.claims("update")
        for claim in updates:
            claim["sides"].sort(key=lambda side: side["first_published"] or "9999")
        return updates

    def _with_status(self, status: str) -> list[Data]:
        return [c for c in self.data.get("claims", []) if c.get("status") == status]

    def claim(self, claim: Data) -> dict[str, Any]:
        sides = [self._side(side) for side in claim.get("sides", [])]
        article_ids = {a for side in claim.get("sides", []) for a in side.get("articles", [])}
        return {
            "id": claim.get("id"),
            "about": claim.get("about", ""),
            "reason": claim.get("reason", ""),
            "status": claim.get("status", ""),
            "sides": sides,
            "independent": self.independent(article_ids),
            "article_count": len(article_ids),
        }

    def _side(self, side: Data) -> dict[str, Any]:
        articles = list(side.get("articles", []))
        dates = sorted(p for a in articles if (p := self.by_id.get(a, {}).get("published")))
        return {
            "display": side.get("display") or str(side.get("value", "")),
            "sources": [self.source(a) for a in articles],
            "quotes": self.cites(side.get("evidence", [])),
            "first_published": dates[0] if dates else None,
        }

    def source(self, article_id: str) -> dict[str, Any]:
        unknown = {"id": article_id, "name": article_id, "short": article_id, "color": 0}
        return self.by_id.get(article_id) or {**unknown, "href": article_href(article_id)}

    def cites(self, evidence: Iterable[Data]) -> list[dict[str, Any]]:
        """Each distinct span once, with the sentence around it."""
        seen: set[tuple[str, int, int]] = set()
        cites = []
        for ev in evidence:
            key = (str(ev.get("article")), int(ev.get("start", 0)), int(ev.get("end", 0)))
            if key not in seen:
                seen.add(key)
                cites.append(self.cite(ev))
        return cites

    def cite(self, ev: Data) -> dict[str, Any]:
        article_id, start, end = str(ev.get("article")), int(ev["start"]), int(ev["end"])
        text = self.articles.get(article_id, {}).get("text", "")
        before, marked, after = sentence_context(text, start, end)
        return {
            "source": self.source(article_id),
            "href": article_href(article_id, start, end),
            "before": before,
            "marked": marked or ev.get("text", ""),
            "after": after,
        }

    # --- summary, framing, quotes ----------------------------------------------------------

    def summary(self) -> list[dict[str, Any]]:
        return [
            {"text": s.get("text", ""), "cites": self.cites_by_source(s.get("evidence", []))}
            for s in self.data.get("summary", [])
        ]

    def cites_by_source(self, evidence: Iterable[Data]) -> list[dict[str, Any]]:
        """One citation per source (its first span), counting the other spans it backs."""
        first: dict[str, dict[str, Any]] = {}
        for cite in self.cites(evidence):
            source_id = cite["source"]["id"]
            if source_id in first:
                first[source_id]["more"] += 1
            else:
                first[source_id] = {**cite, "more": 0}
        return list(first.values())

    def per_outlet(self) -> list[dict[str, Any]]:
        """For each source: its framing markers and the people it quotes."""
        framing: dict[str, list[Data]] = defaultdict(list)
        quotes: dict[str, list[Data]] = defaultdict(list)
        for marker in self.data.get("framing", []):
            framing[marker.get("article", "")].append(marker)
        for quote in self.data.get("quotes", []):
            quotes[quote.get("article", "")].append(quote)
        return [
            {
                "source": source,
                "framing": [self._marker(m) for m in framing[source["id"]]],
                "speakers": self._speakers(quotes[source["id"]]),
            }
            for source in self.sources
            if not source["duplicate_of"] or framing[source["id"]] or quotes[source["id"]]
        ]

    def _marker(self, marker: Data) -> dict[str, Any]:
        evidence = marker.get("evidence") or {}
        return {
            "text": marker.get("text", ""),
            "kind": str(marker.get("kind", "")).replace("_", " "),
            "note": marker.get("note", ""),
            "href": self._href(evidence),
        }

    def _speakers(self, quotes: list[Data]) -> list[dict[str, Any]]:
        by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for quote in quotes:
            speaker = quote.get("speaker") or "unnamed"
            entry = {"text": quote.get("text", ""), "kind": quote.get("kind", "")}
            by_speaker[speaker].append({**entry, "href": self._href(quote.get("evidence") or {})})
        ranked = sorted(by_speaker.items(), key=lambda item: -len(item[1]))
        return [{"name": name, "quotes": items} for name, items in ranked]

    def _href(self, evidence: Data) -> str:
        if "start" not in evidence:
            return article_href(str(evidence.get("article", "")))
        return article_href(str(evidence["article"]), evidence["start"], evidence["end"])

    def labels(self) -> tuple[list[str], list[dict[str, Any]]]:
        """(outlets, rows): the words each outlet uses for an actor, where they differ."""
        labels: Data = self.data.get("labels") or {}
        outlets = sorted({outlet for per in labels.values() for outlet in per})
        rows = []
        for actor, per in labels.items():
            words = {outlet: ", ".join(per.get(outlet, [])) for outlet in outlets}
            if len({w for w in words.values() if w}) > 1:
                rows.append({"actor": actor, "words": [words[o] for o in outlets]})
        return outlets, rows[:20]

    def timeline_entries(self) -> list[dict[str, Any]]:
        return [
            {
                "date": human_date(e.get("date"), e.get("end")),
                "event": e.get("event", ""),
                "cites": self.cites(e.get("evidence", [])),
            }
            for e in self.data.get("timeline", [])
        ]

    def chart(self) -> dict[str, Any] | None:
        return timeline_chart(self.data.get("timeline", []), self.by_id)


_STATUSES = ("conflict", "agreed", "update", "single")


def sentence_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, span, after): the span inside its sentence, trimmed to a readable length."""
    if not 0 <= start <= end <= len(text):
        return "", "", ""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    left = 0 if left < 0 else left + 1
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    left = max(left, start - CONTEXT_CHARS)
    right = min(right, end + CONTEXT_CHARS)
    before, after = text[left:start].lstrip(), text[end:right].rstrip()
    if left > 0 and left == start - CONTEXT_CHARS:
        before = "…" + before
    return before, text[start:end], after


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip(' “"') + "…"


def date_key(value: str | None) -> tuple[int, int, int] | None:
    match = _DATE.match(value or "")
    if not match:
        return None
    year, month, day = match.groups()
    return int(year), int(month or 0), int(day or 0)


def human_date(value: str | None, end: str | None = None) -> str:
    """ "2025-06-11" -> "11 Jun 2025", "2024-09" -> "Sep 2024", ranges joined by an en dash."""
    key = date_key(value)
    if key is None:
        return value or "undated"
    year, month, day = key
    text = str(year)
    if month:
        text = f"{MONTHS[month - 1]} {year}" if 1 <= month <= 12 else value or ""
        if day:
            text = f"{day} {text}"
    if value and "/" in value and end is None:
        end = value.split("/", 1)[1]
    if end and end != value:
        return _range(text, human_date(end))
    return text


def _range(start: str, end: str) -> str:
    """ "7 Sep 2024" – "8 Sep 2024" -> "7–8 Sep 2024"; different months or years stay whole."""
    first, last = start.split(" "), end.split(" ")
    if len(first) == len(last) == 3 and first[1:] == last[1:]:
        return f"{first[0]}–{last[0]} {' '.join(first[1:])}"
    if len(first) == 1 and len(last) == 1:
        return f"{start}–{end}"
    return f"{start} – {end}"


def timeline_chart(entries: list[Data], sources: Mapping[str, Data]) -> dict[str, Any] | None:
    """Rows of events on an ordinal date axis: ● when it happened, ◆ when each source said it."""
    rows = [e for e in entries if date_key(e.get("date"))][:MAX_ROWS]
    if not rows:
        return None
    dates = {e["date"][:10] for e in rows} | {e["end"][:10] for e in rows if e.get("end")}
    dates |= {r["published"] for e in rows for r in e.get("reported", []) if r.get("published")}
    axis = sorted((d for d in dates if date_key(d)), key=lambda d: date_key(d) or (0, 0, 0))
    step = (PLOT_RIGHT - PLOT_LEFT) / max(1, len(axis) - 1)
    x_of = {d: PLOT_LEFT + i * step if len(axis) > 1 else (PLOT_LEFT + PLOT_RIGHT) / 2
            for i, d in enumerate(axis)}  # fmt: skip
    chart_rows = [_chart_row(i, e, x_of, sources) for i, e in enumerate(rows)]
    height = AXIS_HEIGHT + ROW_HEIGHT * len(chart_rows) + 10
    columns = [{"x": round(x, 1), "label": human_date(d)} for d, x in x_of.items()]
    return {
        "width": CHART_WIDTH, "height": height, "rows": chart_rows, "columns": columns,
        "axis_y": AXIS_HEIGHT - 8, "text_width": TEXT_WIDTH, "event_x": EVENT_X,
    }  # fmt: skip


def _chart_row(
    index: int, entry: Data, x_of: Mapping[str, float], sources: Mapping[str, Data]
) -> dict[str, Any]:
    y = AXIS_HEIGHT + ROW_HEIGHT * index + ROW_HEIGHT / 2
    start_x = x_of[entry["date"][:10]]
    end_x = x_of.get(str(entry.get("end") or "")[:10], start_x)
    reports = []
    for report in entry.get("reported", []):
        source = sources.get(report.get("article", ""), {})
        if report.get("published") in x_of:
            reports.append({
                "x": round(x_of[report["published"]], 1), "color": source.get("color", 0),
                "name": source.get("name", report.get("article")),
                "date": human_date(report["published"]),
            })  # fmt: skip
    far = max([r["x"] for r in reports] + [end_x])
    event = str(entry.get("event", ""))
    short = _shorten(event, EVENT_CHARS)
    return {
        "y": round(y, 1), "text_y": round(y + 4, 1),
        "date": human_date(entry["date"], entry.get("end")),
        "event": short, "full": event, "x": round(start_x, 1), "end_x": round(end_x, 1),
        "far_x": round(far, 1), "reports": reports, "exact": entry.get("granularity") == "day",
        "band": index % 2 == 0, "band_y": round(y - ROW_HEIGHT / 2, 1),
    }  # fmt: skip
