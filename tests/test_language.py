"""Language identification: the word test that tells plainly English texts gives
py3langid's answer, and leaves every other text to py3langid (invented texts only)."""

from __future__ import annotations

from triangulate.ingest import metadata

ENGLISH = (
    "The harbour master of the fictional port of Lindmouth said on Tuesday that the ferry"
    " would sail again by the end of the month. The repairs to the pier, which the storm had"
    " damaged in the spring, were finished ahead of time, and the council said that the"
    " crossings would run at the usual hours. Residents who had been waiting for the ferry"
    " since March welcomed the news, and the shops by the quay said they expected visitors."
)
GERMAN = (
    "Der Hafenmeister der erfundenen Stadt Lindmund sagte am Dienstag, die Fähre werde bis"
    " zum Ende des Monats wieder fahren. Die Reparaturen am Pier, den der Sturm im Frühjahr"
    " beschädigt hatte, seien früher als geplant fertig geworden, und der Rat sagte, die"
    " Überfahrten würden zu den üblichen Zeiten stattfinden. Die Anwohner, die seit März auf"
    " die Fähre gewartet hatten, begrüßten die Nachricht, und die Läden am Kai rechnen mit Gästen."
)


def _py3langid(text: str) -> str | None:
    sample = text[: metadata.LANGUAGE_SAMPLE_CHARS]
    language, confidence = metadata._identifier().classify(sample)
    return str(language) if confidence >= metadata.MIN_LANGUAGE_CONFIDENCE else None


def test_a_plainly_english_text_is_told_without_the_model_and_as_the_model_tells_it() -> None:
    assert metadata.plainly_english(ENGLISH.split())
    assert metadata.detect_language(ENGLISH) == _py3langid(ENGLISH) == "en"


def test_other_languages_and_short_texts_go_to_the_model() -> None:
    assert not metadata.plainly_english(GERMAN.split())
    assert metadata.detect_language(GERMAN) == "de"
    short = "The ferry said that the harbour was open for the day."
    assert not metadata.plainly_english(short.split())  # too few words to tell by
    # English prose in a German text is not enough to call it English
    mixed = GERMAN + " " + " ".join(ENGLISH.split()[:12])
    assert not metadata.plainly_english(mixed[: metadata.LANGUAGE_SAMPLE_CHARS].split())
    assert metadata.detect_language(mixed) == _py3langid(mixed) == "de"
