"""Shared fixtures: throwaway sites built from the project's own templates."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so CI is repeatable; run with
# HYPOTHESIS_PROFILE=explore to search new ones (and add what fails as a test).
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

from tests.support.sites import FIXTURES, Site


@pytest.fixture(autouse=True, scope="session")
def private_homes(tmp_path_factory):
    """Tests never read or write the user's config and cache folders (the build cache's
    signing key, extracted Argos packages)."""
    homes = tmp_path_factory.mktemp("homes")
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CONFIG_HOME", str(homes / "config"))
    patch.setenv("XDG_CACHE_HOME", str(homes / "cache"))
    yield
    patch.undo()


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return Site(tmp_path / "digest")


@pytest.fixture
def fixture_site(tmp_path: Path):
    """Copy tests/fixtures/sites/<name> to tmp and give it the project's templates."""

    def make(name: str) -> Site:
        root = tmp_path / name
        shutil.copytree(FIXTURES / "sites" / name, root)
        return Site(root)

    return make
