"""Sentences as exact spans, with bullets and surrounding white space trimmed off."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from triangulate.core.dates import lead_datelines
from triangulate.core.words import TITLE_ABBREVIATIONS
from triangulate.models import Evidence, Sentence
from triangulate.nlp.language import MAX_SENTENCE_TOKENS, doc_text

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
    """spaCy sentences trimmed to their content (no bullets, no white space); a sentence the
    parser ended at a title written short before a name ("..., Sgt." | "Paul Edevane said.")
    or before a comma or a word in lower case ("Man" | ", 19, critically wounded", "Woman" |
    "killed in hit-and-run") is one with the next."""
    start: int | None = None
    end = 0
    datelines = lead_datelines(doc_text(doc))
    for sentence in doc.sents:
        bounds = _content_bounds(sentence)
        if bounds is None or is_a_dateline(doc[bounds[0] : bounds[1]], datelines):
            continue
        start = bounds[0] if start is None else start
        end = bounds[1]
        joins = end - start < JOINED_PIECE_TOKENS and _goes_on(doc, end)
        if not _ends_at_a_title(doc, end) and not joins:
            yield doc[start:end]
            start = None
    if start is not None:  # the text ends on a title
        yield doc[start:end]


def is_a_dateline(span: Span, datelines: list[tuple[int, int]]) -> bool:
    """The span is a wire dateline standing alone ("DUNMERE (Channel 8) —"), which the
    language pipeline makes a sentence of its own: where the report was filed, no statement."""
    return any(start <= span.start_char and span.end_char <= end for start, end in datelines)


def _ends_at_a_title(doc: Doc, end: int) -> bool:
    """The span ending before token ``end`` closes on a title ("Sgt." or "Sgt" ".") and the
    next word, on the same line, is a name."""
    last = doc[end - 1]
    title = doc[end - 2] if last.text == "." and end >= 2 and not doc[end - 2].whitespace_ else last
    if title.text.rstrip(".").lower() not in TITLE_ABBREVIATIONS or "\n" in last.whitespace_:
        return False
    following = next((t for t in doc[end:] if not t.is_space), None)
    return following is not None and following.tag_ == "NNP"


# A piece the parser cut that may go on the next is short (a headline's first word, a quote's
# first clause): never one cut at the parser's cap (``MAX_SENTENCE_TOKENS``), which stays cut
JOINED_PIECE_TOKENS = MAX_SENTENCE_TOKENS // 3
# Marks no sentence opens on: one the parser started on them goes on the sentence before
# ("Man" | ", 19, critically wounded in shooting": a headline's person and their age)
CLAUSE_MARKS = frozenset({",", ";"})
# Marks a sentence may end on; one ending on none, whose next word opens in lower case on the
# same line, goes on ("Woman" | "killed in hit-and-run", "Officials told KHRW 8" | "he is")
SENTENCE_END_MARKS = frozenset(
    {".", "!", "?", ":", '"', "”", "’", "'", ")", "]", "»", "…", "—", "-"}
)


def _goes_on(doc: Doc, end: int) -> bool:
    """The sentence ending before token ``end`` goes on after it: the parser cut it before a
    comma or a semicolon, or before a word in lower case on the same line, after no mark a
    sentence ends on."""
    if end >= len(doc) or "\n" in doc[end - 1].whitespace_:
        return False
    following, last = doc[end], doc[end - 1]
    if following.text in CLAUSE_MARKS:
        return True
    return (
        following.text[:1].islower()
        and last.text[-1:] not in SENTENCE_END_MARKS
        and not _stands_alone(last)
    )


def _stands_alone(token: Token) -> bool:
    """A word a line's fragment may end on before a sentence of its own: an address, a handle
    or a credit in capitals ("Email tips@example.com" | "three people were killed", "AP" |
    "police said")."""
    written = token.text
    return (
        token.like_url
        or token.like_email
        or "@" in written
        or (len(written) > 1 and written.isalpha() and written.isupper())
    )


def evidence_for(span: Span, article_id: str) -> Evidence:
    """The exact evidence span of a spaCy span."""
    return Evidence(article_id, span.start_char, span.end_char, span.text)


def find_sentences(doc: Doc, article_id: str) -> list[Sentence]:
    """All sentences of an article, in text order."""
    return [Sentence(evidence_for(span, article_id)) for span in sentence_spans(doc)]
