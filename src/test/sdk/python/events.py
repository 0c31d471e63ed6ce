"""A job's event stream read with httpx-sse, as a standard SSE client reads it: the whole stream ends
after the terminal status event; a resume with Last-Event-ID gets exactly the events after that id;
a resume past the end answers 204, which tells a reconnecting client to stop.
The job itself is created through the generated client; every request sends the key of BACKPROP_API_KEY.
Usage: python events.py BASE_URL"""
import json
import sys

import httpx
from httpx_sse import connect_sse

import backprop_client as bp
from _auth import authorization, configuration

TERMINAL = {"SUCCEEDED", "FAILED", "CANCELLED"}
# Each event's data as the spec types it (JobEvent): read through the generated models, which refuse a mismatch.
DATA = {"status": bp.JobStatusEvent, "metrics": bp.JobMetrics, "thinned": bp.JobThinnedEvent}


def read_events(http, url, last_event_id=None):
    """The stream's events as (id, event, data) until the server ends it; None when it answers 204."""
    headers = {"Last-Event-ID": last_event_id} if last_event_id else {}
    with connect_sse(http, "GET", url, headers=headers) as source:
        if source.response.status_code == 204:
            return None
        assert source.response.status_code == 200, "the stream answered %d" % source.response.status_code
        events = [(int(e.id), e.event, e.data) for e in source.iter_sse()]
    for _, name, data in events:
        DATA[name].from_json(data)
    return [(event_id, name, json.loads(data)) for event_id, name, data in events]


def main(base):
    with bp.ApiClient(configuration(base)) as client:
        job = bp.JobsApi(client).create_job(bp.CreateJobRequest(
            seed=1, data=bp.JobData(bp.SyntheticJobData(synthetic=bp.SyntheticSamples(
                samples_per_class=100, mean_value=1.7, bias=1.0, features=2))),
            max_iterations=200, target_accuracy=0.99, log_every=20))
    assert isinstance(job, bp.JobView), "createJob answered %r, not a JobView" % (job,)
    url = "%s/api/v1/jobs/%s/events" % (base, job.id)

    with httpx.Client(timeout=httpx.Timeout(30.0), headers=authorization()) as http:
        events = read_events(http, url)
        assert events, "the stream answered 204 before any event"
        ids = [event_id for event_id, _, _ in events]
        assert ids == list(range(1, len(events) + 1)), "event ids %s" % ids
        last_id, last_name, last_data = events[-1]
        assert last_name == "status" and last_data["status"] in TERMINAL, "the stream ended on %r" % (events[-1],)
        assert not any(name == "status" and data["status"] in TERMINAL for _, name, data in events[:-1]), events
        assert any(name == "metrics" for _, name, _ in events), "no metrics event in %r" % events

        middle = len(events) // 2
        resumed = read_events(http, url, str(middle))
        assert resumed == events[middle:], "resumed after %d: %r" % (middle, resumed)

        past_end = read_events(http, url, str(last_id))
        assert past_end is None, "a resume after the terminal event answered 200 with %r, not 204" % (past_end,)
    print("events.py: %d events ending on %s; the resume after %d got the rest; past the end 204"
          % (len(events), last_data["status"], middle))


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"))
