"""Pelican settings for bench/build.py: the pages Nashra makes from the same stories.

Each story's article page and parallel view (plugins/parallel_view.py) in Arabic and
English, a home and an Atom feed of the newest 50; no category, tag, author or archive
pages, which Nashra does not make either. Pelican's content cache is on in every build: a
cold build starts without it and writes it (as Nashra's does), a rebuild reads unchanged
articles from it, which is the fastest Pelican rebuilds.
"""

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
SITENAME = "Nashra"
SITEURL = ""
RELATIVE_URLS = True  # like Nashra's links, which work under any base path
TIMEZONE = "UTC"
DEFAULT_LANG = "ar"

ARTICLE_URL = "ar/articles/{slug}/"
ARTICLE_SAVE_AS = "ar/articles/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/articles/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/articles/{slug}/index.html"
DIRECT_TEMPLATES = ["index"]
INDEX_SAVE_AS = "ar/index.html"
CATEGORY_SAVE_AS = TAG_SAVE_AS = AUTHOR_SAVE_AS = ""

FEED_ALL_ATOM = None
TRANSLATION_FEED_ATOM = "{lang}/feed.xml"  # one feed per language, as Nashra has
CATEGORY_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
FEED_MAX_ITEMS = 50

CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["parallel_view"]
