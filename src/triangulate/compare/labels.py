"""Labels a journalist would write for a claim: a short plain phrase saying what it is about.

Built from the fact the claim lines up (its predicate and slots) and the words the sources
wrote, never from a window of nearby words: "Number of residents who fled",
"How far Duncan fell", "Age of A. Smith", "When the talks began", "Years of the war".
No value code ever appears in a label.
"""

from __future__ import annotations

import re

from triangulate.core.words import WORD, irregular_forms
from triangulate.models import Fact, Quantity, TimeExpression

LABEL_WORDS = 12
# Words that may stand between a figure and its counted noun ("1,400-strong rescue team").
NOUN_PHRASE_STOP = re.compile(
    r"^(?:of|in|on|at|by|for|from|with|to|and|or|who|that|which|were|was|are|is|had|have|has|"
    r"will|would|said|says|,|\.|;|:)$",
    re.IGNORECASE,
)
SIZE_HEDGES = frozenset({"-strong"})
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
            return f"not {found}" if negated else found
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


def figure_label(
    sentence_text: str, sentence_start: int, quantity: Quantity, fact: Fact | None
) -> str:
    """ "Number of residents who fled", "Size of the rescue team", "Age of X"."""
    noun = counted_phrase(sentence_text, sentence_start, quantity)
    if quantity.hedge in SIZE_HEDGES:
        return clipped(f"Size of the {noun}")
    if quantity.unit in ("percent", "percentage points"):
        return clipped(f"Share ({_verb_phrase(sentence_text, fact) or 'percent'})")
    verb = surface_verb(sentence_text, fact.predicate if fact else None)
    written = quantity.evidence.text
    if fact is not None and verb and fact.subject and written in fact.subject:
        return clipped(f"Number of {noun} who {verb}")
    if fact is not None and verb and fact.object and written in fact.object:
        return clipped(f"Number of {noun} {_participle(verb)}")
    return clipped(f"Number of {noun}")


def _participle(verb: str) -> str:
    """ "confiscated" stays; a present form becomes "…ed" only when it looks regular."""
    return verb


def pronoun_led(label: str) -> bool:
    """ "When it was closed": a label whose doer is a pronoun says less than another."""
    words = label.lower().split()
    return len(words) > 1 and words[1] in PRONOUNS


def _verb_phrase(sentence_text: str, fact: Fact | None) -> str:
    if fact is None or not fact.predicate:
        return ""
    verb = surface_verb(sentence_text, fact.predicate)
    if not fact.subject and fact.object:
        # a passive clause ("The smelter was closed"): its object is what it is about
        return f"{_lowered(fact.object)} {_auxiliary_before(sentence_text, verb)}{verb}"
    return " ".join(p for p in (fact.subject, verb, fact.object) if p)


def _lowered(phrase: str) -> str:
    """ "It", "The smelter" lose the capital they had at the start of a sentence."""
    first = phrase.split()[0] if phrase.split() else ""
    if first.lower() in DETERMINERS | PRONOUNS:
        return first.lower() + phrase[len(first) :]
    if first[:1].islower():
        return "the " + phrase  # the reader drops the article of a common noun
    return phrase


def _auxiliary_before(sentence_text: str, verb: str) -> str:
    """ "was " in "was closed": the form of "be" right before a verb, as written."""
    found = re.search(
        rf"\b((?:has|have|had)\s+been|was|were|is|are|be)\s+(?:\w+ly\s+)?{re.escape(verb)}\b",
        sentence_text,
    )
    return " ".join(found.group(1).split()) + " " if found else ""


def length_label(sentence_text: str, fact: Fact | None) -> str:
    """ "How far the climber fell"; "Distance" when no clause says who moved."""
    if fact is None or not fact.predicate or not fact.subject:
        return "Distance"
    if fact.predicate.removeprefix("not ") in LIGHT_PREDICATES:
        return "Distance"  # "is dead after falling 150 metres": the verb says nothing of it
    verb = surface_verb(sentence_text, fact.predicate)
    return clipped(f"How far {fact.subject} {verb}")


def area_label(sentence_text: str, sentence_start: int, quantity: Quantity) -> str:
    """ "Area of the building": the noun the area describes, written after its unit."""
    after = sentence_text[quantity.evidence.end - sentence_start :]
    words = [w for w in WORD.findall(after)[:8] if w.lower() not in AREA_WORDS]
    noun = []
    for word in words[:3]:
        if NOUN_PHRASE_STOP.match(word):
            break
        noun.append(word)
    return clipped(f"Area of the {' '.join(noun)}") if noun else "Area"


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
        "mile",
        "miles",
        "yard",
        "yards",
    ]
)


def date_label(sentence_text: str, time: TimeExpression, fact: Fact | None, period: bool) -> str:
    """ "When the talks began" for a date, "Years of the war" for a period."""
    if period:
        noun = _noun_after(sentence_text, time, sentence_text)
        if noun:
            return clipped(f"Years of the {noun}")
    phrase = _verb_phrase(sentence_text, fact)
    if phrase:
        return clipped(f"When {phrase}")
    return "Date"


def _noun_after(sentence_text: str, time: TimeExpression, _: str) -> str:
    """ "the 1991-1993 war": the noun a period qualifies, written right after it."""
    position = sentence_text.find(time.evidence.text)
    if position < 0:
        return ""
    before = WORD.findall(sentence_text[:position])[-1:]
    if not before or before[0].lower() not in DETERMINERS:
        return ""  # "closed in 2005-2007 after a leak": the period dates a verb, not a noun
    words = WORD.findall(sentence_text[position + len(time.evidence.text) :])[:3]
    kept = []
    for word in words:
        if NOUN_PHRASE_STOP.match(word) or not word.isalpha():
            break
        kept.append(word.lower() if word[:1].islower() else word)
    return " ".join(kept)
