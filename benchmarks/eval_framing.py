"""Measure the framing reader.

1. On the project's own annotated sample (tests/fixtures/framing/annotated.jsonl,
   invented sentences): precision and recall per marker kind, matching (kind, text).
2. On NewsWCL50 (../shared/data/newswcl50, read-only): how far ``label`` and
   ``loaded_word`` markers fall on phrases that human annotators marked as word choice,
   and how many annotated GROUP mentions contain a detected label.
3. Speed on the annotated sample and on NewsWCL50 articles.

Usage: .venv/bin/python benchmarks/eval_framing.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

from triangulate.readers.framing import find_framing

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "framing" / "annotated.jsonl"
KINDS = ("scare_quotes", "distancing", "loaded_word", "label")


def evaluate_sample(path: Path, split: str) -> dict[str, dict[str, float]]:
    """Split "dev" holds the sentences written with the lexicon; "heldout" was written after."""
    hits: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    misses: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        item = json.loads(line)
        if item.get("split", "dev") != split:
            continue
        found = Counter(
            (m.kind, m.evidence.text)
            for m in find_framing(item["text"], item["id"], item.get("title"))
        )
        gold = Counter((kind, text) for kind, text in item["expected"])
        for (kind, text), count in found.items():
            predicted[kind] += count
            hits[kind] += min(count, gold[(kind, text)])
            if count > gold[(kind, text)]:
                misses.append(f"  false positive {item['id']}: {kind} {text!r}")
        for (kind, text), count in gold.items():
            expected[kind] += count
            if count > found[(kind, text)]:
                misses.append(f"  missed {item['id']}: {kind} {text!r}")
    print("\n".join(misses))
    scores = {kind: _scores(hits[kind], predicted[kind], expected[kind]) for kind in KINDS}
    scores["all"] = _scores(sum(hits.values()), sum(predicted.values()), sum(expected.values()))
    return scores


def _scores(hit: int, predicted: int, expected: int) -> dict[str, float]:
    return {
        "tp": hit,
        "predicted": predicted,
        "expected": expected,
        "precision": hit / predicted if predicted else float("nan"),
        "recall": hit / expected if expected else float("nan"),
    }


def _norm(text: str) -> str:
    text = re.sub(r"``|''|[\"“”‘’]", "", text.lower())
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s+([,.;:!?'’])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def load_newswcl50(folder: Path) -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """Article texts rebuilt from the CoNLL tokens and annotated mentions per article."""
    tokens: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    conll = folder / "NewsWCL50-prep" / "output_data" / "NewsWCL50.conll"
    for line in conll.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 4 and not line.startswith("#"):
            doc = parts[0].split("/")[-1]
            tokens[doc][int(parts[1])].append(parts[3])
    texts = {
        doc: "\n".join(_detok(words) for _, words in sorted(sentences.items()))
        for doc, sentences in tokens.items()
    }
    mentions: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with (folder / "original" / "Annotations.csv").open(encoding="utf-8-sig") as handle:
        next(handle)
        for row in csv.DictReader(handle):
            doc = f"{row['event_id']}_{row['publisher_id']}"
            mentions[doc].append((row["code_type"], _norm(row["code_mention"])))
    return texts, mentions


def _detok(words: list[str]) -> str:
    text = " ".join(words)
    text = re.sub(r" ([,.;:!?%)])", r"\1", text)
    text = re.sub(r"([($]) ", r"\1", text)
    text = re.sub(r" - ", "-", text)
    return text.replace("`` ", '"').replace(" ''", '"')


def evaluate_newswcl50(folder: Path) -> dict[str, float]:
    texts, mentions = load_newswcl50(folder)
    counts: Counter[str] = Counter()
    elapsed = 0.0
    for doc, text in texts.items():
        annotated = [m for _, m in mentions.get(doc, [])]
        began = time.perf_counter()
        markers = find_framing(text, doc)
        elapsed += time.perf_counter() - began
        detected = {
            kind: [_norm(m.evidence.text) for m in markers if m.kind == kind] for kind in KINDS
        }
        for kind, found in detected.items():
            counts[f"{kind}_found"] += len(found)
            counts[f"{kind}_in_annotation"] += sum(any(f in a for a in annotated) for f in found)
        groups = {m for t, m in mentions.get(doc, []) if t == "GROUP"}
        common = {
            g
            for g in groups
            if not re.search(r"(?:^|\s)(?!the\b)[a-z]*[A-Z]", g) and _is_common(g, text)
        }
        counts["group_mentions"] += len(groups)
        counts["group_hit"] += sum(any(f in g for f in detected["label"]) for g in groups)
        counts["common_group_mentions"] += len(common)
        counts["common_group_hit"] += sum(any(f in g for f in detected["label"]) for g in common)
        counts["words"] += len(text.split())
    counts["docs"] = len(texts)
    result: dict[str, float] = dict(counts)
    result["ms_per_1000_words"] = 1000 * elapsed / max(counts["words"], 1) * 1000
    return result


def _is_common(mention: str, text: str) -> bool:
    """A GROUP mention written without capitals in the article (a label, not a name)."""
    match = re.search(re.escape(mention), text, re.IGNORECASE)
    return bool(match) and not any(ch.isupper() for ch in match.group(0).removeprefix("The "))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    for split in ("dev", "heldout"):
        print(f"== annotated sample {SAMPLE.relative_to(ROOT)} split={split}")
        for kind, scores in evaluate_sample(SAMPLE, split).items():
            print(
                f"{kind:13} tp={scores['tp']:3} predicted={scores['predicted']:3} "
                f"expected={scores['expected']:3} "
                f"P={scores['precision']:.2f} R={scores['recall']:.2f}"
            )
    folder = args.shared / "data" / "newswcl50"
    if not folder.exists():
        print("NewsWCL50 not found; skipped")
        return
    print("== NewsWCL50")
    for key, value in evaluate_newswcl50(folder).items():
        print(f"{key:28} {value:.3f}" if isinstance(value, float) else f"{key:28} {value}")


if __name__ == "__main__":
    main()
