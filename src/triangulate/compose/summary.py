"""A neutral, cited account built only from the sources' own sentences.

Every summary sentence is a source sentence (or a trim of one) and cites each
source that says the same. Contested points are never blended: they are written
as "A reports "..."; B reports "..."" with both sides quoted from their sources.
Omissions are only reported for fully extracted articles, so a truncated page
is not blamed for what it might have said further down.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from triangulate.core.sources import independent_sources, source_name
from triangulate.core.spans import sentence_around
from triangulate.core.words import content_words, overlap
from triangulate.models import (
    Article,
    Claim,
    Evidence,
    Reading,
    Side,
    SummarySentence,
    TimelineEntry,
)

MIN_SENTENCES = 5
MAX_SENTENCES = 10
MAX_CONTESTED = 3
SAME_POINT = 0.3  # word overlap above which two sentences make the same point
REDUNDANT = 0.45  # share of a sentence's words already said by a chosen one
MIN_WORDS, MAX_WORDS = 6, 45
QUOTE_WORDS = 30  # longest stretch quoted for one side of a contested point
LEAD_SENTENCES = 3
TITLE_WORDS = 6
TOPICAL_WEIGHT = 2.0
MIN_TOPICAL = 0.2
SHAKY_FRAMING = {"loaded_word", "scare_quotes", "distancing"}
LEADING_CONNECTIVE = re.compile(
    r"^(?:but|and|however|meanwhile|moreover|also|still|yet|so|in addition|furthermore),?\s+",
    re.I,
)
QUOTE_CHARS = re.compile(r"[\"“”«»]")


@dataclass
class _Candidate:
    sentence: Evidence
    article: Article
    position: int  # index of the sentence in its article
    score: float = 0.0
    support: tuple[Evidence, ...] = ()
    words: frozenset[str] = frozenset()


def _repeats(first: frozenset[str], second: frozenset[str]) -> bool:
    """Most of the shorter sentence's words are in the other: it adds little."""
    if not first or not second:
        return False
    return len(first & second) / min(len(first), len(second)) >= REDUNDANT


# --- contested points ------------------------------------------------------------------------


def _claim_weight(claim: Claim) -> tuple[int, float]:
    articles = {a for side in claim.sides for a in side.articles}
    return len(articles), claim.confidence


def _side_quote(
    side: Side, readings: dict[str, Reading], articles: dict[str, Article]
) -> tuple[str, Evidence] | None:
    """The sentence one side's first piece of evidence sits in, trimmed for quoting."""
    if not side.evidence or side.evidence[0].article not in articles:
        return None
    span = side.evidence[0]
    reading = readings.get(span.article)
    sentences = [s.evidence for s in reading.sentences] if reading else []
    sentence = sentence_around(span, articles[span.article].text, sentences)
    return _trim_quote(sentence.text, span.start - sentence.start), sentence


