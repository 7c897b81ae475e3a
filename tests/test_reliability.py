"""Nothing lost, nothing hangs: errors cross processes, a bad item fails alone, every input is
bounded, every item of a folder is attempted, and the answers are right (dates, encodings)."""

from __future__ import annotations

import gc
import importlib
import inspect
import json
import os
import pickle
import pkgutil
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

import triangulate
from hostile_corpus import HostileServer, good_article
from processes import alive
from triangulate.errors import InputError, LimitError
from triangulate.ingest.ingester import IngestReport, ingest, map_in_groups
from triangulate.readers.published import iso_date
from triangulate.runners.local import LazyPool
from triangulate.settings import Settings
from triangulate.store import Store, open_store, queries

TRIANGULATE = [sys.executable, "-m", "triangulate"]


def kinds(report: IngestReport) -> list[str]:
    return [event.kind for event in report.events]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- errors cross process boundaries ------------------------------------------------------------


def named_exceptions() -> list[type[BaseException]]:
    """Every exception class the package defines, in any module."""
    found: dict[str, type[BaseException]] = {}
    for module in pkgutil.walk_packages(triangulate.__path__, "triangulate."):
        if module.name in ("triangulate.__main__", "triangulate.runners.ray"):
            continue  # runs the command line; needs Ray
        loaded = importlib.import_module(module.name)
        for _, value in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(value, BaseException) and value.__module__ == loaded.__name__:
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


def example_arguments(kind: type[BaseException]) -> tuple[Any, ...]:
    parameters = list(inspect.signature(kind.__init__).parameters.values())[1:]
    values: list[Any] = []
    for parameter in parameters:
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if parameter.default is not parameter.empty and len(values) >= 2:
            break
        annotation = str(parameter.annotation)
        values.append(2.5 if "float" in annotation else f"{parameter.name} of {kind.__name__}")
    return tuple(values) or (f"a {kind.__name__}",)


def raise_it(kind: type[BaseException], arguments: tuple[Any, ...]) -> None:
    raise kind(*arguments)


def test_the_package_defines_the_exceptions_this_test_expects() -> None:
    names = {kind.__name__ for kind in named_exceptions()}
    assert {"InputError", "FetchError", "LimitError", "StoreError", "ItemTimeLimit"} <= names


@pytest.mark.parametrize("kind", named_exceptions(), ids=lambda kind: kind.__qualname__)
def test_every_named_exception_comes_back_from_a_worker_intact(kind: type[BaseException]) -> None:
    arguments = example_arguments(kind)
    expected = kind(*arguments)
    with ProcessPoolExecutor(1) as pool:
        error = pool.submit(raise_it, kind, arguments).exception()
    assert type(error) is kind
    assert str(error) == str(expected)
    assert vars(error) == vars(expected)
    assert vars(pickle.loads(pickle.dumps(expected))) == vars(expected)


# --- a worker that dies or hangs costs its own item ---------------------------------------------


def kill_on_five(item: int) -> int:
    if item == 5:
        os.kill(os.getpid(), signal.SIGKILL)
    return item * 10


def sleep_on_three(item: int) -> int:
    if item == 3:
        time.sleep(60)
    return item


def deaf_on_two(item: int) -> int:
    """Blocks the timer signal, as code stuck outside Python would not answer it."""
    if item == 2:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    return item


def failed(item: int, reason: str) -> str:
    return f"failed {item}: {reason}"


def test_an_item_that_kills_its_worker_fails_alone() -> None:
    with LazyPool(2, time_limit=30) as pool:
        results = list(pool.map(kill_on_five, list(range(10)), failed))
        again = list(pool.map(kill_on_five, [1, 2, 3, 4], failed))
    assert results[:5] == [0, 10, 20, 30, 40] and results[6:] == [60, 70, 80, 90]
    assert results[5] == "failed 5: its worker process was killed by SIGKILL (often: out of memory)"
    assert again == [10, 20, 30, 40]


def raise_on_five(item: int) -> int:
    if item == 5:
        raise OverflowError("date value out of range")
    return item * 10


