"""Boilerplate removal from scraped plain text (invented outlets and events only)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triangulate.ingest import clean
from triangulate.ingest.clean import BoilerplateMemory, CleanedText, clean_text

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
LEDGER = (FIXTURES / "harbour_ledger.txt").read_text(encoding="utf-8")

BODY = [
    "The city of Velmora reopened the Tessel Bridge on Monday, ending two years of detours "
    "for about 40,000 daily commuters.",
    "Mayor Irene Duvall cut the ribbon at the eastern end of the span shortly after nine in "
    "the morning, watched by several hundred residents.",
    "The repairs cost 18 million crowns, a third more than the council had planned when the "
    "bridge was closed in 2029.",
    "Residents on the western bank said the detours had doubled their journey times and hurt "
    "shops near the old bridgehead.",
]


def reasons(cleaned: CleanedText) -> dict[int, str]:
    return {line.line: line.reason for line in cleaned.removed}


def paragraphs(*blocks: str) -> str:
    return "\n\n".join(blocks)


def test_keeps_headline_body_subhead_and_bullets() -> None:
    cleaned = clean_text(LEDGER)
    kept = cleaned.text.split("\n\n")
    assert kept[0] == "Velmora reopens the Tessel Bridge after two years of repairs"
    for paragraph in BODY:
        assert paragraph in kept
    assert "What comes next" in kept
    assert any(block.startswith("• Tram services") for block in kept)
    assert any(block.startswith('"We have waited') for block in kept)
    assert cleaned.title == "Velmora reopens the Tessel Bridge after two years of repairs"


def test_drops_every_kind_of_furniture_with_a_reason() -> None:
    found = reasons(clean_text(LEDGER))
    assert found[1] == "donation-plea"
    assert found[2] == "donation-plea"
    assert found[6] == found[7] == "caption"  # the same caption twice in a row
    assert found[8] == "credit"
    assert found[9] == "byline"
    assert found[10] == "dateline"
    assert found[14] == "ad-marker"
    assert found[29] == "share-widget"
    assert {found[30], found[31], found[32]} == {"related-list"}
    assert found[33] in {"related-list", "menu"}  # the tag line
    assert found[34] == "copyright"
    assert found[35] == "comment-prompt"
    assert found[36] == "cookie-notice"


def test_kept_and_removed_partition_the_non_blank_lines() -> None:
    cleaned = clean_text(LEDGER)
    lines = LEDGER.splitlines()
    removed = {line.line for line in cleaned.removed}
    kept = [
        line.strip() for number, line in enumerate(lines) if line.strip() and number not in removed
    ]
    assert cleaned.text == "\n\n".join(kept)
    assert all(lines[line.line].strip() == line.text for line in cleaned.removed)


def test_output_shape() -> None:
    cleaned = clean_text("  " + LEDGER + "\n\n  \n")
    assert cleaned.text == cleaned.text.strip()
    assert "\n\n\n" not in cleaned.text


def test_language_menu_and_loader_at_the_top() -> None:
    text = paragraphs(
        "EnglishFrançaisDeutschEspañolРусскийTürkçeMagyar",
        "Loader",
        "Drought forces Ostrava Valley farmers to sell cattle early",
        BODY[0],
        BODY[1],
    )
    found = reasons(clean_text(text))
    assert found[0] == "language-menu"
    assert 2 in found  # "Loader"


def test_breadcrumb_glued_to_the_headline_is_dropped_and_headline_kept() -> None:
    text = paragraphs(
        "WorldVelmora reopens the Tessel Bridge after repairs",
        "Velmora reopens the Tessel Bridge after repairs",
        BODY[0],
        BODY[1],
    )
    cleaned = clean_text(text)
    assert reasons(cleaned)[0] == "menu"
    assert cleaned.title == "Velmora reopens the Tessel Bridge after repairs"


def test_standfirst_before_an_advert_is_kept() -> None:
    text = paragraphs(
        "Velmora reopens the Tessel Bridge",
        "Share this article",
        "The span is open to traffic again after two years.",
        "ADVERTISEMENT",
        BODY[0],
        BODY[1],
        BODY[2],
    )
    cleaned = clean_text(text)
    assert "The span is open to traffic again after two years." in cleaned.text.split("\n\n")


def test_comment_section_and_consent_notice_at_the_tail() -> None:
    text = paragraphs(
        "Velmora reopens the Tessel Bridge",
        *BODY,
        "Leave a Reply",
        "This site uses a spam filter to reduce spam. Learn how your comment data is processed.",
        "By staying on this website you consent to our use of cookies.",
    )
    cleaned = clean_text(text)
    assert cleaned.text.split("\n\n") == ["Velmora reopens the Tessel Bridge", *BODY]


def test_plea_block_in_the_tail_goes_together() -> None:
    text = paragraphs(
        "Velmora reopens the Tessel Bridge",
        *BODY,
        "We have a small favour to ask. The Harbour Ledger has reported on the coast for decades.",
        "Our reporters refuse to stop. Our independent journalism relies on people like you.",
        "Remind me later.",
    )
    found = reasons(clean_text(text))
    assert [found.get(number) for number in (10, 12, 14)] == ["donation-plea"] * 3


def test_news_of_donations_stays_and_a_plea_for_them_goes() -> None:
    """A report on a drive for a fire's victims tells of donations from its headline on; a
    site's plea asks its reader, or is a button."""
    text = paragraphs(
        "The Velmora Ledger",
        "Home | News | Schools | Sports | Obituaries",
        "Donation drive for Tessel Court families fills the parish hall",
        "By Irene Duvall, Ledger staff",
        "Published Thursday, October 7, 2038",
        "By Tuesday afternoon, the parish hall at St. Aldric's had run out of tables, so "
        "volunteers started sorting coats on the stage.",
        "Donations have poured in since the weekend for the 27 people who lost their homes "
        "when fire swept through Building C of the Tessel Court apartments.",
        "The hall will accept donations from 9 a.m. to 6 p.m. through Saturday. Gift cards are "
        "the most useful donation, organizers said.",
        "The family of the man who died has asked that donations be made to a scholarship fund "
        "in his name.",
        "“We need coats and blankets more than anything,” the pastor explained.",
        "Donations from across the US have reached $40,000.",
        "Also in this case, no one was hurt.",
        "Make a one-time donation today to keep local reporting alive.",
        "If you value local news, please donate to the Ledger today.",
        "Donate now",
    )
    cleaned = clean_text(text)
    kept = cleaned.text.split("\n\n")
    assert cleaned.title == "Donation drive for Tessel Court families fills the parish hall"
    assert kept[0] == cleaned.title
    assert [block[:20] for block in kept[1:]] == [
        "By Tuesday afternoon",
        "Donations have poure",
        "The hall will accept",
        "The family of the ma",
        "“We need coats and b",
        "Donations from acros",
        "Also in this case, n",
    ]
    found = reasons(cleaned)
    assert found[24] == found[26] == found[28] == "donation-plea"


