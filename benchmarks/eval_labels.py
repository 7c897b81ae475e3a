"""How claims are labelled, over ECB+ topics: how many dates carry only the bare "Date",
how many labels are only a kind ("Date", "Figure", "Share (...)"), how many statement labels
are cut with "…"; with ``--list`` every label and the sentence it labels, to read.

No gold: labels are read, not scored; the counts show where a reader meets a bare kind or a
cut sentence. Each topic's articles are compared together, as ``eval_ecbplus_dossier.py``
does (ECB+ train topics by default: the dev topics are the factalign-dev events).

Usage:
  .venv/bin/python benchmarks/eval_labels.py [--topics 1,3,4,6,7,8,9,10,11,13]
      [--data ../shared/data/ecbplus-dev] [--list FILE]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eval_ecbplus_dossier import ecb_article, read_all
from triangulate.compare.claims import BARE_LABELS, compare
from triangulate.models import Claim
from triangulate.nlp.encoder import load_encoder

ROOT = Path(__file__).resolve().parents[1]
TOPICS = "1,3,4,6,7,8,9,10,11,13"


def bare(claim: Claim) -> bool:
    return claim.about in BARE_LABELS or claim.about.startswith("Share (")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--topics", default=TOPICS)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/ecbplus-dev")
    parser.add_argument("--list", type=Path, help="write every label and its sentence here")
    args = parser.parse_args()
    encoder = load_encoder()
    claims: list[Claim] = []
    listed: list[str] = []
    for topic in (int(t) for t in args.topics.split(",")):
        articles = [ecb_article(p) for p in sorted((args.data / "ECB+" / str(topic)).glob("*.xml"))]
        texts = {a.id: a.text for a in articles}
        found = compare(articles, read_all(articles), encoder)
        claims.extend(found)
        for claim in found:
            cited = claim.sides[0].evidence[0]
            sentence = " ".join(texts[cited.article][cited.start : cited.end].split())
            listed.append(f"{topic}\t{claim.kind}\t{claim.status}\t{claim.about}\t{sentence}")
    dates = [c for c in claims if c.kind == "date"]
    statements = [c for c in claims if c.kind == "statement"]
    print(f"topics {args.topics}: {len(claims)} claims")
    print(f"  labels that are only a kind: {sum(bare(c) for c in claims)}")
    print(f'  dates labelled only "Date": {sum(c.about == "Date" for c in dates)} of {len(dates)}')
    cut = sum(c.about.endswith("…") for c in statements)
    print(f'  statement labels cut with "…": {cut} of {len(statements)}')
    if args.list:
        args.list.write_text("\n".join(listed) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
