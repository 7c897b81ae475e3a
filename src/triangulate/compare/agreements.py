"""Agreed statements: one claim per group of aligned sentences from different sources.

The claim's evidence is each source's sentence; its label says in a few words what the
sentences state (who did what, from the clause the sources share), never a window of words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from triangulate.compare import revisions
from triangulate.compare.align import pair_score, told_words
from triangulate.compare.labels import (
    IRREGULAR_PLURALS,
    LIGHT_PREDICATES,
    clause_label,
    parses_whole,
    stage_label,
    statement_label,
)
from triangulate.compare.statements import Statement
from triangulate.core.dates import CALENDAR_WORDS, given_publication
from triangulate.core.sources import (
    Sources,
    independent_sources,
    keyed,
    source_name,
    surely_citing,
)
from triangulate.core.words import (
    NUMBER_WORDS,
    REPORTING_VERBS,
    SPEECH_VERBS,
    STAGES,
    content_words,
    last_word,
    stage_of,
    stem,
    verb_groups,
    word_set,
    words_of,
)
from triangulate.models import Article, Claim, Evidence, Fact, Quantity, Side
from triangulate.readers import quantities as quantity_reader


def statement_claims(
    groups: Sequence[Sequence[int]],
    statements: Sequence[Statement],
    articles: Sequence[Article] | Sources[Article],
    scores: dict[tuple[int, int], float],
    answers: Answers | None = None,
) -> list[Claim]:
    """One agreed claim per group, its most widely shared statement first; members that
    tell another stage of the happening ("has begun" beside "was completed") leave it, and
    with the agreement they make an update. The aligner's groups overlap: a group that
    repeats another is folded into it after (``claims.folded_repeats``). ``answers`` keeps
    what is asked of each member once for all the groups (a fresh one by default)."""
    answers = answers if answers is not None else Answers()
    found: list[Claim] = []
    by_id = keyed(articles)  # each claim's reason counts its sources among them
    updates: set[tuple[tuple[Evidence, ...], ...]] = set()
    for group in groups:
        members = [statements[i] for i in _by_centrality(group, scores)]
        about, stating = labelled(members, answers)
        members = [m for m in members if m is stating[0] or _supports(m, stating, answers)]
        members, staged = _at_one_stage(members, stating[0])
        if staged is not None:
            about, stating = labelled(members, answers)  # said by those that stay
            update = _stage_update(staged, about, by_id, scores)
            if update is not None and _told_once(update, updates):
                found.append(update)
        # after the stages: two stages of one happening are told in other words
        sharing = _sharing_words(members)
        if len({m.source for m in sharing}) < 2:
            continue
        if len(sharing) < len(members):
            members = sharing
            about, stating = labelled(members, answers)  # said by those that stay
        sure = _surely_stating(members, stating, scores, answers)
        confidence = _confidence(members, scores)
        found.append(_claim(members, sure, about, by_id, confidence, answers))
    return found


# Content words a sentence must share with a sentence of another source in its group. The
# aligner links sentences by meaning as well as words, and a group grows by links: a sentence
# that shares one content word or none with every other source's sentence in it ("the bridge
# reopened to traffic on Monday", "the school reopened its gym as a shelter") most often
# tells another fact. A shared speaker counts ("Ilvane Arnshaw said ...", "the shop's owner,
# Ilvane Arnshaw, said ...": two words).
SHARED_WORDS = 2
# Words two sentences of one story share whatever they tell: who reported it, and its days.
NOT_SHARED = REPORTING_VERBS | CALENDAR_WORDS | {"today", "yesterday", "tonight"}


def _sharing_words(members: list[Statement]) -> list[Statement]:
    """The members that share at least ``SHARED_WORDS`` content lemmas, ``NOT_SHARED``
    aside, with a member of another source, or tell one happening with it by who did what
    (``one_happening``: "Talvania left the port", "The Talvanians withdrew their crews")."""
    words = [frozenset(member.unit.lemmas) - NOT_SHARED for member in members]
    return [
        member
        for member, own in zip(members, words, strict=True)
        if any(
            other.source != member.source
            and (len(own & theirs) >= SHARED_WORDS or one_happening(member, other))
            for other, theirs in zip(members, words, strict=True)
        )
    ]


def _told_once(update: Claim, told: set[tuple[tuple[Evidence, ...], ...]]) -> bool:
    """Whether an update is not one already found: the aligner's groups overlap, and groups
    that split the same sentences into the same two stages make one update, not one each
    (an election "began" in one report and "ended" in another, told three times). Adds it
    to ``told``."""
    key = tuple(side.evidence for side in update.sides)  # its label may differ: not its key
    if key in told:
        return False
    told.add(key)
    return True


_Label = tuple[Statement, Fact | None]


class Answers:
    """What each member states and carries of a label, each asked once in one comparison:
    a statement sits in many groups (a dozen at 160 articles), each asking of its members
    again, and the answer depends on the member and the label alone. Each sentence cited
    less surely, and each label's complete phrase, is kept the same way. ``asked`` counts the
    questions, ``evaluated`` those answered by evaluating them."""

    def __init__(self) -> None:
        # keyed by (member index, label statement index, id of the label's clause): a
        # clause lives as long as its statement, which the comparison holds
        self.stated: dict[tuple[int, int, int], bool] = {}
        self.carried: dict[tuple[int, int, int], bool] = {}
        self.unsure: dict[int, Evidence] = {}  # each statement's sentence cited less surely
        # each label's phrase when it must say all its verb goes on to (None: it stops
        # short), by (label statement index, id of its clause): the same label heads many
        # groups
        self.complete: dict[tuple[int, int], str | None] = {}
        self.asked = 0
        self.evaluated = 0

    def states(self, member: Statement, label: _Label) -> bool:
        return self._ask(self.stated, states, member, label)

    def carries(self, member: Statement, label: _Label) -> bool:
        return self._ask(self.carried, carries, member, label)

    def _ask(
        self,
        kept: dict[tuple[int, int, int], bool],
        question: Callable[[Statement, _Label], bool],
        member: Statement,
        label: _Label,
    ) -> bool:
        self.asked += 1
        key = (member.index, label[0].index, id(label[1]))
        found = kept.get(key)
        if found is None:
            self.evaluated += 1
            found = kept[key] = question(member, label)
        return found

    def reason(self, members: Sequence[Statement], sure: set[int], by_id: Sources[Article]) -> str:
        """``agreement_reason`` of a claim citing the members, the ``sure`` ones surely (an
        article is cited surely when one of its sentences is)."""
        cited = {m.article for m in members}
        surely = {m.article for m in members if m.index in sure}
        return _reason(cited, surely, lambda ids: independent_sources(ids, by_id))

    def complete_label(self, statement: Statement, clause: Fact) -> str | None:
        key = (statement.index, id(clause))
        if key not in self.complete:
            self.complete[key] = statement_label(statement.text, clause, complete=True)
        return self.complete[key]

    def cited_unsurely(self, statement: Statement) -> Evidence:
        found = self.unsure.get(statement.index)
        if found is None:
            found = self.unsure[statement.index] = replace(statement.evidence, tentative=True)
        return found


# A member states the claim surely when the aligner, fitted on ECB+ train, gives its link to
# the claim's own sentence at least an even chance. Below it, it joined through the others
# or through the second look: on factalign-dev a fifth to a half of such members state
# another fact (docs/benchmarks.md, "Sentences cited less surely").
SURE_LINK = 0.5


def _surely_stating(
    members: Sequence[Statement],
    label: tuple[Statement, Fact | None],
    scores: dict[tuple[int, int], float],
    answers: Answers,
) -> set[int]:
    """The members that surely state what the claim's sentence says: that sentence, and
    each member that is a copy of a sure one or linked to one at an even chance or more,
    and that carries what the claim says (its verb, its figures)."""
    sure = [label[0]]
    found = {label[0].index}
    text = {m.index: m.text for m in (label[0], *members)}
    for candidate in sure:  # grows while it is read: members reached through sure ones
        for m in members:
            if m.index not in found and (
                text[m.index] == text[candidate.index]
                or (_surely_linked(m, candidate, scores) and answers.carries(m, label))
            ):
                sure.append(m)
                found.add(m.index)
    return found


def _surely_linked(
    member: Statement, other: Statement, scores: dict[tuple[int, int], float]
) -> bool:
    """Whether the aligner's link of two sentences is sure: an even chance or more, or any
    link between sentences whose slots tell one happening (:func:`one_happening`)."""
    score = pair_score(scores, member.index, other.index)
    return score >= SURE_LINK or (score > 0.0 and one_happening(member, other))


def one_happening(first: Statement, second: Statement) -> bool:
    """Whether two sentences tell one happening by who did what: a main clause of each with
    alike verbs, of one polarity (a clause completing a happening tells it: "completed their
    withdrawal" for "withdrew"), and doers sharing a word (a people's name and its country's
    as one: "Talvanians", "Talvania"), neither told as only a part ("the first crews left")."""
    return any(
        _alike_doers(mine, theirs)
        and _negated(mine) == _negated(theirs)
        and not _happening_verbs(mine).isdisjoint(_happening_verbs(theirs))
        for mine in _main_facts(first)
        for theirs in _main_facts(second)
    )


@lru_cache(maxsize=8192)  # statements hash by identity: each is asked of many times
def happenings(statement: Statement) -> frozenset[str]:
    """The verbs (with their groups) of the happenings a sentence's main clauses tell."""
    return frozenset().union(*(_happening_verbs(f) for f in _main_facts(statement)))