def test_a_weekly_s_list_of_its_other_stories_goes_with_its_heading() -> None:
    text = paragraphs(
        "Velmora reopens the Tessel Bridge",
        *BODY,
        "Also in this week's Ledger",
        "- Harbour school board delays vote on new gym",
        "- Velmora man pleads not guilty in pier assault",
    )
    cleaned = clean_text(text)
    assert cleaned.text.split("\n\n") == ["Velmora reopens the Tessel Bridge", *BODY]
    assert set(reasons(cleaned).values()) == {"related-list"}


def test_empty_and_blank_input() -> None:
    assert clean_text("") == CleanedText("", (), None)
    assert clean_text("\n  \n\t\n") == CleanedText("", (), None)


def test_memory_counts_distinct_documents_overall_and_per_outlet() -> None:
    memory = BoilerplateMemory()
    memory.add_document("Follow us\nFollow us\nA line", outlet="Harbour Ledger")
    memory.add_document("follow   US\nAnother line", outlet="Harbour Ledger")
    memory.add_document("Follow us", outlet="Coast Courier")
    assert memory.documents_with("Follow us") == 3
    assert memory.documents_with("Follow us", outlet="Harbour Ledger") == 2
    assert memory.documents_with("Follow us", outlet="Coast Courier") == 1
    assert memory.documents_with("never seen") == 0


def test_memory_rows_round_trip() -> None:
    memory = BoilerplateMemory()
    memory.add_document("Follow us\nSubscribe", outlet="Harbour Ledger")
    memory.add_document("Follow us", outlet=None)
    restored = BoilerplateMemory.from_rows(memory.rows())
    assert sorted(restored.rows()) == sorted(memory.rows())
    assert restored.documents_with("Follow us") == 2
    assert restored.documents_with("Follow us", outlet="Harbour Ledger") == 1


def _article(lead: str, extra: str) -> str:
    return paragraphs(
        "Storm closes the Ostrava ferry line",
        "Listen to the Ledger podcast",
        lead,
        extra,
        BODY[3],
    )


def test_repeated_short_line_across_a_batch_is_dropped() -> None:
    docs = [
        _article(
            f"The ferry line between Ostrava and Velmora stopped on day {n} of the storm season.",
            "Harbour officials said the boats would stay in port until the wind dropped.",
        )
        for n in range(3)
    ]
    memory = BoilerplateMemory()
    for doc in docs:
        memory.add_document(doc)
    # Alone, the promo line sits where a headline would and passes for one.
    assert clean_text(docs[0]).title == "Listen to the Ledger podcast"
    with_memory = clean_text(docs[0], memory)
    assert reasons(with_memory)[2] == "repeated-across-batch"
    assert with_memory.title == "Storm closes the Ostrava ferry line"


