// A training job through the generated TypeScript client's typed models, optimizer SGD(lr=0.05, momentum=0.9):
// its result equals that of the same job posted as raw JSON, and its plot is a PNG.
// Usage: node job.js BASE_URL [PICTURE_URL]
// PICTURE_URL, when given, is where the PNG is fetched: a proxy that reads bodies as text (Prism does) corrupts it.
// Every request sends the key of BACKPROP_API_KEY.
import { strict as assert } from "node:assert";
import { JobOptimizerTypeEnum, JobPlotFormatEnum, JobsApi, JobView } from "backprop-client";
import { authorization, configuration } from "./_auth";
import { run } from "./_run";

const TERMINAL = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);
const RAW = {
  data: { synthetic: { samplesPerClass: 100, meanValue: 1.7, bias: 1.0, features: 2 } }, seed: 1,
  optimizer: { type: "sgd", lr: 0.05, momentum: 0.9 }, maxIterations: 1000, targetAccuracy: 0.99, logEvery: 20,
};

async function finished(jobs: JobsApi, id: string): Promise<JobView> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const job = await jobs.getJob({ id });
    if (TERMINAL.has(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} did not finish within 60 s`);
}

async function main(base: string): Promise<void> {
  const jobs = new JobsApi(configuration(base));
  const accepted = await jobs.createJob({
    createJobRequest: {
      data: { synthetic: { samplesPerClass: 100, meanValue: 1.7, bias: 1.0, features: 2 } },
      seed: 1, optimizer: { type: JobOptimizerTypeEnum.Sgd, lr: 0.05, momentum: 0.9 },
      maxIterations: 1000, targetAccuracy: 0.99, logEvery: 20,
    },
  });
  const typed = await finished(jobs, accepted.id);

  const posted = await fetch(`${base}/api/v1/jobs`, {
    method: "POST", headers: { "Content-Type": "application/json", ...authorization() }, body: JSON.stringify(RAW),
  });
  assert.equal(posted.status, 202);
  const raw = await finished(jobs, ((await posted.json()) as { id: string }).id);

  assert.deepEqual([typed.status, raw.status], ["SUCCEEDED", "SUCCEEDED"]);
  const { elapsedMs: _typedMs, ...mine } = typed.result!;
  const { elapsedMs: _rawMs, ...theirs } = raw.result!;
  assert.deepEqual(mine, theirs, "the typed job's result differs from the raw JSON job's");

  const pictureBase = (process.argv[3] ?? base).replace(/\/$/, "");
  const plot = await new JobsApi(configuration(pictureBase)).jobPlot({ id: typed.id, format: JobPlotFormatEnum.Png });
  const head = new Uint8Array(await plot.arrayBuffer()).slice(0, 8);
  assert.deepEqual(Array.from(head), [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "the plot is not a PNG");
  console.log(`job.ts: SGD(lr=0.05, momentum=0.9) typed = raw JSON after ${mine.iterations} iterations; the plot is a PNG of ${plot.size} bytes`);
}

run(main);
