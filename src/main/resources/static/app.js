// The live training page: starts a job, follows its event stream, and redraws the boundary and curves.
const api = "/api/v1";
let boundaryChart, curvesChart, source;

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
  const response = await fetch(`${api}/jobs/${id}/points`);
  if (!response.ok) return;
  const { x, y } = await response.json();
  if (x.length === 0 || x[0].length !== 2) return;
  boundaryChart.data.datasets[0].data = x.filter((_, i) => y[i] === 0).map(([a, b]) => ({ x: a, y: b }));
  boundaryChart.data.datasets[1].data = x.filter((_, i) => y[i] === 1).map(([a, b]) => ({ x: a, y: b }));
  boundaryChart.update();
}

function follow(id) {
  if (source) source.close();
  document.getElementById("job-id").textContent = id;
  curvesChart.data.labels = [];
  curvesChart.data.datasets.forEach(d => d.data = []);
  boundaryChart.data.datasets.forEach(d => d.data = []);
  drawPoints(id);
  source = new EventSource(`${api}/jobs/${id}/events`);
  source.addEventListener("metrics", e => show(JSON.parse(e.data)));
  source.addEventListener("status", e => {
    const { status } = JSON.parse(e.data);
    document.getElementById("status").textContent = status;
    if (["SUCCEEDED", "FAILED", "CANCELLED"].includes(status)) {
      source.close();
      listJobs();
    }
  });
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
  const response = await fetch(`${api}/jobs`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const job = await response.json();
  if (!response.ok) {
    document.getElementById("status").textContent = job.detail || response.status;
    return;
  }
  follow(job.id);
}

async function listJobs() {
  const response = await fetch(`${api}/jobs`);
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
listJobs();
