"""Words: one tokenizer, one stop-word set and one stem every step compares words by.

Where an article has been read, spaCy has given each word form its lemma ("left" ->
"leave", "closing" -> "close"); the reading keeps those that differ from the form
(:attr:`~triangulate.models.Reading.lemmas`) and :func:`stem` uses them. A light folding
of plural and possessive endings joins the rest, and is all there is for text no reader
has seen (story clustering of raw articles).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache
from importlib import resources

# A word: letters and digits, with inner apostrophes and hyphens ("don't", "so-called").
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")

# Closed-class English words (articles, prepositions, conjunctions, pronouns, auxiliaries,
# a few adverbs) and the reporting verbs of news ("said", "according"): words that say
# nothing of what a sentence is about. Quantifiers ("other", "many") are not in it.
_STOP_TEXT = """
    a an the and or but nor of to in on at by for with from as into onto over under up down out
    off about above below after before since until till during between among through across
    within without against upon than then again this that these those it its itself he him his
    himself she her hers herself they them their theirs themselves we us our ours ourselves
    you your yours yourself yourselves i me my myself who whom whose which what when where why
    how whether while if because though although so also only just very too yet not no is are
    was were be been being am has have had having do does did doing will would can could may
    might must shall should there here more most some any all each both such once ever per
    said says say saying told according"""
STOP_WORDS = frozenset(_STOP_TEXT.split())

Lemmas = Mapping[str, str]  # lower-cased word form -> its lemma, where they differ


# A pattern made of an article's own words (a name, a phrase, a verb), compiled once each:
# a large comparison makes more of them than ``re`` keeps (512), so that through ``re`` each
# was compiled again at every call and pushed the fixed patterns out too. Bounded: the words
# come from untrusted text.
compiled_pattern = lru_cache(maxsize=8192)(re.compile)


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one string, one or more per line."""
    return frozenset(words.split())


def lower_same_length(text: str) -> str:
    """``text.lower()`` with every offset kept (a few characters lower-case to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def whole_word_starts(text: str, words: str, *, after_hyphen: bool = True) -> Iterator[int]:
    """Each place ``text`` writes ``words`` whole: no word character (what ``\\w`` matches) just
    before or just after them ("and" is not in "Anderson"); with ``after_hyphen=False``, no
    hyphen just before either ("year" is not in "five-year"). The search of ``(?<!\\w)words
    (?!\\w)`` without a pattern to compile for each ``words``."""
    start = text.find(words)
    while start >= 0:
        end = start + len(words)
        before, after = text[start - 1 : start], text[end : end + 1]
        joined_before = bool(before) and (
            _word_character(before) or (not after_hyphen and before == "-")
        )
        if not joined_before and not (after and _word_character(after)):
            yield start
        start = text.find(words, start + 1)


def _word_character(character: str) -> bool:
    """What ``\\w`` matches: a letter, digit or numeral of any script, or an underscore."""
    return character.isalnum() or character == "_"


def words_of(text: str) -> list[str]:
    """The words of a text, as written."""
    return WORD.findall(text)


def last_word(text: str) -> str:
    """The last word of a phrase, lower-cased ("" for none): a unit's counted noun."""
    words = text.split()
    return words[-1].lower() if words else ""


def lemma_pairs(tokens: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """(form, lemma) for the word forms of a parsed text whose lemma differs, lower-cased;
    a form lemmatised two ways keeps its most frequent lemma."""
    seen: dict[str, Counter[str]] = {}
    for form, lemma in tokens:
        lowered = form.lower()
        seen.setdefault(lowered, Counter())[lemma.lower() or lowered] += 1
    pairs = ((form, lemmas.most_common(1)[0][0]) for form, lemmas in seen.items())
    return tuple(sorted((form, lemma) for form, lemma in pairs if lemma != form))


def stem(word: str, lemmas: Lemmas | None = None) -> str:
    """The key the forms of one word share: its lemma where the article was read ("left" ->
    "leave"), lower-cased, with plural and possessive endings folded ("inspectors'",
    "inspector's" and "inspectors" -> "inspector")."""
    lowered = word.lower().replace("’", "'")
    if lemmas is not None:
        lowered = lemmas.get(lowered, lowered)
    return _fold(lowered.removesuffix("'s").removesuffix("'"))


def _fold(word: str) -> str:
    # Verb endings are left to the lemmas: folded by rule ("closing" -> "clos"), they join
    # words that differ and split story clusters on ECB+ (docs/benchmarks.md).
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str, lemmas: Lemmas | None = None) -> frozenset[str]:
    """The stems of a text's words that are not stop words (nor single letters)."""
    found = (word.lower() for word in WORD.findall(text))
    return frozenset(
        stem(word, lemmas) for word in found if word not in STOP_WORDS and len(word) > 1
    )


