"""`triangulate stories`: ingest, cluster, store the stories, write stories.jsonl."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, cast

import pytest
from click.testing import CliRunner

import triangulate
from conftest import STORY
from triangulate.cli import cli
from triangulate.compose.schema import validate_story
from triangulate.errors import NotFoundError, SettingsError
from triangulate.runners import make_runner
from triangulate.store import open_store
from triangulate.store.stories import get_story, story_of_article, story_summaries

FIXTURES = Path(__file__).parent / "fixtures" / "stories"
VARNHOLT = {"quake-varnholt-1", "quake-varnholt-2", "quake-varnholt-3"}
QUILLMERE = {"quake-quillmere-1", "quake-quillmere-2"}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(FIXTURES, folder)
    return folder


def read_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_stories_writes_one_line_per_story_with_its_dossier(tmp_path: Path) -> None:
    db, out = tmp_path / "s.db", tmp_path / "out"
    code, stdout, stderr = run(
        "stories", "--db", str(db), "--out", str(out), "--workers", "1", str(inputs(tmp_path))
    )
    assert code == 0, stderr
    assert "2 stories, 2 told by two or more independent articles" in stdout
    lines = read_lines(out / "stories.jsonl")
    assert {frozenset(cast(list[str], line["articles"])) for line in lines} == {
        frozenset(VARNHOLT),
        frozenset(QUILLMERE),
    }
    for line in lines:
        assert set(line) >= {"story", "title", "articles", "first_seen", "last_seen", "dossier"}
        dossier = line["dossier"]
        assert isinstance(dossier, dict) and dossier["id"].startswith("d")
        assert {a["id"] for a in dossier["articles"]} == set(cast(list[str], line["articles"]))
        assert all("text" not in a for a in dossier["articles"])
        assert "claims" in dossier and "timeline" in dossier


def test_stories_are_stored_for_the_web_app(tmp_path: Path) -> None:
    db, out = tmp_path / "s.db", tmp_path / "out"
    code, _, stderr = run(
        "stories",
        "--db",
        str(db),
        "--out",
        str(out),
        "--no-dossiers",
        "--workers",
        "1",
        str(inputs(tmp_path)),
    )
    assert code == 0, stderr
    assert all(line["dossier"] is None for line in read_lines(out / "stories.jsonl"))
    with open_store(db) as store:
        summaries = story_summaries(store)
        assert sorted(s["article_count"] for s in summaries) == [2, 3]
        story_id = story_of_article(store, "quake-varnholt-2")
        assert story_id is not None
        story = get_story(store, story_id)
        assert {a["id"] for a in story["articles"]} == VARNHOLT
        assert story["originals"] == 3
        with pytest.raises(NotFoundError):
            get_story(store, "s-none")


def test_a_story_told_once_has_a_dossier_unless_more_sources_are_asked(tmp_path: Path) -> None:
    folder = inputs(tmp_path)
    (folder / "lone.txt").write_text(STORY, encoding="utf-8")
    for asked, lone_dossier in (((), True), (("--min-originals", "2"), False)):
        db, out = tmp_path / f"s{len(asked)}.db", tmp_path / f"out{len(asked)}"
        code, stdout, stderr = run(
            "stories", "--db", str(db), "--out", str(out), "--workers", "1", *asked, str(folder)
        )
        assert code == 0, stderr
        assert "3 stories, 2 told by two or more independent articles" in stdout
        lines = read_lines(out / "stories.jsonl")
        lone = next(line for line in lines if line["articles"] == ["lone"])
        assert all(line["dossier"] for line in lines if line is not lone)
        if not lone_dossier:
            assert lone["dossier"] is None
            continue
        validate_story(lone)
        dossier = cast(dict[str, Any], lone["dossier"])
        assert [a["id"] for a in dossier["articles"]] == ["lone"]
        # nothing to line up: every claim is its one source's own
        claims = dossier["claims"]
        assert claims and all(c["status"] == "single" for c in claims)
        assert any("1,200" in side["display"] for c in claims for side in c["sides"])


def test_min_originals_below_one_is_refused_in_one_line(tmp_path: Path) -> None:
    code, _, stderr = run(
        "stories", "--db", str(tmp_path / "s.db"), "--min-originals", "0", str(inputs(tmp_path))
    )
    assert code == 2 and "--min-originals" in stderr and "Traceback" not in stderr
    store = triangulate.Store(":memory:", workers=1)
    with store, pytest.raises(SettingsError, match="min_originals"):
        store.stories([], min_originals=0)


def test_running_again_replaces_the_stories(tmp_path: Path) -> None:
    db, out = tmp_path / "s.db", tmp_path / "out"
    folder = inputs(tmp_path)
    for _ in range(2):
        code, _, stderr = run(
            "stories", "--db", str(db), "--out", str(out), "--no-dossiers", str(folder)
        )
        assert code == 0, stderr
    assert len(read_lines(out / "stories.jsonl")) == 2


def test_unknown_engine_is_a_settings_error() -> None:
    with pytest.raises(SettingsError):
        make_runner("spark", 1)


def test_stories_of_days_at_the_calendars_ends(tmp_path: Path) -> None:
    """Reports dated 0001-01-01 and late 9999 (a mistyped date, a sentinel) are grouped like
    any other: the windows stop at the calendar's ends instead of stopping the run."""
    folder = tmp_path / "edges"
    folder.mkdir()
    for name, day in (("first", "0001-01-01"), ("late", "9999-12-30"), ("last", "9999-12-31")):
        text = f"The inquiry into the Lindale barrier {name} sat in Harwick; 40 homes were lost."
        (folder / f"{name}.jsonl").write_text(json.dumps({"text": text, "published": day}) + "\n")
    db, out = tmp_path / "s.db", tmp_path / "out"
    code, _, err = run("stories", "--db", str(db), "--out", str(out), "--no-dossiers", str(folder))
    assert code == 0, err
    members = [cast(list[str], line["articles"]) for line in read_lines(out / "stories.jsonl")]
    assert sum(map(len, members)) == 3
