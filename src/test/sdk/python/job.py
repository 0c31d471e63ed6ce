"""A training job through the generated Python client's typed models, optimizer SGD(lr=0.05, momentum=0.9):
its result equals that of the same job posted as raw JSON, and its plot is a PNG.
Every request sends the key of BACKPROP_API_KEY.
Usage: python job.py BASE_URL [PICTURE_URL]
PICTURE_URL, when given, is where the PNG is fetched: a proxy that reads bodies as text (Prism does) corrupts it."""
import json
import sys
import time
import urllib.request

import backprop_client as bp
from _auth import authorization, configuration

TERMINAL = {"SUCCEEDED", "FAILED", "CANCELLED"}
RAW = {"data": {"synthetic": {"samplesPerClass": 100, "meanValue": 1.7, "bias": 1.0, "features": 2}}, "seed": 1,
       "optimizer": {"type": "sgd", "lr": 0.05, "momentum": 0.9}, "maxIterations": 1000, "targetAccuracy": 0.99,
       "logEvery": 20}


def finished(jobs, job_id):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job = jobs.get_job(job_id)
        if job.status.value in TERMINAL:
            return job
        time.sleep(0.05)
    raise AssertionError("job %s did not finish within 60 s" % job_id)


def main(base, picture_base):
    with bp.ApiClient(configuration(base)) as client:
        jobs = bp.JobsApi(client)
        typed = jobs.create_job(bp.CreateJobRequest(
            data=bp.JobData(bp.SyntheticJobData(synthetic=bp.SyntheticSamples(
                samples_per_class=100, mean_value=1.7, bias=1.0, features=2))),
            seed=1, optimizer=bp.JobOptimizer(type="sgd", lr=0.05, momentum=0.9),
            max_iterations=1000, target_accuracy=0.99, log_every=20))
        assert isinstance(typed, bp.JobView) and typed.status.value in ("QUEUED", "RUNNING"), typed
        typed = finished(jobs, typed.id)

        request = urllib.request.Request(base + "/api/v1/jobs", data=json.dumps(RAW).encode(),
                                         headers={"Content-Type": "application/json", **authorization()}, method="POST")
        with urllib.request.urlopen(request) as answer:
            assert answer.status == 202, answer.status
            raw_id = json.load(answer)["id"]
        raw = finished(jobs, raw_id)

        assert typed.status.value == raw.status.value == "SUCCEEDED", (typed.status, raw.status)
        mine, theirs = typed.result.to_dict(), raw.result.to_dict()
        mine.pop("elapsedMs"), theirs.pop("elapsedMs")
        assert mine == theirs, "typed job %r, raw job %r" % (mine, theirs)

    with bp.ApiClient(configuration(picture_base)) as client:
        png = bp.JobsApi(client).job_plot(typed.id, format="png")
        assert bytes(png[:8]) == b"\x89PNG\r\n\x1a\n", "the plot starts with %r" % bytes(png[:8])
    print("job.py: SGD(lr=0.05, momentum=0.9) typed = raw JSON after %d iterations, accuracy %s; the plot is a PNG of %d bytes"
          % (mine["iterations"], mine["accuracy"], len(png)))


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), (sys.argv[2] if len(sys.argv) > 2 else sys.argv[1]).rstrip("/"))
