"""The comparison's candidate index: below its cap the aligner and the linker link exactly
what scoring every pair links; beyond it the pairs they score, and those the second look looks
at again, grow with the statements and values, not with their square (counted, never timed).
The aligner's tables kept as compressed rows, and features computed on the candidate pairs
alone, give the features of dense tables."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triangulate.api import Store
from triangulate.compare import candidates
from triangulate.compare.agreements import _clause_labels, statement_claims
from triangulate.compare.align import (
    FEATURES,
    Band,
    _ByColumn,
    _Shared,
    _tables,
    _units,
    aligned,
    band_pairs,
    block_features,
    cliques,
    default_model,
    joined,
    pair_block_features,
    pair_features,
    score_pairs,
    without_near_duplicates,
)
from triangulate.compare.claims import _linker, collect_mentions
from triangulate.compare.link import Linker, LinkInput, surnames
from triangulate.compare.statements import Statement, statements_of
from triangulate.models import Article, Evidence, Reading, Unit
from triangulate.nlp.encoder import load_encoder
from triangulate.readers.reader import read_many

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "text"


@pytest.fixture(scope="module")
def example() -> tuple[list[Article], list[Reading]]:
    """The invented example event, ingested and read."""
    with Store(":memory:", workers=1) as store:
        articles = list(store.ingest([str(path) for path in sorted(EXAMPLE.glob("*.txt"))]))
    return articles, read_many(articles)


def _every_pair_scored(statements: Sequence[Statement]) -> dict[tuple[int, int], float]:
    """Every pair of different sources scored, as the weights were fitted: the reference."""
    model = default_model()
    pairs, matrix = pair_features(statements, model.features)
    probabilities = model.score({f: matrix[:, k] for k, f in enumerate(model.features)})
    return {
        (i, j): float(p)
        for (i, j), p in zip(pairs.tolist(), probabilities, strict=True)
        if p >= model.threshold
    }


def test_below_the_cap_every_pair_of_other_sources_is_a_candidate(
    example: tuple[list[Article], list[Reading]],
) -> None:
    statements = statements_of(*example)
    assert candidates.below_cap(statements)  # the example is one event's coverage
    every = [
        [i, j]
        for i in range(len(statements))
        for j in range(i + 1, len(statements))
        if statements[i].source != statements[j].source
    ]
    assert candidates.statement_pairs(statements).tolist() == every


def test_below_the_cap_the_aligner_keeps_what_scoring_every_pair_keeps(
    example: tuple[list[Article], list[Reading]],
) -> None:
    statements = statements_of(*example)
    kept = score_pairs(statements, default_model())
    reference = _every_pair_scored(statements)
    assert len(reference) >= 10
    assert list(kept) == sorted(reference)
    assert kept == pytest.approx(reference, abs=1e-6)


def test_beyond_the_cap_pairs_are_lost_never_scored_otherwise(
    example: tuple[list[Article], list[Reading]],
) -> None:
    statements = statements_of(*example)
    cap = 4  # far below the example's statements of other sources
    assert not candidates.below_cap(statements, cap)
    scored = candidates.pairs_to_score(statements, cap)
    assert scored is not None  # the index, not whole blocks
    assert len(scored) <= 2 * cap * len(statements)
    kept = score_pairs(statements, default_model(), cap)
    reference = _every_pair_scored(statements)
    assert set(kept) <= set(reference) and len(kept) >= len(reference) // 2
    assert kept == pytest.approx({pair: reference[pair] for pair in kept}, abs=1e-6)


def test_the_linker_links_what_scoring_every_pair_of_one_kind_links(
    example: tuple[list[Article], list[Reading]],
) -> None:
    articles, readings = example
    statements = statements_of(articles, readings)
    _, scores, _ = aligned(statements)
    mentions = collect_mentions(articles, readings)
    known = {reading.article: surnames(reading) for reading in readings}
    linker = _linker(mentions, statements, scores, readings, load_encoder(), known)
    found = linker.pairs()
    assert len(found) >= 5
    assert list(found.items()) == list(_every_value_pair(linker).items())


def _every_value_pair(linker: Linker) -> dict[tuple[int, int], tuple[float, bool]]:
    """Every pair of values of one kind scored, in the order of kinds, then i, then j."""
    kinds: dict[str, list[int]] = {}
    for index, value in enumerate(linker.values):
        kinds.setdefault(linker._kind(value), []).append(index)
    found = {}
    for members in kinds.values():
        for position, i in enumerate(members):
            for j in members[position + 1 :]:
                scored = linker.score(i, j)
                if scored is not None:
                    found[(i, j)] = scored
    return found


# ---------------------------------------------------------------- growth on a large event

PEOPLE = ("crews", "volunteers", "wardens", "inspectors", "medics", "pilots", "divers")
ACTS = ("moved", "counted", "found", "carried", "checked", "cleared", "reached")
THINGS = ("sandbags", "pumps", "boats", "tents", "levees", "bridges", "roads", "houses")
PLACES = ("quay", "mill", "ferry", "depot", "levee", "school", "chapel", "market")


def _invented_event(
    articles: int,
    sentences: int = 10,
    words: tuple[tuple[str, ...], ...] = (PEOPLE, ACTS, THINGS, PLACES),
    first: int = 0,
    streets: range = range(1, 41),
) -> list[Statement]:
    """One flood told by ``articles`` outlets in invented sentences sharing most words (or
    another event, told in ``words``, in ``streets``); the outlets numbered from ``first``."""
    pick = random.Random(articles)
    statements: list[Statement] = []
    for article in range(first, first + articles):
        for number in range(sentences):
            lemmas = (*(pick.choice(kind) for kind in words), f"street{pick.choice(streets)}")
            text = " ".join(lemmas)
            unit = Unit(Evidence(f"a{article}", 0, len(text), text), words=lemmas, lemmas=lemmas)
            statements.append(
                Statement(
                    index=len(statements),
                    article=f"a{article}",
                    source=f"Outlet {article}",
                    unit=unit,
                    number=number,
                    names=frozenset(),
                    people=frozenset(),
                    quantities=(),
                    times=(),
                    facts=(),
                )
            )
    return statements


def test_scored_statement_pairs_grow_linearly_on_a_large_event() -> None:
    cap = 16
    counts = {}
    for articles in (20, 40, 80):
        statements = _invented_event(articles)
        counts[len(statements)] = len(candidates.statement_pairs(statements, cap))
    for size, count in counts.items():
        assert cap * size / 2 <= count <= 2 * cap * size  # every pair: size * size / 2
    assert counts[800] <= 2.2 * counts[400] <= 4.84 * counts[200]


# A second invented event: a council vote, told with words of its own; a few street names
# are what both events' sentences share.
VOTE = (
    ("councillors", "aldermen", "clerks", "mayors"),
    ("voted", "tabled", "amended", "rejected", "adopted"),
    ("budget", "levy", "bylaw", "motion", "tender"),
    ("chamber", "hall", "annex", "committee"),
)


def _two_events(outlets: int) -> list[Statement]:
    """A flood and a council vote, each told by ``outlets`` outlets, fed to one comparison."""
    flood = _invented_event(outlets)
    vote = _invented_event(outlets, words=VOTE, first=outlets, streets=range(35, 75))
    return [replace(s, index=i) for i, s in enumerate(flood + vote)]


def test_statements_of_two_events_fed_together_are_not_each_others_candidates() -> None:
    statements = _two_events(12)
    flood = {s.source: int(s.article[1:]) < 12 for s in statements}
    pairs = candidates.statement_pairs(statements, cap=16).tolist()
    assert pairs
    assert all(flood[statements[i].source] == flood[statements[j].source] for i, j in pairs)
    # the street names alone pair them: the index searched in every source finds such partners
    source = candidates.source_ids(statements)
    index = candidates._LemmaIndex(statements, source, candidates.POSTINGS)
    shared = next(s.index for s in statements if {"street35", "street36"} & set(s.unit.lemmas))
    assert not all(flood[statements[k].source] for k in index.nearest(shared, 64).tolist())


def test_every_article_of_one_event_is_near_every_other() -> None:
    statements = _invented_event(20)
    index = candidates._LemmaIndex(statements, candidates.source_ids(statements), 1024)
    near = candidates.near_articles(index, candidates.article_ids(statements))
    assert near is not None
    assert (near | np.eye(20, dtype=np.bool_)).all()


def test_reports_of_another_event_of_one_kind_are_not_near_however_many() -> None:
    """Thirty reports of a second event of the flood's kind share its crews and acts: their
    cosines with the flood's reports are over the floor, but a fraction of what those share
    with one another. The flood's reports do not look for candidates in them, nor they in the
    flood's: else the more such reports were fed, the more each statement's candidates."""
    flood = _invented_event(12)
    kind = (PEOPLE, ACTS, VOTE[2], VOTE[3])
    other = _invented_event(30, words=kind, first=12, streets=range(41, 81))
    statements = [replace(s, index=i) for i, s in enumerate(flood + other)]
    cosine = candidates.article_cosines(statements)
    assert np.median(cosine[:12, 12:]) >= candidates.NEAR_FLOOR  # over the floor alone
    index = candidates._LemmaIndex(statements, candidates.source_ids(statements), 1024)
    near = candidates.near_articles(index, candidates.article_ids(statements))
    assert near is not None
    assert not near[:12, 12:].any()
    assert (near[:12, :12] | np.eye(12, dtype=np.bool_)).all()


def test_an_outlet_telling_several_events_is_searched_by_each_of_its_articles() -> None:
    """One outlet's flood report stays near the flood's other reports, though most of that
    outlet's articles tell the vote: nearness is an article's, not its outlet's."""
    flood = _invented_event(12)
    vote = _invented_event(32, words=VOTE, first=12, streets=range(35, 75))
    outlet = {"a0", *(f"a{n}" for n in range(24, 44))}  # one flood report, 20 vote reports
    statements = [
        replace(s, index=i, source="Outlet big" if s.article in outlet else s.source)
        for i, s in enumerate(flood + vote)
    ]
    pairs = candidates.statement_pairs(statements, cap=16).tolist()
    flood_of_big = {s.index for s in statements if s.article == "a0"}
    flood_articles = {f"a{n}" for n in range(1, 12)}
    partners = {
        statements[j if i in flood_of_big else i].article
        for i, j in pairs
        if i in flood_of_big or j in flood_of_big
    }
    assert partners & flood_articles


