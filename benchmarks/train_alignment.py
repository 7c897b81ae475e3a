"""Fit the sentence-alignment weights (src/triangulate/data/alignment.json) on ECB+ training
topics, with the product's own readers, statements and pair features.

Data: ECB+ topics 1-35 except the dev topics (2, 5, 12, 18, 21, 23, 34, 35, from which
factalign-dev was built), each topic's two events dealt into groups of at most six articles.
Each group is ingested as a JSONL batch (id, title, text: tokens joined by spaces, one
sentence a line, as in factalign-dev) into an in-memory store, so it is cleaned as at run
time, then read with ``read_many``; ``statements_of`` gives the units and
``compare.align.pair_features`` the features of every pair of units of different sources.
A pair is labelled from the ECB+ coreference of the lines its units cover
(``evaluation.ecbplus.same_fact``); unlabelled pairs are left out. Then
``evaluation.alignment_fit.choose`` picks the L2 strength and the threshold by topic-held-out
cross-validation, and the final weights are fitted on every labelled pair.

Readings are cached per group (keyed by the texts and the source of the reading code) under
--cache, so reruns only fit. Never fitted on factalign-dev: that gold is the measurement.

Usage:
  nice -n 10 .venv/bin/python benchmarks/train_alignment.py              # fit, compare with the shipped file
  nice -n 10 .venv/bin/python benchmarks/train_alignment.py --out w.json # also write the fitted file there
  nice -n 10 .venv/bin/python benchmarks/train_alignment.py --write      # replace the shipped file
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

import triangulate
from triangulate.api import Store
from triangulate.compare.agreements import statement_claims
from triangulate.compare.align import (
    FEATURES,
    Band,
    Model,
    aligned,
    default_model,
    pair_features,
    score_pairs,
    told_similarity,
    told_words,
)
from triangulate.compare.claims import folded_repeats
from triangulate.compare.statements import Statement, statements_of
from triangulate.evaluation.alignment_fit import Choice, choose, fit_logistic, quality_at
from triangulate.evaluation.ecbplus import (
    AnnotatedDocument,
    event_groups,
    line_mentions,
    mentions_within,
    same_fact,
    training_topics,
)
from triangulate.evaluation.scores import PrecisionRecall
from triangulate.models import Article, Reading
from triangulate.nlp.word_vectors import WordVectors, word_vectors
from triangulate.readers.reader import read_many

PACKAGE = Path(triangulate.__file__).resolve().parent
SHIPPED = PACKAGE / "data" / "alignment.json"
BAND_FLOOR = 0.05  # the lowest pair score the band model looks at again
BAND_L2 = 1.0
BAND_THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
DIGITS = 6  # the float32 features differ in the ninth digit from run to run: a rerun writes the same file
# What a cached reading depends on: the reading code and the lists it loads (the verb groups
# are read into every unit's verbs).
READING_CODE = (
    "readers",
    "ingest",
    "core",
    "nlp",
    "models.py",
    "data/verb_groups.json",
    "data/capitals.json",
    "data/framing_lexicon.json",
)
ABOUT = (
    "Sentence-pair alignment: logistic regression over standardised word-based features "
    "(compare/align.py), fitted by benchmarks/train_alignment.py. Data: ECB+ training topics "
    "1-35 except the dev topics 2,5,12,18,21,23,34,35, read by the product's readers; a pair "
    "of statement units of different articles is positive when their lines share a "
    "cross-document event (not only a reporting verb) and at least three coreferent "
    "participants, times, places or objects, negative when they share nothing, left out "
    "otherwise. L2 strength by held-out-topic cross-validation AUC; threshold = the best "
    "held-out F1. Never fitted on the evaluation gold."
)


# ---------------------------------------------------------------- reading, cached


def code_fingerprint() -> str:
    digest = hashlib.sha1()
    for part in READING_CODE:
        path = PACKAGE / part
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def read_group(
    group: Sequence[AnnotatedDocument], cache: Path, fingerprint: str
) -> tuple[list[Article], list[Reading]]:
    """The group's articles as ingested and their readings (from the cache when it has them)."""
    rows = [
        {"id": d.name, "title": d.sentences[0].text if d.sentences else "", "text": d.text}
        for d in group
    ]
    return read_rows(rows, cache, fingerprint)


def read_rows(
    rows: Sequence[dict[str, str]], cache: Path, fingerprint: str
) -> tuple[list[Article], list[Reading]]:
    """Articles given as JSONL rows, ingested and read (from the cache when it has them)."""
    key = hashlib.sha1((fingerprint + json.dumps(rows)).encode("utf-8")).hexdigest()[:16]
    cached = cache / f"{key}.pickle"
    if cached.exists():
        articles, readings = pickle.loads(cached.read_bytes())
        return articles, readings
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "group.jsonl"
        batch.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        with Store(":memory:", workers=1) as store:
            articles = list(store.ingest([str(batch)]))
    readings = read_many(articles)
    cached.write_bytes(pickle.dumps((articles, readings)))
    return articles, readings


