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