def test_values_sharing_a_key_are_paired_in_proportion_to_them() -> None:
    cap = 8
    assert candidates.bucket_pairs([["one key"]] * (cap + 1), cap) == {
        (i, j) for i in range(cap + 1) for j in range(i + 1, cap + 1)
    }
    counts = [len(candidates.bucket_pairs([["one key"]] * size, cap)) for size in (100, 200)]
    assert counts[0] <= cap * 100 and counts[1] <= 2 * counts[0] + cap * cap
    assert candidates.bucket_pairs([["a"], ["b"], ["a", "b"]], cap) == {(0, 2), (1, 2)}


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from("abcde"), max_size=3), max_size=60),
    st.integers(min_value=1, max_value=6),
    st.lists(st.integers(min_value=-1, max_value=3), min_size=60, max_size=60),
)
def test_values_of_articles_all_near_are_paired_as_without_nearness(
    keys: list[list[str]], cap: int, rows: list[int]
) -> None:
    everyone = np.ones((4, 4), dtype=np.bool_)
    group = np.array(rows[: len(keys)], dtype=np.int64)
    near = candidates.bucket_pairs(keys, cap, near=everyone, group=group)
    assert near == candidates.bucket_pairs(keys, cap)


def test_values_of_far_articles_are_not_paired_and_near_ones_are_found_past_them() -> None:
    cap = 4
    near = np.array([[True, False], [False, True]])
    rows = [0] + [1] * (2 * cap) + [0]  # one key: a value, 8 of a far article, a near one
    found = candidates.bucket_pairs([["verb"]] * len(rows), cap, near, np.array(rows))
    assert (0, len(rows) - 1) in found  # past the far ones, within the reach
    assert not any(rows[i] != rows[j] for i, j in found)
    assert (0, len(rows) - 1) not in candidates.bucket_pairs([["verb"]] * len(rows), cap)
    far_out = [0] + [1] * (candidates.REACH * cap) + [0]
    assert candidates.bucket_pairs([["verb"]] * len(far_out), cap, near, np.array(far_out)) == {
        (i, j)
        for i in range(1, len(far_out) - 1)
        for j in range(i + 1, min(i + cap + 1, len(far_out) - 1))
    }


