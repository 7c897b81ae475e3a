"""Framing markers: scare quotes, distancing, loaded words, labels, headline weighting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triangulate.compose.assemble import build_dossier, collect_labels
from triangulate.models import Article, Reading
from triangulate.readers.framing import find_framing, labels_for, load_lexicon
from triangulate.readers.reader import read_article, read_many

SAMPLE = Path(__file__).parent / "fixtures" / "framing" / "annotated.jsonl"


def found(text: str, title: str | None = None) -> list[tuple[str, str]]:
    return [(m.kind, m.evidence.text) for m in find_framing(text, "a1", title)]


def test_scare_quotes_and_so_called_on_an_invented_report() -> None:
    text = 'The so-called "monitors" left Velmora; Dravian "monitors" had stayed two years.'
    markers = found(text)
    assert ("distancing", "so-called") in markers
    assert markers.count(("scare_quotes", '"monitors"')) == 2


def test_a_partial_quote_of_speech_is_not_a_scare_quote() -> None:
    assert found('The spokesman said he had "no information" about it.') == []
    assert found("The minister said: “We will stay until the end of the year.”") == []


def test_long_quotes_and_titles_of_works_are_not_scare_quotes() -> None:
    assert found('Critics reviewed the film "Cold River" last week.') == []
    text = '"We are leaving today because the job is done," he told reporters.'
    assert found(text) == []


def test_curly_and_single_quotes() -> None:
    assert ("scare_quotes", "‘guests’") in found("The ‘guests’ never left the base.")
    assert ("scare_quotes", "“line of control”") in found(
        "Posts along the “line of control” closed."
    )


def test_headline_markers_carry_the_headline_note() -> None:
    title = "Ostrel withdraws failed monitoring mission"
    text = f"{title}\n\nThe failed mission cost millions, the failed state said."
    markers = find_framing(text, "a1", title)
    notes = [(m.evidence.start, m.note) for m in markers if m.evidence.text == "failed"]
    assert notes[0] == (text.index("failed"), "headline; failure")
    assert all(not note.startswith("headline") for _, note in notes[1:])


def test_headline_only_words_count_only_in_the_headline() -> None:
    title = "Mayor rips council over parking row"
    text = f"{title}\n\nA row of cars stood outside; he rips up the paper."
    markers = find_framing(text, "a1", title)
    assert {m.evidence.text for m in markers if m.kind == "loaded_word"} == {"rips", "row"}
    assert all(m.evidence.end <= len(title) for m in markers)


@pytest.mark.parametrize(
    "text",
    [
        "The talks failed to produce a deal.",
        "A truck slammed into the barrier.",
        "They agreed a new visa regime.",
        "Prosecutors alleged that he lied.",
        "The plan is supposed to start in May.",
        "Soldiers occupied the station at dawn.",
        "Two groups claimed responsibility for the fire, which claimed three lives.",
        "The driver was admitted to hospital and charged with reckless driving.",
        "A handout photo showed the ferry at the quay.",
    ],
)
def test_literal_uses_are_not_flagged(text: str) -> None:
    assert found(text) == []


def test_loaded_words_of_politics_money_labour_and_crime() -> None:
    text = (
        "Senator Ivo Marrant rammed through a bloated budget, a reckless spending spree that "
        "gutted the ferry service; union bosses called it a lifeline for the crumbling port. "
        "A thug robbed the lawless quay."
    )
    notes = {m.evidence.text: m.note for m in find_framing(text, "a1")}
    assert notes == {
        "rammed through": "legislative_process",
        "bloated": "fiscal",
        "reckless": "condemnation",
        "spending spree": "fiscal",
        "gutted": "cuts_and_harm",
        "union bosses": "labour",
        "lifeline": "cuts_and_harm",
        "crumbling": "cuts_and_harm",
        "thug": "crime_labels",
        "lawless": "crime_labels",
    }


def test_labels_for_groups_and_places() -> None:
    text = (
        "Norvish separatists and pro-Tarvan rebels held the breakaway region; "
        "ethnic Velans fled the unrecognised republic and the disputed town."
    )
    assert labels_for(text) == {
        "norvish separatists": 1,
        "pro-tarvan": 1,
        "rebels": 1,
        "breakaway region": 1,
        "ethnic velans": 1,
        "unrecognised republic": 1,
        "disputed town": 1,
    }


def test_lexicon_has_categories_and_no_empty_term_lists() -> None:
    raw = json.loads(
        (Path(__file__).parents[1] / "src/triangulate/data/framing_lexicon.json").read_text()
    )
    assert len(raw["loaded_word"]) >= 8
    assert all(entry["terms"] and entry["description"] for entry in raw["loaded_word"].values())
    assert load_lexicon().loaded_category["failed"] == "failure"


def test_annotated_sample_precision_and_recall_floor() -> None:
    tp = predicted = expected = 0
    for line in SAMPLE.read_text("utf-8").splitlines():
        item = json.loads(line)
        got = [
            (m.kind, m.evidence.text) for m in find_framing(item["text"], "s", item.get("title"))
        ]
        gold = [tuple(pair) for pair in item["expected"]]
        predicted += len(got)
        expected += len(gold)
        tp += sum(min(got.count(g), gold.count(g)) for g in set(gold))
    assert tp / predicted >= 0.9
    assert tp / expected >= 0.9


def test_spans_are_exact_on_a_long_text() -> None:
    paragraph = (
        'The so-called "guests" of the regime stayed; Kestrian separatists slammed the '
        "brutal crackdown in the occupied territories, where ethnic Velans live. "
    ) * 30
    markers = find_framing(paragraph, "a9", "The regime")
    assert len(markers) >= 30 * 7
    for marker in markers:
        assert paragraph[marker.evidence.start : marker.evidence.end] == marker.evidence.text


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.text()))
def test_never_raises(text: str, title: str | None) -> None:
    for marker in find_framing(text, "h", title):
        assert text[marker.evidence.start : marker.evidence.end] == marker.evidence.text
    labels_for(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                '"',
                "“",
                "”",
                "‘",
                "’",
                "'",
                "so-called",
                "regime",
                "failed",
                "rebels",
                "the",
                "occupied",
                "Velan",
                "ethnic",
                "said",
                " ",
                "\n",
                "-",
                "pro-",
                "breakaway",
                "region",
            ]
        ),
        max_size=15,
    )
)
def test_never_raises_on_quote_soup(parts: list[str]) -> None:
    text = " ".join(parts)
    for marker in find_framing(text, "h", text[:20]):
        assert text[marker.evidence.start : marker.evidence.end] == marker.evidence.text


# ---------------------------------------------------------------- whose words


def read(text: str) -> Reading:
    return read_article(Article("v", "v.txt", text))


def test_loaded_words_in_a_quote_are_the_speakers_not_the_outlets() -> None:
    text = (
        'Mayor Ilse Marten said: "The regime betrayed the valley." '
        "The council's regime of fees stays."
    )
    markers = [(m.evidence.text, m.voice, m.speaker) for m in read(text).framing]
    assert ("regime", "quote", "Ilse Marten") in markers
    assert ("regime", "outlet", None) in markers


def test_a_quoted_word_someone_said_is_no_scare_quote() -> None:
    said = read('The minister called the monitors "bandits" on Monday.').framing
    assert not [m for m in said if m.kind == "scare_quotes"]
    outlet = read('The "monitors" left the valley on Monday.').framing
    assert [m.evidence.text for m in outlet if m.kind == "scare_quotes"] == ['"monitors"']


def test_the_dossier_framing_is_the_outlets_own_voice() -> None:
    text = 'Mayor Ilse Marten said: "The regime betrayed the valley." The regime fell.'
    article = Article("v", "v.txt", text, outlet="Valley Post")
    reading = read_article(article)
    dossier = build_dossier([article], [reading], [], [], [], [])
    assert {m.voice for _, m in dossier.framing} == {"outlet"}
    assert [m.evidence.start for _, m in dossier.framing] == [text.rindex("regime")]


def test_a_label_names_an_actor_only_when_it_holds_its_name() -> None:
    text = "Separatists fled Orlen as ethnic Velans returned to the valley."
    first = Article("a", "a.txt", text, outlet="Valley Post")
    second = Article("b", "b.txt", "The Velans and Orlen were calm.", outlet="River Daily")
    rows = collect_labels([first, second], read_many([first, second]))
    assert ("Velans", "Valley Post", "ethnic Velans") in rows
    assert not [row for row in rows if row[2] == "Separatists"]  # near Orlen, not about it
