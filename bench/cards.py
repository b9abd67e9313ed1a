"""What social cards cost: an article's pages rendered with and without `[social] cards`,
in the same run, on the bundled sample article (a ratio; these machines are shared).

    .venv/bin/python bench/cards.py [--repeat N]
"""

import argparse
import time
from dataclasses import replace
from pathlib import Path

from generator.analyze.knowledge import load_knowledge
from generator.build.article_job import ArticleProcessor, load_article
from generator.build.cache import ArticleStore
from generator.config import load_config
from generator.diagnostics import Report

ROOT = Path(__file__).resolve().parent.parent


def timed(processor: ArticleProcessor, article, repeat: int) -> float:
    processor.pages(article)  # templates and fonts loaded once, as in a build
    started = time.perf_counter()
    for _ in range(repeat):
        processor.pages(article)
    return (time.perf_counter() - started) / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    repeat = parser.parse_args().repeat
    config = load_config(ROOT)
    report = Report(stream=None)
    knowledge = load_knowledge(config.content_dir, report)
    path = next((config.articles_dir).glob("*.txt"))
    article = load_article(path, config, report, knowledge)
    store = ArticleStore(Path("/nonexistent"), "")
    without = timed(ArticleProcessor(config, knowledge, store), article, repeat)
    with_cards = timed(ArticleProcessor(replace(config, social_cards=True), knowledge, store), article, repeat)
    print(f"article pages without cards: {without * 1000:.1f} ms; with cards: {with_cards * 1000:.1f} ms "
          f"({with_cards / without:.1f}x, {repeat} runs each)")


if __name__ == "__main__":
    main()
