"""Statements: every sentence an article states, with what the comparison needs to line it up.

A statement is one sentence of one article, with its content words, the canonical names of
the people, places and organisations in it (merged across articles by the readers), its
figures and dates, and the predicates of its clauses. Statements of different independent
sources are what the aligner pairs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from triangulate.core.sources import original_of, source_name
from triangulate.models import Article, Evidence, Fact, Quantity, Reading, TimeExpression

MIN_WORDS = 4  # shorter lines are headings, bylines and captions more often than statements
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
METADATA = re.compile(
    r"^\W*(last )?(updated|posted|published|modified|copyright|©|photo|image|read more)\b",
    re.IGNORECASE,
)
_STOP_TEXT = """a an the and or but nor of to in on at by for with from as into onto over under
up down out off about after before since until till during between among through than then
again this that these those it its their his her our your my them they he she we you i who
whom which what when where while is are was were be been being has have had do does did will
would shall should can could may might must not no so also only just very more most some any
all each both such there here said says say according told tell says mr mrs ms"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


@dataclass(frozen=True)
class Statement:
    """One sentence of one article, ready to be compared with the sentences of others."""

    index: int  # position in the list of all statements of the comparison
    article: str
    source: str  # the independent source: the outlet of the original when this is a copy
    evidence: Evidence  # the sentence
    number: int  # the sentence's number in its article (0 = the first)
    words: Counter[str]  # content word stems
    names: frozenset[str]  # canonical entity names
    people: frozenset[str]  # canonical names of the people among them
    quantities: tuple[Quantity, ...]
    times: tuple[TimeExpression, ...]
    predicates: frozenset[str]  # clause predicates' lemmas ("withdraw", "not plan")
    facts: tuple[Fact, ...]

    @property
    def text(self) -> str:
        return self.evidence.text


def stem(word: str) -> str:
    """A crude stem for matching words across articles: lower case, common endings off."""
    lowered = word.lower().replace("’", "'").removesuffix("'s")
    for suffix, keep in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if lowered.endswith(suffix) and len(lowered) - len(suffix) >= 3:
            if suffix == "s" and lowered.endswith(("ss", "us", "is")):
                continue
            return lowered[: -len(suffix)] + keep
    return lowered


def content_words(text: str) -> Counter[str]:
    return Counter(
        stem(w) for w in WORD.findall(text) if w.lower() not in STOP_WORDS and not w.isdigit()
    )


def _inside(span: Evidence, sentence: Evidence) -> bool:
    return sentence.start <= span.start and span.end <= sentence.end


def _is_statement(sentence: Evidence) -> bool:
    words = WORD.findall(sentence.text)
    return len(words) >= MIN_WORDS and not METADATA.search(sentence.text)


def statements_of(articles: Sequence[Article], readings: Sequence[Reading]) -> list[Statement]:
    """Every sentence of every article that can state something, in article then text order."""
    by_id = {a.id: a for a in articles}
    found: list[Statement] = []
    for reading in readings:
        article = by_id.get(reading.article)
        if article is None:
            continue
        source = source_name(original_of(article, by_id))
        for number, sentence in enumerate(reading.sentences):
            if _is_statement(sentence.evidence):
                found.append(
                    _statement(len(found), article, source, reading, number, sentence.evidence)
                )
    return found


def _statement(
    index: int, article: Article, source: str, reading: Reading, number: int, sentence: Evidence
) -> Statement:
    facts = tuple(f for f in reading.facts if f.evidence == sentence)
    entities = [e for e in reading.entities if _inside(e.evidence, sentence)]
    return Statement(
        index=index,
        article=article.id,
        source=source,
        evidence=sentence,
        number=number,
        words=content_words(sentence.text),
        names=frozenset(e.canonical for e in entities),
        people=frozenset(e.canonical for e in entities if e.label == "PERSON"),
        quantities=tuple(q for q in reading.quantities if _inside(q.evidence, sentence)),
        times=tuple(t for t in reading.times if _inside(t.evidence, sentence)),
        predicates=frozenset(f.predicate for f in facts if f.predicate),
        facts=facts,
    )
