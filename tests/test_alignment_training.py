"""Fitting the alignment weights: ECB+ coreference read into sentence labels, the logistic
regression and its cross-validated choices, and the pair features it is fitted on."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import numpy as np
import pytest

from triangulate.compare.align import default_model, pair_features, score_pairs
from triangulate.compare.statements import statements_of
from triangulate.evaluation.alignment_fit import (
    THRESHOLDS,
    auc,
    choose,
    fit_logistic,
    quality_at,
    topic_folds,
)
from triangulate.evaluation.ecbplus import (
    Mentions,
    event_groups,
    line_mentions,
    mentions_within,
    read_annotated,
    same_fact,
)
from triangulate.models import Article
from triangulate.readers.reader import read_many

# An invented two-sentence ECB+-style document: sentence 0 is the URL line of *ecbplus files.
XML = """<Document doc_name="{name}">
<token t_id="1" sentence="0">http://example.org/x</token>
<token t_id="2" sentence="1">Rescuers</token>
<token t_id="3" sentence="1">found</token>
<token t_id="4" sentence="1">the</token>
<token t_id="5" sentence="1">hikers</token>
<token t_id="6" sentence="1">on</token>
<token t_id="7" sentence="1">Tuesday</token>
<token t_id="8" sentence="1">.</token>
<token t_id="9" sentence="2">Officials</token>
<token t_id="10" sentence="2">said</token>
<token t_id="11" sentence="2">so</token>
<token t_id="12" sentence="2">.</token>
<Markables>
<HUMAN_PART_PER m_id="1"><token_anchor t_id="2"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="3"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="3"><token_anchor t_id="5"/></HUMAN_PART_PER>
<TIME_DATE m_id="4"><token_anchor t_id="7"/></TIME_DATE>
<ACTION_REPORTING m_id="5"><token_anchor t_id="10"/></ACTION_REPORTING>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="HUM1"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="2" note="ACT1"><source m_id="2"/><target m_id="9"/></CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="3" note="HUM2"><source m_id="3"/><target m_id="9"/></CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="4" note="TIM1"><source m_id="4"/><target m_id="9"/></CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="5" note="ACT2"><source m_id="5"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>"""


def _mentions(
    actions: Collection[str] = (), arguments: Collection[str] = (), reporting: Collection[str] = ()
) -> Mentions:
    return Mentions(True, frozenset(actions), frozenset(reporting), frozenset(arguments))


def test_same_action_with_three_shared_particulars_is_the_same_fact() -> None:
    found = _mentions({"ACT1"}, {"HUM1", "HUM2", "TIM1", "LOC9"})
    other = _mentions({"ACT1", "ACT7"}, {"HUM1", "HUM2", "TIM1"})
    assert same_fact(found, other) is True


def test_sharing_nothing_is_not_the_same_fact() -> None:
    assert same_fact(_mentions({"ACT1"}, {"HUM1"}), _mentions({"ACT2"}, {"HUM2"})) is False
    # a shared "said" alone is sharing nothing
    said = _mentions({"ACT9"}, reporting={"ACT9"})
    assert same_fact(said, said) is False


def test_the_same_event_with_fewer_shared_particulars_is_left_out() -> None:
    assert (
        same_fact(_mentions({"ACT1"}, {"HUM1", "HUM2"}), _mentions({"ACT1"}, {"HUM1", "HUM2"}))
        is None
    )
    assert same_fact(_mentions(set(), {"HUM1"}), _mentions(set(), {"HUM1"})) is None


def test_a_sentence_without_markables_is_never_labelled() -> None:
    assert same_fact(Mentions(), _mentions({"ACT1"})) is None
    assert same_fact(Mentions(), Mentions()) is None


def test_an_action_told_in_one_part_is_not_only_reported() -> None:
    merged = _mentions({"ACT1"}, reporting={"ACT1"}) | _mentions({"ACT1"})
    assert merged.reporting == frozenset()
    assert same_fact(
        merged | _mentions(set(), {"A", "B", "C"}), _mentions({"ACT1"}, {"A", "B", "C"})
    )


def test_read_annotated_keeps_sentences_and_their_instances(tmp_path: Path) -> None:
    path = tmp_path / "7_3ecbplus.xml"
    path.write_text(XML.format(name=path.name), encoding="utf-8")
    document = read_annotated(path)
    assert (document.topic, document.event) == (7, "7+")
    assert document.text == "Rescuers found the hikers on Tuesday .\nOfficials said so ."
    first, second = (s.mentions for s in document.sentences)
    assert first.actions == {"ACT1"} and first.arguments == {"HUM1", "HUM2", "TIM1"}
    assert second.reporting == {"ACT2"} and second.annotated


def test_lines_are_found_in_a_cleaned_text_and_units_take_what_they_cover(tmp_path: Path) -> None:
    path = tmp_path / "7_3ecbplus.xml"
    path.write_text(XML.format(name=path.name), encoding="utf-8")
    document = read_annotated(path)
    clean = "Rescuers found the hikers on Tuesday .\n\nOfficials said so ."  # a blank line added
    spans = line_mentions(document, clean)
    assert [clean[start:end] for start, end, _ in spans] == [s.text for s in document.sentences]
    assert mentions_within(spans, 0, 5).actions == {"ACT1"}
    assert mentions_within(spans, 0, len(clean)).actions == {"ACT1", "ACT2"}
    # a line the cleaner dropped is simply not found
    assert len(line_mentions(document, "Officials said so .")) == 1


def test_event_groups_keep_each_event_apart(tmp_path: Path) -> None:
    topic = tmp_path / "ECB+" / "7"
    topic.mkdir(parents=True)
    for name in ("7_1ecb.xml", "7_2ecb.xml", "7_1ecbplus.xml", "7_2ecbplus.xml", "7_3ecbplus.xml"):
        (topic / name).write_text(XML.format(name=name), encoding="utf-8")
    groups = event_groups(tmp_path, [7], size=6)
    assert sorted(sorted(d.name for d in g) for g in groups) == [
        ["7_1ecb", "7_2ecb"],
        ["7_1ecbplus", "7_2ecbplus", "7_3ecbplus"],
    ]


# ---------------------------------------------------------------- fitting


def _invented_pairs(count: int = 400, seed: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One informative feature, one noise feature, one constant; ten invented topics."""
    rng = np.random.default_rng(seed)
    y = (rng.random(count) < 0.3).astype(np.float64)
    informative = y * 2.0 + rng.normal(0, 1, count)
    x = np.stack([informative, rng.normal(0, 1, count), np.ones(count)], axis=1)
    return x, y, np.arange(count) % 10


