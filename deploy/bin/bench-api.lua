-- wrk script of deploy/bin/bench-api: each request asks for an article page's suggestions for a
-- random reader and session; ids follow ApiBenchSeed (bench-a{n}, bench-r{n}). wrk's Lua has
-- math.random seeded per thread. Prints p50/p99/p99.9 and req/s on lines bench-api parses.
local articles = tonumber(os.getenv("BENCH_ARTICLES") or "20000")
local readers = tonumber(os.getenv("BENCH_READERS") or "100000")

function setup(thread)
  thread:set("seed", math.random(1, 2^30))
end

function init(args)
  math.randomseed(seed or os.time())
end

function request()
  local a = math.random(0, articles - 1)
  local r = math.random(0, readers - 1)
  local path = "/v1/recommendations?articleId=bench-a" .. a .. "&readerId=bench-r" .. r
    .. "&sessionId=bench-s" .. r .. "&limit=6"
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("errors %d\n", summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout))
  io.write(string.format("rps %.0f\n", summary.requests / seconds))
  io.write(string.format("p50_ms %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("p99_ms %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("p999_ms %.3f\n", latency:percentile(99.9) / 1000))
end