@pytest.mark.parametrize("workers", [1, 2], ids=["in process", "on the pool"])
def test_an_item_whose_step_raises_fails_alone_on_either_path(workers: int) -> None:
    numbers = list(range(10))
    with LazyPool(workers, time_limit=30) as pool:
        assert pool.uses_processes(len(numbers)) == (workers > 1)
        results = list(pool.map(raise_on_five, numbers, failed))
        with pytest.raises(OverflowError):  # no failure handler: raised as it was
            list(pool.map(raise_on_five, numbers))
    told = "failed 5: stopped on an error (OverflowError: date value out of range)"
    assert results == [told if n == 5 else n * 10 for n in numbers]


def test_an_item_that_kills_its_worker_in_a_group_fails_alone() -> None:
    """Items sent to the workers in groups: the group is run again item by item."""
    with LazyPool(2, time_limit=30) as pool:
        grouped = map_in_groups(pool, kill_on_five, list(range(10)), failed, lambda n: n != 8, 4)
        results = list(grouped)
    assert results[:5] == [0, 10, 20, 30, 40] and results[6:] == [60, 70, 80, 90]
    assert results[5] == "failed 5: its worker process was killed by SIGKILL (often: out of memory)"


def wait_for_flag(item: tuple[int, str]) -> str:
    """Item 3 waits until its caller has seen the first result (the flag file exists)."""
    number, flag = item
    while number == 3 and not os.path.exists(flag):
        time.sleep(0.05)
    return str(number * 10)


def flag_failed(item: tuple[int, str], reason: str) -> str:
    return f"failed {item[0]}: {reason}"


def test_results_come_out_while_later_items_still_run(tmp_path: Path) -> None:
    """The first result is handed over before the last item is done: here the last item
    finishes only once the caller has the first (were the results held back until all are
    in, it would wait until its time limit)."""
    flag = str(tmp_path / "first-result-seen")
    with LazyPool(2, time_limit=20) as pool:
        results = pool.map(wait_for_flag, [(n, flag) for n in range(4)], flag_failed)
        first = next(results)
        Path(flag).touch()
        rest = list(results)
    assert [first, *rest] == ["0", "10", "20", "30"]


def frozen_objects(_: int) -> int:
    return gc.get_freeze_count()


def test_workers_leave_what_they_inherit_out_of_garbage_collection() -> None:
    with LazyPool(2) as pool:
        counts = list(pool.map(frozen_objects, list(range(4))))
    assert min(counts) > 0  # the parent's objects, frozen in each worker


@pytest.mark.parametrize("workers", [1, 2])
def test_an_item_over_the_time_limit_fails_alone(workers: int) -> None:
    # a limit a busy machine's process start-up cannot reach; the item sleeps far longer
    with LazyPool(workers, minimum_items=2, time_limit=5) as pool:
        results = list(pool.map(sleep_on_three, [1, 2, 3, 4], failed))
    assert results == [1, 2, "failed 3: took longer than the time limit of 5 s", 4]


def test_in_a_threaded_server_items_are_bounded_in_their_own_process() -> None:
    """A web job runs in a thread, where no timer signal can reach: each item then runs in a
    worker process of its own (started by a fork server) and keeps its time limit."""
    results: list[object] = []

    def job() -> None:
        with LazyPool(1, time_limit=5, isolate=True) as pool:
            results.extend(pool.map(sleep_on_three, [3, 4], failed))

    thread = threading.Thread(target=job)
    thread.start()
    thread.join()
    assert results == ["failed 3: took longer than the time limit of 5 s", 4]


def test_a_worker_deaf_to_the_timer_is_killed(monkeypatch: pytest.MonkeyPatch) -> None:
    import triangulate.runners.local as local

    monkeypatch.setattr(local, "HARD_LIMIT_GRACE", 1.0)
    with LazyPool(2, time_limit=1) as pool:
        results = list(pool.map(deaf_on_two, [1, 2, 3, 4], failed))
    assert results == [1, "failed 2: took longer than the time limit of 1 s", 3, 4]


PARENT = """
import os, sys, time
from triangulate.runners.local import LazyPool

def pid(_):
    time.sleep(0.5)
    return os.getpid()

pool = LazyPool(2)
print(" ".join(str(p) for p in set(pool.map(pid, list(range(8))))), flush=True)
time.sleep(600)
"""


