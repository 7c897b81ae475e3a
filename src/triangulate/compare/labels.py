"""Labels a journalist would write for a claim: a short plain phrase saying what it is about.

Built from the fact the claim lines up (its predicate and slots) and the words the sources
wrote, never from a window of nearby words: "Number of residents who fled",
"How far Duncan fell", "Age of A. Smith", "When the talks began", "Years of the war".
No value code ever appears in a label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from triangulate.core.dates import CALENDAR_WORDS, WEEKDAY_NAMES
from triangulate.core.words import (
    NUMBER_WORDS,
    PERSON_NOUNS,
    REPORTING_VERBS,
    SPEECH_VERBS,
    WORD,
    compiled_pattern,
    irregular_forms,
    last_word,
    past_forms,
    tells_of_no_one,
    verb_groups,
    whole_word_starts,
    word_set,
)
from triangulate.models import Evidence, Fact, Quantity, TimeExpression
from triangulate.readers import quantities as quantity_reader

LABEL_WORDS = 12
# Words that may stand between a figure and its counted noun ("1,400-strong rescue team").
NOUN_PHRASE_STOP = re.compile(
    r"^(?:of|in|on|at|by|for|from|with|to|and|or|who|that|which|were|was|are|is|had|have|has|"
    r"over|against|between|across|during|after|before|under|into|through|near|about|"
    r"since|until|amid|around|as|within|without|towards?|along|beyond|per|but|while|when|"
    r"where|because|will|would|said|says|,|\.|;|:)$",
    re.IGNORECASE,
)
SIZE_HEDGES = frozenset({"-strong"})
SHARE_UNITS = frozenset({"percent", "percentage points"})  # the units of a share
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that"})
PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you", "this", "that", "which"})
LIGHT_PREDICATES = frozenset({"be", "have", "do", "get", "become"})


def sentence_case(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def clipped(text: str, words: int = LABEL_WORDS) -> str:
    parts = text.split()
    short = " ".join(parts[:words]).rstrip(",;:")
    return sentence_case(short) + ("…" if len(parts) > words else "")


def surface_verb(sentence: str, predicate: str | None) -> str:
    """The predicate as the sentence writes it: "fled" for "flee", "pulled out" for "pull out"."""
    if not predicate:
        return ""
    negated = predicate.startswith("not ")
    words = predicate.removeprefix("not ").split()
    lemma, particle = words[0], " ".join(words[1:])
    if negated:
        written = NEGATION.search(sentence)
        if written and _inflects(written.group("verb").lower(), lemma):
            aux, verb = written.group("aux").lower(), written.group("verb").lower()
            return f"{aux} not {verb} {particle}".strip()
    for word in WORD.findall(sentence):
        lowered = word.lower()
        if _inflects(lowered, lemma):
            found = f"{lowered} {particle}".strip()
            # "made no arrests": its "no" denies it, the verb is written as it stands
            return f"not {found}" if negated and not tells_of_no_one(sentence) else found
    return predicate


# "did not intervene", "has not fulfilled", "didn't say": the auxiliary a negation needs
NEGATION = re.compile(
    r"\b(?P<aux>do|does|did|has|have|had|is|are|was|were|will|would|could|can|should)"
    r"(?:\s+not|n['’]t)\s+(?:\w+ly\s+)?(?P<verb>[a-z]+)",
    re.IGNORECASE,
)


def _inflects(word: str, lemma: str) -> bool:
    if word == lemma or word in irregular_forms(lemma):
        return True
    regular = {lemma + "s", lemma + "d", lemma + "ed", lemma + "ing", lemma[:-1] + "ing"}
    if word in regular or word in {lemma[:-1] + "ied", lemma[:-1] + "ies"}:
        return True  # "died", "dies", "dying" is irregular enough to be left out
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return len(stem) >= 3 and word.startswith(stem) and len(word) - len(stem) <= 3


def counted_phrase(sentence_text: str, sentence_start: int, quantity: Quantity) -> str:
    """The counted noun phrase as written: from after the figure up to its counted noun."""
    after = sentence_text[quantity.evidence.end - sentence_start :]
    words = WORD.findall(after.replace("-strong", " ").replace("-odd", " "))
    head = quantity.unit.split()[-1].lower() if quantity.unit else ""
    phrase: list[str] = []
    for word in words[:6]:
        if NOUN_PHRASE_STOP.match(word):
            break
        phrase.append(word)
        if head and word.lower().startswith(head[: max(3, len(head) - 2)]):
            return " ".join(phrase)
    return quantity.unit


IRREGULAR_PLURALS = {
    "man": "men", "woman": "women", "person": "people", "child": "children",
    "policeman": "policemen", "policewoman": "policewomen", "foot": "feet",
}  # fmt: skip


# Words ending in "man" that are no compound of it ("Germans", "humans")
NOT_MAN_COMPOUNDS = word_set("german roman ottoman human shaman caiman talisman")


def plural_phrase(phrase: str) -> str:
    """ "English climber" -> "English climbers": the phrase with its last word plural."""
    *before, last = phrase.split()
    lower = last.lower()
    demonym = last[:1].isupper()
    if lower in IRREGULAR_PLURALS:
        plural = IRREGULAR_PLURALS[lower]
    elif demonym and lower.endswith(("ese", "ss")):
        plural = last  # "Japanese", "Swiss" are their own plural
    elif demonym and lower.endswith(("ish", "ch", "sh")):
        plural = last + " people"  # "French", "Irish" name no one alone
    elif lower.endswith("man") and lower not in NOT_MAN_COMPOUNDS:
        plural = last[:-3] + "men"  # "Englishman", "gunman", "spokeswoman"
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    elif lower.endswith("y") and lower[-2:-1] not in set("aeiou"):
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return " ".join([*before, plural])


# A death toll named further back than the quantity reader's window, and the level it
# reached right before the figure ("The death toll from this week's flood in the river
# town of Marrowby has risen to seven").
TOLL_NAMED = re.compile(r"\b(?:death|casualty|fatality)\s+toll\b", re.I)
LEVEL_BEFORE = re.compile(
    r"\b(?:to|at|reached|hit)\s+(?:(?:at\s+least|about|around|nearly|almost|some)\s+)?$", re.I
)


def _toll_level(before: str) -> bool:
    return bool(TOLL_NAMED.search(before) and LEVEL_BEFORE.search(before))


# People counted by their state alone ("ten dead and about 50 hurt", "the 80 wounded", a
# headline's "2 Dead, 1 Wounded"): a count of people, of the happening the state is of (the
# verb), labelled as such a count told with its noun is ("Number of people injured")
STATE_COUNTS = quantity_reader.STATE_HARMS
STATE_PARTICIPLES = {"kill": "killed", "injure": "injured", "arrest": "arrested"}
STATE_LABELS = {state: f"Number of people {told}" for state, told in STATE_PARTICIPLES.items()}
PEOPLE_WORDS = frozenset({"", "people", "persons", "others"})
OTHER_BEFORE = re.compile(r"^other\s+", re.I)
# A number that is no total of those harmed: the whole of a part ("three of the 40 were
# injured", "nobody among the 12 was hurt"), or those spared ("all but 3 were killed",
# "none of the 40", "not one of the 12")
NO_TOTAL_BEFORE = re.compile(
    r"(?:\b(?:of|among)(?:\s+(?:the|those|these|them|its|their))?|\bnone|\bnot\s+one|\bnobody"
    r"|\bno[\s-]*(?:one)?|\ball\s+but)\s*$",
    re.I,
)


def harm_counted(
    sentence_text: str, sentence_start: int, value: Evidence, unit: str, inferred: str | None
) -> str | None:
    """What befell the people a count (``value``, of ``unit``) counts, told in its sentence
    (:func:`casualty_counted`), else ``inferred``, its reader's inference
    (``Quantity.harm_inferred``: "A man was shot Sunday" in a report telling no death)."""
    told = casualty_counted(sentence_text, sentence_start, value, unit)
    return told or inferred


def casualty_counted(
    sentence_text: str, sentence_start: int, value: Evidence, unit: str
) -> str | None:
    """The happening a count of people told by what befell them alone is of: "kill",
    "injure" or "arrest" ("about 50 hurt", "the 80 wounded", "killing 12", "50 were injured",
    "Twelve died", "two men were arrested"), else None. Only a count told by its number, by
    "a", "his" and the like, or by a name ("Tam Vell was arrested"): "a few injured", "dozens
    injured" tell some of them, no total; "no one was hurt" tells none."""
    start, end = value.start - sentence_start, value.end - sentence_start
    if not 0 <= start <= end <= len(sentence_text):
        return None
    if quantity_reader.written_as_a_name(value.text, unit):
        return quantity_reader.harm_of_named(sentence_text, start, end)  # "Tam Vell was arrested"
    if quantity_reader.told_bare(value.text, unit):
        return quantity_reader.harm_of_headline_one(sentence_text, start, end)  # "Man, 28, killed"
    if quantity_reader.told_by_an_ordinal(value.text, unit):  # "A second man was arrested"
        return quantity_reader.harm_of_the_nth(sentence_text, start, end)
    if quantity_reader.told_joined(value.text, unit):  # "A man and a woman were killed"
        return quantity_reader.harm_of_joined(sentence_text, start, end)
    if quantity_reader.tells_one_more(value.text):  # "one was killed and another wounded"
        return quantity_reader.harm_of_another(sentence_text, start, end)
    number = last_word(value.text)
    if not (
        any(c.isdigit() for c in number)
        or number in NUMBER_WORDS
        or number in quantity_reader.ONE_WORDS
        or number == quantity_reader.BOTH_WORD
    ):
        return None  # "a", "an", "his": one person harmed (``quantities.ONE_PERSON``)
    before_value = sentence_text[max(0, start - 30) : start]
    if quantity_reader.SUPPOSED_BEFORE.search(before_value):
        return None  # a case supposed ("if two men are arrested")
    if (
        number in quantity_reader.ONE_WORDS
        and quantity_reader.body_found(sentence_text, start, end)
        and quantity_reader.counts_people(last_word(unit))
    ):
        # "recovered the body of a woman": one dead; not "the bodies of 12 migrants", the
        # bodies found so far, which may be fewer than the dead
        return "kill"
    if NO_TOTAL_BEFORE.search(before_value):
        # "the family of a man who drowned", "relatives of three miners who were killed":
        # theirs, though "of" is before them; not "three of the 40 were injured"
        return quantity_reader.harm_told_after_who(sentence_text, end, last_word(unit))
    counted = last_word(unit)
    if counted in STATE_COUNTS:
        return STATE_COUNTS[counted]
    if quantity_reader.unit_kind(unit) != "count":
        return None
    after = quantity_reader.CASUALTY_AFTER.match(sentence_text, end)
    if after is not None and (
        quantity_reader.died_of_illness_or_age(sentence_text, after)
        or quantity_reader.ill_not_hurt(sentence_text, after)
    ):
        return None  # "12 died of natural causes", "two are in critical condition with flu"
    if after is not None and counted in ("", (after.group("word") or "").lower()):
        return quantity_reader.harm_of(after)  # "50 were injured", "12 died", "3 were fatally shot"
    if not counted and quantity_reader.told_fatally(sentence_text, start, end):
        return "kill"  # "shot three people, one fatally"
    if not counted:  # "killing 12 and injuring 80", "Three in custody after pursuit"
        return quantity_reader.harm_verb_before(
            sentence_text, start
        ) or quantity_reader.harm_of_headline_count(sentence_text, start, end)
    if not quantity_reader.counts_people(counted):
        return None
    if quantity_reader.joined_to_a_person(sentence_text, start):
        return None  # "two women and one man died": the man is one of the dead
    if quantity_reader.told_in_passing(sentence_text, start, number):
        return quantity_reader.harm_verb_before(
            sentence_text, start
        )  # "a man who killed his wife was arrested"
    # "Two men were shot and killed", "..., killing one man"
    found = quantity_reader.harmed_after_noun(sentence_text, start, end, counted)
    return found or quantity_reader.harm_verb_before(sentence_text, start)


def _harm_label(state: str, sentence_text: str, sentence_start: int, quantity: Quantity) -> str:
    """ "Number of people killed", or of the people the count names ("Seven Russian soldiers
    were killed": "Number of Russian soldiers killed"); one told by "a man": of people. A
    tally over a span says its span ("Two people have drowned at the beach in less than three
    weeks": "Number of people killed in less than three weeks"): a count of several happenings
    neither agrees nor conflicts with one happening's."""
    label = _count_of_the_harmed(state, sentence_text, sentence_start, quantity)
    if quantity.value <= 1:
        return label  # "police have arrested a man in the death earlier this month": one
    start, end = quantity.evidence.start - sentence_start, quantity.evidence.end - sentence_start
    span = quantity_reader.tally_span(sentence_text, start, end)
    return clipped(f"{label} {span}") if span else label


def _count_of_the_harmed(
    state: str, sentence_text: str, sentence_start: int, quantity: Quantity
) -> str:
    counted = last_word(quantity.unit)
    if (
        counted in STATE_COUNTS
        or counted in PERSON_NOUNS
        or counted in quantity_reader.SEX_NOUNS  # "a 58-year-old male"
        or counted in PEOPLE_WORDS
    ):
        return STATE_LABELS[state]  # "one man", "a woman", "two others": of people
    # "two other teens were wounded" after a death: the others are all the injured
    noun = OTHER_BEFORE.sub("", counted_phrase(sentence_text, sentence_start, quantity))
    return clipped(f"Number of {noun} {STATE_PARTICIPLES[state]}") if noun else STATE_LABELS[state]


def _crime_charged(sentence_text: str, sentence_start: int, quantity: Quantity) -> str:
    """ "Counts of murder" for "two counts of murder": the crime counts of charges are of."""
    if quantity.unit.lower() not in CHARGE_UNITS:
        return ""
    found = CRIME_AFTER.match(sentence_text, quantity.evidence.end - sentence_start)
    if found is None:
        return ""
    noun = "Charges" if found.group("noun").lower().startswith("charge") else "Counts"
    return clipped(f"{noun} of {crime_named(found)}")


def crime_named(found: re.Match[str]) -> str:
    """The crime of a ``CRIME_AFTER`` match as written, its hyphens closed up ("first -
    degree murder": "first-degree murder")."""
    return re.sub(r"\s*-\s*", "-", " ".join(found.group("crime").split()))


def _end_of_a_pair(sentence_text: str, phrase: str) -> bool:
    """Whether a clause's object is a number written as the end of a pair ("ruled 6-3":
    "3"), a tally's or a score's, not a thing."""
    if not phrase.strip().isdigit():
        return False
    return bool(re.search(rf"\d\s*[-–—]\s*{re.escape(phrase.strip())}\b", sentence_text))


# A preposition right before a count in a clause's object (hedged maybe): the things counted
# are where or by whom it was done, not what was done to ("killed by gunfire within three
# blocks", "shot by two officers", "arrested in two states"); not a hedge ("over 20 people")
IN_A_PHRASE_BEFORE = re.compile(
    r"\b(?:within|in|at|on|from|across|near|after|before|during|for|into|through|between"
    r"|among|since|by|with)\s+(?:(?:about|nearly|almost|some|roughly|more\s+than|less\s+than"
    r"|at\s+least)\s+)?$",
    re.IGNORECASE,
)


# A count of votes that is a vote's margin: "by a margin of 142 votes", "the 112-vote
# margin" (before it: ``quantities.MARGIN_BEFORE``)
VOTE_MARGIN_AFTER = re.compile(r"\s*-?\s*votes?\s+margin\b", re.IGNORECASE)


def vote_margin(before: str, after: str, unit: str) -> bool:
    """Whether a count of ``unit`` with ``before`` and ``after`` it in its sentence is a
    vote's margin."""
    if last_word(unit) not in ("vote", "votes"):
        return False
    return bool(quantity_reader.MARGIN_BEFORE.search(before) or VOTE_MARGIN_AFTER.match(after))


