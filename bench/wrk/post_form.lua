-- Posts the mail form through nginx, one pre-signed token per request (tokens are
-- single use), each connection pausing BENCH_DELAY_MS between requests so that
-- the connections together send at the rate bench/load.py asked for. Run with one
-- thread (-t1): the token index is per thread.
local tokens = {}
local index = 0
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local message = "Ik%20maak%20me%20zorgen%20over%20mijn%20nichtje%3B%20ze%20heeft%20vaak%20blauwe%20plekken%20en%20wil%20niet%20naar%20huis."

function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    tokens[#tokens + 1] = line
  end
end

function request()
  index = index + 1
  local token = tokens[(index % #tokens) + 1]
  local body = "token=" .. token .. "&bericht=" .. message .. "&email=bench%40example.org"
  return wrk.format("POST", "/contact/mail/",
    {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end

function delay()
  return delay_ms
end

function done(summary, latency, requests)
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
