"""Statement units: the sentences an article states, with the words the comparison lines up by.

A unit is one sentence; a sentence broken at an abbreviation's dot ("Lt.", "a.m.") or before
a line that continues in lower case is joined back. Only units that end like a sentence (".",
"!", "?") are kept: headlines, datelines, bylines and captions state no fact of their own.

For each unit the reader keeps what the aligner compares across articles (all computed here,
once per article, and cached with the reading): its words, content lemmas, names (exact and
word by word), numbers, the predicates of its main clauses and every verb (with their groups
of near-synonyms), word pairs and clause-like segments.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from triangulate.core.dates import lead_datelines
from triangulate.core.words import ABBREVIATIONS, NUMBER_WORDS, REPORTING_VERBS, verb_groups
from triangulate.models import Evidence, Unit
from triangulate.nlp.language import doc_text
from triangulate.readers.sentences import is_a_dateline

MIN_WORDS = 4
# The most characters of a text read as an excerpt (a lead, a feed's description): only
# there is a last clause cut off before its end a statement. A whole article that stops
# mid-sentence ends on its page's furniture ("For more information, please visit ...",
# "Reporting by ...; Editing by ...") far more often than on a cut.
EXCERPT_CHARS = 1_000
BULLET_MARKS = frozenset("•◦▪‣·*-–—>")
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"})
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
PAIR_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "who",
        "which",
        "said",
        "says",
        "will",
        "would",
        "not",
        "no",
    ]
)
SEGMENT_BREAKS = frozenset(
    [
        "and",
        "but",
        "while",
        "after",
        "before",
        "when",
        "because",
        "as",
        "which",
        "who",
        "where",
        "although",
    ]
)
SEGMENT_PUNCTUATION = frozenset({",", ";", ":", "(", ")", "--", "—", "–"})
SEGMENT_MIN_WORDS = 3
TOKEN = re.compile(r"[a-z0-9]+")
DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
TRAILING = " \t\"'\u201d\u2019)]"


def ends_like_a_sentence(text: str) -> bool:
    return text.rstrip(TRAILING)[-1:] in (".", "!", "?")


def find_units(doc: Doc, article_id: str) -> list[Unit]:
    """The article's statement units, in text order."""
    found = []
    # the names once: spaCy builds ``Doc.ents`` anew from every token on each access
    names = [e for e in doc.ents if e.label_ in NAME_LABELS]
    for tokens in _joined_sentences(doc):
        unit = _unit(doc, tokens, article_id, names)
        if unit is not None:
            found.append(unit)
    return found


def _content(sentence: Span) -> list[Token]:
    tokens = [t for t in sentence if not t.is_space]
    while len(tokens) > 1 and tokens[0].text in BULLET_MARKS:
        tokens = tokens[1:]
    return tokens


def _ends_in_abbreviation(tokens: Sequence[Token]) -> bool:
    if len(tokens) < 2 or tokens[-1].text != ".":
        return False
    word = tokens[-2].text
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _joined_sentences(doc: Doc) -> Iterator[list[Token]]:
    units: list[list[Token]] = []
    datelines = lead_datelines(doc_text(doc))
    for sentence in doc.sents:
        tokens = _content(sentence)
        if not tokens or all(t.is_punct for t in tokens):
            continue
        if is_a_dateline(doc[tokens[0].i : tokens[-1].i + 1], datelines):
            continue  # "DUNMERE —": where the report was filed
        first = next((t for t in tokens if not t.is_punct), tokens[0])
        continues = first.text[:1].islower() or (units and _ends_in_abbreviation(units[-1]))
        if (
            units
            and continues
            and tokens[0].i == units[-1][-1].i + 1 + _spaces_between(units[-1][-1], tokens[0])
        ):
            units[-1] = units[-1] + tokens
        else:
            units.append(tokens)
    yield from units


def _spaces_between(last: Token, first: Token) -> int:
    return sum(1 for t in last.doc[last.i + 1 : first.i] if t.is_space)


def _cut_off(doc: Doc, tokens: list[Token]) -> bool:
    """Whether these are an excerpt's last words and a clause with a verb, cut off before its
    sentence ends: a lead or an excerpt cut at a length ("A storm closed the port on Monday,
    weeks after the harbour board voted to"). What came before the cut is stated, often the
    whole news; a line with no verb (a headline, a caption) is no statement."""
    if len(doc_text(doc)) > EXCERPT_CHARS or any(t.like_url or t.like_email for t in tokens):
        return False
    if tokens[-1].i + 1 < len(doc) and doc[tokens[-1].i + 1 :].text.strip():
        return False
    if not any(t.dep_ in ("nsubj", "nsubjpass") for t in tokens):
        return False  # "Click here to read the full story": a page's call, told to no one
    return any(t.pos_ in ("VERB", "AUX") for t in tokens) and bool(_main_predicates(tokens))


