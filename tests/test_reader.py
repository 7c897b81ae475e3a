"""Reading whole articles: sentences, cross-article merging, JSON round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triangulate.models import Article, Evidence, Reading
from triangulate.nlp.language import load_nlp
from triangulate.readers.reader import (
    READER_VERSION,
    read_article,
    read_many,
    reading_from_json,
    reading_to_json,
)
from triangulate.readers.sentences import find_sentences

FIXTURES = Path(__file__).parent / "fixtures" / "read"
CONTRACT = {
    "sentences": {"text", "start", "end"},
    "entities": {"text", "start", "end", "label", "canonical"},
    "times": {"text", "start", "end", "value", "granularity", "anchored"},
    "quantities": {"text", "start", "end", "value", "unit", "hedge", "low", "high"},
    "quotes": {"speaker", "text", "start", "end", "kind"},
    "framing": {"kind", "text", "start", "end", "note"},
    "facts": {"text", "start", "end", "subject", "predicate", "object", "times"}
    | {"quantities", "places", "entities"},
    "events": {"text", "start", "end", "clause", "telling", "time", "participants"}
    | {"reporting", "tense"},
}


def fixture_articles() -> list[Article]:
    paths = sorted(FIXTURES.glob("talvania_*.txt"))
    return [
        Article(id=path.stem, source=str(path), text=path.read_text(), published="2024-06-12")
        for path in paths
    ]


@pytest.fixture(scope="module")
def readings() -> list[Reading]:
    return read_many(fixture_articles())


def all_evidence(reading: Reading) -> list[Evidence]:
    spans = [s.evidence for s in reading.sentences] + [e.evidence for e in reading.entities]
    spans += [t.evidence for t in reading.times] + [q.evidence for q in reading.quantities]
    spans += [q.evidence for q in reading.quotes] + [m.evidence for m in reading.framing]
    spans += [q.speaker_evidence for q in reading.quotes if q.speaker_evidence is not None]
    return spans + [f.evidence for f in reading.facts]


def test_every_span_is_exact(readings: list[Reading]) -> None:
    texts = {article.id: article.text for article in fixture_articles()}
    for reading in readings:
        for span in all_evidence(reading):
            assert span.article == reading.article
            assert texts[reading.article][span.start : span.end] == span.text


def test_name_variants_merge_across_articles(readings: list[Reading]) -> None:
    canonical = {e.evidence.text: e.canonical for reading in readings for e in reading.entities}
    assert canonical["Aleksandr Volkov"] == canonical["Alexander Volkov"] == canonical["Volkov"]
    assert canonical["Mirela Kostanyan"] == canonical["Mirela Kostanian"]
    # whom an outlet quotes keeps that outlet's spelling: only a name that adds to it (a
    # full name for a surname) comes from the other articles
    speakers = {q.speaker for reading in readings for q in reading.quotes}
    assert {"Alexander Volkov", "Aleksandr Volkov"} <= speakers
    assert "Volkov" not in speakers


def test_a_bare_surname_keeps_its_own_articles_bearer_across_articles() -> None:
    first = Article(
        id="a",
        source="a",
        text="Emil Varga opened the museum on Monday. Varga said that it would stay free. "
        "Emil Varga thanked the donors.",
    )
    second = Article(
        id="b",
        source="b",
        text="Rosa Varga visited the school on Tuesday. Varga said that the roof was repaired.",
    )
    readings = read_many([first, second])
    names = {(r.article, e.evidence.text): e.canonical for r in readings for e in r.entities}
    assert names[("a", "Varga")] == "Emil Varga"
    assert names[("b", "Varga")] == "Rosa Varga"
    assert [q.speaker for q in readings[1].quotes] == ["Rosa Varga"]


def test_json_round_trip_is_exact_and_follows_the_contract(readings: list[Reading]) -> None:
    for reading in readings:
        data = json.loads(json.dumps(reading_to_json(reading)))
        assert reading_from_json(data) == reading
        assert data["id"] == reading.article and data["published"] == "2024-06-12"
        for key, fields in CONTRACT.items():
            assert all(fields <= set(item) for item in data[key]), key
    assert readings[0].version == READER_VERSION


def test_readings_carry_every_kind_of_result(readings: list[Reading]) -> None:
    first = readings[0]
    assert first.times and first.quantities and first.quotes and first.facts
    assert any(reading.framing for reading in readings)
    assert first.events and any(event.time for event in first.events)


def test_publication_date_is_read_from_a_dateline_as_ingest_reads_it() -> None:
    text = "Published: 14 March 2023\n\nMonitors left the valley on Monday."
    reading = read_article(Article(id="d", source="d", text=text))
    assert reading.published == "2023-03-14"
    assert reading.published_inferred is False  # a dateline states the date: no guess
    guessed = read_article(Article(id="g", source="g", text="The dam broke on 2 May 2023."))
    assert (guessed.published, guessed.published_inferred) == ("2023-05-02", True)


def test_one_article_reads_the_same_alone_and_in_a_batch() -> None:
    article = fixture_articles()[2]
    assert read_many([article]) == [read_article(article)]


def test_parallel_parsing_gives_the_same_readings(readings: list[Reading]) -> None:
    assert read_many(fixture_articles(), n_process=2, batch_size=1) == readings


def test_sentences_split_at_paragraphs_bullets_and_headlines() -> None:
    text = (
        "Monitors leave the valley\n\nKey points\n\n  • The last unit left on Tuesday.\n"
        "- Talks resume in May\n\nThe ministry said so. Officials agreed"
    )
    sentences = [s.evidence.text for s in find_sentences(load_nlp()(text), "s")]
    assert sentences == [
        "Monitors leave the valley",
        "Key points",
        "The last unit left on Tuesday.",
        "Talks resume in May",
        "The ministry said so.",
        "Officials agreed",
    ]


def test_hard_wrapped_lines_stay_one_sentence() -> None:
    text = "The monitors left the valley\nafter five years of service."
    sentences = find_sentences(load_nlp()(text), "s")
    assert [s.evidence.text for s in sentences] == [text]


def test_readings_keep_the_lemmas_that_differ_from_their_words() -> None:
    text = "Inspectors left the valley. The inspectors were leaving when the rivers flooded."
    reading = read_article(Article(id="l", source="l", text=text))
    lemmas = dict(reading.lemmas)
    assert lemmas["left"] == "leave" and lemmas["leaving"] == "leave"
    assert lemmas["inspectors"] == "inspector" and "valley" not in lemmas
    assert reading_from_json(reading_to_json(reading)).lemmas == reading.lemmas
