"""compare(): claims and verdicts on invented articles with hand-built readings."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from conftest import compare_texts
from triangulate.compare.claims import (
    collect_mentions,
    compare,
    normalise_unit,
    parse_time_value,
    spans_compatible,
)
from triangulate.core.sources import independent_sources, surely_citing
from triangulate.models import (
    Article,
    Claim,
    Evidence,
    Fact,
    Quantity,
    Reading,
    Sentence,
    TimeExpression,
)
from triangulate.nlp.encoder import HashingEmbedder, TextEncoder, load_encoder
from triangulate.readers.reader import read_many


def _span(article: Article, written: str, within: Evidence | None = None) -> Evidence:
    start = article.text.find(written, within.start if within else 0)
    assert start >= 0, written
    return Evidence(article.id, start, start + len(written), written)


def quantity(
    article: Article,
    written: str,
    value: float,
    unit: str,
    hedge: str | None,
    low: float,
    high: float,
) -> Quantity:
    return Quantity(_span(article, written), value, unit, hedge, low, high)


def time(article: Article, written: str, value: str, granularity: str) -> TimeExpression:
    return TimeExpression(_span(article, written), value, granularity, anchored=True)


def reading(
    article: Article, facts: Sequence[tuple[str, Sequence[Quantity | TimeExpression]]]
) -> Reading:
    built = []
    for sentence, values in facts:
        evidence = _span(article, sentence)
        built.append(
            Fact(
                evidence=evidence,
                quantities=tuple(v for v in values if isinstance(v, Quantity)),
                times=tuple(v for v in values if isinstance(v, TimeExpression)),
            )
        )
    sentences = tuple(Sentence(f.evidence) for f in built)
    return Reading(
        article.id, "test", published=article.published, sentences=sentences, facts=tuple(built)
    )


# A fictional flood in an invented country, reported by four invented outlets.
LEDGER = Article(
    id="ledger",
    source="ledger.txt",
    outlet="Daily Ledger",
    published="2031-03-04",
    text=(
        "Almost 2,000 rescuers were deployed to the Orlen valley after the river burst its banks. "
        "Around 100,000 residents fled the flooded districts of Orlen, officials said. "
        "The floods have killed 12 people. "
        "The region never recovered from the drought of 2011-2013, farmers said. "
        "The old dam on the river is 80 metres high."
    ),
)
HERALD = Article(
    id="herald",
    source="herald.txt",
    outlet="Coast Herald",
    published="2031-03-05",
    text=(
        "Nearly 2,000 rescuers were sent to the Orlen valley when the river burst its banks. "
        "Some 50,000-odd residents fled the flooded districts of Orlen, according to officials. "
        "The region had not recovered from the drought, which lasted from 2008 to 2014, farmers said."
    ),
)
HERALD_COPY = Article(
    id="herald-copy",
    source="copy.txt",
    outlet="Valley Post",
    published="2031-03-05",
    duplicate_of="herald",
    text=HERALD.text,
)
BULLETIN = Article(
    id="bulletin",
    source="bulletin.txt",
    outlet="Evening Bulletin",
    published="2031-03-09",
    text=(
        "A 2,000-strong team of rescuers is still working in the Orlen valley. "
        "The death toll from the floods has now risen to 45 people."
    ),
)


def _readings() -> list[Reading]:
    """The readers' own readings of the invented articles (spaCy, figures, dates, units)."""
    return read_many(ARTICLES)


ARTICLES = [LEDGER, HERALD, HERALD_COPY, BULLETIN]


@pytest.fixture(scope="module")
def claims(encoder: TextEncoder) -> list[Claim]:
    return compare(ARTICLES, _readings(), encoder)


def _claim_with(claims: list[Claim], display: str) -> Claim:
    found = [c for c in claims if any(side.display == display for side in c.sides)]
    assert len(found) == 1, (display, claims)
    return found[0]


