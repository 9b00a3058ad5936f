// Rendering one reply of the assistant: the answer, then what goes around it, each once:
// the regioscan result, charts, the definition/source block, the notices (one element), the
// cited passages (a disclosure per source), the downloads on offer, progress and the choices.
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
  function citationBlock(citations, answerId) {
    const box = el("div", { class: "citations" });
    box.appendChild(el("p", { class: "citations-title" }, citations.length === 1 ? "Bron" : "Bronnen"));
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

  O.downloadGroup = function downloadGroup(doc, conversationId, heading) {
    const box = el("div", { class: "downloads", role: "group", "aria-label": doc.label });
    box.appendChild(el("span", { class: "downloads-label" }, heading || doc.label));
    for (const fmt of doc.formats && doc.formats.length ? doc.formats : ["pdf"]) {
      const name = FORMAT[fmt] || fmt;
      box.appendChild(el("a", { class: "download", href: docUrl(doc, fmt, conversationId), download: "",
        "aria-label": `${doc.label} downloaden als ${name}` }, name));
    }
    return box;
  };

  function statementList(items) {
    if (!items || !items.length) return document.createTextNode("–");
    const list = el("ul", { class: "statements" });
    items.forEach((s) => {
      const score = s.value !== undefined ? O.nl(s.value, Number.isInteger(s.value) ? 0 : 1) : O.nl(s.mean);
      list.appendChild(el("li", {}, `${s.number}. ${s.text || s.label} (${score})`));
    });
    return list;
  }

  function themeTable(result, data) {
    const table = el("table", { class: "data-table" });
    table.appendChild(el("caption", {}, "Gemiddelde per thema (schaal 1 tot 5)"));
    const head = el("tr");
    head.appendChild(el("th", { scope: "col" }, "Thema"));
    data.series.forEach((s) => head.appendChild(el("th", { scope: "col" }, data.series.length > 1 ? s.name : "Gemiddelde")));
    table.appendChild(el("thead")).appendChild(head);
    const body = el("tbody");
    data.labels.forEach((label, i) => {
      const row = el("tr");
      row.appendChild(el("th", { scope: "row" }, label));
      data.series.forEach((s) => row.appendChild(el("td", { class: "num" },
        s.values[i] === null || s.values[i] === undefined ? (data.series.length > 1 ? "te weinig respondenten" : "geen score") : O.nl(s.values[i]))));
      body.appendChild(row);
    });
    table.appendChild(body);
    return table;
  }

  // Strongest and weakest statements: per theme for an own scan, over all statements the
  // server sends for a round.
  function extremesTable(result) {
    const table = el("table", { class: "data-table extremes" });
    table.appendChild(el("caption", {}, "Sterkste en zwakste stellingen"));
    const rows = [];
    if (result.kind === "round") {
      const sorted = (result.statements || []).filter((s) => s.mean !== null && s.mean !== undefined).slice().sort((a, b) => b.mean - a.mean);
      if (!sorted.length) return null;
      rows.push(["Alle thema's", sorted.slice(0, 3), sorted.slice(-3).reverse()]);
    } else {
      for (const t of result.themes || []) rows.push([t.name, t.strongest, t.weakest]);
    }
    const head = el("tr");
    ["Thema", "Sterkst", "Zwakst"].forEach((h) => head.appendChild(el("th", { scope: "col" }, h)));
    table.appendChild(el("thead")).appendChild(head);
    const body = el("tbody");
    for (const [name, strong, weak] of rows) {
      const row = el("tr");
      row.appendChild(el("th", { scope: "row" }, name));
      row.appendChild(el("td", { "data-label": "Sterkst" })).appendChild(statementList(strong));
      row.appendChild(el("td", { "data-label": "Zwakst" })).appendChild(statementList(weak));
      body.appendChild(row);
    }
    table.appendChild(body);
    return table;
  }

  // An own scan's overall mean and, per theme, what to discuss: the text channels say these in
  // the outcome text, which the page does not repeat next to this block.
  function ownSummary(result) {
    const wrap = el("div", { class: "scan-summary" });
    if (result.overall_mean !== null && result.overall_mean !== undefined) {
      wrap.appendChild(el("p", {}, `Gemiddelde over alles: ${O.nl(result.overall_mean)} ` +
        `(${result.answered} van de ${result.total} stellingen gescoord).`));
    }
    const items = [];
    for (const t of result.themes || []) for (const d of t.discuss || []) items.push(`${t.name}: ${d}`);
    if (items.length) {
      wrap.appendChild(el("h4", {}, "Om te bespreken"));
      const list = el("ul");
      for (const item of items) list.appendChild(el("li", {}, item));
      wrap.appendChild(list);
    }
    return wrap.childNodes.length ? wrap : null;
  }

  function scanResultBlock(result, docs, ctx) {
    const round = result.kind === "round";
    const box = el("section", { class: "scan-result", "aria-label": round ? "Uitslag van de ronde" : "Uitslag van je regioscan" });
    box.appendChild(el("h3", {}, round ? `Uitslag van de ronde ${result.title || result.code || ""}`.trim() : "Uitslag van je regioscan"));
    if (round) {
      box.appendChild(el("p", { class: "about" }, result.respondents ? `${result.respondents} deelnemers. Groepen tonen we pas vanaf ${result.min_group} deelnemers.`
        : "Te weinig deelnemers om de uitslag te tonen."));
    }
    const data = O.chartData(result);
    const title = round ? "Gemiddelde per thema, voor iedereen en per rol (1-5)" : "Je gemiddelde score per thema (1-5)";
    const figure = O.zoomableFigure(title, (w) => O.barChart(result, w, title), () => themeTable(result, data));
    figure.classList.add("svg-chart");
    box.appendChild(figure);
    box.appendChild(themeTable(result, data));
    const extremes = extremesTable(result);
    if (extremes) box.appendChild(extremes);
    const summary = round ? null : ownSummary(result);
    if (summary) box.appendChild(summary);
    const actions = el("div", { class: "result-actions" });
    const doc = docs.find((d) => d.kind === "scan_result") ||
      { kind: "scan_result", label: "Je uitslag", formats: ["pdf", "md"], ref: result.ref || (round ? result.code : "") };
    actions.appendChild(O.downloadGroup(doc, ctx.conversationId, "Download"));
    const points = el("button", { type: "button", class: "option" }, "Bespreekpunten met deze uitslag");
    points.addEventListener("click", () => ctx.send("Welke bespreekpunten voor het OOGO passen bij mijn regio?", null, points.textContent));
    const start = el("button", { type: "button", class: "option" }, "Start een regionale ronde");
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
    for (const option of (data.options || []).concat(data.followups || [])) {
      if (!taken(option) && !repeats(option)) choices.push({ label: option, text: option });
    }
    return choices;
  }

  O.renderReply = function renderReply(node, data, ctx) {
    node.replaceChildren();
    node.classList.remove("error");
    node.setAttribute("aria-busy", "false");
    node.setAttribute("lang", data.language === "en" ? "en" : "nl");
    O.paragraphs(node, data.text || "");
    const docs = data.documents || [];
    if (data.scan_result) node.appendChild(scanResultBlock(data.scan_result, docs, ctx));
    for (const chart of data.charts || []) node.appendChild(O.imageFigure(chart));
    if (data.about && data.about.length) node.appendChild(aboutBlock(data.about));
    const notices = noticeBlock(data.notices || []);
    if (notices) node.appendChild(notices);
    if (data.citations && data.citations.length) node.appendChild(citationBlock(data.citations, data.answer_id || O.newId()));
    for (const doc of docs) {
      if (doc.kind === "scan_result" && data.scan_result) continue; // inside the result block
      node.appendChild(O.downloadGroup(doc, ctx.conversationId,
        doc.kind === "report" ? "Download het voorbereidingsdocument" : doc.label));
    }
    if (data.progress) {
      const { current, total, theme } = data.progress;
      const id = `progress-${data.answer_id}`;
      const wrap = el("div", { class: "progress-wrap" });
      wrap.appendChild(el("label", { for: id }, `Regioscan: vraag ${current} van ${total}${theme ? " (" + theme + ")" : ""}`));
      wrap.appendChild(el("progress", { id, max: String(total), value: String(current) }, `${current} van ${total}`));
      node.appendChild(wrap);
    }
    const scale = !!data.progress || data.intent === "regioscan";
    const choices = choicesOf(data, ctx.question, scale);
    if (choices.length) {
      const group = el("div", { class: scale ? "choices scale-group" : "choices options", role: "group",
        "aria-label": scale ? "Kies je antwoord" : "Kies een vervolgvraag" });
      for (const c of choices) {
        const b = el("button", { type: "button", class: scale ? "scale" : "option" }, c.label);
        b.addEventListener("click", () => ctx.send(c.text || "", c.choice || null, c.label));
        group.appendChild(b);
      }
      node.appendChild(group);
    }
    if (data.answer_id && !data.progress && !["clarify", "regioscan"].includes(data.intent)) {
      node.appendChild(ctx.feedbackBar(data.answer_id));
    }
    node.querySelectorAll("figure.svg-chart").forEach((f) => f.redraw());
  };
})(window.OOGO);
