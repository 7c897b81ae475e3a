"""Timeline: dated events read from invented articles, one entry per event across sources."""

from __future__ import annotations

import re

import numpy as np
import pytest

from triangulate.compose.timeline import (
    build_timeline,
    event_mentions,
    lead_day,
    telling_text,
)
from triangulate.models import Article, Evidence, Reading, TimelineEntry
from triangulate.nlp.encoder import load_encoder
from triangulate.readers.reader import read_many

TEXT_A = (
    "Ferry sinks off the Velmar coast\n\n"
    "The passenger ferry Gull Star sank off the Velmar coast on 12 March 2031, "
    "the port authority said. "
    "Rescue teams pulled 41 survivors from the water. "
    "The operator bought the vessel in 2019. "
    "The harbour was rebuilt between 2027 and 2029 after years of delays. "
    "Officials now say the search continues. "
    "Inspectors had ordered checks of the whole fleet in March 2031. "
    "The operator has run the route for 12 years."
)
TEXT_B = (
    "Published 13 March 2031\n\n"
    "The ferry Gull Star sank off the Velmar coast on Wednesday, the port authority said. "
    "Rescuers pulled 38 survivors from the water. "
    "The town council will meet on Friday to discuss the ferry service."
)
TEXT_C = (
    "Divers ended the search on 14 March 2031 after three days. "
    "The passenger ferry Gull Star sank off the Velmar coast on 11 March 2031, the coast guard said."
)


def articles() -> list[Article]:
    return [
        Article("a", "a.txt", TEXT_A, outlet="Harbour Courier", published="2031-03-14"),
        Article("b", "b.txt", TEXT_B, outlet="Velmar Daily", published="2031-03-13"),
        Article("c", "c.txt", TEXT_C, outlet="Coastal Wire", published="2031-03-15"),
        Article("d", "d.txt", TEXT_A, outlet="Copy Desk", duplicate_of="a"),
    ]


@pytest.fixture(scope="module")
def readings() -> list[Reading]:
    return read_many(articles())


@pytest.fixture(scope="module")
def timeline(readings: list[Reading]) -> list[TimelineEntry]:
    return build_timeline(articles(), readings)


def test_same_event_from_three_sources_becomes_one_entry_with_every_date_given(
    timeline: list[TimelineEntry],
) -> None:
    sinking = [e for e in timeline if "sank" in e.event]
    assert len(sinking) == 1
    entry = sinking[0]
    assert entry.articles == ("a", "b", "c")
    assert entry.date == "2031-03-12"  # the date two sources give
    assert entry.dates_given == ("2031-03-11", "2031-03-12")
    assert dict(entry.reported) == {"a": "2031-03-14", "b": "2031-03-13", "c": "2031-03-15"}


def test_events_are_sorted_with_coarse_dates_at_their_start(
    timeline: list[TimelineEntry],
) -> None:
    dates = [entry.date for entry in timeline]
    assert dates == ["2019", "2027", "2031-03", "2031-03-12", "2031-03-14", "2031-03-14"]


def test_range_keeps_its_end_and_durations_generic_times_and_datelines_make_no_entry(
    timeline: list[TimelineEntry],
) -> None:
    harbour = next(e for e in timeline if e.date == "2027")
    assert harbour.end == "2029" and harbour.granularity == "range"
    events = " ".join(e.event for e in timeline)
    assert "search continues" not in events  # "now" names no moment
    assert "12 years" not in events and "P12Y" not in {e.date for e in timeline}
    assert all("Published" not in ev.text for e in timeline for ev in e.evidence)


def test_copies_do_not_count_as_sources_and_evidence_matches_the_text(
    timeline: list[TimelineEntry],
) -> None:
    texts = {a.id: a.text for a in articles()}
    for entry in timeline:
        assert "d" not in entry.articles
        for ev in entry.evidence:
            assert texts[ev.article][ev.start : ev.end] == ev.text


def test_each_event_is_a_sentence_of_its_sources_words(timeline: list[TimelineEntry]) -> None:
    for entry in timeline:
        assert entry.event[:1].isupper() and entry.event.endswith(".")
        source_words = {w.lower() for ev in entry.evidence for w in re.findall(r"\w+", ev.text)}
        assert {w.lower() for w in re.findall(r"\w+", entry.event)} <= source_words
    told = [entry.event for entry in timeline]
    assert "The operator bought the vessel in 2019." in told
    assert "Divers ended the search on 14 March 2031 after three days." in told
    assert "The town council will meet on Friday to discuss the ferry service." in told
    # the attribution is another clause: the event is what the port authority said happened
    sank = next(event for event in told if "sank" in event)
    assert re.match(r"The (passenger )?ferry Gull Star sank", sank) and "said" not in sank


