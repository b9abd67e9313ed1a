"""The translation desk of `build-site serve`: editors correct the English in the browser."""