def test_a_headline_the_site_lists_in_its_other_pages_stays_the_title() -> None:
    headline = (
        "Harwick graduate student killed in Marlow Street rush-hour crash; truck driver cited"
    )
    page = paragraphs("Breaking News", headline, "By Tam Vell | Staff Writer", *BODY)
    others = [
        paragraphs(f"Harwick ferry resumes service on day {n}", *BODY[1:], "Related:", headline)
        for n in range(3)
    ]
    memory = BoilerplateMemory()
    for doc in (page, *others):
        memory.add_document(doc)
    # three other pages list it under "Related:": it recurs across the batch as furniture
    # does, and the page was left with no title
    cleaned = clean_text(page, memory)
    assert cleaned.title == headline
    assert cleaned.text.startswith(headline)
    # nearer the story than a tagline above it
    tagline = paragraphs("Harwick Now: Your Trusted Source For Local News", page)
    assert clean_text(tagline, memory).title == headline


@pytest.mark.parametrize(
    "stamp",
    [
        "Published 9:12 a.m. Mar. 24, 2031",
        "Published 9:12 a.m Mar. 24, 2031",
        # two stamps, a time zone: fifteen words, and the story had opened with them
        "Published 10:48 a.m. ET Mar. 9, 2031 | Updated 4:02 p.m. ET Mar. 9, 2031",
    ],
)
def test_a_stamp_with_a_clock_time_is_a_dateline(stamp: str) -> None:
    cleaned = clean_text(paragraphs(HEADLINE, "By Tam Vell", stamp, *BODY))
    assert reasons(cleaned)[4] == "dateline"
    assert stamp not in cleaned.text


def test_a_masthead_the_batch_repeats_is_no_headline() -> None:
    pages = [
        paragraphs(
            f"Harwick ferry resumes service on day {n}",
            "HRN News | 90.7 Harwick Community Radio",
            "Oct. 28, 2031",
            *BODY,
        )
        for n in range(3)
    ]
    memory = BoilerplateMemory()
    for page in pages:
        memory.add_document(page)
    assert clean_text(pages[0], memory).title == "Harwick ferry resumes service on day 0"


def test_same_outlet_needs_only_two_documents() -> None:
    text = paragraphs("Velmora reopens the Tessel Bridge", BODY[0], "Listen now", BODY[1], BODY[2])
    other = paragraphs("Ferry strike ends", BODY[3], "Listen now")
    memory = BoilerplateMemory()
    memory.add_document(text, outlet="Harbour Ledger")
    memory.add_document(other, outlet="Harbour Ledger")
    assert reasons(clean_text(text, memory, outlet="Harbour Ledger"))[4] == "repeated-across-batch"
    assert 4 not in reasons(clean_text(text, memory, outlet="Coast Courier"))


def test_reprinted_wire_sentences_survive_repetition() -> None:
    docs = [paragraphs(f"Headline number {n} about the bridge", *BODY) for n in range(4)]
    memory = BoilerplateMemory()
    for doc in docs:
        memory.add_document(doc, outlet="Harbour Ledger")
    cleaned = clean_text(docs[0], memory, outlet="Harbour Ledger")
    for paragraph in BODY:
        assert paragraph in cleaned.text.split("\n\n")


def test_text_without_prose_keeps_what_no_rule_rejects() -> None:
    cleaned = clean_text("Tessel Bridge reopened\nShare this article")
    assert cleaned.text == "Tessel Bridge reopened"
    assert cleaned.title == "Tessel Bridge reopened"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_partitions_any_text(text: str) -> None:
    _check_partition(text, clean_text(text))


LINE_PARTS = st.sampled_from(
    [
        *BODY,
        "Velmora reopens the Tessel Bridge",
        "Share this article",
        "ADVERTISEMENT",
        "You might also like",
        "© 2031 Harbour Ledger",
        "",
        "  ",
        "• A bullet about the bridge that is long enough to count as prose.",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(LINE_PARTS, st.text(max_size=40)), max_size=30))
def test_partition_on_article_like_text(parts: list[str]) -> None:
    text = "\n".join(parts)
    memory = BoilerplateMemory()
    memory.add_document(text, outlet="Harbour Ledger")
    _check_partition(text, clean_text(text, memory, outlet="Harbour Ledger"))


def _check_partition(text: str, cleaned: CleanedText) -> None:
    lines = text.splitlines()
    non_blank = {number for number, line in enumerate(lines) if line.strip()}
    removed = {line.line for line in cleaned.removed}
    assert removed <= non_blank
    assert len(removed) == len(cleaned.removed)
    kept = [lines[number].strip() for number in sorted(non_blank - removed)]
    assert cleaned.text == "\n\n".join(kept)
    assert all(line.reason for line in cleaned.removed)
    assert cleaned.title is None or cleaned.title in kept


