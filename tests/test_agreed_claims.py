"""Agreed statement claims: one claim for what one sentence alone states surely, and a
repeat of a claim folded into it."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from triangulate.compare.agreements import (
    SURE_LINK,
    Answers,
    _confidence,
    statement_claims,
    without_weak_agreements,
)
from triangulate.compare.align import told_words
from triangulate.compare.claims import _Draft, _without_repeats, folded_happenings, folded_repeats
from triangulate.compare.labels import parses_whole
from triangulate.compare.statements import statements_of
from triangulate.models import Article, Claim, Evidence, Side
from triangulate.readers.reader import read_many

# Linked by the aligner as the tests say; by who did what, no two tell one happening (the
# doers differ, or one has none), so the links alone decide which are cited surely.
TEXTS = (
    "Port Ellis closed its ferry terminal on Monday.",
    "They shut the ferry terminal at Port Ellis, the harbour office said.",
    "The ferry terminal was closed as the storm reached the coast.",
)
OUTLETS = ("Coast Wire", "Velmar Post", "Harbour News")


def _claims(scores: dict[tuple[int, int], float]) -> list[Claim]:
    articles = [
        Article(f"a{i}", f"a{i}.txt", text, outlet=outlet, published="2031-04-03")
        for i, (text, outlet) in enumerate(zip(TEXTS, OUTLETS, strict=True))
    ]
    statements = statements_of(articles, read_many(articles))
    assert len(statements) == 3
    claims = statement_claims([[0, 1], [0, 2]], statements, articles, scores)
    assert len(claims) == 2  # one per group of the aligner's
    return [c for c in folded_repeats(claims, articles) if c is not None]


def test_sentences_beside_one_sure_sentence_share_its_claim() -> None:
    below = SURE_LINK / 2
    claims = _claims({(0, 1): below, (0, 2): below, (1, 2): 0.0})
    assert len(claims) == 1  # not one claim per sentence cited less surely beside it
    evidence = claims[0].sides[0].evidence
    assert {e.article for e in evidence} == {"a0", "a1", "a2"}
    assert {e.article for e in evidence if e.tentative} == {"a1", "a2"}
    assert "1 independent source states it (Coast Wire)" in claims[0].reason
    assert "Less surely: Harbour News, Velmar Post" in claims[0].reason


def test_a_repeat_joins_the_claim_two_sources_state_surely_less_surely() -> None:
    claims = _claims({(0, 1): SURE_LINK, (0, 2): SURE_LINK / 2, (1, 2): 0.0})
    assert len(claims) == 1  # the group of a0 and a2 repeats the claim a0 and a1 state
    evidence = claims[0].sides[0].evidence
    assert [(e.article, e.tentative) for e in evidence] == [
        ("a0", False),
        ("a1", False),
        ("a2", True),
    ]


def test_claims_of_one_label_sharing_a_sure_sentence_are_one_claim_citing_each_surely() -> None:
    claims = _claims({(0, 1): SURE_LINK, (0, 2): SURE_LINK, (1, 2): 0.0})
    assert len(claims) == 1  # a0 is cited surely by both: one claim shown twice
    evidence = claims[0].sides[0].evidence
    assert [(e.article, e.tentative) for e in evidence] == [
        ("a0", False),
        ("a1", False),
        ("a2", False),
    ]
    assert "3 independent sources state it" in claims[0].reason


def _cited_surely(texts: tuple[str, ...], score: float = 0.9) -> set[str]:
    """The articles an agreed claim of these sentences (one per outlet, each linked to
    every other at ``score``) cites surely, the first sentence's clause as its label."""
    articles = [
        Article(f"a{i}", f"a{i}.txt", text, outlet=f"Outlet {i}", published="2031-04-03")
        for i, text in enumerate(texts)
    ]
    statements = statements_of(articles, read_many(articles))
    assert len(statements) == len(texts)
    pairs = {(i, j): score for i in range(len(texts)) for j in range(i + 1, len(texts))}
    group = list(range(len(texts)))
    (claim,) = [c for c in statement_claims([group], statements, articles, pairs)]
    return {e.article for e in claim.sides[0].evidence if not e.tentative}


