"""Slot claims: the people and named places several sources name, and ages given beside a
name, on invented articles read by the readers."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from triangulate.compare.claims import compare
from triangulate.compare.slots import slot_claims
from triangulate.compare.statements import statements_of
from triangulate.compose.assemble import build_dossier
from triangulate.compose.schema import check_evidence, dossier_to_json, validate_dossier
from triangulate.models import Article, Claim, Entity, Evidence, Reading
from triangulate.nlp.encoder import TextEncoder
from triangulate.readers.reader import read_many
from triangulate.render.report import render_html, render_markdown

# An invented shooting at an invented firm, told by three invented outlets in sentences
# that tell different happenings.
GAZETTE = Article(
    id="gazette",
    source="gazette.txt",
    outlet="Harbour Gazette",
    published="2031-05-02",
    text=(
        "Police allege Daniel Hartley, 61, opened fire at the Brellmark office party on Friday. "
        "Hartley was taken into custody later that night. "
        "Officers closed the road outside the building for several hours."
    ),
)
COURIER = Article(
    id="courier",
    source="courier.txt",
    outlet="Valley Courier",
    published="2031-05-02",
    text=(
        "A 61-year-old man surrendered to police shortly after midnight. "
        "Daniel Hartley, who had recently been fired from his job, is accused of killing a "
        "colleague. "
        "Hartley will appear in court on Monday."
    ),
)
SENTINEL = Article(
    id="sentinel",
    source="sentinel.txt",
    outlet="Evening Sentinel",
    published="2031-05-03",
    text=(
        "The party had just begun when the shots were fired, witnesses said. "
        "Head coach Ilse Marrow of the city rowing club was among the guests. "
        "The building was evacuated within minutes."
    ),
)
ARTICLES = [GAZETTE, COURIER, SENTINEL]


@pytest.fixture(scope="module")
def claims(encoder: TextEncoder) -> list[Claim]:
    return compare(ARTICLES, read_many(ARTICLES), encoder)


def _article(ident: str, outlet: str, text: str, published: str | None = None) -> Article:
    return Article(ident, f"{ident}.txt", text, outlet=outlet, published=published)


# The same invented person told by two invented outlets: first in sentences of different
# happenings, then in two sentences that tell one.
TRIBUNE = Article(
    id="tribune",
    source="tribune.txt",
    outlet="Lakeside Tribune",
    published="2031-05-02",
    text=(
        "Mayor Oskar Brandvik opened the new ferry terminal on Friday. "
        "Brandvik was charged with fraud by state prosecutors on Thursday."
    ),
)
HERALD = Article(
    id="herald",
    source="herald.txt",
    outlet="Fjord Herald",
    published="2031-05-02",
    text=(
        "Oskar Brandvik has led the town council for six years. "
        "State prosecutors charged Brandvik with fraud on Thursday."
    ),
)


@pytest.fixture(scope="module")
def linked_claims(encoder: TextEncoder) -> list[Claim]:
    return compare([TRIBUNE, HERALD], read_many([TRIBUNE, HERALD]), encoder)


def test_a_person_named_only_in_sentences_of_different_happenings_is_no_claim(
    claims: list[Claim],
) -> None:
    # "opened fire at the party" / "had been fired, is accused of killing": the name is
    # all the two sentences share
    assert not [c for c in claims if c.kind == "who" and "Hartley" in c.about]


def test_a_person_claim_cites_the_sentences_that_tell_one_happening(
    linked_claims: list[Claim],
) -> None:
    who = [c for c in linked_claims if c.kind == "who" and "Brandvik" in c.about]
    assert len(who) == 1
    claim = who[0]
    assert claim.section == "agreed"
    cited = {e.article: e.text for e in claim.sides[0].evidence}
    assert cited == {
        "tribune": "Brandvik was charged with fraud by state prosecutors on Thursday.",
        "herald": "State prosecutors charged Brandvik with fraud on Thursday.",
    }
    for evidence in claim.sides[0].evidence:
        article = next(a for a in (TRIBUNE, HERALD) if a.id == evidence.article)
        assert article.text[evidence.start : evidence.end] == evidence.text


def test_a_role_keeps_the_word_that_says_it_is_not_held_now() -> None:
    text = (
        "Former mayor Oskar Brandvik spoke. Lena Quist, a sheriff's deputy, spoke. "
        "Acting police chief Tove Sand spoke. Ex-governor Arne Holm spoke. "
        "They met former Port Alder City mayor Nils Berg."
    )
    articles = [_article(i, outlet, text) for i, outlet in (("r1", "Port Daily"), ("r2", "Bay"))]
    people = ("Oskar Brandvik", "Lena Quist", "Tove Sand", "Arne Holm", "Nils Berg")
    tags = {n: "PERSON" for n in people}
    readings = [_tagged_as(r, text, tags) for r in read_many(articles)]
    statements = statements_of(articles, readings)
    abouts = {c.about for c in slot_claims(statements, readings, articles) if c.kind == "who"}
    assert abouts == {
        "Oskar Brandvik, former mayor",
        "Lena Quist, deputy",
        "Tove Sand, acting police chief",
        "Arne Holm, ex-governor",
        "Nils Berg, former mayor",
    }


def test_a_person_one_source_names_is_no_claim(claims: list[Claim]) -> None:
    assert not [c for c in claims if c.kind == "who" and "Marrow" in c.about]


def test_an_age_beside_a_name_agrees_with_the_same_age_told_without_a_name(
    claims: list[Claim],
) -> None:
    ages = [c for c in claims if c.kind == "age" and c.section == "agreed"]
    assert len(ages) == 1
    assert ages[0].about == "Age of Daniel Hartley"
    assert {e.article for e in ages[0].sides[0].evidence} == {"gazette", "courier"}
    assert {s.display for s in ages[0].sides} <= {
        "61",
        "61-year-old",
    }


def test_the_role_two_sources_write_beside_a_name_labels_it_and_speech_does_not_introduce(
    encoder: TextEncoder,
) -> None:
    first = _article(
        "x",
        "Lake Times",
        (
            "Rescuers reached the summit of Mount Kessel on Sunday. "
            '"We were lucky," coach Ilse Marrow said. '
            "Head coach Ilse Marrow of the rowing club was among the climbers."
        ),
    )
    second = _article(
        "y",
        "Ridge Post",
        (
            "The climbers were found near Mount Kessel late on Saturday. "
            "Head coach Ilse Marrow was among the climbers."
        ),
    )
    claims = compare([first, second], read_many([first, second]), encoder)
    who = [c for c in claims if c.kind == "who"]
    assert [c.about for c in who] == ["Ilse Marrow, head coach"]
    cited = [e.text for e in who[0].sides[0].evidence]
    assert cited == [
        "Head coach Ilse Marrow of the rowing club was among the climbers.",
        "Head coach Ilse Marrow was among the climbers.",
    ]  # not the sentence in which she only speaks
    where = [c for c in claims if c.kind == "where"]
    assert [c.about for c in where] == ["Place: Mount Kessel"]
    assert {e.article for e in where[0].sides[0].evidence} == {"x", "y"}


def test_markdown_html_and_json_show_the_person_claim(linked_claims: list[Claim]) -> None:
    articles = [TRIBUNE, HERALD]
    readings = read_many(articles)
    dossier = build_dossier(articles, readings, linked_claims, [], [], [])
    record = dossier_to_json(dossier)
    validate_dossier(record)
    assert not check_evidence(record)
    assert any(c["kind"] == "who" for c in record["claims"])
    markdown, page = render_markdown(dossier), render_html(dossier)
    about = next(c.about for c in linked_claims if c.kind == "who")
    assert about in markdown and about in page


def test_a_day_two_sources_give_is_one_claim_even_told_of_different_steps(
    encoder: TextEncoder,
) -> None:
    first = _article(
        "p",
        "Port Daily",
        (
            "Police say the harbour crane collapsed on Friday, injuring two dock workers. "
            "The port reopened on Sunday."
        ),
    )
    second = _article(
        "q",
        "Shore News",
        (
            "Inspectors arrived at the harbour on Friday to examine the broken crane. "
            "Dock workers stayed home on Saturday."
        ),
    )
    claims = compare([first, second], read_many([first, second]), encoder)
    days = [c for c in claims if c.kind == "when"]
    assert [c.about for c in days] == ["Day: Friday"]
    assert [e.text for e in days[0].sides[0].evidence] == [
        "Police say the harbour crane collapsed on Friday, injuring two dock workers.",
        "Inspectors arrived at the harbour on Friday to examine the broken crane.",
    ]


def test_a_day_of_the_week_in_dated_articles_is_its_date(encoder: TextEncoder) -> None:
    first = _article(
        "d1",
        "Port Daily",
        "The harbour crane collapsed on Friday, injuring two dock workers.",
        published="2031-05-03",
    )
    second = _article(
        "d2",
        "Shore News",
        "The harbour crane fell on Friday, hurting two dock workers.",
        published="2031-05-04",
    )
    claims = compare([first, second], read_many([first, second]), encoder)
    assert [c.about for c in claims if c.kind == "when"] == ["Day: 2 May 2031"]


def test_a_weekday_in_undated_articles_joins_the_date_a_dated_one_gives_it(
    encoder: TextEncoder,
) -> None:
    dated = _article(
        "w1", "Port Daily", "The harbour crane collapsed on Monday, injuring two dock workers.",
        published="2031-05-06",
    )  # fmt: skip
    undated = [
        _article(
            f"w{i}", outlet, "Inspectors arrived at the harbour on Monday to examine the crane."
        )
        for i, outlet in ((2, "Shore News"), (3, "Bay Herald"))
    ]
    articles = [dated, *undated]
    claims = compare(articles, read_many(articles), encoder)
    days = [c for c in claims if c.kind == "when"]
    assert [c.about for c in days] == ["Day: 5 May 2031"]
    assert set(days[0].sides[0].articles) == {"w1", "w2", "w3"}


def test_a_firm_or_an_office_is_neither_a_person_nor_a_place() -> None:
    text = "Calls to Brellmark Advisors went unanswered. Norden County Sheriff Ana Veldt spoke."
    articles = [
        _article(ident, outlet, text) for ident, outlet in (("f1", "Port Daily"), ("f2", "Bay"))
    ]
    tags = {"Brellmark Advisors": "PERSON", "Norden County Sheriff": "LOC", "Ana Veldt": "PERSON"}
    readings = [_tagged_as(r, text, tags) for r in read_many(articles)]
    statements = statements_of(articles, readings)
    abouts = [c.about for c in slot_claims(statements, readings, articles)]
    assert abouts == ["Ana Veldt, sheriff"]


def _tagged_as(reading: Reading, text: str, labels: dict[str, str]) -> Reading:
    """The reading with these names tagged as a tagger may tag them (a firm as a person)."""
    kept = [e for e in reading.entities if e.evidence.text not in labels]
    for name, label in labels.items():
        start = text.index(name)
        evidence = Evidence(reading.article, start, start + len(name), name)
        kept.append(Entity(evidence, label, name))
    return replace(reading, entities=tuple(sorted(kept, key=lambda e: e.evidence.start)))


def test_a_weekday_joins_no_date_of_long_before(encoder: TextEncoder) -> None:
    dated = _article(
        "v1", "Port Daily", "The old crane was built on 5 May 2021, and it collapsed on Monday.",
        published="2031-05-06",
    )  # fmt: skip
    undated = _article("v2", "Shore News", "Divers examined the crane on Wednesday.")
    other = _article("v3", "Bay Herald", "The crane was first used on 5 May 2021.")
    articles = [dated, undated, other]
    claims = compare(articles, read_many(articles), encoder)
    days = {c.about: set(c.sides[0].articles) for c in claims if c.kind == "when"}
    assert days.get("Day: 5 May 2021") == {"v1", "v3"}, days


def test_a_day_two_sources_give_of_different_happenings_is_no_claim(
    encoder: TextEncoder,
) -> None:
    first = _article("s1", "Port Daily", "Bus services across the valley improved on Saturday.")
    second = _article(
        "s2", "Shore News", "The ferry left the harbour on Saturday with forty passengers."
    )
    claims = compare([first, second], read_many([first, second]), encoder)
    assert not [c for c in claims if c.kind == "when"]


# An invented warehouse fire: two outlets name its fire chief only where he speaks, one of
# them in the same role and the other in none.
LEDGER = _article(
    "ledger",
    "Lakeport Ledger",
    (
        "A warehouse on Quay Road burned through the night. "
        "Crews kept the flames away from two houses next door, Fire Chief Tomas Rieger said. "
        "The cause is not yet known."
    ),
    published="2031-03-04",
)
POST = _article(
    "post",
    "Riverbend Post",
    (
        "Flames tore through an empty warehouse late on Tuesday. "
        '"It was a long night for all of us," Fire Chief Tomas Rieger said on Wednesday. '
        "No one was hurt."
    ),
    published="2031-03-04",
)
BULLETIN = _article(
    "bulletin",
    "Harbour Bulletin",
    (
        "An empty warehouse burned on Tuesday night. "
        "The building had been for sale for a year, Tomas Rieger said."
    ),
    published="2031-03-04",
)


def test_the_role_two_sources_give_a_speaker_is_a_claim_citing_where_they_give_it(
    encoder: TextEncoder,
) -> None:
    articles = [LEDGER, POST]
    claims = compare(articles, read_many(articles), encoder)
    who = [c for c in claims if c.kind == "who"]
    assert [c.about for c in who] == ["Tomas Rieger, fire chief"]
    cited = {e.article: e.text for e in who[0].sides[0].evidence}
    assert cited == {
        "ledger": "Crews kept the flames away from two houses next door, Fire Chief Tomas "
        "Rieger said.",
        "post": '"It was a long night for all of us," Fire Chief Tomas Rieger said on Wednesday.',
    }


def test_a_speaker_one_source_gives_a_role_is_no_claim(encoder: TextEncoder) -> None:
    # the sentences tell different things, and only one source says who he is
    articles = [LEDGER, BULLETIN]
    claims = compare(articles, read_many(articles), encoder)
    assert not [c for c in claims if c.kind == "who"]


def test_a_source_naming_a_person_in_the_shared_role_is_cited_where_it_does() -> None:
    first = (
        "Lena Quarvik announced on Monday that the Quay Road plant would close in June. "
        "The plant employs 140 people, said Lena Quarvik, the company's spokeswoman."
    )
    second = (
        "Lena Quarvik announced on Monday that the Quay Road plant would close in June. "
        "Spokeswoman Lena Quarvik said the jobs would go by the summer."
    )
    articles = [_article("p1", "Port Daily", first), _article("p2", "Bay News", second)]
    readings = [
        _each_tagged(r, a.text, "Lena Quarvik")
        for r, a in zip(read_many(articles), articles, strict=True)
    ]
    statements = statements_of(articles, readings)
    assert [st.index for st in statements] == [0, 1, 2, 3]
    linked = {(0, 2)}  # the two first sentences tell one happening
    who = [c for c in slot_claims(statements, readings, articles, linked) if c.kind == "who"]
    assert [c.about for c in who] == ["Lena Quarvik, spokeswoman"]
    assert {e.article: e.text for e in who[0].sides[0].evidence} == {
        "p1": "The plant employs 140 people, said Lena Quarvik, the company's spokeswoman.",
        "p2": "Spokeswoman Lena Quarvik said the jobs would go by the summer.",
    }


def _people(articles: list[Article], tagged_otherwise: str = "") -> list[Claim]:
    """The person claims of articles naming Lena Quarvik, the name tagged wherever written: as
    a person, but as an organisation in the article ``tagged_otherwise``; no two sentences
    linked."""
    readings = [
        _each_tagged(
            r, a.text, "Lena Quarvik", label="ORG" if a.id == tagged_otherwise else "PERSON"
        )
        for r, a in zip(read_many(articles), articles, strict=True)
    ]
    statements = statements_of(articles, readings)
    return [c for c in slot_claims(statements, readings, articles, set()) if c.kind == "who"]


def _each_tagged(
    reading: Reading, text: str, name: str, keep: str = "", label: str = "PERSON"
) -> Reading:
    """The reading with every place the name is written tagged as a person, or ``label``
    (``keep``: a longer name tagged already, whose places stay its own)."""
    kept = [e for e in reading.entities if name not in e.evidence.text or e.canonical == keep]
    for found in re.finditer(rf"\b{re.escape(name)}\b", text):
        evidence = Evidence(reading.article, found.start(), found.end(), name)
        kept.append(Entity(evidence, label, name))
    return replace(reading, entities=tuple(sorted(kept, key=lambda e: e.evidence.start)))


@pytest.mark.parametrize(
    ("first_role", "second_role", "about"),
    [
        ("Chief", "Police Chief", "Lena Quarvik, police chief"),  # one role, told more fully
        ("Coach", "Head coach", "Lena Quarvik, head coach"),
        ("Chief", "Deputy Chief", None),  # another rank: no role the two share
        ("Fire Chief", "Police Chief", None),  # two offices: the sources disagree
        ("Prime Minister", "Foreign Minister", None),
    ],
)
def test_a_role_told_more_or_less_fully_is_one_role(
    first_role: str, second_role: str, about: str | None
) -> None:
    first = f"Boats were moored at the quay, {first_role} Lena Quarvik said."
    second = f"{second_role} Lena Quarvik said the ferry would sail again on Monday."
    articles = [_article("c1", "Port Daily", first), _article("c2", "Bay News", second)]
    who = [c.about for c in _people(articles)]
    assert who == ([about] if about else [])


def test_a_source_naming_a_person_in_two_roles_still_gives_the_shared_one() -> None:
    first = (
        "Boats were moored at the quay, Chief Lena Quarvik said. "
        "Lena Quarvik, a former teacher, took the post in 2020."
    )
    second = "Chief Lena Quarvik said the ferry would sail again on Monday."
    articles = [_article("c1", "Port Daily", first), _article("c2", "Bay News", second)]
    who = [c.about for c in _people(articles)]
    assert who == ["Lena Quarvik, chief"]


def test_one_person_named_two_ways_is_one_claim() -> None:
    # the readers leave "Ana Maria Veldt" and "Ana Veldt" apart; one role joins two sources
    text = "Ana Maria Veldt opened the ferry terminal. Chief Ana Veldt cut the ribbon."
    articles = [
        _article("v1", "Port Daily", text),
        _article("v2", "Bay News", text),
        _article("v3", "Shore Post", "Ana Maria Veldt opened the ferry terminal on Friday."),
    ]
    readings = []
    for reading, article in zip(read_many(articles), articles, strict=True):
        tagged = _each_tagged(reading, article.text, "Ana Maria Veldt")
        readings.append(_each_tagged(tagged, article.text, "Ana Veldt", keep="Ana Maria Veldt"))
    statements = statements_of(articles, readings)
    who = [c.about for c in slot_claims(statements, readings, articles) if c.kind == "who"]
    assert "Ana Maria Veldt, chief" in who
    assert not [about for about in who if "Ana Veldt" in about]  # no second claim of her


def test_a_person_named_only_in_a_role_outweighs_one_article_tagging_the_name_otherwise() -> None:
    first = "Boats were moored at the quay, Chief Lena Quarvik said."
    second = "Chief Lena Quarvik said the ferry would sail again on Monday."
    third = "The Lena Quarvik sailed from the quay at noon."  # a boat of that name
    articles = [
        _article("c1", "Port Daily", first),
        _article("c2", "Bay News", second),
        _article("c3", "Shore Post", third),
    ]
    who = _people(articles, tagged_otherwise="c3")
    assert [c.about for c in who] == ["Lena Quarvik, chief"]
    assert "first names them as chief" in who[0].reason


def test_two_roles_as_widely_written_are_no_shared_role() -> None:
    texts = {
        "f1": "Boats were moored at the quay, Fire Chief Lena Quarvik said.",
        "f2": "Fire Chief Lena Quarvik said the ferry would sail on Monday.",
        "f3": "The quay will reopen soon, Police Chief Lena Quarvik said.",
        "f4": "Police Chief Lena Quarvik said two boats were damaged.",
    }
    articles = [_article(i, f"Outlet {i}", text) for i, text in texts.items()]
    who = [c.about for c in _people(articles)]
    assert who == []  # two sources for each office: the sources differ on her role