def _unit(doc: Doc, tokens: list[Token], article_id: str, names: Sequence[Span]) -> Unit | None:
    """The tokens' unit: a sentence of enough words that ends as one, or an excerpt's last
    words cut off before it ends."""
    words = [t for t in tokens if t.is_alpha or t.like_num]
    if len(words) < MIN_WORDS:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc_text(doc)[start:end]
    if not ends_like_a_sentence(text) and not _cut_off(doc, tokens):
        return None
    lowered = tuple(TOKEN.findall(text.lower()))
    first, last = tokens[0].i, tokens[-1].i + 1
    named = [e for e in names if e.start >= first and e.end <= last]
    return Unit(
        evidence=Evidence(article_id, start, end, text),
        words=lowered,
        lemmas=_sorted(
            t.lemma_.lower()
            for t in tokens
            if t.pos_ in CONTENT_POS and not t.is_stop and (t.is_alpha or t.like_num)
        ),
        names=_sorted(re.sub(r"^the\s+", "", e.text.lower()) for e in named),
        name_words=_sorted(
            t.lower_ for e in named for t in e if t.is_alpha and len(t) > 2 and not t.is_stop
        ),
        numbers=_sorted(_numbers(text, tokens)),
        predicates=_sorted(_main_predicates(tokens)),
        verbs=_sorted(k for t in tokens if t.pos_ == "VERB" for k in _keys(_verb_lemma(t))),
        pairs=_sorted(
            f"{a} {b}"
            for a, b in itertools.pairwise(lowered)
            if not (a in PAIR_STOP_WORDS and b in PAIR_STOP_WORDS)
        ),
        segments=tuple(" ".join(s) for s in _segments(tokens)),
        size=len(words),
    )


def _sorted(items: Iterator[str] | Sequence[str] | set[str]) -> tuple[str, ...]:
    return tuple(sorted(set(items)))


def _numbers(text: str, tokens: Sequence[Token]) -> set[str]:
    found = {v for d in DIGITS.findall(text) if (v := _number_value(d)) is not None}
    found |= {str(NUMBER_WORDS[t.lower_]) for t in tokens if t.lower_ in NUMBER_WORDS}
    return found


def _number_value(written: str) -> str | None:
    try:
        value = float(written.replace(",", ""))
    except ValueError:
        return None
    if not math.isfinite(value):
        return None  # 309 digits or more: past a float's range, no figure of any report
    return str(int(value)) if value == int(value) else str(value)


def _verb_lemma(token: Token) -> str:
    """ "pull out" as pull_out, "shot dead" as shoot_dead."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "prt":
            return f"{lemma}_{child.lemma_.lower()}"
        if child.dep_ == "acomp" and child.lemma_.lower() == "dead":
            return f"{lemma}_dead"
    return lemma


def _keys(lemma: str) -> set[str]:
    return {lemma} | {f"#group{k}" for k in verb_groups(lemma.replace("_", " "))}


def _sentences_of(tokens: Sequence[Token]) -> list[Span]:
    """The parser's sentences the tokens (in text order) lie in, each once: a token's
    ``sent`` is looked for from its position each time it is asked for."""
    found: list[Span] = []
    for token in tokens:
        if not found or token.i >= found[-1].end:
            found.append(token.sent)
    return found


def _main_predicates(tokens: Sequence[Token]) -> set[str]:
    """Each sentence's root verb; through a reporting verb to the reported clause's verb."""
    found: set[str] = set()
    for sentence in _sentences_of(tokens):
        root = sentence.root
        reported = [
            c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")
        ]
        if root.lemma_.lower() in REPORTING_VERBS and reported:
            for clause in reported:
                found |= _keys(_verb_lemma(clause))
            continue
        found |= _keys(_verb_lemma(root))
        for child in root.children:
            if child.dep_ == "conj" and child.pos_ == "VERB":
                found |= _keys(_verb_lemma(child))
    return found


def _segments(tokens: Sequence[Token]) -> list[list[str]]:
    """The sentence cut at clause punctuation and clause-joining words (pieces of at least
    three words; a shorter piece joins the one before)."""
    pieces: list[list[Token]] = [[]]
    for token in tokens:
        if token.is_punct and token.text in SEGMENT_PUNCTUATION:
            pieces.append([])
            continue
        if token.lower_ in SEGMENT_BREAKS:
            pieces.append([])
        pieces[-1].append(token)

    def size(piece: list[Token]) -> int:
        return sum(1 for t in piece if TOKEN.search(t.lower_))

    kept: list[list[Token]] = []
    for piece in pieces:
        if kept and size(piece) < SEGMENT_MIN_WORDS:
            kept[-1].extend(piece)
        elif piece:
            kept.append(piece)
    if len(kept) > 1 and size(kept[0]) < SEGMENT_MIN_WORDS:
        kept = [kept[0] + kept[1], *kept[2:]]
    return [[w for t in piece for w in TOKEN.findall(t.lower_)] for piece in kept]
