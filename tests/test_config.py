"""site.toml: typed, and every problem reported at once with its line."""

import pytest

from generator.config import ConfigError, load_config


def write(tmp_path, text):
    (tmp_path / "site.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_minimal_config_gets_defaults(tmp_path):
    config = load_config(write(tmp_path, 'base_url = "https://user.github.io/repo"\n[title]\nar = "نشرة"\nen = "Digest"\n'))
    assert config.base_url == "https://user.github.io/repo/"
    assert config.base_path == "/repo/"
    assert (config.title("ar"), config.title("en")) == ("نشرة", "Digest")
    assert config.output_dir == tmp_path.resolve() / "site"
    assert config.articles_dir == tmp_path.resolve() / "content" / "articles"


def test_every_problem_is_reported_at_once_with_lines(tmp_path):
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, 'base_url = "ftp://x"\ntitel = "typo"\n[title]\nar = ""\n[paths]\noutput = "../escape"\n'))
    path = tmp_path / "site.toml"
    assert error.value.problems == [
        f"{path}:1: error: base_url: must be an absolute http(s) URL, got 'ftp://x'",
        f"{path}:1: error: missing required key 'title.en'",
        f"{path}:2: error: unknown key 'titel'",
        f"{path}:4: error: title.ar: must be a non-empty string",
        f"{path}:6: error: paths.output: must be a folder inside the site, got '../escape'",
    ]


def test_a_key_is_reported_at_its_own_line_in_its_table(tmp_path):
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, 'base_url = "https://x.org/"\n[title]\nar = "نشرة"\nen = "D"\n\n'
                                    '[translate]\nmodel = ""\nbeam = 4\n[search]\nenabled = "yes"\n'
                                    '[serach]\nenabled = true\n'))
    path = tmp_path / "site.toml"
    assert error.value.problems == [
        f"{path}:8: error: unknown key 'translate.beam'",
        f"{path}:10: error: search.enabled: must be true or false, got 'yes'",
        f"{path}:11: error: unknown key 'serach'",
    ]


def test_invalid_toml_names_the_line(tmp_path):
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, 'base_url = "https://x.org/"\n[title\n'))
    assert error.value.problems[0].startswith(f"{tmp_path / 'site.toml'}:2: error:")


def test_missing_config_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="site.toml:1: error: cannot read: "):
        load_config(tmp_path)
