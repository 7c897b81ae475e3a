"""The evaluation gate for the claims: `triangulate dossier` on the hand-labelled factalign-dev
events (../shared) and on the invented events of tests/evaluation/factalign_invented,
factalign_blind, factalign_blind3, factalign_blind4, factalign_blind5 and factalign_blind6,
scored by factalign-dev's own scorer, above pinned floors and above the scorer's TF-IDF
sentence baseline of the same run. Skips when ../shared is not beside the repository."""

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
EVALUATION = Path(__file__).parent / "evaluation"
# The invented sets in the repository, by their floors' name in factalign_floors.json
INVENTED_SETS = {
    "invented": EVALUATION / "factalign_invented",
    "blind": EVALUATION / "factalign_blind",
    "blind3": EVALUATION / "factalign_blind3",
    "blind4": EVALUATION / "factalign_blind4",
    "blind5": EVALUATION / "factalign_blind5",
    "blind6": EVALUATION / "factalign_blind6",
}
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


def _scored(events_dir: Path, work: Path) -> dict[str, Any]:
    scorer = _scorer()
    events, golds = scorer.load_dir(events_dir / "events", events_dir / "gold")
    result: dict[str, Any] = scorer.evaluate(_cli(), events, golds, work)
    return result


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _scored(DEV, tmp_path_factory.mktemp("factalign"))


@pytest.fixture(scope="module", params=sorted(INVENTED_SETS))
def invented(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, Any]]:
    """(its floors' name, figures) of one invented set."""
    name: str = request.param
    return name, _scored(INVENTED_SETS[name], tmp_path_factory.mktemp(f"factalign-{name}"))


def _above_alignment_floors(figures: dict[str, Any], floors: dict[str, float]) -> None:
    assert figures["f1"] >= floors["f1"], figures["f1"]
    assert figures["precision"] >= floors["precision"], figures["precision"]
    margin = figures["f1"] - figures["baseline"]["f1"]
    assert margin >= floors["margin_over_baseline"], (figures["f1"], margin)


def _above_conflict_floors(figures: dict[str, Any], floors: dict[str, float]) -> None:
    assert figures["conflict_recall"] >= floors["recall"], figures["conflict_recall"]
    assert figures["conflict_precision"] >= floors["precision"], figures["conflict_precision"]


def test_alignment_above_its_floors_and_the_tfidf_baseline_of_the_same_run(
    figures: dict[str, Any],
) -> None:
    _above_alignment_floors(figures, FLOORS["alignment"])


def test_conflicts_above_their_floors(figures: dict[str, Any]) -> None:
    _above_conflict_floors(figures, FLOORS["conflicts"])


def test_invented_events_alignment_above_its_floors_and_the_baseline(
    invented: tuple[str, dict[str, Any]],
) -> None:
    name, figures = invented
    _above_alignment_floors(figures, FLOORS[name]["alignment"])


def test_invented_events_conflicts_above_their_floors(
    invented: tuple[str, dict[str, Any]],
) -> None:
    name, figures = invented
    _above_conflict_floors(figures, FLOORS[name]["conflicts"])
