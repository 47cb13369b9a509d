-- A flood of junk from one client: form posts with forged tokens, as fast as it goes.
local counter = 0

function request()
  counter = counter + 1
  local body = "token=forged" .. counter .. "&bericht=spam" .. counter .. "&email=x%40example.org"
  return wrk.format("POST", "/contact/mail/",
    {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end

function done(summary, latency, requests)
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
