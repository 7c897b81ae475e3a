"""Summary and omissions on invented coverage of an invented ferry accident."""

from __future__ import annotations

import re

from triangulate.compose.summary import find_omissions, independent_sources, summarize
from triangulate.models import (
    Article,
    Claim,
    Evidence,
    FramingMarker,
    Quote,
    Reading,
    Sentence,
    Side,
)

TEXT_A = (
    "The passenger ferry Gull Star sank off the Velmar coast on Tuesday night. "
    "Rescue teams pulled 41 survivors from the cold water before dawn. "
    "The ferry was carrying passengers from Ostrava Nova to the island of Brell. "
    "The cause of the sinking is not yet known, the port authority said. "
    '"We are doing everything we can," said harbour master Anton Reyes. '
    "Divers will resume the search for missing passengers on Thursday morning. "
    "The operator, Brell Lines, has suspended all crossings until further notice."
)
TEXT_B = (
    "The reckless operator of the ferry Gull Star let it sink off the Velmar coast on Tuesday. "
    "The ferry Gull Star sank off the Velmar coast on Tuesday night, the port authority said. "
    "Rescuers pulled 38 survivors from the water during the night. "
    "The cause of the sinking is not yet known. "
    "Brell Lines has suspended all crossings until further notice. "
    "Relatives gathered at the ferry terminal in Ostrava Nova to wait for news."
)
TEXT_C = (
    "A ferry sank off the Velmar coast on Tuesday night with passengers on board. "
    "The ferry was carrying passengers from Ostrava Nova to the island of Brell. "
    "The weather on the crossing was calm, according to the coast guard. "
    "Relatives gathered at the ferry terminal in Ostrava Nova to wait for news."
)
TEXT_E = "The ferry Gull Star sank. More details will follow in a later edition of this page."


def find(article: str, text: str, phrase: str) -> Evidence:
    start = text.find(phrase)
    assert start >= 0, phrase
    return Evidence(article, start, start + len(phrase), phrase)


def reading(article: str, text: str, **parts: tuple[object, ...]) -> Reading:
    found = [m.group() for m in re.finditer(r"[^.]+\.(?:\"|\s|$)", text)]
    sentences = tuple(Sentence(find(article, text, s.strip())) for s in found)
    return Reading(article, "t", sentences=sentences, **parts)  # type: ignore[arg-type]


def fixture() -> tuple[list[Article], list[Reading], list[Claim]]:
    articles = [
        Article("a", "a.txt", TEXT_A, outlet="Harbour Courier", published="2031-03-12"),
        Article("b", "b.txt", TEXT_B, outlet="Velmar Daily", published="2031-03-12"),
        Article("c", "c.txt", TEXT_C, outlet="Coastal Wire", published="2031-03-13"),
        Article("d", "d.txt", TEXT_A, outlet="Copy Desk", duplicate_of="a"),
        Article("e", "e.txt", TEXT_E, outlet="Live Page", fully_extracted=False),
    ]
    loaded = FramingMarker(find("b", TEXT_B, "reckless"), "loaded_word", "judgement")
    quote = Quote(find("a", TEXT_A, "We are doing everything we can,"), "Anton Reyes")
    readings = [
        reading("a", TEXT_A, quotes=(quote,)),
        reading("b", TEXT_B, framing=(loaded,)),
        reading("c", TEXT_C),
        reading("d", TEXT_A),
        reading("e", TEXT_E),
    ]
    survivors = Claim(
        "c1",
        "survivors pulled from the water",
        "conflict",
        "41 and 38 cannot both hold",
        (
            Side(41, "41", ("a", "d"), (find("a", TEXT_A, "41"),)),
            Side(38, "38", ("b",), (find("b", TEXT_B, "38"),)),
        ),
        0.9,
    )
    suspended = Claim(
        "c2",
        "crossings suspended",
        "agreed",
        "two sources",
        (
            Side(
                "suspended",
                "suspended all crossings",
                ("a", "b"),
                (
                    find("a", TEXT_A, "suspended all crossings"),
                    find("b", TEXT_B, "suspended all crossings"),
                ),
            ),
        ),
    )
    calm = Claim(
        "c3",
        "calm weather",
        "single",
        "one source",
        (Side("calm", "calm", ("c",), (find("c", TEXT_C, "calm"),)),),
    )
    return articles, readings, [survivors, suspended, calm]


