"""Plans denied, then done: an earlier report that something was not planned, a later one
that it happened ("no plans to close the plant" on Tuesday, "will close the smelter" on
Friday). The comparison of figures and dates cannot see these updates: they are in words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from triangulate.core.dates import given_publication
from triangulate.core.sources import source_name
from triangulate.core.words import WORD, Lemmas, negated_before, stem
from triangulate.models import Article, Claim, Evidence, Reading, Side
from triangulate.nlp.encoder import TextEncoder

# "has no plans to close", "no intention of closing", "ruled out closing", "does not plan to close"
DENIED_PLAN = re.compile(
    r"\b(?:no\s+(?:immediate\s+|current\s+)?(?:plans?|intention|intent)\s+(?:to|of)"
    r"|(?:does|do|did)\s+not\s+(?:plan|intend)\s+to|not\s+planning\s+to|ruled\s+out)"
    r"\s+(?P<verb>[a-z]+)",
    re.IGNORECASE,
)
# A report of what happened long ago ("was closed once before", "in 2005") is no news of
# the plan: it cannot revise a denial.
RETROSPECTIVE = re.compile(
    r"\b(?:once|before|previously|earlier|ago|last\s+(?:year|month|week)|in\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
SAME_MATTER = 0.3  # sentence similarity from which two sentences may speak of one matter


@dataclass(frozen=True)
class _Denial:
    article: Article
    sentence: Evidence
    phrase: Evidence  # "no plans to close"
    verb: str  # its stem ("close")


def plan_reversals(
    articles: Sequence[Article], readings: Sequence[Reading], encoder: TextEncoder
) -> list[Claim]:
    """Updates: a plan an earlier source denied that a later source reports as done."""
    by_id = {reading.article: reading for reading in readings}
    dated = [a for a in articles if given_publication(a.published, a.published_inferred)]
    denials = [d for a in dated if a.id in by_id for d in _denials(a, by_id[a.id])]
    claims: list[Claim] = []
    for denial in denials:
        later = [a for a in dated if a.published and a.published > (denial.article.published or "")]
        found = _best_report(denial, later, by_id, encoder)
        if found is not None:
            claims.append(_claim(denial, *found, _lemmas(by_id, found[0])))
    return claims


def _denials(article: Article, reading: Reading) -> list[_Denial]:
    found = []
    for sentence in reading.sentences:
        span = sentence.evidence
        for match in DENIED_PLAN.finditer(span.text):
            start, end = span.start + match.start(), span.start + match.end()
            phrase = Evidence(article.id, start, end, article.text[start:end])
            verb = stem(match.group("verb"), dict(reading.lemmas))
            found.append(_Denial(article, span, phrase, verb))
    return found


def _affirms(sentence: str, verb: str, lemmas: Lemmas) -> re.Match[str] | None:
    """The first un-negated use of the verb in the sentence ("closed" and "closing" are
    uses of "close": their lemmas say so)."""
    uses = (m for m in WORD.finditer(sentence) if stem(m.group(), lemmas) == verb)
    for match in uses:
        if not negated_before(sentence[: match.start()]) and not DENIED_PLAN.search(sentence):
            return match
    return None


def _best_report(
    denial: _Denial,
    later: Sequence[Article],
    readings: dict[str, Reading],
    encoder: TextEncoder,
) -> tuple[Article, Evidence] | None:
    candidates = [
        (article, sentence.evidence)
        for article in later
        for sentence in readings[article.id].sentences if article.id in readings
        if _affirms(sentence.evidence.text, denial.verb, _lemmas(readings, article))
        and not RETROSPECTIVE.search(sentence.evidence.text)
    ]  # fmt: skip
    if not candidates:
        return None
    vectors = encoder.encode([denial.sentence.text, *(s.text for _, s in candidates)])
    scores = vectors[1:] @ vectors[0]
    best = int(np.argmax(scores))
    return candidates[best] if float(scores[best]) >= SAME_MATTER else None


def _lemmas(readings: dict[str, Reading], article: Article) -> Lemmas:
    return dict(readings[article.id].lemmas)


def _claim(denial: _Denial, article: Article, sentence: Evidence, lemmas: Lemmas) -> Claim:
    verb = _affirms(sentence.text, denial.verb, lemmas)
    assert verb is not None
    earlier, later = source_name(denial.article), source_name(article)
    reason = (
        f"{earlier} reported on {denial.article.published} “{denial.phrase.text}”; "
        f"{later} reported on {article.published} that it happened: the later report revises "
        f"the earlier one."
    )
    return Claim(
        id="",
        about=f"Plans to {verb.group(0).lower()}",
        status="conflict",
        reason=reason,
        sides=(
            Side(denial.phrase.text, denial.phrase.text, (denial.article.id,), (denial.sentence,)),
            Side(verb.group(0), sentence.text, (article.id,), (sentence,)),
        ),
        confidence=0.5,
        kind="plan",
        difference="update",
    )
