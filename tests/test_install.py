"""A non-editable ``pip install .`` into a fresh virtualenv builds the demo from another folder.

This is how a publisher installs site-builder: the default theme (templates/, static/) must travel
inside the wheel, and nothing may be read from the source checkout at run time.
"""

from __future__ import annotations

import subprocess
import venv
from pathlib import Path

import pytest

from site_builder.urls import Urls

from .browser import CONTENT, REPO

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done


def test_installed_package_builds_the_demo_from_elsewhere(tmp_path: Path) -> None:
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    _run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(REPO)],
        cwd=tmp_path,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    located = _run(
        [str(python), "-c", "import site_builder; print(site_builder.__file__)"],
        cwd=elsewhere,
        timeout=60,
    )
    assert Path(located.stdout.strip()).is_relative_to(env_dir), "imported from the checkout"

    output = tmp_path / "out"
    built = _run(
        [
            str(env_dir / "bin" / "site-builder"),
            "build",
            "--content",
            str(CONTENT),
            "--output",
            str(output),
        ],
        cwd=elsewhere,
        timeout=120,
    )
    assert "built" in built.stdout
    home = output / Urls("/").home().lstrip("/") / "index.html"
    assert home.is_file(), f"no home page in {output}"
    theme_files = {
        p.relative_to(REPO / "static").as_posix()
        for p in (REPO / "static").rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    published = {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()}
    missing = {f"static/{name}" for name in theme_files} - published
    assert not missing, f"default theme files missing from the build: {sorted(missing)}"
