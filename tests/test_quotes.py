"""Direct quotes, reported speech and their speakers (fictional texts)."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from triangulate.models import Quote
from triangulate.nlp.language import load_nlp
from triangulate.readers.entities import EntityIndex, find_entities
from triangulate.readers.quotes import find_quotes, quoted_regions


def quotes_of(text: str) -> list[Quote]:
    doc = load_nlp()(text)
    found = find_quotes(doc, EntityIndex.of(find_entities(doc, "t")), "t")
    for quote in found:
        assert text[quote.evidence.start : quote.evidence.end] == quote.evidence.text
        spoken = quote.speaker_evidence
        assert spoken is None or text[spoken.start : spoken.end] == spoken.text
    return found


def only(found: list[Quote], kind: str) -> list[Quote]:
    return [quote for quote in found if quote.kind == kind]


def test_direct_quote_with_speaker_after_it() -> None:
    found = quotes_of("“We have done our duty,” Alexander Volkov, the defence minister, said.")
    direct = only(found, "direct")
    assert [q.evidence.text for q in direct] == ["We have done our duty"]
    assert direct[0].speaker == "Alexander Volkov"


def test_quote_over_two_sentences_and_its_continuation() -> None:
    text = (
        'Defence Minister Irina Petrenko spoke on Monday.\n\n"The troops crossed the border. '
        'They are safe," Petrenko said. "The mission is over."'
    )
    direct = only(quotes_of(text), "direct")
    assert direct[0].evidence.text == "The troops crossed the border. They are safe"
    assert direct[1].evidence.text == "The mission is over."
    assert direct[0].speaker == direct[1].speaker == "Irina Petrenko"


def test_reported_speech_with_that_clause() -> None:
    found = quotes_of(
        "President Mirela Kostanyan claimed on Thursday that the talks would resume soon."
    )
    reported = only(found, "reported")
    assert reported[0].evidence.text == "the talks would resume soon"
    assert reported[0].speaker == "Mirela Kostanyan"


def test_according_to_and_pointed_out() -> None:
    text = (
        "According to Irina Petrenko, a spokeswoman for the Foreign Ministry, the talks will "
        "resume in May. Petrenko pointed out that the other side had asked for the delay."
    )
    reported = only(quotes_of(text), "reported")
    assert [q.speaker for q in reported] == ["Irina Petrenko", "Irina Petrenko"]
    assert reported[0].evidence.text == "the talks will resume in May"
    assert reported[1].evidence.text == "the other side had asked for the delay"


def test_pronoun_speaker_is_the_last_person_named() -> None:
    text = "Dariusz Novak visited the border town. He said that the crossing would reopen."
    reported = only(quotes_of(text), "reported")
    assert reported[0].speaker == "Dariusz Novak"
    assert reported[0].speaker_evidence is not None
    assert reported[0].speaker_evidence.text == "He"


def test_ministry_speaker_keeps_its_noun_phrase() -> None:
    text = (
        '"All units have returned to their bases," Talvania’s Defence Ministry said in a statement.'
    )
    direct = only(quotes_of(text), "direct")
    assert direct[0].speaker is not None
    assert "Defence Ministry" in direct[0].speaker


def test_definite_ministry_resolves_to_the_ministry_named_before() -> None:
    text = (
        "The Talvanian Defence Ministry published a statement on Friday.\n\n"
        '"The last convoy has crossed the river," the ministry said.'
    )
    direct = only(quotes_of(text), "direct")
    assert direct[0].speaker == "Talvanian Defence Ministry"


def test_capital_speaking_for_its_state() -> None:
    reported = only(quotes_of("Oslo said that it welcomed the end of the mission."), "reported")
    assert reported[0].speaker == "Norway"


def test_scare_quoted_labels_are_not_quotes() -> None:
    text = 'Critics called the mission a "failure" and its troops "so-called guardians".'
    assert only(quotes_of(text), "direct") == []


def test_short_quote_said_by_someone_counts() -> None:
    text = "Volkov said that he had “no information” about the visit."
    direct = only(quotes_of(text), "direct")
    assert [q.evidence.text for q in direct] == ["no information"]


def test_negated_speech_is_not_reported_speech() -> None:
    assert quotes_of("Dariusz Novak did not say why the crossing was closed.") == []


@given(st.text(alphabet="ab \"“”‘’'\n.", max_size=60))
def test_quoted_regions_are_ordered_and_disjoint(text: str) -> None:
    regions = quoted_regions(text)
    for (start, end), (next_start, _) in itertools.pairwise(regions):
        assert start < end <= next_start
    for start, end in regions:
        assert text[start] in "\"“‘'" and text[end - 1] in "\"”’'"
