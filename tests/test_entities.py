"""Entity spans and the merging of name variants (fictional names only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triangulate.models import Entity, Evidence
from triangulate.nlp.language import load_nlp
from triangulate.readers.entities import (
    find_entities,
    merge_entities,
    same_name_word,
    skeleton,
    state_alias,
    state_of,
)

FIXTURES = Path(__file__).parent / "fixtures" / "read"


def entity(text: str, label: str = "PERSON") -> Entity:
    return Entity(Evidence("x", 0, len(text), text), label, text)


def test_transliterated_and_titled_person_variants_share_one_canonical() -> None:
    variants = [
        "Volkov",
        "Aleksandr Volkov",
        "Alexander Volkov",
        "Defence Minister Alexander Volkov",
    ]
    mapping = merge_entities(entity(text) for text in [*variants, "Aleksandr Volkov"])
    assert {mapping[text] for text in variants} == {"Aleksandr Volkov"}


def test_vowel_and_y_spelling_variants_merge() -> None:
    mapping = merge_entities(
        entity(text) for text in ["Mirela Kostanyan", "President Mirela Kostanian", "Kostanyan"]
    )
    assert len(set(mapping.values())) == 1


def test_same_surname_with_other_given_name_stays_apart() -> None:
    mapping = merge_entities(
        entity(text) for text in ["Ilya Marekovic", "Anna Marekovic", "Anna Marekovic", "Marekovic"]
    )
    assert mapping["Ilya Marekovic"] != mapping["Anna Marekovic"]
    assert mapping["Marekovic"] == "Anna Marekovic"  # the one named most often


def test_a_bare_surname_told_as_often_is_the_first_bearer_named() -> None:
    mapping = merge_entities(
        entity(text)
        for text in ["Bertram Osk", "Osk", "Lena Osk"]  # in the order told
    )
    assert mapping["Osk"] == "Bertram Osk"


def test_short_surnames_need_an_exact_match() -> None:
    mapping = merge_entities(entity(text) for text in ["Tom Kim", "Tom Kam"])
    assert mapping["Tom Kim"] != mapping["Tom Kam"]


def test_ministry_word_orders_and_spellings_merge() -> None:
    mapping = merge_entities(
        entity(text, "ORG")
        for text in ["the Ministry of Defence", "Defense Ministry", "Defence Ministry"]
    )
    assert len(set(mapping.values())) == 1


def test_state_aliases_and_capitals() -> None:
    mapping = merge_entities(entity(text, "GPE") for text in ["U.S.", "the United States"])
    assert set(mapping.values()) == {"United States"}
    assert state_of("Oslo") == "Norway"
    assert state_of("Downing Street") == "United Kingdom"
    assert state_of("Drovnia") is None
    assert state_alias("UK") == "United Kingdom"


def test_merging_ignores_article_order() -> None:
    texts = ["Nadia Orlova", "Nadya Orlova", "Orlova", "Nadya Orlova"]
    forward = merge_entities(entity(text) for text in texts)
    backward = merge_entities(entity(text) for text in reversed(texts))
    assert forward == backward


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzé", min_size=1, max_size=12))
def test_name_words_match_themselves_and_symmetrically(word: str) -> None:
    assert same_name_word(word, word)
    other = word[::-1]
    assert same_name_word(word, other) == same_name_word(other, word)


def test_skeleton_survives_common_transliterations() -> None:
    assert skeleton("Aleksandr") == skeleton("Alexander")
    assert skeleton("Volkov") == skeleton("Wolkow")
    assert skeleton("Kostanyan") == skeleton("Kostanian")


@pytest.fixture(scope="module")
def fixture_entities() -> tuple[str, list[Entity]]:
    text = (FIXTURES / "talvania_b.txt").read_text()
    return text, find_entities(load_nlp()(text), "b")


def test_found_entities_are_exact_spans(fixture_entities: tuple[str, list[Entity]]) -> None:
    text, entities = fixture_entities
    assert entities
    for found in entities:
        assert text[found.evidence.start : found.evidence.end] == found.evidence.text


def test_surname_mentions_share_the_full_name(fixture_entities: tuple[str, list[Entity]]) -> None:
    _, entities = fixture_entities
    canonical = {e.evidence.text: e.canonical for e in entities}
    assert canonical["Volkov"] == canonical["Alexander Volkov"] == "Alexander Volkov"
    assert canonical["Petrenko"] == "Irina Petrenko"


def test_entity_spans_never_carry_line_breaks() -> None:
    text = "Monitors exit Upper-Drovnia\n\nCeremony in Upper-Drovnia\nCeremony in Upper-Drovnia\n\nEnd."
    assert any("\n" in ent.text for ent in load_nlp()(text).ents)  # the tagger does include them
    for found in find_entities(load_nlp()(text), "n"):
        assert found.evidence.text == found.evidence.text.strip()
        assert found.canonical == " ".join(found.canonical.split())


def test_a_name_with_a_hyphenated_given_name_is_read_whole() -> None:
    # the tokeniser splits "Seo-in" at its hyphen and the tagger stops before "in"
    text = "The envoy met Governor Han Seo-in on Friday, and President Ryu Dae-in on Monday."
    people = [e.evidence.text for e in find_entities(load_nlp()(text), "h") if e.label == "PERSON"]
    assert people == ["Han Seo-in", "Ryu Dae-in"]


def test_a_hyphenated_modifier_after_a_name_is_not_part_of_it() -> None:
    text = "Governor Ilse Varga-led talks ended, and Ilse Varga spoke on Friday."
    people = [e.evidence.text for e in find_entities(load_nlp()(text), "h") if e.label == "PERSON"]
    assert "Ilse Varga-led" not in people
