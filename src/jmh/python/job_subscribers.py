"""A job's training time with N subscribers reading every event, against the same job with none, in the same run
(Python standard library only; one thread and non-blocking sockets, so the client takes as little CPU as it can
from the service it measures on the same machine).

Usage: python3 job_subscribers.py HOST:PORT [SUBSCRIBERS=1000] [ITERATIONS=200000] [ROUNDS=5]

Start the service with one training slot (--backprop.jobs.concurrency=1): a long job holds the slot while the
measured job waits QUEUED and its subscribers connect and receive the first event; then the long job is
cancelled and the measured job trains with every subscriber attached. Each round runs the job alone and with
the subscribers, in alternating order; the figure is the median ratio of the two training times (result.elapsedMs)."""
import http.client, json, re, selectors, socket, statistics, sys, time

HOST, PORT = sys.argv[1].split(":")
PORT = int(PORT)
SUBSCRIBERS = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
ITERATIONS = int(sys.argv[3]) if len(sys.argv) > 3 else 200000
ROUNDS = int(sys.argv[4]) if len(sys.argv) > 4 else 5
SPEC = {"maxIterations": ITERATIONS, "targetAccuracy": 2.0, "logEvery": max(1, ITERATIONS // 1000)}
# The holder logs as often as the measured job: a holder that never logs would leave the training loop
# compiled without its logging branch, and the measured job would start with a deoptimization.
HOLDER = {"maxIterations": 1000000, "targetAccuracy": 2.0, "logEvery": SPEC["logEvery"]}
ID = re.compile(rb"\nid: (\d+)\n")


def call(method, path, body=None):
    c = http.client.HTTPConnection(HOST, PORT, timeout=120)
    c.request(method, "/api/v1" + path, body=None if body is None else json.dumps(body),
              headers={"Content-Type": "application/json"})
    r = c.getresponse()
    data = r.read()
    c.close()
    return json.loads(data) if data else None


class Subscriber:
    """One event stream on a non-blocking socket: undoes the chunked transfer coding and checks that the ids
    run 1, 2, 3, …"""

    def __init__(self, job_id):
        self.sock = socket.create_connection((HOST, PORT))
        self.sock.sendall(("GET /api/v1/jobs/%s/events HTTP/1.1\r\nHost: %s\r\nAccept: text/event-stream\r\n\r\n"
                           % (job_id, HOST)).encode())
        self.sock.setblocking(False)
        self.raw = b""
        self.headers_done = False
        self.chunk_left = 0
        self.text = b"\n"
        self.last = 0
        self.in_order = True
        self.done = False

    def read(self):
        data = self.sock.recv(1 << 16)
        if not data:
            self.done = True
            return
        self.raw += data
        if not self.headers_done:
            head, sep, rest = self.raw.partition(b"\r\n\r\n")
            if not sep:
                return
            self.headers_done, self.raw = True, rest
        payload = []
        while self.raw:
            if self.chunk_left == 0:
                line, sep, rest = self.raw.partition(b"\r\n")
                if not sep:
                    break
                if not line:
                    self.raw = rest
                    continue
                size = int(line, 16)
                if size == 0:
                    self.done = True
                    self.raw = b""
                    break
                self.chunk_left, self.raw = size, rest
            part = self.raw[:self.chunk_left]
            payload.append(part)
            self.chunk_left -= len(part)
            self.raw = self.raw[len(part):]
        text = self.text + b"".join(payload)
        end = 0
        for m in ID.finditer(text):
            n = int(m.group(1))
            if n != self.last + 1:
                self.in_order = False
            self.last = n
            end = m.end()
        self.text = text[max(end, len(text) - 64):]


def run(subscribers):
    holder = call("POST", "/jobs", HOLDER)["id"]
    measured = call("POST", "/jobs", SPEC)["id"]
    if call("GET", "/jobs/" + measured)["status"] != "QUEUED":
        sys.exit("the measured job is not queued: start the service with --backprop.jobs.concurrency=1")
    sel = selectors.DefaultSelector()
    subs = []
    for _ in range(subscribers):
        s = Subscriber(measured)
        sel.register(s.sock, selectors.EVENT_READ, s)
        subs.append(s)
    while any(s.last == 0 for s in subs):
        for key, _ in sel.select(timeout=1):
            key.data.read()
    if call("GET", "/jobs/" + measured)["status"] != "QUEUED":
        sys.exit("the measured job started before its subscribers were all connected")
    call("POST", "/jobs/%s/cancel" % holder)
    open_ = len(subs)
    while open_:
        for key, _ in sel.select(timeout=1):
            s = key.data
            s.read()
            if s.done:
                sel.unregister(s.sock)
                s.sock.close()
                open_ -= 1
    while True:
        job = call("GET", "/jobs/" + measured)
        if job["status"] == "SUCCEEDED":
            break
        time.sleep(0.02)
    expected = subs[0].last if subs else 0
    complete = sum(1 for s in subs if s.in_order and s.last == expected)
    return job["result"]["elapsedMs"], complete, expected


for _ in range(2):
    run(SUBSCRIBERS)
ratios = []
for i in range(ROUNDS):
    # The order alternates, so that a drift over the run (JIT, heap, the machine) does not favour either side.
    if i % 2 == 0:
        alone, _, _ = run(0)
        crowded, complete, events = run(SUBSCRIBERS)
    else:
        crowded, complete, events = run(SUBSCRIBERS)
        alone, _, _ = run(0)
    ratios.append(crowded / alone)
    print("round %d: alone %.1f ms, with %d subscribers %.1f ms (%.3f×); %d of %d streams got all %d events in order"
          % (i + 1, alone, SUBSCRIBERS, crowded, crowded / alone, complete, SUBSCRIBERS, events), flush=True)
print(json.dumps({"subscribers": SUBSCRIBERS, "iterations": ITERATIONS, "median_ratio": round(statistics.median(ratios), 3)}))
