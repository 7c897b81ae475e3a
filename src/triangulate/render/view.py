"""The dossier arranged for people: one view that the web's dossier page, the HTML file and
the Markdown file all show.

The view reads the dossier's JSON (what the store keeps and the files are made of) and
gives every section as plain data: sources with their colours and dates in words, claims
with each side's quotes (a cited span inside its sentence, :func:`~triangulate.core.spans.
context_around`), the timeline with dates in words and a chart, the summary with one
citation per source, framing and quoted people per outlet, labels, omissions. Only where
links point differs: the web links a citation to the article's page, a file to the
source text further down (:class:`Links`). Everything in the view is still untrusted
text: templates escape it.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import quote as url_quote

from triangulate.compose.schema import evidence_places
from triangulate.core.dates import DateInterval, publication_how_in_words, value_in_words
from triangulate.core.sources import independent_sources, source_name, surely_citing
from triangulate.core.spans import Context, context_around

Data = Mapping[str, Any]
COLORS = 8  # source colour classes src-0 .. src-7 in style.css
SHORT_NAME = 26
MAX_LABEL_ROWS = 20
UNATTRIBUTED = "unattributed"
# The dossier's sections: contradictions ("conflict"), agreements, updates, single-source
SECTIONS = ("conflict", "agreed", "update", "single")

# Timeline chart geometry (SVG user units; the chart scales to the page width).
CHART_WIDTH = 1000
TEXT_WIDTH = 470
PLOT_LEFT, PLOT_RIGHT = 520, 925
EVENT_X = 150
AXIS_HEIGHT = 70
ROW_HEIGHT = 26
MAX_ROWS = 60
EVENT_CHARS = 54


def path_part(value: object) -> str:
    """A value as one part of a URL path: every "/" quoted too, so that an id such as
    "../../add" stays one segment, not a way to another route (Jinja's ``urlencode`` keeps
    "/"). An id that is only "." or ".." would still be read by a browser as a step of the
    path ("%2E" too): ingest gives such an id as "_" or "__"."""
    return url_quote(str(value), safe="")


def article_href(article_id: str, start: int | None = None, end: int | None = None) -> str:
    """The web page of an article, or of one span in it."""
    base = f"/articles/{path_part(article_id)}"
    return base if start is None else f"{base}#span-{start}-{end}"


@dataclass(frozen=True)
class Links:
    """Where a view's links point: the web app's article pages, or anchors in one file."""

    in_file: bool = False

    def source(self, number: int, article_id: str) -> str:
        return f"#src-{number}" if self.in_file else article_href(article_id)

    def span(self, number: int, article_id: str, start: int, end: int) -> str:
        if self.in_file:
            return f"#{span_anchor(number, start)}"
        return article_href(article_id, start, end)


WEB_LINKS = Links()
FILE_LINKS = Links(in_file=True)


def span_anchor(number: int, start: int) -> str:
    """The id of a cited span in a dossier file's source text."""
    return f"ev-{number}-{start}"


def dates_in_words(first: str | None, last: str | None = None, short: bool = False) -> str:
    """Days (ISO) as people read them, one or a stretch: "10–13 Jun 2025"; or "undated"."""
    if not first:
        return "undated"
    value = f"{first[:10]}/{last[:10]}" if last and last[:10] != first[:10] else first[:10]
    interval = DateInterval.parse(value)
    return interval.in_words(short) if interval else "undated"


def section_of(claim: Data) -> str:
    """Where a claim of a dossier's JSON is shown: its model's :attr:`Claim.section` (a
    conflict whose later report revises the earlier one among the updates, "update"; other
    conflicts as contradictions, "conflict"; the rest by status), also for dossiers stored
    before conflicts told their difference, which gave updates the status "update"."""
    status = str(claim.get("status", ""))
    if status == "update" or (status == "conflict" and claim.get("difference") == "update"):
        return "update"
    return status


