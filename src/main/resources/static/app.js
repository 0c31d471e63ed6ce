// The live training page: starts a job, follows its event stream, and redraws the boundary and curves.
// Where the service needs an API key the page asks for one and keeps it in this tab's session storage; it
// travels in the Authorization header only, so the event stream is read with fetch rather than EventSource.
const api = "/api/v1";
const KEY = "backprop.apiKey";
const TERMINAL = ["SUCCEEDED", "FAILED", "CANCELLED"];
let boundaryChart, curvesChart, following;

function headers(extra = {}) {
  const key = sessionStorage.getItem(KEY);
  return key ? { ...extra, Authorization: `Bearer ${key}` } : extra;
}

async function call(path, options = {}) {
  const response = await fetch(`${api}${path}`, { ...options, headers: headers(options.headers) });
  if (response.status === 401) await askForKey(response);
  return response;
}

async function askForKey(response) {
  const problem = await response.clone().json().catch(() => ({}));
  document.getElementById("key-reason").textContent = sessionStorage.getItem(KEY)
    ? `The key was refused: ${problem.detail || response.status}` : "This service needs an API key.";
  document.getElementById("key-form").hidden = false;
}

function useKey(event) {
  event.preventDefault();
  sessionStorage.setItem(KEY, document.getElementById("api-key").value.trim());
  document.getElementById("api-key").value = "";
  document.getElementById("key-form").hidden = true;
  listJobs();
}

function charts() {
  boundaryChart = new Chart(document.getElementById("boundary"), {
    type: "scatter",
    data: { datasets: [
      { label: "class 0", data: [], backgroundColor: "red", pointRadius: 3 },
      { label: "class 1", data: [], backgroundColor: "blue", pointRadius: 3 },
      { label: "boundary", data: [], type: "line", borderColor: "#1f77b4", pointRadius: 0, showLine: true }] },
    options: { animation: false, scales: { x: { min: -5, max: 7 }, y: { min: -7, max: 7 } } }
  });
  curvesChart = new Chart(document.getElementById("curves"), {
    type: "line",
    data: { labels: [], datasets: [
      { label: "loss", data: [], borderColor: "red", yAxisID: "loss" },
      { label: "accuracy", data: [], borderColor: "blue", yAxisID: "accuracy" }] },
    options: { animation: false, scales: { loss: { position: "left" }, accuracy: { position: "right", min: 0, max: 1 } } }
  });
}

function percent(a) { return (a * 100).toFixed(2) + "%"; }

function show(m) {
  document.getElementById("iteration").textContent = m.iteration;
  document.getElementById("loss").textContent = m.loss.toFixed(4);
  document.getElementById("accuracy").textContent = percent(m.accuracy);
  const [w0, w1] = m.weights;
  document.getElementById("title").textContent =
    `Iteration: ${m.iteration}\nw0:${w0.toFixed(2)} w1:${w1.toFixed(2)} b: ${m.bias.toFixed(2)} accuracy:${percent(m.accuracy)}`;
  if (m.weights.length === 2 && w1 !== 0) {
    boundaryChart.data.datasets[2].data = [-6, 6].map(x => ({ x, y: (-w0 * x - m.bias) / w1 }));
    boundaryChart.update();
  }
  curvesChart.data.labels.push(m.iteration);
  curvesChart.data.datasets[0].data.push(m.loss);
  curvesChart.data.datasets[1].data.push(m.accuracy);
  curvesChart.update();
}

async function drawPoints(id) {
  const response = await call(`/jobs/${id}/points`);
  if (!response.ok) return;
  const { x, y } = await response.json();
  if (x.length === 0 || x[0].length !== 2) return;
  boundaryChart.data.datasets[0].data = x.filter((_, i) => y[i] === 0).map(([a, b]) => ({ x: a, y: b }));
  boundaryChart.data.datasets[1].data = x.filter((_, i) => y[i] === 1).map(([a, b]) => ({ x: a, y: b }));
  boundaryChart.update();
}

/** One server-sent event from its lines: its name, id and data. */
function parseEvent(block) {
  const event = { name: "message", data: [] };
  for (const line of block.split(/\r?\n/)) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event.name = value;
    else if (field === "id") event.id = value;
    else if (field === "data") event.data.push(value);
  }
  return event;
}

/** Draws one event; true once the job has ended. */
function handle(event) {
  if (event.data.length === 0) return false;
  const data = JSON.parse(event.data.join("\n"));
  if (event.name === "metrics") show(data);
  if (event.name !== "status") return false;
  document.getElementById("status").textContent = data.status;
  return TERMINAL.includes(data.status);
}

/** Reads the job's stream until its terminal event, resuming with Last-Event-ID if the connection drops. */
async function follow(id) {
  if (following) following.abort();
  const controller = new AbortController();
  following = controller;
  document.getElementById("job-id").textContent = id;
  curvesChart.data.labels = [];
  curvesChart.data.datasets.forEach(d => d.data = []);
  boundaryChart.data.datasets.forEach(d => d.data = []);
  drawPoints(id);
  let lastId, ended = false;
  while (!ended && !controller.signal.aborted) {
    try {
      const extra = lastId ? { Accept: "text/event-stream", "Last-Event-ID": lastId } : { Accept: "text/event-stream" };
      const response = await call(`/jobs/${id}/events`, { headers: extra, signal: controller.signal });
      if (response.status === 204 || !response.ok) break;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        buffer += chunk.value;
        for (let end = buffer.search(/\r?\n\r?\n/); end >= 0; end = buffer.search(/\r?\n\r?\n/)) {
          const event = parseEvent(buffer.slice(0, end));
          buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, "");
          if (event.id) lastId = event.id;
          ended = handle(event) || ended;
        }
      }
    } catch (error) {
      if (controller.signal.aborted) return;
    }
    if (!ended) await new Promise(resume => setTimeout(resume, 1000));
  }
  if (ended) listJobs();
}

async function start(event) {
  event.preventDefault();
  const f = new FormData(event.target);
  const number = k => Number(f.get(k));
  const body = {
    seed: number("seed"),
    data: { synthetic: { samplesPerClass: number("samplesPerClass"), meanValue: number("meanValue"), bias: number("bias"), features: 2 } },
    optimizer: { type: f.get("type"), lr: number("lr"), momentum: number("momentum") },
    maxIterations: number("maxIterations"), targetAccuracy: number("targetAccuracy"), logEvery: number("logEvery")
  };
  if (body.optimizer.type === "adam") delete body.optimizer.momentum;
  const response = await call("/jobs", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const job = await response.json();
  if (!response.ok) {
    document.getElementById("status").textContent = job.detail || response.status;
    return;
  }
  follow(job.id);
}

async function listJobs() {
  const response = await call("/jobs");
  if (!response.ok) return;
  const list = document.getElementById("jobs");
  list.replaceChildren(...(await response.json()).map(j => {
    const item = document.createElement("li");
    item.textContent = `${j.createdAt} — ${j.status}` + (j.result ? ` — accuracy ${percent(j.result.accuracy)}` : "");
    item.addEventListener("click", () => follow(j.id));
    return item;
  }));
}

charts();
document.getElementById("job-form").addEventListener("submit", start);
document.getElementById("key-form").addEventListener("submit", useKey);
listJobs();
