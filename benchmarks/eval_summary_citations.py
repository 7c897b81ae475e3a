"""Does a summary sentence's citation of another source state what the sentence states?

    .venv/bin/python benchmarks/eval_summary_citations.py [--data ../shared/data/factalign-dev]

On the ECB+ events of factalign-dev (hand-labelled facts, each with the sentence every article
states it in), every sentence the summary could take that states a gold fact is paired, for
each other source, with the sentence a rule would cite as saying the same. A citation is
counted right when the two sentences share a gold fact (a lenient test: sharing one fact is
needed for stating the same, not enough); recall is over the (sentence, other source) pairs
where some sentence of that source shares a fact. Rules: the summary's own (TF-IDF cosine
within the dossier, and the share of the sentence's TF-IDF weight the other holds), TF-IDF
alone, MiniLM cosine at several thresholds, and the sentences an agreed claim of the
dossier cites surely beside the sentence (with the summary's rule, and with its tests of
figures and people).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from triangulate.compare.claims import compare
from triangulate.compose import summary
from triangulate.models import Article, Claim
from triangulate.nlp.encoder import FloatArray, load_encoder
from triangulate.readers.reader import read_many

ROOT = Path(__file__).resolve().parents[1]
Rule = Callable[[summary.Candidate, summary.Candidate, float], bool]  # (sentence, other, MiniLM)


@dataclass
class Event:
    found: list[summary.Candidate]
    vectors: FloatArray
    facts: list[set[str]]  # the gold facts each candidate states
    figures: set[str]  # the gold facts that are figures (counts, sums, ages)
    # for each candidate (by id), the candidates an agreed statement claim of the dossier
    # cites surely with it
    sure_with: dict[int, set[int]]


def load_event(events: Path, gold: Path, name: str) -> Event:
    lines = (events / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    articles = [
        Article(a["id"], a["id"], a["text"], outlet=a.get("outlet"), title=a.get("title"))
        for a in map(json.loads, lines)
    ]
    readings = read_many(articles)
    found = summary.candidates(articles, {r.article: r for r in readings})
    summary.features(found, articles)
    texts = {a.id: a.text for a in articles}
    spans = []
    figures = set()
    for fact in json.loads((gold / f"{name}.json").read_text(encoding="utf-8"))["facts"]:
        if fact["kind"] == "figure":
            figures.add(fact["id"])
        for mention in fact["mentions"]:
            start = texts[mention["article"]].find(mention["quote"])
            if start >= 0:
                spans.append((fact["id"], mention["article"], start, start + len(mention["quote"])))
    facts = [
        {
            f
            for f, a, s, e in spans
            if a == c.sentence.article and s < c.sentence.end and e > c.sentence.start
        }
        for c in found
    ]
    encoder = load_encoder()
    vectors = encoder.encode([c.sentence.text for c in found])
    return Event(
        found, vectors, facts, figures, _sure_with(found, compare(articles, readings, encoder))
    )


def _sure_with(found: Sequence[summary.Candidate], claims: Sequence[Claim]) -> dict[int, set[int]]:
    """For each candidate, the others an agreed statement claim cites surely beside it."""
    with_it: dict[int, set[int]] = {id(c): set() for c in found}
    for claim in claims:
        if claim.status != "agreed" or claim.kind != "statement":
            continue
        sure = [e for side in claim.sides for e in side.evidence if not e.tentative]
        held = [
            c
            for c in found
            if any(
                e.article == c.sentence.article
                and e.start < c.sentence.end
                and c.sentence.start < e.end
                for e in sure
            )
        ]
        for c in held:
            with_it[id(c)].update(id(o) for o in held if o.source != c.source)
    return with_it


@dataclass
class Score:
    cited: int
    precision: float  # the cited sentence shares a gold fact with the sentence
    recall: float
    figure_cited: int  # citations of a sentence that states a gold figure
    figure_told: float  # of those, the share whose cited sentence states all its figures


def score(events: Sequence[Event], rule: Rule) -> Score:
    right = wrong = possible = figure_cited = figure_told = 0
    for event in events:
        _CURRENT[:] = [event]
        for i, candidate in enumerate(event.found):
            if not event.facts[i]:
                continue
            by_source: dict[str, list[int]] = {}
            for j, other in enumerate(event.found):
                if other.source != candidate.source:
                    by_source.setdefault(other.source, []).append(j)
            for others in by_source.values():
                possible += any(event.facts[i] & event.facts[j] for j in others)
                taken = [
                    (summary.cosine(candidate.vector, event.found[j].vector), j)
                    for j in others
                    if rule(candidate, event.found[j], float(event.vectors[i] @ event.vectors[j]))
                ]
                if taken:
                    j = max(taken)[1]
                    right += bool(event.facts[i] & event.facts[j])
                    wrong += not event.facts[i] & event.facts[j]
                    if stated := event.facts[i] & event.figures:
                        figure_cited += 1
                        figure_told += stated <= event.facts[j]
    cited = right + wrong
    return Score(
        cited,
        right / cited if cited else 0.0,
        right / possible if possible else 0.0,
        figure_cited,
        figure_told / figure_cited if figure_cited else 0.0,
    )


_CURRENT: list[Event] = []  # the event being scored, for the rules reading its claims


def summary_rule(candidate: summary.Candidate, other: summary.Candidate, _: float) -> bool:
    return bool(summary.backers(candidate, [other]))


def claims_rule(candidate: summary.Candidate, other: summary.Candidate, meaning: float) -> bool:
    """The summary's rule, or a sentence an agreed claim cites surely beside the sentence."""
    return summary_rule(candidate, other, meaning) or claims_only_rule(candidate, other, meaning)


