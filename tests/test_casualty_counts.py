"""Counts of the dead, the hurt and the arrested however a report tells them: "two men were
shot and killed", "two people died", a headline's "Two killed", "a woman was killed", "an
18-year-old was shot and killed", "police arrested a 45-year-old man" (invented reports)."""

from __future__ import annotations

import pytest

from conftest import compare_dated
from triangulate.compare.labels import casualty_counted, figure_label
from triangulate.models import Article, Claim
from triangulate.nlp.encoder import TextEncoder
from triangulate.nlp.language import load_nlp
from triangulate.readers.quantities import (
    continues_another_incident,
    counts_people,
    find_quantities,
    told_of_another_incident,
    told_one_by_one,
)
from triangulate.readers.reader import read_article


def _harms(text: str) -> list[str | None]:
    """What befell the people each count of ``text`` counts (its ages left out)."""
    return [
        casualty_counted(text, 0, q.evidence, q.unit)
        for q in find_quantities(text, "a1")
        if q.unit != "years old"
    ]


def _told_and_harmed(text: str) -> list[tuple[str, str | None]]:
    """Each count of ``text`` as written, with what befell its people (ages left out)."""
    return [
        (q.evidence.text, casualty_counted(text, 0, q.evidence, q.unit))
        for q in find_quantities(text, "a1")
        if q.unit != "years old"
    ]


def _ones(text: str) -> list[tuple[str, str]]:
    return [
        (q.evidence.text, q.unit)
        for q in find_quantities(text, "a1")
        if q.evidence.text.lower() in ("a", "an")
    ]


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("A 24-year-old man was shot and killed on Marlow Street late Friday.", "man"),
        ("Police said a teenager died at the scene.", "teenager"),
        ("The truck struck and killed a 71-year-old Westbury woman on Tuesday.", "woman"),
        ("A cyclist was fatally struck by a bus near the Eastford depot.", "cyclist"),
        ("The mother of a nine-year-old girl killed by a stray bullet spoke on Monday.", "girl"),
        ("A Lindale man, 38, was wounded in the leg.", "man"),
        ("A man was found shot to death inside a parked car early Sunday.", "man"),
        ("A 38-year-old Eastford man was arrested Wednesday, police said.", "man"),
        ("Harwick police arrested a 45-year-old man Monday in the stabbing.", "man"),
        ("A suspect is in custody, police said.", "suspect"),
        # an age alone for the person ("a person": the age is the age reader's)
        ("An 18-year-old was shot and killed Thursday evening at a gas station.", "person"),
        ("Police have arrested a 17-year-old in Saturday's shooting at Halden Park.", "person"),
        # "the" and an age, a participle's phrase telling which one
        ("The 19-year-old shot in an alley early Saturday has died.", "person"),
        ("A 17-year-old boy was wounded in the arm.", "boy"),
    ],
)
def test_one_person_told_by_a_and_what_befell_them_is_a_count_of_one(text: str, noun: str) -> None:
    found = [
        q for q in find_quantities(text, "a1") if q.evidence.text.lower() in ("a", "an", "the")
    ]
    assert [(q.unit, q.value) for q in found] == [(noun, 1.0)]


@pytest.mark.parametrize(
    "text",
    [
        "A gunman killed his former business partner on Friday.",  # the one who killed
        "A man shot to death his neighbour on Sunday.",
        "The blast killed a police officer and a bomb technician.",  # one of two dead
        "Two women and a man were killed in the crash.",
        "A second man was wounded, police said.",  # one more of others
        "A man was questioned on Sunday.",  # nothing befell him
        "A man was charged with assault on Sunday.",  # charged: no arrest told
        "A second 18-year-old was hurt, police said.",  # one more of others
        "The rule applies if a worker is injured on the site.",  # no happening told
        "A worker suffered a cut in pay after the merger.",  # a cut of no wound
    ],
)
def test_no_count_of_one_for_a_doer_a_coordinated_victim_or_one_more(text: str) -> None:
    assert _ones(text) == []


@pytest.mark.parametrize(
    ("text", "harm"),
    [
        # "and" between two clauses, not two people: the injured are a count of their own
        ("A 17-year-old boy died and two other teenagers were injured at Halden Park.", "injure"),
        ("Police said the stabbing left one teenager dead and two others wounded.", "kill"),
        ("Police said the stabbing left one teenager dead and two others wounded.", "injure"),
        ("Two men were arrested Wednesday in separate raids, police said.", "arrest"),
        ("A 38-year-old Eastford man was arrested Wednesday, police said.", "arrest"),
        ("An 18-year-old was shot and killed Thursday at a gas station.", "kill"),
        ("One person is dead after a shooting in Westbury on Saturday.", "kill"),
        ("A woman was pronounced dead at the hospital.", "kill"),
        # as police releases write it
        ("A man was pronounced deceased at the scene.", "kill"),
        ("A woman was declared dead at the hospital.", "kill"),
        ("A 58-year-old male who lives next door was taken into custody at the scene.", "arrest"),
        # one whose body is told of
        ("Divers recovered the body of a 19-year-old man from the river on Monday.", "kill"),
        ("Searchers found the body of the missing hiker on Sunday.", "kill"),
        ("A 61-year-old woman was found deceased in her home Tuesday.", "kill"),
        (
            "Two men were shot; one was treated for wounds and later was pronounced deceased.",
            "kill",
        ),
        # people named by their work, their family or their age group
        ("A 38-year-old roofer was shot and killed outside a bar.", "kill"),
        ("An electrician and a plumber were injured when the lift gave way.", "injure"),
        ("A landlord was arrested after the fire.", "arrest"),
        # the last of a person's nouns, a word of a trade before it ("a veteran officer")
        ("A veteran police officer was shot and killed Tuesday.", "kill"),
        ("His stepson was taken into custody Tuesday.", "arrest"),
        # the hurt told after an "of" phrase, an apposition, "sustained", a cut
        (
            "The driver of the pickup, a 74-year-old man, was treated at the hospital for minor"
            " injuries and released.",
            "injure",
        ),
        ("The driver of the car suffered minor injuries.", "injure"),
        ("The passenger of the car remains in critical condition.", "injure"),
        ("The driver sustained serious injuries in the crash.", "injure"),
        ("A man suffered a cut to his hand while separating the two.", "injure"),
        ("A man suffered minor cuts and bruises in the crash.", "injure"),
        ("A man in his 20s was shot and killed Wednesday evening.", "kill"),
        ("A man was shot multiple times and died at the scene.", "kill"),
        ("A Lindale man, 38, was wounded in the leg.", "injure"),
        ("Two people were hospitalized after the shooting.", "injure"),
    ],
)
def test_a_count_of_people_told_with_its_harm_is_a_count_of_that_harm(text: str, harm: str) -> None:
    assert harm in _harms(text)


@pytest.mark.parametrize(
    ("text", "harms"),
    [
        ("A 19-year-old person was killed in the crash.", ["kill"]),
        ("The 12 arrested were charged on Monday.", ["arrest"]),
        ("Two Arrested In Harwick Raid", ["arrest"]),
        ("Two killed Sunday in Harwick crash", ["kill"]),
        ("A man was found shot to death inside a parked car.", ["kill"]),
        ("Two officers arrested Tam Vell on Friday.", [None]),  # the officers arrested him
        ("Footage shows two officers shot and killed Tam Vell.", [None]),  # and killed him
        ("Two men shot and killed Friday Night in Harwick", ["kill"]),  # a day, no name
        ("Two Teens Shot And Killed Near Harwick Park", ["kill"]),  # a headline's title case
        ("Two people shot and killed Super Bowl Sunday in Harwick", ["kill"]),  # a day's words
        ("Three people shot and wounded Harwick Heights block party", ["injure"]),  # a place's
        ("Two officers were arrested on Friday.", ["arrest"]),
        ("Two Men Killed Early Sunday In Harwick Crash", ["kill"]),
        ("Two Students Hurt When Bus Overturns", ["injure"]),
        ("Two men were shot and killed a block from the school.", ["kill"]),
        ("Twelve people were detained and later released.", [None]),  # detained: no arrest
        ("Two men were previously arrested for burglary.", [None]),  # not now
        ("Two people were nearly killed in the blast.", [None]),
        ("If two men are arrested, the case will go to trial.", [None]),  # supposed
    ],
)
def test_each_count_of_people_is_of_its_own_harm_or_none(
    text: str, harms: list[str | None]
) -> None:
    assert _harms(text) == harms


def test_a_man_who_killed_after_he_was_stabbed_is_no_count_of_the_dead() -> None:
    assert _ones("A man was stabbed twice and killed his attacker.") == []
    assert _ones("A man was shot and killed a block from his home.") == [("A", "man")]
    assert _ones("A man was shot twice and died three days later.") == [("A", "man")]


def test_a_number_word_after_a_verb_of_harm_is_a_count() -> None:
    found = find_quantities("He shot four people at the depot, killing one, before fleeing.", "a1")
    assert [(q.evidence.text, q.unit) for q in found] == [("four", "people"), ("one", "")]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Two people died and one was injured, police said.", [("Two", "people"), ("one", "")]),
        ("No one was hurt in the blaze.", []),
        ("No - one was hurt in the blaze.", []),
        ("When one is killed, all of us grieve.", []),
    ],
)
def test_a_number_word_before_a_harm_it_suffered_is_a_count(
    text: str, counts: list[tuple[str, str]]
) -> None:
    assert [(q.evidence.text, q.unit) for q in find_quantities(text, "a1")] == counts


def test_a_headlines_count_takes_no_noun_from_the_next_line() -> None:
    text = "Crash on Route 9 leaves three dead\n\nWESTBURY — Three people died on Sunday."
    assert [q.unit for q in find_quantities(text, "a1")] == ["dead", "people"]


def test_a_headlines_age_after_dies_at_is_an_age() -> None:
    found = find_quantities("Marchmont composer Orrin Pell dies at 86\nPublished: May 2", "a1")
    assert [(q.evidence.text, q.unit) for q in found[:1]] == [("86", "years old")]


def _figures(claims: list[Claim], status: str) -> list[Claim]:
    return [c for c in claims if c.kind == "figure" and c.section == status]


def _killed(claims: list[Claim]) -> list[Claim]:
    """The figure claims counting the dead."""
    return [c for c in claims if c.kind == "figure" and c.about == "Number of people killed"]


def _injured(claims: list[Claim]) -> list[Claim]:
    """The figure claims counting the hurt, however labelled."""
    return [c for c in claims if c.kind == "figure" and "injured" in c.about]


def _agreed(claims: list[Claim], about: str) -> list[Claim]:
    return [c for c in _figures(claims, "agreed") if c.about == about]


def _dated(encoder: TextEncoder, *texts: str) -> list[Claim]:
    return compare_dated(encoder, [("2031-05-04", text) for text in texts])


def test_the_dead_told_with_three_verbs_are_one_agreed_count(encoder: TextEncoder) -> None:
    claims = _dated(
        encoder,
        "Two killed in Harwick bar shooting\n\nTwo men were shot and killed outside a bar on"
        " Corwin Street early Sunday, police said.",
        "Shooting outside Harwick bar leaves two dead\n\nHARWICK — Two people died when a"
        " gunman opened fire outside a bar on Corwin Street early Sunday, police said.",
    )
    dead = _agreed(claims, "Number of people killed")
    assert len(dead) == 1
    assert {a for side in dead[0].sides for a in side.articles} == {"a1", "a2"}
    assert not [c for c in _figures(claims, "single") if "killed" in c.about or "died" in c.about]


def test_a_woman_killed_told_by_three_reports_is_one_agreed_count(encoder: TextEncoder) -> None:
    claims = _dated(
        encoder,
        "A 63-year-old woman was killed by a hit-and-run driver in Lindale on Friday night.",
        "Police are looking for the driver who struck and killed a woman in Lindale on Friday.",
        "A woman died after she was struck by a car in Lindale on Friday, police said.",
    )
    dead = _agreed(claims, "Number of people killed")
    assert len(dead) == 1
    assert [side.display for side in dead[0].sides] == ["one (a woman)"]
    assert set(dead[0].sides[0].articles) == {"a1", "a2", "a3"}


def test_one_person_told_by_an_shows_the_article_for_the_noun(encoder: TextEncoder) -> None:
    # "an 81-year-old man" showed as "one (an man)"
    claims = _dated(
        encoder,
        "An 81-year-old man died in a house fire in Lindale early Tuesday, officials said.",
        "A man died when fire swept through a house in Lindale early Tuesday.",
    )
    dead = _agreed(claims, "Number of people killed")
    assert [side.display for side in dead[0].sides] == ["one (a man)"]


def test_one_arrest_told_two_ways_is_one_agreed_count(encoder: TextEncoder) -> None:
    claims = _dated(
        encoder,
        "Harwick police arrested a 45-year-old man Monday in the stabbing at the bus station.",
        "A 45-year-old man was arrested Monday in the stabbing at the Harwick bus station.",
    )
    arrested = _agreed(claims, "Number of people arrested")
    assert [(side.display, side.value) for side in arrested[0].sides] == [("one (a man)", 1)]
    assert not [c for c in _figures(claims, "single") if "arrested" in c.about]


