"""Where sentences end, on invented text: never at the slash between a place's two names."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from triangulate.models import Article
from triangulate.nlp.language import load_nlp
from triangulate.readers.reader import read_article
from triangulate.readers.sentences import find_sentences

# The parser ends the sentence at this slash without the join (checked on en_core_web_sm 3.8).
BROKEN = (
    "A 36-year-old Vestrian man died on Friday after falling 150 metres from a ridge in"
    " Tarehu / Port Kella National Park on Kestrania’ s South Island.\n\nHe was with a group."
)
NAMES = st.sampled_from(["Tarehu", "Korata", "Vantoa", "Meruki", "Olvira", "Sella", "Brenholt"])
SECONDS = st.sampled_from(["Port Kella", "Mt. Belling", "Mount Sarel", "Lake Vessa", "Carrow"])


def _sentences(text: str) -> list[str]:
    return [s.evidence.text for s in find_sentences(load_nlp()(text), "s")]


def test_a_sentence_is_not_ended_at_the_slash_between_two_names() -> None:
    assert _sentences(BROKEN) == [BROKEN.split("\n\n")[0], "He was with a group."]


def test_the_joined_sentence_is_one_statement_with_its_figure() -> None:
    reading = read_article(Article(id="s", source="s", text=BROKEN))
    units = [u.evidence.text for u in reading.units]
    assert BROKEN.split("\n\n")[0] in units
    falls = [f for f in reading.facts if f.predicate == "die"]
    assert "150" in [q.evidence.text for f in falls for q in f.quantities]


@settings(max_examples=25, deadline=None)
@given(first=NAMES, second=SECONDS)
@example(first="Tarehu", second="Port Kella")
def test_no_sentence_ends_at_a_slash_between_capitalised_words(first: str, second: str) -> None:
    text = (
        f"A 36-year-old Vestrian man died on Friday after falling 150 metres from a ridge in"
        f" {first} / {second} National Park on Kestrania’ s South Island.\n\nHe was with a group."
    )
    assert not any(s.rstrip().endswith("/") for s in _sentences(text))


def test_a_slash_between_figures_or_at_a_paragraph_end_is_left_alone() -> None:
    assert _sentences("The vote is 3 / 4 of members. Prices rose.") == [
        "The vote is 3 / 4 of members.",
        "Prices rose.",
    ]
    assert len(_sentences("Read more at Harbour /\n\nThe ferry left Port Kella on Monday.")) == 2
