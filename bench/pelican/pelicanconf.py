"""Pelican settings for bench/build.py: the pages Nashra makes from the same stories.

Both languages are whole sites, as Nashra's are: Pelican lists only its default language's
articles on home, tag, author and archive pages, so the Pelican project's i18n_subsites
plugin builds the Arabic site into output/ar, then runs Pelican again with English as the
default language into output/en (reading every file again). Each makes, for its language:

- each story's article page and parallel view (plugins/parallel_view.py);
- topics as tags: a page per topic (TAG_SAVE_AS) and an index of them (TAGS_SAVE_AS);
- speakers as authors: a page per speaker (AUTHOR_SAVE_AS) and an index (AUTHORS_SAVE_AS);
- a home of the newest 50 and an archive page per year (YEAR_ARCHIVE_SAVE_AS), as Nashra's;
- an Atom feed of the newest 50, and a sitemap (a direct template).

Topic and speaker pages are paginated by 50 (`page/2/` ...), where Nashra shows the newest
50 and archives the rest by year, which Pelican does not do per tag or author. A speaker's
page lists the articles they speak in, not their statements.

Pelican's content cache is on in every build: a cold build starts without it and writes
it (as Nashra's does), a rebuild reads unchanged articles from it, which is the fastest
Pelican rebuilds.
"""

from pathlib import Path

SITE = Path(__file__).resolve().parent  # i18n_subsites takes the English site's paths as they are

PATH = "content"
OUTPUT_PATH = "output/ar"
THEME = "theme"
SITENAME = "Nashra"
SITEURL = "https://example.org/ar"  # for feeds, the sitemap and i18n_subsites: links are relative
RELATIVE_URLS = True  # like Nashra's links, which work under any base path
TIMEZONE = "UTC"
DEFAULT_LANG = "ar"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["i18n_subsites", "parallel_view"]
# The English site; FEED_DOMAIN would otherwise stay the Arabic site's, in its feed's own link.
EN_SITEURL = "https://example.org/en"
I18N_SUBSITES = {"en": {"OUTPUT_PATH": str(SITE / "output" / "en"), "SITEURL": EN_SITEURL, "FEED_DOMAIN": EN_SITEURL}}

ARTICLE_URL = "articles/{slug}/"
ARTICLE_SAVE_AS = "articles/{slug}/index.html"
INDEX_SAVE_AS = "index.html"
TAG_URL = "topics/{slug}/"
TAG_SAVE_AS = "topics/{slug}/index.html"
TAGS_SAVE_AS = "topics/index.html"
AUTHOR_URL = "speakers/{slug}/"
AUTHOR_SAVE_AS = "speakers/{slug}/index.html"
AUTHORS_SAVE_AS = "speakers/index.html"
YEAR_ARCHIVE_URL = "archive/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "archive/{date:%Y}/index.html"
CATEGORY_SAVE_AS = ""  # every article falls in Pelican's default category: Nashra has none
DIRECT_TEMPLATES = ["index", "tags", "authors", "sitemap"]
SITEMAP_SAVE_AS = "sitemap.xml"

DEFAULT_PAGINATION = 50
PAGINATED_TEMPLATES = {"tag": None, "author": None}  # the home shows the newest 50 itself
PAGINATION_PATTERNS = [(1, "{url}", "{save_as}"),
                       (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html")]

FEED_ALL_ATOM = "feed.xml"  # one feed per language, as Nashra has
TRANSLATION_FEED_ATOM = None
CATEGORY_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
FEED_MAX_ITEMS = 50

CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"