def test_hedged_figures_agree(claims: list[Claim]) -> None:
    claim = _claim_with(claims, "Almost 2,000")
    assert claim.section == "agreed"
    displays = {side.display for side in claim.sides}
    assert {"Almost 2,000", "Nearly 2,000", "2,000-strong"} <= displays
    assert "3 independent sources" in claim.reason


def test_incompatible_figures_conflict(claims: list[Claim]) -> None:
    claim = _claim_with(claims, "Around 100,000")
    assert claim.section == "conflict"
    assert {side.display for side in claim.sides} == {"Around 100,000", "Some 50,000-odd"}
    assert "90,000-110,000" in claim.reason and "50,000-60,000" in claim.reason
    assert "residents" in claim.about


def test_year_ranges_conflict(claims: list[Claim]) -> None:
    claim = _claim_with(claims, "2011-2013")
    assert claim.section == "conflict"
    assert {side.value for side in claim.sides} == {"2011/2013", "2008/2014"}


def test_rising_toll_is_an_update(claims: list[Claim]) -> None:
    claim = _claim_with(claims, "45")
    assert claim.section == "update"
    assert claim.reason.index("2031-03-04") < claim.reason.index("2031-03-09")


def test_figure_of_one_source_is_single(claims: list[Claim]) -> None:
    claim = _claim_with(claims, "80 metres")
    assert claim.section == "single"
    assert claim.sides[0].articles == ("ledger",)


def test_wire_copies_count_once(claims: list[Claim]) -> None:
    claim = _claim_with(claims, "Some 50,000-odd")
    side = next(s for s in claim.sides if s.display == "Some 50,000-odd")
    assert set(side.articles) == {"herald", "herald-copy"}
    assert "2 independent sources" in claim.reason
    assert "Valley Post copied a wire story" in claim.reason


def test_copy_alone_is_still_single(encoder: TextEncoder) -> None:
    readings = _readings()
    claims = compare([HERALD, HERALD_COPY], [readings[1], readings[2]], encoder)
    assert claims and all(c.section == "single" for c in claims)
    assert all(len(c.sides[0].articles) == 2 for c in claims)


def test_order_conflicts_updates_agreed_single(claims: list[Claim]) -> None:
    rank = {"conflict": 0, "update": 1, "agreed": 2, "single": 3}
    statuses = [rank[c.section] for c in claims]
    assert statuses == sorted(statuses)
    assert [c.id for c in claims] == [f"c{i}" for i in range(1, len(claims) + 1)]


def test_evidence_spans_are_exact(claims: list[Claim]) -> None:
    texts = {a.id: a.text for a in ARTICLES}
    spans = [e for c in claims for side in c.sides for e in side.evidence]
    assert spans
    for evidence in spans:
        assert texts[evidence.article][evidence.start : evidence.end] == evidence.text


def test_confidence_in_unit_interval(claims: list[Claim]) -> None:
    assert all(0.0 <= c.confidence <= 1.0 for c in claims)


def test_different_things_with_different_numbers_do_not_conflict(encoder: TextEncoder) -> None:
    first = Article(
        "one", "1", "The ferry carried 300 passengers across the lake.", published="2031-01-02"
    )
    second = Article(
        "two", "2", "The new school has 45 classrooms and a library.", published="2031-01-02"
    )
    readings = read_many([first, second])
    assert {c.section for c in compare([first, second], readings, encoder)} == {"single"}


def test_fallback_encoder_still_finds_the_conflict() -> None:
    claims = compare(ARTICLES, _readings(), HashingEmbedder())
    assert _claim_with(claims, "Around 100,000").status == "conflict"


def test_duration_anchored_to_start_agrees_with_end_year() -> None:
    span = parse_time_value("P5Y", anchor="2030-11")
    end_year = parse_time_value("2035")
    assert span is not None and end_year is not None
    assert spans_compatible(span, end_year)


