"""Models and word lists kept in the user cache answer as their packages build them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from triangulate.ingest import metadata

SAMPLES = [
    "The harbour master of the fictional port of Lindmouth said the ferry would sail again.",
    "Der Hafenmeister der erfundenen Stadt Lindmund sagte, die Fähre fahre bald wieder.",
    "Le capitaine du port imaginaire de Lindmouth a dit que le bac reprendrait bientôt.",
    "El capitán del puerto imaginario de Lindmouth dijo que el ferry volvería pronto.",
]


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    metadata._identifier.cache_clear()
    yield tmp_path
    metadata._identifier.cache_clear()


def test_the_unpacked_model_gives_py3langids_answers(cache_home: Path) -> None:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    reference = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    first = [metadata._identifier().classify(text) for text in SAMPLES]  # unpacks the model
    assert list(cache_home.glob("triangulate/py3langid-*.npy"))
    metadata._identifier.cache_clear()
    second = [metadata._identifier().classify(text) for text in SAMPLES]  # reads the copy
    expected = [reference.classify(text) for text in SAMPLES]
    assert [language for language, _ in first] == ["en", "de", "fr", "es"]
    for answers in (first, second):
        assert [a[0] for a in answers] == [e[0] for e in expected]
        assert [a[1] for a in answers] == pytest.approx([e[1] for e in expected])


def test_a_damaged_copy_falls_back_to_the_packed_model(cache_home: Path) -> None:
    metadata._identifier()
    for copy in cache_home.glob("triangulate/py3langid-*.npy"):
        copy.write_bytes(b"not a model")
    metadata._identifier.cache_clear()
    assert metadata.detect_language(SAMPLES[1]) == "de"


def test_justexts_stop_words_come_back_from_the_cache_as_trafilatura_builds_them(
    cache_home: Path,
) -> None:
    from trafilatura import external

    from triangulate.ingest.extract import _justext_stop_words

    built = set(external.jt_stoplist_init())
    assert set(_justext_stop_words()) == built  # built, then written to the cache
    (copy,) = cache_home.glob("triangulate/justext-*-stop-words.json")
    assert set(_justext_stop_words()) == built  # read back
    copy.write_text("{not json", encoding="utf-8")
    assert set(_justext_stop_words()) == built  # a damaged copy is built again


def test_justext_is_handed_the_stop_words_as_the_set_it_makes_of_them(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import justext.core  # type: ignore[import-untyped]
    from trafilatura import external

    from triangulate.ingest.extract import prepare_workers

    own = justext.core.define_stoplist
    built = own(external.jt_stoplist_init())  # what justext makes of trafilatura's words
    monkeypatch.setattr(external, "JT_STOPLIST", None)
    monkeypatch.setattr(justext.core, "define_stoplist", own)
    prepare_workers()
    assert built == external.JT_STOPLIST
    assert justext.core.define_stoplist(external.JT_STOPLIST) is external.JT_STOPLIST
    assert justext.core.define_stoplist(("Der", "und")) == frozenset({"der", "und"})
