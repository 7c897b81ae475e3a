"""No raw date code reaches a person: every output format says dates in words.

An invented event whose sources date things by season, decade, century, week, weekend,
quarter, half year, month, range and relative words is built into a dossier; the Markdown,
the HTML file, the command line's printouts and every web page (with its JSON twin's human
fields) are walked for value codes such as "2030-FA", "198X", "2031-W37" or "P5Y".
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import triangulate
from triangulate.cli import cli
from triangulate.settings import Settings
from triangulate.web import create_app

# TimeML/ISO codes people should never have to read ("2024-06-12", a full day, reads plainly).
RAW_CODE = re.compile(
    r"\b\d{4}-(?:SP|SU|FA|AU|WI)\b"  # seasons
    r"|\b\d{4}-W\d{1,2}\b"  # weeks, weekends
    r"|\b\d{4}-[QH][1-4]\b"  # quarters, halves
    r"|\b\d{3}X\b|\b\d{2}XX\b|XXXX"  # decades, centuries, unknown years
    r"|\b(?:PRESENT|PAST|FUTURE)_REF\b"
    r"|\bP\d+(?:\.\d+)?(?:DE|CE|[YMWD])\b"  # durations
    r"|\b\d{4}-\d{2}(?!-\d)\b"  # a bare ISO month
    r"|\b\d{4}/\d{4}\b"  # a range as a value
)
ARTICLES = {
    "harbour-courier.txt": (
        "Orlen port reopens after the long dock strike\n\n"
        "Published 14 August 2032\n\n"
        "The dock strike at Orlen began in the third quarter of 2031 and ended this week. "
        "Freight through the port fell sharply in the first half of 2032. "
        "The old quay was built in the 1980s, and the first ferries sailed in the 19th "
        "century. Tolls were raised in the fall of 2030. The pier was rebuilt in mid-April "
        "2029. The harbour was dredged between 2025 and 2027. Crews worked through the "
        "weekend of 14 September 2031. The port authority said on Monday that 40 ships "
        "were waiting."
    ),
    "velmar-daily.txt": (
        "Strike ends at Orlen\n\n"
        "Published 15 August 2032\n\n"
        "The dock strike at Orlen, which began in the third quarter of 2031, ended this "
        "week, the port authority said. Tolls were raised in the fall of 2030. Dockers "
        "returned to work on Tuesday. The old quay was built in the 1980s. Freight fell in "
        "the first half of 2032, the harbour master said."
    ),
}


def visible_text(html: str) -> str:
    """What a person reads on a page: the text outside tags, scripts and styles."""
    parts: list[str] = []

    class Reader(HTMLParser):
        hidden = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.hidden += tag in {"script", "style"}

        def handle_endtag(self, tag: str) -> None:
            self.hidden -= tag in {"script", "style"}

        def handle_data(self, data: str) -> None:
            if not self.hidden:
                parts.append(data)

    Reader().feed(html)
    return " ".join(parts)


def raw_codes(text: str) -> list[str]:
    return [match.group(0) for match in RAW_CODE.finditer(text)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, list[str]]:
    folder = tmp_path_factory.mktemp("dates")
    texts = folder / "texts"
    texts.mkdir()
    for name, text in ARTICLES.items():
        (texts / name).write_text(text, encoding="utf-8")
    db = folder / "store.db"
    with triangulate.Store(str(db), workers=1) as store:
        articles = store.ingest([str(texts)])
        dossier = store.dossier(articles)
        dossier.write(str(folder / "out"), ["json", "md", "html"])
        ids = [a.id for a in articles]
    return db, folder / "out", dossier.id, ids


def test_the_dossier_has_every_kind_of_date(built: tuple[Path, Path, str, list[str]]) -> None:
    data = json.loads((built[1] / "dossier.json").read_text(encoding="utf-8"))
    values = {entry["date"] for entry in data["timeline"]}
    assert {"2030-FA", "198X", "18XX", "2031-Q3", "2032-H1", "2025", "2029-04"} <= values
    assert raw_codes(" ".join(sorted(values)))  # the codes are there, for machines


def test_markdown_and_html_files_say_dates_in_words(
    built: tuple[Path, Path, str, list[str]],
) -> None:
    markdown = (built[1] / "dossier.md").read_text(encoding="utf-8")
    assert raw_codes(markdown) == []
    assert "fall 2030" in markdown and "the 1980s" in markdown
    page = visible_text((built[1] / "dossier.html").read_text(encoding="utf-8"))
    assert raw_codes(page) == []
    assert "the third quarter of 2031" in page


def test_the_json_fields_people_read_hold_no_codes(
    built: tuple[Path, Path, str, list[str]],
) -> None:
    data = json.loads((built[1] / "dossier.json").read_text(encoding="utf-8"))
    read = [entry["event"] for entry in data["timeline"]]
    read += [entry["when"] for entry in data["timeline"]]
    read += [words for entry in data["timeline"] for words in entry["dates_given_in_words"]]
    read += [sentence["text"] for sentence in data["summary"]]
    read += [side["display"] for claim in data["claims"] for side in claim["sides"]]
    read += [claim["about"] for claim in data["claims"]]
    assert raw_codes(" | ".join(read)) == []
    when = {entry["date"]: entry["when"] for entry in data["timeline"]}
    assert when["2030-FA"] == "fall 2030"  # each code has its words beside it


def test_every_web_page_says_dates_in_words(built: tuple[Path, Path, str, list[str]]) -> None:
    db, _, dossier_id, ids = built
    app = create_app(db, Settings(db_path=db, workers=1))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        pages = ["/", f"/dossiers/{dossier_id}", *(f"/articles/{i}" for i in ids)]
        for path in pages:
            response = client.get(path)
            assert response.status_code == 200, path
            assert raw_codes(visible_text(response.text)) == [], path


def test_the_command_line_says_dates_in_words(
    built: tuple[Path, Path, str, list[str]], tmp_path: Path
) -> None:
    db, _, _, ids = built
    runner = CliRunner()
    texts = tmp_path / "texts"
    texts.mkdir()
    for name, text in ARTICLES.items():
        (texts / name).write_text(text, encoding="utf-8")
    outputs: list[Any] = [
        runner.invoke(cli, ["dossier", "--db", str(db), "--out", str(tmp_path / "o"), *ids]),
        runner.invoke(cli, ["articles", "--db", str(db)]),
        runner.invoke(cli, ["read", "--db", str(db), *ids]),
    ]
    for result in outputs:
        assert result.exit_code == 0, result.output
        assert raw_codes(result.output) == []