def test_ranges_must_share_both_ends() -> None:
    first, second = parse_time_value("2011/2013"), parse_time_value("2008/2014")
    assert first is not None and second is not None
    assert not spans_compatible(first, second)
    inside = parse_time_value("2012")
    assert inside is not None and spans_compatible(first, inside)


def test_unit_normalisation() -> None:
    assert normalise_unit("Coastal Residents") == normalise_unit("resident")
    assert normalise_unit("casualties") == "casualty"


def _convoy(
    article_id: str, text: str, written: str, value: str, **kw: object
) -> tuple[Article, Reading]:
    article = Article(article_id, f"{article_id}.txt", text, **kw)  # type: ignore[arg-type]
    found = time(article, written, value, "day")
    fact = Fact(evidence=_span(article, text), predicate="leave", times=(found,))
    return article, Reading(article_id, "test", published=article.published, facts=(fact,))


def test_weekday_and_date_of_the_same_day_agree(encoder: TextEncoder) -> None:
    first = _convoy(
        "a",
        "The last convoy left the port on Wednesday.",
        "Wednesday",
        "2031-06-11",
        published="2031-06-11",
    )
    second = _convoy(
        "b",
        "The last convoy left the port on June 11.",
        "June 11",
        "2031-06-11",
        published="2031-06-12",
    )
    claims = compare([first[0], second[0]], [first[1], second[1]], encoder)
    assert [c.section for c in claims] == ["agreed"]


def test_relative_dates_on_guessed_publication_dates_do_not_conflict(encoder: TextEncoder) -> None:
    guessed = {"published": "2031-06-12", "published_inferred": True}
    first = _convoy(
        "a", "The last convoy left the port on Thursday.", "Thursday", "2031-06-12", **guessed
    )
    second = _convoy(
        "b", "The last convoy left the port on Friday.", "Friday", "2031-06-13", **guessed
    )
    claims = compare([first[0], second[0]], [first[1], second[1]], encoder)
    assert "conflict" not in {c.section for c in claims}
    known = {"published": "2031-06-14"}
    first = _convoy(
        "a", "The last convoy left the port on Thursday.", "Thursday", "2031-06-12", **known
    )
    second = _convoy(
        "b", "The last convoy left the port on Friday.", "Friday", "2031-06-13", **known
    )
    claims = compare([first[0], second[0]], [first[1], second[1]], encoder)
    assert [c.section for c in claims] == ["conflict"]


def _fact(
    article: Article, sentence: str, figure: Quantity, verb: str, subject: str | None
) -> Fact:
    return Fact(
        evidence=_span(article, sentence), subject=subject, predicate=verb, quantities=(figure,)
    )


def _claims_for(texts: dict[str, tuple[str, str, float, str, str | None]]) -> list[Claim]:
    """One article per entry: (sentence, figure as written, value, verb, subject)."""
    articles, readings = [], []
    for name, (sentence, written, value, verb, subject) in texts.items():
        article = Article(id=name, source=f"{name}.txt", outlet=name, text=sentence)
        figure = quantity(article, written, value, "residents", None, value * 0.95, value * 1.05)
        fact = _fact(article, sentence, figure, verb, subject)
        articles.append(article)
        readings.append(Reading(name, "test", sentences=(Sentence(fact.evidence),), facts=(fact,)))
    return compare(articles, readings, load_encoder())


def test_the_same_verb_and_counted_noun_make_a_conflict_despite_different_wording() -> None:
    claims = _claims_for(
        {
            "north": ("When the waste dam at the Kelmar zinc works burst last year, 11,000 "
                      "residents were evacuated, many of them for six months.",
                      "11,000", 11000, "evacuate", None),
            "south": ("When the dam gave way during two days of storms, around 24,000 residents "
                      "were evacuated from Lisket and the downstream town of Orra Ford.",
                      "24,000", 24000, "evacuate", None),
        }
    )  # fmt: skip
    assert [c.section for c in claims if len(c.sides) > 1] == ["conflict"]


