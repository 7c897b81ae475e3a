"""A short neutral account that opens with what most sources report, every sentence cited.

The account is extractive and evidence-first. Each of its plain sentences is a source
sentence, cleaned only of what made sense on its page alone (a dateline, a leading
connective, a parenthesis); it cites the exact spans it keeps and, for every other source
that says the same thing, that source's sentence. What the sources disagree on is never
given as fact: it is stated as a disagreement with each side's value and outlets.

1. Every sentence of every original article that reads as a statement on its own is a
   candidate (not a heading, a question, a short sentence leaning on its neighbours). Its
   weight is how much the *other* outlets say the same (TF-IDF cosine with each one's
   closest sentence, and with their headlines), how well it tells its own article's
   headline and how many people, places and organisations it names, less penalties for
   lying deep in its article, for a page cut off mid-sentence, a first-person aside, a
   quotation or a loaded word.
2. The heaviest candidate opens: the event most sources report, usually with its day and
   place. Further candidates follow by weight until a word budget that grows with the
   material is met, skipping any that repeats what is already said, tells another stage
   of it ("has begun" once "was completed" is said), or points back to a sentence not in
   the account ("He said ..."). They are ordered as the opener's article continues, then
   as the other articles run.
3. Each disagreement (a ``conflict`` claim whose difference is a contradiction, with
   independent sources on two sides) becomes "Reports differ on <what>: <value> (<outlets>)
   against <value> (<outlets>).", each update (a conflict whose difference is an update) "A
   later report revises an earlier one on <what>: ..." with its dates. A sentence
   holding either value is never a plain sentence.

Every measure is one of words within the dossier, so a summary costs milliseconds: sentence
vectors (MiniLM) were tried for repeats and citations and did no better (docs/benchmarks.md).
Weights and budget were set on the first 150 NeuS-dev stories (benchmarks/eval_summary.py);
the other 150 are held out.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from triangulate.compare.agreements import one_happening
from triangulate.compare.claims import INFERRED_HURT_SHOWN
from triangulate.compare.statements import Statement, statements_of
from triangulate.core.dates import (
    LEAD_DATELINE,
    Date,
    publisher_day,
    shown_publication_date,
    value_in_words,
)
from triangulate.core.sources import independent_sources, original_of, source_name, surely_citing
from triangulate.core.spans import overlaps, sentence_around
from triangulate.core.words import (
    PERSON_NOUNS,
    STAGES,
    content_words,
    stage_of,
    word_set,
    words_of,
)
from triangulate.models import (
    Article,
    Claim,
    Entity,
    Evidence,
    Quantity,
    Reading,
    Side,
    SummarySentence,
    TimelineEntry,
)
from triangulate.readers.quantities import compatible
from triangulate.readers.quotes import CUT_TITLES

# --- parameters ------------------------------------------------------------------------------
# Set on NeuS dev's first 150 stories only (docs/benchmarks.md, "The neutral summary"): the
# support and position weights were set again once a dateline stopped being a sentence.

WEIGHTS: tuple[tuple[str, float], ...] = (
    ("support", 1.25),  # TF-IDF cosine with each other outlet's closest sentence (mean)
    ("headlines", 1.0),  # TF-IDF cosine with the other outlets' headlines (mean)
    ("own_headline", 0.25),  # TF-IDF cosine with its own article's headline
    ("names", 0.25),  # people, places, organisations it names (mentions, at most 3) / 3
    ("position", -0.05),  # sentences before it in its article (at most 6)
    ("fragment", -1.0),  # the page ends mid-sentence
    ("first_person", -0.5),  # "we", "our" outside quotation marks
    ("quotation", -0.3),  # mostly inside quotation marks
    ("framed", -0.2),  # holds a loaded or distancing word (the framing reader's lexicon)
)


@dataclass(frozen=True)
class Params:
    weights: tuple[tuple[str, float], ...] = WEIGHTS
    repeat: float = 0.6  # TF-IDF cosine with a chosen sentence above which one is skipped
    repeat_words: float = 0.35  # the same as a share of the shorter one's content words
    budget_base: float = 20.0  # words
    budget_per_source_word: float = 0.75  # times the mean words per source
    budget_min: int = 25
    budget_max: int = 160
    slack: int = 10  # a sentence may pass the budget by this many words
    cite: float = 0.3  # TF-IDF cosine from which another source's sentence backs a chosen one
    cite_covered: float = 0.35  # and the share of the chosen one's TF-IDF weight it holds
    max_conflicts: int = 3
    max_updates: int = 2


DEFAULT = Params()
MIN_WORDS = 8  # shorter sentences lean on the ones around them
FAMILY_LETTERS = 6  # "firefighter" and "firefighting" are of one family, "firefi"
SAME_MATTER = 0.25  # share of content words from which two sentences tell of one matter
TOLD_MATTER = 0.2  # the same, from which a loaded or distancing telling only reframes it
MAX_POSITION = 6
LEAD_POSITION = 1  # the sentences of an article that tell its lead (the first two)
# Sentences of an article that may be taken: the account leans on leads, and the weighing
# compares every candidate with every other, so this bounds its time on long inputs.
MAX_CANDIDATES_PER_ARTICLE = 40
DISPLAY_WORDS = 12  # the longest value quoted for one side of a disagreement

DATELINE = re.compile(
    # a word in capitals read one way only (see ``core.dates.LEAD_DATELINE``)
    r"^(?:(?:[A-Z]{2}[A-Z.'\-]*)(?:[ ,]+(?:[A-Z]{2}[A-Z.'\-]*|(?:[A-Z][a-z]*\.)+))*\s*"
    r"(?:\([A-Za-z .]+\)\s*)?|\([A-Za-z .]+\)\s*)[—–-]{1,2}\s*"
    r"|^[A-Z][A-Za-z .,]{1,40}\([A-Za-z]{2,12}\)(?=[A-Z])"  # "Place (Agency)Text"
)
LEADING_CONNECTIVE = re.compile(
    r"^(?:but|and|however|meanwhile|moreover|also|still|yet|so|in addition|furthermore),?\s+",
    re.I,
)
PARENTHESIS = re.compile(r"\s*\([^()]{1,80}\)")
FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My)\b")
QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
POINTING_PRONOUN = re.compile(
    r"^(?:he|she|they|it|his|her|their|its|this|these|those|that|such)\b", re.I
)
# A noun that names what was just told, not said again ("announced the decision on Friday";
# "the decision to close the plant" says it).
TOLD_BEFORE = re.compile(
    r"\b(?:the|this|that)\s+(?:decision|move|announcement|statement|step|measure|remarks"
    r"|comments|news|development|incident|episode)\b(?!\s+(?:to|of|that|by|for|about)\b)",
    re.I,
)
PRONOUN_SPEAKER = re.compile(
    r"\b(?:he|she|they)\s+(?:said|says|told|added|wrote|stated)\b"
    r"|\b(?:said|says|added)\s+(?:he|she|they)\b",
    re.I,
)
# What a claim's label may open with that reads better with "the" before it.
_MEASURES_TEXT = """number numbers date dates day days year years age ages name names time times
amount size share total count cost price toll length height distance value weapon"""
MEASURES = frozenset(_MEASURES_TEXT.split())
# A label that asks ("Where the victim died", "How far she fell") goes on lower-cased.
_QUESTION_WORDS_TEXT = "how when where who whom whose which whether what why"
QUESTION_WORDS = frozenset(_QUESTION_WORDS_TEXT.split())
CLOSING = tuple(".!?\"”’'")
# Marks a tokenised text leaves apart: a closing quotation mark after a comma or stop ("shot,
# ' he said"), "a. m." for "a.m."
SPACED_CLOSING_MARK = re.compile(r"([,.!?])\s+(['\"”’])(?=\s|$)")
SPACED_CLOCK = re.compile(r"\b([ap])\.\s+m\.", re.I)
# A sentence that announces news instead of telling it ("There is breaking news out of X")
ANNOUNCING = re.compile(
    r"^(?:there\s+is|there's|we\s+have|we've\s+got|this\s+is)\s+(?:some\s+)?"
    r"(?:breaking|developing|more|big)\s+news\b",
    re.I,
)
# An appeal to the reader ("Anyone with information is asked to call detectives"): the
# outlet's request, not a fact of the event.
APPEAL = re.compile(
    r"\b(?:anyone\s+with\s+(?:any\s+)?information|(?:is|are)\s+(?:being\s+)?(?:asked|urged|"
    r"encouraged)\s+to\s+(?:call|contact|come\s+forward)|crime\s*stoppers)\b",
    re.I,
)
# A side clause that closes a sentence: what stands before it is a statement of its own.
SIDE_CLAUSE = re.compile(r",\s+(?:which|who|after|as|while|bringing|leaving|with|according)\b")
# Someone named by a pronoun or a bare noun: once the account names two people, it can be
# either ("The man is thought to have fallen earlier").
SOMEONE = re.compile(
    r"^(?:(?:when|after|as|before|while|once)\b[^,]{0,80}?(?:,\s*|\s))?"
    rf"(?:he|she|his|her|(?:the|this|that)\s+(?:{'|'.join(sorted(PERSON_NOUNS))}))\b",
    re.I,
)
# A person the sentence refers to without naming ("chased him", "his car"): an account cannot
# open with one, since nothing before it says who that is.
PERSONAL_PRONOUN = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.I)
# A "person" the parser finds that is only a rank ("Sheriff's deputies") names no one.
RANKS = CUT_TITLES | word_set("sheriff undersheriff deputy detective trooper constable officer")
# Times read from the day of publication: without that day they say nothing ("this morning")
RELATIVE_TIME = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening|week)"
    r"|last\s+(?:night|week)|next\s+week)\b",
    re.I,
)
SHAKY_FRAMING = frozenset({"loaded_word", "distancing"})


# --- candidates ------------------------------------------------------------------------------


@dataclass
class Candidate:
    """A source sentence that may become a plain sentence of the account."""

    article: Article
    source: str  # the independent source (a copy's original outlet)
    position: int  # index of the sentence in its article
    sentence: Evidence
    pieces: tuple[Evidence, ...]  # the kept parts of the sentence, in order
    text: str
    words: int
    marks: frozenset[str] = frozenset()  # canonical names and figures it holds
    names: int = 0  # mentions of people, places and organisations
    terms: frozenset[str] = frozenset()  # content words (stems)
    families: frozenset[str] = frozenset()  # the same cut to their first letters
    framed: bool = False  # holds a loaded word or a distancing one ("so-called")
    points_back: bool = False  # needs the sentence before it ("He said", "They also")
    people: frozenset[str] = frozenset()  # the people it names, by their last names
    someone: bool = False  # names its subject only as "he" or "the man"
    unnamed: bool = False  # refers to a person ("him", "the man") and names no one
    unplaced: bool = False  # says "this morning" in a report of no known day
    figures: tuple[Quantity, ...] = ()  # the figures it states
    weight: float = 0.0
    vector: dict[str, float] = field(default_factory=dict)  # TF-IDF, unit length


def _piece(sentence: Evidence, start: int, end: int) -> Evidence:
    """The part [start, end) of a sentence (offsets within it), trimmed of white space."""
    text = sentence.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(sentence.article, sentence.start + start, sentence.start + end, text[start:end])


def clean(sentence: Evidence) -> tuple[tuple[Evidence, ...], str]:
    """The kept pieces of a sentence and the text they read as.

    A dateline ("CITY (Agency) —", "CITY, March 11 (Agency) -"), a leading connective
    ("However,") and parentheses are dropped: they only made sense on the sentence's own page.
    """
    text = sentence.text
    start, end = 0, len(text)
    dateline = DATELINE.match(text) or LEAD_DATELINE.match(text)
    if dateline and len(text) - dateline.end() > 20:
        start = dateline.end()
    connective = LEADING_CONNECTIVE.match(text[start:])
    if connective:
        start += connective.end()
    pieces: list[Evidence] = []
    at = start
    for cut_start, cut_end in (m.span() for m in PARENTHESIS.finditer(text, start, end)):
        if cut_start > at:
            pieces.append(_piece(sentence, at, cut_start))
        at = max(at, cut_end)
    if at < end:
        pieces.append(_piece(sentence, at, end))
    pieces = [p for p in pieces if p.text]
    joined = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(p.text for p in pieces))
    joined = SPACED_CLOSING_MARK.sub(r"\1\2", joined)  # "shot, '" -> "shot,'"
    joined = SPACED_CLOCK.sub(r"\1.m.", joined)  # "10 a. m." -> "10 a.m."
    cited = tuple(p for p in pieces if any(ch.isalnum() for ch in p.text))
    return cited, joined[:1].upper() + joined[1:]


def candidates(articles: Sequence[Article], readings: dict[str, Reading]) -> list[Candidate]:
    """Every sentence of every original article that reads as a statement on its own."""
    by_id = {a.id: a for a in articles}
    found = []
    for article in articles:
        reading = readings.get(article.id)
        if reading is None or article.duplicate_of is not None:
            continue
        source = source_name(original_of(article, by_id))
        sentences = [s.evidence for s in reading.sentences]
        for position, sentence in enumerate(sentences[:MAX_CANDIDATES_PER_ARTICLE]):
            following = sentences[position + 1].text if position + 1 < len(sentences) else ""
            if _starts_lower(sentence.text) or _starts_lower(following):
                continue  # a sentence split in two (or the tail of one): not a statement alone
            if _unfinished(sentence.text) and article.text[sentence.end :].strip():
                continue  # a heading, caption or menu line: no statement
            if _asks(sentence.text) or ANNOUNCING.match(sentence.text.strip()):
                continue  # a question, or "there is breaking news": states nothing
            if _verbless(sentence, reading):
                continue  # a photo caption ("X and Y at the town hall in 2031."): no statement
            if APPEAL.search(sentence.text):
                continue  # "anyone with information is asked to call": asks, states nothing
            candidate = _candidate(article, source, position, sentence, reading)
            undated = not (reading.published or article.published)
            candidate.unplaced = undated and bool(RELATIVE_TIME.search(sentence.text))
            if candidate.words >= MIN_WORDS and candidate.pieces:
                found.append(candidate)
    return found


def _candidate(
    article: Article, source: str, position: int, sentence: Evidence, reading: Reading
) -> Candidate:
    pieces, text = clean(sentence)
    if _unfinished(text):
        text += "…"  # the page ends mid-sentence: say so
    closing = _open_quote(text)
    if closing is not None:
        text += f" …{closing}"  # the quotation goes on in the next sentence: say so, close it
    names = [e for e in reading.entities if _inside(e.evidence, sentence)]
    figures = [q for q in reading.quantities if _inside(q.evidence, sentence)]
    marks = {e.canonical.lower() for e in names} | {f"{q.value:g}" for q in figures}
    return Candidate(
        article=article,
        source=source,
        position=position,
        sentence=sentence,
        pieces=pieces,
        text=text,
        words=len(text.split()),
        marks=frozenset(marks),
        names=len(names),
        terms=(terms := content_words(text, dict(reading.lemmas))),
        families=frozenset(term[:FAMILY_LETTERS] for term in terms),
        framed=any(
            m.kind in SHAKY_FRAMING and _inside(m.evidence, sentence) for m in reading.framing
        ),
        points_back=_points_back(text),
        people=frozenset(_last_name(e.canonical) for e in names if e.label == "PERSON"),
        someone=bool(SOMEONE.match(text)) and not _names_person(names),
        unnamed=_refers_to_someone(article.text[sentence.start : sentence.end], sentence, names),
        figures=tuple(figures),
    )


def _is_name(entity: Entity) -> bool:
    return entity.label == "PERSON" and any(
        word.lower() not in RANKS for word in words_of(entity.canonical)
    )


def _names_person(names: Sequence[Entity]) -> bool:
    return any(e.label == "PERSON" for e in names)


def _refers_to_someone(text: str, sentence: Evidence, names: Sequence[Entity]) -> bool:
    """Points to a person ("chased him", "the man") before naming anyone: a pronoun outside
    quotation marks ahead of the sentence's first named person. A name after it is most
    often the speaker ("Police chased him, Sheriff Ana Veldt said"), not who "him" is."""
    unquoted = QUOTED.sub(lambda quote: " " * len(quote.group()), text)
    pronoun = PERSONAL_PRONOUN.search(unquoted)
    at = 0 if SOMEONE.match(text) else pronoun.start() if pronoun else None
    if at is None:
        return False
    named = [e.evidence.start - sentence.start for e in names if _is_name(e)]
    return at < min(named, default=len(text))


def _last_name(name: str) -> str:
    words = words_of(name)
    return words[-1].lower() if words else name.lower()


def _unfinished(text: str) -> bool:
    """No closing punctuation: a line that is no sentence, or one cut off."""
    return text.rstrip()[-1:] not in CLOSING


OPENING_SINGLE = re.compile(r"(?:^|(?<=[\s(\[]))['‘](?=\w)")
CLOSING_SINGLE = re.compile(r"(?<=[\w.,!?])['’](?=[\s.,;:!?)\]]|$)")


def _open_quote(text: str) -> str | None:
    """The closing mark of a quotation opened and not closed, the sentence split inside it
    ("described him as 'subdued." with the rest of the quote in the next sentence)."""
    if text.count("“") > text.count("”"):
        return "”"
    if text.count('"') % 2:
        return '"'
    opened = OPENING_SINGLE.findall(text)
    if len(opened) > len(CLOSING_SINGLE.findall(text)):
        return "’" if opened[-1] == "‘" else "'"
    return None


def _verbless(sentence: Evidence, reading: Reading) -> bool:
    """The reader found clauses in the sentence, none with a verb, and no verb in its words:
    who and where, as a photo caption writes them, not what happened."""
    facts = [f for f in reading.facts if _inside(f.evidence, sentence)]
    if not facts or any(f.predicate for f in facts):
        return False
    units = [u for u in reading.units if _overlaps(u.evidence, sentence)]
    return bool(units) and not any(u.verbs for u in units)


def _overlaps(span: Evidence, sentence: Evidence) -> bool:
    return span.article == sentence.article and overlaps(span, sentence)


def _asks(text: str) -> bool:
    return text.rstrip().rstrip("\"”’'").endswith("?")


def _points_back(text: str) -> bool:
    """Opens with a pronoun, or gives a quotation's speaker as one: it names no one itself."""
    unquoted = QUOTED.sub("", text)
    return bool(
        POINTING_PRONOUN.match(text.lstrip("\"'“‘"))  # a quotation's "He" points back too
        or PRONOUN_SPEAKER.search(unquoted)
        or TOLD_BEFORE.search(unquoted)
    )


