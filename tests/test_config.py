"""``content/site.yaml``: what an author sets, what the command line overrides, what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.errors import Diagnostics
from site_builder.load.config import load_config
from site_builder.load.sources import display_path
from site_builder.model import SiteConfig


def config_from(
    tmp_path: Path, text: str | None, base_url: str | None = None
) -> tuple[SiteConfig, Diagnostics]:
    if text is not None:
        (tmp_path / "site.yaml").write_text(text, encoding="utf-8")
    diagnostics = Diagnostics()
    return load_config(tmp_path, diagnostics, base_url), diagnostics


def test_values_from_site_yaml(tmp_path: Path) -> None:
    config, diagnostics = config_from(
        tmp_path,
        "title: Calls\nbase_url: https://example.org/calls\n"
        "language: en-GB\ndescription: All of them\n",
    )
    assert list(diagnostics) == []
    assert config == SiteConfig(
        title="Calls",
        base_url="https://example.org/calls/",
        language="en-GB",
        description="All of them",
    )


def test_no_site_yaml_means_defaults(tmp_path: Path) -> None:
    config, diagnostics = config_from(tmp_path, None)
    assert list(diagnostics) == []
    assert config == SiteConfig()


def test_base_url_on_the_command_line_wins(tmp_path: Path) -> None:
    config, _ = config_from(tmp_path, "base_url: /calls/\n", base_url="https://example.org/x")
    assert config.base_url == "https://example.org/x/"


def test_the_demo_site_yaml_is_valid() -> None:
    content = Path(__file__).parent.parent / "content"
    diagnostics = Diagnostics()
    config = load_config(content, diagnostics, None)
    assert list(diagnostics) == []
    assert (config.base_url, config.language) == ("/", "en")
    assert config.title


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "title: Calls\nbaseurl: /calls/\n",
            "site.yaml:2:1: error: unknown key 'baseurl' in site.yaml (did you mean 'base_url'?)",
        ),
        ("title:\n  name: Calls\n", "site.yaml:2:3: error: title must be text, not a mapping"),
        ("language: true\n", "site.yaml:1:11: error: language must be text, not true/false"),
        (
            "title: Calls\ntitle: Other\n",
            "site.yaml:2:1: error: duplicate key 'title' (first given at line 1)",
        ),
        (
            "- title\n",
            "site.yaml:1:1: error: site.yaml must be a mapping (key: value lines), not a list",
        ),
        (
            "title: 'Calls\n",
            "site.yaml:2:1: error: invalid YAML: found unexpected end of stream "
            "(while scanning a quoted scalar at line 1)",
        ),
    ],
)
def test_mistakes_are_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: str
) -> None:
    monkeypatch.chdir(tmp_path)  # so the path is shown as the author would type it
    config, diagnostics = config_from(Path(), text)
    assert [str(d) for d in diagnostics] == [expected]
    assert isinstance(config, SiteConfig)


def test_base_url_must_be_a_path_or_a_web_address(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text('title: X\nbase_url: "javascript:alert(1)"\n', "utf-8")
    diagnostics = Diagnostics()
    config = load_config(tmp_path, diagnostics, None)
    assert config.base_url == "/"
    assert [str(d).split(" (")[0] for d in diagnostics.errors] == [
        f"{display_path(tmp_path / 'site.yaml')}:2:11: error: base URL 'javascript:alert(1)' "
        "is not a path or an http(s) address"
    ]
    diagnostics = Diagnostics()
    assert load_config(tmp_path, diagnostics, "https://example.org/calls").base_url == (
        "https://example.org/calls/"
    )
    load_config(tmp_path, diagnostics, "ftp://x")
    assert any(str(d).startswith("--base-url: error:") for d in diagnostics.errors)
