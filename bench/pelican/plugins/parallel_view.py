"""One more page per article and language, as Nashra has: the text beside its translation."""

from itertools import chain

from pelican import signals


def write_parallel_views(generator, writer):
    template = generator.get_template("parallel")
    for article in chain(generator.articles, generator.translations):
        writer.write_file(f"{article.lang}/articles/{article.slug}/parallel/index.html", template,
                          generator.context, relative_urls=generator.settings["RELATIVE_URLS"],
                          article=article)


def register():
    signals.article_writer_finalized.connect(write_parallel_views)
