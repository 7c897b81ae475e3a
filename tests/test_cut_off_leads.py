"""A lead cut off before its sentence ends (an excerpt cut at a length) still states what
came before the cut, on invented text."""

from __future__ import annotations

from triangulate.models import Article
from triangulate.readers.reader import read_article

CUT = (
    "The Velmar city council voted on Tuesday to close the Harbour Street bridge to trucks,"
    " weeks after inspectors warned that its eastern span had begun to"
)
WHOLE = "Inspectors found cracks in the eastern span last month."


def _units(text: str) -> list[str]:
    reading = read_article(Article(id="s", source="s", text=text))
    return [unit.evidence.text for unit in reading.units]


def test_a_lead_cut_off_mid_sentence_is_a_statement() -> None:
    assert _units(CUT) == [CUT]


def test_the_cut_sentence_after_a_whole_one_is_a_statement_too() -> None:
    assert _units(f"{WHOLE} {CUT}") == [WHOLE, CUT]


def test_an_unfinished_line_before_the_end_or_a_last_line_without_a_verb_is_none() -> None:
    caption = "A statement on the council's page about the Harbour Street bridge"
    assert _units(f"{WHOLE} {caption}") == [WHOLE]
    heading = "Harbour Street bridge closed to trucks after council vote"
    assert _units(f"{heading}\n\n{WHOLE}") == [WHOLE]


def test_a_whole_article_s_unfinished_last_line_is_page_furniture_not_a_statement() -> None:
    body = " ".join([WHOLE] * 20)  # an article, longer than an excerpt
    furniture = "If you already have a reader account, visit your account page to upgrade"
    assert _units(f"{body}\n\n{furniture}")[-1] == WHOLE
    assert _units(
        f"{WHOLE}\n\nFor the council's notice, please visit www.velmar.example/notice"
    ) == [WHOLE]
    for call in ("Click here to read the full story", "Follow us on social media for more updates"):
        assert _units(f"{WHOLE}\n\n{call}") == [WHOLE]