def test_a_member_without_the_verb_of_the_claims_sentence_is_cited_less_surely() -> None:
    # linked strongly (the same woman, farm, barns and officials), but the third never
    # tells the arrest the claim's sentence tells
    surely = _cited_surely(
        (
            "A woman suspected of burning two barns at a dairy farm where she had worked was "
            "detained hours later after a short chase, officials said.",
            "A woman suspected of burning two barns at a dairy farm from which she was "
            "dismissed last month was detained after a short chase, officials said.",
            "A woman who was dismissed last month from her job at a dairy farm walked into the "
            "yard with a torch on Friday and burned two barns before fleeing on a tractor, "
            "officials said.",
        )
    )
    assert surely == {"a0", "a1"}


def test_a_member_sharing_only_the_verb_of_the_claims_relative_clause_is_cited_less_surely() -> (
    None
):
    # the claim's sentence tells the detention; its relative clause ("from which she was
    # dismissed") is background that the third sentence shares without the detention
    surely = _cited_surely(
        (
            "A woman suspected of burning two barns at a dairy farm from which she was "
            "dismissed last month was detained after a short chase, officials said.",
            "A woman suspected of burning two barns at a dairy farm from which she was "
            "dismissed last month was detained after a short chase hours after the blaze on "
            "Friday night, officials said.",
            "A woman who was dismissed last month from her job at a dairy farm walked into the "
            "yard with a torch on Friday and burned two barns before fleeing on a tractor, "
            "officials said.",
        )
    )
    assert surely == {"a0", "a1"}


def test_a_member_telling_the_claims_relative_clause_as_its_own_news_stays_sure() -> None:
    # "where he was treated" is what the third sentence tells in its main clause
    surely = _cited_surely(
        (
            "Orr was returned to Port Ellis, where he was treated for burns.",
            "Orr was returned to Port Ellis by boat, where he was treated for burns, the "
            "coastguard said.",
            "When the crew got there, the man had been flown to Port Ellis by a rescue "
            "helicopter and treated for burns by medics.",
        )
    )
    assert surely == {"a0", "a1", "a2"}


def test_a_member_that_shares_only_a_light_verb_and_its_speaker_is_cited_less_surely() -> None:
    surely = _cited_surely(
        (
            "“I am not sure all three guards were bribed, but there appeared to be a plan,” "
            "Chief Orr said.",
            "“I am not sure all three guards were bribed, but there appeared to be a plan,” "
            "Orr said.",
            "The three-storey depot on the quay houses other tenants in addition to the "
            "freight office, and appeared to have no formal alarm system, Chief Orr said.",
        )
    )
    assert surely == {"a0", "a1"}


def test_a_member_without_the_claims_distance_or_with_another_speed_is_cited_less_surely() -> None:
    surely = _cited_surely(
        (
            "Deputies chased the van for about 30 miles at speeds of up to 120 mph.",
            "Deputies chased the van for 48 km at speeds of up to 193 km/h.",
            "Deputies chased the van at speeds of more than 100 mph.",
            "Deputies chased the van for 30 miles at 150 mph.",
        )
    )
    assert surely == {"a0", "a1"}  # the same figures in other units stay sure


def test_a_member_telling_one_of_the_claims_several_doers_is_cited_less_surely() -> None:
    # the same verb, place and time, but of one sailor where the claim tells of two, and of
    # one man where it counts two
    coordinated = _cited_surely(
        (
            "One Velmarian and one Ostrian sailor have drowned off the coast of Port Ellis.",
            "One Velmarian and one Ostrian sailor have drowned off the coast of Port Ellis, the "
            "coastguard said.",
            "An Ostrian sailor has drowned off the coast of Port Ellis, the coastguard said.",
        )
    )
    assert coordinated == {"a0", "a1"}
    counted = _cited_surely(
        (
            "Two men were shot dead outside a bakery in Port Ellis on Monday night.",
            "Two men were shot dead outside a bakery in Port Ellis on Monday night, police said.",
            "A man was shot dead outside a bakery in Port Ellis on Monday night, police said.",
        )
    )
    assert counted == {"a0", "a1"}


def test_a_member_naming_every_doer_of_the_claim_stays_sure() -> None:
    # "Velmar signed ... with Ostria" tells of both parties the claim's subject joins
    surely = _cited_surely(
        (
            "Velmar and Ostria signed a ceasefire in Port Ellis on Monday.",
            "Velmar and Ostria signed a ceasefire in Port Ellis on Monday, officials said.",
            "Velmar signed a ceasefire with Ostria in Port Ellis on Monday, officials said.",
        )
    )
    assert surely == {"a0", "a1", "a2"}


