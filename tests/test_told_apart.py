"""Figures of alike sentences told of two things of one kind, each named ("the Korvel index",
"the Tamsin index"), are two things, not two accounts of one; one thing told two ways (by its
name and its initials, by a name and a role) still conflicts.

Invented articles, read by the real readers and compared by ``compare()``.
"""

from __future__ import annotations

import pytest

from conftest import compare_dated
from triangulate.compare.link import _subject_ages
from triangulate.models import Article, Claim
from triangulate.nlp.encoder import TextEncoder
from triangulate.readers.reader import read_article


def _disputed(claims: list[Claim], kind: str = "figure") -> list[list[str]]:
    return [
        sorted(side.display for side in claim.sides)
        for claim in claims
        if claim.kind == kind and claim.status == "conflict"
    ]


def _index_report(name: str, change: str, level: str) -> str:
    return (
        f"Markets slide in Ostmark\n\nThe {name} index fell by {change} to {level} points on"
        " Tuesday, while bond yields rose."
    )


def test_two_indexes_named_apart_in_alike_sentences_do_not_conflict(
    encoder: TextEncoder,
) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-05-06", _index_report("Korvel", "1.9%", "3,415")),
            ("2031-05-06", _index_report("Tamsin", "4.6%", "5,860")),
        ],
    )
    assert _disputed(claims) == []


def test_one_index_told_two_ways_in_alike_sentences_conflicts(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-05-06", _index_report("Korvel", "1.9%", "3,415")),
            ("2031-05-06", _index_report("Korvel", "4.6%", "3,280")),
        ],
    )
    assert ["1.9%", "4.6%"] in _disputed(claims)


def test_two_sources_naming_themselves_as_they_tell_one_figure_conflict(
    encoder: TextEncoder,
) -> None:
    """ "Korr Insurance put the damage at $3 million": the name is who tells the figure, not
    what it counts."""
    claims = compare_dated(
        encoder,
        [
            (
                "2031-05-06",
                "Storm damage in Ostmark\n\nOn Monday, Velda Group put the damage to the quay at"
                " $2 million.",
            ),
            (
                "2031-05-06",
                "Storm damage in Ostmark\n\nOn Monday, Korr Insurance put the damage to the quay"
                " at $3 million.",
            ),
        ],
    )
    assert ["$2 million", "$3 million"] in _disputed(claims)


def _signing(firm: str, day: str) -> str:
    return (
        f"Port deal signed\n\nOn {day}, {firm} signed the lease for the new container quay in"
        " Ostmark, the port authority said."
    )


def test_two_firms_named_apart_in_alike_sentences_give_no_date_conflict(
    encoder: TextEncoder,
) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-05-09", _signing("Korvel Mining", "Tuesday")),
            ("2031-05-09", _signing("Tamsin Energy", "Thursday")),
        ],
    )
    assert not [c for c in claims if c.kind == "date" and c.status == "conflict"]


def test_one_firm_signing_on_two_days_is_a_date_conflict(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-05-09", _signing("Korvel Mining", "Tuesday")),
            ("2031-05-09", _signing("Korvel Mining", "Thursday")),
        ],
    )
    dates = [c for c in claims if c.kind == "date" and c.section == "conflict"]
    assert [sorted(side.display for side in c.sides) for c in dates] == [["Thursday", "Tuesday"]]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The Norland Transit Authority", "The NTA"),  # a name and its initials
        ("Mayor Lorne Pell", "The Ashford mayor"),  # a name and a role
    ],
)
def test_one_subject_told_two_ways_still_conflicts(
    encoder: TextEncoder, first: str, second: str
) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-05-06",
                f"Fine for Korvel Rail\n\n{first} fined Korvel Rail $2 million on Tuesday.",
            ),
            (
                "2031-05-06",
                f"Korvel Rail fined\n\n{second} fined Korvel Rail $3 million on Tuesday.",
            ),
        ],
    )
    assert ["$2 million", "$3 million"] in _disputed(claims)


# ---------------------------------------------------------------- whom a dated happening befell


