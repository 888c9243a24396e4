"""The Nu HTML Checker (the W3C validator) finds no error in any page of the demo site."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .browser import VNU_JAR, require_command, require_file

pytestmark = pytest.mark.slow


def test_demo_site_is_valid_html(demo_site: Path) -> None:
    java = require_command("java", "Java (for the Nu HTML Checker)")
    jar = require_file(VNU_JAR, "the Nu HTML Checker (vnu.jar)")
    assert list(demo_site.rglob("*.html")), "the demo build has no HTML page to check"
    checked = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--skip-non-html", str(demo_site)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = (checked.stdout + checked.stderr).replace(f"file:{demo_site}/", "/")
    assert checked.returncode == 0, f"the Nu HTML Checker reports errors:\n{report}"
