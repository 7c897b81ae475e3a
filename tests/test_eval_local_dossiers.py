"""Each incident's story in the invented local streams, as ``triangulate stories`` builds it,
states the incident's counts (killed, injured, arrested) and dates it, at least as often as
the pinned floors (``benchmarks/eval_local_dossiers.py`` prints the table); needs no
``../shared``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triangulate.evaluation.local_dossiers import judge_count, judge_date, judge_stream, shares

HERE = Path(__file__).parent
STREAMS = HERE / "evaluation" / "local_streams"
BASELINE = json.loads((HERE / "evaluation" / "local_dossiers_baseline.json").read_text("utf-8"))


@pytest.mark.parametrize("stream", sorted(BASELINE["floors"]))
def test_each_incidents_story_states_its_counts_and_its_day(stream: str, tmp_path: Path) -> None:
    result = shares(stream, judge_stream(STREAMS / stream, tmp_path))
    floors = BASELINE["floors"][stream]
    stated = {harm: leading[0] for harm, (_, leading) in result.counts.items()}
    assert {h: stated[h] >= floors[h] for h in stated} == dict.fromkeys(stated, True), stated
    assert result.dated[0] >= floors["dated"], result.dated
    assert result.overcounted <= floors["overcounted"]


def _side(value: int, *articles: str) -> dict[str, object]:
    return {"value": value, "display": str(value), "articles": list(articles)}


def test_a_count_is_stated_when_the_number_most_reports_tell_is_it() -> None:
    dossier = {
        "claims": [
            {"about": "Number of people killed", "sides": [_side(1, "a1", "a2"), _side(2, "a3")]},
            {"about": "Number of men arrested", "sides": [_side(2, "a1")]},
            {"about": "Figure (Tam Vell was killed)", "sides": [_side(24, "a1", "a2", "a3")]},
        ]
    }
    assert judge_count(dossier, "killed", 1) == (True, True)
    assert judge_count(dossier, "killed", 2) == (True, False)
    assert judge_count(dossier, "arrested", 1) == (False, False)
    assert judge_count(dossier, "injured", 1) == (False, False)
    # only the incident's own reports: another incident's in the story count for nothing
    assert judge_count(dossier, "killed", 2, own={"a3"}) == (True, True)
    mixed = {
        "claims": [
            {
                "about": "Number of people killed",
                "sides": [_side(1, "a1", "a2"), _side(2, "a3", "a4", "a5")],
            }
        ]
    }
    assert judge_count(mixed, "killed", 1, own={"a1", "a2", "a3"}) == (True, True)


def test_sides_of_one_number_count_together_and_a_tie_leads_nothing() -> None:
    one = [_side(1, "a1"), {**_side(1, "a2"), "display": "one (a man)"}]
    killed = {"claims": [{"about": "Number of people killed", "sides": [*one, _side(2, "a3")]}]}
    assert judge_count(killed, "killed", 1) == (True, True)
    tied = {
        "claims": [{"about": "Number of people killed", "sides": [_side(1, "a1"), _side(2, "a2")]}]
    }
    assert judge_count(tied, "killed", 1) == (True, False)


def test_each_incidents_reports_are_those_its_labels_give() -> None:
    for folder in sorted(p for p in STREAMS.iterdir() if p.is_dir()):
        labels = json.loads((folder / "labels.json").read_text("utf-8"))
        gold = json.loads((folder / "incidents.json").read_text("utf-8"))["incidents"]
        by_label: dict[str, list[str]] = {}
        for name, incident in sorted(labels.items()):
            by_label.setdefault(incident, []).append(name)
        assert {i: sorted(f["reports"]) for i, f in gold.items()} == by_label, folder.name


def test_a_day_is_stated_by_a_day_precise_entry() -> None:
    timeline = [
        {"date": "2031-03", "granularity": "month"},
        {"date": "2031-03-08", "granularity": "day"},
        {"date": "2031-03-09T01:30", "granularity": "time"},
    ]
    assert judge_date({"timeline": timeline}, "2031-03-09") == (True, False)
    assert judge_date({"timeline": timeline}, "2031-03-08") == (True, True)
    assert judge_date({"timeline": timeline}, "2031-03-01") == (False, False)
    theirs = [{**entry, "articles": ["b1"]} for entry in timeline[:2]]
    mine = [{**timeline[2], "articles": ["a1"]}]
    assert judge_date({"timeline": theirs + mine}, "2031-03-09", own={"a1"}) == (True, True)