def test_an_age_the_member_gives_of_another_happenings_person_contradicts_nothing() -> None:
    # "a 41-year-old farmer found the wreck": the farmer's age, not the pilot's
    surely = _cited_surely(
        (
            "A 36-year-old pilot died on Friday when her plane crashed near Port Ellis.",
            "A 36-year-old pilot died on Friday when her plane crashed near Port Ellis, police "
            "said.",
            "A day after the pilot died when her plane crashed near Port Ellis, a 41-year-old "
            "farmer found the wreck.",
        )
    )
    assert surely == {"a0", "a1", "a2"}


SLIP = (
    "A woman suspected of burning two barns at a dairy farm where was dismissed last month was "
    "detained after a short chase a few hours after the Friday night blaze, officials said."
)
WHOLE = (
    "A woman suspected of burning two barns at a dairy farm from which she was dismissed last "
    "month was detained after a short chase hours after the blaze on Friday night, officials "
    "said."
)


def test_a_label_taken_from_a_sentence_does_not_copy_a_clause_that_lost_its_subject() -> None:
    assert len(SLIP) < len(WHOLE)  # the shorter sentence would be the label
    articles = [
        Article(f"a{i}", f"a{i}.txt", text, outlet=f"Outlet {i}", published="2031-04-03")
        for i, text in enumerate((SLIP, WHOLE))
    ]
    statements = statements_of(articles, read_many(articles))
    (claim,) = statement_claims([[0, 1]], statements, articles, {(0, 1): 0.9})
    assert claim.about.startswith("A woman suspected of burning two barns at a dairy farm from")
    assert parses_whole(WHOLE) and not parses_whole(SLIP)
    assert parses_whole("Where was the rifle found?")  # a question may invert


FERRY = (
    "Port Ellis closed its ferry terminal on Monday as the storm reached the coast.",
    "Port Ellis shut its ferry terminal on Monday, the harbour office said.",
    "The ferry terminal at Port Ellis was closed on Monday as the storm came ashore.",
    "Port Ellis closed the ferry terminal on Monday, officials said.",
)


def test_what_a_member_states_and_carries_is_asked_once_for_all_its_groups() -> None:
    articles = [
        Article(f"a{i}", f"a{i}.txt", text, outlet=f"Outlet {i}", published="2031-04-03")
        for i, text in enumerate(FERRY)
    ]
    statements = statements_of(articles, read_many(articles))
    assert len(statements) == len(FERRY)
    scores = {(i, j): 0.9 for i in range(len(FERRY)) for j in range(i + 1, len(FERRY))}
    # overlapping groups, as the cliques give them: each statement is in three
    groups = [[0, 1, 2], [0, 1, 3], [0, 2, 3], [1, 2, 3]]
    answers = Answers()
    claims = statement_claims(groups, statements, articles, scores, answers)
    assert answers.evaluated == len(answers.stated) + len(answers.carried)  # once a pair
    assert answers.carried and answers.asked > answers.evaluated  # the others were kept
    # the same claims as each group compared alone, with nothing kept between groups
    # (``repr``: whether a sentence is cited less surely takes no part in equality)
    alone = [c for g in groups for c in statement_claims([g], statements, articles, scores)]
    assert [repr(c) for c in claims] == [repr(c) for c in alone]
    assert len(claims) == len(groups)


def test_a_claim_repeated_under_its_label_by_an_inner_group_is_one_claim() -> None:
    """The aligner's groups overlap: a group whose sure sentences are among another's, under
    the same label, is the same claim again. It is folded in: shown once, what only it cites
    cited less surely, a claim of the same words stated by other sentences kept apart."""
    texts = {
        "a": "The ferry Velmar sank off Port Ellis on Sunday.",
        "b": "The Velmar ferry sank near Port Ellis.",
        "c": "On Sunday the ferry Velmar sank.",
        "d": "Officials said a ferry went down off the coast.",
        "e": "The Velmar sank, the harbour master said.",
        "f": "A ferry sank.",
    }
    articles = _outlets(texts)
    cited = partial(_cited, texts)

    wide = _agreed("The ferry Velmar sank", cited("a"), cited("b"), cited("c"))
    inner = _agreed("The ferry Velmar sank", cited("a"), cited("b"), cited("d", tentative=True))
    apart = _agreed("The ferry Velmar sank", cited("e"), cited("f"))
    kept = [d.claim for d in _without_repeats([wide, inner, apart], articles)]

    assert len(kept) == 2
    merged = kept[0].sides[0]
    assert [(e.article, e.tentative) for e in merged.evidence] == [
        ("a", False),
        ("b", False),
        ("c", False),
        ("d", True),
    ]
    assert merged.articles == ("a", "b", "c", "d")
    assert "Less surely" in kept[0].reason and "Outlet d" in kept[0].reason
    assert kept[1] is apart.claim