def test_a_reading_time_line_is_a_label_not_the_headline() -> None:
    text = (
        "Harbour town council backs new sea wall after winter storms\n\n"
        "Reading time: 4 min\n\n"
        "The council of the fictional harbour town of Wrenmouth voted on Tuesday to build a new sea "
        "wall, after three winter storms flooded the old quarter and closed the ferry terminal.\n\n"
        "Work is due to start in the spring and to last two years, the council's engineer said.\n"
    )
    cleaned = clean_text(text)
    assert cleaned.title == "Harbour town council backs new sea wall after winter storms"
    assert [(r.text, r.reason) for r in cleaned.removed] == [("Reading time: 4 min", "label")]


def test_pruned_memory_forgets_lines_seen_once_and_keeps_repeated_ones() -> None:
    memory = BoilerplateMemory()
    for word in ("harbour", "ferry", "council", "storm", "market"):
        memory.add_document(f"Subscribe to the Ledger\nA story about the {word}")
    memory.prune(max_keys=3)
    assert memory.documents_with("Subscribe to the Ledger") == 5
    assert memory.documents_with("A story about the storm") == 0


def _cleaned_afresh(text: str, memory: BoilerplateMemory | None = None) -> CleanedText:
    """What a process that never saw a line before makes of ``text``."""
    clean._described.clear()
    clean._line_keys.clear()
    return clean_text(text, memory)


def test_lines_met_again_are_cleaned_as_the_first_time() -> None:
    # the caption twice in a row is marked in one document and kept as a subhead in the
    # next: a mark made in context must not stay on the line remembered for its text
    caption = "Harbour cranes at dawn, seen from the pier"
    marked = paragraphs("Velmora reopens the Tessel Bridge", caption, caption, *BODY)
    kept = paragraphs("Velmora reopens the Tessel Bridge", BODY[0], caption, *BODY[1:])
    documents = [LEDGER, marked, kept, marked, LEDGER, kept]
    memory = BoilerplateMemory()
    for document in documents:
        memory.add_document(document)
    expected = [_cleaned_afresh(document, memory) for document in documents]
    clean._described.clear()
    clean._line_keys.clear()
    assert [clean_text(document, memory) for document in documents] == expected
    assert reasons(expected[1])[2] == reasons(expected[1])[4] == "caption"
    assert caption in expected[2].text.split("\n\n")


@settings(max_examples=200, deadline=None)
@given(st.one_of(LINE_PARTS, st.text(max_size=200)))
def test_a_remembered_line_is_described_as_a_new_one(text: str) -> None:
    fresh = clean._describe_anew(3, text.strip())
    assert clean._describe(3, text.strip()) == fresh
    assert clean._describe(3, text.strip()) == fresh  # the second time, from memory
    assert clean._line_key(text) == clean._key_anew(text) == clean._line_key(text)


def _key_text_as_written(line: str) -> bytes:
    """The normal form a line key hashes, as the cleaner first wrote it (the reference)."""
    return re.sub(r"\d", "0", " ".join(line.lower().split())).encode("utf-8", "replace")


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        LINE_PARTS,
        st.text(max_size=200),
        st.text(alphabet="Ab1 9\t0xyz\u00a0\u0660\u0966\u212a\u0130", max_size=60),
    )
)
def test_a_line_key_hashes_the_line_normalised_as_before(line: str) -> None:
    # ASCII lines take the bytes table; the others (Arabic-Indic and Devanagari digits, the
    # Kelvin sign that lowers to an ASCII "k", a dotted capital I) the pattern
    assert clean._normalised_bytes(line) == _key_text_as_written(line)


def test_a_line_key_zeroes_every_digit_of_an_ascii_line() -> None:
    assert clean._normalised_bytes("Updated  12:45 on 3 May 2031") == b"updated 00:00 on 0 may 0000"
    assert clean._key_anew("Page 1 of 9") == clean._key_anew("page 7  of 3")