def test_workers_end_when_their_parent_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert workers and all(alive(pid) for pid in workers)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 30  # the watch looks once a second; a loaded machine is slow
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in workers)


# --- every item of a batch is attempted, on the pool --------------------------------------------


def test_a_line_failing_in_a_worker_among_good_ones_on_a_pool(tmp_path: Path) -> None:
    """The worker's InputError comes back whole (it used to break the pool, losing all)."""
    lines = [json.dumps({"id": f"good-{n}", "text": good_article(n)[1]}) for n in range(12)]
    lines.insert(6, json.dumps({"id": "nothing", "text": "Subscribe to our newsletter"}))
    path = write(tmp_path / "batch.jsonl", "\n".join(lines))
    settings = Settings(db_path=tmp_path / "s.db", workers=2)
    with open_store(settings.db) as store:
        report = ingest(store, [str(path)], settings)
        stored = {row["id"] for row in queries.article_summaries(store)}
    assert stored == {f"good-{n}" for n in range(12)}
    errors = [event for event in report.events if event.kind == "error"]
    assert [event.source for event in errors] == [f"{path}:7"]
    assert "no article text left" in errors[0].message


def test_a_folder_with_bad_first_middle_and_last_files(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    folder = tmp_path / "in"
    write(folder / "a-first.txt", "")
    write(folder / "m-middle.txt", bytes(range(256)) * 20)
    write(folder / "z-last.html", "<html><body><script>var a = 1;</script></body></html>")
    for name in ("b", "c", "n", "o"):
        write(folder / f"{name}.txt", good_article(ord(name))[1])
    report = ingest(store, [str(folder)], settings)
    assert kinds(report) == ["error", "stored", "stored", "error", "stored", "stored", "error"]
    assert report.events[-1].message.startswith(f"{folder / 'z-last.html'}: no main text")
    assert {row["id"] for row in queries.article_summaries(store)} == {"b", "c", "n", "o"}


def test_a_glob_attempts_every_match(tmp_path: Path, store: Store, settings: Settings) -> None:
    write(tmp_path / "g1.txt", "")
    write(tmp_path / "g2.txt", good_article(1)[1])
    write(tmp_path / "g3.txt", b"\x00\x01" * 100)
    write(tmp_path / "g4.txt", good_article(2)[1])
    report = ingest(store, [str(tmp_path / "g*.txt")], settings)
    assert kinds(report) == ["error", "stored", "error", "stored"]


# --- bounded reading ----------------------------------------------------------------------------


def test_a_pipe_nobody_writes_to_ends_at_the_stream_timeout(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    report = ingest(store, [str(fifo)], settings.with_(stream_timeout=1.0))
    assert report.events[0].message == f"{fifo}: did not end within 1 s (raise --stream-timeout)"


def test_a_pipe_is_read_within_the_size_limit(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    writer = subprocess.Popen(
        [sys.executable, "-c", f"open({str(fifo)!r}, 'wb').write(b'word ' * 3_000_000)"]
    )
    report = ingest(store, [str(fifo)], settings.with_(max_input_bytes=1_000_000))
    writer.wait(timeout=30)
    assert (
        kinds(report) == ["error"]
        and "over the size limit of 1,000,000" in report.events[0].message
    )


def test_devices_are_refused_even_through_a_symlink(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    report = ingest(store, [str(tmp_path / "zero.txt"), "/dev/urandom"], settings)
    assert [e.message.split(": ", 1)[1] for e in report.events] == [
        "is a device (give files, folders, URLs or - for stdin)"
    ] * 2


def test_dev_stdin_is_bounded_by_the_size_limit(tmp_path: Path) -> None:
    producer = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdout.buffer.write(b'word ' * 9_000_000)"],
        stdout=subprocess.PIPE,
    )
    result = subprocess.run(
        [*TRIANGULATE, "ingest", "--db", str(tmp_path / "s.db"), "--max-bytes", "1000000",
         "/dev/stdin"],
        stdin=producer.stdout, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    producer.kill()
    assert result.returncode == 1
    assert "/dev/stdin: is over the size limit of 1,000,000 bytes" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_that_grows_past_the_limit_is_refused_while_read(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    """The size a file claims is not trusted: /proc files claim 0 bytes."""
    report = ingest(store, ["/proc/self/smaps"], settings.with_(max_input_bytes=1000))
    assert "over the size limit of 1,000 bytes" in report.events[0].message


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("[" * 50 + "]" * 50, "nests JSON deeper than 32 levels"),
        (json.dumps({"text": "x", "n": list(range(100_001))}), "holds over 100,000 JSON values"),
        ('{"text": "t", "n": ' + "9" * 5000 + "}", "is not usable JSON"),
        (json.dumps({"id": "x" * 201, "text": "t"}), "has an id over 200 characters"),
    ],
)
def test_json_lines_are_measured_before_they_are_parsed(
    tmp_path: Path, store: Store, settings: Settings, line: str, problem: str
) -> None:
    path = write(tmp_path / "one.jsonl", line)
    report = ingest(store, [str(path)], settings)
    assert kinds(report) == ["error"] and problem in report.events[0].message


def test_strings_holding_brackets_are_not_nesting(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    text = good_article(3)[1] + ' [[[[{{{{ "quoted" ' * 40
    path = write(tmp_path / "one.jsonl", json.dumps({"id": "b", "text": text}))
    assert kinds(ingest(store, [str(path)], settings)) == ["stored"]


def test_html_elements_and_article_length_have_limits(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    page = write(tmp_path / "many.html", "<html><body>" + "<i>x</i>" * 2000 + "</body></html>")
    long = write(tmp_path / "long.txt", "Title\n\n" + "Many words here. " * 2000)
    report = ingest(
        store,
        [str(page), str(long)],
        settings.with_(max_html_elements=1000, max_article_chars=5000),
    )
    assert report.events[0].message == (
        f"{page}: has over 1,000 HTML elements (is it one article? raise --max-html-elements)"
    )
    assert report.events[1].message.startswith(f"{long}: has 3")
    assert (
        "over the limit of 5,000 (is it one article? raise --max-chars)" in report.events[1].message
    )


def test_a_web_page_with_no_main_text_is_named_by_its_file(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    page = write(tmp_path / "menu.html", "<html><body><script>var a = 1;</script></body></html>")
    report = ingest(store, [str(page)], settings)
    assert report.events[0].message.startswith(f"{page}: no main text found")


# --- fetching: one deadline for everything ------------------------------------------------------


def test_urls_end_within_the_deadline_whatever_the_server_does(
    store: Store, settings: Settings
) -> None:
    quick = settings.with_(fetch_deadline=3.0, fetch_retries=0, fetch_timeout=2.0)
    # The bomb gets a deadline a busy machine cannot miss: its size limit is what is tested.
    patient = settings.with_(fetch_deadline=120.0, fetch_retries=0, fetch_timeout=60.0)
    with HostileServer() as server:
        paths = ["/slow-body", "/slow-headers", "/loop", "/ping", "/bad-gzip"]
        report = ingest(store, [server.url + path for path in paths], quick)
        bomb = ingest(store, [server.url + "/gzip-bomb"], patient)
    messages = [event.message.split(": ", 1)[1] for event in [*report.events, *bomb.events]]
    assert messages == [
        "did not arrive within 3 s (raise --fetch-deadline)",
        "did not arrive within 3 s (raise --fetch-deadline)",
        "redirects more than 10 times (a loop?)",
        "redirects more than 10 times (a loop?)",
        messages[4],
        f"is larger than the limit of {settings.fetch_max_bytes:,} bytes (raise --max-bytes)",
    ]
    assert messages[4].startswith("sent a body that cannot be decoded")


def test_a_guarded_fetch_refuses_loopback_even_after_a_redirect(
    http_root: tuple[str, Path], store: Store, settings: Settings
) -> None:
    base, root = http_root
    write(root / "page.html", "<html><body><article><p>Hi</p></article></body></html>")
    guarded = settings.with_(allow_private_urls=False, fetch_retries=0)
    report = ingest(store, [f"{base}/page.html"], guarded)
    assert (
        "leads to a private or loopback address (127.0.0.1 is 127.0.0.1)"
        in report.events[0].message
    )


def test_which_addresses_are_public() -> None:
    from triangulate.ingest.fetch import is_public

    for private in ("127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.0.1", "169.254.169.254",
                    "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "0.0.0.0", "100.64.0.1"):  # fmt: skip
        assert not is_public(private), private
    assert is_public("93.184.216.34") and is_public("2606:2800:220:1::1")


# --- right answers: dates, encodings ------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [("2024-13-45", None), ("2024-02-30", None), ("2024-02-29", "2024-02-29"),
     ("2025-06-12T10:00:00+02:00", "2025-06-12"), ("12 June 2025", "2025-06-12"),
     ("0001-01-01", None), ("yesterday-ish", None), ("", None)],
)  # fmt: skip
def test_only_real_dates_are_publication_dates(given: str, expected: str | None) -> None:
    assert iso_date(given) == expected


def test_an_impossible_date_is_not_stored(tmp_path: Path, store: Store, settings: Settings) -> None:
    line = {"id": "d", "published": "2024-13-45", "text": good_article(4)[1]}
    ingest(store, [str(write(tmp_path / "d.jsonl", json.dumps(line)))], settings)
    article = queries.get_article(store, "d")
    assert article.published != "2024-13-45" and article.published_how != "given"


FRENCH = (
    "Le président du conseil régional a déclaré mercredi que les négociations étaient terminées."
    " « Nous avons trouvé un accord », a-t-il ajouté après une réunion où l'on a évoqué la"
    " sécurité, l'économie, les élèves et les hôpitaux de la région.\n\n"
)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
@pytest.mark.parametrize(
    "text",
    [FRENCH * 4, "Die Förderung für Städte wurde erhöht, äußerte der Bürgermeister.\n\n" * 5,
     "El presidente anunció el miércoles que la situación económica mejoró, señaló.\n\n" * 5],
)  # fmt: skip
def test_western_european_legacy_text_is_decoded(encoding: str, text: str) -> None:
    from triangulate.ingest.decode import decode_text

    assert decode_text((text * 3).encode(encoding), "t") == text * 3


@pytest.mark.parametrize(
    ("text", "encoding"),
    [("Президент заявил в среду, что переговоры завершены. По его словам, соглашение было"
      " достигнуто после долгих обсуждений в Линдмуте.", "cp1251"),
     ("Prezydent oświadczył w środę, że negocjacje zostały zakończone. Według ministra"
      " porozumienie osiągnięto po długich rozmowach w Portvale.", "cp1250"),
     ("Ο πρόεδρος δήλωσε την Τετάρτη ότι οι διαπραγματεύσεις ολοκληρώθηκαν. Σύμφωνα με τον"
      " υπουργό, η συμφωνία επιτεύχθηκε.", "cp1253"),
     ("Cumhurbaşkanı çarşamba günü müzakerelerin tamamlandığını açıkladı. Bakana göre"
      " anlaşma uzun görüşmelerden sonra sağlandı.", "cp1254")],
)  # fmt: skip
def test_other_legacy_text_is_still_detected(text: str, encoding: str) -> None:
    from triangulate.ingest.decode import decode_text

    assert decode_text(text.encode(encoding), "t") == text


def test_utf8_with_a_few_broken_bytes_stays_utf8() -> None:
    from triangulate.ingest.decode import decode_text

    data = ("Naïve café owners in Quillmère " * 30).encode() + b"\xe9t\xe9"
    assert decode_text(data, "t").startswith("Naïve café owners in Quillmère")


# --- reading is bounded per article -------------------------------------------------------------


def test_reading_cuts_a_long_text_and_says_so(caplog: pytest.LogCaptureFixture) -> None:
    from triangulate.models import Article
    from triangulate.readers.reader import read_article

    text = good_article(5)[1] * 3
    reading = read_article(Article(id="long", source="s", text=text), max_chars=len(text) // 2)
    assert max(s.evidence.end for s in reading.sentences) <= len(text) // 2
    assert all(
        text[s.evidence.start : s.evidence.end] == s.evidence.text for s in reading.sentences
    )
    assert "long: only the first" in caplog.text and "raise --max-chars" in caplog.text


def test_a_long_text_parsed_in_pieces_reads_as_one(
    monkeypatch: pytest.MonkeyPatch, recwarn: pytest.WarningsRecorder
) -> None:
    import triangulate.readers.reader as reader
    from triangulate.models import Article

    text = "\n\n".join(good_article(n)[1] for n in range(8))
    article = Article(id="a", source="s", text=text)
    whole = reader.read_article(article)
    monkeypatch.setattr(reader, "PIECE_CHARS", 1500)
    pieces = reader.read_article(article)
    # no warning of what the pieces keep (spaCy's would print a piece's whole text)
    assert not [w for w in recwarn if "W102" in str(w.message)]
    assert pieces.sentences == whole.sentences
    assert [e.evidence for e in pieces.entities] == [e.evidence for e in whole.entities]


def test_findings_are_capped_per_article(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import triangulate.readers.reader as reader
    from triangulate.models import Article

    monkeypatch.setattr(reader, "MAX_FINDINGS", {**reader.MAX_FINDINGS, "quantities": 5})
    text = "Counts\n\n" + " ".join(f"{n} ships and {n + 1} boats." for n in range(40))
    reading = reader.read_article(Article(id="n", source="s", text=text))
    assert len(reading.quantities) == 5
    assert "n: found 80 quantities" in caplog.text and "kept the first 5 quantities" in caplog.text
    kept = {(q.evidence.start, q.evidence.end) for q in reading.quantities}
    assert all(
        (q.evidence.start, q.evidence.end) in kept for f in reading.facts for q in f.quantities
    )


def test_a_sentence_cut_at_the_token_bound_is_told(caplog: pytest.LogCaptureFixture) -> None:
    from triangulate.models import Article
    from triangulate.nlp.language import MAX_SENTENCE_TOKENS
    from triangulate.readers.reader import read_article

    words = " ".join(f"crate{n}" for n in range(MAX_SENTENCE_TOKENS + 50))
    text = f"Crates\n\nThe wardens counted {words} at the quay.\n\nThe count ended at noon."
    reading = read_article(Article(id="crates", source="s", text=text))
    assert "crates: 1 sentence cut into pieces of 300 tokens" in caplog.text
    assert any(s.evidence.text == "The count ended at noon." for s in reading.sentences)


def test_a_run_without_a_space_cut_into_pieces_is_told(caplog: pytest.LogCaptureFixture) -> None:
    from triangulate.models import Article
    from triangulate.readers.reader import LONG_RUN, read_article

    text = f"Runs\n\nThe code {'x' * (3 * LONG_RUN)} was printed. So was {'y' * 50}."
    read_article(Article(id="runs", source="s", text=text))
    assert "runs: 1 run of more than 100 characters without a space cut into pieces" in (
        caplog.text
    )


def test_a_paragraph_past_the_token_bound_is_cut_between_its_sentences(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A whole article on one line: its sentences are read whole, nothing is told cut."""
    from triangulate.models import Article
    from triangulate.nlp.language import MAX_SENTENCE_TOKENS
    from triangulate.readers.reader import read_article

    sentence = "The wardens of Lindmouth counted {} boats at the north quay on Monday."
    line = " ".join(sentence.format(n) for n in range(MAX_SENTENCE_TOKENS // 5))
    reading = read_article(Article(id="line", source="s", text=f"Boats\n\n{line}"))
    read = [s.evidence.text for s in reading.sentences]
    assert len(read) >= MAX_SENTENCE_TOKENS // 5
    assert all(text.startswith("The wardens") and text.endswith(".") for text in read[1:])
    assert "cut into pieces" not in caplog.text


def test_limit_errors_are_input_errors() -> None:
    assert issubclass(LimitError, InputError)


def run_cli(*args: str, timeout: float = 120, **options: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*TRIANGULATE, *args], capture_output=True, text=True, timeout=timeout, **options
    )


Check = Callable[[subprocess.CompletedProcess[str]], None]


@hsettings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab ,.\n"(«'), max_size=400))
def test_parsing_in_pieces_and_long_runs_keeps_the_text(text: str) -> None:
    import triangulate.readers.reader as reader
    from triangulate.nlp.language import load_nlp

    saved = reader.PIECE_CHARS, reader.LONG_RUN, reader._LONG_RUN
    reader.PIECE_CHARS, reader.LONG_RUN = 60, 7
    reader._LONG_RUN = re.compile(r"\S{8,}")
    try:
        assert reader.parse(load_nlp(), text).text == text
    finally:
        reader.PIECE_CHARS, reader.LONG_RUN, reader._LONG_RUN = saved
