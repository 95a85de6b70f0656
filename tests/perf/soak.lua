-- wrk script for the soak run (run.py --only soak): mixed flows over ever-new conversations, as a public clinic
-- page sees them. Run with as many threads as connections (-t8 -c8), so each thread has one connection and a
-- conversation's turns go one after another. Every conversation lasts 7 turns and follows one of the scripts
-- below in turn (topics, the foods and amounts prompts, a medication check to its result, help, start over,
-- delete my data; some end mid-prompt, as abandoned chats do). RUN keeps ids unique across runs.
local run = os.getenv("RUN") or "0"
local scripts = {
  { "tell me about fibro", "Magnesium and migraine", "how does magnesium work", "Foods with magnesium", "Yes", "34", "Female" },
  { "Check my medications", "norvasc, lasix and vitamin d 1000 IU", "no, that's all", "none of these", "help", "How much magnesium?", "Yes" },
  { "help", "Check my medications", "lisinopril", "start over", "Supplement forms", "Foods with magnesium", "delete my data" },
  { "How much magnesium?", "Yes", "2000 mg", "45", "Check my medications", "I take omeprazole", "start over" },
  { "Foods with magnesium", "Yes", "12", "Check my medications", "I take none", "none of these", "what are the side effects" },
}
local turns_per_conversation = 7
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
  local conversation = math.floor(counter / turns_per_conversation)
  local turn = counter % turns_per_conversation
  counter = counter + 1
  local conv = string.format("soak-%s-%d-%d", run, thread_id, conversation)
  local script = scripts[((conversation + thread_id) % #scripts) + 1]
  local body = string.format(
    '{"type":"message","id":"m%d","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/",' ..
    '"from":{"id":"u-%s","role":"user"},"conversation":{"id":"%s"},"recipient":{"id":"bot"},' ..
    '"text":"%s","deliveryMode":"expectReplies"}', counter, conv, conv, script[turn + 1])
  return wrk.format(nil, "/api/messages", nil, body)
end

function done(summary, latency, requests)
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"non2xx":%d,"socket_errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