def test_a_headlines_man_is_one_agreed_count_with_its_reports_a_man(
    encoder: TextEncoder,
) -> None:
    claims = _dated(
        encoder,
        "Man, 28, killed outside Drayton lounge\n\nA 28-year-old man was shot and killed early"
        " Saturday outside a lounge in Drayton, police said.",
        "A man was shot and killed early Saturday outside a lounge in Drayton.",
    )
    dead = _agreed(claims, "Number of people killed")
    assert {side.value for side in dead[0].sides} == {1}
    assert not [c for c in claims if c.section == "conflict" and "killed" in c.about]


def test_one_dead_told_by_an_age_alone_is_the_count_of_a_man(encoder: TextEncoder) -> None:
    claims = _dated(
        encoder,
        "An 18-year-old was shot and killed Thursday evening at a gas station in Drayton.",
        "A man was shot and killed Thursday evening at a gas station in Drayton, police said.",
    )
    dead = _agreed(claims, "Number of people killed")
    assert {a for side in dead[0].sides for a in side.articles} == {"a1", "a2"}
    assert {side.value for side in dead[0].sides} == {1}


def test_one_person_told_by_a_is_no_conflict_with_a_total(encoder: TextEncoder) -> None:
    # a report may tell its dead one by one: "a man was killed" is no total of one
    claims = _dated(
        encoder,
        "A man was shot and killed at the Eastford depot on Saturday night, police said.",
        "Two men were shot and killed at the Eastford depot on Saturday night, police said.",
    )
    assert not [c for c in claims if c.section == "conflict" and "killed" in c.about]


def test_a_count_of_named_people_keeps_its_noun_in_the_label(encoder: TextEncoder) -> None:
    claims = _dated(
        encoder,
        "Seven Talvanian soldiers were killed in the attack on Monday, the ministry said.",
    )
    labels = {c.about for c in claims if c.kind == "figure"}
    assert "Number of Talvanian soldiers killed" in labels


def test_an_earlier_happenings_toll_leaves_this_ones_an_agreed_count(encoder: TextEncoder) -> None:
    # each report also recalls an earlier quake's dead: another question, not a second answer
    claims = _dated(
        encoder,
        "A quake shook the hill town of Morvane on Sunday, killing nine people.\n\nIn 2027, a"
        " quake struck the nearby town of Westbury, killing 230 people.",
        "A strong quake rattled Morvane on Sunday, razing two hamlets and killing nine people."
        "\n\nThe last strong quake in the region, in 2027, killed 230 people in Westbury.",
    )
    agreed = [sorted(s.display for s in c.sides) for c in _figures(claims, "agreed")]
    assert ["nine"] in agreed
    assert ["230"] in agreed


def test_a_count_of_one_told_by_a_beside_its_articles_total_leaves_the_total(
    encoder: TextEncoder,
) -> None:
    # "a man ... was killed" is one of the two dead its own report counts, not a second answer
    claims = _dated(
        encoder,
        "Two men were shot and killed outside the Eastford depot on Saturday night, police"
        " said.\n\nA 31-year-old man was killed at the scene, and a second victim died later.",
        "Two men died in a shooting outside the Eastford depot on Saturday night, police said.",
    )
    dead = [c for c in claims if c.kind == "figure" and "killed" in c.about]
    assert len(dead) == 1  # and no single "one (a man)" beside it
    assert dead[0].status == "agreed"
    assert {a for side in dead[0].sides for a in side.articles} == {"a1", "a2"}
    assert all(side.value == 2 for side in dead[0].sides)


def test_others_than_the_dead_are_all_the_injured(encoder: TextEncoder) -> None:
    # "two other teenagers" are others than the boy who died: the injured, not a part of them
    claims = _dated(
        encoder,
        "A 17-year-old boy died and two other teenagers were injured in a stabbing at Halden"
        " Park on Saturday evening, police said.",
        "Police said the stabbing at Halden Park on Saturday left one teenager dead and two"
        " others wounded.",
        "Rory Vale was killed and two other teens were wounded during a fight in Halden Park on"
        " Saturday, police said.",
    )
    hurt = [c for c in _figures(claims, "agreed") if "injured" in c.about]
    assert len(hurt) == 1
    assert "other" not in hurt[0].about
    assert {a for side in hurt[0].sides for a in side.articles} == {"a1", "a2", "a3"}


def test_others_than_the_dead_told_the_sentence_before_are_all_the_injured(
    encoder: TextEncoder,
) -> None:
    # "Three other people" after a sentence telling a death: others than the dead man, all the
    # injured, against an earlier report's two (a clash, not a part of them)
    claims = _dated(
        encoder,
        "A man was killed and two other people were wounded in a shooting outside a bar on"
        " Marlow Street late Saturday, police said.",
        "Officers found Tam Vell, 27, in the parking lot; he was pronounced dead at the scene."
        " Three other people were injured in the shooting outside the bar on Marlow Street.",
    )
    hurt = _injured(claims)
    assert len(hurt) == 1
    assert {side.value for side in hurt[0].sides} == {2, 3}
    assert {a for side in hurt[0].sides for a in side.articles} == {"a1", "a2"}


@pytest.mark.parametrize(
    ("before", "others", "whole"),
    [
        # another harm told before, and the same one: the others are a part of the hurt
        ("A man was killed and a woman was wounded in the shooting.", "hurt", False),
        ("One man died and a second man was shot in the leg.", "injured", False),
        # a harm denied is no other harm
        ("A man was shot in the arm. No one was killed.", "injured", False),
        # the dead's own wounds are no hurt of others
        ("Tam Vell, 27, died of his injuries at the scene.", "injured", True),
        # of the dead: one killed by a wound, then others killed
        ("A man was fatally shot and a woman was wounded.", "killed", False),
        ("A man was wounded.", "killed", True),
        # of the arrested
        ("One man was detained at the scene and a deputy was hurt.", "arrested", False),
        ("A deputy was hurt in the scuffle.", "arrested", True),
    ],
)
def test_others_after_a_sentence_are_a_part_unless_it_told_another_harm_alone(
    encoder: TextEncoder, before: str, others: str, whole: bool
) -> None:
    """ "Two other people were {others}" after ``before``: all of them (a clash with another
    report's three) when ``before`` tells another harm and not theirs, else a part."""
    claims = _dated(
        encoder,
        f"Three people were {others} in a shooting outside a bar on Marlow Street late"
        " Saturday, police said.",
        f"{before} Two other people were {others} in the shooting outside the bar on Marlow"
        " Street late Saturday, police said.",
    )
    counts = [c for c in claims if c.kind == "figure" and others[:4] in c.about]
    clashed = any({side.value for side in c.sides} == {2, 3} for c in counts)
    assert clashed == whole, [(c.about, [s.value for s in c.sides]) for c in counts]


