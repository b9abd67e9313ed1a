"""Stage 1, read: a file in `content/articles/` to an `Article`. Discovery and front matter
(`sources`), the pasted page's furniture and headline (`boilerplate`, `page`), datelines
and dates (`dateline`, `dates`), and the structure itself (`parse`)."""
