"""The neutral summary and omissions on invented coverage of an invented ferry accident."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace

import pytest

from triangulate.compose import summary
from triangulate.compose.summary import find_omissions, summarize
from triangulate.models import (
    Article,
    Claim,
    Evidence,
    FramingMarker,
    Quote,
    Reading,
    Sentence,
    Side,
    SummarySentence,
)
from triangulate.readers.reader import read_many

# --- a story read by the real reader ----------------------------------------------------------

COURIER = (
    "Ferry Gull Star sinks off the Velmar coast\n\n"
    "The passenger ferry Gull Star sank off the Velmar coast on Tuesday night, the port "
    "authority said.\n\n"
    "Rescue teams pulled 41 survivors from the cold water before dawn on Wednesday.\n\n"
    "The ferry was carrying passengers from Ostrava Nova to the island of Brell (a crossing "
    "of about four hours).\n\n"
    "Harbour master Anton Reyes spoke to reporters at the quay in the early morning.\n\n"
    "He said that divers would comb the harbour floor after sunrise.\n\n"
    "The operator, Brell Lines, has no plans to suspend its other crossings, a spokesman said.\n\n"
    "Is the harbour of Velmar ready for another winter storm like this one?"
)
DAILY = (
    "The ferry Gull Star sank off the Velmar coast on Tuesday night with passengers on board, "
    "the port authority said.\n\n"
    "The disastrous sinking of the ferry Gull Star off the Velmar coast on Tuesday night "
    "shocked the island of Brell.\n\n"
    "Rescuers pulled 38 survivors from the water during the night, the coast guard said.\n\n"
    "Brell Lines has suspended all of its crossings until further notice, the company said on "
    "Thursday.\n\n"
    "Relatives gathered at the ferry terminal in Ostrava Nova to wait for news of the missing "
    "passengers."
)
WIRE = (
    "A passenger ferry sank off the Velmar coast on Tuesday night with dozens of people on "
    "board.\n\n"
    "Relatives gathered at the ferry terminal in Ostrava Nova to wait for news of the missing "
    "passengers.\n\n"
    "The weather on the crossing was calm on Tuesday evening, according to the coast guard.\n\n"
    "The coast guard has opened an inquiry into the sinking of the ferry and its operator"
)


@pytest.fixture(scope="module")
def story() -> tuple[list[Article], list[Reading]]:
    articles = [
        Article(
            "courier",
            "courier.txt",
            COURIER,
            outlet="Harbour Courier",
            title="Ferry Gull Star sinks off the Velmar coast",
            published="2031-03-12",
        ),
        Article(
            "daily",
            "daily.txt",
            DAILY,
            outlet="Velmar Daily",
            title="Gull Star ferry sinks off Velmar with passengers on board",
            published="2031-03-13",
        ),
        Article(
            "wire",
            "wire.txt",
            WIRE,
            outlet="Coastal Wire",
            title="Ferry sinks off Velmar coast",
            published="2031-03-14",
        ),
        Article("copy", "copy.txt", COURIER, outlet="Copy Desk", duplicate_of="courier"),
    ]
    return articles, read_many(articles)


def span(article: str, text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(article, start, start + len(phrase), phrase)


def survivors() -> Claim:
    return Claim(
        "c1",
        "Number of survivors",
        "conflict",
        "41 and 38 cannot both hold",
        (
            Side(41, "41", ("courier", "copy"), (span("courier", COURIER, "41"),)),
            Side(38, "38", ("daily",), (span("daily", DAILY, "38"),)),
        ),
    )


def suspension() -> Claim:
    later = span("daily", DAILY, "Brell Lines has suspended all of its crossings")
    earlier = span("courier", COURIER, "no plans to suspend")
    return Claim(
        "c2",
        "plans to suspend",
        "conflict",
        "a later report revises an earlier one",
        # the later report first: the sentence must still tell the earlier one first
        (
            Side("suspend", later.text, ("daily",), (later,)),
            Side("no plans", earlier.text, ("courier",), (earlier,)),
        ),
        difference="update",
    )


def plain(sentences: list[SummarySentence]) -> list[SummarySentence]:
    """The sentences taken from the sources (not disagreements or updates)."""
    return [s for s in sentences if not s.text.startswith(("Reports differ", "A later report"))]


# --- what the account says -------------------------------------------------------------------


def test_opens_with_the_event_most_sources_report_with_its_day_and_place(
    story: tuple[list[Article], list[Reading]],
) -> None:
    articles, readings = story
    account = summarize(articles, readings, [survivors(), suspension()], [])
    assert "sank off the Velmar coast on Tuesday night" in account[0].text
    assert "disastrous" not in account[0].text
    # every outlet that tells the sinking is cited for it
    assert {e.article for e in account[0].evidence} == {"courier", "daily", "wire"}


def test_each_plain_sentence_is_its_cited_source_text(
    story: tuple[list[Article], list[Reading]],
) -> None:
    articles, readings = story
    texts = {a.id: a.text for a in articles}
    account = plain(summarize(articles, readings, [survivors(), suspension()], []))
    assert len(account) >= 4
    for sentence in account:
        for evidence in sentence.evidence:
            assert texts[evidence.article][evidence.start : evidence.end] == evidence.text
        own = [e for e in sentence.evidence if e.article == sentence.articles[0]]
        said = " ".join(e.text for e in own if e.start >= own[0].start)
        written = sentence.text.rstrip("…")
        assert written[:1].lower() + written[1:] in said[:1].lower() + said[1:]
        assert set(sentence.articles) == {e.article for e in sentence.evidence}


def test_a_copy_is_never_a_source_of_its_own(story: tuple[list[Article], list[Reading]]) -> None:
    articles, readings = story
    account = summarize(articles, readings, [survivors()], [])
    assert account
    assert all("copy" not in s.articles for s in plain(account))
    differ = next(s for s in account if s.text.startswith("Reports differ"))
    assert "Copy Desk" not in differ.text


def test_others_are_cited_only_for_a_sentence_saying_the_same(
    story: tuple[list[Article], list[Reading]],
) -> None:
    articles, readings = story
    account = summarize(articles, readings, [], [])
    relatives = next(s for s in account if s.text.startswith("Relatives gathered"))
    assert {e.article for e in relatives.evidence} == {"daily", "wire"}
    weather = next(s for s in account if s.text.startswith("The weather on the crossing"))
    assert weather.articles == ("wire",)


def test_a_disagreement_is_one_sentence_with_each_value_and_its_outlets(
    story: tuple[list[Article], list[Reading]],
) -> None:
    articles, readings = story
    account = summarize(articles, readings, [survivors()], [])
    differ = [s for s in account if s.text.startswith("Reports differ")]
    assert [s.text for s in differ] == [
        "Reports differ on the number of survivors: 41 (Harbour Courier) against 38 (Velmar Daily)."
    ]
    # each value is cited in the sentence that gives it
    assert [(e.article, e.text) for e in differ[0].evidence] == [
        (
            "courier",
            "Rescue teams pulled 41 survivors from the cold water before dawn on Wednesday.",
        ),
        (
            "daily",
            "Rescuers pulled 38 survivors from the water during the night, the coast guard said.",
        ),
    ]
    # neither figure is ever given as plain fact
    assert not any(re.search(r"\b(?:41|38)\b", s.text) for s in plain(account))


def test_a_date_shown_with_its_day_reads_as_a_date_in_the_sentence(
    story: tuple[list[Article], list[Reading]],
) -> None:
    articles, readings = story
    told = span("courier", COURIER, "Wednesday")
    other = span("daily", DAILY, "Thursday")
    claim = Claim(
        "c3", "When the company spoke", "conflict", "two days",
        (
            Side("2031-03-12", "Wednesday (12 March 2031)", ("courier",), (told,)),
            Side("2031-03-13", "Thursday (13 March 2031)", ("daily",), (other,)),
        ),
    )  # fmt: skip
    differ = [s.text for s in summarize(articles, readings, [claim], [])]
    assert any(
        "Wednesday, 12 March 2031 (Harbour Courier) against Thursday, 13 March 2031 (Velmar" in text
        for text in differ
    ), differ


def test_a_disagreement_inside_one_source_is_none(
    story: tuple[list[Article], list[Reading]],
) -> None:
    articles, readings = story
    claim = survivors()
    own = replace(claim, sides=(claim.sides[0], replace(claim.sides[1], articles=("copy",))))
    assert not any("Reports differ" in s.text for s in summarize(articles, readings, [own], []))
    assert any("Reports differ" in s.text for s in summarize(articles, readings, [claim], []))


def test_an_update_tells_the_earlier_report_first_with_dates(
    story: tuple[list[Article], list[Reading]],
) -> None:
    articles, readings = story
    account = summarize(articles, readings, [suspension()], [])
    update = [s for s in account if s.text.startswith("A later report")]
    assert [s.text for s in update] == [
        "A later report revises an earlier one on plans to suspend: “no plans to suspend”"
        " (Harbour Courier, 12 March 2031), then “Brell Lines has suspended all of its crossings”"
        " (Velmar Daily, 13 March 2031)."
    ]
    assert update[0].articles == ("daily", "courier") or set(update[0].articles) == {
        "daily",
        "courier",
    }
    # both values are told by the update sentence only
    assert not any("suspend" in s.text for s in plain(account))


def test_loaded_words_headings_questions_and_cut_pages(
    story: tuple[list[Article], list[Reading]],
) -> None:
    articles, readings = story
    texts = " ".join(s.text for s in summarize(articles, readings, [], []))
    assert "sank off the Velmar coast" in texts
    assert "disastrous" not in texts  # a neutral telling of the same sinking exists
    assert "Ferry Gull Star sinks off the Velmar coast" not in texts  # a heading line
    assert "?" not in texts
    found = summary.candidates(articles, {r.article: r for r in readings})
    assert not any(c.text.startswith("Ferry Gull Star sinks") for c in found)
    cut = [c.text for c in found if c.article.id == "wire" and "inquiry" in c.text]
    assert cut == [
        "The coast guard has opened an inquiry into the sinking of the ferry and its operator…"
    ]


def test_a_sentence_pointing_back_comes_only_after_the_one_it_points_to(
    story: tuple[list[Article], list[Reading]],
) -> None:
    articles, readings = story
    found = summary.candidates(articles, {r.article: r for r in readings})
    summary.weigh(summary.features(found, articles), found, summary.DEFAULT)
    he_said = next(c for c in found if c.text.startswith("He said"))
    before = next(c for c in found if c.text.startswith("Harbour master Anton Reyes"))
    opener = max(found, key=lambda c: c.weight)
    he_said.weight = opener.weight - 0.01  # the heaviest after the opener
    assert he_said not in summary.select([c for c in found if c is not before], 200)
    before.weight = opener.weight - 0.02
    chosen = summary.ordered(summary.select(found, 200))
    assert he_said in chosen
    assert chosen.index(he_said) == chosen.index(before) + 1
    account = [s.text for s in summarize(articles, readings, [], [])]
    assert account
    for at, text in enumerate(account):
        if text.startswith("He said"):
            assert account[at - 1].startswith("Harbour master Anton Reyes")


def test_an_earlier_stage_of_what_is_told_is_left_out() -> None:
    first = "Salvage crews began pumping fuel out of the sunken ferry on Wednesday morning."
    second = "Divers completed pumping fuel from the wreck by Friday afternoon, officials said."
    third = "The operator expects the hull to be lifted from the sea bed in April."
    articles = [
        Article("x", "x.txt", first + " " + third, outlet="X", title="Salvage"),
        Article("y", "y.txt", second, outlet="Y", title="Salvage"),
    ]
    readings = read_many(articles)
    chosen = _chosen_by_weight(articles, readings, {first: 2.0, second: 1.0})
    assert first in chosen and third in chosen
    assert second not in chosen
    told = " ".join(s.text for s in summarize(articles, readings, [], []))
    assert told and not ("began pumping" in told and "completed pumping" in told)


def test_a_search_is_left_out_once_the_one_sought_is_caught() -> None:
    first = "The gunman who shot two guards at the Port Ellis fuel depot was arrested on Tuesday."
    second = "Officers were searching the harbour for the gunman after the shooting at the depot."
    articles = [
        Article("x", "x.txt", first, outlet="X", title="Depot"),
        Article("y", "y.txt", second, outlet="Y", title="Depot"),
    ]
    chosen = _chosen_by_weight(articles, read_many(articles), {first: 2.0, second: 1.0})
    assert first in chosen and second not in chosen


def _chosen_by_weight(
    articles: list[Article], readings: list[Reading], weights: dict[str, float]
) -> list[str]:
    """The sentences the selection keeps when each candidate weighs what ``weights`` says."""
    found = summary.candidates(articles, {r.article: r for r in readings})
    summary.features(found, articles)
    for candidate in found:
        candidate.weight = weights.get(candidate.text, 0.0)
    return [c.text for c in summary.select(found, 200)]


def test_the_account_opens_with_the_plain_telling_of_a_loaded_lead() -> None:
    loaded = (
        "Mayor Tovin Reske's botched harbour plan collapsed on Monday when the council of "
        "Dunmarrow voted it down."
    )
    plain = "The council of Dunmarrow voted down Mayor Tovin Reske's harbour plan on Monday."
    articles = [
        Article("x", "x.txt", loaded, outlet="X", title="Harbour plan"),
        Article("y", "y.txt", plain, outlet="Y", title="Harbour plan"),
    ]
    chosen = _chosen_by_weight(articles, read_many(articles), {loaded: 2.0, plain: 1.0})
    assert chosen == [plain]  # the loaded telling adds only its framing


def test_a_loaded_word_weighs_against_a_sentence_only_beside_a_plain_telling() -> None:
    loaded = "A disastrous storm closed the harbour of Velmar to all shipping on Monday."
    other = "Ferries to the island of Brell stayed in port while the wind blew at sea."
    articles = [
        Article("x", "x", loaded, outlet="X", title="Storm closes Velmar harbour"),
        Article("y", "y", other, outlet="Y", title="Storm closes Velmar harbour"),
    ]
    found = summary.candidates(articles, {r.article: r for r in read_many(articles)})
    rows = summary.features(found, articles)
    assert found[0].framed and rows[0]["framed"] == 0.0  # the only telling of its fact


def _one_heavier(
    articles: list[Article], readings: list[Reading], opening: str, weight: float
) -> tuple[list[summary.Candidate], summary.Candidate, list[summary.Candidate]]:
    """The candidates, the one opening with ``opening`` weighing ``weight`` and every other
    1, and the account the selection orders from them."""
    found = summary.candidates(articles, {r.article: r for r in readings})
    heavy = next(c for c in found if c.text.startswith(opening))
    for candidate in found:
        candidate.weight = 1.0
    heavy.weight = weight
    return found, heavy, summary.ordered(summary.select(found, 200))


def test_a_loaded_word_weighs_against_a_sentence() -> None:
    loaded = "A disastrous storm closed the harbour of Velmar to all shipping on Monday."
    neutral = "A sudden storm closed the harbour of Velmar to all shipping on Monday."
    articles = [
        Article("x", "x", loaded, outlet="X", title="Storm closes Velmar harbour"),
        Article("y", "y", neutral, outlet="Y", title="Storm closes Velmar harbour"),
    ]
    readings = read_many(articles)
    found = summary.candidates(articles, {r.article: r for r in readings})
    summary.weigh(summary.features(found, articles), found, summary.DEFAULT)
    weights = {c.article.id: c.weight for c in found}
    assert weights["x"] < weights["y"]
    assert [s.text for s in summarize(articles, readings, [], [])] == [neutral]


def test_the_opener_s_article_goes_on_then_the_others_in_their_order(
    story: tuple[list[Article], list[Reading]],
) -> None:
    articles, readings = story
    found = summary.candidates(articles, {r.article: r for r in readings})
    at = {(c.article.id, c.position): c for c in found}
    picked = [at[("daily", 0)], at[("wire", 2)], at[("courier", 2)], at[("daily", 3)]]
    assert summary.ordered(picked) == [picked[0], picked[3], picked[2], picked[1]]
    account = plain(summarize(articles, readings, [], []))
    sources = [s.articles[0] for s in account]
    following = len(sources) - sources[::-1].index(sources[0])  # last of the opener's
    assert len(account) > 2 and set(sources[:following]) == {sources[0]}
    starts = [s.evidence[0].start for s in account[:following]]
    assert starts == sorted(starts)


def test_a_repeat_is_said_once(story: tuple[list[Article], list[Reading]]) -> None:
    articles, readings = story
    account = plain(summarize(articles, readings, [], []))
    assert sum("sank off the Velmar coast" in s.text for s in account) == 1
    assert sum(s.text.startswith("Relatives gathered") for s in account) == 1


def test_the_account_grows_with_the_material_within_bounds(
    story: tuple[list[Article], list[Reading]],
) -> None:
    brief = [Article("x", "x", "two words")]
    long = [Article("y", "y", "word " * 5000)]
    assert summary.budget(brief) == summary.DEFAULT.budget_min
    assert summary.budget(long) == summary.DEFAULT.budget_max
    middle = [Article("z", "z", "word " * 100)]
    assert summary.DEFAULT.budget_min < summary.budget(middle) < summary.DEFAULT.budget_max
    articles, readings = story
    lead_only = [replace(a, text=a.text[: a.text.index(".") + 1]) for a in articles[:3]]
    short = summarize(lead_only, read_many(lead_only), [], [])
    full = summarize(articles, readings, [], [])
    assert 0 < sum(len(s.text.split()) for s in short) < sum(len(s.text.split()) for s in full)


def test_no_readings_no_account(story: tuple[list[Article], list[Reading]]) -> None:
    articles, readings = story
    assert summarize(articles, readings, [], [])
    assert summarize(articles, [], [survivors()], []) == []


# --- cleaning a sentence ---------------------------------------------------------------------


def test_dateline_connective_and_parenthesis_are_dropped_spans_stay_exact() -> None:
    text = "PORTVILLE (Wire) — However, critics (mostly local hauliers) say the port is too small."
    pieces, said = summary.clean(Evidence("c", 10, 10 + len(text), text))
    assert said == "Critics say the port is too small."
    assert [p.text for p in pieces] == ["critics", "say the port is too small."]
    assert pieces[0].start == 10 + text.index("critics")
    assert pieces[1].start == 10 + text.index("say")
    lead = "PORTVILLE (Wire) — The harbour board approved a new ferry line to Eastholm on Tuesday."
    other = "The Portville harbour board approved a ferry line to Eastholm on Tuesday evening."
    articles = [Article("p", "p", lead, outlet="P"), Article("q", "q", other, outlet="Q")]
    account = summarize(articles, read_many(articles), [], [])
    opening = account[0]
    assert "PORTVILLE" not in opening.text and "Wire" not in opening.text
    assert opening.text.endswith("ferry line to Eastholm on Tuesday evening.") or opening.text == (
        "The harbour board approved a new ferry line to Eastholm on Tuesday."
    )
    assert any(e.text == opening.text for e in opening.evidence)


# --- omissions (hand-made readings) ------------------------------------------------------------

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


def test_omissions_only_for_fully_extracted_originals_and_independent_claims() -> None:
    articles, readings, claims = fixture()
    omissions = find_omissions(articles, readings, claims)
    assert any(o.startswith("Coastal Wire does not mention survivors") for o in omissions)
    assert any(o.startswith("Coastal Wire does not mention crossings suspended") for o in omissions)
    assert not any(o.startswith(("Live Page", "Copy Desk")) for o in omissions)
    assert not any("calm weather" in o for o in omissions)  # one source only


def test_a_statement_told_in_other_words_is_no_omission() -> None:
    texts = {
        "a": "The Talvanian crews completed their withdrawal from Lindale on Friday.",
        "b": "Talvanian crews completed their withdrawal from Lindale, officials said.",
        "c": "The last Talvanian crews finally left Lindale on Friday evening.",
        "d": "The harbour of Harwick reopened to ferries on Friday evening.",
    }
    articles = [Article(k, f"{k}.txt", t, outlet=f"Outlet {k}") for k, t in texts.items()]
    readings = read_many(articles)
    evidence = tuple(
        Evidence(k, 0, len(texts[k]) - 1, texts[k][:-1]) for k in ("a", "b")
    )  # the sentences without their full stops, as a claim may cite them
    claim = Claim(
        "c1",
        "The Talvanian crews completed their withdrawal from Lindale",
        "agreed",
        "two sources",
        (Side("withdrawal", "completed their withdrawal", ("a", "b"), evidence),),
        kind="statement",
    )
    omitting = [o.split(" does not")[0] for o in find_omissions(articles, readings, [claim])]
    assert omitting == ["Outlet d"]  # "finally left Lindale" tells the withdrawal done
    as_figure = replace(claim, kind="figure")  # a figure or a date is told only by its value
    omitting = [o.split(" does not")[0] for o in find_omissions(articles, readings, [as_figure])]
    assert omitting == ["Outlet c", "Outlet d"]


def test_no_omission_before_the_point_was_first_reported_nor_of_a_spelling() -> None:
    articles, readings, claims = fixture()
    # the Coastal Wire dated a day before the two reports of the point: it could not tell it
    articles = [replace(a, published="2031-03-11") if a.id == "c" else a for a in articles]
    assert not any(o.startswith("Coastal Wire") for o in find_omissions(articles, readings, claims))
    # undated (or dated by a guess), it is judged
    undated = [replace(a, published=None) if a.id == "c" else a for a in articles]
    assert any(o.startswith("Coastal Wire") for o in find_omissions(undated, readings, claims))
    guessed = [replace(a, published_inferred=True) if a.id == "c" else a for a in articles]
    assert any(o.startswith("Coastal Wire") for o in find_omissions(guessed, readings, claims))
    spelled = replace(claims[0], about="Spelling of the name Anton Reyes", kind="spelling")
    fixed, _, _ = fixture()
    assert not any("Spelling" in o for o in find_omissions(fixed, readings, [spelled]))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (  # an announcement of news
            "There is breaking news out of Velmar, a harbour town on the east coast. "
            "A ferry sank off the Velmar coast on Monday with forty people aboard.",
            "A ferry sank of",
        ),
        (  # an appeal to the reader
            "Two men were wounded in a shooting on Dunmore Avenue late on Saturday night. "
            "Anyone with information is asked to call detectives at the Port Ellis station.",
            "Two men were wo",
        ),
    ],
)
def test_a_sentence_that_states_nothing_of_the_event_is_no_candidate(text: str, kept: str) -> None:
    articles = [Article("n", "n.txt", text, outlet="N", title="A headline")]
    found = summary.candidates(articles, {r.article: r for r in read_many(articles)})
    assert [c.text[:15] for c in found] == [kept]


def test_a_sentence_split_inside_a_quotation_closes_it() -> None:
    text = (
        "Police arrested the driver after a chase through the Velmar harbour district. "
        "Harbour master Anton Reyes said the man gave up at once, describing him as 'calm. "
        "Very, very calm.' The harbour stayed closed until the evening."
    )
    articles = [Article("q", "q.txt", text, outlet="Q", title="Driver held")]
    found = summary.candidates(articles, {r.article: r for r in read_many(articles)})
    texts = [c.text for c in found]
    assert any(t.startswith("Police arrested the driver") for t in texts)
    # its quotation goes on in the next sentence: the account says so and closes it
    (cut,) = [t for t in texts if "'calm" in t]
    assert cut.endswith("describing him as 'calm. …'")


def test_the_man_is_left_out_once_two_people_are_named() -> None:
    first = (
        "Fisherman Anton Reyes drowned off the Velmar coast on Friday. "
        "The man is thought to have fallen from his boat early in the morning."
    )
    second = (
        "Diver Lena Marsh died off the Velmar coast on Saturday while searching a wreck. "
        "Harbour master Tomas Weil said both deaths were accidents at sea."
    )
    articles = [
        Article("a", "a.txt", first, outlet="A", title="Two drown off Velmar"),
        Article("b", "b.txt", second, outlet="B", title="Two drown off Velmar"),
    ]
    readings = read_many(articles)
    _, the_man, chosen = _one_heavier(articles, readings, "The man", 2.0)
    assert the_man.someone
    assert len({name for c in chosen for name in c.people}) >= 2
    assert summary._unclear_someone(chosen) == [the_man]  # no sentence before names him
    account = [s.text for s in summarize(articles, readings, [], [])]
    assert not any(text.startswith("The man") for text in account)


def test_a_sentence_naming_another_speaker_does_not_back_one() -> None:
    first = "Police chased the van for ten miles before it stopped, Sheriff Anton Reyes said."
    second = "Police chased the van for ten miles before it stopped, Deputy Lena Marsh said."
    third = "Police chased the van for ten miles before it stopped, Sheriff Reyes said."
    other = (
        " The harbour of Velmar reopened to shipping after the storm on Monday."
        " Fishermen returned to the docks of the town in the morning."
    )
    articles = [
        Article("a", "a.txt", first + other, outlet="A", title="Chase"),
        Article("b", "b.txt", second + other, outlet="B", title="Chase"),
        Article("c", "c.txt", third + other, outlet="C", title="Chase"),
    ]
    readings = read_many(articles)
    found = summary.candidates(articles, {r.article: r for r in readings})
    summary.features(found, articles)
    chosen = next(c for c in found if c.article.id == "a" and "chased" in c.text)
    assert [e.article for e in summary.backers(chosen, found)] == ["c"]


def test_a_sentence_that_leaves_out_a_figure_does_not_back_one() -> None:
    counted = "Two men were wounded in a shooting on Dunmore Avenue late Saturday, police said."
    scene = "A man shot on Dunmore Avenue late Saturday has died, police said."
    same = "Police said 2 men were wounded in a shooting on Dunmore Avenue late Saturday."
    other = (
        " The harbour of Velmar reopened to shipping after the storm on Monday."
        " Fishermen returned to the docks of the town in the morning."
    )
    articles = [
        Article("a", "a.txt", counted + other, outlet="A", title="Shooting"),
        Article("b", "b.txt", scene + other, outlet="B", title="Shooting"),
        Article("c", "c.txt", same + other, outlet="C", title="Shooting"),
    ]
    readings = read_many(articles)
    found = summary.candidates(articles, {r.article: r for r in readings})
    summary.features(found, articles)
    chosen = next(c for c in found if c.article.id == "a" and "wounded" in c.text)
    scene_told = next(c for c in found if c.article.id == "b" and "shot" in c.text)
    # the scene alone is said alike enough to back it by its words ...
    assert summary.cosine(chosen.vector, scene_told.vector) >= summary.DEFAULT.cite
    # ... but it does not say that two men were wounded
    assert [e.article for e in summary.backers(chosen, found)] == ["c"]


def test_this_morning_in_an_undated_report_gives_way_to_a_placed_telling() -> None:
    undated = "A storm closed the harbour of Velmar to all shipping this morning, officials said."
    dated = "A storm closed the harbour of Velmar to all shipping on Monday, officials said."
    articles = [
        Article("u", "u.txt", undated, outlet="U", title="Storm"),
        Article("d", "d.txt", dated, outlet="D", title="Storm", published="2030-05-07"),
    ]
    readings = read_many(articles)
    found = summary.candidates(articles, {r.article: r for r in readings})
    summary.features(found, articles)
    for candidate in found:
        candidate.weight = 2.0 if candidate.article.id == "u" else 1.0
    chosen = [c.article.id for c in summary.select(found, 200)]
    assert chosen == ["d"]


def test_marks_a_tokenised_text_leaves_apart_are_joined() -> None:
    text = "'The pier will hold , ' the mayor said at 10 a . m . on Monday ."
    pieces, said = summary.clean(Evidence("t", 0, len(text), text))
    assert said == "'The pier will hold,' the mayor said at 10 a.m. on Monday."
    assert all(text[p.start : p.end] == p.text for p in pieces)


def test_a_label_that_asks_reads_on_lower_cased_in_a_disagreement() -> None:
    texts = ["The ferry sank off Port Ellis."]
    assert summary._topic("Where the victim died", texts) == "where the victim died"
    assert summary._topic("Weapon used", texts) == "the weapon used"
    assert summary._topic("Port Ellis harbour dues", texts) == "Port Ellis harbour dues"


def test_the_account_never_opens_with_someone_it_has_not_named() -> None:
    first = (
        "Harbour police chased him for ten miles along the Velmar coast road on Friday, "
        "Sheriff Ana Veldt said. "
        "Fisherman Anton Reyes, 41, was arrested near Port Ellis after police chased him."
    )
    second = "Anton Reyes was arrested near Port Ellis on Friday after a chase along the coast."
    articles = [
        Article("a", "a.txt", first, outlet="A", title="Chase ends in arrest"),
        Article("b", "b.txt", second, outlet="B", title="Arrest after coast chase"),
    ]
    readings = read_many(articles)
    found, chased, chosen = _one_heavier(articles, readings, "Harbour police", 3.0)
    assert chased.unnamed
    assert not next(c for c in found if c.text.startswith("Fisherman")).unnamed
    assert chosen[0] is chased
    assert summary._unclear_someone(chosen) == [chased]
    account = [s.text for s in summarize(articles, readings, [], [])]
    assert account and not account[0].startswith("Harbour police")


def test_a_quotation_opening_with_a_pronoun_points_back() -> None:
    assert summary._points_back("'He knew he would be caught,' Sheriff Ana Veldt said.")
    assert summary._points_back("\u201cShe was calm,\u201d the harbour master said.")
    assert not summary._points_back("'The boat was lost,' Sheriff Ana Veldt said.")


def test_similarities_are_the_same_whatever_the_hash_seed() -> None:
    """Sentences' terms come as sets, whose order follows the interpreter's hash seed; the
    TF-IDF sums must not, or a tie between two copies of one sentence (a wire story in
    three outlets) breaks another way from run to run and the summary changes."""
    script = (
        "from triangulate.compose.summary import cosine, tfidf\n"
        "words = [f'word{i}' for i in range(60)]\n"
        "texts = [frozenset(words[i : i + 40]) for i in range(0, 20, 2)]\n"
        "vectors = tfidf(texts)\n"
        "print(repr([cosine(vectors[0], v) for v in vectors]))\n"
    )
    printed = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(1, 7)
    }
    assert len(printed) == 1


def test_a_wire_dateline_is_dropped_from_a_summary_sentence() -> None:
    text = (
        "TALMOUTH, March 11 (Harbor City Herald) - Governor Pella Vance on Tuesday signed the"
        " Clean Transit Act into law."
    )
    pieces, shown = summary.clean(Evidence("h", 0, len(text), text))
    assert shown == "Governor Pella Vance on Tuesday signed the Clean Transit Act into law."
    assert pieces[0].text.startswith("Governor")


def test_a_contested_value_in_a_closing_side_clause_leaves_the_rest_a_plain_fact() -> None:
    herald = (
        "The Coravia Senate on Tuesday approved the Clean Transit Act, which the budget office"
        " says will cost about $4.8 billion over ten years."
    )
    ledger = (
        "The Coravia Senate on Tuesday passed the Clean Transit Act, which would cost about"
        " $4.2 billion over ten years."
    )
    articles = [
        Article("h", "h.txt", herald, outlet="Herald", title="Transit act passes"),
        Article("l", "l.txt", ledger, outlet="Ledger", title="Senate passes transit bill"),
    ]
    cost = Claim(
        "c1",
        "Cost",
        "conflict",
        "about $4.8 billion and about $4.2 billion cannot both hold",
        (
            Side(4.8e9, "about $4.8 billion", ("h",), (Evidence("h", 0, len(herald), herald),)),
            Side(4.2e9, "about $4.2 billion", ("l",), (Evidence("l", 0, len(ledger), ledger),)),
        ),
    )
    account = summarize(articles, read_many(articles), [cost], [])
    first = account[0]
    assert first.text.startswith("The Coravia Senate on Tuesday")
    assert first.text.endswith("the Clean Transit Act.")
    assert all("billion" not in e.text for e in first.evidence if e.article == first.articles[0])
    assert any(s.text.startswith("Reports differ on the cost") for s in account)


def test_a_photo_caption_without_a_verb_is_no_summary_candidate() -> None:
    text = (
        "Kessin opens its new bridge\n\n"
        "Mayor Ada Lund opened the Kessin bridge on Monday, the city said.\n\n"
        "Mayor Ada Lund and Governor Piet Brand of Norland at the bridge in 2021.\n\n"
        "Crowds in the rain at the opening of the bridge on Monday.\n\n"
        "The bridge cost 40 million euros to build."
    )
    article = Article("k", "k.txt", text, outlet="Kessin Post", title="Kessin opens its bridge")
    readings = dict(zip(["k"], read_many([article]), strict=True))
    found = [c.text for c in summary.candidates([article], readings)]
    assert "Mayor Ada Lund opened the Kessin bridge on Monday, the city said." in found
    assert "The bridge cost 40 million euros to build." in found
    assert not any("Governor Piet Brand" in t or t.startswith("Crowds") for t in found)
