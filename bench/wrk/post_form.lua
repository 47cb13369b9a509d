-- Posts the mail form through nginx at a fixed rate, one pre-signed token per request
-- (tokens are single use). Run with one thread (-t1): the schedule and the token index
-- belong to the thread.
--
-- Pacing: the connections share one schedule of send times, BENCH_RATE a second. When
-- a connection is free again, delay() gives it the next slot; if the service is too
-- slow and every connection is busy, slots pass unused and the reached rate (printed by
-- bench/load.py) falls below the target. Without a wall clock in Lua's standard
-- library, the time comes from gettimeofday through LuaJIT's ffi.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_usec; } bench_timeval;
int gettimeofday(bench_timeval *tv, void *tz);
]]
local clock = ffi.new("bench_timeval")

local function now_ms()
  ffi.C.gettimeofday(clock, nil)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_usec) / 1000
end

local tokens = {}
local index = 0
local interval = 1000 / tonumber(os.getenv("BENCH_RATE") or "10")
local slot = nil
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
  local now = now_ms()
  if slot == nil then
    slot = now
  end
  slot = math.max(slot + interval, now)
  return slot - now
end

function done(summary, latency, requests)
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
