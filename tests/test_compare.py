"""compare(): claims and verdicts on invented articles with hand-built readings."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from triangulate.compare.claims import compare, normalise_unit, parse_time_value, spans_compatible
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
    a, b, c, d = LEDGER, HERALD, HERALD_COPY, BULLETIN

    def herald_like(article: Article) -> Reading:
        return reading(
            article,
            [
                (
                    "Nearly 2,000 rescuers were sent to the Orlen valley when the river burst its banks.",
                    [quantity(article, "Nearly 2,000", 2000, "rescuers", "nearly", 1800, 2000)],
                ),
                (
                    "Some 50,000-odd residents fled the flooded districts of Orlen, according to officials.",
                    [quantity(article, "50,000-odd", 50000, "residents", "-odd", 50000, 60000)],
                ),
                (
                    "The region had not recovered from the drought, which lasted from 2008 to 2014, farmers said.",
                    [time(article, "from 2008 to 2014", "2008/2014", "range")],
                ),
            ],
        )

    return [
        reading(
            a,
            [
                (
                    "Almost 2,000 rescuers were deployed to the Orlen valley after the river burst its banks.",
                    [quantity(a, "Almost 2,000", 2000, "rescuers", "almost", 1800, 2000)],
                ),
                (
                    "Around 100,000 residents fled the flooded districts of Orlen, officials said.",
                    [quantity(a, "Around 100,000", 100000, "residents", "around", 90000, 110000)],
                ),
                (
                    "The floods have killed 12 people.",
                    [quantity(a, "12", 12, "people", None, 12, 12)],
                ),
                (
                    "The region never recovered from the drought of 2011-2013, farmers said.",
                    [time(a, "2011-2013", "2011/2013", "range")],
                ),
                (
                    "The old dam on the river is 80 metres high.",
                    [quantity(a, "80", 80, "metres", None, 80, 80)],
                ),
            ],
        ),
        herald_like(b),
        herald_like(c),
        reading(
            d,
            [
                (
                    "A 2,000-strong team of rescuers is still working in the Orlen valley.",
                    [quantity(d, "2,000-strong", 2000, "rescuers", "-strong", 1900, 2100)],
                ),
                (
                    "The death toll from the floods has now risen to 45 people.",
                    [quantity(d, "45", 45, "people", None, 45, 45)],
                ),
            ],
        ),
    ]


ARTICLES = [LEDGER, HERALD, HERALD_COPY, BULLETIN]


@pytest.fixture(scope="module")
def encoder() -> TextEncoder:
    return load_encoder()


@pytest.fixture(scope="module")
def claims(encoder: TextEncoder) -> list[Claim]:
    return compare(ARTICLES, _readings(), encoder)


def _claim_with(claims: list[Claim], display: str) -> Claim:
    found = [c for c in claims if any(side.display == display for side in c.sides)]
    assert len(found) == 1, (display, claims)
    return found[0]


def test_hedged_figures_agree(claims: list[Claim]) -> None:
    claim = _claim_with(claims, "Almost 2,000")
    assert claim.status == "agreed"
    displays = {side.display for side in claim.sides}
    assert {"Almost 2,000", "Nearly 2,000", "2,000-strong"} <= displays
    assert "3 independent sources" in claim.reason


def test_incompatible_figures_conflict(claims: list[Claim]) -> None:
    claim = _claim_with(claims, "Around 100,000")
    assert claim.status == "conflict"
    assert {side.display for side in claim.sides} == {"Around 100,000", "50,000-odd"}
    assert "90,000-110,000" in claim.reason and "50,000-60,000" in claim.reason
    assert "residents" in claim.about


def test_year_ranges_conflict(claims: list[Claim]) -> None:
    claim = _claim_with(claims, "2011-2013")
    assert claim.status == "conflict"
    assert {side.value for side in claim.sides} == {"2011/2013", "2008/2014"}


def test_rising_toll_is_an_update(claims: list[Claim]) -> None:
    claim = _claim_with(claims, "45")
    assert claim.status == "update"
    assert claim.reason.index("2031-03-04") < claim.reason.index("2031-03-09")


def test_figure_of_one_source_is_single(claims: list[Claim]) -> None:
    claim = _claim_with(claims, "80")
    assert claim.status == "single"
    assert claim.sides[0].articles == ("ledger",)


def test_wire_copies_count_once(claims: list[Claim]) -> None:
    claim = _claim_with(claims, "50,000-odd")
    side = next(s for s in claim.sides if s.display == "50,000-odd")
    assert set(side.articles) == {"herald", "herald-copy"}
    assert "2 independent sources" in claim.reason
    assert "Valley Post copied a wire story" in claim.reason


def test_copy_alone_is_still_single(encoder: TextEncoder) -> None:
    readings = _readings()
    claims = compare([HERALD, HERALD_COPY], [readings[1], readings[2]], encoder)
    assert claims and all(c.status == "single" for c in claims)
    assert all(len(c.sides[0].articles) == 2 for c in claims)


def test_order_conflicts_updates_agreed_single(claims: list[Claim]) -> None:
    rank = {"conflict": 0, "update": 1, "agreed": 2, "single": 3}
    statuses = [rank[c.status] for c in claims]
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
    readings = [
        reading(first, [(first.text, [quantity(first, "300", 300, "passengers", None, 300, 300)])]),
        reading(second, [(second.text, [quantity(second, "45", 45, "classrooms", None, 45, 45)])]),
    ]
    assert {c.status for c in compare([first, second], readings, encoder)} == {"single"}


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
    assert normalise_unit("Ethnic Armenians") == normalise_unit("armenian")
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
    assert [c.status for c in claims] == ["agreed"]


def test_relative_dates_on_guessed_publication_dates_do_not_conflict(encoder: TextEncoder) -> None:
    guessed = {"published": "2031-06-12", "published_inferred": True}
    first = _convoy(
        "a", "The last convoy left the port on Thursday.", "Thursday", "2031-06-12", **guessed
    )
    second = _convoy(
        "b", "The last convoy left the port on Friday.", "Friday", "2031-06-13", **guessed
    )
    claims = compare([first[0], second[0]], [first[1], second[1]], encoder)
    assert "conflict" not in {c.status for c in claims}
    known = {"published": "2031-06-14"}
    first = _convoy(
        "a", "The last convoy left the port on Thursday.", "Thursday", "2031-06-12", **known
    )
    second = _convoy(
        "b", "The last convoy left the port on Friday.", "Friday", "2031-06-13", **known
    )
    claims = compare([first[0], second[0]], [first[1], second[1]], encoder)
    assert [c.status for c in claims] == ["conflict"]


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
    assert [c.status for c in claims if len(c.sides) > 1] == ["conflict"]


def test_different_doers_of_the_same_verb_are_not_one_fact() -> None:
    claims = _claims_for(
        {
            "north": ("The mayor said 11,000 residents were moved to shelters in the hills.",
                      "11,000", 11000, "move", "mayor"),
            "south": ("The army moved 24,000 residents out of the flooded lowlands on Monday.",
                      "24,000", 24000, "move", "army"),
        }
    )  # fmt: skip
    assert "conflict" not in [c.status for c in claims]
