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
import json
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

import triangulate
from triangulate.api import Store
from triangulate.compare.align import FEATURES, default_model, pair_features
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
from triangulate.models import Article, Reading
from triangulate.readers.reader import read_many

PACKAGE = Path(triangulate.__file__).resolve().parent
SHIPPED = PACKAGE / "data" / "alignment.json"
DIGITS = 6  # the float32 features differ in the ninth digit from run to run: a rerun writes the same file
READING_CODE = ("readers", "ingest", "core", "nlp", "models.py")  # what a cached reading depends on
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
    texts = {a.id: a.text for a in articles}
    lines = {d.name: line_mentions(d, texts[d.name]) for d in group if d.name in texts}
    statements = statements_of(articles, readings)
    mentions = [_mentions(s, lines) for s in statements]
    pairs, matrix = pair_features(statements, features)
    labels = [same_fact(mentions[i], mentions[j]) for i, j in pairs.tolist()]
    known = np.array([label is not None for label in labels], dtype=bool)
    y = np.array([bool(label) for label in labels], dtype=np.float64)
    return matrix[known].astype(np.float64), y[known]


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
    args = parser.parse_args(argv)
    if not (args.data / "ECB+").is_dir():
        sys.exit(f"no ECB+ under {args.data}")
    args.cache.mkdir(parents=True, exist_ok=True)
    features = _features(args.features)
    topics = training_topics(args.data)
    groups = event_groups(args.data, topics)
    fingerprint = code_fingerprint()
    started = time.perf_counter()
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
    text = json.dumps(new, indent=1) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print("wrote", args.out)
    if args.write:
        SHIPPED.write_text(text, encoding="utf-8")
        print("wrote", SHIPPED)


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