# Verbs that only bring a happening their object names to its end ("completed their
# withdrawal", "finished the evacuation").
_COMPLETING = word_set("complete finish conclude")
# How a happening's noun is made from its verb ("withdrawal", "evacuation", "departure",
# "arrest"): the ending taken off, and what the verb ends with instead.
_NOUN_ENDINGS: tuple[tuple[str, str], ...] = (
    ("al", ""),
    ("ation", "ate"),
    ("ion", "e"),
    ("ion", ""),
    ("ure", "e"),
    ("ure", ""),
    ("ment", ""),
    ("", ""),
)
# Words of a doer that tell only part of a happening ("the first personnel left"): another
# stage of it than a report of the whole.
_PART_WORDS = word_set("first initial some part")
_SHORTEST_NAME = 4  # letters of a name that is the start of another ("Iran" of "Iranian")
# What a people's word adds to its country's name ("Talvania-n", "Iran-ian", "Israel-i"),
# plurals folded
_PEOPLE_ENDINGS = frozenset({"n", "an", "ian", "i"})


@lru_cache(maxsize=8192)
def _happening_verbs(fact: Fact) -> frozenset[str]:
    """The verb (with its groups) of the happening a clause tells: its own, or the verb of
    the happening its object names when it only completes it; none for a verb of saying or
    one that tells no happening."""
    if not fact.predicate:
        return frozenset()
    verb = _verb_key(fact.predicate)
    if verb in _COMPLETING:
        for word in words_of((fact.object or "").lower()):
            made = _verb_of_noun(word)
            if made is not None:
                return _verbs(made)
        return frozenset()
    if verb in _NO_HAPPENING or verb in SPEECH_VERBS:
        return frozenset()
    return _verbs(verb)


