"""Charts render valid PNGs that matplotlib can read back."""

from __future__ import annotations

import io

from indicators.charts import comparison_chart, trend_chart

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _read_back(png: bytes):
    import matplotlib.image as mpimg

    assert png.startswith(PNG_SIGNATURE)
    image = mpimg.imread(io.BytesIO(png), format="png")
    assert image.shape[0] > 200 and image.shape[1] > 300
    return image


def test_comparison_chart_region_swv_nl(engine):
    values = [engine.lookup("jeugdzorg", code, "vso") for code in ("GM0193", "VO2305", "NL01")]
    _read_back(comparison_chart(values))


def test_comparison_chart_from_comparison_and_peers_with_suppressed(engine):
    _read_back(comparison_chart(engine.compare("neet_rr", "GM0363", "NL01", "pro"), lang="en"))
    _read_back(comparison_chart(engine.compare_peers("neet", "GM0088")))


def test_trend_chart(engine):
    _read_back(trend_chart(engine.trend("neet", "GM0193")))
    _read_back(trend_chart([engine.trend("neet", "GM0193"), engine.trend("neet", "NL01")]))
    _read_back(trend_chart(engine.trend("neet", "GM0193").values))


def test_charts_do_not_touch_pyplot_state(engine):
    import sys

    comparison_chart([engine.lookup("neet", "GM0363")])
    if "matplotlib.pyplot" in sys.modules:
        import matplotlib.pyplot as plt

        assert plt.get_fignums() == []


def test_axis_says_whose_share_and_titles_have_no_ids():
    from indicators.charts import axis_label, title_of
    from indicators.values import Value

    assert axis_label("jeugdzorg", "vso") == (
        "% van de leerlingen in het voortgezet speciaal onderwijs (vso)")
    assert axis_label("jeugdzorg", "totaal") == "% van alle jeugdigen van 0 tot 23 jaar"
    assert axis_label("neet", "totaal") == "% van de jongeren van 15 tot 27 jaar"
    assert "keer" in axis_label("neet_rr", "pro")
    title = title_of(Value("neet", "GM0363", "totaal", 2023, 4.0, 1, 25, "%"), "nl", ", 2023")
    assert "·" not in title and "totaal" not in title and title.startswith("Jongeren zonder werk")


def test_trend_chart_region_swv_and_nederland(engine):
    trends = [engine.trend("jeugdzorg", code) for code in ("GM0193", "VO2305", "NL01")]
    _read_back(trend_chart(trends))


def test_comparison_chart_with_rest_of_swv(engine):
    cmp = engine.compare("jeugdzorg", "GM0363", "swv")
    _read_back(comparison_chart([cmp.a, cmp.shown, engine.lookup("jeugdzorg", "NL01")]))


def test_plain_name_keeps_a_hyphenated_name_whole_where_the_axis_label_wraps(engine):
    """The chart's text alternative names the region as written: joining the wrapped axis label
    again made "regio Groningen- Westerkwartier" of it."""
    from indicators.charts import plain_name, short_name

    value = engine.lookup("jeugdzorg", "PO2001")
    assert "\n" in short_name(value)
    assert "Groningen-Westerkwartier" in plain_name(value)
    assert plain_name(value) == short_name(value).replace("-\n", "-").replace("\n", " ")
