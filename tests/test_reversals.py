"""Updates in words: a plan denied in an earlier report, reported as done in a later one."""

from __future__ import annotations

import pytest

from triangulate.compare.updates import plan_reversals, verb_stem
from triangulate.models import Article, Evidence, Reading, Sentence
from triangulate.nlp.encoder import load_encoder


def article(article_id: str, published: str | None, *sentences: str) -> tuple[Article, Reading]:
    text = " ".join(sentences)
    spans = []
    for sentence in sentences:
        start = text.index(sentence)
        spans.append(Sentence(Evidence(article_id, start, start + len(sentence), sentence)))
    return (
        Article(id=article_id, source=f"{article_id}.txt", text=text, outlet=article_id,
                published=published),
        Reading(article_id, "test", sentences=tuple(spans)),
    )  # fmt: skip


DENIAL = "The port authority has no plans to close the ferry terminal, its director said."
DONE = "The port authority will close the ferry terminal for good next month, it said."


def reversals(*pairs: tuple[Article, Reading]) -> list[str]:
    claims = plan_reversals([a for a, _ in pairs], [r for _, r in pairs], load_encoder())
    for claim in claims:
        for side in claim.sides:
            for ev in side.evidence:
                source = next(a for a, _ in pairs if a.id == ev.article)
                assert source.text[ev.start : ev.end] == ev.text
    return [f"{c.status}: {c.sides[0].display} -> {c.sides[1].articles[0]}" for c in claims]


def test_a_denied_plan_reported_done_later_is_an_update() -> None:
    found = reversals(article("herald", "2031-04-01", DENIAL), article("wire", "2031-04-05", DONE))
    assert found == ["update: no plans to close -> wire"]


@pytest.mark.parametrize(
    "later",
    [
        "The port authority did not close the ferry terminal after all, it said.",
        "The ferry terminal was closed once before, in a storm, the authority said.",
    ],
)
def test_a_negated_or_old_report_is_no_update(later: str) -> None:
    assert (
        reversals(article("herald", "2031-04-01", DENIAL), article("wire", "2031-04-05", later))
        == []
    )


def test_order_needs_known_dates() -> None:
    assert (
        reversals(article("herald", "2031-04-06", DENIAL), article("wire", "2031-04-05", DONE))
        == []
    )
    assert reversals(article("herald", None, DENIAL), article("wire", "2031-04-05", DONE)) == []


def test_verb_stems_join_forms_of_one_verb() -> None:
    assert {verb_stem(w) for w in ("close", "closes", "closed", "closing")} == {"clos"}
