"""Scoring of cross-document timelines as in SemEval-2015 Task 4 ("TimeLine").

A timeline file names its target entity on the first line, then holds one row a line::

    <order>\t<anchor>\t<docid-sentence-word>[\t<coreferent mention> ...]

Rows with the same order number are simultaneous; rows with order 0 could not be placed
and are not scored.  Scoring follows the task's official tool (a TempEval-3 "temporal
awareness" scorer, UzZaman & Allen 2011) step by step:

1. Rows are sorted by a natural sort of their text, rows of order 0 are dropped.
2. Each anchor becomes a time node, each mention an event node ``SIMULTANEOUS`` with its
   anchor; each mention is linked to the next one in the sorted list, ``BEFORE`` when its
   order number is lower and ``SIMULTANEOUS`` otherwise.  System mentions and anchors take
   the identifiers of equal gold strings (the k-th repeat of a mention the k-th gold
   repeat), so only exact ``docid-sentence-word`` strings and anchor strings ever match.
3. Each graph is built relation by relation in that order; a relation that the graph
   already entails is left out of the reduced graph, one that contradicts it is not added
   to the graph but stays in the list to score.
4. Precision: reduced system relations entailed by the gold graph (or stated in it) over
   all reduced system relations; recall the converse.  Counts are summed over timelines
   (micro average) and F1 is taken from the rounded percentages, as the tool prints them.

The official tool reasons with Gerevini-Schubert timegraph chains; here entailment is
exact point-algebra reasoning (start < end of every interval, equal points merged,
``<`` by reachability).  Checked timeline by timeline against the official tool (gold
against gold, twelve kinds of perturbed gold timelines on the three corpora, the tool's
own sample systems, and every system output of the benchmark), the two give the same
counts; known deviations are documented in :func:`score_timeline`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BEFORE = "BEFORE"
SIMULTANEOUS = "SIMULTANEOUS"
UNPLACED_ORDER = 0
_DIGITS = re.compile(r"(\d+)")


# --- timelines -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineRow:
    """One row: order number, time anchor and the (coreferent) event mentions it places."""

    order: int
    anchor: str
    mentions: tuple[str, ...]
    order_text: str = ""  # the order as written, kept so that sorting sees the original text

    @property
    def text(self) -> str:
        return "\t".join([self.order_text or str(self.order), self.anchor, *self.mentions])


@dataclass(frozen=True)
class Timeline:
    entity: str
    rows: tuple[TimelineRow, ...] = ()

    def to_text(self) -> str:
        return "\n".join([self.entity, *(row.text for row in self.rows)]) + "\n"


def parse_timeline(text: str) -> Timeline:
    """A timeline from the task's file format (the first line is the entity's name).

    Lines with fewer than three tab-separated fields are ignored, as the scorer does.
    """
    lines = text.split("\n")
    rows = []
    for line in lines[1:]:
        fields = line.rstrip().split("\t")
        if not line.strip() or len(fields) < 3:
            continue
        rows.append(TimelineRow(int(fields[0]), fields[1], tuple(fields[2:]), fields[0]))
    return Timeline(lines[0].strip() if lines else "", tuple(rows))


def read_timeline(path: str | Path) -> Timeline:
    return parse_timeline(Path(path).read_text(encoding="utf-8"))


def timeline_file_name(entity: str) -> str:
    """The task's file name for an entity: lower case, spaces turned into underscores."""
    return entity.strip().lower().replace(" ", "_") + ".txt"


def _natural_key(text: str) -> list[int | str]:
    return [int(part) if part.isdigit() else part for part in _DIGITS.split(text)]


def _placed_rows(timeline: Timeline) -> list[TimelineRow]:
    """Rows as the scorer reads them: naturally sorted by their text, order 0 left out."""
    rows = sorted(timeline.rows, key=lambda row: _natural_key(row.text))
    return [row for row in rows if row.order != UNPLACED_ORDER]


