"""Tokenised text is read as prose, and every span still cites the text as stored."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from triangulate.models import Article
from triangulate.readers.detokenize import joined_view, looks_tokenised, tokenised_marks
from triangulate.readers.reader import read_article

TOKENISED = (
    "Ferry operator Vell Lines said its vessel , the Brisk Tern , left Porth Ardel at about "
    "6 : 30 a . m . with 1 , 204 passengers and ran aground on a sandbank 48 - km north of "
    "the port .\nThe 52 - year - old captain , Ilsa Morrow , told reporters the ship 's "
    "radar had failed ; six co - workers were questioned .\nFuel levels were 0 . 07 percent "
    "above the limit - - officials said ( citing logs ) .\n"
)
PROSE = "The council voted on Monday, 3 March, to close the old bridge. Work starts in May.\n"


def test_tokenised_text_is_joined_into_prose() -> None:
    view = joined_view(TOKENISED)
    assert view is not None
    assert "about 6:30 a.m. with 1,204 passengers" in view.text
    assert "48-km north of the port." in view.text
    assert "The 52-year-old captain, Ilsa Morrow, told" in view.text
    assert "the ship's radar" in view.text and "six co-workers" in view.text
    assert "0.07 percent above the limit - - officials said (citing logs)." in view.text


def test_prose_is_left_alone() -> None:
    assert joined_view(PROSE) is None
    assert not looks_tokenised(PROSE * 5)


def test_every_joined_character_comes_from_the_original() -> None:
    view = joined_view(TOKENISED)
    assert view is not None
    assert len(view.origin) == len(view.text) + 1
    for index, char in enumerate(view.text):
        if not char.isspace():
            assert TOKENISED[view.origin[index]] == char


@given(st.lists(st.sampled_from(["a", "Bb", "12", ",", ".", "-", ":", "(", ")", "'s", "000"]),
                min_size=25, max_size=80))  # fmt: skip
def test_spans_map_back_onto_the_original(tokens: list[str]) -> None:
    text = " ".join(tokens) + " .\n"
    view = joined_view(text)
    if view is None:
        return
    for start in range(len(view.text)):
        for end in range(start + 1, min(len(view.text), start + 6) + 1):
            piece = view.text[start:end]
            original = text[view.start(start) : view.end(end)]
            assert original.replace(" ", "") == piece.replace(" ", "")


def test_readings_of_tokenised_text_cite_the_stored_text() -> None:
    article = Article("ferry", "ferry.txt", TOKENISED)
    reading = read_article(article)
    values = {q.evidence.text: q for q in reading.quantities}
    assert "1 , 204" in " ".join(values) and not any(v.value == 47 for v in values.values())
    age = next(q for q in reading.quantities if q.unit == "years old")
    assert age.value == 52
    records: tuple[Any, ...] = (
        *reading.sentences,
        *reading.entities,
        *reading.quantities,
        *reading.times,
    )
    for record in records:
        evidence = record.evidence
        assert TOKENISED[evidence.start : evidence.end] == evidence.text
    assert any("6 : 30 a . m ." in t.evidence.text for t in reading.times)


# The count as one pattern opening with the word character finds it: slower, the same marks.
_WORD_SPACE_MARK = re.compile(r"\w ([,.;:)]|'s|n't)(?= |$)", re.MULTILINE)


@given(st.lists(st.sampled_from(["a", "n't", "'s", "s", ",", ".", ";", ")", ":", " ", "\n", "é",
                                 "_", "1"]), max_size=60))  # fmt: skip
def test_tokenised_marks_are_the_word_space_mark_matches(pieces: list[str]) -> None:
    text = " ".join(pieces)
    assert tokenised_marks(text) == len(_WORD_SPACE_MARK.findall(text))
    glued = "".join(pieces)
    assert tokenised_marks(glued) == len(_WORD_SPACE_MARK.findall(glued))
