"""Atomic facts: one per clause with a subject, or per sentence that carries a time or figure.

A clause is a sentence's main verb or a verb joined to it ("withdrew ... and
left ...").  For speech verbs the fact is the clause said ("officials said the
troops left" gives "troops leave"); who said it is the quote reader's job.  A
passive clause is turned around so that "troops were withdrawn by Talvania" and
"Talvania withdrew troops" give the same subject, predicate and object.  An adverbial
clause with a subject of its own that holds a figure ("a day after a deckhand was hurt
after falling 12 feet") or a time ("has burned 11,200 acres since it started on Friday") is
a fact of its own, so the figure is not told of the main clause's subject, nor the time of
the main clause's happening.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from triangulate.models import Entity, Fact, Quantity, TimeExpression
from triangulate.readers.entities import PLACE_LABELS, EntityIndex
from triangulate.readers.quotes import SpeakerResolver, is_no_one, is_speech_verb, noun_phrase
from triangulate.readers.sentences import evidence_for, sentence_spans

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
OBJECT_DEPS = ("dobj", "attr", "acomp", "oprd", "dative")
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
Spanned = TypeVar("Spanned", TimeExpression, Quantity)


def _subject(verb: Token) -> Token | None:
    """The verb's own subject, or the one of the verb it is joined to."""
    current = verb
    for _ in range(4):
        subject = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None or current.dep_ != "conj" or current.head is current:
            return subject
        current = current.head
    return None


def _own_subject(verb: Token) -> bool:
    """Whether the verb has a subject of its own, written as a word (no "that", "which")."""
    return any(
        c.dep_ in SUBJECT_DEPS and c.dep_ != "expl" and c.lower_ not in RELATIVE_PRONOUNS
        for c in verb.children
    )