def _trim_quote(sentence: str, focus: int) -> str:
    """At most QUOTE_WORDS words, kept around ``focus``; cut ends are marked with '…'."""
    words = sentence.strip().split()
    if len(words) <= QUOTE_WORDS:
        return QUOTE_CHARS.sub("'", sentence.strip())
    centre = len(sentence[:focus].split())
    first = max(0, min(centre - QUOTE_WORDS // 2, len(words) - QUOTE_WORDS))
    kept = " ".join(words[first : first + QUOTE_WORDS])
    kept = ("… " if first else "") + kept + (" …" if first + QUOTE_WORDS < len(words) else "")
    return QUOTE_CHARS.sub("'", kept)


def _names(article_ids: Sequence[str], articles: dict[str, Article]) -> str:
    """The sources on one side; a copy whose original is there too is not named again."""
    present = [articles[a] for a in article_ids if a in articles]
    ids = {a.id for a in present}
    originals = [a for a in present if a.duplicate_of not in ids]
    names = list(dict.fromkeys(source_name(a) for a in originals))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def contested_sentence(
    claim: Claim, readings: dict[str, Reading], articles: dict[str, Article]
) -> SummarySentence | None:
    """'A reports "..."; B reports "..."' with each side quoted from its own source."""
    parts: list[str] = []
    evidence: list[Evidence] = []
    cited: list[str] = []
    for side in claim.sides:
        quote = _side_quote(side, readings, articles)
        if quote is None or not any(a in articles for a in side.articles):
            continue
        names = _names(side.articles, articles)
        verb = "report" if " and " in names else "reports"
        parts.append(f'{names} {verb} "{quote[0].rstrip(".")}"')
        evidence.append(quote[1])
        cited.extend(side.articles)
    if len(parts) < 2:
        return None
    prefix = "Earlier, " if claim.status == "update" else ""
    text = prefix + "; ".join(parts) + "."
    return SummarySentence(text, tuple(dict.fromkeys(cited)), tuple(dict.fromkeys(evidence)))


# --- agreed points ---------------------------------------------------------------------------


def _candidates(articles: Sequence[Article], readings: dict[str, Reading]) -> list[_Candidate]:
    found = []
    for article in articles:
        reading = readings.get(article.id)
        if reading is None or article.duplicate_of is not None:
            continue
        lemmas = dict(reading.lemmas)
        for position, sentence in enumerate(reading.sentences):
            if _usable(sentence.evidence.text):
                words = content_words(sentence.evidence.text, lemmas)
                found.append(_Candidate(sentence.evidence, article, position, words=words))
    return found


def _usable(text: str) -> bool:
    words = len(text.split())
    stripped = text.strip()
    return MIN_WORDS <= words <= MAX_WORDS and stripped[-1:] in ".!" and stripped[:1].isupper()


def _spans_inside(sentence: Evidence, spans: Iterable[Evidence]) -> bool:
    return any(
        s.article == sentence.article and sentence.start <= s.start < sentence.end for s in spans
    )


def _support(candidate: _Candidate, others: list[_Candidate]) -> tuple[Evidence, ...]:
    """The closest sentence in each other article that makes the same point."""
    best: dict[str, tuple[float, Evidence]] = {}
    for other in others:
        article_id = other.sentence.article
        if article_id == candidate.sentence.article:
            continue
        similarity = overlap(candidate.words, other.words)
        if similarity >= SAME_POINT and similarity > best.get(article_id, (0.0, None))[0]:
            best[article_id] = (similarity, other.sentence)
    return tuple(evidence for _, evidence in best.values())


@dataclass(frozen=True)
class _Context:
    articles: tuple[Article, ...]
    framed: tuple[Evidence, ...]
    quoted: tuple[Evidence, ...]
    contested: tuple[Evidence, ...]
    agreed: tuple[Claim, ...]
    dated: tuple[Evidence, ...]


def _agreed_with(
    candidate: _Candidate, agreed: Sequence[Claim]
) -> Iterator[tuple[Claim, list[Evidence]]]:
    """The agreed claims with evidence in the candidate's sentence, and all their evidence."""
    for claim in agreed:
        spans = [e for side in claim.sides for e in side.evidence]
        if _spans_inside(candidate.sentence, spans):
            yield claim, spans


def _agreed_articles(candidate: _Candidate, agreed: Sequence[Claim]) -> set[str]:
    return {
        a
        for claim, _ in _agreed_with(candidate, agreed)
        for side in claim.sides
        for a in side.articles
    }


def _score(candidate: _Candidate, context: _Context) -> float:
    sentence = candidate.sentence
    backers = {candidate.article.id, *(e.article for e in candidate.support)}
    backers |= _agreed_articles(candidate, context.agreed)
    score = 1.5 * len(independent_sources(backers, context.articles))
    score += 1.5 if candidate.position < LEAD_SENTENCES else 0.0
    score -= 0.1 * min(candidate.position, 10)
    score += 0.5 if _spans_inside(sentence, context.dated) else 0.0
    score -= 2.0 if _spans_inside(sentence, context.framed) else 0.0
    score -= 1.0 if _spans_inside(sentence, context.quoted) else 0.0
    return score


def _context(
    articles: Sequence[Article],
    readings: dict[str, Reading],
    claims: Sequence[Claim],
    timeline: Sequence[TimelineEntry],
) -> _Context:
    framed = [m.evidence for r in readings.values() for m in r.framing if m.kind in SHAKY_FRAMING]
    quoted = [q.evidence for r in readings.values() for q in r.quotes]
    contested = [
        e
        for c in claims
        if c.status in ("conflict", "update")
        for side in c.sides
        for e in side.evidence
    ]
    return _Context(
        articles=tuple(articles),
        framed=tuple(framed),
        quoted=tuple(quoted),
        contested=tuple(contested),
        agreed=tuple(c for c in claims if c.status == "agreed"),
        dated=tuple(e for entry in timeline for e in entry.evidence),
    )


def _word_spread(candidates: Sequence[_Candidate]) -> dict[str, set[str]]:
    """For each content word, the outlets that use it somewhere."""
    spread: dict[str, set[str]] = {}
    for candidate in candidates:
        outlet = source_name(candidate.article)
        for word in candidate.words:
            spread.setdefault(word, set()).add(outlet)
    return spread


def _topicality(candidate: _Candidate, spread: dict[str, set[str]]) -> float:
    """Share of a sentence's words that other outlets use too: low for page furniture."""
    outlet = source_name(candidate.article)
    if not candidate.words:
        return 0.0
    shared = sum(1 for word in candidate.words if spread.get(word, set()) - {outlet})
    return shared / len(candidate.words)


def _pick(candidates: list[_Candidate], limit: int) -> list[_Candidate]:
    """Best first, skipping any sentence that repeats one already chosen."""
    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: -c.score):
        if len(chosen) >= limit or candidate.score == float("-inf"):
            break
        if not any(_repeats(candidate.words, c.words) for c in chosen):
            chosen.append(candidate)
    return chosen


def _agreed_sentence(candidate: _Candidate, agreed: Sequence[Claim]) -> SummarySentence:
    evidence = [candidate.sentence, *candidate.support]
    for _, spans in _agreed_with(candidate, agreed):
        evidence.extend(spans)
    articles = tuple(dict.fromkeys(e.article for e in evidence))
    return SummarySentence(_trim_sentence(candidate.sentence.text), articles, tuple(evidence))


def _trim_sentence(text: str) -> str:
    """Drop a leading connective ('However, ...') that only made sense in the article."""
    trimmed = LEADING_CONNECTIVE.sub("", text.strip())
    return trimmed[:1].upper() + trimmed[1:]


def summarize(
    articles: Sequence[Article],
    readings: Iterable[Reading],
    claims: Sequence[Claim],
    timeline: Sequence[TimelineEntry],
) -> list[SummarySentence]:
    """A 5-10 sentence neutral account; each sentence cites the sources that carry it."""
    by_reading = {reading.article: reading for reading in readings}
    by_article = {article.id: article for article in articles}
    contested = _contested(claims, by_reading, by_article)
    context = _context(articles, by_reading, claims, timeline)
    # a contested figure is only ever given with its sources, never as plain fact
    candidates = [
        c
        for c in _candidates(articles, by_reading)
        if not _spans_inside(c.sentence, context.contested)
    ]
    spread = _word_spread(candidates)
    several_outlets = len({source_name(c.article) for c in candidates}) > 1
    for candidate in candidates:
        topical = _topicality(candidate, spread)
        candidate.support = _support(candidate, candidates)
        candidate.score = _score(candidate, context) + TOPICAL_WEIGHT * topical
        if several_outlets and topical < MIN_TOPICAL:
            candidate.score = float("-inf")  # shares nothing with the rest of the coverage
    limit = max(MIN_SENTENCES, MAX_SENTENCES - 2) - len(contested)
    picked = _pick(candidates, limit)
    # the best sentence opens; the rest follow in article order so the account reads on
    ordered = picked[:1] + sorted(picked[1:], key=lambda c: (c.position, -c.score))
    agreed = [_agreed_sentence(c, context.agreed) for c in ordered]
    return agreed[:1] + contested + agreed[1:]


def _contested(
    claims: Sequence[Claim], readings: dict[str, Reading], articles: dict[str, Article]
) -> list[SummarySentence]:
    ranked = sorted(
        (c for c in claims if c.status in ("conflict", "update")),
        key=lambda c: (c.status != "conflict", *(-x for x in _claim_weight(c))),
    )
    sentences = (contested_sentence(c, readings, articles) for c in ranked)
    return [s for s in sentences if s is not None][:MAX_CONTESTED]


# --- omissions -------------------------------------------------------------------------------


def find_omissions(
    articles: Sequence[Article], readings: Iterable[Reading], claims: Sequence[Claim]
) -> list[str]:
    """'X does not mention Y' for points that two or more independent sources report.

    Only fully extracted, original articles are judged, and an article whose text
    contains any side's value as written is taken to mention the point.
    """
    del readings  # the decision rests on claims and article text
    omissions = []
    for claim in claims:
        reporting = {a for side in claim.sides for a in side.articles}
        sources = independent_sources(reporting, articles)
        if len(sources) < 2:
            continue
        for article in articles:
            if _omits(article, claim, reporting, sources):
                names = ", ".join(sorted(sources))
                omissions.append(
                    f"{source_name(article)} does not mention {claim.about} "
                    f"(reported by {len(sources)} sources: {names})"
                )
    return omissions


def _omits(article: Article, claim: Claim, reporting: set[str], sources: set[str]) -> bool:
    if not article.fully_extracted or article.duplicate_of is not None:
        return False
    if article.id in reporting or source_name(article) in sources:
        return False
    text = article.text.lower()
    return not any(cue in text for cue in _claim_cues(claim))


def _claim_cues(claim: Claim) -> set[str]:
    """Strings whose presence shows an article gives the point: values and their figures."""
    written = [side.display for side in claim.sides]
    written += [ev.text for side in claim.sides for ev in side.evidence]
    cues = {w.lower() for w in written if len(w.strip()) > 1}
    cues |= {n for w in written for n in re.findall(r"\d[\d,.]*\d|\d{2,}", w)}
    return cues