# Ways local reports tell their dead, hurt and arrested, written for the purpose (the figures
# in docs/benchmarks.md count them): the harm the first count of each is read as; None where
# none is read yet ("shot in the leg", "made an arrest", ...) or none is told ("detained" is
# no arrest).
LOCAL_PHRASINGS = [
    ("A man was killed in a shooting Sunday night in the 400 block of Elm Street.", "kill"),
    ("One person is dead after a shooting in Westbury on Saturday.", "kill"),
    ("1 dead, 2 injured in overnight shooting", "kill"),
    ("Man dies after being shot outside Harwick bar", "kill"),
    ("A man died Sunday after he was shot outside a bar.", "kill"),
    ("The victim was pronounced dead at the scene.", "kill"),
    ("A woman was pronounced dead at the hospital.", "kill"),
    ("A 24-year-old man was fatally shot early Sunday.", "kill"),
    ("Police say a 31-year-old woman died from her injuries.", "kill"),
    ("A teenager was shot and wounded Saturday afternoon.", "injure"),
    ("Two people were hospitalized after the shooting.", "injure"),
    ("A shooting left one man dead and another injured.", "kill"),
    ("Three people were shot, one fatally, outside a nightclub early Sunday.", "kill"),
    ("A 19-year-old was killed and two others were wounded in a drive-by shooting.", "kill"),
    ("Police arrested a suspect Monday.", "arrest"),
    ("A suspect was taken into custody Tuesday.", "arrest"),
    ("Two suspects were arrested.", "arrest"),
    ("Police have arrested two teenagers in connection with the shooting.", "arrest"),
    ("A man has been arrested in connection with the shooting.", "arrest"),
    ("Officers detained a man at the scene.", None),
    ("Police made an arrest in the case Monday.", None),
    ("The man was booked into the county jail on suspicion of murder.", "arrest"),
    ("A 16-year-old boy was shot in the leg.", "injure"),
    ("A man in his 20s was shot and killed Wednesday evening.", "kill"),
    ("A man was shot multiple times and died at the scene.", "kill"),
    ("One man was killed and three others injured in the crash.", "kill"),
    ("The driver, a 45-year-old woman, died at the scene.", "kill"),
    # what befell a person told after a relative clause is theirs
    ("A man who lived with her was taken into custody Tuesday.", "arrest"),
    ("A woman who was shot Tuesday died Friday.", "kill"),
    ("A man who killed his wife was arrested Monday.", "arrest"),
    ("Two men who were seen fleeing the store were arrested.", "arrest"),
    ("A woman who said she was hurt declined treatment.", None),
    # ... and what a relative clause tells befell them, when nothing after it does
    ("A man who was arrested Monday was released on bail.", "arrest"),
    # one person told by "his", "her" or "their"
    ("His cousin was wounded in the shooting on September 4.", "injure"),
    ("Her husband was shot and killed outside their home.", "kill"),
    ("Police arrested her son on Monday.", "arrest"),
    ("His 17-year-old son was arrested Tuesday.", "arrest"),
    ("He visited his mother, who was hospitalized.", None),
    ("His family was notified.", None),
    (
        "Teen hit by stray bullet inside his home  A 15-year-old boy was wounded late Thursday.",
        "injure",
    ),
    # a later death told in a perfect tense, or after the harm's participle clause
    ("Two people have died.", "kill"),
    ("Three people have since died of their injuries.", "kill"),
    ("A woman later died at the hospital.", "kill"),
    ("A man shot Tuesday night on Pelton Street has died.", "kill"),
    ("A 22-year-old man wounded in a drive-by shooting earlier this week has died.", "kill"),
    ("A woman struck by a car on Main Street on Friday has died.", "kill"),
    ("A 19-year-old man hurt in the crash remains in critical condition.", "injure"),
    ("Two people injured in the fire have died.", "kill"),
    ("A man shot his wife and was arrested.", None),  # "shot" takes an object: his doing
    ("A man stabbed a woman and a child was hurt.", None),
    # one person told by "the"
    ("The victim has died.", "kill"),
    ("The woman injured in Sunday's crash died Monday at the hospital.", "kill"),
    # ... the harm of a participle's clause its own when a happening's verb follows
    ("The man killed in the crash on Route 9 has been identified as Tam Vell.", "kill"),
    ("The man killed his neighbor on Tuesday, police said.", "kill"),  # the neighbor
    ("The suspect was taken into custody Monday.", "arrest"),
    ("The owner of the store was injured.", "injure"),  # the owner
    # "the other" of people told before: one person, counted one by one as "a man" is
    ("Two men were shot. The other man died at the hospital.", "kill"),
    ("Two men were shot. Another man died at the hospital.", None),  # one more of a total
    # the object of a doer's verb: the harm told after it is the doer's
    ("The man accused of killing a woman was arrested Monday.", "arrest"),  # the man's
    ("Police said the man who shot a teenager was arrested Monday.", "arrest"),  # the man
    ("The man who shot two teenagers was arrested Monday.", "arrest"),
    ("Police shot a man who later died.", "kill"),
    # a noun's "-ing", a headline above, a denial, a case supposed, a possessor, a clause
    ("After the shooting a man was arrested near the scene.", "arrest"),
    ("Since the shooting two men have been arrested.", "arrest"),
    ("Man charged in Pelton Street shooting  A man was arrested Monday.", "arrest"),
    ("Police seek suspect in Lindale killing  The man was seen fleeing on foot.", None),
    ("Police have not arrested the suspect.", None),
    ("Once the suspect is arrested, he will be arraigned.", None),
    ("Officers shot and killed the suspect's dog during the raid.", None),
    ("A man who knew the victim was arrested Tuesday.", "arrest"),  # the man, not the victim
    ("The father of the victim was arrested.", "arrest"),  # the father
    ("A gunman shot from the roof until a deputy was wounded.", None),  # not the gunman
    ("A worker injured on the job is entitled to compensation.", None),
    # an "of" phrase between the people and what befell them: the head's
    ("Two residents of the building were injured.", "injure"),
    ("The driver of the car was killed.", "kill"),
    ("The victim of Tuesday's shooting was pronounced dead on Friday.", "kill"),
    ("The death of a man was ruled a homicide.", None),
    ("Two of the victims were hospitalized.", None),  # some of them: no total
    ("The driver who hit a cyclist was arrested.", "arrest"),  # the driver, not the cyclist
    ("The officer injured in the crash has returned to duty.", "injure"),
    # a death of illness or age is no harm
    ("A retired teacher has died at 92 after a long illness.", None),
    ("Police said the man had died of natural causes.", None),
    ("The woman died Sunday of cancer at age 84.", None),
    ("A Lindale man died Friday at the age of 94.", None),
    ("A 27-year-old man died at 11:40 p.m. Saturday.", "kill"),
    ("A woman died from complications of her injuries.", "kill"),
    ("Storm leaves dozens injured\n\nOne person is dead after the storm.", "kill"),
    # a present participle's clause between the people and what befell them: theirs
    ("A man waiting for an early bus was shot and killed Tuesday morning.", "kill"),
    ("A woman walking her dog was struck and killed by a car on Friday.", "kill"),
    ("Two officers responding to the call were injured.", "injure"),
    ("A man carrying a handgun was arrested near the scene.", "arrest"),
    ("A teenager riding his bike has died after being hit by a car.", "kill"),
    ("A man during the shooting was killed.", None),  # "during" is no participle
    ("Two men this morning were arrested.", None),  # nor "morning"
    ("Two men fleeing when officers arrived were arrested.", None),  # a clause of time
    ("A witness speaking to reporters was not injured.", None),
    ("Several people living nearby were evacuated.", None),
    # an aside between commas: what follows it befell the people before it
    ("The victim, described only as a man in his 20s, died at the scene.", "kill"),
    ("Two men, both in their 20s, were wounded.", "injure"),
    ("Two people, including a child, were injured.", "injure"),
    ("Two teenagers, ages 15 and 17, were arrested Saturday.", "arrest"),
    ("One man, believed to be about 20, died at the hospital.", "kill"),
    ("Two men, whose brother was killed last year, were arrested.", "arrest"),
    ("The driver, who was not hurt, said the car skidded.", None),
    ("The officers, who were not hurt, returned fire.", None),
    ("Two men, a woman, and a child were injured.", "injure"),  # a list: their sum, four
    ("The man accused of killing a woman, police said, was arrested.", "kill"),  # hers
    ("Two men, the police chief said, were killed.", "kill"),  # a reporting clause
    # the object of a doer's verb takes no harm told after its participle's clause
    ("A man accused of shooting a woman walking her dog was arrested.", None),
    ("The woman who hit two children crossing the road was arrested.", "arrest"),  # hers
    # a number told dying of illness or age: no harm; not a death told with its cause
    ("12 died of natural causes, officials said.", None),
    ("Two died of heart attacks.", None),
    ("Two died at the age of 80.", None),
    ("Twelve died in the fire.", "kill"),
    ("Two died in the crash at age 19.", "kill"),
    ("Two died in a house fire aged 80 and 82.", "kill"),
    ("Two died Sunday at 34.", "kill"),
    # a surrender to the police is an arrest
    ("A 16-year-old boy turned himself in Wednesday, police say.", "arrest"),
    ("Two men turned themselves in to police on Monday.", "arrest"),
    ("The suspect surrendered to police Tuesday.", "arrest"),
    ("Police said the man had not turned himself in.", None),
    ("Police urged the suspect to turn himself in.", None),
    ("Two soldiers surrendered to the enemy.", None),
    # people's nouns of local and disaster reports
    ("A deputy was injured during the arrest.", "injure"),
    ("Two deputies were wounded in the exchange of gunfire.", "injure"),
    ("A bystander was struck by a stray bullet and killed.", "kill"),
    ("The shooter was arrested hours later.", "arrest"),
    ("Three miners were killed in the collapse.", "kill"),
    ("Two babies died in the fire.", "kill"),
    ("A reporter asked the mayor about the budget.", None),
    # people counted by their age alone, or listed in an apposition
    ("Two 17-year-olds were arrested Tuesday in the robbery.", "arrest"),
    ("Three 20-year-olds were injured in the crash.", "injure"),
    ("Two people, a driver and a passenger, were killed in the crash.", "kill"),
    ("Two men, a 19-year-old and a 22-year-old, were arrested.", "arrest"),
    ("Two people, the driver and his passenger, died at the scene.", "kill"),
    ("Two companies, a bank and a retailer, were fined.", None),
    # a headline's one person without "a"
    ("Man, 28, killed outside Tamber Road lounge early Saturday", "kill"),
    ("16-year-old arrested in Marrow Park shooting", "arrest"),
    ("Lindale man killed in crash on Route 9", "kill"),
    ("Teen, 16, arrested in deadly shooting", "arrest"),
    ("Suspect arrested in Corley Avenue shooting", "arrest"),
    ("Officer injured during traffic stop", "injure"),
    ("Another man arrested in Corley Avenue killing", None),  # one more: no count
    ("Man and woman killed in crash", None),  # two, no count of one
    ("Victim, 19, identified", None),
    ("Woman charged after crash", None),
    ("Firefighter hurt battling Marsh Lane blaze", "injure"),
    ("22-year-old man arrested in Pell Street shooting", "arrest"),
    ("16-year-old girl killed in Varden crash", "kill"),
    ("Man shot dead outside Corley Avenue bar", "kill"),
    ("Man found dead in car on Tessel Street", "kill"),
    ("Hiker found deceased near Tessel trail", "kill"),
    ("3-year-old found dead in hot car", "kill"),
    ("Man died of cancer", None),
    ("Woman, 71, dies in house fire", "kill"),
    ("Teen dies days after crash", "kill"),
    ("Teen shot, killed at Marlow park", "kill"),
    ("Deputy shot, wounded during traffic stop", "injure"),
    ("Two men shot, killed outside bar", "kill"),
    ("Longtime coach, 88, dies", None),  # a death told alone: of age, perhaps
    ("Former mayor dies at 91", None),
    ("Actor dies of cancer", None),
    ("Man dies in his sleep", None),
    # a headline's harm the person did, or no one's
    ("Lindale man killed wife, police say", None),
    ("Man, 28, killed neighbor", None),
    ("16-year-old killed classmate", None),
    ("Teen hurt classmate", None),
    ("Man shot dead wife", None),
    ("Man fatally shot wife", None),
    ("Neither driver hurt in crash", None),
    ("Worker injured claims rose sharply", None),
    # a list of four is no apposition of the two
    ("Two men, a woman and a child, were injured.", None),
    # people counted by their age joined to others: a share of the arrested
    ("Two 17-year-olds and two 16-year-olds were arrested.", None),
    # a headline's phrase of place or case before its harm, and a harm's clause before "dies"
    ("Suspect in Tamber Road killing arrested", "arrest"),
    ("Man with knife arrested at school", "arrest"),
    ("Driver in fatal crash arrested", "arrest"),
    ("Man accused in killing arrested in Texas", "arrest"),
    ("Man shot outside barbershop dies", "kill"),
    ("Cyclist hit by truck on Route 9 dies", "kill"),
    ("Father of teen killed in crash speaks out", None),  # whose death is not told
    ("Man in Ohio killed wife", None),
    ("Man shot his wife dies", None),
    ("Man in hospice dies of cancer", None),
    # a phrase opened by "for", "among", "under"
    ("A man wanted for murder was arrested Monday.", "arrest"),
    ("A man among the protesters was arrested.", "arrest"),
    ("A worker under the scaffold was killed.", "kill"),
    # harm told as a rule or at a rate, and a hurt to people's living: no one counted
    ("When a worker at the plant is injured, the company must report it.", None),
    ("When two men are arrested, they are taken to the county jail.", None),
    ("A pedestrian is killed in the county every week.", None),
    ("Two cyclists are killed every month on the county's roads.", None),
    ("Three workers were hurt by the pay cut.", None),
    ("Two workers were hurt financially by the closure.", None),
    # ... a happening after "when", a hurt to the body
    ("When a man was killed Tuesday, neighbors called police.", "kill"),
    ("A woman was hurt by a falling tree.", "injure"),
    ("Two men were hurt financially and physically in the attack.", "injure"),
    ("Every week, two or three cyclists are injured on Elm Street.", None),
    ("Three miners were killed a year on average during the 1990s.", None),
    # a headline's kicker, its person in custody or in a grave state, a harm before "dies"
    ("Police: Man shot outside bar dies", "kill"),
    ("UPDATE: Woman hit by SUV in Orwen Hills dies", "kill"),
    ("Man, 34, in custody after standoff", "arrest"),
    ("Teen in critical condition after shooting", "injure"),
    ("Teen hurt in Lakeview crash dies", "kill"),
    ("Worker crushed by forklift dies", "kill"),
    ("Man who was shot dies", "kill"),
    ("Woman in Vetter Street fire dies", "kill"),
    ("Man in hospice dies", None),
    ("Teen struck by meningitis dies", None),
    ("Man hurt by layoffs dies", None),
    ("Man shot to fame dies", None),
    ("Owner of Main Street diner hurt by road closure", None),
    # in a grave state, in a report: hurt; a verb of harm in the present before a count
    ("A man is in critical condition after being shot Tuesday night.", "injure"),
    ("The victim remains in critical condition.", "injure"),
    ("The driver was in good condition.", None),
    ("Fire kills two in Westfield", "kill"),
    ("Blast injures three workers", "injure"),
    # people counted by nouns of their part ("fans", "executives")
    ("Two fans were arrested for fighting in the stands.", "arrest"),
    # hurt told by care or wounds; a death told after them; an illness's state or death
    ("A man was taken to the hospital with life-threatening injuries.", "injure"),
    ("A man suffered a gunshot wound to the leg and is expected to survive.", "injure"),
    ("The woman was treated for smoke inhalation and a burn on her hand.", "injure"),
    ("Two people were treated and released.", "injure"),
    ("The man was taken to hospital suffering from stab wounds.", "injure"),
    ("A firefighter was treated for injuries and later died.", "kill"),
    ("The motorcyclist suffered multiple injuries and died at the scene.", "kill"),
    ("A pedestrian suffered fatal injuries.", "kill"),
    ("The company suffered losses.", None),
    ("The patient, who has cancer, is in stable condition.", None),
    ("Two patients were in critical condition after contracting Legionnaires' disease.", None),
    ("Flu kills three at nursing home", None),
    ("Crash kills teen, injures four", "injure"),
    # rates told before the harm or after it in a word
    ("Once a month, a worker is injured at the plant.", None),
    ("Two children are injured daily on the county's roads.", None),
    ("A man was killed at the weekly market.", "kill"),
    # a hyphened word is no second clause ("hit-and-run")
    ("Cyclist hurt in hit-and-run dies", "kill"),
    ("Driver in hit-and-run arrested", "arrest"),
    # shot in a limb or grazed: hurt; a death told after it: killed
    ("A 17-year-old was shot in the leg Tuesday night.", "injure"),
    ("Two men were shot in the legs.", "injure"),
    ("A teen was grazed by a bullet.", "injure"),
    ("A man was shot in the arm and later died.", "kill"),
    ("A man was shot in the head.", None),  # not read: may be a death
    # the police's arrest in the present; a headline's count in custody or a grave state
    ("Police arrest three after Hartwell robbery", "arrest"),
    ("Three in custody after pursuit", "arrest"),
    ("UPDATE: Two in critical condition after head-on crash", "injure"),
    ("Two men in custody after brawl", "arrest"),
    ("Records show the arrest two days later.", None),
    # booked into a jail, held in one or on bail: arrested
    ("A 25-year-old man was booked into the Lindale County Jail on Thursday.", "arrest"),
    ("Two men were later booked into jail on assault charges.", "arrest"),
    ("Two men are being held at the Sefton County Jail.", "arrest"),
    ("A 30-year-old man is being held on $500,000 bail.", "arrest"),
    ("A man remains in the county jail on charges of arson.", "arrest"),
    ("Two hostages were held at the bank for hours.", None),
    # ... not a rate, a child's custody, an illness, a vaccine's shot, some of them dead
    ("Police arrest about 40 people each weekend downtown.", None),
    ("Fire kills three people a year in the county.", None),
    ("Three in custody battle over estate", None),
    ("Two children are in custody of their grandparents.", None),
    ("Three in critical condition as flu cases rise", None),
    ("Two in stable condition, analysts say of regional banks", None),
    ("Two residents were shot in the arm with the new vaccine on Monday.", None),
    ("Two men were shot in the leg and one of them later died.", None),
    ("Two men were shot in the leg and both later died.", "kill"),
    ("A man was taken to the hospital with injuries and a woman was killed.", "injure"),
    # a headline's limb shot without "was"; people left in a grave state
    ("Man shot in leg outside Elm Street bar", "injure"),
    ("Two men shot in the leg outside club", "injure"),
    ("Teen grazed by bullet in drive-by", "injure"),
    ("Man shot in head outside bar", None),  # not read: may be a death
    ("Man shot in arm with flu vaccine at pharmacy", None),
    ("The crash left two people in serious condition.", "injure"),
    ("The collapse left three workers in critical condition with flu.", None),
]


