"""Does each incident's story, as ``triangulate stories`` builds it, state the incident's
counts and date it? Measured on labelled streams of local crime reports: a folder of reports,
its ``labels.json`` (file name -> incident) and its ``incidents.json`` (each incident's day
and how many were killed, injured and arrested, read by hand from all its reports)."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from triangulate.compose.build import build_for
from triangulate.ingest.ingester import ingest
from triangulate.settings import Settings
from triangulate.store import Store, open_store
from triangulate.store.queries import iter_articles
from triangulate.stories.run import run_stories

# The subjects of the claims that count the killed, the injured, the arrested ("Number of
# people killed", "Number of young men arrested", "Death toll"); not an age told beside a
# harm ("Figure (X was killed)"), nor the wounds or the year's homicides
CLAIMS_OF_HARM = {
    "killed": re.compile(r"^(?:Number of .+ (?:killed|dead)|Death toll)$"),
    "injured": re.compile(r"^Number of .+ (?:injured|wounded|hurt|hospitali[sz]ed)$"),
    "arrested": re.compile(r"^Number of .+ arrested$"),
}
DAY_PRECISE = ("day", "time")


@dataclass
class Judged:
    """One incident: its story and what that story's dossier states of it."""

    incident: str
    reports: int
    in_story: int
    story_size: int
    dossier: bool  # the story holding the most of the incident's reports has a dossier
    # harm -> (some side holds the gold number, it is the number most of the incident's
    # reports tell: see ``judge_count``);
    # False for both where the gold has a count and the story no dossier
    counts: dict[str, tuple[bool, bool]] = field(default_factory=dict)
    # the harms the gold counts none of (0) that a side of the incident's reports counts
    overcounted: list[str] = field(default_factory=list)
    dated: bool | None = None  # an entry on the incident's day
    first: bool | None = None  # the earliest day-precise entry is on it
    misses: list[str] = field(default_factory=list)


def count_sides(
    dossier: dict[str, Any], harm: str, own: Collection[str] | None = None
) -> list[dict[str, Any]]:
    """The sides holding a number of the dossier's claims of ``harm``; with ``own``, those
    told by one of these articles (a story may hold another incident's reports too)."""
    return [
        side
        for claim in dossier.get("claims", [])
        if CLAIMS_OF_HARM[harm].match(claim["about"])
        for side in claim["sides"]
        if isinstance(side.get("value"), int | float)
        and not isinstance(side["value"], bool)
        and (own is None or any(a in own for a in side.get("articles", [])))
    ]


def judge_count(
    dossier: dict[str, Any], harm: str, gold: int, own: Collection[str] | None = None
) -> tuple[bool, bool]:
    """(some side holds the gold number, the number told by the most reports is it: sides
    of one number count together, "one (a man)" and "One"; a tie leads nothing)."""
    told: dict[float, set[str]] = {}
    for side in count_sides(dossier, harm, own):
        articles = [a for a in side.get("articles", []) if own is None or a in own]
        told.setdefault(float(side["value"]), set()).update(articles)
    ranked = sorted(told.items(), key=lambda item: -len(item[1]))
    leading = bool(ranked) and (len(ranked) == 1 or len(ranked[0][1]) > len(ranked[1][1]))
    return gold in told, leading and ranked[0][0] == gold


def judge_date(
    dossier: dict[str, Any], day: str, own: Collection[str] | None = None
) -> tuple[bool, bool]:
    """(an entry on ``day``, the earliest day-precise entry on ``day``); with ``own``, the
    entries citing one of these articles."""
    days = sorted(
        str(entry.get("date", ""))[:10]
        for entry in dossier.get("timeline", [])
        if entry.get("granularity") in DAY_PRECISE
        and (own is None or any(a in own for a in entry.get("articles", [])))
    )
    return day in days, bool(days) and days[0] == day


def _stories(
    store: Store, settings: Settings, files: Sequence[Path], out: Path
) -> list[dict[str, Any]]:
    """Each story as ``triangulate stories`` writes it: its articles and its dossier."""
    path = run_stories(store, [str(f) for f in files], settings, out_dir=out)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _hand_fed(
    store: Store, settings: Settings, files: Sequence[Path], reports: dict[str, list[str]]
) -> list[dict[str, Any]]:
    """Each incident's own reports and their dossier, as a user would build it by hand (of
    one report too: the dossier of the story ``triangulate stories`` makes of a lone report)."""
    ingest(store, [str(f) for f in files], settings)
    by_file = {Path(a.source).name: a.id for a in iter_articles(store)}
    records = []
    for names in reports.values():
        ids = [by_file[name] for name in names]
        dossier = build_for(store, ids, settings).data
        records.append({"articles": ids, "dossier": dossier})
    return records