@pytest.mark.parametrize(
    ("above", "headline", "byline", "gone"),
    [
        # a byline naming a newsroom, not opening with "By"
        (
            (),
            "Harrow Creek Fire: 2 dead, 65 homes lost as blaze grows",
            "KTVR News 9 Staff",
            "KTVR News 9 Staff",
        ),
        # "Posted by ..." was a short line nearer the article than its headline, so it was
        # taken for the title, and the headline beside a menu with "Donate" went as a plea
        (
            ("THE ORCHARD BEAT — Neighborhood news for Morvane's mill district | About | Donate",),
            "Shots fired into Lindale Street house; woman inside wounded",
            "Posted by: Tamsin Vale",
            "Posted by",
        ),
        # a long byline of names and newsrooms: it was taken for the title, and the headline
        # above it went as a fragment
        (
            ("VALLEY TODAY | News · Public Safety · Events", "Public Safety > Releases"),
            "Man flown to hospital after shooting in Orrin Township; neighbor in custody",
            "By Kestrel County Sheriff's Office (news release), posted by Valley Today staff",
            "news release",
        ),
    ],
)
def test_a_byline_is_no_headline(
    above: tuple[str, ...], headline: str, byline: str, gone: str
) -> None:
    text = paragraphs(*above, headline, byline, "Published August 5, 2031", *BODY)
    cleaned = clean_text(text)
    assert cleaned.title == headline
    assert reasons(cleaned)[2 * (len(above) + 1)] == "byline"
    assert gone not in cleaned.text


@pytest.mark.parametrize(
    "headline",
    [
        "By land and sea, rescuers race to reach families stranded by the Orrin floods",
        # title case, no newsroom's word
        "By The Numbers: How Velmora Spent Its 18 Million Crowns On The Tessel Bridge",
        "By Order Of The Court, Velmora Must Reopen The Tessel Bridge To Trams",
        "Par For The Course: Velmora Golf Club Reopens After Two Years Of Repairs",
    ],
)
def test_a_headline_opening_with_by_is_no_byline(headline: str) -> None:
    cleaned = clean_text(paragraphs(headline, "By Orla Venn", "Published May 5, 2031", *BODY))
    assert cleaned.title == headline


def test_a_headline_long_enough_to_read_as_prose_is_the_title() -> None:
    # fifteen words with a quote and no full stop, then the byline: it was kept as the first
    # paragraph and the article had no title
    headline = 'Man killed on Corwin Street was Rory Vale, 27; neighbors knew him as "Big Ro"'
    text = paragraphs(headline, "By Tamsin Hale", "Published Tuesday, March 11, 2031", *BODY)
    cleaned = clean_text(text)
    assert cleaned.title == headline
    assert cleaned.text.startswith(headline)
    menu = "RIVERTON RADIO 1140 | Listen Live | News | Weather | Contact"
    below_a_menu = clean_text(paragraphs(menu, text))
    assert below_a_menu.title == headline and menu not in below_a_menu.text


MENU = "HARWICK NOW | Local | Public Safety | Courts | Events | Obituaries"
HEADLINE = "Two hurt in Marlow Street stabbing; suspect arrested"


@pytest.mark.parametrize(
    "head",
    [
        # a site reprinting releases: its note and the release's fields stood nearer the
        # story than the headline, and "Source: ..." was taken for the title
        (
            HEADLINE,
            "Harwick Public Safety Releases — posted as received",
            "Source: Harwick Police Department",
            "Date: May 3, 2031 | Case No. 31-0042",
        ),
        # a release under the page's headline: its letterhead, header and fields
        (
            MENU,
            "Home › Public Safety",
            HEADLINE,
            "Posted by Harwick Now Staff | May 8, 2031 at 11:52 AM",
            "Editor's note: Harwick Now publishes releases from area agencies as received.",
            "HARWICK POLICE DEPARTMENT",
            "Office of the Chief of Police - Darvin Oake",
            "NEWS RELEASE - FOR IMMEDIATE RELEASE",
            "Media contact: Sgt. Tam Vell, Public Information Officer, (555) 014-2200",
            "INCIDENT: Aggravated Assault (Stabbing)",
            "DATE/TIME: Sunday, May 8, 2031, approximately 0140 hours",
            "DRIVER 2: Darvin Oake, 52, Harwick - Minor injuries",
            "REPORT #: HPD 31-0091",
        ),
        # the page's headline over a reprinted release's own, under its two header lines
        (
            MENU,
            "Home › Courts",
            HEADLINE,
            "Posted by Harwick Now Staff | May 9, 2031 at 1:16 PM",
            "Editor's note: Harwick Now publishes releases from area agencies as received.",
            "OFFICE OF THE HARWICK COUNTY PROSECUTOR",
            "Darvin Oake, Prosecuting Attorney",
            "Harwick County Justice Center, 200 N. Court Street, Harwick",
            "PRESS RELEASE",
            "For Immediate Release: May 9, 2031",
            "CHARGES FILED IN MAY 3, 2031 STABBING ON MARLOW STREET",
        ),
        # a stamp with "a.m." after the byline
        (HEADLINE, "By Tam Vell, Harwick 8 News", "Published 9:12 a.m. Mar. 24, 2031"),
        # the headline as the page's first paragraph, its standfirst and an author's field
        # below it, a breadcrumb above
        (
            MENU,
            "Home › News › Traffic",
            "Woman killed as a delivery truck slams into stopped traffic in the Marlow Street"
            " work zone",
            "It is the second deadly crash in the work zone in ten days.",
            "Author: Tam Vell",
            "Published: 8:02 AM CDT April 26, 2031",
            "Updated: 2:47 PM CDT April 26, 2031",
            "Share on Facebook | Share on X | Email | Copy Link",
        ),
        # a standfirst without a full stop below the headline: taken for a headline long
        # enough to read as prose
        (
            MENU,
            HEADLINE,
            "Darvin Oake, charged in the stabbing of a neighbor, could be released on a GPS"
            " monitor while he awaits trial, his lawyer says",
            "By Tam Vell",
            "WEDNESDAY, MAY 4, 2031",
        ),
        # a headline's medium ("VIDEO:") made it a teaser of a list of links
        (MENU, f"VIDEO: {HEADLINE}", "By Tam Vell, Harwick 4", "Published May 5, 2031"),
        # the first sentence below the dateline, in capitals enough to look like a headline
        (
            MENU,
            HEADLINE,
            "By Tam Vell",
            "Published Monday, August 29, 2031",
            "HARWICK — The Man Stabbed Friday On Marlow Street Was Darvin Oake Of Harwick.",
        ),
        # a headline that asks a question is no sentence
        (
            MENU,
            "After Marlow Street stabbing, neighbors ask: 'Where were the officers?'",
            "By Tam Vell",
            "Published May 5, 2031",
        ),
    ],
)
def test_the_headline_is_no_field_stamp_letterhead_or_standfirst(head: tuple[str, ...]) -> None:
    headline = next(line for line in head if "Marlow Street" in line and "—" not in line)
    cleaned = clean_text(paragraphs(*head, *BODY))
    assert cleaned.title == headline
    assert cleaned.text.startswith(headline)
    assert MENU not in cleaned.text


