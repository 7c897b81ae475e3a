"""A stored story arranged for the story page and the home list: sources, dates, a date strip."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from triangulate.core.sources import independent_sources, source_name
from triangulate.render.view import COLORS, DossierView, article_href, dates_in_words, path_part

Data = Mapping[str, Any]

# Date strip geometry (SVG user units; the strip scales to the page width).
STRIP_WIDTH = 1000
STRIP_LEFT, STRIP_RIGHT = 60, 940
STRIP_TOP = 14
DOT_RADIUS = 8
DOT_STEP = 20  # vertical distance between articles published on the same day
MAX_STACK = 8  # more articles on one day are counted, not drawn
LABEL_GAP = 110  # minimum distance between two date labels
LABELS_HEIGHT = 34


def independent_count(articles: Sequence[Data]) -> int:
    """Distinct outlets among some articles, a copy counting as the original it copies."""
    return len(independent_sources([str(a["id"]) for a in articles], articles))


def day(value: object) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None


def date_range(first: str | None, last: str | None) -> str:
    """ "10–13 Jun 2025", one day, or "undated"."""
    return dates_in_words(first, last, short=True)


def story_row(summary: Data, members: Sequence[Data]) -> dict[str, Any]:
    """One story of the home list: the stored summary plus its independent sources and link."""
    return {
        **summary,
        "independent": independent_count(members),
        "dates": date_range(summary.get("first_seen"), summary.get("last_seen")),
        "url": story_href(str(summary["id"])),
    }


def story_href(story_id: str) -> str:
    return f"/stories/{path_part(story_id)}"


class StoryView:
    """Everything the story page shows."""

    def __init__(self, story: Data, dossier: DossierView | None = None) -> None:
        self.story = story
        self.id = str(story["id"])
        self.articles = list(story.get("articles", []))
        self.colors = _colors(self.articles)
        self.by_id = {str(a["id"]): a for a in self.articles}
        self.dossier = dossier
        if dossier is not None:
            for source in dossier.sources:  # the dossier's citations match the strip's colours
                source["color"] = self.colors.get(source["name"], source["color"])

    @property
    def title(self) -> str:
        return str(self.story.get("title") or f"Story {self.id}")

    @property
    def dates(self) -> str:
        return date_range(self.story.get("first_seen"), self.story.get("last_seen"))

    def independent(self) -> int:
        return independent_count(self.articles)

    def rows(self) -> list[dict[str, Any]]:
        return [self._row(article) for article in self.articles]

    def _row(self, article: Data) -> dict[str, Any]:
        original = self.by_id.get(str(article.get("duplicate_of")))
        copy_of = article.get("duplicate_of")
        return {
            "id": article["id"],
            "href": article_href(str(article["id"])),
            "title": article.get("title") or article["id"],
            "source": source_name(article),
            "color": self.colors[source_name(article)],
            "date": dates_in_words(article["published"], short=True)
            if article.get("published")
            else None,
            "inferred": bool(article.get("published_inferred")),
            "words": article.get("words"),
            "copy_of": copy_of,
            "copy_of_name": source_name(original) if original else copy_of,
            "copy_of_href": article_href(str(copy_of)) if copy_of else None,
        }

    def strip(self) -> dict[str, Any] | None:
        return date_strip(self.rows(), self.articles)


def _colors(articles: Iterable[Data]) -> dict[str, int]:
    colors: dict[str, int] = {}
    for article in articles:
        colors.setdefault(source_name(article), len(colors) % COLORS)
    return colors


def date_strip(rows: Sequence[Data], articles: Sequence[Data]) -> dict[str, Any] | None:
    """Dots on a proportional day axis, one per dated article, stacked when on the same day."""
    days: dict[datetime.date, list[Data]] = {}
    for row, article in zip(rows, articles, strict=True):
        if (published := day(article.get("published"))) is not None:
            days.setdefault(published, []).append(row)
    if not days:
        return None
    first, last = min(days), max(days)
    span = (last - first).days

    def x_of(date: datetime.date) -> float:
        if span == 0:
            return (STRIP_LEFT + STRIP_RIGHT) / 2
        return STRIP_LEFT + (date - first).days / span * (STRIP_RIGHT - STRIP_LEFT)

    stack = min(MAX_STACK, max(len(r) for r in days.values()))
    axis_y = STRIP_TOP + stack * DOT_STEP + 4
    columns = [_column(d, days[d], x_of(d), axis_y) for d in sorted(days)]
    return {
        "width": STRIP_WIDTH, "height": axis_y + LABELS_HEIGHT, "axis_y": axis_y,
        "radius": DOT_RADIUS,
        "left": STRIP_LEFT, "right": STRIP_RIGHT, "columns": columns,
        "labels": _labels([(c["x"], c["label"]) for c in columns], axis_y + 20),
        "undated": len(articles) - sum(len(r) for r in days.values()),
    }  # fmt: skip


def _column(date: datetime.date, rows: Sequence[Data], x: float, axis_y: int) -> dict[str, Any]:
    dots = [
        {**row, "cy": axis_y - 4 - DOT_RADIUS - index * DOT_STEP}
        for index, row in enumerate(rows[:MAX_STACK])
    ]
    hidden = len(rows) - len(dots)
    return {
        "x": round(x, 1), "label": dates_in_words(date.isoformat(), short=True), "dots": dots,
        "more": hidden, "more_y": dots[-1]["cy"] - DOT_STEP, "count": len(rows),
    }  # fmt: skip


def _labels(points: Sequence[tuple[float, str]], y: int) -> list[dict[str, Any]]:
    """Date labels that do not overlap: the first and last always, others where there is room."""
    kept: list[tuple[float, str]] = []
    for x, text in points:
        if not kept or x - kept[-1][0] >= LABEL_GAP:
            kept.append((x, text))
    if points and kept[-1] != points[-1]:
        if len(kept) > 1 and points[-1][0] - kept[-1][0] < LABEL_GAP:
            kept.pop()
        kept.append(points[-1])
    return [{"x": x, "y": y, "text": text} for x, text in kept]
