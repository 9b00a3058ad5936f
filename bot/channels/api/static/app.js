// OOGO-assistent chat page: restores the conversation from the server (GET /api/chat/history),
// sends turns as POST /api/chat/stream (server-sent events over fetch), shows the chosen region,
// a banner while a regioscan is under way, a character counter, and the tools (new
// conversation, export, print, start a regional round). Plain JavaScript, no build step.
// The frame speaks the page's language (<html lang>, Dutch); its words come from O.t (prompts/web).
"use strict";

(function (O) {
  const $ = (id) => document.getElementById(id);
  const el = O.el;
  const messages = $("messages"), form = $("chat-form"), input = $("question"), sendButton = $("send");
  const formStatus = $("form-status"), counter = $("char-count");
  const regionForm = $("region-form"), regionInput = $("region-input"), regionOptions = $("region-options");
  const regionStatus = $("region-status"), reportLink = $("report-link");
  const PAGE = O.lang(document.documentElement.lang);
  const say = (name, values) => O.t(PAGE, name, values);
  const levelName = (level) => (["gemeente", "swv_po", "swv_vo", "land"].includes(level) ? say(`level_${level}`) : level);

  let busy = false;
  let maxChars = 4000;
  let conversationId = localStorage.getItem("oogo.conversation") || O.newId();
  localStorage.setItem("oogo.conversation", conversationId);
  let region = null;
  try { region = JSON.parse(localStorage.getItem("oogo.region") || "null"); } catch (e) { region = null; }

  const context = (question) => ({ question, conversationId, send, startRound, feedbackBar });

  // -- region -------------------------------------------------------------------------------
  function setRegion(found, quiet) {
    if (!found || !found.code) return;
    region = found;
    localStorage.setItem("oogo.region", JSON.stringify(found));
    const level = levelName(found.level);
    $("region-name").textContent = `${found.name} (${level})`;
    $("region-current").hidden = false;
    regionForm.hidden = true;
    $("region-change").setAttribute("aria-expanded", "false");
    regionStatus.textContent = quiet ? "" : say("region_now", { name: found.name, level, code: found.code });
    updateReportLink();
    reportLink.hidden = false;
    $("intro-text").textContent = say("region_intro", { name: found.name });
    // the first example asks about the chosen region, not about Amsterdam
    const example = document.querySelector(".message.intro .option");
    if (example) {
      const text = say("region_example", { name: found.name });
      example.textContent = text;
      example.dataset.text = text;
    }
  }

  $("region-change").addEventListener("click", () => {
    const open = regionForm.hidden;
    regionForm.hidden = !open;
    $("region-change").setAttribute("aria-expanded", String(open));
    if (open) regionInput.focus();
  });

  async function searchRegions(q) {
    const response = await fetch(`/api/regions?q=${encodeURIComponent(q)}`, { credentials: "same-origin" });
    if (!response.ok) return [];
    return (await response.json()).matches || [];
  }

  let regionTimer = null;
  regionInput.addEventListener("input", () => {
    clearTimeout(regionTimer);
    const q = regionInput.value.trim();
    if (q.length < 2) return;
    regionTimer = setTimeout(async () => {
      const found = await searchRegions(q);
      regionOptions.replaceChildren(...found.slice(0, 10).map(
        (m) => el("option", { value: `${m.name} (${m.code})` }, levelName(m.level))));
    }, 200);
  });

  regionForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const q = regionInput.value.trim();
    if (!q) { regionStatus.textContent = say("region_empty"); return; }
    const code = (q.match(/\(([A-Z]{2}\d{2,4})\)\s*$/) || [])[1];
    const found = await searchRegions(code || q);
    const exact = found.find((m) => m.code === code) || found[0];
    if (exact) { setRegion(exact); input.focus(); }
    else regionStatus.textContent = say("region_not_found", { query: q });
  });

  // -- regioscan banner ---------------------------------------------------------------------
  let resumeText = "verder";
  function showScan(scan, questionOnScreen) {
    const banner = $("scan-banner");
    if (!scan || questionOnScreen) { banner.hidden = true; return; }
    const paused = scan.status === "paused";
    $("scan-banner-text").textContent = paused
      ? say("scan_paused", { answered: scan.answered, total: scan.total })
      : say("scan_busy", { current: scan.current, total: scan.total });
    resumeText = paused ? "/regioscan" : "verder"; // commands the server understands, not shown
    $("scan-resume").setAttribute("aria-label", say("scan_resume"));
    banner.hidden = false;
  }
  $("scan-resume").addEventListener("click", () => send(resumeText, null, say("scan_resume")));

  // -- sending a turn -----------------------------------------------------------------------
  function addUserMessage(text) {
    const node = el("article", { class: "message user", "aria-label": say("you") });
    node.appendChild(el("p", {}, text));
    messages.appendChild(node);
    return node;
  }

  function disableOldScaleButtons(except) {
    messages.querySelectorAll(".scale-group").forEach((group) => {
      if (group.closest("article") !== except) group.querySelectorAll("button").forEach((b) => { b.disabled = true; });
    });
  }

  function afterReply(data) {
    if (data.profile_region) setRegion(data.profile_region, true);
    if ("scan" in data) showScan(data.scan, !!data.progress); // only regioscan turns say
  }

  async function send(text, choice, shown) {
    if (busy) return;
    text = (text || "").trim();
    if (!text && !choice) { showStatus(say("type_first")); input.focus(); return; }
    if (text.length > maxChars) { updateCounter(true); input.focus(); return; }
    busy = true;
    sendButton.disabled = true;
    showStatus(say("thinking"));
    disableOldScaleButtons(null);
    const label = shown || text;
    addUserMessage(label).scrollIntoView({ block: "nearest" });
    const node = el("article", { class: "message bot", "aria-busy": "true", "aria-label": say("assistant"), tabindex: "-1" });
    messages.appendChild(node);
    messages.setAttribute("aria-busy", "true"); // announce the finished answer, not each chunk
    const body = { text, conversation_id: conversationId, shown: label.slice(0, 300) };
    if (choice) body.choice = choice;
    if (region && region.code) body.region = region.code;
    try {
      const response = await fetch("/api/chat/stream", { method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" }, body: JSON.stringify(body) });
      if (!response.ok) {
        const data = await response.json().catch(() => ({}));
        showError(node, data.detail || say("failed"));
      } else {
        await readEvents(response, node, label);
      }
    } catch (e) {
      showError(node, say("offline"));
    } finally {
      messages.setAttribute("aria-busy", "false");
      busy = false;
      sendButton.disabled = false;
      showStatus("");
      node.scrollIntoView({ block: "start" }); // the first line of the answer at the top
      const next = choice || shown ? node.querySelector(".choices button:not([disabled])") : null;
      (next || input).focus({ preventScroll: true });
    }
  }

  function showError(node, text) {
    node.replaceChildren(el("p", {}, text));
    node.classList.add("error");
    node.setAttribute("aria-busy", "false");
  }

  async function readEvents(response, node, question) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "", streamed = "";
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
        if (event === "chunk") { streamed += data.text; O.paragraphs(node, streamed); }
        else if (event === "reply") { O.renderReply(node, data, context(question)); afterReply(data); }
        else if (event === "error") showError(node, data.detail);
      }
    }
  }

  async function postJson(url, body) {
    try {
      const response = await fetch(url, { method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const data = await response.json().catch(() => ({}));
      return response.ok ? Object.assign({ ok: true }, data)
        : { ok: false, detail: data.detail || say("failed_later") };
    } catch (e) {
      return { ok: false, detail: say("offline") };
    }
  }

  // "Useful? Yes No" under an answer, in that answer's language
  function feedbackBar(answerId, lang) {
    const bar = el("div", { class: "feedback", role: "group", "aria-label": O.t(lang, "feedback_group") });
    bar.appendChild(el("span", {}, O.t(lang, "feedback_question")));
    const status = el("span", { role: "status" });
    for (const [rating, word] of [["up", "yes"], ["down", "no"]]) {
      const b = el("button", { type: "button", "aria-label": O.t(lang, `feedback_${word}_label`), "aria-pressed": "false",
        "data-rating": rating }, O.t(lang, `feedback_${word}`));
      b.addEventListener("click", async () => {
        const ok = await postJson("/api/feedback", { answer_id: answerId, rating, conversation_id: conversationId });
        bar.querySelectorAll("button").forEach((x) => x.setAttribute("aria-pressed", String(x === b && ok.ok)));
        status.textContent = ok.ok ? O.t(lang, "feedback_thanks") : ok.detail;
      });
      bar.appendChild(b);
    }
    bar.appendChild(status);
    return bar;
  }

  // The status line under the form (role=status). ``repeat``: the text is already on screen
  // (the counter's warning), so it is only announced, not shown a second time.
  function showStatus(text, repeat) {
    formStatus.classList.toggle("visually-hidden", !!repeat);
    formStatus.textContent = text;
  }

  // -- the input: Enter sends, Shift+Enter is a new line, a counter warns before the limit ----
  let wasOver = false;
  function updateCounter(announce) {
    const n = input.value.trim().length;
    const over = n > maxChars;
    counter.hidden = n < maxChars * 0.8;
    counter.classList.toggle("over", over);
    input.setAttribute("aria-invalid", String(over));
    const values = { count: n.toLocaleString("nl-NL"), max: maxChars.toLocaleString("nl-NL") };
    counter.textContent = say(over ? "count_over" : "count", values);
    if ((over && !wasOver) || (over && announce)) showStatus(counter.textContent, true);
    if (!over && wasOver) showStatus("");
    wasOver = over;
  }

  function grow() {
    if (!input.value) { input.style.height = ""; return; }
    input.style.height = "auto";
    input.style.height = `${Math.min(input.scrollHeight + 4, window.innerHeight * 0.3)}px`;
  }

  input.addEventListener("input", () => { updateCounter(false); grow(); });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    if (text.trim().length > maxChars) { updateCounter(true); return; }
    input.value = "";
    updateCounter(false);
    grow();
    send(text, null);
  });

  messages.addEventListener("click", (event) => {
    const target = event.target.closest("button[data-text]");
    if (target) send(target.dataset.text, null);
  });

  // -- tools --------------------------------------------------------------------------------
  function updateExportLink() {
    $("export-link").href = `/api/chat/export.md?${new URLSearchParams({ conversation_id: conversationId })}`;
    updateReportLink();
  }

  // the report carries the regioscan this conversation completed, so it names the conversation
  function updateReportLink() {
    if (!region || !region.code) return;
    const q = new URLSearchParams({ conversation_id: conversationId });
    reportLink.href = `/api/reports/${encodeURIComponent(region.code)}.pdf?${q}`;
  }

  $("new-conversation").addEventListener("click", () => {
    conversationId = O.newId();
    localStorage.setItem("oogo.conversation", conversationId);
    messages.querySelectorAll("article:not(.intro)").forEach((n) => n.remove());
    showScan(null);
    updateExportLink();
    showStatus(say("new_conversation"));
    input.focus();
  });

  $("print-conversation").addEventListener("click", () => window.print());

  function startRound(opener) {
    const dialog = $("round-dialog");
    $("round-region").value = region && region.level !== "land" ? region.code : "";
    $("round-result").replaceChildren();
    O.openDialog(dialog, opener);
    $("round-region").focus();
  }

  $("round-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const out = $("round-result");
    const result = await postJson("/api/rounds", { region: $("round-region").value.trim().toUpperCase(), title: $("round-title").value.trim() });
    if (!result.ok) { out.replaceChildren(el("p", { class: "error-text" }, result.detail)); return; }
    out.replaceChildren(
      el("p", {}, result.message || say("round_created")),
      el("p", {}, say("round_code", { code: result.code })),
      el("p", {}, say("round_join", { code: result.code })),
      el("p", {}, say("round_token", { token: result.admin_token })));
  });

  // -- restoring the conversation -----------------------------------------------------------
  async function getJson(url) {
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      return response.ok ? await response.json() : null;
    } catch (e) { return null; }
  }

  // which indicators are real (imported from CBS) and which are demonstration data: the banner
  // then no longer says that every figure is demo, and the footer names the real ones
  function showFigures(cijfers) {
    if (!cijfers || !cijfers.real || !cijfers.real.length || !cijfers.text_nl) return;
    const banner = $("demo-banner").querySelector(".wrap");
    const cut = cijfers.text_nl.indexOf(": ");
    banner.replaceChildren(el("strong", {}, cijfers.text_nl.slice(0, cut + 1)),
      " " + cijfers.text_nl.slice(cut + 2) + " ", el("a", { href: "#over-de-cijfers" }, say("more_info")));
    const status = $("figures-status");
    status.textContent = cijfers.text_nl;
    status.hidden = false;
  }

  async function restore() {
    const [config, history] = await Promise.all([
      getJson("/api/chat/config"),
      getJson(`/api/chat/history?${new URLSearchParams({ conversation_id: conversationId })}`)]);
    if (config) {
      maxChars = config.max_message_chars || maxChars;
      $("demo-banner").hidden = !config.demo_data;
      showFigures(config.cijfers);
    }
    if (!history) return;
    if (!region && history.profile_region) setRegion(history.profile_region, true);
    messages.setAttribute("aria-live", "off"); // restored turns are not news: do not read them out
    let last = null;
    for (const turn of history.turns || []) {
      addUserMessage(turn.user || "…");
      last = el("article", { class: "message bot", "aria-busy": "false", "aria-label": say("assistant"), tabindex: "-1" });
      messages.appendChild(last);
      O.renderReply(last, turn.reply || {}, context(turn.user));
    }
    const scanOn = history.scan && history.scan.status === "active";
    disableOldScaleButtons(scanOn ? last : null);
    showScan(history.scan, false);
    if (last) last.scrollIntoView({ block: "start" });
    messages.setAttribute("aria-live", "polite");
    document.body.dataset.restored = String((history.turns || []).length);
  }

  if (region && region.code) setRegion(region, true);
  updateExportLink();
  restore().finally(() => { document.body.dataset.ready = "true"; });
})(window.OOGO);