@pytest.mark.parametrize(
    ("text", "harms"),
    [
        # a phrase of place or case between the people and what befell them: theirs
        ("A passenger in the pickup truck was killed Saturday.", [("A", "kill")]),
        ("Two men charged in the robbery were arrested Monday.", [("Two", "arrest")]),
        ("A suspect in the Tuesday shooting was arrested Friday.", [("A", "arrest")]),
        ("Two people in the car were injured.", [("Two", "injure")]),
        # ... not when the verb is another's: a plural verb after one person, a clause with
        # a subject of its own, a doer's object, a headline's last words
        ("A man in the car with two women were killed.", [("two", "kill")]),
        ("A man in the car his wife was killed in was arrested.", []),
        ("A man who stabbed a woman outside the bar was arrested.", [("A", "arrest")]),
        ("Gunmen who killed two men at the bar were arrested.", [("two", "kill")]),
        ("Search for a man in the area\nTwo people were injured Tuesday.", [("Two", "injure")]),
        ("In case a worker is injured, call the foreman.", []),  # a case supposed
        # a person after a preposition is the phrase's, not the harm's subject
        ("A man who was in a fight with a neighbor was arrested.", [("A", "arrest")]),
    ],
)
def test_a_phrase_between_people_and_their_harm_leaves_it_theirs(
    text: str, harms: list[tuple[str, str | None]]
) -> None:
    assert _told_and_harmed(text) == harms


def test_a_headlines_one_person_is_one_told_one_by_one() -> None:
    """ "Man, 28, killed": a count of one man told one by one, as "a man" is; his age is no
    count of men; a man who did the harm is no count ("Man killed his neighbor")."""
    found = find_quantities("Man, 28, killed outside Tamber Road lounge", "a1")
    assert [(q.evidence.text, q.unit) for q in found] == [("Man", "man"), ("28", "")]
    assert told_one_by_one(found[0])
    assert [
        (q.evidence.text, casualty_counted(text, 0, q.evidence, q.unit))
        for text in ("Man killed his neighbor, police say",)
        for q in find_quantities(text, "a1")
    ] == [("his", "kill")]


def test_a_listing_after_one_person_is_a_list_of_the_harmed() -> None:
    """ "a man, a woman and a boy" after "Three people" lists the three: the one count of
    three is injured, "a man" is no count of his own."""
    assert _harms("Three people, a man, a woman and a boy, were injured.") == ["injure"]
    # ... and a list of its own is one count, their sum (four), and no part a count of its own
    assert _told_and_harmed("Two men, a woman, and a child were killed.") == [
        ("Two men, a woman, and a child", "kill")
    ]


def test_people_counted_in_the_plural_take_no_harm_told_of_one() -> None:
    """ "A man pointing a gun at two officers was shot and killed": one dead, the man; the
    officers, after whom the verb is singular, are none of the harmed."""
    for text, first in (
        ("A man pointing a gun at two officers was shot and killed.", "kill"),
        ("A man rescuing two children was killed.", "kill"),
        ("A woman fighting with two men was injured.", "injure"),
    ):
        assert _harms(text) == [first, None], text
    assert _harms("Two officers were injured and one was killed.") == ["injure", "kill"]


@pytest.mark.parametrize(
    ("text", "harms"),
    [
        (
            "A man is in the hospital and another is in jail after a shooting Friday.",
            ["injure", "arrest"],
        ),
        ("A man is in jail after the stabbing, police said.", ["arrest"]),
        ("Two men are behind bars after the robbery.", ["arrest"]),
        ("A woman is in the hospital with pneumonia.", []),  # ill, not hurt
        ("A man was in jail at the time of the shooting.", []),  # before it, maybe
        ("One man was killed and another is in jail on unrelated charges.", ["kill"]),
        ("Two suspects are behind bars, and a third is in jail on unrelated charges.", ["arrest"]),
        ("Three people are in the hospital; their injuries are not life-threatening.", ["injure"]),
        ("The senator's wife is in the hospital and he canceled his trip.", []),  # ill, maybe
    ],
)
def test_one_in_a_hospital_or_a_jail_now_is_hurt_or_held(text: str, harms: list[str]) -> None:
    assert [h for h in _harms(text) if h is not None] == harms


@pytest.mark.parametrize(("text", "harm"), LOCAL_PHRASINGS)
def test_local_reports_phrasings_of_harm(text: str, harm: str | None) -> None:
    found = [counted for counted in _harms(text) if counted is not None]
    assert (found[0] if found else None) == harm


# A person told by name with what befell them: one person, as "a man" is (the reader needs
# the parse for a name; invented names)
NAMED_PHRASINGS = [
    ("Darvin Oake, 26, of Lindale, was arrested Monday after a search of his home.", "arrest"),
    ("Police arrested Tamsin Roe on Monday.", "arrest"),
    ("Ivo Brandt, 66, of Lindale was killed Wednesday night when a truck struck her.", "kill"),
    ("Mara Quill was taken into custody Wednesday afternoon.", "arrest"),
    ("Oren Tallis, 24, turned himself in Tuesday at the police station.", "arrest"),
    ("Police said Ivo Brandt, 27, was killed in the shooting.", "kill"),
    ("The gunman killed Oren Vale, 34, and wounded a second man.", "kill"),
    ("The board killed Orla Nights after two seasons.", None),  # a name killed: a thing's?
    ("Police have not arrested Tamsin Roe.", None),
    ("The man charged with killing Tamsin Roe was arrested Monday.", None),  # the man's
    ("Officers who arrested Tamsin Roe were injured.", None),
    ("Suspect arrested\n\nTamsin Roe, a police spokeswoman, said the man was held.", None),
    ("Tamsin Roe, 26, and Ivo Brandt, 31, were arrested Monday.", None),
    ("Deputy Dana Holt was injured when her cruiser was struck.", "injure"),
    ("Darvin Oake has never been arrested.", None),
    ("Police arrested Darvin Oake's brother on Monday.", None),
    ("If Mara Quill is arrested, she faces ten years.", None),
    ("Tamsin Roe and Ivo Brandt were arrested Monday.", None),
    ("Officers arrested Tamsin Roe and Ivo Brandt on Monday.", None),
    ("Ivo Brandt, 27, was charged with murder.", None),
    ("Mara Quill, who was arrested Monday, appeared in court.", None),
    # a name the tagger may take for a firm's: only people are arrested
    ("Marvell Densworth was arrested Wednesday morning at a motel, police said.", "arrest"),
    ("Travion Kessock was arrested Wednesday morning at a motel, police said.", "arrest"),
    ("Orla Nights was cancelled on Wednesday.", None),
    # an age before the name, a home after it; a "not" of the sentence before denies nothing
    ("Deputies arrested 38-year-old Darvin Oake of Lindale.", "arrest"),
    ("His injuries are not life-threatening.\n\nDeputies arrested Darvin Oake.", "arrest"),
    ("Investigators have not yet\narrested Darvin Oake, police said.", None),  # a wrapped line
]


@pytest.mark.parametrize(("text", "harm"), NAMED_PHRASINGS)
def test_a_person_told_by_name_is_one_person_harmed(text: str, harm: str | None) -> None:
    named = [
        (q.evidence.text, casualty_counted(text, 0, q.evidence, q.unit))
        for q in find_quantities(text, "a1", load_nlp()(text))
        if q.evidence.text[:1].isupper() and q.unit == "person"
    ]
    assert [h for _, h in named] == ([harm] if harm else [])
    assert all(" " in name or name.isalpha() for name, _ in named)  # the name, no more


def test_a_person_told_by_name_is_one_count_with_one_told_by_a(encoder: TextEncoder) -> None:
    claims = _dated(
        encoder,
        "Arrest made in Pelton Street robbery\n\nDarvin Oake, 26, of Lindale, was arrested"
        " Monday after officers searched his apartment, police said.",
        "Man held in robbery\n\nPolice arrested Darvin Oake on Monday. Oake is charged with"
        " robbery.",
        "Suspect in custody\n\nA 26-year-old man was arrested Monday in the robbery, police said.",
    )
    (arrested,) = _agreed(claims, "Number of people arrested")
    assert sorted(side.display for side in arrested.sides) == ["one (Darvin Oake)", "one (a man)"]
    assert sorted(a for side in arrested.sides for a in side.articles) == ["a1", "a2", "a3"]
    ages = [c for c in claims if c.kind == "age"]
    assert [c.about for c in ages] == ["Age of Darvin Oake"]  # the age of the name, no "Figure"


@pytest.mark.parametrize(
    "text",
    [
        "Gunman shot three people, one fatally, outside a bar.",
        "Two people were stabbed, one fatally, on Sunday.",
        "He shot two officers, one of them fatally.",
    ],
)
def test_one_told_fatally_after_a_count_is_one_killed(text: str) -> None:
    ones = [q for q in find_quantities(text, "a1") if q.value == 1]
    assert [casualty_counted(text, 0, q.evidence, q.unit) for q in ones] == ["kill"]
    assert [figure_label(text, 0, q, None) for q in ones] == ["Number of people killed"]


def test_how_badly_is_no_noun_of_a_count() -> None:
    text = "Three people were hurt, two critically, in the crash."
    assert [q.unit for q in find_quantities(text, "a1")] == ["people"]  # no "criticallies"


def test_one_told_by_his_or_her_is_one_of_the_harmed() -> None:
    text = "Their son was injured in the crash, and their daughter was killed."
    assert _harms(text) == ["injure", "kill"]
    assert [(q.evidence.text, q.unit) for q in find_quantities(text, "a1")] == [
        ("Their", "son"),
        ("their", "daughter"),
    ]


@pytest.mark.parametrize(
    ("text", "harms"),
    [
        ("Two women who said their husbands were arrested spoke at the rally.", []),
        ("Four nurses who treated the boy who was injured were praised.", []),
        ("A man who knew the woman who was killed spoke to reporters.", []),
        ("Two officers who were at the scene where a man was killed testified.", ["kill"]),
        # the arrest is the man's, the death his wife's
        ("A man who killed his wife was arrested Monday.", ["arrest", "kill"]),
        ("Three dogs were attacked, one fatally.", []),
        ("He stabbed four people, two fatally.", ["kill"]),
    ],
)
def test_what_a_clause_tells_of_another_is_not_theirs(text: str, harms: list[str]) -> None:
    assert [harm for harm in _harms(text) if harm is not None] == harms


@pytest.mark.parametrize(
    ("text", "harms"),
    [
        # the people a doer's verb takes: what follows them at once is the doer's
        ("The man who shot two teenagers was arrested Monday.", [("The", "arrest"), ("two", None)]),
        ("The man accused of killing a woman was arrested.", [("The", "arrest"), ("a", "kill")]),
        ("Police shot a man who later died.", [("a", "kill")]),
        # in apposition: what follows the closing comma
        ("The driver, a 45-year-old woman, died at the scene.", [("a", "kill")]),
        ("A man, 38, was arrested Monday.", [("A", "arrest"), ("38", None)]),  # his age
        ("A man who knew the victim was arrested Tuesday.", [("A", "arrest")]),
        ("A man who killed his neighbor, a retired nurse, was arrested.", [("his", "kill")]),
        (
            "Police said the suspect, a 24-year-old man, was arrested.",
            [("a", "arrest")],
        ),
        ("A gunman shot from the roof until a deputy was wounded.", []),
        ("The father of the victim was arrested.", [("The", "arrest")]),  # the father's
        ("The owner of the store and his son were injured.", [("his", "injure")]),
    ],
)
def test_each_person_told_takes_the_harm_told_of_them(
    text: str, harms: list[tuple[str, str | None]]
) -> None:
    assert _told_and_harmed(text) == harms
    assert "man" not in [q.unit for q in find_quantities(text, "a1") if q.value == 38]


def test_a_later_death_in_a_follow_up_is_one_agreed_count_of_the_dead(
    encoder: TextEncoder,
) -> None:
    claims = _dated(
        encoder,
        "Man dies after Pelton Street shooting\n\nA man shot Tuesday night on Pelton Street has"
        " died, police said Friday.",
        "Pelton Street shooting victim dies\n\nThe victim was pronounced dead at Harwick"
        " General Hospital on Friday, police said.",
    )
    (dead,) = _agreed(claims, "Number of people killed")
    assert sorted(side.display for side in dead.sides) == ["one (a man)", "one (the victim)"]


def test_a_headlines_count_of_people_shot_is_of_the_shot(encoder: TextEncoder) -> None:
    claims = _dated(
        encoder,
        "Two men shot on Pelton Street\n\nPolice are looking for a gray sedan.",
        "Three gunmen shot two guards at Harwick bank\n\nThe robbers fled on foot.",
        "Five hospitalized after Lindale bus crash\n\nThe driver was not hurt.",
    )
    figures = sorted(c.about for c in claims if c.kind == "figure")
    assert "Number of men shot" in figures  # a headline's "were" left out: no shooters
    assert "Number of gunmen who shot" in figures  # they shot two guards
    assert "Number of people injured" in figures  # "Number of hospitalized injured" before