def overlap(first: frozenset[str], second: frozenset[str]) -> float:
    """Jaccard overlap of two word sets (0 when either is empty)."""
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


@cache
def _verb_group_index() -> dict[str, frozenset[int]]:
    raw = json.loads(resources.files("triangulate").joinpath("data/verb_groups.json").read_text())
    found: dict[str, set[int]] = {}
    for index, verbs in enumerate(raw["groups"]):
        for verb in verbs:
            found.setdefault(verb, set()).add(index)
    return {verb: frozenset(groups) for verb, groups in found.items()}


def verb_groups(lemma: str) -> frozenset[int]:
    """The groups of near-synonymous news verbs a verb lemma ("pull out") belongs to."""
    return _verb_group_index().get(lemma, frozenset())


def verbs_alike(first: str | None, second: str | None) -> bool:
    """Same verb, or verbs news reports use for the same happening ("withdraw", "pull out");
    a negated verb ("not leave") is alike only to another negated one."""
    if not first or not second:
        return False
    if first.startswith("not ") != second.startswith("not "):
        return False
    first, second = first.removeprefix("not "), second.removeprefix("not ")
    return first == second or bool(verb_groups(first) & verb_groups(second))


# The irregular past forms news text uses most ("fought", "fled", "fell"), for writing a
# verb as a sentence wrote it; regular forms are found by their stem.
_IRREGULAR = """be:is,was,were,been,are fight:fought fall:fell,fallen flee:fled leave:left hold:held
begin:began,begun win:won lose:lost say:said tell:told find:found go:went,gone come:came
give:gave,given get:got take:took,taken make:made see:saw,seen bring:brought buy:bought
sell:sold shoot:shot strike:struck steal:stole,stolen run:ran,run meet:met send:sent spend:spent
pay:paid keep:kept stand:stood rise:rose,risen drive:drove,driven break:broke,broken
choose:chose,chosen speak:spoke,spoken write:wrote,written lead:led build:built catch:caught
seek:sought teach:taught think:thought feel:felt sink:sank,sunk swear:swore,sworn
throw:threw,thrown grow:grew,grown know:knew,known fly:flew,flown draw:drew,drawn
hide:hid,hidden bear:bore,born beat:beat,beaten forbid:forbade,forbidden freeze:froze,frozen
overtake:overtook withdraw:withdrew,withdrawn undertake:undertook slay:slew,slain
have:had,has do:did,done,does become:became slide:slid ride:rode,ridden swim:swam,swum
dive:dove,dived hit:hit cut:cut hurt:hurt put:put set:set shut:shut spread:spread"""
_IRREGULAR_FORMS = {
    lemma: frozenset(forms.split(","))
    for lemma, forms in (entry.split(":") for entry in _IRREGULAR.split())
}


def irregular_forms(lemma: str) -> frozenset[str]:
    """The irregular inflected forms of a verb lemma ("fought" for "fight"), if any."""
    return _IRREGULAR_FORMS.get(lemma, frozenset())


# The simple past first, the past participle last ("fall:fell,fallen"), as the table lists them
_PAST_FORMS = {
    lemma: (forms.split(",")[0], forms.split(",")[-1])
    for lemma, forms in (entry.split(":") for entry in _IRREGULAR.split())
}
_FORM_LEMMAS = {form: lemma for lemma, forms in _IRREGULAR_FORMS.items() for form in forms}
# Verbs whose forms are auxiliaries more often than verbs of their own
_AUXILIARY_LEMMAS = frozenset({"be", "have", "do"})


