-- wrk script of deploy/bin/bench-api: each request asks for an article page's suggestions for a
-- random reader and session; ids follow ApiBenchSeed (bench-a{n}, bench-r{n}). Articles are drawn
-- Zipf-distributed (exponent BENCH_ZIPF, default 1), as page views on a news portal are: a few
-- stories draw most of the traffic; readers uniformly, so the reader's own keys are rarely hot.
-- wrk's Lua has math.random seeded per thread. Prints figures on lines bench-api parses.
local articles = tonumber(os.getenv("BENCH_ARTICLES") or "20000")
local readers = tonumber(os.getenv("BENCH_READERS") or "100000")
local exponent = tonumber(os.getenv("BENCH_ZIPF") or "1")
local cdf = {}

function setup(thread)
  thread:set("seed", math.random(1, 2^30))
end

function init(args)
  math.randomseed(seed or os.time())
  local total = 0
  for k = 1, articles do
    total = total + 1 / k ^ exponent
    cdf[k] = total
  end
  for k = 1, articles do
    cdf[k] = cdf[k] / total
  end
end

-- the smallest rank whose cumulative share reaches u, by binary search
local function zipf()
  local u, lo, hi = math.random(), 1, articles
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < u then lo = mid + 1 else hi = mid end
  end
  return lo - 1
end

function request()
  local a = zipf()
  local r = math.random(0, readers - 1)
  local path = "/v1/recommendations?articleId=bench-a" .. a .. "&readerId=bench-r" .. r
    .. "&sessionId=bench-s" .. r .. "&limit=6"
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("errors %d\n", e.connect + e.read + e.write + e.timeout))
  io.write(string.format("bad_status %d\n", e.status)) -- wrk counts answers >= 400
  io.write(string.format("rps %.0f\n", summary.requests / seconds))
  io.write(string.format("p50_ms %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("p99_ms %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("p999_ms %.3f\n", latency:percentile(99.9) / 1000))
end
