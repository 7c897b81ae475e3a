"""Events read from invented sentences: the words that tell them, their time, who takes part."""

from __future__ import annotations

from triangulate.compose.timeline import telling_text
from triangulate.models import Article, Event
from triangulate.readers.reader import read_article


def events_of(text: str, published: str = "2030-05-10") -> dict[str, Event]:
    reading = read_article(Article("e", "e.txt", text, published=published))
    for event in reading.events:
        for piece in (event.evidence, event.clause, *event.telling):
            assert text[piece.start : piece.end] == piece.text
    return {event.evidence.text: event for event in reading.events}


def test_a_relative_clause_is_told_with_the_noun_it_hangs_on() -> None:
    events = events_of("The mayor, who resigned on 4 May 2030, thanked the council.")
    assert telling_text(events["resigned"]) == "The mayor resigned on 4 May 2030."
    assert telling_text(events["thanked"]) == "The mayor thanked the council."


def test_an_object_relative_clause_is_told_with_its_noun() -> None:
    text = "The port reopened the pier that the storm had destroyed in 2029."
    events = events_of(text)
    # the sentence would tell the reopening, which 2029 does not date
    assert telling_text(events["destroyed"]) == "The pier that the storm had destroyed in 2029."
    assert not events["destroyed"].told_by_sentence
    assert events["destroyed"].time is not None and events["destroyed"].time.value == "2029"


def test_a_clause_told_only_by_another_clauses_sentence_is_marked() -> None:
    events = events_of("The town returned two quays that it had seized in the 1980s.")
    assert events["seized"].told_by_sentence  # its decade must not date the return
    assert not events["returned"].told_by_sentence
    participle = events_of("The ferries sailed under the treaty, signed on 4 May 2030.")
    assert telling_text(participle["signed"]) == "The treaty, signed on 4 May 2030."


def test_tense_and_reporting() -> None:
    events = events_of(
        "The council said that the ferry will resume service and that the pier is safe."
    )
    assert events["said"].reporting and events["said"].tense == "past"
    assert events["resume"].tense == "future" and not events["resume"].reporting


def test_a_pronoun_subject_takes_part_as_what_it_stands_for() -> None:
    events = events_of("Orlen Shipping cut 200 jobs on Monday. It closed two offices.")
    assert "Orlen Shipping" in events["closed"].participants
    assert events["cut"].time is not None and events["closed"].time is None


def test_a_programme_named_like_a_time_is_no_time() -> None:
    events = events_of("The mayor told the network's This Week programme that repairs start.")
    assert all(event.time is None for event in events.values())


def test_a_time_that_starts_an_event_dates_it_and_a_comparison_does_not() -> None:
    events = events_of(
        "The ferry has served the island since 2019. Traffic fell to its lowest level since 2021."
    )
    served, fell = events["served"].time, events["fell"].time
    assert served is not None and served.value == "2019"
    assert fell is None


def test_an_age_before_a_noun_stays_in_a_long_telling() -> None:
    text = (
        "A man shot on Dunmore Avenue on Saturday night has died, and a 19-year-old suspect"
        " is in custody, Port Ellis police said Tuesday."
    )
    tellings = [telling_text(event) for event in events_of(text, "2030-05-15").values()]
    assert any("a 19-year-old suspect" in telling for telling in tellings)
    assert not any("a old suspect" in telling for telling in tellings)


def test_a_noun_before_a_verb_describing_a_noun_stays_in_a_long_telling() -> None:
    text = (
        "A Republican-backed border security bill failed in the Senate on Wednesday, falling"
        " 12 votes short of the 60 needed to advance, with a final tally of 48 to 51."
    )
    tellings = [telling_text(event) for event in events_of(text, "2032-09-16").values()]
    assert any(t.startswith("A Republican-backed border security bill failed") for t in tellings)
    assert not any(t.startswith("A backed") for t in tellings)


def test_a_wire_dateline_is_no_part_of_a_telling() -> None:
    events = events_of(
        "TALMOUTH, May 10 (Harbor City Herald) - Governor Pella Vance on Tuesday signed the"
        " Clean Transit Act into law."
    )
    assert telling_text(events["signed"]) == (
        "Governor Pella Vance on Tuesday signed the Clean Transit Act into law."
    )
    assert events["signed"].time is not None
    assert events["signed"].time.value == "2030-05-07"


def test_a_dropped_apposition_takes_its_closing_comma() -> None:
    events = events_of(
        "Brackenford police arrested Dorian Pruett, 22, on Tuesday in connection with Sunday"
        " night's stabbing at a Corliss Street store."
    )
    assert telling_text(events["arrested"]).startswith(
        "Brackenford police arrested Dorian Pruett on Tuesday"
    )


