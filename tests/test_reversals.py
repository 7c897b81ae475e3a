"""Updates in words: a plan denied in an earlier report, reported as done in a later one."""

from __future__ import annotations

import pytest

from triangulate.compare.updates import plan_reversals
from triangulate.models import Article, Evidence, Reading, Sentence
from triangulate.nlp.encoder import load_encoder


def article(
    article_id: str,
    published: str | None,
    *sentences: str,
    lemmas: tuple[tuple[str, str], ...] = (),
) -> tuple[Article, Reading]:
    text = " ".join(sentences)
    spans = []
    for sentence in sentences:
        start = text.index(sentence)
        spans.append(Sentence(Evidence(article_id, start, start + len(sentence), sentence)))
    return (
        Article(id=article_id, source=f"{article_id}.txt", text=text, outlet=article_id,
                published=published),
        Reading(article_id, "test", sentences=tuple(spans), lemmas=lemmas),
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
    return [f"{c.section}: {c.sides[0].display} -> {c.sides[1].articles[0]}" for c in claims]


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


@pytest.mark.parametrize(
    ("later", "lemmas", "verb"),
    [
        (
            "The port authority is closing the ferry terminal for good, it said.",
            "closing",
            "closing",
        ),
        ("The port authority closed the ferry terminal for good, it said.", "closed", "closed"),
        ("The port authority closes the ferry terminal for good, it said.", "closes", "closes"),
    ],
)
def test_forms_of_the_denied_verb_are_found_by_their_lemma(
    later: str, lemmas: str, verb: str
) -> None:
    done = article("wire", "2031-04-05", later, lemmas=((lemmas, "close"),))
    found = reversals(article("herald", "2031-04-01", DENIAL), done)
    assert found == ["update: no plans to close -> wire"]


def test_a_word_that_merely_starts_like_the_verb_is_no_report_of_it() -> None:
    later = "The port authority's closure plan for the ferry terminal was published, it said."
    assert (
        reversals(article("herald", "2031-04-01", DENIAL), article("wire", "2031-04-05", later))
        == []
    )