def _starts_lower(text: str) -> bool:
    first = next((ch for ch in text if ch.isalpha()), "")
    return first.islower()


def _inside(span: Evidence, sentence: Evidence) -> bool:
    return span.article == sentence.article and sentence.start <= span.start < sentence.end


# --- similarity ------------------------------------------------------------------------------


def tfidf(texts: Sequence[Iterable[str]]) -> list[dict[str, float]]:
    """Unit TF-IDF vectors of texts given as their terms (a term given twice counts twice),
    the texts themselves giving the document counts. Terms are taken in sorted order: a
    text's terms often come as a set, whose order changes with the interpreter's hash seed,
    and sums in that order differ in their last bits, enough to turn a tie between two
    copies of one sentence into a different summary from run to run."""
    bags = [Counter(sorted(t)) for t in texts]
    df = Counter(term for bag in bags for term in bag)
    total = len(bags)
    vectors = []
    for bag in bags:
        vector = {t: c * math.log((total + 1) / (df[t] + 0.5)) for t, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({t: v / norm for t, v in vector.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


# --- weights ---------------------------------------------------------------------------------


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _mostly_quoted(text: str) -> bool:
    return sum(len(m.group()) for m in QUOTED.finditer(text)) > 0.6 * len(text)


def _first_person(text: str) -> bool:
    return bool(FIRST_PERSON.search(QUOTED.sub("", text)))


def features(found: list[Candidate], articles: Sequence[Article]) -> list[dict[str, float]]:
    """What each candidate's weight is made of (see WEIGHTS); also sets its TF-IDF vector."""
    by_id = {a.id: a for a in articles}
    originals = [a for a in articles if a.duplicate_of is None]
    headlines = [(a, a.title) for a in originals if a.title]
    vectors = tfidf([c.terms for c in found] + [content_words(title) for _, title in headlines])
    for candidate, vector in zip(found, vectors, strict=False):
        candidate.vector = vector
    headline_vectors = vectors[len(found) :]
    own_headline = {
        a.id: vector for (a, _), vector in zip(headlines, headline_vectors, strict=True)
    }
    sources = {source_name(original_of(a, by_id)) for a in originals}
    rows = []
    for candidate in found:
        closest: dict[str, float] = {}
        for other in found:
            if other.source != candidate.source:
                similarity = cosine(candidate.vector, other.vector)
                closest[other.source] = max(closest.get(other.source, 0.0), similarity)
        theirs = [
            cosine(candidate.vector, headline_vectors[i])
            for i, (article, _) in enumerate(headlines)
            if source_name(original_of(article, by_id)) != candidate.source
        ]
        row = _row(candidate, closest, theirs, len(sources - {candidate.source}))
        row["framed"] = float(candidate.framed and _told_plainly(candidate, found))
        own = own_headline.get(candidate.article.id)
        row["own_headline"] = cosine(candidate.vector, own) if own else 0.0
        rows.append(row)
    return rows


def _told_plainly(candidate: Candidate, found: Sequence[Candidate]) -> bool:
    """Another source tells the same with no loaded word: the loaded telling's words are
    then a choice, not the only account of the fact."""
    return any(
        not other.framed
        and other.source != candidate.source
        and _repeats(other, candidate, DEFAULT)
        for other in found
    )


def _row(
    candidate: Candidate, closest: dict[str, float], headlines: Sequence[float], other_sources: int
) -> dict[str, float]:
    text = candidate.text.rstrip()
    return {
        "support": sum(closest.values()) / (other_sources or 1),
        "headlines": _mean(headlines),
        "position": float(min(candidate.position, MAX_POSITION)),
        "fragment": float(text.endswith("…")),
        "first_person": float(_first_person(text)),
        "quotation": float(_mostly_quoted(text)),
        "names": min(candidate.names, 3) / 3,
        "framed": float(candidate.framed),
    }


def weigh(rows: Sequence[dict[str, float]], found: list[Candidate], params: Params) -> None:
    for candidate, row in zip(found, rows, strict=True):
        candidate.weight = sum(w * row.get(name, 0.0) for name, w in params.weights)


# --- selection -------------------------------------------------------------------------------


def budget(articles: Sequence[Article], params: Params = DEFAULT) -> int:
    """Words the account may take: more for more material, within fixed bounds."""
    originals = [a for a in articles if a.duplicate_of is None]
    if not originals:
        return params.budget_min
    mean_words = sum(a.words for a in originals) / len(originals)
    words = params.budget_base + params.budget_per_source_word * mean_words
    return int(min(params.budget_max, max(params.budget_min, words)))


def select(found: Sequence[Candidate], limit: int, params: Params = DEFAULT) -> list[Candidate]:
    """Heaviest first, skipping repeats and sentences that would overrun ``limit`` words.

    A sentence that points back waits for the sentence before it: it is taken right after
    that one is, if it ever is.
    """
    chosen: list[Candidate] = []
    waiting: dict[tuple[str, int], Candidate] = {}  # (article, position it points back to)
    words = 0
    queue = _plain_lead_first(sorted(found, key=lambda c: -c.weight), params)
    while queue and words < limit:
        candidate = queue.pop(0)
        if chosen and words + candidate.words > limit + params.slack:
            continue
        if candidate.points_back and not _follows(candidate, chosen):
            waiting[(candidate.article.id, candidate.position - 1)] = candidate
            continue
        if _adds_nothing(candidate, chosen, params):
            continue
        if candidate.unplaced and _told_placed(candidate, found, params):
            continue  # another source tells it with a day a reader can tell
        chosen.append(candidate)
        words += candidate.words
        follower = waiting.pop((candidate.article.id, candidate.position), None)
        if follower is not None:
            queue.insert(0, follower)
    return chosen


def _plain_lead_first(queue: list[Candidate], params: Params) -> list[Candidate]:
    """The heaviest plain telling of the heaviest candidate's matter, by another source,
    ahead of it when that one is loaded ("pulled the plug on a bloated bill" against
    "vetoed the bill"): the account opens with the event as the sources share it, and the
    loaded telling, adding only its framing, is then left out."""
    if not queue or not queue[0].framed:
        return queue
    lead = queue[0]
    plain = next(
        (
            c
            for c in queue
            if not c.framed
            and not c.points_back
            and c.source != lead.source
            and c.position <= LEAD_POSITION
            and _repeats(c, lead, params)
            and 2 * len(c.marks & lead.marks) >= len(lead.marks)  # its names and figures
        ),
        None,
    )
    if plain is None:
        return queue
    return [plain, *(c for c in queue if c is not plain)]


def _adds_nothing(candidate: Candidate, chosen: Sequence[Candidate], params: Params) -> bool:
    """Repeats a chosen sentence, tells another stage of it, or only reframes its matter."""
    for other in chosen:
        if _repeats(candidate, other, params) or _outdated(candidate, other):
            return True  # "has begun" beside "was completed": one of them is no longer true
        if candidate.framed and _shared_words(candidate, other) >= TOLD_MATTER:
            return True  # told already: this telling would add only its framing
    return False


def _told_placed(candidate: Candidate, found: Sequence[Candidate], params: Params) -> bool:
    """Another source's sentence says the same without a time that needs the unknown day
    of publication ("the attack this morning" in an undated report)."""
    return any(
        other.source != candidate.source
        and not other.unplaced
        and _repeats(other, candidate, params)
        for other in found
    )


def _follows(candidate: Candidate, chosen: Sequence[Candidate]) -> bool:
    """The sentence before it in its article is in the account (and will stay before it)."""
    return any(
        c.article.id == candidate.article.id and c.position == candidate.position - 1
        for c in chosen
    )


def _shared_words(first: Candidate, second: Candidate) -> float:
    """Share of the shorter sentence's content words that the other has too, words of one
    family counting as one: a retelling says "withdrew" for "withdrawal", "Russia" for
    "Russian"."""
    smaller = min(len(first.families), len(second.families))
    return len(first.families & second.families) / smaller if smaller else 0.0


def _repeats(candidate: Candidate, chosen: Candidate, params: Params) -> bool:
    """Says what a chosen sentence says.

    Two measures, both of words: TF-IDF cosine catches a sentence repeated nearly as it is;
    the share of content words catches a retelling in a dossier whose every sentence uses
    the story's words (there TF-IDF rates them all low). MiniLM was tried here too: on the
    NeuS training stories it changed nothing, and it costs a quarter of a dossier's time.
    """
    if cosine(candidate.vector, chosen.vector) >= params.repeat:
        return True
    return _shared_words(candidate, chosen) >= params.repeat_words


def _outdated(candidate: Candidate, chosen: Candidate) -> bool:
    """Tells another stage of what a chosen sentence tells ("began" against "completed",
    "police were searching for the gunman" against "the gunman was arrested"): the
    sources' dates may not say which is the later, so the chosen one stands alone."""
    if _shared_words(candidate, chosen) < SAME_MATTER:
        return False
    return any(
        {stage_of(candidate.text, pair), stage_of(chosen.text, pair)} == {"earlier", "later"}
        for pair in STAGES
    )


def ordered(chosen: list[Candidate]) -> list[Candidate]:
    """The opener, what its article says next, then the others' points in their order; a
    sentence that points back stays right after the sentence it points to."""
    if not chosen:
        return chosen
    opener = chosen[0].article.id
    at = {(c.article.id, c.position): c for c in chosen}

    def head(candidate: Candidate) -> int:
        position = candidate.position
        while (
            at.get((candidate.article.id, position))
            and at[(candidate.article.id, position)].points_back
        ):
            position -= 1
        return position

    def key(c: Candidate) -> tuple[bool, int, str, int]:
        return (c.article.id != opener, head(c), c.article.id, c.position)

    return chosen[:1] + sorted(chosen[1:], key=key)


# --- citations -------------------------------------------------------------------------------


def backers(
    candidate: Candidate, found: Sequence[Candidate], params: Params = DEFAULT
) -> list[Evidence]:
    """Per other source, its sentence that says the same as ``candidate``, if any.

    Said the same: a TF-IDF cosine (words weighed by how rare they are in this dossier) of
    at least ``cite``, the other sentence holding at least ``cite_covered`` of the chosen
    sentence's weight, and every figure of the chosen sentence (a count, a sum, an age)
    told by the other one too. On the hand-labelled facts of factalign-dev's ECB+ events,
    the sentence so picked states one of the chosen sentence's facts more often than one
    MiniLM picks, or than the sentences the comparison aligned (docs/benchmarks.md).
    """
    best: dict[str, tuple[float, Evidence]] = {}
    for other in found:
        if other.source == candidate.source or _other_people(candidate, other):
            continue
        if not _tells_figures(candidate, other):
            continue  # shares the scene ("a shooting late Saturday"), not "two men wounded"
        similarity = cosine(candidate.vector, other.vector)
        if similarity < params.cite or similarity <= best.get(other.source, (0.0, None))[0]:
            continue
        if _covered(candidate.vector, other.vector) >= params.cite_covered:
            best[other.source] = (similarity, other.sentence)
    return [sentence for _, sentence in sorted(best.values(), key=lambda pair: -pair[0])]


def _other_people(candidate: Candidate, other: Candidate) -> bool:
    """Each names someone the other does not: another speaker or actor, another account
    ("..., the sheriff X said" against "..., the undersheriff Y said")."""
    return bool(candidate.people - other.people) and bool(other.people - candidate.people)


def _tells_figures(candidate: Candidate, other: Candidate) -> bool:
    """Every figure of the candidate has one in the other sentence that can be the same."""
    return all(
        any(compatible(mine, theirs) for theirs in other.figures) for mine in candidate.figures
    )


def _covered(vector: dict[str, float], other: dict[str, float]) -> float:
    """Share of a unit TF-IDF vector's weight on the terms another one has too."""
    return sum(value * value for term, value in vector.items() if term in other)


def cited(candidate: Candidate, support: Sequence[Evidence]) -> SummarySentence:
    """The sentence's kept spans, then each backing source's sentence."""
    evidence = (*candidate.pieces, *support)
    ids = tuple(dict.fromkeys(e.article for e in evidence))
    return SummarySentence(candidate.text, ids, evidence)


# --- disagreements and updates ---------------------------------------------------------------


def _outlets(side: Side, articles: dict[str, Article]) -> list[str]:
    """The independent sources behind one side, in the order its articles come."""
    present = [articles[a] for a in side.articles if a in articles]
    return list(dict.fromkeys(source_name(original_of(a, articles)) for a in present))


def _listed(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _topic(about: str, texts: Sequence[str]) -> str:
    """The claim's label as the middle of a sentence ("the number of residents")."""
    label = " ".join(about.split()).rstrip(".:;")
    if ":" in label:  # "years of: <words around the value>" is no phrase: keep what is measured
        label = label.split(":", 1)[0].strip().removesuffix(" of")
    first = label.split(" ", 1)[0]
    lowered = first.lower()
    # lower-cased unless a name (never written lower-case in the sources) or an acronym
    capitalised = first != lowered and first[1:].islower()
    common = (
        lowered in MEASURES
        or lowered in QUESTION_WORDS
        or any(re.search(rf"\b{re.escape(lowered)}\b", t) for t in texts)
    )
    if capitalised and common:
        label = lowered + label[len(first) :]
    return ("the " if lowered in MEASURES else "") + label


def _display(side: Side) -> str:
    """A side's value as the sources wrote it; words (not figures) are quoted, and a long
    passage is cut to the words around its value; a hurt its reader inferred says so outside
    the quotes (the sources wrote "Two", not the inference)."""
    display = " ".join(side.display.split())
    if display.endswith(INFERRED_HURT_SHOWN):
        told = _display(replace(side, display=display[: -len(INFERRED_HURT_SHOWN)]))
        return f"{told}, hurt inferred (shot or stabbed, no death told)"
    if any(ch.isdigit() for ch in display) and len(display.split()) <= DISPLAY_WORDS // 2:
        # a figure or a date, as written; "Wednesday (17 April 2024)" read in a sentence
        # whose parentheses name the sources: "Wednesday, 17 April 2024"
        return RESOLVED_DATE.sub(r"\1, \2", display)
    words = display.split()
    if len(words) > DISPLAY_WORDS:
        value = str(side.value or "").lower()
        lowered = [w.lower() for w in words]
        at = next((i for i, w in enumerate(lowered) if value and w.startswith(value)), 0)
        first = max(0, min(at - DISPLAY_WORDS // 2, len(words) - DISPLAY_WORDS))
        kept = " ".join(words[first : first + DISPLAY_WORDS]).strip(",;:.")
        display = (
            ("…" if first else "") + kept + ("…" if first + DISPLAY_WORDS < len(words) else "")
        )
    return f"“{display.rstrip('.')}”"


RESOLVED_DATE = re.compile(r"(\S[^()/]*?) \(([^()]*\d{4})\)")


@dataclass(frozen=True)
class Sources:
    """The articles a disagreement is told from, with their reader sentences."""

    articles: dict[str, Article]
    sentences: dict[str, tuple[Evidence, ...]]

    @classmethod
    def of(cls, articles: Sequence[Article], readings: dict[str, Reading]) -> Sources:
        sentences = {
            a.id: tuple(s.evidence for s in readings[a.id].sentences)
            for a in articles
            if a.id in readings
        }
        return cls({a.id: a for a in articles}, sentences)

    def sentence_of(self, span: Evidence) -> Evidence:
        """The sentence that holds a span."""
        text = self.articles[span.article].text
        return sentence_around(span, text, self.sentences.get(span.article, ()))

    @property
    def texts(self) -> list[str]:
        return [a.text for a in self.articles.values()]


def _real_sides(claim: Claim, articles: dict[str, Article]) -> list[tuple[Side, list[str]]]:
    """The sides with evidence in these articles, with their outlets; a disagreement is real
    when two sides each have an outlet that no other side has."""
    sides = []
    for side in claim.sides:
        outlets = _outlets(side, articles)
        if outlets and any(e.article in articles for e in side.evidence):
            sides.append((side, outlets))
    counts = Counter(outlet for _, outlets in sides for outlet in outlets)
    distinct = sum(1 for _, outlets in sides if any(counts[o] == 1 for o in outlets))
    return sides if distinct >= 2 else []


def differing(claim: Claim, sources: Sources) -> SummarySentence | None:
    """'Reports differ on X: a (A) against b (B).' citing each side's sentences."""
    sides = _real_sides(claim, sources.articles)
    if not sides:
        return None
    parts = [f"{_display(side)} ({_listed(outlets)})" for side, outlets in sides]
    text = f"Reports differ on {_topic(claim.about, sources.texts)}: " + _against(parts) + "."
    return _stated(text, [side for side, _ in sides], sources)


def _against(parts: Sequence[str]) -> str:
    return parts[0] + " against " + _listed(parts[1:])


def updated(claim: Claim, sources: Sources) -> SummarySentence | None:
    """'A later report revises an earlier one on X: a (A, date), then b (B, date).'"""
    articles = sources.articles
    sides = _real_sides(claim, articles)
    if not sides:
        return None
    sides.sort(key=lambda pair: _latest(pair[0], articles))
    parts = []
    for side, outlets in sides:
        dates = [d for d in (_when(a, articles) for a in side.articles) if d]
        when = f", {max(dates)}" if dates else ""
        # a stage is told by its word: a window of words around it reads as a broken clause
        shown = f"“{side.value}”" if claim.kind == "statement" and side.value else _display(side)
        parts.append(f"{shown} ({_listed(outlets)}{when})")
    if claim.kind == "statement":  # one happening at two stages: its label is a clause
        opening = "Later reports tell a later stage"
    else:
        opening = f"A later report revises an earlier one on {_topic(claim.about, sources.texts)}"
    text = f"{opening}: " + ", then ".join(parts) + "."
    return _stated(text, [side for side, _ in sides], sources)


def _when(article_id: str, articles: dict[str, Article]) -> str | None:
    """The report's date in words ("12 June 2024"), a guess marked as one."""
    article = articles.get(article_id)
    if article is None or not article.published:
        return None
    words = value_in_words(article.published[:10])
    return shown_publication_date(words, article.published_inferred)


def _latest(side: Side, articles: dict[str, Article]) -> str:
    dates = [articles[a].published or "" for a in side.articles if a in articles]
    return max(dates, default="")


def _stated(text: str, sides: Sequence[Side], sources: Sources) -> SummarySentence:
    """A disagreement or update citing the sentence each side's value is given in."""
    spans = [e for side in sides for e in side.evidence if e.article in sources.articles]
    evidence = tuple(dict.fromkeys(sources.sentence_of(e) for e in spans))
    ids = tuple(dict.fromkeys(e.article for e in evidence))
    return SummarySentence(text, ids, evidence)


# A name spelled two ways is shown in the claims, but it is no disagreement about the event:
# the summary neither states it nor keeps the sentences naming that person out.
UNTOLD_KINDS = frozenset({"spelling"})


def _ranked(claims: Iterable[Claim], difference: str, articles: dict[str, Article]) -> list[Claim]:
    """Conflicts of one difference (contradictions or updates), those more independent
    sources report and surer first."""
    chosen = [c for c in claims if c.difference == difference and c.kind not in UNTOLD_KINDS]

    def sources(claim: Claim) -> int:
        return len(
            independent_sources({a for s in claim.sides for a in s.articles}, articles.values())
        )

    return sorted(chosen, key=lambda c: (-sources(c), -c.confidence))


def _contested_spans(claims: Iterable[Claim]) -> list[tuple[Evidence, str]]:
    """Values that are no plain fact, each with the sentence it is given in: both sides of a
    conflict; both sides of an update, which its own sentence tells with their dates."""
    return [
        (e, side.display)
        for claim in claims
        if claim.status == "conflict" and claim.kind not in UNTOLD_KINDS
        for side in claim.sides
        for e in side.evidence
    ]


def _without_contested_tail(
    candidate: Candidate, contested: Sequence[tuple[Evidence, str]]
) -> Candidate | None:
    """The candidate as a plain fact: itself when it gives no contested value; its words
    before a closing side clause that gives every contested value it has ("The Senate
    approved the act, which the budget office says will cost about $4.8 billion": the act's
    passing is plain, its cost is told as a disagreement); else none."""
    sentence = candidate.sentence
    held = [value for e, value in contested if _inside(e, sentence)]
    if not held:
        return candidate
    text = sentence.text
    places = [text.find(value) for value in held]
    if min(places) < 0:
        return None  # a value not written as shown: the whole sentence stays out
    cut = None
    for found in SIDE_CLAUSE.finditer(text, 0, min(places)):
        cut = found.start()
    if cut is None or len(words_of(text[:cut])) < MIN_WORDS:
        return None
    kept = []
    for piece in candidate.pieces:
        start, end = piece.start - sentence.start, piece.end - sentence.start
        if start < cut:
            kept.append(piece if end <= cut else _piece(sentence, start, cut))
    shown = " ".join(p.text for p in kept if p.text).rstrip(" ,;:")
    if not kept or not shown:
        return None
    figures = tuple(q for q in candidate.figures if q.evidence.end <= sentence.start + cut)
    text = shown[:1].upper() + shown[1:] + "."
    return replace(candidate, pieces=tuple(kept), text=text, figures=figures)


# --- entry point -----------------------------------------------------------------------------


def summarize(
    articles: Sequence[Article],
    readings: Iterable[Reading],
    claims: Sequence[Claim],
    timeline: Sequence[TimelineEntry],
    params: Params = DEFAULT,
) -> list[SummarySentence]:
    """Opening event, key agreed facts, then each disagreement and update; each cited."""
    del timeline  # the lead sentences carry the day; the timeline is shown on its own
    by_reading = {r.article: r for r in readings}
    found = candidates(articles, by_reading)
    if not found:
        return []
    rows = features(found, articles)
    weigh(rows, found, params)
    return compose(found, Sources.of(articles, by_reading), claims, params)


def compose(
    found: list[Candidate],
    sources: Sources,
    claims: Sequence[Claim],
    params: Params = DEFAULT,
) -> list[SummarySentence]:
    """The account from weighed candidates: opener, further facts, disagreements, updates."""
    contested = _contested_spans(claims)
    plain = [c for c in (_without_contested_tail(c, contested) for c in found) if c is not None]
    limit = budget(list(sources.articles.values()), params)
    chosen = ordered(select(plain, limit, params))
    for _ in range(3):  # each round leaves out who is named only as "he" or "the man"
        unclear = _unclear_someone(chosen)
        if not unclear:
            break
        plain = [c for c in plain if c not in unclear]
        chosen = ordered(select(plain, limit, params))
    account = [cited(c, backers(c, found, params)) for c in chosen]
    by_id = sources.articles
    conflicts = (differing(c, sources) for c in _ranked(claims, "contradiction", by_id))
    account += [s for s in conflicts if s is not None][: params.max_conflicts]
    updates = (updated(c, sources) for c in _ranked(claims, "update", by_id))
    account += [s for s in updates if s is not None][: params.max_updates]
    return account


def _unclear_someone(chosen: Sequence[Candidate]) -> list[Candidate]:
    """An opener that refers to someone it does not name ("Police chased him"), and
    sentences naming their subject only as "he" or "the man" in an account that names two
    people or more, unless the sentence right before them, in their article and in the
    account, names that one person."""
    opener = [chosen[0]] if chosen and chosen[0].unnamed else []
    if len({name for c in chosen for name in c.people}) < 2:
        return opener
    unclear = opener
    for before, candidate in zip([None, *chosen], chosen, strict=False):
        if not candidate.someone:
            continue
        follows = (
            before is not None
            and before.article.id == candidate.article.id
            and before.position == candidate.position - 1
            and len(before.people) == 1
        )
        if not follows and candidate not in unclear:
            unclear.append(candidate)
    return unclear


# --- omissions -------------------------------------------------------------------------------


def find_omissions(
    articles: Sequence[Article], readings: Iterable[Reading], claims: Sequence[Claim]
) -> list[str]:
    """'X does not mention Y' for points that two or more independent sources report.

    Only fully extracted, original articles are judged, and an article whose text
    contains any side's value as written, or for a statement a sentence telling its
    happening in other words, is taken to mention the point. An article its
    publisher dates before the first day a dated source reported the point is not judged
    (it could not have told it), nor is a name's spelling a point to leave out.
    """
    omissions = []
    by_id = {article.id: article for article in articles}
    told = _ToldInOtherWords(articles, list(readings))
    for claim in claims:
        if claim.kind == "spelling":
            continue  # how a name is written is no point of the story to leave out
        reporting = {a for side in claim.sides for a in side.articles}
        # only sources that surely state the point report it; a source cited less surely
        # is not said to omit it either
        cited = [e for side in claim.sides for e in side.evidence]
        surely = surely_citing(reporting, cited)
        sources = independent_sources(surely, articles)
        if len(sources) < 2:
            continue
        first_told = _first_reported(by_id[a] for a in surely if a in by_id)
        for article in articles:
            if first_told is not None and _published_before(article, first_told):
                continue  # out before any source reported it: nothing it could have told
            if _omits(article, claim, reporting, sources) and not told.by(article, claim):
                names = ", ".join(sorted(sources))
                omissions.append(
                    f"{source_name(article)} does not mention {claim.about} "
                    f"(reported by {len(sources)} sources: {names})"
                )
    return omissions


class _ToldInOtherWords:
    """Whether an article tells a statement's happening in words of its own: a sentence of it
    tells one happening with a sentence citing the claim surely (alike verbs, doers sharing
    a word: ``agreements.one_happening``), as "finally left the territory" tells "completed
    their withdrawal". The articles' statements are made once, when first asked for."""

    def __init__(self, articles: Sequence[Article], readings: list[Reading]) -> None:
        self._articles, self._readings = articles, readings
        self._statements: dict[str, list[Statement]] | None = None

    def by(self, article: Article, claim: Claim) -> bool:
        if claim.kind != "statement":
            return False  # a figure or a date is told only by its value
        statements = self._by_article()
        cited = [e for side in claim.sides for e in side.evidence if not e.tentative]
        theirs = [
            st for e in cited for st in statements.get(e.article, ()) if _overlaps(st.evidence, e)
        ]
        return any(
            one_happening(mine, t) for mine in statements.get(article.id, ()) for t in theirs
        )

    def _by_article(self) -> dict[str, list[Statement]]:
        if self._statements is None:
            self._statements = {}
            for statement in statements_of(self._articles, self._readings):
                self._statements.setdefault(statement.article, []).append(statement)
        return self._statements


def _first_reported(reporting: Iterable[Article]) -> Date | None:
    """The first day a source dated by its publisher reported a point (None: none is)."""
    days = (publisher_day(a.published, a.published_inferred) for a in reporting)
    return min((day for day in days if day is not None), default=None)


def _published_before(article: Article, day: Date) -> bool:
    """Whether the publisher dates the article before ``day`` (an undated article is not)."""
    published = publisher_day(article.published, article.published_inferred)
    return published is not None and published < day


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
