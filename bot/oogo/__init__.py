"""OOGO discussion points and the preparation document.

Entry points (see ``bot.oogo.points`` for the full API description):

* ``bot.oogo.points.generate_points(services, region_code, *, language="nl", max_points=7)``
  -> ``PointsResult`` (ranked, evidence-backed points);
* ``bot.oogo.render.render_points(result, language)`` and
  ``bot.oogo.render.explain_point(result, index_or_title, language)`` -> chat text;
* ``bot.oogo.report.build_report(services, region_code)`` -> ``Report`` and
  ``bot.oogo.report_render.render_html / render_pdf / render_markdown / write_report``.

Nothing is imported or built here, so importing the package is free.
"""
