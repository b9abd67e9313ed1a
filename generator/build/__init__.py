"""The build: the stages in order (`run`), what changed since the last build (`changes`),
one article from its file to its pages, as worker processes run it (`article_job`), and what
the last build made (`cache`)."""