# One other person harmed otherwise than those told before in the same sentence, and a
# headline's second person after a comma: each counted one (reader 63)
OTHERS_HARMED = [
    ("One person was killed and another was wounded in a shooting Friday.", ["kill", "injure"]),
    ("One man was killed and another injured in the shooting.", ["kill", "injure"]),
    ("Two men were killed and another was hurt.", ["kill", "injure"]),
    ("One driver was killed and another driver was hurt.", ["kill", "injure"]),
    ("Man killed, another hurt in Orwen Lane shooting overnight", ["kill", "injure"]),
    ("Woman killed, man injured in overnight shooting", ["kill", "injure"]),
    ("Man killed, wife arrested after dispute", ["kill", "arrest"]),
    ("Police: Woman killed, man hurt in crash", ["kill", "injure"]),
    # the hurt told one by one, no harm of the first's own, one more of a total told elsewhere
    ("One man was injured and another was hurt.", ["injure"]),
    ("Another man was wounded.", []),
    ("Man, woman killed in crash on Route 9", []),
    ("A man was killed and another man was charged.", ["kill"]),
    ("One suspect was arrested and another is still at large.", ["arrest"]),
    ("Man killed in crash, police say", ["kill"]),
    ("Man killed, neither driver hurt in Route 9 crash", ["kill"]),
    # a list of links to other stories, or a link after its label
    ("Related stories:\n- Man killed, another hurt in Orwen Lane shooting", []),
    ("Read more: Man killed, another hurt in Orwen Lane crash", []),
    # another of a thing or an animal
    ("One bill was killed in committee and another was hurt by amendments.", []),
    ("The dog killed one chicken and another was hurt.", []),
    (
        "A man was arrested after one store was robbed and another was hurt by the looting.",
        ["arrest"],
    ),
    # a person after a day and "and" is one of their own, not joined to the day as to a name
    ("A woman was killed Sunday and a man was arrested.", ["kill", "arrest"]),
    ("Two men were shot in May, and a woman was wounded.", ["injure"]),
    ("Tam Vell and a man were arrested.", []),
    ("Jo May and a man were arrested.", []),  # a surname, not a month
    # one more person told by an ordinal, not a part or a time
    ("Two people were killed and a third was seriously hurt in the crash.", ["kill", "injure"]),
    ("One man died and a second man was wounded.", ["kill", "injure"]),
    ("Two men were arrested and a third is being sought.", ["arrest"]),
    ("Two homes burned and a third of the block was damaged.", []),
    # people told by a noun of their part before it ("a fan": not counted itself, one person)
    ("A fan was hurt in the stands, and another was arrested.", ["arrest"]),
]


@pytest.mark.parametrize(("text", "harms"), OTHERS_HARMED)
def test_another_or_a_headlines_second_person_is_one_more_harmed(
    text: str, harms: list[str]
) -> None:
    assert [harm for harm in _harms(text) if harm is not None] == harms


def test_another_hurt_agrees_with_one_injured(encoder: TextEncoder) -> None:
    claims = _dated(
        encoder,
        "A man was killed and another was wounded in a shooting in Lindale on Friday night.",
        "One man was killed and one was injured in a shooting in Lindale on Friday night.",
    )
    hurt = _agreed(claims, "Number of people injured")
    assert len(hurt) == 1
    assert sorted(side.display for side in hurt[0].sides) == ["one", "one (another person)"]


def test_another_incidents_dead_told_in_passing_are_not_counted(encoder: TextEncoder) -> None:
    # Two reports of a drive-by on Saturday; one recalls an earlier killing by its day.
    first = (
        "Two men wounded in Orrinwood drive-by\n\nTwo young men were wounded early Saturday"
        " when someone in a passing car opened fire on Vardy Street, Osgrove police said.\n\n"
        "It is the second shooting in Orrinwood this month. A 17-year-old was killed on"
        " Linnet Street on May 10."
    )
    second = (
        "Drive-by on Vardy Street wounds two\n\nTwo men were wounded early Saturday in a"
        " drive-by shooting on Vardy Street, police said."
    )
    claims = compare_dated(encoder, [("2031-05-24", first), ("2031-05-24", second)])
    killed = _killed(claims)
    assert killed == []
    hurt = _injured(claims)
    assert {a for c in hurt for side in c.sides for a in side.articles} == {"a1", "a2"}
    # a death told alone after the incident's day may be its own: still counted
    died = (
        "Drive-by victim dies\n\nTwo men were wounded early Saturday when someone opened fire"
        " on Vardy Street in Orrinwood. A 20-year-old man died Monday at the hospital, police"
        " said."
    )
    claims = compare_dated(encoder, [("2031-05-24", second), ("2031-05-27", died)])
    assert _killed(claims)


def test_another_incidents_dead_told_by_their_month_are_not_counted(
    encoder: TextEncoder,
) -> None:
    # A shooting this month; a report recalls a killing "last month" near the same school.
    first = (
        "Teen wounded near Askeby High\n\nA 15-year-old boy was wounded Wednesday afternoon"
        " when someone fired at a group of students near Askeby High School, police said.\n\n"
        "Last month, a 17-year-old was killed outside a skating rink on Tarrow Avenue."
    )
    second = (
        "Boy, 15, shot near Askeby High\n\nA 15-year-old boy was wounded Wednesday afternoon"
        " in a shooting near Askeby High School, police said."
    )
    claims = compare_dated(encoder, [("2031-05-15", first), ("2031-05-15", second)])
    assert not _killed(claims)
    # ... told "earlier this month", the month of the incident's own day: it may be its own
    this_month = first.replace("Last month", "Earlier this month")
    claims = compare_dated(encoder, [("2031-05-15", this_month), ("2031-05-15", second)])
    assert _killed(claims)


def test_a_count_told_in_the_week_of_the_incident_is_its_own(encoder: TextEncoder) -> None:
    # A crash on Thursday; a follow-up on Sunday dates its incident by its lead's act and
    # tells the hurt "this week" (no day: the week holds Thursday, its Monday would not)
    first = (
        "Two hurt in Askew Road crash\n\nTwo people were hurt Thursday night when their car hit"
        " a tree on Askew Road, police said."
    )
    second = (
        "Askew Road crash victims recovering\n\nA pedestrian was struck by a car Thursday night"
        " on Askew Road, police said. The two people who were hurt in the crash this week are"
        " recovering at home."
    )
    claims = compare_dated(encoder, [("2031-05-16", first), ("2031-05-18", second)])
    hurt = _injured(claims)
    assert {a for c in hurt for side in c.sides for a in side.articles} == {"a1", "a2"}


def test_an_arrest_told_days_before_the_incident_is_another_incidents(
    encoder: TextEncoder,
) -> None:
    # A shooting on Sunday; one report recalls an arrest on the same street nine days before.
    first = (
        "Man wounded in Ferrow Court parking lot\n\nA 27-year-old man was wounded early Sunday"
        " in a shooting in the parking lot of the Ferrow Court apartments, Osgrove police said."
        "\n\nFerrow Court is the complex where police arrested two men on May 15 in an"
        " unrelated case. No arrest has been made in Sunday's shooting."
    )
    second = (
        "Shooting at Ferrow Court wounds one\n\nA man was wounded early Sunday in a shooting"
        " at the Ferrow Court apartments, police said."
    )
    claims = compare_dated(encoder, [("2031-05-25", first), ("2031-05-25", second)])
    assert not [c for c in claims if c.kind == "figure" and "arrested" in c.about]
    # an arrest days after the incident is its own
    later = (
        "Man wounded at Ferrow Court\n\nA 27-year-old man was wounded early Sunday at the"
        " Ferrow Court apartments, police said.\n\nPolice said two men were arrested on"
        " Thursday."
    )
    claims = compare_dated(encoder, [("2031-05-25", second), ("2031-05-29", later)])
    assert [c for c in claims if c.kind == "figure" and "arrested" in c.about]
    # so is one told days before a death the lead tells alone: the shooting came first
    died = (
        "Man shot outside Ferrow Court dies\n\nA 31-year-old man died Tuesday, ten days"
        " after he was shot outside the Ferrow Court apartments, police said.\n\nPolice"
        " arrested two men on May 16 in the shooting."
    )
    claims = compare_dated(encoder, [("2031-05-25", second), ("2031-05-27", died)])
    assert [c for c in claims if c.kind == "figure" and "arrested" in c.about]


# Counts told where a report places its incident against another, in time or in space
# (invented lines): True where the count at "@" is the other incident's
PLACED_AGAINST_ANOTHER = [
    ("The shooting came a little more than two hours after @a man was killed outside a bar.", True),
    (
        "The fire comes less than two weeks after a fire on Quorrow Street killed @a 70-year-old.",
        True,
    ),
    (
        "Monday's shooting also came less than 24 hours after @a man was wounded at a gas station.",
        True,
    ),
    ("The stabbing came about two and a half weeks after @a teen was shot near the school.", True),
    ("The shooting came three days after a deputy shot and killed @an armed man at a park.", True),
    (
        "About two hours before the park shooting, @a man was killed outside a bar across town.",
        True,
    ),
    ("Days after the Brantley Park shooting, @a student was stabbed to death at a party.", True),
    (
        "Police are also investigating a second shooting, where @a woman was wounded on her porch.",
        True,
    ),
    (
        "The shooting happened one block east of where @a 19-year-old was killed on May 3.",
        True,
    ),
    ("A boy was shot on Tuesday, two blocks from where @a man was killed 10 days earlier.", True),
    ("The crash was a few blocks from Hasker Avenue, where @a driver died last weekend.", True),
    # the arrest's, the vigil's, the death's own incident; a count before the phrase
    ("The arrest came a week after @a man was killed outside a bar on Quorrow Street.", False),
    ("Mourners gathered two blocks from where @a 23-year-old man was killed.", False),
    ("Hours after the shooting, @the man died at the hospital.", False),
    ("@A boy was shot on Tuesday, two blocks from where a man was killed 10 days earlier.", False),
    ("The shooting happened after an argument, and @two men were wounded.", False),
    ("The shooting happened two hours after the bars closed, and @two men were wounded.", False),
    ("Police are also investigating whether @the two men killed knew each other.", False),
    ("A week after the park shooting, @a boy who was wounded remains in the hospital.", False),
    ("Hours after the shooting, @a 20-year-old man was pronounced dead.", False),
    ("The fire came hours after @a woman was found stabbed to death inside the home.", False),
    ("Officers said the shooting happened two blocks from where @a man was found.", False),
    ("The shooting happened two hours after the bars closed, with @two men wounded.", False),
    ("Minutes after the shooting, @two officers were injured in a crash during a chase.", False),
    (
        "A vigil was held for a teen who was killed, steps from where @two were hurt last May.",
        False,
    ),
    # kept without a day or a word of the past: it may be the report's own ("... found")
    ("The shooting happened two blocks from where @a man was killed in a drive-by.", False),
]


@pytest.mark.parametrize(("text", "another"), PLACED_AGAINST_ANOTHER)
def test_a_count_told_where_a_report_places_its_incident_is_another_incidents(
    text: str, another: bool
) -> None:
    start = text.index("@")
    text = text.replace("@", "")
    dying = "died" in text[start:]
    assert told_of_another_incident(text, start, dying) is another


def test_another_incidents_dead_are_left_out_of_the_counts(encoder: TextEncoder) -> None:
    # Two reports of a shooting on Saturday: one places it two hours after a killing across
    # town; the other, whose lead counts nobody ("was shot"), recalls a killing by its day.
    placed = (
        "Teen wounded in Brantley Park\n\nA 16-year-old boy was wounded early Saturday in"
        " Brantley Park, police said.\n\nThe shooting came about two hours after a man was"
        " killed outside a bar on Quorrow Street, across town."
    )
    dated = (
        "Teen shot in Brantley Park\n\nA 16-year-old was shot early Saturday in Brantley"
        " Park, police said.\n\nOn May 10, a 23-year-old man was shot and killed on Hasker"
        " Avenue, four blocks away."
    )
    claims = compare_dated(encoder, [("2031-05-24", placed), ("2031-05-25", dated)])
    assert not _killed(claims)
    assert _injured(claims)
    # alone, the report whose lead counts nobody dates its incident by the act it tells first
    for act in ("was shot", "was struck by a car", "was gunned down"):
        alone = dated.replace("was shot early", f"{act} early")
        claims = compare_dated(encoder, [("2031-05-25", alone)])
        killed = _killed(claims)
        assert not killed, act
    # ... by the act's own clause: not by a day another verb of its sentence tells
    charged = dated.replace(
        "A 16-year-old was shot early Saturday", "A man who shot a 16-year-old was charged Friday"
    )
    claims = compare_dated(encoder, [("2031-05-25", charged)])
    assert _killed(claims)
    # ... and a death it tells on the incident's day is its own
    own = dated.replace("On May 10, a", "Hours later, a")
    claims = compare_dated(encoder, [("2031-05-25", own)])
    assert _killed(claims)


