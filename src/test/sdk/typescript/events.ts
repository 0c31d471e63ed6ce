// A job's event stream read with the npm `eventsource` package, a standard EventSource: the stream
// ends after the terminal status event and the source then stops by itself (the server answers its
// reconnection with 204) instead of reconnecting forever; a source that starts with Last-Event-ID gets
// exactly the events after that id. The job itself is created through the generated client; every request
// sends the key of BACKPROP_API_KEY.
// Usage: node events.js BASE_URL
import { strict as assert } from "node:assert";
import { EventSource } from "eventsource";
import { JobsApi } from "backprop-client";
import { authorization, configuration } from "./_auth";
import { run } from "./_run";

const TERMINAL = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);
const EVENT_NAMES = ["status", "metrics"];
// Longer than the stream's retry (2 s): a source that has not stopped by then has reconnected.
const STOP_WITHIN_MS = 8000;

interface Received {
  id: number;
  event: string;
  data: { status?: string };
}

/**
 * Every event until the source closes itself on a 204 (resolves); rejects when it is still open or reconnecting
 * STOP_WITHIN_MS after the terminal event, when it fails otherwise, or after a minute.
 */
function readUntilStopped(url: string, lastEventId?: string): Promise<Received[]> {
  // Every request carries the key (an EventSource sets no headers of its own); the first one resumes after
  // lastEventId, a reconnection sends the source's own Last-Event-ID.
  const fetchWithKey: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set("Authorization", authorization().Authorization);
    if (lastEventId && !headers.has("Last-Event-ID")) headers.set("Last-Event-ID", lastEventId);
    return fetch(input, { ...init, headers });
  };
  const source = new EventSource(url, { fetch: fetchWithKey });
  const received: Received[] = [];
  let connections = 0;
  return new Promise<Received[]>((resolve, reject) => {
    let deadline = setTimeout(() => fail(`no terminal event within a minute (${received.length} events)`), 60_000);
    const fail = (why: string) => {
      source.close();
      reject(new Error(`${why}; ${connections} connections, last event ${JSON.stringify(received.at(-1))}`));
    };
    source.onopen = () => { connections += 1; };
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (message) => {
        const data = JSON.parse(message.data) as Received["data"];
        received.push({ id: Number(message.lastEventId), event: name, data });
        if (name === "status" && data.status !== undefined && TERMINAL.has(data.status)) {
          clearTimeout(deadline);
          deadline = setTimeout(() => fail(`the source was still ${source.readyState === source.CONNECTING
            ? "reconnecting" : "open"} ${STOP_WITHIN_MS} ms after the terminal event`), STOP_WITHIN_MS);
        }
      });
    }
    source.onerror = (error) => {
      if (source.readyState !== source.CLOSED) return;
      clearTimeout(deadline);
      if (error.code === 204) resolve(received);
      else fail(`the source failed: ${error.code} ${error.message}`);
    };
  });
}

async function main(base: string): Promise<void> {
  const jobs = new JobsApi(configuration(base));
  const job = await jobs.createJob({
    createJobRequest: {
      seed: 1,
      data: { synthetic: { samplesPerClass: 100, meanValue: 1.7, bias: 1.0, features: 2 } },
      maxIterations: 200, targetAccuracy: 0.99, logEvery: 20,
    },
  });
  assert.equal(typeof job.id, "string", `createJob answered ${JSON.stringify(job)}`);
  const url = `${base}/api/v1/jobs/${job.id}/events`;

  const events = await readUntilStopped(url);
  assert.deepEqual(events.map((e) => e.id), events.map((_, i) => i + 1), "event ids");
  const last = events.at(-1)!;
  assert.ok(last.event === "status" && TERMINAL.has(last.data.status!), `the stream ended on ${JSON.stringify(last)}`);
  assert.ok(events.some((e) => e.event === "metrics"), "no metrics event");

  const middle = Math.floor(events.length / 2);
  const resumed = await readUntilStopped(url, String(middle));
  assert.deepEqual(resumed, events.slice(middle), `resumed after ${middle}`);
  console.log(`events.ts: ${events.length} events ending on ${last.data.status}; the resume after ${middle} got the rest; the source stopped by itself`);
}

run(main);
