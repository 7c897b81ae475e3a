"""Events: one per verb that tells something happening, with the words that tell it.

For each verb (with its particle: "pulled out") an event records

- its subject, its own or the one it inherits ("... and left the base");
- its clause: the verb and everything that depends on it;
- its telling: the subject and the clause as a sentence of the text's own words, without
  the clauses joined to it ("and ...", "which ...", "..., who ...") and, when long,
  without its side clauses ("after ...") either; a participle or a relative clause with a
  named doer is told with its noun ("The treaty, signed on 4 May"); when only the whole
  sentence of another clause can tell it, the event says so (``told_by_sentence``: that
  sentence must not be dated by this event's time), and an opening "he"/"his" says whom it
  stands for (``referent``);
- the time its own clause gives: a dated time expression whose smallest enclosing verb
  clause is this verb's.  A time after "since", "until" or "than" bounds a comparison
  ("the lowest since 1997"), it does not date anything; a programme or a work named like
  a time ("ABC's This Week", "the Sunday Times") is not a time; and "today", "this week",
  "now" date only what happened or will happen: in "Today the border is calm" they say
  when the text speaks, not when anything took place;
- its participants: the canonical names of the entities in the clause and its subject;
- whether it is a reporting verb ("said", "announced": it happens when it is reported),
  and its tense.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from triangulate.core.dates import CALENDAR_WORDS, DateInterval, lead_datelines
from triangulate.core.words import word_set
from triangulate.models import Entity, Event, Evidence, TimeExpression
from triangulate.nlp.language import doc_text
from triangulate.readers.entities import EntityIndex
from triangulate.readers.quotes import (
    QUOTE_MARKS,
    SpeakerResolver,
    is_speech_verb,
    quoted_regions,
)
from triangulate.readers.sentences import sentence_spans

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
INHERITING_DEPS = frozenset({"conj", "xcomp", "advcl"})  # verbs that share their head's subject
# Dependents that are clauses of their own, never part of the event's telling
OTHER_CLAUSE_DEPS = frozenset({"relcl", "appos", "parataxis"})
DATELINES_KEY = "triangulate.lead_datelines"
QUOTED_KEY = "triangulate.quoted_regions"
SIDE_CLAUSE_DEPS = frozenset({"advcl", "npadvmod"})  # dropped when the telling runs long
LONG_TELLING_WORDS = 30
MIN_TELLING_WORDS = 4
MAX_NOUN_GAP = 8  # words from a noun to the participle that tells of it
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
OPENING_QUOTES = frozenset({"“", "‘"})
CLOSING_QUOTES = frozenset({"”", "’"})
REFERRING_PRONOUNS = frozenset({"he", "she", "it", "they"})
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose", "where", "when"})
NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL"})
MAX_SUBJECT_CLIMB = 4
DATED_GRANULARITIES = frozenset(
    {"day", "time", "week", "month", "season", "quarter", "year", "decade", "century"}
)
BOUND_WORDS = word_set("since until till than")
# A year a figure is compared with: "on last year", "over last year" ("from a year earlier"
# may start a stretch).
COMPARED_ON = word_set("on over versus vs against")
YEAR_COMPARED = re.compile(
    r"(?:last year|a year (?:earlier|ago|before)|the (?:previous|prior) year|the year before)\b",
    re.IGNORECASE,
)
GENERIC_TIMES = word_set(
    """now currently nowadays presently recently lately yet still meanwhile"""
) | {"at present", "these days", "at the moment", "so far", "to date", "right now", "for now"}
# Deictic times date an event only when the clause tells of a past or a coming one.
DEICTIC_TIMES = {
    "today", "tonight", "this week", "this month", "this year", "this morning",
    "this afternoon", "this evening", "this weekend", "this spring", "this summer",
    "this fall", "this autumn", "this winter",
}  # fmt: skip
WEEKDAY_NAMES = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?$", re.IGNORECASE
)
FUTURE_AUXILIARIES = word_set("will shall 'll")
# First words of time expressions that are written in lower case inside a sentence
COMMON_TIME_WORDS = word_set(
    """this last next past coming today tonight tomorrow yesterday the early late mid"""
)


def find_events(
    doc: Doc, article_id: str, entities: Sequence[Entity], times: Sequence[TimeExpression]
) -> list[Event]:
    """The events of every sentence, in text order."""
    resolver = SpeakerResolver(EntityIndex.of(entities), article_id)
    events: list[Event] = []
    for sentence in sentence_spans(doc):
        verbs = [token for token in sentence if _is_event_verb(token)]
        if not verbs:
            continue
        inside = [t for t in times if sentence.start_char <= t.evidence.start < sentence.end_char]
        owned = _owned_times(sentence, verbs, inside)
        for verb in verbs:
            events.append(_event(verb, resolver, entities, owned.get(verb.i)))
    return events


# --- the event of one verb -------------------------------------------------------------------


def _is_event_verb(token: Token) -> bool:
    """A verb, not a participle used as an adjective ("the signed agreement", "so-called")."""
    if token.lower_ == "according":
        return False  # "according to": a preposition tagged as a verb
    return token.pos_ == "VERB" and token.dep_ not in {"amod", "compound"}


def _event(
    verb: Token, resolver: SpeakerResolver, entities: Sequence[Entity], time: TimeExpression | None
) -> Event:
    article_id = resolver.article_id
    subject = subject_of(verb)
    clause_tokens = list(verb.subtree)
    outside = _outside(verb, subject)
    telling, by_sentence = _telling(verb, time)
    tense = tense_of(verb)
    if time is not None and not _dates_the_event(time, tense):
        time = None
    return Event(
        evidence=_word_evidence(verb, article_id),
        clause=_evidence(verb.doc[verb.left_edge.i : verb.right_edge.i + 1], article_id),
        telling=tuple(_evidence(piece, article_id) for piece in telling),
        time=time,
        participants=_participants(entities, [*clause_tokens, *outside], subject, resolver),
        reporting=is_speech_verb(verb),
        tense=tense,
        told_by_sentence=by_sentence,
        referent=_referent(verb.doc, telling, resolver, entities),
    )


def _referent(
    doc: Doc, telling: list[Span], resolver: SpeakerResolver, entities: Sequence[Entity]
) -> str | None:
    """Whom a telling that opens with "he", "she", "his" or "her" speaks of: told alone, the
    pronoun no longer follows the sentence that names them. Left unnamed when another
    person is named between that person and the pronoun ("Harl struck Evelyn Roskam as
    she crossed"): a wrong name is worse than none."""
    if not telling or not len(telling[0]):
        return None
    first = telling[0][0]
    if first.pos_ != "PRON" or resolver.in_quote(first):
        return None
    name = resolver.person_meant(first)
    if name is None or _another_person_between(name, first.idx, entities):
        return None
    return name


def _another_person_between(name: str, before: int, entities: Sequence[Entity]) -> bool:
    """A person other than ``name`` named after ``name``'s last mention before ``before``."""
    people = [e for e in entities if e.label == "PERSON" and e.evidence.start < before]
    mentions = [e.evidence.start for e in people if e.canonical == name]
    if not mentions:
        return False
    last = max(mentions)
    return any(e.canonical != name and e.evidence.start > last for e in people)


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the one it shares with the verb it is joined to ("... and
    left") or depends on without a subject of its own ("began withdrawing", "..., saying");
    for "which"/"who"/"that", the noun their clause hangs on."""
    current = verb
    for _ in range(MAX_SUBJECT_CLIMB):
        subject = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and _is_relative(subject):
            return current.head
        if subject is not None or not _shares_subject(current):
            return subject
        current = current.head
    return None


def _shares_subject(verb: Token) -> bool:
    if verb.head == verb or verb.dep_ not in INHERITING_DEPS:
        return False
    return verb.dep_ != "advcl" or not _is_finite(verb)  # "after X regained": its own


def _is_relative(subject: Token) -> bool:
    """ "which", "who", "that" as the subject of a relative clause hanging on a noun that
    can act (not "five years, which ...")."""
    if subject.lower_ not in RELATIVE_WORDS or subject.head.dep_ not in {"relcl", "acl"}:
        return False
    if subject.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    noun = subject.head.head
    return noun.pos_ in {"NOUN", "PROPN"} and noun.ent_type_ not in NOT_ACTORS


def _is_finite(verb: Token) -> bool:
    """A verb that makes a sentence with its subject: "left", "has left", "will leave"."""
    if verb.tag_ in FINITE_TAGS:
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in verb.children)


def _outside(verb: Token, subject: Token | None) -> list[Token]:
    """The subject's words that lie outside the verb's own clause."""
    if subject is None:
        return []
    return [t for t in subject.subtree if not verb.left_edge.i <= t.i <= verb.right_edge.i]


def tense_of(verb: Token) -> str:
    """past, present or future, looking through "will begin leaving" to its auxiliaries."""
    current = verb
    for _ in range(MAX_SUBJECT_CLIMB):
        auxiliaries = [c for c in current.children if c.dep_ in {"aux", "auxpass"}]
        if any(a.lower_ in FUTURE_AUXILIARIES for a in auxiliaries):
            return "future"
        if any(a.lemma_ == "go" and a.tag_ == "VBG" for a in auxiliaries):
            return "future"  # "is going to leave"
        if any("Past" in a.morph.get("Tense", []) for a in auxiliaries) or current.tag_ == "VBD":
            return "past"
        if current.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries):
            return "past"
        if auxiliaries or current.dep_ not in {"xcomp", "conj"} or current.head == current:
            return "past" if "Past" in current.morph.get("Tense", []) else "present"
        current = current.head
    return "present"


def _word_evidence(verb: Token, article_id: str) -> Evidence:
    """The verb with the particle right after it ("pulled out")."""
    end = verb.i + 1
    if end < len(verb.doc) and verb.doc[end].dep_ == "prt" and verb.doc[end].head == verb:
        end += 1
    return _evidence(verb.doc[verb.i : end], article_id)


def _evidence(span: Span, article_id: str) -> Evidence:
    return Evidence(article_id, span.start_char, span.end_char, span.text)


def _participants(
    entities: Sequence[Entity],
    tokens: Iterable[Token],
    subject: Token | None,
    resolver: SpeakerResolver,
) -> tuple[str, ...]:
    """The entities named in the clause, and the one a pronoun subject stands for ("it",
    "they", "she": the subject it refers back to, as for a quote's speaker)."""
    starts = {token.idx for token in tokens}
    found = [e.canonical for e in entities if e.evidence.start in starts]
    if subject is not None and subject.lower_ in REFERRING_PRONOUNS:
        name, _ = resolver.resolve(subject)
        found += [name] if name else []
    return tuple(dict.fromkeys(found))


# --- the telling -----------------------------------------------------------------------------


def _telling(verb: Token, time: TimeExpression | None) -> tuple[list[Span], bool]:
    """The words that tell the event as a sentence: the clause of the finite verb that
    carries it, with its subject; the whole sentence when no such clause says enough.
    Also whether those words tell another clause's event instead (see ``Event``)."""
    named = _named_thing(verb)
    if named is not None:
        return _runs(verb.doc, named), False
    teller = _finite_teller(verb)
    subject = subject_of(teller) if teller is not None else None
    sentence = _runs(verb.doc, list(verb.sent)), not _tells_the_sentence(verb)
    if teller is None or subject is None or _inside_quotation(verb):
        return sentence  # a quote is told with who says it
    if _unsure_antecedent(teller, subject):
        return sentence
    missed = _missed_subject(teller, subject)
    if missed is not None:  # "after a levee on the river gave way": the levee's clause
        subject = missed
    kept = _without_other_clauses(teller, _outside(teller, subject))
    if len(kept) > LONG_TELLING_WORDS:
        kept = _without_other_clauses(teller, _outside(teller, subject), SIDE_CLAUSE_DEPS)
    kept = _without_opening_link(kept, teller)
    if not kept or kept[0].lower_ in RELATIVE_WORDS or _says_little(kept, time):
        return sentence  # ", which it had taken": the sentence says it
    kept = _without_dangling_join(kept)
    if not _reads_as_sentence(kept):
        return sentence  # "Rain began falling on Saturday and": cut short
    # "The strike, spanning the spring, ended in June": a side clause told by its main clause
    return _runs(verb.doc, kept), teller != verb and verb.dep_ in SIDE_CLAUSE_DEPS | {"acl"}


def _named_thing(verb: Token) -> list[Token] | None:
    """A participle hung on a noun ("under the protocol, signed on 4 May") tells its event
    with that noun: "The protocol, signed on 4 May", not the sentence around it."""
    if (verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBG"}) or _names_its_doer(verb):
        noun = _whole_phrase(verb.head)
    elif _after_a_noun(verb):  # "arrived under the protocol, signed in May": parsed as
        noun = _whole_phrase(verb.doc[verb.i - 2])  # the arrival's, it tells of the protocol
    else:
        return None
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    if not noun.i < verb.i or verb.i - noun.i > MAX_NOUN_GAP:
        return None
    tokens = list(verb.doc[noun.left_edge.i : verb.right_edge.i + 1])
    if any(t.dep_ in OTHER_CLAUSE_DEPS for t in tokens if t.head == noun):
        return None
    if not _set_off(verb) and not any(_is_finite(t) for t in tokens):
        return None  # "A statement released Friday": a noun phrase, not a sentence
    return tokens if len(tokens) >= MIN_TELLING_WORDS else None


def _set_off(verb: Token) -> bool:
    """A participle after a comma ("The treaty, signed on 4 May") adds an event to its noun;
    one without ("a statement released Friday") only says which thing is meant."""
    return verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _missed_subject(verb: Token, subject: Token) -> Token | None:
    """The noun a borrowed subject hides: a verb joined to another ("killed ... and gave
    way") that follows a noun phrase with no "and" or comma between them had its own
    subject, which the parser hung on a preposition ("after a levee on the river gave
    way"): the noun that preposition governs."""
    if verb.dep_ not in INHERITING_DEPS or subject.head == verb or verb.left_edge.i == 0:
        return None
    before = verb.doc[verb.left_edge.i - 1]
    if before.pos_ not in {"NOUN", "PROPN"} or before.is_sent_start:
        return None
    noun = before
    for _ in range(MAX_SUBJECT_CLIMB + 2):
        head = noun.head
        if head.pos_ == "ADP" and head.head.pos_ in {"VERB", "AUX"} and noun.pos_ != "ADP":
            return noun if noun.pos_ in {"NOUN", "PROPN"} and head.i < noun.i else None
        if head == noun or head.i > verb.i:
            return None
        noun = head
    return None


def _without_opening_link(tokens: list[Token], teller: Token) -> list[Token]:
    """ "(said) that a vote could come ...", "(the Senate,) where its leader has scheduled a
    vote": the word linking a clause with a subject of its own to the sentence is no part
    of the telling. A relative pronoun ("quays that it had seized") stays, and so the
    sentence tells it."""
    if not tokens or not any(c.dep_ in SUBJECT_DEPS for c in teller.children):
        return tokens
    first = tokens[0]
    reported = teller.dep_ == "ccomp" and is_speech_verb(teller.head)
    opens = (first.lower_ == "that" and first.dep_ == "mark" and reported) or (
        first.lower_ in {"where", "when"} and first.dep_ == "advmod" and teller.dep_ == "relcl"
    )
    return tokens[1:] if opens and first.head == teller else tokens


def _without_dangling_join(tokens: list[Token]) -> list[Token]:
    """ "Rain began falling on Saturday and [more fell]", "was driving north, then [pulled
    alongside]": the "and" or "then" of a clause left out that the parser hung on a word of
    the telling."""
    end = _without_closing_marks(tokens, len(tokens))
    then = _dangling_then(tokens, end)
    if then:  # "... — and then": "then", then "and"
        end = _without_closing_marks(tokens, end - 1)
    if end and tokens[end - 1].dep_ == "cc":
        return tokens[: end - 1]
    return tokens[:end] if then else tokens


def _without_closing_marks(tokens: list[Token], end: int) -> int:
    while end and (tokens[end - 1].is_punct or tokens[end - 1].is_space):
        end -= 1
    return end


def _dangling_then(tokens: list[Token], end: int) -> bool:
    """A "then" after a comma or "and" at the end ("..., then"), not "arrested then"."""
    return (
        end >= 2
        and tokens[end - 1].lower_ == "then"
        and (tokens[end - 2].is_punct or tokens[end - 2].dep_ == "cc")
    )


def _reads_as_sentence(tokens: list[Token]) -> bool:
    """A telling with a finite verb that does not stop on a word waiting for more ("and",
    "in", "after"): else it is a piece cut from its sentence."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return False
    last = words[-1]
    if last.pos_ in {"CCONJ", "SCONJ", "DET"}:
        return False
    if last.pos_ == "ADP" and any(True for _ in last.children):
        return False  # "... after" lost its object; "pushed him out", "199 against" end there
    return any(_is_finite(t) for t in words if t.pos_ in {"VERB", "AUX"})


def _names_its_doer(verb: Token) -> bool:
    """A relative clause with a subject of its own named ("the pier that the storm had
    destroyed"): told with its noun, it says who did what to what."""
    if verb.dep_ not in {"relcl", "acl"}:
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and subject.pos_ in {"NOUN", "PROPN"}


def _after_a_noun(verb: Token) -> bool:
    """A past participle of a side clause right after "<noun>,": it describes that noun."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or verb.i < 2:
        return False
    comma, noun = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    return comma.text == "," and noun.pos_ in {"NOUN", "PROPN"} and noun.dep_ == "pobj"


def _whole_phrase(noun: Token) -> Token:
    """The head of the phrase a name ends ("an agreement between A and B, signed ...": the
    participle is about the agreement, so the agreement is told)."""
    for _ in range(MAX_SUBJECT_CLIMB):
        if noun.dep_ in {"conj", "compound", "appos"}:
            noun = noun.head
        elif noun.pos_ == "PROPN" and noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head  # a participle is seldom about a name in a phrase
        else:
            break
    return noun


def _unsure_antecedent(teller: Token, subject: Token) -> bool:
    """A relative clause hung on the last noun of an "of" chain ("a clerk of one of the
    mills who was sacked"): the parser cannot tell which noun it is about."""
    own = next((c for c in teller.children if c.dep_ in SUBJECT_DEPS), None)
    if own is None or not _is_relative(own) or subject.dep_ != "pobj":
        return False
    return subject.head.lower_ == "of"


def _tells_the_sentence(verb: Token) -> bool:
    """The verb is the sentence's own (its root, or the finite verb carrying the root)."""
    root = verb.sent.root
    return verb == root or _finite_teller(verb) == root


def _inside_quotation(verb: Token) -> bool:
    doc = verb.doc
    regions: list[tuple[int, int]] | None = doc.user_data.get(QUOTED_KEY)
    if regions is None:  # found once a text: every event asks
        regions = doc.user_data[QUOTED_KEY] = quoted_regions(doc_text(doc))
    return any(start < verb.idx < end for start, end in regions)


def _finite_teller(verb: Token) -> Token | None:
    """The finite verb whose clause tells this one ("began withdrawing" for "withdrawing")."""
    current = verb
    for _ in range(MAX_SUBJECT_CLIMB):
        if _is_finite(current):
            return current
        if current.dep_ not in INHERITING_DEPS | {"ccomp"} or current.head.pos_ not in {
            "VERB",
            "AUX",
        }:
            return None
        current = current.head
    return None


def _says_little(tokens: list[Token], time: TimeExpression | None) -> bool:
    """Fewer than four words besides its date: "Wednesday marked the day"."""
    start, end = (time.evidence.start, time.evidence.end) if time is not None else (-1, -1)
    words = [t for t in tokens if not t.is_punct and not start <= t.idx < end]
    return len(words) < MIN_TELLING_WORDS


def _without_other_clauses(
    verb: Token, subject: list[Token], also: frozenset[str] = frozenset()
) -> list[Token]:
    dropped: set[int] = set()
    for token in [*verb.subtree, *subject]:
        if token.i in dropped or token == verb:
            continue
        if _is_other_clause(token, verb, also) or _after_a_cut(token, dropped):
            dropped.update(t.i for t in token.subtree)
            dropped.update(c.i for c in token.head.children if _is_joining_word(c, token))
            if token.dep_ == "appos":  # "Dorian Pruett, 22, on Tuesday": its closing comma too
                dropped.update(
                    c.i
                    for c in token.head.children
                    if c.dep_ == "punct" and c.i == token.right_edge.i + 1 and c.text == ","
                )
    kept = [t for t in [*subject, *verb.subtree] if t.i not in dropped and not _is_relative(t)]
    return sorted(dict.fromkeys(kept), key=lambda t: t.i)


def _is_other_clause(token: Token, verb: Token, also: frozenset[str]) -> bool:
    if token.dep_ == "appos" and _calendar_word(token) and _calendar_word(token.head):
        return False  # "Thursday, September 24": one date written twice
    if token.dep_ in OTHER_CLAUSE_DEPS:
        return True
    if token.dep_ in also and token.head.pos_ in {"VERB", "AUX"}:
        # a side clause of a verb; "19-year" in "a 19-year-old suspect" is no clause, nor
        # "Republican" in "a Republican-backed bill" (a verb describing a noun)
        return token.head.dep_ not in {"amod", "compound"}
    if token.lower_ == "according" and token.head == verb:
        return True  # "According to the ministry, ...": who says it, not what happened
    # "withdrew ... and left": another verb joined to the event verb is its own event
    return token.dep_ == "conj" and token.head == verb and token.pos_ in {"VERB", "AUX"}


def _after_a_cut(token: Token, dropped: set[int]) -> bool:
    """A verb the parser hung on a verb by no known relation, after a clause left out ("was
    driving north when the SUV began following him, then pulled alongside and fired"): whose
    doing it is, that verb's subject or the cut clause's, is not sure."""
    head = token.head
    return (
        token.dep_ == "dep"
        and token.pos_ == "VERB"
        and head.pos_ in {"VERB", "AUX"}
        and any(i in dropped for i in range(head.i + 1, token.i))
    )


def _calendar_word(token: Token) -> bool:
    return token.lower_.rstrip(".") in CALENDAR_WORDS


def _is_joining_word(child: Token, clause: Token) -> bool:
    """The "and" or the comma right before a clause that is left out (not an "and" further
    back that joins the words between: "Calder Avenue and Fenwick Street, where ...")."""
    if not (child.i < clause.i and child.dep_ in {"cc", "punct"} and child.i > clause.head.i):
        return False
    between = child.doc[child.i + 1 : clause.left_edge.i]
    return all(t.is_punct or t.is_space or t.dep_ == "cc" for t in between)


def _runs(doc: Doc, tokens: list[Token]) -> list[Span]:
    """Runs of consecutive tokens, trimmed of loose words and marks at their edges; a run
    after a gap keeps the comma it starts with ("region, officials said"). A wire dateline
    ("TALMOUTH, March 11 (Herald) -") tells where and when the report was filed: left out."""
    datelines = _datelines(doc)
    if datelines:
        tokens = [t for t in tokens if not any(a <= t.idx < b for a, b in datelines)]
    runs: list[list[Token]] = []
    for token in tokens:
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    spans: list[Span] = []
    for run in runs:
        first = not spans
        while run and _loose_start(run[0], first, len(run)):
            run = run[1:]
        while run and _loose_end(run):
            run = run[:-1]
        if run:
            spans.append(doc[run[0].i : _closing_quote(doc, run) + 1])
    return spans


def _datelines(doc: Doc) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] | None = doc.user_data.get(DATELINES_KEY)
    if found is None:  # found once a text: every event's telling asks
        found = doc.user_data[DATELINES_KEY] = lead_datelines(doc_text(doc))
    return found


def _closing_quote(doc: Doc, run: list[Token]) -> int:
    """The run's last token, or the closing mark of a quotation it opens and leaves open."""
    opened = sum(t.text in OPENING_QUOTES for t in run) - sum(t.text in CLOSING_QUOTES for t in run)
    if opened <= 0:
        return run[-1].i
    for token in doc[run[-1].i + 1 : run[-1].i + 3]:
        if token.text in CLOSING_QUOTES:
            return token.i
    return run[-1].i


def _loose_start(token: Token, first: bool, length: int) -> bool:
    if token.is_space or token.text in CLOSING_QUOTES:
        return True  # a quote closing there opened in words left out
    if token.text == "," and not first and length > 1:
        # "the region, officials said" keeps it; "the mayor, thanked" does not
        following = token.nbor(1) if token.i + 1 < len(token.doc) else token
        return not following.is_alpha or following.pos_ in {"VERB", "AUX"}
    if token.text in OPENING_QUOTES or token.text == '"':
        return False
    if token.is_punct:
        return True
    return first and token.dep_ in {"cc", "mark"}


def _loose_end(run: list[Token]) -> bool:
    last = run[-1]
    if last.text in QUOTE_MARKS and last.text not in OPENING_QUOTES:
        opened = sum(t.text in OPENING_QUOTES for t in run) + sum(t.text == '"' for t in run)
        return opened % 2 == 0 if last.text == '"' else opened == 0
    if last.text in OPENING_QUOTES:
        return True
    return last.is_space or (last.is_punct and last.text != "%")


# --- the time an event's own clause gives ---------------------------------------------------


def _owned_times(
    sentence: Span, verbs: list[Token], times: Sequence[TimeExpression]
) -> dict[int, TimeExpression]:
    """Verb index -> the first dated time whose smallest enclosing verb clause is its own."""
    owned: dict[int, TimeExpression] = {}
    text = doc_text(sentence.doc)
    for time in times:
        if not _is_dated(time) or _is_bound(sentence, time) or _is_title(text, time):
            continue
        if _names_a_thing(sentence, time):
            continue
        start, end = time.evidence.start, time.evidence.end
        around = [
            v
            for v in [*verbs, *_copulas(sentence)]
            if v.left_edge.idx <= start
            and end <= v.right_edge.idx + len(v.right_edge.text)
            and not _describes_its_noun(v)
        ]
        owner = min(around, key=lambda v: v.right_edge.i - v.left_edge.i, default=None)
        if owner is None:
            owner = sentence.root if sentence.root.pos_ == "VERB" else None
        if owner is None or owner.pos_ != "VERB":
            continue  # a copula's time dates a state
        if owner.i not in owned or _finer(time, owned[owner.i]):
            owned[owner.i] = time
    return _circumstances_given_to_their_heads(owned, verbs)


def _circumstances_given_to_their_heads(
    owned: dict[int, TimeExpression], verbs: list[Token]
) -> dict[int, TimeExpression]:
    """A circumstance's time (``_circumstance``) dates its head's event instead, when the
    head has no time of its own ("The council, while acknowledging on Tuesday that the plan
    was flawed, approved it Wednesday": the approval's day stays Wednesday)."""
    for verb in verbs:
        if verb.i in owned and _circumstance(verb) and verb.head.i not in owned:
            owned[verb.head.i] = owned.pop(verb.i)
    return owned


def _describes_its_noun(verb: Token) -> bool:
    """ "passed a bill capping rent increases on Sunday": a present participle that says
    which thing is meant tells no happening of its own; the time is the clause's."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and not _set_off(verb)


def _circumstance(verb: Token) -> bool:
    """ "was hit by a stray bullet while sitting on her porch late Saturday": a participle
    clause after "while" or "when", without a subject of its own, tells what was going on as
    its head's event happened (the clause is a side event of its sentence)."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.head.pos_ == "VERB"
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        and any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in CIRCUMSTANCE_MARKS for c in verb.children
        )
    )


CIRCUMSTANCE_MARKS = frozenset({"while", "when"})  # "when" is parsed as an adverb, "while" a mark


def _finer(time: TimeExpression, other: TimeExpression) -> bool:
    """ "the weekend of 14 September": the day, not the weekend read on its own."""
    this, that = DateInterval.parse(time.value), DateInterval.parse(other.value)
    return this is not None and that is not None and 2 * this.days <= that.days


def _copulas(sentence: Span) -> list[Token]:
    """Clauses headed by "be" ("levels were still high in May"): they own their times."""
    return [t for t in sentence if t.pos_ == "AUX" and t.dep_ not in {"aux", "auxpass"}]


def _is_dated(time: TimeExpression) -> bool:
    if not (time.anchored and time.value) or time.value.startswith("P"):
        return False
    if time.granularity not in DATED_GRANULARITIES and "/" not in time.value:
        return False
    return _plain(time.evidence.text) not in GENERIC_TIMES


def _names_a_thing(sentence: Span, time: TimeExpression) -> bool:
    """A time that modifies a noun dates that thing, not the clause around it: "the 1991
    settlement", "the 2020 war" ("argued that it breached the 1991 settlement")."""
    span = sentence.doc.char_span(time.evidence.start, time.evidence.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    head = root.head
    modifies = root.dep_ in {"compound", "amod", "nmod", "nummod", "poss"}
    return modifies and head.pos_ in {"NOUN", "PROPN"} and not span.start <= head.i < span.end


def _a_year_compared_with(sentence: Span, span: Span) -> bool:
    """ "an increase of $3 billion on last year", "sales rose 4% over a year earlier": the year a
    figure is set against, not the date of a happening."""
    before = sentence.doc[span[0].i - 1] if span[0].i > sentence.start else None
    return (
        before is not None
        and before.lower_ in COMPARED_ON
        and YEAR_COMPARED.match(span.text) is not None
    )


def _is_bound(sentence: Span, time: TimeExpression) -> bool:
    """A time after "until" or "than", or after a "since" that does not hang on the verb,
    bounds a stretch or a comparison ("the lowest since 1997", "stay until May"): it dates
    nothing.  "Has been fighting the illness since 2004" starts then, and keeps its date."""
    span = sentence.doc.char_span(time.evidence.start, time.evidence.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if _a_year_compared_with(sentence, span):
        return True
    current = span.root
    if span[0].i > 0 and sentence.doc[span[0].i - 1].lower_ in BOUND_WORDS:
        current = sentence.doc[span[0].i - 1]
    for _ in range(MAX_SUBJECT_CLIMB + 2):
        if current.pos_ in {"VERB", "AUX"} or current.head == current:
            return False
        if current.lower_ in BOUND_WORDS:
            return current.lower_ != "since" or not _starts_the_event(current)
        current = current.head
    return False


def _starts_the_event(since: Token) -> bool:
    """ "since" hanging on the verb, with no superlative before it ("fell to its lowest
    level since 2019" compares, "has fought the illness since 2004" starts then)."""
    verb = since.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    between = since.doc[min(verb.i, since.i) : since.i]
    return not any(t.tag_ in {"JJS", "RBS"} or t.lower_ in {"first", "last"} for t in between)


def _is_title(text: str, time: TimeExpression) -> bool:
    """A programme or a work named like a time: "ABC's This Week", "appeared on Today",
    "the Sunday Times"."""
    words = time.evidence.text.split()
    start, end = time.evidence.start, time.evidence.end
    before = text[max(0, start - 6) : start]
    if not words[0][:1].isupper():
        return False
    if re.search(r"['’]s\s+$", before):
        return True  # a time belongs to no one: "the network's This Week"
    sentence_start = start == 0 or bool(re.search(r"(?:[.!?:\n][\s\"“'‘]*)$", before))
    if not sentence_start and words[0].lower() in COMMON_TIME_WORDS:
        return True  # "This Week", "Today" written with capitals inside a sentence
    after = re.match(r"\s+[A-Z][a-z]", text[end : end + 4])
    return bool(after and re.search(r"\b[Tt]he\s+$", before) and WEEKDAY_NAMES.match(words[0]))


def _dates_the_event(time: TimeExpression, tense: str) -> bool:
    """ "Today", "this week" date a past or coming event; with the present they say when
    the text speaks."""
    return _plain(time.evidence.text) not in DEICTIC_TIMES or tense != "present"


def _plain(text: str) -> str:
    return " ".join(text.lower().split())