# ---------------------------------------------------------------- labelled pairs


def labelled_pairs(
    group: Sequence[AnnotatedDocument],
    articles: Sequence[Article],
    readings: Sequence[Reading],
    features: Sequence[str],
) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of the group's labelled pairs of units of different sources."""
    statements = statements_of(articles, readings)
    mentions = _statement_mentions(group, articles, statements)
    pairs, matrix = pair_features(statements, features)
    labels = [same_fact(mentions[i], mentions[j]) for i, j in pairs.tolist()]
    known = np.array([label is not None for label in labels], dtype=bool)
    y = np.array([bool(label) for label in labels], dtype=np.float64)
    return matrix[known].astype(np.float64), y[known]


def _statement_mentions(
    group: Sequence[AnnotatedDocument], articles: Sequence[Article], statements: list[Statement]
) -> list[Any]:
    texts = {a.id: a.text for a in articles}
    lines = {d.name: line_mentions(d, texts[d.name]) for d in group if d.name in texts}
    return [_mentions(s, lines) for s in statements]


def grouping_counts(
    group: Sequence[AnnotatedDocument],
    articles: Sequence[Article],
    readings: Sequence[Reading],
    model: Model | None = None,
    band: Band | Literal["default"] | None = "default",
) -> tuple[int, int, int]:
    """(right, wrong, positives) of the pairs the agreed claims join, over the group's
    labelled pairs: how the shipped grouping (cliques, near-duplicates, members that state
    nothing of the label) does on the training data, for checking a grouping rule there."""
    statements = statements_of(articles, readings)
    mentions = _statement_mentions(group, articles, statements)
    groups, scores, _ = aligned(statements, model, band)
    where = {(s.article, s.evidence.start): s.index for s in statements}
    joined: set[tuple[int, int]] = set()
    claims = folded_repeats(statement_claims(groups, statements, articles, scores), articles)
    for claim in filter(None, claims):
        members = sorted(
            {where[(e.article, e.start)] for side in claim.sides for e in side.evidence}
        )
        joined |= {(a, b) for k, a in enumerate(members) for b in members[k + 1 :]}
    right = wrong = positives = 0
    for i, j, label in labelled_statement_pairs(statements, mentions):
        positives += label
        if (i, j) in joined:
            right, wrong = right + label, wrong + (not label)
    return right, wrong, positives


def labelled_statement_pairs(
    statements: Sequence[Statement], mentions: Sequence[Any]
) -> Iterator[tuple[int, int, bool]]:
    """(i, j, same fact) of every pair of statements of two sources the gold labels."""
    for i, j in itertools.combinations(range(len(statements)), 2):
        if statements[i].source == statements[j].source:
            continue
        label = same_fact(mentions[i], mentions[j])
        if label is not None:
            yield i, j, label


def band_pairs(
    group: Sequence[AnnotatedDocument],
    articles: Sequence[Article],
    readings: Sequence[Reading],
    model: Model,
    vectors: WordVectors,
) -> tuple[list[tuple[float, float]], list[bool]]:
    """(log-odds, told similarity) and label of the group's labelled pairs scored from the
    band's floor up to the threshold that share a told word: what the band model is fit on."""
    statements = statements_of(articles, readings)
    mentions = _statement_mentions(group, articles, statements)
    told = [told_words(s) for s in statements]
    near = score_pairs(statements, replace(model, threshold=BAND_FLOOR))
    rows, labels = [], []
    for (i, j), score in sorted(near.items()):
        if score >= model.threshold or not told[i] & told[j]:
            continue
        label = same_fact(mentions[i], mentions[j])
        if label is not None:
            similarity = told_similarity(told[i], told[j], vectors)
            rows.append((math.log(score / (1.0 - score)), similarity))
            labels.append(bool(label))
    return rows, labels


