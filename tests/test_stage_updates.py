"""A report of a happening's start beside one of its end: an update, not an agreement."""

from __future__ import annotations

from triangulate.compare.agreements import statement_claims
from triangulate.compare.statements import statements_of
from triangulate.compose.summary import Sources, updated
from triangulate.core.words import STAGES, stage_of
from triangulate.models import Article, Claim
from triangulate.readers.reader import read_many

BEGUN = "The evacuation of Port Ellis harbour has begun, harbour officials said on Monday."
DONE = "The evacuation of Port Ellis harbour was completed on Sunday, harbour officials said."
DONE_TOO = "Harbour officials said the evacuation of Port Ellis harbour was completed on Sunday."


OTHER = "Harbour officials said the evacuation of Port Ellis harbour involved 40 boats."


def _articles(dates: tuple[str, str, str]) -> list[Article]:
    return [
        Article(f"a{i}", f"a{i}.txt", text, outlet=outlet, published=date)
        for i, (text, outlet, date) in enumerate(
            zip(
                (BEGUN, DONE, DONE_TOO),
                ("Coast Wire", "Velmar Post", "Harbour News"),
                dates,
                strict=True,
            )
        )
    ]


def _claims(dates: tuple[str, str, str]) -> list[Claim]:
    articles = _articles(dates)
    statements = statements_of(articles, read_many(articles))
    assert len(statements) == 3
    scores = {(0, 1): 0.6, (0, 2): 0.6, (1, 2): 0.9}
    return statement_claims([[0, 1, 2]], statements, articles, scores)


def test_the_start_and_the_end_of_one_happening_are_an_update() -> None:
    claims = _claims(("2031-04-03", "2031-04-10", "2031-04-10"))
    update = next(c for c in claims if c.section == "update")
    assert [set(side.articles) for side in update.sides] == [{"a0"}, {"a1", "a2"}]
    assert [side.value for side in update.sides] == ["begun", "completed"]
    assert "Coast Wire" in update.reason and "earlier stage" in update.reason
    agreed = [c for c in claims if c.section == "agreed"]
    assert all("a0" not in c.sides[0].articles for c in agreed)  # "has begun" states no end
    assert any(set(c.sides[0].articles) == {"a1", "a2"} for c in agreed)


def test_an_end_reported_before_the_start_is_no_update() -> None:
    claims = _claims(("2031-04-12", "2031-04-10", "2031-04-10"))
    assert not [c for c in claims if c.section == "update"]
    agreed = [c for c in claims if c.section == "agreed"]
    assert all("a0" not in c.sides[0].articles for c in agreed)


def test_stages_are_told_by_their_verbs_not_by_first_or_last() -> None:
    started, sought, _ = STAGES
    assert stage_of("The withdrawal began in April.", started) == "earlier"
    assert stage_of("The withdrawal was completed on Wednesday.", started) == "later"
    assert stage_of("The withdrawal, which began in April, was completed.", started) is None
    assert stage_of("They won the first two games last week.", started) is None
    assert stage_of("Police were searching for the gunman.", sought) == "earlier"
    assert stage_of("The gunman was arrested after a chase.", sought) == "later"
    assert stage_of("The car fled the scene.", sought) is None


def test_a_stage_word_of_an_idiom_or_denied_tells_no_stage() -> None:
    started, sought, _ = STAGES
    assert stage_of("A guard at the clinic ended up suing her.", started) is None
    assert stage_of("Ilse Corvanu finished with 14 points.", started) is None
    assert stage_of("She was accused of assault, but was not charged.", sought) is None
    assert stage_of("The gunman has not yet been arrested.", sought) is None
    assert stage_of("He wasn't arrested.", sought) is None
    # the same words telling a stage
    assert stage_of("The repairs were completed with help from the army.", started) == "later"
    assert stage_of("The count finished on Sunday.", started) == "later"
    assert stage_of("No one was hurt; police arrested two men later.", sought) == "later"
    assert stage_of("Police arrested up to 40 people.", sought) == "later"
    assert stage_of("Two fans were caught up in the crush.", sought) is None


def test_the_summary_tells_the_later_stage_in_its_own_words() -> None:
    dates = ("2031-04-03", "2031-04-10", "2031-04-10")
    articles = _articles(dates)
    update = next(c for c in _claims(dates) if c.section == "update")
    sources = Sources.of(articles, {r.article: r for r in read_many(articles)})
    told = updated(update, sources)
    assert told is not None
    assert told.text == (
        "Later reports tell a later stage: “begun” (Coast Wire, 3 April 2031), "
        "then “completed” (Velmar Post and Harbour News, 10 April 2031)."
    )
    assert "evacuation of Port Ellis harbour" not in told.text.split(":")[0]


def test_someone_in_critical_condition_then_dead_is_an_update() -> None:
    texts = (
        (
            "Orla Denn, who was shot on Pell Street on Saturday, remains in critical condition.",
            "2031-04-06",
        ),
        (
            "Orla Denn, who was shot on Pell Street on Saturday, died on Monday, police said.",
            "2031-04-08",
        ),
    )
    articles = [
        Article(f"a{i}", f"a{i}.txt", text, outlet=f"Outlet {i}", published=date)
        for i, (text, date) in enumerate(texts)
    ]
    statements = statements_of(articles, read_many(articles))
    claims = statement_claims([[0, 1]], statements, articles, {(0, 1): 0.7})
    assert [c.difference for c in claims] == ["update"]
    assert [side.articles for side in claims[0].sides] == [("a0",), ("a1",)]
    assert stage_of("He remains in critical condition.", STAGES[2]) == "earlier"
    assert stage_of("Three were killed and 10 injured.", STAGES[2]) is None


def test_overlapping_groups_splitting_one_way_make_one_update() -> None:
    """The aligner's groups overlap: two groups holding the same sentences split them into
    the same two stages, and the update is told once, not once per group."""
    articles = _articles(("2031-04-03", "2031-04-10", "2031-04-10"))
    statements = statements_of(articles, read_many(articles))
    scores = {(0, 1): 0.6, (0, 2): 0.6, (1, 2): 0.9}
    claims = statement_claims([[0, 1, 2], [0, 1, 2], [2, 1, 0]], statements, articles, scores)
    updates = [c for c in claims if c.section == "update"]
    assert len(updates) == 1
    assert [set(side.articles) for side in updates[0].sides] == [{"a0"}, {"a1", "a2"}]


def test_overlapping_groups_labelled_apart_still_make_one_update() -> None:
    """A group with one more member telling no stage ("involved 40 boats") labels the update
    otherwise; the same two stages of the same sentences are still one update."""
    articles = [
        *_articles(("2031-04-03", "2031-04-10", "2031-04-10")),
        Article("a3", "a3.txt", OTHER, outlet="Isle Times", published="2031-04-10"),
    ]
    statements = statements_of(articles, read_many(articles))
    scores = {(0, 1): 0.6, (0, 2): 0.6, (1, 2): 0.9, (0, 3): 0.95, (1, 3): 0.95, (2, 3): 0.95}
    claims = statement_claims([[0, 1, 2], [0, 1, 2, 3]], statements, articles, scores)
    assert len([c for c in claims if c.section == "update"]) == 1
