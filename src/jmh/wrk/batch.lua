-- Batches of 1,000 one-element ops: wrk -t1 -c2 -d10s -s src/jmh/wrk/batch.lua http://127.0.0.1:8080/api/v1/sessions/$S/ops
local ops = {}
for i = 0, 999 do
  ops[#ops + 1] = string.format('{"op": "add", "inputs": ["w", "x"], "out": "a%d"}', i % 10)
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"ops": [' .. table.concat(ops, ", ") .. ']}'
