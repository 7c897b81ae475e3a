"""Direct quotes and reported speech, each with its speaker.

A direct quote is text between quotation marks with a speech verb nearby ("X
said", "said X", "X said in a statement", a quote over several sentences).  A
quote of one to three words counts only when it is what someone said (the
object of a speech verb's clause); otherwise it is a scare-quoted label, left
to the framing reader.  Reported speech is the clause a speech verb introduces
("X said that ...", "X pointed out that ...", "the ministry announced the end
of ...") or the rest of a sentence with "according to X".  Speakers resolve to
a canonical entity name, a capital to its state, "he"/"she" to the last person
named before, else to the noun phrase ("Estrava's Defence Ministry").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from triangulate.core.words import word_set
from triangulate.models import Entity, Evidence, Quote
from triangulate.readers.entities import EntityIndex, state_of

SPEECH_VERBS = word_set(
    """say tell state claim indicate acknowledge announce report confirm deny insist argue
    warn add note explain allege stress emphasize emphasise declare reply respond write tweet
    admit assert maintain reiterate comment remark suggest predict promise vow pledge threaten
    urge reveal recall estimate quip concede contend testify"""
)
PHRASAL_SPEECH = {"point": "out", "spell": "out"}  # "pointed out", "spelled out"
OBJECT_CONTENT_VERBS = word_set("announce confirm deny report acknowledge reveal admit")
SPEAKER_NOUNS = word_set(
    """official source spokesman spokeswoman spokesperson ministry minister government agency
    witness police military army authority office service president leader diplomat
    statement expert analyst resident observer commander representative"""
)
OBJECT_DEPS = frozenset({"dobj", "attr", "ccomp", "xcomp", "acomp", "oprd", "ROOT"})
CUT_DEPS = frozenset({"appos", "relcl", "acl", "advcl"})
SINGLE_NAME_CUT_DEPS = CUT_DEPS | {"conj", "cc"}
QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "'"})
MAX_LABEL_WORDS = 3
MIN_QUOTE_WORDS_WITHOUT_VERB = 4
COVERED_SHARE = 0.8

QUOTE_PATTERNS = (
    re.compile(r"“([^“”]+?)”"),
    re.compile(r"(?<![\w’'])‘([^‘’]+?)’(?![A-Za-z])"),
    re.compile(r"(?<![\w'’])'(?=[A-Za-z])([^'\n]+?)(?<=[\w.,!?])'(?![\w])"),
)


def _straight_double_quotes(text: str) -> Iterator[tuple[int, int]]:
    """Pairs of straight double quotes, paired within each paragraph."""
    offset = 0
    for paragraph in text.split("\n\n"):
        marks = [m.start() + offset for m in re.finditer('"', paragraph)]
        for opening, closing in zip(marks[::2], marks[1::2], strict=False):
            yield opening, closing + 1
        offset += len(paragraph) + 2


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation including its marks, in text order, not nested."""
    regions = list(_straight_double_quotes(text))
    for pattern in QUOTE_PATTERNS:
        regions += [(m.start(), m.end()) for m in pattern.finditer(text) if "\n\n" not in m[0]]
    regions.sort(key=lambda region: (region[0], -region[1]))
    kept: list[tuple[int, int]] = []
    for start, end in regions:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted words without the marks, white space and a trailing comma."""
    inner_start, inner_end = start + 1, end - 1
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and (
        text[inner_end - 1].isspace() or text[inner_end - 1] in ",;:"
    ):
        inner_end -= 1
    return inner_start, inner_end


def is_speech_verb(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"} or any(child.dep_ == "neg" for child in token.children):
        return False
    particle = PHRASAL_SPEECH.get(token.lemma_)
    if particle:
        return any(child.dep_ == "prt" and child.lower_ == particle for child in token.children)
    return token.lemma_ in SPEECH_VERBS and token.pos_ == "VERB"


def _subject_of(verb: Token) -> Token | None:
    """The speaker token of a speech verb, climbing from "a statement saying" to its issuer."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        subjects = [child for child in current.children if child.dep_ in {"nsubj", "agent"}]
        if subjects:
            subject = subjects[0]
            return next(iter(subject.children), subject) if subject.dep_ == "agent" else subject
        if current.dep_ not in {"advcl", "acl", "xcomp", "conj", "pcomp", "dobj", "pobj", "prep"}:
            return None
        current = current.head if current.head is not current else None
    return None


def _is_trailing_filler(token: Token) -> bool:
    quote_mark = token.text in QUOTE_MARKS
    return token.is_space or token.dep_ == "cc" or (token.is_punct and not quote_mark)


def _is_leading_filler(token: Token) -> bool:
    if token.text in QUOTE_MARKS or token.lower_ == "no":
        return False
    return token.is_space or token.dep_ in {"det", "punct"}


