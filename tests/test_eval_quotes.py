"""Quote speakers scored on the hand-labelled gold (../shared texts), held above pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triangulate.evaluation import quotes as protocol
from triangulate.evaluation.newswcl50 import paragraph_text
from triangulate.evaluation.quotes import (
    GoldQuote,
    GoldSpeaker,
    SystemQuote,
    match,
    name_tokens,
    same_referent,
    same_speaker,
)

HERE = Path(__file__).parent
SHARED = HERE.parents[0].parent / "shared"
GOLD = HERE / "evaluation" / "quotes_gold.json"
BASELINE = HERE / "evaluation" / "quotes_baseline.json"


# ---------------------------------------------------------------- the protocol itself


@pytest.mark.parametrize(
    ("system", "mention", "person", "expected"),
    [
        ("Elena Nikolaidis", "Elena Nikolaidis", True, True),
        ("Nikolaidis", "Prime Minister Elena Nikolaidis", True, True),  # surname rule
        ("Mr. Nikolaidis", "Elena Nikolaidis", True, True),
        ("Ostrel Party Chair Elena Nikolaidis", "Elena Nikolaidis", True, True),
        ("Petra Nikolaidis", "Elena Nikolaidis", True, False),  # another first name
        ("president", "President Elena Nikolaidis", True, False),  # a bare title names no one
        ("Defence Ministry", "Talvania's Defence Ministry", False, True),
        ("officials", "Talvanian officials", False, True),
        ("Talvania", "Talvania's Defence Ministry", False, False),  # the state is not its ministry
        ("the Estrava Times", "Estrava Times", False, True),
    ],
)
def test_same_referent(system: str, mention: str, person: bool, expected: bool) -> None:
    assert same_referent(system, mention, person) is expected


def test_name_tokens_drop_articles_titles_and_possessives() -> None:
    assert name_tokens("the Prime Minister's") == ("minister",)
    assert name_tokens("Mr. Nikolaidis’s") == ("nikolaidis",)
    assert name_tokens("The Ministry of Defence") == ("ministry", "of", "defence")


def _gold(start: int, end: int, kind: str, speakers: tuple[GoldSpeaker, ...] = ()) -> GoldQuote:
    return GoldQuote("q", "doc", start, end, kind, speakers, (), ("plain",))


def test_nested_direct_quote_pairs_with_the_direct_gold() -> None:
    reported = _gold(10, 80, "reported")
    direct = _gold(40, 70, "direct")
    system = [SystemQuote(41, 70, "direct", None), SystemQuote(12, 79, "reported", None)]
    assert match([reported, direct], system) == {0: 1, 1: 0}


def test_small_overlap_is_no_match() -> None:
    assert match([_gold(0, 100, "reported")], [SystemQuote(90, 140, "reported", None)]) == {}


def test_unattributed_and_joint_speakers() -> None:
    text = "Elena Nikolaidis and Ivo Petrov signed it."
    joint = _gold(0, 5, "reported", (GoldSpeaker(0, 16, "person"), GoldSpeaker(21, 31, "person")))
    assert same_speaker("Ivo Petrov", joint, text)
    assert same_speaker("Nikolaidis and Petrov", joint, text)
    assert not same_speaker(None, joint, text)
    assert same_speaker(None, _gold(0, 5, "direct"), text)


def test_newswcl50_paragraph_rebuild() -> None:
    tokens = ["He", "said", '"', "we", "do", "n't", "know", ",", '"', "and", "left", "."]
    text, spans = paragraph_text(tokens)
    assert text == 'He said "we don\'t know," and left.'
    assert [text[start:end] for start, end in spans] == tokens


# ---------------------------------------------------------------- the reader on the gold


@pytest.mark.evaluation
@pytest.mark.slow
def test_quote_reader_holds_its_floors() -> None:
    if not (SHARED / "data" / "newswcl50").exists():
        pytest.skip("../shared not present")
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["floors"]
    gold = protocol.load_gold(GOLD, SHARED)
    scores = protocol.score(gold, protocol.triangulate_reader())
    assert scores.overall.recall >= floors["quote_recall"]
    assert scores.precision >= floors["quote_precision"]
    assert scores.overall.accuracy >= floors["speaker_accuracy"]
