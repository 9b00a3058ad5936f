// Small DOM and formatting helpers shared by the page's scripts (window.OOGO), and the page's
// words: the server renders prompts/web/<nl|en> into the page as a JSON data block, so the
// scripts hold no sentences. Everything is built from elements and text nodes; server text never
// goes through innerHTML.
"use strict";

window.OOGO = window.OOGO || {};

(function (O) {
  let TEXTS = {};
  try { TEXTS = JSON.parse(document.getElementById("page-texts").textContent); } catch (e) { TEXTS = {}; }

  // The language of an answer ("en" or "nl"); the page frame itself is Dutch.
  O.lang = function lang(language) { return language === "en" ? "en" : "nl"; };

  // The page text ``name`` in ``language`` with its {placeholders} filled from ``values``.
  O.t = function t(language, name, values) {
    const set = TEXTS[O.lang(language)] || {};
    const text = name in set ? set[name] : (TEXTS.nl || {})[name];
    if (text === undefined) { console.error(`page text missing: ${name}`); return name; }
    return text.replace(/\{\{|\}\}|\{(\w+)\}/g, (m, key) =>
      key === undefined ? m[0] : (values && key in values ? String(values[key]) : m));
  };

  O.el = function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value; else node.setAttribute(key, value === true ? "" : value);
    }
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  };

  // Text with **bold** marks as <strong>, everything else as text nodes.
  O.rich = function rich(tag, text, className) {
    const node = O.el(tag, { class: className || "answer-text" });
    String(text).split(/\*\*(.+?)\*\*/g).forEach((piece, i) => {
      node.appendChild(i % 2 ? O.el("strong", {}, piece) : document.createTextNode(piece));
    });
    return node;
  };

  const ITEM = /^(\s*)(\d+[.)]|[-•*])\s+(.*)$/;

  // Lines of one block: plain lines become a paragraph, "1. ..." and "- ..." lines a list
  // (an indented item goes into a list inside the item above it).
  function block(part) {
    const nodes = [];
    let para = [], top = null, sub = null;
    const flushPara = () => { if (para.length) nodes.push(O.rich("p", para.join("\n"))); para = []; };
    for (const line of part.split("\n")) {
      const m = line.match(ITEM);
      if (!m) {
        if (top && /^\s+\S/.test(line)) { top.lastChild.appendChild(document.createTextNode(" " + line.trim())); continue; }
        top = sub = null;
        para.push(line);
        continue;
      }
      flushPara();
      const ordered = /\d/.test(m[2]);
      const item = O.rich("li", m[3], "item");
      if (m[1].length && top && top.lastChild) {
        if (!sub || sub.parentNode !== top.lastChild) sub = top.lastChild.appendChild(O.el(ordered ? "ol" : "ul"));
        sub.appendChild(item);
      } else {
        if (!top || (top.tagName === "OL") !== ordered) {
          top = O.el(ordered ? "ol" : "ul", { class: "answer-text answer-list" });
          if (ordered && parseInt(m[2], 10) !== 1) top.setAttribute("start", String(parseInt(m[2], 10)));
          nodes.push(top);
        }
        sub = null;
        top.appendChild(item);
      }
    }
    flushPara();
    return nodes;
  }

  // Paragraphs and lists of an answer: blank lines separate blocks; lines keep their breaks.
  O.paragraphs = function paragraphs(target, text) {
    target.querySelectorAll(":scope > .answer-text").forEach((p) => p.remove());
    const anchor = target.firstChild;
    for (const part of String(text).split(/\n{2,}/)) {
      if (part.trim()) block(part).forEach((node) => target.insertBefore(node, anchor));
    }
  };

  // A number as the answer's language writes it: 3,5 (nl) or 3.5 (en); one decimal unless told.
  O.num = function num(value, digits, language) {
    if (value === null || value === undefined || Number.isNaN(value)) return "–";
    const d = digits === undefined ? 1 : digits;
    return Number(value).toLocaleString(O.lang(language) === "en" ? "en-GB" : "nl-NL",
      { minimumFractionDigits: d, maximumFractionDigits: d });
  };

  O.same = function same(a, b) {
    const norm = (s) => String(s || "").trim().toLowerCase().replace(/[?!.\s]+$/g, "").replace(/\s+/g, " ");
    return norm(a) === norm(b);
  };

  O.newId = function newId() {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  };

  // Dialogs: open modally, focus the close button, give focus back to the opener on close.
  O.openDialog = function openDialog(dialog, opener) {
    dialog.returnFocusTo = opener || document.activeElement;
    if (!dialog.open) dialog.showModal();
    const close = dialog.querySelector("[data-close]");
    if (close) close.focus();
  };

  document.addEventListener("click", (event) => {
    const close = event.target.closest("dialog [data-close]");
    if (close) close.closest("dialog").close();
    // a click on the backdrop (outside the dialog's box) closes it as well
    if (event.target.tagName === "DIALOG" && event.target.open) {
      const box = event.target.getBoundingClientRect();
      const inside = event.clientX >= box.left && event.clientX <= box.right &&
        event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside && event.clientX !== 0) event.target.close();
    }
  });

  document.addEventListener("close", (event) => {
    const dialog = event.target;
    if (dialog.tagName === "DIALOG" && dialog.returnFocusTo && dialog.returnFocusTo.focus) {
      dialog.returnFocusTo.focus({ preventScroll: true });
      dialog.returnFocusTo = null;
    }
  }, true);
})(window.OOGO);