def test_repeats_of_a_label_fold_into_the_first_kept_claim_sharing_a_sure_sentence() -> None:
    """Claims of one label citing a sentence surely that a kept claim cites surely fold into
    the kept one with the most sure sentences, the earlier on a tie (what either cites surely
    stays sure); a repeat citing nothing surely folds into the first kept claim; a claim of
    another label is not looked at."""
    texts = {key: f"The ferry Velmar sank off Port Ellis, outlet {key} said." for key in "abcdefg"}
    articles = _outlets(texts)
    cited = partial(_cited, texts)

    label = "The ferry Velmar sank"
    repeat = _agreed(label, cited("a"), cited("b"), cited("e", tentative=True))
    first = _agreed(label, cited("a"), cited("b"), cited("c"))
    second = _agreed(label, cited("a"), cited("b"), cited("d"))
    unsure = _agreed(label, cited("f", tentative=True))
    other = _agreed("A ferry sank", cited("a"), cited("g", tentative=True))
    kept = [d.claim for d in _without_repeats([repeat, first, second, unsure, other], articles)]

    assert [c.sides[0].articles for c in kept] == [("a", "b", "c", "d", "e", "f"), ("a", "g")]
    assert kept[1] is other.claim
    assert [e.tentative for e in kept[0].sides[0].evidence] == [
        False,
        False,
        False,
        False,
        True,
        True,
    ]


def test_figure_claims_of_one_label_sharing_a_sentence_stay_apart() -> None:
    """Two figures of one label may share a sentence that gives both ("two games, then three
    more"): each claim keeps its own, folded only when its sentences all lie in the other's."""
    texts = {
        key: f"The Velmar ferry made two crossings, then three, outlet {key} said." for key in "abc"
    }
    articles = _outlets(texts)
    cited = partial(_cited, texts)
    label = "Number of crossings"
    two = _agreed(label, cited("a"), cited("b"))
    three = _agreed(label, cited("b"), cited("c"))
    inner = _agreed(label, cited("a"))
    figures = [_Draft(replace(d.claim, kind="figure"), d.rank) for d in (two, three, inner)]
    kept = [d.claim for d in _without_repeats(figures, articles)]
    assert [c.sides[0].articles for c in kept] == [("a", "b"), ("b", "c")]


def test_a_sentence_a_repeat_cites_surely_is_cited_surely_where_the_kept_claim_doubted_it() -> None:
    texts = {key: f"The ferry Velmar sank off Port Ellis, outlet {key} said." for key in "abc"}
    cited = partial(_cited, texts)
    label = "The ferry Velmar sank"
    kept_claim = _agreed(label, cited("a"), cited("b"), cited("c", tentative=True))
    repeat = _agreed(label, cited("a"), cited("c"))
    (kept,) = [d.claim for d in _without_repeats([kept_claim, repeat], _outlets(texts))]
    assert [(e.article, e.tentative) for e in kept.sides[0].evidence] == [
        ("a", False),
        ("b", False),
        ("c", False),
    ]


def _outlets(texts: dict[str, str]) -> list[Article]:
    """One article of each text, its key its id, each from its own outlet."""
    return [
        Article(id=k, source=f"{k}.txt", text=v, outlet=f"Outlet {k}") for k, v in texts.items()
    ]


def _cited(texts: dict[str, str], key: str, tentative: bool = False) -> Evidence:
    """The whole text of ``key`` as evidence."""
    return Evidence(key, 0, len(texts[key]), texts[key], tentative=tentative)


def _agreed(about: str, *evidence: Evidence) -> _Draft:
    """An agreed claim citing ``evidence``, ranked by how much it cites."""
    side = Side(None, about, tuple(e.article for e in evidence), evidence)
    return _Draft(Claim("", about, "agreed", "", (side,), kind="statement"), (len(evidence),))