# Deaths by water, people told by their work or their school year, a harm told in a relative
# clause after the person, and the hurt told by their trip to a hospital (invented lines)
WATER_WORK_AND_CARE = [
    ("A Lindale man drowned Monday evening after swimming out to help his son.", ["kill"]),
    ("At least 12 people drowned after the ferry capsized.", ["kill"]),
    ("Two children drowned when floodwaters swept their car off a bridge.", ["kill"]),
    ("A worker was killed and a coworker was injured at the plant.", ["kill", "injure"]),
    ("A volunteer was hurt when the roof collapsed.", ["injure"]),
    (
        "Police arrested a boy in the shooting that wounded a 15-year-old freshman.",
        ["arrest", "injure"],
    ),
    ("The family of a 19-year-old man who drowned at the lake sued the county.", ["kill"]),
    ("The mother of a boy who was shot and killed in March spoke at the vigil.", ["kill"]),
    ("A 19-year-old man who drowned on Saturday was identified Monday.", ["kill"]),
    ("A cyclist was taken to Lindale General Hospital after the crash.", ["injure"]),
    ("Two firefighters were taken to hospital with minor injuries.", ["injure"]),
    ("The clerk was treated at St. Aldric Medical Center for a cut to his head.", ["injure"]),
    ("A woman was taken to the hospital, where she died.", ["kill"]),
    ("The teen was rushed to Kings Hospital but he later died.", ["kill"]),
    ("After the shooting, the man was rushed to a hospital but was declared dead.", ["kill"]),
    ("A woman who was hurt in Wednesday's pileup died Friday.", ["kill"]),
    ("Officers took two men into custody after the chase.", ["arrest"]),
    ("A volunteer firefighter was killed when a wall collapsed.", ["kill"]),
    ("A 15-year-old drowned at the quarry on Sunday.", ["kill"]),
    ("Relatives of three miners who were killed in the collapse met inspectors.", ["kill"]),
    ("A rider was thrown from a roller coaster and seriously injured on Sunday.", ["injure"]),
    ("A 58-year-old woman suffered a broken wrist when she was shoved.", ["injure"]),
    ("A woman was stabbed Tuesday, and police took her husband into custody.", ["arrest"]),
    ("Officers took the suspect into custody after the chase.", ["arrest"]),
    ("Police took his statement into custody records.", []),
    ("Officers were trying to take the man into custody when he opened fire.", []),
    ("Police never took the driver into custody.", []),
    ("A man suffered a mild concussion.", ["injure"]),
    ("Two men suffered multiple fractures.", ["injure"]),
    ("A cyclist suffered a concussion in the crash.", ["injure"]),
    ("A pedestrian was hit by a van and killed on Main Street.", ["kill"]),
    # none
    ("Two men hit a guard and threatened him.", []),
    ("The judge released the boy into the custody of his grandparents.", []),
    ("The crowd drowned out the speaker.", []),
    ("The man nearly drowned in the pool.", []),
    ("A man was taken to the hospital as a precaution.", []),
    ("The three victims were taken to the hospital.", []),  # one of them died on the way?
    ("A pregnant woman was taken to the hospital after going into labor.", []),
    ("The woman was taken to the hospital for a scheduled surgery.", []),
    ("Three of the 40 passengers were injured.", ["injure"]),  # the three, not the 40
    ("The driver was taken to a hospital for a mental health evaluation.", []),
    ("The father of a boy was arrested on Monday.", ["arrest"]),  # the father's, not the boy's
    ("The family of a woman who died of cancer thanked the nurses.", []),
    ("A man who killed his wife was arrested on Tuesday.", ["arrest", "kill"]),
    # reader 73: the one accused of a doing, told before their arrest; a surrender on a
    # warrant; a person after a place's name and ", and" who takes a verb of one
    ("A man accused of shooting a driver was arrested Monday.", ["arrest"]),
    (
        "A 52-year-old man accused of shooting another driver during a rush-hour confrontation"
        " turned himself in Monday.",
        ["arrest"],
    ),
    ("A woman suspected of setting two fires was taken into custody.", ["arrest"]),
    ("A 29-year-old man surrendered on a murder warrant Thursday.", ["arrest"]),
    ("A man surrendered at the Lindale police station on Friday.", ["arrest"]),
    (
        "A man was killed in Wendower Township, and a neighbor turned himself in hours later.",
        ["kill", "arrest"],
    ),
    ("The rebels surrendered their weapons.", []),
    # a taking into custody told done ("took", "taken"), not denied or tried
    ("Police did not take a man into custody.", []),
    ("Police have not taken two men into custody.", []),
    ("Officers were trying to take two men into custody when shots rang out.", []),
    ("Police have taken two men into custody.", ["arrest"]),
    ("Police took all three men into custody.", ["arrest"]),
    ("Police hadn't taken two men into custody.", []),
    ("Police had not yet taken two men into custody.", []),
    ("Two men later surrendered to police.", ["arrest"]),
    ("A man surrendered early Friday to police.", ["arrest"]),
    ("A man accused of killing his wife was arrested.", ["arrest", "kill"]),
]


@pytest.mark.parametrize(("text", "harms"), WATER_WORK_AND_CARE)
def test_drowning_work_relative_clauses_and_hospital_trips_are_counted(
    text: str, harms: list[str]
) -> None:
    assert [harm for harm in _harms(text) if harm is not None] == harms


def test_crew_members_are_people_as_the_parse_reads_their_noun() -> None:
    """ "Five crew members": with the parse the counted noun is "members", people."""
    text = "Five crew members drowned when the trawler sank."
    (five,) = find_quantities(text, "a1", load_nlp()(text))
    assert (five.unit, casualty_counted(text, 0, five.evidence, five.unit)) == ("members", "kill")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Two people have drowned at the beach in less than three weeks.",
            "Number of people killed in less than three weeks",
        ),
        (
            "At least 14 people have been killed in shootings in the city this year.",
            "Number of people killed this year",
        ),
        (
            "More than 300 people have been killed since 1988 in the conflict.",
            "Number of people killed since 1988",
        ),
        (
            "Police have arrested 12 people since March in the investigation.",
            "Number of people arrested since March",
        ),
        # one happening's count: its aftermath, a toll so far, a past tense
        ("Two people have died since the crash on Monday.", "Number of people killed"),
        ("Two people have died so far, officials said.", "Number of people killed"),
        ("Three men were killed in the attack this year.", "Number of men killed"),
        (
            "Police have arrested two men in the deaths earlier this month.",
            "Number of men arrested",
        ),
    ],
)
def test_a_tally_over_a_span_is_labelled_with_its_span(text: str, label: str) -> None:
    """A count of several happenings never agrees or conflicts with one happening's."""
    (count,) = [q for q in find_quantities(text, "a1") if q.unit in ("people", "men")]
    assert figure_label(text, 0, count, None) == label


@pytest.mark.parametrize(
    "text",
    [
        "Two workers suffered cuts to their pay after the merger.",
        "A teacher suffered cuts to her salary last year.",
        "The parents of the boy, a 3-year-old, were arrested.",  # not the boy
    ],
)
def test_no_harm_of_a_cut_in_pay_nor_of_an_apposition_to_a_plural(text: str) -> None:
    assert [h for h in _harms(text) if h is not None] == []


@pytest.mark.parametrize(
    "headline",
    ["Amendment 4 struck down by court", "Engine 12 hit by drunk driver on Route 9"],
)
def test_a_headline_number_after_a_name_is_no_count_of_people(headline: str) -> None:
    reading = read_article(Article("a", "a.txt", f"{headline}\n\nPolice said on Monday."))
    labels = [
        figure_label(headline, 0, q, next((f for f in reading.facts if q in f.quantities), None))
        for q in reading.quantities
        if q.evidence.end <= len(headline)
    ]
    assert labels and not [label for label in labels if label.startswith("Number of people")]


@pytest.mark.parametrize(
    ("headline", "label"),
    [
        ("Two charged in store robbery on Marlow Street", "Number of people charged"),
        ("Two evacuated as fire guts duplex on Marlow Street", "Number of people evacuated"),
    ],
)
def test_a_headline_count_of_people_is_labelled_by_its_participle(
    headline: str, label: str
) -> None:
    """A headline's bare count with the participle of what was done to them: people, not a
    "Figure" (the parser may take the participle for the count's noun or for a verb)."""
    reading = read_article(Article("a", "a.txt", f"{headline}\n\nPolice said on Monday."))
    (count,) = reading.quantities
    fact = next((f for f in reading.facts if count in f.quantities), None)
    assert figure_label(headline, 0, count, fact) == label


def _inferred(text: str) -> list[tuple[str, str | None]]:
    """Each count of people in ``text`` as written, with the harm its reader inferred."""
    return [
        (q.evidence.text, q.harm_inferred)
        for q in find_quantities(text, "a1")
        if counts_people(q.unit.lower())
    ]


@pytest.mark.parametrize(
    ("text", "inferred"),
    [
        ("A 16-year-old boy was shot Sunday evening at a park.", [("A", "injure")]),
        ("Two men were stabbed outside a bar Friday night.", [("Two", "injure")]),
        ("A woman was hit by a stray bullet while sitting on her porch.", [("A", "injure")]),
        ("A driver was shot at least twice on the parkway.", [("A", "injure")]),
        ("A man was shot at a gas station early Friday.", [("A", "injure")]),
        ("A 29-year-old woman was stabbed at a bus stop this morning.", [("A", "injure")]),
        # "attempted murder" tells no death
        ("A man was stabbed Friday. A woman faces attempted murder charges.", [("A", "injure")]),
        # a death told anywhere in the report: whose is not read, so no hurt is inferred
        ("A man was shot Friday night. He died at the hospital on Monday.", []),
        ("A man was shot Friday. It was the city's third homicide this year.", []),
        ("Two men were shot Friday, one fatally.", [("Two", None)]),
        # not a wound
        ("A man was shot at by a passing driver.", []),
        ("A man was shot at several times but was not hit.", []),
        ("A woman was shot with a stun gun by deputies.", []),
        ("Two residents were shot in the arm with the new vaccine on Monday.", [("Two", None)]),
    ],
)
def test_people_shot_in_a_report_telling_no_death_are_inferred_hurt(
    text: str, inferred: list[tuple[str, str | None]]
) -> None:
    """ "shot" alone tells no harm in its sentence (the shot may have died); a report that tells
    no death anywhere lets its reader infer the hurt, and marks it inferred."""
    assert _inferred(text) == inferred
    for quantity in find_quantities(text, "a1"):
        assert casualty_counted(text, 0, quantity.evidence, quantity.unit) != "injure"


def test_a_count_of_the_hurt_inferred_is_claimed_and_shown_as_inferred(
    encoder: TextEncoder,
) -> None:
    """The dossier counts one hurt for a report of a man stabbed that tells no death, shows
    the count as inferred, and counts none for a report that tells his death."""
    claims = compare_dated(
        encoder,
        [
            ("2031-04-13", "A 40-year-old man was stabbed Friday night outside a laundromat."),
            ("2031-04-13", "A man was stabbed Friday night outside a laundromat. He died Sunday."),
        ],
    )
    (injured,) = _injured(claims)
    (side,) = injured.sides
    assert (side.value, side.articles) == (1, ("a1",))
    assert side.display.endswith("(hurt inferred)")
    assert "was stabbed" in side.evidence[0].text  # the sentence that tells it


@pytest.mark.parametrize(
    ("text", "harms"),
    [
        ("Chase ends in crash on Route 9; 2 hurt, 2 in custody", ["injure", "arrest"]),
        ("Two hurt, two in custody after chase", ["injure", "arrest"]),
        ("Two dead, three in critical condition after crash", ["kill", "injure"]),
        # ... in a headline's list, not in a sentence: "two" of the four
        ("Four people were hurt, two in the hospital, police said.", ["injure"]),
    ],
)
def test_a_headlines_list_of_counts_each_in_its_own_state(text: str, harms: list[str]) -> None:
    """ "2 hurt, 2 in custody": the second count is of the held, not two more of the hurt."""
    assert _harms(text) == harms


