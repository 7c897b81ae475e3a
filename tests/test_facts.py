"""Atomic facts built from parsed sentences (fictional texts)."""

from __future__ import annotations

from triangulate.models import Evidence, Fact, Quantity, TimeExpression
from triangulate.nlp.language import load_nlp
from triangulate.readers.entities import EntityIndex, find_entities
from triangulate.readers.facts import find_facts


def facts_of(
    text: str, times: tuple[TimeExpression, ...] = (), quantities: tuple[Quantity, ...] = ()
) -> list[Fact]:
    doc = load_nlp()(text)
    found = find_facts(doc, "t", EntityIndex.of(find_entities(doc, "t")), times, quantities)
    for fact in found:
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
    return found


def time_in(text: str, words: str, value: str) -> TimeExpression:
    start = text.index(words)
    return TimeExpression(Evidence("t", start, start + len(words), words), value, "day", True)


def quantity_in(text: str, words: str, value: float) -> Quantity:
    start = text.index(words)
    return Quantity(
        Evidence("t", start, start + len(words), words), value, "soldiers", None, value, value
    )


def test_subject_predicate_object_and_negation() -> None:
    facts = facts_of("The monitoring contingent did not intervene. Talvania withdrew its troops.")
    assert [(f.predicate, f.object) for f in facts] == [
        ("not intervene", None),
        ("withdraw", "its troops"),
    ]
    assert facts[0].subject == "monitoring contingent"
    assert facts[0].evidence.text == "The monitoring contingent did not intervene."


def test_a_clause_told_of_nobody_or_nothing_is_negated() -> None:
    # "No one has been arrested" denies the arrest "Police arrested a man" tells: with the
    # plain verb, a first report's "no one" was cited as stating a later report's arrest
    text = (
        "No one has been arrested. Police have made no arrests. Nobody was hurt. "
        "Police arrested a man in Harwick. Nothing was taken. He is no stranger to it."
    )
    assert [f.predicate for f in facts_of(text)] == [
        "not arrest",
        "not make",
        "not hurt",
        "arrest",
        "not take",
        "be",  # a copula's "no": he knows it well
    ]


def test_passive_clause_is_turned_around() -> None:
    facts = facts_of("The monitors were withdrawn by the Talvanian government.")
    assert facts[0].predicate == "withdraw"
    assert facts[0].object == "monitors"
    assert facts[0].subject is not None and "government" in facts[0].subject


def test_reported_clause_gives_the_fact_not_the_saying() -> None:
    facts = facts_of("Officials said that the monitors left the valley.")
    assert [(f.subject, f.predicate, f.object) for f in facts] == [("monitors", "leave", "valley")]


def test_times_and_quantities_attach_to_their_sentence() -> None:
    text = "About 1,200 soldiers left on Tuesday. The talks resumed."
    facts = facts_of(
        text, (time_in(text, "Tuesday", "2024-06-11"),), (quantity_in(text, "About 1,200", 1200),)
    )
    assert [t.value for t in facts[0].times] == ["2024-06-11"]
    assert [q.value for q in facts[0].quantities] == [1200]
    assert facts[1].times == () and facts[1].quantities == ()


def test_joined_clauses_are_separate_facts_with_shared_subject() -> None:
    facts = facts_of("The monitors packed their equipment and crossed the border.")
    assert [(f.subject, f.predicate) for f in facts] == [
        ("monitors", "pack"),
        ("monitors", "cross"),
    ]


def test_verbless_line_with_a_figure_is_still_a_fact() -> None:
    text = "Casualties: 12 soldiers"
    facts = facts_of(text, quantities=(quantity_in(text, "12 soldiers", 12),))
    assert len(facts) == 1
    assert facts[0].predicate is None and facts[0].quantities[0].value == 12


def test_places_and_entities_are_canonical_names() -> None:
    facts = facts_of("Defence Minister Alexander Volkov visited Oslo on Monday.")
    assert "Alexander Volkov" in facts[0].entities
    assert "Oslo" in facts[0].places
    assert facts[0].subject == "Alexander Volkov"


def test_sentence_without_clause_time_or_figure_gives_no_fact() -> None:
    assert facts_of("Background") == []


def test_a_relative_clause_is_its_own_fact_about_the_noun_it_describes() -> None:
    text = "The mill, which employs about 900 workers, has a long record of spills."
    figure = quantity_in(text, "about 900", 900)
    facts = facts_of(text, quantities=(figure,))
    holder = [fact for fact in facts if figure in fact.quantities]
    assert [(f.subject, f.predicate) for f in holder] == [("mill", "employ")]


def test_an_adverbial_clause_with_its_own_subject_tells_its_own_fact() -> None:
    text = (
        "The ferry's sinking came a day after deckhand Tomas Karn was hurt after slipping"
        " and falling 12 feet into the hold."
    )
    figure = quantity_in(text, "12 feet", 12)
    facts = facts_of(text, quantities=(figure,))
    came = next(f for f in facts if f.predicate == "come")
    hurt = next(f for f in facts if f.predicate == "hurt")
    assert came.subject == "ferry's sinking" and came.quantities == ()
    assert hurt.object == "Tomas Karn" and hurt.quantities == (figure,)


def test_an_adverbial_clause_without_a_subject_is_no_fact_of_its_own() -> None:
    text = "The ferry sank after striking the rocks off Port Ellis."
    assert [f.predicate for f in facts_of(text)] == ["sink"]


def test_an_adverbial_clause_without_a_figure_or_a_time_adds_no_fact() -> None:
    text = "The ferry sank off Port Ellis after the captain left the bridge."
    assert [f.predicate for f in facts_of(text)] == ["sink"]


def test_an_adverbial_clause_with_its_own_subject_keeps_its_own_time() -> None:
    # the day dates the leaving, not the sinking; nor "since" the burning
    text = "The ferry sank off Port Ellis after the captain left the bridge on Monday."
    monday = time_in(text, "Monday", "2031-05-05")
    assert [(f.predicate, f.times) for f in facts_of(text, times=(monday,))] == [
        ("sink", ()),
        ("leave", (monday,)),
    ]
    text = "The fire has burned 11,200 acres since it started on Friday near Lindale."
    friday = time_in(text, "Friday", "2031-08-01")
    dated = {f.predicate: f.times for f in facts_of(text, times=(friday,))}
    assert dated == {"burn": (), "start": (friday,)}


def test_a_participle_describing_a_noun_keeps_its_own_time() -> None:
    text = "A man arrested on Saturday was charged with murder on Monday."
    times = (time_in(text, "Saturday", "2031-05-03"), time_in(text, "Monday", "2031-05-05"))
    dated = {f.predicate: [t.value for t in f.times] for f in facts_of(text, times)}
    assert dated == {"arrest": ["2031-05-03"], "charge": ["2031-05-05"]}
