"""The seminal event of an ECB+ topic half, its gold date and counts, read from invented
documents in the corpus's XML format."""

from __future__ import annotations

from pathlib import Path

import pytest

from triangulate.evaluation.ecbplus_events import half_events, is_count

Sentence = list[tuple[str, str]]  # (token, role: "" or a markable key)


def document(sentences: list[Sentence], markables: dict[str, tuple[str, str]]) -> str:
    """An ECB+ XML document: ``markables`` maps a key to (tag, cross-document instance)."""
    tokens: list[str] = []
    anchors: dict[str, list[int]] = {}
    t_id = 0
    for number, sentence in enumerate(sentences):
        for word, role in sentence:
            t_id += 1
            tokens.append(
                f'<token t_id="{t_id}" sentence="{number}" number="{t_id}">{word}</token>'
            )
            if role:
                anchors.setdefault(role, []).append(t_id)
    marks, relations = [], []
    for m_id, (key, (tag, instance)) in enumerate(markables.items(), start=1):
        anchored = "".join(f'<token_anchor t_id="{t}"/>' for t in anchors[key])
        marks.append(f'<{tag} m_id="{m_id}">{anchored}</{tag}>')
        relations.append(
            f'<CROSS_DOC_COREF r_id="{m_id}" note="{instance}"><source m_id="{m_id}"/>'
            f'<target m_id="{100 + m_id}"/></CROSS_DOC_COREF>'
        )
    return (
        '<Document doc_name="x">' + "".join(tokens) + "<Markables>" + "".join(marks)
        + "</Markables><Relations>" + "".join(relations) + "</Relations></Document>"
    )  # fmt: skip


def words(text: str, roles: dict[str, str] | None = None) -> Sentence:
    """Tokens of ``text``; ``roles`` gives a markable key to some of its words."""
    return [(w, (roles or {}).get(w, "")) for w in text.split()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    topic = tmp_path / "ECB+" / "3"
    topic.mkdir(parents=True)
    marks = {
        "act": ("ACTION_OCCURRENCE", "ACT1"),
        "time": ("TIME_DATE", "TIM1"),
        "count": ("HUMAN_PART_PER", "HUM1"),
        "said": ("ACTION_REPORTING", "ACT9"),
    }
    # dated by its address; "Tuesday" read against it
    (topic / "3_1ecbplus.xml").write_text(
        document(
            [
                words("http://news.example.org/2031/03/14/ferry"),
                words(
                    "Coast guards rescued 14 passengers on Tuesday , officials said .",
                    {
                        "rescued": "act",
                        "Tuesday": "time",
                        "14": "count",
                        "passengers": "count",
                        "said": "said",
                    },
                ),
                words("The ferry sank near the harbour ."),
            ],
            marks,
        ),
        encoding="utf-8",
    )
    # no date of its own: the absolute date of its sentence still counts
    (topic / "3_2ecbplus.xml").write_text(
        document(
            [
                words("http://news.example.org/story/ferry"),
                words(
                    "On 11 March 2031 coast guards saved fourteen passengers , police said .",
                    {
                        "11": "time",
                        "March": "time",
                        "2031": "time",
                        "saved": "act",
                        "fourteen": "count",
                        "passengers": "count",
                        "said": "said",
                    },
                ),
            ],
            marks,
        ),
        encoding="utf-8",
    )
    # the other half: no date anywhere, only a weekday
    (topic / "3_1ecb.xml").write_text(
        document(
            [words("A bridge collapsed on Friday .", {"collapsed": "act", "Friday": "time"})],
            {"act": ("ACTION_OCCURRENCE", "ACT2"), "time": ("TIME_DATE", "TIM2")},
        ),
        encoding="utf-8",
    )
    return tmp_path


def test_each_half_gets_its_seminal_event_date_and_counts(corpus: Path) -> None:
    _, plus = half_events(corpus, [3])
    assert (plus.name, plus.date, plus.granularity) == ("3-ecbplus", "2031-03-11", "day")
    assert plus.reports_dated
    assert {c.words for c in plus.counts} == {"14 passengers", "fourteen passengers"}
    assert len(plus.event_sentences) == 2  # the reporting verb is not the event
    assert plus.documents[0].text.startswith("Coast guards rescued")  # the address left out


def test_a_half_whose_reports_show_no_date_has_no_calendar_date(corpus: Path) -> None:
    ecb, _ = half_events(corpus, [3])
    assert ecb.name == "3-ecb"
    assert not ecb.reports_dated
    assert ecb.date is None
    assert ecb.times == ("Friday",)


@pytest.mark.parametrize(
    ("mention", "counts"),
    [
        ("40 passengers", True),
        ("two", True),
        ("dozens of fans", True),
        ("at least 40 people", True),
        ("a 52-year-old", False),
        ("52 - year - old", False),
        ("one", False),
        ("one of its players", False),
        ("ONE Radio", False),
        ("the pilot", False),
    ],
)
def test_a_count_is_a_number_of_people(mention: str, counts: bool) -> None:
    assert is_count(mention) is counts
