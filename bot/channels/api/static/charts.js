// Charts on the page: regioscan results drawn as inline SVG from the server's data (one bar
// per theme, and per role for a round: only the groups the server sends, a group the server
// hides is written as text, never drawn), and every chart enlarged in an accessible dialog.
// Words come from O.t in the answer's language (``lang``).
"use strict";

(function (O) {
  const SVG = "http://www.w3.org/2000/svg";
  const COLOURS = ["#0b4f8a", "#8a4b08", "#2e6b30", "#6a3d9a", "#a4000f", "#3d3d3d"];
  let counter = 0;

  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The series to draw: [{name, values}] per theme label, from the result's own chart data.
  O.chartData = function chartData(result, lang) {
    const chart = result.chart || {};
    const labels = chart.labels || (result.themes || []).map((t) => t.name);
    if (chart.series && typeof chart.series === "object") {
      return { labels, series: Object.entries(chart.series).map(([name, values]) => ({ name, values })) };
    }
    const values = chart.values || (result.themes || []).map((t) => (t.mean !== undefined ? t.mean : (t.overall || {}).mean));
    return { labels, series: [{ name: O.t(lang, "chart_your_score"), values }] };
  };

  // An SVG bar chart whose drawing units are CSS pixels at ``width``, so text stays readable.
  O.barChart = function barChart(result, width, title, lang) {
    const { labels, series } = O.chartData(result, lang);
    const multi = series.length > 1;
    const missing = O.t(lang, multi ? "too_few" : "no_score");
    const w = Math.max(280, Math.round(width));
    const pad = 8, valueRoom = 44, barH = multi ? 14 : 20, font = w < 480 ? 14 : 15;
    const x0 = pad, x1 = w - pad - valueRoom;
    const scale = (v) => x0 + (x1 - x0) * (v / 5);
    const id = `chart-${++counter}`;
    const svg = svgEl("svg", { role: "img", "aria-labelledby": `${id}-t ${id}-d`, class: "bar-chart", width: "100%" });
    svg.appendChild(svgEl("title", { id: `${id}-t` }, title));
    const desc = [];
    let y = 6;
    const grid = svgEl("g", { class: "grid" });
    svg.appendChild(grid);
    labels.forEach((label, i) => {
      y += font + 4;
      svg.appendChild(svgEl("text", { x: x0, y, class: "theme-label", "font-size": font }, label));
      const parts = [];
      series.forEach((s, k) => {
        const value = s.values[i];
        if (multi) {
          y += font;
          svg.appendChild(svgEl("text", { x: x0, y, class: "series-label", "font-size": font - 2 }, s.name));
        }
        y += 4;
        if (value === null || value === undefined) {
          svg.appendChild(svgEl("text", { x: x0, y: y + barH - 4, class: "no-value", "font-size": font - 2 },
            missing));
          parts.push(`${multi ? s.name + " " : ""}${missing}`);
        } else {
          svg.appendChild(svgEl("rect", { x: x0, y, width: Math.max(1, scale(value) - x0), height: barH,
            fill: COLOURS[k % COLOURS.length], rx: 2 }));
          svg.appendChild(svgEl("text", { x: scale(value) + 6, y: y + barH - 4, "font-size": font - 1,
            class: "bar-value" }, O.num(value, 1, lang)));
          parts.push(`${multi ? s.name + " " : ""}${O.num(value, 1, lang)}`);
        }
        y += barH + 2;
      });
      desc.push(`${label}: ${parts.join(", ")}`);
      y += 8;
    });
    for (let v = 1; v <= 5; v++) {
      grid.appendChild(svgEl("line", { x1: scale(v), x2: scale(v), y1: 6, y2: y, class: v === 3 ? "grid-mid" : "grid-line" }));
    }
    y += font;
    const axis = svgEl("g", { class: "axis", "aria-hidden": "true" });
    for (let v = 1; v <= 5; v++) axis.appendChild(svgEl("text", { x: scale(v), y, "text-anchor": "middle", "font-size": font - 2 }, String(v)));
    svg.appendChild(axis);
    y += 6;
    svg.setAttribute("viewBox", `0 0 ${w} ${y}`);
    svg.setAttribute("height", String(y));
    svg.insertBefore(svgEl("desc", { id: `${id}-d` }, O.t(lang, "chart_scale", { description: desc.join("; ") })),
      svg.children[1]);
    return svg;
  };

  // A figure with a button that opens the chart enlarged; ``draw(width)`` builds the visual.
  O.zoomableFigure = function zoomableFigure(title, draw, extra, lang) {
    const figure = O.el("figure", { class: "chart" });
    const holder = O.el("div", { class: "chart-visual" });
    holder.appendChild(draw(0));
    holder.addEventListener("click", () => open());
    figure.appendChild(holder);
    const caption = O.el("figcaption");
    caption.appendChild(O.el("span", {}, title));
    const zoom = O.el("button", { type: "button", class: "chart-zoom", "aria-label": O.t(lang, "chart_zoom_label", { title }) },
      O.t(lang, "chart_zoom"));
    caption.appendChild(zoom);
    figure.appendChild(caption);
    function open() {
      const dialog = document.getElementById("chart-dialog");
      const heading = document.getElementById("chart-dialog-title");
      heading.textContent = title;
      const body = document.getElementById("chart-dialog-body");
      heading.setAttribute("lang", O.lang(lang)); // the chart's words; "Sluiten" is the page's
      body.replaceChildren();
      O.openDialog(dialog, zoom);
      const marked = (node) => { node.setAttribute("lang", O.lang(lang)); return node; };
      body.appendChild(marked(draw(body.clientWidth - 8, true)));
      if (extra) body.appendChild(marked(extra()));
    }
    zoom.addEventListener("click", open);
    figure.redraw = () => holder.replaceChildren(draw(holder.clientWidth));
    return figure;
  };

  // The enlarged image in a box of its own that scrolls sideways when the chart is wider than
  // the screen (on a phone the stylesheet shows it at its own size, so its text stays
  // readable), with a line above it that says so and a bar below it that shows where you are
  // (a phone hides its scrollbars until you scroll); the dialog itself never scrolls sideways.
  // The box takes keyboard focus only while it scrolls.
  function scrollingChart(img, lang) {
    const box = O.el("div", { class: "chart-scroll" });
    const hint = O.el("p", { class: "chart-scroll-hint", hidden: true }, O.t(lang, "chart_scroll"));
    const track = O.el("div", { class: "chart-scroll-track", "aria-hidden": "true", hidden: true });
    const thumb = O.el("div", { class: "chart-scroll-thumb" });
    track.appendChild(thumb);
    box.appendChild(img);
    const place = () => {
      thumb.style.width = `${(100 * box.clientWidth) / box.scrollWidth}%`;
      thumb.style.marginLeft = `${(100 * box.scrollLeft) / box.scrollWidth}%`;
    };
    const update = () => {
      if (!box.isConnected) { window.removeEventListener("resize", update); return; }
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      hint.hidden = !scrolls;
      // a scrollbar of the system that takes room is visible already: no second one
      track.hidden = !scrolls || box.offsetHeight > box.clientHeight;
      if (scrolls) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "group");
        box.setAttribute("aria-label", O.t(lang, "chart_scroll"));
        place();
      } else {
        ["tabindex", "role", "aria-label"].forEach((name) => box.removeAttribute(name));
      }
    };
    img.addEventListener("load", update);
    box.addEventListener("scroll", place, { passive: true });
    window.addEventListener("resize", update);
    requestAnimationFrame(update);
    const wrap = O.el("div", { class: "chart-zoomed" });
    wrap.append(hint, box, track);
    return wrap;
  }

  // A server chart (PNG): the image, its text alternative in the dialog, and a note when the
  // image is gone from the server's cache (an old conversation).
  O.imageFigure = function imageFigure(chart, lang) {
    const draw = (width, big) => {
      const img = O.el("img", { src: chart.url, alt: chart.alt || chart.title, class: big ? "zoomed" : null });
      img.addEventListener("error", () => {
        const note = O.el("p", { class: "chart-missing" }, O.t(lang, "chart_gone", { alt: chart.alt || "" }).trim());
        img.replaceWith(note);
      });
      return big ? scrollingChart(img, lang) : img;
    };
    const extra = chart.alt ? () => O.el("p", { class: "chart-alt" }, chart.alt) : null;
    return O.zoomableFigure(chart.title || O.t(lang, "chart"), draw, extra, lang);
  };

  // Redraw SVG charts after the width of the page changed (rotation, window size).
  let timer = null;
  window.addEventListener("resize", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      document.querySelectorAll("figure.chart.svg-chart").forEach((f) => f.redraw && f.redraw());
    }, 200);
  });
})(window.OOGO);
