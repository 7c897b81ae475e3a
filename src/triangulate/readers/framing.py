"""Find how an article frames its story: scare quotes, distancing, loaded words, labels.

Pure regular expressions over the clean text plus the general lexicon in
``triangulate/data/framing_lexicon.json`` (documented in docs/framing-lexicon.md).
Each marker's note is a "; "-joined list of tags: ``headline`` first when the span
lies in an occurrence of the article's title, then the lexicon category
(``failure``, ``armed_group``, ``status`` ...) or, for distancing, ``target=...``.

Words inside quotation marks are not the outlet's: a marker there has the voice
``quote``, with the speaker of the quote when the quote reader found one ("the
minister called them 'bandits'" is the minister's word).  A quoted phrase that the
quote reader attributes to a speaker is what that speaker said, not a scare quote.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from triangulate.core.words import lower_same_length, word_set
from triangulate.models import Evidence, FramingMarker, Quote
from triangulate.readers.quotes import quoted_regions

Span = tuple[int, int]

SPEECH_VERBS = word_set(
    """said says say saying told tells telling stated states added adds asked asks replied
    replies warned warns announced announces declared declares insisted insists claimed claims
    claiming accused accuses accusing alleged alleges alleging described describes wrote
    writes according statement tweeted posted urged urges vowed vows argued argues called
    calls noted notes promised promises threatened threatens denied denies acknowledged
    admitted"""
)
LABEL_LEAD_WORDS = word_set(
    """the a an this that these those its their his her our your so-called self-styled
    self-proclaimed alleged supposed purported as dubbed branded labelled labeled termed
    nicknamed"""
)
WORK_WORDS = word_set(
    """book novel film movie song album show series play report documentary titled entitled
    headlined poem opera single column essay"""
)
CAPITALISED_FUNCTION_WORDS = word_set(
    """The A An This That These Those Some Many Most All Several Other Few Both Its Their And But
    Or Yet So Of In On At For From With By As When While After Before Since If Then Now Two
    Three Hundreds Thousands Dozens"""
)
SENTENCE_END = re.compile(r"[.!?]\s|\n")
QUOTE_PATTERNS = (
    re.compile(r"“([^“”\n]{1,80})”"),
    re.compile(r"«\s?([^«»\n]{1,80}?)\s?»"),
    re.compile(r"(?<![\w’])‘([^‘’\n]{1,50}?)’(?![\w])"),
    re.compile(r"(?<![\w'])'([A-Za-z][^'\n]{0,48}?[A-Za-z])'(?![\w])"),
)
ATTRIBUTION_TAIL = re.compile(r"\s[-–—]\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*$")
DOUBLE_QUOTE = re.compile('"')
MODIFIER_BEFORE = re.compile(r"(?<![\w-])((?:pro|anti)-[A-Z][\w’'-]*|[A-Z][a-z][\w’'-]*)\s+$")
TOKEN_AFTER = re.compile(r"\s*(\w[\w'’-]*|[^\w\s])")
WORD_BEFORE = re.compile(r"([\w'’-]+|[^\w\s])\s*$")
ETHNIC_LABEL = re.compile(r"(?<![\w-])[Ee]thnic\s+[A-Z][\w’'-]*[a-z]")
ALIGNMENT_LABEL = re.compile(r"(?<![\w-])(?:[Pp]ro|[Aa]nti)-[A-Z][\w’'-]*[a-z]")


@dataclass(frozen=True)
class Lexicon:
    loaded: re.Pattern[str]
    loaded_category: dict[str, str]
    headline_only: frozenset[str]
    not_before: dict[str, tuple[str, ...]]
    not_after: dict[str, tuple[str, ...]]
    distancing: re.Pattern[str]
    distancing_not_before: frozenset[str]
    groups: re.Pattern[str]
    group_category: dict[str, str]
    status_anchor: re.Pattern[str]
    status_place: re.Pattern[str]
    verb_like_status: frozenset[str]
    status_before: frozenset[str]


def find_framing(
    text: str, article_id: str, title: str | None = None, quotes: Sequence[Quote] = ()
) -> list[FramingMarker]:
    """Every framing marker in ``text``, in reading order, each with the voice it is in
    (``quotes``: the article's quotes, whose speakers own the words inside them); never
    raises on odd input."""
    if not isinstance(text, str) or not text:
        return []
    return attribute_voices(text, _markers(text, article_id, title), quotes)


def _markers(text: str, article_id: str, title: str | None) -> list[FramingMarker]:
    lexicon = load_lexicon()
    headlines = _headline_spans(text, title if isinstance(title, str) else None)
    lowered = lower_same_length(text)
    markers = [
        *_scare_quotes(text),
        *_distancing(text, lowered, lexicon),
        *_outermost(_labels(text, lowered, lexicon)),
    ]
    label_spans = [span for kind, span, _ in markers if kind == "label"]
    for kind, span, note in _loaded_words(text, lowered, lexicon, headlines):
        if not _overlaps(span, label_spans):
            markers.append((kind, span, note))
    return _to_markers(text, article_id, markers, headlines)


def attribute_voices(
    text: str, markers: Sequence[FramingMarker], quotes: Sequence[Quote]
) -> list[FramingMarker]:
    """Markers inside quotation marks belong to the quote (and its speaker, when known);
    a scare quote that is someone's quoted words is not the outlet's scare quote."""
    regions = [(start + 1, end - 1) for start, end in quoted_regions(text)]
    direct = [q for q in quotes if q.kind == "direct"]
    voiced = []
    for marker in markers:
        span = (marker.evidence.start, marker.evidence.end)
        if marker.kind == "scare_quotes":
            if not any(_same_words(span, q) for q in direct):
                voiced.append(marker)
            continue
        region = next((r for r in regions if r[0] <= span[0] and span[1] <= r[1]), None)
        if region is None:
            voiced.append(marker)
            continue
        speaker = next((q.speaker for q in direct if _overlaps(region, [_span_of(q)])), None)
        voiced.append(dataclasses.replace(marker, voice="quote", speaker=speaker))
    return voiced


def _span_of(quote: Quote) -> Span:
    return quote.evidence.start, quote.evidence.end


def _same_words(marks: Span, quote: Quote) -> bool:
    """Whether a quoted phrase (marks included) holds just the words of a quote."""
    return (
        marks[0] < quote.evidence.start
        and quote.evidence.end < marks[1]
        and (marks[1] - marks[0] - (quote.evidence.end - quote.evidence.start) <= 4)
    )


def labels_for(text: str) -> dict[str, int]:
    """The labels an article uses for groups and places, lower-cased, with counts."""
    if not isinstance(text, str) or not text:
        return {}
    labels = _outermost(_labels(text, lower_same_length(text), load_lexicon()))
    return dict(Counter(re.sub(r"\s+", " ", text[s:e]).lower() for _, (s, e), _ in labels))


def _outermost(found: Iterator[tuple[str, Span, str]]) -> list[tuple[str, Span, str]]:
    """Drop a label inside a longer one ("separatist" inside "separatist region")."""
    items = sorted(found, key=lambda item: (item[1][0], -item[1][1]))
    kept: list[tuple[str, Span, str]] = []
    for item in items:
        start, end = item[1]
        if not any(s <= start and end <= e for _, (s, e), _ in kept):
            kept.append(item)
    return kept


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = lexicon_terms()
    categories = {
        term.lower(): name for name, entry in raw["loaded_word"].items() for term in entry["terms"]
    }
    headline_only = frozenset(t.lower() for t in raw["headline_only"]["terms"])
    label = raw["label"]
    group_category = {t.lower(): name for name, ts in label["group_terms"].items() for t in ts}
    return Lexicon(
        loaded=_terms_pattern([*categories, *headline_only]),
        loaded_category=categories,
        headline_only=headline_only - set(categories),
        not_before=_word_lists(raw["not_before"]["terms"]),
        not_after=_word_lists(raw["not_after"]["terms"]),
        distancing=_terms_pattern(raw["distancing"]["terms"]),
        distancing_not_before=frozenset(raw["distancing"]["not_before"]),
        groups=_group_pattern(list(group_category)),
        status_anchor=_status_anchor_pattern(label["status_words"]),
        group_category=group_category,
        status_place=_status_pattern(label["status_words"], label["place_nouns"]),
        verb_like_status=frozenset(label["verb_like_status"]),
        status_before=frozenset(label["status_before"]),
    )


def _word_lists(raw: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {key.lower(): tuple(word.lower() for word in words) for key, words in raw.items()}


def _alternation(terms: list[str]) -> str:
    ordered = sorted({t.lower() for t in terms}, key=len, reverse=True)
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in ordered)


def _terms_pattern(terms: list[str]) -> re.Pattern[str]:
    """Terms matched on the lower-cased text (case-sensitive matching is much faster)."""
    return re.compile(rf"(?<![\w-])(?:{_alternation(terms)})(?![\w-])")


def _group_pattern(terms: list[str]) -> re.Pattern[str]:
    alternation = _alternation(terms)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?:\s+(?:{alternation}))?(?![\w-])")


def _status_anchor_pattern(status_words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:[a-z]+-)?(?:{_alternation(status_words)})(?![\w-])")


def _status_pattern(status_words: list[str], place_nouns: list[str]) -> re.Pattern[str]:
    status = rf"(?:then-|[A-Z][\w]*-)?(?P<status>(?i:{_alternation(status_words)}))"
    place = (
        rf"(?:(?:[A-Z][\w’'-]*\s+){{0,2}}(?i:{_alternation(place_nouns)})(?![\w-])"
        r"|[A-Z][\w’'-]*[a-z](?:[\s-][A-Z][\w’'-]*)*)"
    )
    return re.compile(rf"(?<![\w-]){status}\s+(?P<place>{place})")


def _headline_spans(text: str, title: str | None) -> list[Span]:
    if not title or not title.strip():
        return []
    words = title.split()
    pattern = r"\s+".join(re.escape(word) for word in words[:60])
    return [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]


def _scare_quotes(text: str) -> Iterator[tuple[str, Span, str]]:
    for start, end, inner_start, inner_end in _quoted_spans(text):
        if _is_scare_quote(text, start, end, text[inner_start:inner_end]):
            yield "scare_quotes", (start, end), ""


def _quoted_spans(text: str) -> Iterator[tuple[int, int, int, int]]:
    for pattern in QUOTE_PATTERNS:
        for match in pattern.finditer(text):
            yield match.start(), match.end(), match.start(1), match.end(1)
    yield from _straight_double_pairs(text)


def _straight_double_pairs(text: str) -> Iterator[tuple[int, int, int, int]]:
    """Pair straight double quotes in order within each line (a quote never spans lines)."""
    offset = 0
    for line in text.split("\n"):
        positions = [offset + m.start() for m in DOUBLE_QUOTE.finditer(line)] if '"' in line else []
        for opening, closing in zip(positions[::2], positions[1::2], strict=False):
            yield opening, closing + 1, opening + 1, closing
        offset += len(line) + 1


def _is_scare_quote(text: str, start: int, end: int, inner: str) -> bool:
    words = inner.split()
    if (
        not 1 <= len(words) <= 3
        or inner.strip()[-1:] in ".,!?;:"
        or not any(ch.isalpha() for ch in inner)
    ):
        return False
    before = _words_before(text, start, 8)
    previous = before[-1] if before else ""
    if _is_title_of_work(words, previous) or _is_nickname(text, previous, end):
        return False
    if previous.lower() in LABEL_LEAD_WORDS or _is_modifier(previous, before):
        return True
    return not _speech_nearby(before, _words_after(text, end, 4)) and not _attributed_line(
        text, end
    )


def _attributed_line(text: str, end: int) -> bool:
    """Headline style "X has 'betrayed' Y - Jane Doe": the quote belongs to the named person."""
    rest = text[end : end + 160].split("\n", 1)[0]
    return bool(ATTRIBUTION_TAIL.search(rest))


def _is_title_of_work(words: list[str], previous: str) -> bool:
    title_case = all(word[:1].isupper() for word in words)
    return title_case and previous.lower() in WORK_WORDS


def _is_nickname(text: str, previous: str, end: int) -> bool:
    after = _words_after(text, end, 1)
    return bool(previous[:1].isupper() and after and after[0][:1].isupper()) and (
        previous not in CAPITALISED_FUNCTION_WORDS
    )


def _is_modifier(previous: str, before: list[str]) -> bool:
    """A capitalised adjective before the quote ("Talvanian "observers"") marks a label."""
    if not previous[:1].isupper() or previous in CAPITALISED_FUNCTION_WORDS:
        return False
    return len(before) >= 2 and before[-2] not in (".", "!", "?", ":")


def _speech_nearby(before: list[str], after: list[str]) -> bool:
    window = [word.lower() for word in [*before, *after]]
    return any(word in SPEECH_VERBS for word in window)


def _words_before(text: str, start: int, count: int) -> list[str]:
    chunk = text[max(0, start - 120) : start]
    sentence = SENTENCE_END.split(chunk)[-1] if SENTENCE_END.search(chunk) else chunk
    return re.findall(r"[\w'’-]+|[.!?:]", sentence)[-count:]


def _words_after(text: str, end: int, count: int) -> list[str]:
    chunk = text[end : end + 80]
    sentence = SENTENCE_END.split(chunk)[0]
    return re.findall(r"[\w'’-]+", sentence)[:count]


def _distancing(text: str, lowered: str, lexicon: Lexicon) -> Iterator[tuple[str, Span, str]]:
    for match in lexicon.distancing.finditer(lowered):
        following = _next_token(text, match.end()).lower()
        word = match.group(0).lower()
        if word.startswith(("alleged", "supposed", "purported")) and (
            following in lexicon.distancing_not_before or not following
        ):
            continue
        target = " ".join(_target_words(_words_after(text, match.end(), 3)))
        yield "distancing", match.span(), f"target={target}" if target else ""


def _target_words(words: list[str]) -> list[str]:
    """The noun phrase a distancing word qualifies: up to its first plural or 3 words."""
    for index, word in enumerate(words):
        if word.lower().endswith("s") and len(word) > 3 and index < len(words) - 1:
            return words[: index + 1]
    return words


def _loaded_words(
    text: str, lowered: str, lexicon: Lexicon, headlines: list[Span]
) -> Iterator[tuple[str, Span, str]]:
    for match in lexicon.loaded.finditer(lowered):
        term = re.sub(r"\s+", " ", match.group(0).lower())
        in_headline = _overlaps(match.span(), headlines)
        if term in lexicon.headline_only and not in_headline:
            continue
        if _excluded(text, match, term, lexicon):
            continue
        yield "loaded_word", match.span(), lexicon.loaded_category.get(term, "headline_word")


def _excluded(text: str, match: re.Match[str], term: str, lexicon: Lexicon) -> bool:
    after = text[match.end() : match.end() + 30].lower()
    before = text[max(0, match.start() - 30) : match.start()].lower()
    for word in lexicon.not_before.get(term, ()):
        if re.match(rf"\s*{re.escape(word)}(?![\w-])", after):
            return True
    return any(
        re.search(rf"(?<![\w-]){re.escape(word)}\s*$", before)
        for word in lexicon.not_after.get(term, ())
    )


def _labels(text: str, lowered: str, lexicon: Lexicon) -> Iterator[tuple[str, Span, str]]:
    """``lowered`` is ``text`` lower-cased with the same offsets."""
    yield from _ethnic_labels(text)
    yield from _alignment_labels(text)
    yield from _group_labels(text, lowered, lexicon)
    yield from _status_labels(text, lowered, lexicon)


def _ethnic_labels(text: str) -> Iterator[tuple[str, Span, str]]:
    for match in ETHNIC_LABEL.finditer(text):
        yield "label", match.span(), "ethnic"


def _alignment_labels(text: str) -> Iterator[tuple[str, Span, str]]:
    for match in ALIGNMENT_LABEL.finditer(text):
        yield "label", match.span(), "alignment"


def _group_labels(text: str, lowered: str, lexicon: Lexicon) -> Iterator[tuple[str, Span, str]]:
    for match in lexicon.groups.finditer(lowered):
        modifier = MODIFIER_BEFORE.search(text, max(0, match.start() - 40), match.start())
        plain = modifier is None or _plain_modifier(modifier.group(1))
        start = match.start() if plain or modifier is None else modifier.start()
        term = re.sub(r"\s+", " ", match.group(0))
        category = lexicon.group_category.get(term) or lexicon.group_category.get(term.split()[-1])
        yield "label", (start, match.end()), category or "group"


def _plain_modifier(modifier: str) -> bool:
    """Modifiers that only start a sentence or are pro-/anti- (reported on their own)."""
    return not modifier or modifier in CAPITALISED_FUNCTION_WORDS or "-" in modifier


def _status_labels(text: str, lowered: str, lexicon: Lexicon) -> Iterator[tuple[str, Span, str]]:
    for anchor in lexicon.status_anchor.finditer(lowered):
        match = lexicon.status_place.match(text, anchor.start())
        if match is None:
            continue
        status = match.group("status").lower()
        hyphenated = match.start("status") > match.start()
        if status in lexicon.verb_like_status and not hyphenated:
            previous = _previous_token(text, match.start()).lower()
            if previous and previous not in lexicon.status_before:
                continue
        yield "label", match.span(), "status"


def _next_token(text: str, end: int) -> str:
    match = TOKEN_AFTER.match(text, end)
    return match.group(1) if match else ""


def _previous_token(text: str, start: int) -> str:
    match = WORD_BEFORE.search(text[max(0, start - 40) : start])
    return match.group(1) if match else ""


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def _to_markers(
    text: str, article_id: str, found: list[tuple[str, Span, str]], headlines: list[Span]
) -> list[FramingMarker]:
    markers: dict[tuple[str, int, int], FramingMarker] = {}
    for kind, (start, end), note in sorted(found, key=lambda item: (item[1], item[0])):
        tags = ["headline"] if _overlaps((start, end), headlines) else []
        tags += [note] if note else []
        evidence = Evidence(article_id, start, end, text[start:end])
        markers.setdefault((kind, start, end), FramingMarker(evidence, kind, "; ".join(tags)))
    return list(markers.values())


def lexicon_terms() -> dict[str, Any]:
    """The raw lexicon (for docs and evaluation scripts)."""
    raw: dict[str, Any] = json.loads(
        resources.files("triangulate").joinpath("data/framing_lexicon.json").read_text("utf-8")
    )
    return raw
