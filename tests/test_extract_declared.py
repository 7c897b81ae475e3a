"""The dates and the language a page declares in its meta tags, read in one walk over them,
are those of the XPath expressions they replaced."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from triangulate.ingest import extract

DATE_XPATH = (
    "//meta[@property='article:published_time' or @property='og:published_time'"
    " or @itemprop='datePublished' or @name='date' or @name='pubdate' or @name='publishdate'"
    " or @name='publish-date' or @name='DC.date.issued' or @name='dc.date'"
    " or @name='dcterms.created' or @name='parsely-pub-date' or @name='sailthru.date']/@content"
)
LANGUAGE_XPATH = (
    "/html/@lang | /html/@xml:lang"
    " | //meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')"
    "='content-language']/@content"
    " | //meta[@name='language' or @name='Language' or @name='dc.language']/@content"
    " | //meta[@property='og:locale']/@content"
)
ATTRIBUTES = {
    "name": ["date", "pubdate", "DC.date.issued", "dc.date", "Date", "language", "Language",
             "dc.language", "LANGUAGE", "author", "sailthru.date"],
    "property": ["article:published_time", "og:published_time", "og:locale", "og:title"],
    "itemprop": ["datePublished", "dateModified"],
    "http-equiv": ["content-language", "Content-Language", "CONTENT-LANGUAGE", "refresh",
                   "content-languagE ", "Content-Type"],
    "content": ["2021-03-04", "2020-11-30T08:00:00Z", "de-DE", "en_GB", "fr", "", "x, y",
                "2019-02-29"],
}  # fmt: skip


@st.composite
def meta_tags(draw: st.DrawFn) -> str:
    names = draw(st.lists(st.sampled_from(sorted(ATTRIBUTES)), unique=True, max_size=4))
    return (
        "<meta"
        + "".join(f' {name}="{draw(st.sampled_from(ATTRIBUTES[name]))}"' for name in names)
        + ">"
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(meta_tags(), max_size=5),
    st.lists(meta_tags(), max_size=3),
    st.sampled_from(
        ["", ' lang="pt-BR"', ' xml:lang="it"', ' lang="nl" xml:lang="da"', ' lang=""']
    ),
)
def test_the_meta_tags_read_as_the_xpaths_read_them(
    head: list[str], body: list[str], root: str
) -> None:
    tree = html.fromstring(
        f"<html{root}><head>{''.join(head)}</head>"
        f"<body><p>Invented ferry news.</p>{''.join(body)}</body></html>"
    )
    namespaces = {"xml": "http://www.w3.org/XML/1998/namespace"}
    dates = [str(value) for value in tree.xpath(DATE_XPATH)]
    languages = [str(value) for value in tree.xpath(LANGUAGE_XPATH, namespaces=namespaces)]
    assert extract._declared_dates(tree) == [
        day for day in (extract._iso_day(value) for value in dates) if day
    ]
    expected = next(
        (
            match.group(1).lower()
            for value in languages
            if (match := extract._LANGUAGE_TAG.match(value.strip().split(",")[0].strip()))
        ),
        None,
    )
    assert extract.declared_language(tree) == expected
