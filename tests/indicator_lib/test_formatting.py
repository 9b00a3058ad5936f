"""The one number formatter: Dutch and English, percentages, counts, relative risks."""

from __future__ import annotations

from indicators import formatting as fm
from indicators.values import Value


def test_numbers_and_units():
    assert fm.percent(10.6) == "10,6%" and fm.percent(10.6, "en") == "10.6%"
    assert fm.integer(1234) == "1.234" and fm.integer(1234567, "en") == "1,234,567"
    assert fm.times(3.54) == "3,5 keer" and fm.times(3.54, "en") == "3.5 times"
    assert fm.number(-0.04, 1) == "0,0"  # never "-0,0"
    assert fm.count(7) == "minder dan 10" and fm.count(12345) == "12.345"
    assert fm.interval(2.04, 5.9, "x") == "2,0 tot 5,9 keer"
    assert fm.interval(9.81, 11.2, "%") == "9,8% tot 11,2%"


def test_values_and_suppression():
    v = Value("neet", "GM0363", "totaal", 2023, 4.8, 5012, 104416, "%")
    assert fm.value_text(v) == "4,8%" and fm.counts_text(v) == " (5.012 van 104.416)"
    hidden = Value("neet", "GM0088", "totaal", 2023, None, None, None, "%", True)
    assert fm.value_text(hidden) == "minder dan 10" and fm.counts_text(hidden) == ""
    rr = Value("neet_rr", "GM0180", "vmbo_basis", 2023, 3.43, None, None, "x")
    assert fm.value_text(rr, "nl") == "3,4 keer"


def test_answers_and_cli_use_the_same_formatter():
    from bot.core.answers.format import fmt_counts, fmt_value
    from indicators.wording import format_value

    v = Value("jeugdzorg", "GM0193", "vso", 2023, 56.25, 90, 160, "%")
    assert fmt_value(v) == fm.value_text(v) == format_value(56.25, "%") == "56,2%"
    assert fmt_counts(v, "en") == fm.counts_text(v, "en") == " (90 of 160)"