def figure_label(
    sentence_text: str, sentence_start: int, quantity: Quantity, fact: Fact | None
) -> str:
    """ "Number of residents who fled", "Size of the rescue team", "Age of X"."""
    if quantity_reader.unit_kind(quantity.unit) == "speed":
        return "Speed"  # "up to 120 mph": a speed counts nothing
    if quantity.unit == quantity_reader.MAGNITUDE_UNIT:
        return "Magnitude"  # "a magnitude 6.4 earthquake": a magnitude counts nothing either
    crime = _crime_charged(sentence_text, sentence_start, quantity)
    if crime:
        return crime  # "Counts of attempted murder"
    if quantity.unit == quantity_reader.STORM_CATEGORY:
        return "Storm category"  # "a Category 3 storm": a category counts nothing
    if quantity.unit in quantity_reader.TALLY_UNITS:  # a side of a vote's tally
        return _tally_label(quantity.unit)
    start = quantity.evidence.start - sentence_start
    before = sentence_text[max(0, start - 120) : start]
    if vote_margin(before, sentence_text[quantity.evidence.end - sentence_start :], quantity.unit):
        return "Vote margin"
    if quantity_reader.TOLL_BEFORE.search(before) or _toll_level(before):
        return "Death toll"  # "the death toll rose to 14": not "Number of people rose"
    movement = _movement_label(sentence_text, sentence_start, quantity, fact)
    if movement:
        return movement
    if quantity.unit in SHARE_UNITS and APPOSED_MOVE.search(before):
        measure = _sum_before(before)
        if measure:  # "revenue of $4.2 billion, up 8 percent from a year earlier"
            return clipped(f"Change in {measure}")
    state = STATE_COUNTS.get(last_word(quantity.unit)) or harm_counted(
        sentence_text, sentence_start, quantity.evidence, quantity.unit, quantity.harm_inferred
    )  # "a few injured" is about the injured too, though it counts none of them
    if state is not None:  # "Ten dead and 50 hurt", "50 were injured": not "Figure"
        return _harm_label(state, sentence_text, sentence_start, quantity)
    noun = counted_phrase(sentence_text, sentence_start, quantity)
    counting = quantity_reader.unit_kind(quantity.unit) == "count"
    after_value = sentence_text[quantity.evidence.end - sentence_start :]
    if counting:
        noun = _counted_noun(noun, after_value, quantity)
    if not noun and counting:
        people_done = _headline_count_of_people(sentence_text, sentence_start, quantity)
        if people_done:
            return f"Number of people {people_done}"  # "Two charged in store robbery"
        # a bare number whose thing counted the sentence does not write: what its clause says
        phrase = _verb_phrase(sentence_text, fact)
        return clipped(f"Figure ({phrase})") if phrase else "Figure"
    if quantity.hedge in SIZE_HEDGES:
        return clipped(f"Size of the {noun}")
    if quantity.unit in SHARE_UNITS:
        return _share_label(sentence_text, sentence_start, quantity, fact)
    if quantity_reader.unit_kind(quantity.unit).startswith("money:"):
        subject = fact.subject if fact is not None else None
        measure = sum_measure(sentence_text, sentence_start, quantity.evidence, subject)
        if measure and measure != BILL_SIZE:  # a bill's is labelled by the bill it sizes
            return measure.capitalize()
        thing = sized_thing(sentence_text, sentence_start, quantity.evidence, fact)
        return clipped(f"Amount of the {thing}") if thing else _sum_label(sentence_text, fact)
    if counting and JOINED_NOUN.match(after_value):
        return clipped(f"Number of {noun}")  # "a 90-seat council": the clause is the council's
    before = sentence_text[: max(0, quantity.evidence.start - sentence_start)]
    if counting and ONE_OF_BEFORE.search(before):
        # "one of the two candidates is given ...": the clause tells what the one does, the
        # figure only how many there are
        return clipped(f"Number of {noun}")
    other = _other_verb_before(before, fact, _beside_a_figure)
    if other is not None and counting:  # "suspected of shooting three people": "... people shot"
        return clipped(f"Number of {noun} {other[1]}")
    verb = _verb_with_auxiliaries(sentence_text, fact)
    if fact is not None and (fact.predicate or "").startswith("not "):
        # "the two fires were not related": what is denied of the things is no kind of them
        return clipped(f"Number of {noun}")
    if fact is not None and _says_nothing_of_them(fact.predicate or "", verb):
        return clipped(f"Number of {noun}")  # "are eligible", "has 90 seats", "said five ..."
    written = quantity.evidence.text
    if fact is not None and verb and fact.subject and written in fact.subject:
        done = _done_by_them(verb, sentence_text, quantity.evidence.start - sentence_start)
        if " " not in done and done.endswith("ing"):
            return clipped(f"Number of {noun} {done}")  # "15 are missing": no "who missing"
        if _headline_passive(sentence_text, quantity.evidence.end - sentence_start, done):
            return clipped(f"Number of {noun} {done}")  # "2 men shot in ...": shot, no shooters
        if _dangling(f"they {done}", True):
            # "12 others managed (to escape)": the verb with its infinitive, or no verb
            going_on = compiled_pattern(rf"\b{re.escape(done)}(\s+to\s+[a-z]+)\b").search(
                sentence_text, quantity.evidence.end - sentence_start
            )
            if going_on is None or _dangling(f"they {done}{going_on.group(1)}", True):
                return clipped(f"Number of {noun}")
            done += going_on.group(1)
        return clipped(f"Number of {noun} {_relative_pronoun(noun)} {done}")
    # a count in a phrase of the object ("killed ... within three blocks") is not done to
    if (
        fact is not None
        and verb
        and fact.object
        and written in fact.object
        and not IN_A_PHRASE_BEFORE.search(before)
    ):
        done = _done_to_them(_participle(verb))  # "rounds found", not "were found"
        return clipped(f"Number of {noun} {done}" if done else f"Number of {noun}")
    return clipped(f"Number of {noun}")


# What a share is of, at the end of its clause's object: "52% of the vote", "a third of its staff"
SHARE_OF = re.compile(r"\bof\s+(?P<whole>(?:the|its|their|his|her)\s+[a-z]+(?:\s+[a-z]+)?)$")
# The whole written right after a share: "(75 percent) of the state's territory"
SHARE_OF_A_WHOLE = re.compile(
    r"\s+of\s+(?P<whole>(?:the|its|their|his|her)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}?)"
    r"(?=\s*(?:[,.;:!?)]|$|\s+(?:in|on|at|by|after|since|from|last|this|and|but|while)\b))"
)
# A share's whole written in its subject: "61% of voters", "half of the residents"
SHARE_OF_WHOLE = re.compile(r"\bof\s+(?:the\s+|its\s+|their\s+)?(?P<whole>[a-z]+(?:\s+[a-z]+)?)$")
# What may follow a share that is the whole figure: not a noun it qualifies ("a 9% fall")
SHARE_ALONE = re.compile(
    r"\s*(?:[,.;:)]|$|(?:of|on|in|at|by|after|according|as|from|last|this|to|while|and|but)\b)"
)
# Verbs by which a share is told, not taken: "a poll showed 21%", "officials put it at 40%"
SHARE_TELLING = REPORTING_VERBS | word_set("show find suggest indicate put estimate see get have")
# Verbs that only say where a share stands: "Turnout was 38%", "support stood at 40%"
SHARE_LEVEL_VERBS = word_set("be stand remain reach hit come")


# Counts of charges and the crime they are of: "two counts of (attempted) murder", "three
# charges of robbery"; words up to a preposition, a conjunction or the clause's end
CHARGE_UNITS = frozenset({"counts", "count", "charges", "charge"})
_NOT_OF_A_CRIME = (
    r"(?:and|in|on|at|for|after|against|with|from|over|or|by|of|a|an|the|to|that|which|who|"
    r"involving|including|while|during|stemming|related|connected|as)\b"
)
CRIME_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?P<noun>counts?|charges?)\s+of\s+"
    rf"(?P<crime>(?!{_NOT_OF_A_CRIME})[a-z]+(?:(?:\s*-\s*|\s+)(?!{_NOT_OF_A_CRIME})[a-z]+){{0,2}})"
    r"(?![\w-])",
    re.I,
)
# A share's holder named right after it: "44 percent for Orrin Pell", "to 44% for Pell"
SHARE_FOR = re.compile(
    r"\s*(?:of\s+the\s+(?:vote|votes|ballots)\s+)?for\s+(?P<name>[A-Z][\w'\u2019-]+"
    r"(?:\s+[A-Z][\w'\u2019-]+)*(?:\s+\d+[A-Z]?\b)?)"
)  # "58 percent for Proposition 12" too
# A share of the ballots counted so far: "with 90 percent of votes counted"
COUNTED_SHARE = re.compile(
    r"\s+of\s+(?:the\s+|all\s+)?(?:votes?|ballots|precincts|polling\s+stations)\s+"
    r"(?:counted|reporting|reported|tallied|in|processed|cast\s+counted)\b",
    re.I,
)
VOTE_WHOLE = re.compile(r"\bvot(?:e|es|ers)\b|\bballots\b", re.I)
# "won with 53 percent of the vote": the share a doer's verb comes by, and its whole
WITH_BEFORE = re.compile(r"\bwith\s+(?:about\s+|nearly\s+|almost\s+|some\s+|just\s+)?$", re.I)
SHARE_WITH_WHOLE = re.compile(r"\s+of\s+(?P<whole>the\s+(?:vote|votes|ballots))\b")
# A participle right after a share, ending its clause: "15 percent contained", "80% built"
SHARE_DONE_AFTER = re.compile(
    r"\s+(?P<done>[a-z]+(?:ed|en)|built|done|spent)\b"
    r"(?=\s*(?:[,.;]|$|(?:and|on|in|at|by|as|after|since|until|so)\b))"
)


# A move set after a figure by a comma: "$4.2 billion, up 8 percent"
APPOSED_MOVE = re.compile(
    r",\s*(?:up|down)\s+(?:by\s+)?(?:(?:about|nearly|almost|some|more\s+than)\s+)?$", re.I
)


def _sum_before(before: str) -> str:
    """The last measure of a sum written before a move set after it ("reported revenue of
    $4.2 billion, up 8%": "revenue"), the measure in its one word."""
    words = [w.lower() for w in WORD.findall(before)]
    found = next((w for w in reversed(words) if w in SUM_MEASURES), "")
    return ONE_MEASURE.get(found, found)


# What is between a side of a tally and the share told beside it: "9,120 votes, or 61.0
# percent", "9,455 votes (61.4%)"
SHARE_BESIDE_VOTES = re.compile(r"\s+votes?(?:,\s+or\s+|\s*\(\s*)$", re.IGNORECASE)


def _tally_label(side: str) -> str:
    return "Votes in favour" if side == quantity_reader.TALLY_FOR else "Votes against"


def votes_end_before_share(before: str, share_start: int) -> int | None:
    """Where the count of votes a share is told right after ends ("9,455 votes (61.4%)",
    "9,120 votes, or 61.0 percent"), in the offsets of the share's text (``before``: the
    text before the share, from its sentence's start); None when it follows no such count."""
    beside = SHARE_BESIDE_VOTES.search(before)
    return None if beside is None else share_start - (len(before) - beside.start())


def _tally_side_before(
    sentence_text: str, sentence_start: int, quantity: Quantity, fact: Fact | None
) -> str | None:
    """The side of a vote's tally (its unit) a share is told right after, else None."""
    if fact is None:
        return None
    before = sentence_text[: quantity.evidence.start - sentence_start]
    end = votes_end_before_share(before, quantity.evidence.start)
    sides = [q.unit for q in fact.quantities if q.evidence.end == end]
    return next((unit for unit in sides if unit in quantity_reader.TALLY_UNITS), None)


def _share_label(
    sentence_text: str, sentence_start: int, quantity: Quantity, fact: Fact | None
) -> str:
    """ "Turnout" for "Turnout was 38%", "Share of the vote won by Tamsin Vale" for "Tamsin
    Vale won 52% of the vote", "Share of voters who back the bill" for "61% of voters back
    the bill": the thing that stands at a share, what the share is of and who took it, or
    the whole a share of does something; else what the clause says ("Share (a poll
    found)")."""
    held = _share_for(sentence_text, sentence_start, quantity)
    if held:
        return clipped(held)
    side = _tally_side_before(sentence_text, sentence_start, quantity, fact)
    if side:  # "9,455 votes (61.4%) for": the share of that side
        return f"Share of {_tally_label(side).lower()}"
    if fact is not None and fact.predicate:
        found = (
            _share_with(sentence_text, sentence_start, quantity, fact)
            or _share_of_doers(sentence_text, quantity, fact)
            or _share_taken(sentence_text, sentence_start, quantity, fact)
            or _share_done(sentence_text, sentence_start, quantity, fact)
            or _share_acted_on(sentence_text, sentence_start, quantity, fact)
        )
        if found:
            return clipped(found)
    measured = MEASURE_OF_A_SHARE.search(
        sentence_text[: max(0, quantity.evidence.start - sentence_start)]
    )
    if measured:  # "a blood alcohol level of 0.41%", "the legal limit of 0.08 percent"
        return clipped(sentence_case(" ".join(measured.group("measure").split())))
    return clipped(f"Share ({_verb_phrase(sentence_text, fact) or 'percent'})")


# A measure a share is the value of, named right before it: "a blood alcohol level of",
# "the state's legal limit of", "an unemployment rate of"
MEASURE_OF_A_SHARE = re.compile(
    r"\b(?:a|an|the|its|their|his|her)\s+(?P<measure>(?:[\w'’-]+\s+){0,3}(?:level|rate|limit"
    r"|share|turnout|margin|ratio|yield|stake|majority|approval|support|threshold|content"
    r"|concentration|discount|tariff|tax|interest))\s+of\s+(?:(?:about|around|nearly|almost"
    r"|some|roughly|approximately|over|more\s+than|less\s+than|just\s+(?:over|under))\s+)?$",
    re.IGNORECASE,
)


def _share_acted_on(sentence_text: str, sentence_start: int, quantity: Quantity, fact: Fact) -> str:
    """ "Share of the territory that the army took control of" for "The army took control of
    about 75 percent of the territory": the whole a share is of, and the clause that acts on
    that share, its doer named."""
    whole = SHARE_OF_A_WHOLE.match(sentence_text, quantity.evidence.end - sentence_start)
    doer = doer_of(sentence_text, fact)
    if whole is None or not doer or doer.split()[-1].lower() in PRONOUNS:
        return ""
    verb = _verb_span(sentence_text, fact.predicate or "", 0)
    start = quantity.evidence.start - sentence_start
    if verb is None or verb[1] > start:
        return ""
    between = sentence_text[verb[1] : start].split()
    if len(between) > 3 or re.search(r"[,;:()]", sentence_text[verb[1] : start]):
        return ""  # the share is no part of the verb's own phrase
    acted = " ".join([" ".join(sentence_text[verb[0] : verb[1]].split()), *between])
    return f"Share of {whole.group('whole')} that {doer} {acted}"


def _share_of_doers(sentence_text: str, quantity: Quantity, fact: Fact) -> str:
    """ "Share of voters who back the bill", "Share of workers laid off": a share written in
    its clause's subject (or a passive clause's object) with the whole it is of."""
    assert fact.predicate is not None
    written = quantity.evidence.text.lower()
    holder = fact.subject or fact.object or ""
    whole = SHARE_OF_WHOLE.search(holder.lower())
    if written not in holder.lower() or whole is None:
        return ""
    counted = whole.group("whole")
    verb = surface_verb(sentence_text, fact.predicate)
    if fact.subject is None:  # "40% of the workers were laid off"
        done = _done_to_them(verb)
        return f"Share of {counted} {done}" if done else ""
    if fact.predicate.split()[0] in SHARE_LEVEL_VERBS:
        return ""
    obj = _object_as_written(sentence_text, fact.object) if fact.object else ""
    told = " ".join(p for p in (verb, obj) if p)
    return f"Share of {counted} {_relative_pronoun(counted)} {told}"


def _share_taken(sentence_text: str, sentence_start: int, quantity: Quantity, fact: Fact) -> str:
    """ "Turnout" ("Turnout was 38%"), "Share of the vote won by Tamsin Vale": a share its
    clause's doer stands at or takes."""
    assert fact.predicate is not None
    doer = doer_of(sentence_text, fact) or _named_by_surname(sentence_text, fact)
    written = quantity.evidence.text.lower()
    if not doer or doer.split()[-1].lower() in PRONOUNS or re.search(r"\d", doer):
        return ""
    end = quantity.evidence.end - sentence_start
    if not SHARE_ALONE.match(sentence_text, end):
        return ""  # "a 9% fall", "43 percent black": the share of something else
    lemma = fact.predicate.split()[0]
    if not fact.object or written not in fact.object.lower():
        return ""  # "markets were lower, with the index down 3%": the index's share
    of = SHARE_OF.search(fact.object)  # the whole as far as the clause's object goes
    if lemma in SHARE_LEVEL_VERBS:
        return "" if of else _common_noun_lowered(doer, sentence_text, fact)
    if lemma in SHARE_TELLING or not _object_opens_with(fact.object, written):
        return ""  # "a poll showed 21%": told, not taken; "passed with 61%": no object
    done = _done_to_them(surface_verb(sentence_text, fact.predicate))
    share = f"Share of {of.group('whole')}" if of else "Share"
    return f"{share} {done} by {doer}" if done else ""


def _share_for(sentence_text: str, sentence_start: int, quantity: Quantity) -> str:
    """ "Share of the vote for Orrin Pell" for "... to 44 percent for Orrin Pell": a share
    whose holder is named right after it."""
    after = sentence_text[quantity.evidence.end - sentence_start :]
    found = SHARE_FOR.match(after)
    if found is None:
        return ""
    whole = "the vote" if VOTE_WHOLE.search(sentence_text) else ""
    return (
        f"Share of {whole} for {found.group('name')}"
        if whole
        else f"Share for {found.group('name')}"
    )


def _share_with(sentence_text: str, sentence_start: int, quantity: Quantity, fact: Fact) -> str:
    """ "Share of the vote won by Tamsin Vale" for "Tamsin Vale won the race with 53 percent
    of the vote": a share the doer's verb comes by, written after "with"."""
    assert fact.predicate is not None
    start = quantity.evidence.start - sentence_start
    after = sentence_text[quantity.evidence.end - sentence_start :]
    whole = SHARE_WITH_WHOLE.match(after)
    if whole is None or not WITH_BEFORE.search(sentence_text[max(0, start - 12) : start]):
        return ""
    doer = doer_of(sentence_text, fact) or _named_by_surname(sentence_text, fact)
    if not doer or doer.split()[-1].lower() in PRONOUNS or re.search(r"\d", doer):
        return ""
    done = _done_to_them(surface_verb(sentence_text, fact.predicate))
    return f"Share of {whole.group('whole')} {done} by {doer}" if done else ""


def _share_done(sentence_text: str, sentence_start: int, quantity: Quantity, fact: Fact) -> str:
    """ "Share of the fire contained" for "the fire was 15 percent contained": how much of
    the clause's subject a participle after the share is done to."""
    after = SHARE_DONE_AFTER.match(sentence_text, quantity.evidence.end - sentence_start)
    subject = fact.subject or ""
    if after is None or not fact.predicate or fact.predicate.split()[0] != "be":
        return ""
    if not subject or re.search(r"\d", subject) or subject.split()[-1].lower() in PRONOUNS:
        return ""
    whole = _common_noun_lowered(subject, sentence_text, fact)
    if whole.split()[0].lower() not in DETERMINERS:
        whole = f"the {whole}"
    return f"Share of {whole} {after.group('done')}"


def _object_opens_with(phrase: str, written: str) -> bool:
    """Whether a clause's object is the share itself ("52% of the vote"), not a phrase
    holding it ("with 61% of the vote")."""
    return phrase.lower().removeprefix("a ").removeprefix("an ").startswith(written)