def test_different_doers_of_the_same_verb_are_not_one_fact() -> None:
    claims = _claims_for(
        {
            "north": ("The mayor said 11,000 residents were moved to shelters in the hills.",
                      "11,000", 11000, "move", "mayor"),
            "south": ("The army moved 24,000 residents out of the flooded lowlands on Monday.",
                      "24,000", 24000, "move", "army"),
        }
    )  # fmt: skip
    assert "conflict" not in [c.section for c in claims]


# ---------------------------------------------------------------- statements, names, parts


def test_sentences_of_several_sources_stating_one_thing_are_one_agreed_claim(
    encoder: TextEncoder,
) -> None:
    claims = compare_texts(
        encoder,
        "Rioters smashed the windows of the Varna Shipping office in Port Ellis on Monday night.",
        "On Monday night rioters smashed the windows of the Varna Shipping office in Port Ellis.",
    )
    statements = [c for c in claims if c.kind == "statement"]
    assert [c.section for c in statements] == ["agreed"]
    assert {e.article for e in statements[0].sides[0].evidence} == {"a1", "a2"}
    assert statements[0].about.startswith("Rioters smashed")


def test_a_time_stamp_line_states_no_claim_but_a_line_of_figures_does(
    encoder: TextEncoder,
) -> None:
    claims = compare_texts(
        encoder,
        "HNS Mar 3, 2030, 07.\nThe Lindmouth ferry sank on Monday with 40 people aboard.",
        "10:55 P.M. FEB. 2, 2031\nThe Lindmouth ferry sank on Monday, officials said.",
        "The club's striker ended the season with 31 goals.\n31 goals, 12 assists, 40 games",
    )
    cited = [e.text for c in claims for side in c.sides for e in side.evidence]
    assert not any("Mar 3" in text or "FEB. 2" in text for text in cited)
    assert "31 goals, 12 assists, 40 games" in cited


def test_one_name_spelled_two_ways_is_shown_as_a_spelling(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "Harbour Minister Dmitri Halvorsen said the port would reopen on Friday.",
        "Harbour Minister Dmitry Halvorsen said the port would reopen on Friday.",
    )
    spelling = [c for c in claims if c.kind == "spelling"]
    assert len(spelling) == 1 and spelling[0].status == "conflict"
    assert {s.display for s in spelling[0].sides} == {"Dmitri Halvorsen", "Dmitry Halvorsen"}
    assert "most likely one person" in spelling[0].reason


def test_two_people_named_in_one_role_conflict(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "The ferry Nordlys was turned back at dawn on Tuesday after a bomb threat, harbour"
        " police chief Anna Brandt said.",
        "The ferry Nordlys was turned back at dawn on Tuesday after a bomb threat, harbour"
        " police chief Maria Lindholm said.",
    )
    roles = [c for c in claims if c.kind == "role"]
    assert len(roles) == 1 and roles[0].status == "conflict"
    assert roles[0].about == "Who the harbour police chief was"
    assert {s.display for s in roles[0].sides} == {"Anna Brandt", "Maria Lindholm"}


def test_a_part_of_a_group_is_not_the_group(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "The two other victims were treated at Ellis General Hospital, officials said.",
        "The three victims were taken to Ellis General Hospital, officials said.",
    )
    assert not [c for c in claims if c.section == "conflict"]


def test_a_running_total_is_not_the_count_of_one_raid(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "Coastguards seized 40 rifles from the boat during the raid on Tuesday.",
        "The coastguard has seized a total of 95 rifles during the five raids it carried out.",
    )
    assert not [c for c in claims if c.section == "conflict"]


def test_distances_in_feet_and_metres_are_compared_as_lengths(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "A 41-year-old climber died after falling about 150 metres from the north ridge.",
        "A 41-year-old climber died after falling 200 feet (about 60 metres) from the north ridge.",
    )
    lengths = [c for c in claims if c.kind == "figure" and c.section == "conflict"]
    assert len(lengths) == 1
    # "died" says nothing of how far, "falling" does: "How far X fell", never "How far X died"
    assert lengths[0].about == "How far a 41-year-old climber fell"
    assert "about 150 metres" in {side.display for side in lengths[0].sides}
    assert "135-165 m and" in lengths[0].reason  # both sides in metres


