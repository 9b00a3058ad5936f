// OOGO-assistent chat page: sends turns to /api/chat/stream (server-sent events over fetch),
// renders replies (text, charts, citations, buttons, progress, feedback) and keeps the chosen
// region and conversation id in localStorage. Plain JavaScript, no build step.
"use strict";

(function () {
  const messages = document.getElementById("messages");
  const form = document.getElementById("chat-form");
  const input = document.getElementById("question");
  const sendButton = document.getElementById("send");
  const formStatus = document.getElementById("form-status");
  const regionForm = document.getElementById("region-form");
  const regionInput = document.getElementById("region-input");
  const regionOptions = document.getElementById("region-options");
  const regionStatus = document.getElementById("region-status");
  const reportLink = document.getElementById("report-link");
  const LEVELS = { gemeente: "gemeente", swv_po: "samenwerkingsverband po", swv_vo: "samenwerkingsverband vo", land: "land" };

  let busy = false;
  let conversationId = localStorage.getItem("oogo.conversation") || newId();
  localStorage.setItem("oogo.conversation", conversationId);
  let region = null;
  try { region = JSON.parse(localStorage.getItem("oogo.region") || "null"); } catch (e) { region = null; }

  function newId() {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") node.className = value; else node.setAttribute(key, value);
    }
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // Text with **bold** marks, built from text nodes only (never innerHTML).
  function rich(tag, text) {
    const node = el(tag, { class: "answer-text" });
    String(text).split(/\*\*(.+?)\*\*/g).forEach((piece, i) => {
      node.appendChild(i % 2 ? el("strong", {}, piece) : document.createTextNode(piece));
    });
    return node;
  }

  function paragraphs(target, text) {
    target.querySelectorAll(".answer-text").forEach((p) => p.remove());
    const anchor = target.firstChild;
    for (const part of String(text).split(/\n{2,}/)) {
      if (part.trim()) target.insertBefore(rich("p", part), anchor);
    }
  }

  function scrollDown() { window.scrollTo({ top: document.body.scrollHeight }); }

  function addUserMessage(text) {
    messages.appendChild(el("article", { class: "message user", "aria-label": "U" }, null))
      .appendChild(el("p", {}, text));
    scrollDown();
  }

  function disableOldButtons() {
    // Only regioscan answers can go stale; options and follow-ups stay usable.
    messages.querySelectorAll(".scale-group button").forEach((b) => { b.disabled = true; });
  }

  function renderReply(node, data) {
    node.replaceChildren();
    node.setAttribute("aria-busy", "false");
    node.setAttribute("lang", data.language === "en" ? "en" : "nl");
    paragraphs(node, data.text || "");
    if (data.about && data.about.length) {
      const about = el("p", { class: "about" });
      data.about.forEach((line, i) => {
        if (i) about.appendChild(el("br"));
        about.appendChild(document.createTextNode(line));
      });
      node.appendChild(about);
    }
    for (const notice of data.notices || []) {
      node.appendChild(el("p", { class: notice.kind === "demo" ? "demo-notice" : "notice" }, notice.text));
    }
    for (const chart of data.charts || []) {
      const figure = el("figure");
      figure.appendChild(el("img", { src: chart.url, alt: chart.alt || chart.title, loading: "lazy" }));
      figure.appendChild(el("figcaption", {}, chart.title));
      node.appendChild(figure);
    }
    if (data.citations && data.citations.length) {
      const details = el("details", { class: "citations" });
      details.appendChild(el("summary", {}, data.citations.length === 1 ? "Bron" : `Bronnen (${data.citations.length})`));
      const list = el("ul");
      for (const cite of data.citations) {
        const item = el("li");
        item.appendChild(el("strong", {}, cite.title || cite.source));
        if (cite.heading && cite.heading !== cite.title) item.appendChild(document.createTextNode(` — ${cite.heading}`));
        const text = rich("span", cite.text);
        text.className = "passage-text";
        item.appendChild(text);
        list.appendChild(item);
      }
      details.appendChild(list);
      node.appendChild(details);
    }
    if (data.progress) {
      const { current, total, theme } = data.progress;
      const id = `progress-${data.answer_id}`;
      const wrap = el("div", { class: "progress-wrap" });
      wrap.appendChild(el("label", { for: id },
        `Regioscan: vraag ${current} van ${total}${theme ? " (" + theme + ")" : ""}`));
      wrap.appendChild(el("progress", { id, max: String(total), value: String(current) },
        `${current} van ${total}`));
      node.appendChild(wrap);
    }
    const choices = [];
    for (const button of data.buttons || []) choices.push({ label: button.label, choice: button.value });
    for (const option of (data.options || []).concat(data.followups || [])) {
      if (!choices.some((c) => c.label === option || c.choice === option)) {
        choices.push({ label: option, text: option });
      }
    }
    if (choices.length) {
      const isScale = !!data.progress;
      const group = el("div", { class: isScale ? "choices scale-group" : "choices options", role: "group",
        "aria-label": isScale ? "Kies uw antwoord" : "Kies een optie" });
      for (const c of choices) {
        const b = el("button", { type: "button", class: isScale ? "scale" : "option" }, c.label);
        b.addEventListener("click", () => send(c.text || "", c.choice || null, c.label));
        group.appendChild(b);
      }
      node.appendChild(group);
    }
    if (data.answer_id && !data.progress && !["clarify", "regioscan"].includes(data.intent)) {
      node.appendChild(feedbackBar(data.answer_id));
    }
  }

  function feedbackBar(answerId) {
    const bar = el("div", { class: "feedback", role: "group", "aria-label": "Was dit antwoord nuttig?" });
    bar.appendChild(el("span", {}, "Nuttig?"));
    const status = el("span", { role: "status" });
    for (const [rating, word, label] of [["up", "Ja", "Ja, nuttig antwoord"], ["down", "Nee", "Nee, niet nuttig"]]) {
      const b = el("button", { type: "button", "aria-label": label, "aria-pressed": "false",
        "data-rating": rating }, word);
      b.addEventListener("click", async () => {
        const ok = await postJson("/api/feedback", { answer_id: answerId, rating, conversation_id: conversationId });
        bar.querySelectorAll("button").forEach((x) => x.setAttribute("aria-pressed", String(x === b && ok.ok)));
        status.textContent = ok.ok ? "Bedankt voor uw reactie." : ok.detail;
      });
      bar.appendChild(b);
    }
    bar.appendChild(status);
    return bar;
  }

  async function postJson(url, body) {
    try {
      const response = await fetch(url, { method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const data = await response.json().catch(() => ({}));
      return response.ok ? Object.assign({ ok: true }, data)
        : { ok: false, detail: data.detail || "Dat lukte niet. Probeer het later nog eens." };
    } catch (e) {
      return { ok: false, detail: "Geen verbinding met de assistent. Controleer uw internet en probeer het opnieuw." };
    }
  }

  function showError(node, text) {
    node.replaceChildren(el("p", {}, text));
    node.classList.add("error");
    node.setAttribute("aria-busy", "false");
  }

  async function send(text, choice, shown) {
    if (busy) return;
    text = (text || "").trim();
    if (!text && !choice) { formStatus.textContent = "Typ eerst een vraag."; input.focus(); return; }
    busy = true;
    sendButton.disabled = true;
    formStatus.textContent = "De assistent denkt na…";
    disableOldButtons();
    addUserMessage(shown || text);
    const node = el("article", { class: "message bot", "aria-busy": "true", "aria-label": "Assistent" });
    messages.appendChild(node);
    messages.setAttribute("aria-busy", "true"); // announce the finished answer, not each chunk
    const params = new URLSearchParams({ text, conversation_id: conversationId });
    if (choice) params.set("choice", choice);
    if (region) params.set("region", region.code);
    try {
      const response = await fetch(`/api/chat/stream?${params}`, { credentials: "same-origin",
        headers: { Accept: "text/event-stream" } });
      if (!response.ok) {
        const data = await response.json().catch(() => ({}));
        showError(node, data.detail || "Dat lukte niet. Probeer het opnieuw.");
      } else {
        await readEvents(response, node);
      }
    } catch (e) {
      showError(node, "Geen verbinding met de assistent. Controleer uw internet en probeer het opnieuw.");
    } finally {
      messages.setAttribute("aria-busy", "false");
      busy = false;
      sendButton.disabled = false;
      formStatus.textContent = "";
      scrollDown();
      // after a button press keep keyboard users in the conversation: next choices, else input
      if (choice) (node.querySelector(".choices button:not([disabled])") || input).focus();
    }
  }

  async function readEvents(response, node) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let streamed = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = (block.match(/^event: (.*)$/m) || [])[1];
        const dataLine = (block.match(/^data: (.*)$/m) || [])[1];
        if (!event || !dataLine) continue;
        const data = JSON.parse(dataLine);
        if (event === "chunk") { streamed += data.text; paragraphs(node, streamed); }
        else if (event === "reply") renderReply(node, data);
        else if (event === "error") showError(node, data.detail);
      }
    }
  }

  function setRegion(found) {
    region = found;
    localStorage.setItem("oogo.region", JSON.stringify(found));
    regionStatus.textContent = `Uw regio: ${found.name} (${LEVELS[found.level] || found.level}, ${found.code}).`;
    reportLink.href = `/api/reports/${encodeURIComponent(found.code)}.pdf`;
    reportLink.hidden = false;
  }

  async function searchRegions(q) {
    const response = await fetch(`/api/regions?q=${encodeURIComponent(q)}`, { credentials: "same-origin" });
    if (!response.ok) return [];
    const data = await response.json();
    return data.matches || [];
  }

  let lastSuggestions = [];
  let timer = null;
  regionInput.addEventListener("input", () => {
    clearTimeout(timer);
    const q = regionInput.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      lastSuggestions = await searchRegions(q);
      regionOptions.replaceChildren(...lastSuggestions.slice(0, 10).map(
        (m) => el("option", { value: `${m.name} (${m.code})` }, LEVELS[m.level] || m.level)));
    }, 200);
  });

  regionForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const q = regionInput.value.trim();
    if (!q) { regionStatus.textContent = "Typ de naam of code van uw gemeente of samenwerkingsverband."; return; }
    const code = (q.match(/\(([A-Z]{2}\d{2,4})\)\s*$/) || [])[1];
    const matches = await searchRegions(code || q);
    const exact = matches.find((m) => m.code === code) || matches[0];
    if (exact) setRegion(exact);
    else regionStatus.textContent = `Ik vind geen regio die lijkt op "${q}". Probeer een andere schrijfwijze.`;
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    input.value = "";
    send(text, null).then(() => input.focus());
  });

  messages.addEventListener("click", (event) => {
    const target = event.target.closest("button[data-text]");
    if (target) send(target.dataset.text, null);
  });

  document.getElementById("new-conversation").addEventListener("click", () => {
    conversationId = newId();
    localStorage.setItem("oogo.conversation", conversationId);
    messages.querySelectorAll("article:not(.intro)").forEach((n) => n.remove());
    formStatus.textContent = "Nieuw gesprek begonnen.";
    input.focus();
  });

  if (region && region.code) setRegion(region);

  // which indicators are real (imported from CBS) and which are demonstration data
  fetch("/readyz", { credentials: "same-origin" }).then((r) => r.json()).then((body) => {
    const status = document.getElementById("figures-status");
    const text = body && body.cijfers && body.cijfers.text_nl;
    if (status && text && body.cijfers.real && body.cijfers.real.length) {
      status.textContent = text;
      status.hidden = false;
    }
  }).catch(() => {});
})();
