"""The word layer: one tokenizer, one stop-word set, one stem on spaCy's lemmas."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from triangulate.core.words import (
    STOP_WORDS,
    content_words,
    lemma_pairs,
    overlap,
    stem,
    whole_word_starts,
    words_of,
)


def test_words_keep_inner_apostrophes_and_hyphens() -> None:
    assert words_of("The so-called 'inspectors' didn't leave — 12 of them.") == [
        "The", "so-called", "inspectors", "didn't", "leave", "12", "of", "them",
    ]  # fmt: skip


def test_whole_words_are_found_where_no_word_goes_on_either_side() -> None:
    text = "and Anderson and_ -and (and) five-year year"
    assert list(whole_word_starts(text, "and")) == [0, 19, 24]
    assert list(whole_word_starts(text, "year")) == [34, 39]
    assert list(whole_word_starts(text, "year", after_hyphen=False)) == [39]


@given(
    st.text(alphabet="ab -_.é1", max_size=30),
    st.text(alphabet="ab-é1", min_size=1, max_size=3),
    st.booleans(),
)
def test_whole_words_are_where_the_pattern_finds_them(
    text: str, words: str, after_hyphen: bool
) -> None:
    before = r"(?<!\w)" if after_hyphen else r"(?<![\w-])"
    pattern = re.compile(f"(?={before}{re.escape(words)}(?!\\w))")
    expected = [found.start() for found in pattern.finditer(text)]
    assert list(whole_word_starts(text, words, after_hyphen=after_hyphen)) == expected


def test_stems_fold_plurals_and_possessives_and_follow_lemmas() -> None:
    assert {stem(w) for w in ("inspectors", "Inspector's", "inspectors’")} == {"inspector"}
    assert stem("cities") == "city" and stem("status") == "status" and stem("crisis") == "crisis"
    lemmas = {"left": "leave", "leaving": "leave"}
    assert stem("left", lemmas) == stem("Leaving", lemmas) == stem("leave") == "leave"
    assert stem("left") == "left"  # without a reading, no lemma to go by


def test_content_words_drop_stop_words_and_use_lemmas() -> None:
    lemmas = dict(lemma_pairs([("Inspectors", "inspector"), ("left", "leave"), ("the", "the")]))
    assert lemmas == {"inspectors": "inspector", "left": "leave"}
    first = content_words("The inspectors left the valley, officials said.", lemmas)
    assert first == {"inspector", "leave", "valley", "official"}
    second = content_words("An inspector is leaving the valley", {"leaving": "leave"})
    assert overlap(first, second) == 0.75
    assert not content_words("and the of it was said") and "said" in STOP_WORDS


def test_a_form_keeps_its_most_frequent_lemma() -> None:
    pairs = lemma_pairs([("saw", "see"), ("saw", "see"), ("saw", "saw"), ("Ran", "run")])
    assert pairs == (("ran", "run"), ("saw", "see"))


@given(st.text(max_size=60))
def test_content_words_are_stems_of_words_of_the_text(text: str) -> None:
    stems = {stem(word) for word in words_of(text)}
    assert content_words(text) <= stems
    assert overlap(content_words(text), content_words(text)) in (0.0, 1.0)