def _named_by_surname(sentence_text: str, fact: Fact | None) -> str | None:
    """A subject the reader gave its full name, written in the sentence by its last name
    ("Vale won" read as "Tamsin Vale"); not one written by a pronoun only."""
    if fact is None or not fact.subject:
        return None
    words = fact.subject.split()
    if len(words) < 2 or not all(word[:1].isupper() for word in words):
        return None
    return fact.subject if re.search(rf"\b{re.escape(words[-1])}\b", sentence_text) else None


# Verbs by which a level moves ("the index fell 3%", "prices rose to 4.1%", "sales slid")
MOVING_VERBS = word_set(
    """fall drop rise gain lose climb slide slip plunge plummet surge jump soar tumble sink
    decline increase decrease dip rally rebound recover advance retreat shed add edge"""
)
# "was up 3%", "was 1.75% lower", "an increase of 330": a move told around "be" or a noun
MOVE_BEFORE = re.compile(
    r"\b(?:(?:is|are|was|were|be|been|closed|closing|ended|ending|finished|finishing)\s+"
    r"(?:up|down|off)(?:\s+by)?|(?:increase|decrease|rise|fall|drop|gain|loss|decline|"
    r"jump|change)\s+of)\s+$",
    re.IGNORECASE,
)
MOVE_AFTER = re.compile(r"^\s*(?:higher|lower|up|down)\b", re.IGNORECASE)
# A level something is brought to by another's doing, named right before it ("raising
# containment to 60%", "cut its stake to 5%"): the level is the thing's, not the doer's.
RAISED_TO = re.compile(
    r"\b(?:rais|lift|bring|brought|push|boost|lower|cut|reduc)\w*\s+"
    r"(?:(?:its|their|his|her)\s+)?(?P<thing>(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)\s+to\s+$"
)
# "fell 3% to 2138.14", "closing at 8,579.19", "has a value of 10769 points": where it stands
LEVEL_AT = re.compile(r"\b(?:to|at|(?P<noun>value|level)\s+of)\s+$", re.IGNORECASE)
MOVING_UNITS = frozenset({"percent", "percentage points", "points", ""})
CLOSED_AT = re.compile(r"\bclos(?:e|ed|es|ing)\s+at\s+$", re.IGNORECASE)
TRADED_AT = re.compile(
    r"\b(?:clos|trad|end|finish|open)(?:e|ed|es|ing)?\s+(?:at|to|near)\s+$", re.IGNORECASE
)


def _movement_label(
    sentence_text: str, sentence_start: int, quantity: Quantity, fact: Fact | None
) -> str:
    """ "Change in the share index", "Level of the share index": a share or a bare figure
    telling how far a named thing moved, or where it came to stand, is labelled by that
    thing; "Share (the index fell)" and a bare "Figure" say neither. Empty when the clause
    names no doer or tells no move."""
    start = quantity.evidence.start - sentence_start
    before = sentence_text[max(0, start - 40) : start]
    raised = RAISED_TO.search(before)
    if raised and quantity.unit in MOVING_UNITS and raised.group("thing").lower() not in PRONOUNS:
        return clipped(f"Level of {raised.group('thing')}")  # "raising containment to 60%"
    money = quantity_reader.unit_kind(quantity.unit).startswith("money:")
    closing = money and bool(CLOSED_AT.search(before))  # "closed at $41.20": a price
    if (quantity.unit not in MOVING_UNITS and not closing) or fact is None or not fact.predicate:
        return ""
    doer = _mover(sentence_text, fact)
    if not doer or doer.split()[-1].lower() in PRONOUNS or re.search(r"\d", doer.split()[0]):
        return ""  # "60 of its 500 lost money": figures are no thing that moves
    doer = re.sub(r"\s*\([^)]*$", "", doer)  # "the index (XYZ": a bracket cut off
    if not doer.split()[0].isupper():  # "HBOS" stays as written, "Shares of ..." does not
        doer = _common_noun_lowered(doer, sentence_text, fact)
    if closing:
        return clipped(f"Closing price of {doer}")
    after = sentence_text[quantity.evidence.end - sentence_start :]
    lemma = fact.predicate.split()[0]
    level = LEVEL_AT.search(before)
    if level and (lemma in MOVING_VERBS or level.group("noun")):
        return clipped(f"Level of {doer}")
    if lemma in MOVING_VERBS or MOVE_BEFORE.search(before) or MOVE_AFTER.match(after):
        return clipped(f"Change in {doer}")
    return ""


# Between a mover and its verb: a bracketed short name and ", which" ("the index (XYZ),
# which fell")
WHICH_GAP = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*,?\s*(?:which|that)\s+")


def _mover(sentence_text: str, fact: Fact) -> str | None:
    """The doer of a move as written, also across an aside ("The index, the main one,
    fell") or a relative pronoun ("the index (XYZ), which fell"): None when not written."""
    doer = doer_of(sentence_text, fact)
    if doer or not fact.subject or not fact.predicate:
        return doer
    spans = _and_its_verb(sentence_text, fact.subject, fact.predicate)
    if spans is None:
        return None
    found, verb = spans
    gap = sentence_text[found[1] : verb[0]]
    if not (ASIDE.fullmatch(gap) or WHICH_GAP.fullmatch(gap)):
        return None
    return doer_of(f"{sentence_text[: found[1]]} {sentence_text[verb[0] :]}", fact)


# Plural heads that name people without a person's suffix: the counted things that take
# "who" ("officials who resigned"); any other thing takes "that" ("panels that delayed").
# The plurals of the one-person nouns and the quantity reader's people plurals count too.
PEOPLE_HEADS = (
    word_set(
        """officials members leaders justices jurors victims voters donors analysts supporters
        participants lawmakers senators troops citizens fans relatives friends parents kids
        adults candidates delegates judges migrants immigrants refugees hostages survivors
        civilians athletes agents families couples employees detainees nominees retirees
        attendees evacuees trainees appointees"""
    )
    | frozenset(noun + "s" for noun in PERSON_NOUNS)
    | quantity_reader.IRREGULAR_PLURALS
)
# Agent suffixes of people ("organizers", "investigators", "economists", "historians")
PEOPLE_SUFFIXES = ("ers", "ors", "ists", "ians", "men")
# Plural things with such a suffix, among those a news figure counts most often
THINGS_WITH_PEOPLE_SUFFIX = word_set(
    """papers numbers letters orders centers centres computers helicopters matters towers
    chambers sectors factors errors doors floors reactors containers layers meters metres
    kilometers kilometres dollars counters corridors monitors disasters quarters
    headquarters borders tankers shelters trailers freighters rivers waters"""
)
# The forms of "be" before a participle: a passive verb ("was greeted")
BE_FORMS = irregular_forms("be") | {"be", "being"}


def _relative_pronoun(noun: str) -> str:
    """ "who" for people counted ("residents who fled"), "that" for anything else ("panels
    that delayed", "nations that ended"): a label must not speak of things as of people."""
    head = noun.split()[-1] if noun.split() else ""
    lower = head.lower()
    if lower in THINGS_WITH_PEOPLE_SUFFIX:
        return "that"
    if lower in PEOPLE_HEADS or lower.endswith(PEOPLE_SUFFIXES):
        return "who"
    # "Americans", "Republicans"; not "F-16s"
    return "who" if head[:1].isupper() and head.isalpha() else "that"


# What a headline tells befell the people it counts, its "were" left out ("2 men shot in
# Harwick", "Three teens stabbed outside mall"): no verb they did
HEADLINE_PARTICIPLES = word_set(
    "shot stabbed killed injured wounded hurt arrested hit struck rescued evacuated"
    " hospitalized hospitalised charged detained beaten attacked robbed"
)
HEADLINE_END = re.compile(r"[.!?:;\"”’]\s*$")
NOUN_WORDS_BETWEEN = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+")


def _headline_passive(sentence_text: str, value_end: int, done: str) -> bool:
    """Whether a count's verb is a headline's participle: the sentence has no closing mark,
    the verb follows the count's noun at once and takes no object."""
    if done.lower() not in HEADLINE_PARTICIPLES or HEADLINE_END.search(sentence_text):
        return False
    at = compiled_pattern(rf"\b{re.escape(done)}\b").search(sentence_text, value_end)
    if at is None or not NOUN_WORDS_BETWEEN.fullmatch(sentence_text, value_end, at.start()):
        return False
    return not (
        quantity_reader.OBJECT_AFTER.match(sentence_text, at.end())
        or quantity_reader.NO_PASSIVE_AFTER.match(sentence_text, at.end())
    )  # "Two gunmen shot three guards", "... shot at police": what they did


HEADLINE_PARTICIPLE_AFTER = re.compile(r"\s+([a-z]+)\b(?!\s+down\b)")  # not "struck down"


def _headline_count_of_people(sentence_text: str, sentence_start: int, quantity: Quantity) -> str:
    """The participle of a headline's bare count of people opening it ("Two charged in store
    robbery", "Two evacuated as fire guts duplex"): what was done to them, else ''. Not a
    number after a word ("Amendment 4 struck down", "Engine 12 hit by car", "Schools: 3
    evacuated")."""
    start = quantity.evidence.start - sentence_start
    end = quantity.evidence.end - sentence_start
    if sentence_text[:start].strip():
        return ""
    done = HEADLINE_PARTICIPLE_AFTER.match(sentence_text, end)
    if done is None or not _headline_passive(sentence_text, end, done.group(1)):
        return ""
    return done.group(1)


def _done_by_them(verb: str, sentence_text: str, figure_start: int) -> str:
    """The verb as the things counted did it. A figure written after a passive verb is in
    its agent ("was greeted by nearly 500 troops"): the troops greeted, so the verb is put
    in the active past ("greeted", not "was greeted", which agrees with another subject)."""
    words = verb.split()
    passive = len(words) >= 2 and words[-2].lower() in BE_FORMS
    at = sentence_text.find(verb)
    if not passive or at < 0 or at > figure_start:
        return verb
    forms = past_forms(words[-1])
    return forms[0] if forms is not None else verb


# A figure joined by a hyphen to a word that is no noun of it: "one-on-one", "3-of-9",
# "a three-and-out"; the figure counts nothing the sentence names.
JOINED_NOT_COUNTED = re.compile(r"\s*[-‐]\s*(?:on|of|and|by|to|for|in|or)\b", re.IGNORECASE)
# A figure counting the group one thing is picked from: "one of (the) two candidates".
ONE_OF_BEFORE = re.compile(r"\bone\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?$", re.I)
# A figure joined by a hyphen to the noun it counts: "a 90-seat council", "a two-time winner"
JOINED_NOUN = re.compile(r"\s*[-‐]\s*[^\W\d_]")


def _counted_noun(noun: str, after_value: str, quantity: Quantity) -> str:
    """The counted noun said as a journalist would count it, or "" when the words after the
    figure name no thing counted: "one climber" and "a 90-seat council" count climbers and
    seats; "one-on-one" and "one used by ..." (a verb's form) count nothing; "a 6.5-strength
    quake" is no count of strengths."""
    if quantity.hedge in SIZE_HEDGES:
        return noun  # "a 1,400-strong team": the size of one team
    if not noun or JOINED_NOT_COUNTED.match(after_value):
        return ""
    words = noun.split()
    if len(words) == 1 and _verb_form(words[0]):
        return ""  # "one used by officials", "the two met": a verb, not a thing
    joined = JOINED_NOUN.match(after_value) is not None
    whole = float(quantity.value).is_integer()
    if not whole and not _plural(words[-1]):
        return ""  # "a .308 average", "a 6.5 quake": no count of averages or quakes
    if quantity.value == 1 or (joined and not _plural(words[-1])):
        return plural_phrase(noun)  # "one climber" counts climbers: "Number of climbers"
    return noun


def _verb_form(word: str) -> bool:
    """ "used", "met", "gathered": a past form of a verb (not "-ing": "meeting" is a noun)."""
    lower = word.lower()
    forms = past_forms(lower)
    regular = len(lower) >= 4 and lower.endswith("ed") and not lower.endswith("eed")
    return word.islower() and (regular or (forms is not None and lower in forms))


def _plural(word: str) -> bool:
    lower = word.lower()
    return lower.endswith("s") or lower in IRREGULAR_PLURALS.values()


def _says_nothing_of_them(predicate: str, verb: str) -> bool:
    """A verb that tells nothing done by or to the things counted: "be" and "have" ("are
    eligible", "has 90 seats"), a verb of speech ("said five villages were hit"), or only
    auxiliaries written ("were")."""
    words = predicate.removeprefix("not ").split()
    lemma = words[0] if words else ""
    if lemma in LIGHT_PREDICATES or lemma in SPEECH_VERBS:
        return True
    return bool(verb) and all(w in AUXILIARIES for w in verb.lower().split())


def _done_to_them(verb: str) -> str:
    """What was done to the things counted, as a participle: "found", "thrown" for a verb
    written "threw"; "" when the verb has no participle to say it by ("vie", "arise")."""
    words = verb.split()
    if not words:
        return ""
    forms = past_forms(words[-1])
    if forms is None:
        return ""
    return " ".join([*words[:-1], forms[1]])


# Words that tell which of several people an age belongs to ("a second man, 31,").
WHICH_PERSON = word_set("first second third fourth other younger older")


def age_label(sentence_text: str, sentence_start: int, quantity: Quantity) -> str:
    """ "Age of the suspect" for "a 19-year-old suspect", "Age of the second man" for "a
    second man, 31,": an age whose person the dossier does not name, by the noun told
    right after it or right before its commas; "Age" when there is none."""
    found = age_noun(sentence_text, sentence_start, quantity.evidence)
    if found is None:
        return "Age"
    which, noun = found
    return clipped(" ".join(p for p in ("Age of the", which, noun) if p))


def age_noun(sentence_text: str, sentence_start: int, age: Evidence) -> tuple[str, str] | None:
    """(which, noun) of the person an age is told of by a noun ("a 19-year-old suspect":
    ("", "suspect"); "a second man, 31,": ("second", "man")), or None."""
    start = age.start - sentence_start
    end = age.end - sentence_start
    after = WORD.findall(sentence_text[end:])[:3]
    before = WORD.findall(sentence_text[:start])[-3:]
    for words, place in ((after, 0), (before, len(before) - 1)):
        nouns = [i for i, word in enumerate(words) if word.lower() in PERSON_NOUNS]
        if not nouns or (place == 0 and nouns[0] > 2):
            continue
        at = nouns[0] if place == 0 else nouns[-1]
        if place and at != place:
            continue  # "the man said that 31, ..." : the noun is not the apposition's
        which = words[at - 1].lower() if at and words[at - 1].lower() in WHICH_PERSON else ""
        return which, words[at].lower()
    return None


# A sum told of each share ("1.86 euros per share", "$2.10 a share").
PER_SHARE = re.compile(
    r"\s*(?:euros?|dollars?|pounds?|cents?|pence)?\s*(?:(?:per|a|each)\s+|"
    r"for\s+(?:each|every)\s+(?:[A-Z][\w'-]*\s+)?)share\b",
    re.IGNORECASE,
)  # "$62 for each Korvel share" too
# A sum named by the noun it is "of" or "at" ("a net loss of 12 million euros", "set bail at
# $500,000").
SUM_NAMED = re.compile(
    r"\b([A-Za-z]+)\s+(?:of|at)\s+(?:about\s+|around\s+|nearly\s+|some\s+|roughly\s+)?$"
)
# A sum told right before the measure it is ("held on $250,000 bail", "a $2 million fine"),
# not the first part of a word ("a $700 billion bail-out")
SUM_NOUN_AFTER = re.compile(r"\s+(?:cash\s+)?([a-z]+(?:\s*-\s*out|\s+out\b)?)(?![\w'-])")
BUYING = re.compile(r"\b(?:buy|bought|buys|buying|acquir\w+|purchas\w+|takeover|merg\w+)\b", re.I)
# A deal's value, however told: "valuing the company at $8.1 billion", "a deal worth $8.4
# billion", "the $8.1 billion takeover"
DEAL_VALUE = "deal value"
DEAL_NOUNS = word_set("takeover acquisition merger buyout")  # not "deal": a player's contract
VALUING_BEFORE = re.compile(
    r"\bvalu(?:ing|ed|es)\b[^.;:!?]{0,40}?\bat\s+(?:about\s+|around\s+|nearly\s+|some\s+|"
    r"roughly\s+|more\s+than\s+)?$",
    re.IGNORECASE,
)
DEAL_WORTH_BEFORE = re.compile(
    r"\b(?:deal|takeover|acquisition|merger|buyout|transaction)\s+(?:worth|valued\s+at)\s+"
    r"(?:about\s+|around\s+|nearly\s+|some\s+|roughly\s+|more\s+than\s+)?$",
    re.IGNORECASE,
)
# The size of a bill, however named: "a $95 billion aid package", "the $95.3 billion foreign
# aid bill", "the $1.2 trillion infrastructure measure"
BILL_SIZE = "size of the bill"
BILL_NOUNS = word_set("bill package legislation measure budget")
# What a sum the subject of its clause names measures ("Net profit rose to 412 million").
SUM_MEASURES = word_set(
    """revenue revenues sales profit profits loss losses earnings income turnover cost costs
    price prices budget spending debt deficit surplus dividend wage wages salary pay fine
    bail ransom fee fees severance compensation settlement bonus damages funding investment
    loan bailout valuation assets liabilities subsidy subsidies grant penalty refund reward
    donations"""
) | {"market value"}
# Words of one measure: a firm's "sales" are its revenue, "profits" its profit
ONE_MEASURE = {
    "revenues": "revenue", "sales": "revenue", "turnover": "revenue", "profits": "profit",
    "losses": "loss", "costs": "cost", "prices": "price", "wages": "wage", "fees": "fee",
    "subsidies": "subsidy",
}  # fmt: skip
# A sum told with what it measures after it ("$6.1 billion in market value", "$3 billion of
# market capitalisation").
SUM_AFTER = re.compile(
    r"\s+(?:in|of)\s+(market\s+(?:value|capitali[sz]ation|cap)|[a-z]+)\b", re.IGNORECASE
)