# --- timelines to relations ------------------------------------------------------------------


@dataclass(frozen=True)
class Relation:
    source: str
    target: str
    kind: str  # BEFORE or SIMULTANEOUS


def _reverse(kind: str) -> str:
    return {"BEFORE": "AFTER", "AFTER": "BEFORE"}.get(kind, kind)


@dataclass
class _Node:
    """An event node: its order number and the id of its time node."""

    order: int
    time: str


@dataclass
class GoldIndex:
    """Identifiers the gold timeline gives to anchors and mentions, reused for the system."""

    times: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)  # position i has id "ei{i+1}"


def _chain(event_ids: Sequence[str], nodes: Mapping[str, _Node]) -> list[Relation]:
    relations = []
    for first, second in itertools.pairwise(event_ids):
        kind = BEFORE if nodes[first].order < nodes[second].order else SIMULTANEOUS
        relations.append(Relation(first, second, kind))
    return relations


def gold_relations(timeline: Timeline, anchors: bool = True) -> tuple[list[Relation], GoldIndex]:
    """The gold timeline as relations (event-time links first, then the event chain)."""
    index = GoldIndex()
    nodes: dict[str, _Node] = {}
    event_ids: list[str] = []
    for row in _placed_rows(timeline):
        if row.anchor not in index.times:
            index.times.append(row.anchor)
        for mention in row.mentions:
            index.mentions.append(mention)
            event_id = f"ei{len(index.mentions)}"
            nodes[event_id] = _Node(row.order, f"t{index.times.index(row.anchor)}")
            event_ids.append(event_id)
    links = [Relation(e, nodes[e].time, SIMULTANEOUS) for e in event_ids] if anchors else []
    return links + _chain(event_ids, nodes), index


def system_relations(timeline: Timeline, gold: GoldIndex, anchors: bool = True) -> list[Relation]:
    """The system timeline as relations, its mentions and anchors named as in the gold."""
    next_time = len(gold.times) + 1
    next_event = len(gold.mentions) + 1
    time_ids: dict[str, str] = {}
    nodes: dict[str, _Node] = {}
    seen: list[str] = []
    event_ids: list[str] = []
    for row in _placed_rows(timeline):
        if row.anchor not in time_ids:
            if row.anchor in gold.times:
                time_ids[row.anchor] = f"t{gold.times.index(row.anchor)}"
            else:
                time_ids[row.anchor] = f"t{next_time}"
                next_time += 1
        for mention in row.mentions:
            position = _gold_position(mention, seen, gold.mentions)
            if position is None:
                event_id = f"ei{next_event}"
                next_event += 1
            else:
                event_id = f"ei{position + 1}"
            # a repeated id keeps the order and time of its last row, as in the tool
            nodes[event_id] = _Node(row.order, time_ids[row.anchor])
            seen.append(mention)
            event_ids.append(event_id)
    links = [Relation(e, nodes[e].time, SIMULTANEOUS) for e in event_ids] if anchors else []
    return links + _chain(event_ids, nodes)


def _gold_position(mention: str, seen: list[str], gold: list[str]) -> int | None:
    """Where a system mention sits in the gold list, reproducing the tool's repeat rule."""
    if mention not in gold:
        return None
    first = gold.index(mention)
    repeats = seen.count(mention)
    if repeats == 0:
        return first
    if repeats < gold.count(mention):
        # the tool searches from first + repeats, which is the next repeat when repeats
        # are adjacent (as they are in practice)
        return gold.index(mention, first + repeats)
    return None


# --- temporal reasoning ----------------------------------------------------------------------