def _cited_at_all(texts: tuple[str, ...], score: float = 0.9) -> set[str]:
    """The articles an agreed claim of these sentences cites at all (surely or not)."""
    articles = [
        Article(f"a{i}", f"a{i}.txt", text, outlet=f"Outlet {i}", published="2031-04-03")
        for i, text in enumerate(texts)
    ]
    statements = statements_of(articles, read_many(articles))
    pairs = {(i, j): score for i in range(len(texts)) for j in range(i + 1, len(texts))}
    claims = statement_claims([list(range(len(texts)))], statements, articles, pairs)
    return {e.article for c in claims for side in c.sides for e in side.evidence}


def test_a_member_giving_another_count_of_the_claims_happening_leaves_the_agreement() -> None:
    cited = _cited_at_all(
        (
            "Rescuers pulled 11 people alive from the collapsed Varrow Court block.",
            "Rescuers pulled 11 people alive from the rubble of Varrow Court.",
            "Rescuers have pulled 15 people alive from the collapsed Varrow Court block.",
        )
    )
    assert cited == {"a0", "a1"}  # 15 is another count: a conflict or an update, not support


def test_a_member_counting_the_claims_people_by_another_noun_and_number_leaves_it() -> None:
    cited = _cited_at_all(
        (
            "Two men were wounded Saturday night on Tarrow Avenue, police said.",
            "Two men were wounded late Saturday on Tarrow Avenue.",
            "Three people were wounded Saturday night on Tarrow Avenue, police said.",
        )
    )
    assert cited == {"a0", "a1"}  # three people: another count of the wounded
    # one person told by "a" is no count of a group that another count contradicts
    cited = _cited_at_all(
        (
            "A 61-year-old man surrendered to police after the party shooting.",
            "A 61-year-old man surrendered to police, with a dozen people still inside.",
        )
    )
    assert cited == {"a0", "a1"}


def test_a_member_telling_an_earlier_reports_figure_does_not_agree_with_it() -> None:
    cited = _cited_at_all(
        (
            "The deputy fired four shots at the car, the sheriff said.",
            "The deputy fired four shots at the car.",
            "The sheriff's office had earlier said the deputy fired four shots at the car.",
        )
    )
    assert cited == {"a0", "a1"}


def test_who_spoke_and_their_title_are_no_words_a_sentence_tells() -> None:
    articles = [
        Article(
            "a0",
            "a0.txt",
            '"Shoppers should be sure that no tainted jar is on any shelf," said Mira Olund, a'
            " spokeswoman for the food agency.",
        ),
        Article(
            "a1",
            "a1.txt",
            '"The scale of the fraud was larger than the firm first disclosed," said Mira Olund,'
            " the food agency's spokeswoman.",
        ),
        Article("a2", "a2.txt", "You know what they say - the third time's the charm, she added."),
    ]
    first, second, saying = statements_of(articles, read_many(articles))
    assert not told_words(first) & told_words(second)  # two quotes of one speaker
    assert {"third", "time", "charm"} <= told_words(saying)


def test_a_question_the_writer_asks_is_no_statement() -> None:
    articles = [
        Article(
            "a1",
            "a1.txt",
            "Who has been arrested so far?\n\nNobody has been arrested in the Port Ellis ferry inquiry."
            '\n\nWhat did the harbour master know?\n\n"Who signed the ferry logs?" one query'
            " asks.",
            outlet="Coast Wire",
            published="2031-04-03",
        )
    ]
    texts = [s.text for s in statements_of(articles, read_many(articles))]
    assert "Who has been arrested so far?" not in texts
    assert "What did the harbour master know?" not in texts
    assert "Nobody has been arrested in the Port Ellis ferry inquiry." in texts
    assert any(t.startswith('"Who signed the ferry logs?"') for t in texts)


def test_sentences_telling_one_happening_by_who_did_what_are_cited_surely_at_a_weak_link() -> None:
    # linked at under an even chance, yet each tells the Talvanians leaving Brenholt:
    # "withdrew" and "left" (one group of verbs), "completed their withdrawal" (a clause
    # completing the happening its object names); "Talvania" and "Talvanians" one doer
    surely = _cited_surely(
        (
            "The Talvanians withdrew their crews from Brenholt on Monday.",
            "Talvania left Brenholt after the storm, the harbour office said.",
            "The Talvanians completed their withdrawal from Brenholt.",
        ),
        score=SURE_LINK / 2,
    )
    assert surely == {"a0", "a1", "a2"}


