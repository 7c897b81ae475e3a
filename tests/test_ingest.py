"""Ingest from every kind of input into a real SQLite file; bad input never hurts."""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import STORY, WIRE
from triangulate.ingest.ingester import IngestReport, ingest
from triangulate.settings import Settings
from triangulate.store import Store, queries

PAGE = """<!doctype html><html lang="en"><head><title>Portvale strike ends | Harbour Herald</title>
<meta property="og:title" content="Portvale strike ends after nine days">
<meta property="article:published_time" content="2025-03-14T08:00:00Z">
<meta name="author" content="Ilse Varga"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Portvale strike ends after nine days</h1>
<p>Dock workers in the fictional port city of Portvale returned to work on Friday after nine days
on strike, ending a dispute that had left dozens of container ships waiting offshore.</p>
<p>The union said its members had accepted a contract that raises pay by seven percent over two
years, and the port authority said the first ships were already being unloaded.</p>
<p>"This is a fair deal for everyone who keeps this harbour running," union leader Mara Castell
told reporters at the gate of the container terminal.</p></article>
<footer>Copyright 2025 Harbour Herald. All rights reserved.</footer></body></html>"""


def kinds(report: IngestReport) -> list[str]:
    return [event.kind for event in report.events]


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def test_text_file_is_cleaned_and_stored_with_its_file_name_as_id(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    write(tmp_path / "in" / "portvale-strike.txt", STORY)
    report = ingest(store, [str(tmp_path / "in")], settings)
    assert kinds(report) == ["stored"]
    article = queries.get_article(store, "portvale-strike")
    assert "About 1,200 workers joined the strike" in article.text
    assert "Accept cookies" not in article.text
    assert any("cookies" in line.text for line in article.removed)
    assert article.language == "en"
    assert article.content_hash


def test_reingesting_the_same_input_changes_nothing(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    path = write(tmp_path / "story.txt", STORY)
    ingest(store, [str(path)], settings)
    before = queries.article_summaries(store)
    report = ingest(store, [str(path)], settings)
    assert kinds(report) == ["unchanged"]
    assert queries.article_summaries(store) == before


def test_another_text_under_a_stored_name_never_replaces_it(
    tmp_path: Path, store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "one" / "story.txt", STORY)
    write(tmp_path / "two" / "story.txt", WIRE)  # another file, the same relative name
    for folder in ("one", "two"):
        monkeypatch.chdir(tmp_path / folder)
        assert kinds(ingest(store, ["story.txt"], settings)) == ["stored"]
    ids = [row["id"] for row in queries.article_summaries(store)]
    texts = {article_id: queries.get_article(store, article_id).text for article_id in ids}
    assert len(texts) == 2 and texts["story"].startswith("Harbour cranes fall silent")
    (tmp_path / "two" / "story.txt").write_text(WIRE.replace("Shipping agents", "Agents"))
    report = ingest(store, ["story.txt"], settings)  # edited: kept beside the text it had
    assert kinds(report) == ["duplicate"] and len(queries.article_summaries(store)) == 3
    assert kinds(ingest(store, ["story.txt"], settings)) == ["unchanged"]


def test_the_same_text_under_another_name_is_not_stored_twice(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "b.txt", STORY + "\n")
    report = ingest(store, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], settings)
    assert kinds(report) == ["stored", "unchanged"]
    assert len(queries.article_summaries(store)) == 1


def test_a_wire_copy_is_linked_to_its_original(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    copy = WIRE.replace("Shipping agents said", "Agents said")
    write(tmp_path / "wire.txt", WIRE)
    write(tmp_path / "reprint.txt", "Subscribe to our newsletter\n\n" + copy)
    report = ingest(store, [str(tmp_path / "wire.txt"), str(tmp_path / "reprint.txt")], settings)
    assert kinds(report) == ["stored", "duplicate"]
    assert queries.get_article(store, "reprint").duplicate_of == "wire"


def test_html_gzip_and_metadata(tmp_path: Path, store: Store, settings: Settings) -> None:
    write(tmp_path / "strike-ends.html.gz", gzip.compress(PAGE.encode()))
    report = ingest(store, [str(tmp_path / "strike-ends.html.gz")], settings)
    assert kinds(report) == ["stored"]
    article = queries.get_article(store, "strike-ends")
    assert article.published == "2025-03-14"
    assert "seven percent" in article.text
    assert "Home" not in article.text.split()
    assert queries.original(store, "strike-ends")[1] == PAGE.encode()


def test_mis_encoded_text_is_decoded(tmp_path: Path, store: Store, settings: Settings) -> None:
    text = STORY.replace("Mara Castell", "Mara Castéll Ibañez")
    write(tmp_path / "latin.txt", text.encode("cp1252"))
    ingest(store, [str(tmp_path / "latin.txt")], settings)
    assert "Castéll Ibañez" in queries.get_article(store, "latin").text


def test_jsonl_records_and_a_bad_line(tmp_path: Path, store: Store, settings: Settings) -> None:
    good = {"id": "j1", "url": "http://example.invalid/j1", "title": "Port strike",
            "published": "2025-03-12T10:00:00+00:00", "outlet": "Meridian Wire", "text": WIRE}  # fmt: skip
    lines = [json.dumps(good), "{not json", json.dumps({"id": "j2"})]
    write(tmp_path / "dump.jsonl", "\n".join(lines) + "\n")
    report = ingest(store, [str(tmp_path / "dump.jsonl")], settings)
    assert kinds(report) == ["stored", "error", "error"]
    messages = [e.message for e in report.events if e.kind == "error"]
    assert messages[0].startswith(f"{tmp_path / 'dump.jsonl'}:2: is not valid JSON")
    assert "has no 'text' or 'html'" in messages[1]
    article = queries.get_article(store, "j1")
    assert (article.outlet, article.published, article.published_how) == (
        "Meridian Wire",
        "2025-03-12",
        "given",
    )


def test_jsonl_fields_of_the_wrong_kind_are_left_out(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    odd = {"id": 42, "title": ["a", "b"], "outlet": False, "published": -5, "text": WIRE}
    endless = {"id": "e1", "title": float("nan"), "outlet": float("inf"), "published": "5.",
               "text": WIRE.replace("Port", "Harbour")}  # fmt: skip
    lines = [json.dumps(odd), json.dumps(endless)]  # NaN and Infinity: JSON Python accepts
    write(tmp_path / "odd.jsonl", "\n".join(lines) + "\n")
    assert kinds(ingest(store, [str(tmp_path / "odd.jsonl")], settings)) == ["stored", "stored"]
    article = queries.get_article(store, "42")
    assert article.title != "['a', 'b']" and article.outlet != "False"
    assert article.published_how != "given"  # "-5" is no date (the parser made it this month's 5th)
    other = queries.get_article(store, "e1")
    assert other.title != "nan" and other.outlet != "inf" and other.published_how != "given"


def test_a_title_or_outlet_of_thousands_of_characters_is_cut_and_told(
    tmp_path: Path, store: Store, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    record = {"id": "t1", "title": "Harbour wall " * 10_000, "outlet": "Wire " * 200, "text": WIRE}
    write(tmp_path / "long.jsonl", json.dumps(record) + "\n")
    assert kinds(ingest(store, [str(tmp_path / "long.jsonl")], settings)) == ["stored"]
    article = queries.get_article(store, "t1")
    assert article.title is not None and article.outlet is not None
    assert len(article.title) <= 500 and article.title.endswith("wall…")
    assert article.title.startswith("Harbour wall Harbour wall")
    assert len(article.outlet) <= 500 and article.outlet.endswith("Wire…")
    assert f"{tmp_path / 'long.jsonl'}:1: a title of 130,000 characters, cut to" in caplog.text
    assert "an outlet of 1,000 characters, cut to" in caplog.text


def test_an_id_that_is_a_step_of_a_path_or_a_twins_name_is_stored_with_underscores(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    records = [{"id": ".", "text": WIRE}, {"id": "..", "text": STORY}, {"id": "...", "text": PAGE}]
    write(tmp_path / "dots.jsonl", "\n".join(map(json.dumps, records)) + "\n")
    write(tmp_path / "brief.json.txt", WIRE.replace("Portvale", "Harbourton"))
    report = ingest(
        store, [str(tmp_path / "dots.jsonl"), str(tmp_path / "brief.json.txt")], settings
    )
    # "..." is no step of a path; "brief.json" would name the JSON twin of "brief"'s page
    assert sorted(report.article_ids) == ["...", "_", "__", "brief_json"]


def test_an_empty_path_is_refused_not_read_as_the_working_folder(
    tmp_path: Path, store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "here.txt", STORY)
    monkeypatch.chdir(tmp_path)
    report = ingest(store, ["", "  "], settings)
    assert kinds(report) == ["error", "error"]
    assert all("is an empty path" in e.message for e in report.events)
    assert queries.article_count(store) == 0


def test_bad_inputs_each_get_one_line_and_the_batch_goes_on(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    write(tmp_path / "ok.txt", STORY)
    ingest(store, [str(tmp_path / "ok.txt")], settings)
    empty = write(tmp_path / "empty.txt", "")
    binary = write(tmp_path / "blob.txt", bytes(range(256)) * 20)
    huge = write(tmp_path / "huge.txt", "word " * 5000)
    good = write(tmp_path / "wire.txt", WIRE)
    small = settings.with_(max_input_bytes=20_000)
    inputs = [str(empty), str(binary), str(huge), str(tmp_path / "missing.txt"), str(good)]
    report = ingest(store, inputs, small)
    assert kinds(report) == ["error", "error", "error", "error", "stored"]
    messages = [e.message for e in report.events[:4]]
    for path, message in zip(inputs, messages, strict=False):
        assert message.startswith(path + ":")
        assert "\n" not in message
    assert {row["id"] for row in queries.article_summaries(store)} == {"ok", "wire"}


def test_globs_and_hidden_files(tmp_path: Path, store: Store, settings: Settings) -> None:
    write(tmp_path / "a" / "one.txt", STORY)
    write(tmp_path / "a" / ".hidden.txt", WIRE)
    write(tmp_path / "b" / "two.txt", WIRE)
    report = ingest(store, [str(tmp_path / "*" / "*.txt")], settings)
    assert sorted(e.article or "" for e in report.events) == ["one", "two"]


def warc_bytes(records: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, body in records:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def test_warc_records_and_a_broken_tail(tmp_path: Path, store: Store, settings: Settings) -> None:
    other = f"<html><body><article><h1>Lindmouth ferry resumes</h1><p>{WIRE}</p></article></body></html>"
    data = warc_bytes([("http://example.invalid/a", PAGE.encode()),
                       ("http://example.invalid/b", other.encode())])  # fmt: skip
    write(tmp_path / "crawl.warc.gz", data)
    report = ingest(store, [str(tmp_path / "crawl.warc.gz")], settings)
    assert kinds(report) == ["stored", "stored"]
    write(tmp_path / "broken.warc.gz", data[: len(data) - 200])
    broken = ingest(store, [str(tmp_path / "broken.warc.gz")], settings)
    assert "error" in kinds(broken) or kinds(broken) == ["unchanged"]
    assert len(queries.article_summaries(store)) == 2


def one_stream_warc(count: int) -> bytes:
    """``count`` pages in a WARC gzip-compressed as one stream (not one member a record)."""
    bodies = [PAGE] + [f"<html><body><article><p>{text}</p></article></body></html>"
                       for text in (WIRE, STORY)]  # fmt: skip
    pages = [(f"http://example.invalid/{n}", bodies[n % 3].encode()) for n in range(count)]
    plain = io.BytesIO()
    writer = WARCWriter(plain, gzip=False)
    for url, body in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    return gzip.compress(plain.getvalue())


def test_a_one_stream_warc_cut_short_keeps_its_whole_records(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    from triangulate.errors import InputError
    from triangulate.ingest.inputs import documents_from_bytes

    cut = one_stream_warc(3)[:-30]  # the end of the third record and the gzip trailer lost
    report = ingest(store, [str(write(tmp_path / "cut.warc.gz", cut))], settings)  # streamed
    assert kinds(report) == ["stored", "stored", "error"]
    assert report.events[2].source.endswith("cut.warc.gz#3")
    assert "is a truncated WARC record" in report.events[2].message
    # an upload, held in memory: it was refused whole as "not valid gzip"
    items = list(documents_from_bytes("cut.warc.gz", cut, settings))
    assert [type(item).__name__ for item in items] == ["RawDocument", "RawDocument", "InputError"]
    assert isinstance(items[2], InputError) and "truncated" in str(items[2])


def test_a_warc_in_memory_is_inflated_only_to_the_size_limit(settings: Settings) -> None:
    from triangulate.errors import InputError
    from triangulate.ingest.inputs import documents_from_bytes

    data = one_stream_warc(3)
    small = settings.with_(max_input_bytes=len(gzip.decompress(data)) // 2)
    items = list(documents_from_bytes("crawl.warc.gz", data, small))
    errors = [str(item) for item in items if isinstance(item, InputError)]
    assert 1 <= len(items) - len(errors) < 3  # the records before the limit
    assert errors[-1] == (
        f"crawl.warc.gz: inflates past the size limit of {small.max_input_bytes:,} bytes"
        " (raise --max-bytes)"
    )


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Herald</title>
<item><title>Portvale strike ends</title><link>http://example.invalid/strike</link>
<pubDate>Fri, 14 Mar 2025 08:00:00 GMT</pubDate>
<description><![CDATA[<p>Dock workers in the fictional port city of Portvale returned to work on
Friday after nine days on strike, ending a dispute that left ships waiting offshore.</p>
<p>The union said its members accepted a contract raising pay by seven percent.</p>]]></description>
</item></channel></rss>"""


def test_rss_feed(tmp_path: Path, store: Store, settings: Settings) -> None:
    write(tmp_path / "feed.xml", FEED)
    report = ingest(store, [str(tmp_path / "feed.xml")], settings)
    assert kinds(report) == ["stored"]
    article = queries.get_article(store, report.article_ids[0])
    assert (article.outlet, article.published, article.url) == (
        "Harbour Herald",
        "2025-03-14",
        "http://example.invalid/strike",
    )
    assert article.fully_extracted is False  # only a summary was in the feed


def test_urls_from_a_local_server(
    http_root: tuple[str, Path], store: Store, settings: Settings
) -> None:
    base, root = http_root
    write(root / "strike.html", PAGE)
    quick = settings.with_(fetch_retries=0, fetch_timeout=5.0)
    report = ingest(store, [f"{base}/strike.html", f"{base}/missing.html"], quick)
    assert kinds(report) == ["stored", "error"]
    assert report.events[1].message.startswith(f"{base}/missing.html: server answered 404")
    article = queries.get_article(store, report.article_ids[0])
    assert article.url == f"{base}/strike.html"
    assert (article.outlet or "").startswith("127.0.0.1")


def test_unreachable_url_is_one_error(store: Store, settings: Settings) -> None:
    quick = settings.with_(fetch_retries=1, fetch_timeout=2.0)
    report = ingest(store, ["http://127.0.0.1:9/nothing"], quick)
    assert kinds(report) == ["error"]
    assert "cannot connect" in report.events[0].message


@pytest.mark.parametrize("workers", [1, 2])
def test_pool_and_in_process_give_the_same_articles(tmp_path: Path, workers: int) -> None:
    for number in range(6):
        page = PAGE.replace("nine days", f"{number + 2} days").replace("seven", f"{number + 3}")
        write(tmp_path / "pages" / f"p{number}.html", page)
    settings = Settings(db_path=tmp_path / f"w{workers}.db", workers=workers)
    from triangulate.store import open_store

    with open_store(settings.db) as store:
        ingest(store, [str(tmp_path / "pages")], settings)
        texts = [a.text for a in queries.iter_articles(store)]
    assert len(texts) == 6
    assert all("days on strike" in text for text in texts)


def stored_rows(db: Path) -> list[tuple[object, ...]]:
    """Every article row (but its ingest time) and every original, in the order stored."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(articles)")]
        kept = ", ".join(c for c in columns if c != "ingested_at")
        rows = conn.execute(f"SELECT {kept} FROM articles ORDER BY rowid").fetchall()
        rows += conn.execute("SELECT * FROM originals ORDER BY rowid").fetchall()
        return rows


def test_a_bad_page_among_good_ones_and_writes_of_any_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two workers, pages stored in writes of one page each or all together: one line for the
    bad page, the others stored, the same rows in the same order, and each article told as
    stored only once another connection can read it."""
    from triangulate.ingest import ingester
    from triangulate.store import open_store

    towns = ["Portvale", "Lindmouth", "Eastbay", "Corran", "Halden", "Merrow", "Tessel"]
    for number, town in enumerate(towns):
        body = " ".join(
            f"<p>{town} council meeting {n} on item {n * number}.</p>" for n in range(40)
        )
        write(
            tmp_path / "pages" / f"p{number}.html",
            f"<html><body><article>{body}</article></body></html>",
        )
    write(tmp_path / "pages" / "p3.html", b"\x00\x01 not a page \xff" * 50)
    stores = []
    for write_bytes in (1, 1 << 30):
        monkeypatch.setattr(ingester, "WRITE_BYTES", write_bytes)
        settings = Settings(db_path=tmp_path / f"writes-{write_bytes}.db", workers=2)
        readable: list[bool] = []

        def committed(
            event: ingester.IngestEvent, db: Path = settings.db, seen: list[bool] = readable
        ) -> None:
            if event.kind == "stored":
                with open_store(db) as reader:
                    seen.append(queries.article_exists(reader, event.article or ""))

        with open_store(settings.db) as store:
            report = ingest(store, [str(tmp_path / "pages")], settings, committed)
        assert kinds(report) == ["stored"] * 3 + ["error"] + ["stored"] * 3
        assert report.events[3].message.startswith(str(tmp_path / "pages" / "p3.html"))
        assert readable == [True] * 6
        stores.append(stored_rows(settings.db))
    assert len(stores[0]) == 12 and stores[0] == stores[1]


def council_page(number: int, town: str) -> str:
    body = " ".join(f"<p>{town} council meeting {n} on item {n * number}.</p>" for n in range(40))
    return f"<html><body><article>{body}</article></body></html>"


@pytest.mark.parametrize("bad", [2, 10])  # among the pages sent early, or in a later chunk
def test_a_bad_page_among_pages_sent_to_the_workers_as_soon_as_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bad: int
) -> None:
    """A batch opening with pages: one line for the bad page, wherever it is, the rest stored."""
    from triangulate.ingest import ingester
    from triangulate.store import open_store

    monkeypatch.setattr(ingester, "CHUNK", 5)
    monkeypatch.setattr(ingester, "EARLY_PAGES", 3)
    towns = ["Portvale", "Lindmouth", "Eastbay", "Corran", "Halden", "Merrow", "Tessel"]
    for number in range(12):
        page = council_page(number, towns[number % len(towns)] + str(number))
        write(tmp_path / "pages" / f"p{number:02d}.html", page)
    write(tmp_path / "pages" / f"p{bad:02d}.html", b"\x00\x01 not a page \xff" * 50)
    settings = Settings(db_path=tmp_path / "early.db", workers=2)
    with open_store(settings.db) as store:
        report = ingest(store, [str(tmp_path / "pages")], settings)
        stored = {row["id"] for row in queries.article_summaries(store)}
    assert kinds(report) == ["stored"] * bad + ["error"] + ["stored"] * (11 - bad)
    assert report.events[bad].message.startswith(str(tmp_path / "pages" / f"p{bad:02d}.html"))
    assert stored == {f"p{number:02d}" for number in range(12) if number != bad}


def test_the_same_rows_whether_the_first_pages_go_early_or_with_their_chunk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages sent to the workers as soon as read leave the chunks as they were: plain texts
    after them are counted in the boilerplate memory with the same texts either way."""
    from triangulate.ingest import ingester
    from triangulate.store import open_store

    for number in range(4):
        write(tmp_path / "in" / f"a{number}.html", council_page(number, f"Corran{number}"))
    for number in range(6):
        text = (
            f"Halden ferry timetable changes {number}\n\n"
            f"The Halden ferry will leave at {number + 6} o'clock from the north pier, the"
            f" operator said on day {number}.\n\nHalden Ferry Desk\n"
        )
        write(tmp_path / "in" / f"t{number}.txt", text)
    # "Halden Ferry Desk" is dropped from a text once three texts of the chunks counted so far
    # hold it: from the third text on if the first chunk holds four pages and two texts
    monkeypatch.setattr(ingester, "CHUNK", 6)
    stores = []
    for early in (2, 100):  # the first two pages early; none early
        monkeypatch.setattr(ingester, "EARLY_PAGES", early)
        settings = Settings(db_path=tmp_path / f"early-{early}.db", workers=2)
        with open_store(settings.db) as store:
            report = ingest(store, [str(tmp_path / "in")], settings)
        assert kinds(report) == ["stored"] * 10
        with open_store(settings.db) as store:
            kept = [
                "Halden Ferry Desk" in queries.get_article(store, f"t{n}").text for n in range(6)
            ]
        assert kept == [True, True, False, False, False, False]
        stores.append(stored_rows(settings.db))
    assert stores[0] == stores[1]


def test_an_earlier_published_copy_becomes_the_original(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    later = {"id": "reprint", "published": "2025-03-13", "outlet": "Eastbay Gazette",
             "text": WIRE.replace("Shipping agents said", "Agents said")}  # fmt: skip
    earlier = {"id": "wire", "published": "2025-03-12", "outlet": "Meridian Wire", "text": WIRE}
    write(tmp_path / "late.jsonl", json.dumps(later) + "\n")
    write(tmp_path / "early.jsonl", json.dumps(earlier) + "\n")
    ingest(store, [str(tmp_path / "late.jsonl")], settings)
    report = ingest(store, [str(tmp_path / "early.jsonl")], settings)
    assert kinds(report) == ["stored"]
    assert queries.get_article(store, "reprint").duplicate_of == "wire"
    assert queries.get_article(store, "wire").duplicate_of is None


def test_the_duplicate_index_keeps_a_window_of_recent_articles() -> None:
    from triangulate.ingest import dedupe

    index = dedupe.DuplicateIndex(threshold=0.8, window=2)
    index.add("oldest", dedupe.signature(WIRE))
    index.add("b", dedupe.signature(STORY))
    assert index.original_of("copy", dedupe.signature(WIRE)) == "oldest"
    index.add("c", dedupe.signature(STORY + " More news followed later that day."))
    assert index.original_of("copy", dedupe.signature(WIRE)) is None  # fell out of the window


def test_a_date_guessed_from_the_page_text_is_marked_inferred(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    page = (
        "<html><head><title>Ferry resumes</title></head><body><article><h1>Ferry resumes</h1>"
        "<p>The ferry between the fictional towns of Lindmouth and Portvale resumed service, "
        "the operator said, after repairs that began on 3 March 2019 took longer than planned "
        "because parts had to be shipped from abroad.</p><p>Passengers welcomed the return of "
        "the crossing, which had been the only direct link between the two towns.</p>"
        "</article></body></html>"
    )
    write(tmp_path / "ferry.html", page)
    ingest(store, [str(tmp_path / "ferry.html")], settings)
    article = queries.get_article(store, "ferry")
    assert (article.published, article.published_how) == ("2019-03-03", "htmldate-guess")
    assert article.published_inferred


def test_a_prepared_article_comes_back_from_a_worker_whole() -> None:
    """What a worker sends back (as plain tuples) is the same record, removed lines and all."""
    import pickle

    from triangulate.ingest.prepare import Prepared
    from triangulate.models import Article, RemovedLine

    article = Article(
        id="a", source="in/a.txt", text="The council voted.", outlet="Harbour Herald",
        title="Vote", authors=("Ilse Varga",), published="2025-03-14", published_inferred=True,
        published_how="dateline", language="en", url="https://example.org/a",
        removed=(RemovedLine(0, "Menu", "menu"), RemovedLine(3, "Share", "share-widget")),
        content_hash="abc", duplicate_of="b", fully_extracted=False, outlet_inferred=True,
    )  # fmt: skip
    prepared = Prepared(article, b"\x01\x02")
    back = pickle.loads(pickle.dumps(prepared))
    assert back == prepared and isinstance(back.article.removed[0], RemovedLine)


def test_texts_prepared_in_workers_are_stored_as_in_one_process(tmp_path: Path) -> None:
    import random

    for number in range(12):  # the story's long lines shuffled: no text a copy of another
        rng = random.Random(number)
        lines = [line.split() for line in STORY.splitlines()]
        for words in lines:
            if len(words) > 12:
                rng.shuffle(words)
        body = "\n".join(" ".join(words) for words in lines)
        write(tmp_path / "texts" / f"t{number}.txt", f"Home | World | Sport\n{body}\nShare this\n")
    rows = []
    for workers in (1, 2):
        settings = Settings(db_path=tmp_path / f"w{workers}.db", workers=workers)
        from triangulate.store import open_store

        with open_store(settings.db) as store:
            assert kinds(ingest(store, [str(tmp_path / "texts")], settings)) == ["stored"] * 12
            removed = store.conn.execute("SELECT * FROM removed_lines ORDER BY rowid").fetchall()
        rows.append((stored_rows(settings.db), [tuple(row) for row in removed]))
    assert rows[0] == rows[1] and rows[0][1]


@pytest.mark.parametrize(
    "data",
    [
        b"Portvale docks reopen.\nThe strike is over.",
        "Café owners in Portvale welcomed the deal.".encode("cp1252"),
        b"\xff\xfe" + "Portvale \ud800 docks".encode("utf-16-le", "surrogatepass"),
        b"\x00\x01\x02 binary",
    ],
)
def test_a_document_is_decoded_and_handed_over_as_a_replace_would(
    tmp_path: Path, store: Store, settings: Settings, data: bytes
) -> None:
    """The copies made without making every field storable again equal ``replace``'s."""
    from triangulate.ingest.decode import decode_text
    from triangulate.ingest.ingester import Ingester, IngestEvent, _for_worker
    from triangulate.ingest.inputs import RawDocument

    document = RawDocument(str(tmp_path / "bad\udcff name.txt"), data, "text", id="a\x01b")
    decoded = Ingester(store, settings)._decoded(document)
    if isinstance(decoded, IngestEvent):
        assert decoded.kind == "error"
        return
    assert decoded == dataclasses.replace(document, text=decode_text(data, document.source))
    assert decoded.source.endswith("bad\ufffd name.txt") and decoded.id == "a_b"
    assert _for_worker(decoded) == dataclasses.replace(decoded, data=b"")
    assert _for_worker(decoded).text == decoded.text and decoded.data == data