class PointGraph:
    """Exact reasoning over interval end points with the relations = and <.

    Every interval ``x`` has points ``x_s < x_e``.  Equal points share one class
    (union-find); ``a < b`` holds when a path of ``<`` edges leads from a's class to b's.
    """

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._later: dict[str, set[str]] = {}
        self.intervals: set[str] = set()

    # points
    def _find(self, point: str) -> str:
        root = point
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[point] != root:
            self._parent[point], point = root, self._parent[point]
        return root

    def _add_point(self, point: str) -> None:
        if point not in self._parent:
            self._parent[point] = point
            self._later[point] = set()

    def less(self, first: str, second: str) -> bool:
        start, goal = self._find(first), self._find(second)
        stack, seen = [start], {start}
        while stack:
            for nxt in self._later[stack.pop()]:
                root = self._find(nxt)
                if root == goal:
                    return True
                if root not in seen:
                    seen.add(root)
                    stack.append(root)
        return False

    def equal(self, first: str, second: str) -> bool:
        return self._find(first) == self._find(second)

    def _set_less(self, first: str, second: str) -> None:
        self._later[self._find(first)].add(self._find(second))

    def _set_equal(self, first: str, second: str) -> None:
        a, b = self._find(first), self._find(second)
        if a != b:
            self._parent[b] = a
            self._later[a] |= self._later.pop(b)

    # intervals
    def add_interval(self, name: str) -> None:
        if name not in self.intervals:
            self.intervals.add(name)
            self._add_point(f"{name}_s")
            self._add_point(f"{name}_e")
            self._set_less(f"{name}_s", f"{name}_e")

    def entails(self, relation: Relation) -> bool:
        x, y = relation.source, relation.target
        if x not in self.intervals or y not in self.intervals:
            return False
        if relation.kind == BEFORE:
            return self.less(f"{x}_e", f"{y}_s")
        if relation.kind == "AFTER":
            return self.less(f"{y}_e", f"{x}_s")
        if relation.kind == SIMULTANEOUS:
            return self.equal(f"{x}_s", f"{y}_s") and self.equal(f"{x}_e", f"{y}_e")
        raise ValueError(f"unsupported relation {relation.kind}")

    def contradicts(self, relation: Relation) -> bool:
        x, y = relation.source, relation.target
        if x not in self.intervals or y not in self.intervals:
            return False
        if relation.kind in (BEFORE, "AFTER"):
            first, second = (x, y) if relation.kind == BEFORE else (y, x)
            end, start = f"{first}_e", f"{second}_s"
            return self.equal(end, start) or self.less(start, end)
        pairs = ((f"{x}_s", f"{y}_s"), (f"{x}_e", f"{y}_e"))
        return any(self.less(a, b) or self.less(b, a) for a, b in pairs)

    def add(self, relation: Relation) -> None:
        x, y = relation.source, relation.target
        self.add_interval(x)
        self.add_interval(y)
        if relation.kind == BEFORE:
            self._set_less(f"{x}_e", f"{y}_s")
        elif relation.kind == "AFTER":
            self._set_less(f"{y}_e", f"{x}_s")
        else:
            self._set_equal(f"{x}_s", f"{y}_s")
            self._set_equal(f"{x}_e", f"{y}_e")


@dataclass
class ReducedGraph:
    graph: PointGraph
    relations: list[Relation]  # the reduced graph's relations plus the contradicting ones
    stated: set[tuple[str, str, str]]  # every stated relation, both ways round


def reduce_relations(relations: Iterable[Relation]) -> ReducedGraph:
    """Add relations in order; keep those the graph did not already entail."""
    graph = PointGraph()
    kept: list[Relation] = []
    contradicting: list[Relation] = []
    seen: set[Relation] = set()
    stated: set[tuple[str, str, str]] = set()
    for relation in relations:
        stated.add((relation.source, relation.target, relation.kind))
        stated.add((relation.target, relation.source, _reverse(relation.kind)))
        if relation in seen:
            continue
        seen.add(relation)
        x, y = relation.source, relation.target
        if x == y and relation.kind != SIMULTANEOUS:
            graph.add_interval(x)
            contradicting.append(relation)
        elif x in graph.intervals and y in graph.intervals:
            if graph.contradicts(relation):
                contradicting.append(relation)
            elif not graph.entails(relation):
                graph.add(relation)
                kept.append(relation)
        else:
            graph.add(relation)
            kept.append(relation)
    return ReducedGraph(graph, kept + contradicting, stated)