def _is_clause_head(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"} or _subject(token) is None:
        return False
    if token.dep_ in {"ROOT", "relcl"}:
        return True  # "the plant, which employs 1,400 workers, ...": its own fact
    if token.dep_ == "conj":
        return _is_clause_head(token.head) or token.head.dep_ == "ROOT"
    return token.dep_ == "ccomp" and is_speech_verb(token.head)


def _says_a_clause(verb: Token) -> bool:
    return is_speech_verb(verb) and any(child.dep_ == "ccomp" for child in verb.children)


def _adverbial_heads(sentence: Span) -> list[Token]:
    """Verbs of adverbial clauses with a subject of their own ("a day after Y was hurt"):
    a figure in one is that clause's, not the main clause's ("the ferry's sinking came a day
    after Y was hurt after falling 12 feet": Y fell). Only a clause holding a figure or a
    time makes a fact (``_holding_a_figure``, ``_holding_a_time``): one giving nothing adds a
    label the aligned claims do not need."""
    return [
        token
        for token in sentence
        if token.dep_ == "advcl"
        and token.pos_ in {"VERB", "AUX"}
        and _own_subject(token)
        and not _says_a_clause(token)
    ]


def _holding_a_figure(
    adverbial: list[Token], heads: list[Token], quantities: Sequence[Quantity]
) -> list[Token]:
    """The adverbial clauses that are the deepest clause of one of the sentence's figures."""
    owners = {_deepest_clause(q.evidence.start, heads + adverbial) for q in quantities}
    return [head for head in adverbial if head in owners]


def _holding_a_time(
    adverbial: list[Token], heads: list[Token], times: Sequence[TimeExpression]
) -> list[Token]:
    """The adverbial clauses with a subject of their own that are the deepest clause of one
    of the sentence's times ("has burned 11,200 acres since it started on Friday"): the
    time dates that clause's happening, not the main clause's."""
    found = [head for head in adverbial if head not in heads]
    owners = {_deepest_clause(t.evidence.start, heads + found) for t in times}
    return [head for head in found if head in owners]


def _participles_holding_a_time(
    sentence: Span, heads: list[Token], times: Sequence[TimeExpression]
) -> list[Token]:
    """Participles describing a noun that hold a time of their own ("a bill passed by the
    legislature last week", "a man arrested on Saturday was charged on Monday"): the time
    dates the participle's happening, not the clause's verb."""
    found = [
        token
        for token in sentence
        if token.dep_ == "acl"
        and token.tag_ == "VBN"
        and token not in heads
        and not _counted(token.head)  # "was 5 percent contained": the clause's own verb
    ]
    owners = {_deepest_clause(t.evidence.start, heads + found) for t in times}
    return [token for token in found if token in owners]


def _counted(noun: Token) -> bool:
    """A noun a number counts or measures ("5 percent", "300 tablets")."""
    return noun.lower_ in {"percent", "%"} or any(c.dep_ == "nummod" for c in noun.children)


def clause_heads(sentence: Span) -> list[Token]:
    """Main verbs of the clauses that state something, in text order."""
    heads = [token for token in sentence if _is_clause_head(token)]
    return [head for head in heads if not _says_a_clause(head)]


# Whom or what a clause tells of: "no" there denies the clause ("No one was hurt", "made no
# arrests"); not a copula's complement ("He is no stranger to it" tells that he knows it)
DENIED_BY_NO_ONE = frozenset({"nsubj", "nsubjpass", "dobj"})


def predicate_of(verb: Token) -> str:
    """Lemma with particle and negation: "pull out", "not intervene"; a clause telling it
    of nobody or nothing is negated too ("No one has been arrested", "made no arrests":
    "not arrest", "not make")."""
    words = [verb.lemma_.lower()]
    words += [child.lower_ for child in verb.children if child.dep_ == "prt"]
    if any(
        child.dep_ == "neg" or (child.dep_ in DENIED_BY_NO_ONE and is_no_one(child))
        for child in verb.children
    ):
        words.insert(0, "not")
    return " ".join(words)


def _object_phrase(verb: Token) -> str | None:
    for dep in OBJECT_DEPS:
        found = next((c for c in verb.children if c.dep_ == dep), None)
        if found is not None:
            return noun_phrase(found).text
    preposition = next((c for c in verb.rights if c.dep_ == "prep"), None)
    target = (
        next((c for c in preposition.children if c.dep_ == "pobj"), None) if preposition else None
    )
    return f"{preposition.text} {noun_phrase(target).text}" if preposition and target else None


class _FactBuilder:
    def __init__(self, article_id: str, index: EntityIndex) -> None:
        self.article_id = article_id
        self.index = index
        self.resolver = SpeakerResolver(index, article_id)

    def name_of(self, token: Token) -> str:
        name, _ = self.resolver.resolve(token)
        return name if name is not None else token.text

    def roles(self, verb: Token) -> tuple[str | None, str | None]:
        """(subject, object), turning a passive clause into its active form."""
        subject = _subject(verb)
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            subject = verb.head  # "the plant, which employs ...": the plant employs
        passive = subject is not None and subject.dep_ == "nsubjpass"
        if not passive:
            return (self.name_of(subject) if subject is not None else None), _object_phrase(verb)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        assert subject is not None
        return (self.name_of(doer) if doer is not None else None), self.name_of(subject)


def _deepest_clause(position: int, heads: list[Token]) -> Token | None:
    containing = [h for h in heads if h.left_edge.idx <= position <= h.right_edge.idx]
    return min(containing, key=lambda h: len(list(h.subtree)), default=None)


def _starting_in(sentence: Span, items: Sequence[Spanned]) -> list[Spanned]:
    return [i for i in items if sentence.start_char <= i.evidence.start < sentence.end_char]


def _owned_by(
    head: Token, items: list[Spanned], owners: dict[int, Token | None], alone: bool = False
) -> list[Spanned]:
    """The items whose deepest clause is ``head`` (or none of the sentence's clauses, unless
    ``alone``)."""
    mine = (head,) if alone else (head, None)
    return [item for item in items if owners[item.evidence.start] in mine]


def _canonicals(entities: list[Entity], labels: frozenset[str] | None = None) -> tuple[str, ...]:
    chosen = [e.canonical for e in entities if labels is None or e.label in labels]
    return tuple(dict.fromkeys(chosen))


def _sentence_facts(
    builder: _FactBuilder,
    sentence: Span,
    times: Sequence[TimeExpression],
    quantities: Sequence[Quantity],
) -> list[Fact]:
    inside = builder.index.within(sentence.start_char, sentence.end_char)
    places, entities = _canonicals(inside, PLACE_LABELS), _canonicals(inside)
    evidence = evidence_for(sentence, builder.article_id)
    mine_times, mine_quantities = _starting_in(sentence, times), _starting_in(sentence, quantities)
    heads = clause_heads(sentence)
    if not heads:
        if not (mine_times or mine_quantities):
            return []
        return [
            Fact(
                evidence,
                times=tuple(mine_times),
                quantities=tuple(mine_quantities),
                places=places,
                entities=entities,
            )
        ]
    positions = {t.evidence.start for t in mine_times} | {q.evidence.start for q in mine_quantities}
    adverbials = _adverbial_heads(sentence)
    adverbial = _holding_a_figure(adverbials, heads, mine_quantities)
    adverbial += _holding_a_time(adverbials, heads + adverbial, mine_times)
    adverbial += _participles_holding_a_time(sentence, heads + adverbial, mine_times)
    owners = {position: _deepest_clause(position, heads + adverbial) for position in positions}
    facts = []
    for head in sorted(heads + adverbial, key=lambda token: token.i):
        subject, obj = builder.roles(head)
        alone = head in adverbial  # only what it holds itself: not a sentence's loose items
        own_times = _owned_by(head, mine_times, owners, alone)
        own_quantities = _owned_by(head, mine_quantities, owners, alone)
        facts.append(
            Fact(
                evidence,
                subject=subject,
                predicate=predicate_of(head),
                object=obj,
                times=tuple(own_times),
                quantities=tuple(own_quantities),
                places=places,
                entities=entities,
            )
        )
    return facts


def find_facts(
    doc: Doc,
    article_id: str,
    index: EntityIndex,
    times: Sequence[TimeExpression] = (),
    quantities: Sequence[Quantity] = (),
) -> list[Fact]:
    """Facts of every sentence, in text order."""
    builder = _FactBuilder(article_id, index)
    facts: list[Fact] = []
    for sentence in sentence_spans(doc):
        facts += _sentence_facts(builder, sentence, times, quantities)
    return facts
