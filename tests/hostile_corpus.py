"""A corpus of hostile inputs, generated here (no copied article), and a hostile web server.

``build(root, base_url, scale)`` writes every case under ``root`` and returns them; each
:class:`Case` names its kind, the inputs to give ``triangulate ingest``, and what must come of
them: ``error`` (refused with one line), ``stored`` (ingested; ``marker`` must be in its text)
or ``either``. Good invented articles are spread among them; none may be lost.

``scale`` sizes the heavy cases: "suite" keeps the test suite quick, "full" is what the
benchmark (benchmarks/bench_hostile.py) runs with the default limits.

The server (:class:`HostileServer`) answers slowly, forever, in loops, with broken gzip,
with bombs and resets, on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import io
import json
import os
import random
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

PLACES = ["Varnholt", "Lindmouth", "Quillmere", "Portvale", "Ostrada", "Kellbridge", "Dunmarrow",
          "Estrava", "Brisk Hollow", "Tamsin Bay", "Orrel", "Saltmarsh"]  # fmt: skip
PEOPLE = ["Mara Castell", "Ivo Marsh", "Halina Orzel", "Teodor Vance", "Lise Anker",
          "Rufus Dale", "Nadia Brenn", "Oskar Feld", "Wren Talbot", "Jonas Keel"]  # fmt: skip
BODIES = ["the port authority", "the dockers' union", "the regional council", "the ferry operator",
          "the water board", "the fire service", "the harbour police", "the town hall"]  # fmt: skip
TOPICS = ["strike", "flood", "bridge closure", "ferry delay", "power cut", "market fire",
          "school reopening", "road repair", "festival", "harbour dredging"]  # fmt: skip
SENTENCES = [
    "{body} said on {day} that {n} people had been affected by the {topic} in {place}.",
    '"We are doing everything we can," {person} told reporters outside the {place} offices.',
    "According to {body}, about {n} households in {place} were still waiting for news.",
    "The {topic} began on {date}, when {n} workers stayed away from the {place} depot.",
    "{person}, who speaks for {body}, said talks would resume next week.",
    "Officials in {place} put the cost of the {topic} at {n} thousand crowns.",
    "Residents of {place} gathered at the square on {day} evening to hear {person}.",
    "A spokesperson for {body} declined to say when the {topic} would end.",
    "Some {n} volunteers helped clear the streets of {place} over the weekend.",
    "The last comparable {topic} in {place} was in {year}, {person} recalled.",
    "Traffic through {place} was diverted for {n} hours on {day}, {body} said.",
    "Shop owners in {place} said the {topic} had cost them customers since {date}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def good_article(number: int) -> tuple[str, str]:
    """(a unique marker, an invented article holding it) that ingest must store."""
    rng = random.Random(number * 7919 + 13)
    place = rng.choice(PLACES)
    topic = rng.choice(TOPICS)
    marker = f"Case number {number:05d} was logged by the {place} clerk"
    lines = [f"{topic.capitalize()} in {place}: day {number} of the dispute", ""]
    sentences = rng.sample(SENTENCES, 8)
    for index, template in enumerate(sentences):
        lines.append(
            template.format(
                body=rng.choice(BODIES).capitalize() if template[0] == "{" else rng.choice(BODIES),
                person=rng.choice(PEOPLE),
                place=place,
                topic=topic,
                n=rng.randint(12, 9000),
                day=rng.choice(DAYS),
                year=rng.randint(1950, 2020),
                date=f"{rng.randint(1, 28)} {rng.choice(['March', 'May', 'June'])} 2031",
            )
        )
        if index == 3:
            lines.append(f"{marker}, who counted {rng.randint(100, 999)} complaints in total.")
        lines.append("")
    return marker, "\n".join(lines)


def paragraphs(text: str) -> str:
    """Each non-empty line of a text as an HTML paragraph."""
    return "".join(f"<p>{line}</p>" for line in text.splitlines() if line)


@dataclass(frozen=True)
class Case:
    kind: str
    inputs: list[str]
    expect: str  # "error", "stored" or "either"
    marker: str = ""  # text a stored case must hold
    readable: bool = False  # stored and worth a dossier (the memory-heavy texts)
    note: str = ""


@dataclass
class Corpus:
    root: Path
    cases: list[Case] = field(default_factory=list)
    good: dict[str, str] = field(default_factory=dict)  # input path -> marker

    def add(self, kind: str, inputs: list[str], expect: str, **extra: object) -> None:
        self.cases.append(Case(kind, inputs, expect, **extra))  # type: ignore[arg-type]

    def write(self, name: str, data: bytes | str) -> str:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return str(path)


SIZES = {
    # "suite": quick enough for every `make test`; "full": near the default limits
    "suite": {
        "chars": 15_000,
        "big_chars": 500_000,
        "elements": 250_000,
        "bomb": 60 << 20,
        "entries": 300,
    },
    "full": {
        "chars": 380_000,
        "big_chars": 5_000_000,
        "elements": 1_000_000,
        "bomb": 1 << 30,
        "entries": 20_000,
    },
}


def build(root: Path, base_url: str, scale: str = "suite") -> Corpus:
    """Write every hostile case and the good articles under ``root``."""
    corpus = Corpus(root)
    size = SIZES[scale]
    _good(corpus)
    _files(corpus, size)
    _texts(corpus, size)
    _html(corpus, size)
    _jsonl(corpus, size)
    _feeds_and_warc(corpus, size)
    _urls(corpus, base_url)
    return corpus


def _good(corpus: Corpus) -> None:
    """Good articles: a folder whose first, middle and last files are bad, and single files."""
    folder = "folder-bad-first-middle-last"
    corpus.write(f"{folder}/00-first.txt", "")
    corpus.write(f"{folder}/05-middle.txt", bytes(range(256)) * 40)
    corpus.write(f"{folder}/99-last.html", "<html><body><script>var a = 1;</script></body></html>")
    for number in range(10):
        marker, text = good_article(number)
        name = f"{folder}/{number + 1:02d}-good.txt" if number < 8 else f"good-{number}.txt"
        corpus.good[corpus.write(name, text)] = marker
    corpus.add("folder with bad first, middle and last files", [str(corpus.root / folder)],
               "either", note="8 good files among 3 bad ones")  # fmt: skip
    for path in [p for p in corpus.good if "folder-" not in p]:
        corpus.add("a good article", [path], "stored", marker=corpus.good[path])


def _files(corpus: Corpus, size: dict[str, int]) -> None:
    write, add, root = corpus.write, corpus.add, corpus.root
    add("empty file", [write("empty.txt", "")], "error")
    add("white space only", [write("blank.txt", " \n\t\n   \n")], "error")
    add("random bytes", [write("random.txt", random.Random(1).randbytes(50_000))], "error")
    add("NUL bytes in text", [write("nul.txt", "Harbour news\x00\x00 more\x00" * 500)], "error")
    sparse = root / "oversize.txt"
    with sparse.open("wb") as handle:
        handle.truncate(25 * 1024 * 1024)  # 25 MB of zeros, instantly (a sparse file)
    add("file over the size limit", [str(sparse)], "error")
    fifo = root / "pipe.txt"
    os.mkfifo(fifo)
    add("named pipe nobody writes to", [str(fifo)], "error")
    for name, target in (("zero.txt", "/dev/zero"), ("urandom.txt", "/dev/urandom"),
                         ("null.txt", "/dev/null")):  # fmt: skip
        (root / name).symlink_to(target)
        add(f"symlink to {target}", [str(root / name)], "error")
    (root / "loop-a.txt").symlink_to(root / "loop-b.txt")
    (root / "loop-b.txt").symlink_to(root / "loop-a.txt")
    add("symlink loop", [str(root / "loop-a.txt")], "error")
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    add("dangling symlink", [str(root / "dangling.txt")], "error")
    add("missing path", [str(root / "no-such-file.txt")], "error")
    add("glob matching nothing", [str(root / "nothing-*.txt")], "error")
    marker, text = good_article(100)
    named = write("odd-\x1b[31mred\x1b[0m-name\n.txt", text)
    add("file name with escape codes and a newline", [named], "stored", marker=marker)
    undecodable = os.fsdecode(os.fsencode(str(root)) + b"/name-\xff\xfe.txt")
    marker, text = good_article(101)
    Path(undecodable).write_text(text)
    add("file name that is not UTF-8", [undecodable], "stored", marker=marker)
    folder = root / "folder.txt"
    folder.mkdir()
    marker, text = good_article(102)
    write("folder.txt/inner.txt", text)
    add("folder named like a text file", [str(folder)], "stored", marker=marker)
    marker, text = good_article(103)
    locked = Path(write("unreadable.txt", text))
    locked.chmod(0)
    add("unreadable file (readable as root)", [str(locked)], "either")
    add("glob over good and bad files", [str(root / "glob-*.txt")], "either")
    write("glob-1.txt", "")
    marker, text = good_article(104)
    corpus.good[write("glob-2.txt", text)] = marker


def _texts(corpus: Corpus, size: dict[str, int]) -> None:
    write, add = corpus.write, corpus.add
    chars, big = size["chars"], size["big_chars"]
    french = [
        "Le président du conseil régional a déclaré mercredi que les négociations étaient terminées.",
        "« Nous avons trouvé un accord », a-t-il ajouté après une réunion à Quillmère.",
        "On y a évoqué la sécurité, l'économie, les élèves du lycée et l'hôpital.",
        "Les syndicats ont salué un compromis qui prévoit une hausse des salaires dès l'été.",
        "Le maire a remercié les employés du port pour leur patience pendant la grève.",
        "Selon la préfecture, près de deux cents bateaux attendaient au large.",
    ]
    add("Latin-1 French", [write("latin1-french.txt", ("Accord à Quillmère\n\n" +
        "\n\n".join(french)).encode("latin-1"))], "stored", marker="négociations étaient")  # fmt: skip
    add("Windows-1252 smart quotes", [write("cp1252.txt", ("Ferry “resumes” – finally\n\n" +
        "\n\n".join(f"The ferry’s owner said “it’s back” on day {n}… after {n + 2} weeks."
                      for n in range(8))).encode("cp1252"))], "stored", marker="ferry’s owner")  # fmt: skip
    russian = [
        "Паром в Линдмуте снова ходит после ремонта, сообщил оператор в понедельник.",
        "По словам капитана, первые пассажиры поднялись на борт рано утром.",
        "Ремонт занял почти три месяца и обошёлся городу дороже, чем ожидалось.",
        "Жители острова говорят, что без парома им приходилось ехать в объезд.",
    ]
    add("Windows-1251 Russian", [write("cp1251.txt", ("Паром снова ходит\n\n" +
        "\n\n".join(russian)).encode("cp1251"))], "stored", marker="Паром в Линдмуте")  # fmt: skip
    japanese = "リンドマスのフェリーは修理の後、月曜日に運航を再開したと運航会社が発表した。\n\n"
    add("Shift-JIS Japanese", [write("sjis.txt", ("フェリー\n\n" + japanese * 6).encode("shift_jis"))],
        "either")  # fmt: skip
    marker, text = good_article(110)
    add("UTF-16 with a BOM", [write("utf16.txt", text.encode("utf-16"))], "stored", marker=marker)
    add("UTF-16 without a BOM", [write("utf16-nobom.txt", text.encode("utf-16-le"))], "either")
    marker, text = good_article(111)
    mixed = text.encode("utf-8") + "\n\nUne ligne collée en Latin-1: été.\n".encode("latin-1")
    add("UTF-8 with a Latin-1 line", [write("mixed.txt", mixed)], "stored", marker=marker)
    add("control characters only", [write("controls.txt", "".join(map(chr, range(1, 9))) * 300)],
        "error")  # fmt: skip
    marker, text = good_article(112)
    escapes = text.replace("clerk", "clerk\x1b[2J\x1b]0;pwned\x07\x1b[31m", 1)
    add("terminal escape codes in text", [write("escapes.txt", escapes)], "stored",
        marker="was logged by the", readable=True)  # fmt: skip
    add("one line over the character limit", [write("long-line.txt", "word " * (big // 5))],
        "error")  # fmt: skip
    add("one word over the character limit", [write("long-word.txt", "x" * big)], "error")
    add("one word of many characters", [write("word.txt", "Headline\n\n" + "y" * (chars // 2))],
        "either", readable=True)  # fmt: skip
    add("many short lines", [write("lines.txt", "Headline\n\n" + "a line\n" * (chars // 7))],
        "either", readable=True)  # fmt: skip
    numbers = " ".join(f"{n:,} people and {n % 97}.5 percent" for n in range(chars // 30))
    add("many numbers", [write("numbers.txt", f"Counts\n\n{numbers[:chars]}\n")], "stored",
        marker="people and", readable=True)  # fmt: skip
    dates = " ".join(f"On {d % 28 + 1} March {1990 + d % 40}, last Tuesday, and in {2000 + d % 30}."
                     for d in range(chars // 50))  # fmt: skip
    add("many dates", [write("dates.txt", f"Dates\n\n{dates[:chars]}\n")], "stored",
        marker="last Tuesday", readable=True)  # fmt: skip
    quotes = " ".join(f'"We said {n} things," said {PEOPLE[n % 10]}. "And more," she added.'
                      for n in range(chars // 60))  # fmt: skip
    add("many quotes", [write("quotes.txt", f"Quotes\n\n{quotes[:chars]}\n")], "stored",
        marker="things,", readable=True)  # fmt: skip
    add("quote marks only", [write("quote-marks.txt", "Quotes\n\n" + '"“”«»' * (chars // 5))],
        "either", readable=True)  # fmt: skip
    names = " ".join(f"{PEOPLE[n % 10]} met {PLACES[n % 12]} Council." for n in range(chars // 35))
    add("many names", [write("names.txt", f"Names\n\n{names[:chars]}\n")], "stored",
        marker="Council", readable=True)  # fmt: skip
    brackets = "(" * (chars // 4) + "inside" + ")" * (chars // 4)
    add("deeply nested brackets", [write("brackets.txt", f"Brackets\n\n{brackets}\n")], "either",
        readable=True)  # fmt: skip
    zalgo = "".join(ch + "\u0301\u0316\u0334" * 3 for ch in "harbour news " * (chars // 130))
    add("combining marks", [write("zalgo.txt", f"Zalgo\n\n{zalgo}\n")], "either", readable=True)
    bidi = "".join(f"Harbour {n} \u202eews n\u202c and \u200bzero\u200dwidth \U0001f6a2 ships.\n"
                   for n in range(200))  # fmt: skip
    add("bidi overrides, zero-width marks, emoji", [write("bidi.txt", f"Bidi\n\n{bidi}")],
        "stored", marker="ships", readable=True)  # fmt: skip
    add("headline only", [write("headline.txt", "Ferry resumes in Lindmouth\n")], "either")
    huge = "Flood in Lindmouth\n\nThe flood killed {} people on Monday, the harbour police said.\n"
    add("a number past a float's range", [write("huge-number.txt", huge.format("9" * 400))],
        "stored", marker="harbour police said", readable=True)  # fmt: skip
    add("a number of endless thousands", [write("huge-groups.txt", huge.format("1," * 3000 + "000"))],
        "stored", marker="harbour police said", readable=True)  # fmt: skip
    capitals = ("FLOOD KILLS TWELVE PEOPLE IN LINDMOUTH AS THE GREY RIVER BURSTS ITS BANKS AFTER "
                "HEAVY RAIN \n\nAt least 12 people were killed on Monday, officials said.\n")  # fmt: skip
    add("a headline in capitals", [write("capitals.txt", capitals)], "stored",
        marker="officials said", readable=True)  # fmt: skip
    harms = "A man is in critical condition after a crash in Lindmouth. " * (chars // 60)
    add("a harm told again and again", [write("harms.txt", f"Crash\n\n{harms}\n")], "stored",
        marker="after a crash", readable=True)  # fmt: skip
    sentences = "No full stop here and the sentence goes on and on " * (chars // 50)
    add("one endless sentence", [write("sentence.txt", f"Run-on\n\n{sentences}\n")], "stored",
        marker="goes on and on", readable=True)  # fmt: skip


def _html(corpus: Corpus, size: dict[str, int]) -> None:
    write, add = corpus.write, corpus.add
    elements = size["elements"]
    add("HTML with a menu and no article", [write("nav-only.html", "<html><body><nav><a href='/'>"
        "Home</a></nav><footer>© Herald</footer></body></html>")], "either")  # fmt: skip
    deep = "<html><body>" + "<div>" * 100_000 + "Deep text" + "</div>" * 100_000 + "</body></html>"
    add("HTML nested 100,000 deep", [write("deep.html", deep)], "either")
    many = "<html><body><article>" + "<span>x</span>" * elements + "</article></body></html>"
    add("HTML with too many elements", [write("many.html", many)], "error")
    marker, text = good_article(120)
    body = paragraphs(text)
    add("HTML, unclosed tags everywhere",
        [write("unclosed.html", "<html><body><article>" + body.replace("</p>", "") + "<div><span>")],
        "stored", marker=marker)  # fmt: skip
    add("HTML with scripts only", [write("scripts.html", "<html><head><script>" + "var a=1;" * 9000
        + "</script></head><body><script>alert(1)</script></body></html>")], "error")  # fmt: skip
    marker, text = good_article(121)
    attribute = "a" * 8_000_000
    big_attr = (
        f'<html><body><article data-x="{attribute}">{paragraphs(text)}</article></body></html>'
    )
    add("HTML with an 8 MB attribute", [write("attr.html", big_attr)], "either")
    entities = (
        "<html><body><article><p>" + "&amp;&lt;&#x1F6A2;" * 200_000 + "</p></article></body></html>"
    )
    add("HTML made of entities", [write("entities.html", entities)], "either")
    marker, text = good_article(122)
    lying = ('<html><head><meta charset="utf-8"></head><body><article>'
             f"{paragraphs(text.replace('clerk', 'café clerk'))}</article></body></html>")  # fmt: skip
    add("HTML declaring UTF-8, written in Latin-1",
        [write("charset-lie.html", lying.encode("latin-1"))], "stored",
        marker=marker.split(" was ")[0])  # fmt: skip
    bomb = io.BytesIO()
    with gzip.GzipFile(fileobj=bomb, mode="wb", compresslevel=9) as handle:
        zeros = b"\0" * (1 << 20)
        for _ in range(size["bomb"] >> 20):
            handle.write(zeros)
    add("gzip bomb (.html.gz)", [write("bomb.html.gz", bomb.getvalue())], "error")
    _, text = good_article(123)
    packed = gzip.compress(
        f"<html><body><article>{paragraphs(text)}</article></body></html>".encode()
    )
    add("truncated gzip", [write("truncated.html.gz", packed[: len(packed) // 2])], "error")
    add("gzip of random bytes", [write("random.html.gz", gzip.compress(random.Random(2).randbytes(9000)))],
        "error")  # fmt: skip
    add("not gzip at all (.gz)", [write("fake.html.gz", b"this is not gzip")], "error")
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">'
                        for i in range(1, 10))
              + ']><html><body><p>&lol9;</p></body></html>')  # fmt: skip
    add("XHTML billion laughs", [write("laughs.xhtml", laughs)], "either")


def _jsonl(corpus: Corpus, size: dict[str, int]) -> None:
    write, add = corpus.write, corpus.add
    lines = []
    markers = []
    for number in range(130, 136):
        marker, text = good_article(number)
        markers.append(marker)
        lines.append(json.dumps({"id": f"jsonl-good-{number}", "text": text, "outlet": "Wire"}))
    bad = [
        json.dumps({"id": "headline-only", "text": "Ferry resumes in Lindmouth"}),
        "{not json",
        "[1, 2, 3]",
        json.dumps({"id": "no-text", "title": "Nothing"}),
        json.dumps({"id": "number-text", "text": 12345}),
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"id": "wide", "text": "x", "tags": list(range(200_000))}),
        json.dumps({"id": "x" * 10_000, "text": good_article(137)[1]}),
        '{"id": "big-int", "text": "t", "n": ' + "9" * 5000 + "}",
        '{"id": "nan", "text": NaN}',
        json.dumps({"id": "null-text", "text": None}),
    ]
    for position, line in enumerate(bad):
        lines.insert(position * len(lines) // len(bad), line)
    path = write("batch.jsonl", "\n".join(lines) + "\n")
    add("JSONL: good lines among 11 kinds of bad ones", [path], "either",
        note="six good lines")  # fmt: skip
    for marker in markers:
        corpus.good[f"{path}#{marker}"] = marker
    marker, text = good_article(138)
    odd = {"id": "a/b\x1b[2J?#%", "text": text, "published": "2024-13-45", "authors": [{"x": 1}]}
    add("JSONL: id with a slash, an impossible date", [write("odd.jsonl", json.dumps(odd))],
        "stored", marker=marker)  # fmt: skip
    marker, text = good_article(139)
    surrogate = '{"id": "surrogate", "text": ' + json.dumps(text)[:-1] + ' \\ud800"}'
    add("JSONL: a lone surrogate", [write("surrogate.jsonl", surrogate)], "either")
    add("JSONL: one line over the character limit",
        [write("huge-line.jsonl", json.dumps({"id": "huge", "text": "word " * (size["big_chars"] // 5)}))],
        "error")  # fmt: skip
    add("JSONL: byte order mark and CRLF", [write("bom.jsonl", b"\xef\xbb\xbf" + (json.dumps(
        {"id": "bom", "text": good_article(140)[1]}) + "\r\n").encode())], "stored",
        marker=good_article(140)[0])  # fmt: skip
    add("JSONL: empty lines only", [write("empty.jsonl", "\n\n\n")], "either")


def _feeds_and_warc(corpus: Corpus, size: dict[str, int]) -> None:
    write, add = corpus.write, corpus.add
    laughs = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
              + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
              + ']><rss version="2.0"><channel><title>T</title><item><title>&j;</title>'
              "<description>&j;</description></item></channel></rss>")  # fmt: skip
    add("RSS billion laughs", [write("laughs.rss", laughs)], "either")
    add("RSS with no entries", [write("empty.rss", '<?xml version="1.0"?><rss><channel>'
        "<title>T</title></channel></rss>")], "error")  # fmt: skip
    add("feed that is not XML", [write("broken.atom", "<feed><entry><title>oops")], "either")
    add("feed body naming a file", [write("path.xml", "/etc/passwd")], "error")
    entries = "".join(f"<item><title>Item {n}</title><description>{'Short note. ' * 5}</description>"
                      f"<link>http://example.invalid/{n}</link></item>" for n in range(size["entries"]))  # fmt: skip
    add(f"RSS with {size['entries']:,} entries", [write("many.rss", '<?xml version="1.0"?><rss version="2.0">'
        f"<channel><title>Many</title>{entries}</channel></rss>")], "either")  # fmt: skip
    add("WARC that is not a WARC", [write("fake.warc", "WARC/1.0\r\nnonsense\r\n\r\n")], "error")
    add("truncated WARC (gzip)", [write("cut.warc.gz", gzip.compress(b"WARC/1.0\r\nWARC-Type: "
        b"response\r\nContent-Length: 999999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html>"))], "error")  # fmt: skip


def _urls(corpus: Corpus, base: str) -> None:
    add = corpus.add
    for path, kind in (
        ("/slow-body", "server sending one byte a second (slowloris)"),
        ("/slow-headers", "server sending its headers a byte a second"),
        ("/endless", "body that never ends"),
        ("/loop", "redirect loop"),
        ("/ping", "ping-pong redirects"),
        ("/bad-gzip", "body that claims gzip and is not"),
        ("/gzip-bomb", "gzip bomb as Content-Encoding"),
        ("/reset", "connection reset in the body"),
        ("/short", "body shorter than its Content-Length"),
        ("/binary", "binary body"),
        ("/error", "server error on every try"),
        ("/missing", "404"),
    ):
        add(f"URL: {kind}", [base + path], "error")
    add("URL: a 70 KB response header", [base + "/huge-header"], "either")
    add("URL: connection refused", ["http://127.0.0.1:9/nothing"], "error")
    add("URL: invalid", ["http://[::1/broken"], "error")
    add("URL: a good page", [base + "/good.html"], "stored", marker=good_article(150)[0])


class _Hostile(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    stop: threading.Event

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        route = ROUTES.get(self.path.split("?")[0])
        if route is None:
            self.send_error(404)
            return
        with contextlib.suppress(TimeoutError, BrokenPipeError, ConnectionResetError):
            route(self)

    def drip(self, data: bytes, pause: float) -> None:
        for byte in data:
            if self.stop.is_set():
                return
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(pause)

    def headers_only(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()


def _slow_body(h: _Hostile) -> None:
    h.headers_only(200, {"Content-Type": "text/html", "Content-Length": "100000"})
    h.drip(b"<html><body>" + b"a" * 99_988, 0.5)


def _slow_headers(h: _Hostile) -> None:
    h.wfile.write(b"HTTP/1.1 200 OK\r\n")
    h.drip(b"X-Slow: " + b"s" * 10_000 + b"\r\n\r\n", 0.5)


def _endless(h: _Hostile) -> None:
    h.headers_only(200, {"Content-Type": "text/plain", "Transfer-Encoding": "chunked"})
    chunk = b"endless words " * 4096
    while not h.stop.is_set():
        h.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")


def _redirect(target: str) -> Callable[[_Hostile], None]:
    def send(h: _Hostile) -> None:
        h.headers_only(302, {"Location": target, "Content-Length": "0"})

    return send


def _bad_gzip(h: _Hostile) -> None:
    body = b"\x1f\x8b\x08\x00not really gzip at all" * 20
    h.headers_only(200, {"Content-Type": "text/html", "Content-Encoding": "gzip",
                         "Content-Length": str(len(body))})  # fmt: skip
    h.wfile.write(body)


def _bomb(megabytes: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * (1 << 20)
    return b"".join(packer.compress(zeros) for _ in range(megabytes)) + packer.flush()


_BOMB = _bomb(64)  # 64 MB of zeros in 64 KB: three times the size limit


def _gzip_bomb(h: _Hostile) -> None:
    h.headers_only(200, {"Content-Type": "text/html", "Content-Encoding": "gzip",
                         "Content-Length": str(len(_BOMB))})  # fmt: skip
    h.wfile.write(_BOMB)


def _reset(h: _Hostile) -> None:
    h.headers_only(200, {"Content-Type": "text/html", "Content-Length": "50000"})
    h.wfile.write(b"<html><body><p>Partial")
    h.wfile.flush()
    h.connection.setsockopt(
        socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
    )
    h.connection.close()


def _short(h: _Hostile) -> None:
    h.headers_only(200, {"Content-Type": "text/html", "Content-Length": "90000"})
    h.wfile.write(b"<html><body><p>Too short</p>")
    h.close_connection = True


def _binary(h: _Hostile) -> None:
    body = random.Random(3).randbytes(30_000)
    h.headers_only(200, {"Content-Type": "image/png", "Content-Length": str(len(body))})
    h.wfile.write(body)


def _error(h: _Hostile) -> None:
    h.headers_only(500, {"Content-Length": "0"})


def _huge_header(h: _Hostile) -> None:
    h.headers_only(200, {"X-Huge": "h" * 70_000, "Content-Length": "5"})
    h.wfile.write(b"hello")


def _good_page(h: _Hostile) -> None:
    _, text = good_article(150)
    body = paragraphs(text)
    page = f"<html><head><title>Good</title></head><body><article>{body}</article></body></html>"
    data = page.encode()
    h.headers_only(200, {"Content-Type": "text/html; charset=utf-8",
                         "Content-Length": str(len(data))})  # fmt: skip
    h.wfile.write(data)


ROUTES: dict[str, Callable[[_Hostile], None]] = {
    "/slow-body": _slow_body, "/slow-headers": _slow_headers, "/endless": _endless,
    "/loop": _redirect("/loop"), "/ping": _redirect("/pong"), "/pong": _redirect("/ping"),
    "/bad-gzip": _bad_gzip, "/gzip-bomb": _gzip_bomb, "/reset": _reset, "/short": _short,
    "/binary": _binary, "/error": _error, "/huge-header": _huge_header, "/good.html": _good_page,
}  # fmt: skip


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        return  # clients that give up (they should) are no news


class HostileServer:
    """The routes above on 127.0.0.1, one thread per connection, stopped on exit."""

    def __init__(self) -> None:
        stop = threading.Event()
        handler = type("Handler", (_Hostile,), {"stop": stop})
        self.stop = stop
        self.server = _QuietServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> HostileServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()


def every_input(corpus: Corpus) -> Iterator[str]:
    for case in corpus.cases:
        yield from case.inputs