@pytest.mark.parametrize(
    ("first", "second", "label"),
    [
        # two suspects arrested on two days; a passive clause told with its doer is labelled
        # by whom it befell
        (
            (
                "2031-04-10",
                "Arrest in tavern shooting\n\nOsric Vrell was arrested Wednesday evening during"
                " a traffic stop on Askew Road after detectives spotted him in a car registered"
                " to a relative.",
            ),
            (
                "2031-04-23",
                "Second arrest in tavern shooting\n\nIlse Dellamont, 29, was arrested Tuesday in"
                " Askeby by members of a regional fugitive task force, police said.",
            ),
            "When Ilse Dellamont was arrested",
        ),
        # a funeral held is no arrest
        (
            (
                "2031-04-10",
                "Funeral set for shooting victim\n\nOsric Penwick's funeral will be held Saturday"
                " at Linnet Church, the family said.",
            ),
            (
                "2031-04-16",
                "Man charged in shooting\n\nIlse Fallowby was arrested Tuesday afternoon at a"
                " relative's home, police said.",
            ),
            "When Osric Penwick's funeral will be held",
        ),
        # nor a thing held by what holds no one
        (
            (
                "2031-04-11",
                "Vigil for shooting victim\n\nThere were more candles than the sidewalk could"
                " hold by 8 o'clock Thursday night, so people set them along the curb.",
            ),
            (
                "2031-04-12",
                "Man arrested in shooting\n\nPolice arrested a 21-year-old man Friday in the"
                " shooting, police said.",
            ),
            None,
        ),
    ],
)
def test_dates_of_two_people_or_of_a_happening_held_give_no_date_dispute(
    encoder: TextEncoder,
    first: tuple[str, str],
    second: tuple[str, str],
    label: str | None,
) -> None:
    claims = compare_dated(encoder, [first, second])
    assert _disputed(claims, "date") == []
    if label is not None:
        assert label in {c.about for c in claims if c.kind == "date"}


def test_one_person_arrested_on_two_days_is_a_date_conflict(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-04-10",
                "Arrest in tavern shooting\n\nOsric Vrell was arrested Wednesday evening during"
                " a traffic stop on Askew Road, police said.",
            ),
            (
                "2031-04-10",
                "Man held in tavern shooting\n\nOsric Vrell was arrested Tuesday during a"
                " traffic stop on Askew Road, police said.",
            ),
        ],
    )
    assert _disputed(claims, "date") == [["Tuesday", "Wednesday evening"]]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # someone held in custody is arrested: "hold" of no happening
        (
            "The 17-year-old was held Tuesday after a traffic stop on Askew Road, police said.",
            "The 17-year-old was arrested Monday after a traffic stop on Askew Road, police said.",
        ),
        (
            "The couple were held Tuesday after a traffic stop on Askew Road, police said.",
            "The couple were arrested Monday after a traffic stop on Askew Road, police said.",
        ),
        # a name opening its sentence is whole: "Mia Vrell" names Mia
        (
            "Mia Vrell was found Wednesday in a ravine near Askew Road, searchers said.",
            "Searchers found Mia on Tuesday in a ravine near Askew Road.",
        ),
    ],
)
def test_one_person_held_or_found_on_two_days_is_still_a_date_conflict(
    encoder: TextEncoder, first: str, second: str
) -> None:
    claims = compare_dated(
        encoder, [("2031-04-10", f"Search\n\n{first}"), ("2031-04-10", f"Search\n\n{second}")]
    )
    assert len(_disputed(claims, "date")) == 1


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("A 36-year-old man died on Friday after a fall from a ridge.", {"36"}),
        ("Tam Vell, 32, died on Saturday while climbing to a hut.", {"32"}),
        ("Tam Vell died on Saturday while climbing to a hut.", set()),
        # another person's age in the subject's phrase is not the subject's
        ("The father of a 6-year-old girl died on Friday after a fall.", set()),
    ],
)
def test_a_dates_subject_is_told_with_its_age(text: str, ages: set[str]) -> None:
    # two dates of people of two ages are two people's ("A 36-year-old man died on Friday",
    # "Tam Vell, 32, died ... on Saturday"): no dispute of one death's day
    reading = read_article(Article("a1", "a1.txt", text, published="2031-04-14"))
    clause = next(fact for fact in reading.facts if fact.times)
    assert _subject_ages(clause, text) == ages