def _verb_of_noun(noun: str) -> str | None:
    """The news verb a happening's noun is made from ("withdrawal" -> "withdraw"), if any."""
    for ending, instead in _NOUN_ENDINGS:
        if noun.endswith(ending) and len(noun) > len(ending) + 2:
            verb = noun[: len(noun) - len(ending)] + instead
            if verb_groups(verb):
                return verb
    return None


def _negated(fact: Fact) -> bool:
    return bool(fact.predicate and fact.predicate.startswith("not "))


def _alike_doers(first: Fact, second: Fact) -> bool:
    """Whether two clauses' doers share a word (a name and its people's as one) and tell
    alike whether they are only a part. A clause without a doer (a passive: "crews are
    being evacuated") is compared by what it happened to, and only with another such."""
    if (first.subject is None) != (second.subject is None):
        return False
    mine, theirs = _doer_words(first), _doer_words(second)
    if not mine or not theirs or (mine & _PART_WORDS) != (theirs & _PART_WORDS):
        return False
    return any(_one_word(a, b) for a in mine - _PART_WORDS for b in theirs - _PART_WORDS)


@lru_cache(maxsize=8192)
def _doer_words(fact: Fact) -> frozenset[str]:
    who = _who(fact)
    return content_words(who) if who else frozenset()


def _one_word(first: str, second: str) -> bool:
    """Stems of one word, or a name and its people's ("talvania", "talvanian")."""
    if first == second:
        return True
    short, long = sorted((first, second), key=len)
    return (
        len(short) >= _SHORTEST_NAME
        and long.startswith(short)
        and long[len(short) :] in _PEOPLE_ENDINGS
    )


# Verbs that tell no happening of their own: a sentence sharing only these with the claim's
# ("... appeared to have no alarm") does not tell what the claim's does.
_NO_HAPPENING = LIGHT_PREDICATES | {"appear", "seem", "remain"}
# Kinds whose figures compare across their units (``quantity_reader.compatible`` converts).
_CONVERTED_KINDS = frozenset({"length", "area", "percent", "points", "age"})
# Figures a sentence that tells the happening without them states less than the claim: how
# far, how fast, how large ("chased him at more than 100 mph" under "for 30 miles at ...").
_MEASURES = frozenset({"length", "speed", "area"})
# Heads that tell of several without a plural ending ("men", "they", "police").
_PLURAL_HEADS = frozenset(IRREGULAR_PLURALS.values()) | word_set(
    "they them we us both all police staff crew troops personnel"
)


def carries(member: Statement, label: tuple[Statement, Fact | None]) -> bool:
    """Whether a member carries what the claim says, not only its words or who said it.
    A claim labelled by a whole sentence: a verb of that sentence's happenings (or a
    near-synonym), not only a light verb or who said it. Any claim: no figure of its
    contradicted by the member's in the same unit, no distance, speed or area of its left
    out. (A claim labelled by one clause: its verb is not asked for; on the ECB+ training
    topics asking for it cut more right pairs than wrong.)"""
    statement, fact = label
    if fact is None and not _tells_a_happening_of(member, statement):
        return False
    facts = _label_facts(label)
    if _tells_one_of_several(member, facts) or _tells_the_opposite(member, facts):
        return False
    figures = fact.quantities if fact is not None and fact.quantities else statement.quantities
    told = _figures_told_of(member, fact)
    return all(_gives(member, figure, told) for figure in figures)


