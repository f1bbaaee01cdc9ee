"""RSS and Atom feeds: full-content entries, link-only entries, fetched links, broken feeds."""

from __future__ import annotations

from datetime import UTC, datetime
from xml.sax.saxutils import escape

import pytest

from conftest import (
    ARTICLE_HTML,
    LocalServer,
    Write,
    errors_of,
    notices_of,
)
from newsprism.config import Settings
from newsprism.ingest.prepare import read_articles

FULL_ENTRIES = [
    (
        "Rail strike halts trains across the region",
        " ".join(
            [
                "Train drivers walked out on Friday morning in a dispute over pay and working hours,",
                "halting almost every regional service and leaving thousands of commuters stranded",
                "at stations across the north of the country. The union said the strike would last",
                "forty-eight hours unless the rail operator returned to the negotiating table with",
                "a better offer. Managers said they had already offered a raise of four percent and",
                "accused the union of refusing to discuss new shift patterns. Buses replaced some of",
                "the trains, but long queues formed outside the main station before seven o'clock.",
                "Several schools closed early because teachers could not reach them in time. The",
                "transport minister urged both sides to meet again on Saturday and said the",
                "government was ready to appoint a mediator if the talks failed. Passengers who",
                "bought tickets for cancelled trains will receive a full refund, the operator said.",
            ]
        ),
    ),
    (
        "Museum returns stolen painting after forty years",
        " ".join(
            [
                "A landscape painting stolen from a private collection in 1983 was handed back to",
                "the family of its owner on Wednesday, after detectives traced it to an auction",
                "house in another country. The small oil painting shows a river valley at dusk and",
                "was taken during a burglary in which several pieces of silver also disappeared.",
                "Police said a dealer had recognized the work from an old catalog and alerted them",
                "before the sale. The owner's granddaughter said the family had never stopped",
                "hoping it would be found. She thanked the investigators and said the painting",
                "would be lent to the city museum, where visitors will be able to see it from next",
                "month. No one has been charged, and investigators said they were still trying to",
                "find out how the painting crossed the border and who had kept it for so long.",
                "The auction house said it was cooperating fully with the inquiry.",
            ]
        ),
    ),
]


@pytest.fixture
def settings() -> Settings:
    """The test server is on 127.0.0.1, which the address guard refuses unless allowed."""
    return Settings.load(cache=False, allow_private=True)


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in text.split(". "))


def rss(items: list[tuple[str, str, str | None]], title: str = "Regional News") -> str:
    """An RSS 2.0 feed; items are (title, link, full body or None for link-only)."""
    parts = []
    for number, (item_title, link, body) in enumerate(items, 1):
        content = (
            f"<content:encoded><![CDATA[{_paragraphs(body)}]]></content:encoded>" if body else ""
        )
        parts.append(
            f"<item><title>{escape(item_title)}</title><link>{escape(link)}</link>"
            f"<guid>item-{number}</guid><pubDate>Fri, 14 Jun 2024 08:30:00 +0000</pubDate>"
            f"<description>A short teaser.</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{escape(title)}</title><link>https://news.example.org/</link>"
        f"{''.join(parts)}</channel></rss>"
    )


def atom(entries: list[tuple[str, str, str | None]], title: str = "Atom Herald") -> str:
    parts = []
    for number, (entry_title, link, body) in enumerate(entries, 1):
        content = f'<content type="html">{escape(_paragraphs(body))}</content>' if body else ""
        parts.append(
            f"<entry><title>{escape(entry_title)}</title><link href='{escape(link)}'/>"
            f"<id>urn:entry:{number}</id><updated>2024-06-14T10:15:00Z</updated>"
            f"<author><name>Sam Writer</name></author>"
            f"<summary>A short teaser.</summary>{content}</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:feed</id><updated>2024-06-14T10:15:00Z</updated>"
        f"{''.join(parts)}</feed>"
    )


def test_rss_full_content_entries_become_articles(write: Write, settings: Settings) -> None:
    items = [(t, f"https://news.example.org/{n}", body) for n, (t, body) in enumerate(FULL_ENTRIES)]
    items.append(("Only a link", "https://news.example.org/teaser", None))
    path = write("feed.rss", rss(items))
    collection = read_articles([str(path)], settings)
    assert errors_of(collection) == []
    assert [a.title for a in collection.articles] == [t for t, _ in FULL_ENTRIES]
    first = collection.articles[0]
    assert first.source == "Regional News"
    assert first.url == "https://news.example.org/0"
    assert first.input_id == "item-1"
    assert first.published == datetime(2024, 6, 14, 8, 30, tzinfo=UTC)
    assert first.text.startswith("Train drivers walked out on Friday morning")
    assert "<p>" not in first.text
    assert first.origin == f"{path} entry 1"
    [notice] = notices_of(collection)
    assert notice.startswith(f"{path} entry 3: the entry carries only a summary or a link")
    assert "--fetch-links" in notice