def judge_stream(folder: Path, work: Path, hand_fed: bool = False) -> list[Judged]:
    """Every incident of the labelled stream in ``folder``, its story built in a new store in
    ``work`` (``hand_fed``: its own reports instead)."""
    labels: dict[str, str] = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    gold = json.loads((folder / "incidents.json").read_text(encoding="utf-8"))["incidents"]
    files = [folder / name for name in sorted(labels)]
    reports: dict[str, list[str]] = {}
    for name, incident in sorted(labels.items()):
        reports.setdefault(incident, []).append(name)
    work.mkdir(parents=True, exist_ok=True)
    settings = Settings(db_path=work / f"{folder.name}.db", workers=1)
    with open_store(settings.db) as store:
        if hand_fed:
            records = _hand_fed(store, settings, files, reports)
        else:
            records = _stories(store, settings, files, work / "stories")
        file_of = {a.id: Path(a.source).name for a in iter_articles(store)}
    return [
        _judged(incident, facts, set(reports[incident]), records, file_of)
        for incident, facts in sorted(gold.items())
    ]


def _judged(
    incident: str,
    facts: dict[str, Any],
    mine: set[str],
    records: Sequence[dict[str, Any]],
    file_of: dict[str, str],
) -> Judged:
    # the incident's story: the one holding the most of its reports
    record = max(
        records, key=lambda r: sum(file_of[a] in mine for a in r["articles"]), default=None
    )
    members = [file_of[a] for a in record["articles"]] if record else []
    own = {a for a in record["articles"] if file_of[a] in mine} if record else set()
    dossier = record.get("dossier") if record and own else None
    row = Judged(incident, len(mine), len(own), len(members), bool(dossier))
    for harm in CLAIMS_OF_HARM:
        value = facts.get(harm)
        if value is None:
            continue  # not known
        if value == 0:
            if dossier and any(float(s["value"]) > 0 for s in count_sides(dossier, harm, own)):
                row.overcounted.append(harm)
            continue
        row.counts[harm] = judge_count(dossier, harm, value, own) if dossier else (False, False)
        if not row.counts[harm][1]:
            sides = count_sides(dossier, harm, own) if dossier else []
            told = Counter(f"{s.get('display')} x{len(s.get('articles', []))}" for s in sides)
            row.misses.append(
                f"{harm} {value}: {dict(told) or ('no claim' if dossier else 'no dossier')}"
            )
    if facts.get("date"):
        dated = judge_date(dossier, facts["date"], own) if dossier else (False, False)
        row.dated, row.first = dated
        if not row.first and dossier:
            timeline = dossier.get("timeline", [])
            entries = sorted((e.get("date"), len(e.get("articles", []))) for e in timeline)
            row.misses.append(f"date {facts['date']}: {entries[:4]}")
    return row


@dataclass(frozen=True)
class Shares:
    """Of the incidents with something to state, how many stories' dossiers state it."""

    stream: str
    incidents: int
    with_dossier: tuple[int, int]
    counts: dict[str, tuple[tuple[int, int], tuple[int, int]]]  # harm -> (some, leading)
    dated: tuple[int, int]
    first: tuple[int, int]
    overcounted: int  # (incident, harm) pairs: a count where the gold has none


def _share(values: Iterable[bool | None]) -> tuple[int, int]:
    known = [v for v in values if v is not None]
    return sum(known), len(known)


def shares(stream: str, rows: Sequence[Judged]) -> Shares:
    return Shares(
        stream,
        len(rows),
        _share(r.dossier for r in rows),
        {
            harm: (
                _share(r.counts[harm][0] if harm in r.counts else None for r in rows),
                _share(r.counts[harm][1] if harm in r.counts else None for r in rows),
            )
            for harm in CLAIMS_OF_HARM
        },
        _share(r.dated for r in rows),
        _share(r.first for r in rows),
        sum(len(r.overcounted) for r in rows),
    )


def markdown(results: Sequence[Shares]) -> str:
    def cell(pair: tuple[int, int]) -> str:
        return f"{pair[0]}/{pair[1]}" if pair[1] else "-"

    lines = [
        "| stream | incidents | with a dossier | killed (some / leading) | injured | arrested"
        " | dated (an entry / the first) | counted where none |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        counts = [f"{cell(r.counts[h][0])} / {cell(r.counts[h][1])}" for h in CLAIMS_OF_HARM]
        lines.append(
            f"| {r.stream} | {r.incidents} | {cell(r.with_dossier)} | {' | '.join(counts)}"
            f" | {cell(r.dated)} / {cell(r.first)} | {r.overcounted} |"
        )
    return "\n".join(lines)
