from __future__ import annotations

import os
import shutil
import tempfile

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis's deadline and "too slow" check are time limits: on a busy CI machine they fail
# tests whose code is fine. Speed is measured in bench/, never asserted here.
settings.register_profile(
    "site-builder", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("site-builder")

# Builds keep a record of their last good build in the user's cache folder (a fresh build with
# nothing changed returns at once). Tests get their own, so they neither read a record left by
# an earlier run nor leave records in the home folder; subprocesses inherit it.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="site-builder-test-cache-")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(os.environ["XDG_CACHE_HOME"])


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the expected outputs in tests/corpus/ from the current parsers",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


# ---- browser and built-site fixtures (see tests/browser.py) ------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """pytest-playwright launches Debian's Chromium (never a downloaded browser)."""
    from .browser import chromium_launch_args

    return {**browser_type_launch_args, **chromium_launch_args()}


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory):
    """The demo content/ built once per session into a temporary folder, served from ``/``."""
    from site_builder.incremental.builder import build

    from .browser import CONTENT

    output = tmp_path_factory.mktemp("demo") / "site"
    result = build(CONTENT, output, base_url="/")
    problems = "\n".join(str(d) for d in result.diagnostics.errors)
    assert result.ok, f"the demo content does not build:\n{problems}"
    return output
