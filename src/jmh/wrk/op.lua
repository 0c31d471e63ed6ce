-- One op per request: wrk -t2 -c8 -d10s -s src/jmh/wrk/op.lua http://127.0.0.1:8080/api/v1/sessions/$S/ops
-- (the session holds float32 leaves w and x; see README, Performance)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"op": "add", "inputs": ["w", "x"], "out": "a"}'