def _figures_told_of(member: Statement, fact: Fact | None) -> tuple[Quantity, ...]:
    """The member's figures that may answer what the claim measures: all of them, unless
    the claim is one clause telling a happening; then not those the member tells only of
    another happening ("the day after X died, Y, 31, fell 700 metres" gives no age or
    distance of X's death)."""
    if fact is None or not fact.predicate or _verb_key(fact.predicate) in _NO_HAPPENING:
        return member.quantities
    verbs = _verbs(fact.predicate)
    other: set[Quantity] = set()
    alike: set[Quantity] = set()
    for clause in member.facts:
        if not clause.predicate or _verb_key(clause.predicate) in _NO_HAPPENING:
            continue
        same = not verbs.isdisjoint(_verbs(clause.predicate))
        (alike if same else other).update(clause.quantities)
    return tuple(
        q
        for q in member.quantities
        if q in alike or q not in other or quantity_reader.unit_kind(q.unit) != "age"
    )


def _label_facts(label: tuple[Statement, Fact | None]) -> list[Fact]:
    """What a claim says: its label's clause, or its sentence's main clauses."""
    statement, fact = label
    return [fact] if fact is not None else _main_facts(statement)


def _main_facts(statement: Statement) -> list[Fact]:
    """A sentence's facts told by its main clauses (the root, the verbs joined to it)."""
    return [
        f
        for f in statement.facts
        if f.predicate and _verb_key(f.predicate) in statement.unit.predicates
    ]


def _tells_one_of_several(member: Statement, facts: Sequence[Fact]) -> bool:
    """Whether a member tells a claim's happening of one of those the claim tells it of: the
    claim's clause has several doers ("One X and one Y have fallen", "Two men were shot"), the
    member's clause of the same verb a single one ("A Y has fallen") and no word of the others
    ("X" nowhere in it). It states only part of the claim."""
    for fact in facts:
        several = _doers(fact)
        if fact.predicate is None or several is None:
            continue
        verbs = _verbs(fact.predicate)
        alike = [
            f for f in member.facts if f.predicate and not verbs.isdisjoint(_verbs(f.predicate))
        ]
        if not alike or not all(_single(f, member) for f in alike):
            continue
        told = content_words(member.text)
        if len(several) == 1 or any(part.isdisjoint(told) for part in several):
            return True
    return False


def _who(fact: Fact) -> str | None:
    """Whom a clause tells of: its subject, or what a passive without its doer happened to
    ("two men were shot": the reader turns it around, "men" is its object)."""
    return fact.subject if fact.subject is not None else fact.object


def _doers(fact: Fact) -> list[frozenset[str]] | None:
    """Several doers a clause tells of, each as its distinguishing words: the conjuncts of a
    coordinated subject ("One X and one Y climber" -> {x}, {y, climber}), or one part for a
    counted one ("Two men"); None when it tells of one (or the reader cannot tell)."""
    who = _who(fact)
    if who is None:
        return None
    words = words_of(who)
    if " and " in f" {who} " and who not in fact.entities:  # not one name ("Smith and Sons")
        parts = [content_words(part) for part in re.split(r",|\band\b", who) if part.strip()]
        parts = [p for p in parts if p]
        if len(parts) > 1:
            return [p - frozenset().union(*(q for q in parts if q is not p)) or p for p in parts]
    if words and _count(words[0]) >= 2:
        return [frozenset()]
    return None


def _count(word: str) -> float:
    lowered = word.lower().replace(",", "")
    if lowered.isdigit():
        return float(lowered)
    return NUMBER_WORDS.get(lowered, 0)


def _single(fact: Fact, member: Statement) -> bool:
    """Whether a clause tells of one doer: a person the reader named, or a phrase whose head
    is a singular noun without a count ("British climber", not "climbers", "both", "men")."""
    who = _who(fact)
    if who is None:
        return False
    if who in member.people:
        return True
    words = words_of(who)
    if not words or " and " in f" {who} " or _count(words[0]) >= 2:
        return False
    head = words[-1].lower()
    return head not in _PLURAL_HEADS and stem(head) == head


# Verbs of opposite changes: a member telling one does not carry a claim of the other
# ("Revenue fell 3%" against "Revenue rose 3%").
OPPOSITE_VERBS = (
    (
        word_set("rise increase climb jump grow soar gain"),
        word_set("fall drop decline plunge slide lose"),
    ),
    (word_set("win"), word_set("lose")),
)


OPPOSITE_NOUNS = ((word_set("profit profits gain gains surplus"), word_set("loss losses deficit")),)


