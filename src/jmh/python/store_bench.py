"""What keeping jobs in the database costs (Python standard library only; it starts the packaged service itself).

1. The same job on a service with jobs in memory and on one with the embedded store, in alternating order, ROUNDS
   rounds after three to warm up, for logEvery 1 and the default 20: the training time the job reports (result.elapsedMs) and the wall time
   from POST /jobs until its terminal event arrives on its stream. Prints the median ratio store / memory of each.
2. Restart to ready: a service on an embedded store holding 1,000 finished jobs, stopped and started again, against
   the same on an empty store: the time from the process's start until /actuator/health/readiness answers 200.

Usage: python3 store_bench.py target/backprop-*.jar [ROUNDS] [ITERATIONS]
(java is $JAVA_HOME/bin/java, else the one on the PATH.)"""
import json, os, shutil, signal, socket, statistics, subprocess, sys, tempfile, time, urllib.error, urllib.request

JAR = sys.argv[1]
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 9
ITERATIONS = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
JAVA = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if "JAVA_HOME" in os.environ else "java"
STORED_JOBS = 1000


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Service:
    def __init__(self, *settings):
        self.port, self.management = free_port(), free_port()
        self.log = tempfile.NamedTemporaryFile(prefix="store-bench", suffix=".log", delete=False)
        self.started = time.perf_counter()
        self.process = subprocess.Popen([JAVA, "--add-modules=jdk.incubator.vector", "-jar", JAR, "--server.port=%d" % self.port,
                                         "--management.server.port=%d" % self.management, "--backprop.jobs.concurrency=1",
                                         "--backprop.jobs.keep-finished=%d" % (STORED_JOBS + 100), "--backprop.jobs.keep-for=24h",
                                         *settings], stdout=self.log, stderr=subprocess.STDOUT)
        self.ready_seconds = self.wait_ready()
        self.base = "http://127.0.0.1:%d/api/v1" % self.port

    def wait_ready(self):
        url = "http://127.0.0.1:%d/actuator/health/readiness" % self.management
        while True:
            if self.process.poll() is not None:
                raise SystemExit("the service exited; see " + self.log.name)
            try:
                with urllib.request.urlopen(url, timeout=1) as r:
                    if r.status == 200:
                        return time.perf_counter() - self.started
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.02)

    def post(self, path, body):
        req = urllib.request.Request(self.base + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read())

    def get(self, path):
        with urllib.request.urlopen(self.base + path, timeout=60) as r:
            return json.loads(r.read())

    def run_job(self, spec):
        """The job's reported training time and the wall time until its terminal event, in ms."""
        start = time.perf_counter()
        job = self.post("/jobs", spec)
        req = urllib.request.Request(self.base + "/jobs/%s/events" % job["id"], headers={"Accept": "text/event-stream"})
        with urllib.request.urlopen(req, timeout=600) as r:
            for _ in r:
                pass
        wall = (time.perf_counter() - start) * 1e3
        result = self.get("/jobs/" + job["id"])
        if result["status"] != "SUCCEEDED":
            raise SystemExit("job ended " + result["status"])
        return result["result"]["elapsedMs"], wall

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(60)


def job(log_every):
    return {"seed": 1, "maxIterations": ITERATIONS, "targetAccuracy": 2.0, "logEvery": log_every}


def job_cost():
    folder = tempfile.mkdtemp(prefix="store-bench")
    memory = Service("--backprop.store.type=memory")
    stored = Service("--backprop.store.type=embedded", "--backprop.store.path=" + folder)
    try:
        report = {}
        for log_every in (1, 20):
            for _ in range(3):
                for service in (memory, stored):
                    service.run_job(job(log_every))
            training, wall = [], []
            for r in range(ROUNDS):
                pair = (memory, stored) if r % 2 == 0 else (stored, memory)
                times = {id(s): s.run_job(job(log_every)) for s in pair}
                m, s = times[id(memory)], times[id(stored)]
                training.append(s[0] / m[0])
                wall.append(s[1] / m[1])
                print("logEvery %d round %d: memory %.0f ms (wall %.0f), store %.0f ms (wall %.0f)" % (log_every, r, m[0], m[1], s[0], s[1]),
                      file=sys.stderr)
            report["logEvery=%d" % log_every] = {"training_ratio_median": round(statistics.median(training), 3),
                                                 "training_ratio_range": [round(min(training), 3), round(max(training), 3)],
                                                 "wall_ratio_median": round(statistics.median(wall), 3),
                                                 "wall_ratio_range": [round(min(wall), 3), round(max(wall), 3)]}
        return report
    finally:
        memory.stop()
        stored.stop()
        shutil.rmtree(folder, ignore_errors=True)


def restart_to_ready():
    full, empty = tempfile.mkdtemp(prefix="store-bench-full"), tempfile.mkdtemp(prefix="store-bench-empty")
    try:
        service = Service("--backprop.store.path=" + full)
        small = {"maxIterations": 50, "logEvery": 10}
        for _ in range(STORED_JOBS):
            service.run_job(small)
        service.stop()
        Service("--backprop.store.path=" + empty).stop()
        times = {"stored_jobs": [], "empty_store": []}
        for _ in range(3):
            for name, folder in (("stored_jobs", full), ("empty_store", empty)):
                service = Service("--backprop.store.path=" + folder)
                if name == "stored_jobs" and len(service.get("/jobs?pageSize=1000")) != STORED_JOBS:
                    raise SystemExit("the restarted service does not list the stored jobs")
                times[name].append(service.ready_seconds)
                service.stop()
        return {"ready_seconds_with_%d_jobs" % STORED_JOBS: [round(t, 2) for t in times["stored_jobs"]],
                "ready_seconds_empty_store": [round(t, 2) for t in times["empty_store"]]}
    finally:
        shutil.rmtree(full, ignore_errors=True)
        shutil.rmtree(empty, ignore_errors=True)


print(json.dumps({"job_cost": job_cost(), "restart": restart_to_ready()}, indent=1))