def sum_measure(
    sentence_text: str, sentence_start: int, value: Evidence, subject: str | None
) -> str:
    """What a sum its sentence names measures: "per share" ("1.86 euros per share"), the
    noun it is of ("a net loss of 12 million euros": "loss"), or the thing its clause is
    about ("Net profit rose to 412 million": "profit"); "" when none: a sum's currency is no
    question of its own."""
    before = sentence_text[: max(0, value.start - sentence_start)]
    if PER_SHARE.match(sentence_text, value.end - sentence_start):
        # "closed at $48.10 a share": where the stock stood, not a price paid for each share
        return "share price" if TRADED_AT.search(before[-30:]) else "per share"
    named = SUM_NAMED.search(before)
    if named is not None and named.group(1).lower() in SUM_MEASURES:
        return named.group(1).lower()
    after = SUM_AFTER.match(sentence_text, value.end - sentence_start)
    if after is not None:
        noun = after.group(1).lower()
        noun = "market value" if noun.startswith("market") else noun
        if noun in SUM_MEASURES:
            return noun
    sized = sized_thing(sentence_text, sentence_start, value)
    if sized and bill_noun_words(sized):
        return BILL_SIZE  # "a $95 billion aid package", "the $1.9 trillion spending bill"
    noun_after = SUM_NOUN_AFTER.match(sentence_text, value.end - sentence_start)
    # "a $700 billion bail out", "bail-out": a bailout
    following = re.sub(r"[\s-]", "", noun_after.group(1)) if noun_after is not None else ""
    if following in SUM_MEASURES:
        return following  # "$250,000 bail"
    if VALUING_BEFORE.search(before[-80:]):
        # "buy Korvel ..., valuing the company at": the deal's; "the building, valued at": its
        return DEAL_VALUE if BUYING.search(sentence_text) else "valuation"
    if DEAL_WORTH_BEFORE.search(before[-60:]) and BUYING.search(sentence_text):
        return DEAL_VALUE  # "agreed to buy ... in a deal worth", not "a contract worth"
    if following in DEAL_NOUNS:
        return DEAL_VALUE  # "the $8.1 billion takeover"
    words: list[str] = WORD.findall(subject or "")
    measure = words[-1].lower() if words else ""
    return measure if measure in SUM_MEASURES else ""


def bill_noun_words(sized: str) -> int:
    """How many last words of the thing a sum sizes name a bill ("aid package", "state
    budget": 1; "spending plan": 2, a plan a legislature passes); 0 for no bill."""
    words = sized.lower().split()
    if words[-2:] == ["spending", "plan"]:
        return 2
    return 1 if words and words[-1] in BILL_NOUNS else 0


# Things a sum before them tells the size of, in the singular: "a $40 million harbour fund".
SIZED_NOUNS = word_set(
    """bill package plan deal fund program programme proposal measure contract budget award
    offer agreement"""
)
# The thing a sum is the worth of, named before it: "vouchers worth $250". Bounded, and
# searched in the last words before the sum only: the text is an article's.
WORTH_BEFORE = re.compile(
    r"\b([a-z][a-z-]{1,40})\s+worth\s+(?:about\s+|around\s+|nearly\s+|some\s+|up\s+to\s+)?$",
    re.IGNORECASE,
)
SIZED_WORD = re.compile(r"\s+([^\W_][\w-]*)")
# Words after which a sum opens a clause of its own, as its subject ("..., and $2 million
# remains in the account"): the word after such a sum is its verb, not a thing it sizes.
CLAUSE_OPENERS = word_set("and but or that which while as because so if whereas although")
# Words that begin what a verb does to something ("covers the damage", "towards the repairs")
DETERMINER_NEXT = word_set("the a an its their his her our this that these those")


def sized_thing(
    sentence_text: str, sentence_start: int, value: Evidence, fact: Fact | None = None
) -> str:
    """The thing a sum tells the size of ("the $40 million harbour fund", "$250 vouchers",
    "vouchers worth $250"), or "" when the sum names none: then the clause's verb says what
    it was ("Amount paid"). The verb of a clause the sum only sits in ("signed the $40
    million fund", "announced ... vouchers worth $250") is no answer to what it measures."""
    before = sentence_text[max(0, value.start - sentence_start - 80) : value.start - sentence_start]
    worth = WORTH_BEFORE.search(before)
    if worth is not None and _plural(worth.group(1)):
        return worth.group(1).lower()
    predicate = (fact.predicate or "").removeprefix("not ") if fact is not None else ""
    subject = _opens_a_clause(before)
    position = value.end - sentence_start
    words: list[str] = []
    for _ in range(4):
        found = SIZED_WORD.match(sentence_text, position)
        if found is None or found.group(1).lower() in quantity_reader.STOP_WORDS:
            break
        if found.group(1).lower() in quantity_reader.MONEY_WORDS:
            break  # "6.4 billion euros": the sum's own currency, no thing it sizes
        words.append(found.group(1))
        position = found.end()
        last = found.group(1)
        if last in SIZED_NOUNS:
            return " ".join(words)
        if predicate and _inflects(last.lower(), predicate.split()[-1]):
            break  # "$10 million goes to schools": the clause's own verb
        following = SIZED_WORD.match(sentence_text, position)
        next_word = following.group(1).lower() if following is not None else ""
        ends = following is None or next_word in quantity_reader.STOP_WORDS
        if subject or next_word in DETERMINER_NEXT:
            continue  # "$2 million remains in ...", "$3 million covers the damage": a verb
        if last.islower() and _plural(last) and ends:
            return " ".join(words)  # "$250 vouchers for ...": the noun phrase ends there
    return ""


def _opens_a_clause(before: str) -> bool:
    """Whether a sum written after these words is the subject of its clause: at the
    sentence's start, after a comma or a colon, a conjunction, or a verb of saying ("said
    $3 million covers ...")."""
    stripped = before.rstrip()
    if not stripped or stripped[-1] in ",;:(\u2014\u2013":
        return True
    last = WORD.findall(stripped[-40:])[-1:]
    if not last:
        return True
    word = last[0].lower()
    return word in CLAUSE_OPENERS or any(_inflects(word, verb) for verb in REPORTING_VERBS)


def _sum_label(sentence_text: str, fact: Fact | None) -> str:
    """ "Cost" for what a thing costs, "Amount paid", "Amount raised": a sum that names no
    measure (``sum_measure``) counts no dollars, it is what was paid, raised or asked."""
    if fact is not None and (fact.predicate or "").removeprefix("not ") == "cost":
        return "Cost"
    verb = _verb_with_auxiliaries(sentence_text, fact)
    forms = past_forms(verb.split()[-1]) if fact is not None and verb else None
    if forms is None or (fact is not None and fact.predicate in LIGHT_PREDICATES):
        return "Amount"  # "caps fares at $40": no participle written to say it by
    return f"Amount {forms[1]}"


def _participle(verb: str) -> str:
    """ "were found" -> "found", "were not related" -> "not related": what was done to the
    things counted, without the auxiliaries that agree with them."""
    words = verb.split()
    while len(words) > 1 and words[0] in AUXILIARIES and words[0] not in ("not", "never"):
        words = words[1:]
    return " ".join(words)


def pronoun_led(label: str) -> bool:
    """ "When it was closed": a label whose doer is a pronoun says less than another."""
    words = label.lower().split()
    return len(words) > 1 and words[1] in PRONOUNS


def _verb_with_auxiliaries(sentence_text: str, fact: Fact | None) -> str:
    """ "have fallen" rather than "fallen": the verb with the auxiliaries written before it,
    the first written after the clause's doer ("The pier was closed after the crews were
    idle": "were", the doer's, not the first "was" of the sentence)."""
    if fact is None or not fact.predicate:
        return ""
    doer = fact.subject or fact.object
    found = (
        (_phrase_at(sentence_text, doer, 0) or _spaced_phrase_at(sentence_text, doer))
        if doer
        else None
    )
    after = verb_as_written(sentence_text, fact.predicate, found[1]) if found else None
    return (
        after
        or verb_as_written(sentence_text, fact.predicate)
        or surface_verb(sentence_text, fact.predicate)
    )


def doer_of(sentence_text: str, fact: Fact | None) -> str | None:
    """The fact's subject as the sentence writes it right before its verb, or None (a
    pronoun the reader resolved to a name written elsewhere, a misread subject)."""
    if fact is None or not fact.subject or not fact.predicate:
        return None
    found = _phrase_at(sentence_text, fact.subject, 0) or _spaced_phrase_at(
        sentence_text, fact.subject
    )
    if found is None:
        return None
    doer = sentence_text[found[0] : found[1]]
    verb = _verb_span(sentence_text, fact.predicate, found[1])
    if verb is None or not _close(sentence_text, found[1], verb[0]):
        return None
    if not _names_something(doer, UNNAMED_DOERS, LABEL_DOER_WORDS) or _gerund(doer):
        return None
    if doer.split()[-1].lower() in TIME_NOUNS:
        return None  # "a short time (later) evacuated": a time is no doer
    written = SPACED_HYPHEN.sub(
        r"\1\2", sentence_text[_with_determiner(sentence_text, found[0]) : found[1]]
    )
    first = written.split()[0]
    if first.lower() in HEDGE_WORDS:
        return first.lower() + written[len(first) :]  # "Nearly 2,000 troops" inside a label
    return _lowered(written)


def patient_of(sentence_text: str, fact: Fact) -> str | None:
    """What a passive clause without a doer is about, as written right before its verb
    ("Tomas Karn was hurt after falling 12 feet": Karn is who fell), or None."""
    if fact.subject or not fact.object or not fact.predicate:
        return None
    found = _phrase_at(sentence_text, fact.object, 0) or _spaced_phrase_at(
        sentence_text, fact.object
    )
    verb = _verb_span(sentence_text, fact.predicate, found[1]) if found else None
    if found is None or verb is None or not _close(sentence_text, found[1], verb[0]):
        return None
    patient = sentence_text[found[0] : found[1]]
    if not _names_something(patient, UNNAMED_DOERS, LABEL_DOER_WORDS) or _gerund(patient):
        return None
    written = SPACED_HYPHEN.sub(
        r"\1\2", sentence_text[_with_determiner(sentence_text, found[0]) : found[1]]
    )
    return _lowered(written)


SPACED_HYPHEN = re.compile(r"(\w)\s+([-‐])\s+(?=\w)")


def _spaced_phrase_at(sentence: str, phrase: str) -> tuple[int, int] | None:
    """Where a tokenised sentence writes a phrase with spaces around its hyphens ("36 -
    year - old man" for "36-year-old man")."""
    pattern = r"\s*([-‐])\s*".join(re.escape(part) for part in re.split(r"[-‐]", phrase))
    found = compiled_pattern(rf"(?<![\w-]){pattern}(?![\w])").search(sentence)
    return (found.start(), found.end()) if found else None


def _verb_phrase(sentence_text: str, fact: Fact | None) -> str:
    if fact is None or not fact.predicate:
        return ""
    verb = surface_verb(sentence_text, fact.predicate)
    if fact.subject and fact.subject != fact.object:
        doer = doer_of(sentence_text, fact)
        if doer is None and fact.object and _passive_agent(sentence_text, fact.subject):
            # "Dana Ruiz was arrested Tuesday by members of a task force": the clause is
            # about whom it befell, as a passive clause without its doer is
            return _verb_phrase(sentence_text, replace(fact, subject=None))
        if doer is None:
            return ""  # a doer the clause does not write before its verb
        verb = _verb_with_auxiliaries(sentence_text, fact)
        obj = _object_as_written(sentence_text, fact.object) if fact.object else None
        return " ".join(p for p in (doer, verb, obj) if p)
    if not fact.subject and fact.object:
        # a passive clause ("The smelter was closed"): its object is what it is about
        written = _patient_as_written(sentence_text, fact.object)
        spans = _and_its_verb(sentence_text, written, fact.predicate)
        if spans is None or not _close(sentence_text, spans[0][1], spans[1][0]):
            return ""  # what the clause is about is not written before its verb
        # the verb as written after its patient, with its auxiliaries ("will be held",
        # "were not answered", "would likely be filed", "had already been dismissed")
        start, end = spans[1]
        perfect = _PERFECT_BEFORE.search(sentence_text, 0, start)
        if perfect is not None and sentence_text.startswith("been", start):
            start = perfect.start()
        return f"{_lowered(written)} {' '.join(sentence_text[start:end].split())}"
    return " ".join(p for p in (fact.subject, verb, fact.object) if p)


# "had already " before "been dismissed": the perfect's auxiliary and a word between
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)


def _passive_agent(sentence_text: str, doer: str) -> bool:
    """Whether ``doer`` is written as a passive clause's agent ("by members of a task
    force")."""
    return bool(
        compiled_pattern(rf"(?<!\w)by\s+(?:(?:the|a|an)\s+)?{re.escape(doer)}(?!\w)").search(
            sentence_text
        )
    )


def _patient_as_written(sentence_text: str, patient: str) -> str:
    """A passive clause's patient as the sentence writes it: the reader names a person in
    full ("Dana Ruiz") where the clause writes the surname ("Ruiz was charged on Monday")."""
    if _phrase_at(sentence_text, patient, 0) or len(patient.split()) < 2:
        return patient
    last = patient.split()[-1]
    return last if last[:1].isupper() and _phrase_at(sentence_text, last, 0) else patient


def _object_as_written(sentence_text: str, phrase: str) -> str:
    """An object with the article the sentence writes before its noun, which the reader
    leaves out ("carried the parcel", not "carried parcel"); as given when not found."""
    words = phrase.split()
    article = r"(?:(?:the|a|an)\s+)?"
    written = r"\s+".join(re.escape(word) for word in words[1:])
    pattern = rf"(?<!\w){re.escape(words[0])}\s+{article}{written}(?!\w)" if written else ""
    found = compiled_pattern(pattern).search(sentence_text) if pattern else None
    if found is None:
        alone = compiled_pattern(rf"(?<!\w){article}{re.escape(phrase)}(?!\w)")
        found = alone.search(sentence_text)
    if found is None:
        return phrase
    # "hit the southern town": the article the reader dropped before the first word
    return " ".join(
        sentence_text[_with_determiner(sentence_text, found.start()) : found.end()].split()
    )


def _lowered(phrase: str) -> str:
    """ "It", "The smelter", "Two men" lose the capital they had at the start of a sentence."""
    first = phrase.split()[0] if phrase.split() else ""
    if first.lower() in DETERMINERS | PRONOUNS | HEDGE_WORDS or first.lower() in NUMBER_WORDS:
        return first.lower() + phrase[len(first) :]
    if first[:1].islower():
        return "the " + phrase  # the reader drops the article of a common noun
    return phrase


def length_label(
    sentence_text: str, fact: Fact | None, before_value: str = "", after_value: str = ""
) -> str:
    """ "How far the climber fell"; "Distance" when no clause says who moved.

    ``before_value`` is the sentence up to the distance: when the verb written right before
    it is not the clause's own ("died after falling 60 metres"), that verb says what the
    distance is of, and the label tells it with the clause's doer ("How far X fell").
    ``after_value`` is the sentence after it: "40 miles south of Port Ellis" measures from
    a place ("How far the depot is from Port Ellis")."""
    if HEIGHT_AFTER.match(after_value) or HEIGHT_BEFORE.search(before_value):
        return "Height"  # "a 5 foot, 8 inch man", "6 feet tall": how tall, not how far
    origin = FROM_A_PLACE.match(after_value)
    light = fact is not None and (fact.predicate or "").removeprefix("not ") in LIGHT_PREDICATES
    if origin is not None and origin.group("bare") and not light:
        origin = None  # "fell 60 metres from Mount Vell": where the fall began
    place = f" from {origin.group('place').strip()}" if origin else ""
    named = APPOSED_NAME.search(before_value)
    if named is not None and BEARING.match(after_value):
        # "a motorist in Flint, about 50 miles north of here,": where the place named lies
        name = named.group("name").strip()
        return clipped(f"How far {name} is{place}" if place else f"How far away {name} is")
    if fact is None or not fact.predicate or not (fact.subject or fact.object):
        return clipped(f"Distance{place}")
    doer = doer_of(sentence_text, fact) if fact.subject else patient_of(sentence_text, fact)
    if doer is None:
        return clipped(f"Distance{place}")
    if place and light:
        return clipped(f"How far {doer} {_verb_with_auxiliaries(sentence_text, fact)}{place}")
    if place:
        return clipped(f"How far{place} {doer} {_verb_with_auxiliaries(sentence_text, fact)}")
    if BEARING.match(after_value) and not light:
        return "Distance"  # "north of here": where something lies, not how far it went
    other = _other_verb_before(before_value, fact, _beside_a_distance)
    if other is not None:
        return clipped(f"How far {doer} {other[0]}")
    if fact.predicate.removeprefix("not ") in LIGHT_PREDICATES:
        return "Distance"  # "is dead, 150 metres below": the verb says nothing of it
    return clipped(f"How far {doer} {_verb_with_auxiliaries(sentence_text, fact)}")


