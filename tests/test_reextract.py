"""Re-extraction from the raw pages the archive keeps: no crawl, no lost history."""

from datetime import datetime
from pathlib import Path

from newsbot.archive import Archive
from newsbot.cli import main
from newsbot.extract import extract
from newsbot.items import IST, Page
from newsbot.reextract import reextract

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
URL = "http://127.0.0.1:9/2026/11/20/karyashala/"


def archive_with_stale_article(data_dir: Path) -> tuple[Archive, str]:
    """An archive holding the fixture page's bytes and, for it, an article as an older
    extractor might have made it (wrong title, body missing its last paragraph)."""
    body = (FIXTURES / "wordpress_article.html").read_bytes()
    fresh = extract(body, URL)
    stale = extract(body, URL)
    stale.title, stale.text = "पुराना शीर्षक", stale.text.rsplit("\n\n", 1)[0]
    archive = Archive.in_dir(data_dir)
    archive.save_page(Page(url=URL, site="generic", status=200, content_type="text/html; charset=utf-8",
                           encoding="utf-8", body=body, fetched_at=datetime(2026, 11, 21, 9, tzinfo=IST),
                           canonical_url=stale.canonical_url, outcome="article"))
    archive.upsert_article(stale)
    # A listing page, stored as skipped, stays skipped.
    listing = (FIXTURES / "listing.html").read_bytes()
    archive.save_page(Page(url="http://127.0.0.1:9/", site="generic", status=200, content_type="text/html",
                           encoding=None, body=listing, fetched_at=datetime(2026, 11, 21, 9, tzinfo=IST),
                           outcome="skipped", reason="listing"))
    return archive, fresh.title


def test_reextract_updates_the_article_and_keeps_a_revision(tmp_path):
    archive, fresh_title = archive_with_stale_article(tmp_path)
    with archive:
        counts = reextract(archive)
        assert (counts["pages"], counts["articles_updated"], counts["skipped"]) == (2, 1, 1)
        [row] = archive.articles_by_ids(archive.article_ids_to_index())
        assert row["title"] == fresh_title != "पुराना शीर्षक"
        [revision] = archive.db.execute("SELECT title FROM revisions").fetchall()
        assert revision["title"] == "पुराना शीर्षक"
        assert reextract(archive)["articles_unchanged"] == 1  # idempotent


def test_reprocess_extract_from_the_cli(tmp_path, capsys):
    archive_with_stale_article(tmp_path / "data")[0].close()
    code = main(["reprocess", "--extract", "--data-dir", str(tmp_path / "data"),
                 "--index-dir", str(tmp_path / "index")])
    out = capsys.readouterr().out
    assert code == 0
    assert "extracted 2 stored pages again: 0 new, 1 updated, 0 unchanged articles, 1 skipped" in out
