"""Text repair: the seed's lossy bare ``â``, reversible mojibake, and undecodable characters."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.load import sources
from site_builder.load.repair import ftfy_fixer, repair_text

SEED = Path(__file__).parent / "corpus" / "seed" / "000_b1b0479d018b9915.txt"


def messages(text: str) -> list[str]:
    return [w.message for w in repair_text(text)[1]]


def test_contractions_and_possessives_get_curly_apostrophes() -> None:
    text, warnings = repair_text("Iâm sure itâs Teslaâs car, and we donât know.")
    assert text == "I’m sure it’s Tesla’s car, and we don’t know."
    assert [(w.kind, w.message) for w in warnings] == [
        ("repair", "repaired 4 damaged apostrophes (â -> ’)")
    ]


def test_spaced_damage_is_a_dash_and_quotes_open_and_close_by_position() -> None:
    text, _ = repair_text("Jeff Evanson â Vice President\nWhen I say âat leastâ I mean higher.")
    assert text == "Jeff Evanson – Vice President\nWhen I say “at least” I mean higher."


def test_quote_closed_after_punctuation_and_plural_possessive() -> None:
    text, _ = repair_text("with that âat least,â the analystsâ views")
    assert text == "with that “at least,” the analysts’ views"


def test_damaged_ellipsis_becomes_one_character() -> None:
    text, warnings = repair_text("But we only asked them to lock inâ¦ ")
    assert text == "But we only asked them to lock in… "
    assert messages("lock inâ¦ ") == ["repaired 1 damaged ellipsis (â¦ -> …)"]
    assert warnings[0].kind == "repair"


def test_real_circumflex_words_are_never_touched() -> None:
    for clean in ("Un pâté de campagne au château.", "Cât costă? Rămâm aici.", "a câmara"):
        assert repair_text(clean) == (clean, [])


def test_real_circumflex_survives_in_a_damaged_file() -> None:
    text, _ = repair_text("Iâm told the pâté â and the câmara â were fine.")
    assert text == "I’m told the pâté – and the câmara – were fine."


def test_one_stray_a_is_not_enough_evidence_of_damage() -> None:
    assert repair_text("A lone â here.") == ("A lone â here.", [])


def test_reversible_mojibake_is_undone_and_reported() -> None:
    text, warnings = repair_text("First line\nTelefÃ³nica said so.\nThird")
    assert text == "First line\nTelefónica said so.\nThird"
    assert [(w.line, w.kind) for w in warnings] == [(2, "encoding")]
    assert "'TelefÃ³nica' -> 'Telefónica'" in warnings[0].message


def test_ftfy_leaves_quotes_entities_and_widths_alone() -> None:
    clean = "He said “fine” &amp; ＡＢＣ ‘ok’"
    assert repair_text(clean) == (clean, [])


# Repair skips ftfy on lines of printable ASCII and typographic marks; it must change none.
_PLAIN = st.text(st.sampled_from(list("\t AaIsm.,;:!?'\"-()[]{}/0123456789’‘“”–—…")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(_PLAIN)
def test_ftfy_leaves_typographic_lines_alone(line: str) -> None:
    fix_text, config = ftfy_fixer()
    assert fix_text(line, config) == line
    assert repair_text(line) == (line, [])


def test_replacement_characters_are_kept_and_counted() -> None:
    text, warnings = repair_text("ok\nbad \ufffd and \ufffd")
    assert text == "ok\nbad \ufffd and \ufffd"
    assert [(w.line, w.kind, w.message) for w in warnings] == [
        (2, "encoding", "2 characters could not be decoded and are kept as '\ufffd'")
    ]


def test_line_count_never_changes() -> None:
    raw = SEED.read_text("utf-8")
    repaired, _ = repair_text(raw)
    assert repaired.count("\n") == raw.count("\n")


def test_seed_repairs_are_counted_per_kind_and_leave_no_bare_a() -> None:
    source = sources.read_source(SEED)
    assert "â" not in source.text
    assert "I’m joined today by Elon Musk, Tesla’s chairman" in source.text
    assert "Jeff Evanson – Vice President, Investor Relations" in source.text
    assert [w.message for w in source.warnings if w.kind == "repair"] == [
        "repaired 2 damaged ellipses (â¦ -> …)",
        "repaired 434 damaged apostrophes (â -> ’)",
        "repaired 55 damaged dashes (â -> –)",
        "repaired 2 damaged opening quotes (â -> “)",
        "repaired 2 damaged closing quotes (â -> ”)",
    ]
    # every bare â of the file is accounted for by exactly one repair
    assert SEED.read_text("utf-8").count("â") == 2 + 434 + 55 + 2 + 2
