"""Every page of a site at once, for tests that look at pages without building a site."""

from collections.abc import Sequence

from generator.config import SiteConfig
from generator.model import Article
from generator.render.article_pages import article_pages
from generator.render.environment import OutputPage
from generator.render.site_pages import site_pages
from generator.site.library import Library


def every_page(config: SiteConfig, library: Library, articles: Sequence[Article]) -> list[OutputPage]:
    """The library's article pages and the site-wide pages, as a build plans them."""
    by_slug = {article.slug: article for article in articles}
    topics = {entry.topic.id: entry.topic for entry in library.topics}
    pages = [page for listing in library.articles for page in article_pages(config, topics, by_slug[listing.slug])]
    return pages + site_pages(config, library, by_slug.__getitem__)