@pytest.mark.parametrize(
    "headline",
    [
        "Mayor's press release on the Tessel Bridge draws criticism",
        "Velmora Stock Is Falling After Its Earnings Release. Why You Shouldn't Worry.",
        "Police: Man arrested in Marlow Street stabbing",
        # labels a field may have too, a headline's when no field is beside it
        "Report: Velmora council to cut six bus routes",
        "Sources: Velmora mayor to resign",
        # no newsroom's credit, no stamp
        "Harwick hospital lays off staff",
        "Council cuts staff",
        "Updated 2032 budget adds six officers to Harwick police",
        "Updated by council, Velmora bridge plan adds tram lane",
        "Posted on the wall: Velmora's street art trail",
        # a label in a headline in capitals; a release told of, not a release's header
        "REPORT: VELMORA COUNCIL TO CUT SIX BUS ROUTES",
        "Union calls for immediate release of jailed Velmora organiser",
        "MAYOR SLAMS POLICE PRESS RELEASE",
    ],
)
def test_a_headline_telling_of_a_release_or_with_a_full_stop_stays_the_title(
    headline: str,
) -> None:
    cleaned = clean_text(paragraphs(MENU, headline, "By Tam Vell", "Published May 5, 2031", *BODY))
    assert cleaned.title == headline
    # with its full stop over its byline, under a date line
    dated = clean_text(paragraphs(MENU, "May 5, 2031", headline, "By Tam Vell", *BODY))
    assert dated.title == headline


@pytest.mark.parametrize(
    "head",
    [
        # a headline right over a release's header is no letterhead
        (MENU, HEADLINE, "PRESS RELEASE", "May 9, 2031"),
        # a letterhead of four lines: the agency's name is not taken for the headline
        (
            "HARWICK POLICE DEPARTMENT",
            "Office of the Chief of Police",
            "200 North Court Street, Harwick",
            "Phone (555) 014-2200",
            "NEWS RELEASE",
            HEADLINE,
        ),
    ],
)
def test_a_releases_header_passes_its_letterhead_only(head: tuple[str, ...]) -> None:
    assert clean_text(paragraphs(*head, *BODY)).title == HEADLINE


def test_a_short_headline_over_a_letterhead_is_no_letterhead() -> None:
    short = "Two hurt in Marlow Street stabbing"
    head = (MENU, short, "HARWICK POLICE DEPARTMENT", "NEWS RELEASE")
    assert clean_text(paragraphs(*head, *BODY)).title == short


@pytest.mark.parametrize(
    "head",
    [
        ("OFFICE OF THE HARWICK COUNTY PROSECUTOR", "NEWS RELEASE"),
        ("Harwick County Department of Public Safety", "NEWS RELEASE"),
        (
            "HARWICK POLICE DEPARTMENT",
            "Office of the Chief of Police",
            "200 North Court Street, Harwick",
            "Phone (555) 014-2200",
            "NEWS RELEASE",
        ),
    ],
)
def test_an_agencys_letterhead_is_no_headline(head: tuple[str, ...]) -> None:
    assert clean_text(paragraphs(*head, *BODY)).title is None