def test_the_linker_pairs_no_values_of_another_event_beyond_the_cap() -> None:
    """Thirty reports of another event of the flood's kind give the flood's count, on the
    flood's verb: beyond the candidate cap the linker pairs each value with values of near
    articles only, so no flood figure is linked to theirs (before, 360 of 861 links were)."""
    flood = _invented_event(12)
    kind = (PEOPLE, ACTS, VOTE[2], VOTE[3])
    other = _invented_event(30, words=kind, first=12, streets=range(41, 81))
    statements = [replace(s, index=i) for i, s in enumerate(flood + other)]
    assert not candidates.below_cap(statements)
    firsts = {s.article: s for s in reversed(statements)}  # each article's first statement
    values = [
        LinkInput(
            kind="quantity",
            article=s.article,
            source=s.source,
            statement=s.index,
            value_evidence=Evidence(s.article, 0, 2, "12"),
            predicate="move",
            subject=None,
            unit="crews",
            words=frozenset({"crew"}),
            reliable=True,
            compatible_with=lambda _: True,
            low=12.0,
        )
        for s in firsts.values()
    ]
    linked = Linker(values, statements, {}, lambda _a, _b: 0.0, {}).pairs()
    of_flood = [values[k].article in {s.article for s in flood} for k in range(len(values))]
    assert len(linked) >= 100  # the reports of each event linked to one another
    assert all(of_flood[i] == of_flood[j] for i, j in linked)