def _tells_the_opposite(member: Statement, facts: Sequence[Fact]) -> bool:
    """Whether a member tells the denial of a claim's happening ("did not concede" against
    "conceded") or its opposite change ("fell" against "rose"), and not the happening."""
    told = {f.predicate for f in member.facts if f.predicate}
    for fact in facts:
        verb = fact.predicate
        if not verb or verb in told:
            continue
        denied = verb.removeprefix("not ") if verb.startswith("not ") else f"not {verb}"
        if denied in told:
            return True
        for ups, downs in OPPOSITE_VERBS:
            for mine, other in ((ups, downs), (downs, ups)):
                if verb in mine and told & other and not told & mine:
                    return True
    for fact in facts:  # "posted a net profit" against "posted a net loss"
        said = set(words_of(f"{fact.subject or ''} {fact.object or ''}".lower()))
        same_verb = [f for f in member.facts if f.predicate == fact.predicate]
        theirs = {
            w for f in same_verb for w in words_of(f"{f.subject or ''} {f.object or ''}".lower())
        }
        for ups, downs in OPPOSITE_NOUNS:
            for mine, other in ((ups, downs), (downs, ups)):
                if said & mine and theirs & other and not theirs & mine:
                    return True
    return False


def _tells_a_happening_of(member: Statement, statement: Statement) -> bool:
    """Whether a member tells a happening a sentence tells: the verb of its main clauses (or
    a near-synonym) anywhere, or any of its happenings as the member's own main clause. A
    relative clause's verb that the member tells only in one of its own is not enough: "a man
    who was fired ... shot three people" shares "fired" with "a man ... from which he was
    fired ... was arrested" but tells no arrest; "... transported to the village and
    pronounced dead" tells "returned to the village, where he was pronounced dead". A clause
    completing a happening its object names tells it ("completed their withdrawal")."""
    main, told = _key_verbs(statement)
    if not told:
        return True  # no happening to ask for
    return (
        not main.isdisjoint(member.unit.verbs)
        or not told.isdisjoint(member.unit.predicates)
        or any(not main.isdisjoint(_happening_verbs(f)) for f in member.facts)
    )


@lru_cache(maxsize=8192)  # statements hash by identity: one is a label of many members
def _key_verbs(statement: Statement) -> tuple[frozenset[str], frozenset[str]]:
    """The verbs (with their groups) of what a sentence tells as news, and of all it tells:
    its main clauses' happenings (the root and the verbs joined to it, through a reporting
    verb to what it reports) and its clauses that tell something; else any verb of its that
    tells a happening, as both; none when it has no such verb."""
    told = [f.predicate for f in statement.facts if f.predicate]  # passives' too
    predicates = [
        p
        for p in told
        if p.removeprefix("not ") not in _NO_HAPPENING and p.split()[-1] not in SPEECH_VERBS
    ]
    if predicates:
        main = [p for p in predicates if _verb_key(p) in statement.unit.predicates]
        every = frozenset().union(*(_verbs(p) for p in predicates))
        return frozenset().union(*(_verbs(p) for p in main)) or every, every
    verbs = [
        v
        for v in statement.unit.verbs
        if not v.startswith("#") and v not in _NO_HAPPENING and v not in SPEECH_VERBS
    ]
    found = frozenset().union(*(_verbs(v) for v in verbs))
    return found, found


def _gives(member: Statement, figure: Quantity, told: Sequence[Quantity]) -> bool:
    """Whether a member gives a claim's figure as far as it can be told: not when its
    figures ``told`` of the claim's happening that measure the same way all differ ("150
    metres" for "2,000 feet"), nor when it has no distance, speed or area where the claim
    has one."""
    kind = quantity_reader.unit_kind(figure.unit)
    alike = [q for q in told if quantity_reader.unit_kind(q.unit) == kind]
    if any(quantity_reader.compatible(q, figure) for q in alike):
        return True
    if any(_one_unit(q, figure) or kind in _CONVERTED_KINDS for q in alike):
        return False
    return bool(alike) or kind not in _MEASURES or _measures(member, kind)


def _measures(member: Statement, kind: str) -> bool:
    return any(quantity_reader.unit_kind(q.unit) == kind for q in member.quantities)


@dataclass(frozen=True)
class _Staged:
    """The members of a group at the earlier stage of a happening and those at the later."""

    earlier: list[Statement]
    later: list[Statement]
    pair: tuple[frozenset[str], frozenset[str]]


def _at_one_stage(
    members: list[Statement], label: Statement
) -> tuple[list[Statement], _Staged | None]:
    """The members at one stage of the happening, and the group split by stage when some
    tell the other one. The stage told by more sources stays (on a tie the label's, else
    the later: it is the news); members that tell no stage stay too."""
    every = {m.index: _stages(m) for m in members}
    for k, pair in enumerate(STAGES):
        if not {"earlier", "later"} <= {told[k] for told in every.values()}:
            continue  # not both stages told (as in most groups): no table of them made
        stages = {index: told[k] for index, told in every.items()}
        told = {
            stage: {m.source for m in members if stages[m.index] == stage}
            for stage in ("earlier", "later")
        }
        own = _stages(label)[k] or "later"
        if len(told["earlier"]) != len(told["later"]):
            own = max(told, key=lambda stage: len(told[stage]))
        same = [m for m in members if stages[m.index] in (None, own)]
        at_own = [m for m in same if stages[m.index] == own]
        other = [m for m in members if stages[m.index] not in (None, own)]
        earlier, later = (at_own, other) if own == "earlier" else (other, at_own)
        return same, _Staged(earlier, later, pair)
    return members, None


