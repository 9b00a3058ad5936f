"""Benchmark of the OOGO points and the preparation document (prints a table; not a test).

Measures, in-process on the shipped demonstration data and a throwaway data directory:
``generate_points`` for a spread of gemeenten and SWVs (first call per region and repeated), the
report data (``build_report`` with charts), and rendering to HTML, Markdown and PDF. With
``--png PATH`` it also renders page ``--page`` (1-based) of one PDF to a PNG, which is how
``docs/report-example.png`` is made (needs ``pypdfium2``, a test dependency).

Run: ``python bench/bench_oogo.py [--n 20] [--region GM1680] [--png docs/report-example.png]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._table import machine, markdown_table, summary_ms, time_calls  # noqa: E402


def _arg(args: list[str], name: str, default: str) -> str:
    return args[args.index(name) + 1] if name in args else default


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    n = int(_arg(args, "--n", "20"))
    region = _arg(args, "--region", "GM1680")
    png = _arg(args, "--png", "")
    page = int(_arg(args, "--page", "1"))

    from bot.oogo.points import generate_points
    from bot.oogo.report import build_report
    from bot.oogo.report_render import render_html, render_markdown, render_pdf
    from bot.services import build_services
    from bot.settings import Settings

    data_dir = Path(tempfile.mkdtemp(prefix="oogo-bench-"))
    start = time.perf_counter()
    services = build_services(Settings(data_dir=data_dir, _env_file=None))
    _ = services.indicators
    load = time.perf_counter() - start
    gemeenten = [r.code for r in services.registry.all("gemeente")]
    sample = gemeenten[:: max(1, len(gemeenten) // n)][:n] + ["PO2707", "VO2708"]
    first = []
    for code in sample:
        t0 = time.perf_counter()
        generate_points(services, code)
        first.append(time.perf_counter() - t0)
    again = time_calls(lambda: generate_points(services, sample[0]), repeat=n, warmup=1)
    report_times = time_calls(lambda: build_report(services, region), repeat=3, warmup=1)
    report = build_report(services, region)
    html_times = time_calls(lambda: render_html(report), repeat=5, warmup=1)
    md_times = time_calls(lambda: render_markdown(report), repeat=5, warmup=1)
    pdf_times = time_calls(lambda: render_pdf(report), repeat=3, warmup=1)
    pdf = render_pdf(report)

    rows = []
    for label, values in (("services + engine laden", [load]),
                          (f"generate_points, eerste keer ({len(sample)} regio's)", first),
                          ("generate_points, herhaald (zelfde regio)", again),
                          (f"build_report {region} (met grafieken)", report_times),
                          ("render_html", html_times), ("render_markdown", md_times),
                          ("render_pdf (WeasyPrint)", pdf_times)):
        s = summary_ms(values)
        rows.append([label, int(s["n"]), s["median"], s["p95"], s["max"]])
    print(f"Machine: {machine()}")
    print(markdown_table(["stap", "n", "mediaan ms", "p95 ms", "max ms"], rows))
    print(f"\nPDF {region}: {len(pdf) // 1024} kB, {len(report.points.points)} gesprekspunten, "
          f"{len(report.charts)} grafieken")
    if png:
        import pypdfium2

        document = pypdfium2.PdfDocument(pdf)
        print(f"PDF-pagina's: {len(document)}")
        image = document[page - 1].render(scale=1.4).to_pil()
        image.save(png)
        print(f"Pagina {page} opgeslagen als {png} ({image.width}x{image.height})")
    services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
