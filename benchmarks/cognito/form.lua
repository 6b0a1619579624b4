-- One form POST, repeated (the OAuth 2.0 token endpoint); every answer must be 200. Set through:
--   BENCH_BODY      the form body
--   BENCH_HEADERS   extra headers, one "Name: value" per line (Authorization: Basic …)
local failures = 0

function init(args)
  wrk.method = "POST"
  wrk.body = os.getenv("BENCH_BODY")
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  for line in (os.getenv("BENCH_HEADERS") or ""):gmatch("[^\n]+") do
    local name, value = line:match("^([^:]+):%s*(.*)$")
    if name then wrk.headers[name] = value end
  end
end

function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    if failures == 1 then io.stderr:write("first failure: " .. status .. " " .. body .. "\n") end
  end
end

function done(summary, latency, requests)
  io.write(string.format("non200=%d\n", summary.errors.status))
end
