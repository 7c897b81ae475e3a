"""The public API: the README's example runs as written, and the CLI's results are the API's."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import triangulate
from triangulate.errors import TriangulateError

ROOT = Path(__file__).resolve().parents[1]


def readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Python API") :]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None
    return match.group(1)


@pytest.mark.slow
def test_the_readme_example_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        exec(compile(readme_example(), "README.md", "exec"), {})
    finally:
        os.chdir(here)
    printed = capsys.readouterr().out
    assert printed.startswith("5 articles; 0 failed")
    data = json.loads((tmp_path / "example-api-dossier" / "dossier.json").read_text())
    assert {c["status"] for c in data["claims"]} >= {"agreed", "conflict"}
    assert (tmp_path / "example-api-dossier" / "dossier.html").stat().st_size > 0


def test_the_package_exports_the_api_lazily() -> None:
    assert triangulate.Store.__module__ == "triangulate.api"
    assert triangulate.TriangulateError is TriangulateError
    assert set(triangulate.__all__) <= set(dir(triangulate)) | {"__version__"} | set(
        triangulate.__all__
    )
    with pytest.raises(AttributeError):
        _ = triangulate.no_such_name  # type: ignore[attr-defined]


def test_store_ingest_returns_articles_and_reports_bad_inputs(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A title\n\nThe council voted on Monday to close the old bridge for repairs.\n")
    with triangulate.Store(tmp_path / "s.db", workers=1) as store:
        articles = store.ingest([good, tmp_path / "missing.txt"])
        assert [a.id for a in articles] == ["good"]
        assert articles.failed and [e.kind for e in articles.events] == ["stored", "error"]
        assert store.article("good").text == articles[0].text
        again = store.gather(["good"])
        assert [a.id for a in again] == ["good"] and not again.failed


def test_the_report_alone_is_the_report_of_an_ingest(tmp_path: Path) -> None:
    """``ingest_report`` (what the command line uses) tells the same events as ``ingest``,
    and stores the same articles, without reading them back."""
    folder = tmp_path / "in"
    folder.mkdir()
    body = "The council voted on Monday to close the old bridge for repairs over the summer."
    (folder / "a.txt").write_text(f"Bridge to close\n\n{body}\n")
    (folder / "b.txt").write_text(f"Bridge to close\n\n{body}\n")  # the same text: unchanged
    reports = []
    for name, run in (("full", "ingest"), ("light", "ingest_report")):
        with triangulate.Store(tmp_path / f"{name}.db", workers=1) as store:
            result = getattr(store, run)([folder, tmp_path / "missing.txt"])
            report = result.report if run == "ingest" else result
            events = [(e.kind, Path(e.source).name, e.article) for e in report.events]
            reports.append((events, store.articles()))
    (full_events, full_articles), (light_events, light_articles) = reports
    assert full_events == light_events
    assert [e[0] for e in full_events] == ["stored", "unchanged", "error"]
    assert [a.text for a in full_articles] == [a.text for a in light_articles]


def test_a_dossier_without_a_store(tmp_path: Path) -> None:
    with triangulate.Store(":memory:", workers=1) as store:
        articles = store.ingest([ROOT / "examples" / "text"])
    d = triangulate.dossier(articles)
    assert len(d.articles) == 5 and d.claims and d.summary
    assert json.loads(d.to_json())["claims"] == d.to_dict()["claims"]
    assert "<script" not in d.to_html().lower().split("<body", 1)[1]
    assert d.to_markdown().startswith("# Dossier")


def test_a_dossier_of_nothing_is_a_named_error() -> None:
    with pytest.raises(TriangulateError, match="no articles"):
        triangulate.dossier([])
