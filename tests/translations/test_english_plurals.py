"""English's plural forms: the one generated file never shadows a part's own written forms."""

from __future__ import annotations

from pathlib import Path

from app.translation_build import fill_english_plurals

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Summary</name>
    <message numerus="yes">
        <source>%n loop-backs</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
"""

WRITTEN = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Summary</name>
    <message numerus="yes">
        <source>%n loop-backs</source>
        <translation>
            <numerusform>%n loop-back</numerusform>
            <numerusform>%n loop-backs</numerusform>
        </translation>
    </message>
</context>
</TS>
"""


def test_a_plural_a_part_writes_itself_is_left_out_of_the_generated_file(tmp_path: Path) -> None:
    (tmp_path / "live.ts").write_text(WRITTEN, encoding="utf-8")
    plurals = tmp_path / "plurals.ts"
    plurals.write_text(TS, encoding="utf-8")
    fill_english_plurals(plurals)
    text = plurals.read_text(encoding="utf-8")
    assert "loop-back" not in text  # "1 loop-backs" would shadow live.ts's "1 loop-back"
    assert "<numerusform>%n note</numerusform>" in text
    assert "<numerusform>%n notes</numerusform>" in text