@pytest.mark.parametrize(
    ("text", "harms"),
    [
        ("Both men are in custody, police said.", [("Both", "arrest")]),
        ("Both drivers were killed.", [("Both", "kill")]),
        ("Both young men were killed.", [("Both", "kill")]),
        (
            "Two men were shot Friday. Both were arrested Sunday.",
            [("Two", None), ("Both", "arrest")],
        ),
        # "both ... and" counts the people it joins; "both of", a case supposed: no count
        ("Both the driver and a passenger were killed.", [("the driver and a passenger", "kill")]),
        ("Both men and women were hurt in the crush.", []),
        ("Both of the cars were destroyed.", []),
        ("If both are convicted, they face life in prison.", []),
    ],
)
def test_both_counts_two_with_what_befell_them(
    text: str, harms: list[tuple[str, str | None]]
) -> None:
    """ "Both men are in custody": two arrested, as "Two men are in custody" counts them."""
    assert _told_and_harmed(text) == harms


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("A man and a woman were killed in the crash.", [("A man and a woman", 2.0, "kill")]),
        (
            "Two men and a woman were shot and killed Saturday.",
            [("Two men and a woman", 3.0, "kill")],
        ),
        (
            "The driver and his passenger were hurt.",
            [("The driver and his passenger", 2.0, "injure")],
        ),
        (
            "A man, a woman and a child died in the fire.",
            [("A man, a woman and a child", 3.0, "kill")],
        ),
        (
            "Police arrested a 19-year-old man and a 17-year-old boy on Friday.",
            [("a 19-year-old man and a 17-year-old boy", 2.0, "arrest")],
        ),
        ("The crash killed a man and a woman.", [("a man and a woman", 2.0, "kill")]),
        (
            "A man, 45, and a woman, 43, were killed.",
            [("A man, 45, and a woman, 43,", 2.0, "kill")],
        ),
        (
            "A man in his 40s and a woman were hurt.",
            [("A man in his 40s and a woman", 2.0, "injure")],
        ),
        # an apposition after a bare comma, two clauses, the end of a list not read whole
        ("A woman, a local nurse, and her son were injured.", []),
        ("Police arrested a man and a woman was injured.", []),
        ("A man, his wife and their son were killed.", []),
        # a verb of one after the run, a clause that may be the last part's
        ("A deputy interviewing a woman and a man outside was fatally shot.", []),
        ("Prayers go out to the man and his wife who died.", []),
        ("A man and a woman who were shot Friday have died.", [("A man and a woman", 2.0, "kill")]),
        # an apposition is one person; a part that is no person, a preposition's object, a
        # case supposed: no count
        ("A man who killed his neighbor, a retired nurse, was arrested.", [("his", 1.0, "kill")]),
        ("A man and his dog were killed.", []),
        ("A fight between a man and a woman was reported.", []),
        ("If a man and a woman are arrested, they will be charged.", []),
    ],
)
def test_people_told_together_are_counted_as_their_sum(
    text: str, counted: list[tuple[str, float, str]]
) -> None:
    """ "A man and a woman were killed": two dead, one count, its parts no counts of their own."""
    found = [
        (q.evidence.text, q.value, casualty_counted(text, 0, q.evidence, q.unit))
        for q in find_quantities(text, "a1")
        if q.unit != "years old"
    ]
    assert found == counted


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("A second suspect is under arrest in the shooting.", [("second", 2.0, "arrest")]),
        ("Police have arrested a third suspect in the robberies.", [("third", 3.0, "arrest")]),
        (
            "Second suspect arrested in carjacking\n\nPolice said Tuesday.",
            [("Second", 2.0, "arrest")],
        ),
        # "the second" may be the second of two sought; an ordinal of the hurt is one more
        ("The second suspect was arrested Tuesday.", []),
        # ... an arrest denied or to come, a name, a compound, a count of men
        ("Police have not arrested a second suspect.", []),
        ("Police hope to arrest a second suspect soon.", []),
        ("Police arrested a Second Street resident.", []),
        ("A fourth grade teacher was arrested.", []),
        ("Police arrested a third suspect's brother.", []),
        ("One man was killed on Elm Street, and a second man was arrested Saturday.", []),
        ("A man was killed Friday. A second man was arrested Saturday.", []),
        ("One man is dead after a shooting Friday. A second man was arrested Saturday.", []),
        # a second person opening a report (its first arrest told in an earlier one)
        (
            "A second person is under arrest in the shooting death of a man outside a bar.",
            [("second", 2.0, "arrest")],
        ),
        # a second person after an arrest told before
        (
            "Woman arrested in bar killing\n\nA second person is under arrest.",
            [("second", 2.0, "arrest")],
        ),
        ("A second man was shot in the leg.", []),
        ("A second man was charged on Friday.", []),
    ],
)
def test_an_ordinal_of_the_arrested_tells_their_running_total(
    text: str, counted: list[tuple[str, float, str]]
) -> None:
    """ "A second person is under arrest": two arrested in all, as "two" would count them."""
    found = [
        (q.evidence.text, q.value, casualty_counted(text, 0, q.evidence, q.unit))
        for q in find_quantities(text, "a1")
        if q.value > 1
    ]
    assert found == counted


def test_an_ordinals_total_is_shown_with_its_words(encoder: TextEncoder) -> None:
    claims = compare_dated(encoder, [("2031-04-13", "Police arrested a second suspect Tuesday.")])
    (arrested,) = [c for c in claims if c.kind == "figure" and "arrested" in c.about]
    assert [(s.value, s.display) for s in arrested.sides] == [(2, "2 (a second suspect)")]


@pytest.mark.parametrize(
    ("text", "inferred"),
    [
        # a tally, a rate, a case supposed: no happening's hurt
        ("So far this year, 40 people have been shot in the city.", [("40", None)]),
        ("Five people were shot each weekend in the city last summer.", [("Five", None)]),
        ("If two men were stabbed, the club would close.", [("two", None)]),
        # shot at, and a report telling its shot unhit
        ("Two officers were shot at during a traffic stop Friday night.", [("Two", None)]),
        ("A deputy was shot at Tuesday night. He was not struck.", []),
        ("A man was shot at a party. Nobody was injured, police said.", []),
        ("A man was shot at a gas station. No one else was hurt.", [("A", "injure")]),
        # told in the perfect: news, or a report's ("reporting that ... had been shot")
        ("A man has been shot in Corwin, police said.", [("A", "injure")]),
        ("Deputies had a call reporting that a man had been shot at a home.", [("a", "injure")]),
        # words of death denied, attempted or of no death: the hurt inferred
        (
            "A man was shot. Police reviewed body camera footage of the non-fatal shooting. "
            "No one was killed. He faces attempted second-degree murder charges.",
            [("A", "injure")],
        ),
        # a death told without the usual words, or not denied right before it
        ("A man was shot Sunday. He did not survive his injuries.", []),
        ("A man was shot Friday. He never recovered and died Sunday.", []),
        ("No arrests after fatal shooting\n\nA man was shot Friday night.", []),
        ("A man was shot Friday. He was taken off life support Monday.", []),
        ("A man was shot Friday and is on life support.", [("A", "injure")]),
        # a shot that hit: at a range, a time, home
        ("A man was shot at close range Sunday.", [("A", "injure")]),
        ("A man was shot at around 11 p.m. Sunday.", [("A", "injure")]),
        ("A man was shot Sunday. The coroner identified him Monday.", []),
        # not a wound
        ("A pilot was shot down over the sea.", []),
        ("A man was shot Sunday, and police used a taser on the suspect.", [("A", "injure")]),
    ],
)
def test_the_hurt_is_inferred_only_of_a_happening_in_a_report_telling_no_death(
    text: str, inferred: list[tuple[str, str | None]]
) -> None:
    assert _inferred(text) == inferred


@pytest.mark.parametrize(
    ("text", "harms"),
    [
        ("Police said two men remained in the area near the county jail after the fight.", [None]),
        ("Two men were held at gunpoint outside the county jail.", [None]),
        ("Two men were booked into the downtown jail.", ["arrest"]),
        ("Two men remain in the Sefton County Jail.", ["arrest"]),
        ("Two dead, three in hospital after crash", ["kill", "injure"]),
        ("Police: 1 dead, 2 in critical but stable condition", ["kill", "injure"]),
    ],
)
def test_a_jail_and_a_hospital_told_as_a_state(text: str, harms: list[str | None]) -> None:
    """Held in a jail is an arrest, near one is not; "in hospital" is a headline's state."""
    assert _harms(text) == harms


def test_a_hurt_inferred_gives_way_to_a_death_another_report_counts(
    encoder: TextEncoder,
) -> None:
    """One report tells a man shot, the next tells him shot and killed: no one is counted
    hurt, one is counted dead."""
    claims = compare_dated(
        encoder,
        [
            ("2031-04-13", "A man was shot Friday night outside a bar on Elm Street."),
            ("2031-04-13", "A man was shot and killed Friday night outside a bar on Elm Street."),
        ],
    )
    assert _injured(claims) == []
    (killed,) = _killed(claims)
    assert [(s.value, s.articles) for s in killed.sides] == [(1, ("a2",))]


def test_a_summary_quotes_the_sources_words_not_the_inference(encoder: TextEncoder) -> None:
    """ "Reports differ on the number of men injured": the inferred side is quoted as its
    source wrote it ("Two"), the inference told outside the quotes."""
    from triangulate.compare.claims import compare
    from triangulate.compose.summary import Sources, differing
    from triangulate.models import Article
    from triangulate.readers.reader import read_many

    articles = [
        Article(f"a{i}", f"a{i}.txt", text, outlet=outlet, published="2031-04-13")
        for i, (text, outlet) in enumerate(
            (
                ("Two men were shot Friday night outside a bar on Elm Street.", "Coast Wire"),
                ("Three men were wounded Friday night outside a bar on Elm Street.", "Velmar Post"),
            ),
            start=1,
        )
    ]
    readings = read_many(articles)
    claims = compare(articles, readings, encoder)
    (conflict,) = [c for c in _injured(claims) if c.section == "conflict"]
    told = differing(conflict, Sources.of(articles, {r.article: r for r in readings}))
    assert told is not None
    assert "“Two”, hurt inferred (shot or stabbed, no death told)" in told.text
    assert "(hurt inferred)”" not in told.text


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        (
            "Milo Vell, 21, and Jory Sefton, 22, were arrested Friday.",
            [("Milo Vell, 21, and Jory Sefton", 2)],
        ),
        ("Police arrested Tam Vell and Rae Sefton on Friday.", [("Tam Vell and Rae Sefton", 2)]),
        (
            "Tam Vell, Rae Sefton and Ezra Moss were injured in the crash.",
            [("Tam Vell, Rae Sefton and Ezra Moss", 3)],
        ),
        # names with nothing befalling them all: a headline's verb above them, a denial, an
        # owner's name
        ("Tam Vell and Rae Sefton said they heard shots.", []),
        (
            "Man arrested\n\nTam Vell and Rae Sefton contributed to this report.",
            [("one (a man)", 1)],
        ),
        ("Police have not arrested Tam Vell and Rae Sefton.", []),
        ("Police arrested Tam Vell and Rae Sefton's son on Friday.", []),
    ],
)
def test_people_told_together_by_name_are_counted_as_their_sum(
    encoder: TextEncoder, text: str, counted: list[tuple[str, int]]
) -> None:
    """ "Tam Vell and Rae Sefton were arrested": two arrested, one count, no count of each."""
    claims = compare_dated(encoder, [("2031-04-13", text)])
    harmed = [c for c in claims if c.kind == "figure" and c.about.startswith("Number of people ")]
    assert [(s.display, s.value) for c in harmed for s in c.sides] == counted


def test_a_count_of_the_hurt_is_labelled_by_their_harm_not_a_doers_verb(
    encoder: TextEncoder,
) -> None:
    # one report counts the people its suspect is accused of shooting, the other the men
    # wounded: one count, labelled by what befell them
    claims = _dated(
        encoder,
        "A Tallis man accused of shooting two people in the parking lot of Corwin Park after the"
        " fireworks on Saturday night was held on $250,000 bail Monday, police said.",
        "Police said that after the fireworks in Corwin Park on Saturday night two people were"
        " shot in its parking lot, and a Tallis man was held on $250,000 bail Monday.",
    )
    counts = [c for c in claims if c.kind == "figure" and {s.value for s in c.sides} == {2}]
    assert [(c.about, c.section) for c in counts] == [("Number of people injured", "agreed")]


def test_bodies_found_are_no_total_of_the_dead() -> None:
    # the bodies found so far may be fewer than the dead: a count of them, of no harm
    assert _harms("The bodies of two hikers were found Sunday; a third is missing.") == [None]
    assert _harms("The body of the car was crushed, and a body of water lies near.") == []
    # a body not found: a council's, a patient's
    assert _harms("The governing body of a student union at Corwin College voted Monday.") == []
    assert _harms("Cancer cells spread through the body of a patient.") == []


def test_a_male_or_a_female_is_a_person_after_an_age_or_adult() -> None:
    assert _harms("Deputies said an adult female was taken into custody at the home.") == ["arrest"]
    # alone, perhaps an animal
    assert _harms("The zoo said a female was found dead in the enclosure.") == []
    assert _harms("Poachers killed three males and two females in the reserve.") == [None, None]


