"""The seed job end to end over HTTP, against a running service (Python standard library only): from POST /jobs
until its terminal event arrives on the job's stream; best and median of 9 after 3 to warm up.
Usage: python3 job_stream_bench.py BASE_URL
(Many subscribers on one job: job_subscribers.py.)"""
import json, sys, time, urllib.request

BASE = sys.argv[1].rstrip("/") + "/api/v1"
SEED = {"data": {"synthetic": {"samplesPerClass": 100, "meanValue": 1.7, "bias": 1.0, "features": 2}}, "seed": 1,
        "optimizer": {"type": "sgd", "lr": 0.01, "momentum": 0.9}, "maxIterations": 1000, "targetAccuracy": 0.99, "logEvery": 20}


def post(path, body):
    req = urllib.request.Request(BASE + path, data=json.dumps(body).encode(), method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
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


for _ in range(3):
    seed_end_to_end()
times = sorted(seed_end_to_end() for _ in range(9))
print(json.dumps({"seed_job_end_to_end_ms_best": round(times[0], 1), "seed_job_end_to_end_ms_median": round(times[4], 1)}))