def fit_band(
    groups: Sequence[Sequence[AnnotatedDocument]], cache: Path, fingerprint: str, model: Model
) -> dict[str, Any] | None:
    """The band model fitted on the training groups' band pairs; its threshold the one whose
    agreed claims join the training pairs with the best F1 (ties: the higher threshold)."""
    vectors = word_vectors()
    if vectors is None:
        return None
    read = [(g, *read_group(g, cache, fingerprint)) for g in groups]
    rows: list[tuple[float, float]] = []
    labels: list[bool] = []
    for group, articles, readings in read:
        more_rows, more_labels = band_pairs(group, articles, readings, model, vectors)
        rows += more_rows
        labels += more_labels
    fit = fit_logistic(np.array(rows), np.array(labels, dtype=np.float64), BAND_L2)
    best: tuple[float, float] | None = None
    for threshold in BAND_THRESHOLDS:
        band = Band(
            BAND_FLOOR,
            (float(fit.mean[0]), float(fit.mean[1])),
            (float(fit.scale[0]), float(fit.scale[1])),
            (float(fit.weights[0]), float(fit.weights[1])),
            fit.bias,
            threshold,
        )
        counts = [grouping_counts(g, a, r, model, band) for g, a, r in read]
        right, wrong = sum(c[0] for c in counts), sum(c[1] for c in counts)
        quality = PrecisionRecall(
            right / max(1, right + wrong), right / max(1, counts_total(counts))
        )
        print(
            f"  band threshold {threshold:.2f}: agreed claims on the training pairs "
            f"P {quality.precision:.4f} R {quality.recall:.4f} F1 {quality.f1:.4f}"
        )
        if best is None or round(quality.f1, 3) >= round(best[1], 3):
            best = (threshold, quality.f1)
    assert best is not None
    print(f"band: {len(labels)} pairs, {sum(labels)} positive; threshold {best[0]:.2f}")
    return {
        "floor": BAND_FLOOR,
        "features": ["log_odds", "told_similarity"],
        "mean": _rounded(fit.mean),
        "scale": _rounded(fit.scale),
        "weights": _rounded(fit.weights),
        "bias": round(fit.bias, DIGITS),
        "threshold": best[0],
        "pairs": len(labels),
        "positives": sum(labels),
    }


def counts_total(counts: Sequence[tuple[int, int, int]]) -> int:
    return sum(c[2] for c in counts)


def _mentions(statement: Statement, lines: dict[str, Any]) -> Any:
    evidence = statement.evidence
    return mentions_within(lines.get(statement.article, []), evidence.start, evidence.end)


# ---------------------------------------------------------------- report


def weights_json(
    features: Sequence[str], choice: Choice, x: np.ndarray, y: np.ndarray, facts: dict[str, Any]
) -> dict[str, Any]:
    fit = fit_logistic(x, y, choice.l2)
    at = choice.curve[choice.threshold]
    return {
        "about": ABOUT,
        "features": list(features),
        "mean": _rounded(fit.mean),
        "scale": _rounded(fit.scale),
        "weights": _rounded(fit.weights),
        "bias": round(fit.bias, DIGITS),
        "threshold": choice.threshold,
        "trained_on": {
            **facts,
            "scheme": "act_arg3",
            "pairs": len(y),
            "positives": int(y.sum()),
            "l2": choice.l2,
            "l2_cv_auc": {f"{k:g}": round(v, 4) for k, v in choice.auc_by_l2.items()},
            "threshold_rule": choice.threshold_rule,
            "cv_auc": round(choice.auc, 4),
            "cv_at_threshold": {
                "precision": round(at.precision, 4),
                "recall": round(at.recall, 4),
                "f1": round(at.f1, 4),
            },
        },
    }


def _rounded(values: np.ndarray) -> list[float]:
    return [round(float(v), DIGITS) for v in values]