def test_a_joined_clause_is_its_own_event_with_its_own_date() -> None:
    text = (
        "The ministry closed the border crossing at Orlen on 4 May 2030 "
        "and reopened it on 9 May 2030."
    )
    article = Article("m", "m.txt", text, published="2030-05-10")
    entries = build_timeline([article], read_many([article]))
    assert [(e.date, e.event) for e in entries] == [
        ("2030-05-04", "The ministry closed the border crossing at Orlen on 4 May 2030."),
        ("2030-05-09", "The ministry reopened it on 9 May 2030."),
    ]


def test_vague_and_bounding_times_and_titles_are_never_dates() -> None:
    text = (
        "Orlen bridge talks resume\n\n"
        "Today the river is calm and the bridge stays closed. "
        "The mayor told the network's This Week programme that repairs would start. "
        "Traffic fell to its lowest level since 2019. "
        "The bridge council met this week to approve the budget."
    )
    article = Article("v", "v.txt", text, published="2030-05-10")
    entries = build_timeline([article], read_many([article]))
    assert [e.event for e in entries] == ["The bridge council met this week to approve the budget."]
    assert entries[0].date == "2030-W19" and entries[0].granularity == "week"


class OrthogonalEmbedder:
    """Gives every text its own direction, so nothing looks alike."""

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.eye(len(texts), dtype=np.float32)


class SameEmbedder:
    def encode(self, texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 1), dtype=np.float32)


def test_embedder_decides_similarity_when_given(readings: list[Reading]) -> None:
    apart = build_timeline(articles(), readings, embedder=OrthogonalEmbedder())
    assert sum("sank" in e.event for e in apart) == 3
    together = build_timeline(articles(), readings, embedder=SameEmbedder())
    assert sum("sank" in e.event for e in together) == 1


def test_nested_dates_make_one_entry_that_cites_only_the_sources_of_its_day() -> None:
    first = "The Orlen bridge over the Sava river collapsed in May 2030 during a storm."
    second = "The Orlen bridge over the Sava river collapsed on 3 May 2030, police said."
    pair = [
        Article("p", "p", first, outlet="P", published="2030-06-01"),
        Article("q", "q", second, outlet="Q", published="2030-06-01"),
    ]
    (entry,) = build_timeline(pair, read_many(pair))
    assert entry.date == "2030-05-03"  # the more precise date when support is tied
    assert entry.dates_given == ()  # "May 2030" holds the day: no disagreement
    assert entry.articles == ("q",)  # "p" never said the day


def test_undated_events_happen_by_the_lead_day_and_plans_are_not_placed() -> None:
    text = (
        "Storm closes Orlen port\n\n"
        "A storm closed the port of Orlen on Monday. "
        "Fishermen moved their boats inland. "
        "The harbour master will inspect the piers."
    )
    article = Article("s", "s.txt", text, published="2030-05-08")
    (reading,) = read_many([article])
    assert lead_day(reading, text) == "2030-05-06"
    placed = {
        m.event.evidence.text: (m.value, m.dated) for m in event_mentions([article], [reading])
    }
    assert placed["closed"] == ("2030-05-06", True)
    assert placed["moved"] == ("2030-05-06", False)  # by the day the lead gives
    assert "inspect" not in placed  # a plan has not happened by then
    assert [e.event for e in build_timeline([article], [reading])] == [
        "A storm closed the port of Orlen on Monday."
    ]


def test_telling_glues_a_comma_piece_to_the_one_before() -> None:
    from triangulate.models import Event

    text = "Forces are leaving the region, where they served, officials confirmed."
    cut, rest = text.index(", where"), text.index(", officials")
    pieces = (
        Evidence("t", 0, cut, text[:cut]),
        Evidence("t", rest, len(text) - 1, text[rest:-1]),
    )
    event = Event(Evidence("t", rest + 12, len(text) - 1, "confirmed"), pieces[1], pieces)
    assert telling_text(event) == "Forces are leaving the region, officials confirmed."


PERIODS = (
    "The dock strike began in the third quarter of 2031. "
    "Freight fell sharply in the first half of 2032. "
    "Crews worked through the weekend of 14 September 2031. "
    "The old quay was built in the 1980s. "
    "The first ferries sailed in the 19th century. "
    "Tolls were raised in the fall of 2030. "
    "The pier was rebuilt in mid-April 2029."
)