def noun_phrase(token: Token, cut_deps: frozenset[str] = CUT_DEPS) -> Span:
    """The noun phrase of a token without appositions, relative clauses and a leading article."""
    doc = token.doc
    cut: set[int] = set()
    for child in token.subtree:
        if child.i > token.i and child.dep_ in cut_deps and child.i not in cut:
            cut.update(t.i for t in child.subtree)
    end = token.i + 1
    while end <= token.right_edge.i and end not in cut:
        end += 1
    while end - 1 > token.i and _is_trailing_filler(doc[end - 1]):
        end -= 1
    start = token.left_edge.i
    while start < token.i and _is_leading_filler(doc[start]):
        start += 1
    return doc[start:end]


def _evidence(span: Span | Token, article_id: str) -> Evidence:
    start = span.idx if isinstance(span, Token) else span.start_char
    end = start + len(span.text)
    return Evidence(article_id, start, end, span.text)


class SpeakerResolver:
    """Turns a subject token into a speaker name and the evidence of its mention."""

    def __init__(self, index: EntityIndex, article_id: str) -> None:
        self.index = index
        self.article_id = article_id

    def resolve(self, subject: Token) -> tuple[str | None, Evidence | None]:
        if subject.lower_ in {"he", "she"}:
            person = self.index.last_person_before(subject.idx)
            name = person.canonical if person else None
            return name, _evidence(subject, self.article_id)
        if subject.pos_ == "PRON":
            return None, _evidence(subject, self.article_id)
        conjuncts = _conjuncts(subject)
        if not conjuncts:
            return self._named(subject)
        names = [self._named(part)[0] for part in [subject, *conjuncts]]
        whole = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
        joined = " and ".join(dict.fromkeys(name for name in names if name))
        return joined or None, _evidence(whole, self.article_id)

    def _named(self, subject: Token) -> tuple[str | None, Evidence | None]:
        mentions = [subject, *_appositions(subject)]
        others = {t.i for c in _conjuncts(subject) for t in c.subtree}
        named_parts = [
            t
            for t in subject.subtree
            if t.i not in others and (t is subject or t.dep_ in {"appos", "conj"})
        ]
        people = self._people_at(named_parts)
        if people:
            names = list(dict.fromkeys(person.canonical for person in people))
            if len(names) == 1:
                return names[0], people[0].evidence
            full = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
            return " and ".join(names), _evidence(full, self.article_id)
        phrases = [noun_phrase(mention, SINGLE_NAME_CUT_DEPS) for mention in mentions]
        for phrase in phrases:
            entity = self._entity_equal_to(phrase)
            if entity is not None:
                return state_of(entity.evidence.text) or entity.canonical, entity.evidence
        named = [p for p in phrases if self.index.within(p.start_char, p.end_char)]
        phrase = named[0] if named else phrases[0]
        earlier = self._named_before(phrase)
        if earlier is not None:
            return earlier.canonical, _evidence(phrase, self.article_id)
        return phrase.text, _evidence(phrase, self.article_id)

    def _named_before(self, phrase: Span) -> Entity | None:
        """For "the ministry", the last organisation named "... Ministry" before it."""
        if len(phrase) != 1 or phrase[0].pos_ != "NOUN":
            return None
        word = phrase[0].lower_
        return self.index.last_before(
            phrase.start_char,
            lambda e: e.label == "ORG" and e.evidence.text.lower().split()[-1] == word,
        )

    def _people_at(self, tokens: list[Token]) -> list[Entity]:
        """Entities at the tokens that name a person (also a surname tagged as something else)."""
        found = [self.index.containing(token.idx) for token in tokens]
        people = self.index.person_names
        return list(dict.fromkeys(e for e in found if e is not None and e.canonical in people))

    def _entity_equal_to(self, phrase: Span) -> Entity | None:
        bounds = (phrase.start_char, phrase.end_char)
        matches = self.index.within(*bounds)
        return next((e for e in matches if (e.evidence.start, e.evidence.end) == bounds), None)


def _conjuncts(token: Token) -> list[Token]:
    """Tokens coordinated with a subject: "Talvania and Ostrel" -> [Ostrel]."""
    found = []
    for child in token.children:
        if child.dep_ == "conj":
            found += [child, *_conjuncts(child)]
    return found


def _appositions(token: Token) -> list[Token]:
    return [child for child in token.children if child.dep_ == "appos"]


def _quoted_tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _nearest_speech_verb(
    doc: Doc, sentences: list[Span], speech_verbs: list[Token], start: int, end: int
) -> Token | None:
    """The speech verb outside the quote closest to it, in the sentences around it."""
    around = [s for s in sentences if s.start_char < end and s.end_char > start]
    if not around:
        return None
    first, last = around[0].start, around[-1].end
    if last < len(doc) and doc[last:].text[:1] and doc[last].sent.end - last <= 8:
        last = doc[last].sent.end  # '"..."' then a short "she said." sentence
    verbs = [t for t in speech_verbs if first <= t.i < last and not start <= t.idx < end]
    return min(verbs, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)), default=None)


