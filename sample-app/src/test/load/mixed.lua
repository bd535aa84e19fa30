-- wrk script for the sample app's load run (see docs/RELIABILITY.md): cycles through allowed
-- and denied calls of the demo users and counts every response whose status is not the one
-- the demo grants give. One connection per thread, so responses arrive in request order.
-- The explain call names a new random user each time, so the decision cache fills up to its
-- maximum size and must stay there.

local basic = {
	admin = "YWRtaW46YWRtaW4=", alice = "YWxpY2U6YWxpY2U=", bob = "Ym9iOmJvYg==",
	carol = "Y2Fyb2w6Y2Fyb2w=", dave = "ZGF2ZTpkYXZl", erin = "ZXJpbjplcmlu",
}

-- method, path, user (nil: anonymous), expected status
local calls = {
	{ "GET", "/events/1", "bob", 200 },
	{ "GET", "/events/2", "bob", 403 },
	{ "GET", "/events/1", "dave", 403 },
	{ "GET", "/events/2/tracks", "erin", 200 },
	{ "GET", "/events/1/tracks", "carol", 403 },
	{ "GET", "/events/1/tracks", "bob", 200 },
	{ "GET", "/sessions", "alice", 200 },
	{ "GET", "/events/1/sessions/4", "alice", 404 },
	{ "GET", "/events/1/speakers?view=public", "dave", 200 },
	{ "GET", "/events/1/speakers", "dave", 403 },
	{ "GET", "/events/2/speakers", "erin", 200 },
	{ "GET", "/admin/explain", "admin", 200 },
	{ "GET", "/admin/explain", "bob", 403 },
	{ "GET", "/events/1", nil, 401 },
}

local threads = {}

function setup(thread)
	thread:set("id", #threads + 1)
	table.insert(threads, thread)
end

function init(args)
	next_call = 0
	expected = 0
	checked = 0
	wrong = 0
	first_wrong = ""
	math.randomseed(id * 7919)
end

function request()
	next_call = next_call % #calls + 1
	local call = calls[next_call]
	expected = call[4]
	local path = call[2]
	if path == "/admin/explain" then
		path = path .. "?user=load-" .. math.random(1, 1000000000) .. "&permission=event:read&type=event&id=1"
	end
	local headers = {}
	if call[3] then
		headers["Authorization"] = "Basic " .. basic[call[3]]
	end
	return wrk.format(call[1], path, headers)
end

function response(status, headers, body)
	checked = checked + 1
	if status ~= expected then
		wrong = wrong + 1
		if first_wrong == "" then
			first_wrong = "call " .. next_call .. " answered " .. status .. " instead of " .. expected
		end
	end
end

function done(summary, latency, requests)
	local total_checked, total_wrong = 0, 0
	for _, thread in ipairs(threads) do
		total_checked = total_checked + thread:get("checked")
		total_wrong = total_wrong + thread:get("wrong")
		if thread:get("first_wrong") ~= "" then
			io.write("first wrong answer on thread " .. thread:get("id") .. ": " .. thread:get("first_wrong") .. "\n")
		end
	end
	local errors = summary.errors
	io.write(string.format("LOAD requests=%d checked=%d wrong=%d socket_errors=%d timeouts=%d status_errors=%d\n",
		summary.requests, total_checked, total_wrong, errors.connect + errors.read + errors.write,
		errors.timeout, errors.status))
	io.write(string.format("LOAD latency_ms p50=%.2f p90=%.2f p99=%.2f max=%.2f rps=%.0f\n",
		latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
		latency.max / 1000, summary.requests / (summary.duration / 1000000)))
end