# The state a happening left one person in, told after them, and other phrasings of local
# reports (reader 90)
ONES_LEFT_AND_TENDED = [
    ("The crash left a man injured.", [("a", "injure")]),
    ("A shooting Saturday night left a 17-year-old dead.", [("a", "kill")]),
    ("The attack left a woman hospitalized with a broken hip.", [("a", "injure")]),
    ("The ruling left the mayor dead in the water.", []),  # an idiom, no death
    ("A co-worker was injured in the blast.", [("A", "injure")]),
    ("A worker suffered crush injuries.", [("A", "injure")]),
    (
        "Worker dies in grain bin; co-worker hurt trying to save him",
        [("Worker", "kill"), ("co-worker", "injure")],
    ),
    # taken to a hospital after being freed or rescued; "the other" of two, one person
    (
        "The other worker was rescued earlier this afternoon and taken to Harwick Regional"
        " Medical Center.",
        [("The", "injure")],
    ),
    (
        "A worker who climbed into the bin was pulled out by co-workers and taken to Harwick"
        " Hospital.",
        [("A", "injure")],
    ),
    ("A man was arrested and taken to a hospital.", [("A", "arrest")]),  # his arrest
    ("One driver died. The other driver was arrested.", [("One", "kill"), ("The", "arrest")]),
    # "apprehended", the police's word for an arrest; a headline's present "surrenders"
    ("The suspect was apprehended after a chase.", [("The", "arrest")]),
    ("Man surrenders after a standoff in Harwick", [("Man", "arrest")]),
    ("Second suspect surrenders in Marlow Street carjacking", [("Second", "arrest")]),
    ("The team surrenders its lead in the final minutes.", []),
    # an adverb of sequence before the harm; how one was taken to a hospital; a life lost
    ("A woman was also injured.", [("A", "injure")]),
    ("Two men were also arrested.", [("Two", "arrest")]),
    ("His son was later arrested.", [("His", "arrest")]),
    ("A man has also been arrested.", [("A", "arrest")]),
    ("A man was never arrested.", []),
    ("A man was previously arrested.", []),
    ("A woman was taken by ambulance to Harwick Hospital.", [("A", "injure")]),
    ("The man was taken by police to the county jail.", []),
    ("The boy is expected to survive.", [("The", "injure")]),
    ("A woman remains hospitalized.", [("A", "injure")]),
    ("A man received minor injuries.", [("A", "injure")]),
    ("The victim was treated at the scene.", [("The", "injure")]),
    ("The driver succumbed to his injuries on Tuesday.", [("The", "kill")]),
    ("Two people lost their lives in the fire.", [("Two", "kill")]),
    ("A man lost his life savings.", []),
    ("The company is expected to survive.", []),
    # a review's cases: an arrest or a death between the harm and the trip to a hospital; one
    # found safe; a headline's third person; idioms of "dead", "hurt", "lost his life"
    ("A suspect was shot and arrested and taken to a hospital.", [("A", "arrest")]),
    ("The driver was struck and killed and taken to Harwick Hospital.", [("The", "kill")]),
    ("The man was hit in the thigh and hip and taken to Harwick Hospital.", [("The", "injure")]),
    ("The missing girl was found safe and taken to a hospital.", []),
    ("Man killed in crash; driver cited, woman hurt", [("Man", "kill"), ("woman", "injure")]),
    ("Voters left the mayor dead last in the primary.", []),
    ("The layoffs left a worker dead broke.", []),
    ("The verdict left a mother hurt and angry.", []),
    ("The outbreak left a man hospitalized with pneumonia.", []),
    ("Her husband is expected to live for years.", []),
    ("A man lost his life partner in the crash.", []),
    ("A young man lost his life pumping gas.", [("A", "kill")]),
    ("A clerk received injury claims from drivers.", []),
    ("Mother surrenders in custody battle over son", []),
    ("Soldier surrenders after decades in the jungle", []),
    ("Man surrenders to police after standoff", [("Man", "arrest")]),
    # "the only" one; found, then arrested; a headline's part after a dash (a release's title)
    ("The only person arrested was released on bond.", [("The", "arrest")]),
    ("A man was found hiding in a shed and arrested.", [("A", "arrest")]),
    ("The driver was stopped on Route 9 and taken into custody.", [("The", "arrest")]),
    ("Homicide Investigation, Mill Race Road — Suspect in Custody", [("Suspect", "arrest")]),
    (
        "Shooting on Marlow Street — Officer Wounded, Suspect in Custody",
        [("Officer", "injure"), ("Suspect", "arrest")],
    ),
    ("HARWICK — Officer Tam Vell said the road was closed.", []),
    # a milepost names a place, no count; a menu's last word is no road's name
    ("The April 18 crash near milepost 63 killed three passengers.", [("three", "kill")]),
    ("The crash happened at mile marker 12 on Route 9.", []),
    ("Contact Us\n\nTwo men wounded in Harwick drive-by", [("Two", "injure")]),
    # a second review's cases: a road word ending a clause; a dash after no harm; each once
    ("According to the local MP, 14 people were killed in the floods.", [("14", "kill")]),
    ("Just past the marker, 12 hikers were injured by falling rocks.", [("12", "injure")]),
    ("Fuel prices soar — Driver hurt at the pump", []),
    (
        "Man killed in crash — Driver arrested, passenger hurt",
        [("Man", "kill"), ("Driver", "arrest"), ("passenger", "injure")],
    ),
]


@pytest.mark.parametrize(("text", "told"), ONES_LEFT_AND_TENDED)
def test_one_left_in_a_state_or_tended_first_is_one_harmed(
    text: str, told: list[tuple[str, str]]
) -> None:
    assert _told_and_harmed(text) == told


NAMED_LEFT_AND_TOLD_AGAIN = [
    ("The break-in left Tam Vell, 78, hospitalized with broken ribs.", ["Tam Vell"], "injure"),
    ("Officers apprehended Tam K. Vell, 19, of Harwick, along the riverbank.", [], "arrest"),
    (
        "His alleged accomplice, Tam K. Vell, 19, of Harwick, was arrested Tuesday night.",
        ["Tam K. Vell"],
        "arrest",
    ),
    # a surname alone once the full name is told: the same person
    (
        "Co-worker Darvin Oake, 45, climbed in to help him. Oake was hospitalized for five days.",
        ["Oake"],
        "injure",
    ),
    ("Darvin Oake, 26, lives on Marlow Street. Oake Street was closed Monday.", [], None),
    ("Darvin Oake, 26, was charged. Ada Oake was injured in the crash.", ["Ada Oake"], "injure"),
    (
        "Darvin Oake, 45, was shot on Marlow Street on Friday. Oake was taken to Harwick Hospital.",
        ["Oake"],
        "injure",
    ),
    ("Police searched Building C. Darvin Oake, 45, was arrested there.", ["Darvin Oake"], "arrest"),
    # one whose body is found is dead, told by name too
    ("The body of Tam Vell, 71, of Harwick, was recovered Tuesday.", ["Tam Vell"], "kill"),
    ("The body of Tam Vell was never found.", [], None),
    ("The body of Tam Vell's son was found in the river on Sunday.", [], None),
    ("The governing body of Tam Vell's club was found to have broken the rules.", [], None),
    ("The body of Tam Vell and Oren Ames was found Sunday.", [], None),
    # a surname in any alphabet's letters
    ("Rafael Peña, 22, was a passenger. Peña was killed instantly.", ["Peña"], "kill"),
]


@pytest.mark.parametrize(("text", "names", "harm"), NAMED_LEFT_AND_TOLD_AGAIN)
def test_a_name_left_in_a_state_or_a_surname_told_again_is_one_harmed(
    text: str, names: list[str], harm: str | None
) -> None:
    named = [
        (q.evidence.text, casualty_counted(text, 0, q.evidence, q.unit))
        for q in find_quantities(text, "a1", load_nlp()(text))
        if q.evidence.text[:1].isupper() and q.unit == "person"
    ]
    if names:
        assert [n for n, _ in named if n in names] == names
    assert {h for _, h in named} == ({harm} if harm else set())


def test_a_count_of_people_split_at_its_hyphen_by_the_parser_keeps_its_whole_word() -> None:
    text = "Two co-workers were hurt in the blast."
    counted = [
        (q.unit, casualty_counted(text, 0, q.evidence, q.unit))
        for q in find_quantities(text, "a1", load_nlp()(text))
    ]
    assert counted == [("co-workers", "injure")]


def test_some_of_another_incidents_people_told_next_are_of_that_incident() -> None:
    placed = (
        "The stabbing happened a block from Marlow Laundromat, where two men were shot in a"
        " parked car shortly before midnight March 8."
    )
    assert continues_another_incident("One of them, Tam Vell, 31, died six days later.", placed)
    assert continues_another_incident(
        "One of them died.", "The shooting came two hours after two men were shot outside a bar."
    )
    # the report's own people told before, or one of another incident, whom "them" is not
    assert not continues_another_incident("One of them died.", "Two men were shot Friday.")
    own = "Two men were shot on Marlow Street, a block from where a woman was killed last week."
    assert not continues_another_incident("One of them, Tam Vell, 31, died Friday.", own)
    assert not continues_another_incident("Tam Vell, 31, died six days later.", placed)


def test_a_death_of_another_incidents_people_makes_no_count_of_the_reports_dead(
    encoder: TextEncoder,
) -> None:
    claims = _dated(
        encoder,
        "A man was stabbed at a bus shelter on Marlow Street on Thursday evening and taken to"
        " Harwick Hospital.\n\nThe stabbing happened a block from Marlow Laundromat, where two"
        " men were shot in a parked car shortly before midnight March 8. One of them, Tam Vell,"
        " 31, died six days later.",
    )
    assert not _killed(claims)


@pytest.mark.parametrize(
    ("text", "harm"),
    [
        # care for the cold and burns
        ("A man was treated for hypothermia at Harwick General Hospital.", "injure"),
        ("A fisherman was treated for frostbite and released.", "injure"),
        ("A firefighter suffered a minor burn to his neck.", "injure"),
        ("A firefighter was treated for a burn and released.", "injure"),
        # a release's wording: a wound's degree, a long name of the ambulance's service
        (
            "The driver was transported by Kestrel Pass Fire Protection District ambulance to"
            " Harwick Medical Center with moderate injuries.",
            "injure",
        ),
        # a numbered vehicle's driver in apposition, a home before the closing comma
        (
            "The driver of Vehicle 2, a 29-year-old male from Ashgrove, was taken to the"
            " hospital with serious injuries.",
            "injure",
        ),
        ("The driver, a 45-year-old woman from Harwick, died at the scene.", "kill"),
        # a name with its age and home set off before the harm
        (
            "The pickup's driver, Darvin Oake, 29, of Ashgrove, was treated for a broken leg.",
            "injure",
        ),
        ("The driver, Darvin Oake, of Ashgrove, was treated for a broken leg.", "injure"),
        # a participle's clause before a verb of wounds suffered, of a state or of a death
        ("A trainee riding with him suffered a broken collarbone and ribs.", "injure"),
        ("A man helping the victims remains hospitalized.", "injure"),
        ("Two men riding in the car remain hospitalized.", "injure"),
        ("A man riding with him received minor injuries.", "injure"),
        ("A man riding a motorcycle died at the scene.", "kill"),
        # a move before the harm, joined by "and"
        ("The man came out the front door at about 7:10 and was taken into custody.", "arrest"),
        ("Two men fled on foot and were arrested a block away.", "arrest"),
        ("The man inside walked out and was arrested without incident.", "arrest"),
        ("The man inside walked out and surrendered to deputies.", "arrest"),
    ],
)
def test_the_hurt_told_by_care_wounds_or_clauses_of_a_release_are_counted(
    text: str, harm: str
) -> None:
    assert harm in _harms(text)


@pytest.mark.parametrize(
    "text",
    [
        # the state one was found in, then a death: not one more hurt
        "Officers located the victim, a 29-year-old male, in the driveway, suffering from"
        " multiple gunshot wounds. The victim was pronounced deceased at the scene.",
        "Two homeowners received burn permits from the county.",
        "A man suffered a burn scar on the ridge after the fire.",
        # an apposition's words that are no home
        "The driver, Darvin Oake, of the house, was treated for a broken leg.",
        # a move and no harm after it
        "A man walked out and said he was hurt by the claims.",
        "A man came forward and was thanked by police.",
    ],
)
def test_no_hurt_for_a_state_found_in_a_fire_word_or_an_unread_clause(text: str) -> None:
    assert "injure" not in _harms(text)


@pytest.mark.parametrize(
    ("text", "inferred"),
    [
        ("A man was punched in the face several times, police said.", [("A", "injure")]),
        ("A clerk was pistol-whipped during the robbery.", [("A", "injure")]),
        ("A man was beaten outside a bar early Sunday.", [("A", "injure")]),
        # a contest, a clock or a fire, not a beating
        ("A man was beaten in the election on Tuesday.", []),
        ("Two men were beaten in last week's election.", [("Two", None)]),
        ("Two players were beaten in the semifinal.", [("Two", None)]),
        ("A man was beaten 6-2, 6-1 in the quarterfinal.", []),
        ("A worker was punched in at 9 a.m.", []),
        ("A man was beaten back by the flames.", []),
    ],
)
def test_people_beaten_in_a_report_telling_no_death_are_inferred_hurt(
    text: str, inferred: list[tuple[str, str | None]]
) -> None:
    assert _inferred(text) == inferred
