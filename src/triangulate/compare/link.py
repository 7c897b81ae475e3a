"""Which figures and dates of different sources answer the same question.

Two values are linked when they answer one question (the same kind of figure, the same
counted thing, verbs of one kind and no two different doers; for dates, the same dated
happening) and something ties their contexts together: the sentences holding them are
aligned, or they share a rare value, or they count the same thing with the same verb.
Values that cannot both hold are linked only on strong evidence: sentences aligned as one
account of one happening. Ages go by person.

Only pairs of one kind of value that share what a link needs (the value as written, the
question's key, a verb, an age's person, a period's words) or sit in aligned sentences are
scored, a bounded number per key (``compare/candidates.py``): the work grows with the values,
not with their square.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np

from triangulate.compare import labels, markets
from triangulate.compare.align import pair_score
from triangulate.compare.candidates import (
    BoolArray,
    IntArray,
    article_nearness,
    below_cap,
    bucket_pairs,
)
from triangulate.compare.disagreements import name_key, spelled_alike
from triangulate.compare.labels import SUM_MEASURES
from triangulate.compare.statements import Statement, stem
from triangulate.core.dates import MONTH_NAMES, WEEKDAY_NAMES, day_of
from triangulate.core.spans import split_at
from triangulate.core.words import (
    HAPPENINGS,
    NOT_A_SURNAME,
    NUMBER_WORDS,
    PERSON_NOUNS,
    REPORTING_VERBS,
    content_words,
    last_word,
    overlap,
    tells_of_no_one,
    verb_groups,
    verbs_alike,
    word_set,
)
from triangulate.models import Entity, Evidence, Fact, Quantity, Reading
from triangulate.readers import quantities as quantity_reader

# Sentences the aligner links (its probability over its threshold) tie two answers together,
# compatible or not; the question they answer must match too (see same_question).
AGREE_ALIGNMENT = 0.2
CLASH_ALIGNMENT = 0.2
# Two polls' shares in sentences aligned less than this, whose words for what was answered
# share less than ANSWER_OVERLAP (Jaccard), are shares of two answers ("83.3 percent were
# unhappy with the response", "62 percent said the reactions were inexcusable": 0.07; the
# training coverage's two such pairs 0.0 and 0.07, one question paraphrased 0.29)
POLL_CLASH_ALIGNMENT = 0.5
ANSWER_OVERLAP = 0.2
POLL = re.compile(r"\b(?:polls?|surveys?|surveyed|polled|respondents)\b", re.I)
NOUN_SIMILARITY = 0.6  # counted nouns this close name the same thing ("troops", "soldiers")
RARE_VALUE = 0.6  # one distinctive value written in both
TWIN_PROOF = 0.5  # a clash proven this surely holds for every figure written as its own
RARE_TIMES = 4  # a value written more often than this is not distinctive
SMALL_NUMBERS = 12  # values up to this are too common to tie two sentences on their own
AGE_NAME_GAP = 40  # characters between "36-year-old" and the name it describes
# "Name, 61, opened fire": a bare number set off by commas right after a person's name is
# the person's age (the quantity reader gives it no unit)
AGE_APPOSITION_GAP = re.compile(r"\s*,\s*")
AGE_APPOSITION_END = re.compile(r"\s*(?:,|\.|;|$)")
# The words right before such a bare number: a noun ("man"), or two capitalised words after
# a lower-case one (a name within the sentence, not its opening words), or after a noun and
# its comma ("A Harwick man, Marcus Pendry, 26,": the name set off as the noun's)
AGE_APPOSITION_HOLDER = re.compile(
    r"(?:(?P<name>(?:(?<=[a-z] )|(?<=[a-z], ))[A-Z][a-z'-]+ [A-Z][a-z'-]+)|\b(?P<noun>[A-Za-z]+))"
    r"\s*,\s*$"
)
OLDEST_AGE = 120
TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+$")
PARENT_REACH = 40  # characters between a count of children and its parent's name
# "Name, a 23-year-old student": the words between a name and the age describing it
AGE_DESCRIPTION_BEFORE = re.compile(r"\s*,\s+an?\s+$")
# "Name's 14-year-old son", "Name ' 14-year-old son" (tokenised text): the age of someone
# the person has, not the person's own
POSSESSIVE_GAP = re.compile(r"\s*['\u2019]\s*s?\s*")
PERIOD_CLASH = 0.6  # two periods of one named thing: as sure as aligned sentences
# Verbs that say little about what happened: two values hanging on them are no more alike.
# Aspect verbs ("began blocking", "started the withdrawal") say when, not what, and verbs of
# a commitment ("agreed to buy", "plans to cut", "vowed to close") say how the happening
# stands, not what it is: the happening is their complement. Not verbs of a target or a
# forecast ("expected a profit of $2 billion", "aims to raise $1 billion"), whose figure is no
# account of the happening, nor "offer", whose figure is the offer's.
LIGHT_VERBS = frozenset(
    {"be", "have", "do", "get", "make", "take", "become", "begin", "start", "continue", "end"}
    | {"agree", "plan", "decide", "intend", "vow", "promise", "prepare", "threaten"}
)
# Verbs of a schedule ("is set to meet", "was scheduled to open"): like the light verbs
# they tell no happening of their own, but their complement does, and it is the one dated.
SCHEDULING_VERBS = frozenset({"set", "schedule", "slate", "poise"})
# Happenings a date may be told of by their name ("a final vote on 11 March") or, in court,
# by the participle ("to be arraigned Oct. 23")
DATED_HAPPENINGS = HAPPENINGS | word_set("arraignment trial sentencing")
COURT_PARTICIPLES = {"arraigned": "arraignment", "sentenced": "sentencing", "tried": "trial"}
SCHEDULED_TO = re.compile(r"\b(?:set|scheduled|slated|poised)\s+to\s+(?P<verb>[A-Za-z]+)\b")
# "is expected to open in the spring", "is expected to take office later in June": a day
# forecast for the happening its complement names, kept apart from other forecasts' days
# and from the happening told done (a forecast figure keeps "expect": "expected to reach
# 5,000" and "expected to top 8,000" forecast one figure)
EXPECTED_TO = re.compile(r"\bexpected\s+to\s+(?:be\s+)?(?P<verb>[A-Za-z]+)\b")
# A count of part of a group or a running total answers another question than the count
# of the event: "the two other victims", "a total of 923 rounds during five operations".
# "The death toll has risen to 45": a count of the dead told with a verb of change.
TOLL = re.compile(
    r"\b(?:death|casualty|fatality)\s+toll\b|\btoll\b|"
    r"\bnumber\s+of\s+(?:people\s+)?(?:killed|dead|deaths|fatalities)\b",
    re.I,
)
DEATH_VERBS = frozenset({"die", "perish", "succumb", "pass away"})
TIMES_UNITS = frozenset({"times", "time"})
TIMES_WINDOW_AFTER = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s+(?:since|(?:in|over|during)\s+the\s+(?:past|last))\b", re.I
)
STATE_OF_BE = "be "  # the predicate of a state "be" tells: "be eligible"
STATE_AFTER_WORDS = 3  # "left 5,000 people homeless": the state within the counted phrase
THING_PRONOUNS = frozenset({"it", "they"})  # a subject that names no doer of its own
TOLL_VERBS = frozenset({"rise", "climb", "reach", "increase", "jump", "stand", "grow", "hit"})
PART_OF = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|some|many|most|all|"
    r"none|several|half|part|each|both|either|neither)\s+of(?:\s+the|\s+its|\s+their)?\s*$",
    re.I,
)
PART_AFTER = re.compile(
    r"\s*(?:other|more|additional|remaining|further|surviving)\b"
    # a part of a whole its sentence counts ("three of the seven bullets"): not "three of
    # the victims", whose count may be another source's answer to the same question
    rf"|\s+of\s+(?:the|its|their|those)\s+(?:\d|(?:{'|'.join(NUMBER_WORDS)})\b)",
    re.I,
)
# Where a count holds, in the words right after it: everywhere ("31,000 people worldwide")
# or in one named place ("6,000 people in Ashford", "at its Tarrow plant"). Two counts of
# different reach answer two questions.
GLOBAL_SCOPE = re.compile(
    r"^(?:\s+[a-z-]+){0,3}?\s+(?:worldwide|globally|nationwide|nationally|statewide|across the"
    r" (?:world|country|globe|state|region)|around the world|in total|in all)\b"
)
PLACE_SCOPE = re.compile(
    r"^(?:\s+[a-z-]+){0,3}?\s+(?:in|at|across)\s+(?:its\s+|the\s+)?((?:[A-Z][\w'-]+\s*)+)"
)
# A place fronted before a clause ("In Lindale, six people died and 150 homes were destroyed",
# "..., and in Lindale 6 died"): where each count after it holds, unless another place is
# named between the two. Not a place told after a noun ("Police in Harwick said ...").
FRONTED_PLACE = re.compile(
    r"(?:^|[,;]|\b(?:and|but|while)\b)\s*(?:(?:and|but|while)\s+)?(?:[Ii]n|[Aa]t|[Aa]cross)\s+"
    r"(?:the\s+)?((?:[A-Z][\w'-]+\s+){0,3}[A-Z][\w'-]+)\b"
)
UNPLACED = (None, "everywhere")  # the reach of a count that may be a total
PLACE_NAMED = re.compile(r"\b(?:in|at|across)\s+(?:the\s+)?[A-Z]")
# A verb of saying between a fronted place and a count: the place is where it was said ("In
# Harwick, officials said the toll had risen to 14"), not where the count holds.
SAID_BETWEEN = re.compile(
    r"\b(?:said|says|say|told|tells|reported|reports|announced|confirmed|added|stated)\b"
)
# A figure told as a change of something rather than its level: "an increase of $3 billion",
# "a cut of 5%", "up $3 billion", "$3 billion more than last year".
CHANGE_BEFORE = re.compile(
    r"\b(?:(?:an?\s+)?(?:increase|rise|jump|gain|drop|fall|decline|cut|reduction|boost)\s+of|"
    r"(?:up|down)\s+(?:by\s+)?|(?:grew|grown|grows|growing|rose|risen|rising|fell|fallen|"
    r"falling|increased|increasing|decreased|decreasing|expanded|jumped|climbed|dropped|"
    r"dropping)\s+by\s+)\s*(?:(?:about|some|nearly|almost|roughly|more\s+than)\s+)?$",
    re.I,
)
# A move told of one day's trading: "fell 2% today", "higher than the start of the day"
DAY_MOVE = re.compile(r"\b(?:today|the\s+day|on\s+the\s+day|intraday)\b", re.I)
_WEEKDAYS = "|".join(WEEKDAY_NAMES)
# A day a move is told of: "on Wednesday", "today", "in Wednesday's session"
DAY_OF_A_MOVE = re.compile(
    rf"\b(?:today|yesterday|the\s+day|intraday|session|(?:on\s+)?(?:{_WEEKDAYS})(?:'s)?)\b",
    re.I,
)
CHANGE_AFTER = re.compile(r"\s*(?:more|less|fewer|higher|lower)\s+than\b", re.I)
MARKET_LEVEL_VERBS = word_set("close end finish open stand trade")
# What a figure is told for each of, right after it and its noun: "$20 million per season",
# "$15 an hour", "300 cars a day", "$2 billion annually"; not "a year earlier", "a week after"
RATE_AFTER = re.compile(
    r"\s*(?:[a-z][\w-]*\s+){0,2}?(?:(?:per|a|an|each|every)\s+(?P<unit>season|year|month|week|"
    r"day|night|hour|minute|game|match|barrel|person|head|household|capita|tonne|ton)\b"
    r"(?!\s+(?:ago|earlier|before|later|after)\b)|(?P<adverb>annually|yearly|monthly|weekly|"
    r"daily|nightly|hourly)\b)",
    re.I,
)
ADVERB_RATES = {
    "annually": "year",
    "yearly": "year",
    "monthly": "month",
    "weekly": "week",
    "daily": "day",
    "nightly": "night",
    "hourly": "hour",
}
CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
INDEX_POINTS = frozenset({"point", "points"})
# Sums a story tells once, whatever verb carries them.
ONE_SUM_MEASURES = frozenset(
    {"per share", "severance", "settlement", "damages", "bailout", "valuation", "market value"}
    | {labels.DEAL_VALUE}  # "valuing it at", "a deal worth", "the $8.1 billion takeover"
    | {"ransom", "bail", "fine", "penalty", "compensation"}
    | {quantity_reader.MAGNITUDE_UNIT}  # the quake's, whichever verb tells it
    | quantity_reader.TALLY_UNITS  # a vote's, "voted", "passed" or "approved" it 52-48
    | {quantity_reader.STORM_CATEGORY}  # at landfall, "made landfall" or "came ashore"
)
# A storm's category in a sentence of its change ("strengthened to a Category 4 overnight")
# is of another moment than its landfall's
CATEGORY_CHANGE = re.compile(
    r"\b(?:strengthen|weaken|upgrad|downgrad|intensif|peak|reach|grew|grow|became|become|"
    r"could|would|may|might|expect|forecast|warn|predict|threat|once|earlier|previous)\w*|"
    r"\bwhich\s+was\b|\bhad\s+been\b|\bover\s+(?:open\s+)?water\b",
    re.I,
)  # also what it may become, or was once ("could hit as a Category 4", "which was a ...")
# The name of the storm a category is told of: "Hurricane Orla", "Typhoon Kelm"
STORM_NAMED = re.compile(
    r"\b(?:Hurricane|Typhoon|Cyclone|Storm|Tropical\s+Storm)\s+(?P<name>[A-Z][a-z]+)"
)
# Measures a sum is named by: two sums of two of them answer two questions ("a net profit of
# 12 million", "a net loss of 12 million"; "$62 a share", "a deal worth $8.4 billion")
NAMED_MEASURES = SUM_MEASURES | ONE_SUM_MEASURES | {labels.BILL_SIZE}
# Another deal than the story's, in a deal value's sentence: "follows Velda Group's $5
# billion takeover of Lindale Steel last year", "a rival bid", "an earlier offer"
OTHER_DEAL = re.compile(
    r"\b(?:last\s+year|previous(?:ly)?|earlier|prior|another|rival|follows?|followed|"
    r"in\s+(?:19|20)\d\d)\b",
    re.I,
)
# Two tallies are of one vote when as many voted in each, give or take absences ("52-48",
# "51-49"): a committee's 7-4 and the chamber's 52-48 are two votes.
ONE_VOTE_TURNOUT = 0.8
# The motion a tally's vote was on, by its verb: "to advance" the bill and "passed" it are
# two votes; "passed", "approved" and "adopted" one motion
MOTIONS = {
    "pass": word_set("pass approve adopt clear ratify confirm enact back endorse"),
    "reject": word_set("reject block defeat fail kill sink"),
    "advance": word_set("advance proceed send move forward invoke"),
    "override": word_set("override"),
}
MOTION_AFTER = re.compile(r"[^.;:!?]{0,40}?\bto\s+(?P<verb>[A-Za-z]+)")
# Who voted, as a subject names them: a body ("the Senate", "the city council", "the finance
# committee"), or members of any body ("lawmakers", "senators"), or the measure voted on
VOTING_BODIES = word_set(
    """senate house council committee assembly parliament board court chamber congress panel
    legislature commission"""
)
VOTING_MEMBERS = word_set(
    """lawmakers legislators senators members representatives delegates councillors
    councilors justices judges shareholders commissioners"""
)
VOTE_MARGIN = "margin"  # the question of a vote's margin, whatever verb holds it
# A share that is a vote's turnout, whatever verb holds it: "Turnout stood at 24.6 percent",
# "for a turnout of 25.9%", "some 26 percent of eligible voters took part", "a ballot that
# drew 26 percent of the ward's voters" (not "49 percent of voters opposed it", "55 percent
# of voters cast ballots for the levy", "turnout rose 4 percent")
TURNOUT_BEFORE = re.compile(
    r"\bturnout\s+(?:was|is|of|stood\s+at|reached|hit|came\s+to|at)\s+$", re.IGNORECASE
)
VOTERS_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?voters\b(?P<rest>[^.;]{0,60})", re.IGNORECASE
)
TURNING_OUT = re.compile(
    r"\b(?:t[ao]ok\s+part|take\s+part|participated|turned\s+out|went\s+to\s+the\s+polls"
    r"|cast\s+(?:a\s+|their\s+)?ballots?(?!\s+(?:for|against|in\s+favou?r|to)\b))\b",
    re.IGNORECASE,
)
DRAWING_BEFORE = re.compile(r"\b(?:drew|draws|drawing|attracted)\s+$", re.IGNORECASE)
TURNOUT = "turn out"
# What a measure put to a vote is called by any report, whatever it is: "the measure
# passed" is the levy or the bond another report names
ANY_MEASURE = word_set("measure proposal question initiative")
CRIME_DEGREES = frozenset({"first", "second", "third", "degree"})
PERSON_WRITTEN = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}\b")
# First words of capitalised runs that are no first name ("The Senate", "Judge Tamsin Vale")
NOT_A_FIRST_NAME = word_set(
    """the a an his her their its police judge justice officer sheriff detective prosecutor
    mr mrs ms dr senator mayor president governor on in at after before when while"""
)
# Words telling of another person than the one named: "his co-defendant", "her brother"
OTHER_PERSON = re.compile(
    r"\b(?:co-?defendants?|accomplices?|brothers?|sisters?|wife|husband|sons?|daughters?|"
    r"father|mother|friends?|girlfriend|boyfriend|associates?|another|other|second|partners?)\b",
    re.I,
)
# Verbs of a level's move, by its direction
FALLING_VERBS = word_set(
    "fall drop slide slip plunge plummet tumble sink decline decrease dip retreat dive slump lose"
)
RISING_VERBS = word_set("rise gain climb surge jump soar rally rebound advance increase")
# Verbs of a change of level, whatever moves: "grow" and "double" too
MOVING_VERBS = FALLING_VERBS | RISING_VERBS | word_set("grow double triple shrink")
# Words telling a move's way right before it ("rising by 31.49%", "was down 2%", "lost
# more than 33%") or right after it ("5% higher")
_UP = (
    r"ris(?:e|es|ing)|rose|risen|up|gain(?:s|ed|ing)?|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|"
    r"soar(?:s|ed|ing)?|surg(?:e|es|ed|ing)"
)
_DOWN = (
    r"f(?:a|e)ll(?:s|en|ing)?|down|los(?:e|es|t|ing)|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|"
    r"plung(?:e|es|ed|ing)|tumbl(?:e|es|ed|ing)|slid(?:e|es|ing)?|sank|sink(?:s|ing)?"
)
MOVED_BEFORE = re.compile(
    rf"\b(?:(?P<up>{_UP})|{_DOWN})\s+(?:by\s+)?(?:(?:about|some|nearly|almost|more\s+than)\s+)?$",
    re.I,
)
MOVED_AFTER = re.compile(r"\s*(?:(?P<up>higher|up)|lower|down)\b", re.I)
# Words telling another of a kind: "a rival resolution", "another bill"
ANOTHER = re.compile(r"\b(?:rival|another|other|second|competing|separate)\b", re.I)
# Verbs telling how far something spreads over the ground: an area told by any of them is
# its extent ("has burned 12,000 acres", "has grown to 18,000 acres"); not "covers" (an
# evacuation zone covers acres too)
EXTENT_VERBS = word_set("burn scorch char blacken consume grow spread expand engulf")
EXTENT = "spread"  # the one verb an extent is compared by
# The period a firm's sum is of, the nearest its sentence names: a quarter's revenue and a
# year's are two questions ("revenue of $4.2 billion for the first quarter", "full-year
# sales of $16 billion"); nearest, for "first-quarter revenue, up 8% from a year earlier".
_MONTHS = "|".join(MONTH_NAMES)
SUM_PERIODS = (
    ("quarter", re.compile(r"\bquarter(?:ly|s)?\b|\bQ[1-4]\b|\bthree\s+months\b", re.I)),
    ("half", re.compile(
        r"\bhalf[\s-]year(?:ly)?\b|\b(?:first|second)[\s-]half\b|\bsix\s+months\b", re.I)),
    ("month", re.compile(rf"\bmonth(?:ly)?\b|\b(?:in|for)\s+(?:{_MONTHS})\b", re.I)),
    ("year", re.compile(
        r"\b(?:annual(?:ly)?|yearly|full[\s-]year|fiscal\s+year|(?:the|last|this|a|per|each)\s+year|"
        r"(?:in|for)\s+(?:19|20)\d\d)\b", re.I)),
)  # fmt: skip
# Verbs by which a firm tells a sum of its results: a revenue "reported", "posted" or
# "recorded" is one question
RESULT_VERBS = word_set("report post record book log announce deliver generate")
SHARE_UNITS = labels.SHARE_UNITS
SHARE_KINDS = frozenset({"percent", "points"})
# Verbs by which a candidate comes by a share of a vote
SHARE_TAKING_VERBS = word_set("win take get receive have capture garner secure draw poll")
# The first word of the whole written right after a share ("of the vote", "of the rural
# vote"): a share of the whole vote names the vote first
SHARE_WHOLE_AFTER = re.compile(r"\s+of\s+(?:the\s+|all\s+)?(?P<whole>[a-z]+)")
VOTE_ALONE = frozenset({"vote", "votes", "ballots"})
# Another race than the story's, in a share's sentence: a primary, a runoff, a past election
OTHER_RACE = re.compile(
    r"\b(?:primar(?:y|ies)|caucus(?:es)?|run-?off|first\s+round|years?\s+ago|last\s+election|"
    r"previous\s+election|in\s+(?:19|20)\d\d)\b",
    re.I,
)
# Verbs of a bill's passage: "passed", "approved", "adopted" the bill are one happening
LAW_VERBS = word_set("pass approve adopt clear back endorse okay sign")
# Counts of charges, whichever verb tells them: "charged with", "faces", "was indicted on"
# (a grand jury "returned" or "handed up" its counts)
CHARGE_VERBS = word_set("charge face file bring indict level return") | {"hand up"}  # not "plead"
# A count of one crime's charges among others ("four counts of bribe receiving, five counts
# of official misconduct", "including four counts of bribery") is a part of an indictment's
# "11 counts"; alone ("charged with 12 counts of wire fraud") it is all of them
INCLUDING_BEFORE = re.compile(r"\bincluding\s+(?:[\w-]+\s+){0,2}$", re.I)
CHARGES_WORD = re.compile(r"\b(?:counts?|charges?)\b", re.I)
CRIME_OF = " of "  # in the counted thing of a count of one crime's charges: "count of bribe"
# A count of charges written as its paper's size ("an 11-count indictment"): the number of
# charges, whatever the clause's verb ("was hit with", "accuses him of")
CHARGING_PAPER_AFTER = re.compile(
    r"[-\s](?:counts?|charges?)\s+(?:[a-z]+\s+){0,2}?(?P<paper>indictment|complaint"
    r"|information)s?\b",
    re.I,
)
# Verbs of a prison term given: "sentenced to", "received", "was handed" (not "faces up to":
# a maximum, no term given)
TERM_VERBS = word_set("sentence receive get give hand impose")
# Words after a count of people in a toll's sentence that tell of others than the dead
NOT_THE_DEAD_AFTER = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:(?:still|remain|remained|are|were|have\s+been|had\s+been|was|"
    r"been|reported|listed|left)\s+)*(?P<fate>missing|unaccounted|injured|hurt|wounded|"
    r"displaced|evacuated|homeless|rescued|stranded|trapped|hospitali[sz]ed|arrested|"
    r"detained)\b",
    re.I,
)
FATES = {
    **dict.fromkeys(("injured", "hurt", "wounded", "hospitalized", "hospitalised"), "injure"),
    "arrested": "arrest",  # as ``HARMS`` and ``labels.casualty_counted`` name them
    "unaccounted": "missing",
}
# What a firm's cuts count, whichever word tells it (stems, as keys hold them)
JOB_NOUNS = frozenset(
    stem(word) for word in ("job", "position", "worker", "employee", "staff", "post", "role")
)
# Verbs of jobs gone that tell the cut from the jobs' side ("roughly 600 positions would go",
# "some 600 roles will disappear", "800 jobs will be lost") or as a wiping out
JOBS_GONE_VERBS = frozenset({"go", "disappear", "vanish", "lose", "wipe out"})
CROWD = "rally"  # the predicate of a count of people gathered, whichever verb tells it
# Verbs of people gathering besides those of protest ("rally", "march": see ``_gathering``)
GATHERING_VERBS = frozenset({"gather", "assemble", "turn out", "converge"})
# A quake other than the one of the story, in a magnitude's sentence: an aftershock, a
# foreshock, a tremor, another or an earlier one ("a 6.1 quake, followed by a 4.2
# aftershock"); a magnitude its clause dates to a past year is another quake's too
OTHER_QUAKE = re.compile(
    r"\b(?:after|fore)shocks?\b|\btremors?\b|\banother\b|\bearlier\b|\bprevious\b", re.I
)
# A clause telling one more of a happening that recurs ("Two more bodies were recovered on
# Wednesday", "a sixth victim was found", "another aftershock struck"): its date is the
# date of that one, not of the first, and not a rival date for it.
INCREMENT = re.compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|several|dozens)\s+"
    r"(?:more|other|additional|further)\b|\banother\b|"
    r"\ba\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b",
    re.I,
)
# What a length measures, by the words that say it right after it ("25 km north of",
# "10 km deep", "a 40-metre-high wall") or just before it ("a depth of 10 km").
DIMENSIONS = {
    **dict.fromkeys(("depth", "deep", "below", "underground"), "depth"),
    **dict.fromkeys(("height", "high", "tall", "altitude", "above"), "height"),
    **dict.fromkeys(("long", "length"), "length"),
    **dict.fromkeys(("wide", "width", "across"), "width"),
    **dict.fromkeys(
        ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
         "away", "from", "off", "inland", "offshore"),
        "distance",
    ),
}  # fmt: skip
_DIMENSION_WORDS = "|".join(sorted(DIMENSIONS, key=len, reverse=True))
DIMENSION_WORD = re.compile(  # the unit may stand between ("25 kilometres north")
    rf"[\s-]*(?:[a-z.]+[\s-]+)?(?:\(.{{0,20}}?\)\s*)?(?P<word>{_DIMENSION_WORDS})\b", re.I
)
DIMENSION_BEFORE = re.compile(r"\b(?P<word>depth|height|altitude|length|width)\s+of\s+$", re.I)
# Sentences sharing this much of their wording, word by word, are one report's sentence
# repeated by another (a follow-up reusing the first report's lines)
REPEATED_WORDING = 0.6
REPEATED_WORDS = 12  # a shorter line written alike may be written anew
FUTURE = re.compile(
    r"\b(?:will|shall|would|due\s+to|set\s+to|scheduled|plans?\s+to|going\s+to)\b", re.I
)
DIGITS = re.compile(r"\d+")
DIMENSION_REACH = 20  # characters before a length searched for "a depth of"
# The other harm told before "two other ...": the others are those it did not befall
OTHER_HARM_BEFORE = {
    "injure": re.compile(r"\b(?:died|killed|dead|slain|perished)\b", re.I),
    "kill": re.compile(r"\b(?:injured|wounded|hurt)\b", re.I),
    "arrest": re.compile(r"\b(?:died|killed|dead|slain|perished|injured|wounded|hurt)\b", re.I),
}
# ... and the same harm told, in the sentence before others counted ("One man was wounded. Two
# other people were also hurt": the others are a part of the hurt). Wide on purpose: where it
# may be told, the others stay a part. Not the nouns of wounds, the dead's as often ("died of
# his injuries", "found suffering from gunshot wounds; he was pronounced dead").
SAME_HARM_TOLD = {
    "injure": re.compile(
        r"\b(?:injured|wounded|hurt|hospitali[sz]ed|shot|stabbed|condition|treated)\b", re.I
    ),
    "kill": re.compile(
        r"\b(?:died|dies|killed|dead|slain|perished|fatal\w*|deceased|body|bodies)\b", re.I
    ),
    "arrest": re.compile(
        r"\b(?:arrest\w*|custody|booked|detained|charged|apprehended|surrendered|jailed"
        r"|turned\s+(?:himself|herself|themselves)\s+in)\b",
        re.I,
    ),
}
TOTAL_BEFORE = re.compile(r"\b(?:a total of|in total|totall?ing|cumulative)\b", re.I)
# Figures of alike sentences told of two things, each by its name ("the Korvel index was down
# 1.4%", "the Tamsin index was down 2.3%"): two things, not two accounts of one. A name is a
# capitalised word of the figure's subject; a source's own telling ("Lorne Pell put the cost
# at $2 million") names who tells it, not what is counted.
SUBJECT_NAME = re.compile(r"[A-Z][\w.'\u2019-]*")
NOT_NAMES = frozenset({"the", "a", "an"})
SUBJECT_NOUNS = 2  # lower-case words a name may have after it: "the Korvel stock index"
# Head nouns of one thing: a firm's "shares" are its "stock"
ONE_HEAD = dict.fromkeys(("stock", "stocks", "share"), "shares")
# A subject's words before what qualifies it ("wildfire" of "a wildfire near Harwick")
SUBJECT_HEAD = re.compile(
    r"(?P<words>[\w'\u2019-]+(?:\s+(?!(?:of|near|in|at|from|on|with|for|by|who|that|which)\b)"
    r"[\w'\u2019-]+)*)"
)
# Verbs by which a source tells a figure: those of reported speech and of a tally
TELLING_VERBS = REPORTING_VERBS | word_set(
    "estimate put peg place count tally give cite record list"
)


@dataclass(frozen=True)
class LinkInput:
    """What the linker knows of each value (a figure or a date) besides its own fields."""

    kind: str  # "quantity" or "time"
    article: str
    source: str
    statement: int | None
    value_evidence: Evidence
    predicate: str | None
    subject: str | None
    unit: str  # counted noun for figures; "range" or "point" for dates
    words: frozenset[str]  # counted noun phrase stems, or the words a date qualifies
    reliable: bool
    compatible_with: Callable[[int], bool] = field(compare=False)  # by index of another value
    days: int | None = None  # a period's length in days
    low: float = 0.0  # a figure's lower bound
    governor: str | None = None  # a measure's own verb ("falling 60 m" -> "fall")
    revising: bool = False  # its report revises an earlier report's figure beside it
    of_a_past_year: bool = False  # its clause dates it to a year before its report's
    of_a_day: bool = False  # a date told to its day ("on Wednesday", "May 8")
    prison_term: bool = False  # a length of time told with words of sentencing or prison
    published: str | None = None  # its report's day
    days_told: tuple[int, int] | None = None  # a date's first and last day (ordinals)
    harm_inferred: str | None = None  # a figure's: ``Quantity.harm_inferred``


def _one_time(a: LinkInput, b: LinkInput) -> bool:
    """Whether two dates on one verb, in sentences the aligner does not link and with no
    word by them in common, may still time one happening: two days of the news ("left on
    Wednesday") or two periods of one state ("closed from 2004 to 2009", "shut in
    2005-2007"). Two years or a year and a day on one verb are two happenings of a record or
    a history ("was charged in 2004", "was charged in 2005 with assault")."""
    return (a.of_a_day and b.of_a_day) or a.unit == b.unit == "range"


def _dated_after(told: LinkInput, other: LinkInput) -> bool:
    """``told`` dates a happening to its report's day or before, ``other`` to more than a day
    after that report came out (a day's slack for a report dated before a late-night
    happening)."""
    reported = day_of(told.published)
    if reported is None or told.days_told is None or other.days_told is None:
        return False
    return told.days_told[1] <= reported.toordinal() < other.days_told[0] - 1


def _counted_apart(values: Sequence[LinkInput]) -> frozenset[frozenset[str]]:
    """Pairs of counted nouns a sentence counts side by side with different numbers ("had 2.5
    million eligible voters picking between 288 candidates"): two things, however alike the
    sentence model finds their words."""
    by_statement: dict[int, dict[str, float]] = {}
    for value in values:
        if value.kind != "quantity" or value.statement is None or not value.unit:
            continue
        if quantity_reader.unit_kind(value.unit) == "count":
            counts = by_statement.setdefault(value.statement, {})
            counts.setdefault(_counted_noun(value.unit), value.low)
    return frozenset(
        frozenset((first, second))
        for counts in by_statement.values()
        for (first, low), (second, other) in itertools.combinations(counts.items(), 2)
        if low != other
    )


def _one_happening_dated(a: LinkInput, b: LinkInput) -> bool:
    """Two dates of one happening both name, still to come when each was told, whatever
    verbs hold them ("with a final vote scheduled for March 4", "goes back to the chamber for
    a final vote on 11 March"; "are scheduled to be arraigned on October 21", "is due to be
    arraigned Oct. 23")."""
    if a.kind != "time" or b.kind != "time":
        return False
    if not (_scheduled_ahead(a) and _scheduled_ahead(b)):
        return False  # "approved ... in a vote on Tuesday", "a vote is expected on Friday"
    return bool(_happenings_named(a.words) & _happenings_named(b.words))


def _scheduled_ahead(value: LinkInput) -> bool:
    """A date after its report's day: a happening still to come when it was told."""
    reported = day_of(value.published)
    return (
        reported is not None
        and value.days_told is not None
        and value.days_told[0] > reported.toordinal()
    )


def _happenings_named(words: frozenset[str]) -> set[str]:
    """The happenings a date's words name, a court's participle as its noun ("arraigned":
    "arraignment")."""
    return {COURT_PARTICIPLES.get(word, word) for word in words} & DATED_HAPPENINGS


def _gathering(verb: str | None) -> bool:
    """A verb of people gathering for a cause: a count of them told by any is the crowd's."""
    return verb in GATHERING_VERBS or verbs_alike(verb, CROWD)


def _all_charges(counted: str) -> bool:
    """A key's counted thing that is all the charges ("count", "indictment count"), not one
    crime's (see ``Linker._charges_counted``)."""
    return counted.split()[-1] in labels.CHARGE_UNITS and CRIME_OF not in counted


def _counted_noun(unit: str) -> str:
    """A counted noun folded to one form: "voters" and "voter", "person" and "people" ("not
    one person, but several people" counts one kind of thing twice)."""
    folded = stem(unit.lower())
    return "people" if folded == "person" else folded


def _shifted(a: LinkInput, b: LinkInput) -> bool:
    """Two periods of one length ("the 2008-09 season", "the 2009-2010 season") are two
    turns of something recurring, not two accounts of one period."""
    return a.days is not None and b.days is not None and abs(a.days - b.days) <= 2


def _reach_differs(first: str | None, second: str | None) -> bool:
    """Two counts' reach differs: two places, or everywhere and one place (a count without
    a reach may be either)."""
    if first is None or second is None:
        return False
    return first not in second and second not in first  # "Tarrow" is in "Tarrow County"


# Verbs of what befell people: the killed, the injured and the arrested are three counts,
# never one
HARMS = {
    **dict.fromkeys(("kill", "die", "perish"), "kill"),
    **dict.fromkeys(("injure", "wound", "hurt"), "injure"),
    "arrest": "arrest",
    "detain": "detain",  # no arrest ("detained for questioning"), nor any other fate
}


def _two_harms(first: str | None, second: str | None) -> bool:
    """Whether two counts are of people who met two fates (the killed, the injured, the
    arrested)."""
    return first is not None and second is not None and first != second


def _doers_meet(first: frozenset[str], second: frozenset[str]) -> bool:
    """No two different doers: one side names none, or a name of one is spelled like a
    name of the other ("Jonas Vik", "Jonas Vick")."""
    if not first or not second or first & second:
        return True
    keys = [" ".join(name_key(name)) for name in second]
    return any(spelled_alike(" ".join(name_key(name)), key) for name in first for key in keys)


def _pronoun_for(pronoun: str, other: str) -> bool:
    """Whether ``pronoun`` may stand for the doer ``other``: "it" or "they" for a doer named
    by common nouns ("the fire", "the floods"). Not for a named one: in "It went up 0.16%" and
    "the Hang Seng went up 10.24%", "it" is as likely another index."""
    if pronoun.lower() not in THING_PRONOUNS:
        return False
    words = other.split()
    return (
        bool(words)
        and not any(word[:1].isupper() for word in words[1:])
        and (words[0].lower() in labels.DETERMINERS or not words[0][:1].isupper())
    )


def _other_people(first: str | None, second: str | None) -> bool:
    """Two ages told of two people named apart ("his 27-year-old cousin, Ana Ruiz", "Lena
    Ortiz, 27"): one value, two facts. An age without a holder may be either's."""
    if first is None or second is None:
        return False
    if first in second or second in first:
        return False  # "Ruiz" and "Ana Ruiz"
    return name_key(first)[-1:] != name_key(second)[-1:]


# Nouns for anyone: "the man" told unnamed may be another man than the one named.
ANYONE = frozenset({"man", "woman", "boy", "girl", "person", "teenager", "teen", "child"})


@lru_cache(maxsize=4096)
def _role_patterns(name: str) -> tuple[re.Pattern[str], ...]:
    written = re.escape(name)
    return (
        re.compile(rf"\b(?P<role>[a-z]+),\s+{written}\b"),
        re.compile(
            rf"\b{written},\s+(?:\d+,\s+)?(?:the|a|an)\s+(?:[a-z-]+\s+){{0,2}}?(?P<role>[a-z]+)\b"
        ),
    )


def _measured_alike(a: LinkInput, b: LinkInput) -> bool:
    """Two measures of one happening told in clauses of different verbs ("died after falling
    60 m", "was killed after falling 200 ft"): the verbs they measure are alike, or one's
    own verb is the other's clause verb."""
    if verbs_alike(a.governor, b.governor):
        return True
    # "named the five people killed" (its count's own verb) and "four people were killed"
    return verbs_alike(a.governor, b.predicate) or verbs_alike(a.predicate, b.governor)


@dataclass(frozen=True)
class _Named:
    """A subject told by its name: the name's words, lower-cased, and the lower-case nouns
    after it ("the Korvel stock index": {"korvel"}, "stock index"; "Lorne Pell": {"lorne",
    "pell"}, "")."""

    names: frozenset[str]
    head: str


@dataclass(frozen=True)
class _Traits:
    """What the linker reads of one value pair after pair, found once a value: each pair's
    checks are then lookups, and scoring the candidates costs in proportion to them."""

    kind: str  # "time:<unit>" or "quantity:<unit kind>"
    written: str  # see Linker._written
    doers: frozenset[str]
    predicate: str | None  # see Linker._predicate
    partitive: bool
    toll: bool
    key: tuple[str, str]  # (counted thing, verb or its group)
    holder: str | None  # an age's person, or the parent a count of children is told of
    unit_kind: str  # quantity_reader.unit_kind of the unit
    sentence: str | None  # the holding sentence, its spacing folded
    dimension: str | None  # what a length measures: "depth", "height", "distance", ...
    increment: bool = False  # a date of one more of a recurring happening ("two more ...")
    scope: str | None = None  # where a count holds: "everywhere" or a place's name
    state: str | None = None  # a count of people by what befell them: "kill", "injure", "arrest"
    verb_only: bool = False  # such a count told by its verb alone ("killing 12", "12 died")
    named: _Named | None = None  # its subject, when a name tells it (_subject_named)
    patient: _Named | None = None  # a date's: whom its happening befell (_patient_named)
    holds_a_thing: bool = False  # a date's "hold" of a happening ("the funeral will be held")
    period: str | None = None  # a sum's period: "quarter", "half", "month", "year"
    share_holder: _Named | None = None  # who a share is named for right after it
    of_a_whole: bool = False  # a share of a whole its subject names, or of the ballots counted
    rate: str | None = None  # what the figure is told for each of: "year", "season", "hour"
    ages: frozenset[str] = frozenset()  # a date's: the ages its clause's subject is told with
    tally_side: int | None = None  # a share's: the side of a vote's tally it is told beside


def _one_wording(first: _Traits, second: _Traits) -> bool:
    """Two dates written in the same words ("on Saturday", "this morning") in a long sentence
    one report repeats nearly word for word from another, with the same figures: only the two
    reports' publication days make them two days. A follow-up repeating an earlier report's
    "were found on Saturday" a week later keeps the earlier report's Saturday; read against
    its own day, it would be another one. Short lines written alike ("X was arrested
    yesterday, police said" and "..., his lawyer said" in reports of two days) may well be
    written anew for their day, and still clash; so does a plan repeated a week later ("will
    reopen on Monday": a slip) and a repeated sentence that changes its figures ("announced
    today (14 October)", then "announced today (20 October)")."""
    if not first.kind.startswith("time:") or first.written != second.written:
        return False
    if first.sentence is None or second.sentence is None:
        return False
    if sorted(DIGITS.findall(first.sentence)) != sorted(DIGITS.findall(second.sentence)):
        return False
    if FUTURE.search(first.sentence) or FUTURE.search(second.sentence):
        return False
    return _wording_shared(first.sentence, second.sentence) >= REPEATED_WORDING


@lru_cache(maxsize=4096)
def _wording_shared(first: str, second: str) -> float:
    """How much of two sentences' wording, word by word in order, is the same (0 to 1; the
    lesser of the two orders, which can differ); 0 when either is shorter than
    ``REPEATED_WORDS`` words."""
    a: list[str] = re.findall(r"\w+", first.lower())
    b: list[str] = re.findall(r"\w+", second.lower())
    if min(len(a), len(b)) < REPEATED_WORDS:
        return 0.0
    return min(
        SequenceMatcher(None, a, b, autojunk=False).ratio(),
        SequenceMatcher(None, b, a, autojunk=False).ratio(),
    )


def _subject_named(value: LinkInput, statements: Sequence[Statement]) -> _Named | None:
    """A value's subject (a date's: its clause's) when it is a name, with at most a
    determiner before it and a noun or two after it ("the Korvel index", "Lorne Pell");
    None for a subject that only holds a name ("living in Tarrow", "most of the Korvel
    shares"). A sentence's first word is capitalised whatever it is and is left out; a
    subject the reader resolved to a name told elsewhere ("He" read as "Lorne Pell") is a
    name whole."""
    if value.statement is None:
        return None
    subject = value.subject
    if subject is None:  # a date's: its clause's
        fact = _clause_of_date(value, statements)
        subject = fact.subject if fact is not None else None
    return _named(subject, statements[value.statement].text)


def _patient_named(clause: Fact | None, sentence: str) -> _Named | None:
    """The one a date's clause (:func:`_clause_of_date`, in ``sentence``) tells its happening
    befell, when a name tells it: the clause's object ("Osric Vrell" of "Osric Vrell was arrested
    Wednesday", of "Police arrested Osric Vrell on Wednesday"); see :func:`_subject_named`."""
    if clause is None or not clause.object:
        return None
    # a name of two words or more opening the sentence is whole ("Mia Vrell was found
    # Wednesday" names Mia too, as "Searchers found Mia on Tuesday" does)
    whole = len(clause.object.split()) > 1
    return _named(clause.object, "" if whole else sentence)


# Words of those who hold people in custody, in a clause's subject ("police held two men",
# "was held by members of a fugitive task force"), and pronouns, which may stand for them
HOLDERS_IN_CUSTODY = quantity_reader.ARRESTERS | word_set("sheriff task force fbi jail")
_MAY_HOLD_PEOPLE = HOLDERS_IN_CUSTODY | labels.PRONOUNS


def _holds_a_thing(value: LinkInput, clause: Fact | None) -> bool:
    """Whether a date's clause tells a happening held ("the funeral will be held Saturday",
    "held talks on Monday") or a thing held by what holds no one in custody ("more candles
    than the sidewalk could hold by Thursday night"), not someone held in custody ("the
    17-year-old was held Tuesday", "police held two men Monday"): "hold" with a happening's
    noun as its object (``HAPPENINGS``), or with a doer that makes no arrests;
    ``clause``: the date's (:func:`_clause_of_date`)."""
    if value.predicate != "hold" or clause is None:
        return False
    if clause.object:
        head = _head_noun(clause.object)
        if head in HAPPENINGS or stem(head) in HAPPENINGS:
            return True
    if not clause.subject:
        return False  # "the couple were held Tuesday": whoever held them
    doer = {word.lower().strip(".,'\u2019") for word in clause.subject.split()}
    return doer.isdisjoint(_MAY_HOLD_PEOPLE)


def _clause_of_date(value: LinkInput, statements: Sequence[Statement]) -> Fact | None:
    """The fact (clause) of a value's sentence that holds it as a time, if any."""
    if value.statement is None:
        return None
    start = value.value_evidence.start
    for fact in statements[value.statement].facts:
        if any(time.evidence.start == start for time in fact.times):
            return fact
    return None


# An age in a subject ("A 36-year-old Harwick man", "36 - year - old Tam Vell") or
# right after it ("Robert Vell, 32, died"), in plain or tokenised text
_AGE_IN_SUBJECT = re.compile(r"\b(\d{1,3})\s?-?\s?years?\s?-?\s?old\b")
_AGE_AFTER_SUBJECT = re.compile(r"\s?,\s?(\d{1,3})\s?,")
# ... in the subject's head phrase, before what tells another person ("The father of a
# 6-year-old girl", "a man who shot a 17-year-old", "A 36-year-old man and his wife")
_SUBJECT_HEAD_END = re.compile(r"\s(?:of|who|whose|with|carrying|and|for)\s|['’]s\b")


def _subject_ages(clause: Fact | None, sentence: str) -> frozenset[str]:
    """The ages a date's clause (:func:`_clause_of_date`) tells of its subject: two dates of
    people of two ages are of two people's happenings."""
    if clause is None or not clause.subject:
        return frozenset()
    head = _SUBJECT_HEAD_END.split(clause.subject, maxsplit=1)[
        0
    ]  # not "the father of a 6-year-old"
    ages = set(_AGE_IN_SUBJECT.findall(head))
    start = sentence.find(clause.subject)  # the subject may be read from a joined view
    after = _AGE_AFTER_SUBJECT.match(sentence, start + len(clause.subject)) if start >= 0 else None
    if after is not None:
        ages.add(after.group(1))
    return frozenset(ages)


def _aged_apart(first: _Traits, second: _Traits) -> bool:
    """Two dates' subjects told with two ages, and not named as one person ("Tam Vell, 36,"
    and "Tam Vell, 37,": one person, whose age is disputed apart)."""
    if not (first.ages and second.ages) or not first.ages.isdisjoint(second.ages):
        return False
    named = (first.named, second.named)
    return not (named[0] and named[1] and named[0].names & named[1].names)


def _named(phrase: str | None, sentence: str) -> _Named | None:
    """``phrase`` (a subject or an object of ``sentence``) as a name with at most a
    determiner before it and a noun or two after it; see :func:`_subject_named`."""
    if not phrase:
        return None
    words = phrase.split()
    if sentence.lstrip().startswith(phrase):
        words = words[1:]
    if words and words[0].lower() in NOT_NAMES:
        words = words[1:]
    names = []
    while words and SUBJECT_NAME.fullmatch(words[0]) and words[0].lower() not in labels.PRONOUNS:
        names.append(words.pop(0))
    if not names or len(words) > SUBJECT_NOUNS:
        return None
    if not all(word.isalpha() and word.islower() for word in words):
        return None
    lowered = (name.lower().removesuffix("'s").removesuffix("\u2019s") for name in names)
    return _Named(frozenset(name.rstrip("'\u2019") for name in lowered), " ".join(words))


def _one_thing_named(first: str, second: str) -> bool:
    """Two subjects of one head noun whose names do not differ ("a wildfire near Harwick",
    "the Harwick wildfire", "the wildfire"); not "the Harwick fire" and "the Lindale fire"."""
    nouns = [_head_noun(subject) for subject in (first, second)]
    if not nouns[0] or nouns[0] != nouns[1] or nouns[0] in labels.PRONOUNS:
        return False
    if ANOTHER.search(first) or ANOTHER.search(second):
        return False  # "shares of rival Darran Metals", "a second wildfire"
    names = [
        {w.lower() for w in SUBJECT_NAME.findall(subject) if w.lower() not in NOT_NAMES}
        for subject in (first, second)
    ]
    return names[0] <= names[1] or names[1] <= names[0]


def _last_names(statement: Statement) -> frozenset[str]:
    """The last names of the people a sentence names: its people, and names of two or three
    capitalised words the tagger may have missed ("Milo Trent faces ...")."""
    written = [m.group(0).split() for m in PERSON_WRITTEN.finditer(statement.text)]
    names = [
        *statement.people,
        *(
            " ".join(words)
            for words in written
            if words[0].lower() not in NOT_A_FIRST_NAME
            # "a Sallow County grand jury", "a Sallow County Superior Court grand jury"
            and not any(word.lower() in NOT_A_SURNAME for word in words)
        ),
    ]
    return frozenset(name.split()[-1] for name in names if " " in name)


def _things_apart(a: LinkInput, b: LinkInput, first: _Named | None, second: _Named | None) -> bool:
    """Two values' subjects named apart ("Korvel Mining shares", "Darran Metals shares"),
    or one told as another of a kind ("shares of rival Darran Metals", "a second fire")."""
    if _named_apart(first, second):
        return True
    kinds = {quantity_reader.unit_kind(a.unit), quantity_reader.unit_kind(b.unit)}
    if kinds <= SHARE_KINDS and first is not None and second is not None:
        # "the Nasdaq index has fallen by 3.16%, while the Dax was 1.75% lower", "the RTS
        # exchange fell by 6.39 percent": markets named apart, whatever noun follows the name
        return _named_apart(_Named(first.names, ""), _Named(second.names, "")) or (
            _another_told(a, b)
        )
    return _another_told(a, b)


def _another_told(a: LinkInput, b: LinkInput) -> bool:
    """One of two subjects told as another of a kind ("a second fire", "rival Darran")."""
    subjects = (a.subject or "", b.subject or "")
    return subjects[0] != subjects[1] and any(ANOTHER.search(s) for s in subjects)


def _moves(*verbs: str | None) -> bool:
    """Whether every verb is one of a change of level (:data:`MOVING_VERBS`): "grow" and
    "rise" tell that something moved, not what."""
    return all(verb is not None and verb in MOVING_VERBS for verb in verbs)


def _two_voters(first: str, second: str) -> bool:
    """Two bodies that voted, or two measures voted on ("the Harwick city council", "the
    Lindale city council"; "the finance committee", "the state Senate"; "a rival
    resolution"); members of a body ("lawmakers"), a body against a measure or a measure
    called by its kind alone ("the measure") are not two."""
    heads = (_head_noun(first), _head_noun(second))
    if ANOTHER.search(first) or ANOTHER.search(second):
        return True
    if heads[0] in VOTING_MEMBERS or heads[1] in VOTING_MEMBERS:
        return False
    if heads[0] in ANY_MEASURE or heads[1] in ANY_MEASURE:
        return False  # "the measure passed", "the levy was winning": one measure
    bodies = (heads[0] in VOTING_BODIES, heads[1] in VOTING_BODIES)
    if bodies[0] != bodies[1]:
        return False  # "the Senate passed the bill", "the bill passed"
    return not _one_thing_named(first, second)


def _head_noun(subject: str) -> str:
    """The last word of a subject before what qualifies it, lower-cased ("a wildfire near
    Harwick": "wildfire"); "" for none."""
    head = SUBJECT_HEAD.match(subject)
    if head is None:
        return ""
    noun = head.group("words").split()[-1].lower()
    return ONE_HEAD.get(noun, noun)


def _named_apart(first: _Named | None, second: _Named | None) -> bool:
    """Two things of one kind named apart: "the Korvel index" and "the Tamsin index", two
    firms, two people. Not a name and a role ("Mayor Lorne Pell", "the Ashford mayor"), a
    name and its initials ("the Norland Transit Authority", "the NTA"), nor two spellings
    of one name ("Pell", "Pel")."""
    if first is None or second is None or first.head != second.head:
        return False
    if first.names & second.names or _initials_of(first.names, second.names):
        return False
    return not any(spelled_alike(x, y) for x in first.names for y in second.names)


def _initials_of(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether one name is written as the other's initials ("nta", "norland transit
    authority"): the words' order is lost in a set, so any order of the initials counts."""
    for short, long in ((first, second), (second, first)):
        letters = "".join(sorted(word.replace(".", "") for word in short))
        if len(short) == 1 and len(long) > 1 and sorted(letters) == sorted(w[0] for w in long):
            return True
    return False


@dataclass
class Cluster:
    members: list[int]
    scores: list[float]


def people_of(reading: Reading) -> list[Entity]:
    """The people an article names: those the tagger took for people, and those the reader
    counted by name as harmed or arrested ("Tam Vell, 26, was arrested", whatever the tagger
    took the name for), in reading order."""
    people = [e for e in reading.entities if e.label == "PERSON"]
    spans = {(e.evidence.start, e.evidence.end) for e in people}
    named = [
        Entity(q.evidence, "PERSON", " ".join(q.evidence.text.split()))
        for q in reading.quantities
        if quantity_reader.told_by_name(q) and (q.evidence.start, q.evidence.end) not in spans
    ]
    if not named:
        return people
    return sorted([*people, *named], key=lambda e: (e.evidence.start, e.evidence.end))


def surnames(reading: Reading) -> dict[str, str]:
    """A last name -> the one person an article names in full with it ("Hask" -> "Dorian
    Hask"); a last name two people share is no one's, and one the article does not give in
    full ("the suspect's father ... Hask, 61,") is left alone."""
    found: dict[str, set[str]] = {}
    people = [e.canonical for e in people_of(reading)]
    for name in [*people, *_names_given_ages(reading)]:
        if " " in name:
            found.setdefault(name.split()[-1], set()).add(name)
    return {name: next(iter(people)) for name, people in found.items() if len(people) == 1}


def _names_given_ages(reading: Reading) -> Iterator[str]:
    """Full names an age is set off after ("Dorian Hask, 33,"), whatever the tagger took
    them for: a person's."""
    for quantity in reading.quantities:
        if quantity.unit in ("", quantity_reader.AGE_UNIT):
            name = _unlisted_name(quantity, _sentence_of(quantity, reading), {})
            if name is not None:
                yield name


def with_appositive_ages(reading: Reading, known: Mapping[str, str]) -> Reading:
    """The reading with each bare number written as an apposition to a person's name
    ("Name, 61, of the town", "Hask, 33, was" when ``known`` (:func:`surnames`) names a
    Hask) read as that person's age."""
    people = people_of(reading)
    ages = {
        (q.evidence.start, q.evidence.end): replace(q, unit=quantity_reader.AGE_UNIT)
        for q in reading.quantities
        if _appositive_age(q, people, reading, known)
    }
    if not ages:
        return reading

    def aged(quantities: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
        return tuple(ages.get((q.evidence.start, q.evidence.end), q) for q in quantities)

    return replace(
        reading,
        quantities=aged(reading.quantities),
        facts=tuple(replace(f, quantities=aged(f.quantities)) for f in reading.facts),
    )


def _appositive_age(
    quantity: Quantity, people: Sequence[Entity], reading: Reading, known: Mapping[str, str]
) -> bool:
    value = quantity.value
    if quantity.unit or quantity.hedge or not float(value).is_integer():
        return False
    if not 0 < value <= OLDEST_AGE:
        return False
    sentence = _sentence_of(quantity, reading)
    if sentence is None:
        return False
    text, offset = sentence.text, sentence.start
    if not AGE_APPOSITION_END.match(text[quantity.evidence.end - offset :]):
        return False
    before = [p for p in people if sentence.start <= p.evidence.end <= quantity.evidence.start]
    if before:
        gap = text[before[-1].evidence.end - offset : quantity.evidence.start - offset]
        if AGE_APPOSITION_GAP.fullmatch(gap):
            return True
    # "A second man, 31, was treated", "arrested Tomas Karn, 19, on Monday", "Hask, 33,":
    # a person told by a noun, or a name the tagger did not take for one
    told = _told_before(quantity, sentence)
    if told is None:
        return False
    if told.group("name") is not None or _by_last_name(told, known):
        return True
    return told.group("noun").lower() in PERSON_NOUNS


def _sentence_of(quantity: Quantity, reading: Reading) -> Evidence | None:
    start = quantity.evidence.start
    found = (s.evidence for s in reading.sentences if s.evidence.start <= start < s.evidence.end)
    return next(found, None)


def _told_before(quantity: Quantity, sentence: Evidence) -> re.Match[str] | None:
    """The noun or the name written right before a number set off by commas."""
    return AGE_APPOSITION_HOLDER.search(split_at(sentence, quantity.evidence)[0])


def age_holders(
    readings: Sequence[Reading], known: Mapping[str, Mapping[str, str]]
) -> dict[tuple[str, int], str]:
    """(article, start of an age) -> the person it belongs to, named right before or after
    (a name the tagger did not take for a person's too, or a last name its article gives a
    person in full, ``known`` by article: :func:`surnames`, when the age is set off by
    commas right after it)."""
    found: dict[tuple[str, int], str] = {}
    for reading in readings:
        people = people_of(reading)
        last_names = known.get(reading.article, {})
        for quantity in reading.quantities:
            if quantity_reader.unit_kind(quantity.unit) != "age":
                continue
            sentence = _sentence_of(quantity, reading)  # found once for the four looks
            # named right before it, tagged or not ("Dorian Hask, 33, and his brother Milo
            # Hask"), before a name after it or a description
            person = _named_before(quantity.evidence, people, sentence)
            name = person.canonical if person else _unlisted_name(quantity, sentence, last_names)
            if name is None:
                person = _named_after(quantity.evidence, people, sentence) or (
                    _described_before(quantity, people, sentence)
                )
                name = person.canonical if person else None
            if name is not None:
                found[(reading.article, quantity.evidence.start)] = name
    return found


def _unlisted_name(
    quantity: Quantity, sentence: Evidence | None, known: Mapping[str, str]
) -> str | None:
    if sentence is None:
        return None
    if not AGE_APPOSITION_END.match(split_at(sentence, quantity.evidence)[1]):
        return None
    told = _told_before(quantity, sentence)
    if told is None:
        return None
    if told.group("name"):
        return told.group("name")
    return known.get(told.group("noun")) if _by_last_name(told, known) else None


def _by_last_name(told: re.Match[str], known: Mapping[str, str]) -> bool:
    """Whether the word before an age is a last name ``known`` gives a person, not after a
    title ("Mrs. Hask, 31,": maybe another Hask)."""
    noun = told.group("noun")
    if noun is None or noun not in known:
        return False
    return not TITLE_BEFORE.search(told.string, 0, told.start("noun"))


def _described_before(
    quantity: Quantity, people: Sequence[Entity], sentence: Evidence | None
) -> Entity | None:
    """The person named right before "a 23-year-old ..." set off by a comma ("Name, a
    23-year-old student,"): the description is of that person."""
    if sentence is None:
        return None
    before = split_at(sentence, quantity.evidence)[0]
    article = AGE_DESCRIPTION_BEFORE.search(before)
    if article is None:
        return None
    named_end = sentence.start + article.start()
    found = [p for p in people if p.evidence.end == named_end]
    return found[-1] if found else None


def _named_before(
    span: Evidence, people: Sequence[Entity], sentence: Evidence | None
) -> Entity | None:
    """The person an age is told of, named right before it ("Name, 38,", "Name, aged 38"),
    not through a possessive ("Name's 14-year-old son" is the son's age)."""
    before = [p for p in people if 0 <= span.start - p.evidence.end <= 3]
    if before and not _possessive_gap(before[-1].evidence, span, sentence):
        return before[-1]
    return None


def _named_after(
    span: Evidence, people: Sequence[Entity], sentence: Evidence | None
) -> Entity | None:
    """The person an age is told of, named soon after it in the same sentence ("a
    36-year-old ... Name"; a name opening the next sentence is not the one the age
    describes)."""
    after = [
        p
        for p in people
        if 0 <= p.evidence.start - span.end <= AGE_NAME_GAP
        and _told_next(span, p.evidence, sentence)
    ]
    return after[0] if after else None  # "a 36-year-old ... Name"


def _told_next(span: Evidence, name: Evidence, sentence: Evidence | None) -> bool:
    """Whether a name after an age is the next thing its sentence tells: in the same
    sentence, with no other figure between ("61-year-old X and 48-year-old Name" gives
    Name the 48)."""
    if sentence is None:
        return True
    if name.start >= sentence.end or span.end < sentence.start:
        return False
    gap = sentence.text[span.end - sentence.start : name.start - sentence.start]
    return not any(character.isdigit() for character in gap)


def _possessive_gap(name: Evidence, span: Evidence, sentence: Evidence | None) -> bool:
    """Whether the words between a name and an age are a possessive ("'s", "'")."""
    if sentence is None or not sentence.start <= name.end <= span.start <= sentence.end:
        return False
    gap = sentence.text[name.end - sentence.start : span.start - sentence.start]
    return bool(POSSESSIVE_GAP.fullmatch(gap))


class Linker:
    """Scores pairs of values and groups them, strongest links first."""

    def __init__(
        self,
        values: Sequence[LinkInput],
        statements: Sequence[Statement],
        alignment: dict[tuple[int, int], float],
        noun_similarity: Callable[[str, str], float],
        holders: dict[tuple[str, int], str],
    ) -> None:
        self.values = values
        self.statements = statements
        self.alignment = alignment
        self.noun_similarity = noun_similarity
        self.frequency = Counter(self._written(v) for v in values)
        self.holders = {**holders, **self._unnamed_ages(holders)}
        self.tally_ends = {  # where each side of a tally ends: a share told right after is its
            (v.statement, v.value_evidence.end): index
            for index, v in enumerate(values)
            if v.unit in quantity_reader.TALLY_UNITS and v.statement is not None
        }
        self.traits = [self._traits(v) for v in values]
        self.turnouts = self._turnouts()
        self.holders.update(  # the parents, for the claims' labels
            ((v.article, v.value_evidence.start), t.holder)
            for v, t in zip(values, self.traits, strict=True)
            if t.holder is not None and t.unit_kind != "age" and v.unit not in SHARE_UNITS
        )
        self.ambiguous = self._ambiguous_keys()
        self.counted_apart = _counted_apart(values)
        self.of_statement: dict[int, list[int]] = {}  # a statement's values, by index
        for index, value in enumerate(values):
            if value.statement is not None:
                self.of_statement.setdefault(value.statement, []).append(index)

    def _turnouts(self) -> dict[int, float]:
        """How many voted in each tally's vote: its two counts together, side by side in
        one sentence, each "votes for" and "votes against"."""
        by_statement: dict[int, list[int]] = {}
        for index, value in enumerate(self.values):
            if value.unit in quantity_reader.TALLY_UNITS and value.statement is not None:
                by_statement.setdefault(value.statement, []).append(index)
        turnouts: dict[int, float] = {}
        for members in by_statement.values():
            members.sort(key=lambda index: self.values[index].value_evidence.start)
            for first, second in itertools.pairwise(members):
                if first in turnouts or self.values[first].unit == self.values[second].unit:
                    continue  # "passed 52-48 after a 7-4 committee vote": two tallies, apart
                total = self.values[first].low + self.values[second].low
                turnouts[first] = turnouts[second] = total
        return turnouts

    def _one_vote(self, i: int, j: int) -> bool:
        """Two counts of one side of one vote: as many voted in each, one body or one
        measure voted on (not two councils, not a committee and the chamber), one motion
        ("to advance" is not "passed") and no two days."""
        first, second = self.turnouts.get(i), self.turnouts.get(j)
        if first is None or second is None or self.values[i].unit != self.values[j].unit:
            return False
        if min(first, second) < ONE_VOTE_TURNOUT * max(first, second):
            return False
        a, b = self.values[i], self.values[j]
        if a.subject and b.subject and _two_voters(a.subject, b.subject):
            return False
        motions = (self._motion(i), self._motion(j))
        if motions[0] and motions[1] and motions[0] != motions[1]:
            return False
        days = (self._day_of(i), self._day_of(j))
        return not (days[0] and days[1] and days[0] != days[1])

    def _motion(self, index: int) -> str | None:
        """What a tally's vote was on, by the verb of its motion ("voted 60-38 to advance
        the bill": "advance"; "passed it 52-48": "pass"), None when its sentence does not say."""
        value = self.values[index]
        if value.statement is None:
            return None
        _, after = self._around(value)
        to_verb = MOTION_AFTER.match(after)
        verb = to_verb.group("verb").lower() if to_verb else (value.predicate or "")
        verb = verb.removeprefix("not ")
        return next((motion for motion, verbs in MOTIONS.items() if verb in verbs), None)

    def _day_of(self, index: int) -> str | None:
        """The day the clause of a value dates it to ("voted 52-48 on Monday"), else None."""
        value = self.values[index]
        if value.statement is None:
            return None
        start = value.value_evidence.start
        for fact in self.statements[value.statement].facts:
            if not any(q.evidence.start == start for q in fact.quantities):
                continue
            days = [t.value for t in fact.times if t.granularity == "day" and t.value]
            return days[0][:10] if days else None
        return None

    def _traits(self, value: LinkInput) -> _Traits:
        sentence = written = None
        if value.statement is not None:
            written = self.statements[value.statement].text
            sentence = " ".join(written.split())
        state = self._state_counted(value)
        predicate = self._predicate(value, state)
        share_holder = self._share_holder(value)
        tally_side = self._tally_beside(value)
        # the share of that side, one question whatever verb tells it
        tally_share = None if tally_side is None else f"share of {self.values[tally_side].unit}"
        # a date's clause, read once for what it tells of whom and of "hold"
        clause = _clause_of_date(value, self.statements) if value.kind == "time" else None
        return _Traits(
            kind=self._kind(value),
            written=self._written(value),
            doers=self._doers(value),
            predicate=predicate,
            # a turnout is the whole vote's, whatever total its sentence tells ("In all 15,399
            # ballots were counted, for a turnout of 39.5%")
            partitive=predicate != TURNOUT and self._partitive(value, state),
            toll=self._toll(value),
            key=(tally_share, "") if tally_share else self._key(value, predicate, state),
            holder=(
                self._holder(value)
                or self._parent(value)
                or tally_share
                or self._vote_share_of(value)
            ),
            unit_kind=quantity_reader.unit_kind(value.unit),
            sentence=sentence,
            dimension=self._dimension(value),
            increment=value.kind == "time" and bool(sentence and INCREMENT.search(sentence)),
            scope=self._scope(value),
            state=state,
            verb_only=state is not None and not self._state_noun(value) and not self._noun(value),
            named=share_holder or _subject_named(value, self.statements),
            patient=_patient_named(clause, written or ""),
            holds_a_thing=_holds_a_thing(value, clause),
            period=self._period(value),
            share_holder=share_holder,
            of_a_whole=self._share_of_a_whole(value),
            rate=self._rate(value),
            ages=_subject_ages(clause, written or ""),
            tally_side=tally_side,
        )

    def _rate(self, value: LinkInput) -> str | None:
        """What a figure is told for each of ("$20 million per season", "$15 an hour", "300
        cars a day", "$2 billion annually"): "season", "hour", "day", "year"; None for a
        figure told whole."""
        if value.kind != "quantity" or value.statement is None:
            return None
        _, after = self._around(value)
        found = RATE_AFTER.match(after)
        if found is None:
            return None
        if found.group("unit"):
            return found.group("unit").lower()
        return ADVERB_RATES[found.group("adverb").lower()]

    def _around(self, value: LinkInput) -> tuple[str, str]:
        """The text of a value's sentence before the value and after it (the value's
        statement must be known)."""
        assert value.statement is not None
        return split_at(self.statements[value.statement].evidence, value.value_evidence)

    # ------------------------------------------------------------ pairs

    def aligned(self, i: int, j: int) -> float:
        a, b = self.values[i].statement, self.values[j].statement
        if a is None or b is None:
            return 0.0
        return pair_score(self.alignment, a, b)

    def _written(self, value: LinkInput) -> str:
        """A figure by its digits ("Almost 1,400", "1,400-strong"), a date as written."""
        written = " ".join(value.value_evidence.text.lower().split())
        digits = re.sub(r"\D", "", written)
        return digits if value.kind == "quantity" and digits else written

    def _kind(self, value: LinkInput) -> str:
        if value.kind == "time":
            return "time:" + value.unit
        return "quantity:" + quantity_reader.unit_kind(value.unit)

    def _doers(self, value: LinkInput) -> frozenset[str]:
        if value.statement is None or not value.subject:
            return frozenset()
        people = self.statements[value.statement].people
        return frozenset(p for p in people if p in value.subject or value.subject in p)

    def _holder(self, value: LinkInput) -> str | None:
        return self.holders.get((value.article, value.value_evidence.start))

    def _unnamed_ages(self, holders: dict[tuple[str, int], str]) -> dict[tuple[str, int], str]:
        """An age told without a name ("a 61-year-old man was charged") belongs to the one
        person the dossier gives that age to by name ("Name, 61,"); when several people
        are given it, or none, it is left without a holder (not linked by person)."""
        ages = [v for v in self.values if self._kind(v) == "quantity:age"]
        named: dict[str, set[str]] = {}
        for value in ages:
            holder = holders.get((value.article, value.value_evidence.start))
            if holder is not None and len(holder.split()) > 1:
                named.setdefault(self._written(value), set()).add(holder)
        found = {}
        roles: dict[str, set[str]] | None = None  # read only when some age needs them
        for value in ages:
            key = (value.article, value.value_evidence.start)
            if key in holders:
                continue
            owners = named.get(self._written(value), set())
            if len(owners) != 1:
                roles = self._roles() if roles is None else roles
                owners = roles.get(self._age_noun(value) or "", set())  # not "a second man"
            if len(owners) == 1:
                found[key] = next(iter(owners))
        return found

    def _roles(self) -> dict[str, set[str]]:
        """Role noun -> the people the dossier names with it ("The truck driver, Gary Stoll,
        52," or "Gary Stoll, the truck driver"): "the truck driver, 51," told elsewhere
        without a name is the one person so named."""
        roles: dict[str, set[str]] = {}
        for statement in self.statements:
            for name in statement.people:
                for pattern in _role_patterns(name):
                    for match in pattern.finditer(statement.evidence.text):
                        role = match.group("role").lower()
                        if role in PERSON_NOUNS and role not in ANYONE:
                            roles.setdefault(role, set()).add(name)
        return roles

    def _scope(self, value: LinkInput) -> str | None:
        """Where a count holds, from the words right after it: "everywhere" or a place."""
        if value.kind != "quantity" or value.statement is None:
            return None
        before, after = self._around(value)
        after = after[:80]
        if GLOBAL_SCOPE.match(after):
            return "everywhere"
        place = PLACE_SCOPE.match(after)
        if place:
            return place.group(1).strip()
        return self._fronted_place(value, before)

    def _fronted_place(self, value: LinkInput, before: str) -> str | None:
        """The place fronted before the count's clause ("In Lindale, ..."), with no other
        place named between; only a name the reader took for a place (not "In March,")."""
        fronted = next(reversed(list(FRONTED_PLACE.finditer(before))), None)  # the nearest
        if fronted is None or PLACE_NAMED.search(before, fronted.end()):
            return None
        if SAID_BETWEEN.search(before, fronted.end()):
            return None
        assert value.statement is not None
        name = fronted.group(1).lower()
        places = {p.lower() for fact in self.statements[value.statement].facts for p in fact.places}
        return fronted.group(1) if any(name in p or p in name for p in places) else None

    def _partitive(self, value: LinkInput, harm: str | None) -> bool:
        """A part ("two of the three", "two other victims") or a running total; not others
        than those another harm befell ("A boy died and two other teenagers were injured":
        all the injured), in its sentence or in the one before it ("... he was pronounced
        dead at the scene. Three other people were injured."), unless that one tells of
        their own harm too ("One man was wounded. Two other people were also hurt": a part);
        ``harm``: its :meth:`_state_counted`."""
        if value.statement is None:
            return False
        before, after = self._around(value)
        if PART_OF.search(before) or TOTAL_BEFORE.search(before):
            return True
        part = PART_AFTER.match(after)
        if part is None:
            return False
        other_harm = OTHER_HARM_BEFORE.get(harm or "")
        if part.group().strip().lower() != "other" or other_harm is None:
            return True
        if other_harm.search(before):
            return False
        told = self._sentence_before(value.statement)
        if not told or tells_of_no_one(told):
            return True  # "No one was killed. Two other people were injured": no other harm
        same_harm = SAME_HARM_TOLD.get(harm or "")
        return not (other_harm.search(told) and same_harm and not same_harm.search(told))

    def _sentence_before(self, statement: int) -> str | None:
        """The text of the statement before ``statement`` in the same article, if any."""
        if statement == 0:
            return None
        before, this = self.statements[statement - 1], self.statements[statement]
        return before.text if before.article == this.article else None

    def _dimension(self, value: LinkInput) -> str | None:
        """What a length measures, from the words right around it ("a depth of 10 km", "25
        km north of the town", "a 40-metre-high wall"), or the crime counts of charges are
        of ("two counts of murder"): None for another kind or no word."""
        if value.statement is None:
            return None
        sentence = self.statements[value.statement].evidence
        if value.unit.lower() in labels.CHARGE_UNITS:
            crime = labels.CRIME_AFTER.match(split_at(sentence, value.value_evidence)[1])
            if crime is None:
                return None
            words = labels.crime_named(crime).lower().replace("-", " ").split()
            # "first-degree murder" is murder, as charged by another outlet
            return " ".join(w for w in words if w not in CRIME_DEGREES) or None
        if quantity_reader.unit_kind(value.unit) != "length":
            return None
        start = value.value_evidence.start - sentence.start
        end = value.value_evidence.end - sentence.start
        around = (sentence.text[max(0, start - DIMENSION_REACH) : start], sentence.text[end:])
        after = DIMENSION_WORD.match(around[1])
        before = DIMENSION_BEFORE.search(around[0])
        found = after or before
        return DIMENSIONS[found.group("word").lower()] if found else None

    def _state_counted(self, value: LinkInput) -> str | None:
        """The happening a count of people told by what befell them alone is of ("about 50
        hurt", "killing 12", "50 were injured" -> "injure", "kill" or "arrest"), else None: see
        ``labels.harm_counted``."""
        if value.kind != "quantity":
            return None
        told = value.value_evidence
        if value.statement is not None:
            told = self.statements[value.statement].evidence  # the sentence
        return labels.harm_counted(
            told.text, told.start, value.value_evidence, value.unit, value.harm_inferred
        )

    def one_of_a_total(self, index: int) -> bool:
        """A count of one told by "a" ("a man was killed") whose article gives its question
        another answer ("two men were shot and killed"): one of those the total counts, no
        fact of its own."""
        value = self.values[index]
        return value.kind == "quantity" and not value.reliable and index in self.self_contradicting

    def _told_with_its_noun(self, index: int) -> bool:
        """A count told with its own noun ("injured 12 people", "Two men were killed"), not
        by the harmed's state or its verb alone ("left 90 injured", "killing 30"), nor by "a"
        ("a man was killed": one of the dead its article may tell one by one)."""
        value = self.values[index]
        if value.kind == "quantity" and not value.reliable:
            return False
        return self.traits[index].state is None or self._noun(value)

    def _noun(self, value: LinkInput) -> bool:
        """Whether a count of people is told with its noun ("40 people were killed"), not by
        its verb alone ("killing 40", "40 died")."""
        return quantity_reader.counts_people(last_word(value.unit))

    def _state_noun(self, value: LinkInput) -> bool:
        """Whether a count's own noun is a state ("the 80 wounded", "Ten dead")."""
        return last_word(value.unit) in labels.STATE_COUNTS

    def _predicate(self, value: LinkInput, state: str | None) -> str | None:
        """The verb a value answers for; ``state``: its :meth:`_state_counted`."""
        if state is not None:
            return state  # "and about 50 hurt": the injuring counted, whatever the clause's verb
        if self._toll_level(value):
            return "kill"  # "with the death toll at 17", whatever verb holds the clause
        if self._vote_margin(value):
            return VOTE_MARGIN  # "a margin of 142 votes", "called the 3,290-vote margin safe"
        if self._turnout_share(value):
            return TURNOUT  # "Turnout stood at 24.6 percent", "26 percent of voters took part"
        if value.predicate in SCHEDULING_VERBS:
            return self._scheduled_verb(value)
        if value.predicate == "expect" and value.kind == "time":
            expected = self._complement_verb(value, EXPECTED_TO)
            return f"expect {expected}" if expected else value.predicate
        if value.predicate is None or value.predicate.removeprefix("not ") in LIGHT_VERBS:
            return None
        if self._children_of_a_parent(value):
            return None  # "a mother of 12 was killed", "who leaves 12 children": one count
        toll = value.predicate in TOLL_VERBS and self._toll(value)
        if value.kind == "quantity" and toll and not self._others_than_the_dead(value):
            return "kill"  # "the death toll has risen to 45": 45 killed (its date, the rise's)
        if value.predicate in DEATH_VERBS:
            return "kill"  # "three people have died", "killed two people": one count of the dead
        if value.predicate in EXTENT_VERBS and quantity_reader.unit_kind(value.unit) == "area":
            return EXTENT  # "burned 12,000 acres", "grew to 18,000 acres": how far it spread
        kind = quantity_reader.unit_kind(value.unit)
        if value.predicate in RESULT_VERBS and kind.startswith("money:") and self._sum_of(value):
            return "report"  # "reported revenue of", "posted revenue of": one telling
        if value.predicate in LAW_VERBS and self._sum_of(value) == labels.BILL_SIZE:
            return "approve"  # "approved a $95 billion package", "passed the $95.3 billion bill"
        if value.unit.lower() in labels.CHARGE_UNITS and (
            value.predicate in CHARGE_VERBS or self._size_of_a_charging_paper(value) is not None
        ):
            return "charge"  # "charged with two counts", "faces three counts": one question
        if value.predicate in JOBS_GONE_VERBS and stem(last_word(value.unit)) in JOB_NOUNS:
            return "cut"  # "roughly 600 positions would go", "wipe out about 850 jobs"
        if _gathering(value.predicate) and quantity_reader.counts_people(
            last_word(value.unit).lower()
        ):
            return CROWD  # "1,500 people rallied", "4,000 people turned out", "gathered"
        if value.prison_term and value.predicate in TERM_VERBS:
            return "sentence"  # "sentenced to 15 years", "received a 12-year prison sentence"
        return value.predicate

    def _turnout_share(self, value: LinkInput) -> bool:
        """Whether a share is a vote's turnout."""
        if value.statement is None or quantity_reader.unit_kind(value.unit) != "percent":
            return False
        before, after = self._around(value)
        if TURNOUT_BEFORE.search(before):
            return True
        voters = VOTERS_AFTER.match(after)
        return voters is not None and bool(
            TURNING_OUT.search(voters.group("rest")) or DRAWING_BEFORE.search(before)
        )

    def _vote_margin(self, value: LinkInput) -> bool:
        """Whether a count of votes is a vote's margin."""
        if value.statement is None:
            return False
        before, after = self._around(value)
        return labels.vote_margin(before, after, value.unit)

    def _size_of_a_charging_paper(self, value: LinkInput) -> str | None:
        """The paper a count of charges is written as the size of: "an 11-count indictment"
        -> "indictment"."""
        if value.statement is None:
            return None
        _, after = self._around(value)
        paper = CHARGING_PAPER_AFTER.match(after)
        return paper.group("paper").lower() if paper is not None else None

    def _children_of_a_parent(self, value: LinkInput) -> bool:
        """A count of someone's children ("a mother of 12", "leaves three children"): a fact
        about the person, whatever the clause's verb."""
        if value.kind != "quantity" or value.unit not in quantity_reader.CHILDREN_UNITS:
            return False
        if value.statement is None or value.predicate in ("have", "leave"):
            return value.statement is not None
        before, _ = self._around(value)
        return bool(quantity_reader.PARENT_OF.search(before[-24:]))

    def _parent(self, value: LinkInput) -> str | None:
        """The person a count of children is told of: the name nearest it in its sentence
        ("Name, 34, a mother of 12", "Mother of 13 Name", "Name, who leaves 12 children")."""
        if value.statement is None or not self._children_of_a_parent(value):
            return None
        statement = self.statements[value.statement]
        at = value.value_evidence.start - statement.evidence.start
        after = value.value_evidence.end - statement.evidence.start
        nearest: tuple[int, str] | None = None
        for name in sorted(statement.people):
            surname = re.compile(rf"\b{re.escape(name.split()[-1])}\b")
            for found in surname.finditer(statement.evidence.text):
                gap = at - found.end() if found.end() <= at else found.start() - after
                if 0 <= gap <= PARENT_REACH and (nearest is None or gap < nearest[0]):
                    nearest = (gap, name)
        if nearest is None:  # a name the tagger missed, known by an age beside it
            nearest = self._aged_near(value.article, value.value_evidence.start)
        return nearest[1] if nearest else None

    def _aged_near(self, article: str, start: int) -> tuple[int, str] | None:
        """The person whose age is told at most ``PARENT_REACH`` characters before ``start``
        ("Name, 34, who leaves 12 children")."""
        ages = [
            (start - at, holder)
            for (of, at), holder in self.holders.items()
            if of == article and 0 < start - at <= PARENT_REACH
        ]
        return min(ages) if ages else None

    def _scheduled_verb(self, value: LinkInput) -> str | None:
        """The happening a verb of a schedule is told of: "set to expire Tuesday" and "set
        to meet Monday" are two happenings, not two dates of one setting."""
        return self._complement_verb(value, SCHEDULED_TO)

    def _complement_verb(self, value: LinkInput, pattern: re.Pattern[str]) -> str | None:
        """The verb after "to" of the nearest ``pattern`` before the value, else the first
        after it; none for a light verb."""
        if value.statement is None:
            return None
        before, after = self._around(value)
        told = [*pattern.finditer(before)] or [*pattern.finditer(after)][:1]
        verb = told[-1].group("verb").lower() if told else None
        return None if verb is None or verb in LIGHT_VERBS else verb

    def _toll_level(self, value: LinkInput) -> bool:
        """A figure a death toll stands at, told right after the toll ("the death toll at 17",
        "the number of people killed rose to four")."""
        if value.kind != "quantity" or value.statement is None:
            return False
        before, _ = self._around(value)
        return bool(quantity_reader.TOLL_BEFORE.search(before[-120:]))

    def _others_than_the_dead(self, value: LinkInput) -> bool:
        """A count its own words tell of people the toll does not count ("the toll rose to
        23, with at least 40 people still missing")."""
        if value.statement is None:
            return False
        _, after = self._around(value)
        return bool(NOT_THE_DEAD_AFTER.match(after))

    def _toll(self, value: LinkInput) -> bool:
        return value.statement is not None and bool(
            TOLL.search(self.statements[value.statement].text)
        )

    def same_question(self, i: int, j: int) -> bool:
        a, b = self.values[i], self.values[j]
        first, second = self.traits[i], self.traits[j]
        if first.kind != second.kind:
            return False
        if _named_apart(first.patient, second.patient):
            return False  # "Osric Vrell was arrested Wednesday", "Ilse Dellamont ... Tuesday"
        if _aged_apart(first, second):
            return False  # "A 36-year-old man died on Friday", "Tam Vell, 32, died ... Saturday"
        if first.holds_a_thing != second.holds_a_thing and verbs_alike(
            first.predicate, second.predicate
        ):
            return False  # "the funeral will be held Saturday", "was arrested Tuesday"
        if first.kind == "quantity:age":
            if first.holder is None and second.holder is None:
                return self._one_unnamed_person(i, j)
            return first.holder is not None and first.holder == second.holder
        if first.dimension and second.dimension and first.dimension != second.dimension:
            return False  # "a depth of 10 km", "25 km north of the town": two questions
        if {a.unit, b.unit} & quantity_reader.TALLY_UNITS:
            return self._one_vote(i, j)
        if first.tally_side is not None and second.tally_side is not None:
            # the shares of one side of one vote
            return self._one_vote(first.tally_side, second.tally_side)
        if first.period and second.period and first.period != second.period:
            return False  # a quarter's revenue and a year's
        if self._moves_of_two_days(i, j):
            return False  # "1.75% lower than the start of the day" on Wednesday, "5.06%
            # higher" on Saturday: each day's move
        if self._two_defendants(i, j):
            return False  # "Hask was sentenced to 25 years", "his co-defendant received 12"
        if self._bills_apart(i, j):
            return False  # "the $95 billion foreign aid package", "a $14 billion border bill"
        if self._one_crime_of_the_charges(i, j):
            return False  # "four counts of bribe receiving", "an 11-count indictment": a part
        held = (first.share_holder, second.share_holder)
        if (
            held[0]
            and held[1]
            and not (held[0].names <= held[1].names or held[1].names <= held[0].names)
        ):
            return False  # "58 percent for Proposition 12", "41 percent for Proposition 14"
        if self._two_movers(a, b):
            return False  # "shares tumbled 8 percent", "profit sank 40 percent"
        named = first.named is not None or second.named is not None
        if named and first.of_a_whole != second.of_a_whole:
            return False  # "90 percent of votes were counted", "Orrin Pell took 45 percent"
        measures = {first.key[0], second.key[0]}
        if quantity_reader.STORM_CATEGORY in (a.unit, b.unit):
            storms = (self._storm_of(a), self._storm_of(b))
            if storms[0] and storms[1] and storms[0] != storms[1]:
                return False  # "Hurricane Orrin, a Category 2 storm": another storm's
        if len(measures) == 2 and measures <= NAMED_MEASURES:
            return False  # "a net profit of 12 million", "a net loss of 12 million"
        if len(measures) == 2 and measures & {
            quantity_reader.MAGNITUDE_UNIT,
            quantity_reader.STORM_CATEGORY,
            labels.DEAL_VALUE,
        }:
            return False  # the quake's magnitude and an aftershock's
        if not _doers_meet(first.doers, second.doers):
            return False
        verb_a, verb_b = first.predicate, second.predicate
        per_share = self._one_sum(i, j)  # whichever verb tells it
        told_apart = (
            verb_a
            and verb_b
            and not verbs_alike(verb_a, verb_b)
            and not self._left_in_state(i, j)
            and not self._left_in_state(j, i)
        )
        if told_apart and not _measured_alike(a, b) and not per_share:
            return bool(a.words & b.words) and a.kind == "time"
        if a.kind == "time":
            if a.words & b.words:
                return True
            # a day something rose or fell is a question of what moved: "had grown to 14,500
            # acres by Tuesday" and "the count of homes lost rose again Wednesday" are two
            return verbs_alike(verb_a, verb_b) and not _moves(verb_a, verb_b)
        if first.partitive or second.partitive:
            return False
        return self._same_counted(i, j)

    def _left_in_state(self, i: int, j: int) -> bool:
        """Whether ``i`` counts those in a state "be" tells ("3,000 people were homeless")
        and ``j``'s sentence puts its counted in that state right after its figure ("left
        5,000 people homeless"): one question, whatever the verb."""
        told, value = self.values[i].predicate or "", self.values[j]
        state = told.removeprefix(STATE_OF_BE)
        if state == told or value.statement is None:
            return False
        _, after = self._around(value)
        return state in re.findall(r"[a-z]+", after.lower())[:STATE_AFTER_WORDS]

    def _one_unnamed_person(self, i: int, j: int) -> bool:
        """Two ages of people no source names, told with alike verbs in sentences the aligner
        links ("A 17-year-old boy was shot on Elm Street", "A 16-year-old was shot
        four times on Elm Street"): one person, unless their nouns differ ("boy", "girl") or
        one is told as another ("a second man, 31")."""
        a, b = self.values[i], self.values[j]
        if not (a.predicate and verbs_alike(a.predicate, b.predicate)):
            return False
        if self._of_the_doer(a) != self._of_the_doer(b):
            return False  # "a 63-year-old woman was shot", "the 39-year-old man shot them"
        nouns = [self._age_noun(value) for value in (a, b)]
        if any(noun is None for noun in nouns):
            return False  # "a second man": another person
        if nouns[0] and nouns[1] and nouns[0] != nouns[1]:
            return False
        return self.aligned(i, j) >= CLASH_ALIGNMENT

    def _of_the_doer(self, value: LinkInput) -> bool:
        """Whether a value is told in its clause's doer ("the 39-year-old man shot ..."), not
        in what was done to someone ("a 63-year-old woman was shot")."""
        if not value.subject:
            return False
        written = re.escape(value.value_evidence.text)
        # a word of its own: not the "2" of "Precinct 12 officers"
        return re.search(rf"(?<![\w.,]){written}(?![\w]|[.,]\d)", value.subject) is not None

    def _age_noun(self, value: LinkInput) -> str | None:
        """The noun an age is told with ("boy"), "" for none, None for another person ("a
        second man")."""
        if value.statement is None:
            return ""
        sentence = self.statements[value.statement].evidence
        found = labels.age_noun(sentence.text, sentence.start, value.value_evidence)
        if found is None:
            return ""
        return None if found[0] else found[1]

    def _same_happening(self, i: int, j: int) -> bool:
        """Values that clash must hang on verbs of one kind; a value on a light verb ("is
        dead after falling 150 metres") leaves the question to its unit and its sentence."""
        first, second = self.traits[i].predicate, self.traits[j].predicate
        if _one_happening_dated(self.values[i], self.values[j]):
            return True
        if first and second:
            return (
                verbs_alike(first, second)
                or _measured_alike(self.values[i], self.values[j])
                or self._left_in_state(i, j)
                or self._left_in_state(j, i)
            )
        return self.values[i].kind == "quantity"

    def _same_doer(self, i: int, j: int) -> bool:
        """Two doers named differently ("the mayor", "the army") make two facts of one verb."""
        a, b = self.values[i], self.values[j]
        if not a.subject or not b.subject or self.traits[i].toll or self.traits[j].toll:
            return True
        if a.predicate in DEATH_VERBS or b.predicate in DEATH_VERBS:
            return True  # "three people have died": its subject is the dead, not a doer
        if self.traits[i].state is not None or self.traits[j].state is not None:
            return True  # "ten killed and 50 hurt": the clause's subject is no doer of the hurt
        if {self.traits[i].predicate, self.traits[j].predicate} <= {VOTE_MARGIN, TURNOUT}:
            return True  # "the clerk called the 3,290-vote margin comfortable": the vote's
        if " ".join(a.subject.lower().split()) == " ".join(b.subject.lower().split()):
            return True
        if self._of_the_doer(a) or self._of_the_doer(b):
            return True  # "about 1,500 people rallied": the counted are the subject, no doer
        if _pronoun_for(a.subject, b.subject) or _pronoun_for(b.subject, a.subject):
            return True  # "It injured 25 workers", "The fire injured 40 workers"
        return _one_thing_named(a.subject, b.subject)

    def _revised_count(self, i: int, j: int) -> bool:
        """A figure its report gives as the revision of an earlier report's, of the same
        counted thing ("now expects to cut 1,800 jobs, more than the 1,200 it announced",
        "would eliminate 1,200 jobs"): the earlier reports' question, whatever its verb."""
        first, second = self.traits[i], self.traits[j]
        revising = self.values[i].revising or self.values[j].revising
        return revising and bool(first.key[0]) and first.key[0] == second.key[0]

    def _key(self, value: LinkInput, predicate: str | None, state: str | None) -> tuple[str, str]:
        """(counted thing, verb or its group): the question a figure answers, as far as
        words tell; ``predicate`` and ``state``: its :meth:`_predicate` and
        :meth:`_state_counted`."""
        counted = stem(last_word(value.unit))  # the unit's counted noun
        if state is not None or predicate == CROWD:
            counted = "people"  # "50 hurt" counts people, as "50 people were hurt" does; a
            # crowd's "1,500 demonstrators" are its "1,500 people"
        kind = quantity_reader.unit_kind(value.unit)
        if value.unit == quantity_reader.MAGNITUDE_UNIT:
            return self._magnitude_key(value), ""
        if value.unit in quantity_reader.TALLY_UNITS:
            return value.unit, ""  # one vote's side, whichever verb tells it
        if value.unit == quantity_reader.STORM_CATEGORY:
            return self._category_key(value), ""
        if kind.startswith("money:") and self._sum_of(value) == labels.DEAL_VALUE:
            sentence = self._sentence_text(value)
            if value.of_a_past_year or OTHER_DEAL.search(sentence):
                return "other " + labels.DEAL_VALUE, ""  # another deal's
        if kind == "area":
            counted = "area"  # "18,000 acres", "7,300 hectares": one measure in two units
        elif kind.startswith("money:"):
            counted = self._sum_of(value) or counted
        if counted and self._a_change(value):
            counted += " change"  # "an increase of $3 billion": how much it moved, not its level
        if counted in labels.CHARGE_UNITS:
            counted = self._charges_counted(value, counted)
        verb = predicate or ""
        groups = verb_groups(verb.removeprefix("not "))
        if counted in JOB_NOUNS and verbs_alike(verb, "cut"):
            counted = "job"  # "cut 1,200 jobs", "laying off 1,500 workers": one count
        return counted, f"#{min(groups)}" if groups else verb

    def _one_crime_of_the_charges(self, i: int, j: int) -> bool:
        """Two counts of charges of two crimes, or one of them a crime's among others and the
        other all the charges (see :meth:`_charges_counted`)."""
        units = {self.values[i].unit.lower(), self.values[j].unit.lower()}
        if not units <= labels.CHARGE_UNITS:
            return False
        first, second = self.traits[i].key[0], self.traits[j].key[0]
        if first == second:
            return False
        if CRIME_OF in first and CRIME_OF in second:
            return True  # "two counts of murder", "one count of robbery"
        crime = i if CRIME_OF in first else j
        return CRIME_OF in first + second and self._among_other_charges(crime)

    def _among_other_charges(self, index: int) -> bool:
        """A count of one crime told beside other counts or after "including" ("four counts
        of bribe receiving, five counts of official misconduct"): a part of the charges; told
        alone ("charged with 12 counts of wire fraud") it is all of them."""
        before, after = self._around(self.values[index])
        return (
            bool(INCLUDING_BEFORE.search(before)) or len(CHARGES_WORD.findall(before + after)) > 1
        )

    def _charges_counted(self, value: LinkInput, counted: str) -> str:
        """Which charges a count of them counts: one crime's ("four counts of bribe
        receiving"), a charging paper's size ("an 11-count indictment": the whole paper's,
        apart from one defendant's "was charged with six counts" in the same report) or,
        unsaid, ``counted``."""
        if value.statement is None:
            return counted
        crime = labels.CRIME_AFTER.match(self._around(value)[1])
        if crime is not None:  # by its last word: "first-degree murder" is a murder
            return f"{counted}{CRIME_OF}{last_word(labels.crime_named(crime)).lower()}"
        paper = self._size_of_a_charging_paper(value)
        return f"{paper} {counted}" if paper is not None else counted

    def _magnitude_key(self, value: LinkInput) -> str:
        """ "magnitude" for the story's quake, "other magnitude" where its sentence tells of
        another quake: only the first is a measure the story has once."""
        if value.statement is None or value.of_a_past_year:
            return "other magnitude"  # "the 1998 quake measured 6.9"
        if OTHER_QUAKE.search(self.statements[value.statement].text):
            return "other magnitude"
        return quantity_reader.MAGNITUDE_UNIT

    def _moves_of_two_days(self, i: int, j: int) -> bool:
        """Two moves of a level told of the day of their reports ("fell 2% today", "was 5%
        higher than the start of the day") by reports of two days; not when a sentence
        names the day ("in Wednesday's session" may be the other report's today)."""
        a, b = self.values[i], self.values[j]
        if not {self.traits[i].unit_kind, self.traits[j].unit_kind} <= SHARE_KINDS:
            return False  # a share's or an index's move, not a count's
        sentences = (self.traits[i].sentence or "", self.traits[j].sentence or "")
        if not markets.of_two_days((a.published, b.published), sentences):
            return False
        if not all(self._a_move(self.values[k]) for k in (i, j)):
            return False
        directions = {self._direction(k) for k in (i, j)}
        if directions == {"up", "down"}:
            return True  # "lost more than 33%" one day, "rising by 31.49%" another
        return all(DAY_MOVE.search(sentence) for sentence in sentences)

    def _market_figures_of_two_days(self, i: int, j: int) -> bool:
        """Two different figures of a market's level or move told by reports of two days
        that name no other day: each is its day's figure (``compare/markets.py``). An equal
        figure may be one day's told again: it still agrees."""
        a, b = self.values[i], self.values[j]
        sentences = (self.traits[i].sentence or "", self.traits[j].sentence or "")
        return markets.of_two_days((a.published, b.published), sentences) and all(
            self._market_figure(k) for k in (i, j)
        )

    def _market_figure(self, index: int) -> bool:
        """A figure its sentence tells of a market's level or move ("the FTSE 100 rose by
        8.04%, which is 392.50 points", "the Korvel 200 was down 2.1% at 15:40 GMT")."""
        value, traits = self.values[index], self.traits[index]
        sentence = traits.sentence or ""
        if value.kind == "time":  # the time of day a level stood somewhere
            return bool(CLOCK_TIME.search(value.value_evidence.text)) and markets.told_of_a_move(
                sentence
            )
        if not markets.told_of_a_market(sentence):
            return False
        if value.unit.lower() in INDEX_POINTS:
            return True
        if traits.unit_kind not in SHARE_KINDS:
            return False
        verb = (value.predicate or "").removeprefix("not ")
        return (
            self._a_move(value) or self._direction(index) is not None or verb in MARKET_LEVEL_VERBS
        )

    def _two_indexes(self, i: int, j: int) -> bool:
        """Two figures of a market, each told after the name of another index."""
        if not (self._market_figure(i) and self._market_figure(j)):
            return False
        named = [self._index_named(k) for k in (i, j)]
        return named[0] is not None and named[1] is not None and named[0] != named[1]

    def _index_named(self, index: int) -> str | None:
        value = self.values[index]
        if value.statement is None:
            return None
        before, _ = self._around(value)
        return markets.index_named_before(before)

    def _answers_of_polls(self, i: int, j: int) -> bool:
        """Two shares told in sentences of a poll or a survey, of two answers: the words after
        each share, telling what was answered, have too little in common."""
        if not {self.traits[i].unit_kind, self.traits[j].unit_kind} <= SHARE_KINDS:
            return False
        if not all(POLL.search(self.traits[k].sentence or "") for k in (i, j)):
            return False
        answers = [self._words_after(self.values[k]) for k in (i, j)]
        return overlap(answers[0], answers[1]) < ANSWER_OVERLAP

    def _words_after(self, value: LinkInput) -> frozenset[str]:
        """The content words of a value's sentence after it."""
        if value.statement is None:
            return frozenset()
        _, after = self._around(value)
        return content_words(after)

    def _market_days_apart(self, i: int, j: int) -> bool:
        """Two dates of a market's happening (a close, a fall), one report dating it to its
        own day or before, the other to more than a day after that report came out: the
        first could not have told of it, so they are two trading days' ("closed at its
        lowest on Thursday" in Friday's report, "on Monday" in Tuesday's). A one-off
        happening dated so stays a conflict: the sources disagree on its day."""
        a, b = self.values[i], self.values[j]
        if a.kind != "time" or not (_dated_after(a, b) or _dated_after(b, a)):
            return False
        return all(markets.told_of_a_market(self.traits[k].sentence or "") for k in (i, j))

    def _direction(self, index: int) -> str | None:
        """ "up" or "down": which way a move went, by the words right before it ("rising
        by", "was down", "lost") or its verbs."""
        value = self.values[index]
        if value.statement is not None:
            before, after = self._around(value)
            found = MOVED_BEFORE.search(before[-30:]) or MOVED_AFTER.match(after)
            if found is not None:
                return "up" if found.group("up") else "down"
        for verb in (value.governor, value.predicate):
            lemma = (verb or "").removeprefix("not ")
            if lemma in FALLING_VERBS:
                return "down"
            if lemma in RISING_VERBS:
                return "up"
        return None

    def _two_defendants(self, i: int, j: int) -> bool:
        """Two values of what one person is given or charged with (a prison term, bail,
        counts of a crime) told of two people: each sentence names people and none in
        common, or one tells of another person ("his co-defendant", "her brother")."""
        if not (self._of_a_defendant(i) and self._of_a_defendant(j)):
            return False
        a, b = self.values[i], self.values[j]
        if a.statement is None or b.statement is None:
            return False
        sentences = (self.statements[a.statement], self.statements[b.statement])
        for value, sentence in ((a, sentences[0]), (b, sentences[1])):
            before, _ = split_at(sentence.evidence, value.value_evidence)
            if OTHER_PERSON.search(before):
                return True  # "His co-defendant, Milo Trent, was held on $100,000 bail"
        # "Dorian Hask was charged with two counts", "Milo Trent faces three": each names
        # someone, and neither sentence the other's last name
        names = [_last_names(sentence) for sentence in sentences]
        if not (names[0] and names[1]) or names[0] & names[1]:
            return False
        return not any(
            re.search(rf"\b{re.escape(name)}\b", other.text)
            for own, other in ((names[0], sentences[1]), (names[1], sentences[0]))
            for name in own
        )

    def _bills_apart(self, i: int, j: int) -> bool:
        """Two bills' sizes, told of bills described by no word in common ("the $95 billion
        foreign aid package", "a $14 billion border security bill"; not "aid package" and
        "foreign aid bill")."""
        if self.traits[i].key[0] != labels.BILL_SIZE or self.traits[j].key[0] != labels.BILL_SIZE:
            return False
        described = [self._bill_words(k) for k in (i, j)]
        return bool(described[0] and described[1] and not described[0] & described[1])

    def _bill_words(self, index: int) -> frozenset[str]:
        """The words describing the bill a sum sizes, its noun left out ("foreign aid"; none
        for "spending plan")."""
        value = self.values[index]
        if value.statement is None:
            return frozenset()
        sentence = self.statements[value.statement].evidence
        thing = labels.sized_thing(sentence.text, sentence.start, value.value_evidence)
        noun = max(1, labels.bill_noun_words(thing)) if thing else 1
        return frozenset(w.lower() for w in thing.split()[:-noun])

    def _of_a_defendant(self, index: int) -> bool:
        value = self.values[index]
        return (
            value.prison_term
            or value.unit.lower() in labels.CHARGE_UNITS
            or self.traits[index].key[0] == "bail"
        )

    def _share_holder(self, value: LinkInput) -> _Named | None:
        """Who holds a share, named right after it ("54 percent to 44 percent for Orrin
        Pell": Pell's 44), whatever the clause's subject."""
        if value.unit not in SHARE_UNITS or value.statement is None:
            return None
        _, after = self._around(value)
        found = labels.SHARE_FOR.match(after)
        if found is None:
            return None
        return _Named(frozenset(found.group("name").lower().split()), "")

    def _tally_beside(self, value: LinkInput) -> int | None:
        """The side of a tally (its index) a share is told right after ("9,120 votes, or 61.0
        percent, to ...", "9,455 votes (61.4%) for")."""
        if value.unit not in SHARE_UNITS or value.statement is None:
            return None
        before, _ = self._around(value)
        end = labels.votes_end_before_share(before, value.value_evidence.start)
        return self.tally_ends.get((value.statement, end)) if end is not None else None

    def _vote_share_of(self, value: LinkInput) -> str | None:
        """The candidate whose share of a vote a share is, by last name ("44 percent for
        Orrin Pell", "Orrin Pell, who took 45 percent", "Vale won with 53 percent of the
        vote"): one question per candidate, whatever verb tells it. Not a share of a part
        of the vote ("60 percent of the rural vote") nor of a whole its subject names."""
        if value.unit not in SHARE_UNITS or value.statement is None:
            return None
        sentence = self.statements[value.statement].evidence
        if not labels.VOTE_WHOLE.search(sentence.text) or OTHER_RACE.search(sentence.text):
            return None  # no vote, or another race's ("in the primary", "four years ago")
        _, after = split_at(sentence, value.value_evidence)
        whole = SHARE_WHOLE_AFTER.match(after)
        if whole is not None and whole.group("whole") not in VOTE_ALONE:
            return None  # "60 percent of the rural vote"
        if labels.COUNTED_SHARE.match(after):
            return None  # "with 90 percent of votes counted": how far the count went
        named_for = labels.SHARE_FOR.match(after)
        if named_for is not None:
            holder = named_for.group("name").lower()
        else:
            verb = (value.predicate or "").removeprefix("not ")
            if verb not in SHARE_TAKING_VERBS or self._share_of_a_whole(value):
                return None
            named = _subject_named(value, self.statements)
            if named is None or named.head or not value.subject:
                return None  # a name alone, not "the Vale campaign"
            holder = value.subject.split()[-1].lower()
        scope = self._scope(value)  # "in Lindale County" is not "statewide"
        return f"vote share of {holder.split()[-1]}" + (f" in {scope}" if scope else "")

    def _share_of_a_whole(self, value: LinkInput) -> bool:
        """A share written in its clause's subject, of a whole it names ("90 percent of
        votes were counted"), or of the count ("with 90 percent of votes counted"), not one
        a doer holds."""
        if value.unit not in SHARE_UNITS:
            return False
        if value.statement is not None:
            _, after = self._around(value)
            if labels.COUNTED_SHARE.match(after):
                return True
        if not value.subject:
            return False
        return value.value_evidence.text in value.subject and " of " in value.subject

    def _period(self, value: LinkInput) -> str | None:
        """The period a sum is of, the nearest its sentence names (``SUM_PERIODS``); for a
        share's or a price's move, also a day's ("fell 8 percent on Wednesday" is not
        "have plunged 30 percent this year")."""
        kind = quantity_reader.unit_kind(value.unit)
        if value.statement is None:
            return None
        periods: tuple[tuple[str, re.Pattern[str]], ...]
        if kind.startswith("money:"):
            periods = SUM_PERIODS
        elif kind in ("percent", "points") and self._a_move(value):
            periods = (*SUM_PERIODS, ("day", DAY_OF_A_MOVE))
        else:
            return None
        sentence = self.statements[value.statement].evidence
        at = value.value_evidence.start - sentence.start
        found = [
            (min(abs(match.start() - at), abs(match.end() - at)), period)
            for period, pattern in periods
            for match in pattern.finditer(sentence.text)
        ]
        return min(found)[1] if found else None

    def _two_movers(self, a: LinkInput, b: LinkInput) -> bool:
        """Two moves of two things, one a measure of a firm's results ("Korvel Mining shares
        tumbled 8 percent", "profit sank 40 percent")."""
        kinds = {quantity_reader.unit_kind(a.unit), quantity_reader.unit_kind(b.unit)}
        if not (kinds <= SHARE_KINDS and a.subject and b.subject):
            return False
        if not (self._a_move(a) and self._a_move(b)):
            return False
        heads = {_head_noun(a.subject), _head_noun(b.subject)}
        return bool(heads & markets.MARKET_HEADS) and bool(heads & SUM_MEASURES)

    def _a_move(self, value: LinkInput) -> bool:
        """A figure told by a verb of a level's move ("fell 8 percent") or as a change."""
        verb = (value.predicate or "").removeprefix("not ")
        return verb in labels.MOVING_VERBS or self._a_change(value)

    def _sentence_text(self, value: LinkInput) -> str:
        """The text of a value's sentence, "" when it has none."""
        return self.statements[value.statement].text if value.statement is not None else ""

    def _category_key(self, value: LinkInput) -> str:
        """ "storm category" for a storm's category as told, "other storm category" in a
        sentence of its change, or of what it may become: only the first is one measure of
        the story."""
        sentence = self.statements[value.statement].text if value.statement is not None else ""
        if CATEGORY_CHANGE.search(sentence):
            return "other " + quantity_reader.STORM_CATEGORY
        return quantity_reader.STORM_CATEGORY

    def _storm_of(self, value: LinkInput) -> str | None:
        """The name of the storm a category is told of, the nearest before it ("Hurricane
        Orrin, a Category 2 storm"), else its clause's subject's name ("Orla came ashore as
        a Category 4 hurricane"), else None."""
        if value.statement is None:
            return None
        before, _ = self._around(value)
        named = list(STORM_NAMED.finditer(before))
        if named:
            return named[-1].group("name").lower()
        subject = _subject_named(value, self.statements)
        return min(subject.names) if subject is not None and len(subject.names) == 1 else None

    def _a_change(self, value: LinkInput) -> bool:
        """A figure told as a change ("an increase of $3 billion", "$3 billion more than
        last year", "up $3 billion"), not as a level."""
        if value.kind != "quantity" or value.statement is None:
            return False
        before, after = self._around(value)
        if self._particle_before(value, before):
            return bool(CHANGE_AFTER.match(after))  # "handed up 11 counts": its verb's "up"
        return bool(CHANGE_BEFORE.search(before[-40:]) or CHANGE_AFTER.match(after))

    @staticmethod
    def _particle_before(value: LinkInput, before: str) -> bool:
        """The "up" or "down" right before a count of charges is its clause verb's particle
        ("a grand jury handed up 11 counts"), not a move."""
        if value.unit.lower() not in labels.CHARGE_UNITS:
            return False  # "the rate ticked down 0.2 points", "shot up 1.5 points": moves
        _, _, particle = (value.predicate or "").rpartition(" ")
        return particle in {"up", "down"} and before.rstrip().lower().endswith(particle)

    def _one_sum(self, i: int, j: int) -> bool:
        """Two sums of one measure a story has once ("per share", "severance of $22
        million", "his severance would total $24.5 million"), whichever verb tells them."""
        measure = self.traits[i].key[0]
        return measure == self.traits[j].key[0] and measure in ONE_SUM_MEASURES

    def _sum_of(self, value: LinkInput) -> str:
        """What a sum measures (``labels.sum_measure``), one word a measure: "sales" and
        "revenue" are one question."""
        if value.statement is None:
            measure = labels.sum_measure("", 0, value.value_evidence, value.subject)
        else:
            sentence = self.statements[value.statement].evidence
            measure = labels.sum_measure(
                sentence.text, sentence.start, value.value_evidence, value.subject
            )
        return labels.ONE_MEASURE.get(measure, measure)

    def _same_key(self, i: int, j: int) -> bool:
        """One counted thing and alike verbs: a key keeps one group of its verb, so two verbs
        alike by another group ("lay off", "cut") are asked again."""
        (noun_a, verb_a), (noun_b, verb_b) = self.traits[i].key, self.traits[j].key
        if not (noun_a and verb_a):
            return False
        if noun_a != noun_b and not (_all_charges(noun_a) and _all_charges(noun_b)):
            return False
        return verb_a == verb_b or verbs_alike(self.traits[i].predicate, self.traits[j].predicate)

    def _ambiguous_keys(self) -> frozenset[tuple[str, str]]:
        """Keys one article answers twice with values that cannot both hold ("spent 19
        seasons", "spent four seasons"; six rifles found in one raid, 14 over five raids):
        a kind of fact, not one fact."""
        by_key: dict[tuple[str, tuple[str, str], str | None, str | None, bool], list[int]] = {}
        for index, value in enumerate(self.values):
            traits = self.traits[index]
            # ages answer by person ("X, 28, charged with the murder of Y, 35"): two people's
            # ages told with one verb are no fact told two ways
            if value.kind == "quantity" and all(traits.key) and traits.kind != "quantity:age":
                # a count its report sets in an earlier happening ("In March, a tremor ...
                # killing 540 people") answers that happening's question, not this one's
                question = (
                    value.article, traits.key, traits.period, traits.dimension,
                    value.of_a_past_year,
                )  # fmt: skip
                by_key.setdefault(question, []).append(index)

        # A count of the harmed told by their state or by its verb alone ("injuring 40",
        # "600 were killed", "left 90 injured") in an article that gives its key another
        # answer is set aside as the background's (a past happening's toll) without making
        # the counts told with their noun ("injuring five people") a kind of fact: those
        # stay one fact unless they clash among themselves.
        def clashing(members: list[int], among: list[int]) -> bool:
            return any(self._clash_in_place(i, j) for i in members for j in among)

        self.self_contradicting = set()
        self.placed: set[int] = set()
        ambiguous = set()
        for (_, key, *_), members in by_key.items():
            nouned = [i for i in members if self._told_with_its_noun(i)]
            if any(not self.values[i].compatible_with(j) for i in members for j in members):
                # told place by place ("six died in Harwick; in Lindale, eight died"): each
                # count is its place's, not a total another source may give
                self.placed.update(i for i in members if self.traits[i].scope not in UNPLACED)
            if clashing(nouned, nouned):
                ambiguous.add(key)
                self.self_contradicting.update(members)
            else:
                self.self_contradicting.update(
                    i for i in members if not self._told_with_its_noun(i) and clashing([i], members)
                )
        return frozenset(ambiguous)

    def _placed_apart(self, i: int, j: int) -> bool:
        """One count of an article that counts place by place, the other of no place."""
        for placed, other in ((i, j), (j, i)):
            if placed in self.placed and self.traits[other].scope is None:
                return True
        return False

    def _clash_in_place(self, i: int, j: int) -> bool:
        """Two values that cannot both hold, unless they hold in two places ("300 homes
        destroyed in Harwick", "In Lindale, 120 homes were destroyed")."""
        if _reach_differs(self.traits[i].scope, self.traits[j].scope):
            return False
        if self.values[i].unit in quantity_reader.TALLY_UNITS and not self._one_vote(i, j):
            return False  # a committee's vote and the chamber's
        if self._two_defendants(i, j) or self._bills_apart(i, j):
            return False  # "Hask was sentenced to 15 years. Trent was sentenced to 9 years."
        a, b = self.values[i], self.values[j]
        counts = self.traits[i].unit_kind == "count"  # a team's players' points stay a kind
        if not counts and _things_apart(a, b, self.traits[i].named, self.traits[j].named):
            return False  # "Korvel Mining shares dropped 6%. Darran Metals shares tumbled 5%."
        return not self.values[i].compatible_with(j)

    def _same_thing_counted(self, i: int, j: int) -> bool:
        """One distinctive count of one thing, told with different verbs or nouns ("2,000
        rescuers were deployed", "a 1,400-strong team of rescuers is working"): the same
        counted noun, or sentences the aligner links."""
        a, b = self.values[i], self.values[j]
        return (
            a.kind == b.kind == "quantity"
            and not _other_people(self.traits[i].holder, self.traits[j].holder)
            and self._rare_shared(i, j)
            and not (self.traits[i].partitive or self.traits[j].partitive)
            and not _two_harms(self._harm(i), self._harm(j))
            and (self._same_counted(i, j) or self.aligned(i, j) >= AGREE_ALIGNMENT)
        )

    def _harm(self, index: int) -> str | None:
        """What befell the people a count is of ("kill", "injure", "arrest"), when it says."""
        traits = self.traits[index]
        if traits.state is not None:
            return traits.state
        value = self.values[index]
        if value.statement is not None:  # "..., killing 12 people": the verb taking it
            sentence = self.statements[value.statement].evidence
            harm = quantity_reader.harm_verb_before(
                sentence.text, value.value_evidence.start - sentence.start
            )
            if harm is not None:
                return harm
            fate = NOT_THE_DEAD_AFTER.match(split_at(sentence, value.value_evidence)[1])
            if fate is not None:  # "40 people still missing": not the 40 killed
                return FATES.get(fate.group("fate").lower(), fate.group("fate").lower())
        return HARMS.get(traits.predicate or "")

    def _same_described(self, i: int, j: int) -> bool:
        """Large counts of things described alike, in two or more shared words."""
        a, b = self.values[i], self.values[j]
        large = all(low > SMALL_NUMBERS for low in (a.low, b.low))
        return large and self.traits[i].unit_kind == "count" and len(a.words & b.words) >= 2

    def _same_counted(self, i: int, j: int) -> bool:
        a, b = self.values[i], self.values[j]
        first, second = self.traits[i], self.traits[j]
        if not (a.unit or first.state) or not (b.unit or second.state):
            return False  # "killing 12" has no noun but counts people: see _state_counted
        if first.unit_kind != "count":
            return True  # a length, a sum of money, a share: the unit is the question
        if first.key[0] == second.key[0]:
            return True  # the same counted noun (the key's)
        shared = a.words & b.words
        if not a.unit or not b.unit:
            return bool(shared)  # words of its phrase
        if shared & {_counted_noun(a.unit), _counted_noun(b.unit)}:
            return True  # "50,000 Armenians", "50,000-odd Armenian residents"
        if shared and a.compatible_with(j):
            return True  # "six Russian military officers", "six Russian military hackers"
        # but two figures that differ, of two nouns sharing a word ("three Internet cables",
        # "3,000 Internet routes"), leave the question to the nouns
        if frozenset((_counted_noun(a.unit), _counted_noun(b.unit))) in self.counted_apart:
            return False  # "2.5 million voters picking between 288 candidates": two things
        return self.noun_similarity(a.unit, b.unit) >= NOUN_SIMILARITY

    def _copied(self, i: int, j: int) -> bool:
        """The same value in the same sentence of two articles of one source (a wire copy)."""
        a, b = self.values[i], self.values[j]
        if a.article == b.article or a.statement is None or b.statement is None:
            return False
        first, second = self.traits[i], self.traits[j]
        return first.sentence == second.sentence and first.written == second.written

    def _rare_shared(self, i: int, j: int) -> bool:
        """The same distinctive value written in both: "36", "923", "March 4, 2009"."""
        written = self.traits[i].written
        if written != self.traits[j].written or self.frequency[written] > RARE_TIMES:
            return False
        digits = re.sub(r"\D", "", written)
        return self.values[i].kind == "time" or (digits.isdigit() and int(digits) > SMALL_NUMBERS)

    def score(self, i: int, j: int) -> tuple[float, bool] | None:
        """(link strength, compatible) for a pair that may be linked, else None."""
        a, b = self.values[i], self.values[j]
        if a.source == b.source:
            if self._copied(i, j):
                return 1.0, True
            if a.article != b.article and self._revised_count(i, j):
                # an outlet's follow-up revising its own earlier figure
                return max(self.aligned(i, j), CLASH_ALIGNMENT), a.compatible_with(j)
            return None
        set_aside = [k for k in (i, j) if k in self.self_contradicting]
        if set_aside:  # its own article gives another answer: not one fact
            if any(self._told_with_its_noun(k) for k in set_aside):
                return None
            # a background toll ("a 1998 quake killed more than 4,000") is still told alike
            # by two articles: the same distinctive value, agreeing
            found = self._same_thing_counted(i, j) and a.compatible_with(j)
            return (RARE_VALUE, True) if found else None
        if self._placed_apart(i, j):
            return None  # a place's count against a count told of no place
        if self._revised_count(i, j):  # its report says it differs, whatever the hedges
            return max(self.aligned(i, j), CLASH_ALIGNMENT), a.compatible_with(j)
        if not self.same_question(i, j):  # most candidates: asked before the values' clash
            found = self._same_thing_counted(i, j) and a.compatible_with(j)
            return (RARE_VALUE, True) if found else None
        compatible = a.compatible_with(j)
        aligned = self.aligned(i, j)
        one_holder = self._one_holder(i, j)
        if not compatible:
            if one_holder:
                return 0.9, False  # one person, two ages (or two counts of their children)
            if _one_wording(self.traits[i], self.traits[j]):
                return None  # "found on Saturday" repeated a week later: the same Saturday
            if self.traits[i].increment or self.traits[j].increment:
                return None  # "two more bodies on Wednesday", "three more on Thursday"
            if a.of_a_past_year != b.of_a_past_year:
                return None  # "in 2021, when nine cars left the tracks": another happening
            if self.traits[i].rate != self.traits[j].rate:
                return None  # "$20 million per season", "a $160 million deal": a rate, a sum
                # (an equal figure still agrees: "$15 an hour", "a $15 minimum wage")
            if self._market_figures_of_two_days(i, j):
                return None  # "the Dow was down 2.6%" on Monday, "up 3.1%" on Thursday
            if self._two_indexes(i, j):
                return None  # "the Hang Seng ... closed up 3.31%", "the Dow ... closed up
                # 11.08%": each index's move
            if self._market_days_apart(i, j):
                return None  # "closed at its lowest on Thursday" in Friday's report, "on
                # Monday" in Tuesday's: two closes, not two dates of one
            if _reach_differs(self.traits[i].scope, self.traits[j].scope):
                return None  # "31,000 people worldwide", "6,000 people in Ashford"
            if aligned < POLL_CLASH_ALIGNMENT and self._answers_of_polls(i, j):
                return None  # "83.3 percent were unhappy", "62 percent said ... inexcusable"
            if self._counted_over_a_window(i) != self._counted_over_a_window(j):
                return None  # "arrested three times since October", "arrested four times"
            if self._told_beside(i, j) or self._told_beside(j, i):
                return None  # "nine voting for death" against "nine in favor of death and
                # three voting for life": the second sentence's three counts the others
            if not (a.reliable and b.reliable):
                return None
            if a.unit == b.unit == "range" and a.words & b.words and not _shifted(a, b):
                # two periods of one named thing ("the 1991-1993 war", "the war, from 1988
                # to 1994") in the coverage of one story are rarely two different things
                return max(aligned, PERIOD_CLASH), False
            one_sum = self._one_sum(i, j)
            if not self._same_happening(i, j) and not one_sum:
                return None
            if aligned >= CLASH_ALIGNMENT and not one_sum and self._told_apart(i, j):
                return None  # alike sentences of two things named apart
            if aligned >= CLASH_ALIGNMENT or one_sum:
                return max(aligned, CLASH_ALIGNMENT), False
            unambiguous = not {self.traits[i].key, self.traits[j].key} & self.ambiguous
            # a count told by its verb alone ("injuring 40") is as often a past happening's,
            # told in the background ("a quake in 1998 killed 600"), as this one's: it clashes
            # only in aligned sentences
            verb_only = self.traits[i].verb_only or self.traits[j].verb_only
            if self._same_key(i, j) and unambiguous and not verb_only and self._same_doer(i, j):
                if a.kind == "quantity" or a.words & b.words or _one_time(a, b):
                    return CLASH_ALIGNMENT, False  # the same doer, verb and counted thing
                return None
            if _one_happening_dated(a, b):
                return CLASH_ALIGNMENT, False  # "for a final vote on 11 March", "A final vote
                # is expected on 4 March"
            if unambiguous and self._same_described(i, j):
                # "around 24,000 coastal residents", "11,000-odd coastal residents"
                return CLASH_ALIGNMENT, False
            return None
        evidence = aligned
        if self._rare_shared(i, j):
            evidence = max(evidence, RARE_VALUE)
        verb_a, verb_b = self.traits[i].predicate, self.traits[j].predicate
        if (a.predicate and verbs_alike(a.predicate, b.predicate)) or (verb_a and verb_a == verb_b):
            evidence = max(evidence, 0.5)  # one verb, or one happening ("toll rose", "killed",
            # a headline's "Two killed")
        elif a.governor and _measured_alike(a, b):
            evidence = max(evidence, 0.5)  # counted by one kind of verb ("killing", "killed")
        if one_holder:
            evidence = max(evidence, 0.9)
        return (evidence, True) if evidence >= AGREE_ALIGNMENT else None

    def _counted_over_a_window(self, index: int) -> bool:
        """A count of times told over a window of time ("three times since October", "four
        times in the past year"): a part of a record told whole elsewhere ("arrested four
        times")."""
        value = self.values[index]
        if value.unit.lower() not in TIMES_UNITS or value.statement is None:
            return False
        _, after = self._around(value)
        return TIMES_WINDOW_AFTER.match(after) is not None

    def _told_beside(self, i: int, j: int) -> bool:
        """Whether the sentence of ``j`` also tells ``i``'s answer to ``i``'s question, by
        another of its values: its value that clashes with ``i`` is then of something else
        the sentence tells beside it (the other side of a vote, a second player's yards)."""
        statement = self.values[j].statement
        if statement is None:
            return False
        value = self.values[i]
        return any(
            k != j
            and self.traits[k].kind == self.traits[i].kind
            and self.values[k].value_evidence != self.values[j].value_evidence
            and value.compatible_with(k)
            and self.same_question(i, k)
            for k in self.of_statement[statement]
        )

    def _told_apart(self, i: int, j: int) -> bool:
        """Two values of alike sentences told of two things of one kind, each named ("the
        Korvel index was down 1.4%" / "the Tamsin index was down 2.3%"; "He has 212 yards",
        read as Lorne Pell's, / "Dario Venn had 377 yards"; "Korvel Mining signed the deal
        on Tuesday" / "Tamsin Energy signed the deal on Thursday"): two things, not two
        accounts of one. Not for counts of the dead, the harmed or a toll (their clause's
        subject is no doer), nor for a figure a source tells by its own verb ("Lorne Pell
        put the cost at $2 million")."""
        a, b = self.values[i], self.values[j]
        first, second = self.traits[i], self.traits[j]
        if first.toll or second.toll or first.state or second.state:
            return False
        verbs = {(v.predicate or "").removeprefix("not ") for v in (a, b)}
        untold = TELLING_VERBS | (DEATH_VERBS if a.kind == "quantity" else frozenset())
        return not verbs & untold and _things_apart(a, b, first.named, second.named)

    def _one_holder(self, i: int, j: int) -> bool:
        """Two ages of one question, or two counts of one parent's children."""
        first, second = self.traits[i], self.traits[j]
        if first.kind == "quantity:age":
            return True  # ``same_question`` asked for one holder
        return first.holder is not None and first.holder == second.holder

    def pairs(self) -> dict[tuple[int, int], tuple[float, bool]]:
        """Every pair :meth:`score` links, in order of kind, then i, then j. Only candidates
        are scored: pairs of one kind that share what a link needs (see ``_link_keys``) or
        sit in aligned sentences."""
        kinds: dict[str, int] = {}
        for traits in self.traits:
            kinds.setdefault(traits.kind, len(kinds))
        keys = [
            [(self.traits[index].kind, key) for key in self._link_keys(index)]
            for index in range(len(self.values))
        ]
        near, group = self._nearness()
        candidates = bucket_pairs(keys, near=near, group=group) | self._aligned_pairs()
        kind = [kinds[traits.kind] for traits in self.traits]
        found = {}
        for i, j in sorted(candidates, key=lambda pair: (kind[pair[0]], *pair)):
            scored = self.score(i, j)
            if scored is not None:
                found[(i, j)] = scored
        return found

    def _nearness(self) -> tuple[BoolArray | None, IntArray | None]:
        """Which articles' values may be paired by a key they share, and each value's row
        (:func:`candidates.article_nearness`): as the aligner's candidates, every article
        while no statement is beyond the candidate cap (one event's coverage), else the
        articles near each other."""
        if below_cap(self.statements):
            return None, None
        near, rows = article_nearness(self.statements)
        if near is None:
            return None, None
        group = np.array([rows.get(value.article, -1) for value in self.values], dtype=np.int64)
        return near, group

    def _link_keys(self, index: int) -> list[Hashable]:
        """What two values must share for :meth:`score` to link them without aligned
        sentences: the value as written (a copy, a rare value), the person an age belongs
        to, the key of the question (counted thing and verb), the verb or a group of it
        (agreeing values on alike verbs), and for periods and large counts the words they
        qualify."""
        value, traits = self.values[index], self.traits[index]
        written = traits.written
        keys: list[Hashable] = []
        if self.frequency[written] <= RARE_TIMES:
            keys.append(("written", written))
        if traits.sentence is not None:
            keys.append(("copy", value.source, traits.sentence, written))
        if all(traits.key):
            keys.append(("key", traits.key))
            if _all_charges(traits.key[0]):
                keys.append(("charges", traits.key[1]))  # "an 11-count indictment", "11 counts"
        if traits.key[0] in ONE_SUM_MEASURES:
            keys.append(("measure", traits.key[0]))  # told once, whichever verb tells it
        if traits.holder is not None:
            keys.append(("holder", traits.holder))
        if value.predicate:
            negated = value.predicate.startswith("not ")
            verb = value.predicate.removeprefix("not ")
            keys.append(("verb", negated, verb))
            keys.extend(("group", negated, group) for group in verb_groups(verb))
        described = value.kind == "quantity" and value.low > SMALL_NUMBERS
        if value.unit == "range" or described:
            keys.extend(("word", word) for word in value.words)
        return keys

    def _aligned_pairs(self) -> set[tuple[int, int]]:
        """Pairs of values of one kind whose sentences the aligner links."""
        found: set[tuple[int, int]] = set()
        for a, b in self.alignment:
            for i in self.of_statement.get(a, ()):
                for j in self.of_statement.get(b, ()):
                    if self.traits[i].kind == self.traits[j].kind:
                        found.add((min(i, j), max(i, j)))
        return found

    # ------------------------------------------------------------ groups

    def clusters(self) -> list[Cluster]:
        """Greedy grouping, strongest links first; a group never holds two values of one
        source that cannot both hold, and every clash inside it was itself a link."""
        pairs = self.pairs()
        owner = list(range(len(self.values)))
        clusters = {i: Cluster([i], []) for i in range(len(self.values))}
        for (i, j), (strength, _) in sorted(pairs.items(), key=lambda item: -item[1][0]):
            a, b = owner[i], owner[j]
            if a == b or not self._may_join(clusters[a].members, clusters[b].members, pairs):
                continue
            merged = clusters.pop(b)
            clusters[a].members.extend(merged.members)
            clusters[a].scores.extend([*merged.scores, strength])
            for member in merged.members:
                owner[member] = a
        return list(clusters.values())

    def _may_join(
        self,
        first: list[int],
        second: list[int],
        pairs: dict[tuple[int, int], tuple[float, bool]],
    ) -> bool:
        for i in first:
            for j in second:
                if self.values[i].compatible_with(j):
                    continue
                if self.values[i].source == self.values[j].source and not (
                    self.values[i].revising or self.values[j].revising
                ):
                    return False  # one source giving two answers: two different questions
                both = [*first, *second]
                if (min(i, j), max(i, j)) not in pairs and not (
                    self._proven_by_a_twin(i, j, both, pairs)
                    or self._proven_by_a_twin(j, i, both, pairs)
                ):
                    return False  # a clash must be proven by its own pair
        return True

    def _proven_by_a_twin(
        self,
        i: int,
        j: int,
        group: list[int],
        pairs: dict[tuple[int, int], tuple[float, bool]],
    ) -> bool:
        """Whether ``i``'s clash with ``j`` is proven by a figure of the two groups written as
        ``i`` is, whose own pair with ``j`` is a clash linked at least ``TWIN_PROOF`` surely ("52
        passengers" in three reports, one of them told as another report's "49 passengers"
        is). A date written alike may be another happening's day; a clash proven only by its
        question may be another sum's."""
        if self.values[i].kind != "quantity":
            return False
        written = self.traits[i].written
        for k in group:
            if k == i or self.traits[k].written != written:
                continue
            strength, agrees = pairs.get((min(k, j), max(k, j)), (0.0, True))
            if strength >= TWIN_PROOF and not agrees:
                return True
        return False