@lru_cache(maxsize=8192)  # statements hash by identity: one is a member of many groups
def _stages(statement: Statement) -> tuple[str | None, ...]:
    """The stage of each pair of ``STAGES`` the statement tells, if any."""
    told = frozenset(word.lower() for word in words_of(statement.text))
    return tuple(stage_of(statement.text, pair, told) for pair in STAGES)


def _stage_update(
    staged: _Staged,
    about: str,
    by_id: Mapping[str, Article],
    scores: dict[tuple[int, int], float],
) -> Claim | None:
    """An update from the earlier stage to the later, unless the later stage was reported
    first (then the two tell different moments, and neither revises the other)."""
    earlier = _stage_side(staged.earlier, staged.pair[0], by_id)
    later = _stage_side(staged.later, staged.pair[1], by_id)
    if earlier is None or later is None or set(earlier.articles) & set(later.articles):
        return None
    first_told = _firm_dates(earlier.articles, by_id)
    last_told = _firm_dates(later.articles, by_id)
    if first_told and last_told and max(last_told) < min(first_told):
        return None
    if staged.pair == STAGES[0]:  # begun and completed: the happening names the update
        told = ((m.text, f) for m in (*staged.earlier, *staged.later) for f in m.facts)
        about = stage_label(told) or about
    reason = (
        f"{_names(earlier.articles, by_id)} report an earlier stage (“{earlier.value}”), "
        f"{_names(later.articles, by_id)} a later one (“{later.value}”): the later report "
        "tells what the earlier did not yet know, it does not contradict it."
    )
    sides = (earlier, later)
    confidence = _confidence([*staged.earlier, *staged.later], scores)
    return Claim(
        "", about, "conflict", reason, sides, confidence, kind="statement", difference="update"
    )


def _stage_side(
    members: Sequence[Statement], words: frozenset[str], by_id: Mapping[str, Article]
) -> Side | None:
    """One side: its members' sentences, the stage word of the first as its value."""
    ordered = sorted(members, key=lambda s: (s.number, s.article))
    if not ordered:
        return None
    first = ordered[0].text
    word = next((w for w in words_of(first) if w.lower() in words), "")
    articles = tuple(dict.fromkeys(s.article for s in ordered if s.article in by_id))
    return Side(word, first, articles, tuple(s.evidence for s in ordered))


def _firm_dates(article_ids: Sequence[str], by_id: Mapping[str, Article]) -> list[str]:
    """The publication dates of these articles that were given, not guessed."""
    given = (
        given_publication(by_id[a].published, by_id[a].published_inferred) for a in article_ids
    )
    return [date for date in given if date]


def _names(article_ids: Sequence[str], by_id: Mapping[str, Article]) -> str:
    return ", ".join(sorted(independent_sources(article_ids, by_id)))


def _supports(member: Statement, label: tuple[Statement, Fact | None], answers: Answers) -> bool:
    """A member stays when it states the label, or names someone or something the label's
    sentence names, or gives one of its figures: a fact that sentence tells besides the
    one the label says."""
    statement = label[0]
    shared_numbers = set(member.unit.numbers) & set(statement.unit.numbers)
    named = bool(member.names & statement.names)
    if not (named or shared_numbers or answers.states(member, label)):  # the cheap first
        return False
    if member.quantities and statement.quantities and _gives_another_figure(member, label):
        return False  # "15 people were rescued alive" does not agree with "11 pulled alive"
    # "Revenue fell 3%" shares the figures of "Revenue rose 3%", not its news
    return not _tells_the_opposite(member, _label_facts(label))


def _gives_another_figure(member: Statement, label: tuple[Statement, Fact | None]) -> bool:
    """A member whose own figures of the claim's happening, in the claim's unit, all differ
    from one the claim gives: a conflict or an update, not an agreement. A figure the member
    tells as an earlier report's ("more than the 1,200 it announced", "Police had earlier
    said ... four shots") is not its own: told only so, the member revises the claim."""
    statement, fact = label
    figures = fact.quantities if fact is not None and fact.quantities else statement.quantities
    told = _figures_told_of(member, fact)
    earlier = {q for q in told if revisions.told_as_earlier_in(member.evidence, q.evidence)}
    claim_earlier = all(
        revisions.told_as_earlier_in(statement.evidence, f.evidence) for f in figures
    )
    if figures and claim_earlier:
        return bool(set(told) - earlier)  # the claim's sentence tells an earlier report
    for figure in figures:
        kind = quantity_reader.unit_kind(figure.unit)
        alike = [q for q in told if quantity_reader.unit_kind(q.unit) == kind]
        own = [q for q in alike if q not in earlier]
        if alike and not own:
            return True
        if not own or any(quantity_reader.compatible(q, figure) for q in own):
            continue
        if any(_one_unit(q, figure) or kind in _CONVERTED_KINDS for q in own):
            return True
    return False


