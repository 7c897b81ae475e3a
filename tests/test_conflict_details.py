"""Conflicts that are not figures, dates or names: clock times and closed-class details.

Invented articles read by the real readers and compared by ``compare()``; each rule is
checked on a conflict and on values that can both hold or that belong to different things.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from conftest import compare_dated, compare_texts
from triangulate.compare.claims import compare
from triangulate.core.dates import DateInterval, clock_hedge
from triangulate.models import Article, Claim
from triangulate.nlp.encoder import TextEncoder
from triangulate.readers.reader import read_many


def _of_kind(claims: list[Claim], kind: str) -> list[Claim]:
    return [c for c in claims if c.kind == kind and c.section == "conflict"]


# ---------------------------------------------------------------- clock times as intervals


def _clock(value: str, written: str, before: str = "") -> DateInterval:
    interval = DateInterval.clock_time(value, written, clock_hedge(before))
    assert interval is not None
    return interval


def test_a_rounded_clock_time_is_an_interval_and_an_odd_minute_a_point() -> None:
    assert _clock("XXXX-XX-XXT10:00", "10 a.m.", "at about ").minutes == (571, 629)
    assert _clock("XXXX-XX-XXT10:30", "10:30 a.m.", "around ").minutes == (616, 644)
    assert _clock("XXXX-XX-XXT10:30", "10:30 a.m.").minutes == (616, 644)  # may be 10:33
    assert _clock("XXXX-XX-XXT10:37", "10:37 a.m.").minutes == (637, 637)
    assert _clock("XXXX-XX-XXT10:00", "10 a.m.", "shortly after ").minutes == (600, 659)


def test_hedged_half_hours_do_not_meet_but_an_hour_holds_its_half() -> None:
    one = _clock("XXXX-XX-XXT01:00", "1:00 am", "about ")
    half_past = _clock("XXXX-XX-XXT01:30", "1:30 a.m.", "around ")
    assert not one.compatible(half_past)
    ten = _clock("XXXX-XX-XXT10:00", "10 a.m.", "about ")
    assert ten.compatible(_clock("XXXX-XX-XXT10:30", "10:30 a.m.", "around "))


def test_clock_times_of_different_days_are_not_compared_by_minutes() -> None:
    first = _clock("2031-05-01T10:37", "10:37")
    assert not first.compatible(_clock("2031-05-02T10:37", "10:37"))
    assert first.compatible(_clock("XXXX-XX-XXT10:37", "10:37"))  # a day not given: any day
    assert not first.compatible(_clock("XXXX-XX-XXT10:45", "10:45"))
    assert "day unknown" in _clock("XXXX-XX-XXT10:30", "10:30", "about ").in_words()


@given(
    st.one_of(
        st.text(max_size=30),
        st.from_regex(r"(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)T\d\d:\d\d", fullmatch=True),
    ),
    st.text(max_size=20),
    st.text(max_size=40),
)
def test_any_clock_value_reads_as_minutes_of_one_day_or_nothing(
    value: str, written: str, before: str
) -> None:
    interval = DateInterval.clock_time(value, written, clock_hedge(before))
    if interval is not None:
        assert interval.minutes is not None
        assert 0 <= interval.minutes[0] <= interval.minutes[1] <= 24 * 60 - 1
        assert interval.compatible(interval)
        assert interval.in_words()


def test_linked_sentences_timing_one_stop_differently_conflict(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "Highway patrol officers stopped the striker's silver Jaguar on Route 12 at about"
        " 1:00 a.m. on Sunday, a spokesman said.",
        "Highway patrol officers stopped the striker's silver Jaguar on Route 12 around"
        " 1:30 a.m. on Sunday, a spokesman said.",
    )
    times = _of_kind(claims, "time")
    assert len(times) == 1
    shown = sorted(s.display for s in times[0].sides)
    assert shown[0].startswith("about 1:00 a.m.") and shown[1].startswith("around 1:30 a.m.")
    assert times[0].about.startswith("Time ")
    assert "cannot both hold" in times[0].reason


def test_a_rounded_hour_and_a_half_hour_after_it_agree(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "Highway patrol officers stopped the striker's silver Jaguar on Route 12 at about"
        " 10 a.m. on Sunday, a spokesman said.",
        "Highway patrol officers stopped the striker's silver Jaguar on Route 12 around"
        " 10:30 a.m. on Sunday, a spokesman said.",
    )
    assert not _of_kind(claims, "time")


def test_clock_times_in_two_time_zones_are_not_compared(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "The cup final between Port Ellis and Varna kicks off at 1:30 p.m. PST on Saturday"
        " at Harbour Park.",
        "The cup final between Port Ellis and Varna kicks off at 4:30 p.m. ET on Saturday"
        " at Harbour Park.",
    )
    assert not _of_kind(claims, "time")


def test_a_source_timing_several_moments_is_not_compared(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "The deputy spotted the suspect near the Harbour Park gate shortly after 3 p.m. and"
        " chased him. The deputy followed the suspect to the Harbour Park flats at about"
        " 3:30 p.m.",
        "The deputy was shot near the Harbour Park gate at about 3:10 p.m., police said.",
    )
    assert not _of_kind(claims, "time")


def test_clock_times_of_different_happenings_do_not_conflict(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "The ferry Nordlys left the harbour of Port Ellis at 9:00 a.m. on Sunday.",
        "The storm reached the coast near the lighthouse at 11:30 p.m. on Sunday.",
    )
    assert not _of_kind(claims, "time")


# ---------------------------------------------------------------- the weapon of an attack


def test_two_weapons_named_for_one_attack_conflict(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "A dismissed clerk walked into the Varna Shipping office with a shotgun on Monday"
        " and shot two of his former colleagues.",
        "Workers said the gunman brought a rifle into the Varna Shipping office before he"
        " opened fire.",
        "Police said the gunman used a shotgun or a rifle in the attack on the office.",
    )
    weapons = _of_kind(claims, "detail")
    assert len(weapons) == 1 and weapons[0].about == "Weapon used"
    assert {s.display for s in weapons[0].sides} == {"shotgun", "rifle"}
    assert "agrees with either" in weapons[0].reason  # the hedged source is told, not a side
    assert {a for s in weapons[0].sides for a in s.articles} == {"a1", "a2"}


def test_either_weapon_hedged_and_a_weapon_only_found_do_not_conflict(
    encoder: TextEncoder,
) -> None:
    claims = compare_texts(
        encoder,
        "A dismissed clerk walked into the Varna Shipping office with a shotgun on Monday"
        " and shot two of his former colleagues.",
        "Police said the gunman used a shotgun or a rifle in the attack on the office.",
        "Officers later found a rifle and three shells in the clerk's car, police said.",
    )
    assert not _of_kind(claims, "detail")


def test_a_source_naming_two_weapons_is_no_conflict(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "The gunman walked into the Varna Shipping office with a shotgun and a pistol and"
        " opened fire on Monday.",
        "Workers said the gunman brought a rifle into the Varna Shipping office before he"
        " opened fire.",
    )
    assert not _of_kind(claims, "detail")


# ---------------------------------------------------------------- where someone died, equipped


def test_where_one_victim_died_conflicts(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "The third victim of the shooting at the Varna Shipping office died at the scene,"
        " a police spokeswoman said.",
        "The third victim of the shooting at the Varna Shipping office died on the way to"
        " the hospital, a police spokeswoman said.",
    )
    places = _of_kind(claims, "detail")
    assert len(places) == 1 and places[0].about == "Where the victim died"
    assert {s.display for s in places[0].sides} == {
        "died at the scene",
        "died on the way to the hospital",
    }
    # two sentences that differ on where are no agreement that the victim died
    statements = [c for c in claims if c.kind == "statement" and c.section == "agreed"]
    assert not statements


def test_an_agreement_leaves_out_the_sentence_that_differs_on_a_detail(
    encoder: TextEncoder,
) -> None:
    claims = compare_texts(
        encoder,
        "The third victim of the shooting at the Varna Shipping office died at the scene,"
        " a police spokeswoman said.",
        "The third victim of the shooting at the Varna Shipping office died on the way to"
        " the hospital, a police spokeswoman said.",
        "The third victim of the shooting at the Varna Shipping office died on the way to"
        " the hospital, police said on Tuesday.",
    )
    places = _of_kind(claims, "detail")
    assert len(places) == 1
    statements = [c for c in claims if c.kind == "statement" and c.section == "agreed"]
    assert statements
    for statement in statements:
        assert set(statement.sides[0].articles) == {"a2", "a3"}
        assert f"differs on where the victim died ({places[0].id}) is left out" in (
            statement.reason
        )
        assert statement.reason.startswith("2 independent sources state it")
        # the label is what the sentences kept say, not the words of the one left out
        assert "died on the way to" in statement.about
        assert "at the scene" not in statement.about


def test_one_place_of_death_told_twice_agrees(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "The third victim of the shooting at the Varna Shipping office died at the scene,"
        " a police spokeswoman said.",
        "The third victim of the shooting at the Varna Shipping office was pronounced dead"
        " at the scene, a police spokeswoman said.",
    )
    assert not _of_kind(claims, "detail")


def test_two_named_people_dying_in_two_places_do_not_conflict(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "Anna Brandt, a clerk at the Varna Shipping office, died at the scene of the"
        " shooting, a police spokeswoman said.",
        "Maria Lindholm, a clerk at the Varna Shipping office, died in hospital after the"
        " shooting, a police spokeswoman said.",
    )
    assert not _of_kind(claims, "detail")


def test_an_attribute_and_its_opposite_conflict(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "Rescue chief Jonas Vik said the climber Ola Strand was well equipped but was an"
        " inexperienced mountaineer.",
        "Rescue chief Jonas Vik said the climber Ola Strand was ill-equipped and was an"
        " inexperienced mountaineer.",
    )
    equipped = _of_kind(claims, "detail")
    assert len(equipped) == 1
    assert equipped[0].about.startswith("Whether") and "equipped" in equipped[0].about
    assert {s.display for s in equipped[0].sides} == {"well equipped", "ill-equipped"}


def test_the_same_attribute_in_other_words_agrees(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "Rescue chief Jonas Vik said the climber Ola Strand was well equipped but was an"
        " inexperienced mountaineer.",
        "Rescue chief Jonas Vik said the climber Ola Strand was properly equipped but was an"
        " inexperienced mountaineer.",
    )
    assert not _of_kind(claims, "detail")


# ---------------------------------------------------------------- an age a year later


def _dated_texts(encoder: TextEncoder, *dated: tuple[str, str]) -> list[Claim]:
    articles = [
        Article(f"a{i}", f"a{i}.txt", text, outlet=f"Outlet {i}", published=published)
        for i, (published, text) in enumerate(dated, start=1)
    ]
    return compare(articles, read_many(articles), encoder)


AGE_EARLIER = "Police arrested 38-year-old Jonas Vik over the Port Ellis harbour arson on Monday."
AGE_LATER = "A jury found 39-year-old Jonas Vik guilty of the Port Ellis harbour arson on Tuesday."


def test_an_age_grown_by_the_years_between_reports_is_an_update(encoder: TextEncoder) -> None:
    claims = _dated_texts(encoder, ("2031-04-07", AGE_EARLIER), ("2032-04-20", AGE_LATER))
    ages = [c for c in claims if c.kind == "age"]
    assert [c.difference for c in ages] == ["update"]


def test_two_ages_given_the_same_week_conflict(encoder: TextEncoder) -> None:
    claims = _dated_texts(encoder, ("2031-04-07", AGE_EARLIER), ("2031-04-09", AGE_LATER))
    ages = [c for c in claims if c.kind == "age"]
    assert [c.section for c in ages] == ["conflict"]


# ---------------------------------------------------------------- organisations in one role


def test_two_firms_named_in_one_role_conflict(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "The gunman opened fire in the second-floor office of the accounting firm Brell"
        " Partners on Monday morning, police said.",
        "The gunman opened fire in the second-floor office of the accounting firm Varna Audit"
        " on Monday morning, police said.",
    )
    roles = [c for c in claims if c.kind == "role" and c.section == "conflict"]
    assert len(roles) == 1 and roles[0].about == "Which accounting firm"
    assert {s.display for s in roles[0].sides} == {"Brell Partners", "Varna Audit"}


def test_one_firm_named_in_full_and_short_is_no_conflict(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "The gunman opened fire in the second-floor office of the accounting firm Brell"
        " Partners on Monday morning, police said.",
        "The gunman opened fire in the second-floor office of the accounting firm Brell"
        " on Monday morning, police said.",
    )
    assert not [c for c in claims if c.kind == "role" and c.section == "conflict"]


# ---------------------------------------------------------------- people in one role


def _roles(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.kind == "role" and c.section == "conflict"]


def test_two_holders_of_one_role_a_source_names_both_do_not_conflict(
    encoder: TextEncoder,
) -> None:
    claims = compare_texts(
        encoder,
        "The sentence will stand on appeal, deputy district attorney Anna Brandt said on"
        " Friday. Brandt tried the case along with fellow prosecutor Tomas Vell.",
        "The sentence will stand on appeal, deputy district attorney Tomas Vell said on"
        " Friday. He and Anna Brandt, the lead prosecutor, were confident.",
    )
    assert not _roles(claims)


def test_a_short_first_name_of_one_holder_is_no_other_person(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "The ferry Nordlys was turned back at dawn on Tuesday after a bomb threat, harbour"
        " police chief Thomas Vell said.",
        "The ferry Nordlys was turned back at dawn on Tuesday after a bomb threat, harbour"
        " police chief Tom Vell said.",
    )
    assert not _roles(claims)


def test_an_age_before_two_names_is_no_role_they_share(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "Jurors heard on Tuesday in the trial of 17-year-old Darnell Pike, accused of"
        " shooting and killing a girl last May in Marrowby.",
        "Jurors heard on Tuesday in the trial of Darnell Pike, accused of shooting and"
        " killing 9-year-old Keisha Sandor last May in Marrowby.",
    )
    assert not _roles(claims)


def test_two_holders_each_source_names_alone_still_conflict(encoder: TextEncoder) -> None:
    claims = compare_texts(
        encoder,
        "The sentence will stand on appeal, deputy district attorney Anna Brandt said on"
        " Friday. Judge Olaf Sten set the hearing for May.",
        "The sentence will stand on appeal, deputy district attorney Tomas Vell said on"
        " Friday. Judge Olaf Sten set the hearing for May.",
    )
    roles = _roles(claims)
    assert len(roles) == 1 and roles[0].about == "Who the deputy district attorney was"
    assert {s.display for s in roles[0].sides} == {"Anna Brandt", "Tomas Vell"}


def test_a_conflict_of_two_days_written_apart_names_them_in_words(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-04-18", "Highway patrol officers stopped the striker's silver Jaguar on"
             " Route 12 on Wednesday, a spokesman said."),
            ("2031-04-18", "Highway patrol officers stopped the striker's silver Jaguar on"
             " Route 12 on Tuesday, a spokesman said."),
        ],
    )  # fmt: skip
    times = _of_kind(claims, "date")
    assert len(times) == 1 and times[0].status == "conflict"
    # written apart, shown as written; the reason says the days in words, not ISO codes
    assert sorted(s.display for s in times[0].sides) == ["Tuesday", "Wednesday"]
    assert "16 April 2031 and 15 April 2031" in times[0].reason
    assert "2031-04" not in times[0].reason
