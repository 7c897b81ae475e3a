"""The sentence around a cited span: one rule for steps, pages and files."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from triangulate.core import spans
from triangulate.core.spans import CONTEXT_CHARS, context_around, sentence_around
from triangulate.models import Evidence

TEXT = (
    'The ferry sank on Tuesday. Officials said "about 1.5 million tonnes were spilled." '
    "Divers found the wreck!\nA second line starts here"
)


def at(phrase: str) -> Evidence:
    start = TEXT.index(phrase)
    return Evidence("a", start, start + len(phrase), phrase)


def test_the_sentence_runs_between_sentence_ends_keeping_its_own() -> None:
    sentence = sentence_around(at("1.5 million"), TEXT)
    assert sentence.text == 'Officials said "about 1.5 million tonnes were spilled."'
    assert TEXT[sentence.start : sentence.end] == sentence.text
    assert sentence_around(at("wreck"), TEXT).text == "Divers found the wreck!"
    assert sentence_around(at("second"), TEXT).text == "A second line starts here"


def test_a_reader_sentence_holding_the_span_wins() -> None:
    reader = at("Officials said")
    assert sentence_around(at("said"), TEXT, [reader]) == reader
    # a reader sentence that does not hold the whole span is passed over
    assert sentence_around(at('said "about'), TEXT, [reader]).text.startswith("Officials")


def test_context_marks_the_span_inside_its_sentence() -> None:
    span = at("1.5 million")
    context = context_around(TEXT, span.start, span.end)
    assert context.span == "1.5 million"
    assert context.before == 'Officials said "about '
    assert context.after == ' tonnes were spilled."'


def test_a_long_sentence_is_cut_with_an_ellipsis() -> None:
    text = "word " * 200 + "TARGET " + "word " * 200 + "end."
    start = text.index("TARGET")
    context = context_around(text, start, start + 6)
    assert context.before.startswith("…") and context.after.endswith("…")
    assert len(context.before) <= CONTEXT_CHARS + 1 and len(context.after) <= CONTEXT_CHARS + 1
    assert context_around(text, 10, len(text) + 5).span == ""  # not in the text


@given(st.text(alphabet="ab .!?\n\"'", max_size=80), st.data())
def test_the_context_is_always_a_stretch_of_the_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    context = context_around(text, start, end)
    assert context.span == text[start:end]
    assert text[:start].endswith(context.before) and text[end:].startswith(context.after)
    sentence = sentence_around(Evidence("a", start, end), text)
    assert sentence.start <= start and end <= sentence.end
    assert text[sentence.start : sentence.end] == sentence.text


def _bounds_by_one_long_look(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence's bounds as first written: every sentence end in the longest reach back."""
    left = max(0, start - spans.LONGEST_SENTENCE)
    for found in spans._SENTENCE_END.finditer(text, left, start):
        left = found.end()
    after = spans._SENTENCE_END.search(text, end)
    right = after.end() if after else len(text)
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


@given(st.text(alphabet='ab .!?"\n', max_size=80), st.data())
def test_looking_back_near_first_finds_the_sentence_one_long_look_finds(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    near, longest = spans.NEAR_REACH, spans.LONGEST_SENTENCE
    spans.NEAR_REACH, spans.LONGEST_SENTENCE = 4, 30  # reaches the short texts cross
    try:
        found = spans.sentence_bounds(text, start, end)
        expected = _bounds_by_one_long_look(text, start, end)
    finally:
        spans.NEAR_REACH, spans.LONGEST_SENTENCE = near, longest
    assert found == expected
