"""OOGO discussion points and the preparation document.

Entry points (see ``bot.oogo.points`` for the full API description):

* ``bot.oogo.points.generate_points(services, region_code, *, language="nl", max_points=7,
  own_scan=None)`` -> ``PointsResult`` (ranked points on tested evidence, then the standing
  topics as questions);
* ``bot.oogo.render.render_points(result, language)`` and
  ``bot.oogo.render.explain_point(result, index_or_title, language)`` -> chat text;
* ``bot.oogo.report.build_report(services, region_code, own_scan=None)`` -> ``Report`` and
  ``bot.oogo.report_render.render_html / render_pdf / render_markdown / write_report``;
* ``bot.oogo.own_scan.own_scan_of(services, conversation_id, language)`` -> the outcome of the
  conversation's last submitted regioscan, to pass as ``own_scan``.

Nothing is imported or built here, so importing the package is free.
"""