def test_atom_feed_with_xml_suffix(write: Write, settings: Settings) -> None:
    entries = [
        (FULL_ENTRIES[1][0], "https://herald.example.org/painting", FULL_ENTRIES[1][1]),
        ("Teaser only", "https://herald.example.org/teaser", None),
    ]
    path = write("atom.xml", atom(entries))
    collection = read_articles([str(path)], settings)
    [article] = collection.articles
    assert article.title == FULL_ENTRIES[1][0]
    assert article.source == "Atom Herald"
    assert article.authors == ["Sam Writer"]
    assert article.published == datetime(2024, 6, 14, 10, 15, tzinfo=UTC)
    assert article.input_id == "urn:entry:1"
    assert len(notices_of(collection)) == 1
    assert errors_of(collection) == []


def test_feed_links_are_fetched_with_fetch_links(
    write: Write, http_server: LocalServer, settings: Settings
) -> None:
    link = http_server.page("/linked-article.html", ARTICLE_HTML)
    path = write("links.rss", rss([("Bridge reopens (feed title)", link, None)]))
    collection = read_articles([str(path)], settings.model_copy(update={"fetch_links": True}))
    assert collection.problems == []
    [article] = collection.articles
    assert article.title == "Harbor bridge reopens after two-year repair"
    assert article.url == link
    assert article.input_id == "item-1"
    assert article.source == "The Coastal Ledger"
    assert article.text.startswith("The Harbor Street bridge reopened")


def test_feed_links_are_not_fetched_by_default(
    write: Write, http_server: LocalServer, settings: Settings
) -> None:
    link = http_server.page("/never-fetched.html", ARTICLE_HTML)
    path = write("links.rss", rss([("Bridge", link, None)]))
    collection = read_articles([str(path)], settings)
    assert collection.articles == []
    assert len(notices_of(collection)) == 1
    assert http_server.hits.get("/never-fetched.html") is None


def test_feed_link_that_fails_is_an_error_of_its_entry(
    write: Write, http_server: LocalServer, settings: Settings
) -> None:
    items = [
        ("Gone", http_server.url("/gone.html"), None),
        (*FULL_ENTRIES[0][:1], "https://x.example/1", FULL_ENTRIES[0][1]),
    ]
    path = write("links.rss", rss(items))
    collection = read_articles([str(path)], settings.model_copy(update={"fetch_links": True}))
    assert len(collection.articles) == 1
    [error] = errors_of(collection)
    assert error.startswith(f"{http_server.url('/gone.html')}: the server answered HTTP 404")


def test_feed_over_http(http_server: LocalServer, settings: Settings) -> None:
    items = [(t, f"https://news.example.org/{n}", body) for n, (t, body) in enumerate(FULL_ENTRIES)]
    url = http_server.page("/feed", rss(items), "application/rss+xml; charset=utf-8")
    collection = read_articles([url], settings)
    assert len(collection.articles) == 2
    assert collection.articles[0].origin == f"{url} entry 1"


def test_feed_in_declared_latin1_encoding(write: Write, settings: Settings) -> None:
    title, body = FULL_ENTRIES[0]
    feed = rss([(title, "https://news.example.org/1", body.replace("Managers", "Señor Peña"))])
    feed = feed.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("Regional", "Café")
    path = write("latin.rss", feed.encode("iso-8859-1"))
    collection = read_articles([str(path)], settings)
    assert collection.problems == []
    [article] = collection.articles
    assert "Señor Peña" in article.text
    assert article.source == "Café News"


def test_slightly_broken_feed_is_recovered_with_a_notice(write: Write, settings: Settings) -> None:
    items = [(t, f"https://news.example.org/{n}", body) for n, (t, body) in enumerate(FULL_ENTRIES)]
    feed = rss(items).replace("<title>Regional News</title>", "<title>Regional&nbsp;News</title>")
    path = write("entity.rss", feed)
    collection = read_articles([str(path)], settings)
    assert len(collection.articles) == 2
    assert collection.errors == []
    [notice] = notices_of(collection)
    assert notice.startswith(f"{path}: malformed feed (undefined entity")


def test_truncated_feed_names_the_xml_error(write: Write, settings: Settings) -> None:
    feed = rss([(FULL_ENTRIES[0][0], "https://news.example.org/1", None)])
    path = write("cut.rss", feed[: len(feed) // 2])
    [error] = read_articles([str(path)], settings).errors
    assert str(error).startswith(f"{path}: not a well-formed RSS/Atom feed (")
    assert "line 1" in str(error) or "line 2" in str(error)


@pytest.mark.parametrize(
    "prolog", ["", "\ufeff", "<!-- generated -->\n", '<?xml-stylesheet href="s.xsl"?>']
)
def test_feed_without_xml_declaration(
    write: Write, http_server: LocalServer, settings: Settings, prolog: str
) -> None:
    items = [(t, f"https://news.example.org/{n}", body) for n, (t, body) in enumerate(FULL_ENTRIES)]
    feed = prolog + rss(items).split("\n", 1)[1]
    path = write("nodecl.xml", feed)
    url = http_server.page(f"/rss-{len(prolog)}", feed, "application/rss+xml")
    for value in (str(path), url):
        collection = read_articles([value], settings)
        assert collection.problems == [], value
        assert len(collection.articles) == 2