def test_a_part_a_denial_another_doer_or_no_doer_of_the_happening_is_no_sure_link() -> None:
    surely = _cited_surely(
        (
            "The Talvanian crews withdrew from Brenholt on Monday.",
            "The first Talvanian crews left Brenholt.",
            "The Talvanian crews did not leave Brenholt.",
            "Fishermen left Brenholt after the storm.",
            "Talvanian crews are being withdrawn from Brenholt.",
        ),
        score=SURE_LINK / 2,
    )
    assert surely == {"a0"}


def _happening_claims(texts: tuple[str, ...]) -> list[Claim]:
    """Two agreed claims under labels of their own, one citing the first two sentences (one
    per outlet), the other the second and third surely and any others less surely; with
    those telling one happening folded."""
    articles = [
        Article(f"a{i}", f"a{i}.txt", text, outlet=f"Outlet {i}", published="2031-04-03")
        for i, text in enumerate(texts)
    ]
    statements = statements_of(articles, read_many(articles))
    first, shared, last, *doubted = (s.evidence for s in statements)
    unsure = [replace(e, tentative=True) for e in doubted]
    claims = [
        _agreed("What the first sentence says", first, shared).claim,
        _agreed("What the last sentence says", shared, last, *unsure).claim,
    ]
    return folded_happenings(claims, statements, articles)


def test_claims_telling_one_happening_in_other_words_are_one_claim() -> None:
    (claim,) = _happening_claims(
        (
            "The Talvanians withdrew their crews from Brenholt on Monday.",
            "Talvania's crews left Brenholt after the storm, the harbour office said.",
            "The Talvanian crews completed their withdrawal from Brenholt.",
            # cited less surely by the second: carried over, less surely, when it tells the
            # happening, left out when it tells another
            "Fishermen left Brenholt after the storm.",
            "The storm flooded the quays of Brenholt.",
        ),
    )
    evidence = claim.sides[0].evidence
    assert [(e.article, e.tentative) for e in evidence] == [
        ("a0", False),
        ("a1", False),
        ("a2", False),
        ("a3", True),
    ]
    assert claim.about == "What the first sentence says"
    assert "3 independent sources state it" in claim.reason


def test_claims_sharing_a_sentence_but_not_the_doer_stay_apart() -> None:
    claims = _happening_claims(
        (
            "The Talvanians withdrew their crews from Brenholt on Monday.",
            "Talvania's crews left Brenholt after the storm, the harbour office said.",
            "Fishermen left Brenholt after the storm, the harbour office said.",
        ),
    )
    assert [c.sides[0].articles for c in claims] == [("a0", "a1"), ("a1", "a2")]


def _statement(reports: int, confidence: float, surely: int = 1) -> Claim:
    """An agreed statement of ``reports`` reports of as many outlets, each citing its own
    sentence, the first ``surely`` of them surely."""
    text = "The council approved the plan on Monday."
    evidence = tuple(
        Evidence(f"a{n}", 0, len(text), text, tentative=n > surely) for n in range(1, reports + 1)
    )
    side = Side(None, text, tuple(e.article for e in evidence), evidence)
    return Claim(
        "", "The council approved the plan", "agreed", "", (side,), confidence, "statement"
    )


REPORTS = [Article(f"a{n}", f"a{n}.txt", "", outlet=f"Outlet {n}") for n in range(1, 6)]


def test_a_statement_few_reports_make_on_weak_links_is_no_agreement() -> None:
    weak = [_statement(2, 0.2), _statement(3, 0.249)]
    kept = [
        _statement(2, 0.25),  # links of the cut's strength
        _statement(4, 0.2),  # four sources
        _statement(3, 0.6),
        _statement(2, 0.1, surely=2),  # two sources state it surely: an agreement
        replace(_statement(2, 0.1), kind="figure"),  # a figure's link is read elsewhere
        replace(_statement(2, 0.1), status="conflict", difference="update"),  # a stage update
    ]
    assert without_weak_agreements([*weak, *kept], REPORTS) == kept


def test_a_copy_counts_as_its_original_s_source() -> None:
    """A wire story and its copy are one source: with one other outlet, two sources."""
    copy = replace(REPORTS[1], duplicate_of="a1")
    reports = [REPORTS[0], copy, *REPORTS[2:]]
    told_surely_by_the_wire_alone = _statement(3, 0.2, surely=2)  # the wire and its copy
    assert without_weak_agreements([told_surely_by_the_wire_alone], reports) == []
    three_sources_in_four_reports = _statement(4, 0.2)
    assert without_weak_agreements([three_sources_in_four_reports], reports) == []


