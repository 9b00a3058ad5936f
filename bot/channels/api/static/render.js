// Rendering one reply of the assistant: the answer, then what goes around it, each once:
// the regioscan result, charts, the definition/source block, the notices (one element), the
// cited passages (a disclosure per source), the downloads on offer, progress and the choices.
// Every word around the answer comes from O.t in the answer's own language (data.language).
"use strict";

(function (O) {
  const el = O.el;
  const FORMAT = { pdf: "PDF", html: "HTML", md: "Markdown" };

  function aboutBlock(lines) {
    const about = el("div", { class: "about" });
    lines.forEach((line) => about.appendChild(el("p", {}, line)));
    return about;
  }

  // All notices of one answer in ONE element; a notice repeated by the server is shown once.
  function noticeBlock(notices) {
    const seen = new Set();
    const box = el("div", { class: "notices" });
    for (const n of notices) {
      if (!n.text || seen.has(n.text)) continue;
      seen.add(n.text);
      box.appendChild(el("p", { class: `notice notice-${n.kind || "info"}` }, n.text));
    }
    if (notices.some((n) => n.kind === "demo")) box.classList.add("has-demo");
    return box.childElementCount ? box : null;
  }

  // "title — heading" buttons that open the passage text in place.
  function citationBlock(citations, answerId, lang) {
    const box = el("div", { class: "citations" });
    box.appendChild(el("p", { class: "citations-title" }, O.t(lang, citations.length === 1 ? "source_one" : "source_many")));
    const list = el("ul");
    citations.forEach((cite, i) => {
      const label = cite.heading && cite.heading !== cite.title ? `${cite.title || cite.source} — ${cite.heading}` : (cite.title || cite.source);
      const id = `passage-${answerId}-${i}`;
      const item = el("li");
      const button = el("button", { type: "button", class: "citation", "aria-expanded": "false", "aria-controls": id }, label);
      const passage = O.rich("div", cite.text || "", "passage-text");
      passage.id = id;
      passage.hidden = true;
      button.addEventListener("click", () => {
        const open = button.getAttribute("aria-expanded") !== "true";
        button.setAttribute("aria-expanded", String(open));
        passage.hidden = !open;
      });
      item.append(button, passage);
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  function docUrl(doc, fmt, conversationId) {
    if (doc.kind === "report" && doc.region) {
      const q = new URLSearchParams({ conversation_id: conversationId });
      return `/api/reports/${encodeURIComponent(doc.region)}.${fmt}?${q}`;
    }
    if (doc.kind === "scan_result") {
      const q = new URLSearchParams({ conversation_id: conversationId });
      if (doc.ref) q.set("ref", doc.ref);
      return `/api/chat/scan-result.${fmt}?${q}`;
    }
    return `/api/chat/export.md?${new URLSearchParams({ conversation_id: conversationId })}`;
  }

  O.downloadGroup = function downloadGroup(doc, conversationId, heading, lang) {
    const box = el("div", { class: "downloads", role: "group", "aria-label": doc.label });
    box.appendChild(el("span", { class: "downloads-label" }, heading || doc.label));
    for (const fmt of doc.formats && doc.formats.length ? doc.formats : ["pdf"]) {
      const name = FORMAT[fmt] || fmt;
      box.appendChild(el("a", { class: "download", href: docUrl(doc, fmt, conversationId), download: "",
        "aria-label": O.t(lang, "download_as", { label: doc.label, format: name }) }, name));
    }
    return box;
  };

  function statementList(items, lang) {
    if (!items || !items.length) return document.createTextNode("–");
    const list = el("ul", { class: "statements" });
    items.forEach((s) => {
      const score = s.value !== undefined ? O.num(s.value, Number.isInteger(s.value) ? 0 : 1, lang) : O.num(s.mean, 1, lang);
      list.appendChild(el("li", {}, `${s.number}. ${s.text || s.label} (${score})`));
    });
    return list;
  }

  function themeTable(data, lang) {
    const multi = data.series.length > 1;
    const table = el("table", { class: "data-table" });
    table.appendChild(el("caption", {}, O.t(lang, "theme_table_caption")));
    const head = el("tr");
    head.appendChild(el("th", { scope: "col" }, O.t(lang, "column_theme")));
    data.series.forEach((s) => head.appendChild(el("th", { scope: "col" }, multi ? s.name : O.t(lang, "column_mean"))));
    table.appendChild(el("thead")).appendChild(head);
    const body = el("tbody");
    data.labels.forEach((label, i) => {
      const row = el("tr");
      row.appendChild(el("th", { scope: "row" }, label));
      data.series.forEach((s) => row.appendChild(el("td", { class: "num" },
        s.values[i] === null || s.values[i] === undefined ? O.t(lang, multi ? "too_few_short" : "no_score") : O.num(s.values[i], 1, lang))));
      body.appendChild(row);
    });
    table.appendChild(body);
    return table;
  }

  // Strongest and weakest statements: per theme for an own scan, over all statements the
  // server sends for a round.
  function extremesTable(result, lang) {
    const table = el("table", { class: "data-table extremes" });
    table.appendChild(el("caption", {}, O.t(lang, "extremes_caption")));
    const rows = [];
    if (result.kind === "round") {
      const sorted = (result.statements || []).filter((s) => s.mean !== null && s.mean !== undefined).slice().sort((a, b) => b.mean - a.mean);
      if (!sorted.length) return null;
      rows.push([O.t(lang, "all_themes"), sorted.slice(0, 3), sorted.slice(-3).reverse()]);
    } else {
      for (const t of result.themes || []) rows.push([t.name, t.strongest, t.weakest]);
    }
    const head = el("tr");
    const [strongest, weakest] = [O.t(lang, "column_strongest"), O.t(lang, "column_weakest")];
    [O.t(lang, "column_theme"), strongest, weakest].forEach((h) => head.appendChild(el("th", { scope: "col" }, h)));
    table.appendChild(el("thead")).appendChild(head);
    const body = el("tbody");
    for (const [name, strong, weak] of rows) {
      const row = el("tr");
      row.appendChild(el("th", { scope: "row" }, name));
      row.appendChild(el("td", { "data-label": strongest })).appendChild(statementList(strong, lang));
      row.appendChild(el("td", { "data-label": weakest })).appendChild(statementList(weak, lang));
      body.appendChild(row);
    }
    table.appendChild(body);
    return table;
  }

  // An own scan's overall mean and, per theme, what to discuss: the text channels say these in
  // the outcome text, which the page does not repeat next to this block.
  function ownSummary(result, lang) {
    const wrap = el("div", { class: "scan-summary" });
    if (result.overall_mean !== null && result.overall_mean !== undefined) {
      // "scored": the answers with a score ("weet ik niet" is answered, but has none)
      const scored = (result.answered || 0) - (result.dont_know || 0);
      wrap.appendChild(el("p", {}, O.t(lang, "overall_mean",
        { mean: O.num(result.overall_mean, 1, lang), answered: scored, total: result.total })));
    }
    const items = [];
    for (const t of result.themes || []) for (const d of t.discuss || []) items.push(`${t.name}: ${d}`);
    if (items.length) {
      wrap.appendChild(el("h4", {}, O.t(lang, "to_discuss")));
      const list = el("ul");
      for (const item of items) list.appendChild(el("li", {}, item));
      wrap.appendChild(list);
    }
    return wrap.childNodes.length ? wrap : null;
  }

  function scanResultBlock(result, docs, ctx, lang) {
    const round = result.kind === "round";
    const heading = round ? (result.title || result.code ? O.t(lang, "round_result_named", { name: result.title || result.code })
      : O.t(lang, "round_result")) : O.t(lang, "own_result");
    const box = el("section", { class: "scan-result", "aria-label": round ? O.t(lang, "round_result") : heading });
    box.appendChild(el("h3", {}, heading));
    if (round) {
      box.appendChild(el("p", { class: "about" }, result.respondents
        ? O.t(lang, "round_respondents", { respondents: result.respondents, min_group: result.min_group })
        : O.t(lang, "round_too_few")));
    }
    const data = O.chartData(result, lang);
    const title = O.t(lang, round ? "chart_round" : "chart_own");
    const figure = O.zoomableFigure(title, (w) => O.barChart(result, w, title, lang), () => themeTable(data, lang), lang);
    figure.classList.add("svg-chart");
    box.appendChild(figure);
    box.appendChild(themeTable(data, lang));
    const extremes = extremesTable(result, lang);
    if (extremes) box.appendChild(extremes);
    const summary = round ? null : ownSummary(result, lang);
    if (summary) box.appendChild(summary);
    const actions = el("div", { class: "result-actions" });
    const doc = docs.find((d) => d.kind === "scan_result") ||
      { kind: "scan_result", label: O.t(lang, "your_result"), formats: ["pdf", "md"], ref: result.ref || (round ? result.code : "") };
    actions.appendChild(O.downloadGroup(doc, ctx.conversationId, O.t(lang, "download"), lang));
    const points = el("button", { type: "button", class: "option" }, O.t(lang, "points_button"));
    points.addEventListener("click", () => ctx.send(O.t(lang, "points_question"), null, points.textContent));
    const start = el("button", { type: "button", class: "option" }, O.t(lang, "start_round"));
    start.addEventListener("click", () => ctx.startRound(start));
    actions.append(points, start);
    box.appendChild(actions);
    return box;
  }

  function choicesOf(data, question, scan) {
    const choices = [];
    const taken = (label, value) => choices.some((c) => O.same(c.label, label) || (value && c.choice === value));
    // a follow-up that is the question just asked would give this same answer again (the
    // regioscan's own buttons, such as "overslaan", do come back on every question)
    const repeats = (label) => !scan && O.same(label, question);
    for (const b of data.buttons || []) {
      if (!taken(b.label, b.value) && !repeats(b.label)) choices.push({ label: b.label, choice: b.value });
    }
    // an option a button already offers (a clarification's region code under its name) once
    for (const option of (data.options || []).concat(data.followups || [])) {
      if (!taken(option, option) && !repeats(option)) choices.push({ label: option, text: option });
    }
    return choices;
  }

  O.renderReply = function renderReply(node, data, ctx) {
    node.replaceChildren();
    node.classList.remove("error");
    node.setAttribute("aria-busy", "false");
    const lang = O.lang(data.language);
    node.setAttribute("lang", lang);
    O.paragraphs(node, data.text || "");
    const docs = data.documents || [];
    if (data.scan_result) node.appendChild(scanResultBlock(data.scan_result, docs, ctx, lang));
    for (const chart of data.charts || []) node.appendChild(O.imageFigure(chart, lang));
    if (data.about && data.about.length) node.appendChild(aboutBlock(data.about));
    const notices = noticeBlock(data.notices || []);
    if (notices) node.appendChild(notices);
    if (data.citations && data.citations.length) node.appendChild(citationBlock(data.citations, data.answer_id || O.newId(), lang));
    for (const doc of docs) {
      if (doc.kind === "scan_result" && data.scan_result) continue; // inside the result block
      node.appendChild(O.downloadGroup(doc, ctx.conversationId,
        doc.kind === "report" ? O.t(lang, "download_report") : doc.label, lang));
    }
    if (data.progress) {
      const { current, total, theme } = data.progress;
      const id = `progress-${data.answer_id}`;
      const wrap = el("div", { class: "progress-wrap" });
      wrap.appendChild(el("label", { for: id }, O.t(lang, theme ? "progress_theme" : "progress", { current, total, theme })));
      wrap.appendChild(el("progress", { id, max: String(total), value: String(current) },
        O.t(lang, "progress_value", { current, total })));
      node.appendChild(wrap);
    }
    const scale = !!data.progress || data.intent === "regioscan";
    const choices = choicesOf(data, ctx.question, scale);
    if (choices.length) {
      const group = el("div", { class: scale ? "choices scale-group" : "choices options", role: "group",
        "aria-label": O.t(lang, scale ? "choose_answer" : "choose_followup") });
      for (const c of choices) {
        const b = el("button", { type: "button", class: scale ? "scale" : "option" }, c.label);
        b.addEventListener("click", () => ctx.send(c.text || "", c.choice || null, c.label));
        group.appendChild(b);
      }
      node.appendChild(group);
    }
    if (data.answer_id && !data.progress && !["clarify", "regioscan"].includes(data.intent)) {
      node.appendChild(ctx.feedbackBar(data.answer_id, lang));
    }
    node.querySelectorAll("figure.svg-chart").forEach((f) => f.redraw());
  };
})(window.OOGO);
