"""The framing protocol on invented NewsWCL50-style files: rebuild, gold spans, scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triangulate.evaluation import newswcl50
from triangulate.evaluation.framing import (
    Label,
    MarkerScore,
    actor_concepts,
    is_bare_name,
    outlet_markers,
    read_events,
    score_labels,
    score_markers,
    shared_enough,
    table_labels,
    words_in,
)
from triangulate.evaluation.newswcl50 import Document, Mention

BASELINE = Path(__file__).parent / "evaluation" / "framing_baseline.json"
CONLL = """#begin document 0/-/0_L; part 000
0/-/0_L\t0\t0\tThe\t(0_Caravan_GROUP\t
0/-/0_L\t0\t1\tmigrant\t-\t
0/-/0_L\t0\t2\tcaravan\t0_Caravan_GROUP)\t
0/-/0_L\t0\t3\treached\t-\t
0/-/0_L\t0\t4\tOrlen\t(0_Orlen_COUNTRY)\t
0/-/0_L\t0\t5\t.\t-\t
0/-/0_L\t0\t6\t\\n\t-\t
0/-/0_L\t1\t0\tOfficials\t-\t
0/-/0_L\t1\t1\tcalled\t-\t
0/-/0_L\t1\t2\tit\t-\t
0/-/0_L\t1\t3\t"\t-\t
0/-/0_L\t1\t4\ta\t-\t
0/-/0_L\t1\t5\tthreat\t-\t
0/-/0_L\t1\t6\t"\t-\t
0/-/0_L\t1\t7\t.\t-\t
"""
ANNOTATIONS = (
    "sep=,\n"
    "id,code_type,code_name,code_mention,target_concept,event_id,publisher_id,paragraph,"
    "sentence,start,end\n"
    "0_L_0001,PROPERTY,Threat,a threat,Caravan,0,L,1,1,4,5\n"
    "0_L_0002,PROPERTY,Threat,not in the text,Caravan,0,L,1,1,6,7\n"
)


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    conll = tmp_path / newswcl50.CONLL
    conll.parent.mkdir(parents=True)
    conll.write_text(CONLL, encoding="utf-8")
    annotations = tmp_path / newswcl50.ANNOTATIONS
    annotations.parent.mkdir(parents=True)
    annotations.write_text(ANNOTATIONS, encoding="utf-8")
    return tmp_path


def test_articles_are_rebuilt_with_their_mentions_and_properties(shared: Path) -> None:
    documents = newswcl50.load_documents(shared)
    newswcl50.add_properties(shared, documents)
    document = documents["0_L"]
    assert document.text == 'The migrant caravan reached Orlen.\n\nOfficials called it "a threat".'
    spans = {m.concept: document.text[m.start : m.end] for m in document.concepts}
    assert spans == {"0_Caravan_GROUP": "The migrant caravan", "0_Orlen_COUNTRY": "Orlen"}
    assert [document.text[m.start : m.end] for m in document.properties] == ["a threat"]
    assert document.unplaced_properties == 1
    start, end = document.tokens[(1, 5)]
    assert document.text[start:end] == "threat"


def test_bare_names_are_not_word_choice() -> None:
    assert is_bare_name("the United States") and is_bare_name("Orlen")
    assert not is_bare_name("Trump administration") and not is_bare_name("the caravan")


def test_spans_match_when_they_share_half_of_the_shorter() -> None:
    assert shared_enough((0, 10), (4, 8)) and not shared_enough((0, 10), (8, 20))


def test_markers_are_scored_word_by_word(shared: Path) -> None:
    document = newswcl50.load_documents(shared)["0_L"]
    newswcl50.add_properties(shared, document_map := {"0_L": document})
    text = document.text
    threat = (text.index("threat"), text.index("threat") + 6)
    officials = (text.index("Officials"), text.index("Officials") + 9)
    score = score_markers(document_map["0_L"], [threat, officials])
    assert (score.marked, score.marked_right) == (2, 1)
    # gold words: "The migrant caravan" (not a bare name) and "a threat"
    assert (score.word_choice, score.word_choice_marked) == (5, 1)
    assert score.recall_properties == pytest.approx(1 / 2)
    assert words_in(text, [threat]) == {threat[0]}


def test_labels_count_for_the_concept_their_actor_stands_for() -> None:
    text = "The migrant caravan reached Orlen. The caravan rested in Orlen."
    document = Document(
        "0_L",
        text,
        concepts=[
            Mention(0, 19, "caravan", "GROUP"),
            Mention(28, 33, "orlen", "COUNTRY"),
            Mention(35, 46, "caravan", "GROUP"),
            Mention(57, 62, "orlen", "COUNTRY"),
        ],
    )
    documents = {"0_L": document}
    orlen = [Label("0_L", "Orlen", 28, 33), Label("0_L", "Orlen", 57, 62)]
    wrong = Label("0_L", "Orlen", 35, 46)  # "The caravan" given to Orlen
    concept_of = actor_concepts(documents, orlen)
    assert concept_of == {"Orlen": "orlen"}
    score = score_labels(documents, [*orlen, wrong, Label("0_L", "Nobody", 0, 3)], concept_of)
    assert (score.rows, score.rows_right) == (2, 1)  # "orlen" right, "the caravan" wrong
    assert score.wrong == [("0_L", "Orlen", "the caravan")]
    assert score.unmapped_actors == 1
    assert (score.gold, score.gold_found) == (1, 1)  # the one text of the mapped concept


# ---------------------------------------------------------------- the reader on NewsWCL50


@pytest.mark.evaluation
@pytest.mark.slow
def test_framing_and_labels_hold_their_floors() -> None:
    real = Path(__file__).parents[1].parent / "shared"
    if not (real / newswcl50.CONLL).exists():
        pytest.skip("NewsWCL50 is absent: it lives in ../shared/data")
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["floors"]
    documents = newswcl50.load_documents(real)
    newswcl50.add_properties(real, documents)
    events = read_events(documents)
    markers = MarkerScore()
    labels: list[Label] = []
    for event in events:
        for reading in event.readings:
            markers.add(score_markers(documents[reading.article], outlet_markers(reading)))
        labels += table_labels(event)
    scored = score_labels(documents, labels, actor_concepts(documents, labels))
    assert markers.precision >= floors["marker_precision"]
    assert scored.precision >= floors["label_precision"]
    assert scored.recall >= floors["label_recall"]
