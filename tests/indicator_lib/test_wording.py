"""Dutch/English wording: number format, significance wording, suppression, source line."""

from __future__ import annotations

from indicators.values import Comparison, Value
from indicators.wording import (
    describe_comparison,
    describe_position,
    describe_trend,
    format_count,
    format_value,
    source_line,
)


def _v(region, name, value, num=None, den=None, unit="%", suppressed=False):
    return Value("neet", region, "totaal", 2023, value, num, den, unit, suppressed, name=name,
                 source="Demonstratiedata, test")


def test_format_value_dutch_and_english():
    assert format_value(4.8, "%") == "4,8%"
    assert format_value(4.8, "%", "en") == "4.8%"
    assert format_value(1234.56, "%") == "1.234,6%"
    assert format_value(3.54, "x") == "3,5 keer" and format_value(3.54, "x", "en") == "3.5 times"
    assert format_value(None, "%", suppressed=True) == "minder dan 10"
    assert format_value(None, "%", "en", suppressed=True) == "fewer than 10"
    assert format_count(12345) == "12.345" and format_count(7) == "minder dan 10"


def test_significant_difference_says_hoger():
    cmp = Comparison(_v("GM0363", "Amsterdam", 4.8), _v("NL01", "Nederland", 4.1), 0.7, True,
                     "hoger", "z", relevant=True)
    assert describe_comparison(cmp) == (
        "4,8% in Amsterdam is hoger dan 4,1% in Nederland (statistisch betekenisvol en minstens "
        "een tiende verschil, 2023).")
    assert describe_comparison(cmp, "en") == (
        "4.8% in Amsterdam is higher than 4.1% in the Netherlands (statistically significant and "
        "at least a tenth apart, 2023).")


def test_rest_of_swv_is_named_as_such():
    rest = Value("neet", "VO2708", "totaal", 2023, 5.2, 520, 10000, "%",
                 name="Samenwerkingsverband VO 27.08", excluding="GM0363",
                 excluding_name="Amsterdam", source="x")
    cmp = Comparison(_v("GM0363", "Amsterdam", 4.1), _v("VO2708", "SWV", 4.2), -1.1, True,
                     "lager", "z", relevant=True, reference=rest)
    text = describe_comparison(cmp)
    assert "5,2% in de rest van Samenwerkingsverband VO 27.08, zonder Amsterdam" in text
    assert "4,2%" not in text


def test_non_significant_difference_never_says_hoger():
    cmp = Comparison(_v("GM0363", "Amsterdam", 4.3), _v("NL01", "Nederland", 4.1), 0.2, False,
                     "gelijk", "z")
    text = describe_comparison(cmp)
    assert "hoger" not in text and "lager" not in text
    assert "ongeveer gelijk" in text and "geen statistisch betekenisvol" in text
    small = Comparison(_v("GM0363", "Amsterdam", 4.3), _v("NL01", "Nederland", 4.1), 0.2, True,
                       "gelijk", "z", relevant=False)
    assert "kleiner dan een tiende" in describe_comparison(small)


def test_suppressed_and_untested_wording():
    small = _v("GM0088", "Schiermonnikoog", None, suppressed=True)
    cmp = Comparison(small, _v("NL01", "Nederland", 4.1), None, False, "onbekend", "", None, False)
    assert "minder dan 10" in describe_comparison(cmp)
    rr = Comparison(_v("GM0363", "Amsterdam", 3.5, unit="x"), _v("NL01", "Nederland", 3.3,
                    unit="x"), 0.2, False, "onbekend", "niet getoetst", None, False)
    text = describe_comparison(rr)
    assert "niet te toetsen" in text and "hoger" not in text


def test_trend_and_position_wording(engine):
    text = describe_trend(engine.trend("jeugdzorg", "NL01"))
    assert text.startswith("Jeugdzorggebruik onder alle jeugdigen van 0 tot 23 jaar in "
                           "Nederland is gestegen: ")
    assert "2019" in text and "2023" in text
    pos = engine.position("neet", "GM0363")
    text = describe_position(pos, "Amsterdam", "%")
    assert f"plaats {pos.rank} van {pos.n} gemeenten" in text


def test_source_line_flags_demo(engine):
    v = engine.lookup("neet", "GM0363")
    line = source_line([v])
    assert line.startswith("Bron: Demonstratiedata") and "demonstratiecijfers" in line
    assert "demonstration" in source_line([v], "en")
