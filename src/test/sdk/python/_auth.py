"""The run's API key, from BACKPROP_API_KEY (.ci/run makes a fresh one per run), and the generated client's
configuration that sends it as a bearer token."""
import os
import sys

import backprop_client as bp


def api_key():
    key = os.environ.get("BACKPROP_API_KEY")
    if not key:
        sys.exit("BACKPROP_API_KEY is not set: the SDK runs call the service with an API key")
    return key


def configuration(host):
    return bp.Configuration(host=host, access_token=api_key())


def authorization():
    """The header that carries the key on requests made without the generated client."""
    return {"Authorization": "Bearer " + api_key()}
