"""Every output follows a published schema: stories.jsonl the story schema, Parquet one
declared set of column types whatever the data holds."""

from __future__ import annotations

import datetime
import json
import shutil
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import STORY, WIRE
from triangulate.cli import cli
from triangulate.compose.schema import validate_story
from triangulate.errors import TriangulateError
from triangulate.store import open_store

FIXTURES = Path(__file__).parent / "fixtures" / "stories"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- stories.jsonl -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def story_lines(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    tmp = tmp_path_factory.mktemp("stories")
    folder = tmp / "in"
    shutil.copytree(FIXTURES, folder)
    (folder / "lone.txt").write_text(STORY, encoding="utf-8")  # a story of one: no dossier
    code, _, err = run("stories", "--db", str(tmp / "s.db"), "--out", str(tmp / "out"),
                       "--workers", "1", "--min-originals", "2", str(folder))  # fmt: skip
    assert code == 0, err
    text = (tmp / "out" / "stories.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_every_story_line_follows_the_shipped_story_schema(
    story_lines: list[dict[str, object]],
) -> None:
    shipped = resources.files("triangulate") / "schemas" / "story.schema.json"
    assert json.loads(shipped.read_text(encoding="utf-8"))["title"] == "triangulate story"
    assert any(line["dossier"] for line in story_lines)
    assert any(line["dossier"] is None for line in story_lines)
    for line in story_lines:
        validate_story(line)


def test_the_story_schema_checks_the_dossier_inside(story_lines: list[dict[str, object]]) -> None:
    line = next(line for line in story_lines if line["dossier"])
    dossier = dict(line["dossier"])  # type: ignore[call-overload]
    with pytest.raises(TriangulateError, match=r"story\.dossier"):
        validate_story({**line, "dossier": {**dossier, "claims": [{"id": 1}]}})
    article = {**dossier["articles"][0], "text": "the article text is left out of stories"}
    with pytest.raises(TriangulateError, match=r"story\.dossier\.articles\[0\]"):
        validate_story({**line, "dossier": {**dossier, "articles": [article]}})
    with pytest.raises(TriangulateError, match="story"):
        validate_story({**line, "extra": 1})
    without_id = {key: value for key, value in dossier.items() if key != "id"}
    with pytest.raises(TriangulateError, match="'id' is a required property"):
        validate_story({**line, "dossier": without_id})


# --- Parquet -----------------------------------------------------------------------------------


def _export(tmp_path: Path, name: str, *files: tuple[str, str]) -> object:
    pq = pytest.importorskip("pyarrow.parquet")
    folder = tmp_path / name
    folder.mkdir()
    db = tmp_path / f"{name}.db"
    for file_name, text in files:
        (folder / file_name).write_text(text, encoding="utf-8")
    if files:
        code, _, err = run("ingest", "--db", str(db), "--workers", "1", str(folder))
        assert code == 0, err
    else:
        open_store(db).close()  # a store with nothing in it
    target = tmp_path / f"{name}.parquet"
    code, _, err = run("export", "--db", str(db), "--format", "parquet", "--out", str(target))
    assert code == 0, err
    return pq.read_table(target)


def test_parquet_column_types_never_change_with_the_data(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    empty = _export(tmp_path, "empty")
    undated = _export(tmp_path, "undated", ("story.txt", STORY))  # no date, url, outlet
    dated = _export(tmp_path, "dated", ("story.txt", "2025-03-04\n" + STORY), ("wire.txt", WIRE))
    schemas = [table.schema for table in (empty, undated, dated)]  # type: ignore[attr-defined]
    assert schemas[0] == schemas[1] == schemas[2]
    schema = schemas[0]
    assert schema.field("published").type == pa.date32()
    assert schema.field("url").type == pa.string()  # all null, still a string column
    assert schema.field("outlet_inferred").type == pa.bool_()
    assert schema.field("authors").type == pa.list_(pa.string())
    assert pa.types.is_list(schema.field("removed").type)
    assert schema.field("removed").type.value_type.names == ["line", "text", "reason"]
    assert empty.num_rows == 0  # type: ignore[attr-defined]


def test_parquet_values_are_typed(tmp_path: Path) -> None:
    table = _export(tmp_path, "typed", ("story.txt", "date 2025-03-04\n\n" + STORY))
    row = table.to_pylist()[0]  # type: ignore[attr-defined]
    assert row["published"] == datetime.date(2025, 3, 4)
    assert row["url"] is None and row["words"] > 0
    assert row["removed"] and set(row["removed"][0]) == {"line", "text", "reason"}
    assert isinstance(row["removed"][0]["line"], int)