# "(about 40 miles) south of Port Ellis", "away from the border town of Ulm": the named
# place a distance is measured from. A bare "from" after a verb of motion is where the
# movement began ("fell 60 metres from Mount Vell"): it counts only after "is".
FROM_A_PLACE = re.compile(
    r"\s*(?:\(\s*[^()]{1,30}\)\s*)?(?:(?P<bearing>(?:due\s+)?(?:north|south|east|west"
    r"|north-?east|north-?west|south-?east|south-?west)(?:\s*-\s*|\s+)(?:of\s+)?|away\s+from"
    r"\s+|outside\s+)|(?P<bare>from\s+))(?:the\s+(?:[a-z]+\s+){0,2}of\s+)?"
    r"(?P<place>(?:the\s+)?(?:[A-Z][\w'’-]*\s?){1,4})"
)
# "5 foot, 8 inch", "6ft 2in", "6 feet tall": a person's height
HEIGHT_AFTER = re.compile(
    r"\s*(?:(?:foot|feet|ft)\b\s*)?(?:tall\b|,?\s*\d+\s*-?\s*(?:inch|inches|in)\b)",
    re.IGNORECASE,
)
HEIGHT_BEFORE = re.compile(r"\d+\s*-?\s*(?:foot|feet|ft)\s*,?\s*$", re.IGNORECASE)
# "... in Flint, (about)": a place named right before the distance set off by a comma
APPOSED_NAME = re.compile(r"(?P<name>(?:[A-Z][\w'’-]*\s?){1,3})\s*,\s*(?:[a-z]+\s+){0,2}$")
BEARING = re.compile(r"\s*(?:due\s+)?(?:north|south|east|west)", re.IGNORECASE)
# The words of the hedges the quantity reader knows ("about", "more than", "up to")
DISTANCE_HEDGES = frozenset(word for hedge in quantity_reader.HEDGE_KIND for word in hedge.split())
# Forms in -ing or -ed that stand before a figure without governing it as a verb does
# ("including two children"), or govern it with a word after it ("leaving two (people) dead")
NOT_GOVERNING = word_set(
    """including excluding following according regarding concerning totalling totaling
    estimated remaining reported alleged aged numbering ranging averaging exceeding leaving
    said saying told added stated"""
)


def _other_verb_before(
    before_value: str, fact: Fact | None, beside: Callable[[str], bool]
) -> tuple[str, str] | None:
    """The simple past and participle of the verb written right before a value (past the
    words ``beside`` says go with the value) when it is not the clause's own verb:
    "died after falling 60 metres" -> ("fell", "fallen"), "suspected of shooting three
    people" -> ("shot", "shot"); None when the word there is no verb, follows an article
    ("an estimated 40"), or is the fact's predicate."""
    words = WORD.findall(before_value)
    while words and beside(words[-1].lower()):
        words.pop()
    if not words or words[-1].lower() in NOT_GOVERNING:
        return None
    written = words[-1].lower()
    if len(words) > 1 and words[-2].lower() in DETERMINERS:
        return None
    forms = past_forms(written)
    if forms is None:
        return None
    predicate = (fact.predicate or "").removeprefix("not ").split() if fact else []
    if predicate and _inflects(written, predicate[0]):
        return None
    return forms


def _beside_a_distance(word: str) -> bool:
    """A hedge, a figure or a unit of length: "about 60 metres (200 feet)"."""
    return (
        word in DISTANCE_HEDGES
        or any(ch.isdigit() for ch in word)
        or quantity_reader.unit_kind(word) == "length"
    )


def _beside_a_figure(word: str) -> bool:
    """A hedge or a figure: "shooting about 40 people"."""
    return word in DISTANCE_HEDGES or any(ch.isdigit() for ch in word)


# Verbs of a spread whose participle says nothing of an area: "grown", "spread" -> "covered"
SPREAD_PARTICIPLES = dict.fromkeys(("grown", "grew", "spread", "expanded", "widened"), "covered")


def area_label(
    sentence_text: str, sentence_start: int, quantity: Quantity, fact: Fact | None = None
) -> str:
    """ "Area of the building": the noun the area describes, written after its unit in its
    own phrase; else what was done to the area ("has burned 18,000 acres": "Area burned")."""
    after = re.split(r"[,;:.!?()]", sentence_text[quantity.evidence.end - sentence_start :])[0]
    words = [w for w in WORD.findall(after)[:8] if not _area_word(w)]
    noun: list[str] = []
    for position, word in enumerate(words[:3]):
        following = words[position + 1 : position + 2]
        if NOUN_PHRASE_STOP.match(word) or (noun and following and following[0] in DETERMINERS):
            break  # "building houses a number": a word before an article is a verb
        if word.lower() in WHEN_ADVERBS:
            break  # "grew to 9,000 acres overnight": when, not what the area is of
        noun.append(word)
    if noun:
        return clipped(f"Area of the {' '.join(noun)}")
    verb = _verb_with_auxiliaries(sentence_text, fact)
    if fact is None or not verb:
        return "Area"
    done = _participle(verb)
    # "has grown to 18,000 acres": the area it covers, not an area grown
    return clipped(f"Area {SPREAD_PARTICIPLES.get(done.split()[-1], done)}")


WHEN_ADVERBS = word_set("overnight today yesterday tonight tomorrow now already since so")


def _area_word(word: str) -> bool:
    """ "square", "ft", "square-foot": a word of the unit, not of the thing measured."""
    return all(part in AREA_WORDS for part in word.lower().split("-"))


AREA_WORDS = frozenset(
    [
        "square",
        "sq",
        "ft",
        "foot",
        "feet",
        "metre",
        "metres",
        "meter",
        "meters",
        "m",
        "km",
        "kilometre",
        "kilometres",
        "kilometer",
        "kilometers",
        "mile",
        "miles",
        "yard",
        "yards",
        "acre",
        "acres",
        "hectare",
        "hectares",
    ]
)


def date_label(
    sentence_text: str,
    time: TimeExpression,
    fact: Fact | None,
    period: bool,
    guessing: bool = True,
) -> str:
    """ "When the talks began" for a date, "Years of the war" for a period; a date written
    inside a noun phrase dates that noun, not the clause's verb ("a court on Tuesday
    convicted a man charged in a June 2031 robbery": "Date of the robbery"). ``guessing``:
    when the date's clause gives no label, what the words around the date tell it is of
    (`_what_the_date_is_of`), a weaker label than a clause's, else the bare kind."""
    noun = _noun_after(sentence_text, time, sentence_text)
    if noun:
        # "the 18-day shutdown": a length; "the 1991-1993 war": its years
        kind = "Length" if (time.value or "").startswith("P") else "Years" if period else "Date"
        if kind == "Date" and CLOCK_ONLY.fullmatch(time.evidence.text.strip()):
            kind = "Time"  # "the 12:00 UTC announcement": the time of the announcement
        return clipped(f"{kind} of the {noun}")
    at = _whole_at(sentence_text, time.evidence.text)
    if at >= 0:  # "... superfluous after the army regained the region last year"
        subordinate = _clause_the_date_ends(
            sentence_text[:at], sentence_text[at + len(time.evidence.text) :]
        )
        if subordinate:
            return clipped(subordinate)
    as_read = fact
    if fact is not None and fact.object and _inside(_unled(fact.object), time.evidence.text):
        fact = replace(
            fact, object=None
        )  # "began in mid-April": "(in) mid" is the date's, not an object
    if fact is not None and fact.object and _end_of_a_pair(sentence_text, fact.object):
        fact = replace(fact, object=None)  # "ruled 6-3 on Monday": a tally, not what was ruled
    if fact is not None and fact.object:
        fact = replace(fact, object=_before_the_date(fact.object, time.evidence.text))
    phrase = (
        _verb_phrase(sentence_text, fact)
        or _verb_phrase(sentence_text, _doer_as_written(sentence_text, fact))
        or _across_a_modifier(sentence_text, fact)
        or _across_an_aside(sentence_text, fact, time.evidence.text)
        or _across_a_coordination(sentence_text, fact, time.evidence.text)
    )
    ends_on_verb = (
        fact is None or not fact.object or _passive_before_an_infinitive(sentence_text, fact)
    )
    if phrase and ends_on_verb:
        longer = _through_its_complement(sentence_text, phrase, time.evidence.text)
        if longer == phrase:
            longer = _through_a_complement_after(sentence_text, phrase, time.evidence.text)
        fits = len(longer.split()) < LABEL_WORDS  # with "When", not clipped
        phrase = longer if fits and not _dangling(longer, ends_on_verb) else phrase
    if phrase and not _dangling(phrase, ends_on_verb):
        return _clause_clipped(f"When {_common_noun_lowered(phrase, sentence_text, fact)}")
    named = _what_the_date_is_of(sentence_text, time, as_read) if guessing else ""
    if named:
        return _clause_clipped(named) if named.startswith("When ") else clipped(named)
    return "Time of day" if CLOCK_ONLY.fullmatch(time.evidence.text.strip()) else "Date"


def stage_label(told: Iterable[tuple[str, Fact]]) -> str | None:
    """ "Stage of the ferry crews' withdrawal from Lindale": what reports at an earlier and a
    later stage tell of, from a clause whose subject is the happening itself ("The ferry
    crews' withdrawal from Lindale has begun"); None when no clause writes one."""
    for sentence, fact in told:
        predicate = fact.predicate or ""
        lemma = predicate.split()[:1]
        if not lemma or lemma[0] not in STAGE_VERBS:  # "not begun" tells no stage either
            continue
        happening = doer_of(sentence, fact)
        if not happening:
            continue
        head = _head_word(happening)
        if head.isalpha() and head.islower() and _a_happening(head):
            return clipped(f"Stage of {happening}")
    return None


def _a_happening(noun: str) -> bool:
    """A noun that names a happening ("withdrawal", "evacuation", "closure", "talks"), not
    a person or a thing ("master", "ferry")."""
    return noun in HAPPENING_NOUNS or (len(noun) > 5 and noun.endswith(HAPPENING_ENDINGS))


HAPPENING_ENDINGS = ("al", "tion", "sion", "ment", "ing", "ure", "ance", "ence", "age", "ery")
HAPPENING_NOUNS = word_set(
    """war strike search rescue process talks vote campaign siege blockade cleanup repairs
    shutdown outage attack offensive fight trial game match season work works exodus"""
)


# Verbs whose subject, at a stage of a happening, is the happening ("the evacuation began")
STAGE_VERBS = word_set("begin start end finish complete conclude resume")


def _through_its_complement(sentence_text: str, phrase: str, date_text: str) -> str:
    """ "Harwick began" -> "Harwick began blocking the road" (of "began blocking the road in
    late 2030"): a verb that goes on with a gerund or an infinitive keeps it, as far as the
    date."""
    last = phrase.split()[-1]
    lead = rf"\s+(?:{COMPLEMENT_DATE_LEADS})"
    if BARE_DAY.match(date_text):
        lead = f"(?:{lead})?"  # "on Monday" or "Monday"
    found = compiled_pattern(
        rf"(?<![\w-]){re.escape(last)}\s+(?P<more>(?:to\s+[a-z]+|[a-z]{{2,}}ing)\b"
        rf"[^,;:()\"“”]{{0,50}}?){lead}\s+(?:the\s+)?{re.escape(date_text)}"
    ).search(sentence_text)
    if found is None:
        return phrase
    more = found.group("more").split()
    if more[-1].lower() in PREPOSITIONS | DETERMINERS | ORDINAL_WORDS | DATE_LEADS:
        return phrase  # "to mark his first (100 days)": the date is inside a noun phrase
    return f"{phrase} {' '.join(more)}"


def _through_a_complement_after(sentence_text: str, phrase: str, date_text: str) -> str:
    """ "On May 2, the council allowed traders to reopen the market if ...": a date written
    before its clause, whose verb goes on with someone or something to do, keeps that
    infinitive's phrase up to the next clause ("When the council allowed traders to reopen
    the market"); ``phrase`` when the date follows the verb or nothing such follows it."""
    at = _whole_at(sentence_text, date_text)
    if at < 0:
        return phrase
    found = compiled_pattern(
        rf"(?<![\w-]){re.escape(phrase.split()[-1])}\s+(?P<more>(?:[a-z]+\s+){{0,3}}?"
        rf"to\s+[a-z]+(?:\s+[a-z]+){{0,5}}?)(?=\s+(?:{CLAUSE_BREAK_WORDS})\b|\s*[,;:.!?]|\s*$)"
    ).search(sentence_text, at + len(date_text))
    if found is None:
        return phrase
    more = found.group("more").split()
    if more[-1] in PREPOSITIONS | DETERMINERS | AUXILIARIES:
        return phrase  # "allowed them to stay in": the phrase goes on past what is read
    return f"{phrase} {' '.join(more)}"


COMPLEMENT_DATE_LEADS = "in|on|at|during|since|from|by|until|through"
# A date written without a preposition before it: a weekday, "last year", "this week"
BARE_DAY = re.compile(
    rf"(?:{'|'.join(WEEKDAY_NAMES)}|(?:last|this|next)\s|yesterday|today|tomorrow|tonight)",
    re.IGNORECASE,
)
ORDINAL_WORDS = word_set("first second third fourth fifth next last final past")


def _what_the_date_is_of(sentence_text: str, time: TimeExpression, fact: Fact | None) -> str:
    """What a date no clause label names is the date of, as the words around it tell: "Years
    of the war" ("the war, spanning the late 1980s"), "Date of the final" ("next year's
    final"), "When the accord was signed" ("an accord, signed in May"), "When the villages
    were seized" ("villages that it had seized in 1990"), "Date of the vote" ("the result of
    a vote in May"), "When she left the clinic" (a pronoun's clause, the pronoun as
    written); "" when they tell none of these."""
    at = _whole_at(sentence_text, time.evidence.text)
    if at < 0:
        return ""
    before, after = sentence_text[:at], sentence_text[at + len(time.evidence.text) :]
    return (
        _years_spanned(before, time)
        or _noun_of_a_possessive_date(after, time)
        or _when_done_to(before, fact)
        or _when_written_in_full(sentence_text, fact, time.evidence.text)
        or _date_of_the_subject(sentence_text, fact, time.evidence.text)
        or _noun_the_date_follows(before)
        or _when_a_pronoun_did(sentence_text, fact, time.evidence.text)
    )


def _when_a_pronoun_did(sentence_text: str, fact: Fact | None, date_text: str) -> str:
    """ "In 1992, she left the clinic": "When she left the clinic", the doer as written: the
    reader may have resolved the pronoun to a name, which the label does not claim. The
    date must be of that clause: after its verb with no clause break between, or opening
    the sentence right before it."""
    if fact is None or not fact.subject or not fact.predicate:
        return ""
    at = _whole_at(sentence_text, date_text)
    for pronoun in PRONOUN_DOER.finditer(sentence_text):
        verb = _verb_span(sentence_text, fact.predicate, pronoun.end())
        if verb is None or not _close(sentence_text, pronoun.end(), verb[0]):
            continue
        after_the_verb = at >= verb[1] and not CLAUSE_BREAK.search(sentence_text[verb[1] : at])
        opening = at < pronoun.start() and DATE_OPENING.fullmatch(
            sentence_text[: pronoun.start()].replace(date_text, "DATE", 1)
        )
        if not (after_the_verb or opening):
            return ""
        written = " ".join(sentence_text[verb[0] : verb[1]].split())
        obj = _before_the_date(fact.object, date_text) if fact.object else None
        if obj and _phrase_at(sentence_text, obj, verb[1]) is None:
            return ""  # the object the reader found is not written after this verb
        obj = _object_as_written(sentence_text, obj) if obj else None
        doer = pronoun.group(0) if pronoun.group(0) == "I" else pronoun.group(0).lower()
        phrase = " ".join(p for p in (doer, written, obj) if p)
        return "" if _dangling(phrase, not obj) else f"When {phrase}"
    return ""


# a clause break between a verb and a date: the date is another clause's
CLAUSE_BREAK = re.compile(r"[,;:()\u2014]|\s(?:when|while|after|before|because|as|and|but)\s")
# "In 1992, " / "On May 2 " before the doer: the date opens the sentence
DATE_OPENING = re.compile(
    r"\W*(?:(?:in|on|at|by|since|during|until|from)\s+)?(?:the\s+)?DATE\s*,?\s*", re.IGNORECASE
)


PRONOUN_DOER = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b")


def _a_number(word: str) -> bool:
    return word.lower() in NUMBER_WORDS or word.replace(",", "").isdigit()


def _clause_the_date_ends(before: str, after: str) -> str:
    """ "... superfluous after the army regained control of the region last year": the
    date ends a clause its subordinating word opens, whose doer is named ("When the army
    regained control of the region")."""
    found = CLAUSE_BEFORE_A_DATE.search(before)
    if found is None or not CLAUSE_ENDS.match(after):
        return ""
    verb = found.group("verb")
    forms = past_forms(verb)
    if forms is None or verb.endswith("ing") or verb.lower() not in forms:
        return ""  # a past verb right after the doer: the clause's own
    doer, rest = _lowered(found.group("doer")), found.group("rest")
    return " ".join(p for p in ("When", doer, verb, rest) if p)


def _years_spanned(before: str, time: TimeExpression) -> str:
    """ "the first war, spanning the late 80s": the years of the noun a participle of
    lasting ties the date to."""
    found = SPANNED_BY.search(before)
    if found is None:
        return ""
    kind = "Length" if (time.value or "").startswith("P") else "Years"
    return f"{kind} of the {found.group('noun')}"


def _noun_of_a_possessive_date(after: str, time: TimeExpression) -> str:
    """ "next year's final", "this year's master of ceremonies": the noun the date owns."""
    found = OWNED_BY_A_DATE.match(after)
    if found is None or NOUN_PHRASE_STOP.match(found.group("noun").split()[0]):
        return ""
    kind = "Year" if "year" in time.evidence.text.lower() else "Date"
    return f"{kind} of the {found.group('noun')}"