def _one_unit(first: Quantity, second: Quantity) -> bool:
    """Whether two figures count the same things: one unit, or both people counted by a
    number ("two men" and "three people" shot are two counts of the shot; "a man" is one
    person told, no count of a group that "a dozen people" could contradict)."""
    if first.unit == second.unit:
        return True
    return all(
        quantity_reader.counts_people(last_word(q.unit))
        and q.evidence.text.lower() not in quantity_reader.ONE_WORDS
        for q in (first, second)
    )


def states(member: Statement, label: tuple[Statement, Fact | None]) -> bool:
    """Whether a member tells what the label says, not only something on the same topic:
    it names the label's doer or what it acted on, or uses its verb (or a verb of its
    group); for a label that is a whole clause, it shares a word of what that clause tells."""
    statement, fact = label
    told = told_stems(member)
    if fact is None:
        return bool(told & told_stems(statement))
    if told & _named(fact.subject or "", fact.object or ""):
        return True
    return not _verbs(fact.predicate or "").isdisjoint(member.unit.verbs)


@lru_cache(maxsize=8192)
def _named(subject: str, object_: str) -> frozenset[str]:
    """The content words of a clause's doer and what it acted on."""
    return frozenset(content_words(f"{subject} {object_}"))


@lru_cache(maxsize=8192)
def _verbs(predicate: str) -> frozenset[str]:
    """A clause's verb as the units list verbs, and the groups of near-synonyms it is in."""
    verb = _verb_key(predicate)
    return frozenset({verb} | {f"#group{g}" for g in verb_groups(verb.replace("_", " "))})


def _verb_key(predicate: str) -> str:
    """A fact's predicate ("not pull out") as the units list verbs ("pull_out")."""
    return predicate.removeprefix("not ").replace(" ", "_")


@lru_cache(maxsize=8192)  # statements hash by identity: each is asked of many times
def told_stems(statement: Statement) -> frozenset[str]:
    """The stems of the words a statement tells."""
    return frozenset(_stem(word) for word in told_words(statement))


@lru_cache(maxsize=65536)  # the statements of one event share most of their words
def _stem(word: str) -> str:
    return stem(word)


def _by_centrality(group: Sequence[int], scores: dict[tuple[int, int], float]) -> list[int]:
    """The group's statements, the one most strongly linked to the others first: what the
    sources share is best said by it."""
    linked = [0.0] * len(group)  # each pair looked up once, added to both (in group order)
    score_of = scores.get
    for p, a in enumerate(group):
        for q in range(p + 1, len(group)):
            b = group[q]
            score = score_of((a, b) if a < b else (b, a), 0.0)  # ``pair_score``, inline
            linked[p] += score
            linked[q] += score
    order = sorted(range(len(group)), key=lambda p: (-linked[p], group[p]))
    return [group[p] for p in order]


# A statement fewer than two independent sources state surely, and only a few make at all,
# on links that are weak on average (:func:`_confidence` under this), is more often two
# sentences that share words than one fact told twice: claims of two reports on such links
# were one fact for 19-27% of their pairs. The cut was chosen on the two invented sets of
# tests/evaluation (factalign_invented, factalign_blind) and measured on factalign-dev and
# on the third and fourth sets (docs/benchmarks.md, "Weak agreements of few reports").
WEAK_AGREEMENT = 0.25
FEW_REPORTS = 3


def without_weak_agreements(
    claims: Iterable[Claim], articles: Sequence[Article] | Mapping[str, Article]
) -> list[Claim]:
    """``claims`` without the statements only a few sources make, none but one surely, on
    weak links; ``articles`` counts a copy as its original's source."""
    return [claim for claim in claims if not _weak_agreement(claim, articles)]


def _weak_agreement(claim: Claim, articles: Sequence[Article] | Mapping[str, Article]) -> bool:
    if claim.status != "agreed" or claim.kind != "statement":
        return False
    evidence = [e for side in claim.sides for e in side.evidence]
    cited = {e.article for e in evidence}
    surely = independent_sources(surely_citing(cited, evidence), articles)
    if len(surely) >= 2:
        return False  # two sources state it surely: an agreement, however linked
    sources = independent_sources(cited, articles)
    return len(sources) <= FEW_REPORTS and claim.confidence < WEAK_AGREEMENT


