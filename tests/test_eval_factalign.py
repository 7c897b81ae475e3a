"""The evaluation gate for the claims: `triangulate dossier` on the hand-labelled factalign-dev
events (../shared), scored by the set's own scorer, above pinned floors and above the scorer's
TF-IDF sentence baseline of the same run. Skips when ../shared is not beside the repository."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "data" / "factalign-dev"
SCORER = SHARED / "tools" / "factalign.py"
FLOORS = json.loads(
    (Path(__file__).parent / "evaluation" / "factalign_floors.json").read_text(encoding="utf-8")
)

pytestmark = pytest.mark.skipif(
    not (DEV.is_dir() and SCORER.is_file()), reason="needs ../shared/data/factalign-dev"
)


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("factalign_scorer", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cli() -> str:
    """The `triangulate` command of the interpreter running the tests."""
    beside = Path(sys.executable).parent / "triangulate"
    found = str(beside) if beside.exists() else shutil.which("triangulate")
    assert found, "the triangulate command is not installed"
    return found


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    scorer = _scorer()
    events, golds = scorer.load_dir(DEV / "events", DEV / "gold")
    result: dict[str, Any] = scorer.evaluate(
        _cli(), events, golds, tmp_path_factory.mktemp("factalign")
    )
    return result


def test_alignment_above_its_floors(figures: dict[str, Any]) -> None:
    floors = FLOORS["alignment"]
    assert figures["f1"] >= floors["f1"], figures["f1"]
    assert figures["precision"] >= floors["precision"], figures["precision"]


def test_alignment_above_the_tfidf_baseline_of_the_same_run(figures: dict[str, Any]) -> None:
    margin = figures["f1"] - figures["baseline"]["f1"]
    assert margin >= FLOORS["alignment"]["margin_over_baseline"], (figures["f1"], margin)


def test_conflicts_above_their_floors(figures: dict[str, Any]) -> None:
    floors = FLOORS["conflicts"]
    assert figures["conflict_recall"] >= floors["recall"], figures["conflict_recall"]
    assert figures["conflict_precision"] >= floors["precision"], figures["conflict_precision"]
