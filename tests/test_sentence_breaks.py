"""Where sentences end, on invented text: never inside a name (at the slash between a
place's two names, or after the first word of a firm's name opening a paragraph)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from triangulate.compare.labels import casualty_counted
from triangulate.models import Article
from triangulate.nlp.language import doc_text, load_nlp
from triangulate.readers.reader import read_article
from triangulate.readers.sentences import find_sentences

# Without the join the parser ends both first sentences at the slash (en_core_web_sm 3.8).
BROKEN = (
    "Two kayakers drowned on Tuesday after their boat capsized near Tarehu / Port Kella Marine"
    " Reserve off Vestria’ s west coast.\n\nRescuers found them."
)
FIGURE = (
    "A 52-year-old Ostran hiker was hurt on Sunday after slipping 40 metres down a slope in"
    " Tarehu / Port Kella Forest Park on Vestria’ s north coast.\n\nShe was with friends."
)
NAMES = st.sampled_from(["Tarehu", "Korata", "Vantoa", "Meruki", "Olvira", "Wairen"])
SECONDS = st.sampled_from(["Port Kella", "Port Ellis", "Mt. Belling", "Mount Sarel", "Lake Vessa"])


def _sentences(text: str) -> list[str]:
    return [s.evidence.text for s in find_sentences(load_nlp()(text), "s")]


def test_a_sentence_is_not_ended_at_the_slash_between_two_names() -> None:
    assert _sentences(BROKEN) == [BROKEN.split("\n\n")[0], "Rescuers found them."]


def test_the_joined_sentence_is_one_statement_with_its_figure() -> None:
    reading = read_article(Article(id="s", source="s", text=FIGURE))
    assert FIGURE.split("\n\n")[0] in [u.evidence.text for u in reading.units]
    figures = [q.evidence.text for f in reading.facts for q in f.quantities]
    assert any(figure.startswith("40") for figure in figures)


@settings(max_examples=25, deadline=None)
@given(first=NAMES, second=SECONDS)
@example(first="Tarehu", second="Port Kella")
def test_no_sentence_ends_at_a_slash_between_capitalised_words(first: str, second: str) -> None:
    text = (
        f"Two kayakers drowned on Tuesday after their boat capsized near {first} / {second}"
        " Marine Reserve off Vestria’ s west coast.\n\nRescuers found them."
    )
    assert not any(s.rstrip().endswith("/") for s in _sentences(text))


def test_a_slash_between_figures_or_at_a_paragraph_end_is_left_alone() -> None:
    assert _sentences("The vote is 3 / 4 of members. Prices rose.") == [
        "The vote is 3 / 4 of members.",
        "Prices rose.",
    ]
    assert len(_sentences("Read more at Harbour /\n\nThe ferry left Port Kella on Monday.")) == 2


# Without the join the parser ends a sentence after "Harlow" (en_core_web_sm 3.8).
CUT_NAME = (
    "Harlow agrees $2.5bn deal for Trenton Dairy; plants to shut\n\nHarlow Foods will buy"
    " Trenton Dairy for $2.5 billion, the companies said Tuesday."
)


def test_a_sentence_is_not_ended_after_the_first_word_of_a_name() -> None:
    assert _sentences(CUT_NAME) == CUT_NAME.split("\n\n")


def test_a_short_piece_with_a_verb_or_an_end_mark_is_not_joined() -> None:
    assert _sentences("He left. Harlow Foods will buy Trenton Dairy.") == [
        "He left.",
        "Harlow Foods will buy Trenton Dairy.",
    ]


@settings(max_examples=25, deadline=None)
@given(
    title=st.sampled_from(["Sgt.", "Det.", "Lt.", "Insp.", "Capt.", "Supt.", "Cpl."]),
    name=st.sampled_from(["Paul Edevane", "Ana Moll", "Omar Dace", "Lena Marsh"]),
)
def test_no_sentence_ends_at_a_title_before_a_name(title: str, name: str) -> None:
    first = f"The crash happened at about 6:40 a.m. near Crane Hollow Road, {title} {name} said."
    assert _sentences(f"{first} Three students were hurt.") == [
        first,
        "Three students were hurt.",
    ]


def test_a_title_that_ends_a_sentence_before_no_name_stays_an_end() -> None:
    assert _sentences("The team was led by the Capt. He left.") == [
        "The team was led by the Capt.",
        "He left.",
    ]


# The parser ends sentences at a dateline's brackets (en_core_web_sm 3.8: "LORVAN" | "(" |
# "Channel 12) —" | "Mourners gathered ..."), and a dateline joined to the lead may head its
# parse (a place name taking the lead's verb as its modifier).
TV_DATELINE = (
    "Mourners gather after crash\n\nLORVAN (Channel 12) — Mourners gathered Friday at the corner"
    " of Dale Road and Pike Street, where a man was run down by a driver who sped away Thursday"
    " night.\n\nPolice named him."
)


def test_a_wire_dateline_is_no_sentence_and_the_lead_after_it_is_one() -> None:
    lead = TV_DATELINE.split("\n\n")[1].split("— ")[1]
    assert _sentences(TV_DATELINE) == ["Mourners gather after crash", lead, "Police named him."]


def test_a_figure_in_a_dateline_is_no_count() -> None:
    reading = read_article(Article(id="s", source="s", text=TV_DATELINE))
    assert not [q for f in reading.facts for q in f.quantities if q.value == 12]
    assert not [u for u in reading.units if "LORVAN" in u.evidence.text]


def test_a_docs_text_is_joined_once_and_is_its_text() -> None:
    doc = load_nlp()("Harlow Foods will buy Tarrow Mills.\n\nThe deal closes in May.")
    first = doc_text(doc)
    assert first == doc.text
    assert doc_text(doc) is first  # the readers ask for it per sentence: joined once


# Headlines the parser cuts after their first word under these invented outlets' names
# (en_core_web_sm 3.8): one sentence each
HEADLINES = [
    ("Newsradio 1040 WKXE", "Man, 19, critically wounded in Harwick Hollow shooting"),
    ("Newsradio 1040 WZTE", "Woman killed in Elm Boulevard hit-and-run; police seek silver sedan"),
]


def _reported(outlet: str, headline: str) -> str:
    return (
        f"{outlet} — Local News\n\n{headline}\nBy Ada Vell, {outlet}\n"
        "Published Wednesday, September 20, 2034\n\nA 19-year-old man is in critical condition."
    )


@pytest.mark.parametrize(("outlet", "headline"), HEADLINES)
def test_a_sentence_opens_on_no_comma_nor_on_a_word_in_lower_case_on_its_line(
    outlet: str, headline: str
) -> None:
    assert headline in _sentences(_reported(outlet, headline))


def test_a_sentence_after_a_stop_or_on_a_new_line_stays_apart() -> None:
    assert _sentences("Police arrived.\nand then they left.") == [
        "Police arrived.",
        "and then they left.",
    ]


def test_a_fragment_ending_on_an_address_or_a_credit_is_not_joined() -> None:
    for text in (
        "DUNMERE GAZETTE\n\nAP police said two men were arrested.\n\nMore later.",
        "Email tips@example.com three people were killed in the crash.\n\nMore.",
    ):
        assert "police said two men were arrested." in _sentences(text) or (
            "three people were killed in the crash." in _sentences(text)
        ), _sentences(text)


def test_pieces_cut_at_the_parsers_cap_stay_cut() -> None:
    words = "the council said the plan would cost more and the mayor said the vote would come "
    pieces = _sentences(words * 600)
    assert len(pieces) > 20 and max(len(p) for p in pieces) < 4_000


def test_a_headline_read_whole_tells_its_harm() -> None:
    reading = read_article(Article(id="s", source="s", text=_reported(*HEADLINES[0])))
    (man,) = [q for q in reading.quantities if q.evidence.text == "Man"]
    sentence = next(
        s.evidence
        for s in reading.sentences
        if s.evidence.start <= man.evidence.start < s.evidence.end
    )
    assert casualty_counted(sentence.text, sentence.start, man.evidence, man.unit) == "injure"