def test_an_undated_wire_dateline_is_no_part_of_a_telling() -> None:
    events = events_of(
        "TALMOUTH (National Sentinel) - Anton Halvorsen quit as premier on Monday after his"
        " budget collapsed."
    )
    assert telling_text(events["quit"]).startswith("Anton Halvorsen quit as premier")


def test_a_telling_is_never_cut_on_a_dangling_and() -> None:
    events = events_of("Snow began falling on Monday and more than 20 inches fell in two days.")
    assert telling_text(events["falling"]) == "Snow began falling on Monday."


def test_a_verb_after_a_noun_tells_that_noun_not_the_borrowed_subject() -> None:
    text = (
        "Two workers were injured and about 300 people were evacuated after a dam on the "
        "Tessel River gave way late Friday, officials said."
    )
    events = events_of(text)  # the parser joins "gave" to "injured", as if the workers gave way
    assert telling_text(events["gave"]) == "A dam on the Tessel River gave way late Friday."


def test_a_participle_that_only_picks_out_its_noun_tells_no_dated_event() -> None:
    events = events_of("The mayor quoted a report released Friday morning by the harbour board.")
    assert events["released"].told_by_sentence  # "A report released Friday morning." is no sentence
    passed = events_of("The Orlen council passed a bill taxing ferry tickets on Tuesday night.")
    assert passed["passed"].time is not None  # the night of the vote, not of "taxing"
    assert passed["taxing"].time is None


def test_a_time_in_a_while_clause_dates_the_event_it_hangs_on() -> None:
    events = events_of("A woman was hit by a stray bullet while sitting on her porch late Friday.")
    assert events["hit"].time is not None and events["hit"].time.value == "2030-05-10"
    assert events["sitting"].time is None
    struck = events_of("A boy, 9, was struck by a van when crossing Orlen Road on Thursday.")
    assert struck["struck"].time is not None and struck["struck"].time.value == "2030-05-09"
    # a clause with a subject of its own, or after "after", keeps its time
    owns = events_of("The man was arrested after leaving the bar on Thursday.")
    assert owns["leaving"].time is not None and owns["arrested"].time is None
    subject = events_of("An officer was hurt when his partner was chasing a van on Thursday.")
    assert subject["chasing"].time is not None and subject["hurt"].time is None
    # and the head's own time stays its own
    council = events_of(
        "The council, while acknowledging on Tuesday that the plan was flawed, approved it"
        " Wednesday."
    )
    assert council["approved"].time is not None and council["approved"].time.value == "2030-05-08"
    assert council["acknowledging"].time is not None


def test_an_and_between_names_stays_when_a_clause_after_them_is_left_out() -> None:
    text = (
        "Neighbors laid flowers Saturday on the corner of Pell Avenue and Marsh Street, where a "
        "70-year-old man was hit by a driver who fled Friday night."
    )
    told = telling_text(events_of(text)["laid"])
    assert told == "Neighbors laid flowers Saturday on the corner of Pell Avenue and Marsh Street."


def test_a_telling_that_stops_on_a_word_waiting_for_more_is_the_sentence() -> None:
    text = "The ferry line said it would cut 40 crossings, but did not say where."
    assert telling_text(events_of(text)["say"]) == text


def test_the_year_a_figure_is_compared_with_dates_nothing() -> None:
    events = events_of(
        "The budget includes $41 billion for schools, an increase of $2 billion on last year."
        " Sales rose 4% over a year earlier. The firm was founded last year."
    )
    assert events["includes"].time is None
    assert events["rose"].time is None
    founded = events["founded"].time
    assert founded is not None and founded.value == "2029"


def test_a_pronoun_after_a_reported_sentence_stands_for_the_one_it_tells_of() -> None:
    text = (
        "Tomas Verrel, 52, turned himself in Monday. Dara Quill, 44, a teacher, was released"
        " from the hospital Sunday. Quill said he could not recall anything. Verrel holds a"
        " valid permit and has no criminal record, police said. He is expected in court"
        " Wednesday."
    )
    assert events_of(text)["expected"].referent == "Tomas Verrel"


def test_a_verb_hung_on_a_clause_after_a_cut_one_is_no_part_of_its_telling() -> None:
    # the parser hangs "pulled" on "driving": told without the "when" clause, the victim
    # would be the one who fired
    text = (
        "Police say Dara Quill was driving north near the Orchard Road exit at about 5:15 p.m."
        " when the SUV began following him closely and flashing its lights, then pulled"
        " alongside and fired."
    )
    events = events_of(text)
    for verb in ("say", "driving"):
        told = telling_text(events[verb])
        assert told.endswith("at about 5:15 p.m.") and "fired" not in told
    assert "the SUV began" in telling_text(events["fired"])


def test_then_at_a_tellings_end_stays_unless_left_by_a_cut() -> None:
    events = events_of("The shop on Orwen Lane burned on Monday. No one was arrested then.")
    assert telling_text(events["arrested"]) == "No one was arrested then."
