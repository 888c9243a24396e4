"""JSON-LD must parse as JSON and stay inert inside <script>, whatever names it carries."""

from __future__ import annotations

import json

from site_builder.views.structured_data import event_ld, person_ld, script_json


def test_event_json_ld_round_trips_and_cannot_close_the_script() -> None:
    hostile = "Evil </script><script>alert(1)</script> <!-- & Co"
    data = event_ld(
        name=hostile,
        url="https://e.org/t/",
        date="2012-07-25",
        description=None,
        organizer="Tesla Motors",
        organizer_url="https://e.org/o/tesla/",
        speakers=[person_ld(hostile, "https://e.org/p/x/", "CEO", "Tesla Motors")],
        transcript_json_url="https://e.org/t.json",
        language="en",
    )
    text = str(script_json(data))
    assert "</script" not in text.lower() and "<!--" not in text
    parsed = json.loads(text)
    assert parsed["name"] == hostile
    assert parsed["@type"] == "Event" and parsed["startDate"] == "2012-07-25"
    assert parsed["performer"][0]["worksFor"]["name"] == "Tesla Motors"