def _when_done_to(before: str, fact: Fact | None) -> str:
    """ "an accord between the two, signed in May" ("When the accord between the two was
    signed"), "a mission launched by the army in 2020", "villages that it had seized in
    1990": a participle or a relative clause, right before the date, tells what was done
    to the noun it follows; the label says it in the passive, naming no doer the clause
    writes as a pronoun."""
    if fact is None or not fact.predicate or (fact.subject and not _object_gap(fact)):
        return ""  # a clause with its own doer: the date is the doer's deed
    lemma = fact.predicate.removeprefix("not ").split()[0]
    done = PARTICIPLE_BEFORE_A_DATE.search(before) or RELATIVE_BEFORE_A_DATE.search(before)
    if done is None or not _inflects(done.group("verb").lower(), lemma):
        return ""
    forms = past_forms(done.group("verb"))
    words = done.group("noun").split()
    while len(words) > 1 and (words[0].lower() in DETERMINERS or _a_number(words[0])):
        words = words[1:]  # "four frontier villages": the noun, not how many
    if forms is None or not words:
        return ""
    noun = " ".join(words)
    owner = NOUN_OF_BEFORE.search(before, 0, done.start())
    if owner is not None and noun[:1].isupper():
        # "the ruling of the Election Board released on Friday": the ruling was released
        noun = f"{' '.join(owner.group('noun').split())} of the {noun}"
    agent = done.groupdict().get("agent")
    by = f" by {' '.join(agent.split())}" if agent else ""
    return f"When the {noun} {_was_or_were(noun)} {forms[1]}{by}"


def _object_gap(fact: Fact) -> bool:
    """ "(villages) that it had seized": the clause's object is its relative pronoun."""
    return (fact.object or "").lower() in ("that", "which", "whom")


def _was_or_were(noun: str) -> str:
    head = _head_word(noun).lower()
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is", "news"))
    return "were" if plural else "was"


def _head_word(phrase: str) -> str:
    """A noun phrase's head, its last word before a phrase qualifying it ("withdrawal" of
    "the crews' withdrawal from Lindale", "truce" of "a truce between the two")."""
    return HEAD_ENDS.split(phrase)[0].split()[-1]


HEAD_ENDS = re.compile(r"\s+(?:of|from|in|at|to|by|on|for|with|between)\s+")


def _when_written_in_full(sentence_text: str, fact: Fact | None, date_text: str) -> str:
    """ "the offensive and the truce dissolved ...": the reader's doer drops the articles
    inside it ("offensive and truce"); the sentence's own words find it."""
    if fact is None or not fact.subject or not fact.predicate:
        return ""
    written = _articles_put_back(sentence_text, fact.subject)
    if written is None:
        return ""
    fuller = replace(fact, subject=written)
    if fact.object:
        fuller = replace(fuller, object=_before_the_date(fact.object, date_text))
    phrase = _verb_phrase(sentence_text, fuller)
    ends_on_verb = not fuller.object
    if not phrase or _dangling(phrase, ends_on_verb):
        return ""
    return f"When {_common_noun_lowered(phrase, sentence_text, fuller)}"


def _articles_put_back(sentence_text: str, phrase: str) -> str | None:
    """The phrase as the sentence writes it with articles between its words ("offensive and
    subsequent truce" -> "offensive and the subsequent truce"), or None: written as given,
    or not at all."""
    words = phrase.split()
    if len(words) < 2 or _phrase_at(sentence_text, phrase, 0) is not None:
        return None
    pattern = r"\s+(?:(?:the|a|an)\s+)?".join(re.escape(word) for word in words)
    found = compiled_pattern(rf"(?<!\w){pattern}(?!\w)").search(sentence_text)
    return found.group(0) if found else None


def _date_of_the_subject(sentence_text: str, fact: Fact | None, date_text: str) -> str:
    """ "The final was in May", "The busiest year was 1998": a subject whose clause says
    only when it was ("Date of the final"); "When there were shots" for "there were shots
    around 10 a.m."."""
    if fact is None or not fact.subject or (fact.predicate or "") != "be":
        return ""
    rest = _before_the_date(fact.object, date_text) if fact.object else None
    if fact.subject.lower() == "there" and rest:
        if rest != fact.object or not PLAIN_WORDS.fullmatch(rest):
            return ""  # the date is inside what there was ("a midnight rule"), or no phrase
        found = compiled_pattern(
            rf"\b[Tt]here\s+(?P<be>is|are|was|were)\s+{re.escape(rest)}(?!\w)"
        ).search(sentence_text)
        return f"When there {found.group('be')} {rest}" if found else ""
    doer = doer_of(sentence_text, fact)
    if rest or doer is None:
        return ""
    return f"Date of {doer if doer.split()[0].lower() in DETERMINERS else 'the ' + doer}"


PLAIN_WORDS = re.compile(r"[\w'’][\w'’,.-]*(?:\s+[\w'’][\w'’,.-]*){0,7}")


def _noun_the_date_follows(before: str) -> str:
    """ "since the end of a war in 2020", "after attempts on Saturday": a noun inside a
    preposition's phrase, the date written right after it, is what the date is of."""
    found = NOUN_BEFORE_A_DATE.search(before)
    if found is None or found.group("noun").lower() in UNNAMED_DOERS | TIME_NOUNS:
        return ""
    return f"Date of the {found.group('noun').lower()}"


_ARTICLE = r"(?:the|a|an|its|their|his|her)"
# a word of a noun phrase: no article, relative pronoun, personal pronoun or auxiliary
_NOT_AN_ARTICLE = (
    r"(?!(?:the|a|an|which|who|that|it|he|she|they|we|had|has|have|was|were|is|are)\b)"
)
# the preposition a date is written after, if any, and the article of a season or decade
_DATE_LEAD = r"\s+(?:(?:in|on|at|during|since|from|last|this)\s+)?(?:the\s+)?$"
_NOT_A_LEAD = r"(?!(?:in|on|at|during|since|from|the)\b)"
# "The first war, spanning the" / "a drought lasting from": the noun and its participle
SPANNED_BY = re.compile(
    rf"(?<![\w-]){_ARTICLE}\s+(?P<noun>(?:{_NOT_AN_ARTICLE}[\w'’-]+\s+){{0,4}}"
    rf"{_NOT_AN_ARTICLE}[\w'’-]+)\s*,?\s+(?:spanning|lasting|covering|stretching)\s+"
    r"(?:from\s+|over\s+)?(?:the\s+)?"
    r"(?:[\w'’ -]{1,30}?\s+(?:and|to|through|until)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# "'s final", "’s master of ceremonies": what a date written with an apostrophe owns
OWNED_BY_A_DATE = re.compile(
    r"\s*['’]\s*s\s+(?P<noun>[a-zA-Z][\w-]*(?:\s+of\s+[a-zA-Z][\w-]*|\s+[a-z][\w-]*)?)"
    r"(?=\s*(?:[,.;:!?)\u201d\"]|$|\s+(?:was|were|is|are|will|and|in|on|at|for|to)\b))"
)
# "a truce between the two, signed in" / "a mission launched by the army in the": a noun
# led by an article, a past participle and its doer, then the date's preposition
PARTICIPLE_BEFORE_A_DATE = re.compile(
    rf"(?<![\w-]){_ARTICLE}\s+(?P<noun>(?:{_NOT_AN_ARTICLE}[\w'’-]+\s+){{0,6}}"
    rf"{_NOT_AN_ARTICLE}[\w'’-]+)"
    r"\s*,?\s+(?P<verb>[a-z]+(?:ed|en|wn|un|ght|lt|nt|ne))"
    rf"(?:\s+by\s+(?P<agent>(?:{_ARTICLE}\s+)?(?:{_NOT_A_LEAD}[\w'’-]+\s+){{0,3}}"
    rf"{_NOT_A_LEAD}[\w'’-]+))?{_DATE_LEAD}"
)
# "the ruling of ": the noun a named body's phrase belongs to
NOUN_OF_BEFORE = re.compile(
    rf"(?<![\w-]){_ARTICLE}\s+(?P<noun>(?:{_NOT_AN_ARTICLE}[\w'’-]+\s+){{0,2}}"
    rf"{_NOT_AN_ARTICLE}[a-z][\w'’-]*)\s+of\s+$"
)
# "four frontier villages that it had seized in the": a noun, a relative pronoun, a
# pronoun or a name for the doer, the verb (perfect or regular past), the date's preposition
RELATIVE_BEFORE_A_DATE = re.compile(
    r"(?<![\w-])(?P<noun>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s?)\s+(?:that|which)\s+"
    r"(?:it|he|she|they|we|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+(?:(?:had|has|have)\s+)?"
    rf"(?P<verb>[a-z]+(?:ed|en|wn|ght)){_DATE_LEAD}"
)
# "after the army regained control of the region": a subordinating word, a named doer (or
# an article's noun), its verb and the rest of the clause up to the date
CLAUSE_BEFORE_A_DATE = re.compile(
    r"\b(?:after|before|when|since|until|as|because|while)\s+"
    r"(?P<doer>(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*|(?:the|a|an)\s+(?:[a-z][\w'’-]*\s+){0,2}"
    r"[a-z][\w'’-]*)\s+(?P<verb>[a-z]+)(?:\s+(?P<rest>[^,;:()\"“”]{1,60}?))?" + _DATE_LEAD
)
CLAUSE_ENDS = re.compile(r"\s*(?:[,.;:!?)\u201d\"]|$)")
# "the end of a war in", "after attempts on": a noun inside a preposition's phrase, or
# opening the sentence ("Her breakdown in 1972 led to ..."). After "of" only a noun led by
# "a" is what the date is of ("the end of a war in 2020"; not "a team of rescuers on
# Sunday", "champion of the world in 2001").
NOUN_BEFORE_A_DATE = re.compile(
    r"(?:\b(?:of\s+(?:a|an)|(?:until|since|after|before|during|following|amid)"
    r"(?:\s+(?:the|a|an))?)|^\s*(?i:the|her|his|their|its))\s+(?P<noun>[a-z][a-z-]+)"
    r"\s+(?:in|on)\s+(?:the\s+)?$"
)


# A clock time written without its day ("at 11:42 UTC", "0930 GMT", "6:40 p.m."): the time
# reader places it on a day, but what the sentence tells is a time of day, not a date
CLOCK_ONLY = re.compile(
    r"(?:(?:at|by|around|about|until|before|after)\s+)?"
    r"(?:\d{1,2}\s?[:.]\s?\d{2}|\d{1,4}(?=\s*(?:[ap]\.?\s?m\b|[A-Z]{2,4}\b)))"
    r"(?:\s*(?:[aApP]\.?\s?[mM]\.?|UTC|GMT|[ECMP][SD]T|BST|CES?T))?(?:\s+local\s+time)?"
)


def _passive_before_an_infinitive(sentence_text: str, fact: Fact) -> bool:
    """ "Ruiz is set to testify on Monday": a passive clause's label ends on its verb
    ("Ruiz is set"), which may need the infinitive the label leaves out."""
    if fact.subject or not fact.predicate:
        return False
    verb = _verb_span(sentence_text, fact.predicate, 0)
    return verb is not None and re.match(r"\s+to\s+[a-z]", sentence_text[verb[1] :]) is not None


def _common_noun_lowered(phrase: str, sentence_text: str, fact: Fact | None) -> str:
    """ "Police named the woman" -> "police named ...": a doer capitalised only because it
    opens the sentence, a common noun no name the reader found holds ("Demonstrators",
    "Registration"), loses its capital inside a label."""
    first = phrase.split()[0]
    names = {word for name in (fact.entities if fact else ()) for word in name.split()}
    opens = sentence_text.lstrip(" \"'\u201c").startswith(first)
    common = first.lower() in PERSON_NOUNS or first.lower().endswith(COMMON_NOUN_ENDINGS)
    if not opens or first in names or not first.isalpha() or not common:
        return phrase
    return first.lower() + phrase[len(first) :]


COMMON_NOUN_ENDINGS = ("s", "ion", "ment", "ity", "police")  # plurals, -ion nouns, "police"


def _dangling(phrase: str, ends_on_verb: bool) -> bool:
    """ "the draft bill is", "the mayor plans", "talks that": a phrase that stops on an
    auxiliary, a linking word or a verb that needs what follows it says nothing by itself."""
    words = WORD.findall(phrase)
    last = (words[-1:] or [""])[0].lower()
    if len(words) < 2 or last in AUXILIARIES or last in SUBORDINATORS or last in PREPOSITIONS:
        return True
    stems = {last, last[:-1], last[:-2], last[:-3]} if len(last) > 4 else {last}
    return ends_on_verb and bool(stems & (NEEDS_COMPLEMENT - WHOLE_WITHOUT_MORE))


# Verbs of that list a date's label may end on: "When the campaign starts", "When he came".
WHOLE_WITHOUT_MORE = word_set("begin start continue come go stay remain appear")


def _across_a_modifier(sentence_text: str, fact: Fact | None) -> str:
    """ "the quake, which struck", "a quake measuring 6.1 hit the town": a doer its verb
    follows across a relative pronoun or a participle's phrase, which a date's label
    leaves out ("When the quake struck"); "" when anything else stands between them."""
    if fact is None or not fact.subject or not fact.predicate:
        return ""
    found = _phrase_at(sentence_text, fact.subject, 0) or _spaced_phrase_at(
        sentence_text, fact.subject
    )
    verb = _verb_span(sentence_text, fact.predicate, found[1]) if found else None
    if (
        found is None
        or verb is None
        or not MODIFIER_GAP.fullmatch(sentence_text[found[1] : verb[0]])
    ):
        return ""
    doer = sentence_text[_with_determiner(sentence_text, found[0]) : found[1]]
    if not _names_something(doer, UNNAMED_DOERS, LABEL_DOER_WORDS) or _gerund(doer):
        return ""
    written = " ".join(sentence_text[verb[0] : verb[1]].split())
    obj = _object_as_written(sentence_text, fact.object) if fact.object else None
    return " ".join(p for p in (_lowered(SPACED_HYPHEN.sub(r"\1\2", doer)), written, obj) if p)


def _across_an_aside(sentence_text: str, fact: Fact | None, date_text: str) -> str:
    """ "Varga, the port's longtime director, died on Monday": a doer (or a passive clause's
    patient) its verb follows across an aside between commas, which a date's label leaves
    out ("When Varga died"); "" when anything else stands between them, or when the date is
    the aside's own ("Varga, a candidate this year, came": the date is of the candidacy)."""
    if fact is None or not fact.predicate or not (fact.subject or fact.object):
        return ""
    holder = fact.subject or fact.object or ""
    written = (
        _patient_as_written(sentence_text, holder)
        if not fact.subject
        else (_doer_as_written(sentence_text, fact) or fact).subject or holder
    )
    spans = _and_its_verb(sentence_text, written, fact.predicate)
    if spans is None:
        return ""
    found, verb = spans
    if re.search(r"\b(?:and|or)\s+$", sentence_text[: found[0]]):
        return ""  # "Tom Ruiz and Ana Ruiz, his wife, sold": one of two doers
    gap = sentence_text[found[1] : verb[0]]
    if not ASIDE.fullmatch(gap) or _inside(date_text, gap):
        return ""
    after_it = sentence_text.rindex(",", found[1], verb[0]) + 1  # keep "was" of "..., was held"
    without = f"{sentence_text[: found[1]]}{sentence_text[after_it:]}"
    return _verb_phrase(without, fact) or _verb_phrase(without, _doer_as_written(without, fact))


def _across_a_coordination(sentence_text: str, fact: Fact | None, date_text: str) -> str:
    """ "The fire grew to 9,000 acres and was 15% contained on Monday": the doer of the
    first of two verbs joined by "and" does the second too, and a date of the second is
    labelled without the first one's phrase ("When the fire was 15% contained"); "" when the
    date is the first phrase's, or something other than a verb's phrase stands between."""
    if fact is None or not fact.subject or not fact.predicate:
        return ""
    written = (_doer_as_written(sentence_text, fact) or fact).subject or ""
    spans = _and_its_verb(sentence_text, written, fact.predicate)
    if spans is None:
        return ""
    found, verb = spans
    gap = sentence_text[found[1] : verb[0]]
    first = WORD.findall(gap)[:1]
    if (
        not COORDINATED_PHRASE.fullmatch(gap)
        or len(AND.findall(gap)) > 1
        or not first
        or first[0] in SUBORDINATORS | UNNAMED_DOERS
        or _inside(date_text, gap)
    ):
        return ""
    without = f"{sentence_text[: found[1]]} {sentence_text[verb[0] :]}"
    return _verb_phrase(without, fact)


# The first of two verbs' phrases joined by "and", the second's doer left out: no clause
# break, aside or quotation in it (and, checked apart, no second "and")
AND = re.compile(r"\band\b")
COORDINATED_PHRASE = re.compile(
    r"\s+[a-z](?:[^,;:()\[\]\"\u201c\u201d\n]|(?<=\d),(?=\d)){0,120}?\s+and\s+"
)  # "9,000 acres": a figure's comma is no break


# An aside between commas, with no clause break or quotation in it ("Varga, 61, the port's
# director,"), and an adverb or auxiliary after it ("..., was sentenced").
ASIDE_PART = r"[^,;:()\[\]\"\u201c\u201d\n]{1,160}"  # an aside's words, no break or quotation
# The words after it are lower-case and no conjunction: "Varga, the port's director, and
# Lund met ..." names a second doer, no aside.
ASIDE = re.compile(
    rf"\s*,{ASIDE_PART}(?:,{ASIDE_PART})*,\s*(?:(?!(?:and|or|nor)\b)[a-z]\w*\s+){{0,2}}"
)


# Between a doer and its verb: ", which" / "who" alone, or a participle's short phrase with
# no clause break ("measuring 6.1 on the scale").
MODIFIER_GAP = re.compile(
    r"\s*,?\s*(?:which|who|that)\s+|\s+[a-z]+ing\s(?:[^,;:\"\u201c\u201d]{0,60}\s)?",
)


def _before_the_date(obj: str, date_text: str) -> str | None:
    """ "meetings with the envoy on Tuesday" -> "meetings with the envoy": the reader's
    object may run on into the date (and the preposition before it), which the label's
    "When" already says; None when nothing is left ("in November")."""
    start = _whole_at(obj, date_text)
    if start < 0:
        other = OTHER_DATE.search(obj)
        if other is None:
            return obj
        start = other.start()
    kept = obj[:start].rstrip(" ,;(\u2014\u2013-")
    while True:  # the words leading to the date, and the hedge on it ("at least until")
        last = re.search(r"(\w+)$", kept)
        hedge = DATE_HEDGE_AT_END.search(kept)
        if hedge is not None:
            kept = kept[: hedge.start()].rstrip(" ,;(\u2014\u2013-")
        elif last and last.group(1).lower() in PREPOSITIONS | DATE_LEADS | DETERMINERS:
            kept = kept[: last.start()].rstrip(" ,;(\u2014\u2013-")
        else:
            return kept or None


# A hedge on a date, written before it: "due to stay at least until 2025", "no later than May"
DATE_HEDGE_AT_END = re.compile(
    r"(?<![\w-])(?:at (?:least|most|the (?:latest|earliest))|no (?:later|earlier|sooner) than"
    r"|as (?:late|early|soon) as|not (?:before|until))$",
    re.IGNORECASE,
)


def _unled(words: str) -> str:
    """``words`` without the preposition they open with ("in mid" -> "mid")."""
    first, _, rest = words.partition(" ")
    return rest if rest and first.lower() in PREPOSITIONS | DATE_LEADS else words


# Another date the object runs into ("from May 2 to June 9" for the label of June 9).
OTHER_DATE = re.compile(
    r"\b(?:from|on|in|by|until|since)\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s+\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)",
    re.IGNORECASE,
)
# Words a date is written after that are no part of the object before it ("over Easter",
# "until May", "perhaps in June").
DATE_LEADS = word_set("over until till through during since before after early late perhaps")


def _doer_as_written(sentence_text: str, fact: Fact | None) -> Fact | None:
    """The fact with its doer as the sentence writes it, when the reader gave a fuller name
    than the clause does ("Dana Ruiz" for "Ruiz visited the port"): the name's last word,
    if the sentence writes it; None when it does not."""
    if fact is None or not fact.subject or len(fact.subject.split()) < 2:
        return None
    last = fact.subject.split()[-1]
    if not last[:1].isupper() or _phrase_at(sentence_text, fact.subject, 0):
        return None  # "the two nations": a common noun phrase, or a name written in full
    if _phrase_at(sentence_text, last, 0):
        return replace(fact, subject=last)
    # "The fire started ..." of the reader's "Brenholt Fire", "the storm" of "Storm Arla":
    # a word of the name written as a common noun after "the" ("a fire" is another one)
    for word in reversed(fact.subject.split()):
        common = word.lower()
        found = _phrase_at(sentence_text, common, 0) if word[:1].isupper() else None
        if found is not None and THE_BEFORE.search(sentence_text[: found[0]]):
            return replace(fact, subject=common)
    return None


def _inside(words: str, text: str) -> bool:
    return _whole_at(text.lower(), words.lower()) >= 0


def _whole_at(text: str, words: str) -> int:
    """Where ``text`` first writes ``words`` with no word character (or hyphen) just before
    them and no word character just after (-1: nowhere)."""
    return next(whole_word_starts(text, words, after_hyphen=False), -1)


def _noun_after(sentence_text: str, time: TimeExpression, _: str) -> str:
    """ "the 1991-1993 war": the noun a period qualifies, written right after it."""
    # word-bounded: "fall" is not the date inside "the falling price"
    found = compiled_pattern(rf"(?<!\w){re.escape(time.evidence.text)}(?!\w)").search(sentence_text)
    if found is None:
        return ""
    position = found.start()
    before = sentence_text[:position]
    if not DETERMINER_JUST_BEFORE.search(before) or DATE_ENDS_ON_LINK.search(found.group(0)):
        # "closed in 2005-2007 after a leak": the period dates a verb, not a noun; "said
        # that today ..." and "the day before rallying" date what follows as a clause
        return ""
    after = re.split(
        r"[,.;:!?()\u2014\u2013]", sentence_text[position + len(time.evidence.text) :]
    )[0]
    words = WORD.findall(after)[:4]  # one past the phrase, to see what follows it
    kept: list[str] = []
    for at, word in enumerate(words[:3]):
        if (
            NOUN_PHRASE_STOP.match(word)
            or len(word) < 2
            or not word.replace("-", "").isalpha()  # "pin-up" is a word of the phrase
            or word.lower() in DETERMINERS
        ):
            break
        if word.lower() in NOT_IN_A_NOUN_PHRASE or (kept and _participle_after(words, at)):
            break  # "the day as of noon", "this year could see", "the 1991 deal reached by"
        kept.append(word.lower() if word[:1].islower() else word)
    while kept and "-" in kept[-1]:
        kept.pop()  # "the next day off-duty (officers)": a hyphened word qualifies a noun
    return " ".join(kept)


def _participle_after(words: list[str], at: int) -> bool:
    """ "the deal reached by": a participle after the noun, before a preposition or the end;
    "the court ordered stint" writes one before its noun."""
    following = words[at + 1 : at + 2]
    ends = not following or bool(NOUN_PHRASE_STOP.match(following[0]))
    return words[at].lower().endswith("ed") and ends


# A determiner right before the date ("the 1991 agreement"); "that" is left out, being as
# often the conjunction of a clause ("said that today ...")
# an article, a possessive pronoun or a name's possessive ("Playboy's January 1955 issue")
DETERMINER_JUST_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|this)|\b[A-Z][\w-]*['’]s)\s+$", re.IGNORECASE
)
# A date ending on a word that links it to what follows as a clause ("the day before")
DATE_ENDS_ON_LINK = re.compile(r"\b(?:before|after|since|until|as)$", re.IGNORECASE)
# Words that end a noun phrase after a date: conjunctions, modals and auxiliaries
NOT_IN_A_NOUN_PHRASE = word_set(
    """as than when while if because though could can may might must should will would shall
    has have had is are was were do does did"""
)