def past_forms(written: str) -> tuple[str, str] | None:
    """The simple past and the past participle of the verb a word writes: "falling" ->
    ("fell", "fallen"), "slipping" -> ("slipped", "slipped"), "shot" -> ("shot", "shot");
    None when the word is no verb form (-ing, -ed or an irregular form) or an auxiliary's."""
    word = written.lower()
    lemma = _FORM_LEMMAS.get(word)
    if lemma is None and word.endswith("ing") and len(word) >= 5:
        stem = word[:-3]
        doubled = [stem[:-1]] if stem[-1] == stem[-2] else []  # "running" -> "run"
        lemma = next((c for c in (stem, stem + "e", *doubled) if c in _PAST_FORMS), None)
        if lemma is None:  # a regular verb: "slipping" -> "slipped", "carrying" -> "carried"
            consonant_y = stem.endswith("y") and stem[-2:-1] not in ("a", "e", "i", "o", "u")
            regular = stem[:-1] + "ied" if consonant_y else stem + "ed"
            return regular, regular
    elif lemma is None and word.endswith("ed") and len(word) >= 5:
        return word, word
    if lemma is None or lemma in _AUXILIARY_LEMMAS:
        return None
    return _PAST_FORMS[lemma]


# Numbers written as single words, as the readers meet them.
NUMBER_WORDS: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
    "million": 1_000_000, "billion": 1_000_000_000,
}  # fmt: skip


# Verbs that report speech, as lemmas. The quote reader attributes quotes with the broad set;
# a statement whose main verb is one of the narrow set reports another statement (the sentence
# aligner's features were fitted with this narrow set).
SPEECH_VERBS = word_set(
    """say tell state claim indicate acknowledge announce report confirm deny insist argue
    warn add note explain allege stress emphasize emphasise declare reply respond write tweet
    admit assert maintain reiterate comment remark suggest predict promise vow pledge threaten
    urge reveal recall estimate quip concede contend testify ask insist repeat describe call"""
)
REPORTING_VERBS = frozenset(
    {
        "say",
        "tell",
        "report",
        "state",
        "announce",
        "add",
        "confirm",
        "claim",
        "note",
        "explain",
        "insist",
        "reveal",
        "quote",
        "write",
        "declare",
        "stress",
        "warn",
        "acknowledge",
    }
)


def simple_past(lemma: str) -> str:
    """The simple past of a verb lemma: "said" for "say", "explained" for "explain"."""
    if lemma in _PAST_FORMS:
        return _PAST_FORMS[lemma][0]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "i", "o", "u"):
        return lemma[:-1] + "ied"
    return lemma + "ed"


# A line that reports what someone said ("..., organizers said.", "he told reporters",
# "according to police"): a reporting verb in the past, or "says", "tells"; none in the
# present, which a site's own words use ("our reporting", "add to cart")
REPORTED_SPEECH = re.compile(
    r"\b(?:"
    + "|".join(sorted({simple_past(verb) for verb in REPORTING_VERBS} | {"says", "tells"}))
    + r"|according to)\b",
    re.IGNORECASE,
)


# Titles written short before a name ("Sgt. Paul Edevane", "Det. Ana Moll"): their dot ends
# no sentence, though the parser often takes it for an end
TITLE_ABBREVIATIONS = word_set(
    """mr mrs ms dr prof lt sgt capt col gen gov sen rep rev det insp supt cpl ofc dep atty cmdr
    maj adm pres"""
)
# Words whose dot ends no sentence: titles before a name, and the usual short forms
ABBREVIATIONS = TITLE_ABBREVIATIONS | word_set(
    "st mt ft jr sr inc co corp ltd no vs jan feb mar apr aug sept sep oct nov dec"
)


# Nouns that stand for one person ("the man", "a second victim, 31,"): what "he" or an age
# set off by commas may stand for. Trades and kin as well ("a 38-year-old roofer was shot",
# "his stepson was taken into custody"); not the words that are also names or titles
# ("Cook County", "Carpenter", "Singer", "the district attorney", "Detective Vell said"), nor
# those that tell some other thing as often ("a minor injury", "a relative calm", "a senior
# official"), nor those that stand before another person's noun as often as for a person ("a
# veteran police officer", "a juvenile detention officer", "a mechanic shop employee": the
# count pattern takes the first of its nouns it finds), nor an animal's ("the newborn calf").
PERSON_NOUNS = word_set(
    """man woman boy girl person victim suspect gunman teenager teen driver passenger pilot
    climber hiker patient officer clerk cashier guard worker employee owner resident student
    customer motorist cyclist pedestrian soldier firefighter nurse doctor teacher child toddler
    mother father mom dad son daughter wife husband neighbour neighbor brother sister cousin
    uncle aunt nephew niece grandson granddaughter grandmother grandfather boyfriend girlfriend
    fiance fiancee roommate friend deputy trooper bystander infant baby shooter robber inmate
    prisoner pastor homeowner tenant shopper retiree miner swimmer sailor fisherman farmer
    jogger spectator protester journalist reporter photographer motorcyclist bicyclist
    coworker colleague classmate freshman sophomore volunteer tourist visitor commuter rider
    skier surfer diver hunter camper athlete player civilian survivor witness defendant
    attacker assailant burglar thief intruder paramedic lifeguard policeman policewoman
    trucker laborer contractor vendor rancher pupil kid youth fugitive occupant bartender
    stranger crewman roofer electrician plumber welder landscaper janitor custodian waiter
    waitress chef nanny babysitter caregiver salesman saleswoman logger fireman dispatcher
    bouncer hairdresser postman mailman pharmacist dentist surgeon physician nun rabbi imam
    librarian accountant banker businessman businesswoman musician rapper actor actress
    jailer technician groundskeeper housekeeper handyman repairman lineman cabbie chauffeur
    preschooler schoolboy schoolgirl grandchild stepfather stepmother stepson stepdaughter
    spouse landlord landlady supervisor apprentice co-worker trainee intern"""
)


