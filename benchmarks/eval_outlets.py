"""Outlets of plain-text inputs: how many texts get the right outlet from their own words.

    .venv/bin/python benchmarks/eval_outlets.py [--pages 50] [--cli .venv/bin/triangulate]
        [--shared ../shared]

Two sets, each ingested as plain text through the command line (``--cli`` picks the build to
measure, e.g. another checkout's for a before/after):

- ``../shared/samples/karabakh``: five articles scraped as plain text. No gold file: the
  script prints the outlet found for each sample; which are right is read by a person.
- ``../shared/data/article-extraction-benchmark``: the first ``--pages`` pages (by file name).
  Each page becomes what a scraper saving "the page as text" gets: its visible text, one line
  per block, menus, footers and copyright lines included. Gold: the page's address (the
  benchmark's ``url``). An outlet is right when its name, folded (case, spaces, punctuation and
  a leading "the" ignored), is the host's name or part of it, or the reverse, or its initials
  are the host's name; otherwise it is wrong (listed for reading).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import lxml.html

ROOT = Path(__file__).resolve().parents[1]
BLOCKS = {
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section", "article",
    "header", "footer", "nav", "aside", "blockquote", "figcaption", "dd", "dt", "ul", "ol",
}  # fmt: skip
HIDDEN = ("script", "style", "noscript", "template", "svg", "iframe", "head")
PUBLIC_SUFFIXES = {"co", "com", "net", "org", "ac", "gov"}  # second-level parts of a host


def page_text(html: bytes) -> str:
    """The visible text of a page as a scraper saves it: one line per block element."""
    tree = lxml.html.fromstring(html.decode("utf-8", errors="replace"))  # the pages are UTF-8
    for element in list(tree.iter(*HIDDEN)):
        element.drop_tree()
    parts: list[str] = []

    def walk(element: Any) -> None:
        if not isinstance(element.tag, str):
            return
        block = element.tag in BLOCKS
        if block:
            parts.append("\n")
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(tree)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


def host_name(url: str) -> str:
    """The host without www, its top-level domain and a second-level "co"/"com": the
    site's own name ("edition.cnn.com" -> "editioncnn", "morebikes.co.uk" -> "morebikes")."""
    labels = (urlsplit(url).hostname or "").removeprefix("www.").split(".")
    labels = labels[:-1] if len(labels) > 1 else labels
    if len(labels) > 1 and labels[-1] in PUBLIC_SUFFIXES:
        labels = labels[:-1]
    return "".join(labels).replace("-", "")


def folded(name: str) -> str:
    words = re.sub(r"[^\w]+", " ", name.casefold()).split()
    return "".join(words[1:] if words[:1] == ["the"] else words)


def is_right(outlet: str, url: str) -> bool:
    name, host = folded(outlet), host_name(url)
    words = [w for w in re.findall(r"\w+", outlet.casefold()) if w != "the"]
    initials = "".join(w[0] for w in words)
    short = "".join(w[0] for w in words[:-1]) + (words[-1] if words else "")  # "LA Times"
    return bool(name) and (name in host or host in name or host in (initials, short))


def ingest(cli: str, folder: Path, db: Path) -> dict[str, dict[str, Any]]:
    subprocess.run([cli, "ingest", "--db", str(db), "--workers", "1", str(folder)],
                   capture_output=True, text=True, timeout=1800)  # fmt: skip
    listed = subprocess.run([cli, "articles", "--db", str(db), "--json"],
                            capture_output=True, text=True, check=True, timeout=300)  # fmt: skip
    return {row["id"]: row for row in json.loads(listed.stdout)}


def samples(cli: str, work: Path, shared: Path) -> None:
    rows = ingest(cli, shared / "samples" / "karabakh", work / "samples.db")
    named = [row for row in rows.values() if row.get("outlet")]
    print(f"samples: {len(named)} of {len(rows)} named")
    for article_id, row in sorted(rows.items()):
        mark = " (inferred)" if row.get("outlet_inferred") else ""
        print(f"  {article_id}: {row.get('outlet') or '-'}{mark}")


def pages(cli: str, work: Path, shared: Path, limit: int) -> None:
    data = shared / "data" / "article-extraction-benchmark"
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    folder = work / "pages"
    folder.mkdir()
    urls: dict[str, str] = {}
    for item_id in sorted(truth)[:limit]:
        html = gzip.decompress((data / "html" / f"{item_id}.html.gz").read_bytes())
        (folder / f"{item_id[:12]}.txt").write_text(page_text(html), encoding="utf-8")
        urls[item_id[:12]] = truth[item_id]["url"]
    rows = ingest(cli, folder, work / "pages.db")
    right, wrong, missing = [], [], []
    for page_id, url in urls.items():
        outlet = (rows.get(page_id) or {}).get("outlet")
        if not outlet:
            missing.append(page_id)
        elif is_right(outlet, url):
            right.append((page_id, outlet, url))
        else:
            wrong.append((page_id, outlet, url))
    print(f"pages: {len(urls)} texts, {len(rows)} stored; outlet right {len(right)},"
          f" wrong {len(wrong)}, none {len(missing)}")  # fmt: skip
    for page_id, outlet, url in wrong:
        print(f"  wrong: {page_id} {outlet!r} for {urlsplit(url).hostname}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--cli", default=str(ROOT / ".venv" / "bin" / "triangulate"))
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    if not (args.shared / "samples" / "karabakh").is_dir():
        raise SystemExit(f"needs {args.shared}/samples and data (--shared)")
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        samples(args.cli, work, args.shared)
        pages(args.cli, work, args.shared, args.pages)


if __name__ == "__main__":
    main()
