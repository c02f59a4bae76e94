-- One scenario of `make bench`, for wrk. Arguments: a file of requests (one per line:
-- method, path, body, then headers, tab-separated), the number of wrk threads, how many
-- seconds old a polling client's last answer is, a Lua pattern of the ETags it keeps, and
-- a file of the ETags that polling clients held before the run (path, tab, ETag).
--
-- Thread t sends lines t, t + threads, t + 2 threads, ... in turn (a polled page's lines
-- on the thread of its first one): keys vary as in real traffic, and no key repeats within
-- a run until a thread has sent its whole share (counted as a wrap). "{etag}" in a header
-- and "{after}" in a path stand for what the client polling that path kept from its answer
-- `lag` seconds before: the ETag (one held before the run counts as an old answer's; the
-- header is left out until there is one; a page's data-etag counts as the answer's, as the
-- page's script polls with it) and the board's last event id. done() prints the figures
-- as one JSON line.

local threads = {}

function setup(thread)
   thread:set("index", #threads)
   table.insert(threads, thread)
end

local requests, position = {}, 0
local lag, etag_pattern, polls
-- What the client of each path was told, one entry per change: {time, etag, after}. A
-- thread's connections answer in any order, so an answer is matched to its path by what
-- it says: a ticket's page names its own in data-hx-get; the board's feed is one client
-- per thread (key "").
local histories = {}

local function key_of(path)
   return path:find("{after}", 1, true) and "" or path
end
statuses, wraps = {}, 0

local function parse(line)
   local fields = {}
   for field in (line .. "\t"):gmatch("([^\t]*)\t") do
      table.insert(fields, field)
   end
   local headers = {}
   for i = 4, #fields do
      local name, value = fields[i]:match("^([^:]+):%s*(.*)$")
      headers[name] = value
   end
   local method = fields[1]
   -- A POST without a body still says Content-Length: 0.
   local body = method ~= "GET" and fields[3] or nil
   local r = { method = method, path = fields[2], body = body, headers = headers }
   if line:find("{etag}", 1, true) or line:find("{after}", 1, true) then
      polls = true
   else
      r.raw = wrk.format(method, r.path, headers, body)
   end
   return r
end

function init(args)
   local count = tonumber(args[2])
   lag, etag_pattern = tonumber(args[3]), args[4]
   for line in io.lines(args[5]) do
      local path, etag = line:match("^([^\t]*)\t(.*)$")
      histories[path] = { { time = 0, etag = etag } }
   end
   local lines, polled = {}, {}
   for line in io.lines(args[1]) do
      table.insert(lines, line)
      if line:find("{etag}", 1, true) then
         polled[line:match("^[^\t]*\t([^\t]*)")] = true
      end
   end
   -- A polled page's lines all go to the thread of its first one: its client keeps what
   -- the page was told, as a phone polls from the page it opened.
   local owners = {}
   for n, line in ipairs(lines) do
      local owner = (n - 1) % count
      local path = line:match("^[^\t]*\t([^\t]*)")
      if polled[path] and key_of(path) ~= "" then
         owners[path] = owners[path] or owner
         owner = owners[path]
      end
      if owner == index then
         table.insert(requests, parse(line))
      end
   end
end

-- The newest answer at least `lag` seconds old: what a client polling every `lag` seconds
-- holds when it asks again (os.time() has whole seconds: lag to lag + 1 s old). In the
-- run's first seconds, the oldest there is: the clients were polling before it began.
local function remembered(history)
   local past = os.time() - lag
   while history[2] and history[2].time <= past do
      table.remove(history, 1)
   end
   return history[1] or {}
end

function request()
   position = position + 1
   if position > #requests then
      position, wraps = 1, wraps + 1
   end
   local r = requests[position]
   if r.raw then
      return r.raw
   end
   local key = key_of(r.path)
   histories[key] = histories[key] or {}
   local kept = remembered(histories[key])
   local headers = {}
   for name, value in pairs(r.headers) do
      if value == "{etag}" then
         value = kept.etag
      end
      headers[name] = value
   end
   local path = r.path:gsub("{after}", tostring(kept.after or 0))
   return wrk.format(r.method, path, headers, r.body)
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
   if not polls then
      return
   end
   local key = (body or ""):match('data%-hx%-get="([^"]*)"') or ""
   histories[key] = histories[key] or {}
   local history = histories[key]
   local last = history[#history] or {}
   local etag = headers["ETag"]
   if not (etag and etag:match(etag_pattern)) then
      local kept = (body or ""):match('data%-etag="([^"]*)"')
      etag = kept and kept:gsub("&quot;", '"') or last.etag
   end
   local after = tonumber((body or ""):match('"last_event_id":%s*(%d+)') or "") or last.after
   if etag ~= last.etag or after ~= last.after then
      table.insert(history, { time = os.time(), etag = etag, after = after })
   end
end

function done(summary, latency)
   local counts, total_wraps = {}, 0
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses")) do
         counts[status] = (counts[status] or 0) + count
      end
      total_wraps = total_wraps + thread:get("wraps")
   end
   local fields, refused = {}, 0
   for status, count in pairs(counts) do
      table.insert(fields, string.format('"%d": %d', status, count))
      if status < 200 or status >= 400 then
         refused = refused + count
      end
   end
   local e = summary.errors
   io.write(string.format(
      'BENCH-RESULT {"requests": %d, "seconds": %.3f, "errors": %d, "statuses": {%s}, '
         .. '"wraps": %d, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f}\n',
      summary.requests,
      summary.duration / 1e6,
      e.connect + e.read + e.write + e.timeout + refused,
      table.concat(fields, ", "),
      total_wraps,
      latency:percentile(50) / 1000,
      latency:percentile(95) / 1000,
      latency:percentile(99) / 1000
   ))
end
