#!/usr/bin/env bash
# Opens a session holding float32 leaves w and x on a running service and prints its id, for the wrk scripts here.
set -euo pipefail
base=${1:-http://127.0.0.1:8080}/api/v1
sid=$(curl -sf -X POST "$base/sessions" | sed -E 's/.*"id":"([^"]+)".*/\1/')
for t in '{"name": "w", "data": [1.0], "requiresGrad": true}' '{"name": "x", "data": [2.0], "requiresGrad": true}'; do
  curl -sf -X POST "$base/sessions/$sid/tensors" -H 'Content-Type: application/json' -d "$t" >/dev/null
done
echo "$sid"
