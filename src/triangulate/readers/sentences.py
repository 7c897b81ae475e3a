"""Sentences as exact spans, with bullets and surrounding white space trimmed off."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from triangulate.models import Evidence, Sentence

BULLET_MARKS = frozenset("•◦▪‣·*-–—>")


def _content_bounds(sentence: Span) -> tuple[int, int] | None:
    """First and last token index (exclusive end) once spaces and bullet marks are dropped."""
    tokens = [token for token in sentence if not token.is_space]
    while tokens and tokens[0].text in BULLET_MARKS and len(tokens) > 1:
        tokens = tokens[1:]
    if not tokens or all(token.is_punct for token in tokens):
        return None
    return tokens[0].i, tokens[-1].i + 1


def sentence_spans(doc: Doc) -> Iterator[Span]:
    """spaCy sentences trimmed to their content (no bullets, no white space)."""
    for sentence in doc.sents:
        bounds = _content_bounds(sentence)
        if bounds is not None:
            yield doc[bounds[0] : bounds[1]]


def evidence_for(span: Span, article_id: str) -> Evidence:
    """The exact evidence span of a spaCy span."""
    return Evidence(article_id, span.start_char, span.end_char, span.text)


def find_sentences(doc: Doc, article_id: str) -> list[Sentence]:
    """All sentences of an article, in text order."""
    return [Sentence(evidence_for(span, article_id)) for span in sentence_spans(doc)]
