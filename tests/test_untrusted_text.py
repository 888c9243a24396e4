"""Every decoded character is checked: byte-order marks, control, bidirectional and surrogate
characters reach no page and no feed, and each removal is a warning at its line."""

from __future__ import annotations

import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from site_builder import cli
from site_builder.incremental.builder import build
from site_builder.load import sources
from site_builder.render import feeds

from .browser import CONTENT

DEMO = "tesla-2012-q2"


def demo(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    return content


def transcript(content: Path) -> Path:
    return content / "transcripts" / f"{DEMO}.txt"


def xml_outputs(output: Path) -> dict[str, ET.Element]:
    """Every XML file of the output, parsed (a file that is not well-formed raises)."""
    return {
        p.relative_to(output).as_posix(): ET.parse(p).getroot()
        for p in output.rglob("*.xml")
        if p.is_file()
    }


def page(output: Path) -> str:
    return (output / "transcripts" / DEMO / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_file_with_a_utf16_or_utf32_byte_order_mark_is_read_as_such(
    tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "call.txt"
    text = "Deepak Ahuja: Cash burn in Q3 will be similar.\n"
    path.write_bytes(("\ufeff" + text).encode(encoding))
    source = sources.read_source(path)
    assert source.text == text
    assert source.encoding == encoding
    assert not source.warnings


def test_a_utf16_transcript_is_published_without_nul_bytes(tmp_path: Path) -> None:
    content = demo(tmp_path)
    path = transcript(content)
    path.write_bytes(b"\xff\xfe" + path.read_text(encoding="utf-8").encode("utf-16-le"))
    output = tmp_path / "_site"
    result = build(content, output, search=False)
    assert result.ok, [str(d) for d in result.diagnostics.errors]
    html = page(output)
    assert "\x00" not in html and "Deepak Ahuja" in html
    assert not [d for d in result.diagnostics if "control character" in d.message]


def test_nul_and_control_characters_are_removed_with_a_counted_warning_at_their_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    content = demo(tmp_path)
    path = transcript(content)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[0] = lines[0].replace("Tesla", "Tes\x0bla", 1)  # the title line
    # U+0085 is the Windows-1252 ellipsis misread (a repair); U+0090 stands for no character.
    lines[9] = lines[9].replace(" ", "\x00\x00 ", 1) + "\x85\x1b\x90"
    path.write_text("\n".join(lines), encoding="utf-8")
    sidecar = content / "transcripts" / f"{DEMO}.yaml"
    sidecar.write_text(re.sub(r"(?m)^title: .*\n", "", sidecar.read_text()), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["build", "--content", "content", "--output", "_site", "--no-search"]) == 0
    err = capsys.readouterr().err
    where = f"content/transcripts/{DEMO}.txt"
    assert f"{where}:1: warning: removed 1 control character (U+000B)" in err
    assert f"{where}:10: warning: removed 4 control characters (U+0000, U+001B, U+0090)" in err
    output = tmp_path / "_site"
    for file in output.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".xml", ".json"):
            text = file.read_text(encoding="utf-8")
            assert not re.search("[\x00\x0b\x1b\x85\x90]", text), file
    feed = xml_outputs(output)["feed.xml"]
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert any(t and t.startswith("Tesla Motors") for t in titles), titles


def test_a_lone_surrogate_in_yaml_is_an_error_at_its_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    content = demo(tmp_path)
    topics = content / "topics.yaml"
    topics.write_text(
        topics.read_text() + 'surrogate-topic:\n  title: "Bad \\ud800"\n', encoding="utf-8"
    )
    sidecar = content / "transcripts" / f"{DEMO}.yaml"
    sidecar.write_text('title: "Bad \\udfff call"\n' + sidecar.read_text().split("\n", 3)[3])
    monkeypatch.chdir(tmp_path)
    for command in (["check"], ["build", "--output", "_site"]):
        assert cli.main([*command, "--content", "content"]) == 1
        err = capsys.readouterr().err
        assert "Traceback" not in err
        line = topics.read_text().split("\n").index('  title: "Bad \\ud800"') + 1
        assert f"content/topics.yaml:{line}:10: error: text holds U+D800" in err
        assert f"content/transcripts/{DEMO}.yaml:1:8: error: text holds U+DFFF" in err


def test_control_characters_escaped_in_yaml_are_removed_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = demo(tmp_path)
    sidecar = content / "transcripts" / f"{DEMO}.yaml"
    sidecar.write_text(
        'title: "Tesla\\x0b call\\0"\n' + sidecar.read_text().split("\n", 3)[3], encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = build(Path("content"), Path("_site"), search=False)
    assert result.ok
    assert (
        f"content/transcripts/{DEMO}.yaml:1:8: warning: removed 2 control characters "
        "(U+0000, U+000B)" in [str(d) for d in result.diagnostics]
    )
    feed = xml_outputs(tmp_path / "_site")["feed.xml"]
    assert "Tesla call" in ET.tostring(feed, encoding="unicode")


def test_bidi_overrides_in_names_and_titles_are_warned_and_never_reach_a_page(
    tmp_path: Path,
) -> None:
    content = demo(tmp_path)
    path = transcript(content)
    text = path.read_text(encoding="utf-8")
    # "Deepak Ahuja" displayed from reversed letters, and an isolate left open.
    text = text.replace("Deepak Ahuja", "\u202eajuhA kapeeD\u202c", 1)
    text = text.replace("Elon Musk", "Elon \u2067Musk", 1)
    path.write_text(text, encoding="utf-8")
    speakers = content / "speakers.yaml"
    speakers.write_text(speakers.read_text().replace("name: Elon Musk", 'name: "Elon\u202d Musk"'))
    output = tmp_path / "_site"
    result = build(content, output, search=False)
    warned = [str(d) for d in result.diagnostics.warnings if "bidirectional" in d.message]
    assert any(os.path.basename(path) in w and "U+202C, U+202E" in w for w in warned), warned
    assert any("speakers.yaml" in w and "U+202D" in w for w in warned), warned
    for file in output.rglob("*.html"):
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", file.read_text(encoding="utf-8"))


def test_the_feed_is_well_formed_whatever_text_reaches_it() -> None:
    entry = feeds.FeedEntry("A\x0b\x00title\ud800", "/t/\x1b/", None, "<p>\x07x</p>", "Me\x0c")
    root = ET.fromstring(feeds.atom_feed("Site\x01", "/", "/feed.xml", [entry], "en"))
    assert root.find("{http://www.w3.org/2005/Atom}title").text == "Site"  # type: ignore
    ET.fromstring(feeds.sitemap(["/a\x0b/", "/b/"]))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'\xff\xfe{% extends "base.html" %}', "template: not valid UTF-8 (byte 0xff at offset 0)"),
        (b'{% extends "base.html" %}{% block main %}', "template: Unexpected end of template."),
    ],
)
def test_a_broken_site_template_is_a_diagnostic_not_a_traceback(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data: bytes,
    message: str,
) -> None:
    content = demo(tmp_path)
    (content / "templates").mkdir()
    (content / "templates" / "404.html").write_bytes(data)
    monkeypatch.chdir(tmp_path)
    for command in (["check"], ["build", "--output", "_site"]):
        assert cli.main([*command, "--content", "content"]) == 1
        err = capsys.readouterr().err
        assert f"content/templates/404.html:1: error: {message}" in err, err
