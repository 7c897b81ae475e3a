"""Outlet, title and date for every input kind: given (options, sidecars, the web form), or
read from the text where the outlet names itself, and then marked as inferred."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import STORY, WIRE
from test_web import wait_for_job
from triangulate.cli import cli
from triangulate.ingest import metadata
from triangulate.ingest.metadata import infer_outlet
from triangulate.settings import Settings
from triangulate.web.app import create_app

SIGNED = STORY + "\n© 2025 The Portvale Herald Ltd. All rights reserved.\n"
HTML = "<html><head><title>Ferry page</title></head><body><article><h1>Ferry resumes</h1>" + (
    "<p>The ferry to the invented island of Skarra resumed service on Friday, the operator"
    " said, after a week of storms kept every boat in the harbour of Portvale.</p>" * 3
) + "</article></body></html>"  # fmt: skip


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def stored(db: Path) -> dict[str, dict[str, Any]]:
    code, out, err = run("export", "--db", str(db), "--format", "jsonl")
    assert code == 0, err
    return {r["id"]: r for r in map(json.loads, out.splitlines())}


# --- inference from the text ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["© 2025 The Portvale Herald Ltd. All rights reserved."], "The Portvale Herald"),
        (["Copyright (c) 2019-2025, Northgate Ledger. All rights reserved."], "Northgate Ledger"),
        (["© The Kestran Observer 2025"], "The Kestran Observer"),
        (["(c) lisk-news.org 2024"], "lisk-news.org"),
        (["By Harbour Daily with AFP"], "Harbour Daily"),
        (["Estrava Post staff and agencies"], "Estrava Post"),
        (["We, the journalists of The Skarra Times, refuse to be silenced."], "The Skarra Times"),
        (
            ["We need you. The Skarra Times, an independent news outlet, is banned."],
            "The Skarra Times",
        ),
        (["Please support The Lisk Courier: our reporting depends on you."], "The Lisk Courier"),
        (["Harbour Daily uses cookies to improve your experience."], "Harbour Daily"),
        (["Sign up for the Morning Ledger newsletter"], "Morning Ledger"),
    ],
)
def test_the_outlet_a_text_names_itself_by(lines: list[str], outlet: str) -> None:
    assert infer_outlet(["Ferry resumes", "", "The ferry resumed on Friday.", *lines]) == outlet


@pytest.mark.parametrize(
    "line",
    [
        "Images source: © Getty Images | SOPA Images",  # a photo credit after other words
        "Copyright Anna Berg/Copyright 2020 The AP. All rights reserved.",  # photographer/agency
        "© Photo: Lisk Harbour Authority",
        "Protesters said they would support Estrava until the end.",  # no first person
        "This site uses cookies.",
        "All rights reserved.",
        "By staying online, you consent to the use of cookies.",
        "The minister met the editors of The Skarra Times on Monday.",  # reported, not a sign-off
    ],
)
def test_credits_and_reported_names_are_not_outlets(line: str) -> None:
    assert infer_outlet(["Ferry resumes", "", line]) is None


def test_the_strongest_and_most_repeated_cue_wins() -> None:
    lines = [
        "Sign up for the Morning Ledger newsletter",  # a partner's newsletter: weak cue
        "Body text.",
        "© 2025 Lisk Courier. All rights reserved.",
    ]
    assert infer_outlet(lines) == "Lisk Courier"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=120), max_size=30))
def test_inference_never_fails_and_names_only_words_of_the_text(lines: list[str]) -> None:
    found = infer_outlet(lines)
    if found is not None:
        joined = " ".join(" ".join(line.split()) for line in lines)
        assert found and found in joined


CUE_TEXT = st.text(
    alphabet="weoursWEOURSſ ©(cC)\t\u00a0_1é.,/=<{fvAPFDdaNSERtgncisl-", max_size=60
) | st.sampled_from(
    ["We", "our", "US", "uſ", "Our_", "1we", "éour", " \u00a0", "\t", "© 2025 Lisk Courier",
     "Copyright Lisk", "(c) lisk-news.org", "Harbour Daily with AFP", "Estrava Post staff and"
     " agencies", "Lisk Courier / Reuters", "a=b", "x => y", "Lisk uses cookies", "the Lisk app"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(CUE_TEXT, min_size=1, max_size=4).map("".join))
def test_the_first_person_pattern_finds_what_a_case_blind_search_finds(line: str) -> None:
    case_blind = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
    assert bool(metadata._FIRST_PERSON.search(line)) == bool(case_blind.search(line))


@settings(max_examples=500, deadline=None)
@given(st.lists(CUE_TEXT, min_size=1, max_size=4).map("".join))
def test_a_line_passed_over_unread_could_give_no_cue(line: str) -> None:
    """The raw-line test lets through every line whose normalised form any cue pattern
    matches, and the code test every line the code pattern matches."""
    normalised = " ".join(line.split())
    if not metadata._may_give_cue(line):
        assert not metadata._COPYRIGHT.match(normalised)
        assert not metadata._BYLINE.match(normalised)
        assert not metadata._FIRST_PERSON.search(normalised)
        assert not metadata._may_name_site(normalised)
    if metadata._CODE.search(normalised):
        assert metadata._may_be_code(normalised)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="©(c) ACopyrightby,.-/0123456789TheNews\n", max_size=300))
def test_copyright_like_noise_is_bounded(text: str) -> None:
    found = infer_outlet(text.splitlines())
    assert found is None or found in " ".join(text.split())


# --- ingest: options, sidecars, inference ----------------------------------------------------


def test_options_apply_to_text_inputs_only(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    jsonl = {"id": "given", "outlet": "Lisk Courier", "published": "2025-01-02", "text": WIRE}
    (tmp_path / "feed.jsonl").write_text(json.dumps(jsonl) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    code, _, err = run("ingest", "--db", str(db), "--workers", "1", "--outlet", "Estrava Post",
                       "--title", "Cranes silent", "--published", "2025-03-04", str(tmp_path))  # fmt: skip
    assert code == 0, err
    rows = stored(db)
    text = rows["story"]
    assert (text["outlet"], text["title"], text["published"]) == (
        "Estrava Post", "Cranes silent", "2025-03-04"
    )  # fmt: skip
    assert text["published_how"] == "given" and text["outlet_inferred"] is False
    assert rows["page"]["outlet"] != "Estrava Post" and rows["page"]["title"] != "Cranes silent"
    assert (rows["given"]["outlet"], rows["given"]["published"]) == ("Lisk Courier", "2025-01-02")


def test_a_sidecar_gives_metadata_for_its_file_and_wins(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(SIGNED, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(
        json.dumps({"outlet": "Estrava Post", "published": "2025-05-06"}), encoding="utf-8"
    )
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "page.meta.json").write_text('{"title": "Skarra ferry back"}', encoding="utf-8")
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    db = tmp_path / "s.db"
    code, _, err = run("ingest", "--db", str(db), "--workers", "1", "--outlet", "Option Outlet",
                       str(tmp_path))  # fmt: skip
    assert code == 0, err
    rows = stored(db)
    assert set(rows) == {"story", "page", "wire"}  # the sidecars are not articles
    assert (rows["story"]["outlet"], rows["story"]["published"]) == ("Estrava Post", "2025-05-06")
    assert rows["story"]["outlet_inferred"] is False  # given: the copyright line is not used
    assert rows["page"]["title"] == "Skarra ferry back"
    assert rows["wire"]["outlet"] == "Option Outlet"


def test_a_bad_sidecar_is_one_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text('{"outlet": "X", "date": "2025"}', encoding="utf-8")
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "wire.meta.json").write_text('{"published": "last week"}', encoding="utf-8")
    (tmp_path / "third.txt").write_text(SIGNED, encoding="utf-8")
    db = tmp_path / "s.db"
    code, _, err = run("ingest", "--db", str(db), "--workers", "1", str(tmp_path))
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert "story.txt" in errors[0] and "story.meta.json" in errors[0] and "'date'" in errors[0]
    assert "wire.txt" in errors[1] and "not a date" in errors[1]
    assert set(stored(db)) == {"third"}


def test_a_bad_published_option_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    code, _, err = run("ingest", "--db", str(tmp_path / "s.db"), "--published", "Tuesday",
                       str(tmp_path / "story.txt"))  # fmt: skip
    assert code == 1
    assert err.count("\n") == 1 and "Tuesday" in err and "YYYY-MM-DD" in err


def test_an_inferred_outlet_is_marked_everywhere(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(SIGNED, encoding="utf-8")
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    db = tmp_path / "s.db"
    code, _, err = run("ingest", "--db", str(db), "--workers", "1", str(tmp_path))
    assert code == 0, err
    rows = stored(db)
    assert rows["story"]["outlet"] == "The Portvale Herald"
    assert rows["story"]["outlet_inferred"] is True
    assert rows["wire"]["outlet"] is None and rows["wire"]["outlet_inferred"] is False
    code, table, _ = run("articles", "--db", str(db))
    assert "The Portvale Herald (inferred)" in table
    # the export ingests back with its marker
    code, out, _ = run("export", "--db", str(db), "--format", "jsonl")
    (tmp_path / "again.jsonl").write_text(out, encoding="utf-8")
    again = tmp_path / "again.db"
    assert run("ingest", "--db", str(again), str(tmp_path / "again.jsonl"))[0] == 0
    assert stored(again)["story"]["outlet_inferred"] is True
    # the dossier's JSON, HTML and Markdown say it
    out_dir = tmp_path / "dossier"
    code, account, err = run("dossier", "--db", str(db), "--out", str(out_dir), "story", "wire")
    assert code == 0, err
    assert "story: The Portvale Herald (inferred)" in account
    data = json.loads((out_dir / "dossier.json").read_text(encoding="utf-8"))
    flags = {a["id"]: a["outlet_inferred"] for a in data["articles"]}
    assert flags == {"story": True, "wire": False}
    assert "outlet inferred from the text" in (out_dir / "dossier.html").read_text("utf-8")
    assert "outlet inferred from the text" in (out_dir / "dossier.md").read_text("utf-8")


# --- the web's add form ------------------------------------------------------------------------


def test_the_add_form_takes_outlet_title_and_date(tmp_path: Path) -> None:
    db = tmp_path / "web.db"
    app = create_app(db, Settings(db_path=db, workers=1))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        form = client.get("/add").text
        for field, kind in (("outlet", "text"), ("title", "text"), ("published", "date")):
            assert re.search(rf'<label for="add-{field}">', form)
            assert f'<input type="{kind}" id="add-{field}" name="{field}"' in form
        csrf = re.search(r'name="csrf_token" value="([0-9a-f]+)"', form)
        assert csrf
        data = {"text": WIRE, "outlet": "Estrava Post", "title": "Ships wait off Portvale",
                "published": "2025-02-03", "csrf_token": csrf.group(1)}  # fmt: skip
        response = client.post("/add", data=data, follow_redirects=False)
        assert response.status_code == 303
        job = wait_for_job(client, response.headers["location"])
        article = client.get(f"/articles/{job['article_ids'][0]}.json").json()
        assert (article["outlet"], article["title"], article["published"]) == (
            "Estrava Post", "Ships wait off Portvale", "2025-02-03"
        )  # fmt: skip
        pasted = {"text": SIGNED, "csrf_token": csrf.group(1)}
        response = client.post("/add", data=pasted, follow_redirects=False)
        job = wait_for_job(client, response.headers["location"])
        page = client.get(f"/articles/{job['article_ids'][0]}").text
        assert "The Portvale Herald (inferred from the text)" in page
        bad = {"text": WIRE, "published": "soon", "csrf_token": csrf.group(1)}
        assert client.post("/add", data=bad).status_code == 400