# Stages of one happening: words telling that it is at its start or at its end, that
# someone is still sought or was caught, or was hurt and then died. A report of the earlier
# stage and one of the later are no contradiction: the later one is news the earlier did not
# have yet. Verbs and their nouns only: "first", "last" or "the end of" tell a stage too
# seldom ("the first two games", "last week"), and "fled" tells what happened, not that a
# search goes on.
STARTED = word_set("begin begins began begun beginning started starting launched underway")
ENDED = word_set(
    """complete completes completed completion conclude concluded conclusion finished ended"""
)
SOUGHT = word_set("searching hunting manhunt sought")
CAUGHT = word_set(
    """arrested arrest caught captured detained custody apprehended surrendered charged
    convicted"""
)
# Someone hurt, then dead: "remains in critical condition", then "died on Monday". Not
# "injured" or "killed": a report tells both of different people ("killed three, injured 10").
HURT = word_set("critical critically hospitalized hospitalised")
DIED = word_set("died dies succumbed")
# A death told by itself ("died Thursday"), which may be the late end of an earlier harm: the
# words, for patterns that tell it apart from the harm that led to it
DEATH_WORDS = "|".join((*sorted(DIED), "passed away"))
# Happenings one holds, calls or sets for a day: "hold" of one of them is no custody ("the
# funeral will be held Saturday", "held talks on Monday"), and one "for" a day is ahead ("has
# called a meeting for Tuesday")
HAPPENINGS = word_set(
    """funeral service memorial vigil wake visitation viewing rosary mass meeting hearing
    session vote election referendum primary poll talks rally ceremony conference summit
    forum briefing event celebration party protest march parade concert game match race
    auction sale festival fair tournament competition interview discussion negotiation
    debate exercise drill class workshop fundraiser gathering prayer reception
    commemoration"""
)
# What strikes or runs over a person in a crash ("struck by a pickup truck"), for patterns
VEHICLE_WORDS = "car|truck|van|vehicle|bus|train|suv|pickup|motorist|driver"
# A vehicle's model year: a year before a car's noun, up to two words apart ("a silver 2031
# sedan", "a 2030 mid-size SUV crashed"): the year it was made, not a day anything happened;
# not before a noun the car's names a kind of ("a 2021 car crash", "2023 car sales", "a 2019
# truck bombing" are years), nor a train's, a bus's or a driver's ("the 2023 train derailment")
_OF_A_CAR = (
    "crash crashes accident accidents wreck wrecks collision collisions bombing bombings bomb"
    " sales sale market markets industry show shows recall recalls production chase chases"
    " pursuit fire fires plant plants factory dealer dealers dealership loan loans insurance"
    " parts race races rally parade tax taxes ban bans fleet fleets lot lots park wash theft"
    " thefts stop stops attack attacks ramming maker makers"
)
MODEL_YEAR_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:car|truck|van|vehicle|suv|pickup|sedan|coupe|minivan|hatchback"
    rf"|motorcycle|jeep)s?\b(?![\w'’-]|\s+(?:{'|'.join(_OF_A_CAR.split())})\b)",
    re.IGNORECASE,
)
# A number that places on a street ("the 1400 block of ...", "at 25 Elm Street", "2 Harbour
# Road"): followed by "block of", or by one to three capitalised words and a street's kind.
STREET_NUMBER = re.compile(
    r"(?:\s+block\s+of\b|(?:\s+[A-Z][\w'-]*){1,3}\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\."
    r"|Drive|Boulevard|Blvd\.|Lane|Ln\.|Way|Terrace)(?!\w))"
)
STAGES = ((STARTED, ENDED), (SOUGHT, CAUGHT), (HURT, DIED))  # (earlier stage, later stage)


