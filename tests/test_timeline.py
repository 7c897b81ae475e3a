"""Timeline: dated events from invented articles, merged across sources."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from triangulate.compose.timeline import build_timeline, describe_event
from triangulate.models import Article, Evidence, Reading, Sentence, TimeExpression

TEXT_A = (
    "Ferry sinks off the Velmar coast\n"
    "The passenger ferry Gull Star sank off the Velmar coast on 12 March 2031, "
    "the port authority said. "
    "Rescue teams pulled 41 survivors from the water. "
    "The operator bought the vessel in 2019. "
    "The harbour was rebuilt between 2027 and 2029 after years of delays. "
    "Officials now say the search continues. "
    "Inspections of the fleet had been ordered in March 2031. "
    "The operator has run the route for 12 years."
)
TEXT_B = (
    "Published 13 March 2031\n"
    "The ferry Gull Star sank off the Velmar coast on Wednesday, the port authority said. "
    "Rescuers pulled 38 survivors from the water. "
    "The town council will meet on Friday to discuss the ferry service."
)
TEXT_C = (
    "Divers ended the search on 14 March 2031 after three days. "
    "The passenger ferry Gull Star sank off the Velmar coast on 11 March 2031, the coast guard said."
)


def span(article: str, text: str, phrase: str, after: str = "") -> Evidence:
    start = text.find(phrase, text.find(after) if after else 0)
    assert start >= 0, phrase
    return Evidence(article, start, start + len(phrase), phrase)


def sentences(article: str, text: str) -> tuple[Sentence, ...]:
    found = []
    for match in re.finditer(r"[^\n.]+\.?", text):
        chunk = match.group().strip()
        if chunk:
            found.append(Sentence(span(article, text, chunk)))
    return tuple(found)


def time(
    article: str,
    text: str,
    phrase: str,
    value: str | None,
    granularity: str = "day",
    anchored: bool = True,
    after: str = "",
) -> TimeExpression:
    return TimeExpression(span(article, text, phrase, after), value, granularity, anchored)


def fixture() -> tuple[list[Article], list[Reading]]:
    articles = [
        Article("a", "a.txt", TEXT_A, outlet="Harbour Courier", published="2031-03-14"),
        Article("b", "b.txt", TEXT_B, outlet="Velmar Daily", published="2031-03-13"),
        Article("c", "c.txt", TEXT_C, outlet="Coastal Wire", published="2031-03-15"),
        Article("d", "d.txt", TEXT_A, outlet="Copy Desk", duplicate_of="a"),
    ]
    times_a = (
        time("a", TEXT_A, "12 March 2031", "2031-03-12"),
        time("a", TEXT_A, "2019", "2019", "year"),
        time("a", TEXT_A, "between 2027 and 2029", "2027/2029", "range"),
        time("a", TEXT_A, "now", "2031-03-14"),
        time("a", TEXT_A, "March 2031", "2031-03", "month", after="Inspections"),
        time("a", TEXT_A, "12 years", "P12Y", "duration"),
    )
    times_b = (
        time("b", TEXT_B, "13 March 2031", "2031-03-13"),
        time("b", TEXT_B, "Wednesday", "2031-03-12"),
        time("b", TEXT_B, "Friday", None, "day", anchored=False),
    )
    times_c = (
        time("c", TEXT_C, "14 March 2031", "2031-03-14"),
        time("c", TEXT_C, "11 March 2031", "2031-03-11"),
    )
    readings = [
        Reading("a", "t", sentences=sentences("a", TEXT_A), times=times_a),
        Reading("b", "t", sentences=sentences("b", TEXT_B), times=times_b),
        Reading("c", "t", sentences=sentences("c", TEXT_C), times=times_c),
        Reading("d", "t", sentences=sentences("d", TEXT_A), times=times_a),
    ]
    return articles, readings


def test_same_event_from_three_sources_becomes_one_entry_with_every_date_given() -> None:
    articles, readings = fixture()
    sinking = [e for e in build_timeline(articles, readings) if "sank" in e.event]
    assert len(sinking) == 1
    entry = sinking[0]
    assert entry.articles == ("a", "b", "c")
    assert entry.date == "2031-03-12"  # the date two sources give
    assert entry.dates_given == ("2031-03-11", "2031-03-12")
    assert dict(entry.reported) == {"a": "2031-03-14", "b": "2031-03-13", "c": "2031-03-15"}


def test_events_are_sorted_with_coarse_dates_at_their_start() -> None:
    articles, readings = fixture()
    dates = [entry.date for entry in build_timeline(articles, readings)]
    assert dates == ["2019", "2027", "2031-03", "2031-03-12", "2031-03-14"]


def test_range_keeps_its_end_and_durations_generic_and_datelines_are_dropped() -> None:
    articles, readings = fixture()
    timeline = build_timeline(articles, readings)
    harbour = next(e for e in timeline if e.date == "2027")
    assert harbour.end == "2029" and harbour.granularity == "range"
    events = " ".join(e.event for e in timeline)
    assert "search continues" not in events  # "now" names no moment
    assert "12 years" not in events and "P12Y" not in {e.date for e in timeline}
    assert all("Published" not in ev.text for e in timeline for ev in e.evidence)
    assert all("council" not in e.event for e in timeline)  # unanchored Friday


def test_copies_do_not_count_as_sources_and_evidence_matches_the_text() -> None:
    articles, readings = fixture()
    texts = {a.id: a.text for a in articles}
    for entry in build_timeline(articles, readings):
        assert "d" not in entry.articles
        for ev in entry.evidence:
            assert texts[ev.article][ev.start : ev.end] == ev.text


def test_event_words_are_drawn_from_the_source_sentences() -> None:
    articles, readings = fixture()
    for entry in build_timeline(articles, readings):
        source_words = {w.lower() for ev in entry.evidence for w in re.findall(r"\w+", ev.text)}
        assert {w.lower() for w in re.findall(r"\w+", entry.event)} <= source_words
        assert len(entry.event.split()) <= 15


class OrthogonalEmbedder:
    """Gives every text its own direction, so nothing looks alike."""

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.eye(len(texts), dtype=np.float32)


class SameEmbedder:
    def encode(self, texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 1), dtype=np.float32)


def test_embedder_decides_similarity_when_given() -> None:
    articles, readings = fixture()
    apart = build_timeline(articles, readings, embedder=OrthogonalEmbedder())
    assert sum("sank" in e.event for e in apart) == 3
    together = build_timeline(articles, readings, embedder=SameEmbedder())
    on_12th = [e for e in together if e.date.startswith("2031-03-1")]
    assert len(on_12th) == 1  # same or near dates and identical vectors: one event


def test_describe_event_drops_the_date_and_attribution() -> None:
    sentence = "On 3 May 2030, the Orlen bridge collapsed into the river, officials said."
    start = sentence.find("3 May 2030")
    event = describe_event(sentence, start, start + len("3 May 2030"))
    assert event == "The Orlen bridge collapsed into the river"


PERIODS = (
    "The dock strike began in the third quarter of 2031. "
    "Freight fell sharply in the first half of 2032. "
    "Crews worked through the weekend of 14 September 2031. "
    "The old quay was built in the 1980s. "
    "The first ferries sailed in the 19th century. "
    "Tolls were raised in the fall of 2030. "
    "The pier was rebuilt in mid-April 2029."
)
PERIOD_VALUES = [
    ("the third quarter of 2031", "2031-Q3", "quarter", None),
    ("the first half of 2032", "2032-H1", "quarter", None),
    ("the weekend of 14 September 2031", "2031-W37-WE", "week", None),
    ("the 1980s", "198X", "decade", None),
    ("the 19th century", "18XX", "century", None),
    ("the fall of 2030", "2030-FA", "season", None),
    ("mid-April 2029", "2029-04", "month", "mid"),
]


def test_every_date_form_reaches_the_timeline() -> None:
    article = Article("p", "p.txt", PERIODS, outlet="Port Gazette", published="2032-08-01")
    times = tuple(
        TimeExpression(span("p", PERIODS, phrase), value, granularity, True, mod=mod)
        for phrase, value, granularity, mod in PERIOD_VALUES
    )
    reading = Reading("p", "t", sentences=sentences("p", PERIODS), times=times)
    entries = build_timeline([article], [reading])
    given_values = {(e.date, e.mod) for e in entries}
    assert given_values == {(value, mod) for _, value, _, mod in PERIOD_VALUES}
    starts = [e.date for e in entries]
    assert starts == ["18XX", "198X", "2029-04", "2030-FA", "2031-Q3", "2031-W37-WE", "2032-H1"]


VOCABULARY = ["the", "ferry", "sank", "on", "in", "12", "May,", "said;", "and", "port", "—"]
WORDS = st.lists(st.sampled_from(VOCABULARY))


@given(WORDS, WORDS, st.sampled_from(["Monday", "12 May 2030", "2029"]))
def test_describe_event_never_invents_words(before: list[str], after: list[str], when: str) -> None:
    sentence = " ".join([*before, when, *after])
    start = sentence.find(when)
    event = describe_event(sentence, start, start + len(when))
    allowed = {w.lower() for w in re.findall(r"\w+", sentence)}
    assert {w.lower() for w in re.findall(r"\w+", event)} <= allowed


def test_nested_dates_merge_without_being_reported_as_differing() -> None:
    first = "The Orlen bridge over the Sava river collapsed in May 2030 during a storm."
    second = "The Orlen bridge over the Sava river collapsed on 3 May 2030, police said."
    articles = [Article("p", "p", first, outlet="P"), Article("q", "q", second, outlet="Q")]
    readings = [
        Reading("p", "t", times=(time("p", first, "May 2030", "2030-05", "month"),)),
        Reading("q", "t", times=(time("q", second, "3 May 2030", "2030-05-03"),)),
    ]
    (entry,) = build_timeline(articles, readings)
    assert entry.articles == ("p", "q") and entry.dates_given == ()
    assert entry.date == "2030-05-03"  # the more precise date when support is tied
