"""Independent sources: a copy counts as its original's outlet; counted claim after claim,
each article's source is found once."""

from __future__ import annotations

from triangulate.compare.slots import slot_claims
from triangulate.compare.statements import statements_of
from triangulate.core.sources import Sources, independent_sources, keyed
from triangulate.models import Article
from triangulate.readers.reader import read_many


def _articles() -> list[Article]:
    """Six invented articles of three outlets: a wire story, its copy and a copy of the copy,
    and three of their own."""
    text = "Crews reopened the harbour road at Port Ellis on Tuesday."
    return [
        Article("wire", "wire.txt", text, outlet="Coast Wire"),
        Article("copy", "copy.txt", text, outlet="Velmar Post", duplicate_of="wire"),
        Article("copy2", "copy2.txt", text, outlet="Bay Daily", duplicate_of="copy"),
        Article("post", "post.txt", text, outlet="Velmar Post"),
        Article("news", "news.txt", text, outlet="Harbour News"),
        Article("own", "own.txt", text),
    ]


def test_a_copy_of_a_copy_counts_as_the_original_outlet() -> None:
    articles = _articles()
    assert independent_sources(["wire", "copy", "copy2"], articles) == {"Coast Wire"}
    assert independent_sources(["copy2", "post", "own", "missing"], articles) == {
        "Coast Wire",
        "Velmar Post",
        "own",
    }


def test_sources_counted_claim_after_claim_find_each_articles_source_once() -> None:
    articles = _articles()
    sources = Sources(articles)
    cited = [
        ["wire", "copy"],
        ["copy2", "news"],
        ["wire", "copy", "copy2", "post"],
        ["news", "own", "missing"],
        ["copy", "news"],
    ] * 20
    for ids in cited:
        assert independent_sources(ids, sources) == independent_sources(ids, articles)
    assert sources.found == 6  # the six articles asked about, once each
    assert len(sources) == 6 and sources["copy"].duplicate_of == "wire"


def test_articles_keyed_once_are_not_keyed_again() -> None:
    articles = _articles()
    sources = keyed(articles)
    assert isinstance(sources, Sources) and list(sources) == [a.id for a in articles]
    assert keyed(sources) is sources


def test_the_steps_of_a_comparison_find_each_articles_source_once() -> None:
    text = "Police Sheriff Tomas Brennick reopened the harbour road on Tuesday."
    articles = [
        Article("wire", "wire.txt", text, outlet="Coast Wire"),
        Article("copy", "copy.txt", text, outlet="Velmar Post", duplicate_of="wire"),
        Article("post", "post.txt", text, outlet="Velmar Post"),
        Article("news", "news.txt", text, outlet="Harbour News"),
    ]
    readings = read_many(articles)
    statements = statements_of(articles, readings)
    sources = Sources(articles)
    for _ in range(3):  # a comparison's steps, each counting its claims' sources
        claims = slot_claims(statements, readings, sources)
        assert [c.about for c in claims] == ["Tomas Brennick, police sheriff", "Day: Tuesday"]
    assert sources.found == 4  # each article's source found once over all the steps