def test_a_field_in_capitals_or_beside_a_field_is_no_headline() -> None:
    subject = "SUBJECT: Armed Barricaded Subject - 2200 Block Marlow Street"
    assert clean_text(paragraphs(HEADLINE, subject, *BODY)).title == HEADLINE
    # a stamp beside a label a headline may have is no sign of a release's fields
    report = "Report: Velmora council to cut six bus routes"
    assert clean_text(paragraphs(MENU, report, "Published: May 5, 2031", *BODY)).title == report


def test_a_releases_headline_in_capitals_over_its_letterhead_is_the_title() -> None:
    headline = "FOUR ARRESTED AFTER TASK FORCE SEARCH WARRANT ON MARLOW STREET"
    head = (
        headline,
        "HARWICK POLICE DEPARTMENT",
        "Office of Public Information",
        "NEWS RELEASE",
        "Release Date: 02/16/2031 1315 hrs",
        "Incident: Narcotics Search Warrant / Arrests",
        "Agencies: HPD Special Response Team; Harwick County Narcotics Task Force",
    )
    assert clean_text(paragraphs(*head, *BODY)).title == headline


def test_a_first_sentence_read_as_a_headline_stays_in_the_story() -> None:
    opening = "HARWICK — The Man Stabbed Friday On Marlow Street Was Darvin Oake Of Harwick."
    update = "HARWICK — Police Gave An Update On The Marlow Street Stabbing On Friday Night."
    credit = "Photo Courtesy Of The Harwick Police Department Public Information Office."
    for first, kept in ((opening, True), (update, True), (credit, False)):
        text = paragraphs(MENU, HEADLINE, "By Tam Vell", "Published May 5, 2031", first, *BODY)
        cleaned = clean_text(text)
        assert cleaned.title == HEADLINE
        assert (first in cleaned.text.split("\n\n")) is kept, first


def test_a_short_sentence_of_its_own_keeps_a_short_article_whole() -> None:
    # a paragraph of three words with its full stop is the article's, not a headline: taken
    # for one, it left the last paragraph "isolated" and both were dropped
    text = (
        "Dorian Hask, the ferry captain who ran the Harwick crossing for three decades, died on"
        " Monday at his home in Lindale.\n\nHe was 81.\n\n"
        "His family said he had been ill for several months."
    )
    cleaned = clean_text(text)
    assert cleaned.removed == ()
    assert "He was 81." in cleaned.text and "several months" in cleaned.text


def test_a_related_list_goes_with_its_headlines_even_when_they_read_as_sentences() -> None:
    text = (
        "Police said a man was shot on Brennock Street on Friday night and taken to the"
        " hospital in stable condition.\n\n"
        "The suspect is scheduled to appear for a preliminary hearing later this month,"
        " police said on Friday.\n\n"
        "Related stories\n"
        "- Two men wounded in Orrinwood drive-by on Vardy Street\n"
        "- Man shot last week in Orrinwood dies at the hospital\n"
        "- Crash on Route 9 kills 22-year-old nursing graduate\n"
    )
    cleaned = clean_text(text)
    assert "Two men" not in cleaned.text and "Crash" not in cleaned.text
    assert {r.reason for r in cleaned.removed} == {"related-list"}
    assert cleaned.text.startswith("Police said a man was shot")


# An invented agency's incident update and an invented police release
FACT_SHEET_UPDATE = (
    "Harlow Ridge Fire Update, Tuesday 7 a.m.\n\n"
    "Fire name: Harlow Ridge Fire\n"
    "Personnel assigned: 212\n"
    "Acres burned: 3,420 acres\n"
    "Cause: Not yet known\n"
    "Containment: 15%\n"
    "Media contact: Dana Pell, public information officer, 555-0142\n\n"
    "Crews held the fire south of the county road overnight as winds eased, and two more"
    " engines arrived from the coast on Monday evening.\n\n"
    "An evacuation order remains in effect for the Cedar Flats area, where about 900 people"
    " live, the sheriff's office said.\n"
)
VICTIMS_RELEASE = (
    "Two killed in Route 12 crash near Orrisford\n\n"
    "A pickup truck crossed the center line on Route 12 on Saturday night and struck a van"
    " head-on, the state police said in a release on Sunday.\n\n"
    "The two people who died were identified as:\n"
    "- Maren J. Tollefsrud, 64, of Orrisford\n"
    "- Idrun K. Thaddock, 71, of Ulvsand\n\n"
    "The driver of the pickup was taken to a hospital with serious injuries and is expected"
    " to survive, police said.\n"
)