def test_fit_logistic_weighs_the_informative_feature() -> None:
    x, y, _ = _invented_pairs()
    fit = fit_logistic(x, y, l2=1.0)
    assert fit.weights[0] > 1.0
    assert abs(fit.weights[1]) < 0.3 < fit.weights[0]
    assert fit.weights[2] == 0.0 and fit.scale[2] == 1.0  # a constant gets no weight
    assert auc(y, fit.probability(x)) > 0.8
    shrunk = fit_logistic(x, y, l2=1000.0)
    assert 0 < shrunk.weights[0] < fit.weights[0]


def test_auc_and_quality_on_a_known_ranking() -> None:
    y = np.array([1.0, 1.0, 0.0, 0.0])
    assert auc(y, np.array([0.9, 0.8, 0.2, 0.1])) == 1.0
    assert auc(y, np.array([0.5, 0.5, 0.5, 0.5])) == 0.5
    quality = quality_at(y, np.array([0.9, 0.3, 0.6, 0.1]), 0.5)
    assert (quality.precision, quality.recall) == (0.5, 0.5)


def test_choose_picks_from_the_grid_on_held_out_topics() -> None:
    x, y, topics = _invented_pairs()
    assert sorted(t for fold in topic_folds(topics.tolist(), 3) for t in fold) == list(range(10))
    choice = choose(x, y, topics, [1.0, 1e6], folds=5, min_precision=0.8)
    assert choice.l2 == 1.0  # an overwhelming penalty leaves scores nearly flat
    assert choice.threshold in THRESHOLDS
    assert choice.curve[choice.threshold].precision >= 0.8
    assert choice.auc == choice.auc_by_l2[1.0] > 0.8


# ---------------------------------------------------------------- the product's pair features


def test_pair_features_are_what_the_aligner_scores() -> None:
    articles = [
        Article(
            id="north",
            source="north.txt",
            outlet="North Gazette",
            text="Rescuers found the two hikers near the summit of Mount Orlen on Tuesday. "
            "The hikers were taken to a hospital in Tarven.",
        ),
        Article(
            id="south",
            source="south.txt",
            outlet="South Courier",
            text="The two missing hikers were found by rescuers near the Mount Orlen summit. "
            "Both were flown to the hospital in Tarven, officials said.",
        ),
    ]
    statements = statements_of(articles, read_many(articles))
    model = default_model()
    pairs, matrix = pair_features(statements, model.features)
    assert pairs.tolist() == [
        [i, j]
        for i in range(len(statements))
        for j in range(i + 1, len(statements))
        if statements[i].source != statements[j].source
    ]
    assert matrix.shape == (len(pairs), len(model.features)) and len(pairs) >= 4
    probabilities = model.score({f: matrix[:, k] for k, f in enumerate(model.features)})
    kept = score_pairs(statements, model)
    assert kept  # the two first sentences state the same finding
    above = {
        (i, j): float(p)
        for (i, j), p in zip(pairs.tolist(), probabilities, strict=True)
        if p >= model.threshold
    }
    assert above == pytest.approx(kept)
