"""Stage 4, the site as a whole: each article's `Listing` and the `Library` of them, with
its order and its speaker and topic indexes (`library`)."""
