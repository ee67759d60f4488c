// The dashboard page: renders the state pushed every second over Server-Sent Events (/api/stream),
// opens a job's output on a click (/api/jobs/ID/output), and sends actions with the token. Every
// text from the cluster (arguments, output lines, errors) is set as text, never as HTML.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const chart = new RateChart($("chart"));
  let token = sessionStorage.getItem("mp4j-token") || "";
  let openJob = null, outputSource = null, deadShown = -1, searching = "", lastState = null;

  // ---- the token: from the URL printed at start (#token=...), kept for this tab only ----------
  if (location.hash.startsWith("#token=")) {
    token = decodeURIComponent(location.hash.slice(7));
    sessionStorage.setItem("mp4j-token", token);
    history.replaceState(null, "", location.pathname + location.search); // out of the address bar and history
  }
  function showToken() { $("token-state").textContent = token ? "token set" : "no token: actions disabled"; }
  $("token-form").addEventListener("submit", (e) => {
    e.preventDefault();
    token = $("token").value.trim();
    sessionStorage.setItem("mp4j-token", token);
    $("token").value = "";
    showToken();
  });
  showToken();

  // ---- small helpers ---------------------------------------------------------------------------
  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function row(cells) {
    const tr = document.createElement("tr");
    for (const cell of cells) tr.appendChild(cell instanceof Node ? wrap(cell) : el("td", cell));
    return tr;
  }
  function wrap(node) { const td = document.createElement("td"); td.appendChild(node); return td; }
  function fill(tbody, rows, empty) {
    tbody.replaceChildren(...rows);
    if (!rows.length && empty) { const tr = row([empty]); tr.firstChild.colSpan = 9; tr.className = "muted"; tbody.appendChild(tr); }
  }
  function ago(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    if (s < 60) return s + "s";
    if (s < 3600) return Math.floor(s / 60) + "m" + String(s % 60).padStart(2, "0") + "s";
    return Math.floor(s / 3600) + "h" + String(Math.floor(s % 3600 / 60)).padStart(2, "0") + "m";
  }
  function duration(ms) { return ms === null || ms === undefined ? "" : ms < 1000 ? ms + " ms" : (ms / 1000).toFixed(1) + " s"; }
  function clock(ms) { return ms ? new Date(ms).toLocaleTimeString() : ""; }
  function bar(done, total) {
    const outer = el("span", null, "bar"), inner = el("span");
    inner.style.width = Math.round(100 * done / Math.max(1, total)) + "%";
    outer.title = done + "/" + total;
    outer.appendChild(inner);
    return outer;
  }

  // ---- rendering the state ---------------------------------------------------------------------
  function render(state) {
    lastState = state;
    $("broker").textContent = "namespace " + state.broker.namespace + " · " + state.broker.uri;
    $("error").hidden = !state.error;
    $("error").textContent = state.error || "";
    $("rate-now").textContent = state.rates.tasksPerSecond.toFixed(1);
    $("fail-now").textContent = state.rates.failuresPerSecond.toFixed(1);
    $("jobs-kept").textContent = state.jobsKept + " / " + state.jobsWindow;
    chart.draw(state.rates);
    renderWorkers(state);
    renderQueues(state.queues);
    renderRunning(state);
    if (!searching) renderRecent(state.recent);
    if (state.queues.deadLetters !== deadShown) { deadShown = state.queues.deadLetters; loadDead(); }
    if (window.mp4jFirstState === undefined) window.mp4jFirstState = performance.now();
  }

  function renderWorkers(state) {
    const busy = state.workers.reduce((n, w) => n + w.busy, 0), slots = state.workers.reduce((n, w) => n + w.capacity, 0);
    $("worker-count").textContent = state.workers.length + " live · " + busy + " of " + slots + " slots busy";
    fill($("workers").tBodies[0], state.workers.map((w) => {
      const tr = row([w.name, w.host, w.pid, w.busy + "/" + w.capacity, ago(state.at - w.startedAt), w.completed, w.queues.join(", ")]);
      tr.dataset.worker = w.name;
      return tr;
    }), "no worker answered");
  }

  function renderQueues(q) {
    $("waiting").textContent = q.waiting.reduce((n, x) => n + x.waiting, 0);
    $("delayed").textContent = q.delayed;
    $("dead-count").textContent = q.deadLetters;
    const rows = q.waiting.map((x) => row([x.name, "jobs", x.waiting, ""]));
    for (const u of q.user) rows.push(row([u.name, u.exists ? "user queue" : "user queue (missing)", u.size, u.maxsize || "∞"]));
    fill($("queues").tBodies[0], rows);
  }

  function renderRunning(state) {
    $("running-count").textContent = state.running.length ? state.running.length + " now" : "";
    fill($("running").tBodies[0], state.running.map((j) => {
      const actions = document.createElement("span");
      actions.appendChild(actionButton("terminate", j.id, false));
      actions.appendChild(document.createTextNode(" "));
      actions.appendChild(actionButton("kill", j.id, true));
      const tr = row([j.task, j.args, j.worker + " (" + j.host + ":" + j.pid + ")", ago(state.at - j.startedAt),
        j.total ? bar(j.done, j.total) : "", actions]);
      return clickable(tr, j.id);
    }), "nothing running");
  }

  function renderRecent(jobs) {
    fill($("recent").tBodies[0], jobs.map((j) => {
      const outcome = el("span", j.state === "dead" ? "dead: " + j.outcome : j.outcome || j.state, "outcome-" + (j.state === "dead" ? "dead" : j.outcome));
      if (j.error) outcome.title = j.error;
      const tr = row([clock(j.endedAt || j.submittedAt), j.task, j.args, j.worker || "", duration(j.elapsedMs), outcome]);
      return clickable(tr, j.id);
    }), searching ? "no job matches" : "no job ended yet");
  }

  function clickable(tr, id) {
    tr.dataset.job = id;
    tr.classList.add("clickable");
    if (id === openJob) tr.classList.add("selected");
    tr.addEventListener("click", (e) => { if (e.target.tagName !== "BUTTON") showOutput(id); });
    return tr;
  }

  // ---- a job's output, replayed from its first line then live --------------------------------
  function showOutput(id) {
    if (outputSource) outputSource.close();
    openJob = id;
    $("output-section").hidden = false;
    $("output-job").textContent = id;
    $("output-lines").textContent = "";
    $("output-status").textContent = "reading…";
    outputSource = new EventSource("api/jobs/" + encodeURIComponent(id) + "/output");
    const add = (text) => { $("output-lines").textContent += text + "\n"; };
    outputSource.addEventListener("started", (e) => { const d = JSON.parse(e.data); $("output-status").textContent = "running on " + d.worker + " (" + d.host + ":" + d.pid + ")"; });
    outputSource.addEventListener("output", (e) => add(JSON.parse(e.data).line));
    outputSource.addEventListener("progress", (e) => { const d = JSON.parse(e.data); $("output-status").textContent = "progress " + d.done + "/" + d.total; });
    outputSource.addEventListener("retried", (e) => add("[retried: " + (JSON.parse(e.data).error || "") + "]"));
    for (const end of ["finished", "dead"]) {
      outputSource.addEventListener(end, (e) => {
        const d = JSON.parse(e.data);
        $("output-status").textContent = end + ": " + (d.outcome || "") + (d.error ? " · " + d.error : "");
        outputSource.close();
      });
    }
    outputSource.addEventListener("failed", (e) => { $("output-status").textContent = JSON.parse(e.data).error; outputSource.close(); });
  }
  $("output-close").addEventListener("click", () => { if (outputSource) outputSource.close(); openJob = null; $("output-section").hidden = true; });

  // ---- actions -------------------------------------------------------------------------------
  function actionButton(label, id, kill) {
    const button = el("button", label, "danger " + label);
    button.type = "button";
    button.disabled = !token;
    button.title = token ? label + " job " + id : "set the token first";
    button.addEventListener("click", () => act("api/jobs/" + encodeURIComponent(id) + "/terminate" + (kill ? "?kill=true" : ""), label + " " + id));
    return button;
  }

  async function act(path, what) {
    const response = await fetch(path, { method: "POST", headers: { Authorization: "Bearer " + token } });
    const body = await response.json().catch(() => ({}));
    $("action-result").textContent = response.ok ? what + ": sent" : what + ": " + (body.error || response.status);
    if (response.ok && path.startsWith("api/dead/")) loadDead();
  }

  async function loadDead() {
    const response = await fetch("api/dead?limit=50");
    const letters = response.ok ? await response.json() : [];
    fill($("dead").tBodies[0], letters.map((d) => {
      const replay = el("button", "replay", "replay");
      replay.type = "button";
      replay.disabled = !token;
      replay.addEventListener("click", () => act("api/dead/" + encodeURIComponent(d.id) + "/replay", "replay " + d.id));
      const tr = row([clock(d.deadAt), d.task, d.reason, d.error, d.arguments, replay]);
      tr.dataset.dead = d.id;
      return tr;
    }), "no dead letters");
  }

  // ---- search over every job kept -----------------------------------------------------------
  let searchTimer = null;
  $("search").addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(async () => {
      searching = $("search").value.trim();
      if (!searching) { if (lastState) renderRecent(lastState.recent); return; }
      const response = await fetch("api/jobs?limit=100&q=" + encodeURIComponent(searching));
      if (response.ok) renderRecent(await response.json());
    }, 250);
  });

  // ---- the live stream -----------------------------------------------------------------------
  const stream = new EventSource("api/stream");
  stream.addEventListener("state", (e) => render(JSON.parse(e.data)));
  stream.onopen = () => { $("link").textContent = "live"; $("link").className = "badge on"; };
  stream.onerror = () => { $("link").textContent = "reconnecting…"; $("link").className = "badge off"; };
})();