def print_comparison(new: dict[str, Any], old: dict[str, Any]) -> None:
    print(f"{'feature':14s} {'new':>8s} {'shipped':>8s}")
    old_weights = dict(zip(old["features"], old["weights"], strict=True))
    for name, weight in sorted(
        zip(new["features"], new["weights"], strict=True), key=lambda item: -abs(item[1])
    ):
        print(f"{name:14s} {weight:+8.4f} {old_weights.get(name, float('nan')):+8.4f}")
    print(f"{'bias':14s} {new['bias']:+8.4f} {old['bias']:+8.4f}")
    print(f"{'threshold':14s} {new['threshold']:8.2f} {old['threshold']:8.2f}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ecbplus-dev"))
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "triangulate-alignment"
    )
    parser.add_argument("--l2", default="1,10,100,300,1000,3000,10000")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--min-precision", type=float, default=0.8)
    parser.add_argument(
        "--features",
        default="shipped",
        help="'shipped' (the shipped file's), 'all' (every feature compare/align.py computes) "
        "or a comma-separated list",
    )
    parser.add_argument("--out", type=Path, help="write the fitted weights file here")
    parser.add_argument("--write", action="store_true", help="replace the shipped weights file")
    parser.add_argument(
        "--grouping",
        action="store_true",
        help="only print how the agreed claims of the shipped weights and grouping join the "
        "training pairs (pair precision, recall, F1), then stop",
    )
    args = parser.parse_args(argv)
    if not (args.data / "ECB+").is_dir():
        sys.exit(f"no ECB+ under {args.data}")
    args.cache.mkdir(parents=True, exist_ok=True)
    features = _features(args.features)
    topics = training_topics(args.data)
    groups = event_groups(args.data, topics)
    fingerprint = code_fingerprint()
    started = time.perf_counter()
    if args.grouping:
        print_grouping(groups, args.cache, fingerprint)
        return
    xs, ys, ts = [], [], []
    for group in groups:
        articles, readings = read_group(group, args.cache, fingerprint)
        x, y = labelled_pairs(group, articles, readings, features)
        xs.append(x)
        ys.append(y)
        ts.append(np.full(len(y), group[0].topic))
    x, y, t = np.concatenate(xs), np.concatenate(ys), np.concatenate(ts)
    print(
        f"{len(groups)} groups, {sum(len(g) for g in groups)} articles, topics {topics}; "
        f"{len(y)} labelled pairs, {int(y.sum())} positive ({y.mean():.3f}); "
        f"read in {time.perf_counter() - started:.0f} s"
    )
    choice = choose(x, y, t, [float(v) for v in args.l2.split(",")], args.folds, args.min_precision)
    for l2, value in choice.auc_by_l2.items():
        print(f"l2 {l2:8g}: held-out-topic AUC {value:.4f}")
    print(f"l2 chosen: {choice.l2:g}")
    for threshold, quality in choice.curve.items():
        if round(threshold * 100) % 5 == 0 or threshold == choice.threshold:
            print(
                f"  t={threshold:.2f}: held-out P {quality.precision:.3f} "
                f"R {quality.recall:.3f} F1 {quality.f1:.3f}"
            )
    print(f"threshold: {choice.threshold:.2f} ({choice.threshold_rule})")
    facts = {
        "data": "ECB+ train topics (not 2,5,12,18,21,23,34,35), groups of <= 6 articles",
        "topics": topics,
        "groups": len(groups),
        "articles": sum(len(g) for g in groups),
    }
    new = weights_json(features, choice, x, y, facts)
    old = json.loads(SHIPPED.read_text(encoding="utf-8"))
    print_comparison(new, old)
    shipped = file_quality(old, x, y) if old["features"] == new["features"] else "other features"
    print(
        "on every training pair (in-sample), each at its own threshold: "
        f"new {file_quality(new, x, y)}, shipped {shipped}"
    )
    if args.out or args.write:
        fitted = Model(
            features=tuple(new["features"]),
            mean=tuple(new["mean"]),
            scale=tuple(new["scale"]),
            weights=tuple(new["weights"]),
            bias=new["bias"],
            threshold=new["threshold"],
        )
        band = fit_band(groups, args.cache, fingerprint, fitted)
        if band is not None:
            new["band"] = band
    text = json.dumps(new, indent=1) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print("wrote", args.out)
    if args.write:
        SHIPPED.write_text(text, encoding="utf-8")
        print("wrote", SHIPPED)


def print_grouping(
    groups: Sequence[Sequence[AnnotatedDocument]], cache: Path, fingerprint: str
) -> None:
    right = wrong = positives = 0
    for group in groups:
        articles, readings = read_group(group, cache, fingerprint)
        group_right, group_wrong, group_positives = grouping_counts(group, articles, readings)
        right, wrong = right + group_right, wrong + group_wrong
        positives += group_positives
    quality = PrecisionRecall(right / max(1, right + wrong), right / max(1, positives))
    print(
        f"agreed claims on the training pairs (in-sample: the weights were fitted on them): "
        f"P {quality.precision:.3f} R {quality.recall:.3f} F1 {quality.f1:.3f} "
        f"({right} right, {wrong} wrong, {positives} positive pairs)"
    )


def _features(choice: str) -> tuple[str, ...]:
    if choice == "shipped":
        return default_model().features
    if choice == "all":
        return FEATURES
    return tuple(name.strip() for name in choice.split(",") if name.strip())


def file_quality(weights: dict[str, Any], x: np.ndarray, y: np.ndarray) -> str:
    """A weights file's precision and recall on these training pairs at its threshold."""
    mean, scale = np.array(weights["mean"]), np.array(weights["scale"])
    z = ((x - mean) / scale) @ np.array(weights["weights"]) + weights["bias"]
    quality = quality_at(y, 1.0 / (1.0 + np.exp(-z)), weights["threshold"])
    return f"P {quality.precision:.3f} R {quality.recall:.3f} F1 {quality.f1:.3f}"


if __name__ == "__main__":
    main()
