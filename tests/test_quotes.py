"""Direct quotes, reported speech and their speakers (fictional texts)."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from triangulate.models import Quote
from triangulate.nlp.language import load_nlp
from triangulate.readers.entities import EntityIndex, find_entities
from triangulate.readers.quotes import find_quotes, quoted_regions


def quotes_of(text: str) -> list[Quote]:
    doc = load_nlp()(text)
    found = find_quotes(doc, EntityIndex.of(find_entities(doc, "t")), "t")
    for quote in found:
        assert text[quote.evidence.start : quote.evidence.end] == quote.evidence.text
        spoken = quote.speaker_evidence
        assert spoken is None or text[spoken.start : spoken.end] == spoken.text
    return found


def only(found: list[Quote], kind: str) -> list[Quote]:
    return [quote for quote in found if quote.kind == kind]


def test_direct_quote_with_speaker_after_it() -> None:
    found = quotes_of("“We have done our duty,” Alexander Volkov, the defence minister, said.")
    direct = only(found, "direct")
    assert [q.evidence.text for q in direct] == ["We have done our duty"]
    assert direct[0].speaker == "Alexander Volkov"


def test_quote_over_two_sentences_and_its_continuation() -> None:
    text = (
        'Defence Minister Irina Petrenko spoke on Monday.\n\n"The troops crossed the border. '
        'They are safe," Petrenko said. "The mission is over."'
    )
    direct = only(quotes_of(text), "direct")
    assert direct[0].evidence.text == "The troops crossed the border. They are safe"
    assert direct[1].evidence.text == "The mission is over."
    assert direct[0].speaker == direct[1].speaker == "Irina Petrenko"


def test_reported_speech_with_that_clause() -> None:
    found = quotes_of(
        "President Mirela Kostanyan claimed on Thursday that the talks would resume soon."
    )
    reported = only(found, "reported")
    assert reported[0].evidence.text == "the talks would resume soon"
    assert reported[0].speaker == "Mirela Kostanyan"


def test_according_to_and_pointed_out() -> None:
    text = (
        "According to Irina Petrenko, a spokeswoman for the Foreign Ministry, the talks will "
        "resume in May. Petrenko pointed out that the other side had asked for the delay."
    )
    reported = only(quotes_of(text), "reported")
    assert [q.speaker for q in reported] == ["Irina Petrenko", "Irina Petrenko"]
    assert reported[0].evidence.text == "the talks will resume in May"
    assert reported[1].evidence.text == "the other side had asked for the delay"


def test_pronoun_speaker_is_the_last_person_named() -> None:
    text = "Dariusz Novak visited the border town. He said that the crossing would reopen."
    reported = only(quotes_of(text), "reported")
    assert reported[0].speaker == "Dariusz Novak"
    assert reported[0].speaker_evidence is not None
    assert reported[0].speaker_evidence.text == "He"


def test_ministry_speaker_keeps_its_noun_phrase() -> None:
    text = (
        '"All units have returned to their bases," Talvania’s Defence Ministry said in a statement.'
    )
    direct = only(quotes_of(text), "direct")
    assert direct[0].speaker is not None
    assert "Defence Ministry" in direct[0].speaker


def test_definite_ministry_resolves_to_the_ministry_named_before() -> None:
    text = (
        "The Talvanian Defence Ministry published a statement on Friday.\n\n"
        '"The last convoy has crossed the river," the ministry said.'
    )
    direct = only(quotes_of(text), "direct")
    assert direct[0].speaker == "Talvanian Defence Ministry"


def test_capital_speaking_for_its_state() -> None:
    reported = only(quotes_of("Oslo said that it welcomed the end of the mission."), "reported")
    assert reported[0].speaker == "Norway"


def test_scare_quoted_labels_are_not_quotes() -> None:
    text = 'The mission, a "failure" by most accounts, left its "guardians" behind.'
    assert only(quotes_of(text), "direct") == []


def test_a_word_someone_called_something_is_their_quote() -> None:
    direct = only(quotes_of('Critics called the mission a "failure" on Monday.'), "direct")
    assert [(q.evidence.text, q.speaker) for q in direct] == [("failure", "Critics")]


def test_short_quote_said_by_someone_counts() -> None:
    text = "Volkov said that he had “no information” about the visit."
    direct = only(quotes_of(text), "direct")
    assert [q.evidence.text for q in direct] == ["no information"]


def test_negated_speech_is_not_reported_speech() -> None:
    assert quotes_of("Dariusz Novak did not say why the crossing was closed.") == []


@given(st.text(alphabet="ab \"“”‘’'\n.", max_size=60))
def test_quoted_regions_are_ordered_and_disjoint(text: str) -> None:
    regions = quoted_regions(text)
    for (start, end), (next_start, _) in itertools.pairwise(regions):
        assert start < end <= next_start
    for start, end in regions:
        assert text[start] in "\"“‘'" and text[end - 1] in "\"”’'"


# ---------------------------------------------------------------- who is speaking


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.evidence.text, q.speaker) for q in quotes_of(text)]


def test_he_is_the_subject_before_not_the_nearest_name() -> None:
    text = "Anton Berg praised Lukas Weir at the ceremony. He said that the bridge would open."
    assert speakers(text) == [("the bridge would open", "Anton Berg")]


def test_a_name_inside_the_quote_is_never_the_speaker() -> None:
    text = 'Anton Berg thanked the crew. "We owe this bridge to Lukas Weir," he said.'
    assert speakers(text) == [("We owe this bridge to Lukas Weir", "Anton Berg")]


def test_who_is_the_noun_its_clause_hangs_on() -> None:
    text = "The bill was drafted by Mira Holt, who said that it would pass in June."
    assert speakers(text) == [("it would pass in June", "Mira Holt")]


def test_they_after_a_joint_subject_are_both_speakers() -> None:
    text = "Anton Berg and Mira Holt signed the letter. They said that the deal was fair."
    assert speakers(text) == [("the deal was fair", "Anton Berg and Mira Holt")]


def test_a_speech_verb_inside_a_quote_does_not_attribute_it() -> None:
    text = 'Anton Berg said that if the council "refuses again, they will regret it for years."'
    found = only(quotes_of(text), "direct")
    assert [q.speaker for q in found] == ["Anton Berg"]


def test_a_paragraph_opening_with_a_quote_goes_on_with_the_last_speaker() -> None:
    text = (
        '"The river is clean again," Anton Berg said on Monday.\n\n'
        '"We checked every mile of it, twice, with the best people we have."'
    )
    assert [q.speaker for q in quotes_of(text)] == ["Anton Berg", "Anton Berg"]


def test_a_bare_title_is_the_person_with_the_same_title() -> None:
    text = (
        "President Ilse Marten and Vice President Joel Amar arrived on Monday. "
        "The president said that the talks had ended."
    )
    assert speakers(text) == [("the talks had ended", "Ilse Marten")]


def test_a_bare_surname_is_the_main_bearer_of_the_name() -> None:
    text = (
        "President Emil Varga and Rosa Varga visited the museum. Emil Varga spoke first. "
        '"We are grateful to every volunteer here," Varga said.'
    )
    assert speakers(text) == [("We are grateful to every volunteer here", "Emil Varga")]


def test_a_seat_of_government_speaks_as_itself() -> None:
    reported = only(quotes_of("Downing Street said that the visit would go ahead."), "reported")
    assert reported[0].speaker == "Downing Street"


def test_a_statement_speaks_for_its_author() -> None:
    text = "A Velmar Defence Ministry statement said that the patrols had ended."
    assert speakers(text) == [("the patrols had ended", "Velmar Defence Ministry")]


def test_a_speaker_is_never_the_words_between_it_and_its_apposition() -> None:
    text = (
        "The ferry was stopped on Monday.\nThe Velans say the smugglers were from Orlen "
        "and Brell , two ports on the coast of the bay ."
    )
    assert speakers(text) == [("the smugglers were from Orlen and Brell", "Velans")]


def test_of_two_subjects_the_one_beside_the_verb_speaks() -> None:
    text = (
        "The pirates are from Velmaria and Ostrel , two countries surrounding the Gulf of "
        "Vesk , Sinor said ."
    )
    assert speakers(text) == [("The pirates are from Velmaria and Ostrel", "Sinor")]


def test_reported_content_ends_before_another_speakers_attribution() -> None:
    text = (
        "Witnesses told police the shooter used a shotgun or a rifle , Velmar police "
        "Lieutenant Marten Olsen said ."
    )
    found = {(q.evidence.text, q.speaker) for q in quotes_of(text)}
    assert ("the shooter used a shotgun or a rifle", "Witnesses") in found


def test_a_quoted_name_of_a_thing_is_the_writers_term() -> None:
    text = (
        "The ministry said the troops had left their posts along the northern "
        "“green belt” that divided the valley."
    )
    assert only(quotes_of(text), "direct") == []


def test_a_headline_before_a_semicolon_is_no_ones_words() -> None:
    text = "Ferry sinks off Orlen; crew say the engine had failed\n\nThe ferry sank on Monday."
    assert all("Ferry sinks" not in q.evidence.text for q in quotes_of(text))


def test_a_title_cut_from_its_name_by_a_full_stop() -> None:
    text = (
        "Witnesses said the boat sank fast, harbour police Sgt. Ana Veldt said. "
        "The pier was closed, said harbour police Sgt. Ana Veldt."
    )
    found = quotes_of(text)
    texts = {q.evidence.text: q.speaker for q in only(found, "reported")}
    assert "the boat sank fast" in texts
    assert texts.get("The pier was closed") == "Ana Veldt"


def test_content_that_opens_a_quotation_keeps_its_closing_mark() -> None:
    text = "Tamsin said the closure was a “grave error for the whole town.”"
    reported = only(quotes_of(text), "reported")
    assert reported[0].evidence.text.endswith("town.”")


def test_quoted_words_in_unpaired_marks_are_direct() -> None:
    text = "'The dam will hold , ' Mayor Ana Veldt said ."
    kinds = {q.evidence.text: q.kind for q in quotes_of(text)}
    assert kinds.get("The dam will hold") == "direct"


def test_a_surname_with_or_without_a_title_is_the_person_written_in_full() -> None:
    text = (
        "Police Chief Tomas Mills said the office building had no guard. "
        '"We do not know how many shots were fired," Chief Mills said on Monday. '
        "The building houses a bakery and a law firm. "
        '"Nobody else was hurt," Mills said.'
    )
    # the tagger takes the bare "Mills" for a common noun and "Chief Mills" for no person
    assert [speaker for _, speaker in speakers(text)] == ["Tomas Mills"] * 3


def test_a_quotation_opened_after_a_colon_and_left_open_at_its_paragraph_is_direct() -> None:
    for said in ("said :", "said:"):
        text = (
            "The ferry sank on Monday.\n\nA harbour office spokeswoman "
            f'{said} "We are aware of the sinking of a ferry off Port Ellis .\n\nRescue\n\n'
            "Divers reached the hull on Tuesday."
        )
        found = [q for q in quotes_of(text) if "aware" in q.evidence.text]
        assert [q.kind for q in found] == ["direct"], found
    reported = quotes_of("A harbour spokeswoman said the ferry had sunk off Port Ellis.\n\nNo one")
    assert [q.kind for q in reported] == ["reported"]


def test_what_is_said_in_a_relative_clause_starts_after_who_says_it() -> None:
    text = "Lawmakers blocked a border bill that critics said would gut asylum protections."
    assert [(q.evidence.text, q.speaker) for q in quotes_of(text)] == [
        ("would gut asylum protections", "critics")
    ]


def test_a_plan_to_report_and_a_thing_denied_someone_are_no_words_said() -> None:
    plan = quotes_of("Harrowgate will report fourth-quarter results on February 4.")
    assert not [q for q in plan if "results" in q.evidence.text]
    denied = quotes_of("The Green Labour Front won 52 seats, denying Aurel Vantic the clear win.")
    assert not [q for q in denied if q.evidence.text.startswith("Aurel Vantic")]
    said = quotes_of("Prime Minister Aurel Vantic announced his resignation on Monday.")
    assert [q.evidence.text for q in said] == ["his resignation"]


def test_pronoun_after_a_relative_named_in_apposition_is_the_relative() -> None:
    text = (
        "Tamsin Orrell, 19, was hurt in the crash, police said.\n\n"
        "Orrell's father, Gideon Orrell, said the road had no lights. "
        '"She was only a mile from home," he said.\n\n'
        "Mayor Ilse Brandvold has not commented. Brandvold's spokeswoman, Petra Lindqvist, "
        "said the council would meet. She said Brandvold had spoken with the family."
    )
    found = quotes_of(text)
    speakers = {q.evidence.text: q.speaker for q in found}
    assert speakers["She was only a mile from home"] == "Gideon Orrell"
    assert speakers["Brandvold had spoken with the family"] == "Petra Lindqvist"


def test_bare_surname_after_a_relative_introduced_speaking_is_the_relative() -> None:
    text = (
        "Corinne Vasko, 71, died after the fire on Lark Road. Corinne Vasko had lived there "
        "for forty years, neighbours said.\n\n"
        "Her daughter, Mila Vasko, said the alarm had not worked. "
        '"Nobody came for an hour," Vasko said.\n\n'
        "Fire Chief Anton Reel said crews arrived within minutes."
    )
    speakers = {q.evidence.text: q.speaker for q in quotes_of(text)}
    assert speakers["Nobody came for an hour"] == "Mila Vasko"
    assert speakers["the alarm had not worked"] == "Mila Vasko"


def test_bare_surname_stays_with_the_main_bearer_after_a_namesake_who_does_not_speak() -> None:
    text = (
        "President Aldo Fenn arrived in Varrow on Monday. Aldo Fenn met the prime minister.\n\n"
        "Fenn, along with his wife Rosa Fenn, was greeted at the airport. "
        '"We came as friends," Fenn said.'
    )
    speakers = {q.evidence.text: q.speaker for q in quotes_of(text)}
    assert speakers["We came as friends"] == "Aldo Fenn"


def test_a_name_beside_a_role_is_a_person_for_surnames_and_pronouns() -> None:
    # the tagger takes neither name here for a person: the role beside each tells it
    text = (
        "District Attorney Mara Quell charged the driver on Monday. "
        '"He fled the scene," Quell told reporters.\n\n'
        "His lawyer, Wendeline Krost, said the brakes had failed. "
        '"My client stopped as soon as he could," Krost said. '
        "She said a mechanic would testify at the trial.\n\n"
        "Vestra Foods agreed to buy Pellam Mills on Monday. "
        '"They overpaid," said Teo Marrant, an analyst at Dunley Capital.\n\n'
        "Imre Talvik, Vestra's chief executive, defended the deal. "
        '"We paid a fair price," she told the Gazette.'
    )
    speakers = {q.evidence.text: q.speaker for q in quotes_of(text)}
    assert speakers["My client stopped as soon as he could"] == "Wendeline Krost"
    assert speakers["a mechanic would testify at the trial"] == "Wendeline Krost"
    assert speakers["We paid a fair price"] == "Imre Talvik"


def test_a_wire_dateline_is_neither_speaker_nor_quoted_text() -> None:
    # the parser takes the dateline's place for the subject here
    text = (
        "Varnel ousts CEO\n\n"
        "BRENMOOR, Sept 15 (Newsline) - Varnel Semiconductor Corp said on Tuesday its board had "
        "removed Chief Executive Oskar Fenwright with immediate effect.\n\n"
        "Analysts said the board had lost patience."
    )
    found = quotes_of(text)
    assert found[0].speaker == "Varnel Semiconductor Corp"
    assert found[0].evidence.text.startswith("its board had removed")
    later = "DUNSTEAD, Oct 3 (Newsline) - Varnel named an interim chief, the company said."
    content = quotes_of(later)[0].evidence.text
    assert content == "Varnel named an interim chief"


def test_what_someone_called_is_their_quote() -> None:
    text = (
        "Parrish & Vane Home filed for bankruptcy on Sunday night. The company blamed high "
        'rents, weak furniture demand and what CEO Maren Vask called "an unsustainable capital '
        'structure."'
    )  # parsed with no subject for "called", the list's verb above it
    direct = only(quotes_of(text), "direct")
    assert direct[0].evidence.text.startswith("an unsustainable capital structure")
    assert direct[0].speaker == "Maren Vask"


def test_no_words_said_by_no_one_by_one_declining_or_in_a_state_reported() -> None:
    text = (
        "Neither senator has confirmed their position publicly. The mayor declined to say "
        "whether she would run. Sheriff Dorian Welk said three more were found. All of the people "
        "reported missing have now been accounted for, he said."
    )
    found = quotes_of(text)
    assert not [q for q in found if "position" in q.evidence.text]
    assert not [q for q in found if "whether she would run" in q.evidence.text]
    assert [q.speaker for q in found if "accounted" in q.evidence.text] == ["Dorian Welk"]
    assert not [q for q in found if q.evidence.text.startswith("have now been")]


def test_they_after_a_group_that_spoke_is_that_group() -> None:
    text = (
        "Prosecutors said on Thursday that they had opened an inquiry into the collapse. "
        "Two engineers were questioned, they said."
    )
    found = quotes_of(text)
    assert [q.speaker for q in found if q.evidence.text.startswith("Two engineers")] == [
        "Prosecutors"
    ]


def test_mr_with_a_surname_is_not_the_woman_the_article_writes_in_full() -> None:
    # the article writes only the president's wife in full; "Mr." is someone else
    text = (
        "President Halvorsen and Marta Halvorsen, the first lady, welcomed the delegation "
        "on Tuesday.\n\n"
        'Mr. Halvorsen criticised the treaty. "Nobody knows what I will do," he said.\n\n'
        '"The gardens are open to all," Ms. Halvorsen said.'
    )
    speakers = {q.evidence.text: q.speaker for q in quotes_of(text)}
    assert speakers["Nobody knows what I will do"] == "Halvorsen"
    assert speakers["The gardens are open to all"] == "Marta Halvorsen"


def test_what_a_denial_says_keeps_its_verb() -> None:
    # the denied clause alone, given as the speaker's words, would say the opposite
    text = (
        "The Pellam Shipping company denied that its tanker leaked oil into the bay. "
        "Harbour master Ilse Ostrov said the slick came from another ship."
    )
    said = {q.speaker: q.evidence.text for q in only(quotes_of(text), "reported")}
    assert said["Pellam Shipping company"] == "denied that its tanker leaked oil into the bay"
    assert said["Ilse Ostrov"] == "the slick came from another ship"


# ---------------------------------------------------------------- speakers that say nothing


def test_a_thing_that_suggests_something_is_no_speaker() -> None:
    # what the timing or a few questions "suggest" is the writer's reading, no one's words
    text = (
        "Ilse Ostrov did not say when the ferry left. The timing of the account suggested "
        "that it sailed at dawn.\n\n"
        "A few questions reveal that the inspectors are still looking at the hull."
    )
    assert [q.speaker for q in quotes_of(text)] == []


def test_a_quote_in_what_a_thing_reveals_is_the_words_of_who_says_it() -> None:
    text = (
        "Mayor Tove Renn suggested, for instance, that the harbour accounts would reveal "
        '"careless spending" if they were ever opened.'
    )
    said = {q.evidence.text: q.speaker for q in only(quotes_of(text), "direct")}
    assert said == {"careless spending": "Tove Renn"}


def test_the_newspaper_is_the_outlet_named_before_not_the_prison() -> None:
    text = (
        "The Harlow Courier is reporting that Dan Pieck has a long record.\n"
        "He had just been released from the Marsh County House of Correction in May, "
        "the newspaper reported."
    )
    speakers = {q.speaker for q in only(quotes_of(text), "reported")}
    assert "Marsh County House of Correction" not in speakers
    assert "Harlow Courier" in speakers


def test_what_someone_might_announce_is_no_quote() -> None:
    text = "Lena Obst suggested that the two villages might announce some kind of deal soon."
    assert speakers(text) == [
        ("the two villages might announce some kind of deal soon", "Lena Obst")
    ]


def test_a_clause_after_a_quoted_speaker_is_the_writers() -> None:
    text = (
        '"The hour I have waited for all my life has finally come," Mr. Varga said early '
        "Sunday afternoon as he, hundreds of villagers, scores of their relatives, reporters "
        "and cameramen gathered in and in front of a town hall and cafe in the old quarter "
        "of Dornval, blocks from the river."
    )
    assert speakers(text) == [("The hour I have waited for all my life has finally come", "Varga")]


def test_a_subject_parsed_as_a_conjunct_speaks_its_own_denial() -> None:
    # "... colluded with Velmar and Velmar has denied ...": the second denial is Velmar's
    text = (
        "Mayor Orlan Vesk has repeatedly denied his office colluded with Velmar and Velmar "
        "has denied meddling in the vote."
    )
    said = {q.evidence.text: q.speaker for q in only(quotes_of(text), "reported")}
    assert said["denied his office colluded with Velmar"] == "Orlan Vesk"
    assert said["denied meddling in the vote"] == "Velmar"


def test_an_outlet_carrying_someone_s_words_is_not_their_speaker() -> None:
    said = speakers(
        "\u201cStay inside, or we will fire again,\u201d deputies said once the van had stopped,"
        " according to The Valley Courier."
    )
    assert [speaker for _, speaker in said] == ["deputies"]
    told = speakers(
        "The governor told reporters on Monday that three bridges were being inspected,"
        " according to Harbor News."
    )
    assert [speaker for _, speaker in told] == ["governor"]
    runs_on = speakers(
        "The governor told reporters on Monday that three bridges were being inspected for the"
        " repairs, but that none of them were in the city, according to Valley News."
    )
    assert [speaker for _, speaker in runs_on] == ["governor"]
    # the outlet's own report keeps it as the source, a quote inside one of its clauses too
    assert speakers("Deputies fired twice at the van, according to The Valley Courier.") == [
        ("Deputies fired twice at the van", "Valley Courier")
    ]
    nested = speakers(
        "Deputies fired twice at the van, which the driver said was stolen, according to"
        " The Valley Courier."
    )
    assert "Valley Courier" in [speaker for _, speaker in nested]