def _confidence(members: Sequence[Statement], scores: dict[tuple[int, int], float]) -> float:
    """The mean score of the links between a group's statements of different sources: a
    copy and its original are one source, never scored against each other, and two
    sentences of one report are no link."""
    pairs = [
        pair_score(scores, a.index, b.index)
        for a, b in itertools.combinations(members, 2)
        if a.source != b.source
    ]
    return round(sum(pairs) / len(pairs), 3) if pairs else 0.5


def agreement_reason(
    evidence: Sequence[Evidence], articles: Sequence[Article] | Mapping[str, Article]
) -> str:
    """ "3 independent sources state it (A, B, C)." and, when the sentences of other sources
    are cited less surely, " Less surely: D, E (...)." """
    cited = {e.article for e in evidence}
    surely = surely_citing(cited, evidence)
    return _reason(cited, surely, lambda ids: independent_sources(ids, articles))


def _reason(
    cited: set[str], surely: set[str], sources_of: Callable[[Iterable[str]], set[str]]
) -> str:
    """``agreement_reason`` of the ``cited`` articles, those that state it ``surely``, their
    independent sources told by ``sources_of``."""
    sources = sources_of(surely)
    names = ", ".join(sorted(sources))
    verb = "states" if len(sources) == 1 else "state"
    plural = "s" if len(sources) != 1 else ""
    reason = f"{len(sources)} independent source{plural} {verb} it ({names})."
    maybe = sorted(sources_of(cited - surely) - sources)
    if maybe:
        who = ", ".join(maybe)
        reason += f" Less surely: {who} (a sentence that may state it, or only something near it)."
    return reason


def _claim(
    members: Sequence[Statement],
    sure: set[int],
    about: str,
    by_id: Sources[Article],
    confidence: float,
    answers: Answers,
) -> Claim:
    ordered = sorted(members, key=lambda s: (s.number, s.article))
    article_ids = tuple(dict.fromkeys(s.article for s in ordered))
    evidence = tuple(s.evidence if s.index in sure else answers.cited_unsurely(s) for s in ordered)
    reason = answers.reason(ordered, sure, by_id)
    side = Side(value=None, display=about, articles=article_ids, evidence=evidence)
    return Claim("", about, "agreed", reason, (side,), confidence, kind="statement")


def _told_facts(statement: Statement) -> list[Fact]:
    """The clauses that tell something: not those of speech ("witnesses told police"),
    which say who told it."""
    facts = [f for f in statement.facts if f.predicate and f.subject]
    return [f for f in facts if (f.predicate or "").split()[-1] not in SPEECH_VERBS]


def _main_fact(statement: Statement) -> Fact | None:
    """The first clause that tells something, before any clause of speech ("said")."""
    facts = [f for f in statement.facts if f.predicate and f.subject]
    told = [f for f in facts if (f.predicate or "").split()[-1] not in REPORTING_VERBS]
    chosen = told or facts
    return chosen[0] if chosen else None


@lru_cache(maxsize=8192)  # statements hash by identity: one is a member of many groups
def _clause_labels(statement: Statement) -> tuple[tuple[Fact, str | None], ...]:
    """Each clause that tells something, with the label it gives (None: no clean phrase)."""
    return tuple((fact, statement_label(statement.text, fact)) for fact in _told_facts(statement))


def labelled(
    members: Sequence[Statement], answers: Answers | None = None
) -> tuple[str, tuple[Statement, Fact | None]]:
    """Who did what, in a cited sentence's own words (subject, verb as written, object),
    from the most central member that gives a clean phrase; else the shortest cited
    sentence without who said it whose clauses each have their subject. With the label,
    the statement and clause it comes from."""
    answers = answers if answers is not None else Answers()
    best: tuple[int, str, tuple[Statement, Fact | None]] | None = None
    for statement in members:
        for fact, found in _clause_labels(statement):
            if found is None:
                continue
            label = (statement, fact)
            support = sum(1 for m in members if m is statement or answers.states(m, label))
            if best is None or support > best[0]:
                best = (support, found, label)
    if best is not None:
        chosen, clause = best[2]
        if clause is not None and answers.complete_label(chosen, clause) is None:
            # the phrase stops before what its verb goes on to say: shown as the sentence,
            # while the clause still decides which members state it
            return _whole_label(chosen), best[2]
        return best[1], best[2]
    whole = [m for m in members if _parses_whole(m)] or members  # not a source's slip
    shortest = min(whole, key=lambda s: (len(s.text), s.index))
    return _whole_label(shortest), (shortest, None)


@lru_cache(maxsize=8192)  # statements hash by identity: one is a member of many groups
def _parses_whole(statement: Statement) -> bool:
    return parses_whole(statement.text)


@lru_cache(maxsize=8192)
def _whole_label(statement: Statement) -> str:
    """A sentence as a label, when no clause of the group gives a clean phrase."""
    return clause_label(statement.text)


def name_of(article: Article) -> str:
    return source_name(article)