# --- scores ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AwarenessCounts:
    """Matched and total reduced relations of one timeline, or summed over several."""

    precision_matched: int = 0
    system_total: int = 0
    recall_matched: int = 0
    gold_total: int = 0

    def __add__(self, other: AwarenessCounts) -> AwarenessCounts:
        return AwarenessCounts(
            self.precision_matched + other.precision_matched,
            self.system_total + other.system_total,
            self.recall_matched + other.recall_matched,
            self.gold_total + other.gold_total,
        )

    @property
    def precision(self) -> float:
        """In percent, rounded as the official tool rounds it."""
        ratio = self.precision_matched / self.system_total if self.system_total else 0.0
        return 100 * round(ratio, 6)

    @property
    def recall(self) -> float:
        ratio = self.recall_matched / self.gold_total if self.gold_total else 0.0
        return 100 * round(ratio, 6)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _verified(relations: Iterable[Relation], other: ReducedGraph) -> int:
    return sum(
        1
        for r in relations
        if (r.source, r.target, r.kind) in other.stated or other.graph.entails(r)
    )


def score_timeline(gold: Timeline, system: Timeline, anchors: bool = True) -> AwarenessCounts:
    """Temporal-awareness counts of one system timeline against its gold timeline.

    ``anchors=False`` scores ordering only (the task's ``--ord`` option).

    Deviations from the official tool, none of which changes a count on this task's data:
    entailment is exact (the tool's chain search can miss an entailment through several
    chains, or take x <= y for x < y across chains); relations are compared as
    identifiers, not by regular-expression search over text; a malformed order number
    raises ``ValueError`` where the tool would crash.
    """
    gold_list, index = gold_relations(gold, anchors)
    gold_graph = reduce_relations(gold_list)
    system_graph = reduce_relations(system_relations(system, index, anchors))
    return AwarenessCounts(
        precision_matched=_verified(system_graph.relations, gold_graph),
        system_total=len(system_graph.relations),
        recall_matched=_verified(gold_graph.relations, system_graph),
        gold_total=len(gold_graph.relations),
    )


@dataclass(frozen=True)
class TimelineScore:
    entity: str
    counts: AwarenessCounts


@dataclass(frozen=True)
class CorpusScore:
    timelines: tuple[TimelineScore, ...]

    @property
    def total(self) -> AwarenessCounts:
        return sum((t.counts for t in self.timelines), AwarenessCounts())


def score_timelines(
    pairs: Iterable[tuple[Timeline, Timeline | None]], anchors: bool = True
) -> CorpusScore:
    """Micro-averaged scores of (gold, system) pairs; a missing system timeline scores 0.

    The official tool leaves a gold timeline without a system file out of the average
    altogether (it prints a warning and skips it); here it counts, with no relation found.
    """
    scores = []
    for gold, system in pairs:
        counts = score_timeline(gold, system or Timeline(gold.entity), anchors)
        scores.append(TimelineScore(gold.entity, counts))
    return CorpusScore(tuple(scores))


def score_directories(
    gold_dir: str | Path, system_dir: str | Path, anchors: bool = True
) -> CorpusScore:
    """Every gold timeline file against the system file of the same name."""
    return score_timelines(_directory_pairs(Path(gold_dir), Path(system_dir)), anchors)


def _directory_pairs(
    gold_dir: Path, system_dir: Path
) -> Iterator[tuple[Timeline, Timeline | None]]:
    for path in sorted(gold_dir.glob("*.txt")):
        candidate = system_dir / path.name
        yield read_timeline(path), read_timeline(candidate) if candidate.exists() else None
