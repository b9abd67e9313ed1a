"""`build-site` itself: its version, and a help that shows what the default command takes."""

import pytest

from generator import __version__
from generator.cli import main


def test_version(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert (exited.value.code, capsys.readouterr().out) == (0, f"build-site (Nashra) {__version__}\n")


def test_the_top_level_help_shows_the_builds_options(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    assert all(option in shown for option in ("--strict", "--translate", "--no-search", "--quiet", "--root"))
    assert all(command in shown for command in ("build", "check", "inspect", "serve"))


def test_a_busy_port_is_said_in_one_line_before_anything_is_built(site, capsys):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = main(["serve", "--root", str(site.root), "--port", str(port)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"build-site serve: cannot listen on 127.0.0.1:{port}: the port is in use (another preview?); " \
                  f"try --port {port + 1}\n"
    assert not site.output.exists()