# ---------------------------------------------------------------- the aligner's tables and looks


def test_compressed_tables_densify_to_the_tables_a_dense_build_gives() -> None:
    rows = [["harbour", "ferry", "harbour"], ["ferry", "storm"], ["quay"], ["storm", "harbour"]]
    vocabulary = _Shared(rows, [0, 1, 2, 2])  # quay is one source's alone: not shared
    weight = {"harbour": 0.5, "ferry": 1.25, "storm": 0.0, "quay": 2.0}.__getitem__
    table = vocabulary.matrix(rows, weight, counts=True)
    columns = vocabulary.index
    expected = np.zeros((4, len(columns)), dtype=np.float32)
    for row, items in enumerate(rows):
        for item in items:
            if item in columns:
                expected[row, columns[item]] += np.float32(weight(item))
    assert np.array_equal(table.dense(), expected)  # a repeated word counts twice
    assert table.held(np.array([1])).tolist() == [columns["ferry"]]  # a zero weight holds none
    cut = np.array([columns["harbour"]])
    assert np.array_equal(table.dense(np.array([3, 0]), cut), expected[[3, 0]][:, cut])


def test_a_tables_entries_by_column_densify_to_what_its_rows_give() -> None:
    pick = np.random.default_rng(3)
    words = [f"w{k}" for k in range(40)]
    rows = [list(pick.choice(words, size=int(pick.integers(0, 12)))) for _ in range(30)]
    vocabulary = _Shared(rows, [k % 5 for k in range(30)])
    table = vocabulary.matrix(rows, lambda word: 0.25 + int(word[1:]) / 7, counts=True)
    by_column = _ByColumn.of(table)
    for members in (np.array([4, 0, 29, 7]), np.arange(30), np.array([], dtype=np.int64)):
        position = np.full(30, -1, dtype=np.int64)
        position[members] = np.arange(len(members))
        for columns in (table.held(members[:2]), np.arange(table.width)):
            found = by_column.dense(position, len(members), columns)
            # bit for bit the rows' own view: the word cosines of a view are those of the whole
            assert np.array_equal(found, table.dense(members, columns))


def test_features_computed_on_the_pairs_alone_are_those_of_the_dense_tables(
    example: tuple[list[Article], list[Reading]],
) -> None:
    statements = statements_of(*example)
    dense = _tables(statements)
    units = _units(statements)
    units.best_words = dense.best_words
    rows = np.arange(5, 17)
    pairs = np.array(
        [
            (i, j)
            for i in rows.tolist()
            for j in range(0, len(statements), 2)
            if statements[i].source != statements[j].source
        ]
    )
    alone = pair_block_features(units, rows, pairs)
    whole = block_features(dense, slice(5, 17))
    assert set(alone) == set(whole) == set(FEATURES)
    for name in FEATURES:
        assert alone[name].shape == (len(pairs),)  # one value a pair, not a block
        mine = whole[name][pairs[:, 0] - 5, pairs[:, 1]]
        assert alone[name] == pytest.approx(mine, abs=1e-6), name
    assert alone["seg_tfidf"].max() > 0 and alone["idf_maxshared"].max() > 0


