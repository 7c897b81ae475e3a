"""A name the sources spell two ways, on invented text: which ways count, and who is on
which side."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from conftest import compare_texts
from triangulate.compare.disagreements import (
    _Groups,
    _Variants,
    edit_distance,
    name_ends,
    name_key,
    respelled,
    spelled_alike,
    usual_spellings,
)
from triangulate.models import Claim, Evidence, Side
from triangulate.nlp.encoder import TextEncoder


def _spellings(encoder: TextEncoder, *texts: str) -> list[Claim]:
    return [c for c in compare_texts(encoder, *texts) if c.kind == "spelling"]


def test_a_suffix_a_middle_name_or_a_title_is_no_spelling() -> None:
    assert name_ends("Jonas Edvard Vik III") == ("jonas", "vik") == name_ends("Dr. Jonas Vik")
    assert name_ends("Jonas Vik Jr.") == ("jonas", "vik")
    assert name_ends("Vik") is None


def test_initials_written_with_spaced_dots_or_before_an_apostrophe_are_read_as_such() -> None:
    assert name_key("T . J . Brennick") == ("tj", "brennick") == name_key("TJ Brennick")
    assert name_key("T.J. Brennick") == name_key("T. J. Brennick") == ("tj", "brennick")
    assert name_ends("Mara K. O'Dell") == ("mara", "o'dell") == name_ends("Mara O'Dell")


def test_one_name_with_its_initials_written_two_ways_is_no_spelling(encoder: TextEncoder) -> None:
    claims = _spellings(
        encoder,
        "Ferry captain T . J . Brennick was charged on Friday with steering the ferry Nordlys"
        " onto the rocks off Port Ellis. Harbour lawyer Mara K. O'Dell spoke for the crew.",
        "Ferry captain TJ Brennick was charged on Friday with steering the ferry Nordlys onto"
        " the rocks off Port Ellis. Harbour lawyer Mara O'Dell spoke for the crew.",
    )
    assert claims == []


def test_initials_a_letter_apart_are_still_a_spelling(encoder: TextEncoder) -> None:
    claims = _spellings(
        encoder,
        "Ferry captain T . J . Brennick was charged on Friday with steering the ferry Nordlys"
        " onto the rocks off Port Ellis.",
        "Ferry captain TJ Brenick was charged on Friday with steering the ferry Nordlys onto"
        " the rocks off Port Ellis.",
    )
    assert len(claims) == 1
    assert {s.display for s in claims[0].sides} == {"T . J . Brennick", "TJ Brenick"}


def test_the_usual_spelling_heads_the_claim_and_each_source_is_on_its_sides(
    encoder: TextEncoder,
) -> None:
    claims = _spellings(
        encoder,
        "Ferry captain Tomas Brennick III was charged on Friday with steering the ferry Nordlys"
        " onto the rocks off Port Ellis.",
        "Ferry captain Tomas Brennick was charged on Friday with steering the ferry Nordlys onto"
        " the rocks off Port Ellis. Crew members tried to help Brenick off the bridge.",
        "Ferry captain Tomas Brenick was charged on Friday with steering the ferry Nordlys onto"
        " the rocks off Port Ellis, prosecutors said.",
        "Ferry captain Tomas Brenick was charged on Friday with steering the ferry Nordlys onto"
        " the rocks off Port Ellis. Divers later reached the hull, and Tomas Brennick stayed"
        " silent in court.",
    )
    assert len(claims) == 1
    claim = claims[0]
    assert claim.about == "Spelling of the name Tomas Brennick"
    assert [s.display for s in claim.sides] == ["Tomas Brennick", "Tomas Brenick"]
    assert set(claim.sides[0].articles) == {"a1", "a2", "a4"}  # a4 writes both
    assert set(claim.sides[1].articles) == {"a3", "a4", "a2"}  # a2 writes it as a surname


def test_a_slip_in_a_source_that_also_writes_the_usual_spelling_is_no_claim(
    encoder: TextEncoder,
) -> None:
    claims = _spellings(
        encoder,
        "Ferry captain Tomas Brennick was charged on Friday with steering the ferry Nordlys onto"
        " the rocks off Port Ellis.",
        "Ferry captain Tomas Brenick was charged on Friday with steering the ferry Nordlys onto"
        " the rocks off Port Ellis. Lawyers for Tomas Brennick said he would plead not guilty.",
    )
    assert claims == []


def test_a_surname_alone_goes_to_no_side_when_both_ways_share_it(encoder: TextEncoder) -> None:
    claims = _spellings(
        encoder,
        "Harbour Minister Dmitri Halvorsen said the port would reopen on Friday.",
        "Harbour Minister Dmitry Halvorsen said the port would reopen on Friday.",
        "Harbour Minister Dmitri Halvorsen said the port would reopen on Friday. Critics of"
        " Halvorsen said it was too soon.",
        "The port will reopen on Friday, the harbour minister said. Halvorsen gave no reason.",
    )
    assert len(claims) == 1
    assert [set(side.articles) for side in claims[0].sides] == [{"a1", "a3"}, {"a2"}]


def _named_claim(about: str, *sentences: tuple[str, bool], kind: str = "statement") -> Claim:
    evidence = tuple(
        Evidence(f"a{i}", 0, len(text), text, tentative=tentative)
        for i, (text, tentative) in enumerate(sentences, start=1)
    )
    side = Side(None, about, tuple(e.article for e in evidence), evidence)
    return Claim("", about, "agreed", "", (side,), kind=kind)


def test_a_label_writes_a_name_as_most_sources_do_when_a_sure_sentence_does() -> None:
    ways = Claim(
        "",
        "Spelling of the name Tomas Brennick",
        "conflict",
        "",
        (Side("Tomas Brennick", "Tomas Brennick", ("a1",), ()),
         Side("Tomas Brenick", "Tomas Brenick", ("a2",), ())),
        kind="spelling",
    )  # fmt: skip
    spellings = usual_spellings([ways])
    assert spellings == {"Tomas Brenick": "Tomas Brennick", "Brenick": "Brennick"}
    died = _named_claim(
        "Tomas Brenick died", ("Tomas Brenick died on Friday.", False),
        ("Tomas Brennick died on Friday, police said.", False),
    )  # fmt: skip
    assert respelled(died, spellings).about == "Tomas Brennick died"
    assert respelled(died, spellings).sides[0].display == "Tomas Brennick died"
    # the label is the one source's words: no sure sentence writes the usual way
    named = _named_claim(
        "The ferry Nordlys was steered by Tomas Brenick",
        ("The ferry Nordlys was steered by Tomas Brenick, the port said.", False),
        ("Tomas Brennick was charged.", True),
    )
    assert respelled(named, spellings) == named
    assert respelled(ways, spellings) == ways


def test_edit_distance_counts_the_letters_to_insert_delete_or_change() -> None:
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("Vik", "Vick") == 1
    assert edit_distance("", "abc") == 3
    assert edit_distance("Brennick", "Brennick") == 0


@given(st.text("aeiknorv ", max_size=9), st.text("aeiknorv ", max_size=9))
def test_names_are_spelled_alike_when_two_letters_apart_at_most(a: str, b: str) -> None:
    assert spelled_alike(a, b) == (edit_distance(a, b) <= 2)  # the count filters change nothing


def test_two_names_asked_again_and_again_are_compared_once_a_pair_of_ends() -> None:
    variants = _Variants()
    names = ["Tomas Brennick", "Tomas Brenick", "Tomas E. Brenick", "Tomas Brennick III", "Vik"]
    expected = {
        ("Tomas Brennick", "Tomas Brenick"): True,
        ("Tomas Brennick", "Tomas E. Brenick"): True,
        ("Tomas Brenick", "Tomas Brennick III"): True,
        ("Tomas Brenick", "Tomas E. Brenick"): False,  # a middle name: one name
        ("Tomas Brennick", "Tomas Brennick III"): False,  # a suffix: one name
        ("Tomas Brennick", "Vik"): False,  # a single name is no full name
    }
    for _ in range(50):
        for first in names:
            for second in names:
                found = variants(first, second)
                if (first, second) in expected:
                    assert found == expected[(first, second)]
                    assert variants(second, first) == found
    # two ways of writing (first name, surname) here: their spellings compared once each way
    assert variants.compared == 2


def test_ways_of_a_name_join_in_groups_in_the_order_last_joined_to() -> None:
    groups = _Groups()
    groups.join(("a", "x"), ("a", "y"))
    groups.join(("b", "x"), ("b", "y"))
    groups.join(("c", "x"), ("c", "y"))
    groups.join(("a", "y"), ("a", "x"))  # joined to again: it comes last
    assert groups.in_order() == [
        {("b", "x"), ("b", "y")},
        {("c", "x"), ("c", "y")},
        {("a", "x"), ("a", "y")},
    ]
    groups.join(("b", "y"), ("c", "x"))  # two groups merge, last
    groups.join(("d", "x"), ("d", "z"))
    assert groups.in_order() == [
        {("a", "x"), ("a", "y")},
        {("b", "x"), ("b", "y"), ("c", "x"), ("c", "y")},
        {("d", "x"), ("d", "z")},
    ]