def test_an_incident_fact_sheet_beside_the_article_stays_but_its_contact() -> None:
    cleaned = clean_text(FACT_SHEET_UPDATE)
    for field in ("Acres burned: 3,420 acres", "Containment: 15%", "Personnel assigned: 212"):
        assert field in cleaned.text
    assert "Cause: Not yet known" in cleaned.text  # a field of the sheet, figure or not
    assert "Media contact" not in cleaned.text


def test_two_fields_are_no_fact_sheet() -> None:
    text = FACT_SHEET_UPDATE.replace("Containment: 15%\n", "").replace(
        "Personnel assigned: 212\n", ""
    )
    text = text.replace("Cause: Not yet known\n", "")
    assert "Fire name" not in clean_text(text).text  # a contact is no fact of the sheet


def test_a_list_a_reports_sentence_leads_into_stays_with_its_lead() -> None:
    cleaned = clean_text(VICTIMS_RELEASE)
    assert "The two people who died were identified as:" in cleaned.text
    assert "- Maren J. Tollefsrud, 64, of Orrisford" in cleaned.text
    assert "- Idrun K. Thaddock, 71, of Ulvsand" in cleaned.text
    assert cleaned.removed == ()


def test_a_fact_sheet_far_from_the_article_or_after_furniture_goes() -> None:
    far = FACT_SHEET_UPDATE.replace(
        "Media contact: Dana Pell, public information officer, 555-0142\n\n",
        "Media contact: Dana Pell\n\nSign up\n\nMenu\n\nSearch\n\nWeather\n\n",
    )
    assert "Acres burned" not in clean_text(far).text
    after_comments = (
        FACT_SHEET_UPDATE.split("Harlow Ridge Fire Update, Tuesday 7 a.m.\n\n")[1].split(
            "Fire name"
        )[0]
        + FACT_SHEET_UPDATE.split(
            "Media contact: Dana Pell, public information officer, 555-0142\n\n"
        )[1]
        + "3 Comments\nRidge hiker: Evacuated twice: 2019 and now\nAnna: 15 years here\n"
        + "Sorted: 2 crews saved our road\n"
    )
    assert "Ridge hiker" not in clean_text(after_comments).text


def test_a_ticker_of_one_word_labels_is_no_fact_sheet() -> None:
    text = FACT_SHEET_UPDATE.split(
        "Media contact: Dana Pell, public information officer, 555-0142\n\n"
    )[1]
    text += "Markets\nDow: 38,200 +0.4%\nS&P 500: 5,120 +0.3%\nNasdaq: 16,010 -0.1%\n"
    assert "Nasdaq" not in clean_text(text).text


def test_a_field_whose_label_holds_a_furniture_word_stays() -> None:
    text = FACT_SHEET_UPDATE.replace("Cause: Not yet known", "Heat-related deaths: 4")
    assert "Heat-related deaths: 4" in clean_text(text).text


def test_a_list_without_figures_a_sentence_leads_into_is_no_prose() -> None:
    text = VICTIMS_RELEASE.replace(
        "- Maren J. Tollefsrud, 64, of Orrisford", "- Maren Tollefsrud of Orrisford"
    )
    text = text.replace("- Idrun K. Thaddock, 71, of Ulvsand", "- Idrun Thaddock of Ulvsand")
    assert "Idrun Thaddock" not in clean_text(text).text


@pytest.mark.parametrize(
    "stamp",
    [
        "Release date: June 3, 2031, 9:15 a.m.",
        "Date posted: June 3, 2031",
        "Last updated: June 3, 2031 at 9:20 a.m.",
        "Phone number: (555) 010-4477",
    ],
)
def test_a_stamp_or_a_contact_among_the_fields_is_no_fact(stamp: str) -> None:
    text = FACT_SHEET_UPDATE.replace(
        "Fire name: Harlow Ridge Fire\n", f"Fire name: Harlow Ridge Fire\n{stamp}\n"
    )
    cleaned = clean_text(text)
    assert "Acres burned: 3,420 acres" in cleaned.text
    assert stamp not in cleaned.text


def test_a_contact_block_is_no_fact_sheet() -> None:
    contact = (
        "Media contact: Dana Pell\nPhone number: (555) 010-4477\nFax number: (555) 010-4478\n"
        "Email address: press@example.org\n\n"
    )
    text = contact + FACT_SHEET_UPDATE.split("public information officer, 555-0142\n\n")[1]
    assert "Fax number" not in clean_text(text).text


def test_a_line_of_furniture_among_the_fields_goes_alone() -> None:
    text = FACT_SHEET_UPDATE.replace("Containment: 15%\n", "Containment: 15%\nRelated: Fire map\n")
    cleaned = clean_text(text)
    assert "Acres burned: 3,420 acres" in cleaned.text
    assert "Fire map" not in cleaned.text
