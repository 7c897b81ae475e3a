"""End to end on the bundled fictional event: ingest, read, compare, report (real models).

What a correct dossier holds is written down in examples/EXPECTED.md; these tests check the
parts the comparison must get right, through the command line, as a user runs it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from triangulate.cli import cli
from triangulate.compose.schema import check_evidence, validate_dossier


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("dossier")
    db = out / "example.db"
    args = ["dossier", "--db", str(db), "--out", str(out), "--workers", "1"]
    result = CliRunner().invoke(cli, [*args, str(EXAMPLES / "text")])
    assert result.exit_code == 0, result.stderr
    assert "Conflict:" in result.stdout
    assert {p.name for p in out.iterdir()} >= {"dossier.json", "dossier.md", "dossier.html"}
    data: dict[str, Any] = json.loads((out / "dossier.json").read_text())
    data["_html"] = (out / "dossier.html").read_text()
    data["_md"] = (out / "dossier.md").read_text()
    data["_stdout"] = result.stdout
    return data


def test_the_account_on_stdout_counts_as_the_report_lists(dossier: dict[str, Any]) -> None:
    counted = re.search(r"Claims: (\d+) agreed, (\d+) perhaps shared,", dossier["_stdout"])
    assert counted is not None, dossier["_stdout"]

    def listed(heading: str) -> int:
        section = dossier["_md"].split(f"\n## {heading}", 1)[1].split("\n## ", 1)[0]
        return sum(1 for line in section.splitlines() if line.startswith("- **"))

    assert int(counted.group(1)) == listed("Agreements") > 0
    assert int(counted.group(2)) == listed("Perhaps shared") > 0


def test_the_account_on_stdout_tells_updates_as_updates(dossier: dict[str, Any]) -> None:
    """The plan denied, then done, is a conflict in the JSON whose difference is an update:
    the account lists it after the contradictions, as an update."""
    told = [
        line.split(":")[0] for line in dossier["_stdout"].splitlines() if not line[:1].isspace()
    ]
    shown = [line for line in told if line in ("Conflict", "Update")]
    assert shown == ["Conflict"] * 3 + ["Update"]
    assert "Update: Plans to close" in dossier["_stdout"]


def claims_with(data: dict[str, Any], *displays: str) -> list[dict[str, Any]]:
    """Claims whose sides, together, show all the given values as written."""
    found = []
    for claim in data["claims"]:
        shown = " / ".join(side["display"] for side in claim["sides"])
        if all(display in shown for display in displays):
            found.append(claim)
    return found


def test_schema_and_every_evidence_span(dossier: dict[str, Any]) -> None:
    body = {k: v for k, v in dossier.items() if not k.startswith("_")}
    validate_dossier(body)
    assert check_evidence(body) == []


def test_the_two_real_conflicts_are_found(dossier: dict[str, Any]) -> None:
    residents = claims_with(dossier, "24,000", "11,000-odd")
    assert [c["status"] for c in residents] == ["conflict"]
    years = claims_with(dossier, "2005-2007", "2004 to 2009")
    assert [c["status"] for c in years] == ["conflict"]
    assert {c["id"] for c in dossier["conflicts"]} >= {residents[0]["id"], years[0]["id"]}


def test_a_name_spelled_two_ways_is_shown_but_not_told_as_a_disagreement(
    dossier: dict[str, Any],
) -> None:
    spelling = [c for c in dossier["conflicts"] if c.get("kind") == "spelling"]
    assert [{s["display"] for s in c["sides"]} for c in spelling] == [
        {"Dmitri Savchuk", "Dmitry Savchuk"}
    ]
    assert not [s for s in dossier["summary"] if "Savchuk" in s["text"] and "differ" in s["text"]]
    kinds = {c["about"]: c.get("kind") for c in dossier["conflicts"]}
    assert kinds["Number of residents evacuated"] == "figure"


def test_compatible_figures_and_dates_are_never_a_conflict(dossier: dict[str, Any]) -> None:
    for claim in dossier["conflicts"]:
        if claim.get("difference") == "update":
            continue  # a plan's update cites the sentence that tells it done, workforce and all
        shown = [side["display"] for side in claim["sides"]]
        assert not any("1,400" in s for s in shown), shown
        assert not any("November" in s and "2024" in s for s in shown), shown
    workforce = claims_with(dossier, "nearly 1,400", "almost 1,400", "about 1,400")
    assert workforce and workforce[0]["status"] == "agreed"


def test_a_wire_copy_counts_once(dossier: dict[str, Any]) -> None:
    copies = {a["id"]: a["duplicate_of"] for a in dossier["articles"]}
    assert copies["gazette-2025-06-12"] == "wire-2025-06-11"
    residents = claims_with(dossier, "24,000", "11,000-odd")[0]
    assert "counts once" in residents["reason"] or "2 independent" in residents["reason"]


def test_relative_dates_are_resolved_on_the_timeline(dossier: dict[str, Any]) -> None:
    by_date: dict[str, set[str]] = {}
    for entry in dossier["timeline"]:
        by_date.setdefault(entry["date"], set()).update(entry["articles"])
    assert "wire-2025-06-11" in by_date.get("2025-06-11", set())  # "on Wednesday", that day
    assert "2024-11-14" in by_date or any(d.startswith("2024-11") for d in by_date)
    assert any(d.startswith("2025-01") for d in by_date)  # the mission began in January


def test_framing_and_quoted_people(dossier: dict[str, Any]) -> None:
    markers = {(m["article"], m["kind"], m["text"].strip('“”"')) for m in dossier["framing"]}
    assert ("observer-2025-06-13", "scare_quotes", "inspectors") in markers
    assert any(kind == "distancing" and text == "so-called" for _, kind, text in markers)
    assert ("observer-2025-06-13", "loaded_word", "botched") in markers
    speakers = {q["speaker"] for q in dossier["quotes"]}
    assert {"Halina Orzel", "Marta Lindqvist"} <= speakers


def test_every_summary_sentence_cites_its_sources(dossier: dict[str, Any]) -> None:
    assert dossier["summary"]
    for sentence in dossier["summary"]:
        assert sentence["articles"] and sentence["evidence"]
    contested = [s["text"] for s in dossier["summary"] if "11,000-odd" in s["text"]]
    assert contested == [
        "Reports differ on the number of residents evacuated: around 24,000 / Some 24,000"
        " (The Northgate Ledger and Meridian Wire) against 11,000-odd (courier-undated)."
    ]


def test_the_html_report_runs_no_article_markup(dossier: dict[str, Any]) -> None:
    html = dossier["_html"]
    assert "<script" not in html.lower()
    assert "http://" not in html.split("<body", 1)[0]  # self-contained: no external assets


def test_hostile_text_is_escaped_in_every_report(tmp_path: Path) -> None:
    out = tmp_path / "hostile"
    args = ["dossier", "--db", str(tmp_path / "h.db"), "--out", str(out), "--workers", "1"]
    result = CliRunner().invoke(cli, [*args, str(EXAMPLES / "hostile" / "xss.txt")])
    assert result.exit_code == 0, result.stderr
    html = (out / "dossier.html").read_text().lower()
    for tag in ("<script", "<img", "<iframe", "<svg", 'href="javascript', "href='javascript"):
        assert tag not in html, tag
    assert "&lt;script&gt;" in html  # shown as text


def test_a_denied_plan_then_done_is_an_update(dossier: dict[str, Any]) -> None:
    updates = [c for c in dossier["claims"] if c.get("difference") == "update"]
    assert all(c["status"] == "conflict" for c in updates)
    sides = [[side["articles"] for side in c["sides"]] for c in updates]
    assert [["ledger-2025-06-10"], ["observer-2025-06-13"]] in sides


def test_a_town_the_tagger_takes_for_a_person_in_some_articles_is_no_person(
    dossier: dict[str, Any],
) -> None:
    # two of the example's articles tag the town "Carrow Ford" as a person, three as an
    # organisation: most take it for no person, so it gets no "who" claim
    who = [c["about"] for c in dossier["claims"] if c.get("kind") == "who"]
    assert not [about for about in who if "Carrow Ford" in about]
    places = [c["about"] for c in dossier["claims"] if c.get("kind") == "where"]
    assert places == ["Place: Sella River"]
