"""Read each article: sentences, entities, times, figures, quotes, framing and facts.

``read_many`` parses all texts with ``nlp.pipe`` (the only parallel step), runs
the readers on each parsed text, then merges entity name variants across all
articles so every reading uses the same canonical names.

Reading is bounded per article, whatever the text: at most ``max_chars`` characters are read
(ingest stores no longer text by default), a long text is parsed in pieces (spaCy's memory
grows with what it parses at once), and each kind of finding is kept to its ``MAX_FINDINGS``.
Each cut is told as a warning on the ``triangulate`` logger, naming the article.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from triangulate.core.dates import day_of
from triangulate.core.words import lemma_pairs
from triangulate.models import (
    Article,
    Entity,
    Event,
    Evidence,
    Fact,
    FramingMarker,
    Quantity,
    Quote,
    Reading,
    Sentence,
    TimeExpression,
    Unit,
)
from triangulate.nlp.language import (
    CUT_SENTENCES_KEY,
    MAX_SENTENCE_TOKENS,
    doc_text,
    load_nlp,
)
from triangulate.readers.detokenize import View, joined_view
from triangulate.readers.entities import EntityIndex, find_entities, merge_entities
from triangulate.readers.events import find_events
from triangulate.readers.facts import find_facts
from triangulate.readers.framing import find_framing
from triangulate.readers.published import publication_of
from triangulate.readers.quantities import find_quantities
from triangulate.readers.quotes import find_quotes
from triangulate.readers.sentences import find_sentences
from triangulate.readers.times import told_times
from triangulate.readers.units import find_units

READER_VERSION = "95"  # 3: lemmas; 4: events, voices, speakers; 5: tokenised text as prose
# 6: events told by another clause's sentence, quotes kept to their clause; 7: speeds;
# 8: a year naming happenings ("the 1974 bombings", "the May 2031 riots") and a tokenised
# clock time ("11 : 40 p.m.") are no counts; 9: a quoted speaker named by a surname the tagger
# took for no person ("Chief Mills said") is the person the article writes in full; 10: a
# quotation opened after "said:" and left open at its paragraph's end is direct; 11: a
# sentence is never ended at the slash between two names ("Tarehu / Port Kella"); an
# adverbial clause with its own subject holding a figure is a fact of its own; 12: a round
# figure's interval never passes half its last digit's step ("2,100" does not meet "2,000");
# a sentence the parser cut after a name's first word is joined back ("Harlow | Foods will");
# a clock time without a day takes the day of an earlier sentence telling of its happening;
# a quake's magnitude is a unit of its own ("a magnitude 6.4 earthquake" counts no quakes);
# a vote's tally ("a 48-51 vote") is no range; a telling keeps the words before a word that
# describes a noun ("a 19-year-old suspect", "a Republican-backed bill"); what is said in a
# relative clause starts after who says it ("a bill that critics said would ..."); a name
# saying a figure is not what it counts ("the 600 Harlow has said"); 13: a number placing
# on a street is no count ("the 1400 block of Dunmore Avenue", "25 Elm Street"); 14: a death
# toll's number counts people ("the death toll rose to 14"); 15: a number inside a name
# is no count ("Workers Local 88 said", "Channel 6 News"); 16: a wire dateline's date is the
# report's, not a time it tells of, nor a part of an event's telling ("TALMOUTH, March 11 -");
# 17: "about" is never wider than a step of the last written digit ("about $4.2 billion" is
# 4.1-4.3 billion); 18: a pronoun after a person the text does not name ("The store clerk
# ... He") is not the person named before; 19: "less than" and "up to" reach down to 0 again;
# 20: a telling that drops an apposition drops its closing comma ("Dorian Pruett on Tuesday");
# 21: an undated wire dateline ("TALMOUTH (Sentinel) -") is no part of a telling either;
# 22: no sentence ends at a title written short before a name ("..., Sgt. Paul Edevane said");
# 23: a place in capitals and a dash ("PORT HALLISON - ") is a dateline too; 24: "March 9
# last year" is of the year before; 25: a bare surname told as often as another bearer's is
# the first named's ("Bertram Osk ... Osk, 61," before his daughter Lena Osk); 26: "12 years
# before he can seek parole" counts to a happening, not back from the report; 27: a share
# told in words ("two-thirds of trains", "nine in ten schools") is no count; 28: a sentence
# cut at a title is joined in the sentence list, the parse left as it is; "will report" and
# "denying X the win" say nothing of their object; 29: a wire dateline is a sentence of its
# own, skipped, and its figures no counts; a toll's level read from the parse ("the number of
# people killed rose to four"); "180 of its 420 stores" counts the 180; "a 12-storey block"
# keeps its unit; "eight and a half"; "under one roof" and "Local 217" are no counts; a
# relative or spokesperson named in apposition speaks, not the possessor; a dateline is no
# speaker; passive and modal futures go forward ("will be arraigned on Wednesday"); "in his
# late 20s" is an age; midnight is no 24:00; a date in a text file's name and a yearless wire
# dateline date the article; a timeline telling never ends on "and" nor borrows a subject;
# a participle describing a noun keeps its own time ("a man arrested on Saturday"); the year
# a figure is compared with ("an increase of $3 billion on last year") dates no event; 30: "a
# mother of 12" counts children; "an 8 Block gang member", a rate ("one in every 500"), "two
# days ago" and a conversion in brackets ("58 km (36 miles)") are no counts of their own; a
# weekday of every week dates nothing; "$12-billion" keeps its scale; a name read across a
# hyphen ("Han Seo-in"); a date labelled deep in prose and a tokenised or capitalised dateline;
# "Mr. X" is no woman written in full; a denial's words keep their verb; a past passive is
# past ("was killed on June 24"), a verb whose past is its plain form ("hit") past, a present
# passive or a fixture told in the present ahead; "wait 30 days before deciding" is a length;
# a weekday with its week ("Friday next week"); no thing, possibility or narration is a
# speaker's; "WEST ORLO, Fla. -" is a dateline; 31: an outlet carrying someone's words
# ("..., police said, according to the Courier") is not their speaker; an excerpt's last
# clause cut off before its end is a statement; a number in a name ("the VSX 40", "eCart
# 4") or a round line ("the 5000 mark") is no figure; "US$ 55 billion" is money; 32: a past
# verb with its agent before a date ("killed by police on Saturday") dates it to the past;
# 33: a share price's move printed after a firm's name and ticker ("Korvel Inc. KVM -2.13%")
# is no figure of the story; 34: a number whose noun is left out counts the figure's before it
# ("300 homes were destroyed in Harwick and 120 in Lindale"); 35: a vote's tally ("voted
# 52-48") is two counts, a storm's category a unit; 36: a sum in another currency bracketed
# after a sum ("85 million euros ($108 million)") is its conversion, no figure of its own; 38:
# a paragraph longer than the sentence bound (an article on one line) is cut after its last
# full stop before the bound, not inside a sentence; 39: each age of a list is an age ("two
# men, ages 47 and 48"), and a number after a road's or a route's word in lower case names it
# ("on highway 94"); 40: a number told alone after "died at", "at the age of" or "She was" is
# an age ("He was 77."); 41: a counted noun never runs over a line break (a headline's
# "leaves two dead" before a dateline's "HARWICK —"); 42: a clause told of nobody or
# nothing is negated ("No one has been arrested": "not arrest"); 43: the emergency number
# ("called 911") and a broadcaster's channel ("KXVN 7", "Channel 8") are no figures; 44:
# "Nothing was taken" is negated too, a copula's "no" is not ("He is no stranger to it"),
# nor a channel before a scale word ("CBS 2 million viewers"); 45: the arrested are counted
# as the harmed are ("A 38-year-old man was arrested": one; "two men are in custody"); 46:
# "pronounced dead", "hospitalized", "a man in his 20s", "shot twice and died"; 47: being
# detained is no arrest, nor "previously arrested"; "nearly killed" no death; "officers
# arrested Tam Vell" counts no arrested officers; "the 12 arrested" counts the arrested; 48:
# "shot and killed a block from his home" a death again, "killed his attacker" none; 49: a
# person told by name is counted ("Tam Vell, 26, was arrested": one), "one fatally" one killed;
# 50: what befell a person told after a relative clause ("a man who lived with her was taken
# into custody"), and one told by "his", "her", "their" ("his cousin was wounded"); 51: a
# later death ("has died", "later died", "a man shot Tuesday has died"), one person told by
# "the" ("the victim was pronounced dead") or in apposition ("The driver, a 45-year-old
# woman, died"), no harm of a doer's clause given its object ("the man accused of killing a
# woman was arrested"), no harm in a death of illness or age; "should reopen Monday" and
# "would likely be filed Friday" as times ahead; 52: what befell people told after an "of"
# phrase ("two residents of the building were injured", "the father of the victim was
# arrested": the father); 53: and after a present participle's clause ("a man waiting for an
# early bus was shot and killed") or an aside between commas ("two men, both in their 20s,
# were wounded"); a surrender to the police as an arrest ("turned himself in"); 54:
# deputies, troopers, bystanders, miners, babies and other people's nouns counted as people;
# 55: a headline's one person without "a" ("Man, 28, killed", "16-year-old arrested"), people
# counted by their age ("two 17-year-olds") or listed in an apposition ("two people, a driver
# and a passenger, were killed"); 56: a headline's age with its noun ("22-year-old man
# arrested") and its dead without "was" ("Man shot dead outside bar", "Man found dead"); 57:
# what befell people told after a phrase of place or case ("a passenger in the car was
# killed", "two men charged in the robbery were arrested"); 58: a headline's death in the
# present with what led to it ("Man dies after being shot") and "shot, killed"; 59-63: see
# docs/benchmarks.md ("Reader 59" to "Reader 63"); 64: the words of one number stay on one
# line (a headline's "kills two" and the body's "Two people died" are not four); 65: a clock
# time told with its weekday ("11 p.m. Friday") names the day later clock times and "the
# next day" follow; 66-75: see docs/benchmarks.md ("Reader 66" to "Reader 75"); 76: a year
# before "block" or a street, or a vehicle's model year ("a silver 2031 sedan"), dates nothing;
# 77: people who did a harm to one named after it ("two officers shot and killed Tam Vell")
# are not its harmed, "A second person is under arrest" opening a report counts two; 78: one
# in a hospital or a jail now is hurt or held, "arrested 38-year-old Tam Vell of Lindale", a
# "not" of the sentence before denies no harm; 79: one told by "the" and an age ("The
# 19-year-old shot in an alley Saturday has died"); 80: a review's mends of 76-79 (see
# docs/benchmarks.md, "A review of readers 76 to 79") and a harm's adverb without "was" ("and
# another seriously injured", a headline's "Man critically hurt in ..."); 81: a sentence the
# parser cut before a comma or a word in lower case on its line is one ("Man" | ", 19,
# critically wounded in shooting"); 82: a second review's mends (a piece cut at the parser's
# cap, an address or a credit in capitals not joined; a model year before a verb; a jail's
# "unrelated" read within its clause; "in the hospital" with injuries told near it); 83:
# "deceased" as "dead" ("was pronounced deceased at the scene", "Hiker found deceased"); 84:
# "male" and "female" are persons ("a 58-year-old male ... was taken into custody"), "has
# been shot" is "was shot"; 85: one whose body is told of is dead ("recovered the body of a
# 19-year-old man"; not "the bodies of 12 migrants", which may be fewer than the dead); 86: a
# review's mends (a body only found is told of; "male" and "female" only after an age or
# "adult", not an animal's); 87: people named by their trade or kin ("a roofer", "his
# stepson"); 88: the hurt told after an "of" phrase and an apposition, "sustained" injuries, a
# cut to a part of the body; 89: a review's mends (no trade word standing before another
# person's noun, "a veteran police officer"; no cut to a salary; no apposition after a plural
# head's "of" phrase); 90: the state a happening left one person in ("left a man dead",
# "left Tam Vell, 78, hospitalized"), a surname told again after the full name, a name in
# apposition or with a middle initial, "apprehended", a headline's "surrenders" and second
# clause after a semicolon, "co-worker", taken to a hospital after a rescue or by ambulance,
# "the other", "was also injured", "was later arrested", "remains hospitalized", "is expected
# to survive", "received injuries", "treated at the scene", "succumbed to his injuries", "lost
# their lives"; 91: a milepost's number names a place, one whose body is found is dead when
# told by name, "the only person killed", one found then arrested, a headline's part after a
# dash ("... — Suspect in Custody"); 92: one killed told by a participle's clause ("the man
# killed in the crash has been identified"); 93: the hurt told by care for the cold or a burn,
# a wound's degree ("moderate"), a release's numbered vehicle and a home in an apposition, a
# name's age and home set off, a participle's clause before "suffered" or "died", people
# beaten told alone ("was punched"); 94: a move before the harm, joined by "and" ("came out
# the front door and was taken into custody", "fled on foot and was arrested"); 95: a vote's
# sides with their shares between ("2,264 votes (51.6%) in favor"), one side named against
# the count before it ("2,210 votes, or 51.3 percent, to 2,098 votes against"), a tally after
# adverbs ("approved it late in the evening, 31-19"), as what a tally "was", and a second
# chamber's after the first's ("the Senate 31-19 and the House 60-38")
Record = TypeVar("Record")
MAX_READ_CHARS = 400_000  # Settings.max_article_chars
# spaCy's time goes by tokens: prose has one per 5 or 6 characters, punctuation soup one per
# character. This keeps the worst text as quick to read as the longest prose.
MAX_READ_TOKENS = 100_000
LONG_RUN = 100  # characters without a space: longer runs are cut into tokens of this size
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")
PIECE_CHARS = 20_000  # a longer text is parsed a paragraph group at a time
# Findings kept per article, the first ones. Comparing articles pairs every figure and date
# with every other, so these keep a hostile text (thousands of numbers) from costing
# gigabytes; news articles stay far below them.
MAX_FINDINGS = {
    "entities": 2_000, "times": 400, "quantities": 400, "quotes": 300, "framing": 500,
    "facts": 500, "events": 500,
}  # fmt: skip
log = logging.getLogger("triangulate")


def readable(
    article: Article, max_chars: int = MAX_READ_CHARS, nlp: Language | None = None
) -> Article:
    """The article with its text cut at a paragraph or line break to at most ``max_chars``
    characters and (given the pipeline's tokenizer) ``MAX_READ_TOKENS`` tokens.

    Spans found in the cut text are spans of the whole text: it is the same beginning.
    """
    cut = len(article.text)
    if cut > max_chars:
        cut = _break_before(article.text, max_chars)
    if nlp is not None and cut > MAX_READ_TOKENS:  # fewer characters than tokens: no cut
        counted = tokens(nlp, article.text[:cut])
        if len(counted) > MAX_READ_TOKENS:
            cut = _break_before(article.text, counted[MAX_READ_TOKENS].idx)
    if cut == len(article.text):
        return article
    log.warning(
        "%s: only the first %s of %s characters were read (raise --max-chars)",
        article.id, f"{cut:,}", f"{len(article.text):,}",
    )  # fmt: skip
    return dataclasses.replace(article, text=article.text[:cut])


def _break_before(text: str, limit: int) -> int:
    """The end of the last paragraph, line or sentence that ends by ``limit``."""
    for mark in ("\n\n", "\n", ". "):
        found = text.rfind(mark, limit // 2, limit)
        if found > 0:
            return found + len(mark)
    return limit


def parse(nlp: Language, text: str) -> Doc:
    """spaCy's parse of ``text``; a long text is parsed in pieces cut at paragraph breaks
    and joined, the same text with the same offsets, in bounded memory."""
    if len(text) <= PIECE_CHARS:
        return nlp(tokens(nlp, text))
    pieces = []
    start = 0
    while start < len(text):
        end = len(text)
        if end - start > PIECE_CHARS:
            end = start + _break_before(text[start : start + PIECE_CHARS], PIECE_CHARS)
        pieces.append(tokens(nlp, text[start:end]))
        start = end
    parsed = list(nlp.pipe(pieces, batch_size=1))
    cut = sum(piece.user_data.get(CUT_SENTENCES_KEY, 0) for piece in parsed)
    for piece in parsed:
        # what the readers keep on a doc (its joined text, its datelines) is the piece's, not
        # the whole's; spaCy would skip it with a warning that prints the piece's whole text
        piece.user_data.clear()
    whole = Doc.from_docs(parsed, ensure_whitespace=False)
    if cut:
        whole.user_data[CUT_SENTENCES_KEY] = cut
    return whole


def tokens(nlp: Language, text: str) -> Doc:
    """The tokens of ``text``, a run of more than ``LONG_RUN`` characters without a space cut
    into pieces of ``LONG_RUN`` (spaCy's tokenizer takes time that grows with the square of
    such a run's length; no word is that long)."""
    runs = list(_LONG_RUN.finditer(text))
    if not runs:
        return nlp.make_doc(text)
    parts: list[Doc] = []
    start = 0
    for run in runs:
        if run.start() > start:
            parts.append(nlp.make_doc(text[start : run.start()]))
        run_text = run.group()
        pieces = [run_text[i : i + LONG_RUN] for i in range(0, len(run_text), LONG_RUN)]
        parts.append(Doc(nlp.vocab, words=pieces, spaces=[False] * len(pieces)))
        start = run.end()
    if start < len(text):
        parts.append(nlp.make_doc(text[start:]))
    return Doc.from_docs(parts, ensure_whitespace=False)


def capped(reading: Reading) -> Reading:
    """The reading with each kind of finding kept to its ``MAX_FINDINGS`` (the first ones);
    a fact keeps only the figures and dates that were kept."""
    counts = {kind: len(getattr(reading, kind)) for kind in MAX_FINDINGS}
    over = {kind: count for kind, count in counts.items() if count > MAX_FINDINGS[kind]}
    if not over:
        return reading
    told = ", ".join(f"{count:,} {kind}" for kind, count in over.items())
    kept = ", ".join(f"{MAX_FINDINGS[kind]:,} {kind}" for kind in over)
    log.warning("%s: found %s; kept the first %s", reading.article, told, kept)
    cuts = {kind: getattr(reading, kind)[: MAX_FINDINGS[kind]] for kind in over}
    reading = dataclasses.replace(reading, **cuts)
    values: list[TimeExpression | Quantity] = [*reading.times, *reading.quantities]
    spans = {(v.evidence.start, v.evidence.end) for v in values}
    facts = tuple(
        dataclasses.replace(
            fact,
            times=tuple(t for t in fact.times if (t.evidence.start, t.evidence.end) in spans),
            quantities=tuple(
                q for q in fact.quantities if (q.evidence.start, q.evidence.end) in spans
            ),
        )
        for fact in reading.facts
    )
    return dataclasses.replace(reading, facts=facts)


def read_parsed(article: Article, doc: Doc) -> Reading:
    """The reading of an article whose text spaCy has already parsed."""
    _tell_cuts(article.id, doc)
    publication = publication_of(article)
    published, inferred = publication.date, publication.inferred
    text, article_id = article.text, article.id
    entities = find_entities(doc, article_id)
    index = EntityIndex.of(entities)
    times = told_times(text, article_id, day_of(published))
    quantities = find_quantities(text, article_id, doc)
    quotes = find_quotes(doc, index, article_id)
    return Reading(
        article=article_id,
        version=READER_VERSION,
        published=published,
        published_inferred=inferred,
        sentences=tuple(find_sentences(doc, article_id)),
        entities=tuple(entities),
        times=tuple(times),
        quantities=tuple(quantities),
        quotes=tuple(quotes),
        framing=tuple(find_framing(text, article_id, article.title, quotes)),
        facts=tuple(find_facts(doc, article_id, index, times, quantities)),
        events=tuple(find_events(doc, article_id, entities, times)),
        units=tuple(find_units(doc, article_id)),
        lemmas=lemma_pairs((token.text, token.lemma_) for token in doc if token.is_alpha),
    )


def _tell_cuts(article_id: str, doc: Doc) -> None:
    """A warning line naming the article for each kind of cut made to read its text: sentences
    cut at ``MAX_SENTENCE_TOKENS``, runs without a space cut at ``LONG_RUN`` characters."""
    sentences = doc.user_data.get(CUT_SENTENCES_KEY, 0)
    if sentences:
        log.warning(
            "%s: %s cut into pieces of %s tokens (read as shorter sentences)",
            article_id, _counted(sentences, "sentence"), MAX_SENTENCE_TOKENS,
        )  # fmt: skip
    runs = len(_LONG_RUN.findall(doc_text(doc)))
    if runs:
        log.warning(
            "%s: %s of more than %s characters without a space cut into pieces",
            article_id, _counted(runs, "run"), LONG_RUN,
        )  # fmt: skip


def _counted(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def read_article(
    article: Article, nlp: Language | None = None, max_chars: int = MAX_READ_CHARS
) -> Reading:
    """Read one article (entity names merged within the article only)."""
    pipeline = nlp if nlp is not None else load_nlp()
    bounded = readable(article, max_chars, pipeline)
    view = joined_view(bounded.text)
    if view is None:
        return capped(read_parsed(bounded, parse(pipeline, bounded.text)))
    joined = dataclasses.replace(bounded, text=view.text)
    return capped(remapped(read_parsed(joined, parse(pipeline, view.text)), view, bounded.text))


def remapped(reading: Reading, view: View, original: str) -> Reading:
    """The reading of a joined view with every span moved back onto the original text."""

    def move(value: Any) -> Any:
        if isinstance(value, Evidence):
            start, end = view.start(value.start), view.end(value.end)
            return dataclasses.replace(value, start=start, end=end, text=original[start:end])
        if isinstance(value, tuple):
            return tuple(move(item) for item in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: move(getattr(value, f.name)) for f in dataclasses.fields(value)}
            return dataclasses.replace(value, **changes)
        return value

    moved: Reading = move(reading)
    return moved


def read_many(
    articles: Sequence[Article], n_process: int = 1, batch_size: int = 32
) -> list[Reading]:
    """Read several articles, then give each entity one canonical name across all of them."""
    nlp = load_nlp()
    bounded = [readable(article, MAX_READ_CHARS, nlp) for article in articles]
    views = [joined_view(article.text) for article in bounded]
    texts = (
        tokens(nlp, a.text if v is None else v.text) for a, v in zip(bounded, views, strict=True)
    )
    docs = nlp.pipe(texts, n_process=n_process, batch_size=batch_size)
    readings = []
    for article, view, doc in zip(bounded, views, docs, strict=True):
        if view is None:
            readings.append(capped(read_parsed(article, doc)))
        else:
            joined = dataclasses.replace(article, text=view.text)
            readings.append(capped(remapped(read_parsed(joined, doc), view, article.text)))
    return merge_across(readings)


def merge_across(readings: Sequence[Reading]) -> list[Reading]:
    """Readings whose entity canonicals are merged over all the given readings."""
    mapping = merge_entities(entity for reading in readings for entity in reading.entities)
    return [_renamed(reading, mapping) for reading in readings]


def _as_written(own: str | None, merged: str | None) -> str | None:
    """A speaker's name across articles when it only adds to the article's own ("Veldt" ->
    "Ana Veldt"); the outlet's spelling when it would change it ("Jansen", "Janssen")."""
    if own is None or merged is None:
        return merged
    mine = {word.lower() for word in own.split()}
    return merged if mine <= {word.lower() for word in merged.split()} else own


def _renamed(reading: Reading, mapping: Mapping[str, str]) -> Reading:
    renames: dict[str, str] = {}
    # An entity's longest mention decides its name across articles: a bare surname means
    # the article's own bearer of it, whoever bears that surname elsewhere.
    for entity in sorted(reading.entities, key=lambda e: len(e.evidence.text.split())):
        renames[entity.canonical] = mapping.get(entity.evidence.text, entity.canonical)

    def rename(name: str | None) -> str | None:
        return renames.get(name, name) if name is not None else None

    def names(values: Iterable[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(renames.get(value, value) for value in values))

    entities = tuple(
        dataclasses.replace(e, canonical=renames.get(e.canonical, e.canonical))
        for e in reading.entities
    )
    quotes = tuple(
        dataclasses.replace(q, speaker=_as_written(q.speaker, rename(q.speaker)))
        for q in reading.quotes
    )
    framing = tuple(dataclasses.replace(m, speaker=rename(m.speaker)) for m in reading.framing)
    facts = tuple(
        dataclasses.replace(
            fact,
            subject=rename(fact.subject),
            object=rename(fact.object),
            places=names(fact.places),
            entities=names(fact.entities),
        )
        for fact in reading.facts
    )
    events = tuple(
        dataclasses.replace(
            event, participants=names(event.participants), referent=rename(event.referent)
        )
        for event in reading.events
    )
    return dataclasses.replace(
        reading, entities=entities, quotes=quotes, framing=framing, facts=facts, events=events
    )


# ---------------------------------------------------------------- JSON contract


def _span_json(evidence: Evidence) -> dict[str, Any]:
    return {"text": evidence.text, "start": evidence.start, "end": evidence.end}


def _record_json(record: Any) -> dict[str, Any]:
    """Evidence flattened into text/start/end, then every other field of the record."""
    data = _span_json(record.evidence)
    for field in dataclasses.fields(record):
        if field.name != "evidence":
            data[field.name] = getattr(record, field.name)
    return data


def _quote_json(quote: Quote) -> dict[str, Any]:
    data = _record_json(quote)
    spoken = data.pop("speaker_evidence")
    data["speaker_span"] = _span_json(spoken) if spoken is not None else None
    return data


def _fact_json(fact: Fact) -> dict[str, Any]:
    data = _record_json(fact)
    data["times"] = [_record_json(time) for time in fact.times]
    data["quantities"] = [_record_json(quantity) for quantity in fact.quantities]
    data["places"] = list(fact.places)
    data["entities"] = list(fact.entities)
    return data


def _event_json(event: Event) -> dict[str, Any]:
    data = _span_json(event.evidence)
    data["clause"] = _span_json(event.clause)
    data["telling"] = [_span_json(piece) for piece in event.telling]
    data["time"] = _record_json(event.time) if event.time is not None else None
    data["participants"] = list(event.participants)
    data["reporting"] = event.reporting
    data["tense"] = event.tense
    data["told_by_sentence"] = event.told_by_sentence
    data["referent"] = event.referent
    return data


def reading_to_json(reading: Reading) -> dict[str, Any]:
    """One JSON object per article, as the CLI prints it and the store keeps it."""
    return {
        "id": reading.article,
        "version": reading.version,
        "published": reading.published,
        "published_inferred": reading.published_inferred,
        "sentences": [_span_json(sentence.evidence) for sentence in reading.sentences],
        "entities": [_record_json(entity) for entity in reading.entities],
        "times": [_record_json(time) for time in reading.times],
        "quantities": [_record_json(quantity) for quantity in reading.quantities],
        "quotes": [_quote_json(quote) for quote in reading.quotes],
        "framing": [_record_json(marker) for marker in reading.framing],
        "facts": [_fact_json(fact) for fact in reading.facts],
        "events": [_event_json(event) for event in reading.events],
        "units": [_unit_json(unit) for unit in reading.units],
        "lemmas": dict(reading.lemmas),
    }


def _evidence_from(article_id: str, data: Mapping[str, Any]) -> Evidence:
    return Evidence(article_id, int(data["start"]), int(data["end"]), str(data["text"]))


def _record_from(kind: Callable[..., Record], article_id: str, data: Mapping[str, Any]) -> Record:
    values = {
        field.name: data[field.name]
        for field in dataclasses.fields(kind)  # type: ignore[arg-type]
        if field.name != "evidence" and field.name in data
    }
    values["evidence"] = _evidence_from(article_id, data)
    return kind(**values)


def _quote_from(article_id: str, data: Mapping[str, Any]) -> Quote:
    spoken = data.get("speaker_span")
    fields = {key: value for key, value in data.items() if key != "speaker_span"}
    quote = _record_from(Quote, article_id, fields)
    speaker_evidence = _evidence_from(article_id, spoken) if spoken else None
    return dataclasses.replace(quote, speaker_evidence=speaker_evidence)


def _fact_from(article_id: str, data: Mapping[str, Any]) -> Fact:
    fact = _record_from(Fact, article_id, data)
    return dataclasses.replace(
        fact,
        times=tuple(_record_from(TimeExpression, article_id, t) for t in data.get("times", [])),
        quantities=tuple(_record_from(Quantity, article_id, q) for q in data.get("quantities", [])),
        places=tuple(data.get("places", [])),
        entities=tuple(data.get("entities", [])),
    )


def _unit_json(unit: Unit) -> dict[str, Any]:
    data = _record_json(unit)
    return {key: list(value) if isinstance(value, tuple) else value for key, value in data.items()}


def _unit_from(article_id: str, data: Mapping[str, Any]) -> Unit:
    unit = _record_from(Unit, article_id, data)
    lists: dict[str, Any] = {
        f.name: tuple(getattr(unit, f.name))
        for f in dataclasses.fields(Unit)
        if f.name not in ("evidence", "size")
    }
    return dataclasses.replace(unit, **lists)


def _event_from(article_id: str, data: Mapping[str, Any]) -> Event:
    time = data.get("time")
    return Event(
        evidence=_evidence_from(article_id, data),
        clause=_evidence_from(article_id, data["clause"]),
        telling=tuple(_evidence_from(article_id, piece) for piece in data["telling"]),
        time=_record_from(TimeExpression, article_id, time) if time else None,
        participants=tuple(data.get("participants", [])),
        reporting=bool(data.get("reporting", False)),
        tense=str(data.get("tense", "past")),
        told_by_sentence=bool(data.get("told_by_sentence", False)),
        referent=data.get("referent"),
    )


def reading_from_json(data: Mapping[str, Any]) -> Reading:
    """The reading a :func:`reading_to_json` object was made from."""
    article_id = str(data["id"])
    return Reading(
        article=article_id,
        version=str(data.get("version", READER_VERSION)),
        published=data.get("published"),
        published_inferred=bool(data.get("published_inferred", False)),
        sentences=tuple(Sentence(_evidence_from(article_id, s)) for s in data["sentences"]),
        entities=tuple(_record_from(Entity, article_id, e) for e in data["entities"]),
        times=tuple(_record_from(TimeExpression, article_id, t) for t in data["times"]),
        quantities=tuple(_record_from(Quantity, article_id, q) for q in data["quantities"]),
        quotes=tuple(_quote_from(article_id, q) for q in data["quotes"]),
        framing=tuple(_record_from(FramingMarker, article_id, m) for m in data["framing"]),
        facts=tuple(_fact_from(article_id, f) for f in data["facts"]),
        events=tuple(_event_from(article_id, e) for e in data.get("events", [])),
        units=tuple(_unit_from(article_id, u) for u in data.get("units", [])),
        lemmas=tuple(sorted(data.get("lemmas", {}).items())),
    )
