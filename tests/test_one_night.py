"""A night runs past midnight: "late Saturday night" and "early Sunday" told of one shooting
are one night, not two dates the sources dispute; two days apart still are.

Invented articles, read by the real readers and compared by ``compare()``.
"""

from __future__ import annotations

from conftest import compare_dated, shown_sides
from triangulate.compose.timeline import build_timeline
from triangulate.models import Article
from triangulate.nlp.encoder import TextEncoder
from triangulate.readers.reader import read_many

DAY = "2031-05-05"
VICTIM = "Milo Trent, 24, died at the scene"


def _shot(when: str) -> str:
    return f"A man was shot dead in Eastford {when}, police said. {VICTIM}, officers said."


def test_late_one_night_and_early_the_next_day_are_one_night(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder, [(DAY, _shot("late Saturday night")), (DAY, _shot("early Sunday"))]
    )
    assert sorted(shown_sides(claims, "date", "conflict")) == []
    assert ["Saturday night", "Sunday"] in sorted(shown_sides(claims, "date", "agreed"))


def test_two_days_apart_still_clash(encoder: TextEncoder) -> None:
    claims = compare_dated(encoder, [(DAY, _shot("on Friday")), (DAY, _shot("on Sunday"))])
    assert sorted(shown_sides(claims, "date", "conflict")) == [["Friday", "Sunday"]]


def test_the_timeline_tells_one_night_once(encoder: TextEncoder) -> None:
    articles = [
        Article(f"a{i}", f"a{i}.txt", _shot(when), outlet=f"Outlet {i}", published=DAY)
        for i, when in enumerate(("late Saturday night", "early Sunday"), start=1)
    ]
    entries = build_timeline(articles, read_many(articles), encoder)
    shot = [entry for entry in entries if "shot" in entry.event]
    assert [(entry.articles, entry.dates_given) for entry in shot] == [(("a1", "a2"), ())]
