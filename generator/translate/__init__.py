"""Translation: the memory every build reads (`memory`), and offline machine translation
(`mt/`), which only `build-site --translate` loads."""
