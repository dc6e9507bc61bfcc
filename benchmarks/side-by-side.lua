-- wrk script of benchmarks/side-by-side.sh, the same for every row. The request headers come from
-- the environment, so no credential is ever written into a file: BENCH_AUTHORIZATION (the whole
-- Authorization header value) and BENCH_IF_NONE_MATCH (an ETag), each sent only when set.
local authorization = os.getenv("BENCH_AUTHORIZATION")
local tag = os.getenv("BENCH_IF_NONE_MATCH")
if authorization ~= nil and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
end
if tag ~= nil and tag ~= "" then
  wrk.headers["If-None-Match"] = tag
end

-- One line the runner parses; latencies in microseconds. "status" counts answers outside 2xx/3xx.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "side-by-side: requests=%d duration_us=%d bytes=%d p50_us=%d p99_us=%d"
      .. " connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
