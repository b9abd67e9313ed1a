"""Stage 6, output: the only writer of `site/` (`write`: staging, atomic publish) and the
search index of the staged pages (`search`)."""
