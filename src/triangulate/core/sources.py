"""Sources: how one is named, and which articles count as independent of each other.

An independent source is an outlet; a copy of another article (a syndicated wire story,
``duplicate_of``) counts as its original's outlet. Everything that counts sources (claim
reasons, summaries, pages, files) uses :func:`independent_sources`.

Articles may be :class:`~triangulate.models.Article` records or their JSON form (dicts).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol, TypeVar


class _Record(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def duplicate_of(self) -> str | None: ...


SourceLike = _Record | Mapping[str, Any]


class _Cited(Protocol):
    @property
    def article(self) -> str: ...
    @property
    def tentative(self) -> bool: ...


CitedLike = _Cited | Mapping[str, Any]  # an evidence record or its JSON form


def _get(record: SourceLike | CitedLike, field: str) -> Any:
    return record.get(field) if isinstance(record, Mapping) else getattr(record, field)


def source_name(article: SourceLike) -> str:
    """How a source is named to a reader: its outlet, else its id (a file name, a given id)."""
    return str(_get(article, "outlet") or _get(article, "id"))


def original_of(article: SourceLike, by_id: Mapping[str, SourceLike]) -> SourceLike:
    """The article a copy was copied from (following chains), or the article itself."""
    seen = set()
    while (parent := _get(article, "duplicate_of")) in by_id and parent not in seen:
        seen.add(parent)
        article = by_id[parent]
    return article


_Source = TypeVar("_Source", bound=SourceLike)


class Sources(Mapping[str, _Source]):
    """Articles keyed by id, each one's independent source found the first time it is asked
    for and then kept: for a caller counting the sources of claim after claim, whose cost
    then grows with the articles the claims cite, not with the copies' chains each time."""

    def __init__(self, articles: Iterable[_Source]) -> None:
        self._by_id = {str(_get(article, "id")): article for article in articles}
        self._source: dict[str, str] = {}
        self.found = 0  # sources found by following copies (each article's once)

    def __getitem__(self, article_id: str) -> _Source:
        return self._by_id[article_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def source_of(self, article_id: str) -> str:
        """The source name of one of the articles (its original's, for a copy)."""
        source = self._source.get(article_id)
        if source is None:
            self.found += 1
            by_id: Mapping[str, SourceLike] = self._by_id
            source = self._source[article_id] = source_name(original_of(by_id[article_id], by_id))
        return source


def keyed(articles: Iterable[_Source] | Sources[_Source]) -> Sources[_Source]:
    """``articles`` as :class:`Sources`: themselves when they are already (one comparison
    keys its articles once for all its steps that count sources), else keyed now."""
    return articles if isinstance(articles, Sources) else Sources(articles)


def independent_sources(
    article_ids: Iterable[str], articles: Iterable[SourceLike] | Mapping[str, SourceLike]
) -> set[str]:
    """Distinct outlets behind some articles, a copy counting as its original. ``articles``
    may already be keyed by id (a caller counting claim after claim builds that once, or a
    :class:`Sources`, which also finds each article's source once)."""
    if isinstance(articles, Sources):
        return {articles.source_of(i) for i in article_ids if i in articles}
    if isinstance(articles, Mapping):
        by_id: Mapping[str, SourceLike] = articles
    else:
        by_id = {str(_get(article, "id")): article for article in articles}
    return {
        source_name(original_of(by_id[article_id], by_id))
        for article_id in article_ids
        if article_id in by_id
    }


def surely_citing(article_ids: Iterable[str], evidence: Iterable[CitedLike]) -> set[str]:
    """The articles among ``article_ids`` not cited only by tentative evidence (a sentence
    that may state the claim, or only something near it): those that surely state it."""
    cited = [(str(_get(e, "article")), bool(_get(e, "tentative"))) for e in evidence]
    unsure = {article for article, tentative in cited if tentative}
    unsure -= {article for article, tentative in cited if not tentative}
    return set(article_ids) - unsure
