-- One Cognito AWS JSON request, repeated; SignUp bodies get a unique username per request.
-- Set by run.py through environment variables: BENCH_TARGET, BENCH_BODY (with {n} for a counter).
local target = os.getenv("BENCH_TARGET")
local template = os.getenv("BENCH_BODY")
local counter = 0
local thread_id = 0
local failures = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
  wrk.headers["X-Amz-Target"] = "AWSCognitoIdentityProviderService." .. target
  wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=00"
end

function request()
  counter = counter + 1
  local body = template:gsub("{n}", tostring(id) .. "-" .. tostring(counter) .. "-" .. tostring(math.random(1, 1000000000)))
  return wrk.format(nil, "/", nil, body)
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
