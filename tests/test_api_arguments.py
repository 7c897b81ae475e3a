"""The API checks its arguments where they come in: a string is one input, a generator is
read once, a wrong kind is a named error in one line; one store serves several threads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import triangulate
from conftest import STORY, WIRE
from triangulate.errors import SettingsError, StoreError


def test_a_string_is_one_input_not_its_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "one.txt").write_text(STORY)
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "notes.txt").write_text(WIRE)  # never read: "." is no input
    monkeypatch.chdir(tmp_path)
    with triangulate.Store(":memory:", workers=1) as store:
        articles = store.ingest("one.txt")
        assert [a.id for a in articles] == ["one"] and store.article_count() == 1
        assert [e.kind for e in articles.events] == ["stored"]
        assert [a.id for a in store.articles("one")] == ["one"]


def test_articles_given_as_a_generator_are_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(WIRE)
    with triangulate.Store(":memory:", workers=1) as store:
        articles = store.ingest([tmp_path])
    listed = triangulate.dossier(articles)
    generated = triangulate.dossier(article for article in articles)
    assert len(generated.record.articles) == 2
    assert generated.to_dict()["claims"] == listed.to_dict()["claims"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: triangulate.dossier(["one", "two"]), "articles: each is an Article"),  # type: ignore[list-item]
        (lambda s: triangulate.read("text"), "articles: each is an Article"),  # type: ignore[arg-type]
        (lambda s: s.dossier([1, 2]), "articles: each is an Article or an id, not int"),
        (lambda s: s.ingest(None), "inputs: give a list of files"),
        (lambda s: s.ingest([3]), "inputs: each is a path or a URL, not int"),
        (lambda s: s.search(None), "query: give words as text, not NoneType"),
        (lambda s: s.search("x", limit="x"), "limit: give a whole number"),
        (lambda s: s.export("pdf", "out.pdf"), "unknown export format 'pdf'"),
        (lambda s: triangulate.Store(123), "path: give a file name or ':memory:', not int"),  # type: ignore[arg-type]
        (lambda s: triangulate.Store(":memory:", workers="x"), "workers must be a whole number"),
        (lambda s: triangulate.Store(":memory:", workers=1.5), "workers must be a whole number"),
    ],
)
def test_a_wrong_argument_is_a_named_error_in_one_line(
    call: object, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with triangulate.Store(":memory:", workers=1) as store, pytest.raises(SettingsError) as error:
        call(store)  # type: ignore[operator]
    assert message in str(error.value) and "\n" not in str(error.value)
    assert not (tmp_path / "out.pdf").exists()


def test_a_nul_in_a_search_is_a_space(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    with triangulate.Store(":memory:", workers=1) as store:
        store.ingest([tmp_path / "a.txt"])
        assert [row["id"] for row in store.search("harbour\x00cranes")] == ["a"]
        assert store.search('"\x00"') == []


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    store = triangulate.Store(tmp_path / "s.db", workers=1)
    store.close()
    with pytest.raises(StoreError, match="the store is closed"):
        store.articles()


def test_threads_sharing_a_store_each_ingest_everything(tmp_path: Path) -> None:
    for folder in ("t1", "t2"):
        (tmp_path / folder).mkdir()
        for number in range(40):  # each text its own, so none is a copy of another
            words = f"{folder} note {number}: the {number}th lighthouse keeper of Lindale"
            (tmp_path / folder / f"{folder}-{number}.txt").write_text(f"{words} retired.\n")
    failures: list[BaseException] = []
    with triangulate.Store(tmp_path / "shared.db", workers=1) as store:

        def ingest(folder: str) -> None:
            try:
                store.ingest([tmp_path / folder])
            except BaseException as error:  # reported by the assertion below
                failures.append(error)

        threads = [threading.Thread(target=ingest, args=(f,)) for f in ("t1", "t2")]
        reader = threading.Thread(target=lambda: [store.article_count() for _ in range(200)])
        for thread in (*threads, reader):
            thread.start()
        for thread in (*threads, reader):
            thread.join(timeout=300)
        assert failures == [] and store.article_count() == 80
