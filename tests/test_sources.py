"""Independent sources: a copy counts as its original's outlet; counted claim after claim,
each article's source is found once."""

from __future__ import annotations

from triangulate.core.sources import Sources, independent_sources
from triangulate.models import Article


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