# ---------------------------------------------------------------- statement labels

# Words that cannot open a label's doer: a pronoun, or a possessive whose owner the label
# does not name ("Their families"), say nothing to a reader of the label alone.
UNNAMED_DOERS = frozenset(
    {"i", "you", "he", "she", "it", "we", "they", "this", "that", "these", "those", "who"}
    | {"whose"}  # "whose career spanned 30 years": a relative clause's, its owner unnamed
    | {"which", "there", "my", "your", "his", "her", "its", "our", "their", "one", "some"}
    | {"all", "both", "many", "most", "each", "none", "several", "others", "other"}
)
# Objects that stand for something the label does not say ("had this", "quoted him").
UNNAMED_OBJECTS = UNNAMED_DOERS | frozenset(
    {"him", "them", "us", "me", "nobody", "nothing", "something", "anything", "everything"}
    | {"everyone", "everybody", "someone", "somebody", "anyone", "none", "all", "so"}
)
# Auxiliaries and negation written before a verb: kept with it ("have fallen", "did not
# intervene", "was named"), so the label reads as the sentence does.
AUXILIARIES = frozenset(
    {"has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would"}
    | {"could", "can", "should", "may", "might", "must", "do", "does", "did", "not", "never"}
    | {"n't", "shall"}
)
# Verbs that say little without the clause or object that follows them ("X looked [as if
# ...]", "X planned [to ...]"): no label ends on them.
NEEDS_COMPLEMENT = word_set(
    """look seem appear plan want try need like love hate hope expect decide begin start
    continue go come get make take give keep know think believe say tell ask use intend
    prepare refuse agree fail manage wish prefer remain stay describe call consider find
    put set bring let help allow cause lead feel see hear show mean include involve
    decline attempt seek vow threaten promise prove suggest indicate reveal argue claim
    insist"""
)
# Verbs of giving, whose first object may be the one given to ("gave the inspector a list of
# answers", "provides the city with a loan"): what was given follows it.
GIVING_VERBS = word_set(
    """give offer send hand grant award pay lend owe sell provide supply present furnish
    equip"""
)
# Words a second object starts with, right after the first: "gave X a list", "X with".
SECOND_OBJECT = re.compile(
    r"\s*(?:with|a|an|the|several|some|many|more|no|his|her|its|their|[$€£\d])(?=\W|\d)",
    re.IGNORECASE,
)
# "had with brokers", "did with the money": a light verb whose only object is a preposition's
# is a clause that lost its object ("contacts the campaign had with brokers").
PREPOSITIONS = word_set("with about for from to of on in at by into over against among")
LABEL_DOER_WORDS = 8
HEDGE_WORDS = word_set("nearly almost about around some more over roughly approximately only up")
TIME_NOUNS = word_set("time times moment day days week weeks month months year years hour hours")
LABEL_OBJECT_WORDS = 9
CLAUSE_WORDS = 16
CLAUSE_SLACK = 4  # words over CLAUSE_WORDS a clause may run to and be shown whole
# "..., police Lt. A. Smith said." / "According to X, ...": who said it, not what was said.
TRAILING_ATTRIBUTION = re.compile(
    r"[,;]\s*[\"'\u201d\u2019]*\s*(?:[^,;]{0,80}?\s)?(?:said|says|told\s+[^,;]{1,40}|reported"
    r"|added|confirmed|announced)\s*[.!]?\s*[\"'\u201d\u2019]*\s*$",
    re.IGNORECASE,
)
LEADING_ATTRIBUTION = re.compile(r"^\s*according\s+to\s+[^,]{1,80},\s*", re.IGNORECASE)
# "But he said (that) ...": a pronoun's speech says nothing of who spoke.
PRONOUN_SPEECH = re.compile(
    r"^\s*(?:but\s+|and\s+)?(?:he|she|they)\s+(?:said|says|told\s+\w+|added)\s+(?:that\s+)?",
    re.IGNORECASE,
)


def statement_label(sentence: str, fact: Fact, complete: bool = False) -> str | None:
    """ "Officers found a shotgun in the car": the sentence's own words from the fact's doer
    through its verb (with the auxiliaries the sentence writes) to what it acted on; None
    when they do not make a clean phrase: a pronoun or an unnamed owner for the doer, a doer
    the clause does not start with, a verb without the object it needs, a word cut in two.
    ``complete``: also None when the phrase stops before the complement its verb goes on
    with ("the audit prompted the mayor" to resign; "an official assured" that ...)."""
    if not fact.predicate or not fact.subject:
        return None
    doer = _phrase_at(sentence, fact.subject, 0)
    if doer is None:
        return None
    first = sentence[doer[0] : doer[1]]
    if not _names_something(first, UNNAMED_DOERS, LABEL_DOER_WORDS) or _gerund(first):
        return None
    if first.split()[-1].lower() in TIME_NOUNS or _subordinate(sentence, doer[0]):
        return (
            None  # "a short time later evacuated"; "(the building) where the shootings took place"
        )
    verb = _verb_span(sentence, fact.predicate, doer[1])
    if verb is None or not _close(sentence, doer[1], verb[0]):
        return None  # the verb found is not this doer's: "X said that it was ..."
    lemma = fact.predicate.removeprefix("not ").split()[0]
    end = verb[1]
    if fact.object:
        what = _phrase_at(sentence, fact.object, verb[1])
        if what is None or _words_between(sentence, verb[1], what[0]) > OBJECT_GAP:
            return None
        written = sentence[what[0] : what[1]]
        if not _names_something(written, UNNAMED_OBJECTS, LABEL_OBJECT_WORDS):
            return None
        if lemma in LIGHT_PREDICATES and len(WORD.findall(written)) < 2:
            return None  # "had a mandate", "were a reminder": the rest of the clause says what
        if lemma in ("have", "do") and written.split()[0].lower() in PREPOSITIONS:
            return None  # "(contacts) the campaign had with brokers": the object is elsewhere
        if lemma in GIVING_VERBS and SECOND_OBJECT.match(sentence, what[1]):
            return None  # "gave the inspector (a list)": what was given is left out
        end = what[1]
        if len(WORD.findall(written)) == 1:
            # "took control (of 75 percent of the valley)": a bare noun goes on with its "of"
            noun_of = NOUN_OF_AFTER.match(sentence, end)
            end = noun_of.end() if noun_of else end
        if complete and _someone(written) and INFINITIVE_AFTER_OBJECT.match(sentence, end):
            return None  # "the ruling forced the mayor (to resign)": what the object was made to do
    elif lemma in LIGHT_PREDICATES or (lemma in NEEDS_COMPLEMENT and not verb_groups(lemma)):
        return None  # "X looked", "X planned": the verb needs what the clause goes on to say
    elif INFINITIVE_NEXT.match(sentence, verb[1]):
        return None  # "the board declined (to comment)": the verb's complement
    elif complete and CLAUSE_NEXT.match(sentence, verb[1]):
        return None  # "the mayor insisted (that ...)", "the crews kept (searching)"
    text = sentence[_with_determiner(sentence, doer[0]) : end]
    if len(WORD.findall(text)) > LABEL_WORDS + 4 or CLAUSE_BREAK_IN_LABEL.search(text):
        return None
    return tidy(text)


INFINITIVE_NEXT = re.compile(r"\s+to\s+[a-z]+\b")
# "of" and its noun phrase after a bare noun, as far as a clause break or a conjunction
NOUN_OF_AFTER = re.compile(
    r"\s+of\s+[^,;:()\[\]\"“”]+?(?=\s*(?:[,;:.!?]|$)|\s+(?:and|but|while|when|after|before"
    r"|because|as|which|who|that|to)\b)"
)
# "to" and a verb after an object, not "to" and the noun phrase of a place or a receiver
INFINITIVE_AFTER_OBJECT = re.compile(
    r"\s+to\s+(?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those)\b)[a-z]+\b"
)
# a "that" clause or a gerund straight after a verb without an object (not a word that
# only ends like one: "left during the night", "died this morning")
CLAUSE_NEXT = re.compile(
    r"\s+(?:that\s|(?!(?:during|morning|evening|nothing|something|anything|everything"
    r"|according|including|notwithstanding|thing|king|spring|ring|wing|bring)\b)[a-z]{2,}ing\b)"
)
DOER_GAP = 2  # words between the doer and its verb ("X also quickly left")
OBJECT_GAP = 3  # words between the verb and its object ("left all of the region")
CLAUSE_BREAK_IN_LABEL = re.compile(r"[;:()\[\]\"“”]|,\s")


def _and_its_verb(
    sentence: str, phrase: str, predicate: str
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Where the sentence writes a doer or a patient, and the clause's verb after it."""
    found = _phrase_at(sentence, phrase, 0)
    verb = _verb_span(sentence, predicate, found[1]) if found else None
    return (found, verb) if found is not None and verb is not None else None


def _phrase_at(sentence: str, phrase: str, after: int) -> tuple[int, int] | None:
    """Where the sentence writes the phrase (from ``after`` on), unless only as part of a
    longer word ("mid" of "mid-April", "non" of "non-American")."""
    start = sentence.find(phrase, after)
    while start >= 0:
        end = start + len(phrase)
        before, following = sentence[start - 1 : start], sentence[end : end + 2]
        cut = (before and (before.isalnum() or before in "-‐")) or following[:1].isalnum()
        cut = cut or (following[:1] in ("-", "‐") and following[1:2].isalnum())
        if not cut:
            return start, end
        start = sentence.find(phrase, start + 1)
    return None


def _someone(phrase: str) -> bool:
    """A named or a person noun object, whom a verb may make do something ("forced the
    mayor to resign"); not a thing an infinitive describes ("the ideal choice to host")."""
    words = WORD.findall(phrase)
    if not words:
        return False
    last = words[-1].lower()
    return words[-1][:1].isupper() or last in PERSON_NOUNS or last.removesuffix("s") in PERSON_NOUNS


def _subordinate(sentence: str, start: int) -> bool:
    """The clause is a subordinate one ("where the fire started", "that he left"): what it
    says leans on the clause around it."""
    before = WORD.findall(sentence[: _with_determiner(sentence, start)])[-1:]
    return bool(before) and before[0].lower() in SUBORDINATORS


# Words opening a clause within a clause ("where the fire started", "though it rained"); in a
# cut label, what follows the last of them must still hold its verb ("... started Friday
# while a handful of people | were ..." is no cut).
SUBORDINATORS = word_set(
    "where which who whom whose that when while if whether because as although though"
)
# Words that open the next clause (or a phrase of its own) after an infinitive's phrase
CLAUSE_BREAK_WORDS = "|".join(
    sorted(SUBORDINATORS | word_set("and or but after before until since unless so than"))
)


def _with_determiner(sentence: str, start: int) -> int:
    """The start of the phrase with the article written right before it ("the building")."""
    before = re.search(r"\b(the|a|an|The|A|An)\s+$", sentence[:start])
    return before.start() if before else start


def _close(sentence: str, doer_end: int, verb_start: int) -> bool:
    """The verb follows its doer, with at most a couple of adverbs between them."""
    between = [w.lower() for w in WORD.findall(sentence[doer_end:verb_start])]
    return (
        verb_start >= doer_end
        and len(between) <= DOER_GAP
        and not any(w in UNNAMED_OBJECTS or w in SPOKE for w in between)
    )


SPOKE = frozenset({"said", "says", "told", "tells", "say", "added", "stated"})


def _words_between(sentence: str, start: int, end: int) -> int:
    return len(WORD.findall(sentence[start:end])) if end >= start else 99


def _gerund(phrase: str) -> bool:
    """ "Closing the plant" (cost ...): a doing, no doer. A hyphened word ending in "-ing"
    is an adjective ("a fast-moving fire", "the long-running dispute") unless its first part
    is a prefix ("re-opening the port")."""
    first = WORD.findall(phrase)[:1]
    if not first or not first[0].islower() or not first[0].endswith("ing"):
        return False
    head, hyphen, _ = first[0].partition("-")
    return not hyphen or head in VERB_PREFIXES


VERB_PREFIXES = word_set("re co de pre un non mis over out under")
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def _names_something(phrase: str, unnamed: frozenset[str], longest: int) -> bool:
    words = [w.lower() for w in WORD.findall(phrase)]
    return bool(words) and words[0] not in unnamed and len(words) <= longest


def verb_as_written(sentence: str, predicate: str, after: int = 0) -> str | None:
    """The predicate's verb as the sentence writes it, with the auxiliaries and negation
    right before it ("have fallen", "did not intervene", "is not fulfilling"), or None."""
    found = _verb_span(sentence, predicate, after)
    return None if found is None else " ".join(sentence[found[0] : found[1]].split())


def _verb_span(sentence: str, predicate: str, after: int) -> tuple[int, int] | None:
    negated = predicate.startswith("not ")
    words = predicate.removeprefix("not ").split()
    lemma, particle = words[0], words[1:]
    tokens = [m for m in WORD.finditer(sentence) if m.start() >= after]
    for position, match in enumerate(tokens):
        word = match.group(0).lower()
        if not _inflects(word, lemma):
            continue
        start = position
        while start > 0 and _auxiliary(tokens[start - 1].group(0).lower()):
            start -= 1
        while start < position and tokens[start].group(0).lower().endswith("ly"):
            start += 1
        written = [t.group(0).lower() for t in tokens[start : position + 1]]
        if (
            negated
            and not any(w in ("not", "never") or w.endswith("n't") for w in written)
            and not tells_of_no_one(sentence)  # "No one has been arrested"
        ):
            return None
        if start == position and word != lemma and word.endswith(("ing", "en")):
            return None  # "going", "fallen": the auxiliary they need is not written
        end = match.end()
        following = tokens[position + 1 : position + 1 + len(particle)]
        if particle and [t.group(0).lower() for t in following] == particle:
            end = following[-1].end()
        return tokens[start].start(), end
    return None


def _auxiliary(word: str) -> bool:
    return word in AUXILIARIES or word.endswith("n't") or (word.endswith("ly") and len(word) > 3)


def tidy(text: str) -> str:
    """The spaces that tokenised text puts inside a phrase taken out ("J . Pickell",
    "high - speed", "$ 43") closed up, and the first letter capitalised."""
    text = " ".join(text.split())
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"(\w)\s+([-‐])\s+(\w)", r"\1\2\3", text)
    text = re.sub(r"\b([A-Z])\s\.", r"\1.", text)
    text = re.sub(r"(\d),\s(\d{3})(?!\d)", r"\1,\2", text)  # "2, 000ft"
    text = re.sub(r"(\w)\s+([’']\s*(?:s|d|ll|re|ve|m|t)\b)", r"\1\2", text)  # "He ’ d"
    text = re.sub(r"([’'])\s+(s|d|ll|re|ve|m|t)\b", r"\1\2", text)
    return sentence_case(text)


