"""Export stored articles as JSONL, CSV or Parquet (the JSONL is also an ingest format)."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

from triangulate.core.files import write_atomically
from triangulate.errors import TriangulateError
from triangulate.models import Article, to_dict
from triangulate.store import queries
from triangulate.store.db import Store

EXPORT_FORMATS = ("jsonl", "csv", "parquet")
FIELDS = (
    "id", "source", "url", "outlet", "title", "authors", "published", "published_inferred",
    "published_how", "language", "words", "content_hash", "duplicate_of", "fully_extracted",
    "text", "removed",
)  # fmt: skip


def article_record(article: Article) -> dict[str, Any]:
    """An article as plain data, in the documented JSONL field order."""
    record = {**to_dict(article), "words": article.words}
    return {field: record[field] for field in FIELDS}


def export_articles(store: Store, fmt: str, out: Path | None) -> None:
    """Write every article to ``out`` (atomically) or to stdout."""
    records = (article_record(a) for a in queries.iter_articles(store))
    if fmt == "parquet":
        data = _parquet(list(records))
    elif fmt == "csv":
        data = _csv(records).encode("utf-8")
    else:
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomically(out, data)


def _csv(records: Any) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS)
    writer.writeheader()
    for record in records:
        record["authors"] = "; ".join(record["authors"])
        record["removed"] = json.dumps(record["removed"], ensure_ascii=False)
        writer.writerow(record)
    return buffer.getvalue()


def _parquet(records: list[dict[str, Any]]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise TriangulateError(
            "parquet export needs pyarrow: pip install 'triangulate[parquet]'"
        ) from error

    for record in records:
        record["removed"] = json.dumps(record["removed"], ensure_ascii=False)
    table = pa.Table.from_pylist(records) if records else pa.table({f: [] for f in FIELDS})
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()