def claims_told_rule(
    candidate: summary.Candidate, other: summary.Candidate, meaning: float
) -> bool:
    """The summary's rule, or a sentence an agreed claim cites surely beside the sentence that
    tells its figures and names no one else (the summary rule's other tests)."""
    return summary_rule(candidate, other, meaning) or (
        claims_only_rule(candidate, other, meaning)
        and summary._tells_figures(candidate, other)
        and not summary._other_people(candidate, other)
    )


def claims_only_rule(candidate: summary.Candidate, other: summary.Candidate, _: float) -> bool:
    """A sentence an agreed claim cites surely beside the sentence."""
    return id(other) in _CURRENT[0].sure_with.get(id(candidate), set())


def words_only_rule(candidate: summary.Candidate, other: summary.Candidate, _: float) -> bool:
    """The summary's rule without its figure test: the words alone."""
    return (
        summary.cosine(candidate.vector, other.vector) >= summary.DEFAULT.cite
        and summary._covered(candidate.vector, other.vector) >= summary.DEFAULT.cite_covered
        and not summary._other_people(candidate, other)
    )


def rules() -> dict[str, Rule]:
    found: dict[str, Rule] = {
        "summary (TF-IDF >= 0.3, covers >= 0.35, figures told)": summary_rule,
        "summary's words alone (TF-IDF >= 0.3, covers >= 0.35)": words_only_rule,
        "agreed claims' sure sentences alone": claims_only_rule,
        "summary, else agreed claims' sure sentences": claims_rule,
        "summary, else agreed claims' sure sentences telling its figures": claims_told_rule,
    }
    found["TF-IDF cosine >= 0.3"] = lambda c, o, _: summary.cosine(c.vector, o.vector) >= 0.3
    for threshold in (0.6, 0.7, 0.8):
        found[f"MiniLM cosine >= {threshold}"] = _minilm(threshold)
    return found


def _minilm(threshold: float) -> Rule:
    def rule(candidate: summary.Candidate, other: summary.Candidate, meaning: float) -> bool:
        return meaning >= threshold

    return rule


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/factalign-dev")
    args = parser.parse_args()
    names = sorted(p.stem for p in (args.data / "events").glob("ecbdev-*.jsonl"))
    events = [load_event(args.data / "events", args.data / "gold", name) for name in names]
    print(f"factalign-dev ECB+ events: {len(events)}")
    print(
        "| rule | citations | share of a gold fact (precision) | recall "
        "| citations of a figure | stating all its figures |"
    )
    print("|---|---|---|---|---|---|")
    for label, rule in rules().items():
        s = score(events, rule)
        print(
            f"| {label} | {s.cited} | {s.precision:.3f} | {s.recall:.3f} "
            f"| {s.figure_cited} | {s.figure_told:.3f} |"
        )


if __name__ == "__main__":
    main()
