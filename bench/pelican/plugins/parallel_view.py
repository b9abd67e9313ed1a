"""One more page per article, as Nashra has: the text beside its translation.

Each language's site (see i18n_subsites in pelicanconf.py) writes the views of its own
articles; their translations, written by the other site, are still linked to them."""

from pelican import signals


def write_parallel_views(generator, writer):
    template = generator.get_template("parallel")
    for article in generator.articles:
        writer.write_file(f"articles/{article.slug}/parallel/index.html", template, generator.context,
                          relative_urls=generator.settings["RELATIVE_URLS"], article=article)


def register():
    signals.article_writer_finalized.connect(write_parallel_views)