class DossierView:
    """Everything a dossier page or file shows, computed from the dossier's JSON."""

    def __init__(
        self,
        data: Data,
        dossier_id: str = "",
        meta: Data | None = None,
        links: Links = WEB_LINKS,
    ) -> None:
        self.id = dossier_id
        self.data = data
        self.links = links
        articles = list(data.get("articles", []))
        self.articles = {str(a["id"]): a for a in articles}
        self.sources = [self._source(i, a) for i, a in enumerate(articles)]
        self.by_id = {s["id"]: s for s in self.sources}
        self.title = (meta or {}).get("title") or self._fallback_title()
        self.created_at = (meta or {}).get("created_at")
        # each cited span's sentence found once: a sentence many claims cite is looked up
        # again for each otherwise, and a search back for its start is up to 2,000 characters
        self._contexts: dict[tuple[str, int, int], Context] = {}

    def _source(self, index: int, article: Data) -> dict[str, Any]:
        name = source_name(article)
        published = article.get("published")
        copy_of = article.get("duplicate_of")
        return {
            "id": article["id"],
            "number": index + 1,
            "name": name,
            "label": name + (" (copy)" if copy_of else ""),
            "short": _shorten(name, SHORT_NAME),
            "title": article.get("title") or article["id"],
            "published": published,
            "published_label": dates_in_words(published),
            "published_inferred": bool(article.get("published_inferred")),
            "outlet_inferred": bool(article.get("outlet_inferred")),
            "published_how": publication_how_in_words(article.get("published_how")),
            "duplicate_of": copy_of,
            "copy_of_name": self._name_of(copy_of) if copy_of else None,
            "language": article.get("language"),
            "source": article.get("source"),
            "link": _safe_link(article.get("url") or article.get("source")),
            "removed": list(article.get("removed") or []),
            "color": index % COLORS,
            "href": self.links.source(index + 1, str(article["id"])),
        }

    def _name_of(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        return source_name(article) if article is not None else article_id

    def _fallback_title(self) -> str:
        titled = [s["title"] for s in self.sources if not s["duplicate_of"]]
        return titled[0] if titled else f"Dossier {self.id}"

    def source(self, article_id: str) -> dict[str, Any]:
        unknown = {"id": article_id, "number": 0, "name": article_id, "label": article_id}
        unknown |= {"short": article_id, "color": 0, "href": article_href(article_id)}
        return self.by_id.get(article_id) or unknown

    # --- claims ----------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        claims = self.data.get("claims", [])
        counts = {s: sum(1 for c in claims if section_of(c) == s) for s in SECTIONS}
        counts["sources"] = len(self.sources)
        counts["independent"] = self.independent(self.articles)
        counts["shared"] = len(self.agreements())
        counts["perhaps_shared"] = len(self.perhaps_shared())
        return counts

    def independent(self, article_ids: Iterable[str]) -> int:
        """Distinct outlets behind some articles, a copy counting as its original."""
        return len(independent_sources(article_ids, self.articles))

    def claims(self, section: str) -> list[dict[str, Any]]:
        """The claims of one section (:func:`section_of`); conflicts the most important
        first."""
        if section == "conflict" and self.data.get("conflicts"):
            chosen = [c for c in self.data["conflicts"] if section_of(c) == section]
        else:
            chosen = [c for c in self.data.get("claims", []) if section_of(c) == section]
        return [self.claim(c) for c in chosen]

    def conflicts(self) -> list[dict[str, Any]]:
        return self.claims("conflict")

    def agreements(self) -> list[dict[str, Any]]:
        """Agreed claims two or more independent sources surely state, those more back first."""
        agreed = [c for c in self._agreed if c["independent"] >= 2]
        return sorted(agreed, key=lambda c: (-c["independent"], -c["article_count"]))

    def perhaps_shared(self) -> list[dict[str, Any]]:
        """Agreed claims one source states surely and others only perhaps: not shown as
        agreements, which a reader takes for two sources stating it."""
        perhaps = [c for c in self._agreed if c["independent"] < 2]
        return sorted(perhaps, key=lambda c: (-len(c["less_surely"]), -c["article_count"]))

    @cached_property
    def _agreed(self) -> list[dict[str, Any]]:
        """The agreed claims' views, built once: the counts, the agreements and the claims
        perhaps shared all sort them."""
        return self.claims("agreed")

    def updates(self) -> list[dict[str, Any]]:
        """Updates, each side in the order its sources published it."""
        updates = self.claims("update")
        for claim in updates:
            claim["sides"].sort(key=lambda side: side["first_published"] or "9999")
        return updates

    def claim(self, claim: Data) -> dict[str, Any]:
        sides = [self._side(side) for side in claim.get("sides", [])]
        article_ids = {a for side in claim.get("sides", []) for a in side.get("articles", [])}
        cited = [e for side in claim.get("sides", []) for e in side.get("evidence", [])]
        surely = surely_citing(article_ids, cited)
        surely_names = independent_sources(surely, self.articles)
        less_surely = independent_sources(article_ids, self.articles) - surely_names
        about = str(claim.get("about", ""))
        return {
            "id": claim.get("id"),
            "about": about,
            "reason": claim.get("reason", ""),
            "status": claim.get("status", ""),
            "difference": claim.get("difference", ""),
            "section": section_of(claim),
            "confidence": float(claim.get("confidence", 1.0)),
            "sides": sides,
            "values_shown": values_shown(about, [side["display"] for side in sides]),
            "independent": len(surely_names),
            "surely": sorted(surely_names),
            "less_surely": sorted(less_surely),
            "article_count": len(article_ids),
        }

    def _side(self, side: Data) -> dict[str, Any]:
        articles = [str(a) for a in side.get("articles", [])]
        sources = [self.source(a) for a in articles]
        dates = sorted(p for s in sources if (p := s.get("published")))
        return {
            "display": side.get("display") or str(side.get("value", "")),
            "sources": sources,
            "names": [s["label"] for s in sources],
            "independent": self.independent(articles),
            # the sentences that surely state it first: a page or report showing one quotes one
            "quotes": self.cites(sorted(side.get("evidence", []), key=_cited_less_surely)),
            "first_published": dates[0] if dates else None,
        }

    # --- citations -------------------------------------------------------------------------

    def cite(self, ev: Data) -> dict[str, Any]:
        """A cited span inside its sentence, with the source and a link to the span."""
        article_id, start, end = str(ev.get("article")), int(ev["start"]), int(ev["end"])
        source = self.source(article_id)
        context = self._contexts.get((article_id, start, end))
        if context is None:
            text = str(self.articles.get(article_id, {}).get("text", ""))
            context = self._contexts[article_id, start, end] = context_around(text, start, end)
        return {
            "source": source,
            "href": self.links.span(source["number"], article_id, start, end),
            "before": context.before,
            "marked": context.span or str(ev.get("text", "")),
            "after": context.after,
            "tentative": bool(ev.get("tentative")),
        }

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

    def cites_by_source(self, evidence: Iterable[Data]) -> list[dict[str, Any]]:
        """One citation per source (its first span), counting the other spans it backs,
        in the order of the sources."""
        first: dict[str, dict[str, Any]] = {}
        for cite in self.cites(evidence):
            source_id = cite["source"]["id"]
            if source_id in first:
                first[source_id]["more"] += 1
            else:
                first[source_id] = {**cite, "more": 0}
        return sorted(first.values(), key=lambda c: int(c["source"]["number"]))

    # --- summary, timeline -----------------------------------------------------------------

    def summary(self) -> list[dict[str, Any]]:
        return [
            {"text": s.get("text", ""), "cites": self.cites_by_source(s.get("evidence", []))}
            for s in self.data.get("summary", [])
        ]

    def timeline(self) -> list[dict[str, Any]]:
        """Each dated event: its date and the dates sources disagree on, in words."""
        rows = []
        for entry in self.data.get("timeline", []):
            reported = [
                {
                    "source": self.source(str(r.get("article"))),
                    "date": dates_in_words(r.get("published")),
                }
                for r in entry.get("reported", [])
            ]
            rows.append(
                {
                    "date": entry_in_words(entry),
                    "dates_given": [value_in_words(v) for v in entry.get("dates_given", [])],
                    "event": entry.get("event", ""),
                    "cites": self.cites(entry.get("evidence", [])),
                    "reported": reported,
                }
            )
        return rows

    def chart(self) -> dict[str, Any] | None:
        return timeline_chart(self.data.get("timeline", []), self.by_id)

    # --- framing, quotes, labels -----------------------------------------------------------

    def per_outlet(self) -> list[dict[str, Any]]:
        """For each source: its framing markers and the people it quotes, most quoted first."""
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
        return {
            "text": marker.get("text", ""),
            "kind": str(marker.get("kind", "")).replace("_", " "),
            "note": str(marker.get("note", "")).replace("_", " "),
            "href": self._href(marker.get("evidence") or {}),
        }

    def _speakers(self, quotes: list[Data]) -> list[dict[str, Any]]:
        by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for quote in quotes:
            speaker = quote.get("speaker") or UNATTRIBUTED
            entry = {"text": quote.get("text", ""), "kind": quote.get("kind", "")}
            by_speaker[speaker].append({**entry, "href": self._href(quote.get("evidence") or {})})
        ranked = sorted(by_speaker.items(), key=lambda item: -len(item[1]))
        return [{"name": name, "quotes": items} for name, items in ranked]

    def _href(self, evidence: Data) -> str:
        article_id = str(evidence.get("article", ""))
        source = self.source(article_id)
        if "start" not in evidence:
            return str(source["href"])
        return self.links.span(source["number"], article_id, evidence["start"], evidence["end"])

    def labels(self) -> tuple[list[str], list[dict[str, Any]]]:
        """(outlets, rows): the words each outlet uses for an actor, where they differ; the
        actors most outlets name first."""
        labels: Data = self.data.get("labels") or {}
        outlets = sorted({outlet for per in labels.values() for outlet in per})
        ranked = sorted(labels.items(), key=lambda item: (-len(item[1]), item[0]))
        rows = []
        for actor, per in ranked:
            words = [", ".join(per.get(outlet, [])) for outlet in outlets]
            if len({w for w in words if w}) > 1:
                rows.append({"actor": actor, "words": words})
        return outlets, rows[:MAX_LABEL_ROWS]

    def omissions(self) -> list[str]:
        return [str(o) for o in self.data.get("omissions", [])]

    # --- source texts (the files print them; the web has article pages) -------------------

    def texts(self) -> list[dict[str, Any]]:
        """Each source with its text cut where cited spans begin and end."""
        marks: dict[str, set[tuple[int, int]]] = defaultdict(set)
        for _, ev in evidence_places(self.data):
            marks[str(ev["article"])].add((int(ev["start"]), int(ev["end"])))
        return [
            {
                **source,
                "segments": _segments(
                    str(self.articles[source["id"]].get("text", "")),
                    marks.get(source["id"], set()),
                    source["number"],
                ),
            }
            for source in self.sources
        ]


def entry_in_words(entry: Data, short: bool = False) -> str:
    """A timeline entry's date in words ("the third quarter of 2024", "1991–1993")."""
    date, end = entry.get("date"), entry.get("end")
    value = f"{date}/{end}" if date and end and end != date else date
    when = DateInterval.parse(value, mod=entry.get("mod"))
    return when.in_words(short) if when else value_in_words(value, entry.get("mod"))


def _segments(text: str, spans: set[tuple[int, int]], number: int) -> list[dict[str, Any]]:
    """The text cut where marked spans begin and end, so overlapping spans still highlight.

    A piece is marked when a span covers it: the spans open and close at the cuts (each
    clipped to the text), counted in one pass, not every span asked for every piece (an
    article cited in thousands of places took seconds)."""
    size = len(text)
    cuts = sorted({0, size, *(p for span in spans for p in span if 0 <= p <= size)})
    place = {cut: k for k, cut in enumerate(cuts)}
    opened = [0] * len(cuts)  # spans opening at each cut, less those closing there
    for start, end in spans:
        first, last = max(0, start), min(size, end)
        if first < last:
            opened[place[first]] += 1
            opened[place[last]] -= 1
    starts = {start for start, _ in spans}
    segments = []
    covering = 0
    for k, (left, right) in enumerate(itertools.pairwise(cuts)):
        covering += opened[k]
        anchor = span_anchor(number, left) if left in starts else None
        segments.append({"text": text[left:right], "marked": covering > 0, "id": anchor})
    for start in starts - set(cuts[:-1]):  # empty spans still need their anchor
        segments.append({"text": "", "marked": False, "id": span_anchor(number, start)})
    return segments


def _safe_link(url: str | None) -> str | None:
    """Only plain web addresses become links; ``javascript:`` and friends stay text."""
    return url if url and re.match(r"https?://", url, re.I) else None


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip(' “"') + "…"


# --- the timeline chart -----------------------------------------------------------------------


def timeline_chart(entries: list[Data], sources: Mapping[str, Data]) -> dict[str, Any] | None:
    """Rows of events on an ordinal date axis: ● when it happened, ◆ when each source said it."""
    rows = [entry for entry in entries if _entry_interval(entry)][:MAX_ROWS]
    if not rows:
        return None
    points: dict[str, DateInterval] = {}
    for entry in rows:
        for value in (entry["date"], entry.get("end")):
            if value and (found := DateInterval.parse(str(value))):
                points[str(value)] = found
        for report in entry.get("reported", []):
            if report.get("published") and (found := DateInterval.parse(report["published"])):
                points[report["published"]] = found
    axis = sorted(points, key=lambda value: points[value].sort_key)
    step = (PLOT_RIGHT - PLOT_LEFT) / max(1, len(axis) - 1)
    x_of = {v: PLOT_LEFT + i * step if len(axis) > 1 else (PLOT_LEFT + PLOT_RIGHT) / 2
            for i, v in enumerate(axis)}  # fmt: skip
    chart_rows = [_chart_row(i, e, x_of, sources) for i, e in enumerate(rows)]
    height = AXIS_HEIGHT + ROW_HEIGHT * len(chart_rows) + 10
    columns = [{"x": round(x, 1), "label": points[v].in_words(short=True)} for v, x in x_of.items()]
    return {
        "width": CHART_WIDTH, "height": height, "rows": chart_rows, "columns": columns,
        "axis_y": AXIS_HEIGHT - 8, "text_width": TEXT_WIDTH, "event_x": EVENT_X,
    }  # fmt: skip


def _entry_interval(entry: Data) -> DateInterval | None:
    date, end = entry.get("date"), entry.get("end")
    return DateInterval.parse(f"{date}/{end}" if end else date, mod=entry.get("mod"))


def _chart_row(
    index: int, entry: Data, x_of: Mapping[str, float], sources: Mapping[str, Data]
) -> dict[str, Any]:
    y = AXIS_HEIGHT + ROW_HEIGHT * index + ROW_HEIGHT / 2
    start_x = x_of[str(entry["date"])]
    end_x = x_of.get(str(entry.get("end") or ""), start_x)
    reports = []
    for report in entry.get("reported", []):
        source = sources.get(report.get("article", ""), {})
        if report.get("published") in x_of:
            reports.append({
                "x": round(x_of[report["published"]], 1), "color": source.get("color", 0),
                "name": source.get("name", report.get("article")),
                "date": dates_in_words(report["published"]),
            })  # fmt: skip
    far = max([r["x"] for r in reports] + [end_x])
    event = str(entry.get("event", ""))
    short = _shorten(event, EVENT_CHARS)
    return {
        "y": round(y, 1), "text_y": round(y + 4, 1),
        "date": entry_in_words(entry, short=True),
        "event": short, "full": event, "x": round(start_x, 1), "end_x": round(end_x, 1),
        "far_x": round(far, 1), "reports": reports, "exact": entry.get("granularity") == "day",
        "band": index % 2 == 0, "band_y": round(y - ROW_HEIGHT / 2, 1),
    }  # fmt: skip


def _cited_less_surely(evidence: Data) -> bool:
    return bool(evidence.get("tentative"))


def values_shown(about: str, displays: Sequence[str]) -> list[str]:
    """The claim's values as a list shows them after its label: each once, and none when
    the one value only says the label again (a statement labelled by its own words:
    "Russia deployed the contingent: Russia deployed the contingent")."""
    distinct = list(dict.fromkeys(displays))
    if len(distinct) == 1 and _says_again(about, distinct[0]):
        return []
    return distinct


def _says_again(about: str, display: str) -> bool:
    label, value = _plain(about.removesuffix("…")), _plain(display)
    return bool(label) and (value == label or (about.endswith("…") and value.startswith(label)))


def _plain(text: str) -> str:
    return " ".join(text.lower().rstrip(" .").split())
