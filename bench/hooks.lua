-- wrk script for both hooks. ENDPOINT=pre_order draws random orders from ORDERS seeded ones;
-- ENDPOINT=complete pays fresh orders, never the same one twice across threads.
local endpoint = os.getenv("ENDPOINT") or "pre_order"
local orders = tonumber(os.getenv("ORDERS") or "10000")
-- complete orders already used by earlier runs
local offset = tonumber(os.getenv("OFFSET") or "0")
local headers = { ["Content-Type"] = "application/json" }
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(id + os.time())
  successes, failures, counter = 0, 0, 0
end

request = function()
  if endpoint == "complete" then
    local order = string.format("ORD-C-%d-%d", id, offset + counter)
    counter = counter + 1
    return wrk.format("POST", "/hooks/ivr/complete/", headers, string.format(
      '{"username":"bench","password":"bench-pass","orderResultRequest":{"orderNumber":"%s","referenceNumber":"REF-%s","staffId":"S1"}}',
      order, order))
  end
  return wrk.format("POST", "/hooks/ivr/pre_order/", headers, string.format(
    '{"username":"bench","password":"bench-pass","orderNumber":"ORD-B-%d"}', math.random(0, orders - 1)))
end

response = function(status, hdrs, body)
  if status == 200 and string.find(body, '"success":true', 1, true) then
    successes = successes + 1
  else
    failures = failures + 1
  end
end

done = function(summary, latency, requests)
  local ok, bad, used = 0, 0, 0
  for _, thread in ipairs(threads) do
    ok = ok + thread:get("successes")
    bad = bad + thread:get("failures")
    used = math.max(used, thread:get("counter"))
  end
  io.write(string.format("RESULT endpoint=%s requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f non2xx=%d errors=%d successes=%d failures=%d used=%d\n",
    endpoint, summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    ok, bad, used))
end
