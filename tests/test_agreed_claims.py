"""Agreed statement claims: one claim for what one sentence alone states surely."""

from __future__ import annotations

from triangulate.compare.agreements import SURE_LINK, statement_claims
from triangulate.compare.statements import statements_of
from triangulate.models import Article, Claim
from triangulate.readers.reader import read_many

TEXTS = (
    "Port Ellis closed its ferry terminal on Monday.",
    "Port Ellis shut its ferry terminal, the harbour office said.",
    "Port Ellis closed its ferry terminal as the storm reached the coast.",
)
OUTLETS = ("Coast Wire", "Velmar Post", "Harbour News")


def _claims(scores: dict[tuple[int, int], float]) -> list[Claim]:
    articles = [
        Article(f"a{i}", f"a{i}.txt", text, outlet=outlet, published="2031-04-03")
        for i, (text, outlet) in enumerate(zip(TEXTS, OUTLETS, strict=True))
    ]
    statements = statements_of(articles, read_many(articles))
    assert len(statements) == 3
    return [c for c in statement_claims([[0, 1], [0, 2]], statements, articles, scores)]


def test_sentences_beside_one_sure_sentence_share_its_claim() -> None:
    below = SURE_LINK / 2
    claims = _claims({(0, 1): below, (0, 2): below, (1, 2): 0.0})
    assert len(claims) == 1  # not one claim per sentence cited less surely beside it
    evidence = claims[0].sides[0].evidence
    assert {e.article for e in evidence} == {"a0", "a1", "a2"}
    assert {e.article for e in evidence if e.tentative} == {"a1", "a2"}
    assert "1 independent source states it (Coast Wire)" in claims[0].reason
    assert "Less surely: Harbour News, Velmar Post" in claims[0].reason


def test_claims_two_sources_state_surely_stay_apart() -> None:
    claims = _claims({(0, 1): SURE_LINK, (0, 2): SURE_LINK / 2, (1, 2): 0.0})
    assert len(claims) == 2
    assert [sorted(c.sides[0].articles) for c in claims] == [["a0", "a1"], ["a0", "a2"]]
