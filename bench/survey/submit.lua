-- wrk script for the owner's submit endpoint (issue 5): every request is a new household's complete response with
-- its own code. Codes come from codes.csv (link,building,unit,room,code) as written by SurveyLoad.java; each wrk
-- thread takes its own slice of [first, first + count), so no code is sent twice. A thread whose slice is used up
-- stops. The CSRF cookie and the matching form token come from one GET of the page (the owners' pages are stateless,
-- so one token serves every request).
--   wrk -t2 -c32 -d20s -s submit.lua http://127.0.0.1:PORT -- codes.csv first count threads cookie csrf
local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local function enc(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local file, first, count, nthreads = args[1], tonumber(args[2]), tonumber(args[3]), tonumber(args[4])
  local cookie, csrf = args[5], args[6]
  rows = {}
  local i = 0
  for line in io.lines(file) do
    if i >= first and i < first + count and (i - first) % nthreads == index then
      table.insert(rows, line)
    end
    i = i + 1
  end
  firstCode = first
  threadCount = nthreads
  nextRow = 1
  ok = 0
  failed = 0
  headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }
  token = enc(csrf)
end

function request()
  local line = rows[nextRow]
  if line == nil then
    wrk.thread:stop()
    return wrk.format("GET", "/actuator/health")
  end
  nextRow = nextRow + 1
  local link, b, u, r, code = line:match("([^,]*),([^,]*),([^,]*),([^,]*),([^,]*)")
  local body = "via=link&building=" .. enc(b) .. "&unit=" .. enc(u) .. "&room=" .. enc(r) .. "&code=" .. code
      .. "&q.contract=S&q.sanitation=B&q.facilities=S&q.order=U&q.greening=S&_csrf=" .. token
  return wrk.format("POST", "/s/" .. link, headers, body)
end

function response(status, hdrs, body)
  if status == 200 and body:find('id="thanks"', 1, true) then
    ok = ok + 1
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local acknowledged, bad, used = 0, 0, 0
  local nextCode = threads[1]:get("firstCode")
  for _, t in ipairs(threads) do
    local n = t:get("nextRow") - 1
    acknowledged = acknowledged + t:get("ok")
    bad = bad + t:get("failed")
    used = used + n
    -- thread k sent codes first + k, first + k + threads, ...: the next level starts after the last one sent
    local last = t:get("firstCode") + t:get("index") + t:get("threadCount") * (n - 1)
    if last + 1 > nextCode then nextCode = last + 1 end
  end
  io.write(string.format("wrk acknowledged=%d failed=%d codes_used=%d next_code=%d rate=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
      acknowledged, bad, used, nextCode, acknowledged / (summary.duration / 1e6), latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000))
end
