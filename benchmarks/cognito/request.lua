-- One Cognito AWS JSON request, repeated; every answer must be 200. Set by the benchmark scripts through
-- environment variables:
--   BENCH_TARGET    the operation (X-Amz-Target suffix)
--   BENCH_PREFIX    the X-Amz-Target prefix (AWSCognitoIdentityProviderService, AWSCognitoIdentityService)
--   BENCH_SERVICE   the service the unsigned Authorization header names (cognito-idp, cognito-identity)
--   BENCH_BODY      the JSON body; {n} becomes a unique counter (SignUp, AdminCreateUser)
--   BENCH_PAGINATE  1: follow PaginationToken from the answers (ListUsers walks the listing, then starts over)
--   BENCH_HEADERS   extra headers, one "Name: value" per line (a SigV4 signature made for BENCH_BODY)
local target = os.getenv("BENCH_TARGET")
local template = os.getenv("BENCH_BODY")

local paginate = os.getenv("BENCH_PAGINATE") == "1"
local counter = 0

local failures = 0
local nextToken = nil

function init(args)
  math.randomseed(os.time() * 1000 + math.floor(os.clock() * 1000000))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
  wrk.headers["X-Amz-Target"] = (os.getenv("BENCH_PREFIX") or "AWSCognitoIdentityProviderService") .. "." .. target
  local service = os.getenv("BENCH_SERVICE") or "cognito-idp"
  wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/" .. service .. "/aws4_request, SignedHeaders=host, Signature=00"
  for line in (os.getenv("BENCH_HEADERS") or ""):gmatch("[^\n]+") do
    local name, value = line:match("^([^:]+):%s*(.*)$")
    if name then wrk.headers[name] = value end
  end
end

function request()
  counter = counter + 1
  local body = template:gsub("{n}", tostring(counter) .. "-" .. tostring(math.random(1, 1000000000)))
  if paginate and nextToken then
    body = body:sub(1, -2) .. ',"PaginationToken":"' .. nextToken .. '"}'
  end
  return wrk.format(nil, "/", nil, body)
end

function response(status, headers, body)

  if status ~= 200 then
    failures = failures + 1
    if failures == 1 then io.stderr:write("first failure: " .. status .. " " .. body .. "\n") end
  elseif paginate then
    nextToken = body:match('"PaginationToken"%s*:%s*"([^"]*)"')
  end

end

function done(summary, latency, requests)
  io.write(string.format("non200=%d\n", summary.errors.status))
end