def test_near_duplicate_groups_are_those_comparing_every_kept_group_finds() -> None:
    statements = _invented_event(9, sentences=4)
    pick = random.Random(5)
    by_source: dict[str, list[int]] = {}
    for s in statements:
        by_source.setdefault(s.source, []).append(s.index)
    outlets = sorted(by_source)
    groups = []
    for _ in range(300):  # overlapping groups of 2 to 6 sources, many repeating another
        chosen = pick.sample(outlets, pick.randint(2, 6))
        groups.append(sorted(pick.choice(by_source[o][:2]) for o in chosen))
    scores = {(a, b): pick.uniform(0.2, 0.9) for g in groups for a in g for b in g if a < b}
    kept = without_near_duplicates(groups, statements, scores)
    assert 0 < len(kept) < len(groups)
    assert kept == _without_near_duplicates_by_every_pair(groups, statements, scores)


def _without_near_duplicates_by_every_pair(
    groups: list[list[int]], statements: Sequence[Statement], scores: dict[tuple[int, int], float]
) -> list[list[int]]:
    """The reference: each group, strongest first, against every group kept before it."""

    def strength(group: list[int]) -> tuple[int, float]:
        pairs = [scores.get((a, b), 0.0) for a in group for b in group if a < b]
        return len(group), sum(pairs) / max(1, len(pairs))

    kept: list[tuple[set[int], set[str]]] = []
    for group in sorted(groups, key=strength, reverse=True):
        members, sources = set(group), {statements[k].source for k in group}
        if not any(
            min(len(members), len(other)) >= 3
            and len(members & other) >= min(len(members), len(other)) - 1
            and sources <= their_sources
            for other, their_sources in kept
        ):
            kept.append((members, sources))
    chosen = {frozenset(members) for members, _ in kept}
    return [group for group in groups if frozenset(group) in chosen]


def test_cliques_and_their_joining_are_those_looking_up_every_pair_finds() -> None:
    statements = _invented_event(12, sentences=3)
    pick = random.Random(11)
    scores = {
        (i, j): pick.uniform(0.2, 0.9)
        for i in range(len(statements))
        for j in range(i + 1, len(statements))
        if statements[i].source != statements[j].source and pick.random() < 0.3
    }
    found = cliques(statements, scores)
    assert found == _cliques_by_pair_lookup(statements, scores)
    assert any(len(group) > 3 for group in found)
    # facts told by several outlets, every pair linked, given as overlapping parts to join
    parts = []
    for fact in range(4):
        told = [3 * outlet + fact % 3 for outlet in pick.sample(range(12), 7)]
        scores.update({_pair(a, b): 0.95 for a in told for b in told if a != b})
        parts += [sorted(told[:4]), sorted(told[3:]), sorted(told[1:3] + told[5:])]
    groups = parts + found
    merged = joined(groups, statements, scores)
    assert merged == _joined_by_pair_lookup(groups, statements, scores)
    assert len(merged) < len(groups)


def _cliques_by_pair_lookup(
    statements: Sequence[Statement], scores: dict[tuple[int, int], float]
) -> list[list[int]]:
    """The reference: the greedy cliques, each candidate looked up against every member."""
    neighbours: dict[int, set[int]] = {}
    for i, j in scores:
        neighbours.setdefault(i, set()).add(j)
        neighbours.setdefault(j, set()).add(i)
    covered: set[tuple[int, int]] = set()
    groups = []
    for (i, j), _ in sorted(scores.items(), key=lambda item: -item[1]):
        if (i, j) in covered:
            continue
        group, sources = [i, j], {statements[i].source, statements[j].source}
        for k in sorted(
            neighbours[i] & neighbours[j],
            key=lambda k: -(scores.get(_pair(k, i), 0.0) + scores.get(_pair(k, j), 0.0)),
        ):
            if statements[k].source not in sources and all(_pair(k, m) in scores for m in group):
                group.append(k)
                sources.add(statements[k].source)
        covered |= {_pair(a, b) for a in group for b in group if a != b}
        groups.append(sorted(group))
    return groups