def source_sentences(readings: list[Reading]) -> list[str]:
    return [s.evidence.text for r in readings for s in r.sentences]


def test_summary_has_five_to_ten_sentences_all_drawn_from_sources() -> None:
    articles, readings, claims = fixture()
    summary = summarize(articles, readings, claims, [])
    assert 5 <= len(summary) <= 10
    originals = source_sentences(readings)
    for sentence in summary:
        if ' reports "' in sentence.text:
            continue
        assert any(sentence.text in s for s in originals), sentence.text


def test_every_citation_is_an_exact_span_of_its_article() -> None:
    articles, readings, claims = fixture()
    texts = {a.id: a.text for a in articles}
    summary = summarize(articles, readings, claims, [])
    assert summary
    for sentence in summary:
        assert sentence.evidence and sentence.articles
        for ev in sentence.evidence:
            assert texts[ev.article][ev.start : ev.end] == ev.text
            assert ev.article in sentence.articles


def test_conflict_is_quoted_side_by_side_never_blended() -> None:
    articles, readings, claims = fixture()
    summary = summarize(articles, readings, claims, [])
    contested = [s for s in summary if "41" in s.text or "38" in s.text]
    assert len(contested) == 1
    text = contested[0].text
    assert text.startswith('Harbour Courier reports "Rescue teams pulled 41')
    assert '; Velmar Daily reports "Rescuers pulled 38 survivors' in text
    assert set(contested[0].articles) == {"a", "d", "b"}


def test_agreed_points_cite_every_agreeing_source() -> None:
    articles, readings, claims = fixture()
    summary = summarize(articles, readings, claims, [])
    sinking = next(s for s in summary if "sank off the Velmar coast" in s.text)
    assert {"a", "b", "c"} <= set(sinking.articles)
    suspended = next(s for s in summary if "suspended all crossings" in s.text)
    assert {"a", "b"} <= set(suspended.articles)


def test_page_furniture_is_left_out() -> None:
    articles, readings, claims = fixture()
    summary = summarize(articles, readings, claims, [])
    assert summary and all("later edition" not in s.text for s in summary)


def test_loaded_wording_is_avoided_when_a_neutral_sentence_exists() -> None:
    articles, readings, claims = fixture()
    summary = summarize(articles, readings, claims, [])
    assert all("reckless" not in s.text for s in summary)
    # the same point in neutral words is there instead, citing the loaded outlet too
    assert any("sank off the Velmar coast" in s.text and "b" in s.articles for s in summary)


def test_omissions_only_for_fully_extracted_originals_and_independent_claims() -> None:
    articles, readings, claims = fixture()
    omissions = find_omissions(articles, readings, claims)
    assert any(o.startswith("Coastal Wire does not mention survivors") for o in omissions)
    assert any(o.startswith("Coastal Wire does not mention crossings suspended") for o in omissions)
    assert not any(o.startswith(("Live Page", "Copy Desk")) for o in omissions)
    assert not any("calm weather" in o for o in omissions)  # one source only


def test_a_copy_and_its_original_count_as_one_source() -> None:
    articles, _, _ = fixture()
    assert independent_sources(["a", "d"], articles) == {"Harbour Courier"}
    assert independent_sources(["a", "b", "d"], articles) == {"Harbour Courier", "Velmar Daily"}


def test_no_readings_give_an_empty_summary() -> None:
    articles, _, claims = fixture()
    assert summarize(articles, [], [], []) == []
    assert find_omissions(articles, [], []) == []
    assert len(claims) == 3