def test_every_date_form_reaches_the_timeline() -> None:
    article = Article("p", "p.txt", PERIODS, outlet="Port Gazette", published="2032-08-01")
    entries = build_timeline([article], read_many([article]))
    assert [(e.date, e.mod) for e in entries] == [
        ("18XX", None),
        ("198X", None),
        ("2029-04", "mid"),
        ("2030-FA", None),
        ("2031-Q3", None),
        ("2031-09-14", None),  # the day of "the weekend of 14 September 2031"
        ("2032-H1", None),
    ]


def test_a_date_stays_with_the_clause_it_modifies() -> None:
    text = (
        "Orlen returns the quay\n\n"
        "On 2 May 2030, the town returned to Velmar two quays that it had seized in the "
        "1980s. The old ferry, spanning the spring and the summer, ended its service on "
        "3 May 2030. The port reopened after the navy cleared the channel last month."
    )
    article = Article("q", "q.txt", text, published="2030-05-10")
    entries = build_timeline([article], read_many([article]))
    dates = {e.date: e.event for e in entries}
    assert "198X" not in dates  # the seizure's decade never dates the return
    assert dates["2030-05-02"].startswith("On 2 May 2030, the town returned")
    assert len([e for e in entries if "old ferry" in e.event]) == 1  # not at its side clause
    assert dates["2030-04"] == "The navy cleared the channel last month."  # its own clause


def test_times_that_point_back_and_clock_times_after_the_report() -> None:
    text = (
        "Last updated 09:40, 12 May 2030\n\n"
        "A ferry ran aground off Orlen. "
        "A rescue boat was called at about 3pm to help the crew. "
        "The captain is thought to have left the bridge earlier in the day."
    )
    article = Article("f", "f.txt", text, published="2030-05-12")
    entries = build_timeline([article], read_many([article]))
    assert [(e.date, e.event[:22]) for e in entries] == [
        ("2030-05-11T15:00", "A rescue boat was call")  # 3pm after 09:40: the day before
    ]


def test_one_source_telling_a_happening_twice_makes_one_entry() -> None:
    text = (
        "Mill clerk held\n\n"
        "A clerk who was sacked last week from the Orlen mill set fire to a shed on Monday. "
        "Mr. Tamsin had been dismissed last week, the police said."
    )
    article = Article("c", "c.txt", text, published="2030-05-08")
    entries = build_timeline([article], read_many([article]))
    weeks = [e for e in entries if e.granularity == "week"]
    assert len(weeks) == 1


def test_an_opening_pronoun_is_named() -> None:
    text = (
        "Ferry captain held\n\n"
        "Captain Anton Reyes was arrested in Velmar on Monday. "
        "His boat was towed to the harbour on Tuesday."
    )
    article = Article("p", "p.txt", text, published="2030-05-08")
    entries = build_timeline([article], read_many([article]))
    towed = next(e.event for e in entries if "towed" in e.event)
    assert towed.startswith("His [Anton Reyes's] boat was towed")


def test_a_dateline_gives_its_report_a_time_of_day_only_for_the_day_it_names() -> None:
    from triangulate.compose.timeline import _dateline_clock

    top = "Ferry aground\n\nUpdated 5 / 12 / 2030 6 : 04 PM\n\nA ferry ran aground."
    assert str(_dateline_clock(top, "2030-05-12")) == "2030-05-12 18:04:00"
    assert _dateline_clock(top.replace("12 / 2030", "13 / 2030"), "2030-05-12") is None
    assert _dateline_clock("A ferry ran aground at 10:30 on Monday.", "2030-05-12") is None


def test_that_day_after_a_named_day_is_that_day() -> None:
    text = (
        "Ferry aground off Orlen\n\n"
        "A ferry ran aground off Orlen on Monday. "
        "The crew had checked the engines early that day, the harbour master said."
    )
    article = Article("d", "d.txt", text, published="2030-05-15")
    entries = build_timeline([article], read_many([article]))
    checked = [e.date for e in entries if "checked" in e.event]
    assert checked == ["2030-05-13"]


GUESSED_TEXT = (
    "Mill owner resigns\n\n"
    "The owner of the Orlen mill resigned on Friday, the town council said. "
    "The mill burned down on 4 June 2029 during a storm. "
    "Its new roof was built in the 1990s."
)


def test_a_day_read_against_a_guessed_publication_date_is_not_placed() -> None:
    # no publication date: the reader guesses the latest date the text mentions (an earlier
    # event's), so "on Friday" could be any Friday; the dates the text writes out stay
    undated = Article("g", "g.txt", GUESSED_TEXT)
    (reading,) = read_many([undated])
    assert reading.published == "2029-06-04" and reading.published_inferred
    dated = {e.date for e in build_timeline([undated], [reading])}
    assert dated == {"2029-06-04", "199X"}
    given = Article("h", "h.txt", GUESSED_TEXT, published="2031-02-10")
    resigned = [e.date for e in build_timeline([given], read_many([given])) if "resign" in e.event]
    assert resigned == ["2031-02-07"]


