-- wrk script: message turns with deliveryMode expectReplies, spread over CONVERSATIONS conversations
-- (default 10,000) so MagBot's per-conversation rate limit never binds. Each thread takes its own
-- slice of conversation ids. The done() hook prints one JSON line the run script parses.
local conversations = tonumber(os.getenv("CONVERSATIONS") or "10000")
local unique = os.getenv("UNIQUE") == "1"   -- every request a new conversation (memory runs)
local texts = { "help", "what foods have magnesium", "tell me about fibro", "how does magnesium work" }
local threads = {}
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  thread_id = tonumber(tid) or 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local conv
  if unique then
    conv = string.format("bench-%d-%d", thread_id, counter)
  else
    conv = string.format("bench-%d", (thread_id * 7919 + counter) % conversations)
  end
  local text = texts[(counter % #texts) + 1]
  local body = string.format(
    '{"type":"message","id":"m%d","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/",' ..
    '"from":{"id":"u-%s","role":"user"},"conversation":{"id":"%s"},"recipient":{"id":"bot"},' ..
    '"text":"%s","deliveryMode":"expectReplies"}', counter, conv, conv, text)
  return wrk.format(nil, "/api/messages", nil, body)
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"non2xx":%d,"socket_errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
