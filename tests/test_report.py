"""Dossier JSON (schema, evidence), Markdown and HTML reports, and writing them to disk."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from test_summarize import TEXT_A, TEXT_B, find, fixture
from triangulate.compose.assemble import build_dossier
from triangulate.compose.schema import check_evidence, dossier_to_json, validate_dossier
from triangulate.compose.summary import find_omissions, summarize
from triangulate.compose.timeline import build_timeline
from triangulate.errors import TriangulateError
from triangulate.models import (
    Article,
    Claim,
    Dossier,
    Entity,
    Event,
    Evidence,
    FramingMarker,
    Reading,
    RemovedLine,
    Side,
    TimeExpression,
)
from triangulate.render.report import render_html, render_markdown, write_dossier
from triangulate.render.view import DossierView, _segments, section_of, span_anchor, values_shown

HOSTILE = (
    "The ferry sank. <script>alert(1)</script> Witnesses saw <img src=x onerror=alert(1)> "
    'smoke. See <a href="javascript:alert(1)">the video</a> and [this](javascript:alert(2)). '
    "| pipes | *stars* _under_ # hash"
)


def with_entities(readings: list[Reading]) -> list[Reading]:
    """Add person mentions so the labels table has an actor named by two outlets."""
    out = []
    for r in readings:
        if r.article == "a":
            mention = Entity(find("a", TEXT_A, "Anton Reyes"), "PERSON", "Anton Reyes")
            r = replace(r, entities=(mention,))
        if r.article == "b":
            mention = Entity(find("b", TEXT_B, "Brell Lines"), "ORG", "Brell Lines")
            label = FramingMarker(find("b", TEXT_B, "reckless operator"), "label", "Brell Lines")
            r = replace(r, entities=(mention,), framing=(*r.framing, label))
        if r.article == "c":
            r = replace(r, entities=())
        out.append(r)
    tuesday = TimeExpression(find("a", TEXT_A, "Tuesday night"), "2031-03-11", "day", True)
    sank = "The passenger ferry Gull Star sank off the Velmar coast on Tuesday night"
    out[0] = replace(out[0], times=(tuesday,), events=(sinking("a", TEXT_A, sank, tuesday),))
    tuesday_b = TimeExpression(find("b", TEXT_B, "Tuesday night"), "2031-03-11", "day", True)
    sank_b = "The ferry Gull Star sank off the Velmar coast on Tuesday night"
    out[1] = replace(out[1], times=(tuesday_b,), events=(sinking("b", TEXT_B, sank_b, tuesday_b),))
    a_org = Entity(find("a", TEXT_A, "Brell Lines"), "ORG", "Brell Lines")
    out[0] = replace(out[0], entities=(*out[0].entities, a_org))
    return out


def sinking(article: str, text: str, telling: str, time: TimeExpression) -> Event:
    told = find(article, text, telling)
    return Event(find(article, text, "sank"), told, (told,), time, ("Gull Star",))


def full_dossier() -> Dossier:
    articles, readings, claims = fixture()
    articles[0] = replace(
        articles[0], removed=(RemovedLine(0, "Subscribe to our newsletter", "boilerplate"),)
    )
    readings = with_entities(readings)
    timeline = build_timeline(articles, readings)
    summary = summarize(articles, readings, claims, timeline)
    omissions = find_omissions(articles, readings, claims)
    return build_dossier(articles, readings, claims, timeline, summary, omissions)


def hostile_dossier() -> Dossier:
    article = Article(
        "x", "javascript:alert(3)", HOSTILE, outlet="<b>Evil</b> Outlet", title="<script>t</script>"
    )
    span = find("x", HOSTILE, "<img src=x onerror=alert(1)>")
    claim = Claim(
        "c1",
        "<i>what</i>",
        "conflict",
        "r",
        (
            Side(1, "<script>alert(1)</script>", ("x",), (span,)),
            Side(2, "two", ("x",), (find("x", HOSTILE, "javascript:alert(1)"),)),
        ),
    )
    marker = FramingMarker(find("x", HOSTILE, "<script>alert(1)</script>"), "scare_quotes", "<u>")
    removed = (RemovedLine(3, "<script>alert(4)</script>", "<b>menu</b>"),)
    article = replace(article, removed=removed)
    reading = Reading("x", "t", framing=(marker,))
    return build_dossier([article], [reading], [claim], [], [], ["<script>omit</script>"])


# --- JSON -----------------------------------------------------------------------------------


def test_json_follows_the_contract_and_every_span_is_exact() -> None:
    data = dossier_to_json(full_dossier())
    validate_dossier(data)
    assert check_evidence(data) == []
    assert set(data) == {
        "articles", "claims", "conflicts", "timeline", "framing", "quotes", "summary",
        "omissions", "labels", "generated",
    }  # fmt: skip
    assert set(data["articles"][0]) == {
        "id", "source", "outlet", "outlet_inferred", "title", "published",
        "published_inferred", "published_how", "language", "text", "removed", "duplicate_of",
    }  # fmt: skip
    assert data["articles"][0]["removed"] == [
        {"line": 0, "text": "Subscribe to our newsletter", "reason": "boilerplate"}
    ]
    assert [c["id"] for c in data["conflicts"]] == ["c1"]
    assert set(data["timeline"][0]) >= {"date", "end", "granularity", "reported", "dates_given"}
    assert data["quotes"][0]["speaker"] == "Anton Reyes"
    assert data["framing"][0]["kind"] == "loaded_word"
    assert data["generated"].startswith("triangulate ")
    json.dumps(data)  # plain data only


def test_labels_name_what_each_outlet_calls_an_actor() -> None:
    labels = dossier_to_json(full_dossier())["labels"]
    assert labels["Brell Lines"]["Velmar Daily"] == ["Brell Lines", "reckless operator"]
    assert labels["Brell Lines"]["Harbour Courier"] == ["Brell Lines"]
    assert "Anton Reyes" not in labels  # named by one outlet and labelled by none


def test_conflicts_are_ordered_by_importance() -> None:
    d = full_dossier()
    small = replace(d.claims[0], id="small", sides=(d.claims[0].sides[1], d.claims[0].sides[1]))
    data = dossier_to_json(replace(d, claims=(small, *d.claims)))
    assert [c["id"] for c in data["conflicts"]] == ["c1", "small"]


def _revised(d: Dossier) -> Claim:
    """The dossier's first conflict told as a later report's revision of an earlier one."""
    first = next(c for c in d.claims if c.status == "conflict")
    return replace(first, id="rev", about="Number of survivors revised", difference="update")


def test_a_conflict_tells_how_its_values_differ() -> None:
    d = full_dossier()
    data = dossier_to_json(replace(d, claims=(*d.claims, _revised(d))))
    validate_dossier(data)
    differences = {c["id"]: c.get("difference") for c in data["claims"]}
    assert differences["c1"] == "contradiction" and differences["rev"] == "update"
    assert [c["status"] for c in data["claims"] if c["id"] == "rev"] == ["conflict"]
    assert {"c1", "rev"} <= {c["id"] for c in data["conflicts"]}  # values differ in both
    assert all("difference" not in c for c in data["claims"] if c["status"] != "conflict")
    agreed = next(c for c in data["claims"] if c["status"] == "agreed")
    agreed["difference"] = "update"
    with pytest.raises(TriangulateError):
        validate_dossier(data)  # a difference belongs to a conflict only


def test_a_claim_s_difference_belongs_to_a_conflict() -> None:
    side = full_dossier().claims[0].sides[0]
    assert Claim("x", "a", "conflict", "r", (side,)).difference == "contradiction"
    with pytest.raises(ValueError, match="difference"):
        Claim("x", "a", "agreed", "r", (side,), difference="update")
    with pytest.raises(ValueError, match="difference"):
        Claim("x", "a", "conflict", "r", (side,), difference="maybe")


@pytest.mark.parametrize(
    ("render", "conflicts", "updates"),
    [
        (render_markdown, "\n## Conflicts\n", "\n## Updates\n"),
        (render_html, '<section id="conflicts">', '<section id="updates">'),
    ],
)
def test_updates_are_shown_apart_from_contradictions(
    render: Any, conflicts: str, updates: str
) -> None:
    d = full_dossier()
    shown = render(replace(d, claims=(*d.claims, _revised(d))))
    assert shown.index(conflicts) < shown.index(updates)
    assert shown.index("Number of survivors revised") > shown.index(updates)


def test_a_dossier_stored_before_differences_shows_its_updates_as_updates() -> None:
    """Dossiers stored by earlier versions gave an update the status "update"."""
    data = dossier_to_json(full_dossier())
    legacy = {k: v for k, v in data["claims"][0].items() if k != "difference"}
    legacy |= {"id": "old", "status": "update"}
    view = DossierView({**data, "claims": [*data["claims"], legacy]})
    assert [c["id"] for c in view.updates()] == ["old"]
    assert "old" not in {c["id"] for c in view.conflicts()}
    assert view.counts()["update"] == 1
    assert section_of(legacy) == "update" and section_of(data["claims"][0]) == "conflict"


def test_validate_names_the_first_problem() -> None:
    data = dossier_to_json(full_dossier())
    data["claims"][1]["status"] = "maybe"
    with pytest.raises(TriangulateError, match=r"dossier\.claims\[1\]\.status"):
        validate_dossier(data)
    del data["labels"]
    with pytest.raises(TriangulateError, match="labels"):
        validate_dossier(data)


def test_check_evidence_reports_spans_that_do_not_match() -> None:
    data = dossier_to_json(full_dossier())
    data["summary"][0]["evidence"][0]["start"] += 1
    data["quotes"][0]["evidence"]["article"] = "nope"
    problems = check_evidence(data)
    assert len(problems) == 2
    assert problems[0].startswith("summary[0].evidence[0]:")
    assert "unknown article 'nope'" in problems[1]


# --- Markdown and HTML ----------------------------------------------------------------------


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def parsed(page: str) -> TagCollector:
    collector = TagCollector()
    collector.feed(page)
    return collector


def test_html_shows_hostile_article_text_only_as_text() -> None:
    page = render_html(hostile_dossier())
    tags = parsed(page).tags
    names = {tag for tag, _ in tags}
    assert "script" not in names and "img" not in names and "b" not in names and "i" not in names
    for _, attrs in tags:
        for key, value in attrs:
            assert not key.startswith("on")
            assert not (value or "").strip().lower().startswith("javascript:")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_markdown_neutralises_html_and_markdown_from_articles() -> None:
    text = render_markdown(hostile_dossier())
    for bad in ("<script", "<img", "<b>", "<i>", "<u>", "](javascript:", 'href="javascript'):
        assert bad not in text
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in text
    assert "\\| pipes \\|" in text and "\\*stars\\*" in text


def test_report_files_show_an_articles_control_characters_as_symbols(tmp_path: Path) -> None:
    escapes = "Ferry\x1b[2J\x1b]0;owned\x07 news \x9b31m sank\u200f."
    article = Article("x", "x.txt", f"{escapes} Crews searched.", outlet="Herald\x1b[31m")
    dossier = build_dossier([article], [Reading("x", "t")], [], [], [], [])
    files = write_dossier(dossier, tmp_path, ["json", "md", "html"])
    for path in files:
        written = path.read_text(encoding="utf-8")
        for raw in ("\x1b", "\x07", "\x9b"):
            assert raw not in written, (path.name, raw)
    data = json.loads((tmp_path / "dossier.json").read_text(encoding="utf-8"))
    assert data["articles"][0]["outlet"] == "Herald\x1b[31m"  # JSON keeps the value, escaped
    markdown = (tmp_path / "dossier.md").read_text(encoding="utf-8")
    assert "Ferry␛\\[2J␛\\]0;owned␇ news" in markdown
    assert "\u200f" in (tmp_path / "dossier.html").read_text(
        encoding="utf-8"
    )  # a right-to-left mark stays


def test_html_is_one_self_contained_page() -> None:
    page = render_html(full_dossier())
    tags = parsed(page).tags
    assert all(tag not in {"script", "link", "iframe", "img"} for tag, _ in tags)
    assert all(key != "src" for _, attrs in tags for key, _ in attrs)
    assert page.count("<style>") == 1


def test_html_orders_sections_and_links_citations_to_marked_spans() -> None:
    page = render_html(full_dossier())
    order = [page.index(f'id="{s}"') for s in ("conflicts", "updates", "agreements", "single")]
    order += [page.index(f'id="{s}"') for s in ("timeline", "framing", "quotes", "summary")]
    assert order == sorted(order) and page.index('id="sources"') > order[-1]
    tags = parsed(page).tags
    marks = {dict(a)["id"] for t, a in tags if t == "mark" and dict(a).get("id")}
    links = {
        dict(a)["href"] for t, a in tags if t == "a" and "cite" in (dict(a).get("class") or "")
    }
    assert links and {(link or "").lstrip("#") for link in links} <= marks
    assert "<details>" in page and "Subscribe to our newsletter" in page
    assert "2 independent sources" in page  # the agreed claim: a and b


def test_markdown_has_the_conflict_table_before_agreements() -> None:
    text = render_markdown(full_dossier())
    assert text.index("## Conflicts") < text.index("## Agreements") < text.index("## Timeline")
    assert "| 41 — Harbour Courier, Copy Desk \\(copy\\) | 38 — Velmar Daily |" in text
    assert "2 independent sources" in text
    assert "| Actor | Harbour Courier | Velmar Daily |" in text
    assert "<details><summary>Removed lines (1)</summary>" in text
    assert "[\\[1\\]](#ev-1-" in text


def test_markdown_source_text_marks_cited_spans() -> None:
    text = render_markdown(full_dossier())
    assert re.search(r'\*\*<a id="ev-2-\d+"></a>Rescuers pulled <a id="ev-2-\d+"></a>38 ', text)
    assert "was **calm**, according" in text


# --- writing --------------------------------------------------------------------------------


def test_write_dossier_writes_each_format_atomically(tmp_path: Path) -> None:
    d = full_dossier()
    paths = write_dossier(d, tmp_path / "out", ["json", "md", "html"])
    assert [p.name for p in paths] == ["dossier.json", "dossier.md", "dossier.html"]
    data = json.loads(paths[0].read_text(encoding="utf-8"))
    validate_dossier(data)
    assert check_evidence(data) == []
    assert paths[1].read_text(encoding="utf-8") == render_markdown(d)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in paths)


def test_write_dossier_rejects_unknown_formats(tmp_path: Path) -> None:
    with pytest.raises(TriangulateError, match="unknown report format 'pdf'"):
        write_dossier(full_dossier(), tmp_path, ["json", "pdf"])
    assert list(tmp_path.iterdir()) == []


def test_write_refuses_a_dossier_with_invalid_content(tmp_path: Path) -> None:
    d = full_dossier()
    broken = replace(d, claims=(replace(d.claims[0], confidence=2.0),))
    with pytest.raises(TriangulateError, match="confidence"):
        write_dossier(broken, tmp_path, ["json"])
    assert not (tmp_path / "dossier.json").exists()


def test_empty_dossier_still_renders_and_validates() -> None:
    article = Article("solo", "solo.txt", "Nothing happened.", published=None)
    d = build_dossier([article], [], [], [], [], [])
    data = dossier_to_json(d)
    validate_dossier(data)
    assert "No dated events were found." in render_html(d)
    assert render_markdown(d).startswith("# Dossier: 1 source\n")
    assert Evidence("solo", 0, 7, "Nothing") == Evidence("solo", 0, 7, "Nothing")


def test_a_source_cited_less_surely_is_shown_as_such_in_every_format() -> None:
    articles, readings, _ = fixture()
    sure = find("a", TEXT_A, "The cause of the sinking is not yet known, the port authority said.")
    maybe = replace(find("b", TEXT_B, "The cause of the sinking is not yet known."), tentative=True)
    claim = Claim(
        "c1",
        "The cause of the sinking is not yet known",
        "agreed",
        "1 independent source states it (Ledger).",
        (Side(None, "The cause of the sinking is not yet known", ("a", "b"), (sure, maybe)),),
        0.3,
        kind="statement",
    )
    dossier = build_dossier(articles, readings, [claim], [], [], [])
    data = dossier_to_json(dossier)
    validate_dossier(data)
    cited = data["claims"][0]["sides"][0]["evidence"]
    assert [e.get("tentative", False) for e in cited] == [False, True]
    markdown = render_markdown(dossier)
    assert "1 independent source (" in markdown and "; less surely: " in markdown
    # one source stating it is no agreement: it is listed apart, in every format
    assert "## Agreements" not in markdown and "## Perhaps shared" in markdown
    page = render_html(dossier)
    assert "; less surely: " in page and 'id="perhaps-shared"' in page
    assert "No point is confirmed by more than one source." in page
    # a report that quotes one sentence of a claim quotes one that surely states it
    first = claim.sides[0]
    shown = replace(claim, sides=(replace(first, evidence=(maybe, sure)),))
    listed = render_markdown(build_dossier(articles, readings, [shown], [], [], []))
    assert "the port authority said" in listed.split("## Perhaps shared", 1)[1].split("\n\n")[1]


def test_a_statement_labelled_by_its_own_words_is_not_said_twice() -> None:
    articles, readings, _ = fixture()
    said = find("a", TEXT_A, "The cause of the sinking is not yet known, the port authority said.")
    about = "The cause of the sinking is not yet known"
    claim = Claim(
        "c1", about, "agreed", "1 independent source states it (Ledger).",
        (Side(None, about, ("a",), (said,)),), 0.3, kind="statement",
    )  # fmt: skip
    dossier = build_dossier(articles, readings, [claim], [], [], [])
    listed = render_markdown(dossier).split("## Perhaps shared", 1)[1]
    assert f"- **{about}** — 1 independent source" in listed
    assert f"{about}**: {about}" not in listed
    page = render_html(dossier)
    assert f'<span class="value">{about}</span>' not in page
    # a figure keeps its value after its label, and a clipped label its full sentence
    assert values_shown("Number of boats sunk", ["two", "two", "2"]) == ["two", "2"]
    assert values_shown("The cause of the sinking is…", [f"{about}."]) == []
    assert values_shown("The cause", [about]) == [about]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab \n", max_size=40),
    st.sets(st.tuples(st.integers(-5, 45), st.integers(-5, 45)), max_size=12),
)
def test_an_articles_text_is_cut_and_marked_where_its_cited_spans_lie(
    text: str, spans: set[tuple[int, int]]
) -> None:
    segments = _segments(text, spans, 1)
    assert "".join(segment["text"] for segment in segments) == text
    at = 0
    for segment in segments:
        if segment["text"]:  # a piece is marked when one span covers it whole
            end = at + len(segment["text"])
            assert segment["marked"] == any(s <= at and end <= e for s, e in spans)
            at = end
    assert {segment["id"] for segment in segments if segment["id"]} == {
        span_anchor(1, start) for start, _ in spans
    }