def test_two_happenings_a_week_apart_with_one_cast_are_two_entries() -> None:
    arrest = (
        "Police in Brackenford arrested a man on Tuesday in the robbery of a convenience store"
        " in which a clerk was stabbed, authorities said.\n\nDorian Pruett, 23, was arrested"
        " at a home on Halsey Road, police said in a statement."
    )
    court = (
        "A Brackenford man accused of stabbing a convenience store clerk during a robbery this"
        " month appeared in Brackenford District Court on Tuesday, where a judge set bail at"
        " $250,000.\n\nDorian Pruett, 22, is charged with armed robbery and aggravated assault."
    )
    articles = [
        Article("w", "w.txt", arrest, outlet="Wire", published="2031-04-16", title="Man held"),
        Article("h", "h.txt", court, outlet="Herald", published="2031-04-23", title="Bail set"),
    ]
    # the sentence encoder decides that the two are alike: they share their people and words
    entries = build_timeline(articles, read_many(articles), load_encoder())
    assert [(e.date, e.articles, e.dates_given) for e in entries] == [
        ("2031-04-15", ("w",), ()),
        ("2031-04-22", ("h",), ()),
    ]


def test_a_pronoun_after_an_unnamed_person_is_not_the_one_named_before() -> None:
    text = (
        "Arrest in store stabbing\n\n"
        "Brackenford police arrested Dorian Pruett on Tuesday over Sunday's stabbing at a store."
        " The store clerk was stabbed in the arm and treated at St. Aldric Medical Center."
        " He was released on Tuesday."
    )
    article = Article("s", "s.txt", text, published="2031-04-16")
    entries = build_timeline([article], read_many([article]))
    released = next(e.event for e in entries if "released" in e.event)
    assert released == "He was released on Tuesday."


def test_a_saying_on_a_day_is_no_source_for_an_event_on_that_day() -> None:
    told = (
        "Suspect held\n\nDeputies took Marco Ellery into custody at a motel on Quarry Road on"
        " Monday evening, Sheriff Lina Varo said at a briefing on Tuesday."
    )
    other = "Arrest made\n\nDeputies arrested Marco Ellery on Tuesday morning at a motel on Quarry Road."
    articles = [
        Article("a", "a.txt", told, outlet="Gazette", published="2031-04-16"),
        Article("b", "b.txt", other, outlet="Wire", published="2031-04-17"),
    ]
    entries = build_timeline(articles, read_many(articles))
    arrest = next(e for e in entries if "arrested" in e.event)
    assert arrest.articles == ("b",)  # "a" said on Tuesday that the arrest was on Monday


def test_a_planned_event_dated_in_the_object_of_a_plan_has_its_entry() -> None:
    texts = {
        "a": "Ferry levy heads to council\n\nThe levy now goes to the council, where chair"
        " Rosa Tamsin has scheduled a vote for Monday, June 16.",
        "b": "Council to vote on levy\n\nChair Rosa Tamsin said on Tuesday that a vote could"
        " come as early as Monday, June 16.",
    }
    articles = [
        Article(key, f"{key}.txt", text, outlet=key.upper(), published="2031-06-11")
        for key, text in texts.items()
    ]
    entries = build_timeline(articles, read_many(articles))
    (vote,) = [e for e in entries if e.date == "2031-06-16"]  # the day the vote is set for
    assert vote.articles == ("a", "b")
    assert vote.event.endswith("Monday, June 16.")  # the date written whole


def test_a_pronoun_is_not_named_when_another_person_stands_between() -> None:
    text = (
        "Driver held in crash\n\n"
        "Carl Breck, 41, was taken into custody Sunday at his home on Dell Road."
        " Police say Breck was driving a van when he struck 70-year-old Mara Lind as she"
        " crossed Dell Road on Friday night."
    )
    article = Article("s", "s.txt", text, published="2031-04-16")
    entries = build_timeline([article], read_many([article]))
    crossed = next(e.event for e in entries if "crossed" in e.event)
    assert "[Carl Breck]" not in crossed


def test_a_saying_on_the_day_of_what_it_reports_adds_no_entry() -> None:
    text = (
        "Hikers found\n\nTwo missing hikers were found alive on Monday near the Carrow ridge,"
        " the county sheriff said on Monday."
    )
    article = Article("h", "h.txt", text, published="2031-04-16")
    entries = build_timeline([article], read_many([article]))
    assert [e.event for e in entries] == [
        "Two missing hikers were found alive on Monday near the Carrow ridge."
    ]