# Words that deny the verb they stand before, within a few words ("was not charged", "has
# not yet been arrested", "left without being charged")
NEGATION = re.compile(r"\b(?:no|not|never|without)\b|n't\b", re.IGNORECASE)
NEGATION_REACH = 4  # words before the verb in which a "not" still negates it


# Where a sentence ends: a "not" before it denies nothing after it ("... but not
# life-threatening.\n\nDeputies arrested Tam Vell"): a stop before a capital, or a blank
# line (not "no U.S. citizens", nor a line of wrapped text: "have not yet\narrested")
SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘]?[A-Z])|\n[ \t]*\n")


def negated_before(before: str) -> bool:
    """Whether the words just before a verb (``before``: the text up to it) deny it; only
    those of its own sentence."""
    ends = [found.end() for found in SENTENCE_BREAK.finditer(before)]
    own = before[ends[-1] :] if ends else before
    return bool(NEGATION.search(" ".join(own.split()[-NEGATION_REACH:])))


# Whom or what a clause may tell of that makes it deny its verb ("No one was hurt", "made no
# arrests", "Nothing was taken"): the words alone, and the determiners before a noun
NO_ONE_WORDS = frozenset({"nobody", "none", "nothing", "neither", "no-one"})
NO_ONE_DETERMINERS = frozenset({"no", "neither"})
_NO_ONE = re.compile(
    rf"\b(?:{'|'.join(sorted(NO_ONE_WORDS | NO_ONE_DETERMINERS))})\b", re.IGNORECASE
)


def tells_of_no_one(sentence: str) -> bool:
    """Whether a sentence may deny its verb through whom or what it tells of (a clause's
    "not" then stands written nowhere: "No one has been arrested")."""
    return bool(_NO_ONE.search(sentence))


# Stage words of an idiom that tells how something came out, not a stage: "ended up suing
# her", "finished with 14 points", "caught up in the crowd".
STAGE_IDIOMS = {
    "ended": re.compile(r"\s+up\b", re.IGNORECASE),
    "finished": re.compile(r"\s+(?:up|with)\b", re.IGNORECASE),
    "caught": re.compile(r"\s+up\b", re.IGNORECASE),
}


def stage_of(
    text: str, pair: tuple[frozenset[str], frozenset[str]], told: frozenset[str] | None = None
) -> str | None:
    """ "earlier" or "later" when the text tells one stage of ``pair`` and not the other
    (``told``: the text's words lower-cased, when the caller has them)."""
    told = told if told is not None else frozenset(word.lower() for word in words_of(text))
    earlier = bool(told & pair[0]) and _stage_told(text, told & pair[0])
    later = bool(told & pair[1]) and _stage_told(text, told & pair[1])
    return "earlier" if earlier and not later else "later" if later and not earlier else None


def _stage_told(text: str, words: frozenset[str]) -> bool:
    """Whether one of ``words`` (stage words the text holds) tells a stage somewhere in it."""
    pattern = "|".join(re.escape(word) for word in sorted(words))
    for match in re.finditer(rf"\b(?:{pattern})\b", text, re.IGNORECASE):
        idiom = STAGE_IDIOMS.get(match.group().lower())
        if idiom is not None and idiom.match(text, match.end()):
            continue
        if not negated_before(text[max(0, match.start() - 60) : match.start()]):
            return True
    return False


# A kind of street, in full and short
STREET_KINDS = (
    ("Street", "St"), ("Avenue", "Ave"), ("Road", "Rd"), ("Boulevard", "Blvd"), ("Drive", "Dr"),
    ("Lane", "Ln"), ("Highway", "Hwy"), ("Parkway", "Pkwy"), ("Pike", ""),
)  # fmt: skip
# Last words that name no person: a street's kind, a place's, an office's or a firm's
# ("the killing of Marlow Street", "A fire killed Harwick Police", "Velmora Holdings was
# charged", "Former Harwick Mayor charged")
NOT_A_SURNAME = word_set(
    """county city town township village borough police department office sheriff chief mayor
    judge governor council holdings inc corp corporation company co llc group bank school high
    academy university college church hospital center centre district heights square mall
    station airport plaza tower bridge highway interstate route"""
) | {word.lower() for kind in STREET_KINDS for word in kind if word}
