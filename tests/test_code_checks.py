"""The code's own checks, run with the suite so CI fails on them: lint, format, types, layers.

- ``ruff check`` and ``ruff format --check``: the style the code is written in.
- ``mypy`` (configured in pyproject.toml): the type hints are checked, not only written.
- ``lint-imports``: the pipeline's stages import downward only (the layers in pyproject.toml).
- No import cycles between modules, at any depth, even inside one stage.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing() -> None:
    lint = _run(str(BIN / "ruff"), "check", ".")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    formatted = _run(str(BIN / "ruff"), "format", "--check", ".")
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr


def test_types_check() -> None:
    checked = _run(sys.executable, "-m", "mypy")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_stages_import_downward_only() -> None:
    layered = _run(str(BIN / "lint-imports"), "--no-cache")
    assert layered.returncode == 0, layered.stdout + layered.stderr


def test_no_module_imports_itself_through_others() -> None:
    graph = grimp.build_graph("site_builder", cache_dir=None)
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if graph.chain_exists(importer=imported, imported=module):
                chain = graph.find_shortest_chain(importer=imported, imported=module)
                cycles.append(" -> ".join((module, *(chain or ()))))
    assert cycles == [], "import cycles:\n" + "\n".join(cycles)