def test_a_loose_figure_goes_to_the_side_nearest_it(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "A 41-year-old climber fell about 600 metres from the north ridge on Sunday.",
        "A 41-year-old climber fell 700 metres from the north ridge on Sunday.",
        "A 41-year-old climber fell some 700 metres from the north ridge on Sunday.",
    )
    lengths = [c for c in claims if c.kind == "figure" and c.section == "conflict"]
    assert len(lengths) == 1
    displays = [side.display for side in lengths[0].sides]
    assert displays[0] == "about 600 metres"  # "some 700" fits both, but is nearer 700
    assert set(displays[1].split(" / ")) == {"700 metres", "some 700 metres"}


def test_sentences_that_share_only_who_said_them_are_not_one_statement(
    encoder: TextEncoder,
) -> None:
    claims = compare_texts(
        encoder,
        "Officers found a rifle in the van near the harbour, Port Ellis police Lt. Jonas Vik said.",
        "The three victims were still in hospital on Tuesday, Port Ellis police Lt. Jonas Vik said.",
    )
    assert not [c for c in claims if c.kind == "statement"]


def test_speeds_are_labelled_and_shown_with_their_units(encoder: TextEncoder) -> None:
    texts = {
        "s1": "Deputies chased the van for ten miles at speeds up to 120 mph, police said.",
        "s2": "Deputies chased the van for 16km at speeds of up to 193 km/h, police said.",
    }
    articles = [
        Article(key, f"{key}.txt", text, outlet=f"Outlet {key}") for key, text in texts.items()
    ]
    claims = compare(articles, read_many(articles), encoder)
    speeds = [c for c in claims if c.about == "Speed"]
    assert speeds, [c.about for c in claims]
    assert {a for c in speeds for side in c.sides for a in side.articles} == {"s1", "s2"}
    assert {side.display for c in speeds for side in c.sides} >= {"up to 193 km/h"}
    assert all(side.display.endswith((" mph", " km/h")) for c in speeds for side in c.sides)
    assert not any("km/h" in c.about or "mph" in c.about for c in claims)


# ---------------------------------------------------------------- how surely a source states it


def test_an_agreement_marks_a_sentence_linked_less_surely_as_tentative(
    encoder: TextEncoder,
) -> None:
    articles = [
        Article(f"a{i}", f"a{i}.txt", text, outlet=f"Outlet {i}", published=f"2031-05-0{i}")
        for i, text in enumerate(
            [
                "Harbour police arrested Anton Reyes on Tuesday after a chase through the old"
                " port of Port Ellis.",
                "Anton Reyes was arrested by harbour police on Tuesday after a chase in Port"
                " Ellis.",
                "Anton Reyes, a crane driver, had worked in the old port of Port Ellis for"
                " years before Tuesday.",
            ],
            start=1,
        )
    ]
    claims = compare(articles, read_many(articles), encoder)
    (arrest,) = [c for c in claims if c.kind == "statement" and "arrested" in c.about]
    tentative = {e.article: e.tentative for e in arrest.sides[0].evidence}
    # the two reports of the arrest state it surely; the crane driver's years only touch it
    assert tentative == {"a1": False, "a2": False, "a3": True}
    assert arrest.reason.startswith("2 independent sources state it (Outlet 1, Outlet 2).")
    assert "Less surely: Outlet 3" in arrest.reason


