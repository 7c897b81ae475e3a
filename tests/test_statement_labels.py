"""Labels of agreed statements and the grouping of aligned sentences, on invented text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from triangulate.compare.agreements import labelled, states
from triangulate.compare.align import told_words, without_near_duplicates
from triangulate.compare.labels import (
    area_label,
    clause_label,
    date_label,
    figure_label,
    length_label,
    plural_phrase,
    stage_label,
    statement_label,
    tidy,
    verb_as_written,
)
from triangulate.compare.statements import Statement
from triangulate.models import Evidence, Fact, Quantity, TimeExpression, Unit


def _fact(sentence: str, subject: str | None, predicate: str | None, obj: str | None) -> Fact:
    return Fact(Evidence("a1", 0, len(sentence), sentence), subject, predicate, obj)


def test_a_clean_clause_reads_as_the_sentence_writes_it() -> None:
    sentence = "Harbour police found a loaded rifle in the van on Tuesday."
    label = statement_label(sentence, _fact(sentence, "Harbour police", "find", "rifle"))
    assert label == "Harbour police found a loaded rifle"


def test_auxiliaries_and_negation_stay_with_the_verb() -> None:
    sentence = "The coastguard did not intervene when the ferry ran aground."
    assert statement_label(sentence, _fact(sentence, "coastguard", "not intervene", None)) == (
        "The coastguard did not intervene"
    )
    assert verb_as_written("Two divers have fallen into the bay.", "fall") == "have fallen"


def test_a_pronoun_or_an_unnamed_owner_is_no_doer() -> None:
    sentence = "Their boats appeared superfluous after the storm."
    assert (
        statement_label(sentence, _fact(sentence, "Their boats", "appear", "superfluous")) is None
    )
    sentence = "I was not sure all the crews were told, the mayor said."
    assert statement_label(sentence, _fact(sentence, "I", "not be", "sure")) is None


def test_a_doer_resolved_from_elsewhere_in_the_sentence_is_not_the_doer() -> None:
    sentence = "Lt. Ada Moor told reporters that it was unclear if the pilot survived."
    assert statement_label(sentence, _fact(sentence, "Ada Moor", "be", "unclear")) is None


def test_a_verb_that_needs_what_follows_is_no_label_alone() -> None:
    sentence = "Mira Holt looked as if she was hiding something."
    assert statement_label(sentence, _fact(sentence, "Mira Holt", "look", None)) is None
    sentence = "The pilots planned to land at dawn."
    assert statement_label(sentence, _fact(sentence, "pilots", "plan", None)) is None
    sentence = "The ferry crews have nobody to carry anymore."
    assert statement_label(sentence, _fact(sentence, "ferry crews", "have", "nobody")) is None


def test_a_label_keeps_what_its_verb_needs() -> None:
    sentence = "Harbour audit proves the ferry deal was based on forged invoices."
    assert statement_label(sentence, _fact(sentence, "Harbour audit", "prove", None)) is None
    sentence = "The treaty provides Norland with a clear path to a larger fleet."
    assert statement_label(sentence, _fact(sentence, "treaty", "provide", "Norland")) is None
    sentence = "In March, the mayor's lawyers gave Inspector Holt a long list of answers."
    assert statement_label(sentence, _fact(sentence, "mayor's lawyers", "give", "Holt")) is None
    sentence = "The inquiry covers contacts the mayor's campaign had with brokers."
    label = statement_label(sentence, _fact(sentence, "mayor's campaign", "have", "with brokers"))
    assert label is None
    sentence = "The council gave the school a new roof in May."
    assert statement_label(sentence, _fact(sentence, "council", "give", "new roof")) == (
        "The council gave the school a new roof"
    )


def test_a_word_cut_in_two_is_no_object() -> None:
    sentence = "The evacuation of the island began in mid-May."
    assert statement_label(sentence, _fact(sentence, "evacuation", "begin", "in mid")) is None


def test_an_event_verb_stands_alone() -> None:
    sentence = "Anton Reyes died in hospital two days later."
    assert statement_label(sentence, _fact(sentence, "Anton Reyes", "die", None)) == (
        "Anton Reyes died"
    )


def test_the_clause_label_leaves_out_who_said_it() -> None:
    assert clause_label(
        "The ferry left Port Ellis at dawn, harbour police Lt. Jonas Vik said."
    ) == ("The ferry left Port Ellis at dawn")
    assert clause_label("According to the port authority, the ferry left at dawn.") == (
        "The ferry left at dawn"
    )
    assert clause_label("But he said the ferry left at dawn.") == "The ferry left at dawn"


def test_tokenised_spacing_is_closed_up() -> None:
    assert tidy("a high - speed chase of 2, 000ft , Lt . J . Vik said") == (
        "A high-speed chase of 2,000ft, Lt. J. Vik said"
    )


def _statement(index: int, source: str) -> Statement:
    text = f"Sentence {index} of {source}."
    unit = Unit(Evidence(source, 0, len(text), text))
    return Statement(index, source, source, unit, index, frozenset(), frozenset(), (), (), ())


def test_a_group_repeating_a_stronger_one_but_for_one_sentence_is_dropped() -> None:
    statements = [_statement(0, "a"), _statement(1, "b"), _statement(2, "c"), _statement(3, "c")]
    scores = {(0, 1): 0.9, (0, 2): 0.8, (1, 2): 0.8, (0, 3): 0.3, (1, 3): 0.3}
    assert without_near_duplicates([[0, 1, 2], [0, 1, 3]], statements, scores) == [[0, 1, 2]]


def test_a_group_that_adds_a_source_is_kept() -> None:
    statements = [_statement(0, "a"), _statement(1, "b"), _statement(2, "c"), _statement(3, "d")]
    scores = {(0, 1): 0.9, (0, 2): 0.8, (1, 2): 0.8, (0, 3): 0.3, (1, 3): 0.3}
    groups = [[0, 1, 2], [0, 1, 3]]
    assert without_near_duplicates(groups, statements, scores) == groups


def _told(text: str, source: str, verbs: tuple[str, ...] = ()) -> Statement:
    words = tuple(text.lower().rstrip(".").split())
    unit = Unit(
        Evidence(source, 0, len(text), text), words=words, verbs=verbs, segments=(" ".join(words),)
    )
    return Statement(0, source, source, unit, 0, frozenset(), frozenset(), (), (), ())


def test_a_member_states_the_label_by_its_doer_object_or_verb() -> None:
    text = "Officers found a rifle in the van."
    label = (_told(text, "a"), _fact(text, "Officers", "find", "rifle"))
    assert states(_told("A rifle was in the back of the van.", "b"), label)
    assert states(_told("Police recovered it later.", "b", verbs=("find", "#group41")), label)
    assert not states(_told("The hospital gave no details of the victims.", "b"), label)


def test_who_said_it_is_not_what_two_sentences_share() -> None:
    first = _told("Police chief Anna Brandt said the two fires were not related.", "a")
    second = _told("Police chief Anna Brandt said the ferry crew was well trained.", "b")
    assert not told_words(first) & told_words(second)


def test_figure_date_and_distance_labels_name_a_doer_the_clause_writes() -> None:
    sentence = "The ferries were moored in the bay, where they have been anchored since 2019."
    fact = _fact(sentence, None, "anchor", "Harbour Lines")  # a pronoun the reader resolved
    assert date_label(sentence, _time(sentence, "2019"), fact, False) == "Date"
    sentence = "Nearly 300 fishermen had been stationed on the island since 2019."
    fact = _fact(sentence, "Nearly 300 fishermen", "station", None)
    assert date_label(sentence, _time(sentence, "2019"), fact, False) == (
        "When nearly 300 fishermen had been stationed"
    )
    sentence = "Guards at first held the crowd back but a short time later cleared the square."
    assert length_label(sentence, _fact(sentence, "short time", "clear", "square")) == "Distance"


def test_a_distance_is_how_far_only_when_the_clause_verb_gives_it() -> None:
    sentence = "The climber fell about 60 metres (200 feet) from the ridge."
    fact = _fact(sentence, "The climber", "fall", None)
    before = sentence[: sentence.index("200 feet")]
    assert length_label(sentence, fact, before) == "How far the climber fell"
    sentence = "The climber died after slipping and falling about 60 metres from the ridge."
    fact = _fact(sentence, "The climber", "die", None)
    before = sentence[: sentence.index("about 60 metres")]
    assert length_label(sentence, fact, before) == "How far the climber fell"


def test_a_distance_told_by_another_verb_says_what_it_is_of() -> None:
    sentence = "A 40-year-old Ostran diver is dead after plunging about 30 metres into a shaft."
    fact = _fact(sentence, "40-year-old Ostran diver", "be", "dead")
    before = sentence[: sentence.index("about 30")]
    assert length_label(sentence, fact, before) == "How far a 40-year-old Ostran diver plunged"
    sentence = "Mara Quill was found dead after sliding 90ft down the gully."
    fact = _fact(sentence, "Mara Quill", "find", None)
    before = sentence[: sentence.index("90ft")]
    assert length_label(sentence, fact, before) == "How far Mara Quill slid"


def test_a_figure_counted_by_another_verb_names_that_verb() -> None:
    sentence = "A baker suspected of stabbing four people at a market was arrested, police said."
    quantity = _exactly(sentence, "four", 4, "people")
    fact = _fact(sentence, None, "arrest", "baker")
    assert figure_label(sentence, 0, quantity, fact) == "Number of people stabbed"
    sentence = "An estimated 40 boats were damaged in the storm."
    quantity = _exactly(sentence, "40", 40, "boats")
    fact = _fact(sentence, None, "damage", "40 boats")
    assert figure_label(sentence, 0, quantity, fact) == "Number of boats damaged"
    sentence = "The blast destroyed the depot, leaving two workers dead."
    quantity = _exactly(sentence, "two", 2, "workers")
    fact = _fact(sentence, "The blast", "destroy", "depot")
    # the state the blast left them in tells the harm ("left one teenager dead"), not the
    # clause's "destroy"
    assert figure_label(sentence, 0, quantity, fact) == "Number of workers killed"


def test_the_group_one_is_picked_from_is_counted_without_the_ones_verb() -> None:
    sentence = "When one of the three bidders is given the floor, the others wait outside."
    quantity = _exactly(sentence, "three", 3, "bidders")
    fact = _fact(sentence, None, "give", "one of the three bidders")
    assert figure_label(sentence, 0, quantity, fact) == "Number of bidders"
    sentence = "Ida Marrow, one of four aldermen in Velmar fighting to keep a seat, spoke."
    quantity = _exactly(sentence, "four", 4, "aldermen")
    fact = _fact(sentence, "one of four aldermen in Velmar", "fight", None)
    assert figure_label(sentence, 0, quantity, fact) == "Number of aldermen"


def test_a_denied_verb_is_not_copied_into_a_count() -> None:
    sentence = "The harbour master said the two fires in the port were not related."
    quantity = _exactly(sentence, "two", 2, "fires")
    fact = _fact(sentence, None, "not relate", "two fires in the port")
    assert figure_label(sentence, 0, quantity, fact) == "Number of fires"


def test_counted_things_read_without_auxiliaries() -> None:
    sentence = "During the raid 40 rifles were found in the hold."
    quantity = _exactly(sentence, "40", 40, "rifles")
    fact = _fact(sentence, None, "find", "40 rifles")
    assert figure_label(sentence, 0, quantity, fact) == "Number of rifles found"
    sentence = "The 9,000-square-foot hall houses a library and a school."
    quantity = _exactly(sentence, "9,000", 9000, "square foot")
    assert area_label(sentence, 0, quantity) == "Area of the hall"


def test_one_counted_thing_is_labelled_as_things_counted() -> None:
    sentence = "One Velmar diver and one harbour policeman have fallen into the bay."
    for written, counted in (("One Velmar", "Velmar divers"), ("one harbour", "harbour policemen")):
        quantity = _exactly(sentence, written.split()[0], 1, counted.split()[-1])
        fact = _fact(sentence, written, "fall", None)
        label = figure_label(sentence, 0, quantity, fact)
        assert label == f"Number of {counted} who have fallen", label
    sentence = "One Velmaran and one Ostran climber have fallen into the bay."
    quantity = _exactly(sentence, "One", 1, "Velmaran")
    fact = _fact(sentence, "One Velmaran", "fall", None)
    assert figure_label(sentence, 0, quantity, fact) == "Number of Velmarans who have fallen"
    assert plural_phrase("ferry") == "ferries" and plural_phrase("coach") == "coaches"


def test_a_nationality_counted_alone_reads_in_the_plural() -> None:
    assert plural_phrase("Velmaran") == "Velmarans"
    assert plural_phrase("Ostrese") == "Ostrese" and plural_phrase("Swiss") == "Swiss"
    assert plural_phrase("Irish") == "Irish people" and plural_phrase("Dutch") == "Dutch people"
    assert plural_phrase("Englishman") == "Englishmen" and plural_phrase("gunman") == "gunmen"
    assert plural_phrase("German") == "Germans" and plural_phrase("boss") == "bosses"


def _at(sentence: str, written: str) -> Evidence:
    start = sentence.find(written)
    return Evidence("a1", start, start + len(written), written)


def _exactly(sentence: str, written: str, value: float, unit: str) -> Quantity:
    """A figure given exactly as written in the sentence (no hedge: its range is itself)."""
    return Quantity(_at(sentence, written), value, unit, None, value, value)


def _time(sentence: str, written: str) -> TimeExpression:
    return TimeExpression(_at(sentence, written), written, "year", anchored=True)


def test_a_subordinate_clause_or_a_time_is_no_label() -> None:
    sentence = "Police found him north of the hall where the fire started."
    assert statement_label(sentence, _fact(sentence, "fire", "start", None)) is None
    sentence = "Guards held the crowd back but a short time later cleared the square."
    assert statement_label(sentence, _fact(sentence, "short time", "clear", "square")) is None


@pytest.mark.parametrize("piece", ["mid", "in mid"])
def test_a_piece_of_the_date_is_no_object_of_its_verb(piece: str) -> None:
    sentence = "The withdrawal of the ferries began in mid-April 2031."
    fact = _fact(sentence, "The withdrawal of the ferries", "begin", piece)
    assert date_label(sentence, _time(sentence, "mid-April 2031"), fact, False) == (
        "When the withdrawal of the ferries began"
    )


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("The ferries were due to stay there at least until November 2031.", "November 2031"),
        ("The ferries were due to stay there no later than November 2031.", "November 2031"),
        ("The ferries were due to stay there as late as November 2031.", "November 2031"),
    ],
)
def test_a_date_label_leaves_out_the_hedge_on_its_date(sentence: str, written: str) -> None:
    obj = sentence.split("were ", 1)[1].rstrip(".")
    fact = _fact(sentence, "ferries", "be", obj)
    assert date_label(sentence, _time(sentence, written), fact, False) == (
        "When the ferries were due to stay there"
    )


def test_a_period_names_the_noun_it_dates_and_stops_at_the_clause() -> None:
    sentence = "After the 2001-2003 war, the valley became the object of a dispute."
    label = date_label(sentence, _time(sentence, "2001-2003"), None, True)
    assert label == "Years of the war"
    sentence = "They signed a truce after the 2001-2003 war over the valley."
    assert date_label(sentence, _time(sentence, "2001-2003"), None, True) == "Years of the war"


def test_a_distance_from_a_named_place_says_from_where() -> None:
    sentence = "The depot is about 40 miles (64 km) south of Port Ellis."
    fact = _fact(sentence, "The depot", "be", None)
    before, after = sentence.split("about 40 miles")
    assert length_label(sentence, fact, before, after) == "How far the depot is from Port Ellis"
    sentence = "The ferry sank 12 km north-east of Lake Vell."
    fact = _fact(sentence, "The ferry", "sink", None)
    before, after = sentence.split("12 km")
    assert length_label(sentence, fact, before, after) == "How far from Lake Vell the ferry sank"
    sentence = "The climber fell 60 metres from Mount Orr."
    fact = _fact(sentence, "The climber", "fall", None)
    before, after = sentence.split("60 metres")
    assert length_label(sentence, fact, before, after) == "How far the climber fell"
    sentence = (
        "Officers got a tip from a driver in Marlow, about 50 miles north of here, on Monday."
    )
    fact = _fact(sentence, "Officers", "get", "tip")
    before, after = sentence.split("about 50 miles")
    assert length_label(sentence, fact, before, after) == "How far away Marlow is"


def test_a_height_is_no_distance() -> None:
    sentence = "Police described him as a 5 foot, 9 inch man with short hair."
    fact = _fact(sentence, "Police", "describe", "him")
    for value in ("5 foot", "9 inch", "5"):  # the value with or without its unit
        before, after = sentence.split(value)
        assert length_label(sentence, fact, before, after) == "Height"
    sentence = "The keeper, who is 6 feet tall, walked 3 miles to the lighthouse."
    before, after = sentence.split("6 feet")
    assert length_label(sentence, _fact(sentence, "keeper", "walk", None), before, after) == (
        "Height"
    )


def test_a_doer_written_with_spaced_hyphens_is_found_and_closed_up() -> None:
    sentence = "A 41 - year - old Ostran man died on Tuesday after falling 90 meters from a ridge ."
    fact = _fact(sentence, "41-year-old Ostran man", "die", None)
    before, after = sentence.split("90 meters")
    assert length_label(sentence, fact, before, after) == "How far a 41-year-old Ostran man fell"


def test_a_distance_in_a_passive_clause_is_of_who_the_clause_is_about() -> None:
    sentence = (
        "The ferry's sinking came a day after deckhand Tomas Karn was hurt after slipping"
        " and falling 12 feet into the hold."
    )
    fact = _fact(sentence, None, "hurt", "Tomas Karn")  # the clause of the figure
    before = sentence[: sentence.index("12 feet")]
    assert length_label(sentence, fact, before) == "How far Tomas Karn fell"
    sentence = "The pier was closed after a storm, and 12 feet of rope was lost."
    assert length_label(sentence, _fact(sentence, None, "close", None), "") == "Distance"


def test_a_label_writes_the_verb_of_its_doer_not_an_earlier_one() -> None:
    sentence = "The pier was closed on Monday after the harbour crews were idle on Friday."
    fact = _fact(sentence, "harbour crews", "be", "idle")
    assert date_label(sentence, _time(sentence, "Friday"), fact, False) == (
        "When the harbour crews were idle"
    )


def test_an_object_keeps_the_article_its_sentence_writes() -> None:
    sentence = "Staff said the courier carried the parcel into the depot around 9 a.m. Tuesday."
    fact = _fact(sentence, "courier", "carry", "parcel")
    assert date_label(sentence, _time(sentence, "9 a.m. Tuesday"), fact, False) == (
        "When the courier carried the parcel"
    )


def test_a_verb_before_its_infinitive_is_no_label_alone() -> None:
    sentence = "The harbour board declined to comment on the new ferry fares."
    assert statement_label(sentence, _fact(sentence, "harbour board", "decline", None)) is None


def test_a_date_inside_a_noun_phrase_dates_that_noun_not_the_verb() -> None:
    sentence = "A court on Tuesday convicted a man charged in a June 2031 robbery at the bank."
    fact = _fact(sentence, "court", "convict", "man")
    assert date_label(sentence, _time(sentence, "June 2031"), fact, False) == "Date of the robbery"
    assert date_label(sentence, _time(sentence, "Tuesday"), fact, False) == (
        "When a court convicted a man"
    )


def test_a_count_opening_a_passive_clause_loses_its_capital() -> None:
    sentence = "Two men were wounded in a shooting on Dunmore Avenue late Saturday."
    fact = _fact(sentence, None, "wound", "Two men")
    assert date_label(sentence, _time(sentence, "late Saturday"), fact, False) == (
        "When two men were wounded"
    )


def test_a_bare_number_is_a_figure_not_a_number_of_nothing() -> None:
    sentence = "The board met on Monday and 31 voted, the chairman said."
    quantity = _exactly(sentence, "31", 31, "")
    fact = _fact(sentence, "31", "vote", None)
    # not "Figure" alone, which says nothing a reader could check: what its clause says
    assert figure_label(sentence, 0, quantity, fact) == "Figure (31 voted)"
    assert figure_label(sentence, 0, quantity, None) == "Figure"


@pytest.mark.parametrize(
    ("sentence", "written", "value", "subject", "predicate", "label"),
    [
        # ("set bail at $250,000" is "Bail": test_figures_of_one_thing.test_what_a_sum_measures)
        (
            "The judge set the deposit at $250,000.",
            "$250,000",
            250_000,
            "judge",
            "set",
            "Amount set",
        ),
        (
            "The state paid $5 million to the town.",
            "$5 million",
            5e6,
            "state",
            "pay",
            "Amount paid",
        ),
        ("The law will cost $4.2 billion.", "$4.2 billion", 4.2e9, "law", "cost", "Cost"),
        ("The bill caps fares at $40.", "$40", 40, "bill", "cap", "Amount"),
    ],
)
def test_a_sum_is_labelled_by_what_was_done_with_it_not_counted_in_dollars(
    sentence: str, written: str, value: float, subject: str, predicate: str, label: str
) -> None:
    quantity = _exactly(sentence, written, value, "dollars")
    assert figure_label(sentence, 0, quantity, _fact(sentence, subject, predicate, None)) == label


@pytest.mark.parametrize(
    ("sentence", "written", "predicate", "label"),
    [
        (
            "The governor signed the $40 million harbour repair bill and the budget.",
            "$40 million",
            "sign",
            "Amount of the harbour repair bill",
        ),
        (
            "After promising rebates worth $300 to most tenants, the mayor has hinted at limits.",
            "$300",
            "hint",
            "Amount of the rebates",
        ),
        (
            "The council will mail $250 vouchers to every household.",
            "$250",
            "mail",
            "Amount of the vouchers",
        ),
        ("The ferry line sold the $2 million boat shed.", "$2 million", "sell", "Amount sold"),
        ("The line paid 3 million euros in all.", "3 million", "pay", "Amount paid"),
        # a sum that is its clause's subject: the word after it is a verb, no thing sized
        ("Of the harbour fund, $10 million goes to schools.", "$10 million", "go", "Amount"),
        ("The mayor said $3 million covers the damage.", "$3 million", "say", "Amount said"),
        ("The council set $3 million towards the repairs.", "$3 million", "set", "Amount set"),
        ("The line paid $3 million less than it owed.", "$3 million", "pay", "Amount paid"),
    ],
)
def test_a_sum_before_the_thing_it_sizes_is_labelled_by_that_thing(
    sentence: str, written: str, predicate: str, label: str
) -> None:
    quantity = _exactly(sentence, written, 1.0, "dollars")
    fact = _fact(sentence, "someone", predicate, None)
    assert figure_label(sentence, 0, quantity, fact) == label


def test_a_length_written_before_a_noun_is_its_length_not_its_years() -> None:
    sentence = "The deal ended an 18-day government shutdown on Thursday."
    length = TimeExpression(_at(sentence, "18-day"), "P18D", "day", anchored=True)
    assert date_label(sentence, length, None, True) == "Length of the government shutdown"
    years = "After the 1991-1993 war the region was split."
    war = TimeExpression(_at(years, "1991-1993"), "1991/1993", "year", anchored=True)
    assert date_label(years, war, None, True) == "Years of the war"


def test_a_verb_cut_before_the_complement_it_needs_is_no_complete_label() -> None:
    sentence = "The audit prompted Mayor Dovrel to send a letter to the council."
    fact = _fact(sentence, "audit", "prompt", "Mayor Dovrel")
    assert statement_label(sentence, fact, complete=True) is None
    sentence = "A harbour official assured that the ferry was safe."
    fact = _fact(sentence, "harbour official", "assure", None)
    assert statement_label(sentence, fact, complete=True) is None
    sentence = "The Kessin council kept debating the bridge tolls."
    fact = _fact(sentence, "Kessin council", "keep", None)
    assert statement_label(sentence, fact, complete=True) is None


def test_an_object_sent_to_a_place_or_a_verb_before_a_time_is_a_complete_label() -> None:
    sentence = "Rescuers carried the climber to the hut before dusk."
    fact = _fact(sentence, "Rescuers", "carry", "climber")
    assert statement_label(sentence, fact, complete=True) == "Rescuers carried the climber"
    sentence = "Anton Reyes died during the night."
    fact = _fact(sentence, "Anton Reyes", "die", None)
    assert statement_label(sentence, fact, complete=True) == "Anton Reyes died"
    sentence = "Lena Ward is the ideal choice to lead the crew."
    fact = _fact(sentence, "Lena Ward", "be", "ideal choice")
    assert statement_label(sentence, fact, complete=True) == "Lena Ward is the ideal choice"


def test_a_group_whose_clause_stops_before_its_complement_shows_the_sentence() -> None:
    text = "The audit prompted Mayor Dovrel to send a letter to the council."
    first = Statement(
        0,
        "a",
        "a",
        Unit(Evidence("a", 0, len(text), text)),
        0,
        frozenset(),
        frozenset(),
        (),
        (),
        (_fact(text, "audit", "prompt", "Mayor Dovrel"),),
    )
    about, (statement, fact) = labelled([first])
    assert about == "The audit prompted Mayor Dovrel to send a letter to the council"
    assert statement is first and fact is not None and fact.predicate == "prompt"


def test_the_clause_label_of_a_quotation_is_its_words_without_the_speaker() -> None:
    assert clause_label(
        '"The pier will be rebuilt before the winter storms," said Ona Brisk, the harbour'
        " master, who has run the port of Port Ellis since 2019."
    ) == ("The pier will be rebuilt before the winter storms")
    assert clause_label(
        '"We will not reopen the ferry line this year," Brisk said after the vote on Monday.'
    ) == ("We will not reopen the ferry line this year")
    # too few quoted words to say anything: the sentence stays
    assert clause_label('"Anna," he said, "the pier will be rebuilt."').startswith("Anna")


def test_a_clause_label_keeps_no_lone_quotation_mark() -> None:
    assert clause_label('The aim, she said, is "a pier that outlasts the storms.') == (
        "The aim, she said, is a pier that outlasts the storms"
    )
    assert clause_label('The board called it "a fair price" on Monday.') == (
        'The board called it "a fair price" on Monday'
    )


@pytest.mark.parametrize(
    ("sentence", "written", "value", "unit", "subject", "predicate", "obj", "label"),
    [
        # a light verb says nothing of the things counted: no "Number of voters who are"
        (
            "Over 40,000 voters are eligible in the Vellmark ward.",
            "Over 40,000",
            40000,
            "voters",
            "Over 40,000 voters",
            "be",
            None,
            "Number of voters",
        ),
        # a figure joined to its noun counts that noun, whatever the clause does
        (
            "The 90-seat council of Dornhavel met on Friday.",
            "90",
            90,
            "seat",
            "The 90-seat council",
            "meet",
            None,
            "Number of seats",
        ),
        # "one-on-one" counts nothing
        (
            "Mayor Ilse Varg held a one-on-one meeting with the envoy.",
            "one",
            1,
            "on-one",
            "Mayor Ilse Varg",
            "hold",
            "a one-on-one meeting",
            "Figure (Mayor Ilse Varg held a one-on-one meeting)",
        ),
        # "one used by ...": a verb's form, not a thing counted
        (
            "Two depots, one used by the ferry line, burned.",
            "one",
            1,
            "used",
            "one",
            "use",
            None,
            "Figure",
        ),
        # a speech verb before the figure is not what was done to the things counted
        (
            "The governor of Korsby said five villages were flooded.",
            "five",
            5,
            "villages",
            "five villages",
            "flood",
            None,
            "Number of villages that were flooded",
        ),
        # the clause's verb written as a simple past is said as a participle
        (
            "Rioters threw two bottles at the Brannock courthouse.",
            "two",
            2,
            "bottles",
            "Rioters",
            "throw",
            "two bottles",
            "Number of bottles thrown",
        ),
    ],
)
def test_a_count_label_is_a_plain_noun_phrase(
    sentence: str,
    written: str,
    value: float,
    unit: str,
    subject: str,
    predicate: str,
    obj: str | None,
    label: str,
) -> None:
    quantity = _exactly(sentence, written, value, unit)
    assert figure_label(sentence, 0, quantity, _fact(sentence, subject, predicate, obj)) == label


def test_a_date_label_says_what_happened_then_across_the_clause_around_it() -> None:
    # the reader's object may run on into the date; "When" already says it
    sentence = "Mayor Ilse Varga opened talks with the ferry union on Tuesday."
    fact = _fact(sentence, "Ilse Varga", "open", "talks with the ferry union on Tuesday")
    assert date_label(sentence, _time(sentence, "Tuesday"), fact, False) == (
        "When Ilse Varga opened talks with the ferry union"
    )
    # a fuller name than the clause writes: its last word, as written
    sentence = "Varga visited the flooded quarter in November."
    fact = _fact(sentence, "Ilse Varga", "visit", "flooded quarter")
    assert date_label(sentence, _time(sentence, "November"), fact, False) == (
        "When Varga visited the flooded quarter"
    )
    # a doer its verb follows across ", which" or a participle's phrase
    sentence = "Lights failed across Marrow Bay after the storm, which struck on Sunday."
    fact = _fact(sentence, "storm", "strike", "on Sunday")
    assert date_label(sentence, _time(sentence, "Sunday"), fact, False) == "When the storm struck"
    sentence = "A storm packing gusts of 90 mph flattened the pier at Dunmore in March."
    fact = _fact(sentence, "storm", "flatten", "pier at Dunmore")
    assert date_label(sentence, _time(sentence, "March"), fact, False) == (
        "When a storm flattened the pier at Dunmore"
    )


def test_a_date_label_never_stops_on_a_word_that_needs_more() -> None:
    sentence = "The harbour board plans to vote on the levy in May."
    fact = _fact(sentence, "harbour board", "plan", None)
    # not "When the harbour board plans": the label goes on with what it plans
    assert date_label(sentence, _time(sentence, "May"), fact, False) == (
        "When the harbour board plans to vote on the levy"
    )
    sentence = "The harbour board plans to vote on the levy, the proposal for May."
    assert date_label(sentence, _time(sentence, "May"), fact, False) == "Date"
    sentence = "Injured on Sunday, the keeper was flown to Ostrava."
    fact = _fact(sentence, None, "injure", None)
    assert date_label(sentence, _time(sentence, "Sunday"), fact, False) == "Date"


def test_a_date_label_leaves_out_the_other_date_of_a_stretch() -> None:
    sentence = "Bookings will run from May 3 to June 9."
    fact = _fact(sentence, "Bookings", "run", "from May 3")
    assert date_label(sentence, _time(sentence, "June 9"), fact, False) == "When bookings will run"


def test_a_date_label_lowers_a_common_noun_that_opened_the_sentence() -> None:
    sentence = "Inspectors closed the Corvane mill on Monday."
    fact = replace(_fact(sentence, "Inspectors", "close", "Corvane mill"), entities=("Corvane",))
    assert date_label(sentence, _time(sentence, "Monday"), fact, False) == (
        "When inspectors closed the Corvane mill"
    )
    sentence = "Halvorsen closed the mill on Monday."
    fact = replace(_fact(sentence, "Halvorsen", "close", "mill"), entities=("Halvorsen",))
    assert date_label(sentence, _time(sentence, "Monday"), fact, False) == (
        "When Halvorsen closed the mill"
    )


def test_a_date_label_keeps_an_object_that_looks_like_a_verb() -> None:
    sentence = "The dispatchers got a call from the quarry at dawn on Friday."
    fact = _fact(sentence, "dispatchers", "get", "call from the quarry at dawn on Friday")
    assert date_label(sentence, _time(sentence, "Friday"), fact, False) == (
        "When the dispatchers got a call from the quarry at dawn"
    )
    sentence = "Oyelaran made her only error of the third set."
    fact = _fact(sentence, "Oyelaran", "make", "her only error of the third set")
    assert date_label(sentence, _time(sentence, "third set"), fact, False) == (
        "When Oyelaran made her only error"
    )


def test_a_passive_date_label_names_the_patient_by_the_surname_the_clause_writes() -> None:
    sentence = "Varnholt was sentenced on Friday to eight years in prison."
    fact = _fact(sentence, None, "sentence", "Tomas Varnholt")  # the reader's full name
    assert date_label(sentence, _time(sentence, "Friday"), fact, False) == (
        "When Varnholt was sentenced"
    )
    sentence = "Mr. Varnholt was arrested shortly before midnight near the quay."
    fact = _fact(sentence, None, "arrest", "Tomas Varnholt")
    assert date_label(sentence, _time(sentence, "midnight"), fact, False) == (
        "When Varnholt was arrested"
    )


def test_a_date_label_leaves_out_an_aside_between_the_doer_and_its_verb() -> None:
    sentence = "Varnholt, the quay's longtime harbour master, died in hospital on Monday."
    fact = _fact(sentence, "Tomas Varnholt", "die", "in hospital")
    assert date_label(sentence, _time(sentence, "Monday"), fact, False) == (
        "When Varnholt died in hospital"
    )
    sentence = "Varnholt, who gave his trade as a net mender, was sentenced on Friday."
    fact = _fact(sentence, None, "sentence", "Tomas Varnholt")
    assert date_label(sentence, _time(sentence, "Friday"), fact, False) == (
        "When Varnholt was sentenced"
    )
    # a date of the aside itself dates no verb after it
    sentence = "Varnholt, a candidate for harbour master this year, came to the quay."
    fact = _fact(sentence, "Tomas Varnholt", "come", "to quay")
    assert date_label(sentence, _time(sentence, "this year"), fact, False) == "Date"


def test_a_date_label_is_not_one_of_two_doers_nor_a_passive_wanting_its_infinitive() -> None:
    sentence = "Mayor Lund and Ina Brek, her deputy, opened the bridge on Tuesday."
    fact = _fact(sentence, "Ina Brek", "open", "bridge")
    assert date_label(sentence, _time(sentence, "Tuesday"), fact, False) == "Date"
    sentence = "Varnholt is set to testify on Monday before the harbour board."
    fact = _fact(sentence, None, "set", "Tomas Varnholt")
    # never "When Varnholt is set": the passive keeps its infinitive ("Date" until the
    # complement was kept before a weekday written with "on")
    assert date_label(sentence, _time(sentence, "Monday"), fact, False) == (
        "When Varnholt is set to testify"
    )
    sentence = "Varnholt, the harbour master, and Lund met the envoy on Monday."
    fact = _fact(sentence, "Varnholt", "meet", "envoy")
    assert date_label(sentence, _time(sentence, "Monday"), fact, False) != (
        "When Varnholt met the envoy"
    )


def test_counted_things_take_that_and_counted_people_who() -> None:
    sentence = "Two council boards delayed the vote on the Marrowby harbour plan."
    quantity = _exactly(sentence, "Two", 2, "boards")
    fact = _fact(sentence, "Two council boards", "delay", "vote")
    assert figure_label(sentence, 0, quantity, fact) == "Number of council boards that delayed"
    sentence = "Three aldermen delayed the vote on the Marrowby harbour plan."
    quantity = _exactly(sentence, "Three", 3, "aldermen")
    fact = _fact(sentence, "Three aldermen", "delay", "vote")
    assert figure_label(sentence, 0, quantity, fact) == "Number of aldermen who delayed"
    sentence = "Forty trees blocked the road to the Marrowby harbour."
    quantity = _exactly(sentence, "Forty", 40, "trees")
    fact = _fact(sentence, "Forty trees", "block", "road")
    assert figure_label(sentence, 0, quantity, fact) == "Number of trees that blocked"


def test_the_agent_of_a_passive_is_counted_with_the_active_verb() -> None:
    sentence = "The mayor of Velmar was welcomed by nearly 300 dockers at the quay."
    quantity = _exactly(sentence, "300", 300, "dockers")
    fact = _fact(sentence, "nearly 300 dockers", "welcome", "mayor of Velmar")
    assert figure_label(sentence, 0, quantity, fact) == "Number of dockers who welcomed"


@pytest.mark.parametrize(
    "sentence, subject, predicate, written, value, unit, label",
    [
        (
            "The Brenmoor index fell by 2.4% to 3120.50 on Tuesday.",
            "Brenmoor index",
            "fall",
            "2.4%",
            2.4,
            "percent",
            "Change in the Brenmoor index",
        ),
        (
            "The Brenmoor index fell by 2.4% to 3120.50 on Tuesday.",
            "Brenmoor index",
            "fall",
            "3120.50",
            3120.5,
            "",
            "Level of the Brenmoor index",
        ),
        (
            "The main regional index, the Kestrel 40, dropped 51.3 points in early trading.",
            "main regional index",
            "drop",
            "51.3",
            51.3,
            "points",
            "Change in the main regional index",
        ),
        (
            "The Varlo Composite was up 1.9% at noon, an increase of 42.7.",
            "Varlo Composite",
            "be",
            "42.7",
            42.7,
            "",
            "Change in the Varlo Composite",
        ),
        (
            "The Varlo Composite currently has a value of 9120.40 points.",
            "Varlo Composite",
            "have",
            "9120.40",
            9120.4,
            "points",
            "Level of the Varlo Composite",
        ),
    ],
)
def test_a_move_of_a_named_thing_is_labelled_by_that_thing(
    sentence: str, subject: str, predicate: str, written: str, value: float, unit: str, label: str
) -> None:
    # "Share (percent)" or a bare "Figure" says neither what moved nor whether it is the
    # move or the level reached
    quantity = _exactly(sentence, written, value, unit)
    fact = _fact(sentence, subject, predicate, None)
    assert figure_label(sentence, 0, quantity, fact) == label


def test_a_share_told_without_a_move_keeps_its_label() -> None:
    sentence = "Nearly 30% of the orchard growers sold their crop early."
    quantity = _exactly(sentence, "30%", 30, "percent")
    fact = _fact(sentence, "Nearly 30% of the orchard growers", "sell", "crop")
    assert not figure_label(sentence, 0, quantity, fact).startswith(("Change", "Level"))


def test_what_figures_make_up_or_a_figured_doer_tell_no_move() -> None:
    sentence = "The 900 posts, which make up 12 percent of the staff, will go."
    quantity = _exactly(sentence, "12 percent", 12, "percent")
    fact = _fact(sentence, "900 posts", "make up", "12 percent of the staff")
    assert not figure_label(sentence, 0, quantity, fact).startswith("Change")
    sentence = "The club said 14 of its 300 members lost money."
    quantity = _exactly(sentence, "14", 14, "")
    fact = _fact(sentence, "14 of its 300", "lose", "money")
    assert not figure_label(sentence, 0, quantity, fact).startswith("Change")


@pytest.mark.parametrize("written", ["0930 GMT", "14:05 UTC", "7:15 p.m."])
def test_a_clock_time_without_its_day_is_no_date(written: str) -> None:
    sentence = f"At {written}, the exchange in Dorvale reopened."
    time = TimeExpression(_at(sentence, written), "2031-03-04T09:30", "day", anchored=True)
    assert date_label(sentence, time, None, False) == "Time of day"
    dated = "On Friday, the exchange in Dorvale reopened."
    friday = TimeExpression(_at(dated, "Friday"), "2031-03-04", "day", anchored=True)
    assert date_label(dated, friday, None, False) == "Date"


@pytest.mark.parametrize(
    "sentence, written",
    [
        ("The index was 2% lower than at the start of the day as of noon.", "day"),
        ("The mayor said that today Harlow is going to vote.", "today"),
        ("Prices dipped earlier in the day before rallying at the close.", "day before"),
        ("Analysts said the second quarter of this year could see a profit.", "second quarter"),
        ("Farmers in Dorvale fear the falling price of wheat.", "fall"),
    ],
)
def test_a_date_followed_by_a_clause_dates_no_noun(sentence: str, written: str) -> None:
    # "Date of the as", "Date of the could see": what follows the date is no noun of it
    time = TimeExpression(_at(sentence, written), "2031-03-04", "day", anchored=True)
    assert not date_label(sentence, time, None, False).startswith("Date of the")


def test_a_date_before_its_noun_still_dates_the_noun() -> None:
    sentence = "Lawyers cited the 2029 settlement reached by both firms."
    assert date_label(sentence, _time(sentence, "2029"), None, False) == "Date of the settlement"


def test_a_participle_before_its_noun_stays_in_the_phrase() -> None:
    sentence = "She began the 30-day court ordered stint in Dorvale."
    time = TimeExpression(_at(sentence, "30-day"), "P30D", "duration", anchored=True)
    assert date_label(sentence, time, None, False) == "Length of the court ordered stint"


# ------------------------------------------------ what a date no clause label names is of


def test_a_period_a_participle_of_lasting_ties_to_a_noun_names_its_years() -> None:
    sentence = (
        "The long Harwick strike, spanning the late 60s and early 70s, ended with a pay deal."
    )
    fact = _fact(sentence, "long Harwick strike", "end", "with pay deal")
    for written in ("late 60s", "early 70s"):
        assert date_label(sentence, _time(sentence, written), fact, False) == (
            "Years of the long Harwick strike"
        )


@pytest.mark.parametrize(
    ("sentence", "written", "label"),
    [
        ("Critics were unhappy with this year's master of ceremonies.", "this year",
         "Year of the master of ceremonies"),
        ("Orrin Pell to Host Next Year’s Regatta", "Next Year", "Year of the Regatta"),
        ("Anyone who saw this morning's fire is asked to call.", "this morning",
         "Date of the fire"),
    ],
)  # fmt: skip
def test_a_date_that_owns_a_noun_dates_that_noun(sentence: str, written: str, label: str) -> None:
    assert date_label(sentence, _time(sentence, written), None, False) == label


@pytest.mark.parametrize(
    ("sentence", "predicate", "obj", "written", "label"),
    [
        (
            "The ferries stayed under a truce between Harwick and Brenholt, signed in May 2030.",
            "sign", "in May 2030", "May 2030",
            "When the truce between Harwick and Brenholt was signed",
        ),
        (
            "This marked the end of a mission launched by the council in the fall of 2030.",
            "launch", "in fall of 2030", "fall of 2030",
            "When the mission was launched by the council",
        ),
        (
            "A vote was held, the ruling of the Westbury Election Board released on Friday said.",
            "release", "on Friday", "Friday",
            "When the ruling of the Westbury Election Board was released",
        ),
    ],
)  # fmt: skip
def test_a_participle_right_before_a_date_tells_what_was_done_to_its_noun(
    sentence: str, predicate: str, obj: str, written: str, label: str
) -> None:
    fact = _fact(sentence, None, predicate, obj)
    assert date_label(sentence, _time(sentence, written), fact, False) == label


def test_a_participle_after_an_auxiliary_is_no_noun_s() -> None:
    # "a ferry transfer was seized": the clause's own passive, whose patient is far before
    sentence = "A man who fled during a ferry transfer was seized Monday by the coastguard."
    fact = _fact(sentence, None, "seize", "man")
    assert date_label(sentence, _time(sentence, "Monday"), fact, False) == "Date"


def test_a_relative_clause_s_object_is_what_its_date_dates() -> None:
    sentence = "The council sold the three old mills that it had bought in the 1970s."
    fact = _fact(sentence, "council", "buy", "that")
    assert date_label(sentence, _time(sentence, "1970s"), fact, False) == (
        "When the old mills were bought"
    )


def test_a_doer_the_reader_wrote_without_its_articles_is_found_as_written() -> None:
    sentence = "On May 1, 2031, the flood and the following storm destroyed the Marrowby pier."
    fact = _fact(sentence, "flood and following storm", "destroy", "Marrowby pier")
    assert date_label(sentence, _time(sentence, "May 1, 2031"), fact, False) == (
        "When the flood and the following storm destroyed the Marrowby pier"
    )


def test_what_is_only_said_to_be_at_a_date_is_what_the_date_is_of() -> None:
    sentence = "The final was in May 2031."
    fact = _fact(sentence, "final", "be", "in May 2031")
    assert date_label(sentence, _time(sentence, "May 2031"), fact, False) == "Date of the final"
    sentence = "Witnesses said there were sounds of gunfire around 10:30."
    fact = _fact(sentence, "there", "be", "sounds of gunfire")
    assert date_label(sentence, _time(sentence, "10:30"), fact, False) == (
        "When there were sounds of gunfire"
    )
    # the date is inside what there was: "a midnight rule" is no time of the rule
    sentence = "There was no word on another so-called midnight rule that lifted the cap."
    fact = _fact(sentence, "There", "be", "no word on another so-called midnight rule")
    assert date_label(sentence, _time(sentence, "midnight"), fact, False) == "Date"


def test_a_date_that_ends_a_subordinate_clause_dates_that_clause() -> None:
    sentence = "He said the guards seemed idle after Harwick reopened the old port last year."
    fact = _fact(sentence, "the guards", "seem", "idle")
    assert date_label(sentence, _time(sentence, "last year"), fact, False) == (
        "When Harwick reopened the old port"
    )


def test_a_noun_in_a_preposition_s_phrase_before_a_date_is_what_it_dates() -> None:
    sentence = (
        "The ferries are leaving the bay, where they have been moored as a breakwater since the "
        "end of a strike in 2030, officials said."
    )
    fact = _fact(sentence, None, "moor", "Lindale")
    assert date_label(sentence, _time(sentence, "2030"), fact, False) == "Date of the strike"
    # "a team of divers on Sunday": who acted, not what the date is of
    sentence = "The hull was raised by a team of divers on Sunday."
    fact = _fact(sentence, "team of divers", "raise", "The hull")
    assert date_label(sentence, _time(sentence, "Sunday"), fact, False) != "Date of the divers"


def test_a_guess_is_not_made_when_not_asked_for() -> None:
    sentence = "The final was in May 2031."
    fact = _fact(sentence, "final", "be", "in May 2031")
    assert date_label(sentence, _time(sentence, "May 2031"), fact, False, guessing=False) == "Date"


def test_a_verb_that_goes_on_with_a_gerund_keeps_it_as_far_as_the_date() -> None:
    sentence = "But Harwick began blocking the road in late 2030, officials said."
    fact = _fact(sentence, "Harwick", "begin", None)
    assert date_label(sentence, _time(sentence, "late 2030"), fact, False) == (
        "When Harwick began blocking the road"
    )
    # the date inside the gerund's noun phrase ("his first 100 days"): no complement taken
    sentence = "The mayor prepares to mark his first 100 days in office."
    fact = _fact(sentence, "mayor", "prepare", None)
    days = TimeExpression(_at(sentence, "100 days"), "P100D", "duration", anchored=True)
    assert "first" not in date_label(sentence, days, fact, False).split()[-1:]


def test_a_share_s_whole_and_the_clause_acting_on_it_name_the_share() -> None:
    sentence = "Harwick took control of roughly 60 percent of the valley's farmland."
    quantity = Quantity(_at(sentence, "roughly 60 percent"), 60, "percent", "roughly", 55, 65)
    fact = _fact(sentence, "Harwick", "take", "control of roughly 60 percent of farmland")
    assert figure_label(sentence, 0, quantity, fact) == (
        "Share of the valley's farmland that Harwick took control of"
    )


# ------------------------------------------------ a sentence as a label: its main clause


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # a connective before the subject is no part of what is stated
        ("Accordingly, the board announced the closure of its Lindale depot.",
         "The board announced the closure of its Lindale depot"),
        ("But the ferries called it off only months before the season.",
         "The ferries called it off only months before the season"),
        # too long whole: an aside between commas, then the clause goes on with its verb
        ("The levy, which was first proposed by the harbour council in the spring of 2029, "
         "had been approved by the mayor of Harwick and the harbour council of Brenholt.",
         "The levy had been approved by the mayor of Harwick and the harbour council of Brenholt"),
        # too long whole: a closing participle's phrase
        ("Nearly all of the 4,000 workers of the valley's mills left for Brenholt, fearing the "
         "floods and the cold.",
         "Nearly all of the 4,000 workers of the valley's mills left for Brenholt"),
        # an opening phrase that names a place stays ("Marchmont" is no month)
        ("In Marchmont, the ferry crews of the harbour board walked off the job for the third "
         "time in a single month this spring.",
         "In Marchmont, the ferry crews of the harbour board walked off the job for the third…"),
        # short enough whole: the aside and the opening phrase are kept
        ("In 2029, the ferry, which is owned by the council, sank.",
         "In 2029, the ferry, which is owned by the council, sank"),
    ],
)  # fmt: skip
def test_a_sentence_as_a_label_says_its_main_clause(sentence: str, label: str) -> None:
    assert clause_label(sentence) == label


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # too long whole: a closing adjunct, then a participle's aside
        ("The harbour board withdrew its last ferry crews from the Lindale quays following the "
         "collapse of the sea wall and the flooding of the town.",
         "The harbour board withdrew its last ferry crews from the Lindale quays"),
        ("Orrin Pell said the closure, accompanied by the loss of the ferry licence to Harwick, "
         "is a setback for the port's trade.",
         "Orrin Pell said the closure is a setback for the port's trade"),
        # the adjunct holds the clause's own verb, or counts from a time: kept (then cut)
        ("The ferry captain who retired from the Lindale line after 2029 was unaware of the "
         "rules that the board had set for the crews.",
         "The ferry captain who retired from the Lindale line after 2029 was unaware of the "
         "rules…"),
    ],
)  # fmt: skip
def test_a_long_sentence_as_a_label_loses_its_adjuncts(sentence: str, label: str) -> None:
    assert clause_label(sentence) == label


def test_a_sentence_a_few_words_over_the_length_is_shown_whole() -> None:
    # 19 words: cut at 16 it lost the end of its last phrase ("… for flooded…")
    sentence = (
        "In Eastford, dock workers gathered outside the harbour office on Monday to demand "
        "compensation for flooded warehouses and ruined stock."
    )
    assert clause_label(sentence) == sentence.rstrip(".")
    longer = sentence.replace("ruined stock", "the ruined stock of the Lindale mills")
    assert clause_label(longer).endswith("…")  # 23 words: cut


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("The new levy would have given the harbour board of Harwick a great deal of power, but "
         "it would have cost the ferry crews most of their rights.",
         "The new levy would have given the harbour board of Harwick a great deal of power"),
        ("Revenue at the Lindale plant rose sharply over the whole of the last quarter of the "
         "year; costs at the Westbury site fell.",
         "Revenue at the Lindale plant rose sharply over the whole of the last quarter of the year"),
        # ", and" also ends a list: no second clause is cut there
        ("The Talvanian crews withdrew all their boats, trucks, cranes, and pumps from the "
         "quays of Lindale and Brenholt and the Westbury yards.",
         "The Talvanian crews withdrew all their boats, trucks, cranes, and pumps from the quays "
         "of Lindale…"),
    ],
)  # fmt: skip
def test_a_long_sentence_of_two_clauses_is_labelled_by_its_first(sentence: str, label: str) -> None:
    assert clause_label(sentence) == label


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # the saying's day and its "that" leave a long label
        ("The harbour board of Lindale said on Thursday night that the ferry crews had taken "
         "down most of their pumps on the old quays.",
         "The harbour board of Lindale said the ferry crews had taken down most of their pumps "
         "on the old quays"),
        # an editor's words in brackets and a closing date leave a label too long whole
        ('"The removal of the pumps, cranes, and trucks of the Talvanian crews [at the quays] '
         'from Brenholt and Lindale was completed on June 14," the board said.',
         "The removal of the pumps, cranes, and trucks of the Talvanian crews from Brenholt and "
         "Lindale was completed"),
        # short enough whole: the brackets and the date stay
        ("The crews [of Talvania] left Brenholt on June 14.",
         "The crews [of Talvania] left Brenholt on June 14"),
    ],
)  # fmt: skip
def test_a_long_label_loses_the_saying_s_day_an_editor_s_words_and_a_closing_date(
    sentence: str, label: str
) -> None:
    assert clause_label(sentence) == label


def test_a_date_s_clause_is_shown_whole_up_to_the_length_of_a_sentence_label() -> None:
    sentence = (
        "On January 1, 2029, the winter storm and the spring tides closed the ferry terminals "
        "of the Lindale harbour board."
    )
    doer, closed = (
        "winter storm and the spring tides",
        "ferry terminals of the Lindale harbour board",
    )
    fact = _fact(sentence, doer, "close", closed)
    assert date_label(sentence, _time(sentence, "January 1, 2029"), fact, False) == (
        "When the winter storm and the spring tides closed the ferry terminals of the Lindale "
        "harbour board"
    )


def test_an_aside_is_kept_when_the_clause_does_not_go_on_with_its_verb() -> None:
    # ", where ..., took": the aside ends a list, not the subject's phrase
    sentence = (
        "During the escape, Orrin Pell forced the two guards to drive to Lindmouth, Eastford, "
        "which is near the coast, and took their keys and one of their uniforms."
    )
    assert "Lindmouth, Eastford" in clause_label(sentence)
    assert "Eastford and took" not in clause_label(sentence)


def test_a_date_of_a_pronoun_s_clause_is_labelled_with_the_pronoun_as_written() -> None:
    sentence = "In 1992, she left a Lindale clinic after two years."
    fact = _fact(sentence, "Tamsin Vale", "leave", "Lindale clinic")  # the reader's name
    assert date_label(sentence, _time(sentence, "1992"), fact, False) == (
        "When she left a Lindale clinic"
    )
    # the date is another clause's: none
    sentence = "After resurfacing in the 1990s, she granted interviews."
    fact = _fact(sentence, "Tamsin Vale", "grant", "interviews")
    assert date_label(sentence, _time(sentence, "1990s"), fact, False) == "Date"
    sentence = "She is a patient at the clinic, having left the ward on Thursday."
    fact = _fact(sentence, "Tamsin Vale", "be", "patient at clinic")
    assert date_label(sentence, _time(sentence, "Thursday"), fact, False) == "Date"
    # a clause label a name gives is still preferred: no guess is made
    sentence = "Tamsin Vale left a Lindale clinic in 1992."
    fact = _fact(sentence, "Tamsin Vale", "leave", "Lindale clinic")
    assert date_label(sentence, _time(sentence, "1992"), fact, False) == (
        "When Tamsin Vale left a Lindale clinic"
    )


def test_a_date_inside_a_noun_phrase_with_a_possessive_or_a_hyphened_word() -> None:
    sentence = "Vale wore a hat in the Ledger's January 2031 cover."
    assert date_label(sentence, _time(sentence, "January 2031"), None, False) == (
        "Date of the cover"
    )
    sentence = "Tamsin Vale, the 1950s pin-up queen, died on Thursday."
    assert date_label(sentence, _time(sentence, "1950s"), None, False) == (
        "Date of the pin-up queen"
    )
    sentence = "He was driving his 2031 Harwick coupe about 1 a.m. Sunday."
    assert date_label(sentence, _time(sentence, "2031"), None, False) == "Date of the Harwick coupe"
    sentence = "Her breakdown in 2029 after the flood led to a long stay in Marrowby."
    assert date_label(sentence, _time(sentence, "2029"), None, False) == "Date of the breakdown"


def test_a_bare_noun_object_keeps_its_of_phrase_in_a_statement_label() -> None:
    sentence = "Harwick took control of most of the valley's farms after the vote."
    assert statement_label(sentence, _fact(sentence, "Harwick", "take", "control")) == (
        "Harwick took control of most of the valley's farms"
    )


def test_a_counted_noun_s_verb_that_needs_more_keeps_its_infinitive_or_is_left_out() -> None:
    sentence = "Twelve other people managed to escape through a side door."
    quantity = _exactly(sentence, "Twelve", 12, "people")
    fact = _fact(sentence, "Twelve other people", "manage", None)
    assert figure_label(sentence, 0, quantity, fact) == (
        "Number of other people who managed to escape"
    )
    sentence = "Twelve other people managed, somehow, with the boats gone."
    quantity = _exactly(sentence, "Twelve", 12, "people")
    assert figure_label(sentence, 0, quantity, fact) == "Number of other people"


def test_a_share_named_as_the_value_of_a_measure_is_labelled_by_the_measure() -> None:
    sentence = "Tests at the Lindale clinic found a blood alcohol level of about 0.19 percent."
    quantity = _exactly(sentence, "0.19 percent", 0.19, "percent")
    assert figure_label(sentence, 0, quantity, None) == "Blood alcohol level"


def test_an_update_of_a_happening_at_two_stages_is_labelled_by_the_happening() -> None:
    begun = "The evacuation of the Lindale quays has begun."
    done = "The harbour board announced the completion of the evacuation."
    told = [
        (done, _fact(done, "harbour board", "announce", "completion of evacuation")),
        (begun, _fact(begun, "evacuation of the Lindale quays", "begin", None)),
    ]
    assert stage_label(told) == "Stage of the evacuation of the Lindale quays"
    # a person's start is no happening's stage
    sentence = "The new harbour master began on Monday."
    assert stage_label([(sentence, _fact(sentence, "new harbour master", "begin", None))]) is None


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # a label too long whole ends before the last phrase that opens within its words
        ("Police said as many as 3,000 people marched through the streets of Harwick as rallies "
         "all over Talvania turned violent on the third night of protests.",
         "Police said as many as 3,000 people marched through the streets of Harwick"),
        ("The fire started on Friday night in the old Harwick chapel while a handful of people, "
         "including a choir and two wardens, were inside it for a long rehearsal.",
         "The fire started on Friday night in the old Harwick chapel"),
        # no cut leaves an aside open, a verb's own word behind ("put up | along"), or a
        # list short: the label is cut with "…"
        ("Tamsin Vale, the Lindale harbour master who many credit with saving the old quays "
         "from the storm of 2029, will be honoured by the harbour board next spring.",
         "Tamsin Vale, the Lindale harbour master who many credit with saving the old quays "
         "from the…"),
        ("The harbour board said the ferry crews had taken down most of the pumps they had put "
         "up along the old quays of Lindale before the storm that closed the port.",
         "The harbour board said the ferry crews had taken down most of the pumps they had…"),
        ("Orrin Pell, 37, was found guilty last month of murdering a clerk, a guard, a driver "
         "and two wardens at the Harwick courthouse in the spring of 2029.",
         "Orrin Pell, 37, was found guilty last month of murdering a clerk, a guard, a driver…"),
    ],
)  # fmt: skip
def test_a_long_label_ends_before_a_phrase_where_it_reads_whole(sentence: str, label: str) -> None:
    assert clause_label(sentence) == label


def test_a_name_the_clause_writes_as_its_common_noun_is_the_doer() -> None:
    # the reader takes "The storm" for the storm named in an earlier sentence
    sentence = "The storm made landfall on Tuesday evening near Eastford."
    fact = _fact(sentence, "Storm Talvane", "make", "landfall")
    assert date_label(sentence, _time(sentence, "Tuesday evening"), fact, False) == (
        "When the storm made landfall"
    )
    sentence = "The blaze began on Saturday afternoon near a campground."
    fact = _fact(sentence, "Harwick Blaze", "begin", None)
    assert date_label(sentence, _time(sentence, "Saturday afternoon"), fact, False) == (
        "When the blaze began"
    )
    # "a storm" is another storm than the one named
    sentence = "A storm made landfall on Tuesday evening near Eastford."
    fact = _fact(sentence, "Storm Talvane", "make", "landfall")
    assert date_label(sentence, _time(sentence, "Tuesday evening"), fact, False) == "Date"


def test_a_hyphened_adjective_ending_in_ing_is_no_gerund() -> None:
    sentence = "A fast-spreading blaze destroyed the old mill near Morvane on Sunday."
    fact = _fact(sentence, "fast-spreading blaze", "destroy", "old mill near Morvane")
    assert date_label(sentence, _time(sentence, "Sunday"), fact, False) == (
        "When a fast-spreading blaze destroyed the old mill near Morvane"
    )


def test_a_date_of_the_second_of_two_verbs_sharing_a_doer() -> None:
    sentence = "The Harwick Fire grew to 9,000 acres overnight and was 15% contained on Monday."
    fact = _fact(sentence, "Harwick Fire", "be", "15% contained")
    assert date_label(sentence, _time(sentence, "Monday"), fact, False) == (
        "When the Harwick Fire was 15% contained"
    )
    # the date in the first verb's phrase is that phrase's, not the second's
    sentence = "The Harwick Fire grew on Monday to 9,000 acres and was 15% contained."
    assert date_label(sentence, _time(sentence, "Monday"), fact, False) == "Date"


def test_a_weekday_after_on_keeps_the_verbs_complement() -> None:
    sentence = "The harbour master began dredging the channel on Monday."
    fact = _fact(sentence, "harbour master", "begin", None)
    assert date_label(sentence, _time(sentence, "Monday"), fact, False) == (
        "When the harbour master began dredging the channel"
    )


def test_a_date_before_its_clause_keeps_the_infinitive_up_to_the_next_clause() -> None:
    sentence = "On May 2, the council allowed traders to reopen the market if they paid the fee."
    fact = _fact(sentence, "council", "allow", None)
    assert date_label(sentence, _time(sentence, "May 2"), fact, False) == (
        "When the council allowed traders to reopen the market"
    )
    sentence = "In 2019, Orrin Pell was summoned to testify before a Talvanian tribunal."
    fact = _fact(sentence, None, "summon", "Orrin Pell")
    assert date_label(sentence, _time(sentence, "2019"), fact, False) == (
        "When Orrin Pell was summoned to testify"
    )


def test_a_relative_clause_owner_is_no_doer() -> None:
    sentence = "Tamsin Vale, whose career on the Lindale stage spanned 30 years, has died."
    fact = _fact(sentence, "whose career on the Lindale stage", "span", None)
    assert statement_label(sentence, fact) is None


@pytest.mark.parametrize(
    ("sentence", "written", "patient", "predicate", "label"),
    [
        (
            "The wake will be held Saturday at the chapel, where Tarn Obey's service was held"
            " last week.",
            "Saturday",
            "wake",
            "hold",
            "When the wake will be held",
        ),
        (
            "The wake will be held Saturday at the chapel, where Tarn Obey's service was held"
            " last week.",
            "last week",
            "Tarn Obey's service",
            "hold",
            "When Tarn Obey's service was held",
        ),
        (
            "Calls to the firm were not answered Monday afternoon.",
            "Monday afternoon",
            "Calls to the firm",
            "not answer",
            "When calls to the firm were not answered",
        ),
        (
            "Pupils at the nearby school had already been dismissed for the day on Monday.",
            "Monday",
            "Pupils at the nearby school",
            "dismiss",
            "When pupils at the nearby school had already been dismissed",
        ),
        (
            "The chief said charges would likely be filed Friday.",
            "Friday",
            "charges",
            "file",
            "When the charges would likely be filed",
        ),
    ],
)
def test_a_passive_date_label_writes_the_verb_with_its_auxiliaries(
    sentence: str, written: str, patient: str, predicate: str, label: str
) -> None:
    fact = _fact(sentence, None, predicate, patient)
    assert date_label(sentence, _time(sentence, written), fact, False) == label


def test_a_passive_told_with_its_doer_is_labelled_by_whom_it_befell() -> None:
    sentence = "Ona Brisk, 29, was arrested Tuesday in Askeby by members of a task force."
    fact = _fact(sentence, "members of a task force", "arrest", "Ona Brisk")
    assert date_label(sentence, _time(sentence, "Tuesday"), fact, False) == (
        "When Ona Brisk was arrested"
    )
