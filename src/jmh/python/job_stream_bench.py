"""End-to-end figures of training jobs over HTTP, against a running service (Python standard library only).
Usage: python3 job_stream_bench.py BASE_URL [SUBSCRIBERS]
  - the seed job: from POST /jobs until its terminal event arrives on the stream (best of 5)
  - a long job (200,000 iterations, logEvery 200) with no subscriber, then with SUBSCRIBERS (default 1000) reading every event:
    its training time (result.elapsedMs) in both, and whether every subscriber got every event in order"""
import json, sys, threading, time, urllib.request

BASE = sys.argv[1].rstrip("/") + "/api/v1"
SUBSCRIBERS = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
SEED = {"data": {"synthetic": {"samplesPerClass": 100, "meanValue": 1.7, "bias": 1.0, "features": 2}}, "seed": 1,
        "optimizer": {"type": "sgd", "lr": 0.01, "momentum": 0.9}, "maxIterations": 1000, "targetAccuracy": 0.99, "logEvery": 20}
LONG = {"maxIterations": 200000, "targetAccuracy": 2.0, "logEvery": 200}


def post(path, body):
    req = urllib.request.Request(BASE + path, data=json.dumps(body).encode(), method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())


def get(path):
    with urllib.request.urlopen(BASE + path, timeout=60) as r:
        return json.loads(r.read())


def stream_ids(job_id):
    ids = []
    req = urllib.request.Request(BASE + "/jobs/%s/events" % job_id, headers={"Accept": "text/event-stream"})
    with urllib.request.urlopen(req, timeout=300) as r:
        for raw in r:
            line = raw.decode().rstrip("\r\n")
            if line.startswith("id:"):
                ids.append(int(line[3:]))
    return ids


def seed_end_to_end():
    t = time.perf_counter()
    job = post("/jobs", SEED)
    stream_ids(job["id"])
    return (time.perf_counter() - t) * 1e3


def long_job(subscribers):
    results, threads = [], []
    job = post("/jobs", LONG)
    for _ in range(subscribers):
        th = threading.Thread(target=lambda: results.append(stream_ids(job["id"])))
        th.start()
        threads.append(th)
    for th in threads:
        th.join()
    while get("/jobs/" + job["id"])["status"] not in ("SUCCEEDED", "FAILED", "CANCELLED"):
        time.sleep(0.05)
    done = get("/jobs/" + job["id"])
    complete = all(ids == list(range(1, len(results[0]) + 1)) for ids in results) if results else True
    return done["result"]["elapsedMs"], complete, len(results[0]) if results else 0


for _ in range(3):
    seed_end_to_end()
seed_ms = min(seed_end_to_end() for _ in range(5))
alone, _, _ = long_job(0)
alone = min(alone, long_job(0)[0])
crowded, complete, events = long_job(SUBSCRIBERS)
print(json.dumps({"seed_job_end_to_end_ms": round(seed_ms, 1), "long_job_ms_alone": round(alone, 1),
                  "long_job_ms_with_subscribers": round(crowded, 1), "subscribers": SUBSCRIBERS,
                  "every_subscriber_got_every_event": complete, "events_per_subscriber": events}))
