"""Export stored articles as JSONL, CSV or Parquet (the JSONL is also an ingest format).

JSONL and Parquet keep every value as stored (JSONL writes the characters a terminal would
act on as ``\\u`` escapes, the same value to a JSON reader). CSV is for spreadsheets: a text
cell opening like a formula ("=", "+", "-", "@") starts with an apostrophe, so that it is
shown as text, never run.
"""

from __future__ import annotations

import csv
import io
import sys
from datetime import date
from pathlib import Path
from typing import Any

from triangulate.core.files import write_atomically
from triangulate.core.untrusted import json_text, spreadsheet_cell
from triangulate.errors import SettingsError, TriangulateError
from triangulate.models import Article, to_dict
from triangulate.store import queries
from triangulate.store.db import Store

EXPORT_FORMATS = ("jsonl", "csv", "parquet")
FIELDS = (
    "id", "source", "url", "outlet", "outlet_inferred", "title", "authors", "published",
    "published_inferred", "published_how", "language", "words", "content_hash", "duplicate_of",
    "fully_extracted", "text", "removed",
)  # fmt: skip


def article_record(article: Article) -> dict[str, Any]:
    """An article as plain data, in the documented JSONL field order."""
    record = {**to_dict(article), "words": article.words}
    return {field: record[field] for field in FIELDS}


def export_articles(store: Store, fmt: str, out: Path | None) -> None:
    """Write every article to ``out`` (atomically) or to stdout."""
    data = exported(store, fmt)
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomically(out, data)


def exported(store: Store, fmt: str) -> bytes:
    """Every article in ``fmt``, as the bytes of the file."""
    if fmt not in EXPORT_FORMATS:
        raise SettingsError(
            f"unknown export format {fmt!r} (use one of: {', '.join(EXPORT_FORMATS)})"
        )
    records = (article_record(a) for a in queries.iter_articles(store))
    if fmt == "parquet":
        return _parquet(list(records))
    if fmt == "csv":
        return _csv(records).encode("utf-8")
    return "".join(json_text(r, indent=None) + "\n" for r in records).encode("utf-8")


def _csv(records: Any) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS)
    writer.writeheader()
    for record in records:
        record["authors"] = "; ".join(record["authors"])
        record["removed"] = json_text(record["removed"], indent=None)
        writer.writerow(
            {key: spreadsheet_cell(v) if isinstance(v, str) else v for key, v in record.items()}
        )
    return buffer.getvalue()


def parquet_schema() -> Any:
    """The declared Parquet schema: every column keeps its type whatever the data holds
    (an empty store, a column of nulls); ``published`` is a date, ``removed`` a list of
    (line, text, reason) records as in the JSONL."""
    import pyarrow as pa

    text = pa.string()
    columns = {
        "id": text, "source": text, "url": text, "outlet": text, "outlet_inferred": pa.bool_(),
        "title": text, "authors": pa.list_(text), "published": pa.date32(),
        "published_inferred": pa.bool_(), "published_how": text, "language": text,
        "words": pa.int64(), "content_hash": text, "duplicate_of": text,
        "fully_extracted": pa.bool_(), "text": text,
        "removed": pa.list_(
            pa.struct([("line", pa.int64()), ("text", text), ("reason", text)])
        ),
    }  # fmt: skip
    return pa.schema(
        [pa.field(name, kind, nullable=name not in _REQUIRED) for name, kind in columns.items()]
    )


_REQUIRED = {"id", "source", "text", "words", "content_hash", "authors", "removed"}


def _parquet(records: list[dict[str, Any]]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise TriangulateError(
            "parquet export needs pyarrow: pip install 'triangulate[parquet]'"
        ) from error

    for record in records:
        record["published"] = _date(record["published"])
    table = pa.Table.from_pylist(records, schema=parquet_schema())
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def _date(value: str | None) -> date | None:
    """A stored ISO date as a date (None when there is none or it cannot be read)."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