def test_sources_cited_only_less_surely_do_not_surely_state_a_claim() -> None:
    sure, maybe = Evidence("a", 0, 4, "Rain"), Evidence("b", 0, 4, "Rain", tentative=True)
    also_sure = Evidence("b", 10, 14, "Snow")
    assert surely_citing({"a", "b", "c"}, [sure, maybe]) == {"a", "c"}  # c: no evidence given
    assert surely_citing({"a", "b"}, [sure, maybe, also_sure]) == {"a", "b"}
    as_json: list[dict[str, object]] = [{"article": "a"}, {"article": "b", "tentative": True}]
    assert surely_citing({"a", "b"}, as_json) == {"a"}
    # the same count from records keyed by id as from a list of them
    articles = [Article("a", "a.txt", "x", outlet="A"), Article("b", "b.txt", "y", outlet="B")]
    keyed = {article.id: article for article in articles}
    assert independent_sources({"a", "b"}, keyed) == independent_sources({"a", "b"}, articles)


def test_distances_of_one_fall_told_with_other_clause_verbs_are_one_conflict(
    encoder: TextEncoder,
) -> None:
    # The clause verbs differ ("died", "was killed"); the verb the distance measures,
    # "falling", is the same, so both figures answer how far one man fell.
    claims = compare_texts(
        encoder,
        "On Friday, 41-year-old Tomas Karn died after slipping and falling about 150 metres"
        " from a ridge near the Orla Glacier.",
        "Mr Orr's death came a day after 41-year-old Tomas Karn was killed after slipping"
        " and falling 200ft from a ridge near the Orla Glacier.",
    )
    figures = [c for c in claims if c.kind == "figure"]
    lengths = [c for c in figures if c.about.startswith("How far")]
    assert len(lengths) == 1 and lengths[0].status == "conflict"
    assert [side.articles for side in lengths[0].sides] == [("a1",), ("a2",)]
    # besides, the one man both name as dead: one count both tell, nothing told by one alone
    assert [(c.about, c.section) for c in figures if c not in lengths] == [
        ("Number of people killed", "agreed")
    ]


def test_a_measure_belongs_to_the_verb_it_measures() -> None:
    text = (
        "Mr Orr's death came a day after Tomas Karn was killed after slipping and falling"
        " 200ft from a ridge. Police said the van was driven at 90 mph through Marlow, where"
        " 12 houses burned."
    )
    article = Article("a1", "a1.txt", text, outlet="Outlet 1", published="2031-05-01")
    mentions = collect_mentions([article], read_many([article]))
    governors = {m.value_evidence.text: m.governor for m in mentions if m.kind == "quantity"}
    # counts measure nothing: "12 houses", and Tomas Karn, one person killed
    assert governors == {"Tomas Karn": None, "200ft": "fall", "90": "drive", "12": None}


def test_a_count_of_those_a_report_is_told_by_is_no_figure() -> None:
    text = (
        "Velmar's port authority has agreed to sell its ferry arm, two people familiar with"
        " the talks said on Saturday. Three officials briefed on the sale said 40 jobs would"
        " go. The buyer will pay 12 million crowns, four senior harbour officials have"
        " confirmed. It keeps all five ferries, according to six unnamed sources."
    )
    written = _figures_written(text)
    tellers = ("two", "three", "four", "six")
    assert not any(w.lower().startswith(tellers) for w in written), written
    assert any(w.startswith("40") for w in written), written
    assert any(w.startswith("five") for w in written), written


def test_a_count_of_people_in_the_event_is_a_figure_though_a_telling_word_follows() -> None:
    text = (
        "The storm damaged 40 homes in Velmar. Officials said repairs would take months."
        " Thirty people close to the blast were taken to hospital. About 200 people said they"
        " had lost their homes. Three officials who spoke at the hearing were dismissed."
    )
    written = {figure.lower() for figure in _figures_written(text)}
    assert {"40", "thirty", "about 200", "three"} <= written, written


def _figures_written(text: str) -> set[str]:
    """The figures, as written, that one invented article's claims are made of."""
    article = Article("a1", "a1.txt", text, outlet="Outlet 1", published="2031-05-01")
    mentions = collect_mentions([article], read_many([article]))
    return {m.value_evidence.text for m in mentions if m.kind == "quantity"}