def _joined_by_pair_lookup(
    groups: list[list[int]], statements: Sequence[Statement], scores: dict[tuple[int, int], float]
) -> list[list[int]]:
    """The reference: groups sharing a statement made one when every pair of the union is
    looked up linked and no source appears twice."""
    merged: list[list[int]] = []
    home_of: dict[int, int] = {}
    for group in groups:
        home = None
        for h in sorted({home_of[k] for k in group if k in home_of}):
            union = sorted(set(merged[h]) | set(group))
            sources = [statements[k].source for k in union]
            if len(set(sources)) == len(sources) and all(
                (a, b) in scores for n, a in enumerate(union) for b in union[n + 1 :]
            ):
                home = h
                break
        if home is None:
            home = len(merged)
            merged.append([])
        merged[home] = sorted(set(merged[home]) | set(group))
        home_of.update((k, home) for k in group)
    return merged


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def test_strongest_keeps_every_pair_within_the_cap_and_the_best_beyond() -> None:
    pairs = [(0, 1), (0, 2), (0, 3), (1, 2), (2, 3)]
    scores = [0.3, 0.9, 0.5, 0.4, 0.2]
    nobody = np.zeros(4, dtype=np.bool_)
    assert candidates.strongest(pairs, scores, nobody, 1).all()
    only_first = np.array([True, False, False, False])
    # statement 0 keeps its best pair (0, 2); (0, 1) and (0, 3) stay for their other side
    assert candidates.strongest(pairs, scores, only_first, 1).all()
    everyone = np.ones(4, dtype=np.bool_)
    kept = candidates.strongest(pairs, scores, everyone, 1).tolist()
    # 0 keeps (0, 2), 1 keeps (1, 2), 2 keeps (0, 2), 3 keeps (0, 3)
    assert kept == [False, True, True, True, False]


def test_the_second_look_looks_at_pairs_in_proportion_to_the_statements() -> None:
    band = Band(0.05, (0.0, 0.0), (1.0, 1.0), (0.0, 1.0), 0.0, 0.5)
    looked = {}
    for articles in (40, 80, 160):  # beyond the cap: every statement is limited
        statements = _invented_event(articles)
        told = [frozenset(s.unit.words) for s in statements]
        pick = random.Random(articles)
        n = len(statements)
        # each statement has ever more pairs in the band the more articles there are
        partners = (
            (i, (i + 1 + pick.randrange(n - 1)) % n) for i in range(n) for _ in range(n // 8)
        )
        pairs = sorted({(min(i, j), max(i, j)) for i, j in partners})
        pairs = [(i, j) for i, j in pairs if statements[i].source != statements[j].source]
        scores = np.array([pick.uniform(0.05, 0.3) for _ in pairs], dtype=np.float32)
        limited = candidates.beyond_cap(statements)
        assert limited.all()
        near = band_pairs(np.array(pairs), scores, told, band, limited)
        assert len(near) <= candidates.BAND_CAP * n < len(pairs)
        looked[n] = len(near)
        # below the cap nothing is left out: every pair in the band sharing a told word
        everything = band_pairs(np.array(pairs), scores, told, band, ~limited)
        assert len(everything) == sum(1 for i, j in pairs if told[i] & told[j])
    assert looked[1600] <= 2.2 * looked[800] <= 4.84 * looked[400]


def test_each_statement_is_labelled_once_however_many_groups_hold_it() -> None:
    statements = _invented_event(12, sentences=3)
    articles = [
        Article(id=f"a{k}", source=f"a{k}.txt", outlet=f"Outlet {k}", text="") for k in range(12)
    ]
    # every statement of the first sentence in many groups of four sources
    firsts = [s.index for s in statements if s.number == 0]
    groups = [sorted(firsts[k : k + 4]) for k in range(len(firsts) - 3)] * 5
    scores = {(a, b): 0.9 for group in groups for a in group for b in group if a < b}
    _clause_labels.cache_clear()
    statement_claims(groups, statements, articles, scores)
    assert _clause_labels.cache_info().misses == len(firsts)
    assert _clause_labels.cache_info().hits >= 3 * len(firsts)