# A relative adverb straight before a finite verb of being or having: the clause it opens
# lost its subject ("the firm where was fired last week", a source's slip), or asks a question.
SUBJECTLESS_CLAUSE = re.compile(
    r"\b(?:where|when|whereby|wherein)\s+(?:is|are|was|were|has|have|had)\s+(?:been\s+)?"
    r"\w+(?:ed|en)\b",
    re.IGNORECASE,
)


def parses_whole(sentence: str) -> bool:
    """Whether each clause of a sentence has its subject: not "the firm where was fired"
    ("the firm where he was fired"). A question may invert ("where was it found?")."""
    return sentence.rstrip(" \"'\u201d\u2019").endswith("?") or not SUBJECTLESS_CLAUSE.search(
        sentence
    )


def clause_label(sentence: str) -> str:
    """A cited sentence as a label when no clean phrase can be built from its clause: the
    sentence without who said it ("..., police said"; a quotation's words without the
    "... ," said X, who ..." after them), cut only when it is long."""
    quoted = QUOTE_THEN_SPEAKER.match(sentence)
    if quoted is not None and len(quoted.group("words").split()) >= QUOTE_LABEL_WORDS:
        sentence = quoted.group("words")
    text = PRONOUN_SPEECH.sub("", LEADING_ATTRIBUTION.sub("", sentence.strip()))
    text = TRAILING_ATTRIBUTION.sub("", text).strip()
    text = text.strip(" \"'\u201c\u201d\u2018\u2019").rstrip(".!?;:, ")
    return _clause_clipped(_without_stray_quote(tidy(_main_clause(text) or sentence)))


def _clause_clipped(text: str) -> str:
    """A clause as a label: whole when it is at most a few words over the length a label
    aims at (a cut there leaves out the last words of its last phrase), else cut."""
    if not _over_a_label(text):
        return sentence_case(text.rstrip(",;:"))
    return _cut_at_a_phrase(text) or clipped(text, CLAUSE_WORDS)


# Words opening a phrase a clause can end before and still say what happened ("... dismantled
# their posts | along the line", "... took to the streets | as rallies spread"). Not "of", "to",
# "and", "or" or "that": what follows them often completes the phrase before ("most | of the
# posts", "agreed | to leave", "a judge | and a clerk": a list cut short misleads).
PHRASE_OPENERS = word_set(
    """along as following after before since until amid during while when where because near
    across through into under over against within without despite including in on at from
    for with by which who whose"""
)
# Words a phrase cannot end on before an opener: "as many | as", "ended up | with", "nothing
# to do | with"; a verb form before an opener often takes it as its own ("taking over",
# "was rolled into"), so no cut comes right after one either.
PHRASE_CUT_LEADS = word_set(
    """such well many much more less soon far long just even right all both only not up out
    down off away back do be go get come been being thanks due according prior instead ahead"""
)
SHORTEST_CUT = 8  # fewer words left before a phrase tell too little: cut with "…" instead


def _cut_at_a_phrase(text: str) -> str | None:
    """A long clause ended before the last phrase that opens within the words a label
    shows, so that the label reads whole ("Police said up to 20,000 people marched in
    Harwick as rallies ..." -> "Police said up to 20,000 people marched in Harwick"); None
    when no such phrase opens there, or when the cut would leave an aside open ("Tamsin
    Vale, the mayor who spoke on ...")."""
    words = text.split()
    for end in range(CLAUSE_WORDS, SHORTEST_CUT - 1, -1):
        opener, last = words[end].lower(), words[end - 1].lower().strip(",;:")
        if opener not in PHRASE_OPENERS or last in PHRASE_CUT_LEADS or past_forms(last):
            continue
        if NOUN_PHRASE_STOP.match(last) or last in DETERMINERS or last.endswith("ly"):
            continue  # "... the men who were | in ...", "shortly | after": the phrase is open
        kept = " ".join(words[:end]).rstrip(",;:")
        if _closed(kept) and _last_clause_has_verb(words[:end]):
            return sentence_case(kept)
    return None


def _last_clause_has_verb(words: list[str]) -> bool:
    """Whether a cut label still holds its verbs: one at all ("A woman suspected of setting
    the fire" has none), one before the first word opening an inner clause (a main clause's:
    "The captain who retired from the line" has none), and one after the last such word or
    the last comma ("... while a handful of people" and "Tamsin Vale, the mayor" have none,
    "Orrin Pell, 37, was found" has). A clause opening the sentence ("When the ferry sank,
    ...") needs the comma after it."""
    bare = [word.lower().strip(",;:\"'\u201c\u201d") for word in words]
    verbs = [k for k in range(len(bare)) if _a_verb(bare, k)]
    inner = [k for k, word in enumerate(bare) if word in SUBORDINATORS]
    commas = [k for k, word in enumerate(words) if ASIDE_COMMA.search(word)]
    if not verbs or (inner and inner[0] == 0 and not commas):
        return False
    if inner and inner[0] > 0 and verbs[0] > inner[0]:
        return False
    opens = inner + commas
    return not opens or verbs[-1] > max(opens)


def _a_verb(words: list[str], k: int) -> bool:
    """Whether the k-th word is surely a verb of a clause: an auxiliary, a saying ("says"),
    or a past form not opening a participle's phrase ("suspected of", "hit by")."""
    word, after = words[k], words[k + 1] if k + 1 < len(words) else ""
    if FINITE_AUXILIARY.fullmatch(word) or word.removesuffix("s") in REPORTING_VERBS:
        return True
    return (
        past_forms(word) is not None
        and not word.endswith("ing")
        and after not in PARTICIPLE_PREPOSITIONS
    )


PARTICIPLE_PREPOSITIONS = word_set("of by with for")


ASIDE_COMMA = re.compile(r",(?!\d)")  # not the comma of "20,000"


def _closed(text: str) -> bool:
    """Whether no aside, bracket or quotation the text opens is left open at its end."""
    return (
        len(ASIDE_COMMA.findall(text)) % 2 == 0
        and text.count("(") == text.count(")")
        and text.count('"') % 2 == 0
        and text.count("\u201c") == text.count("\u201d")
    )


def _main_clause(text: str) -> str:
    """The sentence as a headline says it: without a connective before its subject ("But",
    "Accordingly,"); and, while it is too long for a label whole, without an aside a
    relative pronoun or a participle with its doer opens between commas before the clause
    goes on with its verb ("The levy, which began in May, was agreed ...", "the exodus,
    accompanied by ..., is a blow"), a closing relative clause or participle's
    phrase (", fearing reprisals"), a short opening phrase before its subject ("In
    mid-April, the board announced ..."); each kept when what is left would be too short
    to tell anything. Then, still too long, a closing adjunct ("... forces from the region
    following the takeover of ..."). Who said it stays: what one side says is no fact."""
    while (cut := OPENING_CONNECTIVE.sub("", text, count=1)) != text:
        text = cut
    for shorten in (
        _without_asides,
        _without_closing_phrase,
        _without_second_clause,
        _without_saying_day,
        _without_opening_phrase,
        _without_closing_adjunct,
        _without_editorial_insert,
        _without_closing_date,
    ):
        if len(text.split()) <= CLAUSE_WORDS:
            break
        shorter = shorten(text)
        if len(shorter.split()) >= HEADLINE_WORDS:
            text = shorter
    return sentence_case(text) if text else text


def _without_closing_adjunct(text: str) -> str:
    """Without a closing "after ..." phrase, unless the clause's own verb comes in it ("the
    queen who left after 1957 was unaware ...") or it counts from a time ("one month
    before ...")."""
    for adjunct in CLOSING_ADJUNCT.finditer(text):
        before = text[: adjunct.start()].split()
        rest = text[adjunct.start() :]
        last = before[-1].lower() if before else ""
        if FINITE_AUXILIARY.search(rest) or last in TIME_NOUNS | ADJUNCT_LEADS:
            continue  # "... was unaware", "one month before", "even though"
        if last.endswith("ly"):
            continue  # "shortly before"
        if past_forms(last) is not None and not last.endswith("ing"):
            continue  # "the first election held (since ...)": the participle's phrase
        return text[: adjunct.start()]
    return text


ADJUNCT_LEADS = word_set("even just right long soon not only ever")  # "even though", "long after"
FINITE_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|could|would|will|can|may|might|must|should|has|have|had)\b"
)


def _without_second_clause(text: str) -> str:
    """The first of two clauses a contrast or a semicolon joins ("X rose, but Y fell";
    "X rose; Y fell"): a main clause of its own, the news the sentence opens with."""
    second = SECOND_CLAUSE.search(text)
    return text[: second.start()] if second else text


def _without_saying_day(text: str) -> str:
    """Without the day between a verb of saying and what was said, and the "that" before it
    ("said on Thursday night that the crews ..." -> "said the crews ..."): the saying's day,
    not what the label says."""
    return SAYING_DAY.sub(r"\g<verb> ", text, count=1)


def _without_editorial_insert(text: str) -> str:
    """Without an editor's words in brackets ("the crews [in Lindale] from ..."), when
    the label would be cut with them: they may stand for a word the speaker said ("which
    [answer]"), and stay when there is room."""
    return EDITORIAL_INSERT.sub("", text) if _over_a_label(text) else text


def _without_closing_date(text: str) -> str:
    """Without a closing date ("... was completed on June 12", "... in 2029"): a date is a
    claim of its own; the label says what happened. Only when the label would be cut
    without it."""
    found = CLOSING_DATE.search(text)
    if found is None or not _over_a_label(text):
        return text
    words = [w.lower().strip(".,") for w in found.group("date").split()]
    if all(w.isdigit() or w in CALENDAR_WORDS or w in DATE_HEDGES for w in words):
        return text[: found.start()]
    return text


def _over_a_label(text: str) -> bool:
    """Too long to be shown whole as a label (:func:`_clause_clipped`)."""
    return len(text.split()) > CLAUSE_WORDS + CLAUSE_SLACK


def _without_closing_phrase(text: str) -> str:
    closing = CLOSING_PHRASE.search(text)
    return text[: closing.start()] if closing else text


def _without_opening_phrase(text: str) -> str:
    """Without "In mid-April, " or "After the vote, "; "In Carrow Ford, " names a place
    the clause does not, and stays."""
    opened = OPENING_PHRASE.match(text)
    if opened is None or any(_a_name(word) for word in opened.group(0).split()[1:]):
        return text
    return text[opened.end() :]


def _a_name(word: str) -> bool:
    """A capitalised word that is no month or weekday ("Ford", not "April" or "mid-April")."""
    parts = [p for p in re.split(r"[-‐]", word.strip(",.;:")) if p]
    return any(p[:1].isupper() and p.lower().rstrip(".") not in CALENDAR_WORDS for p in parts)


def _without_asides(text: str) -> str:
    """Without each aside between commas after which the clause goes on with its verb."""
    kept, at = [], 0
    for aside in RELATIVE_ASIDE.finditer(text):
        following = aside.group("next")
        if following in AUXILIARIES or (
            past_forms(following) is not None and not following.endswith("ing")
        ):  # the clause goes on with its verb: the aside was all between the commas
            kept.append(text[at : aside.start()] + " ")
            at = aside.end()
    return "".join(kept) + text[at:]


HEADLINE_WORDS = 4  # fewer words left tell nothing: the sentence is kept whole
OPENING_CONNECTIVE = re.compile(
    r"^(?:(?:accordingly|however|meanwhile|moreover|furthermore|nevertheless|nonetheless|still"
    r"|indeed|instead|thus|therefore|in addition|as a result|in turn|at the same time|in fact"
    r"|by contrast|in contrast|separately|yet)\s*,\s*|(?:but|and|so|yet)\s+)",
    re.IGNORECASE,
)
# "In mid-April, ", "Last month, ", "Supported by its allies, ": a phrase of up to nine
# words before the subject, not before a relative pronoun or a conjunction
OPENING_PHRASE = re.compile(
    r"^(?:(?i:in|on|at|by|after|before|during|since|following|amid|despite|under|with|without"
    r"|earlier|later|according\s+to|as\s+of|until|(?:last|this|that|next)\s+(?:week|month|year"
    r"|morning|afternoon|evening|night|day|time|season|summer|winter|spring|fall|autumn))\b"
    r"|[A-Z][a-z]+(?:ed|ing)\b)(?:\s+[^\s,;:\"\u201c\u201d()]+){0,8},\s+"
    r"(?!(?:which|who|whom|whose|where|when|and|but|or|that)\b)"
)
# "... forces from the region following the takeover": a phrase the main clause does without
CLOSING_ADJUNCT = re.compile(
    r"\s+(?:following|after|before|amid|despite|because|while|although|though|until)\s+"
    r"(?=[^,;:\"\u201c\u201d]*$)"
)
RELATIVE_ASIDE = re.compile(
    r",\s+(?:which|who|whom|whose|also\s+known\s+as|known\s+as|[a-z]+ed\s+by)\b"
    r"[^,;:\"\u201c\u201d()`]{1,100},\s+(?=(?P<next>[a-z]+)\b)"
)
# An editor's insertion in a quotation ("the crews [in Lindale] from ..."): no words of
# the sentence's own
EDITORIAL_INSERT = re.compile(r"\s*\[[^\[\]]{1,40}\]")
SAYING_DAY = re.compile(
    r"\b(?P<verb>said|says|told\s+\w+|stated|announced|confirmed|reported|added|warned)\s+"
    rf"(?:(?:on\s+)?(?:{'|'.join(WEEKDAY_NAMES)}|yesterday|today)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s+)?that\s+"
    r"(?=(?:the|a|an|its|their|his|her|it|he|she|they|this|these)\b)"
)
CLOSING_DATE = re.compile(r",?\s+(?:on|in)\s+(?P<date>[\w,. -]{1,24})$")
DATE_HEDGES = word_set("early late mid")
# Where a second clause starts: not ", and", which also joins the last of a list
SECOND_CLAUSE = re.compile(r"(?:,\s+(?:but|while|whereas|although|though|yet)|;)\s+")
CLOSING_PHRASE = re.compile(
    r",\s+(?:(?:which|who|whom|whose|where)\b|[a-z]{2,}ing\b)[^,;:\"\u201c\u201d]*$"
)


# A quotation opening the sentence, then who said it and anything after ("'We will rebuild,'
# said Ona Brisk, the mayor, who ..."; "'We will rebuild,' Brisk said after the vote").
QUOTE_THEN_SPEAKER = re.compile(
    r"^\s*[\"\u201c](?P<words>[^\"\u201c\u201d]+?)\s*[,!?]\s*[\"\u201d]\s*"
    r"(?:[^\"\u201c\u201d]{0,60}?\s)?(?:said|says|told|added|wrote|tweeted)\b",
    re.IGNORECASE,
)
QUOTE_LABEL_WORDS = 4  # fewer quoted words ("'Anna,' he said, 'we ...'") name no claim
DOUBLE_QUOTES = ('"', "\u201c", "\u201d")


def _without_stray_quote(text: str) -> str:
    """A label without a quotation mark left alone by the cut ("The goal, he said, is "a
    lasting truce"): one mark with no partner reads as a slip."""
    marks = sum(text.count(mark) for mark in DOUBLE_QUOTES)
    if marks != 1:
        return text
    for mark in DOUBLE_QUOTES:
        text = text.replace(mark, "")
    return " ".join(text.split())
