"""Random bytes, byte-order marks and control characters through every reader into a full build.

Whatever the transcript, its sidecar and site.yaml hold, a build ends with diagnostics or a site,
never an exception; when it writes a site, every XML file parses, every page is UTF-8, and no
page or feed holds a control, bidirectional-override or surrogate character.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder import readers
from site_builder.errors import Diagnostics
from site_builder.incremental.builder import build
from site_builder.text import textcheck

from .browser import CONTENT

BOMS = [b""] + [mark for mark, _ in textcheck.BOMS]
HOSTILE = "\x00\x01\x07\x0b\x0c\x1b\x7f\x85\x90\x9f\u202a\u202e\u2066\u2069\ufeff\ufffe\uffff"
_SAFE_BODY = "Operator: Welcome.\n\nAlice Smith: Revenue grew, as planned.\n\nQ - Bob Jones: Why?\n"

# Text in the shape of a transcript with hostile characters spliced in, so it reaches the
# readers' labels and titles, not only their fallback.
_spliced = st.lists(
    st.one_of(
        st.sampled_from(_SAFE_BODY.split(" ")), st.text(st.sampled_from(HOSTILE), max_size=3)
    ),
    max_size=40,
).map(" ".join)
_text = st.one_of(_spliced, st.text(max_size=200))  # st.text includes lone surrogates
_encoding = st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])


@st.composite
def transcript_bytes(draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):
        return draw(st.sampled_from(BOMS)) + draw(st.binary(max_size=400))
    text = "Hostile call title " + draw(_text) + "\n\n" + _SAFE_BODY + draw(_text)
    encoding = draw(_encoding)
    mark = dict((e, m) for m, e in textcheck.BOMS).get(encoding, b"")
    return mark + text.encode(encoding, errors="surrogatepass")


def yaml_text(value: str) -> str:
    """``value`` as a YAML double-quoted string: JSON's escapes are YAML's (``\\ud800`` too)."""
    return json.dumps(value, ensure_ascii=True)


def check_output(output: Path) -> None:
    for path in output.rglob("*"):
        if not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix == ".xml":
            ET.parse(path)  # raises unless well-formed
        if path.suffix in (".html", ".xml", ".json", ".txt"):
            text = path.read_bytes().decode("utf-8")  # raises unless UTF-8
            bad = textcheck.CONTROL.search(text) or textcheck.BIDI.search(text)
            assert bad is None, f"{path.name}: U+{ord(bad.group()):04X}"
            assert not re.search("[\ud800-\udfff]", text)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    data=transcript_bytes(),
    suffix=st.sampled_from([".txt", ".md", ".vtt", ".json"]),
    forced=st.sampled_from([None, *readers.reader_names()]),
    title=_text,
    site_title=_text,
    name=_text,
)
def test_any_input_builds_or_is_diagnosed_and_every_xml_output_parses(
    data: bytes, suffix: str, forced: str | None, title: str, site_title: str, name: str
) -> None:
    with tempfile.TemporaryDirectory() as work:
        content = Path(work) / "content"
        shutil.copytree(CONTENT, content, ignore=shutil.ignore_patterns("transcripts"))
        (content / "transcripts").mkdir()
        (content / "transcripts" / f"hostile{suffix}").write_bytes(data)
        sidecar = [f"title: {yaml_text(title)}", f"summary: {yaml_text(name)}"]
        if forced is not None:
            sidecar.append(f"format: {forced}")
        (content / "transcripts" / "hostile.yaml").write_text("\n".join(sidecar) + "\n")
        (content / "site.yaml").write_text(f"title: {yaml_text(site_title)}\n")
        speakers = content / "speakers.yaml"
        speakers.write_text(speakers.read_text() + f"extra:\n  name: {yaml_text(name)}\n")
        output = Path(work) / "_site"
        result = build(content, output, search=False, jobs=1)
        assert isinstance(result.diagnostics, Diagnostics)
        for diagnostic in result.diagnostics:
            str(diagnostic).encode("utf-8")  # printable: no lone surrogate reaches the terminal
        if result.ok:
            check_output(output)
            assert {"feed.xml", "sitemap.xml"} <= {p.name for p in output.iterdir()}
        else:
            assert not output.exists()