def _is_said_content(quoted: Span | None, verb: Token) -> bool:
    """Whether a short quote is what the verb's clause says rather than a label."""
    if quoted is None or not len(quoted):
        return False
    if any(token.pos_ in {"VERB", "AUX"} and token.dep_ != "amod" for token in quoted):
        return True
    head = quoted.root
    return head.dep_ in OBJECT_DEPS and verb in head.ancestors


def find_direct_quotes(
    doc: Doc, resolver: SpeakerResolver, speech_verbs: list[Token]
) -> list[Quote]:
    """Quoted text with a speech verb nearby (``speech_verbs``: those of ``doc``, in order)."""
    quotes: list[Quote] = []
    text = doc.text
    sentences = list(doc.sents)
    for start, end in quoted_regions(text):
        inner_start, inner_end = _inner(text, start, end)
        words = len(text[inner_start:inner_end].split())
        if words == 0:
            continue
        verb = _nearest_speech_verb(doc, sentences, speech_verbs, start, end)
        if verb is None and words < MIN_QUOTE_WORDS_WITHOUT_VERB:
            continue
        quoted = _quoted_tokens(doc, inner_start, inner_end)
        if verb is not None and words <= MAX_LABEL_WORDS and not _is_said_content(quoted, verb):
            continue
        subject = _subject_of(verb) if verb is not None else None
        speaker, speaker_evidence = resolver.resolve(subject) if subject else (None, None)
        if verb is None and quotes and "\n\n" not in text[quotes[-1].evidence.end : start]:
            speaker, speaker_evidence = quotes[-1].speaker, quotes[-1].speaker_evidence
        evidence = Evidence(
            resolver.article_id, inner_start, inner_end, text[inner_start:inner_end]
        )
        quotes.append(Quote(evidence, speaker, "direct", speaker_evidence))
    return quotes


def _content_span(verb: Token) -> Span | None:
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "ccomp" or (child.dep_ == "dobj" and verb.lemma_ in OBJECT_CONTENT_VERBS):
            tokens = [t for t in child.subtree if not (t.dep_ == "mark" and t.head is child)]
            tokens = [t for t in tokens if t.i >= tokens[0].i]
            span = doc[tokens[0].i : tokens[-1].i + 1] if tokens else None
            return _trim_punctuation(span) if span is not None else None
    return None


def _trim_punctuation(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].is_punct or doc[start].is_space or doc[start].lower_ == "that"
    ):
        start += 1
    while end > start and (doc[end - 1].is_space or _is_trailing_filler(doc[end - 1])):
        end -= 1
    return doc[start:end] if end > start else None


def _covered_share(span: Span, regions: list[tuple[int, int]]) -> float:
    covered = sum(
        max(0, min(end, span.end_char) - max(start, span.start_char)) for start, end in regions
    )
    return covered / max(1, span.end_char - span.start_char)


def _according_to(doc: Doc) -> Iterator[tuple[Token, Span]]:
    """(source token, content span) for each "according to X" with a speaking source."""
    for token in doc:
        if token.lower_ != "according":
            continue
        preposition = next((c for c in token.children if c.lower_ == "to"), None)
        source = (
            next((c for c in preposition.children if c.dep_ == "pobj"), None)
            if preposition
            else None
        )
        if source is None or not (source.ent_type_ or source.lemma_.lower() in SPEAKER_NOUNS):
            continue
        sentence = token.sent
        phrase_end = source.right_edge.i + 1
        if token.i - sentence.start <= 1:
            content = _trim_punctuation(doc[phrase_end : sentence.end])
        else:
            content = _trim_punctuation(doc[sentence.start : token.i])
        if content is not None:
            yield source, content


def find_reported_speech(
    doc: Doc,
    resolver: SpeakerResolver,
    direct: list[tuple[int, int]],
    speech_verbs: list[Token],
) -> list[Quote]:
    reported = []
    for verb in speech_verbs:
        content = _content_span(verb)
        subject = _subject_of(verb)
        if content is None or subject is None or _covered_share(content, direct) >= COVERED_SHARE:
            continue
        speaker, speaker_evidence = resolver.resolve(subject)
        reported.append(
            Quote(_evidence(content, resolver.article_id), speaker, "reported", speaker_evidence)
        )
    for source, content in _according_to(doc):
        speaker, speaker_evidence = resolver.resolve(source)
        reported.append(
            Quote(_evidence(content, resolver.article_id), speaker, "reported", speaker_evidence)
        )
    return reported


def find_quotes(doc: Doc, index: EntityIndex, article_id: str) -> list[Quote]:
    """Direct and reported quotes of an article, in text order."""
    resolver = SpeakerResolver(index, article_id)
    speech_verbs = [token for token in doc if is_speech_verb(token)]
    direct = find_direct_quotes(doc, resolver, speech_verbs)
    regions = [(q.evidence.start, q.evidence.end) for q in direct]
    quotes = direct + find_reported_speech(doc, resolver, regions, speech_verbs)
    return sorted(quotes, key=lambda q: (q.evidence.start, q.evidence.end, q.kind))
