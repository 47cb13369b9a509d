-- A flood of junk from one client: form posts with forged tokens, as fast as it goes.
-- Counts the answers nginx gave itself (429, its limit of POSTs per address) apart
-- from those formhandler gave (400 for a forged token).
local threads = {}
local counter = 0
refused_by_nginx = 0
refused_by_formhandler = 0

function setup(thread)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local body = "token=forged" .. counter .. "&bericht=spam" .. counter .. "&email=x%40example.org"
  return wrk.format("POST", "/contact/mail/",
    {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end

function response(status, headers, body)
  if status == 429 then
    refused_by_nginx = refused_by_nginx + 1
  elseif status >= 400 then
    refused_by_formhandler = refused_by_formhandler + 1
  end
end

function done(summary, latency, requests)
  local by_nginx, by_formhandler = 0, 0
  for _, thread in ipairs(threads) do
    by_nginx = by_nginx + thread:get("refused_by_nginx")
    by_formhandler = by_formhandler + thread:get("refused_by_formhandler")
  end
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d status_errors=%d socket_errors=%d by_nginx=%d by_formhandler=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    by_nginx, by_formhandler))
end