def _figures_read(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each figure of an article by its words as written: the verb it answers, and the
    verb of the happening it counts."""
    from triangulate.compare.claims import collect_mentions
    from triangulate.readers.reader import read_many

    article = Article("a1", "a1.txt", text, outlet="Outlet 1", published="2031-05-06")
    mentions = collect_mentions([article], read_many([article]))
    return {
        m.value_evidence.text: (m.predicate, m.governor) for m in mentions if m.kind == "quantity"
    }


def _predicates(text: str) -> dict[str, str | None]:
    return {figure: read[0] for figure, read in _figures_read(text).items()}


@pytest.mark.parametrize(
    ("text", "figure", "verb"),
    [
        # a place sized by the people living in it, whatever the sentence's verb: its
        # population, one question for each place
        (
            "Fenwick Bay, a fishing village of some 2,400 residents, lost power.",
            "some 2,400",
            "live in fenwick bay",
        ),
        (
            "Crews reached Tollmere, a hamlet of 310 people, by boat on Monday.",
            "310",
            "live in tollmere",
        ),
        # a count of people that is a passive verb's agent does that verb
        ("The mayor thanked a crowd and a march led by some 300 people.", "some 300", "lead"),
    ],
)
def test_a_count_of_people_answers_the_verb_they_do(text: str, figure: str, verb: str) -> None:
    assert _predicates(text)[figure] == verb


@pytest.mark.parametrize(
    ("text", "figure", "happening"),
    [
        ("Assessors have listed 57 barns destroyed across the county.", "57", "destroy"),
        ("The county reported 14 people injured in the crash.", "14", "injure"),
    ],
)
def test_a_count_told_with_its_participle_counts_that_happening(
    text: str, figure: str, happening: str
) -> None:
    """ "confirmed 38 homes destroyed": the destroying counted, not the confirming."""
    assert _figures_read(text)[figure][1] == happening


def _asked_alike(encoder: TextEncoder, first: tuple[str, str], second: tuple[str, str]) -> bool:
    """Whether two reports' values, each (text, value as written), answer one question."""
    from triangulate.compare.align import aligned
    from triangulate.compare.claims import _linker, collect_mentions
    from triangulate.compare.link import surnames
    from triangulate.compare.statements import statements_of
    from triangulate.readers.reader import read_many

    articles = [
        Article(f"a{n}", f"a{n}.txt", f"Harwick news\n\n{text}", published=f"2031-05-0{n}")
        for n, (text, _) in enumerate((first, second), start=1)
    ]
    readings = read_many(articles)
    statements = statements_of(articles, readings)
    _, scores, _ = aligned(statements)
    mentions = collect_mentions(articles, readings)
    known = {reading.article: surnames(reading) for reading in readings}
    linker = _linker(mentions, statements, scores, readings, encoder, known)
    i, j = (
        next(
            n
            for n, m in enumerate(mentions)
            if m.article == article and m.value_evidence.text == value
        )
        for article, value in (("a1", first[1]), ("a2", second[1]))
    )
    return linker.same_question(i, j)


def test_two_forecasts_of_two_happenings_answer_two_questions(encoder: TextEncoder) -> None:
    """ "expected to open" and "expected to take office" forecast two happenings; two
    forecasts of one happening are one question."""
    opening = ("The branch library is expected to open in the spring with 40 desks.", "spring")
    sworn = ("She is expected to take office later in June.", "June")
    reopening = ("The branch library is now expected to open in the autumn.", "autumn")
    assert not _asked_alike(encoder, opening, sworn)
    assert _asked_alike(encoder, opening, reopening)
    # a forecast figure keeps its question, whichever verb tells the forecast
    reach = ("The fair is expected to draw 5,000 visitors on Saturday.", "5,000")
    top = ("The fair is expected to bring 8,000 visitors to town on Saturday.", "8,000")
    assert _asked_alike(encoder, reach, top)


def test_the_day_something_moved_is_a_question_of_what_moved(encoder: TextEncoder) -> None:
    """ "grew" and "rose" tell that something moved, not what: the days two things moved on
    are two questions; one thing's two days are one."""
    acres = (
        "The blaze had grown to 9,800 acres by Tuesday morning, crews said.",
        "Tuesday morning",
    )
    houses = ("The number of houses lost rose again on Wednesday.", "Wednesday")
    grown = ("The blaze grew to 11,200 acres on Wednesday, crews said.", "Wednesday")
    assert not _asked_alike(encoder, acres, houses)
    assert _asked_alike(encoder, acres, grown)