def test_a_claim_s_confidence_is_the_mean_of_its_links_between_sources() -> None:
    """A copy and its original are one source, never scored against each other: no link of
    theirs pulls the mean down."""
    text = "Port Ellis closed its ferry terminal on Monday."
    wire = Article("a1", "a1.txt", text, outlet="Coast Wire")
    copy = Article("a2", "a2.txt", text, outlet="Velmar Post", duplicate_of="a1")
    other = Article("a3", "a3.txt", "The ferry terminal at Port Ellis shut on Monday.")
    articles = [wire, copy, replace(other, outlet="Harbour News")]
    statements = statements_of(articles, read_many(articles))
    assert [s.source for s in statements][:2] == ["Coast Wire", "Coast Wire"]
    assert _confidence(statements, {(0, 2): 0.4, (1, 2): 0.4}) == 0.4


def test_a_claim_a_repeat_folds_into_keeps_the_better_linked_confidence() -> None:
    """The claim citing more sentences surely is kept; the repeat folded into it was linked
    on its own, and the better of the two is how sure the claim is."""
    text = "Port Ellis closed its ferry terminal on Monday."
    cited = [Evidence(f"a{n}", 0, len(text), text) for n in range(3)]
    label = "Port Ellis closed its ferry terminal"

    def claim(evidence: list[Evidence], confidence: float) -> Claim:
        side = Side(None, text, tuple(e.article for e in evidence), tuple(evidence))
        return Claim("", label, "agreed", "", (side,), confidence, "statement")

    kept, repeat = claim(cited, 0.2), claim(cited[:2], 0.4)
    articles = [Article(e.article, f"{e.article}.txt", text, outlet=e.article) for e in cited]
    folded = folded_repeats([kept, repeat], articles)
    assert folded[1] is None and folded[0] is not None
    assert folded[0].confidence == 0.4


def _grouped(*texts: str) -> list[list[str]]:
    """The sentences each agreed claim cites when the aligner has put one sentence of each
    text (one outlet each) in one group, every pair linked surely."""
    articles = [
        Article(f"a{i}", f"a{i}.txt", text, outlet=f"Outlet {i}", published="2031-04-03")
        for i, text in enumerate(texts)
    ]
    statements = statements_of(articles, read_many(articles))
    assert len(statements) == len(texts)
    group = list(range(len(texts)))
    scores = {(i, j): 0.9 for i in group for j in group if i < j}
    claims = statement_claims([group], statements, articles, scores)
    return [sorted(e.article for side in c.sides for e in side.evidence) for c in claims]


def test_a_sentence_sharing_one_word_with_the_others_leaves_their_group() -> None:
    cited = _grouped(
        "The death toll from the flooding rose to seven on Tuesday, rescue officials said.",
        "Seven people have died in the flooding, rescue officials said on Tuesday.",
        "The Ulvarn river rose almost three metres on Tuesday, hydrologists said.",
    )
    # the river's rise shares "rise" with the toll's, and a day any two sentences of the story
    # may share: another fact
    assert cited == [["a0", "a1"]]


def test_two_sentences_sharing_one_word_make_no_agreement() -> None:
    assert (
        _grouped(
            "The death toll from the flooding rose to seven on Tuesday, rescue officials said.",
            "The Ulvarn river rose almost three metres in five hours, hydrologists said.",
        )
        == []
    )


def test_a_shared_name_makes_an_agreement() -> None:
    cited = _grouped(
        "The warehouse's owner, Ilvane Arnshaw, said the building was not insured.",
        "Ilvane Arnshaw said she would rebuild.",
    )
    # the speaker's two names are two words in common: the gold of a role lists such pairs
    assert cited == [["a0", "a1"]]


def test_two_stages_told_in_other_words_still_make_an_update() -> None:
    # "searching for" and "arrested" share only "driver": the word rule is for agreements,
    # asked after the stages of one happening are told apart
    cited = _grouped(
        "Police were searching for the driver who struck a cyclist on Tessing Road.",
        "Deputies arrested the driver at his home on Friday.",
    )
    assert cited == [["a0", "a1"]]
